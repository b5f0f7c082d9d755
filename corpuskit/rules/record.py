"""Record rules (R): a record that fits the schema but says something wrong."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import ftfy.badness

from corpuskit.convert._decode import HTML_ENTITY, HTML_TAG, might_be_damaged
from corpuskit.convert.boilerplate import classify
from corpuskit.dates import earliest_instant
from corpuskit.diagnostics import Severity
from corpuskit.models import Article
from corpuskit.rules import Finding, check
from corpuskit.rules.context import RuleContext
from corpuskit.urls import url_problem
from corpuskit.words import count as count_words

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_URLISH = re.compile(r"https?://|www\.|\.(?:com|org|net|co\.uk)\b", re.IGNORECASE)
_DIGITS = re.compile(r"[0-9]")


def _texts(article: Article) -> Iterator[tuple[str, str, int]]:
    """Every text value of a record with where it is: ``(text, field, index)``; see ``_path``."""
    for name in ("title", "subtitle", "section"):
        value = getattr(article, name)
        if value is not None:
            yield value, name, -1
    for index, byline in enumerate(article.bylines):
        yield byline.name, "bylines", index
    for index, block in enumerate(article.body):
        yield block.text, "body", index


_LAST: list[Any] = [None, ""]  # the last record the text rules saw, and its text values joined


def _all_text(article: Article) -> str:
    """The record's text values joined by spaces, built once for the four text rules that share it.

    A clean record is told by one test of this string per rule (a space adds no markup, no
    control character, no mojibake pair and no composition), so only a record with a
    finding pays for the per-value loop that locates it.
    """
    if _LAST[0] is not article:
        _LAST[0], _LAST[1] = article, " ".join(text for text, _, _ in _texts(article))
    return str(_LAST[1])


def _path(name: str, index: int) -> str:
    """The JSON path of a text value; formatted only for a finding."""
    if index < 0:
        return f"$.{name}"
    return f"$.{name}[{index}].{'name' if name == 'bylines' else 'text'}"


@check("R001", "future-date")
def future_date(article: Article, context: RuleContext) -> Iterator[Finding]:
    """A date lies after the run's date.

    ## Why
    A record cannot have been published or updated in the future; such dates
    come from misread day/month order, wrong years or clock errors.

    ## Example
    `"published": "2031-03-11"` in a corpus checked on 2026-11-22.

    ## Fix
    Correct the date from the source, or set it to `null`. Use `--now` to
    check a corpus against another date.
    """
    for name in ("published", "updated"):
        value = getattr(article, name)
        if value is not None and earliest_instant(value) > context.now_instant:
            yield f"{name} {value} is after {context.now}", f"$.{name}"


@check("R002", "updated-before-published")
def updated_before_published(article: Article, context: RuleContext) -> Iterator[Finding]:
    """`updated` is earlier than `published`.

    ## Why
    An update cannot precede publication; one of the two dates is wrong,
    often swapped or read from the wrong element.

    ## Example
    `"published": "2021-06-09", "updated": "2018-03-11"`

    ## Fix
    Check both dates in the source and swap or correct them.
    """
    if (
        article.published
        and article.updated
        and earliest_instant(article.updated) < earliest_instant(article.published)
    ):
        yield f"updated {article.updated} is before published {article.published}", "$.updated"


@check("R003", "date-before-floor")
def date_before_floor(article: Article, context: RuleContext) -> Iterator[Finding]:
    """A date is earlier than the configured floor (default 1605, the first newspaper).

    ## Why
    News articles dated before newspapers existed are misparsed dates
    (two-digit years, epoch zero).

    ## Example
    `"published": "1970-01-01"` with `date-floor = "1990"`.

    ## Fix
    Correct the date or set it to `null`; raise or lower `date-floor` in the configuration.
    """
    for name in ("published", "updated"):
        value = getattr(article, name)
        if value is not None and earliest_instant(value) < context.floor_instant:
            yield f"{name} {value} is before the floor {context.date_floor}", f"$.{name}"


@check("R004", "empty-body")
def empty_body(article: Article, context: RuleContext) -> Iterator[Finding]:
    """The record has no body blocks.

    ## Why
    A record without text is usually a failed extraction (a paywall, a video
    page, a removed article).

    ## Example
    `"body": []`

    ## Fix
    Re-convert the source, or drop the record from the corpus.
    """
    if not article.body:
        yield "body is empty", "$.body"


@check("R005", "short-body", Severity.WARNING)
def short_body(article: Article, context: RuleContext) -> Iterator[Finding]:
    """The body has fewer words than the configured minimum (default 50).

    Text written without spaces counts by its characters: two a word in Chinese, Japanese and Korean, five in
    Thai, Lao, Myanmar and Khmer.

    ## Why
    Very short bodies are often teasers, captions or extraction failures.

    ## Example
    A body of one 12-word paragraph.

    ## Fix
    Check the source; lower `min-body-words` for corpora of short items (briefs, wires).
    """
    words = 0
    for block in article.body:
        words += count_words(block.text)
        if words >= context.min_body_words:
            return  # long enough; the rest need not be counted
    if article.body:
        yield f"body has {words} words (minimum {context.min_body_words})", "$.body"


@check("R006", "html-in-text")
def html_in_text(article: Article, context: RuleContext) -> Iterator[Finding]:
    """Text contains HTML tags or character entities.

    ## Why
    Markup in text means the extraction did not finish: readers see `<strong>`
    and `&amp;` instead of words.

    ## Example
    `"text": "<strong>What you need to know</strong>"`, `"Q&amp;A"`

    ## Fix
    Strip the tags and decode the entities (`html.unescape`) at conversion.
    """
    joined = _all_text(article)
    if "<" not in joined and "&" not in joined:
        return
    for text, name, index in _texts(article):
        tag = HTML_TAG.search(text) if "<" in text else None  # a tag needs "<", an entity "&"
        entity = HTML_ENTITY.search(text) if "&" in text else None
        if tag or (entity and html.unescape(entity.group()) != entity.group()):
            found = (tag or entity).group()  # type: ignore[union-attr]
            yield f"markup {found!r} in text", _path(name, index)


@check("R007", "mojibake")
def mojibake(article: Article, context: RuleContext) -> Iterator[Finding]:
    """Text shows mojibake: UTF-8 decoded with the wrong code page.

    ## Why
    `Labour’s` printed as `Labourâ€™s` corrupts search, tokenisation and
    every downstream count.

    ## Example
    `"title": "Momentum chief Jon Lansmanâ€™s bid"`

    ## Fix
    Decode the source with its real charset, or repair with ftfy (corpuskit's
    converters do both, and record it in `provenance.normalizations`).
    """
    joined = _all_text(article)
    if joined.isascii() or not might_be_damaged(joined):
        return
    for text, name, index in _texts(article):
        if not text.isascii() and might_be_damaged(text) and ftfy.badness.is_bad(text):
            yield "text looks like mojibake (ftfy)", _path(name, index)


@check("R008", "control-characters")
def control_characters(article: Article, context: RuleContext) -> Iterator[Finding]:
    """Text contains control characters (other than tab, newline, carriage return).

    ## Why
    They are invisible, break terminals and XML exports, and usually come from
    broken decoding.

    ## Example
    `"text": "Budget\\u0008 talks"`

    ## Fix
    Remove them at conversion.
    """
    if _all_text(article).isprintable():
        return
    for text, name, index in _texts(article):
        found = None if text.isprintable() else _CONTROL.search(text)  # control characters are not printable
        if found:
            yield f"control character U+{ord(found.group()):04X} in text", _path(name, index)


@check("R009", "not-nfc")
def not_nfc(article: Article, context: RuleContext) -> Iterator[Finding]:
    """Text is not in Unicode Normalization Form C.

    ## Why
    `é` written as `e` + combining accent compares unequal to `é`; search
    and deduplication miss matches.

    ## Example
    `"Cafe\\u0301"` instead of `"Café"`.

    ## Fix
    Normalise with `unicodedata.normalize("NFC", text)`.
    """
    del context
    if unicodedata.is_normalized("NFC", _all_text(article)):
        return
    for text, name, index in _texts(article):
        if not unicodedata.is_normalized("NFC", text):
            yield "text is not NFC", _path(name, index)


@check("R010", "boilerplate-residue", Severity.WARNING)
def boilerplate_residue(article: Article, context: RuleContext) -> Iterator[Finding]:
    """A body block is page furniture (the converters' boilerplate vocabulary).

    ## Why
    "Share this article", cookie notices or newsletter blurbs in a body
    inflate counts and leak into models trained on the corpus.

    ## Example
    A block `"Like and share this post:"`.

    ## Fix
    Re-convert with corpuskit, or remove the block (and record it in `provenance.removed`).
    """
    for index, block in enumerate(article.body):
        furniture = classify(block.text)
        if furniture is not None:
            yield f"block looks like {furniture.rule}: {block.text[:60]!r}", f"$.body[{index}].text"


@check("R011", "title-repeated-in-body", Severity.WARNING)
def title_repeated(article: Article, context: RuleContext) -> Iterator[Finding]:
    """The first body block repeats the title.

    ## Why
    The headline is in `title`; repeating it in the body double-counts it.

    ## Example
    `"title": "Budget passes"`, `"body": [{"type": "heading", "text": "Budget passes"}, ...]`

    ## Fix
    Drop the block, and record it in `provenance.removed` (rule `repeated-title`).
    """
    if article.title and article.body and article.body[0].text.casefold() == article.title.casefold():
        yield "first block repeats the title", "$.body[0].text"


@check("R012", "byline-not-a-name")
def byline_not_a_name(article: Article, context: RuleContext) -> Iterator[Finding]:
    """A byline's name is not a name: "By", a URL, a date, or digits.

    ## Why
    Author statistics and attribution go wrong when furniture lands in `bylines`.

    ## Example
    `{"name": "By"}`, `{"name": "www.example.com"}`, `{"name": "11 March 2018"}`

    ## Fix
    Correct the byline from the source, or drop it.
    """
    for index, byline in enumerate(article.bylines):
        name = byline.name
        if (
            name.casefold() in {"by", "von", "par", "por", "author", "admin", "staff"}
            or _URLISH.search(name)
            or _DIGITS.search(name)
        ):
            yield f"byline {name!r} is not a name", f"$.bylines[{index}].name"


@check("R013", "malformed-url")
def malformed_url(article: Article, context: RuleContext) -> Iterator[Finding]:
    """The URL's host is not a valid host name.

    ## Why
    The schema checks the URL's shape; this checks the host: empty labels,
    labels over 63 characters, or a bad port make the URL unusable.

    ## Example
    `"url": "https://news..example.com/a"`

    ## Fix
    Correct the URL from the capture (`provenance.capture.target_uri`).
    """
    problem = url_problem(article.url) if article.url is not None else None
    if problem:
        yield problem, "$.url"


@check("R014", "outlet-domain-mismatch", Severity.WARNING)
def outlet_domain_mismatch(article: Article, context: RuleContext) -> Iterator[Finding]:
    """The outlet's domain and the URL's host disagree.

    ## Why
    A record attributed to one outlet but served from another's site is
    usually a syndication or a mislabelled sidecar.

    ## Example
    `"url": "https://www.bbc.co.uk/news/x"`, `"outlet": {"domain": "sky.com"}`

    ## Fix
    Correct the outlet, or the URL.
    """
    if article.url is None or article.outlet is None or article.outlet.domain is None:
        return
    try:
        host = (urlsplit(article.url).hostname or "").lower()
    except ValueError:
        return
    domain = article.outlet.domain
    if host != domain and not host.endswith("." + domain):
        yield f"outlet domain {domain} does not match URL host {host}", "$.outlet.domain"
