"""WARC and ARC captures → records (warcio), and records → WARC (conversion records).

Reading streams every record with warcio's ``ArchiveIterator`` and verifies
``WARC-Block-Digest`` and ``WARC-Payload-Digest`` where present:

* ``response`` records with status 200 and an HTML (or plain-text) payload are
  converted by the HTML (or text) converter; ``resource`` records likewise by
  their content type;
* ``revisit`` records whose original capture is in the same file need no record
  of their own (the original's record holds the text) and are counted;
  unresolved revisits of pages are reported (C008);
* ``conversion`` records of type ``application/vnd.corpuskit.article+json``
  (what ``--warc-out`` writes) are read back as records, and the source record
  they refer to is not converted a second time;
* everything else is skipped and counted.

Each record's ``provenance.capture`` gives the file, the WARC-Record-ID, and the
offset and length warcio reports, so that ``warcio extract FILE OFFSET`` prints
that very record. A damaged stretch (a truncated record, a corrupt gzip member,
an unparsable header) is reported with its offset (C006) and reading resumes
at the next record that can be found; a digest mismatch is reported (C007) and
the record is not converted.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import functools
import hashlib
import importlib.util
import io
import logging
import re
import tempfile
import uuid
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from corpuskit import dates
from corpuskit.convert._build import SourceInput
from corpuskit.diagnostics import Diagnostic
from corpuskit.jsonl import dumps, parse_record
from corpuskit.models import Article
from corpuskit.rules import convert as C
from corpuskit.urls import url_problem, usable_url

NAME = "corpuskit.warc"
ARTICLE_MEDIA_TYPE = "application/vnd.corpuskit.article+json"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain",)
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_MAGIC = b"WARC/"
_RECORD_START = re.compile(rb"(?:^|\n)(?:WARC/1\.[01]\r?\n|filedesc://|https?://[^\s]+ [0-9.]+ [0-9]{14} )")


@dataclass(frozen=True, slots=True)
class Skipped:
    """A record (or file) deliberately not converted, and why: counted, never silent."""

    reason: str
    path: str


ConvertOne = Callable[[str, SourceInput], Iterator[Article | Diagnostic]]
"""Converts one payload with the named converter (``text`` or ``html``), behind a fault barrier."""


@dataclass(slots=True)
class _Capture:
    """One record as read: headers, payload, and where it sits in the file."""

    record: Any
    payload: bytes
    offset: int
    length: int
    complete: bool
    cause: str | None = None  # what warcio's reader said of the damage as it read the record


def convert_file(path: Path, relative: str, convert_one: ConvertOne) -> Iterator[Article | Diagnostic | Skipped]:
    """Every record of one WARC/ARC file, in file order; damage is reported and skipped over."""
    try:
        handle = path.open("rb")
    except OSError as error:
        yield C.UNREADABLE_SOURCE.diagnostic(f"cannot read: {error.strerror or error}", path=str(path))
        return
    with handle:
        yield from _convert_stream(handle, relative, str(path), convert_one)


def _convert_stream(
    handle: IO[bytes], relative: str, shown: str, convert_one: ConvertOne
) -> Iterator[Article | Diagnostic | Skipped]:
    originals: set[str] = set()  # payload digests and record ids of the captures converted so far
    pending: tuple[str | None, str, SourceInput] | None = None  # held until we know no conversion record replaces it

    def flush() -> Iterator[Article | Diagnostic]:
        nonlocal pending
        if pending is not None:
            _, converter, source = pending
            pending = None
            yield from convert_one(converter, source)

    read = False
    for item in read_captures(handle, shown):
        read = True
        if isinstance(item, Diagnostic):
            yield from flush()
            yield item
            continue
        record = item.record
        kind = record.rec_type
        record_id = record.rec_headers.get_header("WARC-Record-ID")
        named = (
            f"record {record_id} at byte {item.offset}" if record_id else f"record at byte {item.offset}"
        )  # ARC: no id
        problem = _damage(item, shown)
        if problem is not None:  # a truncated or altered record is reported, never converted or read back
            yield from flush()
            yield problem
            continue
        if kind == "conversion":
            refers_to = record.rec_headers.get_header("WARC-Refers-To")
            if pending is not None and refers_to is not None and pending[0] == refers_to:
                pending = None
                yield Skipped("source-of-conversion-record", shown)
            yield from flush()
            yield from _read_conversion(item, shown)
            continue
        yield from flush()
        if kind == "revisit":
            yield from _revisit(item, originals, shown)
            continue
        media_type, charset = _content_type(item)
        converter = _converter_for(kind, item, media_type)
        if converter is None:
            yield Skipped(_skip_reason(kind, item, media_type), shown)
            continue
        truncated = record.rec_headers.get_header("WARC-Truncated")
        if truncated:
            yield C.CAPTURE_TRUNCATED.diagnostic(
                f"{named}: the crawler cut the capture short (WARC-Truncated: {truncated}); its text may stop early",
                path=shown,
            )
        date, unreadable = _capture_date(record)
        if unreadable is not None:
            yield C.CAPTURE_HEADER_INVALID.diagnostic(
                f"{named}: capture date {unreadable!r} is not a date; converted without capture.date",
                path=shown,
            )
        if kind == "response" and (unusable := _unusable_target(record)) is not None:
            yield C.CAPTURE_HEADER_INVALID.diagnostic(
                f"{named}: {unusable}; the record's url is the one the page gives, if any",
                path=shown,
            )
        originals.update(key for key in (record.rec_headers.get_header("WARC-Payload-Digest"), record_id) if key)
        pending = (record_id, converter, _source(item, relative, media_type, charset, date))
    yield from flush()
    if not read:  # an empty file (or an empty gzip stream) gives warcio no record, and no word of it
        size = handle.seek(0, io.SEEK_END)
        yield C.NO_ARTICLE_TEXT.diagnostic(f"no records: the archive holds {size} bytes and no record", path=shown)


class _BrotliDecompressor:
    """The zlib-like decompressor warcio expects, over the brotli package's ``Decompressor``.

    warcio decodes ``Content-Encoding: br`` with a ``brotli`` module of the old brotlipy kind
    (``decompress``, a settable ``unused_data``); the maintained brotli package has neither, and
    with it warcio's own set-up raises, so that the record cannot be read at all.
    """

    def __init__(self) -> None:
        import brotli

        self._inner = brotli.Decompressor()
        self.unused_data: bytes | None = None  # a brotli stream is one member: nothing follows it

    def decompress(self, data: bytes) -> bytes:
        return bytes(self._inner.process(data))

    def flush(self) -> bytes:
        return b""


def _zstd_decompressor() -> Any:
    """A zlib-like decompressor for ``Content-Encoding: zstd`` (browsers ask for it since 2024)."""
    import zstandard

    return zstandard.ZstdDecompressor().decompressobj()


@functools.cache
def _decode_more_encodings() -> None:
    """Teach warcio (once) the content encodings it does not know: brotli, when the brotli package is
    there (without it such payloads stay encoded), and zstd."""
    from warcio.bufferedreaders import BufferedReader

    if importlib.util.find_spec("brotli") is not None:
        BufferedReader.DECOMPRESSORS["br"] = _BrotliDecompressor
    BufferedReader.DECOMPRESSORS["zstd"] = _zstd_decompressor


def read_captures(handle: IO[bytes], shown: str) -> Iterator[_Capture | Diagnostic]:
    """warcio's records with payloads, offsets and lengths; resynchronises after damage."""
    _decode_more_encodings()

    position = handle.tell()
    gzipped = handle.read(3) == _GZIP_MAGIC
    if gzipped and _gzipped_whole(handle, position):
        yield C.WHOLE_FILE_GZIP.diagnostic(
            "gzipped whole, not one member per record: read decompressed; offsets and lengths are positions in"
            " the decompressed stream",
            path=shown,
        )
        with tempfile.TemporaryFile() as plain:  # on disk: memory stays flat, and the reader can seek
            problem = _decompress(handle, position, plain)
            yield from read_captures(plain, shown)
        if problem is not None:
            yield C.DAMAGED_ARCHIVE.diagnostic(problem, path=shown)
        return
    with _warcio_notices() as (notices, broken):
        yield from _read_plain(handle, position, shown, notices, broken)


@functools.cache
def _loader_class() -> type:
    from warcio.recordloader import ArcWarcRecordLoader

    class HttpAwareLoader(ArcWarcRecordLoader):  # type: ignore[misc]
        """warcio's record loader, reading a record's HTTP header wherever its Content-Type says it holds one.

        warcio reads one only under a target URI that starts with "http:" or "https:" in lower case, and
        fails with an AttributeError on a response that has no target URI. A response under
        "HTTP://EXAMPLE.COM/" was skipped as having no HTTP header, and one without a target URI was
        reported as an unreadable record header; both are pages, and the WARC standard's
        "application/http" Content-Type says so.
        """

        http_block = False  # the record being read is declared "application/http"

        def _ensure_target_uri_format(self, rec_headers: Any) -> str | None:
            content_type = rec_headers.get_header("Content-Type") or ""
            self.http_block = content_type.strip().lower().startswith("application/http")
            return super()._ensure_target_uri_format(rec_headers)  # type: ignore[no-any-return]

        def load_http_headers(self, rec_type: str, uri: str | None, stream: Any, length: int | None) -> Any:
            declared, self.http_block = self.http_block, False
            if declared and not (uri or "").startswith(self.HTTP_SCHEMES):
                uri = "http:"  # the scheme warcio asks for; the record keeps its own target URI
            return super().load_http_headers(rec_type, uri or "", stream, length)

    return HttpAwareLoader


def _http_aware_loader() -> Any:
    return _loader_class()(verify_http=False, arc2warc=False)  # ArchiveIterator's own settings


def _read_plain(
    handle: IO[bytes], position: int, shown: str, notices: list[str], broken: list[str]
) -> Iterator[_Capture | Diagnostic]:
    from warcio.archiveiterator import ArchiveIterator

    handle.seek(position)
    head = handle.read(65536)
    if head.strip() and not _opens_record(head):
        # warcio would read damaged first bytes as a record of some kind, and the records they run into with it
        resume = _next_record_start(handle, position + 1)
        yield C.DAMAGED_ARCHIVE.diagnostic(
            f"damaged archive at byte {position}: no record starts there; {_resumed(resume)}", path=shown
        )
        if resume is None:
            return
        position = resume
    while True:
        handle.seek(position)
        iterator = ArchiveIterator(handle, check_digests=True)
        iterator.loader = _http_aware_loader()
        iterator.INC_RECORD = ""  # warcio prints this damage to stderr: it is counted below and reported, located
        start = reading = position  # reading: where the record warcio reads next starts
        try:
            for record in iterator:
                start = iterator.offset
                if iterator.err_count:
                    iterator.err_count = 0
                    yield C.DAMAGED_ARCHIVE.diagnostic(
                        f"damaged archive before byte {start}: a record is not followed by the"
                        " blank lines that end it (its Content-Length may be wrong); what follows was read as the"
                        " next record",
                        path=shown,
                    )
                payload = record.content_stream().read()
                # a complete record is read to its declared length; a record cut inside its header has none
                complete = getattr(record.raw_stream, "limit", None) == 0 and record.rec_type is not None
                iterator.read_to_end(record)
                offset = iterator.get_record_offset()
                named = f"record {record.rec_headers.get_header('WARC-Record-ID') or 'without an id'} at byte {offset}"
                yield from _notices_at(notices, named, shown)  # what warcio repaired in its header as it read it
                length = iterator.get_record_length()
                cause = _taken(broken)
                # warcio reads a member that does not inflate at its first bytes as raw bytes, and on through
                # the members after it; an uncompressed record is read so too, and is no damage
                if (
                    cause is None
                    and getattr(iterator.reader, "decompressor", True) is None
                    and _gzip_at(handle, offset)
                ):
                    cause = "its gzip member does not inflate, and was read as raw bytes"
                if cause is None and length >= 0:
                    reading = offset + length
                    yield _Capture(record, payload, offset, length, complete)
                    continue
                # A gzip member that does not inflate, or that inflates past its record (a flipped byte near its
                # end, where warcio counts the record's length below zero): warcio reads nothing more of the
                # file, so the next record is looked for, as after any damage; such a record reaches to it.
                resume = _next_record_start(handle, offset + 1)
                if length < 0:
                    length = (resume if resume is not None else handle.seek(0, io.SEEK_END)) - offset
                    cause = cause or "its gzip member inflates past the record"
                yield _Capture(record, payload, offset, length, complete, f"{cause}; {_resumed(resume)}")
                if resume is None:
                    return
                position = resume
                break
            else:
                end, size = iterator.offset, handle.seek(0, io.SEEK_END)
                if end < size:  # warcio stops quietly at a record it cannot start: the rest of the file is not read
                    yield C.DAMAGED_ARCHIVE.diagnostic(
                        f"damaged archive at byte {end}: {size - end} byte(s) at the end are not a complete record",
                        path=shown,
                    )
                return
        except Exception as error:  # warcio raises many types on damage: each is a located report, not the end
            start = max(start, getattr(iterator, "offset", start))
            yield from _notices_at(notices, f"the damaged record at byte {start}", shown)
            cause = _taken(broken)
            # A gzip member that does not inflate is read on as raw bytes, through the whole members after it:
            # the next record is looked for from the member warcio was reading.
            member = reading < start and _gzip_at(handle, reading)
            resume = _next_record_start(handle, (reading if member else start) + 1)
            described = f"{_describe(error)} ({cause})" if cause else _describe(error)
            yield C.DAMAGED_ARCHIVE.diagnostic(
                f"damaged archive at byte {start}: {described}; {_resumed(resume)}", path=shown
            )
            if resume is None:
                return
            position = resume


def _resumed(resume: int | None) -> str:
    """Where reading goes on after damage, as a report says it."""
    return f"resumed at byte {resume}" if resume is not None else "nothing readable after it"


def _gzip_at(handle: IO[bytes], offset: int) -> bool:
    """Whether a gzip member starts at ``offset``; the handle's position is kept (warcio may read on from it)."""
    here = handle.tell()
    handle.seek(offset)
    found = handle.read(len(_GZIP_MAGIC)) == _GZIP_MAGIC
    handle.seek(here)
    return found


def _taken(broken: list[str]) -> str | None:
    """What warcio's reader wrote of the damage since the last record (each line once), and none left."""
    cause = "; ".join(dict.fromkeys(broken)) or None
    broken.clear()
    return cause


def _notices_at(notices: list[str], named: str, shown: str) -> Iterator[Diagnostic]:
    for notice in notices:
        yield C.CAPTURE_HEADER_INVALID.diagnostic(f"{named}: {notice}", path=shown)
    notices.clear()


class _Notices(logging.Handler):
    """warcio's log lines while a file is read, each turned into a message for the record it concerns."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        prefix = "Replacing spaces in invalid WARC-Target-URI: "
        if message.startswith(prefix):
            message = f"WARC-Target-URI {message[len(prefix) :]!r} has spaces; read with them as %20"
        self.messages.append(message)


@contextlib.contextmanager
def _warcio_notices() -> Iterator[tuple[list[str], list[str]]]:
    """Collect warcio's log lines, and what its buffered reader writes to stderr of a damaged gzip member
    ("Error -3 while decompressing data: incorrect data check"), instead of letting them reach stderr
    unlocated: the one become notes at their record, the other the cause of its damage."""
    import warcio.bufferedreaders

    log = logging.getLogger("warcio.recordloader")
    handler = _Notices()
    propagate, written = log.propagate, warcio.bufferedreaders.sys
    log.addHandler(handler)
    log.propagate = False
    warcio.bufferedreaders.sys = _Stderr([])
    try:
        yield handler.messages, warcio.bufferedreaders.sys.messages
    finally:
        log.removeHandler(handler)
        log.propagate = propagate
        warcio.bufferedreaders.sys = written


class _Stderr:
    """Stands for ``sys`` in warcio's buffered reader, whose only use of it is ``sys.stderr.write``."""

    def __init__(self, messages: list[str]) -> None:
        self.messages = messages
        self.stderr = self

    def write(self, text: str) -> int:
        if text.strip():
            self.messages.append(text.strip())
        return len(text)


def _gzipped_whole(handle: IO[bytes], position: int) -> bool:
    """Whether the first gzip member goes on past the first record into the next (``gzip capture.warc``,
    ``gzip capture.arc``).

    Only the first record is decompressed (and the bytes after it), and only what is needed is kept.
    """
    handle.seek(position)
    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
    head, after, seen, needed = b"", b"", 0, -1
    while len(after) < _NEXT_HEADER_BYTES and not inflate.eof:
        chunk = handle.read(1 << 16)
        try:
            data = inflate.decompress(chunk) if chunk else b""
        except zlib.error:
            return False  # damage: the reader reports it where it is
        if not data and not chunk:
            break  # the file ends inside the member: judge by what came out
        if needed < 0:
            head += data
            size = _first_record_size(head)
            if size is None:
                return False
            needed = size
            if needed < 0:
                if len(head) > 1 << 16:
                    return False
                continue
            data, seen = head, 0
        if seen + len(data) > needed:
            after += data[max(0, needed - seen) :]
        seen += len(data)
    # A member that goes on past its record into the next one. Other bytes there are damage (a flipped byte near
    # the member's end inflates into more output), which the member-by-member reader reports where it is.
    return _opens_record(after[:_NEXT_HEADER_BYTES])


_NEXT_HEADER_BYTES = 256  # enough of what follows the first record to tell a record's header (an ARC line names a URL)


def _first_record_size(head: bytes) -> int | None:
    r"""The size of the record ``head`` opens (its header and block), -1 while its header is not all there,
    None when it opens no WARC or ARC record.

    >>> _first_record_size(b"filedesc://a.arc 0.0.0.0 20200101000000 text/plain 12\n"), _first_record_size(b"WARC/1.0")
    (66, -1)
    """
    if head.startswith(_WARC_MAGIC):
        end = head.find(b"\r\n\r\n")
        if end < 0:
            return -1
        length = _CONTENT_LENGTH.search(head, 0, end)
        return end + 4 + int(length[1]) if length is not None else None
    if not _opens_record(head):
        return None
    end = head.find(b"\n")  # an ARC record: a header line whose last field is the block's length
    if end < 0:
        return -1
    declared = head[:end].split()[-1]
    return end + 1 + int(declared) if declared.isdigit() else None


_CONTENT_LENGTH = re.compile(rb"(?im)^content-length:[ \t]*([0-9]+)[ \t]*\r?$")


def _decompress(handle: IO[bytes], position: int, out: IO[bytes]) -> str | None:
    """Decompress the file (every gzip member) into ``out``, left at its start; the damage that cut it short.

    zlib by hand rather than ``gzip.GzipFile``: what a cut or corrupt stream held before the break is kept.
    """
    handle.seek(position)
    inflate, started, problem = zlib.decompressobj(16 + zlib.MAX_WBITS), False, None
    while problem is None and (chunk := handle.read(1 << 20)):
        while chunk:
            try:
                out.write(inflate.decompress(chunk))
            except zlib.error as error:
                problem = f"the gzip stream breaks ({error})"
                break
            chunk, started = b"", True
            if inflate.eof:  # the next member, if any
                chunk, inflate, started = inflate.unused_data, zlib.decompressobj(16 + zlib.MAX_WBITS), False
    if problem is None and started and not inflate.eof:
        out.write(inflate.flush())
        problem = "the gzip stream is cut short"
    where = out.tell()
    out.seek(0)
    return f"damaged archive at decompressed byte {where}: {problem}" if problem else None


# What warcio raises from inside its parser when a record's header is not what it expects: a slip in the
# reader, not a message about the file.
_PARSER_SLIPS = (AttributeError, TypeError, KeyError, IndexError)


def _describe(error: Exception) -> str:
    r"""The damage as the archive reader saw it: its own message, or what it could not parse.

    The reader quotes the bytes it could not read: they are shown escaped (a terminal must not receive
    them raw) and cut short.

    >>> _describe(AttributeError("'NoneType' object has no attribute 'startswith'"))
    'a record header the WARC reader cannot parse (AttributeError in warcio)'
    >>> print(_describe(ValueError("Unknown archive format, first line: " + chr(0x1B) + "[2J" + chr(0xFA))))
    ValueError: Unknown archive format, first line: \x1b[2J\xfa
    """
    if isinstance(error, _PARSER_SLIPS):
        return f"a record header the WARC reader cannot parse ({type(error).__name__} in warcio)"
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    if len(text) > _QUOTED:
        text = text[:_QUOTED] + "..."
    text = "".join(char if char.isprintable() and char.isascii() else ascii(char)[1:-1] for char in text)
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


_QUOTED = 120
"""Characters of the reader's message kept: enough for its words and the first bytes it quotes."""


def _next_record_start(handle: IO[bytes], start: int) -> int | None:
    """The offset of the next record at or after ``start``: an uncompressed record header or a gzip member
    opening one, whichever comes first, whatever the file began with (its first member's magic may be the
    damage)."""
    handle.seek(start)
    window = 1 << 20
    carry = b""
    base = start
    while True:
        chunk = handle.read(window)
        if not chunk:
            return None
        data = carry + chunk
        origin = base - len(carry)
        match = _RECORD_START.search(data)
        plain = match.start() + (1 if data[match.start() : match.start() + 1] == b"\n" else 0) if match else len(data)
        found = data.find(_GZIP_MAGIC, 0, plain)
        while found >= 0:
            if _opens_record(data[found:]):
                return origin + found
            found = data.find(_GZIP_MAGIC, found + 1, plain)
        if match is not None:
            return origin + plain
        carry = data[-64:]
        base += len(chunk)


def _opens_record(data: bytes) -> bool:
    """Whether the bytes open a record: a WARC or ARC header, gzipped or not (past blank lines)."""
    if data.startswith(_GZIP_MAGIC):
        try:
            data = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:65536], 64)
        except zlib.error:
            return False
    head = data.lstrip(b"\r\n")
    return head.startswith((b"WARC/1.", b"WARC/0.", b"filedesc://")) or bool(re.match(rb"https?://\S+ ", head))


def _damage(item: _Capture, shown: str) -> Diagnostic | None:
    record = item.record
    cause = f": {item.cause}" if item.cause else ""
    if not item.complete:
        return C.DAMAGED_ARCHIVE.diagnostic(
            f"damaged archive at byte {item.offset}: record truncated (its block is shorter than declared){cause}",
            path=shown,
        )
    if item.cause:
        return C.DAMAGED_ARCHIVE.diagnostic(f"damaged archive at byte {item.offset}{cause}", path=shown)
    checker = getattr(record, "digest_checker", None)
    if checker is not None and checker.passed is False:
        problems = "; ".join(checker.problems) or "digest failed"
        record_id = record.rec_headers.get_header("WARC-Record-ID") or f"@{item.offset}"
        return C.DIGEST_MISMATCH.diagnostic(f"record {record_id} at byte {item.offset}: {problems}", path=shown)
    return None


def _content_type(item: _Capture) -> tuple[str | None, str | None]:
    record = item.record
    headers = record.http_headers if record.http_headers is not None else record.rec_headers
    value = headers.get_header("Content-Type") or ""
    media_type = value.split(";")[0].strip().lower() or None
    charset = re.search(r"charset\s*=\s*[\"']?([^\s;\"']+)", value, re.IGNORECASE)
    return media_type, charset.group(1) if charset else None


def _converter_for(kind: str, item: _Capture, media_type: str | None) -> str | None:
    if kind == "response":
        status = item.record.http_headers.get_statuscode() if item.record.http_headers is not None else None
        if status != "200":
            return None
    elif kind != "resource":
        return None
    if media_type in _HTML_TYPES:
        return "html"
    if media_type in _TEXT_TYPES:
        return "text"
    if media_type is None:  # served without a Content-Type: a page is known by its first bytes, as browsers know it
        from corpuskit.convert import sniff

        identified = item.record.rec_headers.get_header("WARC-Identified-Payload-Type")  # Common Crawl's detection
        return "html" if identified in _HTML_TYPES or sniff(item.payload[:4096]) == "html" else None
    return None


def _skip_reason(kind: str, item: _Capture, media_type: str | None) -> str:
    if kind == "response" and item.record.http_headers is None:
        declared = item.record.rec_headers.get_header("Content-Length")
        if declared is not None and not declared.strip().isdigit():  # warcio reads such a record as empty
            return "response whose Content-Length is not a length"
        return "response without an HTTP header"  # an ARC record with no payload, or a damaged one
    if kind == "response":
        status = item.record.http_headers.get_statuscode()
        if status != "200":
            return f"response status {status or 'missing'}"
    if kind in {"response", "resource"}:
        return f"{kind} {media_type or 'without media type'}"
    return kind


def _target_uri(record: Any) -> str | None:
    uri: str | None = record.rec_headers.get_header("WARC-Target-URI") or record.rec_headers.get_header("uri")
    return uri


def _unusable_target(record: Any) -> str | None:
    """Why a response's target URI cannot be its record's ``url``, or None when it can."""
    target = _target_uri(record)
    header = "URL" if record.format == "arc" else "WARC-Target-URI"
    if target is None:
        return f"no {header}"
    if usable_url(target):
        return None
    problem = url_problem(target)
    return f"{header} {target!r} is not a usable http(s) URL" + (f" ({problem})" if problem else "")


def _capture_date(record: Any) -> tuple[str | None, str | None]:
    """The capture's date as a record date, and the header's value when it is there but no date."""
    value: str | None = record.rec_headers.get_header("WARC-Date")
    if value is not None:
        date = dates.normalize(value)
        return date, None if date else value
    arc: str | None = record.rec_headers.get_header("archive-date")
    if arc is None:
        return None, None
    stamp = arc.strip()
    if len(stamp) >= 14 and stamp[:14].isdigit():
        date = dates.normalize(f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}T{stamp[8:10]}:{stamp[10:12]}:{stamp[12:14]}Z")
        if date:
            return date, None
    return None, arc


def _source(
    item: _Capture, relative: str, media_type: str | None, charset: str | None, date: str | None
) -> SourceInput:
    record = item.record
    target = _target_uri(record)
    capture = {
        "filename": relative,
        "record_id": record.rec_headers.get_header("WARC-Record-ID"),
        "offset": item.offset,
        "length": item.length,
        "target_uri": target,
        "date": date,
    }
    return SourceInput(
        relative, item.payload, url=target, declared_charset=charset, media_type=media_type, capture=capture
    )


def _revisit(item: _Capture, originals: set[str], shown: str) -> Iterator[Diagnostic | Skipped]:
    record = item.record
    media_type, _ = _content_type(item)
    keys = [record.rec_headers.get_header(name) for name in ("WARC-Refers-To", "WARC-Payload-Digest")]
    if any(key in originals for key in keys if key):
        yield Skipped("revisit resolved in the same file", shown)
    elif media_type in _HTML_TYPES + _TEXT_TYPES:
        record_id = record.rec_headers.get_header("WARC-Record-ID") or f"@{item.offset}"
        yield C.UNRESOLVED_REVISIT.diagnostic(
            f"revisit {record_id} at byte {item.offset} of {_target_uri(record)}: its original is not in this file",
            path=shown,
        )
    else:
        yield Skipped(f"revisit {media_type or 'without media type'}", shown)


def _read_conversion(item: _Capture, shown: str) -> Iterator[Article | Diagnostic | Skipped]:
    content_type = (item.record.rec_headers.get_header("Content-Type") or "").split(";")[0].strip()
    if content_type != ARTICLE_MEDIA_TYPE:
        yield Skipped(f"conversion {content_type or 'without media type'}", shown)
        return
    result = parse_record(item.payload, path=f"{shown}@{item.offset}")
    if isinstance(result, Article):
        yield result
    else:
        yield from result


# --- writing: records (and their raw sources) → WARC/1.1 ---------------------------------------


def source_uri(relative: str, sha256: str) -> str:
    """The synthesised target URI of a local file: its content address, with its path for people."""
    from urllib.parse import quote

    return f"urn:corpuskit:source:sha256:{sha256}:{quote(relative, safe='/')}"


def _record_id(*parts: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, '|'.join(parts))}>"


def _digest(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def _warc_date(value: str) -> str:
    moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


class WarcOut:
    """Writes sources as ``resource`` records and articles as ``conversion`` records (WARC/1.1, gzip per record).

    Record ids and dates derive from the content and ``converted_at``, so the
    same input gives the same bytes.
    """

    def __init__(self, stream: IO[bytes], *, gzip: bool = True) -> None:
        from warcio.warcwriter import WARCWriter

        self._writer = WARCWriter(stream, gzip=gzip, warc_version="WARC/1.1")
        self._written: dict[str, str] = {}  # source sha256 → resource record id

    def source(self, source: SourceInput, media_type: str, date: str) -> str:
        """Write a raw source once (by content); return its record id."""
        sha = source.sha256
        if sha in self._written:
            return self._written[sha]
        record_id = _record_id("resource", sha)
        headers = {
            "WARC-Record-ID": record_id,
            "WARC-Date": _warc_date(date),
            "WARC-Payload-Digest": _digest(source.data),
            "WARC-Block-Digest": _digest(source.data),
        }
        self._write("resource", source_uri(source.path, sha), source.data, media_type, headers)
        self._written[sha] = record_id
        return record_id

    def add(self, article: Article, source: SourceInput | None) -> None:
        """Write a record after its raw source (once); a capture's record refers to its WARC record instead."""
        capture = article.provenance.capture
        if capture is not None:
            self.article(article, capture.record_id)
        elif source is not None:
            media_type = article.provenance.source.media_type or "application/octet-stream"
            self.article(article, self.source(source, media_type, article.provenance.converted_at))
        else:
            self.article(article, None)

    def article(self, article: Article, refers_to: str | None) -> None:
        data = dumps(article)
        provenance = article.provenance
        target = provenance.capture.target_uri if provenance.capture else None
        headers = {
            "WARC-Record-ID": _record_id("conversion", article.id, hashlib.sha256(data).hexdigest()),
            "WARC-Date": _warc_date(provenance.converted_at),
            "WARC-Block-Digest": _digest(data),
        }
        if refers_to:
            headers["WARC-Refers-To"] = refers_to
        uri = target or article.url or source_uri(provenance.source.path, provenance.source.sha256)
        self._write("conversion", uri, data, ARTICLE_MEDIA_TYPE, headers)

    def _write(self, kind: str, uri: str, data: bytes, media_type: str, headers: dict[str, str]) -> None:
        from warcio.statusandheaders import StatusAndHeaders

        header_list = [("WARC-Type", kind), ("WARC-Target-URI", uri), *headers.items()]
        header_list += [("Content-Type", media_type), ("Content-Length", str(len(data)))]
        record = self._writer.create_warc_record(
            uri,
            kind,
            payload=io.BytesIO(data),
            length=len(data),
            warc_headers=StatusAndHeaders("WARC/1.1", header_list, protocol="WARC/1.1"),
        )
        self._writer.write_record(record)


def write_warc(stream: IO[bytes], items: Iterable[tuple[Article, SourceInput | None]]) -> None:
    """Records, each with the raw source it came from when that was not a WARC record → one WARC."""
    out = WarcOut(stream)
    for article, source in items:
        out.add(article, source)
