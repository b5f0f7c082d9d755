"""Conversion throughput against the number of jobs, and the Dask engine against the local pool.

    python benchmarks/scale.py [--cache build/realdata] [--files 4]

Writes ``--files`` gzipped WARC files of the real pages (with request and image records
between them), then converts them with ``--jobs 1``, ``--jobs 2`` and ``--engine dask
--jobs 2`` on a LocalCluster of two workers that is already running. Reports pages per second and
the ratios; the target on 2 cores is ``jobs 2 >= 1.7x jobs 1``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import realdata


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, default=realdata.DEFAULT)
    parser.add_argument("--files", type=int, default=16)
    options = parser.parse_args(argv)

    from corpuskit.convert import convert_paths
    from corpuskit.models import Article
    from corpuskit.strategies import Page, build_warc

    pages = [path.read_bytes() for path in realdata.pages(options.cache)]
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        per_file = len(pages) // options.files
        for index in range(options.files):
            chunk = pages[index * per_file : (index + 1) * per_file]
            drawn = [Page(f"https://example.com/{index}/{i}", data, "", (), None, None) for i, data in enumerate(chunk)]
            (root / f"part-{index}.warc.gz").write_bytes(build_warc(drawn).data)
        total = per_file * options.files

        def timed(**engine: object) -> float:
            start = time.perf_counter()
            count = sum(isinstance(item, Article) for item in convert_paths([root], **engine))  # type: ignore[arg-type]
            assert count > 0.9 * total or total == 0, count
            return time.perf_counter() - start

        timed(jobs=1)  # warm up: imports, lxml and model caches (each worker warms its own)
        one = timed(jobs=1)
        two = timed(jobs=2)
        from distributed import LocalCluster

        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            timed(jobs=2, engine="dask", scheduler=cluster.scheduler_address)  # warm the workers
            dask = timed(jobs=2, engine="dask", scheduler=cluster.scheduler_address)
        print(f"{options.files} WARC files, {total} pages")
        print(f"  jobs 1      : {total / one:6.1f} pages/s")
        print(f"  jobs 2      : {total / two:6.1f} pages/s   {one / two:.2f}x jobs 1 (target >= 1.7x)")
        print(f"  dask, 2 workers: {total / dask:6.1f} pages/s   {one / dask:.2f}x jobs 1 (a running LocalCluster)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
