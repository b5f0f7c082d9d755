"""``path:line:col: CODE message``, one per line, then a summary (ruff-like)."""

from __future__ import annotations

from typing import TextIO

from corpuskit.validate import Report


def report(result: Report, out: TextIO) -> None:
    for diagnostic in result.diagnostics:
        where = diagnostic.location
        out.write(f"{where}: {diagnostic.code} {diagnostic.detail}\n")
    counts = result.counts()
    if counts:
        out.write("\n")
        for code, count in sorted(counts.items()):
            name = next(d.name for d in result.diagnostics if d.code == code)
            out.write(f"{count:>6}  {code}  {name}\n")
    found = len(result.diagnostics)
    out.write(f"Checked {result.files} file(s): {result.records} valid record(s), {found} problem(s) found.\n")
