"""Problems found in data are values: one frozen :class:`Diagnostic` type.

Exceptions are kept for "cannot run at all" (usage errors, exit code 2).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import StrEnum

_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def printable(text: str) -> str:
    r"""Text any output takes whole: a terminal, a CI log, UTF-8 JSON, XML.

    A file name that is not UTF-8 ("caf\xe9.txt" in Latin-1) reaches Python with its bytes as lone surrogates,
    which no encoder writes; a name (or a message quoting one) may hold control characters, which XML forbids
    and a terminal obeys (an escape sequence). Each is shown as an escape, as git and Python's ``repr`` show
    them.

    >>> printable("caf\udce9.txt"), printable("café.txt"), printable("\ud800"), printable("a\x1b[2Jb\n")
    ('caf\\xe9.txt', 'café.txt', '\\ud800', 'a\\x1b[2Jb\\x0a')
    """
    if text.isprintable():
        return text
    return _UNPRINTABLE.sub(_escape, text)


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    if 0xD800 <= code <= 0xDFFF and not 0xDC80 <= code <= 0xDCFF:
        return f"\\u{code:04x}"
    # 0xDC80-0xDCFF: the byte 0x80-0xFF that did not decode (Python's "surrogateescape"); the rest: controls.
    return f"\\x{code - 0xDC00 if code >= 0xDC80 else code:02x}"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding, located as precisely as the finder could.

    >>> d = Diagnostic(code="F001", name="invalid-json", severity=Severity.ERROR,
    ...                message="expected ',' or '}'", path="a.jsonl", line=3, column=17)
    >>> d.location
    'a.jsonl:3:17'
    """

    code: str
    name: str
    severity: Severity
    message: str
    path: str | None = None
    line: int | None = None
    column: int | None = None
    record_id: str | None = None
    json_path: str | None = None

    def __post_init__(self) -> None:
        # Names read from a disk may hold undecodable bytes; every reporter must still be able to write them.
        if self.path is not None:
            object.__setattr__(self, "path", printable(self.path))
        object.__setattr__(self, "message", printable(self.message))

    @property
    def location(self) -> str:
        parts = [self.path or "-"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    @property
    def detail(self) -> str:
        """The message, with the JSON path it concerns when that is not the whole record."""
        path = self.json_path
        return f"{self.message} [{path}]" if path and path != "$" else self.message

    def located(self, **where: str | int | None) -> Diagnostic:
        """A copy with location fields filled in (only those not already set)."""
        fill = {key: value for key, value in where.items() if getattr(self, key) is None}
        return replace(self, **fill) if fill else self  # type: ignore[arg-type]


def in_element(index: int | None, json_path: str | None) -> str | None:
    """A JSON path within an array's element, from the document's root.

    >>> in_element(3, "$.body[0].text"), in_element(3, None), in_element(None, "$.id")
    ('$[3].body[0].text', '$[3]', '$.id')
    """
    if index is None:
        return json_path
    return f"$[{index}]{json_path[1:] if json_path else ''}"
