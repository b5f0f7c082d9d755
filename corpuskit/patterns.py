"""Regular expressions shared by the models and the published JSON Schemas.

Each pattern is written once, here, and used in two places: pydantic checks it
when a record is built, and it is copied verbatim into ``schema/*.json``. That
is what keeps the model and the schema in agreement, so every pattern must mean
the same thing in ECMA-262 (the dialect JSON Schema names), in Rust's ``regex``
(pydantic-core) and in Python's ``re``. Hence: explicit character classes
instead of ``\\d``/``\\s``/``\\w`` (whose meaning differs between engines), no
look-around (Rust has none), and anchors ``^…$`` around the whole pattern.
"""

from __future__ import annotations

import re
from typing import Final

# --- dates --------------------------------------------------------------

_YEAR: Final = "[0-9]{4}"
_MONTH: Final = "(?:0[1-9]|1[0-2])"
# Years divisible by 4, except centuries not divisible by 400 (0000 counts as leap).
_LEAP_YEAR: Final = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
_MONTH_DAY: Final = (
    "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    "|02-(?:0[1-9]|1[0-9]|2[0-8]))"
)
_CALENDAR_DATE: Final = f"(?:{_YEAR}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29)"
_TIME: Final = "(?:[01][0-9]|2[0-3]):[0-5][0-9]"
_SECONDS: Final = ":[0-5][0-9](?:[.][0-9]{1,9})?"
_OFFSET: Final = "(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])"

PARTIAL_DATE: Final = (
    f"^(?:{_YEAR}|{_YEAR}-{_MONTH}|{_CALENDAR_DATE}|{_CALENDAR_DATE}T{_TIME}(?:{_SECONDS})?{_OFFSET}?)$"
)
"""``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``YYYY-MM-DDThh:mm[:ss[.f]]`` with an
optional offset. Impossible calendar dates (``2019-02-29``) do not match."""

TIMESTAMP: Final = f"^{_CALENDAR_DATE}T{_TIME}{_SECONDS}{_OFFSET}$"
"""A complete instant, seconds and offset included: ``2018-03-11T16:23:00Z``."""

# --- identifiers --------------------------------------------------------

SHA256: Final = "^[0-9a-f]{64}$"
RECORD_ID: Final = "^[0-9a-f]{32}$"
FORMAT_NAME: Final = "^[a-z][a-z0-9_-]*(?:[.][a-z0-9_-]+)*$"
"""Dotted lower-case names, used for rule, method and converter names."""

EXTENSION_NAMESPACE: Final = "^[a-z][a-z0-9-]*(?:[.][a-z0-9-]+)+$"
"""Reverse-DNS style namespaces for ``extensions``: ``org.example``, ``com.acme.news``."""

# --- web ------------------------------------------------------------------

_LABEL: Final = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
DOMAIN: Final = f"^{_LABEL}(?:[.]{_LABEL})+$"
"""A lower-case DNS name with at least one dot; IDNs in their ``xn--`` form."""

HTTP_URL: Final = (
    "^[Hh][Tt][Tt][Pp][Ss]?://"
    "(?:[^\\x00-\\x20\\x7f/?#@:\\[\\]]+|\\[[0-9A-Fa-f:.]+\\])"
    "(?::[0-9]{1,5})?"
    "(?:[/?#][^\\x00-\\x20\\x7f]*)?$"
)
"""An absolute http(s) URL with a host and no user information or white space."""

# --- language tags (RFC 5646 well-formedness) -----------------------------

_ALNUM: Final = "[A-Za-z0-9]"
_LANGUAGE: Final = "(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})"
_SCRIPT: Final = "(?:-[A-Za-z]{4})?"
_REGION: Final = "(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"
_VARIANT: Final = f"(?:-(?:{_ALNUM}{{5,8}}|[0-9]{_ALNUM}{{3}}))*"
_EXTENSION: Final = f"(?:-[0-9A-WYZa-wyz](?:-{_ALNUM}{{2,8}})+)*"
_PRIVATE: Final = f"(?:-[Xx](?:-{_ALNUM}{{1,8}})+)?"
_GRANDFATHERED: Final = (
    "en-GB-oed|i-ami|i-bnn|i-default|i-enochian|i-hak|i-klingon|i-lux|i-mingo"
    "|i-navajo|i-pwn|i-tao|i-tay|i-tsu|sgn-BE-FR|sgn-BE-NL|sgn-CH-DE"
    "|art-lojban|cel-gaulish|no-bok|no-nyn|zh-guoyu|zh-hakka|zh-min|zh-min-nan"
    "|zh-xiang"
)
LANGUAGE_TAG: Final = (
    f"^(?:{_LANGUAGE}{_SCRIPT}{_REGION}{_VARIANT}{_EXTENSION}{_PRIVATE}|[Xx](?:-{_ALNUM}{{1,8}})+|{_GRANDFATHERED})$"
)
"""A well-formed BCP 47 tag. Well-formed, not valid: ``qq-QQ`` matches."""

# --- text -----------------------------------------------------------------

WHITESPACE_CHARS: Final = (
    "\\t\\n\\x0b\\x0c\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"
)
"""Every character that Python, ECMA-262 or Unicode treats as white space."""

TRIMMED_TEXT: Final = f"^[^{WHITESPACE_CHARS}](?:[\\s\\S]*[^{WHITESPACE_CHARS}])?$"
"""Non-empty text with no white space at either end."""


def ecma_search(pattern: str) -> re.Pattern[str]:
    """Compile a JSON Schema pattern so that Python's ``re`` matches as ECMA-262 does.

    The only difference our patterns can meet is ``$``: in Python it also
    matches before a final newline, in ECMA-262 only at the very end.

    >>> bool(ecma_search("^a$").search("a\\n"))
    False
    """
    return re.compile(_ecma_dollars(pattern))


def _ecma_dollars(pattern: str) -> str:
    out: list[str] = []
    escaped = in_class = False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "$":
            out.append("\\Z")
            continue
        out.append(char)
    return "".join(out)


DESCRIPTIONS: Final[dict[str, str]] = {
    PARTIAL_DATE: "an ISO 8601 date that exists in the calendar (YYYY, YYYY-MM, YYYY-MM-DD, or with Thh:mm[:ss] and an optional offset)",
    TIMESTAMP: "a complete instant with seconds and an offset (YYYY-MM-DDThh:mm:ssZ)",
    SHA256: "64 lower-case hex digits",
    RECORD_ID: "32 lower-case hex digits",
    FORMAT_NAME: "a dotted lower-case name (e.g. breadcrumb, jsonld.headline)",
    EXTENSION_NAMESPACE: "a reverse-DNS namespace (e.g. org.example)",
    DOMAIN: "a lower-case DNS name with at least one dot",
    HTTP_URL: "an absolute http(s) URL without spaces or user information",
    LANGUAGE_TAG: "a well-formed BCP 47 language tag (e.g. en, en-GB)",
    TRIMMED_TEXT: "non-empty text without white space at either end",
}
"""What each pattern means, for error messages a person can act on."""
