"""Small helpers behind ``make demo``: print what was produced, briefly."""

from __future__ import annotations

import sys
from pathlib import Path

from corpuskit.diagnostics import Diagnostic
from corpuskit.jsonl import is_record_file, read_records


def summarise(root: Path) -> int:
    records = problems = 0
    for path in sorted(p for p in root.rglob("*") if p.is_file() and is_record_file(p)):
        for item in read_records(path):
            if isinstance(item, Diagnostic):
                problems += 1
                print(f"  {item.location}: {item.code} {item.message}")
            else:
                records += 1
                title = item.title or "(no title)"
                removed = len(item.provenance.removed)
                print(f"  {item.provenance.source.path}: {title[:58]!s}  [{len(item.body)} blocks, {removed} removed]")
    print(f"  {records} records read back, {problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(summarise(Path(sys.argv[1])))
