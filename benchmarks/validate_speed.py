"""Validation speed and memory against baselines in the same run.

Builds a corpus of N realistic records (the converted seeds, each given its own
source digest and id so that no rule fires on duplicates), then measures:

* orjson: parsing every line (the floor);
* corpuskit: ``validate_paths`` with every default rule;
* python-jsonschema: validating each parsed line against the published schema
  (timed on a sample and scaled, it is slow).

Targets (issue: validator): corpuskit <= 2.0x orjson, and >= 10x faster than the
jsonschema loop. Peak RSS is measured in a child process per corpus size.

    python benchmarks/validate_speed.py [-n 20000] [--rss 20000,200000]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_corpus(path: Path, count: int) -> None:
    from corpuskit.ids import derive_id
    from corpuskit.jsonl import dump_json

    seeds = [json.loads(line) for line in (ROOT / "fixtures" / "valid" / "seeds.jsonl").read_text().splitlines()]
    with path.open("wb") as out:
        for index in range(count):
            record = json.loads(json.dumps(seeds[index % len(seeds)]))
            sha = hashlib.sha256(f"record {index}".encode()).hexdigest()
            record["provenance"]["source"]["sha256"] = sha
            record["id"] = derive_id(sha)
            record["body"][0]["text"] += f" ({index})"  # distinct bodies
            out.write(dump_json(record) + b"\n")


def peak_rss_kib() -> int:
    """This process's peak RSS. VmHWM starts afresh at exec; ru_maxrss would carry the
    peak of the parent that forked us (Linux keeps it across fork and exec)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def timed(function) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=20000)
    parser.add_argument("--rss", default="", help="comma-separated corpus sizes to measure peak RSS for")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    from corpuskit.validate import ValidateOptions, validate_paths

    if options.child:
        validate_paths([options.child], ValidateOptions(now="2026-11-22"))
        print(peak_rss_kib())
        return 0
    import orjson

    from corpuskit.schema import validator

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        make_corpus(corpus, options.n)
        size = corpus.stat().st_size
        lines = corpus.read_bytes().splitlines()

        def parse_each() -> None:
            # Each parsed record is dropped at once, as validation streams: keeping 20,000 of
            # them alive makes the garbage collector's passes grow with the corpus, and the
            # floor with them.
            with corpus.open("rb") as stream:
                for line in stream:
                    orjson.loads(line)

        parse = timed(parse_each)
        report = None

        def run() -> None:
            nonlocal report
            report = validate_paths([corpus], ValidateOptions(now="2026-11-22"))

        ours = timed(run)
        two = timed(lambda: validate_paths([corpus], ValidateOptions(now="2026-11-22"), jobs=2))
        schema = validator("article")
        sample = lines[: min(len(lines), 1000)]
        loop = (
            timed(lambda: [len(list(schema.iter_errors(orjson.loads(line)))) for line in sample])
            * len(lines)
            / len(sample)
        )
        print(f"records: {options.n}, {size / options.n / 1024:.1f} KiB each, diagnostics: {len(report.diagnostics)}")  # type: ignore[union-attr]
        print(f"orjson parse:       {parse:7.2f} s")
        print(f"corpuskit validate: {ours:7.2f} s  ({ours / parse:.1f}x orjson)")
        print(f"  with --jobs 2:    {two:7.2f} s  ({ours / two:.2f}x the throughput of one job)")
        print(
            f"jsonschema loop:    {loop:7.2f} s  (corpuskit is {loop / ours:.1f}x faster; scaled from {len(sample)} records)"
        )
        for count in [int(c) for c in options.rss.split(",") if c]:
            big = Path(tmp) / f"rss-{count}.jsonl"
            make_corpus(big, count)
            peak = subprocess.run(
                [sys.executable, __file__, "--child", str(big)], capture_output=True, text=True, check=True
            ).stdout.strip()
            print(f"peak RSS validating {count:>7} records: {int(peak) / 1024:.0f} MiB")
            big.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
