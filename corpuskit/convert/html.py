"""HTML pages → records: trafilatura for the body, an explicit precedence for metadata.

The body comes from trafilatura (never a hand-written extractor), mapped into
blocks: ``head`` → heading, ``item`` → list item, ``quote`` → blockquote,
everything else → paragraph. Where the page's schema.org article carries an
``articleBody`` and trafilatura's text misses most of it, the JSON-LD body is
used instead; ``provenance.converter.method`` says which (``trafilatura`` or
``jsonld.article-body``).

Metadata precedence, each finding recorded in ``provenance.fields`` with the
lower-precedence findings it beat as ``superseded``:

1. the capture (the WARC target URI is the URL);
2. JSON-LD (``headline``, ``datePublished``, ``dateModified``, ``author``,
   ``publisher``, ``articleSection``, ``inLanguage``, ``alternativeHeadline``);
3. OpenGraph, ``article:*`` and other ``<meta>`` tags, ``<link rel=canonical>``,
   ``<html lang>``;
4. heuristics: trafilatura's title, author and site-name finders, htmldate.

Site names go to ``outlet``, never to ``bylines``. Charset order: BOM, then the
HTTP header (captures), then ``<meta charset>``, then strict UTF-8, then detection.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

from corpuskit import dates, patterns
from corpuskit.convert import _jsonld, _meta
from corpuskit.convert._build import SURE_LANGUAGE_SAMPLES, Draft, SourceInput, _Found, identify_language
from corpuskit.convert._decode import _BOMS, Decoded, _charset_name, binary_evidence, byte_span, decode, repair
from corpuskit.convert._meta import fix_name_case, is_news_organization
from corpuskit.convert.boilerplate import Furniture, classify
from corpuskit.diagnostics import Diagnostic
from corpuskit.rules import convert as C
from corpuskit.urls import joined, registrable_domain, url_problem, usable_url

NAME = "corpuskit.html"

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE)
_WHATWG_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252"}
_SPACE = re.compile(r"\s+")
_LANGUAGE_TAG = re.compile(patterns.LANGUAGE_TAG)
_URLISH = re.compile(r"^(?:https?:|www\.)|\.(?:com|org|net|co\.uk)(?:/|$)|/", re.IGNORECASE)
_LINK = re.compile(r"^(?:https?:|www\.)|/", re.IGNORECASE)  # a site may call itself "cleveland.com", not a link
_ROLE = re.compile(
    r"\b(?:editor|correspondent|reporter|writer|columnist|contributor|producer|analyst|critic|chief|head|director|"
    r"manager|photographer|presenter|host|anchor|intern|fellow|professor|staff|desk|bureau)s?\b",
    re.IGNORECASE,
)
_BY = re.compile(r"^(?:by|von|par|por|door|di|af|av)\s*:?\s+", re.IGNORECASE)
_HEAD_BYLINE = re.compile(
    r"^[|•·–—-]?\s*(?:by|von|par|por|door|di|written by|autor(?:in|en)?|author|autori)\b", re.IGNORECASE
)
HEAD_BLOCKS = 3  # where the extractor leaves a dateline or byline: among the first blocks
LOOSE_SPAN_FACTOR = 3  # a block's markup may make its span in the page this many times its text, and 200 more
LOOSE_TRIES = 50  # the prints of a block's opening tried, in order, for one with its ending close after it
LOOSE_MIN_CHARS = 4  # the shortest opening and ending of a block written without spaces that locate it
ENDED_AFTER_CHARS = 300  # a comment form ends the article only under this much text of its own (50 words)
LISTED_ITEM_WORDS = 20  # a related block lists headlines: an item this long or shorter
_NAME_SPLIT = re.compile(r"\s*(?:;|\||\band\b|&|\bund\b|\bet\b|\by\b)\s*", re.IGNORECASE)
_TITLE_SEPARATORS = re.compile(r"\s*[：｜]\s*|\s+(?:--|[|\-–—:·•»])\s+")
_ELLIPSIS = ("…", "...")
_UNSPACED_SCRIPT = re.compile("[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
"""Thai, kana, Chinese characters, Hangul: scripts whose text has few spaces to find it by."""
# Bylines the markup declares: rel=author links, microdata authors, and the elements sites class as bylines.
# The cheap substring test comes first: the class is normalised only where it can match.
# Three walks over attributes, not one over every element testing four: half the time, same elements in page order.
_BYLINE_MARKUP = etree.XPath(
    '(//@rel[.="author"] | //@itemprop[.="author"]'
    ' | //@class[contains(., "byline") and contains(concat(" ", normalize-space(.), " "), " byline ")'
    ' or contains(., "author-name") and contains(concat(" ", normalize-space(.), " "), " author-name ")])'
    "/parent::*[not(self::meta or self::link)]"
)
_BODY_TAG = re.compile(r"<body\b", re.IGNORECASE)
_JSONLD_BODY_MIN_WORDS = 40
_JSONLD_BODY_COVERAGE = 0.5  # trafilatura "misses most of" the JSON-LD body below this shingle recall


def convert(source: SourceInput) -> Iterator[Draft | Diagnostic]:
    draft = convert_page(source)
    if draft is not None:
        yield draft
    elif not source.data.strip():
        yield C.NO_ARTICLE_TEXT.diagnostic(f"no page: the file holds {len(source.data)} bytes and no markup")
    elif (binary := binary_evidence(decode_html(source.data).text)) is not None:
        yield C.NO_ARTICLE_TEXT.diagnostic(f"binary data, not a page: {binary}")
    else:
        yield C.NO_ARTICLE_TEXT.diagnostic(
            "no article text found (trafilatura extracted nothing and there is no JSON-LD articleBody)"
        )


def decode_html(data: bytes, declared: str | None = None) -> Decoded:
    """Decode a page: BOM, then the declared (HTTP) charset, then ``<meta charset>``, then UTF-8 or detection."""
    if data.startswith(tuple(bom for bom, _, _ in _BOMS)):
        return decode(data)
    head = data[:4096]
    meta = _META_CHARSET.search(head)
    for name in (declared, meta.group(1).decode("ascii") if meta else None):
        codec = _codec(name)
        if codec is None:
            continue
        try:
            return Decoded(data.decode(codec), _charset_name(codec), codec, 0)
        except UnicodeDecodeError:
            continue
    return decode(data)


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    name = _WHATWG_ALIASES.get(name.strip().lower(), name.strip().lower())
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    # Multi-byte declarations other than UTF-8 lie too often without a BOM; detection decides those.
    return info.name if not info.name.startswith(("utf-16", "utf-32")) else None


@dataclass(slots=True)
class _Page:
    """What the page's markup says, read before trafilatura takes (and prunes) the tree."""

    tree: Any
    decoded: Decoded
    meta: dict[str, list[str]]
    jsonld: _jsonld.ArticleMetadata
    canonical: str | None
    lang: str | None
    article_like: bool  # JSON-LD article, og:type article, or an <article> element: worth the costly heuristics
    body_start: int  # where ``<body>`` starts in the text (0 without one): dropped text is located after it

    def locate(self, evidence: str | None, after: int = 0) -> dict[str, int] | None:
        """The byte span of the evidence's first verbatim appearance in the page (from character ``after`` on)."""
        if not evidence:
            return None
        position = self.decoded.text.find(evidence, after)
        if position < 0:
            return None
        return byte_span(self.decoded.text, position, position + len(evidence), self.decoded.codec, self.decoded.offset)

    def locate_block(self, text: str, after: int) -> dict[str, int] | None:
        """Where the page prints a block of the extractor's text: verbatim, HTML-escaped, or from its first
        words to its last with markup between them ("spiediet <b>Ctrl+Enter</b>, lai ...")."""
        span = self.locate(text, after) or self.locate(escape(text, quote=False), after)
        if span is not None:
            return span
        words, page = text.split(), self.decoded.text
        if len(words) < 4:  # too few words to locate by; text written without spaces, by its characters
            return self._locate_by_characters(text, after) if _UNSPACED_SCRIPT.search(text) else None
        start, taken = -1, 0
        for count in range(1, len(words)):  # the longest opening the page prints as it stands
            found = page.find(" ".join(words[:count]), after)
            if found < 0:
                break
            start, taken = found, count
        if start >= 0 and page.find(words[-1], start) < 0:  # a link's last word before the full stop
            words[-1] = words[-1].rstrip(".,;:!?…")
        opening = " ".join(words[:taken])
        for _ in range(LOOSE_TRIES):  # the first print of the opening with the ending close after it
            if start < 0:
                break
            end = -1
            for count in range(1, len(words) - taken + 1):  # the longest ending after it
                tail = " ".join(words[-count:])
                found = page.find(tail, start)
                if found < 0:
                    break
                end = found + len(tail)
            if end >= 0 and end - start <= LOOSE_SPAN_FACTOR * len(text) + 200:
                return byte_span(page, start, end, self.decoded.codec, self.decoded.offset)
            start = page.find(opening, start + 1)
        return None

    def _locate_by_characters(self, text: str, after: int) -> dict[str, int] | None:
        """A block written with few spaces (Chinese, Japanese: "...のご覧ください。 詳しくはこちら"), from the longest
        opening the page prints as it stands to the longest ending after it, each of a few characters at least."""
        page = self.decoded.text
        start, size = -1, LOOSE_MIN_CHARS - 1
        while size < len(text) and (found := page.find(text[: size + 1], after)) >= 0:
            start, size = found, size + 1
        if start < 0:
            return None
        end, size = -1, LOOSE_MIN_CHARS - 1
        while size < len(text) and (found := page.find(text[-(size + 1) :], start)) >= 0:
            end, size = found + size + 1, size + 1
        if end < 0 or end - start > LOOSE_SPAN_FACTOR * len(text) + 200:
            return None
        return byte_span(page, start, end, self.decoded.codec, self.decoded.offset)

    def found(self, value: Any, method: str, evidence: str | None) -> _Found:
        return _Found(value, method, evidence, self.locate(evidence))

    def tags(self, *keys: str) -> Iterator[tuple[str, str]]:
        for key in keys:
            for value in self.meta.get(key, []):
                yield key, value


def _read_page(tree: Any, decoded: Decoded) -> _Page:
    meta: dict[str, list[str]] = {}
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop") or element.get("http-equiv")
        content = element.get("content")
        if key and content and content.strip():
            meta.setdefault(key.strip().lower(), []).append(content.strip())
    scripts = [
        script.text for script in tree.iter("script") if script.text and "ld+json" in (script.get("type") or "").lower()
    ]
    canonical = next(
        (link.get("href") for link in tree.iter("link") if "canonical" in (link.get("rel") or "").lower().split()),
        None,
    )
    jsonld = _jsonld.article_metadata(scripts)
    article_like = (
        jsonld.type is not None
        or any(value.lower() == "article" for value in meta.get("og:type", []))
        or tree.find(".//article") is not None
    )
    body = _BODY_TAG.search(decoded.text)
    return _Page(tree, decoded, meta, jsonld, canonical, tree.get("lang"), article_like, body.start() if body else 0)


HUGE_PAGE_CHARS = 2_500_000
"""From this size on a page may hold a text node or attribute past libxml2's 10 MB limit (4 bytes a character at
most): a self-contained capture's inline image ("SingleFile" pages, data: URIs) or a large inline script. Past that
limit the parser stops, and the article after it was lost; such pages are parsed without the limit."""


def _parsed(text: str) -> Any:
    from trafilatura.utils import load_html

    if len(text) < HUGE_PAGE_CHARS:
        return load_html(text)
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, encoding="utf-8", huge_tree=True)
    try:
        return lxml_html.fromstring(text.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError):  # nothing a parser takes for a document: trafilatura's own loader judges
        return load_html(text)


def convert_page(source: SourceInput) -> Draft | None:
    """One page → a draft record; None when the page holds no article text at all."""
    import trafilatura

    decoded = decode_html(source.data, source.declared_charset)
    draft = Draft(
        source=source, charset=decoded.charset, media_type="text/html", method="trafilatura", codec=decoded.codec
    )
    tree = _parsed(decoded.text)
    if tree is None:
        return None
    page = _read_page(tree, decoded)
    url = _url(draft, page)
    site_names = _outlet(draft, page, url)
    _title(draft, page, site_names)
    _dates(draft, page, url)
    _bylines(draft, page, site_names)
    _section(draft, page)
    # The body tree is all we take: the "txt" format skips the plain-text rendering "python" would add.
    document = trafilatura.bare_extraction(
        tree, url=url, include_comments=False, with_metadata=False, output_format="txt"
    )
    body_tree = getattr(document, "body", None)
    blocks = _blocks(body_tree) if body_tree is not None else []
    body = page.jsonld.body
    if body and _use_jsonld_body(body, blocks):
        draft.method = "jsonld.article-body"
        blocks = [("paragraph", paragraph) for paragraph in body.split("\n")]
    for kind, text in blocks:
        repaired, steps = repair(unicodedata.normalize("NFC", text))
        for step in steps:
            draft._note(step)
        if repaired:
            draft.blocks.append((kind, repaired, None))
    _drop_repeated_title(draft, page)
    _drop_head_lines(draft, page)
    _drop_furniture(draft, page)
    if not draft.blocks:
        return None
    _subtitle(draft, page)
    _language(draft, page)
    return draft


# --- the body ----------------------------------------------------------------------


def _blocks(body: Any) -> list[tuple[str, str]]:
    blocks: list[tuple[str, str]] = []
    for element in body:
        tag = element.tag
        if tag == "list":
            blocks += [("list_item", _text(item)) for item in element.iter("item")]
        elif tag == "table":
            blocks += [("paragraph", " ".join(_text(cell) for cell in row.iter("cell"))) for row in element.iter("row")]
        else:
            kind = {"head": "heading", "quote": "blockquote"}.get(tag, "paragraph")
            blocks.append((kind, _text(element)))
    return [(kind, text) for kind, text in blocks if text]


def _text(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())


def _shingles(text: str, size: int = 4) -> set[tuple[str, ...]]:
    tokens = text.lower().split()
    return {tuple(tokens[i : i + size]) for i in range(max(len(tokens) - size + 1, 1))}


def _use_jsonld_body(body: str, blocks: list[tuple[str, str]]) -> bool:
    """Use the JSON-LD body when trafilatura found nothing, or missed most of a real JSON-LD body."""
    if not blocks:
        return True
    if len(body.split()) < _JSONLD_BODY_MIN_WORDS:
        return False
    wanted = _shingles(body)
    found = _shingles(" ".join(text for _, text in blocks))
    return len(wanted & found) / len(wanted) < _JSONLD_BODY_COVERAGE


def _drop_repeated_title(draft: Draft, page: _Page) -> None:
    """A first block that repeats the headline is the headline: drop it, recorded with where it is printed."""
    if not draft.blocks or draft.title is None or draft.blocks[0][1].casefold() != draft.title.casefold():
        return
    text = draft.blocks[0][1]
    span = page.locate_block(text, page.body_start)
    if span is not None:
        draft.blocks.pop(0)
        draft.remove(span["start"], span["end"], "repeated-title", text)


def _drop_head_lines(draft: Draft, page: _Page) -> None:
    """The article's dateline or byline the extractor kept among its first blocks ("23.10.2018",
    "Von Gregory Lipinski", "Written by: Julie Mollins"): the fields come from the page's metadata,
    so these lines are dropped, recorded with where the page prints them. A byline is taken only
    when it opens with its "By" (a headline such as "Beef Maker von Aldi im Test" is none)."""
    kept = []
    for position, block in enumerate(draft.blocks):
        text = block[1]
        rule = None
        if position < HEAD_BLOCKS:
            if _meta.parse_dated_line(text) is not None:
                rule = "dateline"
            elif _HEAD_BYLINE.match(text) and _meta.parse_byline(text.lstrip("|•·–—- ")) is not None:
                rule = "byline"
        span = page.locate_block(text, page.body_start) if rule is not None else None
        if rule is None or span is None:
            kept.append(block)
        else:
            draft.remove(span["start"], span["end"], rule, text)
    draft.blocks[:] = kept


def _drop_furniture(draft: Draft, page: _Page) -> None:
    """Blocks the boilerplate vocabulary names (a "Read more: ..." link, a share prompt, a
    copyright line) that the extractor let through: dropped with their rule and where the
    page prints them. A line that ends an article (a comment form: "Leave a reply",
    "Comentar") under text of its own takes what follows with it: the comments; a line that
    opens a related block ("More Must-Reads From TIME") takes the list items right after it. A block
    that cannot be found in the page (``locate_block``) stays, since a removal must say where it was."""
    kept = []
    ending: Furniture | None = None
    opened: Furniture | None = None  # a related block's opener ("More Must-Reads From TIME") lists the items after it
    for block in draft.blocks:
        listed = opened if block[0] == "list_item" and len(block[1].split()) <= LISTED_ITEM_WORDS else None
        furniture = classify(block[1]) or ending or listed
        span = page.locate_block(block[1], page.body_start) if furniture is not None else None
        if furniture is None or span is None:
            kept.append(block)
            opened = opened if furniture is not None else None  # an item not found in the page stays, listed
        else:
            draft.remove(span["start"], span["end"], furniture.rule, block[1])
            if furniture.ends and ending is None and sum(len(text) for _, text, _ in kept) >= ENDED_AFTER_CHARS:
                ending = furniture
            opened = furniture if furniture.opens else listed
    draft.blocks[:] = kept


# --- metadata, field by field, in precedence order ---------------------------------------


def _method(prefix: str, key: str) -> str:
    return prefix + "." + re.sub(r"[^a-z0-9_-]+", "-", key.lower()).strip("-")


def _url(draft: Draft, page: _Page) -> str | None:
    base = draft.source.url
    candidates: list[_Found] = []
    if base:
        candidates.append(_Found(base, "capture.target-uri", base, None))
    if page.canonical:
        candidates.append(page.found(joined(base, page.canonical.strip()), "link.canonical", page.canonical))
    for key, value in page.tags("og:url", "twitter:url"):
        candidates.append(page.found(joined(base, value), _method("meta", key), value))
    if page.jsonld.url:
        candidates.append(page.found(joined(base, page.jsonld.url), "jsonld.url", page.jsonld.url))
    # A URL that cannot be parsed (a bad port, an unclosed IPv6 bracket) is no candidate; the capture keeps it.
    candidates = [item for item in candidates if item.value and usable_url(item.value)]
    draft.offer("url", candidates)
    return str(candidates[0].value) if candidates else None


def _outlet(draft: Draft, page: _Page, url: str | None) -> set[str]:
    """Fill ``outlet``; return the site's names (casefolded), to keep them out of bylines and titles."""
    from trafilatura.metadata import extract_sitename

    jsonld = page.jsonld
    candidates: list[_Found] = []
    # The publication's name as printed: a site names itself (JSON-LD WebSite, og:site_name); a JSON-LD
    # publisher names the organisation behind it ("Nikkei Inc.", or "Blogger" for a blogspot site).
    if jsonld.site_name:
        candidates.append(page.found(jsonld.site_name, "jsonld.website-name", jsonld.site_name))
    for key, value in page.tags("og:site_name"):
        candidates.append(page.found(value, _method("meta", key), value))
    if jsonld.publisher:
        candidates.append(page.found(jsonld.publisher, "jsonld.publisher", jsonld.publisher))
    for key, value in page.tags("application-name"):
        candidates.append(page.found(value, _method("meta", key), value))
    if not candidates:
        guess = extract_sitename(page.tree)
        titles = {value for _, value in page.tags("og:title", "twitter:title")} | {page.tree.findtext(".//title") or ""}
        if guess and not any(guess in title for title in titles if len(title) < 2 * len(guess)):
            candidates.append(page.found(guess, "trafilatura.sitename", guess))
    candidates = [item for item in candidates if not _LINK.search(item.value)]
    domain = registrable_domain(url) if url else None
    names = {_jsonld.clean(item.value).casefold() for item in candidates}
    if domain:
        names |= {domain.casefold(), domain.split(".")[0]}
    for item in candidates:
        item.value = {"name": _jsonld.clean(item.value), "domain": domain}
    if not candidates and domain:
        candidates.append(_Found({"name": None, "domain": domain}, "url.domain", url, None))
    draft.offer("outlet", candidates)
    return names


def _is_site(name: str, site_names: set[str]) -> bool:
    folded = name.casefold()
    if folded in site_names:
        return True
    squeezed = _squeeze(folded)
    return bool(squeezed) and any(squeezed == _squeeze(site) for site in site_names)


def _squeeze(text: str) -> str:
    return re.sub(r"[\W_]+", "", text)


def _strip_site(title: str, site_names: set[str]) -> str:
    """Cut a site name printed before or after the headline ("Storm passes | Daily Planet")."""
    separators = list(_TITLE_SEPARATORS.finditer(title))
    if separators:
        if _is_site(title[separators[-1].end() :], site_names):
            return title[: separators[-1].start()]
        if _is_site(title[: separators[0].start()], site_names):
            return title[separators[0].end() :]
    return title


def _title(draft: Draft, page: _Page, site_names: set[str]) -> None:
    from trafilatura.metadata import extract_title

    candidates: list[_Found] = []
    if page.jsonld.headline:
        candidates.append(page.found(page.jsonld.headline, "jsonld.headline", page.jsonld.headline))
    for key, value in page.tags("og:title", "twitter:title", "headline", "dc.title"):
        candidates.append(page.found(_strip_site(_jsonld.clean(value), site_names), _method("meta", key), value))
    if not candidates:
        guess = extract_title(page.tree)
        if guess:
            headline = _headline_in(guess, page) or _strip_site(guess, site_names)
            candidates.append(page.found(headline, "trafilatura.title", guess))
    draft.offer("title", [item for item in candidates if item.value and not _is_site(item.value, site_names)])


_SITE_JOIN = "-_|–—:·•»｜："  # what joins a site's name to the headline in a page's <title>, with or without spaces
SITE_NAME_CHARS = 40  # a site's name beside the headline is this long at most


def _headline_in(title: str, page: _Page) -> str | None:
    """The page's ``<h1>`` when the title is that headline joined to a short site name ("短缺药品保供稳价 ...-新华网"),
    which the title's separators may not show (no spaces around the join)."""
    for element in page.tree.iter("h1"):
        headline = " ".join(element.text_content().split())
        if not headline or headline == title:
            continue
        if title.startswith(headline):
            rest = title[len(headline) :].lstrip()
        elif title.endswith(headline):
            rest = title[: -len(headline)].rstrip()[::-1]
        else:
            continue
        if rest[:1] and rest[0] in _SITE_JOIN and 0 < len(rest[1:].strip()) <= SITE_NAME_CHARS:
            return headline
    return None


_PUBLISHED_TAGS = (
    "article:published_time",
    "datepublished",
    "og:published_time",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "date",
)
_MODIFIED_TAGS = ("article:modified_time", "datemodified", "og:updated_time", "last-modified", "dcterms.modified")


def _dates(draft: Draft, page: _Page, url: str | None) -> None:
    for name, jsonld_value, jsonld_method, tags in (
        ("published", page.jsonld.published, "jsonld.date-published", _PUBLISHED_TAGS),
        ("updated", page.jsonld.modified, "jsonld.date-modified", _MODIFIED_TAGS),
    ):
        candidates: list[_Found] = []
        if jsonld_value:
            candidates.append(page.found(dates.normalize(jsonld_value), jsonld_method, jsonld_value))
        for key, value in page.tags(*tags):
            candidates.append(page.found(dates.normalize(value), _method("meta", key), value))
        candidates = [item for item in candidates if item.value]
        if name == "published":
            in_url = _url_date(url)
            # A path is minted when the story first appears; metadata may carry a later republication.
            if in_url is not None and (not candidates or in_url.value < str(candidates[0].value)[:10]):
                candidates.insert(0, in_url)
            if not candidates:
                candidates += _htmldate(page, url)
        draft.offer(name, candidates)


_URL_DATE = re.compile(r"/((?:19|20)[0-9]{2})[/-]([01]?[0-9])[/-]([0-3]?[0-9])(?=[/_-]|$)")


def _url_date(url: str | None) -> _Found | None:
    """A whole date in the page's address ("/2017/7/12/unter-uns-montauk"), as a day.

    >>> _url_date("https://www.befifty.de/home/2017/7/12/unter-uns-montauk").value
    '2017-07-12'
    >>> _url_date("https://example.com/2017/13/40/x") is None, _url_date("https://example.com/news/2017/") is None
    (True, True)
    """
    found = _URL_DATE.search(urlsplit(url).path) if url and not url_problem(url) else None
    if found is None:
        return None
    try:
        day = dt.date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError:
        return None
    return _Found(day.isoformat(), "url", found.group().strip("/"), None)


def _htmldate(page: _Page, url: str | None) -> list[_Found]:
    """htmldate's original-date guess, with its extensive search (which runs only when the quick one finds nothing).

    The extensive search runs on every page, article-like or not, as htmldate itself does: of the 68
    dates htmldate 1.4.0's tests assert on real pages, 61 are right with it and 53 when it is kept to
    article-like pages (45 without it). One call does both searches: asking for the quick one first
    and the extensive one after it repeated the quick search, for one right date fewer.
    """
    from htmldate import find_date

    try:
        guess = find_date(page.tree, url=url, original_date=True, extensive_search=True, outputformat="%Y-%m-%d")
    except Exception:  # htmldate is a heuristic: its failure only means "no date"
        return []
    return [_Found(_printed_precision(guess, page, url), "htmldate", guess, None)] if guess else []


def _printed_precision(guess: str, page: _Page, url: str | None) -> str:
    """htmldate's guess, to the precision the page supports.

    Its last resorts (a copyright year, a year or a month seen anywhere) come back as the first
    day of that year or month. A first of the month that the page (or its address) never prints is
    such a guess: the record keeps the year ("2013"), or the year and month, not an invented day.
    """
    year, month, day = guess.split("-")
    if day != "01" or _prints_day(url or "", guess) or _prints_day(page.decoded.text, guess):
        return guess
    return year if month == "01" else f"{year}-{month}"


def _prints_day(text: str, day: str) -> bool:
    """Whether ``text`` prints the day (``YYYY-MM-DD``) in a dateline's form: read around each of its year's prints.

    >>> _prints_day("<p>Posted 1 June 2010</p> <p>© 2010</p>", "2010-06-01"), _prints_day("© 2010", "2010-01-01")
    (True, False)
    """
    year = day[:4]
    at = text.find(year)
    while at >= 0:
        if day in _meta.days_printed(text[max(0, at - _DAY_REACH) : at + _DAY_REACH]):
            return True
        at = text.find(year, at + len(year))
    return False


_DAY_REACH = 40  # characters either side of a year that a printed date spans ("Wednesday, 1st of January, 2013")


def _credits(text: str, method: str, page: _Page, site_names: set[str]) -> list[tuple[dict[str, Any], _Found]]:
    """People named in an author string: "By A and B", "A; B", "A, B, and C, CNN", "A, Political editor".

    A comma separates names, or a name from its role (a piece with a role word) or its agency
    ("A, Associated Press"); site names and links are dropped.
    """
    found: list[tuple[dict[str, Any], _Found]] = []
    cleaned = _BY.sub("", _jsonld.clean(text))
    if not cleaned or _LINK.search(cleaned):
        return []
    for part in _NAME_SPLIT.split(cleaned):
        current: dict[str, Any] | None = None
        for raw in part.split(","):
            piece = _BY.sub("", raw.strip()).strip(" .-–—")
            if not piece:
                continue
            if current is not None and current["role"] is None and _ROLE.search(piece):
                current["role"] = piece
                continue
            if current is not None and is_news_organization(piece) and not _is_site(piece, site_names):
                for credit, _ in found:  # "A, B, Associated Press" on a page that reprints the agency
                    credit["organization"] = credit["organization"] or piece
                continue
            if _is_site(piece, site_names) or _URLISH.search(piece) or len(piece.split()) > 6:
                continue
            if any(ch.isdigit() for ch in piece):
                continue
            current = {"name": fix_name_case(piece), "role": None, "organization": None}
            found.append((current, page.found(current["name"], method, text)))
    return found


def _bylines(draft: Draft, page: _Page, site_names: set[str]) -> None:
    sources: list[list[tuple[dict[str, Any], _Found]]] = []
    people = []
    for author in page.jsonld.authors:
        if not author.person and _is_site(author.name, site_names):
            continue
        for credit, item in _credits(author.name, "jsonld.author", page, site_names):
            credit["role"] = credit["role"] or author.role
            if author.organization != credit["name"]:
                credit["organization"] = author.organization or credit["organization"]
            people.append((credit, item))
    sources.append(people)
    for key, value in page.tags("author", "article:author", "byl", "dc.creator", "parsely-author", "sailthru.author"):
        sources.append(_credits(value, _method("meta", key), page, site_names))
    sources = [credits for credits in sources if credits]
    if not sources and page.article_like:
        for element in _BYLINE_MARKUP(page.tree):
            text = _SPACE.sub(" ", element.text_content()).strip()
            if 2 < len(text) < 120:
                sources.append(_credits(text, "html.byline-markup", page, site_names))
    sources = [credits for credits in sources if credits]
    if sources:
        draft.credits = _unique(sources[0])
        draft.credits_superseded = [item for credits in sources[1:] for _, item in credits]


def _unique(credits: list[tuple[dict[str, Any], _Found]]) -> list[tuple[dict[str, Any], _Found]]:
    seen: set[str] = set()
    kept = []
    for credit, item in credits:
        if credit["name"].casefold() not in seen:
            seen.add(credit["name"].casefold())
            kept.append((credit, item))
    return kept


def _section(draft: Draft, page: _Page) -> None:
    candidates: list[_Found] = []
    if page.jsonld.section:
        candidates.append(page.found(page.jsonld.section, "jsonld.article-section", page.jsonld.section))
    for key, value in page.tags("article:section", "section", "parsely-section", "category"):
        candidates.append(page.found(_jsonld.clean(value), _method("meta", key), value))
    draft.offer("section", [item for item in candidates if item.value and not _URLISH.search(item.value)])


def _subtitle(draft: Draft, page: _Page) -> None:
    """A standfirst: the JSON-LD alternative headline or a description that is not a truncated teaser."""
    title = (draft.title or "").casefold()
    candidates: list[_Found] = []
    if page.jsonld.alternative_headline:
        value = page.jsonld.alternative_headline
        candidates.append(page.found(value, "jsonld.alternative-headline", value))
    if page.jsonld.description:
        candidates.append(page.found(page.jsonld.description, "jsonld.description", page.jsonld.description))
    for key, value in page.tags("og:description", "description", "twitter:description"):
        candidates.append(page.found(_jsonld.clean(value), _method("meta", key), value))
    draft.offer(
        "subtitle",
        [
            item
            for item in candidates
            if item.value and item.value.casefold() != title and not item.value.endswith(_ELLIPSIS)
        ],
    )


def language_tag(value: str) -> str | None:
    """A declared language as a canonical BCP 47 tag ("en_us" → "en-US"), or None.

    >>> language_tag("en_us"), language_tag("zh-hant-tw"), language_tag("English")
    ('en-US', 'zh-Hant-TW', None)
    """
    parts = value.strip().replace("_", "-").split("-")
    if not parts or not 2 <= len(parts[0]) <= 3:
        return None
    out = [parts[0].lower()]
    for part in parts[1:]:
        out.append(part.title() if len(part) == 4 else part.upper() if len(part) == 2 else part.lower())
    tag = "-".join(out)
    return tag if _LANGUAGE_TAG.match(tag) else None


def _language(draft: Draft, page: _Page) -> None:
    """Declared languages, checked against the body: a confident identification beats a wrong template."""
    candidates: list[_Found] = []
    if page.jsonld.language:
        candidates.append(page.found(language_tag(page.jsonld.language), "jsonld.in-language", page.jsonld.language))
    for key, value in page.tags("og:locale", "content-language", "language", "dc.language"):
        candidates.append(page.found(language_tag(value), _method("meta", key), value))
    if page.lang:
        candidates.append(page.found(language_tag(page.lang), "html.lang", page.lang))
    candidates = [item for item in candidates if item.value]
    identified = identify_language(
        " ".join(text for _, text, _ in draft.blocks), min_probability=0.99, samples=SURE_LANGUAGE_SAMPLES
    )
    if identified is not None and (not candidates or candidates[0].value.split("-")[0] != identified[0]):
        guess = _Found(identified[0], "langid", f"py3langid p={identified[1]:.2f}", None)
        agreeing = [item for item in candidates if item.value.split("-")[0] == identified[0]]
        winner = agreeing[0] if agreeing else guess
        candidates = [winner] + [item for item in candidates if item is not winner]
    draft.offer("language", candidates)
