"""SARIF 2.1.0, with every rule described in the driver (for GitHub code scanning)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from corpuskit._version import __version__
from corpuskit.diagnostics import Severity
from corpuskit.rules import all_rules
from corpuskit.validate import Report

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def report(result: Report, out: TextIO) -> None:
    rules = all_rules()
    index = {rule.code: position for position, rule in enumerate(rules)}
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "corpuskit",
                        "version": __version__,
                        "informationUri": "https://github.com/corpuskit/corpuskit",
                        "rules": [
                            {
                                "id": rule.code,
                                "name": rule.name,
                                "shortDescription": {"text": rule.summary},
                                "fullDescription": {"text": rule.doc},
                                "help": {"text": rule.doc, "markdown": rule.doc},
                                "helpUri": f"https://github.com/corpuskit/corpuskit/blob/main/docs/rules/{rule.code}.md",
                                "defaultConfiguration": {"level": _LEVEL[rule.severity]},
                            }
                            for rule in rules
                        ],
                    }
                },
                "results": [_result(d, index) for d in result.diagnostics],
            }
        ],
    }
    out.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def _result(d: Any, index: dict[str, int]) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": {"uri": d.path or "-"}}
    if d.line is not None:
        region: dict[str, int] = {"startLine": d.line}
        if d.column is not None:
            region["startColumn"] = d.column
        location["region"] = region
    result: dict[str, Any] = {
        "ruleId": d.code,
        "ruleIndex": index[d.code],
        "level": _LEVEL[d.severity],
        "message": {"text": d.message},
        "locations": [{"physicalLocation": location}],
    }
    properties = {key: value for key, value in (("record_id", d.record_id), ("json_path", d.json_path)) if value}
    if properties:
        result["properties"] = properties
    return result
