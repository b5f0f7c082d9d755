"""Real pages and captures from PyPI source distributions, for the dev set, benchmarks and tests.

    python benchmarks/realdata.py [DIR]      # default build/realdata

Downloads (from PyPI only, with pip) and unpacks, once:

* trafilatura 1.1.0: real news HTML under tests/cache (GPL-3.0-or-later);
* htmldate 1.4.0: pages with dates under tests/cache (GPL-3.0-or-later);
* newspaper4k 0.9.6: HTML, text and metadata under tests/data (MIT);
* pywb 2.10.0: real WARC and ARC files with CDX indexes under sample_archive (GPL-3.0).

Nothing is committed from the GPL packages; tests read them from DIR, which
`make test` fills before running pytest (tests never reach the network).
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
from pathlib import Path

SDISTS = ("trafilatura==1.1.0", "htmldate==1.4.0", "newspaper4k==0.9.6", "pywb==2.10.0")
PAGES = {
    "trafilatura-1.1.0": "tests/cache",
    "htmldate-1.4.0": "tests/cache",
    "newspaper4k-0.9.6": "tests/data/html",
}
DEFAULT = Path("build/realdata")


def fetch(cache: Path = DEFAULT) -> Path:
    """Download and unpack every sdist not yet in ``cache``; return ``cache``."""
    cache.mkdir(parents=True, exist_ok=True)
    for requirement in SDISTS:
        name, version = requirement.split("==")
        if (cache / f"{name}-{version}").is_dir():
            continue
        command = [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-binary", ":all:"]
        subprocess.run([*command, requirement, "-d", str(cache)], check=True)
        with tarfile.open(next(cache.glob(f"{name}-{version}.tar.gz"))) as archive:
            archive.extractall(cache, filter="data")
    return cache


def pages(cache: Path = DEFAULT) -> list[Path]:
    """Every real HTML page, in a stable order."""
    root = fetch(cache)
    return [page for folder, sub in PAGES.items() for page in sorted((root / folder / sub).glob("*.htm*"))]


# Real pages (newspaper4k 0.9.6, MIT) for the committed demo capture, with the URLs its metadata gives.
FIXTURE_PAGES = {
    "cnn_article": "http://www.cnn.com/2013/11/27/travel/weather-thanksgiving/index.html",
    "yna_co_kr": "https://en.yna.co.kr/view/AEN20190820002300325?section=nk/nk",
    "arabic_article": "http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html",
    "latvian_article": "https://eng.lsm.lv/article/society/society/latvian-article.a000000/",
}


def fixture_warc(out: Path, cache: Path = DEFAULT) -> None:
    """Write fixtures/warc/news.warc.gz: the pages above as responses, with requests and an image between."""
    from corpuskit.strategies import Page, build_warc

    root = fetch(cache) / "newspaper4k-0.9.6" / "tests" / "data" / "html"
    pages = [Page(url, (root / f"{name}.html").read_bytes(), "", (), None, None) for name, url in FIXTURE_PAGES.items()]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(build_warc(pages, gzip=True).data)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--fixture-warc"]:
        fixture_warc(Path(sys.argv[2]))
    else:
        fetch(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
