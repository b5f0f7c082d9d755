"""Reporters: one module per ``--output-format``, registered here by name."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from corpuskit.reporters import github, json_format, junit, sarif, text
from corpuskit.validate import Report

Reporter = Callable[[Report, TextIO], None]

REPORTERS: dict[str, Reporter] = {
    "text": text.report,
    "json": json_format.report,
    "github": github.report,
    "junit": junit.report,
    "sarif": sarif.report,
}
