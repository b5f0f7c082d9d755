"""Converters: sources in, records (or located diagnostics) out.

One module per source format; this registry maps a name to a converter, its
file suffixes and the magic bytes that identify it. Adding a format touches its
module, one line here, and its test.

>>> sorted(REGISTRY)
['html', 'text', 'warc']
"""

from __future__ import annotations

import os
import unicodedata
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from corpuskit.convert import html, text, warc
from corpuskit.convert._build import Draft, SourceInput, _Found, converted_at, finish
from corpuskit.convert.sidecar import Sidecar
from corpuskit.convert.warc import Skipped
from corpuskit.diagnostics import Diagnostic, printable
from corpuskit.jsonl import GZIP_MAGIC
from corpuskit.models import Article
from corpuskit.rules import convert as C

__all__ = [
    "LEFT_OUT",
    "NOT_REGULAR",
    "REGISTRY",
    "UNCLAIMED",
    "Converter",
    "Discovered",
    "Item",
    "Opened",
    "Skipped",
    "Unit",
    "convert_paths",
    "convert_record",
    "convert_source",
    "convert_unit",
    "converter_for",
    "discover",
    "sniff",
]


@dataclass(frozen=True)
class Opened:
    """A source about to be converted: what ``--warc-out`` and ``pack`` store beside its records.

    ``source`` holds the bytes of a single-document source; it is None for an
    archive, which is read from ``path`` as it streams.
    """

    path: Path
    relative: str
    original: str  # the relative path as found, before NFC normalisation
    source: SourceInput | None


Item = Article | Diagnostic | Skipped | Opened
"""What a conversion run yields: records, reports, counted skips, and the sources opened."""


@dataclass(frozen=True)
class Converter:
    name: str
    suffixes: tuple[str, ...]
    convert: Callable[[SourceInput], Iterator[Draft | Diagnostic]] | None = None
    """Converts one document held in memory."""
    stream: Callable[[Path, str, warc.ConvertOne], Iterator[Article | Diagnostic | Skipped]] | None = None
    """Reads an archive file itself (streaming), converting each captured document."""


REGISTRY: dict[str, Converter] = {
    "text": Converter(text.NAME, (".txt", ".text", ".txt.gz", ".text.gz"), convert=text.convert),
    "html": Converter(html.NAME, (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz"), convert=html.convert),
    "warc": Converter(warc.NAME, (".warc", ".warc.gz", ".arc", ".arc.gz"), stream=warc.convert_file),
}


def _gunzipped_head(head: bytes) -> bytes:
    """The first bytes a gzip member's start holds (``head`` itself when it is not gzip; b"" when corrupt)."""
    if not head.startswith(GZIP_MAGIC):
        return head
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 512)
    except zlib.error:
        return b""


def sniff(head: bytes) -> str:
    """The converter for a file nobody claims by name, from its first bytes (gzip looked into).

    >>> sniff(b"WARC/1.0\\r\\n"), sniff(b"  <!DOCTYPE html><html>"), sniff(b"Home > News")
    ('warc', 'html', 'text')
    """
    head = _gunzipped_head(head)  # corrupt gzip leaves nothing to recognise: text, the fallback
    if head.startswith((b"WARC/1.", b"filedesc://")):
        return "warc"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:64].lower()
    if start.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<!--")):
        return "html"
    return "text"


UNCLAIMED = "neither named nor shaped like a source"
"""Why a file met in a folder walk is left out: no converter claims its name, and its first
bytes are neither a WARC nor an HTML page (a stylesheet, an image, a README)."""
NOT_REGULAR = "not regular files (pipes, sockets, devices)"
"""Why a file met in a folder walk is left out: reading a named pipe would wait for a writer forever."""
LEFT_OUT = (UNCLAIMED, NOT_REGULAR)
"""The reasons a file of a walked folder is left out, as against an archive record skipped."""


def _escapes(path: Path, top: Path) -> bool:
    """A symbolic link that leads out of the tree (never read); a link to nothing or a loop is read, and reported."""
    if not path.is_symlink():
        return False
    try:
        return not path.resolve(strict=True).is_relative_to(top)
    except (OSError, RuntimeError):
        return False


def _identified(path: Path, top: Path) -> Converter | None:
    """The converter for a file met in a walk whose name no converter claims, if its first bytes
    show a WARC or a page (a saved ``story.php``, an ``index.html?p=12``): a fallback to text would
    turn stylesheets and scripts into records. A symlink out of the tree is never read."""
    if _escapes(path, top):
        return None
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:
        return None
    head = _gunzipped_head(head)  # once: sniff() would look into the gzip again
    kind = sniff(head)
    if kind == "warc":
        return REGISTRY[kind]
    lowered = head.lower()
    return REGISTRY[kind] if kind == "html" and (b"<html" in lowered or b"<!doctype html" in lowered) else None


_SNIFF_BYTES = 4096


def converter_for(path: Path, forced: str | None = None) -> Converter | None:
    if forced is not None:
        return REGISTRY[forced]
    name = path.name.lower()
    return next((c for c in REGISTRY.values() if name.endswith(c.suffixes)), None)


@dataclass(frozen=True)
class Discovered:
    """A file to convert: where it is, its path relative to its input root (NFC, and as found), its converter.

    The relative paths are text a record can hold: a name's bytes that are not UTF-8 are escapes ("caf\\xe9.txt").
    """

    path: Path
    relative: str
    original: str
    converter: Converter
    escapes: bool = False  # a symlink leading out of the input tree: never read
    data: bytes | None = None  # a pipe's bytes, read whole when it was sniffed (it cannot be read twice)


def discover(paths: Iterable[Path], forced: str | None = None) -> Iterator[Discovered | Skipped]:
    """Every convertible file, in a stable order, and every file of a walk left out.

    A directory is walked recursively (symlinked directories are not followed,
    symlinked files that lead out of the tree are flagged) and keeps the files a
    converter claims by name or that show a WARC or a page in their first bytes;
    the others are skipped and counted. A file given directly is its own root, so
    its relative path is its name, and a file no converter claims by name is
    sniffed (plain text is the fallback: the user named it).
    """
    for root in paths:
        if root.is_dir():
            found = []
            top = root.resolve()
            for folder, dirs, files in os.walk(root):
                dirs.sort()
                for name in sorted(files):
                    path = Path(folder) / name
                    if path.exists() and not path.is_file():  # a named pipe would block the run
                        yield Skipped(NOT_REGULAR, str(path))
                        continue
                    converter = converter_for(path, forced) or _identified(path, top)
                    if converter is not None:
                        found.append((path, converter))
                    else:
                        yield Skipped(UNCLAIMED, str(path))
            for path, converter in sorted(found, key=lambda item: item[0]):
                original = printable(path.relative_to(root).as_posix())
                yield Discovered(path, unicodedata.normalize("NFC", original), original, converter, _escapes(path, top))
        else:
            converter, data = converter_for(root, forced), None
            if converter is None:
                try:
                    with root.open("rb") as handle:
                        # A pipe (``<(zcat dump.gz)``) is gone once read: what it holds is kept for the conversion.
                        data = handle.read() if not root.is_file() else None
                        converter = REGISTRY[sniff(handle.read(_SNIFF_BYTES) if data is None else data[:_SNIFF_BYTES])]
                except OSError:
                    converter = REGISTRY["text"]  # the read that follows reports the error
            original = printable(root.name)
            yield Discovered(root, unicodedata.normalize("NFC", original), original, converter, data=data)


def convert_paths(
    paths: Iterable[Path],
    *,
    sidecar: Sidecar | None = None,
    forced: str | None = None,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
) -> Iterator[Item]:
    """Convert every source under ``paths``; one bad source (or record) never stops the run.

    With ``jobs > 1`` (or ``engine="dask"``) files are converted by a pool of
    processes (or a Dask cluster); the output is the same, in the same order, as
    with one job (see :mod:`corpuskit.convert.parallel`).
    """
    stamp = converted_at()
    used: set[str] = set()
    if sidecar is not None:
        yield from sidecar.problems
    units: list[Unit] = []
    for found in discover(paths, forced):
        if isinstance(found, Skipped):
            if not (sidecar is not None and sidecar.path is not None and _same_file(Path(found.path), sidecar.path)):
                yield found
            continue
        row = sidecar.for_path(found.relative) if sidecar is not None and found.converter.convert else None
        if row is not None:
            used.add(found.relative)
        units.append(Unit(found, row, stamp))
    if jobs <= 1 and engine == "local":
        for unit in units:
            yield from convert_unit(unit)
    else:
        from corpuskit.convert.parallel import run_units

        for items in run_units(units, jobs=jobs, engine=engine, scheduler=scheduler):
            yield from items
    if sidecar is not None:
        for key in sorted(set(sidecar.rows) - used):
            yield C.SIDECAR_UNMATCHED.diagnostic(f"sidecar row for {key!r} matched no source", path=sidecar.name)


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.samefile(other)
    except OSError:
        return False


@dataclass(frozen=True)
class Unit:
    """One file's worth of work: what to convert, its sidecar row, and the run's conversion time."""

    found: Discovered
    row: dict[str, _Found] | None
    stamp: str


def record_shown(source: SourceInput) -> str:
    """Where a source found inside an archive is reported: ``file@offset``."""
    return f"{source.path}@{source.capture['offset']}" if source.capture else source.path


def convert_record(name: str, source: SourceInput, stamp: str) -> list[Article | Diagnostic]:
    """Convert one source read from an archive; a pool's unit of work for an archive's records."""
    return list(convert_source(REGISTRY[name], source, stamp=stamp, shown=record_shown(source)))


def convert_unit(unit: Unit, *, convert_one: warc.ConvertOne | None = None) -> Iterator[Item]:
    """Convert one discovered file (streaming, for an archive); the same code runs in every engine.

    ``convert_one`` replaces the conversion of each source found in an archive
    (the parallel engines hand those to their workers instead).
    """
    found, stamp = unit.found, unit.stamp
    path, relative, converter = found.path, found.relative, found.converter
    if found.escapes:
        yield C.UNREADABLE_SOURCE.diagnostic("a symlink that leads out of the input tree: not read", path=str(path))
        return

    def convert_now(name: str, source: SourceInput) -> Iterator[Article | Diagnostic]:
        return iter(convert_record(name, source, stamp))

    if converter.stream is not None and found.data is not None:
        yield C.UNREADABLE_SOURCE.diagnostic(
            "an archive read from a pipe: archives are streamed from a file, save it to one first", path=str(path)
        )
        return
    if converter.stream is not None:
        yield Opened(path, relative, found.original, None)
        try:
            yield from converter.stream(path, relative, convert_one or convert_now)
        except Exception as error:  # the last fault barrier: an archive reader bug ends this file only
            yield C.CONVERSION_FAILED.diagnostic(f"{type(error).__name__}: {error}", path=str(path))
        return
    try:
        raw = found.data if found.data is not None else path.read_bytes()
    except OSError as error:
        yield C.UNREADABLE_SOURCE.diagnostic(f"cannot read: {error.strerror or error}", path=str(path))
        return
    data, problem = _gunzipped(raw)  # a gzipped page or scrape: the source is what it holds
    if problem is not None:
        yield C.UNREADABLE_SOURCE.diagnostic(_kept(problem, data), path=str(path))
        if not data.strip():
            return
    source = SourceInput(relative, data)
    yield Opened(path, relative, found.original, source)
    yield from convert_source(converter, source, row=unit.row, stamp=stamp, shown=str(path))


def _gunzipped(data: bytes) -> tuple[bytes, str | None]:
    """What gzipped bytes hold (other bytes as they are), member after member, and why they stop short if they
    do: what decompressed before a cut or damage is kept (a page's first half is still its text)."""
    if not data.startswith(GZIP_MAGIC):
        return data, None
    out: list[bytes] = []
    rest = data
    while rest.startswith(GZIP_MAGIC):
        inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
        for start in range(0, len(rest), _INFLATE_STEP):
            try:
                out.append(inflate.decompress(rest[start : start + _INFLATE_STEP]))
            except zlib.error as error:
                return b"".join(out), f"corrupt gzip: {error}"
            if inflate.eof:
                break
        if not inflate.eof:
            return b"".join(out), "corrupt gzip: the stream is cut short"
        rest = inflate.unused_data
    if rest.strip(b"\x00"):  # padding of zeros after the stream is common; other bytes are not
        return b"".join(out), f"corrupt gzip: {len(rest)} bytes after the gzip stream that are not gzip"
    return b"".join(out), None


_INFLATE_STEP = 1 << 12  # a gzip stream is inflated in steps of this many bytes: damage keeps what came before it


def _kept(problem: str, data: bytes) -> str:
    return f"{problem}; converted the {len(data):,} bytes before it" if data.strip() else problem


def convert_source(
    converter: Converter,
    source: SourceInput,
    *,
    row: dict[str, _Found] | None = None,
    stamp: str | None = None,
    shown: str | None = None,
) -> Iterator[Article | Diagnostic]:
    assert converter.convert is not None, f"{converter.name} reads archives, not single sources"
    data, problem = _gunzipped(source.data)  # a gzipped payload (a capture served without its Content-Encoding)
    if problem is not None:
        yield C.UNREADABLE_SOURCE.diagnostic(_kept(problem, data), path=shown or source.path)
        if not data.strip():
            return
    if data is not source.data:
        source = replace(source, data=data)
    try:
        for item in converter.convert(source):
            if isinstance(item, Diagnostic):
                yield item.located(path=shown or source.path)
            else:
                yield finish(item, converter=converter.name, sidecar=row, stamp=stamp)
    except Exception as error:  # the fault barrier: one source's failure is reported, never the end of the run
        yield C.CONVERSION_FAILED.diagnostic(f"{type(error).__name__}: {error}", path=shown or source.path)
