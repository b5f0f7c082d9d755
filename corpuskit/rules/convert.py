"""Conversion rules (C): problems met while turning sources into records."""

from __future__ import annotations

from corpuskit.diagnostics import Severity
from corpuskit.rules import declare

CONVERSION_FAILED = declare(
    "C001",
    "conversion-failed",
    Severity.ERROR,
    """
    A source could not be converted.

    ## Why
    Its record is missing from the output; the run goes on with the next source.

    ## Example
    A converter bug met on an unusual page, reported with the source's path.

    ## Fix
    Report the source and the message to the corpuskit developers.
    """,
)

UNREADABLE_SOURCE = declare(
    "C002",
    "unreadable-source",
    Severity.ERROR,
    """
    A source file cannot be read.

    ## Why
    Its record is missing from the output.

    ## Example
    A file without read permission, or one that vanished during the run.

    ## Fix
    Fix the permissions or the path.
    """,
)

SIDECAR_INVALID = declare(
    "C003",
    "sidecar-invalid",
    Severity.ERROR,
    """
    A sidecar row or value is not usable.

    ## Why
    Sidecar values take precedence over extraction, so a bad one would
    overwrite a good extracted value. The row is ignored and reported.

    ## Example
    `published` = `11/03/2018` (not ISO 8601), or a row without `path`.

    ## Fix
    Write the value in the record's own format (see docs/spec.md).
    """,
)

SIDECAR_UNMATCHED = declare(
    "C004",
    "sidecar-unmatched",
    Severity.WARNING,
    """
    A sidecar row names a path that no converted source has.

    ## Why
    Usually a typo or a path relative to the wrong root: its metadata was not applied.

    ## Example
    `path` = `seeds/001.txt` when sources were given as `fixtures/seeds/`.

    ## Fix
    Use the path relative to the input root, as `provenance.source.path` shows it.
    """,
)
