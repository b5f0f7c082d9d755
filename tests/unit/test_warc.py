"""The WARC converter on real captures (pywb 2.10.0's sample archive) and on broken ones."""

from __future__ import annotations

import gzip
import io
from collections import Counter
from pathlib import Path

import pytest

from corpuskit.cli import main
from corpuskit.convert import NOT_REGULAR, UNCLAIMED, Opened, Skipped, convert_paths
from corpuskit.convert.warc import WarcOut
from corpuskit.diagnostics import Diagnostic
from corpuskit.jsonl import dumps, read_records
from corpuskit.models import Article
from corpuskit.strategies import Page, build_warc
from tests.helpers import FIXTURES, SEEDS, pywb_archive

PARAGRAPH = "The storm closed the coast road for a second day, and ferries stayed in port until the wind dropped."


def real_page(index: int, paragraphs: int = 3) -> Page:
    texts = tuple(f"{PARAGRAPH} Report number {index}, part {part}." for part in range(paragraphs))
    body = "".join(f"<p>{text}</p>" for text in texts)
    html = (
        f"<html><head><title>Storm report {index}</title></head><body><article><h1>Storm report {index}</h1>"
        f"{body}</article></body></html>"
    ).encode()
    return Page(f"https://news.example.com/storm/{index}", html, f"Storm report {index}", texts, None, None)


def run(path: Path) -> tuple[list[Article], list[Diagnostic], Counter[str]]:
    articles, problems, skipped = [], [], Counter[str]()
    for item in convert_paths([path]):
        if isinstance(item, Article):
            articles.append(item)
        elif isinstance(item, Diagnostic):
            problems.append(item)
        elif isinstance(item, Skipped):
            skipped[item.reason] += 1
    return articles, problems, skipped


def write_seeds(out: WarcOut, *, times: int = 1) -> None:
    """Convert the seeds and write each record (``times`` times) after its source, as ``--warc-out`` does."""
    opened = None
    for item in convert_paths([SEEDS]):
        if isinstance(item, Opened):
            opened = item.source
        elif isinstance(item, Article):
            for _ in range(times):
                out.add(item, opened)


def cdx(name: str) -> dict[tuple[str, str], tuple[int, int]]:
    """(url, 14-digit timestamp) → (offset, length) from a CDX 11-column index."""
    index = {}
    for line in (pywb_archive() / "cdx" / name).read_text().splitlines()[1:]:
        fields = line.split()
        index[(fields[2], fields[1])] = (int(fields[9]), int(fields[8]))
    return index


@pytest.mark.parametrize(("warc", "index"), [("iana.warc.gz", "iana.cdx"), ("example.warc.gz", "example.cdx")])
def test_capture_offsets_and_lengths_agree_with_the_cdx(warc: str, index: str) -> None:
    articles, problems, _ = run(pywb_archive() / "warcs" / warc)
    assert articles and not problems
    entries = cdx(index)
    for article in articles:
        capture = article.provenance.capture
        assert capture is not None and capture.date is not None and capture.target_uri is not None
        stamp = capture.date[:19].replace("-", "").replace("T", "").replace(":", "")
        assert entries[(capture.target_uri, stamp)] == (capture.offset, capture.length)
        assert article.url == capture.target_uri
        assert capture.filename == warc


def test_warcio_extract_at_the_offset_returns_that_record() -> None:
    from warcio.archiveiterator import ArchiveIterator

    path = pywb_archive() / "warcs" / "iana.warc.gz"
    articles, _, _ = run(path)
    with path.open("rb") as handle:
        for article in articles:
            capture = article.provenance.capture
            assert capture is not None
            handle.seek(capture.offset)
            record = next(iter(ArchiveIterator(handle)))
            assert record.rec_headers.get_header("WARC-Record-ID") == capture.record_id
            assert article.provenance.source.sha256 == _sha256(record.content_stream().read())


def _sha256(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def test_arc_records_have_no_record_id_and_are_located_by_offset() -> None:
    articles, problems, skipped = run(pywb_archive() / "warcs" / "example.arc.gz")
    assert not problems
    (article,) = articles
    capture = article.provenance.capture
    assert capture is not None
    assert (capture.record_id, capture.offset, capture.length) == (None, 171, 856)  # example-arc-test.cdx
    assert capture.date == "2014-02-16T05:02:21Z"
    assert skipped == {"arc_header": 1}


def test_an_arc_date_outside_the_calendar_is_reported_and_left_out(tmp_path: Path) -> None:
    original = (pywb_archive() / "warcs" / "example.arc").read_bytes()
    page = b"http://example.com/ 93.184.216.119 20140216050221 "
    assert original.count(page) == 1
    path = tmp_path / "odd.arc"
    path.write_bytes(original.replace(page, page.replace(b"20140216", b"20141316")))  # month 13, same length
    (article,), problems, _ = run(path)
    assert article.provenance.capture is not None and article.provenance.capture.date is None
    assert [problem.code for problem in problems] == ["C011"]
    assert "capture date '20141316050221' is not a date" in problems[0].message


def test_arc_records_without_a_payload_are_counted_for_what_they_lack() -> None:
    """pywb's bad.arc: pages whose length is -1 or "abc" hold no HTTP response, and one has no status."""
    articles, problems, skipped = run(pywb_archive() / "warcs" / "bad.arc")
    assert not articles and not problems
    assert skipped == {"arc_header": 1, "response without an HTTP header": 2, "response status missing": 1}


def test_revisits_resolve_within_the_file_or_are_reported() -> None:
    _, problems, skipped = run(pywb_archive() / "warcs" / "example.warc.gz")
    assert not problems and skipped["revisit resolved in the same file"] == 1
    assert skipped["request"] == 2 and skipped["response status 302"] == 1
    _, problems, skipped = run(pywb_archive() / "warcs" / "dupes.warc.gz")
    assert [problem.code for problem in problems] == ["C008"]  # the HTML revisit of a page captured elsewhere
    assert "byte 2678" in problems[0].message
    assert skipped["revisit image/png"] == 1  # revisits of non-pages are only counted


def test_a_bad_payload_digest_is_reported_and_the_record_not_converted(tmp_path: Path) -> None:
    capture = build_warc([real_page(1), real_page(2)], gzip=False, extras=False)
    damaged = capture.data.replace(b"Report number 1, part 0", b"Report number 9, part 0")
    path = tmp_path / "bad-digest.warc"
    path.write_bytes(damaged)
    articles, problems, _ = run(path)
    assert [a.url for a in articles] == ["https://news.example.com/storm/2"]
    (problem,) = problems
    assert problem.code == "C007" and f"byte {capture.offsets[0]}" in problem.message
    assert "digest failed" in problem.message


def test_a_chunked_payload_is_dechunked() -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = real_page(3)
    chunked = (
        b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in (page.html[:100], page.html[100:])) + b"0\r\n\r\n"
    )
    stream = io.BytesIO()
    writer = WARCWriter(stream, gzip=True)
    http = StatusAndHeaders(
        "200 OK", [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")], protocol="HTTP/1.1"
    )
    record = writer.create_warc_record(page.url, "response", payload=io.BytesIO(chunked), http_headers=http)
    writer.write_record(record)
    path = Path(pytest.importorskip("tempfile").mkdtemp()) / "chunked.warc.gz"
    path.write_bytes(stream.getvalue())
    articles, problems, _ = run(path)
    assert not problems
    assert [block.text for block in articles[0].body] == list(page.paragraphs)


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "br", "zstd"])
def test_a_compressed_payload_is_decoded(tmp_path: Path, encoding: str) -> None:
    """Crawlers record what servers send, often with a Content-Encoding (brotli needs the brotli package)."""
    import zlib

    import brotli
    import zstandard
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = real_page(4)
    compress = {"gzip": gzip.compress, "deflate": zlib.compress, "br": brotli.compress, "zstd": zstandard.compress}
    encoded = compress[encoding](page.html)
    stream = io.BytesIO()
    writer = WARCWriter(stream, gzip=True)
    http = StatusAndHeaders(
        "200 OK", [("Content-Type", "text/html"), ("Content-Encoding", encoding)], protocol="HTTP/1.1"
    )
    writer.write_record(writer.create_warc_record(page.url, "response", payload=io.BytesIO(encoded), http_headers=http))
    path = tmp_path / f"{encoding}.warc.gz"
    path.write_bytes(stream.getvalue())
    articles, problems, _ = run(path)
    assert not problems
    assert [block.text for block in articles[0].body] == list(page.paragraphs)


def test_a_response_without_a_content_type_is_known_by_its_first_bytes(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    stream = io.BytesIO()
    writer = WARCWriter(stream, gzip=True)
    for page in (real_page(5), Page("https://news.example.com/logo", b"\x89PNG\r\n\x1a\n\x00\x00", "", (), None, None)):
        http = StatusAndHeaders("200 OK", [("Server", "test")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(page.url, "response", payload=io.BytesIO(page.html), http_headers=http)
        )
    path = tmp_path / "untyped.warc.gz"
    path.write_bytes(stream.getvalue())
    articles, problems, skipped = run(path)
    assert not problems and [article.url for article in articles] == [real_page(5).url]
    assert skipped == Counter({"response without media type": 1})
    # Common Crawl names the type it detected: a fragment of a page with no doctype is converted on its word.
    fragment = real_page(7).html.split(b"<body>", 1)[1]
    http = StatusAndHeaders("200 OK", [("Server", "test")], protocol="HTTP/1.1")
    headers = {"WARC-Identified-Payload-Type": "text/html"}
    record = writer.create_warc_record(
        real_page(7).url, "response", payload=io.BytesIO(fragment), http_headers=http, warc_headers_dict=headers
    )
    writer.write_record(record)
    path.write_bytes(stream.getvalue())
    assert [article.url for article in run(path)[0]] == [real_page(5).url, real_page(7).url]


@pytest.mark.parametrize(
    ("target", "head", "url"),
    [
        ("http://[::1/storm", '<link rel="canonical" href="/storm/1">', None),  # nothing to resolve against
        ("https://news.example.com:99999/storm", '<meta property="og:url" content="/storm/1">', None),
        (
            "https://news.example.com/storm",
            '<link rel="canonical" href="http://[::1/x">',
            "https://news.example.com/storm",
        ),
    ],
    ids=["unclosed-ipv6-target", "port-out-of-range", "unparseable-canonical"],
)
def test_an_address_that_cannot_be_parsed_is_no_url_and_the_page_is_still_converted(
    tmp_path: Path, target: str, head: str, url: str | None
) -> None:
    page = real_page(1)
    html = page.html.replace(b"</head>", head.encode() + b"</head>")
    path = tmp_path / "odd.warc.gz"
    path.write_bytes(build_warc([Page(target, html, page.title, page.paragraphs, None, None)], extras=False).data)
    (article,), problems, _ = run(path)
    assert article.url == url
    assert article.provenance.capture is not None and article.provenance.capture.target_uri == target
    # A target URI that cannot be the url is said so (C011); a page's own bad link is simply not taken.
    assert [(problem.code, target in problem.message) for problem in problems] == ([] if url else [("C011", True)])
    if url is None:
        assert article.outlet is None or article.outlet.domain is None


def _raw_response(headers: list[tuple[str, str]], page: Page) -> bytes:
    """A response record written by hand, with only the WARC headers given (warcio's writer adds its own)."""
    block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page.html
    head = "".join(f"{name}: {value}\r\n" for name, value in headers)
    return f"WARC/1.0\r\n{head}Content-Length: {len(block)}\r\n\r\n".encode() + block + b"\r\n\r\n"


def test_a_response_is_read_as_http_whatever_its_target_uri(tmp_path: Path) -> None:
    """warcio reads a record's HTTP header only under a lower-case "http:" or "https:" target URI, and fails on a
    response without one. Its Content-Type says it holds an HTTP response: it is converted, and an address
    that cannot be its url is reported (C011)."""
    common = [("WARC-Type", "response"), ("Content-Type", "application/http; msgtype=response")]
    targets = [None, "HTTP://NEWS.EXAMPLE.COM/storm/2", "::::[[[", real_page(4).url]
    data = b"".join(
        _raw_response(
            [*common, ("WARC-Record-ID", f"<urn:uuid:{index}>")] + ([("WARC-Target-URI", target)] if target else []),
            real_page(index + 1),
        )
        for index, target in enumerate(targets)
    )
    path = tmp_path / "targets.warc"
    path.write_bytes(data)
    articles, problems, skipped = run(path)
    assert [article.title for article in articles] == [f"Storm report {index + 1}" for index in range(len(targets))]
    assert [article.url for article in articles] == [None, targets[1], None, targets[3]]
    assert not skipped
    assert [(problem.code, problem.message.split(": ", 1)[1]) for problem in problems] == [
        ("C011", "no WARC-Target-URI; the record's url is the one the page gives, if any"),
        (
            "C011",
            "WARC-Target-URI '::::[[[' is not a usable http(s) URL (URL host '' is not valid); the record's"
            " url is the one the page gives, if any",
        ),
    ]


def test_a_response_whose_content_length_is_no_length_is_said_so_and_the_next_read(tmp_path: Path) -> None:
    good = _raw_response(
        [("WARC-Type", "response"), ("WARC-Record-ID", "<urn:uuid:2>"), ("WARC-Target-URI", real_page(2).url)],
        real_page(2),
    )
    bad = good.replace(b"<urn:uuid:2>", b"<urn:uuid:1>").replace(b"Content-Length: ", b"Content-Length: x", 1)
    path = tmp_path / "length.warc"
    path.write_bytes(bad + good)
    articles, problems, skipped = run(path)
    assert [article.url for article in articles] == [real_page(2).url]
    assert skipped == Counter({"response whose Content-Length is not a length": 1})
    assert [problem.code for problem in problems] == ["C006"]  # its block, read where a record was looked for


def test_a_text_resource_takes_its_url_and_outlet_domain_from_the_target_uri(tmp_path: Path) -> None:
    from warcio.warcwriter import WARCWriter

    stream = io.BytesIO()
    writer = WARCWriter(stream, gzip=True)
    scrapes = {
        "https://news.sky.com/story/lansman-11284812": (SEEDS / "001_b72a51a20a7e4dcc.txt").read_bytes(),
        "https://www.telegraph.co.uk/politics/2018/03/11/lansman/": (SEEDS / "003_d0a5644ff4bc9408.txt").read_bytes(),
        "urn:corpuskit:source:sha256:00:notes.txt": (SEEDS / "000_c0c8773b69e85a5d.txt").read_bytes(),
    }
    for uri, text in scrapes.items():
        kind = "text/plain; charset=utf-8"
        writer.write_record(
            writer.create_warc_record(uri, "resource", payload=io.BytesIO(text), warc_content_type=kind)
        )
    path = tmp_path / "scrapes.warc.gz"
    path.write_bytes(stream.getvalue())
    sky, telegraph, local = run(path)[0]
    assert sky.url == "https://news.sky.com/story/lansman-11284812"
    assert sky.outlet is not None and (sky.outlet.name, sky.outlet.domain) == (None, "sky.com")
    assert sky.provenance.fields["url"].method == "capture.target-uri"
    # The masthead names the paper; the address gives its domain.
    assert telegraph.outlet is not None
    assert (telegraph.outlet.name, telegraph.outlet.domain) == ("The Daily Telegraph", "telegraph.co.uk")
    assert telegraph.provenance.fields["outlet"].method == "masthead"
    assert local.url is None and local.outlet is None  # a synthesised address is no web address


def test_a_capture_the_crawler_truncated_is_converted_with_a_warning(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = real_page(6)
    stream = io.BytesIO()
    writer = WARCWriter(stream, gzip=True)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    kept = page.html[: len(page.html) * 3 // 4]  # the crawler's size limit cut the page
    record = writer.create_warc_record(
        page.url,
        "response",
        payload=io.BytesIO(kept),
        http_headers=http,
        warc_headers_dict={"WARC-Truncated": "length"},
    )
    writer.write_record(record)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(stream.getvalue())
    articles, problems, _ = run(path)
    assert [(problem.code, problem.severity.value) for problem in problems] == [("C009", "warning")]
    assert "WARC-Truncated: length" in problems[0].message
    assert [article.url for article in articles] == [page.url]


def test_a_capture_header_read_around_is_reported_at_its_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    stream = io.BytesIO()
    writer = WARCWriter(stream, gzip=True)
    pages = [real_page(7), real_page(8)]
    heads = [("2024-13-45T00:00:00Z", pages[0].url), ("2024-01-02T03:04:05Z", pages[1].url + "/a page")]
    for page, (date, uri) in zip(pages, heads, strict=True):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        headers = {"WARC-Date": date}
        writer.write_record(
            writer.create_warc_record(
                uri, "response", payload=io.BytesIO(page.html), http_headers=http, warc_headers_dict=headers
            )
        )
    path = tmp_path / "odd.warc.gz"
    path.write_bytes(stream.getvalue())
    articles, problems, _ = run(path)
    # Both records are converted: the first without a capture date, the second with its address as warcio reads it.
    assert [article.provenance.capture.date for article in articles if article.provenance.capture] == [
        None,
        "2024-01-02T03:04:05Z",
    ]
    assert articles[1].url == pages[1].url + "/a%20page"
    assert [(problem.code, problem.severity.value) for problem in problems] == [("C011", "warning")] * 2
    assert "at byte 0: capture date '2024-13-45T00:00:00Z' is not a date" in problems[0].message
    second = articles[1].provenance.capture
    assert second is not None
    assert f"at byte {second.offset}: WARC-Target-URI '{pages[1].url}/a page' has spaces" in problems[1].message
    assert capsys.readouterr().err == ""  # warcio's own log line no longer reaches stderr


def test_a_damaged_gzip_member_is_reported_with_zlibs_words_not_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import random

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    members = []
    for page in (real_page(1), real_page(2), real_page(3)):
        # a page that compresses little, so that the damage falls inside the member's deflate data
        draw = random.Random(page.url)
        noise = " ".join(f"{draw.getrandbits(64):x}" for _ in range(2000))
        html = page.html.replace(b"</article>", f"<p>{noise}</p></article>".encode())
        stream = io.BytesIO()
        writer = WARCWriter(stream, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(page.url, "response", payload=io.BytesIO(html), http_headers=http)
        )
        members.append(bytearray(stream.getvalue()))
    middle = len(members[1]) * 3 // 4
    members[1][middle : middle + 40] = bytes(byte ^ 0xFF for byte in members[1][middle : middle + 40])
    path = tmp_path / "damaged.warc.gz"
    path.write_bytes(b"".join(members))
    articles, problems, _ = run(path)
    assert [article.url for article in articles] == [real_page(1).url, real_page(3).url]
    assert [problem.code for problem in problems] == ["C006"]
    assert f"at byte {len(members[0])}: " in problems[0].message
    assert "while decompressing data" in problems[0].message  # zlib's words, which warcio writes to stderr
    assert capsys.readouterr().err == ""


def test_a_member_that_inflates_past_its_record_into_damage_is_no_whole_file_gzip(tmp_path: Path) -> None:
    """A flipped byte near a member's end can make it inflate into more bytes after its record (the CI run of the
    damage property found one). Those bytes are damage where they are, not the next record of a file gzipped
    whole: the reader goes on member by member and the next page is converted."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    plain = []
    for page in (real_page(1), real_page(2)):
        stream = io.BytesIO()
        writer = WARCWriter(stream, gzip=False)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(page.url, "response", payload=io.BytesIO(page.html), http_headers=http)
        )
        plain.append(stream.getvalue())
    path = tmp_path / "damaged.warc.gz"
    path.write_bytes(gzip.compress(plain[0] + b"\x9c\x01\xfe bytes the member inflated into") + gzip.compress(plain[1]))
    articles, problems, _ = run(path)
    assert [article.url for article in articles] == [real_page(1).url, real_page(2).url]
    assert [problem.code for problem in problems] == ["C006"]  # no C010: the file is one member per record


def test_a_member_warcio_counts_below_zero_is_reported_and_the_next_record_read() -> None:
    """A flipped byte near the first member's end (the fixture, from the damage property): warcio gives that record
    a negative length. The record reaches to the next one, reading goes on there, and nothing crashes (no C001)."""
    articles, problems, _ = run(FIXTURES / "damaged" / "member-end-flipped.warc.gz")
    assert [article.provenance.capture.offset for article in articles if article.provenance.capture] == [642]
    assert [problem.code for problem in problems] == ["C006"]
    assert problems[0].message == (
        "damaged archive at byte 0: its gzip member inflates past the record; resumed at byte 642"
    )


def test_an_empty_archive_is_reported() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "empty.warc.gz"
        path.write_bytes(b"")
        articles, problems, _ = run(path)
    assert not articles
    assert [(p.code, p.message) for p in problems] == [("C005", "no records: the archive holds 0 bytes and no record")]


@pytest.mark.parametrize("where", [0.05, 0.5, 0.95])
@pytest.mark.parametrize("compressed", [True, False])
def test_a_truncated_file_keeps_every_record_before_the_cut(tmp_path: Path, compressed: bool, where: float) -> None:
    capture = build_warc([real_page(i) for i in range(3)], gzip=compressed, extras=False)
    last = capture.offsets[2]
    cut = last + int((len(capture.data) - last) * where)  # inside the third record: its header, or its payload
    path = tmp_path / ("cut.warc.gz" if compressed else "cut.warc")
    path.write_bytes(capture.data[:cut])
    articles, problems, _ = run(path)
    assert [a.url for a in articles] == [page.url for page in capture.pages[:2]]
    assert [p.code for p in problems] == ["C006"]
    assert f"byte {capture.offsets[2]}" in problems[0].message


def test_an_arc_records_unusable_url_is_named_as_arc_names_it(tmp_path: Path) -> None:
    """An ARC record has no id and no WARC-Target-URI: the report said "record None" and "WARC-Target-URI"."""
    block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + real_page(1).html
    header = b"http://news.example.com/a b 1.2.3.4 20200101000000 text/html " + str(len(block)).encode()
    path = tmp_path / "spaced.arc"
    path.write_bytes(header + b"\n" + block + b"\n")
    (article,), problems, _ = run(path)
    assert article.url is None
    assert [(p.code, p.message) for p in problems] == [
        (
            "C011",
            "record at byte 0: URL 'http://news.example.com/a b' is not a usable http(s) URL; the record's url is the"
            " one the page gives, if any",
        )
    ]


def test_an_arc_file_gzipped_whole_is_read_as_the_plain_file_is(tmp_path: Path) -> None:
    """``gzip capture.arc``: the whole-file check looked for a WARC header only, so pywb's ARC gzipped whole
    came out as one damaged member (C006) and no record."""
    plain = pywb_archive() / "warcs" / "example.arc"
    whole = tmp_path / "example.arc.gz"
    whole.write_bytes(gzip.compress(plain.read_bytes()))
    expected, _, skipped = run(plain)
    articles, problems, whole_skipped = run(whole)
    assert expected and [a.url for a in articles] == [a.url for a in expected]
    assert [a.provenance.capture.offset for a in articles if a.provenance.capture] == [
        a.provenance.capture.offset for a in expected if a.provenance.capture
    ]
    assert [p.code for p in problems] == ["C010"] and whole_skipped == skipped


@pytest.mark.parametrize("cut", [None, 0.5])
def test_a_file_gzipped_whole_is_read_decompressed_with_a_warning(tmp_path: Path, cut: float | None) -> None:
    """``gzip capture.warc`` makes one member of many records: warcio stops after the first (and the first's
    length came out negative). Every record is converted; the offsets are into the decompressed stream."""
    capture = build_warc([real_page(i) for i in range(3)], gzip=False)
    data = gzip.compress(capture.data)
    if cut is not None:  # the stream cut inside the third page's record
        data = data[: len(gzip.compress(capture.data[: capture.offsets[2] + 200]))]
    path = tmp_path / "whole.warc.gz"
    path.write_bytes(data)
    articles, problems, _ = run(path)
    pages = capture.pages if cut is None else capture.pages[:2]
    assert [a.url for a in articles] == [page.url for page in pages]
    assert [a.provenance.capture.offset for a in articles if a.provenance.capture] == list(
        capture.offsets[: len(pages)]
    )
    assert [p.code for p in problems] == ["C010"] + ([] if cut is None else ["C006", "C006"])
    if cut is not None:  # the record the cut ends, and the cut stream itself
        assert f"damaged archive at byte {capture.offsets[2]}: " in problems[1].message
        assert "the gzip stream is cut short" in problems[2].message


def test_a_response_without_target_uri_cut_short_is_reported_as_cut(tmp_path: Path) -> None:
    """warcio used to slip (an AttributeError) on a response without a target URI; cut before its HTTP headers
    end, the record is reported as cut short, never with a slip's own text."""
    head = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<html>"
    path = tmp_path / "slip.warc.gz"
    path.write_bytes(gzip.compress(head)[:-10])
    articles, problems, _ = run(path)
    assert articles == [] and [p.code for p in problems] == ["C006"]
    assert "record truncated" in problems[0].message
    assert "object has no attribute" not in problems[0].message and "AttributeError" not in problems[0].message


def test_bytes_the_reader_quotes_are_escaped_and_cut_short(tmp_path: Path) -> None:
    """warcio quotes the first line of what is not a record; random bytes reach the report escaped."""
    path = tmp_path / "noise.warc.gz"
    capture = build_warc([real_page(1)], gzip=True, extras=False)
    path.write_bytes(capture.data + b"\x1f\x8b" + bytes(range(0x80, 0x100)) * 8)
    articles, problems, _ = run(path)
    assert [article.url for article in articles] == [real_page(1).url] and [p.code for p in problems] == ["C006"]
    message = problems[0].message
    assert message.isascii() and message.isprintable() and len(message) < 300, message
    assert "\\x1f\\x8b" in message
    # noise where the file starts is no record: it is passed over, not read as one
    path.write_bytes(b"\x1f\x8b" + bytes(range(0x80, 0x100)) * 8 + capture.data)
    articles, problems, _ = run(path)
    assert [article.url for article in articles] == [real_page(1).url]
    assert [p.message for p in problems] == ["damaged archive at byte 0: no record starts there; resumed at byte 1026"]


def test_a_record_longer_than_its_content_length_is_reported_not_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """warcio reads a record to its declared length and only prints a warning when bytes remain before the
    next one: the damage is a located report, and the record after it is still converted."""
    capture = build_warc([real_page(i) for i in range(2)], gzip=False, extras=False)
    data = capture.data
    header_end = data.index(b"\r\n\r\n", capture.offsets[0]) + 4
    length = int(data[:header_end].rsplit(b"Content-Length: ", 1)[1].split(b"\r\n", 1)[0])
    damaged = data.replace(b"Content-Length: %d\r\n" % length, b"Content-Length: %d\r\n" % (length - 7), 1)
    path = tmp_path / "short.warc"
    path.write_bytes(damaged)
    articles, problems, _ = run(path)
    # The cut record fails its digests (C007); the bytes left over are the damage (C006), before the next record.
    assert [problem.code for problem in problems] == ["C007", "C006"]
    assert f"before byte {capture.offsets[1]}" in problems[1].message and "Content-Length" in problems[1].message
    assert [article.url for article in articles] == [capture.pages[1].url]
    assert "WARNING" not in capsys.readouterr().err


def test_a_gzipped_payload_that_does_not_decompress_is_reported_and_the_next_converted(tmp_path: Path) -> None:
    broken = Page("https://news.example.com/gz", gzip.compress(real_page(0).html)[:40] + b"cut", "", (), None, None)
    capture = build_warc([broken, real_page(1)], gzip=True, extras=False)
    path = tmp_path / "gz.warc.gz"
    path.write_bytes(capture.data)
    articles, problems, _ = run(path)
    assert [(problem.code, problem.path) for problem in problems] == [("C002", f"{path.name}@{capture.offsets[0]}")]
    assert "corrupt gzip" in problems[0].message
    assert [article.url for article in articles] == [capture.pages[1].url]


def test_a_corrupt_gzip_member_in_the_middle_loses_only_that_member(tmp_path: Path) -> None:
    capture = build_warc([real_page(i) for i in range(3)], gzip=True, extras=False)
    data = bytearray(capture.data)
    middle = capture.offsets[1] + 40
    data[middle : middle + 30] = b"\x00" * 30
    path = tmp_path / "corrupt.warc.gz"
    path.write_bytes(bytes(data))
    articles, problems, _ = run(path)
    assert [a.url for a in articles] == [capture.pages[0].url, capture.pages[2].url]
    assert problems and all(p.code == "C006" for p in problems)
    assert f"resumed at byte {capture.offsets[2]}" in problems[-1].message


def test_files_are_recognised_by_their_first_bytes(tmp_path: Path) -> None:
    capture = build_warc([real_page(1)], gzip=True)
    (tmp_path / "capture.bin").write_bytes(capture.data)
    (tmp_path / "page.dat").write_bytes(real_page(2).html)
    articles, problems, _ = run(tmp_path / "capture.bin")
    assert len(articles) == 1 and articles[0].provenance.capture is not None and not problems
    articles, problems, _ = run(tmp_path / "page.dat")
    assert articles[0].provenance.converter.name == "corpuskit.html"


def test_a_folder_walk_converts_pages_by_their_bytes_and_counts_what_it_leaves_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A wget mirror: pages saved as story.php or without a suffix, next to stylesheets, images and feeds."""
    mirror = tmp_path / "mirror"
    (mirror / "news").mkdir(parents=True)
    (mirror / "news" / "story.php").write_bytes(real_page(1).html)
    (mirror / "news" / "index.html@p=2").write_bytes(gzip.compress(real_page(2).html, mtime=0))
    (mirror / "capture").write_bytes(build_warc([real_page(3)], gzip=True).data)
    (mirror / "scrape.txt.gz").write_bytes(gzip.compress((SEEDS / "000_c0c8773b69e85a5d.txt").read_bytes(), mtime=0))
    (mirror / "style.css").write_bytes(b"body { color: red }")
    (mirror / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (mirror / "feed.xml").write_bytes(b'<?xml version="1.0"?><rss><channel><title>News</title></channel></rss>')
    (mirror / "robots").write_bytes(b"User-agent: *\nDisallow:\n")
    articles, problems, skipped = run(mirror)
    scraped = next(article for article in articles if article.provenance.converter.name == "corpuskit.text")
    assert scraped.title is not None and "Lansman" in scraped.title
    assert sorted(article.title for article in articles if article is not scraped) == [
        "Storm report 1",
        "Storm report 2",
        "Storm report 3",
    ]
    assert not problems and skipped[UNCLAIMED] == 4  # (the capture also holds a request and an image it skips)
    assert main(["convert", str(mirror), "-o", str(tmp_path / "out.jsonl")], out=io.StringIO()) == 0
    assert f"left out 4 file(s) that are neither named nor shaped like a source: {mirror / 'feed.xml'}, " in (
        capsys.readouterr().err
    )


def test_a_folder_walk_survives_pipes_loops_and_dangling_links(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    folder = tmp_path / "scrapes"
    folder.mkdir()
    (folder / "ok.txt").write_bytes((SEEDS / "000_c0c8773b69e85a5d.txt").read_bytes())
    os.mkfifo(folder / "pipe.txt")  # no writer: reading it would wait forever
    (folder / "loop.txt").symlink_to("loop.txt")
    (folder / "gone.txt").symlink_to("nowhere.txt")
    (folder / "away.txt").symlink_to(SEEDS / "001_b72a51a20a7e4dcc.txt")  # out of the tree: never read
    articles, problems, skipped = run(folder)
    assert len(articles) == 1 and skipped == {NOT_REGULAR: 1}
    assert sorted((Path(p.path).name, p.code) for p in problems) == [
        ("away.txt", "C002"),
        ("gone.txt", "C002"),
        ("loop.txt", "C002"),
    ]
    assert main(["convert", str(folder), "-o", str(tmp_path / "out.jsonl")], out=io.StringIO()) == 1
    assert f"left out 1 file(s) that are not regular files (pipes, sockets, devices): {folder / 'pipe.txt'}" in (
        capsys.readouterr().err
    )


def _fifo(tmp_path: Path, data: bytes) -> Path:
    """A named pipe that a thread fills with ``data`` (as ``<(zcat dump.gz)`` would)."""
    import os
    import threading

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    threading.Thread(target=pipe.write_bytes, args=(data,), daemon=True).start()
    return pipe


def test_a_pipe_is_recognised_by_its_first_bytes_and_read_once(tmp_path: Path) -> None:
    articles, problems, _ = run(_fifo(tmp_path, real_page(2).html))
    assert len(articles) == 1 and not problems
    assert articles[0].provenance.converter.name == "corpuskit.html"
    assert "Report number 2, part 2" in articles[0].body[-1].text


def test_an_archive_in_a_pipe_is_reported_not_half_read(tmp_path: Path) -> None:
    articles, problems, _ = run(_fifo(tmp_path, build_warc([real_page(1)], gzip=True).data))
    assert not articles and [problem.code for problem in problems] == ["C002"]
    assert "pipe" in problems[0].detail


def test_warc_out_round_trip_through_the_cli(tmp_path: Path) -> None:
    out = io.StringIO()
    first, warc = tmp_path / "seeds.jsonl", tmp_path / "seeds.warc.gz"
    args = ["convert", str(SEEDS), "--sidecar", str(SEEDS / "sidecar.csv"), "-o", str(first), "--warc-out", str(warc)]
    assert main(args, out=out) == 0
    second = tmp_path / "again.jsonl"
    assert main(["convert", str(warc), "-o", str(second)], out=out) == 0
    assert first.read_bytes() == second.read_bytes()
    assert len(list(read_records(first))) == 5
    _warcio_check(warc)


def _warcio_check(path: Path) -> None:
    """`warcio check` (block and payload digests) passes on what we wrote."""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "warcio.cli", "check", "-v", str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_warc_out_keeps_sources_once_and_refers_each_record_to_its_source(tmp_path: Path) -> None:
    from warcio.archiveiterator import ArchiveIterator

    path = tmp_path / "out.warc.gz"
    with path.open("wb") as handle:
        write_seeds(WarcOut(handle), times=2)  # the same source twice is stored once
    with path.open("rb") as handle:
        records = [
            (r.rec_type, r.rec_headers.get_header("WARC-Record-ID"), r.rec_headers.get_header("WARC-Refers-To"))
            for r in ArchiveIterator(handle)
        ]
    resources = [rid for kind, rid, _ in records if kind == "resource"]
    conversions = [ref for kind, _, ref in records if kind == "conversion"]
    assert len(resources) == 5 and len(conversions) == 10
    assert set(conversions) == set(resources)
    _warcio_check(path)


def test_hostile_conversion_payloads_are_reported(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    stream = io.BytesIO()
    writer = WARCWriter(stream, gzip=False)
    for payload in (b'{"format": "corpuskit.article/1"', b"[" * 100_000):
        headers = StatusAndHeaders(
            "WARC/1.0",
            [("WARC-Type", "conversion"), ("Content-Type", "application/vnd.corpuskit.article+json")],
            protocol="WARC/1.0",
        )
        record = writer.create_warc_record(
            "urn:x", "conversion", payload=io.BytesIO(payload), length=len(payload), warc_headers=headers
        )
        writer.write_record(record)
    path = tmp_path / "hostile.warc"
    path.write_bytes(stream.getvalue())
    articles, problems, _ = run(path)
    assert not articles and len(problems) == 2
    assert all(problem.path is not None and "hostile.warc@" in problem.path for problem in problems)


def test_gzipped_output_of_a_capture_validates(tmp_path: Path) -> None:
    articles, _, _ = run(pywb_archive() / "warcs" / "iana.warc.gz")
    path = tmp_path / "iana.jsonl.gz"
    path.write_bytes(gzip.compress(b"".join(dumps(a) + b"\n" for a in articles)))
    assert main(["validate", str(path), "--select", "S,I,F"], out=io.StringIO()) == 0


def test_an_altered_conversion_record_is_reported_not_read_back(tmp_path: Path) -> None:
    stream = io.BytesIO()
    write_seeds(WarcOut(stream, gzip=False))
    data = stream.getvalue()
    assert data.count(b'"Jasper Jackson"') >= 1
    path = tmp_path / "altered.warc"
    path.write_bytes(data.replace(b'"Jasper Jackson"', b'"Jasper Jacksen"', 1))
    articles, problems, _ = run(path)
    # the altered record is not read back; its source record, no longer replaced, is converted afresh
    assert len(articles) == 5
    assert [p.code for p in problems] == ["C007"]
    assert all("Jacksen" not in (b.name for b in a.bylines) for a in articles)
