import json
from pathlib import Path

import pytest

from corpuskit.cli import build_parser
from corpuskit.schema import render
from tests.helpers import run_cli


def test_schema_command_prints_the_published_schema() -> None:
    code, text = run_cli("schema", "article")
    assert code == 0 and text == render("article")
    assert json.loads(run_cli("schema", "corpus")[1])["title"].startswith("corpuskit corpus")


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli("schema", "nope")[0] == 2
    assert run_cli("no-such-command")[0] == 2
    assert run_cli()[0] == 2


@pytest.mark.parametrize(
    "command",
    [
        ("convert", "{seeds}", "-o", "{missing}/out.jsonl"),
        ("convert", "{seeds}", "-o", "{tmp}/out.jsonl", "--warc-out", "{missing}/out.warc.gz"),
        ("export", "{valid}", "--to", "parquet", "-o", "{missing}/out.parquet"),
        ("report", "{valid}", "-o", "{missing}/report.html", "--now", "2026-11-22"),
    ],
    ids=["convert", "warc-out", "export", "report"],
)
def test_an_output_that_cannot_be_written_is_a_usage_error_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: tuple[str, ...]
) -> None:
    from tests.helpers import FIXTURES, SEEDS

    places = {"seeds": SEEDS, "valid": FIXTURES / "valid", "missing": tmp_path / "no-such-folder", "tmp": tmp_path}
    assert run_cli(*(part.format(**places) for part in command))[0] == 2
    err = capsys.readouterr().err
    assert f"corpuskit {command[0]}: cannot write: " in err and "no-such-folder" in err and "Traceback" not in err


def test_a_reader_that_stops_early_is_not_a_clean_run(tmp_path: Path) -> None:
    """``corpuskit convert dump/ | head -1`` under ``set -o pipefail`` must not pass: exit 1, and no traceback."""
    import shutil
    import subprocess
    import sys

    from tests.helpers import SEEDS

    for copy in range(40):  # far more than a pipe holds (64 KiB), so the writer meets the closed end
        shutil.copyfile(SEEDS / "000_c0c8773b69e85a5d.txt", tmp_path / f"{copy:02d}.txt")
    command = [sys.executable, "-m", "corpuskit", "convert", str(tmp_path)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.readline()
        process.stdout.close()  # as head does after its line
        err = process.stderr.read()
    assert process.returncode == 1 and b"Traceback" not in err and b"Exception ignored" not in err, err


def test_every_subcommand_help_has_an_example() -> None:
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    for name, sub in subparsers.choices.items():  # type: ignore[attr-defined]
        assert "Example:" in sub.format_help(), name
