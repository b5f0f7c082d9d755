"""Reading and writing record files: JSON Lines, optionally gzip or zstd, and JSON.

Reading streams line by line and never raises on bad data. Every problem,
from an unreadable file to a field of the wrong type, comes back as a
:class:`~corpuskit.diagnostics.Diagnostic` located by path, line, column and
JSON path, and reading goes on with the next line.

>>> import io, orjson
>>> from corpuskit.examples import example_article
>>> buffer = io.BytesIO()
>>> write_records([example_article()], buffer)
1
>>> [type(item).__name__ for item in read_stream(io.BytesIO(buffer.getvalue()), path="mem.jsonl")]
['Article']
"""

from __future__ import annotations

import bz2
import contextlib
import dataclasses
import gzip
import hashlib
import io
import json
import lzma
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, BinaryIO

import orjson
import zstandard
from pydantic import ValidationError

from corpuskit import patterns
from corpuskit.diagnostics import Diagnostic, in_element
from corpuskit.models import Article
from corpuskit.rules import file as F
from corpuskit.rules import schema as S

MAX_DEPTH = 64
GZIP_MAGIC = b"\x1f\x8b"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
UTF8_BOM = b"\xef\xbb\xbf"
SHARD_LEVEL = 10  # zstd level of shards and of ``.zst`` output
BZIP2_MAGIC = b"BZh"
XZ_MAGIC = b"\xfd7zXZ\x00"
COMPRESSION_MAGICS = (GZIP_MAGIC, ZSTD_MAGIC, BZIP2_MAGIC, XZ_MAGIC)
COMPRESSIONS = (".gz", ".zst", ".bz2", ".xz")
LINES_SUFFIXES = (".jsonl", ".ndjson")  # JSON Lines, each also compressed
RECORD_SUFFIXES = (".json", *(f"{stem}{compression}" for stem in LINES_SUFFIXES for compression in ("", *COMPRESSIONS)))

_DECOMPRESSION_ERRORS = (EOFError, gzip.BadGzipFile, zlib.error, zstandard.ZstdError, lzma.LZMAError)

ReadItem = Article | Diagnostic


def is_record_file(path: Path) -> bool:
    return path.name.lower().endswith(RECORD_SUFFIXES)


def read_records(path: str | Path, *, display_path: str | None = None) -> Iterator[ReadItem]:
    """Yield each record of a file as an :class:`Article`, or a diagnostic in its place."""
    for _, item in read_records_with_lines(path, display_path=display_path):
        yield item


def read_records_with_lines(
    path: str | Path, *, display_path: str | None = None
) -> Iterator[tuple[int | None, ReadItem]]:
    """Like :func:`read_records`, with the line each item came from (None for a whole ``.json`` document)."""
    for line, _, item in read_located(path, display_path=display_path):
        yield line, item


def read_located(
    path: str | Path, *, display_path: str | None = None
) -> Iterator[tuple[int | None, int | None, ReadItem]]:
    """Like :func:`read_records_with_lines`, with the index of the element each item is in a ``.json``
    array (None elsewhere): a compact array puts every element on line 1."""
    shown = display_path if display_path is not None else str(path)
    try:
        raw = open(path, "rb")  # noqa: SIM115 - closed by the ExitStack below
    except OSError as error:
        yield None, None, F.UNREADABLE_FILE.diagnostic(_os_message(error), path=shown)
        return
    with contextlib.ExitStack() as stack:
        stack.enter_context(raw)
        if str(path).lower().endswith(".json"):
            yield from _read_json_document(raw, shown)
        else:
            for line, item in _read_stream_with_lines(raw, path=shown):
                yield line, None, item


def read_stream(stream: BinaryIO, *, path: str) -> Iterator[ReadItem]:
    """Read JSON Lines from a binary stream, decompressing gzip or zstd by magic bytes."""
    for _, item in _read_stream_with_lines(stream, path=path):
        yield item


def read_range(
    path: Path, start: int, end: int, first_line: int, *, display_path: str | None = None
) -> Iterator[tuple[int | None, ReadItem]]:
    """Read the lines in bytes ``[start, end)`` of an uncompressed JSON Lines file, numbered from ``first_line``."""
    shown = display_path if display_path is not None else str(path)
    try:
        with open(path, "rb") as raw:
            raw.seek(start)
            data = raw.read(end - start)
    except OSError as error:
        yield first_line, F.UNREADABLE_FILE.diagnostic(_os_message(error), path=shown, line=first_line)
        return
    yield from _read_stream_with_lines(io.BytesIO(data), path=shown, first_line=first_line, whole_file=False)


def _read_stream_with_lines(
    stream: BinaryIO, *, path: str, first_line: int = 1, whole_file: bool = True
) -> Iterator[tuple[int | None, ReadItem]]:
    try:
        lines = _decompressed(stream)
        records = 0
        lineno = first_line - 1
        for lineno, raw in enumerate(lines, first_line):
            if lineno == 1 and (whole := not_records(raw, path)) is not None:
                yield 1, whole  # rather than every line reported on its own, and none a record
                return
            if raw.startswith(UTF8_BOM):  # past the first line: files joined (cat), each saved with its BOM
                where = "file" if lineno == 1 else "line"
                yield (
                    lineno,
                    F.BYTE_ORDER_MARK.diagnostic(f"{where} starts with a UTF-8 BOM", path=path, line=lineno, column=1),
                )
                raw = raw[len(UTF8_BOM) :]
            if not raw.strip():
                yield lineno, F.BLANK_LINE.diagnostic("blank line", path=path, line=lineno)
                continue
            records += 1
            for item in _as_items(parse_record(raw, path=path, line=lineno)):
                yield lineno, item
    except _DECOMPRESSION_ERRORS as error:
        yield (
            lineno + 1,
            F.CORRUPT_COMPRESSION.diagnostic(
                f"compressed stream is truncated or corrupt after line {lineno}: {error or type(error).__name__}",
                path=path,
                line=lineno + 1,
            ),
        )
        return
    except OSError as error:
        yield lineno + 1, F.UNREADABLE_FILE.diagnostic(_os_message(error), path=path, line=lineno + 1)
        return
    if records == 0 and whole_file:
        yield None, F.EMPTY_FILE.diagnostic("file holds no records", path=path)


def wide_encoding(head: bytes) -> str | None:
    """The UTF-16 or UTF-32 a record file's first bytes show (by their BOM, or NULs beside its first ``{`` or ``[``).

    >>> wide_encoding("{}".encode("utf-16")), wide_encoding("{}".encode("utf-16-be")), wide_encoding(b"{}")
    ('UTF-16', 'UTF-16BE', None)
    """
    for bom, name in _WIDE_BOMS:
        if head.startswith(bom):
            return name
    for first in (b"{", b"["):
        for start, name in ((first + b"\0\0\0", "UTF-32LE"), (b"\0\0\0" + first, "UTF-32BE")):
            if head.startswith(start):
                return name
        for start, name in ((first + b"\0", "UTF-16LE"), (b"\0" + first, "UTF-16BE")):
            if head.startswith(start):
                return name
    return None


_FOREIGN_FORMATS = (  # (offset, magic bytes, what the file is, what to do with it)
    (0, b"PK\x03\x04", "a zip archive", "unzip it and check the files inside"),
    (0, b"PK\x05\x06", "an empty zip archive", "it holds no files"),
    (257, b"ustar", "a tar archive", "extract it (tar -xf) and check the files inside"),
    (0, b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "extract it and check the files inside"),
    (0, b"Rar!\x1a\x07", "a RAR archive", "extract it and check the files inside"),
    (0, b"WARC/", "a WARC file", "convert its pages to records first (corpuskit convert)"),
    (0, b"filedesc://", "an ARC file", "convert its pages to records first (corpuskit convert)"),
    (0, b"PAR1", "a Parquet file", "check the JSON Lines it was exported from"),
    (0, b"SQLite format 3\x00", "an SQLite database", "export its records as JSON Lines"),
    (0, b"%PDF-", "a PDF document", "it holds no records"),
    *(
        (0, magic, "compressed data", "decompress it (compressed twice, it is read once)")
        for magic in COMPRESSION_MAGICS
    ),
)
_HTML_START = re.compile(rb"\s*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE)


def foreign_format(head: bytes) -> str | None:
    """What a record file's first line shows it to be when it is another format (an archive, a web
    capture, a page), with what to do, or None. A line that opens as JSON is never foreign.

    >>> foreign_format(b"PK\\x03\\x04\\x14\\x00"), foreign_format(b'{"id": "PK"}')
    ('file is a zip archive, not JSON: unzip it and check the files inside', None)
    >>> foreign_format(b"<!DOCTYPE html><html lang=en>")
    'file is an HTML page, not JSON: convert it to a record first (corpuskit convert)'
    """
    if head.lstrip()[:1] in (b"{", b"["):
        return None
    for offset, magic, name, advice in _FOREIGN_FORMATS:
        if head.startswith(magic, offset):
            return f"file is {name}, not JSON: {advice}"
    if _HTML_START.match(head):
        return "file is an HTML page, not JSON: convert it to a record first (corpuskit convert)"
    return None


FOREIGN_HEAD = 1024  # the bytes of a file's start that show its format (a tar header's magic is at 257)


def not_records(head: bytes, path: str) -> Diagnostic | None:
    """The one diagnostic, at 1:1, for a file whose first bytes show it is no UTF-8 JSON at all: UTF-16 or
    UTF-32 text, or another format (:func:`foreign_format`); None for a file to read record by record."""
    if (wide := wide_encoding(head[:4])) is not None:
        return _wide_file(wide, path)
    if (foreign := foreign_format(head[:FOREIGN_HEAD])) is not None:
        return F.INVALID_JSON.diagnostic(foreign, path=path, line=1, column=1)
    return None


def _wide_file(encoding: str, path: str) -> Diagnostic:
    message = f"file is {encoding}, not UTF-8: re-encode it (iconv -f {encoding} -t UTF-8)"
    return F.INVALID_UTF8.diagnostic(message, path=path, line=1, column=1)


_WIDE_BOMS = (  # named as iconv reads them: its UTF-16 and UTF-32 take the byte order from the BOM
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def parse_record(raw: bytes, *, path: str | None = None, line: int | None = None) -> Article | tuple[Diagnostic, ...]:
    """Parse one JSON line into an :class:`Article`, or explain why it is not one."""
    where: dict[str, Any] = {"path": path, "line": line}
    try:
        article = Article.model_validate_json(raw)
    except ValidationError as error:
        return _explain(raw, error, where)
    problem = _json_integrity(raw)
    if problem is not None:
        return (problem.located(record_id=article.id, **where),)
    depth = _depth(article.extensions)
    if depth > MAX_DEPTH - 2:
        return (
            F.TOO_DEEP.diagnostic(
                f"extensions nest {depth + 2} levels deep (limit {MAX_DEPTH})",
                record_id=article.id,
                json_path="$.extensions",
                **where,
            ),
        )
    return article


def dumps(article: Article) -> bytes:
    """The canonical JSON line of a record (compact UTF-8, keys in model order, no newline)."""
    return dump_json(article.model_dump(mode="json"))


def dump_json(value: Any) -> bytes:
    """Compact UTF-8 JSON. orjson, except for integers beyond 64 bits, which it
    cannot write and the standard library writes exactly."""
    try:
        return orjson.dumps(value)
    except TypeError:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()


def write_records(records: Iterable[Article], stream: IO[bytes]) -> int:
    """Write records as JSON Lines; return how many were written."""
    count = 0
    for article in records:
        stream.write(dumps(article) + b"\n")
        count += 1
    return count


@contextlib.contextmanager
def open_output(target: str | Path | None) -> Iterator[IO[bytes]]:
    """Open a record file for writing: ``-``/None is stdout; ``.gz``, ``.zst``, ``.bz2`` and ``.xz`` compress.

    Compressed output is reproducible: gzip headers carry no time stamp or name.
    """
    if target is None or str(target) == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    name = str(target).lower()
    with open(target, "wb") as raw:
        if name.endswith(".gz"):
            with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gzipped:
                yield gzipped  # type: ignore[misc]  # GzipFile is a binary stream; typeshed types it apart
        elif name.endswith(".zst"):
            with zstandard.ZstdCompressor(level=SHARD_LEVEL).stream_writer(raw, closefd=False) as zstd:
                yield zstd
        elif name.endswith(".bz2"):
            with bz2.BZ2File(raw, mode="wb") as bzipped:
                yield bzipped
        elif name.endswith(".xz"):
            with lzma.LZMAFile(raw, mode="wb") as xz:
                yield xz
        else:
            yield raw


class ShardWriter:
    """Record lines into zstd JSON-lines shards ``part-00000.jsonl.zst``, ``part-00001…``: a new shard every
    ``limit`` bytes (uncompressed).

    A shard is compressed whole when it is full (or at :meth:`close`), so the same
    lines give the same bytes; ``files`` lists the shards written, each with its
    file name (``path``), sha256, compressed size and record count. ``corpuskit convert
    --shard-mib`` and the packages write their records with it.
    """

    def __init__(self, folder: Path, limit: int) -> None:
        self.folder, self.limit = folder, limit
        self.files: list[dict[str, Any]] = []
        self._lines: list[bytes] = []
        self._size = 0

    def write(self, line: bytes) -> int:
        """One record's JSON line, newline included."""
        self._lines.append(line)
        self._size += len(line)
        if self._size >= self.limit:
            self._cut()
        return len(line)

    def close(self) -> None:
        self._cut()

    def _cut(self) -> None:
        if not self._lines:
            return
        name = f"part-{len(self.files):05d}.jsonl.zst"
        data = zstandard.ZstdCompressor(level=SHARD_LEVEL).compress(b"".join(self._lines))
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / name).write_bytes(data)
        sha = hashlib.sha256(data).hexdigest()
        self.files.append({"path": name, "sha256": sha, "bytes": len(data), "records": len(self._lines)})
        self._lines, self._size = [], 0


# --- internals ------------------------------------------------------------


def _as_items(result: Article | tuple[Diagnostic, ...]) -> Iterator[ReadItem]:
    if isinstance(result, Article):
        yield result
    else:
        yield from result


def _decompressed(stream: BinaryIO) -> Iterator[bytes]:
    buffered = stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(_Readable(stream))
    head = buffered.peek(len(XZ_MAGIC))[: len(XZ_MAGIC)]  # the longest magic number
    if head.startswith(GZIP_MAGIC):
        return iter(gzip.GzipFile(fileobj=buffered, mode="rb"))
    for magic, name, new in _STREAMED:
        if head.startswith(magic):
            return iter(io.BufferedReader(_Streams(buffered, name, new)))
    return iter(buffered)


class _Streams(io.RawIOBase):
    """The content of compressed streams (zstd frames, bzip2 or xz streams) one after another; a stream cut
    short or damaged raises EOFError, whatever came before it read.

    The libraries' own readers end quietly where this reports: python-zstandard's stream reader inside an
    unfinished frame (a cut ``.jsonl.zst`` read as a shorter or an empty file), and the standard library's
    bz2 and lzma files at a damaged stream after a whole one (taken for trailing garbage and dropped).
    """

    def __init__(self, inner: io.BufferedReader, name: str, new: Callable[[], Any]) -> None:
        self._inner, self._name, self._new = inner, name, new
        self._stream = new()
        self._in_stream = False  # the current stream has been fed bytes and has not ended
        self._pending = memoryview(b"")
        self._damage: EOFError | None = None  # raised once what came before it has been read

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending:
            if self._damage is not None:
                raise self._damage
            chunk = self._inner.read(_CHUNK)
            if not chunk:
                if self._in_stream:
                    raise EOFError(f"{self._name} stream ended before its end marker")
                return 0
            self._pending = memoryview(self._feed(chunk))
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size

    def _feed(self, chunk: bytes) -> bytes:
        out = []
        while chunk:
            self._in_stream = True
            try:
                out.append(self._stream.decompress(chunk))
            except (OSError, lzma.LZMAError, zstandard.ZstdError) as error:  # bz2 says "Invalid data stream"
                self._damage = EOFError(f"{self._name} stream is damaged: {error}")
                break
            if not self._stream.eof:
                break
            chunk, self._in_stream = self._stream.unused_data, False
            self._stream = self._new()
        return b"".join(out)


_CHUNK = 1 << 16
_STREAMED: tuple[tuple[bytes, str, Callable[[], Any]], ...] = (
    (ZSTD_MAGIC, "zstd", lambda: zstandard.ZstdDecompressor().decompressobj()),
    (BZIP2_MAGIC, "bzip2", bz2.BZ2Decompressor),
    (XZ_MAGIC, "xz", lzma.LZMADecompressor),
)


class _Readable(io.RawIOBase):
    """Adapt any object with ``read`` to the raw-IO interface BufferedReader needs."""

    def __init__(self, inner: BinaryIO) -> None:
        self._inner = inner

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._inner.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _read_json_document(stream: BinaryIO, path: str) -> Iterator[tuple[int | None, int | None, ReadItem]]:
    """A ``.json`` file's records: one document, or an array of them, each element with the line it
    starts on and its index (which its diagnostics' JSON paths start with)."""
    try:
        data = b"".join(_decompressed(stream))  # compressed by magic bytes, as JSON Lines are
    except _DECOMPRESSION_ERRORS as error:
        message = f"compressed stream is truncated or corrupt: {error or type(error).__name__}"
        yield None, None, F.CORRUPT_COMPRESSION.diagnostic(message, path=path)
        return
    except OSError as error:
        yield None, None, F.UNREADABLE_FILE.diagnostic(_os_message(error), path=path)
        return
    if (whole := not_records(data, path)) is not None:
        yield 1, None, whole
        return
    if data.startswith(UTF8_BOM):
        yield 1, None, F.BYTE_ORDER_MARK.diagnostic("file starts with a UTF-8 BOM", path=path, line=1, column=1)
        data = data[len(UTF8_BOM) :]
    if not data.strip():
        yield None, None, F.EMPTY_FILE.diagnostic("file holds no records", path=path)
        return
    if data.lstrip()[:1] != b"[":
        for item in _as_items(parse_record(data, path=path, line=1)):
            yield None, None, item
        return
    parsed = _parse_any(data)
    if isinstance(parsed, Diagnostic):
        yield None, None, parsed.located(path=path)
        return
    if not parsed:
        yield None, None, F.EMPTY_FILE.diagnostic("file holds an empty array", path=path)
    for index, (line, element) in enumerate(array_elements(data)):
        # Each element's own bytes, so that a key given twice in it is still seen (F004).
        for item in _as_items(parse_record(element, path=path, line=line)):
            if isinstance(item, Diagnostic):
                item = dataclasses.replace(item, json_path=in_element(index, item.json_path))
            yield line, index, item


_ARRAY_TOKEN = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"|[][{},]')


def array_elements(data: bytes) -> Iterator[tuple[int, bytes]]:
    """The elements of a valid JSON array document, each as its own bytes with the line it starts on.

    >>> list(array_elements(b'[{"a": "]"},\\n  {"b": [1, 2]}, 3]'))
    [(1, b'{"a": "]"}'), (2, b'{"b": [1, 2]}'), (2, b'3')]
    >>> list(array_elements(b"[ ]"))
    []
    """
    depth, start, line, counted = 0, -1, 1, 0
    for token in _ARRAY_TOKEN.finditer(data):
        mark = token.group()
        if mark in (b"[", b"{"):
            depth += 1
            if depth == 1:
                start = token.end()
        elif depth == 1 and mark in (b",", b"]"):
            element = data[start : token.start()]
            if element.strip():
                first = start + len(element) - len(element.lstrip())
                line += data.count(b"\n", counted, first)
                counted = first
                yield line, element.strip()
            start = token.end()
            depth -= mark == b"]"
        elif mark in (b"]", b"}"):
            depth -= 1


def _explain(raw: bytes, error: ValidationError, where: dict[str, Any]) -> tuple[Diagnostic, ...]:
    errors = error.errors(include_url=False, include_input=True)
    if any(item["type"] == "json_invalid" for item in errors):
        parsed = _parse_any(raw)
        if isinstance(parsed, Diagnostic):
            return (parsed.located(**where),)
        # pydantic's parser refused what the fallback accepted: report it honestly.
        return (F.INVALID_JSON.diagnostic(errors[0]["msg"], **where),)
    problem = _json_integrity(raw)
    if problem is None and (depth := _bracket_depth(raw)) > MAX_DEPTH:
        problem = F.TOO_DEEP.diagnostic(f"nesting reaches {depth} levels (limit {MAX_DEPTH})")
    if problem is not None:
        return (problem.located(**where),)
    if len(errors) == 1 and errors[0]["loc"] == () and errors[0]["type"] in {"model_type", "model_attributes_type"}:
        return (F.NOT_AN_OBJECT.diagnostic("line is JSON but not an object", **where),)
    record_id = _record_id(raw)
    return tuple(_schema_diagnostic(item, record_id, where) for item in errors)


def _schema_diagnostic(item: Any, record_id: str | None, where: dict[str, Any]) -> Diagnostic:
    path = json_path(item["loc"])
    if item["type"] == "extra_forbidden":
        return S.UNKNOWN_FIELD.diagnostic(f"unknown key {path}", record_id=record_id, json_path=path, **where)
    if item["type"] == "missing":
        return S.SCHEMA_VIOLATION.diagnostic(
            f"missing required key {path}", record_id=record_id, json_path=path, **where
        )
    return S.SCHEMA_VIOLATION.diagnostic(
        f"{path}: {schema_message(item)}", record_id=record_id, json_path=path, **where
    )


def schema_message(item: Any) -> str:
    """A pydantic error in words: a pattern by what it means, other errors with the value they refused."""
    if item["type"] == "string_pattern_mismatch":
        pattern = item.get("ctx", {}).get("pattern", "")
        wanted = patterns.DESCRIPTIONS.get(pattern, f"a string matching {pattern}")
        return f"{_shown(item.get('input'))} is not {wanted}"
    return f"{item['msg']} (got {_shown(item.get('input'))})" if "input" in item else str(item["msg"])


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def json_path(loc: Iterable[int | str]) -> str:
    """Render a pydantic error location as a JSON path: ``$.provenance.spans[2]``."""
    out = "$"
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part.isidentifier():
            out += f".{part}"
        else:
            out += "[" + json.dumps(part, ensure_ascii=False) + "]"
    return out


def _record_id(raw: bytes) -> str | None:
    try:
        value = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None
    record_id = value.get("id") if isinstance(value, dict) else None
    return record_id if isinstance(record_id, str) and len(record_id) <= 128 else None


def _parse_any(raw: bytes) -> Any | Diagnostic:
    """Parse JSON with orjson; on failure classify the problem as a located diagnostic."""
    depth = _bracket_depth(raw)
    if depth > MAX_DEPTH:
        return F.TOO_DEEP.diagnostic(f"nesting reaches {depth} levels (limit {MAX_DEPTH})")
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        orjson_error = error
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return F.INVALID_UTF8.diagnostic(
            f"byte 0x{raw[error.start]:02x} at offset {error.start} is not valid UTF-8", column=error.start + 1
        )
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        message = error.msg.removesuffix(" at")
        before = text[: error.pos].rstrip(" \t")
        if message == "Extra data" and before.endswith("\r"):
            message += ": records separated by a bare CR (classic Mac line ends); JSON Lines ends lines with LF"
        elif message == "Extra data" and before.endswith("\n"):  # only a whole document (.json) has line ends
            message += ": this is JSON Lines (a record per line), and a .json file holds one record or an array: name it .jsonl"
        # A JSON line is line 1 of itself (its reader knows which line of the file it is); a document says where.
        return F.INVALID_JSON.diagnostic(message, line=error.lineno if error.lineno > 1 else None, column=error.colno)
    except (RecursionError, ValueError):  # a number of thousands of digits: Python's limit, reported in orjson's words
        return F.INVALID_JSON.diagnostic(orjson_error.msg, column=orjson_error.colno)
    # The standard library accepts what orjson refuses: NaN/Infinity or lone surrogates.
    if _has_non_finite(text):
        return F.NON_FINITE_NUMBER.diagnostic("NaN and Infinity are not JSON numbers")
    return F.INVALID_JSON.diagnostic(orjson_error.msg, column=orjson_error.colno)


def _has_non_finite(text: str) -> bool:
    found = False

    def constant(name: str) -> float:
        nonlocal found
        found = True
        return 0.0

    try:
        json.loads(text, parse_constant=constant)
    except (ValueError, RecursionError):
        return False
    return found


def _bracket_depth(raw: bytes) -> int:
    """Deepest array/object nesting, skipping strings; cheap enough for error paths."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in raw:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            deepest = max(deepest, depth)
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return deepest


def _depth(value: Any) -> int:
    """Nesting depth of a JSON value, iteratively (no recursion on hostile input)."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            deepest = max(deepest, level + 1)
            stack.extend((child, level + 1) for child in item.values())
        elif isinstance(item, list):
            deepest = max(deepest, level + 1)
            stack.extend((child, level + 1) for child in item)
    return deepest


def _json_integrity(raw: bytes) -> Diagnostic | None:
    """What pydantic's lenient parse let through: duplicate keys, NaN, lone surrogates.

    Fast path: a line that orjson parses and re-serialises to the very same
    bytes is clean (a duplicate key would have been dropped). Only lines
    written differently pay for the slow pairwise parse.
    """
    stripped = raw.strip()
    try:
        value = orjson.loads(stripped)
    except orjson.JSONDecodeError:
        parsed = _parse_any(stripped)
        return parsed if isinstance(parsed, Diagnostic) else None
    if orjson.dumps(value) == stripped:
        return None
    duplicate: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        seen: set[str] = set()
        for key, _ in items:
            if key in seen and not duplicate:
                duplicate.append(key)
            seen.add(key)
        return dict(items)

    try:
        json.loads(stripped, object_pairs_hook=pairs)
    except (ValueError, RecursionError):
        return None
    if duplicate:
        return F.DUPLICATE_KEY.diagnostic(f"key {duplicate[0]!r} appears twice in one object")
    return None


def _os_message(error: OSError) -> str:
    return f"cannot read: {error.strerror or error}"
