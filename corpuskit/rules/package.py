"""Package rules (P): a corpus package (a BagIt bag) that is incomplete, altered or inconsistent."""

from __future__ import annotations

from corpuskit.diagnostics import Severity
from corpuskit.rules import declare

BAG_STRUCTURE = declare(
    "P001",
    "bag-structure",
    Severity.ERROR,
    """
    The directory is not a well-formed BagIt bag: `bagit.txt`, `data/` or a manifest is missing or unreadable,
    or a line of a tag file is malformed: a manifest line that is not a checksum and a path, a checksum that is
    not hexadecimal of its algorithm's length, a `Payload-Oxum` that is not `OCTETS.FILES`, a `fetch.txt` line
    that is not `URL LENGTH PATH` or names a file no payload manifest lists. Such a line is reported with its
    line number; BagIt tools skip it or stop at it. A symbolic link in the bag that cannot be followed, leads
    out of the bag, or leads to a folder (BagIt tools do not follow it, so what it holds is in no manifest) is
    reported too.

    ## Why
    No BagIt tool can verify a package without them, so nothing in it can be trusted.

    ## Example
    `bagit.txt` deleted, or `manifest-sha256.txt` truncated to a line without a checksum.

    ## Fix
    Re-create the package with `corpuskit pack`.
    """,
)

CHECKSUM_MISMATCH = declare(
    "P002",
    "checksum-mismatch",
    Severity.ERROR,
    """
    A file's checksum differs from the one its bag manifest records.

    ## Why
    The file changed after packing: a tampered byte, a partial copy, a disk error.

    ## Example
    `data/records/part-00000.jsonl.zst sha256 validation failed: expected="9f2c…" found="41aa…"`

    ## Fix
    Restore the file from a good copy, or re-pack from the sources.
    """,
)

FILE_MISSING = declare(
    "P003",
    "file-missing",
    Severity.ERROR,
    """
    A file listed in a bag manifest is not in the package.

    ## Why
    Its records or its source are lost.

    ## Example
    `data/sources/ab/ab12….txt exists in manifest but was not found on filesystem`

    ## Fix
    Restore the file from a good copy, or re-pack from the sources.
    """,
)

UNEXPECTED_FILE = declare(
    "P004",
    "unexpected-file",
    Severity.ERROR,
    """
    A file in the payload (`data/`) is not listed in the bag manifest.

    ## Why
    Nobody can tell whether it belongs to the collection or was added later.

    ## Example
    `data/records/extra.jsonl exists on filesystem but is not in the manifest`

    ## Fix
    Remove it, or re-pack with it among the inputs.
    """,
)

OXUM_MISMATCH = declare(
    "P005",
    "oxum-mismatch",
    Severity.ERROR,
    """
    The payload's byte and file counts differ from `Payload-Oxum` in `bag-info.txt`.

    ## Why
    The quick completeness check of BagIt: a file was added, removed or changed in length.

    ## Example
    `Payload-Oxum validation failed. Expected 12 files and 40960 bytes but found 13 files and 41000 bytes`

    ## Fix
    Restore the payload from a good copy, or re-pack.
    """,
)

MANIFEST_INVALID = declare(
    "P006",
    "manifest-invalid",
    Severity.ERROR,
    """
    `data/corpus.json` is missing, is not valid against `schema/corpus.schema.json`, or disagrees
    with the package: a record count, a shard's checksum or size, or a listed source.

    ## Why
    The manifest is what people and tools read first; its figures must be the package's.

    ## Example
    `record_count is 120 but the shards hold 119 records`

    ## Fix
    Re-pack the package; never edit `corpus.json` by hand.
    """,
)

SOURCE_MISSING = declare(
    "P007",
    "source-missing",
    Severity.ERROR,
    """
    A record's source (`provenance.source.sha256`, or for a capture its WARC file) is not among the
    package's sources, or a span reaches past the end of that source.

    ## Why
    Provenance that points at nothing cannot be audited.

    ## Example
    A record whose `source.sha256` names no file under `data/sources/`.

    ## Fix
    Re-pack with the sources the records were converted from.
    """,
)

NOT_REPRODUCED = declare(
    "P008",
    "not-reproduced",
    Severity.WARNING,
    """
    Re-converting a packaged source (`validate --reproduce`) gives a record that differs from the
    packaged one (conversion time aside), or no record at all.

    ## Why
    The package was made with another converter version or options, or the record was edited.

    ## Example
    `record 3f2a… no longer matches its source: title differs`

    ## Fix
    Re-pack with the current converter if the new record is the better one.
    """,
)
