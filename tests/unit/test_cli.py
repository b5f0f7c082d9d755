import json

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


def test_every_subcommand_help_has_an_example() -> None:
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    for name, sub in subparsers.choices.items():  # type: ignore[attr-defined]
        assert "Example:" in sub.format_help(), name
