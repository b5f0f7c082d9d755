"""Properties of HTML and WARC conversion, on drawn pages and drawn captures."""

from __future__ import annotations

import contextlib
import html
import io
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from corpuskit.convert import REGISTRY, convert_paths, convert_source
from corpuskit.convert._build import SourceInput
from corpuskit.convert.warc import write_warc
from corpuskit.diagnostics import Diagnostic
from corpuskit.jsonl import dumps
from corpuskit.models import Article
from corpuskit.strategies import Page, WarcCapture, articles, pages, warc_captures


def convert_file(data: bytes, name: str) -> list[Article | Diagnostic]:
    """Convert one file, with the conversion time fixed (SOURCE_DATE_EPOCH) so that runs compare."""
    with tempfile.TemporaryDirectory() as folder, _epoch("1700000000"):
        path = Path(folder) / name
        path.write_bytes(data)
        return [item for item in convert_paths([path]) if isinstance(item, Article | Diagnostic)]


@contextlib.contextmanager
def _epoch(value: str) -> Iterator[None]:
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = value
    try:
        yield
    finally:
        if old is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


def warc_name(capture: WarcCapture) -> str:
    return "capture.warc.gz" if capture.gzip else "capture.warc"


def record_ends(capture: WarcCapture) -> dict[int, int]:
    """Offset → end of every record in the intact file."""
    from warcio.archiveiterator import ArchiveIterator

    ends = {}
    iterator = ArchiveIterator(io.BytesIO(capture.data))
    for record in iterator:
        iterator.read_to_end(record)
        ends[iterator.get_record_offset()] = iterator.get_record_offset() + iterator.get_record_length()
    return ends


@given(warc_captures())
def test_offsets_locate_records_and_conversion_is_deterministic(capture: WarcCapture) -> None:
    first = convert_file(capture.data, warc_name(capture))
    assert all(isinstance(item, Article) for item in first)
    found = [item for item in first if isinstance(item, Article)]
    assert [a.provenance.capture.offset for a in found if a.provenance.capture] == list(capture.offsets)
    assert [a.provenance.capture.record_id for a in found if a.provenance.capture] == list(capture.record_ids)
    assert [a.title for a in found] == [page.title for page in capture.pages]
    second = convert_file(capture.data, warc_name(capture))
    assert [dumps(a) for a in found] == [dumps(a) for a in second if isinstance(a, Article)]


@settings(max_examples=60)
@given(warc_captures(min_pages=1, max_pages=3), st.data())
def test_a_truncated_capture_never_crashes_and_loses_nothing_before_the_cut(
    capture: WarcCapture, data: st.DataObject
) -> None:
    cut = data.draw(st.integers(0, len(capture.data)), label="cut")
    items = convert_file(capture.data[:cut], warc_name(capture))
    problems = [item for item in items if isinstance(item, Diagnostic)]
    empty = ["C005"] if cut == 0 else []  # an empty file: no records, said so
    assert all(problem.code == "C006" for problem in problems) or [p.code for p in problems] == empty, problems
    converted = {a.provenance.capture.offset for a in items if isinstance(a, Article) and a.provenance.capture}
    ends = record_ends(capture)
    assert {offset for offset in capture.offsets if ends[offset] <= cut} <= converted
    started = {offset for offset in capture.offsets if offset < cut}
    if started - converted:  # a page cut off is never lost silently
        assert problems, f"pages at {sorted(started - converted)} lost without a report"


@settings(max_examples=40)
@given(warc_captures(min_pages=2, max_pages=3), st.data())
def test_damage_inside_one_gzip_member_loses_no_other_record(capture: WarcCapture, data: st.DataObject) -> None:
    """Bytes overwritten inside one record of a record-per-member capture: every other page is converted, and
    the damaged one is converted or reported (warcio reads nothing after a member that does not inflate)."""
    assume(capture.gzip)
    ends = record_ends(capture)
    offset = data.draw(st.sampled_from(sorted(ends)), label="record")
    start = data.draw(st.integers(offset, ends[offset] - 1), label="start")
    size = data.draw(st.integers(1, min(32, ends[offset] - start)), label="size")
    damaged = bytearray(capture.data)
    damaged[start : start + size] = bytes(byte ^ 0xFF for byte in damaged[start : start + size])
    items = convert_file(bytes(damaged), warc_name(capture))
    problems = [item for item in items if isinstance(item, Diagnostic)]
    assert all(problem.code in ("C006", "C007") for problem in problems), problems  # never a crash (C001)
    converted = {a.provenance.capture.offset for a in items if isinstance(a, Article) and a.provenance.capture}
    assert set(capture.offsets) - {offset} <= converted
    if offset in capture.offsets and offset not in converted:
        assert problems, f"the page at {offset} lost without a report"


@settings(max_examples=40)
@given(warc_captures(min_pages=2, max_pages=3), st.data())
def test_a_capture_gzipped_whole_and_cut_anywhere_keeps_every_record_it_still_holds(
    capture: WarcCapture, data: st.DataObject
) -> None:
    """``gzip capture.warc``, then cut at any byte: each record the cut stream still holds whole is converted."""
    import gzip
    import zlib

    assume(not capture.gzip)
    whole = gzip.compress(capture.data, mtime=0)
    cut = data.draw(st.integers(0, len(whole)), label="cut")
    items = convert_file(whole[:cut], "capture.warc.gz")
    problems = [item for item in items if isinstance(item, Diagnostic)]
    empty = {"C005"} if cut == 0 else set()  # an empty file: no records, said so
    assert {problem.code for problem in problems} <= {"C006", "C010", *empty}, problems  # never a crash (C001)
    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
    held = len(inflate.decompress(whole[:cut]) + inflate.flush())
    converted = {a.provenance.capture.offset for a in items if isinstance(a, Article) and a.provenance.capture}
    ends = record_ends(capture)
    assert {offset for offset in capture.offsets if ends[offset] <= held} <= converted
    if cut < len(whole) and held > 0:  # a cut stream is reported
        assert "C006" in {problem.code for problem in problems}


@given(pages())
def test_html_body_is_traceable_to_the_page(page: Page) -> None:
    (item,) = convert_source(REGISTRY["html"], SourceInput("page.html", page.html, url=page.url))
    assert isinstance(item, Article)
    visible = html.unescape(re.sub(r"<[^>]+>", " ", page.html.decode()))
    for block in item.body:
        assert block.text in visible or all(word in visible for word in block.text.split())
    assert [block.text for block in item.body] == list(page.paragraphs)
    assert item.title == page.title
    if page.published is not None:
        assert item.published == page.published
    if page.author is not None:
        assert [byline.name for byline in item.bylines] == [page.author]


def _warcio_check(path: Path) -> int:
    from warcio.checker import Checker

    with contextlib.redirect_stdout(io.StringIO()):
        return int(Checker(SimpleNamespace(inputs=[str(path)], verbose=False)).process_all())


@settings(max_examples=60)
@given(st.lists(articles(max_blocks=3), max_size=4))
def test_records_to_warc_to_records_is_the_identity(records: list[Article]) -> None:
    stream = io.BytesIO()
    sources = [SourceInput(a.provenance.source.path, f"raw {i}".encode()) for i, a in enumerate(records)]
    write_warc(stream, zip(records, sources, strict=True))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "records.warc.gz"
        path.write_bytes(stream.getvalue())
        assert _warcio_check(path) == 0
        back = [item for item in convert_paths([path]) if isinstance(item, Article | Diagnostic)]
    assert [dumps(a) for a in back if isinstance(a, Article)] == [dumps(a) for a in records]
    problems = [item.code for item in back if isinstance(item, Diagnostic)]
    assert problems == ([] if records else ["C005"])  # no records written: an empty archive, said so
