"""Hypothesis strategies for corpuskit records, for our tests and yours.

Requires ``hypothesis`` (``pip install corpuskit[test]``).

>>> from hypothesis import given
>>> from corpuskit.strategies import articles
>>> @given(articles(max_blocks=3))
... def test_has_a_format(article):
...     assert article.format == "corpuskit.article/1"
>>> test_has_a_format()
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import re
import string
import textwrap
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from corpuskit import patterns
from corpuskit._version import __version__
from corpuskit.ids import derive_id
from corpuskit.models import Article

__all__ = [
    "RECORD_MUTATIONS",
    "Page",
    "Scrape",
    "WarcCapture",
    "articles",
    "build_warc",
    "dates",
    "language_tags",
    "mutate",
    "pages",
    "scrapes",
    "texts",
    "warc_captures",
    "words",
]

_WS = frozenset(" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff") | frozenset(
    chr(c) for c in range(0x2000, 0x200B)
)

PAST_YEAR = 2025
"""Drawn publication dates lie in or before this year, so they are never in a run's future."""

_WORDS = [
    "the",
    "council",
    "said",
    "minister",
    "party",
    "election",
    "vote",
    "government",
    "police",
    "report",
    "court",
    "year",
    "people",
    "city",
    "market",
    "budget",
    "health",
    "school",
    "union",
    "leader",
    "week",
    "plan",
    "members",
    "committee",
    "statement",
    "support",
    "water",
    "energy",
    "campaign",
    "local",
    "national",
    "public",
    "former",
    "announced",
    "decision",
    "spokesperson",
    "opposition",
    "investigation",
    "figures",
    "rise",
    "fall",
    "prices",
]


def words() -> st.SearchStrategy[str]:
    """One realistic lower-case word, sometimes with Latin-1 or wider letters."""
    return st.one_of(
        st.sampled_from(_WORDS),
        st.text(alphabet=string.ascii_lowercase + "éèüößçñ", min_size=1, max_size=12),
    )


def texts(*, min_words: int = 1, max_words: int = 40, unicode: bool = True) -> st.SearchStrategy[str]:
    """Trimmed, NFC, non-empty text: sentences of words, or (``unicode=True``)
    sometimes arbitrary Unicode, so that code under test meets the odd character."""
    if min_words < 1 or max_words < min_words:
        raise InvalidArgument(f"need 1 <= min_words <= max_words, got min_words={min_words}, max_words={max_words}")
    sentences = st.lists(words(), min_size=min_words, max_size=max_words).map(_sentence)
    if not unicode:
        return sentences
    wild = st.text(min_size=1, max_size=max_words * 6).map(_clean).filter(bool)
    return st.one_of(sentences, sentences, sentences, wild)


def _sentence(tokens: list[str]) -> str:
    return _capitalised(tokens) + "."


def _capitalised(tokens: list[str]) -> str:
    text = " ".join(tokens)
    return text[:1].upper() + text[1:]


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    start, end = 0, len(text)
    while start < end and text[start] in _WS:
        start += 1
    while end > start and text[end - 1] in _WS:
        end -= 1
    return text[start:end]


def language_tags() -> st.SearchStrategy[str]:
    """Well-formed BCP 47 tags, mostly common ones."""
    common = st.sampled_from(["en", "en-GB", "en-US", "de", "fr", "es-419", "zh-Hant-TW", "pt-BR", "cy", "und"])
    return st.one_of(common, st.from_regex(patterns.LANGUAGE_TAG, fullmatch=True))


def dates(
    *,
    min_year: int = 1800,
    max_year: int = 2030,
    precisions: tuple[str, ...] = ("year", "month", "day", "minute", "second"),
) -> st.SearchStrategy[str]:
    """ISO 8601 dates at a drawn precision, with or without an offset."""
    if not 1 <= min_year <= max_year <= 9999:
        raise InvalidArgument(f"need 1 <= min_year <= max_year <= 9999, got {min_year}..{max_year}")
    unknown = set(precisions) - {"year", "month", "day", "minute", "second"}
    if not precisions or unknown:
        raise InvalidArgument(
            f"precisions must be a non-empty subset of year/month/day/minute/second, got {precisions!r}"
        )
    return st.builds(
        _format_date,
        st.datetimes(min_value=dt.datetime(min_year, 1, 1), max_value=dt.datetime(max_year, 12, 31, 23, 59, 59)),
        st.sampled_from(precisions),
        st.one_of(st.none(), st.integers(min_value=-12 * 60, max_value=14 * 60).map(lambda m: m - m % 15)),
    )


def _format_date(moment: dt.datetime, precision: str, offset_minutes: int | None) -> str:
    if precision == "year":
        return f"{moment.year:04d}"
    if precision == "month":
        return f"{moment.year:04d}-{moment.month:02d}"
    if precision == "day":
        return moment.date().isoformat()
    text = moment.strftime("%Y-%m-%dT%H:%M" if precision == "minute" else "%Y-%m-%dT%H:%M:%S")
    if offset_minutes is None:
        return text
    if offset_minutes == 0:
        return text + "+00:00"
    sign = "+" if offset_minutes > 0 else "-"
    hours, minutes = divmod(abs(offset_minutes), 60)
    return f"{text}{sign}{hours:02d}:{minutes:02d}"


def _headlines() -> st.SearchStrategy[str]:
    """A headline: four to twelve words, the first capitalised, no closing full stop."""
    return st.lists(st.sampled_from(_WORDS), min_size=4, max_size=12).map(_capitalised)


@st.composite
def _articles(
    draw: st.DrawFn,
    *,
    min_blocks: int,
    max_blocks: int,
    capture: bool | None,
    unicode: bool,
    printed: bool = False,
) -> Article:
    # ``printed``: an article as a page prints it, for ``scrapes()``: a headline, and blocks long enough to
    # read as text (a three-word paragraph is no different from a menu's line)
    kinds = (
        ["paragraph", "paragraph", "paragraph", "paragraph", "list_item", "blockquote"]
        if printed
        else ["paragraph", "paragraph", "paragraph", "heading", "list_item", "blockquote"]
    )
    block_texts = draw(
        st.lists(
            st.tuples(
                st.sampled_from(kinds),
                texts(min_words=12 if printed else 3, max_words=60, unicode=unicode),
            ),
            min_size=min_blocks,
            max_size=max_blocks,
        )
    )
    title = draw(_headlines() if printed else st.one_of(st.none(), texts(min_words=3, max_words=14, unicode=unicode)))
    if title and block_texts and block_texts[0][1].casefold() == title.casefold():
        title = None  # a headline the first block repeats is furniture no valid record keeps (R011)
    # A source whose bytes hold every block, so that drawn spans are real.
    pieces = ([title] if title else []) + [text for _, text in block_texts]
    source_bytes = "\n\n".join(pieces).encode()
    offset = 0
    spans: list[dict[str, int] | None] = []
    title_span = None
    for index, piece in enumerate(pieces):
        length = len(piece.encode())
        span = {"start": offset, "end": offset + length}
        if title and index == 0:
            title_span = span
        else:
            spans.append(span)
        offset += length + 2
    sha = hashlib.sha256(source_bytes).hexdigest()
    has_capture = draw(st.booleans()) if capture is None else capture
    capture_value: dict[str, Any] | None = None
    url = draw(
        st.one_of(
            st.none(),
            st.builds(
                lambda slug: f"https://news.example.org/{slug}", st.from_regex("[a-z0-9-]{1,30}", fullmatch=True)
            ),
        )
    )
    if has_capture:
        record_id = draw(st.one_of(st.none(), st.uuids().map(lambda u: f"<urn:uuid:{u}>")))
        capture_value = {
            "filename": "crawl-00001.warc.gz",
            "record_id": record_id,
            "offset": draw(st.integers(min_value=0, max_value=2**40)),
            "length": draw(st.integers(min_value=1, max_value=2**24)),
            "target_uri": url,
            "date": draw(dates(min_year=1996, precisions=("second",))),
        }
        locator = record_id if record_id is not None else f"@{capture_value['offset']}"
    else:
        locator = ""
    published = draw(st.one_of(st.none(), dates(max_year=PAST_YEAR)))  # no rule should fire on a drawn record
    fields: dict[str, Any] = {}
    if title is not None:
        fields["title"] = {"method": "headline", "evidence": None, "span": title_span, "superseded": []}
    if published is not None:
        fields["published"] = {"method": "sidecar", "evidence": "sidecar.csv:2", "span": None, "superseded": []}
    bylines = draw(
        st.lists(
            st.builds(
                lambda name, role: {"name": name, "role": role, "organization": None},
                texts(min_words=2, max_words=3, unicode=unicode),
                st.one_of(st.none(), st.sampled_from(["Political correspondent", "Editor", "Staff writer"])),
            ),
            max_size=3,
        )
    )
    for index in range(len(bylines)):
        fields[f"bylines[{index}]"] = {"method": "sidecar", "evidence": None, "span": None, "superseded": []}
    data: dict[str, Any] = {
        "format": "corpuskit.article/1",
        "id": derive_id(sha, locator),
        "url": url,
        "outlet": draw(st.one_of(st.none(), st.just({"name": "The Example Gazette", "domain": "example.org"}))),
        "title": title,
        "subtitle": draw(st.one_of(st.none(), texts(min_words=5, max_words=30, unicode=unicode))),
        "section": draw(st.one_of(st.none(), st.sampled_from(["Politics", "World", "Business", "Sport"]))),
        "language": draw(st.one_of(st.none(), language_tags())),
        "published": published,
        "updated": None,
        "bylines": bylines,
        "body": [{"type": kind, "text": text} for kind, text in block_texts],
        "provenance": {
            "source": {
                "path": "scrapes/article.txt" if not has_capture else "crawl-00001.warc.gz",
                "sha256": sha,
                "bytes": len(source_bytes),
                "media_type": "text/plain",
                "charset": "utf-8",
            },
            "capture": capture_value,
            "converter": {"name": "corpuskit.strategies", "version": __version__, "method": "drawn"},
            "converted_at": "2026-01-01T00:00:00Z",
            "normalizations": [],
            "fields": fields,
            "removed": [],
            "spans": spans,
        },
        "extensions": draw(st.one_of(st.just({}), st.just({"org.example": {"batch": 7, "tags": ["a", "b"]}}))),
    }
    return Article.model_validate(data, strict=False)


def articles(
    *, min_blocks: int = 1, max_blocks: int = 12, capture: bool | None = None, unicode: bool = True
) -> st.SearchStrategy[Article]:
    """Valid, internally consistent article records, dated in the past.

    ``capture=True``/``False`` forces WARC provenance on or off (None: drawn).
    ``unicode=False`` keeps text to plain sentences. Ids match their
    derivation, and every span lies inside the source.
    """
    if min_blocks < 0 or max_blocks < min_blocks:
        raise InvalidArgument(
            f"need 0 <= min_blocks <= max_blocks, got min_blocks={min_blocks}, max_blocks={max_blocks}"
        )
    return _articles(min_blocks=min_blocks, max_blocks=max_blocks, capture=capture, unicode=unicode)


# --- scrapes: drawn articles rendered as text and wrapped in page furniture ------------------


@dataclass(frozen=True)
class Scrape:
    """A drawn scrape and its ground truth."""

    data: bytes
    title: str
    paragraphs: tuple[str, ...]  # the article's body blocks' texts, in order
    furniture: tuple[str, ...]  # the lines printed around the article, as a body would hold them (no bullet)
    encoding: str
    article: Article | None = None  # the drawn record the scrape prints


# What real sites print around articles (menus, consent notices, newsletter and
# donation appeals, share bars, related and partner blocks, comment forms,
# footers), phrased as sites phrase them.
_MENUS = (
    ("Home", "News", "Sport", "Business", "Opinion", "Culture", "Lifestyle", "Travel"),
    ("World", "UK", "Politics", "Science", "Health", "Education", "Technology", "Climate"),
    ("Subscribe", "Log in", "Search", "Menu", "Newsletters", "Podcasts", "Video"),
    ("Local news", "Weather", "Traffic", "Obituaries", "Events", "Jobs", "Contact us"),
)
_HEADER = (
    "Skip to main content",
    "Please enable JavaScript in your browser to view this page.",
    "Your browser is out of date. Update your browser for more security and the best experience on this site.",
    "Thank you for visiting our site. You are using a browser version with limited support for CSS. To obtain the"
    " best experience, we recommend you use a more up to date browser (or turn off compatibility mode in Internet"
    " Explorer).",
    "We use cookies to give you the best experience on our website. By continuing to use this site you agree to our use of cookies.",
    "This website uses cookies to improve your experience. Read our privacy policy to find out more.",
    "Diese Website verwendet Cookies. Wenn Sie die Website weiter nutzen, stimmen Sie der Verwendung von Cookies zu.",
    "Ce site utilise des cookies pour vous offrir la meilleure expérience de navigation.",
    "Support independent journalism today.",
    "Subscribe now for unlimited digital access",
    "Already a subscriber? Log in",
    "Advertisement",
    "Deutsch · English (US) · Français · Español",
)
_MIDDLE = (
    "Advertisement",
    "Story continues below advertisement",
    "Read more: Council approves new housing plan after long debate",
    "Related: Minister resigns over expenses row",
    "Sign up to our daily newsletter and get the best stories in your inbox.",
    "Share this article",
    "Photo: Getty Images",
    "Watch video 02:17",
    "View this post on Instagram",
    "Share Print Email",
    "Facebook Twitter Mail",
    "Listen to this article",
    "Enlarge this image",
    "toggle caption",
    "Get the latest news delivered to your inbox",
)
_FOOTER = (
    "Share on Facebook",
    "* Share on Twitter",
    "Leave a comment",
    "* Reply",
    "Your email address will not be published. Required fields are marked *",
    "Related articles",
    "Most read",
    "© 2024 The Example Times. All rights reserved.",
    "Privacy policy",
    "Terms of use",
    "Contact us",
    "Back to top",
    "Spotted a mistake? Select the text and press Ctrl+Enter to tell the editors.",
    "About us | Contact | Careers | Advertise | Terms of use | Privacy policy",
    "Sponsored content",
    "Newsletter: enter your email address to get our top stories every morning",
    "Jane Roe View More Articles",
    "Weiterempfehlen Drucken",
    "Contact the author",
    "Follow",
    "Open in app",
)


_LISTING_DATES = (
    "March 3, 2021",
    "12.11.2018",
    "2 June 2019 -- Updated 1453 GMT",
    "Posted on 14 May 2020",
    "3 hours ago",
)


@st.composite
def _listing(draw: st.DrawFn, paragraphs: tuple[str, ...]) -> tuple[list[str], bool]:
    """None, or three to five other stories as sites list them: headline, date line and a short teaser,
    cards (a bulleted headline, its teaser indented under it as a renderer prints a list item), or, as a
    browser's copy prints cards, four or five headlines each over a one-sentence teaser, with no marker or
    date. Whether the listing must follow furniture (the unmarked pairs, which an article's crossheads over
    a paragraph each resemble); those teasers hold less than half the text of the article's ``paragraphs``,
    and are left out when they would not. No teaser repeats a paragraph."""
    lines: list[str] = []
    style = draw(st.sampled_from(["dated", "cards", "pairs"]))

    def new(teaser: str) -> bool:
        return teaser not in paragraphs

    for _ in range(draw(st.sampled_from([0, 4, 5] if style == "pairs" else [0, 3, 4, 5]))):
        headline = " ".join(draw(st.lists(st.sampled_from(_WORDS), min_size=3, max_size=8)))
        headline = headline[0].upper() + headline[1:]
        if style == "pairs":
            lines += [headline, draw(texts(min_words=8, max_words=12, unicode=False).filter(new))]
            continue
        teaser = draw(texts(min_words=5, max_words=10, unicode=False).filter(new))
        lines += (
            [f"  * {headline}", f"    {teaser}"]
            if style == "cards"
            else [headline, draw(st.sampled_from(_LISTING_DATES)), teaser]
        )
    if style == "pairs" and 2 * sum(len(teaser) for teaser in lines[1::2]) >= sum(map(len, paragraphs)):
        return [], False
    return lines, style == "pairs"


@st.composite
def _gallery(draw: st.DrawFn, paragraphs: tuple[str, ...]) -> list[str]:
    """None, or a slideshow as a browser's copy prints it: the gallery's title over each of three or four
    slides, each slide's title and a one-sentence caption under it (no caption repeats a paragraph)."""
    slides = draw(st.sampled_from([0, 3, 4]))
    if not slides:
        return []
    title = "In pictures: " + " ".join(draw(st.lists(st.sampled_from(_WORDS), min_size=3, max_size=6)))
    lines = []
    for _ in range(slides):
        slide = " ".join(draw(st.lists(st.sampled_from(_WORDS), min_size=2, max_size=5)))
        caption = draw(texts(min_words=5, max_words=7, unicode=False).filter(lambda text: text not in paragraphs))
        lines += [title, slide[0].upper() + slide[1:], caption]
    return lines


def hard_wrap(text: str, width: int) -> str:
    """The text with every line longer than ``width`` broken at spaces to fit, as ``lynx -dump``,
    ``w3m -dump`` or ``fmt`` print a page: a broken line's later lines keep its indentation, a list
    item's go on under its text, and words (and hyphenated words, after their hyphen) are never split.

    >>> print(hard_wrap("  * Item text that runs on", 14))
      * Item text
        that runs
        on
    """
    lines = []
    for line in text.split("\n"):
        body = line.lstrip()
        indent = line[: len(line) - len(body)]
        bullet = re.match(r"[-*•+] ", body)
        under = indent + " " * (bullet.end() if bullet else 0)
        broken = textwrap.wrap(body, width, initial_indent=indent, subsequent_indent=under, break_long_words=False)
        lines += broken or [line]
    return "\n".join(lines)


@st.composite
def _markdown_paragraph(draw: st.DrawFn, paragraph: str) -> str:
    """The paragraph as Markdown: a few of its words linked or emphasised (its words unchanged)."""
    words = paragraph.split(" ")
    for _ in range(draw(st.integers(0, 2))):
        start = draw(st.integers(0, len(words) - 1))
        end = min(len(words), start + draw(st.integers(1, 3)))
        if any(word.startswith(("[", "*")) or word.endswith((")", "*")) for word in words[start:end]):
            continue
        linked = " ".join(words[start:end])
        if draw(st.booleans()):
            words[start:end] = [f"[{linked}](https://example.com/{draw(st.sampled_from(_WORDS))}-{start})"]
        else:
            words[start:end] = [f"**{linked}**"]
    return " ".join(words)


@st.composite
def _split_paragraph(draw: st.DrawFn, paragraph: str) -> str:
    """The paragraph as a tool that ends a line at every tag prints it (BeautifulSoup's ``get_text("\\n")``): a
    linked run of words on a line of its own, the text after it going on with its space, and the closing full
    stop after a last linked word. At least four words."""
    words = paragraph.split(" ")
    start = draw(st.integers(1, len(words) - 3))
    end = draw(st.integers(start + 1, min(start + 3, len(words) - 2)))
    last = words[-1]
    pieces = [" ".join(words[:start]), " ".join(words[start:end]), " " + " ".join(words[end:-1]), last[:-1], last[-1]]
    return "\n".join(pieces)


@st.composite
def _scrapes(
    draw: st.DrawFn,
    *,
    min_paragraphs: int,
    max_paragraphs: int,
    encodings: tuple[str, ...],
    wrap: bool,
    markdown: bool,
    split: bool = False,
) -> Scrape:
    article = draw(
        _articles(min_blocks=min_paragraphs, max_blocks=max_paragraphs, capture=False, unicode=False, printed=True)
    )
    title = article.title or ""
    paragraphs = tuple(block.text for block in article.body)
    # list items as pages print them, with a dash or a bullet
    marker = draw(st.sampled_from(["– ", "• ", "- "]))
    items = {block.text: marker + block.text for block in article.body if block.type == "list_item"}
    menu = list(draw(st.sampled_from(_MENUS)))
    header = menu + draw(st.lists(st.sampled_from(_HEADER), max_size=3, unique=True))
    footer = draw(st.lists(st.sampled_from(_FOOTER), min_size=1, max_size=6, unique=True))
    listing, after_furniture = draw(_listing(paragraphs))
    at = draw(st.integers(1 if after_furniture else 0, len(footer)))
    footer[at:at] = listing  # other stories, somewhere among the footer's lines
    middle = draw(st.lists(st.sampled_from(_MIDDLE), max_size=2, unique=True))
    body = list(paragraphs)
    for line in middle:
        body.insert(draw(st.integers(1, max(1, len(body) - 1))), line)
    gallery = draw(_gallery(paragraphs))  # between two paragraphs
    at = draw(st.integers(1, max(1, len(body) - 1)))
    body[at:at] = gallery
    blank = draw(st.sampled_from(["\n", "\n\n"]))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    printed: dict[str, str] = dict(items)  # a line as the scrape prints it, where that differs
    shown_title = title
    if markdown:  # as html2text writes a page: links for the menu, a hash for the headline, an image
        printed.update({item: f"[{item}](/{item.lower().replace(' ', '-')})" for item in menu})
        shown_title = f"# {title}"
        printed.update(
            {paragraph: draw(_markdown_paragraph(paragraph)) for paragraph in paragraphs if paragraph not in items}
        )
        body.insert(draw(st.integers(0, len(body))), "![](https://example.com/images/photo.jpg)")
    if split:  # as BeautifulSoup prints a page: pieces of paragraphs, white space between tags as blank lines
        # a list item's pieces too, after its marker
        printed.update(
            {
                paragraph: (marker if paragraph in items else "") + draw(_split_paragraph(paragraph))
                for paragraph in paragraphs
            }
        )
        blank = "\n\n\n"
    text = blank.join([*(printed.get(line, line) for line in header), shown_title])
    text += blank + blank.join(printed.get(line, line) for line in [*body, *footer])
    if wrap:
        text = hard_wrap(text, draw(st.integers(60, 100)))
    encoding = draw(st.sampled_from(encodings))
    data = text.replace("\n", newline).encode(encoding)  # utf-16 and utf-8-sig write a BOM
    furniture = tuple(line.strip().removeprefix("* ") for line in header + middle + gallery + footer)  # as printed
    return Scrape(data, title, paragraphs, furniture, encoding, article)


def scrapes(
    *,
    min_paragraphs: int = 3,
    max_paragraphs: int = 12,
    encodings: tuple[str, ...] = ("utf-8", "utf-8-sig", "utf-16"),
    wrap: bool = False,
    markdown: bool = False,
    split: bool = False,
) -> st.SearchStrategy[Scrape]:
    """Realistic text scrapes: an article drawn as ``articles()`` draws records (a headline, and body blocks
    long enough to read as text: paragraphs, list items printed with a dash or bullet, quotations) printed
    between drawn page furniture, with the ground truth (the record, its title and block texts, the
    furniture lines).

    ``wrap=True`` hard-wraps every line at a drawn width of 60 to 100 columns (see ``hard_wrap``);
    ``markdown=True`` writes the page as html2text does: the menu as links, the headline after a hash,
    some words of the paragraphs linked or emphasised, an image among them; ``split=True`` as tools that end a
    line at every tag print it (BeautifulSoup's ``get_text("\\n")``): each paragraph in pieces around a link,
    blank lines between blocks.
    """
    if min_paragraphs < 1 or max_paragraphs < min_paragraphs:
        raise InvalidArgument(f"need 1 <= min_paragraphs <= max_paragraphs, got {min_paragraphs} and {max_paragraphs}")
    if not encodings:
        raise InvalidArgument("encodings must name at least one codec, e.g. ('utf-8',)")
    return _scrapes(
        min_paragraphs=min_paragraphs,
        max_paragraphs=max_paragraphs,
        encodings=encodings,
        wrap=wrap,
        markdown=markdown,
        split=split,
    )


# --- pages and WARC captures -------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """A drawn HTML news page and its ground truth."""

    url: str
    html: bytes
    title: str
    paragraphs: tuple[str, ...]
    published: str | None  # what the page's metadata says (a day), when it says it
    author: str | None


_FIRST_NAMES = ("Ada", "Kofi", "Mei", "Olga", "Ravi", "Sofia", "Tomás", "Yusuf")
_LAST_NAMES = ("Adeyemi", "Bergström", "Chen", "Dubois", "Kowalski", "Moreau", "Okafor", "Silva")


@st.composite
def _pages(draw: st.DrawFn, *, min_paragraphs: int, max_paragraphs: int) -> Page:
    import html as html_lib
    import json

    title = draw(texts(min_words=4, max_words=12, unicode=False)).rstrip(".")
    paragraphs = tuple(
        draw(
            st.lists(
                texts(min_words=20, max_words=60, unicode=False),
                min_size=min_paragraphs,
                max_size=max_paragraphs,
                unique_by=str.casefold,
            )
        )
    )
    slug = hashlib.sha256(title.encode()).hexdigest()[:12]
    host = draw(st.sampled_from(["news.example.com", "www.example.org", "example.co.uk"]))
    url = f"https://{host}/story/{slug}"
    day = draw(st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(PAST_YEAR, 12, 31)))
    published = day.isoformat() if draw(st.booleans()) else None
    author = (
        f"{draw(st.sampled_from(_FIRST_NAMES))} {draw(st.sampled_from(_LAST_NAMES))}" if draw(st.booleans()) else None
    )
    head = [
        f"<title>{html_lib.escape(title)} | Example News</title>",
        '<meta property="og:site_name" content="Example News">',
    ]
    if published is not None or author is not None:
        data: dict[str, Any] = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title}
        if published is not None:
            data["datePublished"] = published
        if author is not None:
            data["author"] = {"@type": "Person", "name": author}
        head.append(f'<script type="application/ld+json">{json.dumps(data)}</script>')
    menu = "".join(f'<li><a href="/{item.lower()}">{item}</a></li>' for item in draw(st.sampled_from(_MENUS)))
    body = "".join(f"<p>{html_lib.escape(paragraph)}</p>" for paragraph in paragraphs)
    page = (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{"".join(head)}</head><body>'
        f"<header><nav><ul>{menu}</ul></nav></header><main><article><h1>{html_lib.escape(title)}</h1>{body}</article></main>"
        f"<footer><p>{html_lib.escape(draw(st.sampled_from(_FOOTER)))}</p></footer></body></html>"
    )
    return Page(url, page.encode("utf-8"), title, paragraphs, published, author)


def pages(*, min_paragraphs: int = 2, max_paragraphs: int = 8) -> st.SearchStrategy[Page]:
    """HTML news pages: a drawn article in a page with navigation, a footer and (sometimes) JSON-LD."""
    if min_paragraphs < 1 or max_paragraphs < min_paragraphs:
        raise InvalidArgument(f"need 1 <= min_paragraphs <= max_paragraphs, got {min_paragraphs} and {max_paragraphs}")
    return _pages(min_paragraphs=min_paragraphs, max_paragraphs=max_paragraphs)


@dataclass(frozen=True)
class WarcCapture:
    """A drawn WARC file and its ground truth: each page's record id and the offset warcio reports for it."""

    data: bytes
    gzip: bool
    pages: tuple[Page, ...]
    record_ids: tuple[str, ...]
    offsets: tuple[int, ...]


def build_warc(pages: list[Page], *, gzip: bool = True, extras: bool = True) -> WarcCapture:
    """Write pages as WARC/1.1 ``response`` records (with ``request`` records and a non-page response
    between them when ``extras``), with record ids and dates derived from the pages, so equal input gives equal bytes."""
    import io
    import uuid

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    stream = io.BytesIO()
    writer = WARCWriter(stream, gzip=gzip, warc_version="WARC/1.1")
    record_ids, offsets = [], []

    def write(kind: str, uri: str, payload: bytes, http: StatusAndHeaders | None, key: str) -> str:
        record_id = f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, key)}>"
        headers = {"WARC-Record-ID": record_id, "WARC-Date": "2024-05-01T12:00:00Z"}
        record = writer.create_warc_record(
            uri, kind, payload=io.BytesIO(payload), length=len(payload), http_headers=http, warc_headers_dict=headers
        )
        writer.write_record(record)
        return record_id

    for index, page in enumerate(pages):
        if extras:
            request = StatusAndHeaders(f"GET {page.url} HTTP/1.1", [("Host", "example")], is_http_request=True)
            write("request", page.url, b"", request, f"request|{index}|{page.url}")
        offsets.append(stream.tell())
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record_ids.append(write("response", page.url, page.html, http, f"response|{index}|{page.url}"))
        if extras:
            image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
            write("response", page.url + ".png", b"\x89PNG\r\n\x1a\n", image, f"image|{index}|{page.url}")
    return WarcCapture(stream.getvalue(), gzip, tuple(pages), tuple(record_ids), tuple(offsets))


@st.composite
def _warc_captures(draw: st.DrawFn, *, min_pages: int, max_pages: int) -> WarcCapture:
    drawn = draw(st.lists(pages(max_paragraphs=4), min_size=min_pages, max_size=max_pages))
    return build_warc(drawn, gzip=draw(st.booleans()), extras=draw(st.booleans()))


def warc_captures(*, min_pages: int = 1, max_pages: int = 4) -> st.SearchStrategy[WarcCapture]:
    """WARC files of drawn pages (gzipped or not, with or without request and image records), with ground truth.

    Requires ``warcio``.
    """
    if min_pages < 0 or max_pages < min_pages:
        raise InvalidArgument(f"need 0 <= min_pages <= max_pages, got {min_pages} and {max_pages}")
    return _warc_captures(min_pages=min_pages, max_pages=max_pages)


# --- mutations: each breaks exactly what one rule checks ------------------------------------

Record = dict[str, Any]


def _set_text(record: Record, text: str) -> Record:
    record["body"][0]["text"] = text
    return record


def _replace(record: Record, **changes: Any) -> Record:
    record.update(changes)
    return record


def _truncate(record: Record) -> Record:
    record["body"] = [{"type": "paragraph", "text": " ".join(record["body"][0]["text"].split()[:2])}]
    record["provenance"]["spans"] = record["provenance"]["spans"][:1]
    return record


def _residue(record: Record) -> Record:
    record["body"].append({"type": "paragraph", "text": "Share this article"})
    record["provenance"]["spans"].append(None)
    return record


def _title_first(record: Record) -> Record:
    record["title"] = record["title"] or "Council approves the budget"
    return _set_text(record, record["title"])


def _bad_span(record: Record) -> Record:
    size = record["provenance"]["source"]["bytes"]
    record["provenance"]["spans"][0] = {"start": 0, "end": size + 10}
    return record


def _drop_span(record: Record) -> Record:
    record["provenance"]["spans"] = record["provenance"]["spans"][:-1]
    return record


def _mismatched_outlet(record: Record) -> Record:
    record["url"] = "https://www.example.com/news/story"
    record["outlet"] = {"name": "Other Outlet", "domain": "other.org"}
    return record


RECORD_MUTATIONS: dict[str, Callable[[Record], Record]] = {
    "R001": lambda r: _replace(r, published="2999-01-01", updated=None),
    "R002": lambda r: _replace(r, published="2018-03-11", updated="2017-01-01"),
    "R003": lambda r: _replace(r, published="1200-05-01", updated=None),
    "R004": lambda r: _replace(r, body=[], provenance={**r["provenance"], "spans": []}),
    "R005": _truncate,
    "R006": lambda r: _set_text(r, r["body"][0]["text"] + " <strong>More</strong>"),
    "R007": lambda r: _set_text(r, r["body"][0]["text"] + " Labourâ€™s leader said."),
    "R008": lambda r: _set_text(r, r["body"][0]["text"] + " \x08Next."),
    "R009": lambda r: _set_text(r, r["body"][0]["text"] + " Cafe\u0301."),
    "R010": _residue,
    "R011": _title_first,
    "R012": lambda r: _replace(r, bylines=[{"name": "www.example.com", "role": None, "organization": None}]),
    "R013": lambda r: _replace(r, url="https://news..example.com/story"),
    "R014": _mismatched_outlet,
    "I002": lambda r: _replace(r, id="0" * 32),
    "I003": _bad_span,
    "I004": _drop_span,
}
"""Record-level mutations by rule code: applied to a valid record's JSON (a copy),
each makes exactly its rule fire. Used for ``fixtures/invalid/`` and soundness tests."""


def mutate(code: str, record: Record) -> Record:
    """Apply the mutation for ``code`` to a deep copy of ``record``."""
    if code not in RECORD_MUTATIONS:
        raise InvalidArgument(f"no mutation for {code!r}; choose one of {sorted(RECORD_MUTATIONS)}")
    return RECORD_MUTATIONS[code](copy.deepcopy(record))
