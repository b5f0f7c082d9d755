"""Schema rules (S): a parsed object that is not a valid record."""

from __future__ import annotations

from corpuskit.diagnostics import Severity
from corpuskit.rules import declare

SCHEMA_VIOLATION = declare(
    "S001",
    "schema-violation",
    Severity.ERROR,
    """
    A record does not conform to `schema/article.schema.json`.

    ## Why
    Readers of the corpus rely on every key being present with the right type
    and shape; a non-conforming record breaks them or is silently misread.

    ## Example
    `"published": "2018-02-30"` (no such day), or `"bylines": "Kate McCann"`
    (a string where a list is required).

    ## Fix
    Correct the value at the reported JSON path. Unknown values are `null`
    (or `[]` for lists), never left out.
    """,
)

UNKNOWN_FIELD = declare(
    "S002",
    "unknown-field",
    Severity.ERROR,
    """
    A record has a key that the format does not define.

    ## Why
    Unknown keys are either typos or data that other readers will drop.
    Users' own data belongs in `extensions`, under a namespace.

    ## Example
    `"autor": [...]` beside `"bylines"`, or a top-level `"sentiment": 0.4`.

    ## Fix
    Rename the key, or move the data to `extensions["org.example"]`.
    """,
)
