"""Conversion rules (C): problems met while turning sources into records."""

from __future__ import annotations

from corpuskit.diagnostics import Severity
from corpuskit.rules import declare

CONVERSION_FAILED = declare(
    "C001",
    "conversion-failed",
    Severity.ERROR,
    """
    A source could not be converted.

    ## Why
    Its record is missing from the output; the run goes on with the next source.

    ## Example
    A converter bug met on an unusual page, reported with the source's path.

    ## Fix
    Report the source and the message to the corpuskit developers.
    """,
)

UNREADABLE_SOURCE = declare(
    "C002",
    "unreadable-source",
    Severity.ERROR,
    """
    A source file cannot be read, or not whole: a gzipped page or scrape (`.html.gz`, a gzipped payload)
    that is cut short, damaged, or followed by bytes that are no gzip is converted from what decompressed
    before the damage, and the message says how many bytes that was.

    ## Why
    Its record is missing from the output, or holds only the text before the damage.

    ## Example
    A file without read permission, one that vanished during the run, or
    `page.html.gz: corrupt gzip: the stream is cut short; converted the 32,150 bytes before it`.

    ## Fix
    Fix the permissions or the path; fetch a damaged file again, and re-convert.
    """,
)

SIDECAR_INVALID = declare(
    "C003",
    "sidecar-invalid",
    Severity.ERROR,
    """
    A sidecar row or value is not usable, or a column (a JSON Lines key) names no field a sidecar sets.

    A sidecar is CSV (UTF-8, UTF-16 with BOM, or a legacy export read as cp1252 and said so; separated
    by commas, or by the semicolons, tabs or bars its header splits `path` off with) or JSON Lines, one
    row per source, keyed by `path`. It sets `url`, `title`, `subtitle`, `section`, `language`,
    `published`, `updated`, `bylines` (CSV: names separated by `;`), and `outlet` (a name) or
    `outlet_name` and `outlet_domain`.

    ## Why
    Sidecar values take precedence over extraction, so a bad one would
    overwrite a good extracted value. The value is ignored and reported. A misspelt
    column ("pubished") would otherwise be dropped without a word.

    ## Example
    `published` = `11/03/2018` (not ISO 8601), a row without `path`, or a `notes` column.

    ## Fix
    Write the value in the record's own format (see docs/spec.md); rename or drop the column.
    """,
)

SIDECAR_UNMATCHED = declare(
    "C004",
    "sidecar-unmatched",
    Severity.WARNING,
    """
    A sidecar row names a path that no converted source has.

    ## Why
    Usually a typo or a path relative to the wrong root: its metadata was not applied.

    ## Example
    `path` = `seeds/001.txt` when sources were given as `fixtures/seeds/`.

    ## Fix
    Use the path relative to the input root, as `provenance.source.path` shows it.
    """,
)

NO_ARTICLE_TEXT = declare(
    "C005",
    "no-article-text",
    Severity.WARNING,
    """
    A page (an HTML file or a captured response) holds no article text, or a text
    file holds no visible line (empty, white space, invisible characters) or is binary
    data rather than text (a NUL among its first 8,000 characters), or is a file of corpuskit
    records (JSON Lines of `corpuskit.article/1`) rather than a scrape, or a WARC or ARC
    file holds no record at all.

    ## Why
    No record is written for it, so the page would otherwise vanish without a trace.

    ## Example
    A captured redirect notice, a page that is all script, an image gallery without captions,
    an empty `.txt` file, an image saved under a `.txt` name, `corpuskit convert corpus.jsonl`,
    an empty `.warc.gz`.

    ## Fix
    Nothing, if the page is not an article. Otherwise check that the capture is complete
    (a truncated response often ends before the article starts). Record files are packed as
    they are by `corpuskit pack` and checked by `corpuskit validate`.
    """,
)

DAMAGED_ARCHIVE = declare(
    "C006",
    "damaged-archive",
    Severity.ERROR,
    """
    A WARC or ARC file is damaged at a byte offset: truncated, a corrupt gzip member, or a
    record that cannot be parsed.

    ## Why
    The records in the damaged stretch are lost; everything readable before and after it is
    still converted, so the message gives the offset where reading failed and where it resumed.

    ## Example
    `crawl.warc.gz: damaged archive at byte 1864: truncated record (read 212 of 553 bytes)`

    ## Fix
    Fetch the file again, or repair it (for example with `warcio recompress`), and re-convert.
    """,
)

DIGEST_MISMATCH = declare(
    "C007",
    "digest-mismatch",
    Severity.ERROR,
    """
    A WARC record's `WARC-Block-Digest` or `WARC-Payload-Digest` does not match its bytes.

    ## Why
    The capture was altered or damaged after it was written; its record would silently carry
    the damage. The record is not converted.

    ## Example
    `payload digest failed: sha1:B2LTWWPUOYAH7UIPQ7ZUPQ4VMBSVC36A`

    ## Fix
    Fetch the capture again. If the digest header itself is wrong (some crawlers compute it
    over the chunked payload), convert with a tool that rewrites the WARC, then re-convert.
    """,
)

UNRESOLVED_REVISIT = declare(
    "C008",
    "unresolved-revisit",
    Severity.WARNING,
    """
    A WARC `revisit` record names an original capture that is not in the same file.

    ## Why
    A revisit holds no payload of its own: without its original there is nothing to convert.
    A revisit whose original is in the file needs no record of its own (the original's record
    already holds the text) and is counted in the summary.

    ## Example
    A deduplicating crawler's revisit of a page first captured in an earlier WARC.

    ## Fix
    Convert the WARC that holds the original capture too.
    """,
)

CAPTURE_TRUNCATED = declare(
    "C009",
    "capture-truncated",
    Severity.WARNING,
    """
    The crawler cut a capture short (its `WARC-Truncated` header): the record is converted from what
    was kept, and its text may stop before the article ends.

    ## Why
    A truncated capture is intact as a WARC record (its digests match what was kept), so nothing
    else would tell that the article's end is missing.

    ## Example
    A response record with `WARC-Truncated: length`: the crawler stopped at its size limit
    (Common Crawl keeps the first 1 MiB of a page, older crawls less).

    ## Fix
    Nothing in the corpus; recrawl the page if its whole text matters.
    """,
)

WHOLE_FILE_GZIP = declare(
    "C010",
    "whole-file-gzip",
    Severity.WARNING,
    """
    A WARC or ARC file gzipped whole (`gzip capture.warc`) rather than one gzip member per record, as the WARC
    standard asks: its records are converted from the decompressed stream, and their `capture.offset` and
    `capture.length` are positions in that stream, not in the file.

    ## Why
    WARC readers (warcio, pywb, `warcio extract`) seek to a record by its gzip member; in a file gzipped
    whole there is one member, so they stop after the first record, and an offset in the file names no
    record.

    ## Example
    A crawl's `capture.warc` compressed afterwards with `gzip`.

    ## Fix
    Recompress one member per record: `zcat capture.warc.gz > capture.warc`, then `warcio recompress
    capture.warc capture.warc.gz`, and convert again.
    """,
)

CAPTURE_HEADER_INVALID = declare(
    "C011",
    "capture-header-invalid",
    Severity.WARNING,
    """
    A capture's header is not as the WARC standard writes it, and was read around: a date that is not a
    date leaves `capture.date` empty; a `WARC-Target-URI` with spaces is read with them percent-encoded
    (`%20`), as warcio reads it, into `capture.target_uri` and `url`; a response with no target URI, or
    one that is not an http(s) URL, is converted, and its `url` is the one the page gives (its canonical
    link), if any. The message quotes the value as the file has it.

    ## Why
    The capture date is when the page was seen, often the only date a page without a dateline has: an
    empty `capture.date` with no report would read as "the crawler recorded none". A target URI that
    the record does not print as the file does should say so.

    ## Example
    `WARC-Date: 2024-13-45T00:00:00Z`, an ARC header whose archive date is not 14 digits,
    `WARC-Target-URI: https://example.com/a page.html`, or `WARC-Target-URI: http://example.com:99999/`.

    ## Fix
    Correct the header in the WARC if the true value is known, then convert again; otherwise nothing:
    the record stands as read.
    """,
)
