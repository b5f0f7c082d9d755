"""Exports of records (a record file, a directory of them, or a package) to other formats, and corpus statistics.

* ``parquet``: one table, zstd-compressed, with a declared Arrow schema; nested parts
  (outlet, bylines, body, provenance) stay structs and lists, so nothing is flattened away.
* ``hf``: a directory that ``datasets.load_dataset("parquet", data_dir=...)`` loads, with a
  dataset card (README.md with a YAML header: licence, languages, size category).
* ``jsonld``: schema.org ``NewsArticle`` objects, one JSON line each, with ``isBasedOn``
  pointing at the source (the capture's URI, or the source's content address).

>>> from corpuskit.examples import example_article
>>> node = to_jsonld(example_article())
>>> node["@type"], node["isBasedOn"]["@type"]
('NewsArticle', 'CreativeWork')
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from statistics import quantiles
from typing import Any

from corpuskit.diagnostics import Diagnostic
from corpuskit.jsonl import dump_json, read_records
from corpuskit.models import Article
from corpuskit.words import count as count_words

FORMATS = ("parquet", "hf", "jsonld")


def records(paths: Iterable[Path], problems: list[Diagnostic]) -> Iterator[Article]:
    """The records under ``paths`` (files, directories, packages); unreadable ones go to ``problems``."""
    from corpuskit.validate import record_files

    for path in record_files(paths, problems):
        for item in read_records(path):
            if isinstance(item, Article):
                yield item
            else:
                problems.append(item)


# --- parquet ---------------------------------------------------------------------------------


def arrow_schema() -> Any:
    """The declared Arrow schema of an exported record: the record's own shape, nested."""
    import pyarrow as pa

    span = pa.struct([("start", pa.int64()), ("end", pa.int64())])
    evidence = [("method", pa.string()), ("evidence", pa.string()), ("span", span)]
    # a list of {field, ...} rather than an Arrow map: HF datasets has no map type
    field_provenance = pa.struct([("field", pa.string()), *evidence, ("superseded", pa.list_(pa.struct(evidence)))])
    provenance = pa.struct(
        [
            (
                "source",
                pa.struct(
                    [
                        ("path", pa.string()),
                        ("sha256", pa.string()),
                        ("bytes", pa.int64()),
                        ("media_type", pa.string()),
                        ("charset", pa.string()),
                    ]
                ),
            ),
            (
                "capture",
                pa.struct(
                    [
                        ("filename", pa.string()),
                        ("record_id", pa.string()),
                        ("offset", pa.int64()),
                        ("length", pa.int64()),
                        ("target_uri", pa.string()),
                        ("date", pa.string()),
                    ]
                ),
            ),
            ("converter", pa.struct([("name", pa.string()), ("version", pa.string()), ("method", pa.string())])),
            ("converted_at", pa.string()),
            ("normalizations", pa.list_(pa.string())),
            ("fields", pa.list_(field_provenance)),
            ("removed", pa.list_(pa.struct([("span", span), ("rule", pa.string()), ("text", pa.string())]))),
            ("spans", pa.list_(span)),
        ]
    )
    return pa.schema(
        [
            ("format", pa.string()),
            ("id", pa.string()),
            ("url", pa.string()),
            ("outlet", pa.struct([("name", pa.string()), ("domain", pa.string())])),
            ("title", pa.string()),
            ("subtitle", pa.string()),
            ("section", pa.string()),
            ("language", pa.string()),
            ("published", pa.string()),
            ("updated", pa.string()),
            (
                "bylines",
                pa.list_(pa.struct([("name", pa.string()), ("role", pa.string()), ("organization", pa.string())])),
            ),
            ("body", pa.list_(pa.struct([("type", pa.string()), ("text", pa.string())]))),
            ("provenance", provenance),
            ("extensions", pa.string()),  # free-form JSON, kept as its canonical text
        ]
    )


def _row(article: Article) -> dict[str, Any]:
    row = article.model_dump(mode="json")
    row["provenance"]["fields"] = [{"field": name, **value} for name, value in row["provenance"]["fields"].items()]
    row["extensions"] = dump_json(row["extensions"]).decode()
    return row


def write_parquet(articles: Iterable[Article], out: Path, *, batch: int = 10_000) -> int:
    """Write records to one Parquet file (zstd); returns the record count. Streams in batches."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema()
    count = 0
    with pq.ParquetWriter(str(out), schema, compression="zstd") as writer:
        rows: list[dict[str, Any]] = []
        for article in articles:
            rows.append(_row(article))
            if len(rows) >= batch:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                count += len(rows)
                rows = []
        writer.write_table(pa.Table.from_pylist(rows, schema=schema))
        count += len(rows)
    return count


def read_parquet(path: Path) -> Iterator[Article]:
    """Records back from an exported Parquet file."""
    import orjson
    import pyarrow.parquet as pq

    for row in pq.read_table(str(path)).to_pylist():
        row["provenance"]["fields"] = {item.pop("field"): item for item in row["provenance"]["fields"]}
        row["extensions"] = orjson.loads(row["extensions"])
        yield Article.model_validate(row, strict=False)


# --- HF datasets ---------------------------------------------------------------------------------


def _size_category(count: int) -> str:
    for limit, name in ((1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M")):
        if count < limit:
            return name
    return "1M<n<10M" if count < 10_000_000 else "n>10M"


def write_hf(articles: Iterable[Article], out: Path, *, license: str | None = None) -> int:
    """A dataset directory: data/train-00000.parquet and a dataset card."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "data").mkdir(exist_ok=True)
    languages: Counter[str] = Counter()

    def tally(items: Iterable[Article]) -> Iterator[Article]:
        for article in items:
            if article.language:
                languages[article.language.split("-")[0]] += 1
            yield article

    count = write_parquet(tally(articles), out / "data" / "train-00000.parquet")
    header = [
        "---",
        f"license: {(license or 'other').lower()}",
        "language:",
        *[f"- {code}" for code, _ in languages.most_common()],
        "size_categories:",
        f"- {_size_category(count)}",
        "task_categories:",
        "- text-generation",
        "configs:",
        "- config_name: default",
        "  data_files:",
        "  - split: train",
        "    path: data/train-*.parquet",
        "---",
    ]
    card = "\n".join(header) + (
        f"\n\n# News articles\n\n{count} records in the corpuskit.article/1 format (see `docs/spec.md` of"
        " corpuskit): outlet, dates, bylines, title, body blocks, and the provenance of every field and"
        " every dropped line.\n"
    )
    (out / "README.md").write_text(card, encoding="utf-8")
    return count


# --- JSON-LD ----------------------------------------------------------------------------------------


def to_jsonld(article: Article) -> dict[str, Any]:
    """A schema.org NewsArticle; ``isBasedOn`` names what it was converted from."""
    provenance = article.provenance
    capture = provenance.capture
    based_on: dict[str, Any] = {
        "@type": "CreativeWork",
        "encodingFormat": provenance.source.media_type,
        "sha256": provenance.source.sha256,
    }
    if capture is not None:
        based_on["@id"] = capture.target_uri
        based_on["archivedAt"] = f"{capture.filename}#offset={capture.offset}"
    else:
        based_on["@id"] = f"urn:sha256:{provenance.source.sha256}"
        based_on["name"] = provenance.source.path
    node: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "identifier": article.id,
        "headline": article.title,
        "alternativeHeadline": article.subtitle,
        "url": article.url,
        "datePublished": article.published,
        "dateModified": article.updated,
        "inLanguage": article.language,
        "articleSection": article.section,
        "author": [
            {"@type": "Person", "name": b.name, "jobTitle": b.role, "affiliation": b.organization}
            for b in article.bylines
        ],
        "publisher": {"@type": "Organization", "name": article.outlet.name, "url": article.outlet.domain}
        if article.outlet is not None
        else None,
        "articleBody": "\n\n".join(block.text for block in article.body),
        "isBasedOn": based_on,
    }
    pruned: dict[str, Any] = _prune(node)
    return pruned


def _prune(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _prune(item) for key, item in value.items() if item is not None and item != []}
    if isinstance(value, list):
        return [_prune(item) for item in value]
    return value


def write_jsonld(articles: Iterable[Article], out: Path) -> int:
    count = 0
    with out.open("wb") as handle:
        for article in articles:
            handle.write(dump_json(to_jsonld(article)) + b"\n")
            count += 1
    return count


# --- statistics -----------------------------------------------------------------------------------


def statistics(articles: Iterable[Article]) -> dict[str, Any]:
    """Records, outlets, date range, field coverage (as in a package manifest) and body-length percentiles."""
    from corpuskit.package import CorpusStats

    stats = CorpusStats()
    lengths: list[int] = []
    for article in articles:
        stats.add(article)
        lengths.append(sum(count_words(block.text) for block in article.body))
    outlets: Counter[str] = Counter()
    for (name, domain), count in stats.outlets.items():
        outlets[name or domain or "?"] += count
    cuts = quantiles(lengths, n=100, method="inclusive") if len(lengths) > 1 else lengths * 99
    return {
        "records": stats.count,
        "outlets": dict(outlets.most_common()),
        "date_range": {"earliest": stats.earliest, "latest": stats.latest},
        "coverage": stats.coverage(),
        "body_words": {f"p{p}": (cuts[p - 1] if cuts else 0) for p in (5, 25, 50, 75, 95)},
    }


__all__ = [
    "FORMATS",
    "arrow_schema",
    "read_parquet",
    "statistics",
    "to_jsonld",
    "write_hf",
    "write_jsonld",
    "write_parquet",
]
