"""Sidecar metadata: CSV or JSON Lines rows keyed by ``path``, taking precedence over extraction.

CSV columns and JSONL keys are record fields: ``url``, ``outlet`` (a name) or
``outlet_name``/``outlet_domain``, ``title``, ``subtitle``, ``section``,
``language``, ``published``, ``updated``, ``bylines`` (CSV: names separated by
``;``; JSONL: a list of names or of ``{name, role, organization}``). Empty cells
mean "not given". Each value is checked against the record's own types.

A CSV file may be UTF-8 (with or without BOM), UTF-16 with BOM (a spreadsheet's "Unicode text"), or a
legacy single-byte export (read as cp1252, and said); its separator is the comma, or the semicolon, tab
or bar that its header line splits ``path`` off with (spreadsheets in many locales write ``;``).
Columns and keys that name no field a sidecar sets are reported once per file, never silently dropped.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import orjson
from pydantic import TypeAdapter, ValidationError

from corpuskit.convert._build import _Found, sidecar_value
from corpuskit.diagnostics import Diagnostic
from corpuskit.jsonl import schema_message
from corpuskit.models import Article, Byline, Outlet
from corpuskit.rules import convert as C
from corpuskit.urls import url_problem

_SIMPLE = ("url", "title", "subtitle", "section", "language", "published", "updated")
_KEYS = frozenset({"path", *_SIMPLE, "outlet", "outlet_name", "outlet_domain", "bylines"})
_SEPARATORS = ",;\t|"


@dataclass(frozen=True)
class Sidecar:
    name: str
    rows: dict[str, dict[str, _Found]]
    problems: tuple[Diagnostic, ...]
    path: Path | None = None  # the file it was read from (a walk that meets it does not count it as left out)

    def for_path(self, path: str) -> dict[str, _Found] | None:
        return self.rows.get(path)


def load_sidecar(path: Path) -> Sidecar:
    name = path.name
    try:
        data = path.read_bytes()
    except OSError as error:
        return Sidecar(
            name, {}, (C.SIDECAR_INVALID.diagnostic(f"cannot read sidecar: {error.strerror}", path=str(path)),), path
        )
    rows: dict[str, dict[str, _Found]] = {}
    problems: list[Diagnostic] = []
    unknown: dict[str, int] = {}  # each key no field has, with the first line naming it
    for line, raw in _rows(path, data, problems):
        where = f"{name}:{line}"
        for extra in raw.keys() - _KEYS:
            unknown.setdefault(extra, line)
        key = raw.get("path")
        if not isinstance(key, str) or not key:
            problems.append(C.SIDECAR_INVALID.diagnostic("row has no path", path=str(path), line=line))
            continue
        values: dict[str, _Found] = {}
        for field_name, value in _fields(raw).items():
            try:
                values[field_name] = sidecar_value(_check(field_name, value), where)
            except (ValidationError, ValueError) as error:
                message = _problem(error)
                problems.append(C.SIDECAR_INVALID.diagnostic(f"{field_name}: {message}", path=str(path), line=line))
        rows[key] = values
    if unknown:
        names = sorted(unknown, key=lambda extra: (unknown[extra], extra))
        problems.append(
            C.SIDECAR_INVALID.diagnostic(
                f"not read: {', '.join(repr(extra) for extra in names)} (no record field a sidecar sets; it sets"
                f" {', '.join(sorted(_KEYS - {'path'}))})",
                path=str(path),
                line=unknown[names[0]],
            )
        )
    return Sidecar(name, rows, tuple(problems), path)


def _problem(error: ValidationError | ValueError) -> str:
    """Why a value was refused, in words: a pattern's own text is no help to whoever wrote the sidecar."""
    if not isinstance(error, ValidationError):
        return str(error)
    return schema_message(error.errors(include_url=False)[0])


def _rows(path: Path, data: bytes, problems: list[Diagnostic]) -> list[tuple[int, dict[str, Any]]]:
    """Each row with the line it starts on; what cannot be read goes to ``problems``, located."""
    if path.suffix.lower() in {".jsonl", ".ndjson", ".json"}:
        return _json_rows(path, data, problems)
    return _csv_rows(path, data, problems)


def _json_rows(path: Path, data: bytes, problems: list[Diagnostic]) -> list[tuple[int, dict[str, Any]]]:
    out = []
    for line, raw in enumerate(data.splitlines(), 1):
        if not raw.strip():
            continue
        try:
            value = orjson.loads(raw)
        except orjson.JSONDecodeError as error:
            problems.append(C.SIDECAR_INVALID.diagnostic(f"invalid JSON: {error.msg}", path=str(path), line=line))
            continue
        if isinstance(value, dict):
            out.append((line, value))
        else:
            problems.append(C.SIDECAR_INVALID.diagnostic("row is not an object", path=str(path), line=line))
    return out


def _csv_rows(path: Path, data: bytes, problems: list[Diagnostic]) -> list[tuple[int, dict[str, Any]]]:
    text = _csv_text(path, data, problems)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=_separator(text))
    out: list[tuple[int, dict[str, Any]]] = []
    start = 1
    try:
        columns = reader.fieldnames or []  # the header first, so that its lines are counted
        if columns and "path" not in columns:
            named = ", ".join(repr(name) for name in columns[:8])
            problems.append(C.SIDECAR_INVALID.diagnostic(f"no path column (columns: {named})", path=str(path), line=1))
            return []
        start = reader.line_num + 1  # a row's first line: a quoted cell may hold line ends
        for row in reader:
            out.append((start, {k: v for k, v in row.items() if k}))
            start = reader.line_num + 1
    except csv.Error as error:  # a cell past the csv module's size limit: the rows before it stand
        problems.append(C.SIDECAR_INVALID.diagnostic(f"unreadable CSV: {error}", path=str(path), line=start))
    return out


def _csv_text(path: Path, data: bytes, problems: list[Diagnostic]) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:  # a broken UTF-16 file: what decodes stands, the rest is marked
            message = f"not UTF-16 after its byte-order mark (byte {error.start}); undecodable bytes replaced"
            problems.append(C.SIDECAR_INVALID.diagnostic(message, path=str(path), line=1))
            return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:  # a spreadsheet's legacy export: its values are kept, and it is said
        line = data.count(b"\n", 0, error.start) + 1
        message = f"not UTF-8 (byte 0x{data[error.start]:02x}); read as cp1252"
        problems.append(C.SIDECAR_INVALID.diagnostic(message, path=str(path), line=line))
        return data.decode("cp1252", errors="replace")


def _separator(text: str) -> str:
    r"""The comma, or the separator the header line splits ``path`` off with ("path;outlet", "path\toutlet").

    >>> _separator("path,outlet"), _separator("path;outlet;published"), _separator("outlet\tpath")
    (',', ';', '\t')
    """
    header = text.split("\n", 1)[0].strip("\r")
    for separator in _SEPARATORS:
        if "path" in (cell.strip().strip('"') for cell in header.split(separator)):
            return separator
    return ","


def _fields(raw: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in _SIMPLE:
        value = raw.get(name)
        if value not in (None, ""):
            out[name] = value.strip() if isinstance(value, str) else value
    outlet, domain = raw.get("outlet_name") or raw.get("outlet"), raw.get("outlet_domain")
    if isinstance(outlet, dict):
        out["outlet"] = outlet
    elif outlet or domain:
        out["outlet"] = {"name": outlet or None, "domain": domain or None}
    bylines = raw.get("bylines")
    if isinstance(bylines, str) and bylines.strip():
        bylines = [part.strip() for part in bylines.split(";") if part.strip()]
    if isinstance(bylines, list) and bylines:
        out["bylines"] = [
            b if isinstance(b, dict) else {"name": b, "role": None, "organization": None} for b in bylines
        ]
    return out


_ADAPTERS: dict[str, TypeAdapter[Any]] = {
    name: TypeAdapter(cast(Any, Article.model_fields[name].rebuild_annotation())) for name in _SIMPLE
}
_OUTLET: TypeAdapter[Outlet] = TypeAdapter(Outlet)
_BYLINES: TypeAdapter[list[Byline]] = TypeAdapter(list[Byline])


def _check(name: str, value: Any) -> Any:
    if name == "outlet":
        return _OUTLET.validate_python(value).model_dump()
    if name == "bylines":
        return [b.model_dump() for b in _BYLINES.validate_python(value)]
    checked = _ADAPTERS[name].validate_python(value)
    problem = url_problem(checked) if name == "url" else None
    if problem:
        raise ValueError(problem)
    return checked
