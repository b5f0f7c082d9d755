"""Corpus packages: BagIt bags (RFC 8493, built with ``bagit``) holding records, their sources and a manifest.

Layout of a package made by :func:`pack`::

    bagit.txt  bag-info.txt  manifest-sha256.txt  tagmanifest-sha256.txt
    data/corpus.json                       the manifest (schema/corpus.schema.json)
    data/records/part-00000.jsonl.zst      records, sharded by size
    data/sources/ab/ab12….txt              each raw source once, by sha256 (WARC files untouched)
    data/sidecar.csv                       the sidecar used, when there was one

With ``SOURCE_DATE_EPOCH`` set, packing the same inputs twice gives byte-identical
shards, manifest and bag manifests. :func:`check_package` is what ``corpuskit
validate DIR`` runs on a package before the record rules.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import shutil
import string
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import orjson
from pydantic import ValidationError

from corpuskit._version import __version__
from corpuskit.dates import earliest_instant
from corpuskit.diagnostics import Diagnostic
from corpuskit.jsonl import ShardWriter, dumps, is_record_file, read_records
from corpuskit.models import CORPUS_FORMAT, Article, CorpusManifest
from corpuskit.rules import package as P

if TYPE_CHECKING:
    from corpuskit.convert.warc import Skipped

MANIFEST = "corpus.json"
DEFAULT_SHARD_BYTES = 64 * 1024 * 1024
COVERAGE_FIELDS = ("url", "outlet", "title", "subtitle", "section", "language", "published", "updated", "bylines")


class PackError(Exception):
    """Packing cannot start (a usage error): the message says why."""


@dataclass(frozen=True)
class PackOptions:
    name: str
    title: str | None = None
    description: str | None = None
    license: str | None = None
    organization: str | None = None
    sidecar: Path | None = None
    force: bool = False
    shard_bytes: int = DEFAULT_SHARD_BYTES
    jobs: int = 1
    engine: str = "local"  # or "dask": see corpuskit.convert.parallel
    scheduler: str | None = None


@dataclass
class PackResult:
    manifest: CorpusManifest
    diagnostics: list[Diagnostic] = field(default_factory=list)
    left_out: list[Skipped] = field(default_factory=list)  # files of a walked folder not read, and why


BAGIT_TXT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"


def is_package(path: Path) -> bool:
    """A bag, or what is left of one: its ``bagit.txt``, or a package manifest with a bag manifest beside it."""
    if not path.is_dir():
        return False
    return (path / "bagit.txt").is_file() or ((path / "data" / MANIFEST).is_file() and any(path.glob("manifest-*.txt")))


def _inside(root: Path, relative: str) -> Path:
    """``root / relative``, refusing any path that would leave ``root``."""
    target = (root / relative).resolve()
    if not target.is_relative_to(root.resolve()):
        raise PackError(f"refusing to write outside {root}: {relative}")
    return target


def _prepare(out: Path, inputs: list[Path], force: bool) -> Path:
    out_resolved = out.resolve()
    for source in inputs:
        source_resolved = source.resolve()
        if (
            out_resolved == source_resolved
            or out_resolved.is_relative_to(source_resolved)
            or (source_resolved.is_relative_to(out_resolved))
        ):
            raise PackError(f"the package {out} and the input {source} overlap")
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        if not force:
            raise PackError(f"{out} exists and is not empty (use --force to replace a package)")
        if not is_package(out):
            raise PackError(f"{out} is not a corpus package; --force replaces packages only")
    staging = out.parent / f".{out.name}.partial"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    return staging


class CorpusStats:
    """What a manifest (and ``corpuskit stats``) says of a corpus, gathered one record at a time."""

    def __init__(self) -> None:
        self.count = 0
        self.outlets: Counter[tuple[str | None, str | None]] = Counter()
        self.filled: Counter[str] = Counter()
        self.earliest: str | None = None
        self.latest: str | None = None

    def add(self, article: Article) -> None:
        self.count += 1
        if article.outlet is not None:
            self.outlets[(article.outlet.name, article.outlet.domain)] += 1
        for name in COVERAGE_FIELDS:
            self.filled[name] += bool(getattr(article, name))
        if article.published is not None:
            moment = earliest_instant(article.published)
            if self.earliest is None or moment < earliest_instant(self.earliest):
                self.earliest = article.published
            if self.latest is None or moment > earliest_instant(self.latest):
                self.latest = article.published

    def coverage(self) -> dict[str, float]:
        """The share of records in which each field is filled."""
        return {name: (self.filled[name] / self.count if self.count else 0.0) for name in COVERAGE_FIELDS}


def pack(inputs: list[Path], out: Path, options: PackOptions) -> PackResult:
    """Convert the sources (or read the record files) and write a BagIt package to ``out``."""
    import bagit

    from corpuskit.convert import LEFT_OUT, UNCLAIMED, Opened, Skipped, convert_paths
    from corpuskit.convert._build import converted_at
    from corpuskit.convert.sidecar import load_sidecar

    staging = _prepare(out, inputs, options.force)
    diagnostics: list[Diagnostic] = []
    left_out: list[Skipped] = []
    shards = ShardWriter(staging / "records", options.shard_bytes)
    stats = CorpusStats()

    def add(article: Article) -> None:
        shards.write(dumps(article) + b"\n")
        stats.add(article)

    sources: dict[str, dict[str, Any]] = {}
    stamp = converted_at()
    try:
        record_inputs = [path for path in inputs if path.is_file() and is_record_file(path)]
        source_inputs = [path for path in inputs if path not in record_inputs]

        def take(path: Path) -> None:
            for item in read_records(path):
                if isinstance(item, Article):
                    add(item)
                else:
                    diagnostics.append(item)

        for path in record_inputs:
            take(path)
        sidecar = load_sidecar(options.sidecar) if options.sidecar is not None else None
        if source_inputs:
            converting = convert_paths(
                source_inputs, sidecar=sidecar, jobs=options.jobs, engine=options.engine, scheduler=options.scheduler
            )
            for converted in converting:
                if isinstance(converted, Opened):
                    _store_source(staging, converted, sources)
                elif isinstance(converted, Article):
                    add(converted)
                elif isinstance(converted, Diagnostic):
                    diagnostics.append(converted)
                elif isinstance(converted, Skipped):
                    if converted.reason == UNCLAIMED and _walked_records(Path(converted.path)):
                        take(Path(converted.path))  # the records of a walked folder's JSON Lines files, as if named
                    elif converted.reason in LEFT_OUT:
                        left_out.append(converted)
                else:
                    raise AssertionError(converted)
        shards.close()
        files = [entry | {"path": f"records/{entry['path']}"} for entry in shards.files]
        if options.sidecar is not None:
            suffix = options.sidecar.suffix.lower() or ".csv"
            shutil.copyfile(options.sidecar, _inside(staging, f"sidecar{suffix}"))
        manifest = _manifest(options, stamp, files, sorted(sources.values(), key=lambda s: s["path"]), stats)
        _inside(staging, MANIFEST).write_bytes(
            orjson.dumps(manifest.model_dump(mode="json"), option=orjson.OPT_INDENT_2) + b"\n"
        )
        info = {
            "Source-Organization": options.organization or "corpuskit",
            "Bagging-Date": stamp[:10],
            "Bag-Software-Agent": f"corpuskit {__version__}",
            "External-Identifier": options.name,
            "External-Description": options.description or options.title or options.name,
        }
        with _quiet("bagit"):
            bagit.make_bag(str(staging), info, processes=1, checksums=["sha256"])
            # bagit writes version 0.97; the bag is RFC 8493's BagIt 1.0 (same layout), and its tag manifest says so.
            (staging / "bagit.txt").write_text(BAGIT_TXT, encoding="utf-8")
            bagit.Bag(str(staging)).save()
        if out.exists():
            shutil.rmtree(out)
        staging.rename(out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return PackResult(manifest, diagnostics, left_out)


def _walked_records(path: Path) -> bool:
    """A file met in a folder walk that holds records: JSON Lines by name (a bare ``.json`` may be anything)."""
    return is_record_file(path) and not path.name.lower().endswith(".json")


def _store_source(staging: Path, item: Any, sources: dict[str, dict[str, Any]]) -> None:
    """Copy a raw source into ``sources/`` under its content address (once per content).

    An archive is hashed and copied in blocks, never held in memory whole.
    """
    if item.source is not None:
        sha, size = item.source.sha256, len(item.source.data)
    else:
        digest, size = hashlib.sha256(), 0
        with item.path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
                size += len(block)
        sha = digest.hexdigest()
    if sha in sources:
        return
    name = item.relative
    suffix = "".join(Path(name).suffixes[-2:]).lower()
    if not all(part.isalnum() for part in suffix.split(".") if part):
        suffix = ""
    relative = f"sources/{sha[:2]}/{sha}{suffix}"
    target = _inside(staging, relative)
    target.parent.mkdir(parents=True, exist_ok=True)
    if item.source is not None:
        target.write_bytes(item.source.data)
    else:
        shutil.copyfile(item.path, target)
    sources[sha] = {
        "path": relative,
        "sha256": sha,
        "bytes": size,
        "original_path": name,
        "normalized_from": item.original if item.original != name else None,
    }


def _manifest(
    options: PackOptions,
    stamp: str,
    files: list[dict[str, Any]],
    sources: list[dict[str, Any]],
    stats: CorpusStats,
) -> CorpusManifest:
    outlets = [
        {"name": name, "domain": domain, "records": count}
        for (name, domain), count in sorted(stats.outlets.items(), key=lambda kv: (-kv[1], str(kv[0])))
    ]
    return CorpusManifest.model_validate(
        {
            "format": CORPUS_FORMAT,
            "name": options.name,
            "title": options.title,
            "description": options.description,
            "license": options.license,
            "created": stamp,
            "record_format": "corpuskit.article/1",
            "converter": {"name": "corpuskit", "version": __version__},
            "record_count": stats.count,
            "files": files,
            "sources": sources,
            "outlets": outlets,
            "date_range": {"earliest": stats.earliest, "latest": stats.latest},
            "coverage": stats.coverage(),
            "extensions": {},
        },
        strict=False,
    )


@contextlib.contextmanager
def _quiet(logger: str) -> Iterator[None]:
    log = logging.getLogger(logger)
    level = log.level
    log.setLevel(logging.CRITICAL)  # bagit's own messages would repeat the located diagnostics
    try:
        yield
    finally:
        log.setLevel(level)


# --- checking a package -----------------------------------------------------------------------


def record_shards(root: Path) -> list[Path]:
    return sorted(p for p in (root / "data" / "records").rglob("*") if p.is_file() and is_record_file(p))


def check_package(root: Path, *, fast: bool = False, reproduce: bool = False) -> list[Diagnostic]:
    """The bag checks, then (unless ``fast``) the manifest against the shards and the records against the sources."""
    import bagit

    shown = str(root)
    unsound = _link_problems(root) or _declaration_problems(root)
    if unsound:  # bagit would read through them, or fail on them: the tree must be sound first
        return unsound
    found = _tag_line_problems(root)
    try:
        with _quiet("bagit"):
            bag = bagit.Bag(shown)
    except bagit.BagError as error:
        return [*found, P.BAG_STRUCTURE.diagnostic(f"not a valid bag: {error}", path=shown)]
    except (UnicodeError, ValueError) as error:  # bagit reads tag files as UTF-8 text and lets the rest through
        return [*found, P.BAG_STRUCTURE.diagnostic(f"not a valid bag: a tag file is unreadable: {error}", path=shown)]
    except Exception as error:
        return [*found, _bagit_failed(error, root)]
    oxum = bag.info.get("Payload-Oxum")
    if oxum is not None and not _OXUM.fullmatch((oxum[0] if isinstance(oxum, list) else oxum).strip()):
        del bag.info["Payload-Oxum"]  # reported with its line above; bagit would stop at it before the checksums
    bag.validate_fetch = lambda: None  # fetch.txt is checked line by line above; bagit stops at its first bad line
    if fast or bag.has_oxum():  # the tag is optional (RFC 8493 §2.2.2): without it, the full check below
        found += _bag_problems(bag, root, fast=True)
    if fast:
        return found
    bag.info.pop("Payload-Oxum", None)  # checked above; now name each missing, extra or altered file
    found += [d for d in _bag_problems(bag, root, fast=False) if d.code != P.OXUM_MISMATCH.code and d not in found]
    manifest_path = root / "data" / MANIFEST
    try:
        manifest = CorpusManifest.model_validate_json(manifest_path.read_bytes())
    except OSError as error:
        return [*found, P.MANIFEST_INVALID.diagnostic(f"cannot read: {error.strerror}", path=str(manifest_path))]
    except ValidationError as error:  # not JSON, or not a corpuskit.corpus/1 manifest
        detail = "; ".join(f"{'.'.join(map(str, e['loc'])) or '$'}: {e['msg']}" for e in error.errors()[:5])
        return [*found, P.MANIFEST_INVALID.diagnostic(detail, path=str(manifest_path))]
    counts, source_problems = _read_shards(root, manifest)  # one pass over the records for both checks
    found += _manifest_problems(root, manifest, counts)
    found += source_problems
    if reproduce:
        found += _reproduce(root, manifest)
    return found


def _link_problems(root: Path) -> list[Diagnostic]:
    """Symbolic links in the bag that lead nowhere, out of it (a bag holds its own files) or to a folder."""
    top = root.resolve()
    out = []
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(dirs + files):
            path = Path(folder) / name
            if not path.is_symlink():
                continue
            try:
                target = path.resolve(strict=True)
            except (OSError, RuntimeError) as error:  # a link to nothing, or a loop of links
                reason = getattr(error, "strerror", None) or "a loop of links"
                out.append(
                    P.BAG_STRUCTURE.diagnostic(f"a symbolic link that cannot be followed: {reason}", path=str(path))
                )
                continue
            if not target.is_relative_to(top):
                out.append(P.BAG_STRUCTURE.diagnostic(f"a symbolic link out of the bag (to {target})", path=str(path)))
            elif target.is_dir():  # the walk, bagit's and ours, does not enter it: its files are in no manifest
                out.append(
                    P.BAG_STRUCTURE.diagnostic(
                        "a symbolic link to a folder: BagIt tools do not follow it, so what it holds is in no"
                        " manifest (a copy of the bag holds it twice, or not at all)",
                        path=str(path),
                    )
                )
    return out


def _declaration_problems(root: Path) -> list[Diagnostic]:
    """bagit.txt holds each of its two tags once (RFC 8493 §2.1.1); bagit fails on a tag given twice."""
    path = root / "bagit.txt"
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeError):
        return []  # bagit reports an unreadable or missing declaration itself
    tags = [line.split(":", 1)[0].strip() for line in lines if ":" in line]
    twice = sorted({tag for tag in tags if tags.count(tag) > 1})
    return [P.BAG_STRUCTURE.diagnostic(f"the tag {tag} is given more than once", path=str(path)) for tag in twice]


_DIGEST_LENGTHS = {"md5": 32, "sha1": 40, "sha224": 56, "sha256": 64, "sha384": 96, "sha512": 128}
_OXUM = re.compile(r"\d+\.\d+")


def _tag_line_problems(root: Path) -> list[Diagnostic]:
    """Lines of the tag files that bagit skips or stops at without saying where, each located.

    A manifest line that is not a checksum and a path (bagit logs it and leaves it out), a checksum that is not
    hexadecimal of its algorithm's length, a ``Payload-Oxum`` that is not ``OCTETS.FILES``, and a ``fetch.txt``
    line that is not ``URL LENGTH PATH``, has no absolute URL or names a file that no payload manifest lists
    (RFC 8493 §2.2.3: so a path out of the bag is reported too, as bagit reports it in a manifest).
    """
    out: list[Diagnostic] = []
    listed: set[str] = set()
    for manifest in sorted(root.glob("*manifest-*.txt")):
        algorithm = manifest.name.split("-", 1)[1].removesuffix(".txt")
        for number, line in _tag_lines(manifest):
            fields = line.split(None, 1)
            if len(fields) != 2:
                out.append(_tag_problem("not a checksum and a path", manifest, number, line))
                continue
            digest, name = fields
            length = _DIGEST_LENGTHS.get(algorithm)
            if length and (len(digest) != length or not all(c in string.hexdigits for c in digest)):
                out.append(_tag_problem(f"not a {algorithm} checksum ({length} hex digits)", manifest, number, line))
            if not manifest.name.startswith("tag"):
                listed.add(os.path.normpath(name.lstrip("*")))
    for number, line in _tag_lines(root / "bag-info.txt"):
        tag, _, value = line.partition(":")
        if tag.strip() == "Payload-Oxum" and not _OXUM.fullmatch(value.strip()):
            out.append(_tag_problem("Payload-Oxum is not OCTETCOUNT.STREAMCOUNT", root / "bag-info.txt", number, line))
    for number, line in _tag_lines(root / "fetch.txt"):
        fields = line.split(None, 2)
        if len(fields) != 3 or not (fields[1] == "-" or fields[1].isdigit()):
            out.append(_tag_problem("not a URL, a length (or -) and a path", root / "fetch.txt", number, line))
        elif not _absolute_url(fields[0]):
            out.append(_tag_problem("not an absolute URL", root / "fetch.txt", number, line))
        elif os.path.normpath(fields[2]) not in listed:
            out.append(_tag_problem("a file to fetch that no payload manifest lists", root / "fetch.txt", number, line))
    return out


def _absolute_url(text: str) -> bool:
    """What bagit asks of a URL in fetch.txt: a scheme and a host, or the file scheme."""
    try:
        url = urlsplit(text)
    except ValueError:  # an unclosed IPv6 bracket, a bad port
        return False
    return bool(url.scheme and url.netloc) or url.scheme == "file"


def _tag_lines(path: Path) -> Iterator[tuple[int, str]]:
    """The numbered non-blank lines of a tag file; nothing when it cannot be read (bagit reports that)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeError):
        return
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            yield number, line.strip()


def _tag_problem(problem: str, path: Path, line: int, text: str) -> Diagnostic:
    return P.BAG_STRUCTURE.diagnostic(f"{problem}: {text[:120]!r}", path=str(path), line=line)


def _bagit_failed(error: Exception, root: Path) -> Diagnostic:
    """bagit stopped on something it does not report itself: a file it cannot read, a tag given twice."""
    if isinstance(error, OSError) and error.filename:
        return P.BAG_STRUCTURE.diagnostic(f"cannot read: {error.strerror}", path=str(error.filename))
    return P.BAG_STRUCTURE.diagnostic(f"bagit cannot read the bag ({type(error).__name__}: {error})", path=str(root))


def _bag_problems(bag: Any, root: Path, *, fast: bool) -> list[Diagnostic]:
    import bagit

    shown = str(root)
    try:
        with _quiet("bagit"):
            bag.validate(processes=1, fast=fast)
    except bagit.BagValidationError as error:
        if not error.details:
            rule = P.OXUM_MISMATCH if "Oxum" in error.message else P.BAG_STRUCTURE
            return [rule.diagnostic(error.message, path=shown)]
        details = list(error.details)
        if not fast and all(isinstance(detail, (bagit.FileMissing, bagit.UnexpectedFile)) for detail in details):
            # bagit stops at an incomplete payload: the files listed and present are still checked.
            missing = {str(detail.path) for detail in details if isinstance(detail, bagit.FileMissing)}
            try:
                with _quiet("bagit"):
                    bag._validate_entries(1)
            except bagit.BagValidationError as more:
                details += [detail for detail in more.details if str(detail.path) not in missing]
        out = []
        for detail in details:
            where = os.path.join(shown, str(detail.path))
            if isinstance(detail, bagit.ChecksumMismatch):
                message = f"{detail.algorithm} expected {detail.expected}, found {detail.found}"
                out.append(P.CHECKSUM_MISMATCH.diagnostic(message, path=where))
            elif isinstance(detail, bagit.FileMissing):
                out.append(P.FILE_MISSING.diagnostic("listed in the bag manifest but missing", path=where))
            elif isinstance(detail, bagit.UnexpectedFile):
                out.append(P.UNEXPECTED_FILE.diagnostic("in the payload but not in the bag manifest", path=where))
            else:
                out.append(P.BAG_STRUCTURE.diagnostic(str(detail), path=where))
        return out
    except bagit.BagError as error:
        return [P.BAG_STRUCTURE.diagnostic(str(error), path=shown)]
    except (UnicodeError, ValueError) as error:
        return [P.BAG_STRUCTURE.diagnostic(f"a tag file is unreadable: {error}", path=shown)]
    except Exception as error:
        return [_bagit_failed(error, root)]
    return []


def _manifest_problems(root: Path, manifest: CorpusManifest, counts: dict[str, int]) -> list[Diagnostic]:
    """The manifest against the package: shards listed and present, their checksums, sizes and record counts."""
    shown = str(root / "data" / MANIFEST)
    out = []
    listed = {entry.path for entry in manifest.files}
    for extra in sorted(set(counts) - listed):
        out.append(P.MANIFEST_INVALID.diagnostic(f"shard {extra} is not listed in files", path=shown))
    total = 0
    for entry in manifest.files:
        path = root / "data" / entry.path
        if not path.is_file():
            out.append(P.MANIFEST_INVALID.diagnostic(f"listed shard {entry.path} is missing", path=shown))
            continue
        data = path.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        if sha != entry.sha256 or len(data) != entry.bytes:
            out.append(
                P.MANIFEST_INVALID.diagnostic(
                    f"shard {entry.path}: sha256 {sha} and {len(data)} bytes, manifest says {entry.sha256} and"
                    f" {entry.bytes} bytes",
                    path=shown,
                )
            )
        count = counts.get(entry.path, 0)
        total += count
        if count != entry.records:
            out.append(
                P.MANIFEST_INVALID.diagnostic(
                    f"shard {entry.path} holds {count} records, manifest says {entry.records}", path=shown
                )
            )
    if total != manifest.record_count and not out:
        out.append(
            P.MANIFEST_INVALID.diagnostic(
                f"record_count is {manifest.record_count} but the shards hold {total} records", path=shown
            )
        )
    for source in manifest.sources:
        if not (root / "data" / source.path).is_file():
            out.append(P.MANIFEST_INVALID.diagnostic(f"listed source {source.path} is missing", path=shown))
    return out


def _read_shards(root: Path, manifest: CorpusManifest) -> tuple[dict[str, int], list[Diagnostic]]:
    """Each shard's record count, and every record whose source is not packaged or whose spans pass its end.

    A package made from record files carries no sources: its records are only counted.
    """
    by_sha = {source.sha256: source for source in manifest.sources}
    by_name = {source.original_path for source in manifest.sources}
    counts: dict[str, int] = {}
    out = []
    for shard in record_shards(root):
        count = 0
        for line, item in enumerate(read_records(shard), start=1):
            if not isinstance(item, Article):
                continue
            count += 1
            if not manifest.sources:
                continue
            where = {"path": str(shard), "line": line, "record_id": item.id}
            capture = item.provenance.capture
            if capture is not None:
                if capture.filename not in by_name:
                    message = f"capture file {capture.filename} is not among the package's sources"
                    out.append(P.SOURCE_MISSING.diagnostic(message, json_path="$.provenance.capture.filename", **where))
                continue
            source = by_sha.get(item.provenance.source.sha256)
            if source is None:
                message = f"source {item.provenance.source.sha256} is not in data/sources"
                out.append(P.SOURCE_MISSING.diagnostic(message, json_path="$.provenance.source.sha256", **where))
                continue
            ends = [span.end for span in item.provenance.spans if span is not None]
            ends += [entry.span.end for entry in item.provenance.removed]
            if ends and max(ends) > source.bytes:
                message = f"a span ends at byte {max(ends)} of a {source.bytes}-byte source"
                out.append(P.SOURCE_MISSING.diagnostic(message, json_path="$.provenance", **where))
        counts[shard.relative_to(root / "data").as_posix()] = count
    return counts, out


def _reproduce(root: Path, manifest: CorpusManifest) -> list[Diagnostic]:
    """Re-convert each packaged single-document source and compare with its packaged record."""
    from corpuskit.convert import REGISTRY, convert_source, converter_for, sniff
    from corpuskit.convert._build import SourceInput
    from corpuskit.convert.sidecar import load_sidecar

    sidecars = sorted((root / "data").glob("sidecar.*"))
    sidecar = load_sidecar(sidecars[0]) if sidecars else None
    packed: dict[str, Article] = {}
    for shard in record_shards(root):
        for item in read_records(shard):
            if isinstance(item, Article) and item.provenance.capture is None:
                packed[item.provenance.source.sha256] = item
    out = []
    for source in manifest.sources:
        try:
            data = (root / "data" / source.path).read_bytes()
        except OSError:
            continue  # reported by the manifest check: a listed source that is not a readable file
        converter = converter_for(Path(source.original_path)) or REGISTRY[sniff(data[:4096])]
        if converter.convert is None or source.sha256 not in packed:
            continue
        old = packed[source.sha256]
        row = sidecar.for_path(source.original_path) if sidecar is not None else None
        stamp = old.provenance.converted_at
        new = [
            item
            for item in convert_source(converter, SourceInput(source.original_path, data), row=row, stamp=stamp)
            if isinstance(item, Article)
        ]
        if not new or dumps(new[0]) != dumps(old):
            fields = _differing(old, new[0]) if new else ["no record"]
            message = f"record {old.id} no longer matches its source: {', '.join(fields)} differ"
            out.append(P.NOT_REPRODUCED.diagnostic(message, path=str(root / "data" / source.path), record_id=old.id))
    return out


def _differing(old: Article, new: Article) -> list[str]:
    a, b = old.model_dump(mode="json"), new.model_dump(mode="json")
    return [key for key in a if a[key] != b[key]] or ["provenance"]


__all__ = [
    "CorpusStats",
    "PackError",
    "PackOptions",
    "PackResult",
    "check_package",
    "is_package",
    "pack",
    "record_shards",
]
