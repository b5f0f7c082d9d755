import jsonschema
import pytest

from corpuskit import patterns
from corpuskit.examples import example_article_json, example_manifest
from corpuskit.schema import DRAFT, SCHEMA_NAMES, schema_for, validator


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_schema_is_valid_draft_2020_12_with_metadata(name: str) -> None:
    schema = schema_for(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == DRAFT
    assert schema["$id"].endswith(f"/{name}.schema.json")
    assert schema["title"] and schema["description"] and schema["examples"]
    for example in schema["examples"]:
        assert validator(name).is_valid(example)


def test_every_definition_and_property_is_described() -> None:
    schema = schema_for("article")
    for name, definition in schema["$defs"].items():
        if name == "JsonValue":
            continue
        assert definition.get("description"), name


def test_every_key_is_required() -> None:
    schema = schema_for("article")
    objects = [schema, *schema["$defs"].values()]
    for obj in objects:
        if obj.get("type") == "object" and "properties" in obj:
            assert set(obj["required"]) == set(obj["properties"]), obj.get("title")
            assert obj["additionalProperties"] is False


def test_pattern_end_anchor_is_ecma_not_python() -> None:
    # python-jsonschema alone would accept the trailing newline.
    record = example_article_json()
    record["published"] = "2018-03-11\n"
    assert not validator("article").is_valid(record)
    assert not patterns.ecma_search("^a$").search("a\n")
    assert patterns.ecma_search("^[$]a$").search("$a")


def test_extension_namespaces_are_closed() -> None:
    record = example_article_json()
    record["extensions"] = {"": {}}
    assert not validator("article").is_valid(record)
    record["extensions"] = {"org.example": {"x": 1}}
    assert validator("article").is_valid(record)


def test_manifest_example_is_a_model() -> None:
    assert example_manifest().record_count == 1
