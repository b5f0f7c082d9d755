"""Every invalid fixture triggers exactly the rule it is named for; valid fixtures trigger nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpuskit.rules import REGISTRY, all_rules
from corpuskit.validate import ValidateOptions, validate_paths
from tests.helpers import FIXTURES

INVALID = sorted(path for path in (FIXTURES / "invalid").iterdir() if path.is_dir())
OPTIONS = ValidateOptions(now="2026-11-22")


@pytest.mark.parametrize("folder", INVALID, ids=lambda path: path.name)
def test_invalid_fixture_triggers_exactly_its_rule(folder: Path) -> None:
    # Naming the code also turns on rules that are off by default (D002).
    report = validate_paths([folder], ValidateOptions(now="2026-11-22", select=("ALL", folder.name)))
    assert {d.code for d in report.diagnostics} == {folder.name}


def test_valid_fixtures_trigger_nothing() -> None:
    report = validate_paths([FIXTURES / "valid"], OPTIONS)
    assert report.records >= 5
    assert report.diagnostics == []


def test_every_fixture_folder_names_a_rule_and_checked_rules_have_fixtures() -> None:
    all_rules()
    assert all(folder.name in REGISTRY for folder in INVALID)
    without = {rule.code for rule in all_rules() if rule.check is not None} - {folder.name for folder in INVALID}
    assert without == set()


def test_near_duplicates_are_off_by_default() -> None:
    assert validate_paths([FIXTURES / "invalid" / "D002"], OPTIONS).diagnostics == []
