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
    ignores = table.get("per-file-ignores", {})
    if not isinstance(ignores, dict) or not all(isinstance(v, list) for v in ignores.values()):
        raise ConfigError(f"{path}: per-file-ignores must map globs to lists of codes")
    coverage = table.get("coverage", {})
    if not isinstance(coverage, dict) or not all(
        name in COVERAGE_FIELDS and isinstance(v, int | float) and 0 <= v <= 1 for name, v in coverage.items()
    ):
        raise ConfigError(f"{path}: coverage must map fields ({', '.join(sorted(COVERAGE_FIELDS))}) to fractions 0..1")
    if "min-body-words" in table and not (isinstance(table["min-body-words"], int) and table["min-body-words"] >= 0):
        raise ConfigError(f"{path}: min-body-words must be a whole number")
    if "date-floor" in table and not isinstance(table["date-floor"], str):
        raise ConfigError(f'{path}: date-floor must be a date string, e.g. "1990"')
    return table


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
