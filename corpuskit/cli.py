"""The command line: parse arguments into options, call library functions, return an exit code.

Exit codes: 0 ok, 1 findings, 2 usage error or unreadable input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from corpuskit._version import __version__
from corpuskit.schema import SCHEMA_NAMES, SchemaName, render

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

Command = Callable[[argparse.Namespace, TextIO], int]


def _cmd_schema(options: argparse.Namespace, out: TextIO) -> int:
    name: SchemaName = options.name
    out.write(render(name))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="corpuskit",
        description="Canonical records, converters, a validator and packages for archival news corpora.",
        epilog="Example: corpuskit schema article > article.schema.json",
    )
    parser.add_argument("--version", action="version", version=f"corpuskit {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    schema = commands.add_parser(
        "schema",
        help="print a published JSON Schema",
        description="Print a Draft 2020-12 JSON Schema generated from the models.",
        epilog="Example: corpuskit schema corpus | jq .properties",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    schema.add_argument("name", choices=SCHEMA_NAMES, help="article: one record; corpus: a package manifest")
    schema.set_defaults(run=_cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    parser = build_parser()
    try:
        options = parser.parse_args(argv)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    run: Command = options.run
    try:
        return run(options, out or sys.stdout)
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
