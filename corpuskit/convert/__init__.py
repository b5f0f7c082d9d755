"""Converters: sources in, records (or located diagnostics) out.

One module per source format; this registry maps a name to a converter and
its file suffixes. Adding a format touches its module, one line here, and its test.

>>> sorted(REGISTRY)
['text']
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from corpuskit.convert import text
from corpuskit.convert._build import Draft, SourceInput, _Found, converted_at, finish
from corpuskit.convert.sidecar import Sidecar
from corpuskit.diagnostics import Diagnostic
from corpuskit.models import Article
from corpuskit.rules import convert as C


@dataclass(frozen=True)
class Converter:
    name: str
    suffixes: tuple[str, ...]
    convert: Callable[[SourceInput], Iterator[Draft]]


REGISTRY: dict[str, Converter] = {
    "text": Converter(text.NAME, (".txt", ".text"), text.convert),
}


def converter_for(path: Path, forced: str | None = None) -> Converter | None:
    if forced is not None:
        return REGISTRY[forced]
    name = path.name.lower()
    return next((c for c in REGISTRY.values() if name.endswith(c.suffixes)), None)


def discover(paths: Iterable[Path], forced: str | None = None) -> Iterator[tuple[Path, str, Converter]]:
    """(file, path relative to its input root, converter) for every convertible file, in a stable order.

    A directory is walked recursively (symlinked directories are not followed) and
    keeps the files a converter claims; a file given directly is its own root, so
    its relative path is its name, and it is read as text unless a converter claims it.
    """
    for root in paths:
        if root.is_dir():
            found = []
            for folder, dirs, files in os.walk(root):
                dirs.sort()
                for name in files:
                    path = Path(folder) / name
                    converter = converter_for(path, forced)
                    if converter is not None:
                        found.append((path, converter))
            for path, converter in sorted(found, key=lambda item: item[0]):
                yield path, unicodedata.normalize("NFC", path.relative_to(root).as_posix()), converter
        else:
            yield root, unicodedata.normalize("NFC", root.name), converter_for(root, forced) or REGISTRY["text"]


def convert_paths(
    paths: Iterable[Path], *, sidecar: Sidecar | None = None, forced: str | None = None
) -> Iterator[Article | Diagnostic]:
    """Convert every source under ``paths``; one bad source never stops the run."""
    stamp = converted_at()
    used: set[str] = set()
    if sidecar is not None:
        yield from sidecar.problems
    for path, relative, converter in discover(paths, forced):
        try:
            data = path.read_bytes()
        except OSError as error:
            yield C.UNREADABLE_SOURCE.diagnostic(f"cannot read: {error.strerror or error}", path=str(path))
            continue
        row = sidecar.for_path(relative) if sidecar is not None else None
        if row is not None:
            used.add(relative)
        yield from convert_source(converter, SourceInput(relative, data), row=row, stamp=stamp, shown=str(path))
    if sidecar is not None:
        for key in sorted(set(sidecar.rows) - used):
            yield C.SIDECAR_UNMATCHED.diagnostic(f"sidecar row for {key!r} matched no source", path=sidecar.name)


def convert_source(
    converter: Converter,
    source: SourceInput,
    *,
    row: dict[str, _Found] | None = None,
    stamp: str | None = None,
    shown: str | None = None,
) -> Iterator[Article | Diagnostic]:
    try:
        for draft in converter.convert(source):
            yield finish(draft, converter=converter.name, sidecar=row, stamp=stamp)
    except Exception as error:  # the fault barrier: one source's failure is reported, never the end of the run
        yield C.CONVERSION_FAILED.diagnostic(f"{type(error).__name__}: {error}", path=shown or source.path)
