"""Invariants of the text converter, on drawn scrapes and on arbitrary bytes."""

from __future__ import annotations

import codecs
import contextlib
import html

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from corpuskit.convert import REGISTRY, convert_source
from corpuskit.convert._build import SourceInput
from corpuskit.convert._decode import HTML_ENTITY, binary_evidence, decode, repair, split_lines
from corpuskit.diagnostics import Diagnostic
from corpuskit.jsonl import dumps
from corpuskit.models import Article
from corpuskit.strategies import Scrape, hard_wrap, scrapes

TEXT = REGISTRY["text"]
STAMP = "2026-01-01T00:00:00Z"
FAST = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def convert(data: bytes) -> Article:
    (item,) = list(convert_source(TEXT, SourceInput("drawn.txt", data), stamp=STAMP))
    assert isinstance(item, Article), item
    return item


def visible(data: bytes) -> bool:
    """Whether the text has a line to convert and is no binary data (else the converter reports C005)."""
    decoded = decode(data)
    return binary_evidence(decoded.text) is None and bool(split_lines(decoded)[0])


def _recovered(data: bytes, article: Article, start: int, end: int) -> str:
    """A span's text as the spec recovers it: its bytes less the removed pieces inside
    it, decoded, then the recorded normalisations (entities, repairs, white space)."""
    codec = decode(data).codec
    pieces, position = [], start
    for removed in sorted(article.provenance.removed, key=lambda r: r.span.start):
        if start <= removed.span.start and removed.span.end <= end:
            pieces.append(data[position : removed.span.start])
            position = removed.span.end
    pieces.append(data[position:end])
    text = codecs.decode(b"".join(pieces), codec)
    if "html-entities" in article.provenance.normalizations:
        text = HTML_ENTITY.sub(lambda match: html.unescape(match.group()), text)
    return repair(text)[0]


def _encoded(text: str) -> st.SearchStrategy[bytes]:
    """The text as UTF-8, UTF-16 (with BOM) or, where it fits, cp1252: spans count bytes in each."""
    options = [text.encode("utf-8"), text.encode("utf-16")]
    with contextlib.suppress(UnicodeEncodeError):
        options.append(text.encode("cp1252"))
    return st.sampled_from(options)


_raw_text = st.one_of(
    scrapes().map(lambda scrape: scrape.data),
    scrapes(wrap=True).map(lambda scrape: scrape.data),
    scrapes(markdown=True, wrap=True).map(lambda scrape: scrape.data),
    scrapes(split=True, wrap=True).map(lambda scrape: scrape.data),
    st.text(max_size=600).map(lambda text: text.encode("utf-8", "surrogatepass")),
    st.lists(
        st.sampled_from(
            [
                "Home>News>Title here",
                "By Jane doe",
                "11 March 2018",
                "– a listed point.",
                "Like and share this post:",
                "Steering Committee,",
                "Example Org",
                "♦ Another item.",
                "A sentence that is long enough to be the body of an article, surely.",
                "",
                "Short line",
            ]
        ),
        max_size=30,
    )
    .map(lambda lines: "\n".join(lines))
    .flatmap(_encoded),
)
raw_text = _raw_text.filter(visible)


@FAST
@given(_raw_text)
def test_a_text_without_a_visible_line_is_reported_not_converted(data: bytes) -> None:
    (item,) = list(convert_source(TEXT, SourceInput("drawn.txt", data), stamp=STAMP))
    if visible(data):
        assert isinstance(item, Article)
    else:
        assert isinstance(item, Diagnostic) and item.code == "C005" and item.path == "drawn.txt"


@FAST
@given(raw_text)
def test_every_line_is_accounted_for_exactly_once(data: bytes) -> None:
    article = convert(data)
    provenance = article.provenance
    spans = [span for span in provenance.spans if span is not None]
    evidence = [item.span for item in provenance.fields.values() if item.span is not None]
    lines, _ = split_lines(decode(data))  # the source's lines as printed (a hard-wrapped paragraph: several)
    for line in lines:
        # a line wholly inside a removed piece is removed, even where the piece lies inside a block's span
        removed = any(r.span.start <= line.start and line.end <= r.span.end for r in provenance.removed)
        in_body = not removed and any(s.start < line.end and line.start < s.end for s in spans)
        in_evidence = any(s.start <= line.start and line.end <= s.end for s in evidence)
        assert in_body + removed + in_evidence == 1, (line, in_body, removed, in_evidence)


@FAST
@given(raw_text)
def test_nothing_is_invented(data: bytes) -> None:
    article = convert(data)
    assert len(article.provenance.spans) == len(article.body)
    for block, span in zip(article.body, article.provenance.spans, strict=True):
        assert span is not None
        assert _recovered(data, article, span.start, span.end) == block.text
    for removed in article.provenance.removed:
        assert codecs.decode(data[removed.span.start : removed.span.end], decode(data).codec) == removed.text


@FAST
@given(raw_text)
def test_conversion_is_deterministic(data: bytes) -> None:
    assert dumps(convert(data)) == dumps(convert(data))


@FAST
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_give_a_record_or_a_located_error(data: bytes) -> None:
    for item in convert_source(TEXT, SourceInput("fuzz.txt", data), stamp=STAMP):
        if isinstance(item, Diagnostic):
            assert item.path == "fuzz.txt"
        else:
            assert item.provenance.source.bytes == len(data)


@FAST
@given(st.one_of(scrapes(), scrapes(markdown=True)))
def test_drawn_scrapes_are_recovered(scrape: Scrape) -> None:
    article = convert(scrape.data)
    assert article.title == scrape.title
    truth = " ".join(scrape.paragraphs).split()
    got = " ".join(block.text for block in article.body).split()
    recovered = sum(1 for token in truth if token in set(got))
    assert recovered >= 0.95 * len(truth)
    body_text = {block.text for block in article.body}
    leaked = [line for line in scrape.furniture if line in body_text]
    assert leaked == []
    # a list item printed with its dash or bullet comes back a list item, without the marker
    assert scrape.article is not None
    blocks = {(block.type, block.text) for block in article.body}
    assert all(("list_item", block.text) in blocks for block in scrape.article.body if block.type == "list_item")


@FAST
@given(st.one_of(scrapes(), scrapes(markdown=True)))
def test_a_scrape_with_natural_line_ends_is_read_as_printed(scrape: Scrape) -> None:
    """No line of a scrape that was never hard-wrapped is joined to the next: neither at a width found
    for the page nor at a column's (a block of lines that each fill the widest)."""
    assert "unwrapped" not in convert(scrape.data).provenance.normalizations


@FAST
@given(scrapes(split=True))
def test_a_scrape_split_at_every_tag_gives_its_paragraphs_whole(scrape: Scrape) -> None:
    """A page printed with a line end at every tag (a linked run of words on a line of its own, the full stop
    after it starting the next line) is read with each paragraph's pieces joined back: every drawn paragraph
    is one body block, as printed unsplit."""
    article = convert(scrape.data)
    assert "rejoined" in article.provenance.normalizations
    assert article.title == scrape.title
    assert set(scrape.paragraphs) <= {block.text for block in article.body}


@FAST
@given(scrapes(encodings=("utf-8",)), st.integers(40, 120))
def test_a_hard_wrapped_scrape_converts_as_its_lines_unbroken(scrape: Scrape, width: int) -> None:
    """lynx, w3m and html2text break a page's lines to fit a width, and print a blank line between blocks;
    joined back, the lines give the same record. (Without blank lines, a headline that fills the width
    cannot be told from a paragraph's first line; and a text broken in fewer than three places is too
    little evidence of a width: it is read as printed.)"""
    text = scrape.data.decode("utf-8").replace("\r\n", "\n")
    broken_text = hard_wrap(text, width)
    assume("\n\n" in text and broken_text.count("\n") - text.count("\n") >= 3)
    wrapped = broken_text.encode("utf-8")
    plain, broken = convert(scrape.data), convert(wrapped)
    assert broken.title == plain.title
    assert [(block.type, block.text) for block in broken.body] == [(block.type, block.text) for block in plain.body]


_SIDECAR_PIECES = st.sampled_from(
    (
        "path,title,bylines,published,outlet\n",
        "x.txt,",
        '"a\n"',
        ",",
        "\n",
        '"',
        "2018-02-30",
        "Jane Doe; ",
        "\x00",
        '{"path": "x.txt", "bylines": [{"name": 1}]}\n',
        '{"path": [1]}\n',
        "[1]\n",
        "\xe9",
        "\ufeff",
        "y" * 140_000,  # past the csv module's cell limit
    )
)


@FAST
@given(
    st.sampled_from(["meta.csv", "meta.jsonl"]),
    st.one_of(
        st.binary(max_size=400),
        st.lists(_SIDECAR_PIECES, max_size=12).map(lambda parts: "".join(parts).encode()),
        st.lists(_SIDECAR_PIECES, max_size=12).map(lambda parts: "".join(parts).encode("cp1252", "replace")),
    ),
)
def test_any_sidecar_is_read_or_reported_never_raised(name: str, data: bytes) -> None:
    """A sidecar of any bytes gives rows and located problems, never an exception; every row is keyed by a path."""
    import tempfile
    from pathlib import Path

    from corpuskit.convert.sidecar import load_sidecar

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        sidecar = load_sidecar(path)
    assert all(isinstance(key, str) and key for key in sidecar.rows)
    for problem in sidecar.problems:
        assert problem.code == "C003" and problem.path == str(path) and (problem.line or 0) >= 1
