"""Exports keep records: Parquet written and read back gives the same records."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuskit.export import read_parquet, to_jsonld, write_parquet
from corpuskit.models import Article
from corpuskit.strategies import articles


@settings(max_examples=60)
@given(st.lists(articles(max_blocks=4), max_size=5))
def test_parquet_round_trip_is_the_identity(records: list[Article]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.parquet"
        assert write_parquet(records, path, batch=2) == len(records)
        assert list(read_parquet(path)) == records


@given(articles(max_blocks=4))
def test_jsonld_keeps_identity_body_and_source(article: Article) -> None:
    node = to_jsonld(article)
    assert node["identifier"] == article.id
    assert node["articleBody"] == "\n\n".join(block.text for block in article.body)
    assert node["isBasedOn"]["sha256"] == article.provenance.source.sha256
