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

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path

from corpuskit.diagnostics import Diagnostic, Severity
from corpuskit.jsonl import is_record_file, read_records_with_lines
from corpuskit.models import Article
from corpuskit.rules import Rule, all_rules
from corpuskit.rules.context import RuleContext
from corpuskit.rules.corpus import CorpusObserver, NearDuplicates, Where

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


def record_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Record files under the given paths, in a stable order (directories walked)."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and is_record_file(p))
        else:
            yield path


Progress = Callable[[str, int], None]
"""Called with the current file and the records read so far (every 1,000 and at each file's end)."""


def validate_paths(paths: Iterable[Path], options: ValidateOptions, *, progress: Progress | None = None) -> Report:
    """Validate record files; bad files and records become diagnostics, never exceptions."""
    rules = [rule for rule in all_rules() if rule.check is not None and options.selected(rule.code)]
    context = RuleContext(
        now=options.now or dt.date.today().isoformat(),
        date_floor=options.date_floor,
        min_body_words=options.min_body_words,
    )
    observer = CorpusObserver(
        coverage_floor=dict(options.coverage_floor),
        near_duplicates=NearDuplicates() if options.selected("D002") else None,
    )
    report = Report()
    for path in record_files(paths):
        report.files += 1
        for line, item in read_records_with_lines(path):
            if isinstance(item, Diagnostic):
                found: Iterable[Diagnostic] = (item,)
            else:
                report.records += 1
                found = _check_record(item, rules, context, str(path), line)
                found = [*found, *observer.observe(item, Where(str(path), line))]
            report.diagnostics.extend(d for d in found if options.selected(d.code, d.path))
            if progress is not None and report.records % 1000 == 0:
                progress(str(path), report.records)
        if progress is not None:
            progress(str(path), report.records)
    report.diagnostics.extend(d for d in observer.finish(None) if options.selected(d.code))
    return report


def _check_record(
    article: Article, rules: list[Rule], context: RuleContext, path: str, line: int | None
) -> Iterator[Diagnostic]:
    for rule in rules:
        assert rule.check is not None
        for message, json_path in rule.check(article, context):
            yield rule.diagnostic(message, path=path, line=line, record_id=article.id, json_path=json_path)
