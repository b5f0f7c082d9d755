"""The published JSON Schemas (Draft 2020-12), generated from the models.

``schema/article.schema.json`` and ``schema/corpus.schema.json`` are written
by ``python -m corpuskit._generate`` and must equal :func:`render` output; a
test fails on drift.

>>> schema = article_schema()
>>> schema["$schema"]
'https://json-schema.org/draft/2020-12/schema'
>>> validator("article").is_valid({"format": "corpuskit.article/1"})
False
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from typing import Any, Literal, cast

import jsonschema
from jsonschema.protocols import Validator
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from corpuskit import patterns
from corpuskit.examples import _MANIFEST, example_article_json
from corpuskit.models import Article, CorpusManifest

SchemaName = Literal["article", "corpus"]
SCHEMA_NAMES: tuple[SchemaName, ...] = ("article", "corpus")
DRAFT = "https://json-schema.org/draft/2020-12/schema"
BASE_ID = "https://corpuskit.org/schema/1"


def article_schema() -> dict[str, Any]:
    """The JSON Schema of one article record."""
    schema = Article.model_json_schema(mode="validation", schema_generator=_Generator)
    return _publish(
        schema,
        name="article",
        title="corpuskit article record, format 1",
        description=(
            "One news article: outlet, dates, bylines, title, body, and provenance of every "
            "field and every dropped piece of the source. Normative text: docs/spec.md."
        ),
        examples=[example_article_json()],
    )


def corpus_schema() -> dict[str, Any]:
    """The JSON Schema of a corpus package manifest (``data/corpus.json``)."""
    schema = CorpusManifest.model_json_schema(mode="validation", schema_generator=_Generator)
    return _publish(
        schema,
        name="corpus",
        title="corpuskit corpus manifest, format 1",
        description=(
            "The manifest of a corpus package: what it holds (record shards and packaged "
            "sources with their digests), where it came from, and summary statistics."
        ),
        examples=[_MANIFEST],
    )


def schema_for(name: SchemaName) -> dict[str, Any]:
    return article_schema() if name == "article" else corpus_schema()


def render(name: SchemaName) -> str:
    """The schema as committed: two-space JSON, UTF-8, final newline."""
    return json.dumps(schema_for(name), indent=2, ensure_ascii=False) + "\n"


@cache
def validator(name: SchemaName) -> Validator:
    """A Draft 2020-12 validator for a published schema, with ECMA-262 ``pattern`` semantics."""
    schema = schema_for(name)
    EcmaValidator.check_schema(schema)
    return cast(Validator, EcmaValidator(schema))


def _ecma_pattern(
    validator: Validator, pattern: str, instance: Any, schema: dict[str, Any]
) -> Iterator[jsonschema.ValidationError]:
    del validator, schema
    if isinstance(instance, str) and not _compiled(pattern).search(instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return patterns.ecma_search(pattern)


EcmaValidator = jsonschema.validators.extend(  # type: ignore[no-untyped-call]
    jsonschema.Draft202012Validator, validators={"pattern": _ecma_pattern}
)
"""python-jsonschema's Draft 2020-12 validator, except that ``$`` in a pattern
matches only at the end of the string, as ECMA-262 (which JSON Schema names) says.
Python's ``re`` would also let ``"2018\\n"`` match ``^[0-9]{4}$``."""


class _Generator(GenerateJsonSchema):
    """Pydantic's generator, made exact for dicts whose keys carry a pattern.

    Pydantic renders ``dict[Pattern, V]`` as ``patternProperties`` alone, which
    lets keys that do not match through; the model rejects them. Closing the
    object keeps model and schema in agreement.
    """

    def dict_schema(self, schema: core_schema.DictSchema) -> JsonSchemaValue:
        generated = super().dict_schema(schema)
        if "patternProperties" in generated:
            generated.setdefault("additionalProperties", False)
            names = generated.get("propertyNames")
            if isinstance(names, dict) and set(names) <= {"description"}:
                del generated["propertyNames"]
        return generated


def _publish(schema: dict[str, Any], *, name: str, title: str, description: str, examples: list[Any]) -> dict[str, Any]:
    published: dict[str, Any] = {
        "$schema": DRAFT,
        "$id": f"{BASE_ID}/{name}.schema.json",
        "title": title,
        "description": description,
    }
    schema.pop("title", None)
    schema.pop("description", None)
    published.update(schema)
    published["examples"] = examples
    return published
