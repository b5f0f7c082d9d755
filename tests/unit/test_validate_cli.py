import json
import re
import tempfile
from pathlib import Path

import pytest

from corpuskit._generate import ROOT, SNAPSHOT_INPUTS
from corpuskit.jsonl import RECORD_SUFFIXES
from corpuskit.rules import all_rules
from corpuskit.validate import ValidateOptions, validate_paths
from tests.helpers import FIXTURES, run_cli


def test_exit_codes() -> None:
    assert run_cli("validate", str(FIXTURES / "valid"), "--now", "2026-11-22")[0] == 0
    assert run_cli("validate", str(FIXTURES / "invalid" / "R002"), "--now", "2026-11-22")[0] == 1
    assert run_cli("validate", str(FIXTURES / "invalid" / "R002"), "--now", "2026-11-22", "--exit-zero")[0] == 0
    assert run_cli("validate", str(FIXTURES / "does-not-exist"))[0] == 2


def test_a_folder_with_no_record_files_is_not_a_clean_pass(tmp_path: Path) -> None:
    (tmp_path / "corpus.json.gz").write_bytes(b"")  # a name validate does not look for in a folder
    code, text = run_cli("validate", str(tmp_path), "--now", "2026-11-22")
    assert code == 1 and f"{tmp_path}: F008 folder holds no record files (*.json, *.jsonl or *.ndjson, each" in text
    assert run_cli("validate", str(tmp_path), "--now", "2026-11-22", "--ignore", "F008")[0] == 0
    (tmp_path / "part-00000.ndjson.zst").write_bytes((FIXTURES / "valid" / "seeds.jsonl").read_bytes())
    code, text = run_cli("validate", str(tmp_path), "--now", "2026-11-22")
    assert code == 0 and "5 valid record(s)" in text


def test_a_walked_folder_reports_a_broken_link_and_a_pipe_and_does_not_wait_on_the_pipe(tmp_path: Path) -> None:
    import os

    (tmp_path / "part-00000.jsonl").write_bytes((FIXTURES / "valid" / "seeds.jsonl").read_bytes())
    (tmp_path / "part-00001.jsonl").symlink_to(tmp_path / "moved" / "part-00001.jsonl")
    os.mkfifo(tmp_path / "part-00002.jsonl")
    code, text = run_cli("validate", str(tmp_path), "--now", "2026-11-22")
    assert code == 1 and "5 valid record(s)" in text
    assert f"{tmp_path}/part-00001.jsonl: F010 not read: a symbolic link to {tmp_path}/moved/part-00001.jsonl" in text
    assert f"{tmp_path}/part-00002.jsonl: F010 not read: a named pipe" in text


def test_records_of_a_json_array_are_located_by_line_and_element() -> None:
    import orjson

    records = [orjson.loads(line) for line in (FIXTURES / "valid" / "seeds.jsonl").read_bytes().splitlines()]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "records.json"
        path.write_bytes(orjson.dumps([records[0], {**records[1], "id": records[0]["id"], "title": "Dup <b>"}]))
        report = validate_paths([path], ValidateOptions(now="2026-11-22"))
    found = {(d.code, d.line, d.json_path) for d in report.diagnostics}
    assert ("I001", 1, "$[1].id") in found and ("R006", 1, "$[1].title") in found
    (duplicate,) = (d for d in report.diagnostics if d.code == "I001")
    assert duplicate.message.endswith(f"also at {path}:1 $[0]")


def test_a_dash_reads_standard_input() -> None:
    import gzip
    import subprocess
    import sys

    def validate(data: bytes) -> subprocess.CompletedProcess[bytes]:
        command = [sys.executable, "-m", "corpuskit", "validate", "-", "--now", "2026-11-22"]
        return subprocess.run(command, input=data, capture_output=True, check=False)

    records = (FIXTURES / "valid" / "seeds.jsonl").read_bytes()
    for data in (records, gzip.compress(records)):
        done = validate(data)
        assert done.returncode == 0 and b"5 valid record(s)" in done.stdout
    broken = validate(records[: len(records) // 2])
    assert broken.returncode == 1 and b"/dev/stdin:" in broken.stdout


def test_select_and_ignore() -> None:
    folder = str(FIXTURES / "invalid" / "R002")
    assert run_cli("validate", folder, "--now", "2026-11-22", "--ignore", "R002")[0] == 0
    assert run_cli("validate", folder, "--now", "2026-11-22", "--select", "I,S")[0] == 0
    assert run_cli("validate", folder, "--now", "2026-11-22", "--select", "R")[0] == 1


def test_json_report_is_complete() -> None:
    code, text = run_cli(
        "validate", str(FIXTURES / "invalid" / "S001"), "--output-format", "json", "--now", "2026-11-22"
    )
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


@pytest.mark.parametrize("fmt", ["text", "json", "github", "junit", "sarif"])
def test_output_formats_match_their_snapshots(fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, text = run_cli("validate", *SNAPSHOT_INPUTS, "--now", "2026-11-22", "--output-format", fmt)
    assert code == 1
    assert text == (ROOT / "tests" / "snapshots" / f"validate.{fmt}").read_text(encoding="utf-8")


def test_rule_command_prints_docs_for_every_rule() -> None:
    for rule in all_rules():
        code, page = run_cli("rule", rule.code)
        assert code == 0 and page.startswith(f"# {rule.code} {rule.name}")
        assert "## Why" in page and "## Example" in page and "## Fix" in page
    assert run_cli("rule", "mojibake")[1].startswith("# R007")
    assert run_cli("rule", "Z999")[0] == 2


def test_coverage_floor(tmp_path: Path) -> None:
    report = validate_paths([FIXTURES / "valid"], ValidateOptions(now="2026-11-22", coverage_floor={"published": 0.8}))
    (diagnostic,) = report.diagnostics
    assert diagnostic.code == "D004" and "published" in diagnostic.message


def _project(tmp_path: Path, config: str, name: str = "corpuskit.toml") -> Path:
    (tmp_path / name).write_text(config)
    data = tmp_path / "data"
    data.mkdir()
    (data / "a.jsonl").write_bytes((FIXTURES / "invalid" / "R002" / "record.jsonl").read_bytes())
    return data


def test_config_file_ignores_and_flags_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = _project(tmp_path, 'ignore = ["R002"]\n')
    monkeypatch.chdir(tmp_path)
    assert run_cli("validate", "data", "--now", "2026-11-22")[0] == 0
    assert (
        run_cli("validate", "data", "--now", "2026-11-22", "--select", "R002", "--config", str(tmp_path / "none.toml"))[
            0
        ]
        == 2
    )
    del data


def test_pyproject_table_and_per_file_ignores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _project(tmp_path, '[tool.corpuskit]\nper-file-ignores = { "data/*.jsonl" = ["R002"] }\n', "pyproject.toml")
    monkeypatch.chdir(tmp_path)
    assert run_cli("validate", "data", "--now", "2026-11-22")[0] == 0
    assert run_cli("validate", "data", "--now", "2026-11-22", "--config", "pyproject.toml", "--select", "ALL")[0] == 0


@pytest.mark.parametrize(
    "config",
    [
        'select = "R002"\n',
        "unknown-key = 1\n",
        "coverage = { published = 2 }\n",
        "this is not toml\n",
        'ignore = ["R0O2"]\n',  # a typo would select or ignore nothing
        'per-file-ignores = { "data/*" = [2] }\n',
        'per-file-ignores = { "data/*" = ["Q"] }\n',
        'date-floor = "yesterday"\n',
    ],
)
def test_bad_config_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], config: str
) -> None:
    _project(tmp_path, config)
    monkeypatch.chdir(tmp_path)
    assert run_cli("validate", "data", "--now", "2026-11-22")[0] == 2
    assert "corpuskit.toml" in capsys.readouterr().err


@pytest.mark.parametrize(
    "flags",
    [
        ("--now", "yesterday"),
        ("--now", "2026-13"),
        ("--date-floor", "abcd"),
        ("--select", "X999"),
        ("--ignore", "R002,R0O1"),
        ("--extend-select", "Q"),
        ("--coverage", "nothing=0.5"),
        ("--coverage", "published=nan"),
        ("--min-body-words", "-5"),
    ],
)
def test_flags_that_name_nothing_or_no_date_are_usage_errors(
    capsys: pytest.CaptureFixture[str], flags: tuple[str, str]
) -> None:
    assert run_cli("validate", str(FIXTURES / "valid"), *flags)[0] == 2
    assert flags[0] in capsys.readouterr().err


def test_a_report_dated_by_no_date_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli("report", str(FIXTURES / "valid"), "-o", str(tmp_path / "r.html"), "--now", "tomorrow")[0] == 2
    assert "--now" in capsys.readouterr().err and not (tmp_path / "r.html").exists()


def test_sarif_has_rules_in_the_driver_and_located_results() -> None:
    code, text = run_cli(
        "validate", str(FIXTURES / "invalid" / "R002"), "--now", "2026-11-22", "--output-format", "sarif"
    )
    assert code == 1
    document = json.loads(text)
    assert document["version"] == "2.1.0"
    (run_,) = document["runs"]
    rules = run_["tool"]["driver"]["rules"]
    assert {rule["id"] for rule in rules} >= {"R002", "F001", "S001"}
    (result,) = run_["results"]
    assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == "R002"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 1


def test_pre_commit_hook_and_action_are_well_formed() -> None:
    yaml = pytest.importorskip("yaml")
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "corpuskit-validate" and hook["entry"] == "corpuskit validate"
    # The names validate walks folders for, but bare .json (package.json, tsconfig.json are no records).
    hooked = {suffix for suffix in RECORD_SUFFIXES if re.search(hook["files"], f"corpus{suffix}")}
    assert hooked == set(RECORD_SUFFIXES) - {".json"}
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    commands = " ".join(step.get("run", "") for step in action["runs"]["steps"])
    assert "--output-format sarif" in commands and "--output-format github" in commands
