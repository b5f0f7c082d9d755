import io
import json

import pytest

from corpuskit.cli import build_parser, main
from corpuskit.schema import render


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def test_schema_command_prints_the_published_schema() -> None:
    code, text = run("schema", "article")
    assert code == 0 and text == render("article")
    assert json.loads(run("schema", "corpus")[1])["title"].startswith("corpuskit corpus")


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("schema", "nope")[0] == 2
    assert run("no-such-command")[0] == 2
    assert run()[0] == 2


def test_every_subcommand_help_has_an_example() -> None:
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    for name, sub in subparsers.choices.items():  # type: ignore[attr-defined]
        assert "Example:" in sub.format_help(), name
