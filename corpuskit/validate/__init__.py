"""The validator: record files in, a report of located diagnostics out.

A pipeline with one job per step: find the files, read them (the reader turns
parse and schema problems into diagnostics), run every selected record rule on
each valid record, show every record to the corpus observers, and filter what
is reported by the selection. Records stream; memory holds only the corpus
observers' digests and the diagnostics.

>>> from pathlib import Path
>>> report = validate_paths([Path("fixtures/valid")], ValidateOptions(now="2026-11-22"))
>>> report.records, report.diagnostics
(5, [])
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path
from typing import Any, NamedTuple

from corpuskit._ordered import in_order, workers
from corpuskit.diagnostics import Diagnostic, Severity
from corpuskit.jsonl import (
    COMPRESSION_MAGICS,
    COMPRESSIONS,
    FOREIGN_HEAD,
    LINES_SUFFIXES,
    is_record_file,
    not_records,
    read_located,
    read_range,
)
from corpuskit.models import Article
from corpuskit.package import check_package, is_package, record_shards
from corpuskit.rules import Rule, all_rules
from corpuskit.rules.context import RuleContext
from corpuskit.rules.corpus import CorpusKey, CorpusObserver, NearDuplicates, Where
from corpuskit.rules.file import BLANK_LINE, BYTE_ORDER_MARK, EMPTY_FILE, UNREADABLE_FILE

OFF_BY_DEFAULT = frozenset({"D002"})
"""Costly rules that run only when named by their code (not by a prefix or ALL)."""


@dataclass(frozen=True)
class ValidateOptions:
    """What to check and how: the merged configuration and command line."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    now: str | None = None
    date_floor: str = "1605"
    min_body_words: int = 50
    coverage_floor: dict[str, float] = field(default_factory=dict)
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    fast: bool = False  # packages: bag structure and Payload-Oxum only
    reproduce: bool = False  # packages: re-convert each source and compare

    def selected(self, code: str, path: str | None = None) -> bool:
        if code in OFF_BY_DEFAULT:
            chosen = code in self.select
        else:
            chosen = any(prefix == "ALL" or code.startswith(prefix) for prefix in self.select)
        ignored = [*self.ignore]
        if path is not None:
            ignored += [code for pattern, codes in self.per_file_ignores if fnmatch(path, pattern) for code in codes]
        return chosen and not any(code.startswith(prefix) for prefix in ignored)


@dataclass
class Report:
    """Everything a reporter needs: the diagnostics and the run's figures."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0
    records: int = 0  # records that parsed and fit the schema (the others are diagnostics)

    def counts(self) -> Counter[str]:
        return Counter(diagnostic.code for diagnostic in self.diagnostics)

    @property
    def errors(self) -> int:
        return sum(1 for diagnostic in self.diagnostics if diagnostic.severity is Severity.ERROR)


def record_files(paths: Iterable[Path], problems: list[Diagnostic] | None = None) -> Iterator[Path]:
    """Record files under the given paths, in a stable order (directories walked).

    A record-named entry of a walked folder that is no regular file (a link to nothing, a named
    pipe, a socket, a device) is not read: reading a pipe would wait for a writer. It goes to
    ``problems`` as F010, so a corpus that lost a shard to a broken link does not pass on the rest.
    """
    for path in paths:
        if is_package(path):
            yield from record_shards(path)
        elif path.is_dir():
            for entry in sorted(p for p in path.rglob("*") if is_record_file(p) and not p.is_dir()):
                if entry.is_file():
                    yield entry
                elif problems is not None:
                    problems.append(UNREADABLE_FILE.diagnostic(_not_regular(entry), path=str(entry)))
        else:
            yield path


def _not_regular(path: Path) -> str:
    """Why a walked record-named entry is not read."""
    if path.is_symlink() and not path.exists():
        return f"not read: a symbolic link to {os.readlink(path)}, which leads to no file"
    kinds = (
        (Path.is_fifo, "a named pipe"),
        (Path.is_socket, "a socket"),
        (Path.is_block_device, "a device"),
        (Path.is_char_device, "a device"),
    )
    kind = next((name for test, name in kinds if test(path)), "not a regular file")
    return f"not read: {kind} (name it on the command line to read it)"


_SUFFIXES_SHOWN = (
    f"*.json, {' or '.join(f'*{stem}' for stem in LINES_SUFFIXES)}, each plain or {'/'.join(COMPRESSIONS)}"
)

Progress = Callable[[str, int], None]
"""Called with the current file and the records read so far (every 1,000 and at each file's end)."""


def validate_paths(
    paths: Iterable[Path],
    options: ValidateOptions,
    *,
    jobs: int = 1,
    progress: Progress | None = None,
    engine: str = "local",
    scheduler: str | None = None,
) -> Report:
    """Validate record files; bad files and records become diagnostics, never exceptions.

    With ``jobs > 1`` a process pool checks chunks of files (large uncompressed
    files are cut at line boundaries); results are replayed in input order, so
    the report is the same as with one job.
    """
    observer = CorpusObserver(
        coverage_floor=dict(options.coverage_floor),
        near_duplicates=NearDuplicates() if options.selected("D002") else None,
    )
    report = Report()
    paths = list(paths)
    for package in filter(is_package, paths):
        problems = check_package(package, fast=options.fast, reproduce=options.reproduce)
        report.diagnostics.extend(d for d in problems if options.selected(d.code, d.path))
    if options.fast:
        paths = [path for path in paths if not is_package(path)]
    files: list[Path] = []
    for path in paths:
        skipped: list[Diagnostic] = []
        under = list(record_files([path], skipped))
        report.diagnostics.extend(d for d in skipped if options.selected(d.code, d.path))
        if not under and path.is_dir() and not is_package(path):
            # A CI job pointed at the wrong folder (or at *.json.gz files) must not pass on nothing checked.
            empty = EMPTY_FILE.diagnostic(f"folder holds no record files ({_SUFFIXES_SHOWN})", path=str(path))
            report.diagnostics.extend([empty] if options.selected(empty.code, empty.path) else [])
        files += under
    report.files = len(files)
    distributed = jobs > 1 or engine == "dask"
    size = chunk_size(files, jobs) if distributed else None
    work = [chunk for path in files for chunk in (split(path, size) if distributed else [Chunk(path)])]
    started = workers(jobs, len(work))
    with contextlib.ExitStack() as stack:
        if engine == "dask":
            from corpuskit._dask import dask_client

            client = stack.enter_context(dask_client(started, scheduler))
            results: Iterable[Iterable[Checked]] = _bounded_map(client, work, options, window=2 * started)
        elif jobs > 1:
            pool = stack.enter_context(ProcessPoolExecutor(max_workers=started))
            results = _bounded_map(pool, work, options, window=2 * started)
        else:
            results = (iter_chunk(chunk, options) for chunk in work)  # streams: one record at a time
        content: dict[Path, bool] = {}
        for index, (chunk, checked) in enumerate(zip(work, results, strict=True)):
            for item in checked:
                content[chunk.path] = content.get(chunk.path, False) or item.content
                report.diagnostics.extend(item.diagnostics)
                if item.key is not None:
                    report.records += 1
                    where = Where(str(chunk.path), item.line, item.element)
                    found = observer.observe(item.key, where)
                    report.diagnostics.extend(d for d in found if options.selected(d.code, d.path))
                    if progress is not None and report.records % 1000 == 0:
                        progress(str(chunk.path), report.records)
            last_of_file = index + 1 == len(work) or work[index + 1].path != chunk.path
            if last_of_file and chunk.end is not None and not content.get(chunk.path):
                # A cut file is judged empty as a whole, as the reader judges an uncut one.
                empty = EMPTY_FILE.diagnostic("file holds no records", path=str(chunk.path))
                report.diagnostics.extend([empty] if options.selected(empty.code, empty.path) else [])
            if progress is not None:
                progress(str(chunk.path), report.records)
    report.diagnostics.extend(d for d in observer.finish(None) if options.selected(d.code))
    return report


def _bounded_map(pool: Any, work: list[Chunk], options: ValidateOptions, *, window: int) -> Iterator[list[Checked]]:
    """Results in input order, with at most ``window`` chunks in flight (memory stays bounded).

    ``pool`` is a process pool or a Dask client: both ``submit`` and return futures.
    """
    for _, future in in_order(lambda chunk: pool.submit(check_chunk, chunk, options), work, window):
        yield future.result()


@dataclass(frozen=True, slots=True)
class Chunk:
    """A file, or bytes ``[start, end)`` of an uncompressed JSON Lines file starting at ``first_line``."""

    path: Path
    start: int = 0
    end: int | None = None
    first_line: int = 1


class Checked(NamedTuple):
    """One read item after the record rules: its diagnostics, and its corpus key if it is a record.

    Sent back from workers by the thousand: a named tuple unpickles fastest."""

    line: int | None
    diagnostics: list[Diagnostic]
    key: CorpusKey | None
    content: bool  # a non-blank line (not a blank-line or byte-order-mark note)
    element: int | None = None  # the record's index in a .json array


CHUNK_BYTES = 8 * 1024 * 1024
MIN_CHUNK_BYTES = 256 * 1024
CHUNKS_PER_JOB = 16


def chunk_size(files: list[Path], jobs: int) -> int:
    """Chunks small enough that the jobs finish together (the last chunk is the tail
    one job works alone), large enough that sending them costs little."""
    total = 0
    for path in files:
        with contextlib.suppress(OSError):
            total += path.stat().st_size
    return min(CHUNK_BYTES, max(MIN_CHUNK_BYTES, total // (max(jobs, 1) * CHUNKS_PER_JOB)))


def split(path: Path, size: int | None = None) -> list[Chunk]:
    """Cut an uncompressed JSON Lines file at line ends into chunks of about ``size`` bytes."""
    size = size or CHUNK_BYTES
    try:
        with open(path, "rb") as stream:
            head = stream.read(FOREIGN_HEAD)
            if (
                path.name.lower().endswith(".json")
                or head.startswith(COMPRESSION_MAGICS)
                or not_records(head, str(path)) is not None
            ):
                return [Chunk(path)]  # read whole: a compressed stream, or a file the reader reports at once
            stream.seek(0)
            chunks: list[Chunk] = []
            start, line = 0, 1
            while True:
                block = stream.read(size)
                if not block:
                    break
                tail = stream.readline()  # finish the line the block cut
                end = start + len(block) + len(tail)
                chunks.append(Chunk(path, start, end, line))
                line += (block + tail).count(b"\n")
                start = end
            return chunks or [Chunk(path)]
    except OSError:
        return [Chunk(path)]  # the reader reports it, located


def check_chunk(chunk: Chunk, options: ValidateOptions) -> list[Checked]:
    """A chunk's results as a list, to send back from a worker (chunks are bounded in size)."""
    return list(iter_chunk(chunk, options))


def iter_chunk(chunk: Chunk, options: ValidateOptions) -> Iterator[Checked]:
    """Read a chunk and run the selected record rules on each record, streaming."""
    rules, context = _rules_and_context(options)
    with_body = options.selected("D002")  # the near-duplicate rule needs the text itself
    if chunk.end is None:
        items = read_located(chunk.path)
    else:
        items = ((line, None, item) for line, item in read_range(chunk.path, chunk.start, chunk.end, chunk.first_line))
    for line, element, item in items:
        if isinstance(item, Diagnostic):
            content = item.code not in (BLANK_LINE.code, BYTE_ORDER_MARK.code, EMPTY_FILE.code)
            yield Checked(line, [item] if options.selected(item.code, item.path) else [], None, content)
            continue
        checked = _check_record(item, rules, context, Where(str(chunk.path), line, element))
        found = [d for d in checked if options.selected(d.code, d.path)]
        yield Checked(line, found, CorpusKey.of(item, with_body=with_body), True, element)


def _rules_and_context(options: ValidateOptions) -> tuple[list[Rule], RuleContext]:
    rules = [rule for rule in all_rules() if rule.check is not None and options.selected(rule.code)]
    context = RuleContext(
        now=options.now or dt.date.today().isoformat(),
        date_floor=options.date_floor,
        min_body_words=options.min_body_words,
    )
    return rules, context


def _check_record(article: Article, rules: list[Rule], context: RuleContext, where: Where) -> Iterator[Diagnostic]:
    for rule in rules:
        assert rule.check is not None
        for message, json_path in rule.check(article, context):
            yield rule.diagnostic(
                message,
                path=where.path,
                line=where.line,
                record_id=article.id,
                json_path=where.at(json_path),
            )
