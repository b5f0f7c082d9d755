"""Parallel conversion: the same records in the same order as one job, on a pool or Dask; poison survives."""

from __future__ import annotations

import contextlib
import importlib.util
import logging
import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuskit import convert as convert_module
from corpuskit.convert import Item, convert_paths, html, text
from corpuskit.convert._build import Draft, SourceInput
from corpuskit.diagnostics import Diagnostic
from corpuskit.jsonl import dumps
from corpuskit.models import Article
from corpuskit.strategies import Page, WarcCapture, build_warc, warc_captures
from tests.helpers import FIXTURES, SEEDS, run_cli

POISON = b"POISON-PILL"


def outputs(paths: list[Path], **engine: object) -> list[bytes]:
    out = []
    for item in convert_paths(paths, **engine):  # type: ignore[arg-type]
        if isinstance(item, Article):
            out.append(dumps(item))
        elif isinstance(item, Diagnostic):
            out.append(f"{item.code} {item.path} {item.message}".encode())
    return out


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    tree = tmp_path / "tree"
    for copy in range(3):
        shutil.copytree(SEEDS, tree / f"copy{copy}")
    (tree / "empty.txt").write_bytes(b"")  # an empty source: its C005 note comes out the same from every engine
    return [tree, FIXTURES / "warc"]


def test_two_jobs_give_the_output_of_one(corpus: list[Path]) -> None:
    one = outputs(corpus)
    assert len([line for line in one if line.startswith(b"{")]) == 19
    assert len([line for line in one if line.startswith(b"C005 ")]) == 1
    assert outputs(corpus, jobs=2) == one


def test_the_dask_engine_on_a_local_cluster_gives_the_same_output(corpus: list[Path]) -> None:
    pytest.importorskip("distributed")
    assert outputs(corpus, jobs=2, engine="dask") == outputs(corpus)


def test_shards_and_packages_from_every_engine_hold_the_records_of_one_job(corpus: list[Path], tmp_path: Path) -> None:
    """The other outputs of a run (zstd shards of JSON lines, a package) are byte for byte those of one job."""
    import zstandard

    def cli(*args: str) -> int:
        return run_cli(*args)[0]

    paths = [str(path) for path in corpus]
    assert cli("convert", *paths, "-q", "-o", str(tmp_path / "one.jsonl")) == 1  # empty.txt: C005
    assert cli("convert", *paths, "-q", "--jobs", "2", "--shard-mib", "1", "-o", str(tmp_path / "shards")) == 1
    shards = sorted((tmp_path / "shards").iterdir())
    assert [path.name for path in shards] == ["part-00000.jsonl.zst"]
    held = zstandard.ZstdDecompressor().decompressobj().decompress(shards[0].read_bytes())
    assert held == (tmp_path / "one.jsonl").read_bytes() and held.count(b"\n") == 19

    bags = {}
    for name, engine in (("one", ()), ("two", ("--jobs", "2")), ("dask", ("--engine", "dask", "--jobs", "2"))):
        if name == "dask" and importlib.util.find_spec("distributed") is None:
            continue
        assert cli("pack", *paths, "-o", str(tmp_path / name), "--name", "corpus", *engine) == 1
        bags[name] = {
            path.relative_to(tmp_path / name).as_posix(): path.read_bytes()
            for path in (tmp_path / name).rglob("*")
            if path.is_file()
        }
    assert len(bags["one"]) > 10  # records, manifest, sources, bag files
    assert all(bag == bags["one"] for bag in bags.values())


def test_shards_need_an_empty_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from corpuskit.cli import main

    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "part-00000.jsonl.zst").write_bytes(b"")
    for output in ("-", str(tmp_path / "used")):
        assert main(["convert", str(SEEDS), "--shard-mib", "1", "-o", output]) == 2
    assert "give -o DIR" in capsys.readouterr().err
    assert (tmp_path / "used" / "part-00000.jsonl.zst").read_bytes() == b""  # nothing overwritten


def _poisoned(source: SourceInput) -> Iterator[Draft | Diagnostic]:
    if POISON in source.data:
        os._exit(3)  # the worker dies: no exception, no traceback, no result
    yield from text.convert(source)


@contextlib.contextmanager
def doubled(name: str, convert: Callable[[SourceInput], Iterator[Draft | Diagnostic]]) -> Iterator[None]:
    """``REGISTRY[name]`` converts with a test double in this process (and in workers forked from it)."""
    saved = dict(convert_module.REGISTRY)
    convert_module.REGISTRY[name] = replace(saved[name], convert=convert)
    try:
        yield
    finally:
        convert_module.REGISTRY.clear()
        convert_module.REGISTRY.update(saved)


def convert_with_double(
    name: str, convert: Callable[[SourceInput], Iterator[Draft | Diagnostic]], paths: list[Path]
) -> tuple[list[Article], list[Diagnostic]]:
    """Convert on two jobs while ``REGISTRY[name]`` converts with a test double."""
    with doubled(name, convert):
        return records_and_problems(convert_paths(paths, jobs=2))


def records_and_problems(items: Iterable[Item]) -> tuple[list[Article], list[Diagnostic]]:
    found = list(items)
    return [i for i in found if isinstance(i, Article)], [i for i in found if isinstance(i, Diagnostic)]


@settings(max_examples=4, deadline=None)
@given(st.integers(0, 5))
def test_a_worker_killed_by_a_poison_source_loses_nothing_else(poison: int) -> None:
    import tempfile

    seeds = sorted(SEEDS.glob("*.txt"))
    with tempfile.TemporaryDirectory() as folder:
        tree = Path(folder)
        for index in range(6):
            data = seeds[index % len(seeds)].read_bytes()
            (tree / f"{index}.txt").write_bytes(data + (b"\n" + POISON if index == poison else b""))
        records, problems = convert_with_double("text", _poisoned, [tree])
    assert sorted(a.provenance.source.path for a in records) == sorted(f"{i}.txt" for i in range(6) if i != poison)
    assert [(p.code, Path(p.path or "").name) for p in problems] == [("C001", f"{poison}.txt")]


def test_validate_on_dask_reports_what_one_job_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import io

    from corpuskit.cli import main

    pytest.importorskip("distributed")
    valid = (FIXTURES / "valid" / "seeds.jsonl").read_bytes()
    corpus = [tmp_path / "twice.jsonl", tmp_path / "again.jsonl"]  # a file for each of the two workers
    for path in corpus:
        path.write_bytes(valid + valid)  # duplicate ids and bodies in and across files: corpus checks must see them
    args = ["validate", *map(str, corpus), "--now", "2026-11-23", "--output-format", "json"]
    local, dask = io.StringIO(), io.StringIO()
    assert main(args, out=local) == 1
    assert main([*args, "--engine", "dask", "--jobs", "2"], out=dask) == 1
    assert dask.getvalue() == local.getvalue()
    assert "dask: 2 worker(s) on a LocalCluster; " in capsys.readouterr().err
    assert '"I001"' in local.getvalue()


@settings(max_examples=5, deadline=None)
@given(warcs=st.lists(warc_captures(min_pages=0, max_pages=6), min_size=1, max_size=2))
def test_records_of_one_archive_are_spread_over_the_jobs_and_come_back_in_order(warcs: list[WarcCapture]) -> None:
    """An archive's records are converted by several workers; the output is still that of one job."""
    import tempfile

    # One conversion time for both runs: they may straddle a second.
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1767225600")
        paths = []
        for index, capture in enumerate(warcs):
            path = Path(folder) / f"{index}.warc{'.gz' if capture.gzip else ''}"
            path.write_bytes(capture.data)
            paths.append(path)
        one = outputs(paths)
        assert len([line for line in one if line.startswith(b"{")]) == sum(len(c.pages) for c in warcs)
        assert outputs(paths, jobs=2) == one


def _poisoned_page(source: SourceInput) -> Iterator[Draft | Diagnostic]:
    if POISON in source.data:
        os._exit(3)
    yield from html.convert(source)


@settings(max_examples=3, deadline=None)
@given(st.integers(0, 5))
def test_a_worker_killed_by_a_poison_record_loses_nothing_else_of_its_archive(poison: int) -> None:
    import tempfile

    pages = [
        Page(f"https://example.com/{index}", _page_html(index, poison=index == poison), "", (), None, None)
        for index in range(6)
    ]
    capture = build_warc(pages)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "crawl.warc.gz"
        path.write_bytes(capture.data)
        records, problems = convert_with_double("html", _poisoned_page, [path])
    assert [a.url for a in records] == [page.url for index, page in enumerate(pages) if index != poison]
    assert [(p.code, p.path) for p in problems] == [("C001", f"crawl.warc.gz@{capture.offsets[poison]}")]


def _page_html(index: int, *, poison: bool) -> bytes:
    paragraphs = "".join(
        f"<p>Paragraph {n} of story {index} tells what the council decided about the bridge and why it matters.</p>"
        for n in range(4)
    )
    marker = POISON.decode() if poison else ""
    return f"<html><head><title>Story {index}</title></head><body><article><h1>Story {index}</h1>{paragraphs}{marker}</article></body></html>".encode()


def test_dask_workers_killed_by_poison_lose_only_the_poison(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """On a LocalCluster: a poison source and a poison record of an archive each kill a worker process;
    both are reported as C001, and every other record arrives, in the order of one job."""
    pytest.importorskip("distributed")
    import dask
    from distributed import Client, LocalCluster
    from distributed.diagnostics.plugin import WorkerPlugin

    seeds = sorted(SEEDS.glob("*.txt"))
    for index, seed in enumerate(seeds):
        (tmp_path / f"{index}.txt").write_bytes(seed.read_bytes() + (b"\n" + POISON if index == 1 else b""))
    pages = [
        Page(f"https://example.com/{index}", _page_html(index, poison=index == 4), "", (), None, None)
        for index in range(6)
    ]
    capture = build_warc(pages)
    archive = tmp_path / "crawl.warc.gz"
    archive.write_bytes(capture.data)

    class HtmlDouble(WorkerPlugin):  # type: ignore[misc]
        """Puts the test double into each worker's registry, restarted workers included."""

        def setup(self, worker: object) -> None:
            registry = convert_module.REGISTRY
            registry["html"] = replace(registry["html"], convert=_poisoned_page)

    # Dask gives a task up after it killed one worker (by default after four): quick, and the
    # harshest case for the innocent tasks that shared a dying worker.
    with (
        dask.config.set({"distributed.scheduler.allowed-failures": 0}),
        doubled("text", _poisoned),
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        # A file's converter travels with its task; an archive record's is looked up on the worker.
        client.register_plugin(HtmlDouble())
        with caplog.at_level(logging.INFO, logger="corpuskit.dask"):
            records, problems = records_and_problems(
                convert_paths([tmp_path], engine="dask", scheduler=cluster.scheduler_address, jobs=2)
            )
    # the run names its cluster and the scheduler's dashboard
    assert f"dask: 2 worker(s) on {cluster.scheduler_address}; follow the run on http://" in caplog.text
    assert [(p.code, Path(p.path or "").name) for p in problems if p.code == "C001"] == [
        ("C001", "1.txt"),
        ("C001", f"crawl.warc.gz@{capture.offsets[4]}"),
    ]
    assert [a.provenance.source.path for a in records if a.provenance.source.path.endswith(".txt")] == [
        f"{index}.txt" for index in range(len(seeds)) if index != 1
    ]
    assert [a.url for a in records if a.url] == [page.url for index, page in enumerate(pages) if index != 4]


def test_more_jobs_than_cpus_or_tasks_start_no_more_workers_than_useful(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Linux's process pool starts all its workers at once: `--jobs 99999` used to fork that many processes."""
    import concurrent.futures

    import corpuskit.convert.parallel as parallel
    import corpuskit.validate as validate
    from corpuskit._ordered import MAX_WORKERS_PER_CPU

    started: list[int] = []

    def pool(max_workers: int) -> concurrent.futures.ProcessPoolExecutor:
        started.append(max_workers)
        return concurrent.futures.ProcessPoolExecutor(max_workers=max_workers)

    monkeypatch.setattr(validate, "ProcessPoolExecutor", pool)
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", pool)
    records = tmp_path / "seeds.jsonl"
    assert run_cli("convert", "--jobs", "99999", str(SEEDS / "001_b72a51a20a7e4dcc.txt"), "-o", str(records))[0] == 0
    assert run_cli("validate", "--jobs", "99999", str(records))[0] == 0
    assert started == [MAX_WORKERS_PER_CPU * (os.cpu_count() or 1), 1]  # one file to check: one worker
