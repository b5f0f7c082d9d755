"""A small, real example record (from ``fixtures/seeds/001_*.txt``), used in the
published schema's ``examples`` and in doctests. Its spans are true byte
offsets into that seed."""

from __future__ import annotations

from typing import Any

from corpuskit.ids import derive_id
from corpuskit.models import Article, CorpusManifest

_SEED_SHA256 = "a0e93ae999239fd74e43b14d9a0c1d1e0e9628fd84d97552a2304e86f0be5021"

_ARTICLE: dict[str, Any] = {
    "format": "corpuskit.article/1",
    "id": derive_id(_SEED_SHA256),
    "url": None,
    "outlet": {"name": "Sky News", "domain": None},
    "title": "Momentum chair Jon Lansman withdraws bid to become Labour general secretary",
    "subtitle": "The influential Labour figure is dropping out after his candidacy threatened"
    " a divisive internal party battle.",
    "section": None,
    "language": "en",
    "published": "2018-03-11T16:23+00:00",
    "updated": None,
    "bylines": [],
    "body": [
        {
            "type": "paragraph",
            "text": "The chair of Jeremy Corbyn-supporting group Momentum has pulled out of the race"
            " for Labour's top job.",
        },
        {
            "type": "paragraph",
            "text": "Jon Lansman announced on Sunday he is withdrawing from the battle to be named as"
            " the party's new general secretary.",
        },
    ],
    "provenance": {
        "source": {
            "path": "seeds/001_b72a51a20a7e4dcc.txt",
            "sha256": _SEED_SHA256,
            "bytes": 3655,
            "media_type": "text/plain",
            "charset": "utf-8",
        },
        "capture": None,
        "converter": {"name": "corpuskit.text", "version": "0.1.0", "method": "lines"},
        "converted_at": "2026-01-01T00:00:00Z",
        "normalizations": [],
        "fields": {
            "title": {"method": "headline", "evidence": None, "span": {"start": 0, "end": 75}, "superseded": []},
            "subtitle": {"method": "standfirst", "evidence": None, "span": {"start": 76, "end": 186}, "superseded": []},
            "published": {
                "method": "dateline",
                "evidence": "Sunday 11 March 2018 16:23, UK",
                "span": {"start": 187, "end": 217},
                "superseded": [],
            },
            "outlet": {"method": "sidecar", "evidence": "sidecar.csv:3", "span": None, "superseded": []},
            "language": {"method": "langid", "evidence": None, "span": None, "superseded": []},
        },
        "removed": [],
        "spans": [{"start": 218, "end": 319}, {"start": 320, "end": 435}],
    },
    "extensions": {},
}

_MANIFEST: dict[str, Any] = {
    "format": "corpuskit.corpus/1",
    "name": "lansman-2018",
    "title": "Jon Lansman withdraws, five outlets",
    "description": None,
    "license": "CC-BY-4.0",
    "created": "2026-01-01T00:00:00Z",
    "record_format": "corpuskit.article/1",
    "converter": {"name": "corpuskit", "version": "0.1.0"},
    "record_count": 1,
    "files": [
        {
            "path": "records/part-00000.jsonl.zst",
            "sha256": "5d41402abc4b2a76b9719d911017c5925d41402abc4b2a76b9719d911017c592",
            "bytes": 1840,
            "records": 1,
        }
    ],
    "sources": [
        {
            "path": f"sources/{_SEED_SHA256[:2]}/{_SEED_SHA256}.txt",
            "sha256": _SEED_SHA256,
            "bytes": 3655,
            "original_path": "seeds/001_b72a51a20a7e4dcc.txt",
            "normalized_from": None,
        }
    ],
    "outlets": [{"name": "Sky News", "domain": None, "records": 1}],
    "date_range": {"earliest": "2018-03-11T16:23+00:00", "latest": "2018-03-11T16:23+00:00"},
    "coverage": {"title": 1.0, "published": 1.0, "bylines": 0.0, "outlet": 1.0},
    "extensions": {},
}


def example_article_json() -> dict[str, Any]:
    """The example record as JSON data (a fresh copy)."""
    return Article.model_validate_json(_dumps(_ARTICLE)).model_dump(mode="json")


def example_article() -> Article:
    """The example record.

    >>> example_article().title
    'Momentum chair Jon Lansman withdraws bid to become Labour general secretary'
    """
    return Article.model_validate_json(_dumps(_ARTICLE))


def example_manifest() -> CorpusManifest:
    return CorpusManifest.model_validate_json(_dumps(_MANIFEST))


def _dumps(value: Any) -> bytes:
    import orjson

    return orjson.dumps(value)
