"""Properties of the record, the schema and the reader."""

from __future__ import annotations

import datetime as dt
import io
import os
import re

import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from pydantic import ValidationError

from corpuskit import patterns
from corpuskit.diagnostics import Diagnostic
from corpuskit.ids import expected_id
from corpuskit.jsonl import dump_json, dumps, parse_record, read_stream
from corpuskit.models import Article, CorpusManifest
from corpuskit.schema import schema_for, validator
from corpuskit.strategies import articles, dates

SLOW = settings(suppress_health_check=list(HealthCheck), deadline=None)
# Drawing from the full schema costs about 1.5 s an example: many in CI, a few locally.
AGREEMENT_EXAMPLES = 120 if os.environ.get("HYPOTHESIS_PROFILE") == "ci" else 15


@given(articles())
def test_json_line_round_trip_is_identity(article: Article) -> None:
    line = dumps(article)
    assert b"\n" not in line
    assert parse_record(line) == article
    assert dumps(Article.model_validate_json(line)) == line


@given(articles())
def test_drawn_records_validate_against_the_published_schema(article: Article) -> None:
    errors = list(validator("article").iter_errors(orjson.loads(dumps(article))))
    assert errors == []


@given(articles())
def test_drawn_records_are_internally_consistent(article: Article) -> None:
    assert article.id == expected_id(article)
    assert len(article.provenance.spans) == len(article.body)
    for span in article.provenance.spans:
        assert span is not None and 0 <= span.start <= span.end <= article.provenance.source.bytes


def _agree(model: type[Article] | type[CorpusManifest], name: str, instance: object) -> None:
    raw = dump_json(instance)
    try:
        model.model_validate_json(raw)
        model_ok = True
    except ValidationError:
        model_ok = False
    assert model_ok == validator(name).is_valid(instance), instance  # type: ignore[arg-type]


def _loose(name: str) -> dict[str, object]:
    """The schema without its closing of the top level, to draw near-misses too."""
    schema = {key: value for key, value in schema_for(name).items() if key != "examples"}
    return {**schema, "additionalProperties": True}


@settings(SLOW, max_examples=AGREEMENT_EXAMPLES)
@given(st.one_of(from_schema(schema_for("article")), from_schema(_loose("article"))))
def test_model_and_schema_agree_on_drawn_articles(instance: object) -> None:
    _agree(Article, "article", instance)


@settings(SLOW, max_examples=AGREEMENT_EXAMPLES)
@given(st.one_of(from_schema(schema_for("corpus")), from_schema(_loose("corpus"))))
def test_model_and_schema_agree_on_drawn_manifests(instance: object) -> None:
    _agree(CorpusManifest, "corpus", instance)


@given(st.from_regex(r"[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}", fullmatch=True))
def test_date_pattern_is_the_calendar(text: str) -> None:
    year, month, day = (int(part) for part in text.split("-"))
    try:
        dt.date(year, month, day)
        real = True
    except ValueError:
        real = False
    assert bool(re.fullmatch(patterns.PARTIAL_DATE, text)) == real


@given(dates())
def test_drawn_dates_match_the_pattern(text: str) -> None:
    assert re.fullmatch(patterns.PARTIAL_DATE, text)


@given(st.binary(max_size=2000))
def test_reading_arbitrary_bytes_never_raises(data: bytes) -> None:
    for item in read_stream(io.BytesIO(data), path="fuzz.jsonl"):
        if isinstance(item, Diagnostic):
            assert item.path == "fuzz.jsonl"
            assert item.line is not None or item.code in {"F008", "F003", "F010"}


@given(st.lists(articles(max_blocks=3), max_size=4), st.data())
def test_reading_mutated_lines_never_raises(records: list[Article], data: st.DataObject) -> None:
    blob = bytearray(b"".join(dumps(record) + b"\n" for record in records))
    for _ in range(data.draw(st.integers(0, 5))):
        if not blob:
            break
        index = data.draw(st.integers(0, len(blob) - 1))
        blob[index] = data.draw(st.integers(0, 255))
    for item in read_stream(io.BytesIO(bytes(blob)), path="m.jsonl"):
        assert isinstance(item, (Article, Diagnostic))
