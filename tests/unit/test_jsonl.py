import bz2
import gzip
import hashlib
import io
import json
import lzma
import tempfile
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest
import zstandard
from hypothesis import example, given, settings
from hypothesis import strategies as st

from corpuskit.diagnostics import Diagnostic
from corpuskit.examples import example_article, example_article_json
from corpuskit.jsonl import (
    ShardWriter,
    dumps,
    open_output,
    read_records,
    read_records_with_lines,
    read_stream,
    write_records,
)
from corpuskit.models import Article

GOOD = dumps(example_article())


def codes(items: list[Article | Diagnostic]) -> list[str]:
    return [item.code for item in items if isinstance(item, Diagnostic)]


def read(data: bytes, name: str = "t.jsonl") -> list[Article | Diagnostic]:
    return list(read_stream(io.BytesIO(data), path=name))


def test_round_trip_of_the_example() -> None:
    (article,) = read(GOOD + b"\n")
    assert article == example_article()


def test_invalid_json_is_located_and_reading_goes_on() -> None:
    items = read(GOOD + b"\n" + b'{"format": "corpuskit.article/1",\n' + b"\n" + GOOD + b"\n")
    bad = [item for item in items if isinstance(item, Diagnostic)]
    assert [d.code for d in bad] == ["F001", "F011"]
    assert bad[0].line == 2 and bad[0].column is not None and bad[0].path == "t.jsonl"
    assert sum(isinstance(item, Article) for item in items) == 2


def test_files_joined_each_with_its_bom_are_read_and_each_bom_reported() -> None:
    """`cat a.jsonl b.jsonl` of files saved with a BOM: the second BOM used to make its record invalid JSON (F001)."""
    bom = b"\xef\xbb\xbf"
    items = read(bom + GOOD + b"\n" + bom + GOOD + b"\n")
    found = [(item.code, item.line, item.message) for item in items if isinstance(item, Diagnostic)]
    assert found == [("F009", 1, "file starts with a UTF-8 BOM"), ("F009", 2, "line starts with a UTF-8 BOM")]
    assert sum(isinstance(item, Article) for item in items) == 2


@pytest.mark.parametrize(
    ("line", "code"),
    [
        (b"[1, 2]", "F007"),
        (b'"text"', "F007"),
        (b"\xff\xfe{}", "F002"),
        (b'{"a": NaN}', "F005"),
        (b"[" * 5000 + b"]" * 5000, "F006"),
        (b'{"a": 1', "F001"),
    ],
)
def test_parse_problems_have_their_codes(line: bytes, code: str) -> None:
    assert codes(read(line + b"\n")) == [code]


def test_duplicate_key_is_reported_with_the_record_id() -> None:
    line = GOOD[:-1] + b',"title":"Other"}'
    (diagnostic,) = read(line + b"\n")
    assert isinstance(diagnostic, Diagnostic)
    assert diagnostic.code == "F004" and "title" in diagnostic.message
    assert diagnostic.record_id == example_article().id


def test_schema_errors_carry_json_paths() -> None:
    record = example_article_json()
    record["published"] = "2018-02-30"
    record["provenance"]["spans"][1]["start"] = -1
    record["sentiment"] = 0.4
    del record["url"]
    items = read(orjson.dumps(record) + b"\n")
    found = {(d.code, d.json_path) for d in items if isinstance(d, Diagnostic)}
    assert found == {
        ("S001", "$.published"),
        ("S001", "$.provenance.spans[1].start"),
        ("S002", "$.sentiment"),
        ("S001", "$.url"),
    }
    assert all(d.record_id == record["id"] for d in items if isinstance(d, Diagnostic))


def test_a_number_too_long_to_read_is_located_in_plain_words() -> None:
    (item,) = read(b'{"a": ' + b"7" * 5000 + b"}")
    where = (item.code, item.line, item.column) if isinstance(item, Diagnostic) else None
    assert where == ("F001", 1, 7)  # where the number starts
    assert "set_int_max_str_digits" not in item.message  # Python's advice to programmers, not to the user


@pytest.mark.parametrize(
    ("codec", "named"),
    [
        ("utf-16", "UTF-16"),
        ("utf-32", "UTF-32"),
        ("utf-16-le", "UTF-16LE"),
        ("utf-16-be", "UTF-16BE"),
        ("utf-32-be", "UTF-32BE"),
    ],
)
def test_a_utf16_or_utf32_file_is_one_diagnostic_not_one_per_line(codec: str, named: str, tmp_path: Path) -> None:
    text = b"".join(GOOD + b"\n" for _ in range(50)).decode()
    for name in ("wide.jsonl", "wide.json"):
        (tmp_path / name).write_bytes((text if name.endswith("l") else f"[{GOOD.decode()}]").encode(codec))
        (item,) = read_records(tmp_path / name)
        assert isinstance(item, Diagnostic) and (item.code, item.line) == ("F002", 1)
        assert item.message == f"file is {named}, not UTF-8: re-encode it (iconv -f {named} -t UTF-8)"


def test_records_separated_by_a_bare_cr_are_explained() -> None:
    (item,) = read(GOOD + b"\r" + GOOD + b"\r")
    assert isinstance(item, Diagnostic) and item.code == "F001" and "bare CR" in item.message
    assert item.column == len(GOOD) + 2
    (item,) = read(GOOD + b" " + GOOD)  # two records on one line: no talk of line ends
    assert isinstance(item, Diagnostic) and item.message == "Extra data"


def test_a_json_document_is_located_at_its_own_line_and_json_lines_in_it_are_named(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_bytes(b'{\n  "format": "corpuskit.article/1",\n  "id": oops\n}\n')
    (item,) = read_records(tmp_path / "broken.json")
    assert isinstance(item, Diagnostic) and (item.code, item.line, item.column) == ("F001", 3, 9)
    (tmp_path / "lines.json").write_bytes(GOOD + b"\n" + GOOD + b"\n")
    (item,) = read_records(tmp_path / "lines.json")
    assert isinstance(item, Diagnostic) and (item.code, item.line, item.column) == ("F001", 2, 1)
    assert "name it .jsonl" in item.message


def test_bom_and_empty_file() -> None:
    assert codes(read(b"\xef\xbb\xbf" + GOOD + b"\n")) == ["F009"]
    assert codes(read(b"")) == ["F008"]


def test_truncated_gzip_keeps_the_lines_before_the_break(tmp_path: Path) -> None:
    packed = gzip.compress(b"".join(GOOD + b"\n" for _ in range(200)))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(packed[: len(packed) // 2])
    items = list(read_records(path))
    assert codes(items) == ["F003"]
    assert sum(isinstance(item, Article) for item in items) > 0


ZSTD_FRAMES = [zstandard.ZstdCompressor().compress(b"".join(GOOD + b"\n" for _ in range(n))) for n in (40, 3)]
ZSTD_FILE = b"".join(ZSTD_FRAMES)


@given(st.integers(min_value=4, max_value=len(ZSTD_FILE) - 1))  # from its magic number on
@example(4)  # the magic number alone
@example(len(ZSTD_FRAMES[0]))  # a whole frame: a shorter file, not a broken one
def test_zstd_cut_anywhere_is_reported_and_keeps_what_came_before(cut: int) -> None:
    """python-zstandard's stream reader ends quietly in an unfinished frame; a cut file must say so."""
    items = read(ZSTD_FILE[:cut], "cut.jsonl.zst")
    articles = [item for item in items if isinstance(item, Article)]
    assert codes(items) == ([] if cut == len(ZSTD_FRAMES[0]) else ["F003"])
    assert len(articles) <= 43 and all(article == example_article() for article in articles)
    if cut >= len(ZSTD_FRAMES[0]):
        assert len(articles) >= 40


def test_compressed_output_reads_back_and_is_what_its_name_says(tmp_path: Path) -> None:
    for name in ("out.jsonl.zst", "out.jsonl.gz", "out.jsonl.bz2", "out.jsonl.xz", "out.jsonl"):
        with open_output(tmp_path / name) as stream:
            write_records([example_article()] * 3, stream)
        assert list(read_records(tmp_path / name)) == [example_article()] * 3
    assert zstandard.ZstdDecompressor().decompress((tmp_path / "out.jsonl.zst").read_bytes(), max_output_size=10**7)
    lines = b"".join(dumps(example_article()) + b"\n" for _ in range(3))
    assert bz2.decompress((tmp_path / "out.jsonl.bz2").read_bytes()) == lines
    assert lzma.decompress((tmp_path / "out.jsonl.xz").read_bytes()) == lines


@pytest.mark.parametrize("compress", [bz2.compress, lzma.compress], ids=["bzip2", "xz"])
def test_bzip2_and_xz_cut_or_damaged_are_reported_with_the_lines_before(
    compress: Callable[[bytes], bytes], tmp_path: Path
) -> None:
    # two streams one after the other (as the tools append them): the first whole, the second broken
    first, second = compress(b"".join(GOOD + b"\n" for _ in range(40))), compress(GOOD + b"\n")
    for name, data in (("cut", first + second[: len(second) // 2]), ("damaged", first + second[:-20] + bytes(20))):
        (tmp_path / f"{name}.jsonl").write_bytes(data)  # named plainly: told by its magic bytes
        items = list(read_records(tmp_path / f"{name}.jsonl"))
        assert codes(items) == ["F003"], name
        assert sum(isinstance(item, Article) for item in items) == 40, name


def test_gzip_output_is_reproducible(tmp_path: Path) -> None:
    for name in ("a.jsonl.gz", "b.jsonl.gz"):
        with open_output(tmp_path / name) as stream:
            write_records([example_article()], stream)
    assert (tmp_path / "a.jsonl.gz").read_bytes() == (tmp_path / "b.jsonl.gz").read_bytes()


def test_unreadable_paths_are_values(tmp_path: Path) -> None:
    assert codes(list(read_records(tmp_path / "missing.jsonl"))) == ["F010"]
    assert codes(list(read_records(tmp_path))) == ["F010"]


def test_json_document_array(tmp_path: Path) -> None:
    path = tmp_path / "records.json"
    path.write_bytes(orjson.dumps([example_article_json(), {"format": 1}]))
    items = list(read_records(path))
    assert isinstance(items[0], Article)
    assert all(isinstance(d, Diagnostic) and d.json_path and d.json_path.startswith("$[1]") for d in items[1:])
    compressed = gzip.compress(orjson.dumps([example_article_json()] * 2))  # told by its magic, as JSON Lines are
    path.write_bytes(compressed)
    assert [type(item) for item in read_records(path)] == [Article, Article]
    path.write_bytes(compressed[:-10])
    assert codes(list(read_records(path))) == ["F003"]


def test_a_key_given_twice_in_an_array_element_is_seen_and_elements_are_at_their_lines(tmp_path: Path) -> None:
    doubled = GOOD[:-1] + b',"extensions":{"org.example":{"a":1,"a":2}}}'
    path = tmp_path / "records.json"
    path.write_bytes(b"[\n  " + GOOD + b",\n  " + doubled + b"\n]\n")
    first, second = read_records_with_lines(path)
    assert first[0] == 2 and isinstance(first[1], Article)
    assert second[0] == 3 and isinstance(second[1], Diagnostic)
    assert (second[1].code, second[1].line, second[1].json_path) == ("F004", 3, "$[1]")


def test_another_format_under_a_record_name_is_one_diagnostic_naming_it(tmp_path: Path) -> None:
    import tarfile
    import zipfile

    lines = GOOD + b"\n" + GOOD + b"\n"
    with zipfile.ZipFile(tmp_path / "zipped.jsonl", "w") as archive:
        archive.writestr("records.jsonl", lines)
    source = tmp_path / "records.jsonl"
    source.write_bytes(lines)
    with tarfile.open(tmp_path / "tarred.jsonl.gz", "w:gz") as archive:
        archive.add(source, "records.jsonl")
    (tmp_path / "capture.jsonl").write_bytes(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n\r\n")
    (tmp_path / "page.json").write_bytes(b"<!DOCTYPE html>\n<html><body><p>hi</p></body></html>\n")
    (tmp_path / "twice.jsonl.gz").write_bytes(gzip.compress(gzip.compress(lines)))
    named = {"zipped.jsonl": "a zip archive", "tarred.jsonl.gz": "a tar archive", "twice.jsonl.gz": "compressed data"}
    named |= {"capture.jsonl": "a WARC file", "page.json": "an HTML page"}
    for name, kind in named.items():
        (item,) = read_records(tmp_path / name)
        assert isinstance(item, Diagnostic) and (item.code, item.line, item.column) == ("F001", 1, 1)
        assert item.message.startswith(f"file is {kind}, not JSON: "), item.message


def test_big_integers_in_extensions_survive_writing() -> None:
    record = example_article_json()
    record["extensions"] = {"org.example": {"n": 2**70}}
    (article,) = read(json.dumps(record).encode() + b"\n")
    assert isinstance(article, Article)
    assert b"1180591620717411303424" in dumps(article)


@settings(max_examples=40)
@example(lines=[b"\r\x00\n"], limit=1)  # a carriage return inside a record is not a line end
@given(
    lines=st.lists(st.binary(max_size=40).map(lambda raw: raw.replace(b"\n", b"") + b"\n"), max_size=30),
    limit=st.integers(1, 200),
)
def test_shards_hold_the_lines_in_order_cut_at_the_limit(lines: list[bytes], limit: int) -> None:
    with tempfile.TemporaryDirectory() as root:
        _check_shards(Path(root) / "shards", lines, limit)


def _check_shards(folder: Path, lines: list[bytes], limit: int) -> None:
    writer = ShardWriter(folder, limit)
    for line in lines:
        writer.write(line)
    writer.close()
    names = sorted(path.name for path in folder.glob("*")) if folder.exists() else []
    assert names == [entry["path"] for entry in writer.files] == [f"part-{i:05d}.jsonl.zst" for i in range(len(names))]
    held = [zstandard.ZstdDecompressor().decompressobj().decompress((folder / name).read_bytes()) for name in names]
    assert b"".join(held) == b"".join(lines)
    assert all(len(shard) >= limit for shard in held[:-1])  # only the last shard may be short
    # cut at the first line past the limit: what comes before a shard's last line is under it
    # (records end in "\n" only; bytes.splitlines would also cut at "\r")
    assert all(shard.rfind(b"\n", 0, len(shard) - 1) + 1 < limit for shard in held)
    for entry, shard, name in zip(writer.files, held, names, strict=True):
        assert entry["records"] == shard.count(b"\n")
        assert entry["sha256"] == hashlib.sha256((folder / name).read_bytes()).hexdigest()
