"""A JSON object: ``diagnostics`` (every field, located) and ``summary`` statistics."""

from __future__ import annotations

import json
from typing import TextIO

from corpuskit.validate import Report


def report(result: Report, out: TextIO) -> None:
    document = {
        "diagnostics": [
            {
                "code": d.code,
                "name": d.name,
                "severity": str(d.severity),
                "message": d.message,
                "path": d.path,
                "line": d.line,
                "column": d.column,
                "record_id": d.record_id,
                "json_path": d.json_path,
            }
            for d in result.diagnostics
        ],
        "summary": {
            "files": result.files,
            "valid_records": result.records,
            "diagnostics": len(result.diagnostics),
            "errors": result.errors,
            "by_code": dict(sorted(result.counts().items())),
        },
    }
    out.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
