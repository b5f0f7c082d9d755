"""Integrity rules (I): a record that does not agree with itself or its sources."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

from corpuskit.diagnostics import Severity
from corpuskit.ids import expected_id
from corpuskit.models import Article
from corpuskit.rules import Finding, check, declare
from corpuskit.rules.context import RuleContext

DUPLICATE_ID = declare(
    "I001",
    "duplicate-id",
    Severity.ERROR,
    """
    Two records share an `id`.

    ## Why
    Ids are derived from the source's identity, so a repeated id means the
    same source was converted twice (or an id was copied by hand). Joins and
    updates keyed on `id` silently pick one.

    ## Example
    The same `scrapes/a.txt` converted into two shards.

    ## Fix
    Keep one of the records. The message names where the first one is.
    """,
)


@check("I002", "id-mismatch")
def id_mismatch(article: Article, context: RuleContext) -> Iterator[Finding]:
    """The `id` does not match its derivation from the provenance.

    ## Why
    `id = sha256(source.sha256 + "\\n" + locator)[:32]` (docs/spec.md §3). A
    record whose id does not follow has been edited by hand or built by a
    tool that does not follow the spec; its id will not be stable.

    ## Example
    `"id": "0000…"` on a record whose source hashes elsewhere.

    ## Fix
    Recompute the id with `corpuskit.ids.expected_id(record)`.
    """
    expected = expected_id(article)
    if article.id != expected:
        yield f"id {article.id} does not match its derivation {expected}", "$.id"


@check("I003", "span-outside-source")
def span_outside_source(article: Article, context: RuleContext) -> Iterator[Finding]:
    """A span is inverted or reaches past the end of its source.

    ## Why
    Spans are the audit trail: each must point at bytes that exist.

    ## Example
    `{"start": 120, "end": 80}`, or `"end": 5000` in a 3,655-byte source.

    ## Fix
    Re-convert the source; spans are never written by hand.
    """
    size = article.provenance.source.bytes
    provenance = article.provenance
    located = chain(
        ((span, "spans[{}]", index) for index, span in enumerate(provenance.spans)),
        ((item.span, "removed[{}].span", index) for index, item in enumerate(provenance.removed)),
        ((item.span, "fields[{!r}].span", key) for key, item in provenance.fields.items()),
    )
    for span, path, key in located:
        if span is not None and (span.start > span.end or span.end > size):
            # the JSON path is formatted only for a finding
            yield f"span {span.start}..{span.end} is outside the {size}-byte source", "$.provenance." + path.format(key)


@check("I004", "spans-misaligned")
def spans_misaligned(article: Article, context: RuleContext) -> Iterator[Finding]:
    """`provenance.spans` does not have one entry per body block.

    ## Why
    Span *i* belongs to block *i*; with a different count, every span after
    the first missing one points at the wrong block.

    ## Example
    Three body blocks and two spans.

    ## Fix
    Write one span (or `null`) per block, in body order.
    """
    spans, blocks = len(article.provenance.spans), len(article.body)
    if spans != blocks:
        yield f"{spans} spans for {blocks} body blocks", "$.provenance.spans"
