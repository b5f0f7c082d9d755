"""Validator configuration: ``[tool.corpuskit]`` in ``pyproject.toml``, or ``corpuskit.toml``.

Keys (all optional)::

    select = ["ALL"]                  # codes or prefixes to report
    extend-select = []                # added to select
    ignore = ["R005"]                 # codes or prefixes not to report
    per-file-ignores = { "legacy/*.jsonl" = ["R010"] }
    date-floor = "1990"
    min-body-words = 30
    coverage = { published = 0.8 }   # share of records that must fill a field

Command-line flags override the file. A malformed file is a usage error.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from corpuskit.dates import earliest_instant
from corpuskit.rules import unknown_selectors
from corpuskit.rules.corpus import COVERAGE_FIELDS

KEYS = {"select", "extend-select", "ignore", "per-file-ignores", "date-floor", "min-body-words", "coverage"}


class ConfigError(Exception):
    """The configuration cannot be used; the message names the file and the key."""


def find_config(directory: Path) -> Path | None:
    """``corpuskit.toml``, else a ``pyproject.toml`` with ``[tool.corpuskit]``, in ``directory``."""
    own = directory / "corpuskit.toml"
    if own.is_file():
        return own
    project = directory / "pyproject.toml"
    if project.is_file() and "corpuskit" in _read(project).get("tool", {}):
        return project
    return None


def load_config(path: Path) -> dict[str, Any]:
    data = _read(path)
    table = data.get("tool", {}).get("corpuskit", {}) if path.name == "pyproject.toml" else data
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.corpuskit] must be a table")
    unknown = set(table) - KEYS
    if unknown:
        raise ConfigError(f"{path}: unknown key(s) {', '.join(sorted(unknown))}; known: {', '.join(sorted(KEYS))}")
    for key in ("select", "extend-select", "ignore"):
        if key in table and not (isinstance(table[key], list) and all(isinstance(c, str) for c in table[key])):
            raise ConfigError(f'{path}: {key} must be a list of codes, e.g. ["R005"]')
        known_codes(table.get(key, []), f"{path}: {key}")
    ignores = table.get("per-file-ignores", {})
    if not isinstance(ignores, dict) or not all(
        isinstance(v, list) and all(isinstance(c, str) for c in v) for v in ignores.values()
    ):
        raise ConfigError(f"{path}: per-file-ignores must map globs to lists of codes")
    for glob, codes in ignores.items():
        known_codes(codes, f"{path}: per-file-ignores {glob!r}")
    coverage = table.get("coverage", {})
    if not isinstance(coverage, dict) or not all(
        name in COVERAGE_FIELDS and isinstance(v, int | float) and 0 <= v <= 1 for name, v in coverage.items()
    ):
        raise ConfigError(f"{path}: coverage must map fields ({', '.join(sorted(COVERAGE_FIELDS))}) to fractions 0..1")
    if "min-body-words" in table and not (isinstance(table["min-body-words"], int) and table["min-body-words"] >= 0):
        raise ConfigError(f"{path}: min-body-words must be a whole number")
    if "date-floor" in table:
        if not isinstance(table["date-floor"], str):
            raise ConfigError(f'{path}: date-floor must be a date string, e.g. "1990"')
        check_date(table["date-floor"], f"{path}: date-floor")
    return table


def check_date(value: str, where: str) -> None:
    """A date setting (``--now``, ``date-floor``) must be an ISO 8601 date the date rules can compare against.

    >>> check_date("2026-11", "--now")
    >>> check_date("yesterday", "--now")
    Traceback (most recent call last):
    ...
    corpuskit.validate.config.ConfigError: --now must be an ISO 8601 date such as 2026-11-22 or 1990, got 'yesterday'
    """
    try:
        earliest_instant(value)
    except (ValueError, OverflowError):
        raise ConfigError(f"{where} must be an ISO 8601 date such as 2026-11-22 or 1990, got {value!r}") from None


def known_codes(selectors: list[str], where: str) -> None:
    """Every selector names a rule or a family of rules (a typo in ``select`` would silently select nothing)."""
    unknown = unknown_selectors(selectors)
    if unknown:
        raise ConfigError(
            f"{where}: no rule has the code {', '.join(map(repr, unknown))} (corpuskit rule --all lists them)"
        )


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
