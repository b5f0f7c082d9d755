"""HTML and WARC conversion speed, as ratios against baselines measured in the same run.

    python benchmarks/html_speed.py [--cache build/realdata] [--rounds 3]

* HTML: corpuskit's HTML converter (record included) against bare ``trafilatura.extract`` on the
  same real pages (target: at most 1.15x, i.e. <= 15 % overhead).
* WARC: ``corpuskit convert`` on a WARC of the same pages (with request and image records between
  them) against a hand-written warcio + trafilatura loop over the same file.

Each figure is the best of ``--rounds`` rounds (one core).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import realdata


def best(rounds: int, base: Callable[[], object], ours: Callable[[], object]) -> tuple[float, float]:
    """The best time of each, rounds interleaved so that drift in the machine's speed hits both alike."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(rounds):
        for work, spent in ((base, times[0]), (ours, times[1])):
            start = time.perf_counter()
            work()
            spent.append(time.perf_counter() - start)
    return min(times[0]), min(times[1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, default=realdata.DEFAULT)
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args(argv)

    import trafilatura
    from warcio.archiveiterator import ArchiveIterator

    from corpuskit.convert import REGISTRY, convert_paths, convert_source
    from corpuskit.convert._build import SourceInput
    from corpuskit.models import Article
    from corpuskit.strategies import Page, build_warc

    pages = [(path.name, path.read_bytes()) for path in realdata.pages(options.cache)]
    html = REGISTRY["html"]

    def bare() -> None:
        for _, data in pages:
            trafilatura.extract(data)

    def ours() -> None:
        for name, data in pages:
            for _ in convert_source(html, SourceInput(name, data)):
                pass

    bare(), ours()  # warm caches (lxml, models) before timing
    base, mine = best(options.rounds, bare, ours)
    print(f"HTML pages: {len(pages)}")
    print(f"  trafilatura.extract: {len(pages) / base:7.1f} pages/s")
    print(f"  corpuskit html     : {len(pages) / mine:7.1f} pages/s   ratio {mine / base:.3f} (target <= 1.15)")

    with tempfile.TemporaryDirectory() as folder:
        warc = Path(folder) / "pages.warc.gz"
        drawn = [Page(f"https://example.com/{i}", data, "", (), None, None) for i, (_, data) in enumerate(pages)]
        warc.write_bytes(build_warc(drawn, gzip=True).data)

        def loop() -> int:
            count = 0
            with warc.open("rb") as handle:
                for record in ArchiveIterator(handle):
                    if record.rec_type != "response" or record.http_headers.get_statuscode() != "200":
                        continue
                    if "html" not in (record.http_headers.get_header("Content-Type") or ""):
                        continue
                    count += trafilatura.extract(record.content_stream().read()) is not None
            return count

        def convert() -> int:
            return sum(isinstance(item, Article) for item in convert_paths([warc]))

        base, mine = best(options.rounds, loop, convert)
        print(f"WARC: {warc.stat().st_size / 1e6:.1f} MB, {len(pages)} pages among {3 * len(pages)} records")
        print(f"  warcio + trafilatura loop: {len(pages) / base:7.1f} pages/s")
        print(f"  corpuskit convert        : {len(pages) / mine:7.1f} pages/s   ratio {mine / base:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
