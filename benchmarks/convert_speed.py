"""Text conversion throughput on one core, against merely reading the same files.

Writes N seed-like scrapes (the five seeds, each varied so no two are equal)
to a temporary folder, then times in one run:

* baseline: reading every file's bytes (and hashing them, which conversion
  also must do);
* corpuskit: converting every file to a record and serialising it.

    python benchmarks/convert_speed.py [-n 20000]

The target is >= 1,000 docs/s on one core; the ratio to the baseline is the
machine-independent figure.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_corpus(folder: Path, count: int) -> list[Path]:
    seeds = [path.read_bytes() for path in sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))]
    paths = []
    for index in range(count):
        path = folder / f"{index:06d}.txt"
        path.write_bytes(seeds[index % len(seeds)] + f"\n\nReference {index}.\n".encode())
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=20000)
    options = parser.parse_args(argv)
    from corpuskit.convert import REGISTRY, convert_source
    from corpuskit.convert._build import SourceInput
    from corpuskit.jsonl import dumps
    from corpuskit.models import Article

    converter = REGISTRY["text"]
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_corpus(Path(tmp), options.n)
        started = time.perf_counter()
        for path in paths:
            hashlib.sha256(path.read_bytes()).hexdigest()
        baseline = time.perf_counter() - started
        started = time.perf_counter()
        converted = 0
        for path in paths:
            for item in convert_source(
                converter, SourceInput(path.name, path.read_bytes()), stamp="2026-01-01T00:00:00Z"
            ):
                if isinstance(item, Article):
                    dumps(item)
                    converted += 1
        elapsed = time.perf_counter() - started
    print(f"documents: {options.n}, converted: {converted}")
    print(f"read+hash baseline: {options.n / baseline:,.0f} docs/s")
    print(f"corpuskit convert:  {options.n / elapsed:,.0f} docs/s ({elapsed / baseline:.1f}x the baseline time)")
    return 0 if converted == options.n else 1


if __name__ == "__main__":
    sys.exit(main())
