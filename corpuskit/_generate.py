"""Write every generated file from its source of truth. ``make generate`` runs this;
``tests/unit/test_generated.py`` fails when a committed copy drifts."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from corpuskit.jsonl import dump_json
from corpuskit.models import Article
from corpuskit.schema import render

ROOT = Path(__file__).resolve().parent.parent


def generated_files() -> dict[str, Callable[[], str | bytes]]:
    """Path (relative to the repository) → function producing its exact content."""
    files: dict[str, Callable[[], str | bytes]] = {
        "schema/article.schema.json": lambda: render("article"),
        "schema/corpus.schema.json": lambda: render("corpus"),
    }
    seeds = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
    for seed in seeds:
        files[f"fixtures/expected/{seed.stem}.json"] = lambda seed=seed: _expected(seed)  # type: ignore[misc]
    files["fixtures/valid/seeds.jsonl"] = lambda: b"".join(
        dump_json(json.loads(_expected(seed))) + b"\n" for seed in seeds
    )
    files.update(_invalid_fixtures(seeds))
    for fmt in ("text", "json", "github", "junit", "sarif"):
        files[f"tests/snapshots/validate.{fmt}"] = lambda fmt=fmt: _validate_snapshot(fmt)  # type: ignore[misc]
    from corpuskit.cli import rule_page
    from corpuskit.rules import all_rules

    for rule in all_rules():
        files[f"docs/rules/{rule.code}.md"] = lambda code=rule.code: rule_page(code)  # type: ignore[misc]
    return files


SEED_STAMP = "2026-01-01T00:00:00Z"


@cache  # every invalid fixture starts from a seed's conversion: convert each seed once
def _expected(seed: Path) -> str:
    """The reviewed conversion of a seed, with its sidecar (a snapshot: review diffs by eye)."""
    from corpuskit.convert import REGISTRY, convert_source
    from corpuskit.convert._build import SourceInput
    from corpuskit.convert.sidecar import load_sidecar

    sidecar = load_sidecar(ROOT / "fixtures" / "seeds" / "sidecar.csv")
    (article,) = convert_source(
        REGISTRY["text"], SourceInput(seed.name, seed.read_bytes()), row=sidecar.for_path(seed.name), stamp=SEED_STAMP
    )
    if not isinstance(article, Article):
        raise RuntimeError(f"{seed.name} did not convert: {article.message}")
    return json.dumps(article.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


SNAPSHOT_INPUTS = ("fixtures/invalid/R002", "fixtures/invalid/S001", "fixtures/invalid/F001", "fixtures/invalid/I001")


def _validate_snapshot(fmt: str) -> str:
    """What `corpuskit validate` prints for a few invalid fixtures (run from the repository root)."""
    import contextlib
    import io

    from corpuskit.cli import main as cli

    out = io.StringIO()
    with contextlib.chdir(ROOT):
        cli(["validate", *SNAPSHOT_INPUTS, "--now", "2026-11-22", "--output-format", fmt], out=out)
    return out.getvalue()


def _invalid_fixtures(seeds: list[Path]) -> dict[str, Callable[[], str | bytes]]:
    """One folder per rule under fixtures/invalid/, each file triggering exactly that rule."""
    from corpuskit.ids import derive_id
    from corpuskit.strategies import RECORD_MUTATIONS, mutate

    def base(index: int = 3) -> dict[str, Any]:
        return dict(json.loads(_expected(seeds[index])))

    def line(record: dict[str, Any]) -> bytes:
        return dump_json(record) + b"\n"

    def other_source(record: dict[str, Any], sha: str) -> dict[str, Any]:
        record["provenance"]["source"]["sha256"] = sha
        record["id"] = derive_id(sha)
        return record

    def same_id() -> bytes:
        second = base()
        second["body"] = second["body"][1:] + second["body"][:1]
        second["provenance"]["spans"] = second["provenance"]["spans"][1:] + second["provenance"]["spans"][:1]
        return line(base()) + line(second)

    def same_url() -> bytes:
        first, second = base(3), base(1)
        first["url"] = second["url"] = "https://www.example.com/news/lansman"
        return line(first) + line(second)

    def near_copy() -> bytes:
        second = other_source(base(), "e" * 64)
        second["body"][-1]["text"] += " A sentence added in the later version."
        return line(base()) + line(second)

    def truncated_gzip() -> bytes:
        import gzip

        packed = gzip.compress(b"".join(line(base(i)) for i in range(5)), mtime=0)
        return packed[: len(packed) - 40]

    files: dict[str, Callable[[], str | bytes]] = {
        f"fixtures/invalid/{code}/record.jsonl": (lambda code=code: line(mutate(code, base())))  # type: ignore[misc]
        for code in RECORD_MUTATIONS
    }
    files.update(
        {
            "fixtures/invalid/I001/records.jsonl": same_id,
            "fixtures/invalid/D001/records.jsonl": lambda: line(base()) + line(other_source(base(), "f" * 64)),
            "fixtures/invalid/D003/records.jsonl": same_url,
            "fixtures/invalid/D002/records.jsonl": near_copy,
            "fixtures/invalid/F001/record.jsonl": lambda: line(base())[:200] + b"\n",
            "fixtures/invalid/F002/record.jsonl": lambda: line(base()).replace(b"Momentum", b"Mom\xe9ntum", 1),
            "fixtures/invalid/F003/records.jsonl.gz": truncated_gzip,
            "fixtures/invalid/F004/record.jsonl": lambda: line(base())[:-2] + b',"title":"Again"}\n',
            "fixtures/invalid/F005/record.jsonl": lambda: line(base()).replace(
                b'"extensions":{}', b'"extensions":{"org.example":{"score":NaN}}'
            ),
            "fixtures/invalid/F006/record.jsonl": lambda: line(base()).replace(
                b'"extensions":{}', b'"extensions":{"org.example":{"deep":' + b"[" * 80 + b"]" * 80 + b"}}"
            ),
            "fixtures/invalid/F007/record.jsonl": lambda: b"[1, 2, 3]\n",
            "fixtures/invalid/F008/empty.jsonl": lambda: b"",
            "fixtures/invalid/F009/record.jsonl": lambda: b"\xef\xbb\xbf" + line(base()),
            "fixtures/invalid/F011/records.jsonl": lambda: line(base(3)) + b"\n" + line(base(1)),
            "fixtures/invalid/S001/record.jsonl": lambda: line({**base(), "published": "2018-02-30"}),
            "fixtures/invalid/S002/record.jsonl": lambda: line({**base(), "sentiment": 0.4}),
        }
    )
    return files


def main() -> int:
    for relative, produce in generated_files().items():
        target = ROOT / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        content = produce()
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
        print(f"wrote {relative}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
