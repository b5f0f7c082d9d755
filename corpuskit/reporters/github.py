"""GitHub Actions workflow commands: ``::error file=…,line=…,title=…::message``."""

from __future__ import annotations

from typing import TextIO

from corpuskit.diagnostics import Severity
from corpuskit.validate import Report

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def report(result: Report, out: TextIO) -> None:
    for d in result.diagnostics:
        properties = []
        if d.path:
            properties.append(f"file={_escape_property(d.path)}")
        if d.line is not None:
            properties.append(f"line={d.line}")
        if d.column is not None:
            properties.append(f"col={d.column}")
        properties.append(f"title={_escape_property(f'{d.code} {d.name}')}")
        out.write(f"::{_LEVEL[d.severity]} {','.join(properties)}::{_escape_data(d.detail)}\n")
