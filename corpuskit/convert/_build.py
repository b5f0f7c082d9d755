"""A draft record that converters fill in, and the step that turns it into an :class:`Article`.

Converters say what they found and where (lines with byte spans); the draft
keeps the evidence, applies sidecar precedence, identifies the language and
derives the id, so every converter audits the same way.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import os
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from corpuskit._version import __version__
from corpuskit.convert._decode import HTML_ENTITY, HTML_TAG, Line, byte_span, repair
from corpuskit.convert._dumps import apart, without
from corpuskit.ids import derive_id, locator_of
from corpuskit.models import Article, Capture
from corpuskit.words import count as count_words


@dataclass(frozen=True, slots=True)
class SourceInput:
    """One raw input: its bytes and its path relative to the input root.

    A capture (a WARC or ARC record) also brings what its archive says about it:
    the target URI, the HTTP charset and media type, and where the record is.
    """

    path: str
    data: bytes
    url: str | None = None
    declared_charset: str | None = None
    media_type: str | None = None
    capture: dict[str, Any] | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(slots=True)
class _Found:
    value: Any
    method: str
    evidence: str | None
    span: dict[str, int] | None
    superseded: list[_Found] = field(default_factory=list)  # lower-precedence findings for the same field


@dataclass(slots=True)
class Draft:
    source: SourceInput
    charset: str | None
    media_type: str | None
    method: str
    codec: str  # the codec the source was decoded with: every byte offset is counted in it
    normalizations: list[str] = field(default_factory=list)
    found: dict[str, _Found] = field(default_factory=dict)
    credits: list[tuple[dict[str, Any], _Found]] = field(default_factory=list)
    blocks: list[tuple[str, str, dict[str, int] | None]] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)
    breadcrumb: list[str] | None = None
    credits_superseded: list[_Found] = field(default_factory=list)

    # --- what converters call ---------------------------------------------------

    def set_field(self, name: str, value: Any, method: str, line: Line | None, *, evidence: str | None = None) -> None:
        span = None
        if line is not None:
            # a piece of the line as evidence: where it is, or nowhere (the whole line may be removed)
            span = _span(line) if evidence is None else self._sub_span(line, evidence)
        self.found[name] = _Found(value, method, evidence or (line.raw if line else None), span)

    def offer(self, name: str, candidates: list[_Found]) -> None:
        """Fill a field from candidates in precedence order; the others are recorded as superseded."""
        if candidates:
            winner, *rest = candidates
            winner.superseded = rest
            self.found[name] = winner

    def add_byline(
        self,
        name: str,
        role: str | None,
        organization: str | None,
        method: str,
        line: Line,
        *,
        extra: Line | None = None,
    ) -> None:
        evidence = line.raw if extra is None else f"{line.raw}\n{extra.raw}"
        span = {"start": line.start, "end": (extra or line).end}
        self.credits.append(
            ({"name": name, "role": role, "organization": organization}, _Found(name, method, evidence, span))
        )

    def add_block(self, kind: str, line: Line, *, marker_end: int | None = None) -> None:
        """Add a body block from a line, cutting a list marker, inline HTML tags and the line's own cuts.

        Each cut piece is recorded in ``removed`` with its byte span; entities are
        decoded (normalisation ``html-entities``). The block's span starts after
        the marker, so its bytes, less the removed pieces inside it, give its text.
        """
        raw = line.raw
        start = 0
        cuts: list[tuple[int, int, str]] = []
        if marker_end is not None:
            cuts.append((0, len(raw[:marker_end].rstrip()), "list-marker"))
            start = marker_end + len(raw[marker_end:]) - len(raw[marker_end:].lstrip())
        cuts += [(m.start(), m.end(), "html-tag") for m in HTML_TAG.finditer(raw, start)]
        if line.cuts:  # the line's own pieces (line-wrap, link-number, markdown-*); none is cut twice
            cuts = apart(sorted(cuts + [cut for cut in line.cuts if cut[0] >= start]))
        if not cuts and not HTML_ENTITY.search(raw):
            self.blocks.append((kind, line.text, _span(line)))
            return
        text = without(raw, cuts, start)
        if HTML_ENTITY.search(text):
            text = HTML_ENTITY.sub(lambda match: html.unescape(match.group()), text)
            self._note("html-entities")
        text, steps = repair(text)
        if not text:  # nothing but markup: keep the line whole, as printed, rather than lose it
            self.blocks.append(("paragraph", repair(line.raw)[0], _span(line)))
            return
        for step in steps:
            self._note(step)
        for cut_start, cut_end, rule in cuts:
            self.removed.append(
                {"span": self._piece(line, cut_start, cut_end), "rule": rule, "text": raw[cut_start:cut_end]}
            )
        self.blocks.append((kind, text, self._piece(line, start, len(raw))))

    def _note(self, step: str) -> None:
        if step not in self.normalizations:
            self.normalizations.append(step)

    def remove(self, start: int, end: int, rule: str, text: str) -> None:
        self.removed.append({"span": {"start": start, "end": end}, "rule": rule, "text": text})

    # --- what converters read back -----------------------------------------------

    @property
    def title(self) -> str | None:
        return self._value("title")

    @property
    def section(self) -> str | None:
        return self._value("section")

    @property
    def published(self) -> str | None:
        return self._value("published")

    @property
    def updated(self) -> str | None:
        return self._value("updated")

    @property
    def bylines(self) -> list[dict[str, Any]]:
        return [credit for credit, _ in self.credits]

    def _value(self, name: str) -> str | None:
        found = self.found.get(name)
        return str(found.value) if found else None

    def _piece(self, line: Line, start: int, end: int) -> dict[str, int]:
        """The byte span of characters ``[start, end)`` of a line's raw text."""
        return byte_span(line.raw, start, end, self.codec, line.start)

    def _sub_span(self, line: Line, evidence: str) -> dict[str, int] | None:
        position = line.raw.find(evidence)
        if position >= 0:
            return self._piece(line, position, position + len(evidence))
        if line.cuts:  # printed with pieces cut out of it (a link number): found in what is left
            kept = [index for index in range(len(line.raw)) if not any(a <= index < b for a, b, _ in line.cuts)]
            position = "".join(line.raw[index] for index in kept).find(evidence)
            if position >= 0 and evidence:
                return self._piece(line, kept[position], kept[position + len(evidence) - 1] + 1)
        return None


def _span(line: Line) -> dict[str, int]:
    return {"start": line.start, "end": line.end}


# --- finishing -----------------------------------------------------------------------


def converted_at() -> str:
    """``SOURCE_DATE_EPOCH`` when set (reproducible builds), else now; UTC, whole seconds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch and epoch.isdigit() else dt.datetime.now(dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


_TEXT_FIELDS = ("title", "subtitle", "section")


def finish(
    draft: Draft, *, converter: str, sidecar: dict[str, _Found] | None = None, stamp: str | None = None
) -> Article:
    """Apply sidecar precedence, identify the language, derive the id; build the record."""
    found = dict(draft.found)
    superseded: dict[str, list[_Found]] = {name: list(item.superseded) for name, item in found.items()}
    superseded["bylines"] = list(draft.credits_superseded)
    credits = list(draft.credits)
    for name, value in (sidecar or {}).items():
        if name == "bylines":
            superseded["bylines"] = [item for _, item in credits] + superseded["bylines"]
            credits = [(credit, value) for credit in value.value]
            continue
        if name in found:
            superseded[name] = [found[name], *superseded.get(name, [])]
        found[name] = value
    body = [{"type": kind, "text": text} for kind, text, _ in draft.blocks]
    if "language" not in found:
        language = identify_language(" ".join(block["text"] for block in body))
        if language is not None:
            found["language"] = _Found(language[0], "langid", f"py3langid p={language[1]:.2f}", None)
    outlet = found.get("outlet")
    outlet_value = outlet.value if outlet else None
    if isinstance(outlet_value, str):
        outlet_value = {"name": outlet_value, "domain": None}
    fields: dict[str, Any] = {}
    for name, item in found.items():
        fields[name] = _provenance(item, superseded.get(name, []))
    for index, (_, item) in enumerate(credits):
        fields[f"bylines[{index}]"] = _provenance(item, superseded.get("bylines", []) if index == 0 else [])
    sha = draft.source.sha256
    capture = Capture.model_validate(draft.source.capture) if draft.source.capture is not None else None
    data: dict[str, Any] = {
        "format": "corpuskit.article/1",
        "id": derive_id(sha, locator_of(capture)),
        "url": _value(found, "url"),
        "outlet": outlet_value,
        **{name: _value(found, name) for name in _TEXT_FIELDS},
        "language": _value(found, "language"),
        "published": _value(found, "published"),
        "updated": _value(found, "updated"),
        "bylines": [credit for credit, _ in credits],
        "body": body,
        "provenance": {
            "source": {
                "path": draft.source.path,
                "sha256": sha,
                "bytes": len(draft.source.data),
                "media_type": draft.media_type or draft.source.media_type,
                "charset": draft.charset,
            },
            "capture": capture,
            "converter": {"name": converter, "version": __version__, "method": draft.method},
            "converted_at": stamp or converted_at(),
            "normalizations": draft.normalizations,
            "fields": fields,
            "removed": sorted(draft.removed, key=lambda item: (item["span"]["start"], item["span"]["end"])),
            "spans": [span for _, _, span in draft.blocks],
        },
        "extensions": {},
    }
    return Article.model_validate(data, strict=False)


def _value(found: dict[str, _Found], name: str) -> Any:
    item = found.get(name)
    return item.value if item else None


def _provenance(item: _Found, superseded: list[_Found]) -> dict[str, Any]:
    return {
        "method": item.method,
        "evidence": item.evidence,
        "span": item.span,
        "superseded": [{"method": s.method, "evidence": s.evidence, "span": s.span} for s in superseded],
    }


def sidecar_value(value: Any, where: str) -> _Found:
    return _Found(value, "sidecar", where, None)


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


LANGUAGE_SAMPLES = (100, 1000)
"""Characters of the body py3langid reads: a short sample decides when it is confident, else a longer one.

On the dev set's 191 real pages the first 120 characters were confident (p >= 0.9) on 179, 300 on 186
and 1,000 on 188; with the fallback to 1,000, starting from 100, 150, 200 or 300 characters gives the
same language on every page (the whole text disagrees on 3, whichever the start). The cost is linear in
the sample: about 33 us for 100 characters, 82 us for 300.
"""
SURE_LANGUAGE_SAMPLES = (200, 1000)
"""The samples when p >= 0.99 is asked (the HTML converter's check of a declared language): 100 characters
are that sure on too few pages to be worth reading first (85 of 212 HTML bodies read both samples; from
200, 30)."""


def identify_language(
    text: str, *, min_words: int = 15, min_probability: float = 0.9, samples: tuple[int, ...] = LANGUAGE_SAMPLES
) -> tuple[str, float] | None:
    """The body's language when py3langid is confident, else None (never a guess).

    >>> identify_language("Too short to tell.") is None
    True
    """
    # Words are counted in the longest sample first: a long body need not be split whole.
    head = text[: samples[-1]]
    if count_words(head) < min_words and (len(head) == len(text) or count_words(text) < min_words):
        return None
    for size in samples:
        language, probability = _identifier().classify(text[:size])
        if probability >= min_probability:
            return str(language), float(probability)
        if len(text) <= size:
            break
    return None


__all__ = ["Draft", "SourceInput", "converted_at", "finish", "identify_language"]
