"""--jobs N gives the same report as one job, byte for byte, wherever the chunks fall."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import corpuskit.validate as engine
from corpuskit.jsonl import dumps
from corpuskit.strategies import articles
from corpuskit.validate import ValidateOptions, split, validate_paths

OPTIONS = ValidateOptions(now="2026-11-22", select=("ALL", "D002"))
lines = st.one_of(
    articles(max_blocks=3).map(lambda a: dumps(a) + b"\n"),
    st.sampled_from([b"{broken\n", b"\n", b"[1]\n", b'{"format": "corpuskit.article/1"}\n']),
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(st.lists(lines, min_size=1, max_size=25), st.integers(min_value=50, max_value=3000))
def test_two_jobs_equal_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data: list[bytes], size: int) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_bytes(b"".join(data))
    duplicate = tmp_path / "again.jsonl"
    duplicate.write_bytes(data[0])
    monkeypatch.setattr(engine, "CHUNK_BYTES", size)
    one = validate_paths([tmp_path], OPTIONS)
    two = validate_paths([tmp_path], OPTIONS, jobs=2)
    assert two.diagnostics == one.diagnostics
    assert (two.records, two.files) == (one.records, one.files)


def test_split_covers_the_file_at_line_ends(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(b"".join(f'{{"n": {i}}}\n'.encode() for i in range(1000)))
    chunks = split(corpus, size=1000)
    assert len(chunks) > 5
    data = corpus.read_bytes()
    assert chunks[0].start == 0 and chunks[-1].end == len(data)
    for before, after in itertools.pairwise(chunks):
        assert before.end == after.start and data[after.start - 1 : after.start] == b"\n"
        assert after.first_line == data[: after.start].count(b"\n") + 1


def test_compressed_files_are_one_chunk(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "c.jsonl.gz"
    path.write_bytes(gzip.compress(b"{}\n" * 100))
    assert len(split(path, size=10)) == 1


def test_chunks_are_a_sixteenth_of_a_jobs_share_within_bounds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    small, large = tmp_path / "small.jsonl", tmp_path / "large.jsonl"
    small.write_bytes(b"x" * 1000)
    with large.open("wb") as stream:
        stream.truncate(64 * 1024 * 1024)  # sparse: a size without the bytes
    assert engine.chunk_size([small], 2) == engine.MIN_CHUNK_BYTES
    assert engine.chunk_size([large, small], 2) == (64 * 1024 * 1024 + 1000) // (2 * engine.CHUNKS_PER_JOB)
    assert engine.chunk_size([large], 1) == 4 * 1024 * 1024
    with large.open("wb") as stream:
        stream.truncate(1024 * 1024 * 1024)
    assert engine.chunk_size([large], 2) == engine.CHUNK_BYTES  # 32 MiB, capped at the maximum
    monkeypatch.setattr(engine, "CHUNK_BYTES", 100)
    assert engine.chunk_size([large], 2) == 100  # the maximum wins, so tests can force many chunks
