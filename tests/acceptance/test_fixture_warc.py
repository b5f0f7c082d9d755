"""The committed demo capture (fixtures/warc/news.warc.gz): four real pages, converted and located."""

from __future__ import annotations

from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from corpuskit.convert import convert_paths
from corpuskit.jsonl import write_records
from corpuskit.models import Article
from corpuskit.validate import ValidateOptions, validate_paths
from tests.helpers import FIXTURES

WARC = FIXTURES / "warc" / "news.warc.gz"


def test_the_demo_capture_converts_to_four_located_records() -> None:
    articles = [item for item in convert_paths([WARC]) if isinstance(item, Article)]
    assert [a.url for a in articles] == [
        "http://www.cnn.com/2013/11/27/travel/weather-thanksgiving/index.html",
        "https://en.yna.co.kr/view/AEN20190820002300325?section=nk/nk",
        "http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html",
        "https://eng.lsm.lv/article/society/society/latvian-article.a000000/",
    ]
    cnn = articles[0]
    assert cnn.title == "After storm, forecasters see smooth sailing for Thanksgiving"
    assert cnn.published == "2013-11-27T08:36:32Z"
    assert [b.name for b in cnn.bylines] == ["Dana A. Ford", "James S.A. Corey", "Chien-Ming Wang", "Tom Watkins"]
    assert cnn.outlet is not None and (cnn.outlet.name, cnn.outlet.domain) == ("CNN", "cnn.com")
    assert [a.language for a in articles] == ["en-US", "en", "ar", "lv"]
    with WARC.open("rb") as handle:
        for article in articles:
            capture = article.provenance.capture
            assert capture is not None and capture.filename == "news.warc.gz"
            handle.seek(capture.offset)
            record = next(iter(ArchiveIterator(handle)))
            assert record.rec_headers.get_header("WARC-Record-ID") == capture.record_id
            assert record.rec_headers.get_header("WARC-Target-URI") == article.url


def test_the_demo_capture_leaves_no_boilerplate_the_validator_would_flag(tmp_path: Path) -> None:
    """What the converter knows to be furniture it drops, even where the page prints markup inside it
    (`make demo` validates these records; R002 is the one page's own metadata, updated before published)."""
    records = tmp_path / "news.jsonl"
    with records.open("wb") as stream:
        write_records((item for item in convert_paths([WARC]) if isinstance(item, Article)), stream)
    report = validate_paths([records], ValidateOptions(now="2026-11-22", ignore=("R002",)))
    assert (report.records, [d.code for d in report.diagnostics]) == (4, [])
