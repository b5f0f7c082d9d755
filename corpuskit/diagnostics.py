"""Problems found in data are values: one frozen :class:`Diagnostic` type.

Exceptions are kept for "cannot run at all" (usage errors, exit code 2).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum


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
