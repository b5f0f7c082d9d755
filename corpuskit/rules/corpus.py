"""Corpus rules (D): problems that only show across records.

These are observers: the engine shows them every record once, in order, and
they report at the first repeat (naming where the original is), or at the end.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple, get_args

from corpuskit.diagnostics import Diagnostic, Severity, in_element
from corpuskit.models import Article, CoverageField
from corpuskit.rules import declare
from corpuskit.rules.integrity import DUPLICATE_ID

DUPLICATE_BODY = declare(
    "D001",
    "duplicate-body",
    Severity.WARNING,
    """
    Two records have the same body text.

    ## Why
    Exact duplicates (syndicated wire copy, re-crawls) skew counts and leak
    between training and test splits.

    ## Example
    The same Reuters story under two outlets' URLs.

    ## Fix
    Keep one, or mark the syndication in `extensions`.
    """,
)

NEAR_DUPLICATE_BODY = declare(
    "D002",
    "near-duplicate-body",
    Severity.INFO,
    """
    Two records have nearly the same body (MinHash/LSH over word 5-shingles, Jaccard >= 0.8).

    Off by default, because it costs a MinHash per record; select it by its
    code: `--extend-select D002`.

    ## Why
    Re-crawls with a changed footer, lightly edited wire copy and updated
    versions of one story survive exact deduplication and still leak between
    training and test splits.

    ## Example
    The same agency story under two outlets, one with an added last paragraph.

    ## Fix
    Keep one, or mark the relation in `extensions`.
    """,
)

DUPLICATE_URL = declare(
    "D003",
    "duplicate-url",
    Severity.WARNING,
    """
    Two records have the same `url`.

    ## Why
    One page captured twice is usually a re-crawl; keep the capture you mean.

    ## Example
    Two captures of `https://news.example.org/a` from different days.

    ## Fix
    Keep one record per URL, or keep both on purpose and ignore this rule.
    """,
)

LOW_COVERAGE = declare(
    "D004",
    "low-coverage",
    Severity.WARNING,
    """
    A field is filled in fewer records than the configured floor.

    ## Why
    A corpus whose `published` is mostly null cannot be sliced by time; low
    coverage usually means a converter or sidecar problem.

    ## Example
    `published` present in 40 % of records with `coverage.published = 0.8`.

    ## Fix
    Supply a sidecar, fix the converter, or lower the floor.
    """,
)


@dataclass
class Where:
    """Where a record is: its file, its line, and its index in a ``.json`` array (a compact one is all line 1)."""

    path: str | None
    line: int | None
    element: int | None = None

    def __str__(self) -> str:
        shown = f"{self.path}:{self.line}" if self.line is not None else str(self.path)
        return shown if self.element is None else f"{shown} $[{self.element}]"

    def at(self, json_path: str | None) -> str | None:
        """A JSON path in the record, from the root of the file's document."""
        return in_element(self.element, json_path)


SHINGLE = 5
NUM_PERM = 64
NEAR_THRESHOLD = 0.8


@dataclass
class NearDuplicates:
    """MinHash/LSH index of bodies (datasketch); reports a record close to an earlier one."""

    lsh: Any = None  # datasketch.MinHashLSH, made on first use (datasketch ships no types)
    where: dict[str, Where] = field(default_factory=dict)

    def observe(self, key: str, text: str, where: Where) -> Where | None:
        from datasketch import MinHash, MinHashLSH

        if self.lsh is None:
            self.lsh = MinHashLSH(threshold=NEAR_THRESHOLD, num_perm=NUM_PERM)
        tokens = text.split()
        shingles = {" ".join(tokens[i : i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1))}
        signature = MinHash(num_perm=NUM_PERM, seed=1)
        signature.update_batch([shingle.encode() for shingle in shingles])
        matches = sorted(self.lsh.query(signature), key=lambda other: (str(self.where[other]), other))
        if key not in self.where:
            self.lsh.insert(key, signature)
            self.where[key] = where
        return self.where[matches[0]] if matches else None


class CorpusKey(NamedTuple):
    """What the corpus rules need of one record: small enough to send between processes
    (a named tuple: the cheapest object to unpickle)."""

    id: str
    url: str | None
    digest: bytes | None  # of the body text; None for an empty body
    filled: frozenset[str]
    body: str | None = None  # the text itself, only for the near-duplicate rule

    @classmethod
    def of(cls, article: Article, *, with_body: bool = False) -> CorpusKey:
        filled = frozenset(name for name in COVERAGE_FIELDS if getattr(article, name) not in (None, ()))
        body = "\n".join(block.text for block in article.body)
        digest = hashlib.blake2b(body.encode(), digest_size=16).digest() if body else None
        return cls(article.id, article.url, digest, filled, body if with_body and body else None)


COVERAGE_FIELDS: tuple[str, ...] = get_args(CoverageField)


@dataclass
class CorpusObserver:
    """Tracks ids, bodies, URLs and field coverage across one validation run."""

    coverage_floor: dict[str, float] = field(default_factory=dict)
    near_duplicates: NearDuplicates | None = None
    ids: dict[str, Where] = field(default_factory=dict)
    bodies: dict[bytes, Where] = field(default_factory=dict)
    urls: dict[str, Where] = field(default_factory=dict)
    filled: dict[str, int] = field(default_factory=dict)
    records: int = 0

    def observe(self, key: CorpusKey, where: Where) -> Iterator[Diagnostic]:
        self.records += 1
        located = {"path": where.path, "line": where.line, "record_id": key.id}
        first = self.ids.setdefault(key.id, where)
        if first is not where:
            yield DUPLICATE_ID.diagnostic(f"id {key.id} also at {first}", json_path=where.at("$.id"), **located)
        if key.digest is not None:
            first = self.bodies.setdefault(key.digest, where)
            if first is not where:
                yield DUPLICATE_BODY.diagnostic(
                    f"body identical to the record at {first}", json_path=where.at("$.body"), **located
                )
            elif self.near_duplicates is not None and key.body is not None:
                close = self.near_duplicates.observe(f"{where}#{key.id}", key.body, where)
                if close is not None:
                    yield NEAR_DUPLICATE_BODY.diagnostic(
                        f"body nearly the same as the record at {close}", json_path=where.at("$.body"), **located
                    )
        if key.url is not None:
            first = self.urls.setdefault(key.url, where)
            if first is not where:
                yield DUPLICATE_URL.diagnostic(f"url also at {first}", json_path=where.at("$.url"), **located)
        for name in key.filled:
            self.filled[name] = self.filled.get(name, 0) + 1

    def finish(self, path: str | None) -> Iterator[Diagnostic]:
        if not self.records:
            return
        for name, floor in sorted(self.coverage_floor.items()):
            share = self.filled.get(name, 0) / self.records
            if share < floor:
                yield LOW_COVERAGE.diagnostic(
                    f"{name} is filled in {share:.0%} of {self.records} records (floor {floor:.0%})", path=path
                )
