import io
import json
from pathlib import Path

import pytest

from corpuskit._generate import ROOT, SNAPSHOT_INPUTS
from corpuskit.cli import main
from corpuskit.rules import all_rules
from corpuskit.validate import ValidateOptions, validate_paths
from tests.helpers import FIXTURES


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def test_exit_codes() -> None:
    assert run("validate", str(FIXTURES / "valid"), "--now", "2026-11-22")[0] == 0
    assert run("validate", str(FIXTURES / "invalid" / "R002"), "--now", "2026-11-22")[0] == 1
    assert run("validate", str(FIXTURES / "invalid" / "R002"), "--now", "2026-11-22", "--exit-zero")[0] == 0
    assert run("validate", str(FIXTURES / "does-not-exist"))[0] == 2


def test_select_and_ignore() -> None:
    folder = str(FIXTURES / "invalid" / "R002")
    assert run("validate", folder, "--now", "2026-11-22", "--ignore", "R002")[0] == 0
    assert run("validate", folder, "--now", "2026-11-22", "--select", "I,S")[0] == 0
    assert run("validate", folder, "--now", "2026-11-22", "--select", "R")[0] == 1


def test_json_report_is_complete() -> None:
    code, text = run("validate", str(FIXTURES / "invalid" / "S001"), "--output-format", "json", "--now", "2026-11-22")
    assert code == 1
    document = json.loads(text)
    (diagnostic,) = document["diagnostics"]
    assert set(diagnostic) == {
        "code",
        "name",
        "severity",
        "message",
        "path",
        "line",
        "column",
        "record_id",
        "json_path",
    }
    assert diagnostic["json_path"] == "$.published" and diagnostic["line"] == 1
    assert document["summary"]["by_code"] == {"S001": 1}


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_output_formats_match_their_snapshots(fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, text = run("validate", *SNAPSHOT_INPUTS, "--now", "2026-11-22", "--output-format", fmt)
    assert code == 1
    assert text == (ROOT / "tests" / "snapshots" / f"validate.{fmt}").read_text(encoding="utf-8")


def test_rule_command_prints_docs_for_every_rule() -> None:
    for rule in all_rules():
        code, page = run("rule", rule.code)
        assert code == 0 and page.startswith(f"# {rule.code} {rule.name}")
        assert "## Why" in page and "## Example" in page and "## Fix" in page
    assert run("rule", "mojibake")[1].startswith("# R007")
    assert run("rule", "Z999")[0] == 2


def test_coverage_floor(tmp_path: Path) -> None:
    report = validate_paths([FIXTURES / "valid"], ValidateOptions(now="2026-11-22", coverage_floor={"published": 0.8}))
    (diagnostic,) = report.diagnostics
    assert diagnostic.code == "D004" and "published" in diagnostic.message
