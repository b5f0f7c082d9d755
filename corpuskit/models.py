"""The canonical records: an article (``corpuskit.article/1``) and a corpus manifest.

These pydantic models are the source of truth. ``schema/*.json`` is generated
from them (see :mod:`corpuskit.schema`), and ``docs/spec.md`` describes them.

Two rules keep the model and the published schema in agreement:

* every constraint here is one JSON Schema can express (types, patterns,
  bounds, enums). Cross-field checks (``updated`` after ``published``, one span
  per body block, ...) are validator rules, not model errors;
* every key is required and nothing has a default: an unknown value is
  written as ``null`` (or ``[]``), never left out.

>>> from corpuskit.models import Block
>>> Block(type="paragraph", text="Café society.").type
'paragraph'
"""

from __future__ import annotations

from typing import Annotated, Final, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    StringConstraints,
)

from corpuskit import patterns

ARTICLE_FORMAT: Final = "corpuskit.article/1"
CORPUS_FORMAT: Final = "corpuskit.corpus/1"


Text = Annotated[
    str,
    StringConstraints(pattern=patterns.TRIMMED_TEXT),
    Field(description="Non-empty text without white space at either end; producers write NFC."),
]
"""Trimmed, non-empty text. NFC is required by the spec but cannot be tested by a
schema, so the model accepts any normalisation form (as the schema does) and the
validator reports text that is not NFC (rule R009)."""

PartialDate = Annotated[
    str,
    StringConstraints(pattern=patterns.PARTIAL_DATE),
    Field(
        description=(
            "ISO 8601 at the precision the source gave: YYYY, YYYY-MM, YYYY-MM-DD, "
            "YYYY-MM-DDThh:mm[:ss[.f]] (local time), or that with Z or ±hh:mm."
        ),
        examples=["2018", "2018-03", "2018-03-11", "2018-03-11T16:23", "2018-03-11T16:23:00+00:00"],
    ),
]
Timestamp = Annotated[
    str,
    StringConstraints(pattern=patterns.TIMESTAMP),
    Field(description="A complete instant with seconds and an offset.", examples=["2018-03-11T16:23:00Z"]),
]
Sha256 = Annotated[str, StringConstraints(pattern=patterns.SHA256), Field(description="Lower-case hex SHA-256.")]
HttpUrl = Annotated[
    str,
    StringConstraints(pattern=patterns.HTTP_URL),
    Field(description="An absolute http(s) URL.", examples=["https://news.sky.com/story/x-11285520"]),
]
Domain = Annotated[
    str,
    StringConstraints(pattern=patterns.DOMAIN),
    Field(description="A lower-case DNS name (IDNs as xn--).", examples=["sky.com"]),
]
LanguageTag = Annotated[
    str,
    StringConstraints(pattern=patterns.LANGUAGE_TAG),
    Field(description="A well-formed BCP 47 language tag.", examples=["en", "en-GB", "zh-Hant-TW"]),
]
DottedName = Annotated[
    str,
    StringConstraints(pattern=patterns.FORMAT_NAME),
    Field(description="A dotted lower-case name.", examples=["breadcrumb", "jsonld.headline"]),
]
MAX_SAFE_INTEGER: Final = 2**53 - 1
Count = Annotated[int, Field(ge=0, le=MAX_SAFE_INTEGER)]
"""A non-negative integer every JSON reader holds exactly (at most 2**53 - 1)."""
Fraction = Annotated[float, Field(ge=0.0, le=1.0)]

FieldPath = Annotated[
    str,
    StringConstraints(
        pattern="^(?:url|outlet|title|subtitle|section|language|published|updated|bylines\\[(?:0|[1-9][0-9]*)\\])$"
    ),
    Field(description="A record field, with an index for bylines: `title`, `bylines[0]`."),
]
CoverageField = Literal["url", "outlet", "title", "subtitle", "section", "language", "published", "updated", "bylines"]
ExtensionNamespace = Annotated[str, StringConstraints(pattern=patterns.EXTENSION_NAMESPACE)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


class Span(_Frozen):
    """A half-open range ``[start, end)`` of byte offsets into the raw source.

    >>> Span(start=0, end=5)
    Span(start=0, end=5)
    """

    start: Count = Field(description="Offset of the first byte.")
    end: Count = Field(description="Offset one past the last byte.")


class Outlet(_Frozen):
    """The publication: its name as printed, and its registrable domain."""

    name: Text | None = Field(description="The outlet's name, e.g. `The Daily Telegraph`.")
    domain: Domain | None = Field(description="Its registrable domain, e.g. `telegraph.co.uk`.")


class Byline(_Frozen):
    """One credited person or body, split into name, role and organisation."""

    name: Text = Field(description="The person's or body's name, with case damage repaired.")
    role: Text | None = Field(description="Their role as printed, e.g. `Senior Political correspondent`.")
    organization: Text | None = Field(description="The organisation they sign for.")


class Block(_Frozen):
    """One block of the article body."""

    type: Literal["paragraph", "heading", "list_item", "blockquote"] = Field(description="What the block is.")
    text: Text = Field(description="The block's text, NFC, trimmed, never empty.")


class Source(_Frozen):
    """The raw input a record was made from."""

    path: str = Field(description="The input's path as given, relative to the input root.")
    sha256: Sha256 = Field(description="SHA-256 of the raw bytes (for WARC input: of the record payload).")
    bytes: Count = Field(description="Length of the raw bytes.")
    media_type: str | None = Field(description="Media type, e.g. `text/plain`, `text/html`.")
    charset: str | None = Field(description="The character encoding the bytes were decoded with.")


class Capture(_Frozen):
    """Where a record sits inside a WARC or ARC file (null for other input)."""

    filename: str = Field(description="The WARC file's path as given.")
    record_id: str | None = Field(description="WARC-Record-ID (null for ARC).")
    offset: Count = Field(description="Byte offset of the record in the (compressed) file.")
    length: Count = Field(description="Byte length of the record in the (compressed) file.")
    target_uri: str | None = Field(description="WARC-Target-URI.")
    date: PartialDate | None = Field(description="WARC-Date.")


class Converter(_Frozen):
    """The software that made the record."""

    name: DottedName = Field(description="Converter name, e.g. `corpuskit.text`.")
    version: str = Field(description="Converter version.")
    method: DottedName = Field(description="How the body was obtained, e.g. `lines`, `trafilatura`.")


class FieldEvidence(_Frozen):
    """How one value was found."""

    method: DottedName = Field(description="e.g. `dateline`, `jsonld.headline`, `sidecar`.")
    evidence: str | None = Field(description="The text the value was read from, as printed.")
    span: Span | None = Field(description="Where that text is in the source, when known.")


class FieldProvenance(FieldEvidence):
    """How a filled field was obtained, and what it took precedence over."""

    superseded: tuple[FieldEvidence, ...] = Field(
        description="Lower-precedence findings for the same field that were not used."
    )


class Removed(_Frozen):
    """One piece of the source that was dropped, and the rule that dropped it."""

    span: Span = Field(description="Where the dropped text is in the source.")
    rule: DottedName = Field(description="The rule's name, e.g. `breadcrumb`, `share-prompt`.")
    text: Annotated[str, Field(min_length=1)] = Field(description="The dropped text as decoded.")


class Provenance(_Frozen):
    """Where the record came from and how every part of it was obtained."""

    source: Source
    capture: Capture | None
    converter: Converter
    converted_at: Timestamp = Field(description="Conversion time; `SOURCE_DATE_EPOCH` when set.")
    normalizations: tuple[DottedName, ...] = Field(
        description="Document-wide text repairs applied before spans were cut, e.g. `ftfy`, `newlines`."
    )
    fields: dict[FieldPath, FieldProvenance] = Field(description="For each filled field, how it was obtained.")
    removed: tuple[Removed, ...] = Field(description="Every dropped piece of the source.")
    spans: tuple[Span | None, ...] = Field(
        description="The source span of each body block, in body order (null when unknown)."
    )


class Article(_Frozen):
    """A news article: the ``corpuskit.article/1`` record.

    Read one from JSON with :func:`corpuskit.jsonl.parse_record`, or validate a
    JSON line directly:

    >>> import orjson
    >>> from corpuskit.examples import example_article
    >>> line = orjson.dumps(example_article().model_dump(mode="json"))
    >>> Article.model_validate_json(line).format
    'corpuskit.article/1'
    """

    format: Literal["corpuskit.article/1"] = Field(description="The record format and its major version.")
    id: Annotated[str, StringConstraints(pattern=patterns.RECORD_ID)] = Field(
        description="sha256(source.sha256 + '\\n' + locator), first 32 hex digits. See the spec."
    )
    url: HttpUrl | None
    outlet: Outlet | None
    title: Text | None
    subtitle: Text | None = Field(description="The standfirst or dek.")
    section: Text | None
    language: LanguageTag | None
    published: PartialDate | None
    updated: PartialDate | None
    bylines: tuple[Byline, ...]
    body: tuple[Block, ...]
    provenance: Provenance
    extensions: dict[ExtensionNamespace, dict[str, JsonValue]] = Field(
        description="Users' own data, one object per reverse-DNS namespace."
    )


# --- the corpus manifest (data/corpus.json in a package) ------------------


class ManifestConverter(_Frozen):
    name: DottedName
    version: str


class RecordFile(_Frozen):
    """One shard of records in the package."""

    path: str = Field(description="Path inside `data/`, e.g. `records/part-00000.jsonl.zst`.")
    sha256: Sha256
    bytes: Count
    records: Count


class SourceFile(_Frozen):
    """One packaged original, stored under its content address."""

    path: str = Field(description="Path inside `data/`, e.g. `sources/ab/ab12….txt`.")
    sha256: Sha256
    bytes: Count
    original_path: str = Field(description="The path the source had when packed (NFC).")
    normalized_from: str | None = Field(description="The original name before NFC normalisation, when it differed.")


class OutletCount(_Frozen):
    name: Text | None
    domain: Domain | None
    records: Count


class DateRange(_Frozen):
    earliest: PartialDate | None
    latest: PartialDate | None


class CorpusManifest(_Frozen):
    """The manifest of a corpus package: ``corpuskit.corpus/1``."""

    format: Literal["corpuskit.corpus/1"]
    name: Annotated[str, StringConstraints(pattern="^[a-z0-9][a-z0-9._-]*$")] = Field(
        description="A short machine name.", examples=["lansman-2018"]
    )
    title: Text | None
    description: Text | None
    license: Text | None = Field(description="An SPDX identifier or a licence statement.")
    created: Timestamp
    record_format: Literal["corpuskit.article/1"]
    converter: ManifestConverter
    record_count: Count
    files: tuple[RecordFile, ...]
    sources: tuple[SourceFile, ...]
    outlets: tuple[OutletCount, ...]
    date_range: DateRange
    coverage: dict[CoverageField, Fraction] = Field(description="Share of records in which each field is filled.")
    extensions: dict[ExtensionNamespace, dict[str, JsonValue]]


__all__ = [
    "ARTICLE_FORMAT",
    "CORPUS_FORMAT",
    "Article",
    "Block",
    "Byline",
    "Capture",
    "Converter",
    "CorpusManifest",
    "FieldEvidence",
    "FieldProvenance",
    "Outlet",
    "Provenance",
    "Removed",
    "Source",
    "Span",
]
