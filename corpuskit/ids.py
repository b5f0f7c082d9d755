"""Record identifiers, derived from the source's identity and never from content.

``id = sha256(source.sha256 + "\\n" + locator)[:32]`` in lower-case hex, where the
locator names the record inside its source: the WARC-Record-ID for WARC input,
``@OFFSET`` for ARC records (which have no id), and the empty string for a
file that is a single document. Re-converting a source with a better converter
keeps its ids; two byte-identical sources share one.

>>> derive_id("0" * 64)
'827d096d92f3deeaa0e8070d79f45beb'
"""

from __future__ import annotations

import hashlib

from corpuskit.models import Article, Capture


def locator_of(capture: Capture | None) -> str:
    if capture is None:
        return ""
    return capture.record_id if capture.record_id is not None else f"@{capture.offset}"


def derive_id(source_sha256: str, locator: str = "") -> str:
    return hashlib.sha256(f"{source_sha256}\n{locator}".encode()).hexdigest()[:32]


def expected_id(article: Article) -> str:
    """The id an article must carry, given its provenance."""
    provenance = article.provenance
    return derive_id(provenance.source.sha256, locator_of(provenance.capture))
