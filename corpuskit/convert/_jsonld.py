"""schema.org metadata from a page's JSON-LD blocks, in every shape real pages use.

Pages write one object, a list, an ``@graph``, an article nested under
``mainEntity``, authors as strings, objects, lists or ``@id`` references, names
as lists, dates with or without zones, and JSON with comments, CDATA wrappers,
raw control characters or a trailing semicolon. :func:`article_metadata` reads
all of that into plain values, each with the JSON key it came from.

>>> page = '''{"@context": "https://schema.org", "@graph": [
...   {"@type": "Organization", "@id": "#org", "name": "Daily Planet"},
...   {"@type": ["NewsArticle"], "headline": " Storm  passes ", "datePublished": "2013-11-27",
...    "author": [{"@type": "Person", "name": "Lois Lane", "jobTitle": "Reporter"}, {"@id": "#org"}],
...    "publisher": {"@id": "#org"}}]}'''
>>> meta = article_metadata([page])
>>> meta.headline, meta.published, meta.publisher
('Storm passes', '2013-11-27', 'Daily Planet')
>>> meta.authors
[Author(name='Lois Lane', role='Reporter', organization=None, person=True), Author(name='Daily Planet', role=None, organization=None, person=False)]
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import orjson

# The article types of schema.org, most specific first (a page may carry several).
ARTICLE_TYPES = (
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "AskPublicQuestionArticle",
    "LiveBlogPosting",
    "Report",
    "Article",
    "BlogPosting",
    "SocialMediaPosting",
    "ScholarlyArticle",
    "TechArticle",
)
_RANK = {name: rank for rank, name in enumerate(ARTICLE_TYPES)}
_SITE_TYPES = {"WebSite", "Organization", "NewsMediaOrganization"}
_COMMENTS = re.compile(r"^\s*(?:<!--|<!\[CDATA\[|//\s*<!\[CDATA\[)|(?:-->|\]\]>|//\s*\]\]>)\s*$")
_SPACE = re.compile(r"\s+")
_TAG = re.compile(r"<[^>]{0,500}>")
_MAX_DEPTH = 12


@dataclass(frozen=True, slots=True)
class Author:
    name: str
    role: str | None
    organization: str | None
    person: bool  # schema.org Person (or a bare string); False for an Organization


@dataclass(slots=True)
class ArticleMetadata:
    """What the article node (and the site nodes beside it) say; None where silent."""

    type: str | None = None
    headline: str | None = None
    alternative_headline: str | None = None
    description: str | None = None
    published: str | None = None
    modified: str | None = None
    authors: list[Author] = field(default_factory=list)
    publisher: str | None = None
    publisher_url: str | None = None
    site_name: str | None = None  # a WebSite node's name
    section: str | None = None
    language: str | None = None
    body: str | None = None
    url: str | None = None


def parse_blocks(texts: list[str]) -> list[Any]:
    """Each block's JSON, leniently; blocks that are not JSON even then are skipped."""
    parsed = []
    for text in texts:
        value = _loads(text)
        if value is not None:
            parsed.append(value)
    return parsed


def _loads(text: str) -> Any:
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        pass
    cleaned = "\n".join(line for line in text.splitlines() if not _COMMENTS.fullmatch(line)).strip().rstrip(";")
    try:
        return json.loads(cleaned, strict=False)  # strict=False admits raw control characters in strings
    except (ValueError, RecursionError):
        return None


def nodes(value: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every object in a JSON-LD document, outer before inner."""
    if depth > _MAX_DEPTH:
        return
    if isinstance(value, list):
        for item in value:
            yield from nodes(item, depth + 1)
    elif isinstance(value, dict):
        yield value
        for item in value.values():
            if isinstance(item, dict | list):
                yield from nodes(item, depth + 1)


def types_of(node: dict[str, Any]) -> list[str]:
    kind = node.get("@type")
    names = kind if isinstance(kind, list) else [kind]
    return [name.rsplit("/", 1)[-1].rsplit(":", 1)[-1] for name in names if isinstance(name, str)]


def article_metadata(texts: list[str]) -> ArticleMetadata:
    everything = [node for document in parse_blocks(texts) for node in nodes(document)]
    by_id = {node["@id"]: node for node in everything if isinstance(node.get("@id"), str) and len(node) > 1}
    meta = ArticleMetadata()
    candidates = [
        (min(_RANK[name] for name in types_of(node) if name in _RANK), -len(node), index, node)
        for index, node in enumerate(everything)
        if any(name in _RANK for name in types_of(node))
    ]
    for node in everything:
        if meta.site_name is None and "WebSite" in types_of(node):
            meta.site_name = text_of(node.get("name"))
    if not candidates:
        return meta
    _, _, _, article = min(candidates, key=lambda item: item[:3])
    meta.type = next(name for name in types_of(article) if name in _RANK)
    meta.headline = text_of(article.get("headline")) or text_of(article.get("name"))
    meta.alternative_headline = text_of(article.get("alternativeHeadline"))
    meta.description = text_of(article.get("description"))
    meta.published = text_of(article.get("datePublished")) or text_of(article.get("dateCreated"))
    meta.modified = text_of(article.get("dateModified"))
    meta.section = text_of(article.get("articleSection"))
    meta.body = text_of(article.get("articleBody"), keep_lines=True)
    meta.url = text_of(article.get("url")) or text_of(_resolve(article.get("mainEntityOfPage"), by_id), key="@id")
    language = _resolve(article.get("inLanguage"), by_id)
    meta.language = text_of(language, key="alternateName") or text_of(language)
    publisher = _resolve(article.get("publisher"), by_id)
    meta.publisher = text_of(publisher)
    meta.publisher_url = text_of(publisher, key="url")
    seen: set[Author] = set()  # a set, not the list: a page listing 50,000 authors took minutes
    for item in _as_list(article.get("author")) + _as_list(article.get("creator")):
        author = _author(_resolve(item, by_id), by_id)
        if author is not None and author not in seen:
            seen.add(author)
            meta.authors.append(author)
    return meta


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _resolve(value: Any, by_id: dict[str, dict[str, Any]]) -> Any:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict) and set(value) <= {"@id", "@type"} and isinstance(value.get("@id"), str):
        return by_id.get(value["@id"], value)
    return value


def _author(value: Any, by_id: dict[str, dict[str, Any]]) -> Author | None:
    if isinstance(value, str):
        return Author(clean(value), None, None, True) if clean(value) else None
    if not isinstance(value, dict):
        return None
    name: str | None = text_of(value.get("name"))
    if name is None and (value.get("givenName") or value.get("familyName")):
        name = clean(f"{text_of(value.get('givenName')) or ''} {text_of(value.get('familyName')) or ''}")
    if not name:
        return None
    kinds = types_of(value)
    person = not kinds or "Person" in kinds
    employer = _resolve(value.get("worksFor") or value.get("affiliation"), by_id)
    return Author(name, text_of(value.get("jobTitle")), text_of(employer), person)


def text_of(value: Any, *, key: str = "name", keep_lines: bool = False) -> str | None:
    """A string value: the string itself, the first of a list, or an object's ``key``."""
    if isinstance(value, list):
        return next((text for text in (text_of(v, key=key, keep_lines=keep_lines) for v in value) if text), None)
    if isinstance(value, dict):
        return text_of(value.get(key) if key in value else value.get("@value"), key=key, keep_lines=keep_lines)
    if isinstance(value, str):
        return clean(value, keep_lines=keep_lines) or None
    return None


def clean(value: str, *, keep_lines: bool = False) -> str:
    """Entities decoded, tags cut, white space collapsed (paragraph breaks kept on request)."""
    text = html.unescape(_TAG.sub(" ", value)) if "<" in value or "&" in value else value
    if keep_lines:
        lines = (_SPACE.sub(" ", line).strip() for line in re.split(r"\s*\n\s*", text))
        return "\n".join(line for line in lines if line)
    return _SPACE.sub(" ", text).strip()
