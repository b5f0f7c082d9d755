"""Every invalid fixture triggers exactly the rule it is named for; valid fixtures trigger nothing."""

from __future__ import annotations

from pathlib import Path

import orjson
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


def test_every_span_outside_its_source_is_located() -> None:
    """I003 reads the body's spans, the removed lines' and the fields' evidence, and names each one found."""
    from corpuskit.models import Article
    from corpuskit.rules.context import RuleContext
    from corpuskit.rules.integrity import span_outside_source

    record = orjson.loads((FIXTURES / "invalid" / "I003" / "record.jsonl").read_bytes())
    size = record["provenance"]["source"]["bytes"]
    record["provenance"]["removed"][0]["span"] = {"start": 9, "end": 3}  # inverted
    field = next(name for name, found in record["provenance"]["fields"].items() if found["span"])
    record["provenance"]["fields"][field]["span"] = {"start": 0, "end": size + 1}
    assert span_outside_source.check is not None
    found = list(
        span_outside_source.check(Article.model_validate_json(orjson.dumps(record)), RuleContext(now="2026-11-22"))
    )
    assert found == [
        (f"span 0..{size + 10} is outside the {size}-byte source", "$.provenance.spans[0]"),
        (f"span 9..3 is outside the {size}-byte source", "$.provenance.removed[0].span"),
        (f"span 0..{size + 1} is outside the {size}-byte source", f"$.provenance.fields[{field!r}].span"),
    ]
