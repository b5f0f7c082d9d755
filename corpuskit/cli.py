"""The command line: parse arguments into options, call library functions, return an exit code.

Exit codes: 0 ok, 1 findings (or the output closed before the run ended), 2 usage error or unreadable input.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from corpuskit._version import __version__
from corpuskit.convert import LEFT_OUT, REGISTRY, UNCLAIMED, Opened, Skipped
from corpuskit.diagnostics import Diagnostic, printable
from corpuskit.jsonl import ShardWriter, open_output
from corpuskit.rules.corpus import COVERAGE_FIELDS
from corpuskit.schema import SCHEMA_NAMES, SchemaName, render
from corpuskit.validate import ValidateOptions
from corpuskit.validate.config import ConfigError, check_date, find_config, known_codes, load_config

if TYPE_CHECKING:
    from corpuskit.convert.warc import WarcOut

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

Command = Callable[[argparse.Namespace, TextIO], int]


def _cmd_schema(options: argparse.Namespace, out: TextIO) -> int:
    name: SchemaName = options.name
    out.write(render(name))
    return EXIT_OK


STDIN = Path("/dev/stdin")


def _inputs(values: Sequence[str]) -> list[Path]:
    """The paths given, ``-`` standing for standard input (read once, as a pipe is)."""
    return [STDIN if value == "-" else Path(value) for value in values]


def _report_missing(command: str, paths: list[Path], also: list[str] | None = None) -> bool:
    """Say which inputs do not exist (a usage error); True when any is missing."""
    missing = [str(path) for path in paths if not path.exists()] + (also or [])
    for path in missing:
        print(f"corpuskit {command}: no such file or directory: {path}", file=sys.stderr)
    return bool(missing)


def _cmd_convert(options: argparse.Namespace, out: TextIO) -> int:
    from collections import Counter

    from corpuskit.convert import convert_paths
    from corpuskit.convert.sidecar import load_sidecar
    from corpuskit.jsonl import dumps

    sources = _inputs(options.sources)
    sidecar_missing = [options.sidecar] if options.sidecar is not None and not Path(options.sidecar).is_file() else []
    if _report_missing("convert", sources, sidecar_missing):
        return EXIT_USAGE
    shards = _shard_writer(options.output, options.shard_mib)
    if isinstance(shards, str):
        print(f"corpuskit convert: {shards}", file=sys.stderr)
        return EXIT_USAGE
    sidecar = load_sidecar(Path(options.sidecar)) if options.sidecar else None
    records = problems = 0
    skipped: Counter[str] = Counter()
    left_out: list[Skipped] = []
    with (
        _record_output(options.output, shards) as write,
        _warc_out(options.warc_out) as warc,
        _progress_bar("converting") as bar,
    ):
        opened = None
        items = convert_paths(
            sources,
            sidecar=sidecar,
            forced=options.source_format,
            jobs=options.jobs,
            engine=options.engine,
            scheduler=options.scheduler,
        )
        for item in items:
            if isinstance(item, Diagnostic):
                problems += 1
                print(f"{item.location}: {item.code} {item.detail}", file=sys.stderr)
            elif isinstance(item, Skipped) and item.reason in LEFT_OUT:
                left_out.append(item)
            elif isinstance(item, Skipped):
                skipped[item.reason] += 1
            elif isinstance(item, Opened):
                opened = item.source
                if bar is not None:  # one bar for the whole run, whichever engine converts
                    bar(item.relative, records)
            else:
                write(dumps(item) + b"\n")
                records += 1
                if warc is not None:
                    warc.add(item, opened)
    if not options.quiet:
        print(f"converted {records} record(s), {problems} problem(s)", file=sys.stderr)
        if skipped:
            detail = ", ".join(f"{reason}: {count}" for reason, count in sorted(skipped.items()))
            print(f"skipped {sum(skipped.values())} archive record(s) ({detail})", file=sys.stderr)
        for line in _left_out(left_out):
            print(line, file=sys.stderr)
    return EXIT_FINDINGS if problems else EXIT_OK


def _left_out(items: Sequence[Skipped]) -> Iterator[str]:
    """A summary line for each reason a folder walk left files out, with a few of them named."""
    for reason in dict.fromkeys(item.reason for item in items):
        paths = [printable(item.path) for item in items if item.reason == reason]
        shown = ", ".join(paths[:_NAMED]) + (f" and {len(paths) - _NAMED} more" if len(paths) > _NAMED else "")
        hint = " (name a file to convert it as text, or use --from)" if reason == UNCLAIMED else ""
        yield f"left out {len(paths)} file(s) that are {reason}: {shown}{hint}"


_NAMED = 5


def _shard_writer(output: str, shard_mib: int | None) -> ShardWriter | str | None:
    """What ``--shard-mib`` writes with (None without it), or why it cannot write to ``output``."""
    if shard_mib is None:
        return None
    if output == "-":
        return "--shard-mib writes files: give -o DIR"
    folder = Path(output)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        return f"{output} exists and is not an empty directory (shards would mix with what is there)"
    return ShardWriter(folder, shard_mib * 1024 * 1024)


@contextlib.contextmanager
def _record_output(output: str, shards: ShardWriter | None) -> Iterator[Callable[[bytes], object]]:
    """Where record lines go: the output file (or stdout), or the shards."""
    if shards is None:
        with open_output(output) as stream:
            yield stream.write
        return
    shards.folder.mkdir(parents=True, exist_ok=True)  # an empty run still leaves the (empty) folder asked for
    try:
        yield shards.write
    finally:  # an interrupted run keeps the records converted so far, as a file output does
        shards.close()


@contextlib.contextmanager
def _warc_out(path: str | None) -> Iterator[WarcOut | None]:
    if path is None:
        yield None
        return
    from corpuskit.convert.warc import WarcOut

    with open(path, "wb") as handle:
        yield WarcOut(handle)


def _cmd_pack(options: argparse.Namespace, out: TextIO) -> int:
    from corpuskit.package import PackError, PackOptions, pack

    sources = [Path(source) for source in options.sources]
    if _report_missing(
        "pack", sources, [options.sidecar] if options.sidecar and not Path(options.sidecar).is_file() else []
    ):
        return EXIT_USAGE
    settings = PackOptions(
        name=options.name,
        title=options.title,
        description=options.description,
        license=options.license,
        organization=options.organization,
        sidecar=Path(options.sidecar) if options.sidecar else None,
        force=options.force,
        shard_bytes=options.shard_mib * 1024 * 1024,
        jobs=options.jobs,
        engine=options.engine,
        scheduler=options.scheduler,
    )
    try:
        result = pack(sources, Path(options.output), settings)
    except (PackError, ValueError) as error:
        print(f"corpuskit pack: {error}", file=sys.stderr)
        return EXIT_USAGE
    for item in result.diagnostics:
        print(f"{item.location}: {item.code} {item.detail}", file=sys.stderr)
    for line in _left_out(result.left_out):
        print(line, file=sys.stderr)
    manifest = result.manifest
    print(
        f"packed {manifest.record_count} record(s) in {len(manifest.files)} shard(s) with {len(manifest.sources)}"
        f" source(s) into {options.output}, {len(result.diagnostics)} problem(s)",
        file=sys.stderr,
    )
    return EXIT_FINDINGS if result.diagnostics else EXIT_OK


def _cmd_export(options: argparse.Namespace, out: TextIO) -> int:
    from corpuskit import export

    paths = _inputs(options.paths)
    if _report_missing("export", paths):
        return EXIT_USAGE
    problems: list[Diagnostic] = []
    articles = export.records(paths, problems)
    target = Path(options.output)
    if options.to == "parquet":
        count = export.write_parquet(articles, target)
    elif options.to == "hf":
        count = export.write_hf(articles, target, license=options.license)
    else:
        count = export.write_jsonld(articles, target)
    for item in problems:
        print(f"{item.location}: {item.code} {item.detail}", file=sys.stderr)
    print(f"exported {count} record(s) to {target} ({options.to}), {len(problems)} problem(s)", file=sys.stderr)
    return EXIT_FINDINGS if problems else EXIT_OK


def _cmd_stats(options: argparse.Namespace, out: TextIO) -> int:
    import orjson

    from corpuskit import export

    paths = _inputs(options.paths)
    if _report_missing("stats", paths):
        return EXIT_USAGE
    problems: list[Diagnostic] = []
    figures = export.statistics(export.records(paths, problems))
    figures["problems"] = len(problems)
    if options.json:
        out.write(orjson.dumps(figures, option=orjson.OPT_INDENT_2).decode() + "\n")
        return EXIT_OK
    from rich.console import Console
    from rich.table import Table

    table = Table(title="corpus statistics", show_header=False)
    table.add_row("records", f"{figures['records']:,}")
    table.add_row("problems", str(figures["problems"]))
    dates = figures["date_range"]
    table.add_row("published", f"{dates['earliest']} … {dates['latest']}" if dates["earliest"] else "no dates")
    for name, share in figures["coverage"].items():
        table.add_row(f"coverage: {name}", f"{share:.1%}")
    table.add_row("body words", "  ".join(f"{k} {v:g}" for k, v in figures["body_words"].items()))
    for name, count in list(figures["outlets"].items())[:10]:
        table.add_row(f"outlet: {name}", str(count))
    Console(file=out, width=100).print(table)
    return EXIT_OK


def _cmd_report(options: argparse.Namespace, out: TextIO) -> int:
    from corpuskit.report import write_report

    paths = [Path(path) for path in options.paths]
    if _report_missing("report", paths):
        return EXIT_USAGE
    try:
        if options.now:
            check_date(options.now, "--now")
    except ConfigError as error:
        print(f"corpuskit report: {error}", file=sys.stderr)
        return EXIT_USAGE
    records, diagnostics = write_report(paths, Path(options.output), now=options.now)
    print(f"wrote {options.output}: {records} record(s), {diagnostics} diagnostic(s)", file=sys.stderr)
    return EXIT_OK


def _cmd_validate(options: argparse.Namespace, out: TextIO) -> int:
    from corpuskit.reporters import REPORTERS
    from corpuskit.validate import validate_paths

    paths = _inputs(options.paths)
    if _report_missing("validate", paths):
        return EXIT_USAGE
    try:
        settings = _validate_options(options)
    except (ConfigError, argparse.ArgumentTypeError) as error:
        print(f"corpuskit validate: {error}", file=sys.stderr)
        return EXIT_USAGE
    with _progress_bar() as progress:
        report = validate_paths(
            paths, settings, jobs=options.jobs, progress=progress, engine=options.engine, scheduler=options.scheduler
        )
    REPORTERS[options.output_format](report, out)
    return EXIT_OK if options.exit_zero or not report.diagnostics else EXIT_FINDINGS


@contextlib.contextmanager
def _progress_bar(label: str = "validating") -> Iterator[Callable[[str, int], None] | None]:
    """A rich progress line on an interactive terminal; nothing in CI logs or pipes."""
    if not sys.stderr.isatty() or os.environ.get("CI"):
        yield None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), transient=True) as bar:
        task = bar.add_task(label)

        def update(path: str, records: int) -> None:
            bar.update(task, description=f"{records:,} records · {path}")

        yield update


def _validate_options(options: argparse.Namespace) -> ValidateOptions:
    """Merge the configuration file (if any) with the command line; flags win."""
    path = Path(options.config) if options.config else find_config(Path.cwd())
    config = load_config(path) if path is not None else {}
    for flag in ("select", "extend_select", "ignore"):
        known_codes(_codes(getattr(options, flag)), f"--{flag.replace('_', '-')}")
    for flag in ("now", "date_floor"):
        if getattr(options, flag):
            check_date(getattr(options, flag), f"--{flag.replace('_', '-')}")
    select = _codes(options.select) or [c.upper() for c in config.get("select", [])] or ["ALL"]
    extend = [c.upper() for c in config.get("extend-select", [])] + _codes(options.extend_select)
    ignore = [c.upper() for c in config.get("ignore", [])] + _codes(options.ignore)
    coverage = dict(config.get("coverage", {})) | dict(_coverage(item) for item in options.coverage)
    return ValidateOptions(
        select=tuple(select + extend),
        ignore=tuple(ignore),
        now=options.now,
        date_floor=options.date_floor or config.get("date-floor", "1605"),
        min_body_words=options.min_body_words
        if options.min_body_words is not None
        else config.get("min-body-words", 50),
        coverage_floor=coverage,
        per_file_ignores=tuple(
            (glob, tuple(c.upper() for c in codes)) for glob, codes in config.get("per-file-ignores", {}).items()
        ),
        fast=options.fast,
        reproduce=options.reproduce,
    )


def _engine_arguments(parser: argparse.ArgumentParser, work: str) -> None:
    """``--jobs``, ``--engine`` and ``--scheduler``: the same three flags wherever work can be spread."""
    parser.add_argument(
        "--jobs",
        type=_positive,
        default=1,
        metavar="N",
        help=f"worker processes over {work} (at most 4 per CPU, and no more than there is work for)",
    )
    parser.add_argument("--engine", choices=["local", "dask"], default="local", help="where the workers run")
    parser.add_argument("--scheduler", metavar="ADDRESS", help="a Dask scheduler (default: start a LocalCluster)")


def _at_least(minimum: int) -> Callable[[str], int]:
    """An argparse type: a whole number of at least ``minimum``, else a usage error that says so."""

    def whole_number(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = minimum - 1
        if value < minimum:
            raise argparse.ArgumentTypeError(f"expected a whole number of at least {minimum}, got {text!r}")
        return value

    return whole_number


_positive = _at_least(1)


def _codes(values: list[str] | None) -> list[str]:
    return [code.strip().upper() for value in values or [] for code in value.split(",") if code.strip()]


def _coverage(text: str) -> tuple[str, float]:
    name, _, floor = text.partition("=")
    try:
        fraction = float(floor)
    except ValueError:
        fraction = -1.0
    if name.strip() not in COVERAGE_FIELDS or not 0 <= fraction <= 1:
        fields = ", ".join(sorted(COVERAGE_FIELDS))
        raise argparse.ArgumentTypeError(f"--coverage takes FIELD=FRACTION ({fields}; 0..1), got {text!r}")
    return name.strip(), fraction


def _cmd_rule(options: argparse.Namespace, out: TextIO) -> int:
    from corpuskit.rules import all_rules, by_name_or_code

    if options.all:
        for rule in all_rules():
            out.write(f"{rule.code}  {rule.name:<28} {rule.severity:<8} {rule.summary}\n")
        return EXIT_OK
    if not options.code:
        print("corpuskit rule: give a CODE or --all", file=sys.stderr)
        return EXIT_USAGE
    found = by_name_or_code(options.code)
    if found is None:
        print(f"corpuskit rule: no rule {options.code!r} (see: corpuskit rule --all)", file=sys.stderr)
        return EXIT_USAGE
    out.write(rule_page(found.code))
    return EXIT_OK


def rule_page(code: str) -> str:
    """The Markdown page of a rule, as printed by ``corpuskit rule`` and written to docs/rules/."""
    from corpuskit.rules import REGISTRY, all_rules

    all_rules()
    rule = REGISTRY[code]
    body = rule.doc.split("\n", 1)[1].strip() if "\n" in rule.doc else ""
    return f"# {rule.code} {rule.name}\n\nDefault severity: {rule.severity}.\n\n{rule.summary}\n\n{body}\n"


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
        help="convert sources (text scrapes, HTML pages, WARC/ARC captures) into records",
        description=(
            "Convert sources into corpuskit.article/1 records, one JSON line each. Directories are walked "
            "recursively; files are matched to a converter by extension, then by their first bytes. Text scrapes "
            "record every dropped line in provenance.removed; HTML pages and WARC captures record where each "
            "field came from and what it took precedence over."
        ),
        epilog=(
            "Example: corpuskit convert fixtures/seeds --sidecar fixtures/seeds/sidecar.csv -o corpus.jsonl.zst\n"
            "         corpuskit convert crawl.warc.gz -o corpus.jsonl --warc-out crawl-converted.warc.gz\n"
            "Exit codes: 0 all converted, 1 some sources reported problems, 2 usage or missing paths."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    convert.add_argument("sources", nargs="+", metavar="SRC", help="files or directories (- reads standard input)")
    convert.add_argument(
        "-o", "--output", default="-", help="output file (.jsonl, .jsonl.gz, .jsonl.zst); - for stdout"
    )
    convert.add_argument("--sidecar", metavar="FILE", help="CSV or JSONL metadata keyed by path; takes precedence")
    convert.add_argument("--from", dest="source_format", choices=sorted(REGISTRY), help="force a converter")
    convert.add_argument(
        "--shard-mib",
        type=_positive,
        metavar="N",
        help="write -o DIR/part-00000.jsonl.zst, ...: zstd shards of N MiB of records each",
    )
    _engine_arguments(convert, "files and batches of an archive's records")
    convert.add_argument(
        "--warc-out",
        metavar="FILE",
        help="also write a WARC/1.1 file: raw sources as resource records, records as conversion records",
    )
    convert.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    convert.set_defaults(run=_cmd_convert)

    validate = commands.add_parser(
        "validate",
        help="check record files (schema, integrity, text hygiene, dates, duplicates)",
        description="Check record files (.jsonl, .jsonl.gz, .jsonl.zst, .json); directories are walked.",
        epilog=(
            "Example: corpuskit validate corpus.jsonl.zst --output-format github --ignore R005\n"
            "Exit codes: 0 nothing reported, 1 diagnostics reported, 2 usage error or missing path."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    validate.add_argument(
        "paths", nargs="+", metavar="PATH", help="record files, directories or packages (- reads standard input)"
    )
    validate.add_argument("--output-format", choices=["text", "json", "github", "junit", "sarif"], default="text")
    validate.add_argument(
        "--select", action="append", metavar="CODES", help="comma-separated codes or prefixes (default: all)"
    )
    validate.add_argument("--extend-select", action="append", metavar="CODES", help="codes added to the selection")
    validate.add_argument("--ignore", action="append", metavar="CODES", help="codes or prefixes not to report")
    validate.add_argument("--now", metavar="DATE", help="the run's date for future-date checks (default: today)")
    validate.add_argument("--date-floor", metavar="DATE", help="earliest plausible date (default 1605)")
    validate.add_argument(
        "--config", metavar="FILE", help="corpuskit.toml or pyproject.toml (default: found in the working directory)"
    )
    validate.add_argument("--min-body-words", type=_at_least(0), metavar="N", help="short-body threshold (default 50)")
    validate.add_argument(
        "--coverage", action="append", default=[], metavar="FIELD=FRACTION", help="e.g. published=0.8"
    )
    validate.add_argument("--exit-zero", action="store_true", help="exit 0 even when diagnostics are reported")
    _engine_arguments(validate, "files and chunks of large files")
    validate.add_argument("--fast", action="store_true", help="packages: bag structure and Payload-Oxum only")
    validate.add_argument(
        "--reproduce", action="store_true", help="packages: re-convert each source and report records that differ"
    )
    validate.set_defaults(run=_cmd_validate)

    pack = commands.add_parser(
        "pack",
        help="convert sources (or take record files) into a BagIt corpus package",
        description=(
            "Write a BagIt 1.0 bag: data/corpus.json (the manifest), data/records/ (zstd JSON-lines shards), "
            "data/sources/ (each raw source once, by sha256). Reproducible with SOURCE_DATE_EPOCH. "
            "Record files, named or met in a folder (JSON Lines, plain or compressed), are packed as they are; "
            "every other source is converted."
        ),
        epilog=(
            "Example: corpuskit pack fixtures/seeds --sidecar fixtures/seeds/sidecar.csv -o bag/ --name lansman-2018\n"
            "Exit codes: 0 packed, 1 packed with problems reported, 2 usage error (existing output, bad paths)."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    pack.add_argument("sources", nargs="+", metavar="SRC", help="sources, directories or record files")
    pack.add_argument("-o", "--output", required=True, metavar="DIR", help="the package directory")
    pack.add_argument("--name", required=True, help="a short machine name, e.g. lansman-2018")
    pack.add_argument("--title")
    pack.add_argument("--description")
    pack.add_argument("--license", help="an SPDX identifier or a licence statement")
    pack.add_argument("--organization", help="bag-info Source-Organization")
    pack.add_argument("--sidecar", metavar="FILE", help="CSV or JSONL metadata keyed by path")
    pack.add_argument("--shard-mib", type=_positive, default=64, metavar="N", help="records per shard, in MiB")
    pack.add_argument("--force", action="store_true", help="replace an existing package")
    _engine_arguments(pack, "files and batches of an archive's records")
    pack.set_defaults(run=_cmd_pack)

    export = commands.add_parser(
        "export",
        help="export records to Parquet, an HF dataset directory or schema.org JSON-LD",
        epilog="Example: corpuskit export bag/ --to parquet -o corpus.parquet",
    )
    export.add_argument(
        "paths", nargs="+", metavar="PATH", help="record files, directories or packages (- reads standard input)"
    )
    export.add_argument("--to", required=True, choices=["parquet", "hf", "jsonld"])
    export.add_argument("-o", "--output", required=True)
    export.add_argument("--license", help="for the HF dataset card")
    export.set_defaults(run=_cmd_export)

    stats = commands.add_parser(
        "stats",
        help="records, outlets, dates, coverage and body lengths of a corpus",
        epilog="Example: corpuskit stats bag/ --json",
    )
    stats.add_argument(
        "paths", nargs="+", metavar="PATH", help="record files, directories or packages (- reads standard input)"
    )
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.set_defaults(run=_cmd_stats)

    report = commands.add_parser(
        "report",
        help="write one self-contained HTML page: plots, diagnostics and sample records",
        epilog="Example: corpuskit report bag/ -o report.html",
    )
    report.add_argument("paths", nargs="+", metavar="PATH", help="record files, directories or packages")
    report.add_argument("-o", "--output", required=True, metavar="FILE")
    report.add_argument("--now", metavar="DATE", help="the run's date for future-date checks (default: today)")
    report.set_defaults(run=_cmd_report)

    rule = commands.add_parser(
        "rule",
        help="explain a rule",
        description="Print a rule's documentation: what it checks, why, an example and the fix.",
        epilog="Example: corpuskit rule R007   (or: corpuskit rule mojibake, corpuskit rule --all)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    rule.add_argument("code", nargs="?", help="a code (R007) or a name (mojibake)")
    rule.add_argument("--all", action="store_true", help="list every rule")
    rule.set_defaults(run=_cmd_rule)
    return parser


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    parser = build_parser()
    try:
        options = parser.parse_args(argv)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    run: Command = options.run
    try:
        with _dask_notices(getattr(options, "engine", "local")):
            return run(options, out or sys.stdout)
    except BrokenPipeError:
        # The reader stopped early (``| head``): the run did not finish, so it cannot say "clean" (0), and
        # what is still buffered must not end the process with a flush error of its own.
        _silence_stdout()
        return EXIT_FINDINGS
    except OSError as error:
        # Inputs that cannot be read are diagnostics; what reaches here is an output that cannot be made
        # (a folder that does not exist, no permission, a full disk), named with the system's reason.
        where = f"{error.filename}: " if error.filename else ""
        print(f"corpuskit {options.command}: cannot write: {where}{error.strerror or error}", file=sys.stderr)
        return EXIT_USAGE


def _silence_stdout() -> None:
    with contextlib.suppress(OSError, ValueError):  # stdout already closed, or not a real file (tests)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


@contextlib.contextmanager
def _dask_notices(engine: str) -> Iterator[None]:
    """On the Dask engine, what the cluster says of itself (its workers, its dashboard) goes to stderr."""
    if engine != "dask":
        yield
        return
    from corpuskit._dask import LOG

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    level = LOG.level
    LOG.addHandler(handler)
    LOG.setLevel(logging.INFO)
    try:
        yield
    finally:
        LOG.removeHandler(handler)
        LOG.setLevel(level)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
