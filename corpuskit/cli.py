"""The command line: parse arguments into options, call library functions, return an exit code.

Exit codes: 0 ok, 1 findings, 2 usage error or unreadable input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from corpuskit._version import __version__
from corpuskit.convert import REGISTRY
from corpuskit.diagnostics import Diagnostic
from corpuskit.schema import SCHEMA_NAMES, SchemaName, render

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

Command = Callable[[argparse.Namespace, TextIO], int]


def _cmd_schema(options: argparse.Namespace, out: TextIO) -> int:
    name: SchemaName = options.name
    out.write(render(name))
    return EXIT_OK


def _cmd_convert(options: argparse.Namespace, out: TextIO) -> int:
    from corpuskit.convert import convert_paths
    from corpuskit.convert.sidecar import load_sidecar
    from corpuskit.jsonl import dumps, open_output

    sources = [Path(source) for source in options.sources]
    missing = [str(path) for path in sources if not path.exists()]
    if options.sidecar is not None and not Path(options.sidecar).is_file():
        missing.append(options.sidecar)
    if missing:
        for path in missing:
            print(f"corpuskit convert: no such file or directory: {path}", file=sys.stderr)
        return EXIT_USAGE
    sidecar = load_sidecar(Path(options.sidecar)) if options.sidecar else None
    records = problems = 0
    with open_output(options.output) as stream:
        for item in convert_paths(sources, sidecar=sidecar, forced=options.source_format):
            if isinstance(item, Diagnostic):
                problems += 1
                print(f"{item.location}: {item.code} {item.message}", file=sys.stderr)
            else:
                stream.write(dumps(item) + b"\n")
                records += 1
    if not options.quiet:
        print(f"converted {records} record(s), {problems} problem(s)", file=sys.stderr)
    return EXIT_FINDINGS if problems else EXIT_OK


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

    convert = commands.add_parser(
        "convert",
        help="convert sources (text scrapes) into records",
        description=(
            "Convert sources into corpuskit.article/1 records, one JSON line each. Directories are walked "
            "recursively. Every dropped line is recorded in provenance.removed with the rule that dropped it."
        ),
        epilog=(
            "Example: corpuskit convert fixtures/seeds --sidecar fixtures/seeds/sidecar.csv -o corpus.jsonl.zst\n"
            "Exit codes: 0 all converted, 1 some sources reported problems, 2 usage or missing paths."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    convert.add_argument("sources", nargs="+", metavar="SRC", help="files or directories")
    convert.add_argument(
        "-o", "--output", default="-", help="output file (.jsonl, .jsonl.gz, .jsonl.zst); - for stdout"
    )
    convert.add_argument("--sidecar", metavar="FILE", help="CSV or JSONL metadata keyed by path; takes precedence")
    convert.add_argument("--from", dest="source_format", choices=sorted(REGISTRY), help="force a converter")
    convert.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    convert.set_defaults(run=_cmd_convert)
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
