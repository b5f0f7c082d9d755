"""Small helpers behind ``make demo``: print what was produced, briefly."""

from __future__ import annotations

import sys
from pathlib import Path

from corpuskit.diagnostics import Diagnostic
from corpuskit.jsonl import is_record_file, read_records


def summarise(root: Path) -> int:
    records = problems = 0
    paths = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file() and is_record_file(p))
    for path in paths:
        for item in read_records(path):
            if isinstance(item, Diagnostic):
                problems += 1
                print(f"  {item.location}: {item.code} {item.message}")
            else:
                records += 1
                title = item.title or "(no title)"
                removed = len(item.provenance.removed)
                capture = item.provenance.capture
                where = f"@{capture.offset}" if capture is not None else ""
                print(
                    f"  {item.provenance.source.path}{where}: {title[:58]!s}  [{len(item.body)} blocks, {removed} removed]"
                )
                if capture is not None:
                    outlet = item.outlet.name if item.outlet is not None else None
                    bylines = ", ".join(byline.name for byline in item.bylines) or "-"
                    print(f"      {outlet} | {item.published} | {item.language} | by {bylines}")
    print(f"  {records} records read back, {problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(summarise(Path(sys.argv[1])))
