"""File and parse rules (F): problems met before a line is a JSON object.

These are emitted by :mod:`corpuskit.jsonl` while reading, so one bad line or
file becomes a located diagnostic and reading goes on.
"""

from __future__ import annotations

from corpuskit.diagnostics import Severity
from corpuskit.rules import declare

INVALID_JSON = declare(
    "F001",
    "invalid-json",
    Severity.ERROR,
    """
    A line is not valid JSON.

    ## Why
    A record that does not parse is lost to every reader of the corpus.

    ## Example
    `{"id": "a1", "title": "Budget"` (the closing brace is missing). A zip or tar
    archive, a WARC file or an HTML page under a record file's name is one
    diagnostic at 1:1 that names what the file is, not one per line of its bytes.

    ## Fix
    Re-export the line from its source, or repair it at the reported column.
    """,
)

INVALID_UTF8 = declare(
    "F002",
    "invalid-utf8",
    Severity.ERROR,
    """
    A line contains bytes that are not valid UTF-8.

    ## Why
    JSON Lines files are UTF-8 by definition; other bytes are decoded
    differently by every reader, or not at all.

    ## Example
    A title written in cp1252: `"Caf\\xe9"` as a raw byte 0xE9.

    ## Fix
    Decode the source with its real charset and write the file as UTF-8.
    """,
)

CORRUPT_COMPRESSION = declare(
    "F003",
    "corrupt-compression",
    Severity.ERROR,
    """
    A gzip, zstd, bzip2 or xz stream is truncated or corrupt.

    ## Why
    Records after the break cannot be read; the file is incomplete.

    ## Example
    A `.jsonl.gz` whose upload was cut short.

    ## Fix
    Recompress from the uncompressed original, or re-fetch the file.
    Lines before the break are still read and checked.
    """,
)

DUPLICATE_KEY = declare(
    "F004",
    "duplicate-key",
    Severity.ERROR,
    """
    An object has the same key twice.

    ## Why
    JSON parsers disagree on which value wins, so readers see different records.

    ## Example
    `{"title": "A", "title": "B", ...}`

    ## Fix
    Keep one value for the key.
    """,
)

NON_FINITE_NUMBER = declare(
    "F005",
    "non-finite-number",
    Severity.ERROR,
    """
    A number is `NaN`, `Infinity` or `-Infinity`.

    ## Why
    These are not JSON; strict parsers reject the whole line.

    ## Example
    `{"extensions": {"org.example": {"score": NaN}}}`

    ## Fix
    Write `null`, or a finite number.
    """,
)

TOO_DEEP = declare(
    "F006",
    "nesting-too-deep",
    Severity.ERROR,
    """
    A line nests arrays or objects deeper than the limit (64 levels).

    ## Why
    Deep nesting is a sign of hostile or broken input, and it exhausts the
    stack of recursive readers.

    ## Example
    `{"extensions": {"org.x": {"a": [[[[...]]]]}}}` nested 1,000 deep.

    ## Fix
    Flatten the data; records themselves nest fewer than ten levels.
    """,
)

NOT_AN_OBJECT = declare(
    "F007",
    "not-an-object",
    Severity.ERROR,
    """
    A line is valid JSON but not an object.

    ## Why
    Each line of a record file must be one record.

    ## Example
    `[{"id": "..."}]` or `"hello"`

    ## Fix
    Write one JSON object per line.
    """,
)

EMPTY_FILE = declare(
    "F008",
    "empty-file",
    Severity.WARNING,
    """
    A record file holds no records, or a folder given to validate holds no record files.

    ## Why
    An empty file is usually a failed export, not an empty corpus; a folder with no
    record files is usually the wrong folder, or records under a name validate does
    not read (`*.json.gz`). Either way nothing was checked, which must not pass as clean.

    ## Example
    A zero-byte `part-00003.jsonl`; `corpuskit validate data/` when `data/` holds only
    `corpus.json.gz`.

    ## Fix
    Re-run the export, or remove the file; point validate at the records (or give the
    file itself: any name is read when named on the command line).
    """,
)

BYTE_ORDER_MARK = declare(
    "F009",
    "byte-order-mark",
    Severity.WARNING,
    """
    The file, or a line of it, starts with a UTF-8 byte order mark.

    ## Why
    RFC 8259 forbids a BOM in JSON text, and many JSON Lines readers fail on
    the first line because of it. A BOM further down comes from files joined
    (`cat a.jsonl b.jsonl`) that were each saved with one. The record after it
    is still read and checked.

    ## Example
    The bytes `EF BB BF` before the first `{`, or before a later line's `{`.

    ## Fix
    Save the files as UTF-8 without BOM (and join them again).
    """,
)

UNREADABLE_FILE = declare(
    "F010",
    "unreadable-file",
    Severity.ERROR,
    """
    A file cannot be opened or read.

    ## Why
    Its records are missing from the check.

    ## Example
    A file without read permission, or a directory given where a file was expected.
    In a folder being walked, a record-named link to a file that is gone, or a named
    pipe (not read: it would wait for a writer; name it on the command line to read it).

    ## Fix
    Fix the permissions or the path.
    """,
)

BLANK_LINE = declare(
    "F011",
    "blank-line",
    Severity.WARNING,
    """
    A line in a JSON Lines file is empty or only white space.

    ## Why
    JSON Lines has no blank lines; some readers fail on them, others
    silently skip them, so record counts differ between tools.

    ## Example
    Two newlines between records.

    ## Fix
    Remove the empty line.
    """,
)
