"""The rule registry: every diagnostic code corpuskit can emit.

A rule has a stable code (family letter plus three digits), a kebab-case
name, a default severity and a docstring that becomes ``docs/rules/CODE.md``.
Some rules are checked by a function over a record; others (file and schema
rules) are emitted by the reader, and only their metadata lives here.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from corpuskit.diagnostics import Diagnostic, Severity

_CODE = re.compile(r"^[A-Z][0-9]{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    doc: str
    check: Callable[..., Iterator[tuple[str, str | None]]] | None = field(default=None, compare=False)

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0]

    def diagnostic(self, message: str, **where: Any) -> Diagnostic:
        return Diagnostic(code=self.code, name=self.name, severity=self.severity, message=message, **where)


REGISTRY: dict[str, Rule] = {}


def declare(code: str, name: str, severity: Severity, doc: str) -> Rule:
    """Register a rule that the reader or engine emits directly."""
    return _register(code, name, severity, doc, None)


Finding = tuple[str, str | None]
"""What a check yields: a message and the JSON path it concerns (or None)."""


def check(
    code: str, name: str, severity: Severity = Severity.ERROR
) -> Callable[[Callable[..., Iterator[Finding]]], Rule]:
    """Register a function as the check of a rule; its docstring is the rule's page.

    The function takes ``(article, context)`` and yields ``(message, json_path)``;
    the engine adds the file, line and record id.
    """

    def register(function: Callable[..., Iterator[Finding]]) -> Rule:
        return _register(code, name, severity, function.__doc__ or "", function)

    return register


def _register(
    code: str, name: str, severity: Severity, doc: str, function: Callable[..., Iterator[Finding]] | None
) -> Rule:
    if not _CODE.match(code) or not _NAME.match(name):
        raise ValueError(f"bad rule code or name: {code} {name}")
    if code in REGISTRY:
        raise ValueError(f"rule code {code} registered twice")
    rule = Rule(code=code, name=name, severity=severity, doc=inspect.cleandoc(doc), check=function)
    REGISTRY[code] = rule
    return rule


def by_name_or_code(key: str) -> Rule | None:
    _load_families()
    if key.upper() in REGISTRY:
        return REGISTRY[key.upper()]
    return next((rule for rule in REGISTRY.values() if rule.name == key), None)


def all_rules() -> list[Rule]:
    _load_families()
    return sorted(REGISTRY.values(), key=lambda rule: rule.code)


def unknown_selectors(selectors: list[str]) -> list[str]:
    """The selectors (codes or code prefixes, or ``ALL``) that name no rule: a typo would select nothing.

    >>> unknown_selectors(["ALL", "R", "r00", "P001", "X999", "R0O1"])
    ['X999', 'R0O1']
    """
    codes = [rule.code for rule in all_rules()]
    return [s for s in selectors if s.upper() != "ALL" and not any(code.startswith(s.upper()) for code in codes)]


def _load_families() -> None:
    from corpuskit.rules import convert, corpus, file, integrity, package, record, schema  # noqa: F401  (importing registers)
