"""The validator never crashes, and each record rule is sound."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import re
import shutil
import tempfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpuskit.diagnostics import Diagnostic, Severity, printable
from corpuskit.jsonl import array_elements, dump_json
from corpuskit.models import Article
from corpuskit.reporters import REPORTERS
from corpuskit.rules import REGISTRY, all_rules
from corpuskit.rules.context import RuleContext
from corpuskit.strategies import RECORD_MUTATIONS, articles, mutate
from corpuskit.validate import Report, ValidateOptions, validate_paths
from tests.helpers import SEEDS, run_cli

OPTIONS = ValidateOptions(now="2026-11-22")
CONTEXT = RuleContext(now="2026-11-22", min_body_words=5)
SAFE = settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


def _validate(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    report = validate_paths([path], OPTIONS)
    for diagnostic in report.diagnostics:
        assert diagnostic.path == str(path)
        assert diagnostic.code in REGISTRY


@SAFE
@given(st.binary(max_size=2000), st.sampled_from(["a.jsonl", "a.jsonl.gz", "a.jsonl.zst", "a.json"]))
def test_never_crashes_on_arbitrary_bytes(tmp_path: Path, data: bytes, name: str) -> None:
    _validate(tmp_path, name, data)


@SAFE
@given(st.lists(json_values, max_size=5))
def test_never_crashes_on_arbitrary_json(tmp_path: Path, values: list[object]) -> None:
    _validate(tmp_path, "a.jsonl", b"".join(dump_json(value) + b"\n" for value in values))


# Text as a file system hands it over: a name's bytes that are not UTF-8 become lone surrogates; control
# characters are allowed in names.
_os_text = st.lists(
    st.characters() | st.integers(0xD800, 0xDFFF).map(chr) | st.integers(0, 0x9F).map(chr), max_size=20
).map("".join)
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # what no report may carry: all but tab and line end


@given(_os_text, _os_text, st.sampled_from(sorted(REPORTERS)))
def test_every_reporter_writes_any_path_and_message_whole(path: str, message: str, fmt: str) -> None:
    """UTF-8 that any encoder writes, no control character for a terminal to obey, and XML that parses."""
    diagnostic = Diagnostic(code="F001", name="invalid-json", severity=Severity.ERROR, message=message, path=path)
    out = io.StringIO()
    REPORTERS[fmt](Report([diagnostic], files=1), out)
    written = out.getvalue()
    written.encode("utf-8")
    assert not _CONTROLS.search(written)
    if fmt == "junit":
        ElementTree.fromstring(written.split("\n", 1)[1])  # after the declaration, which a str cannot carry
    assert printable(path) == path or not path.isprintable()
    assert diagnostic.path == printable(path) and diagnostic.message == printable(message)


@given(st.lists(json_values, max_size=6), st.sampled_from([None, 2]))
def test_an_arrays_elements_are_read_one_by_one_at_their_lines(values: list[object], indent: int | None) -> None:
    data = json.dumps(values, indent=indent, ensure_ascii=False).encode()
    found = list(array_elements(data))
    assert [json.loads(element) for _, element in found] == values
    if indent is None:
        assert all(line == 1 for line, _ in found)
    else:  # an element starts each line indented once that does not close a nested one
        starts = [number for number, line in enumerate(data.splitlines(), 1) if re.match(rb"  [^ \]}]", line)]
        assert [line for line, _ in found] == starts


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("package") / "bag"
    assert run_cli("pack", str(SEEDS), "-o", str(out), "--name", "seeds")[0] == 0
    return out


PACKAGE_FILES = (
    "bagit.txt",
    "bag-info.txt",
    "manifest-sha256.txt",
    "tagmanifest-sha256.txt",
    "data/corpus.json",
    "data/records/part-00000.jsonl.zst",
    "data/sources/*",  # the first packaged source, whatever its digest
    "fetch.txt",  # not in a package made by pack: written from nothing
)
_tag_like = st.lists(st.text(st.sampled_from("Bag-Version: 1.0\n\r\t \u00e9\x00data/z"), max_size=40), max_size=4)
# Lines of the shapes the tag files hold, some of them broken (each parsed by bagit or by our line checks).
_tag_lines = st.lists(
    st.sampled_from(
        (
            "http://example.org/a 10 data/corpus.json",
            "http://[::1 - data/x",
            "file:///a - ../../x",
            "- - -",
            "Payload-Oxum: 1.x",
            "Payload-Oxum: 12",
            f"{'0' * 64}  data/corpus.json",
            f"{'0' * 64} *data/../../x",
            "zz  data/x",
            "# a comment",
        )
    ),
    max_size=4,
)
# What a file system does to a file besides its bytes (each found a traceback in bagit or in --reproduce).
_FILE_DAMAGE = (
    "a folder",
    "a link to nothing",
    "a loop of links",
    "a link out of the bag",
    "a link to a folder in the bag",
    "a line given twice",
)


@settings(SAFE, max_examples=80)
@given(
    st.sampled_from(PACKAGE_FILES),
    st.one_of(
        st.none(),
        st.binary(max_size=300),
        _tag_like.map(lambda lines: "\n".join(lines).encode()),
        _tag_lines.map(lambda lines: "\n".join(lines).encode()),
        st.sampled_from(_FILE_DAMAGE),
    ),
    st.booleans(),
)
def test_never_crashes_on_a_damaged_package(
    package: Path, name: str, damage: bytes | str | None, reproduce: bool
) -> None:
    """A package whose tag file, manifest, shard or source is lost, replaced by any bytes, or turned into
    something else on disk is reported, located, with or without --reproduce."""
    with tempfile.TemporaryDirectory() as folder:
        bag = Path(folder) / "bag"
        shutil.copytree(package, bag)
        target = bag / name if not name.endswith("*") else min((bag / name[:-1]).rglob("*.txt"))
        data = target.read_bytes() if target.exists() else b""
        if damage == data or (damage is None and not target.exists()):
            return
        _damage(target, damage, data)
        report = validate_paths([bag], dataclasses.replace(OPTIONS, reproduce=reproduce))
        # A tag manifest and a fetch file are optional (RFC 8493), so one lost or listing nothing is no fault.
        assert report.diagnostics or name.startswith("tagmanifest") or name == "fetch.txt"
        for diagnostic in report.diagnostics:
            assert diagnostic.code in REGISTRY and diagnostic.path is not None and diagnostic.path.startswith(str(bag))


def _damage(target: Path, damage: bytes | str | None, data: bytes) -> None:
    if isinstance(damage, bytes):
        target.write_bytes(damage)
        return
    if damage == "a line given twice":
        lines = data.splitlines(keepends=True)
        target.write_bytes(data + (lines[0] if lines else b"\n"))
        return
    target.unlink(missing_ok=True)
    if damage == "a folder":
        target.mkdir()
    elif damage == "a link to nothing":
        target.symlink_to(target.with_name("nowhere"))
    elif damage == "a loop of links":
        target.symlink_to(target.name)
    elif damage == "a link out of the bag":
        target.symlink_to(SEEDS / "000_c0c8773b69e85a5d.txt")
    elif damage == "a link to a folder in the bag":
        bag = next(folder for folder in target.parents if folder.name == "bag")
        target.symlink_to(os.path.relpath(bag / "data", target.parent))


@SAFE
@given(articles(max_blocks=4), st.data())
def test_never_crashes_on_mutated_records(tmp_path: Path, article: Article, data: st.DataObject) -> None:
    record = article.model_dump(mode="json")
    chosen = data.draw(st.lists(st.sampled_from(sorted(_paths(record))), min_size=1, max_size=3))
    for keys in chosen:
        _set(record, keys, data.draw(json_values))
    _validate(tmp_path, "a.jsonl", dump_json(record) + b"\n")


def _paths(value: object, prefix: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    """Every key path into the record's objects."""
    out = {prefix} if prefix else set()
    if isinstance(value, dict):
        for key, child in value.items():
            out |= _paths(child, (*prefix, key))
    return out


def _set(record: dict[str, object], keys: tuple[str, ...], value: object) -> None:
    """Replace the value at ``keys``; skip when an earlier replacement removed the path."""
    target: object = record
    for key in keys[:-1]:
        if not isinstance(target, dict) or key not in target:
            return
        target = target[key]
    if isinstance(target, dict):
        target[keys[-1]] = value


def _codes(article: Article) -> set[str]:
    return {
        rule.code for rule in all_rules() if rule.check is not None and any(True for _ in rule.check(article, CONTEXT))
    }


@pytest.mark.parametrize("code", sorted(RECORD_MUTATIONS))
@settings(max_examples=25, deadline=None)
@given(article=articles(min_blocks=3, unicode=False, capture=False))
def test_each_rule_fires_on_its_mutation_and_not_before(code: str, article: Article) -> None:
    assert code not in _codes(article)
    mutated = Article.model_validate_json(dump_json(mutate(code, article.model_dump(mode="json"))))
    assert code in _codes(mutated)


# Text that meets every fast test of the text rules: markup, entities, controls, mojibake pairs, combining marks.
_hygiene_text = st.text(
    st.sampled_from("ab <>&;amp\x00\x08\x7f\u00c3\u00a9\u00e2\u20ac\u2122e\u0301\u0308\u00a0\t"), max_size=12
)


@given(articles(max_blocks=3), st.lists(_hygiene_text, min_size=1, max_size=5), _hygiene_text)
def test_the_text_rules_whole_record_test_reports_what_the_per_value_loop_reports(
    article: Article, texts: list[str], title: str
) -> None:
    """R006-R009 test the record's joined text first; a record passing that test would pass value by value."""
    from corpuskit.models import Block
    from corpuskit.rules import record as rules

    body = [Block.model_construct(type="paragraph", text=text) for text in texts]  # the rules read any text
    drawn = article.model_copy(update={"title": title or None, "body": body})
    checks = [REGISTRY[code].check for code in ("R006", "R007", "R008", "R009")]
    fast = [list(check(drawn, CONTEXT)) for check in checks if check is not None]
    original = rules._all_text
    rules._all_text = lambda _: "\x00<&e\u0301"  # fails every whole-record test: the loop runs
    try:
        slow = [list(check(drawn, CONTEXT)) for check in checks if check is not None]
    finally:
        rules._all_text = original
    assert fast == slow
