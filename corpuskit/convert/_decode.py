"""Bytes → lines, keeping the exact byte span of every line.

Decoding order: a BOM (UTF-8, UTF-16, UTF-32) decides; else NUL bytes placed as
UTF-16 or UTF-32 place them (text written without a BOM); else strict UTF-8; else
charset-normalizer's best guess; else latin-1 (which cannot fail and maps
byte for byte). Line ends may be LF, CRLF or CR. Each line keeps its raw
decoded text, its byte span in the source, and its repaired text (ftfy,
NFC, white space collapsed), so that every later decision can point back at
the bytes it came from.
"""

from __future__ import annotations

import codecs
import functools
import importlib
import re
import unicodedata
from dataclasses import dataclass

import charset_normalizer
import ftfy
import ftfy.badness

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)
LINE_ENDS = "\v\f\u2028\u2029"
"""What ends a line besides CR and LF: a word processor's line break (vertical tab), a page break (form
feed), and Unicode's line and paragraph separators. NEL (U+0085) is not among them: in text read as
Latin-1 it stands for cp1252's ellipsis."""
_LINE = re.compile(f"[^\\r\\n{LINE_ENDS}]*(?:\\r\\n|[\\r\\n{LINE_ENDS}]|$)")
_IRREGULAR_END = re.compile(f"[\\r{LINE_ENDS}]")
# UTF-8 read as a single-byte code page always shows a lead character (Â..ô)
# before a continuation or a cp1252 special; control characters are damage too.
_SUSPECT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|[\x00-\x08\x0e-\x1f\x7f-\x9f]"
)
# The characters a _SUSPECT match starts with: one character class scans fast, so it goes first.
_SUSPECT_LEAD = re.compile("[\u00c2-\u00f4\x00-\x08\x0e-\x1f\x7f-\x9f]")
# The characters that start a repair: a _SUSPECT_LEAD (mojibake's lead, a control character) or an _INVISIBLE.
_REPAIRABLE = re.compile("[\u00c2-\u00f4\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u200b\u2060]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\x1b]")
_SPACE = re.compile(r"[\s\ufeff]+")
_INVISIBLE = re.compile("[\u00ad\u200b\u2060]")
"""Characters that print as nothing: the soft hyphen (a line-break hint), the zero-width
space and the word joiner. Left in, they split one word into two tokens ("Ver\u00adanstaltung").
Joiners that change how a script is written (ZWJ, ZWNJ) and direction marks stay."""
# Repair encodings and strip terminal junk, but never restyle the text: curly
# quotes, ligatures and full-width forms are the author's, not damage.
_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    fix_line_breaks=False,
    normalization=None,
    explain=False,
)


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    charset: str
    codec: str
    offset: int  # bytes before the text (a BOM)


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank line: where it is, what it said, and what it says repaired."""

    raw: str  # decoded, without its line end or surrounding white space
    text: str  # repaired: ftfy, NFC, white space collapsed
    start: int  # byte offset of ``raw`` in the source
    end: int
    indent: int = 0  # the white space before it, in characters (a renderer indents nested lists)
    at: int = 0  # character offset of ``raw`` in the decoded text
    cuts: tuple[tuple[int, int, str], ...] = ()  # pieces of ``raw`` (start, end, rule) that are not text


def decode(data: bytes) -> Decoded:
    for bom, charset, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(codec), charset, codec, len(bom))
            except UnicodeDecodeError:
                break
    wide = _wide_without_bom(data)
    if wide is not None:
        return wide
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "utf-8", 0)
    except UnicodeDecodeError:
        pass
    best = _best_legacy_guess(data)
    if best is not None:
        codec = codecs.lookup(best).name
        try:
            text = data.decode(codec)
            if text.encode(codec) == data:  # byte offsets stay exact only for round-tripping codecs
                return Decoded(text, _charset_name(codec), codec, 0)
        except (UnicodeError, LookupError):
            pass
    return Decoded(data.decode("latin-1"), "iso-8859-1", "latin-1", 0)


_WIDE_SAMPLE = 4096
BINARY_SAMPLE = 8000
"""Characters searched for a NUL to tell binary data from text (git searches as many bytes)."""


def binary_evidence(text: str) -> str | None:
    """Why decoded "text" is binary data (an image, an archive) rather than text, or None.

    A NUL among its first characters, git's test: text never holds one (UTF-16 and UTF-32,
    whose NUL bytes are parts of characters, are decoded before this is asked), while an
    image's or an archive's first kilobytes almost always do.

    >>> binary_evidence("A story.\\n"), binary_evidence("\\x89PNG\\r\\n\\x1a\\n\\x00\\x00\\x00\\rIHDR")
    (None, 'a NUL at character 8')
    """
    nul = text.find("\x00", 0, BINARY_SAMPLE)
    return f"a NUL at character {nul}" if nul >= 0 else None


def _wide_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 or UTF-32 written without a BOM, told by where its NUL bytes fall.

    Latin letters, digits and punctuation take one byte and one or three NULs in these
    encodings, always on the same side of the code unit; no text in an 8-bit encoding
    holds NULs like that (UTF-8 would decode them as control characters).

    >>> [_wide_without_bom("Storm news".encode(codec)).codec for codec in ("utf-16-le", "utf-16-be", "utf-32-le")]
    ['utf-16-le', 'utf-16-be', 'utf-32-le']
    >>> _wide_without_bom(b"Storm news") is None, _wide_without_bom(bytes(range(256))) is None
    (True, True)
    """
    sample = data[:_WIDE_SAMPLE]
    if b"\x00" not in sample:
        return None
    for width, codec in ((4, "utf-32-le"), (4, "utf-32-be"), (2, "utf-16-le"), (2, "utf-16-be")):
        units = len(sample) // width
        if not units or len(data) % width:
            continue
        # The bytes a Latin character leaves NUL: the high ones (LE: after the low byte; BE: before it).
        high = range(1, width) if codec.endswith("le") else range(width - 1)
        low = 0 if codec.endswith("le") else width - 1
        # Most code units are NUL-high, and the low bytes are not NULs themselves.
        if all(sample[i::width].count(0) >= 0.6 * units for i in high) and sample[low::width].count(0) <= 0.1 * units:
            try:
                return Decoded(data.decode(codec), codec.replace("-le", "le").replace("-be", "be"), codec, 0)
            except UnicodeDecodeError:
                continue
    return None


# Short texts fit several single-byte code pages equally well; Western legacy text
# is overwhelmingly windows-1252, so it wins ties.
_PREFERRED = ("cp1252", "latin_1", "iso8859_15")
_TIE = 0.05


def _best_legacy_guess(data: bytes) -> str | None:
    results = list(charset_normalizer.from_bytes(data))
    if not results:
        return None
    best = min(results, key=lambda match: match.chaos)
    for preferred in _PREFERRED:
        for match in results:
            if match.encoding == preferred and match.chaos <= best.chaos + _TIE:
                return match.encoding
    return best.encoding


def _charset_name(codec: str) -> str:
    return {"cp1252": "windows-1252", "iso8859-1": "iso-8859-1"}.get(codec, codec)


def byte_span(text: str, start: int, end: int, codec: str, base: int = 0) -> dict[str, int]:
    """The byte span of characters ``[start, end)`` of ``text``, which begins at byte ``base`` of its source.

    >>> byte_span("café au lait", 5, 7, "utf-8"), byte_span("café au lait", 5, 7, "utf-16-le", base=2)
    ({'start': 6, 'end': 8}, {'start': 12, 'end': 16})
    """
    begin = base + len(codecs.encode(text[:start], codec))
    return {"start": begin, "end": begin + len(codecs.encode(text[start:end], codec))}


def split_lines(decoded: Decoded) -> tuple[list[Line], list[str]]:
    """Non-blank lines with byte spans, and the document-wide normalisations applied."""
    lines: list[Line] = []
    used: set[str] = set()
    position = decoded.offset
    at = 0  # the chunk's character offset
    text = decoded.text
    encode = codecs.getencoder(decoded.codec)
    # A character is one byte in a single-byte code page, and in ASCII text in UTF-8;
    # elsewhere count the encoded bytes.
    single_byte = _is_single_byte(decoded.codec) or (decoded.codec == "utf-8" and text.isascii())
    ascii_is_byte = decoded.codec == "utf-8"
    crlf = _IRREGULAR_END.search(text) is not None
    # Without a CR (or another line end) every line ends in exactly one "\n", which split() removes.
    chunks: list[str] = [match.group() for match in _LINE.finditer(text)] if crlf else text.split("\n")
    ending = 0 if crlf else len(encode("\n")[0])
    separator = 0 if crlf else 1  # characters: split() took the "\n" off each chunk
    for chunk in chunks:
        one_to_one = single_byte or (ascii_is_byte and chunk.isascii())
        content = chunk.rstrip("\r\n" + LINE_ENDS) if crlf else chunk
        stripped = content.strip()
        if stripped:
            lead_text = content[: len(content) - len(content.lstrip())]
            lead = len(lead_text) if one_to_one else len(encode(lead_text)[0])
            size = len(stripped) if one_to_one else len(encode(stripped)[0])
            repaired, steps = repair(stripped)
            if steps:
                used.update(steps)
            if repaired:
                indent = len(lead_text)
                lines.append(Line(stripped, repaired, position + lead, position + lead + size, indent, at + indent))
        position += (len(chunk) if one_to_one else len(encode(chunk)[0])) + ending
        at += len(chunk) + separator
    normalizations = (["bom"] if decoded.offset else []) + (["newlines"] if crlf else [])
    normalizations += [step for step in ("ftfy", "invisible", "nfc") if step in used]
    return lines, normalizations


@functools.cache
def _is_single_byte(codec: str) -> bool:
    """Whether every character is one byte in this codec (latin-1, the windows-125x pages, koi8-r, ...).

    Python's single-byte codecs are charmap codecs with a 256-entry decoding table.
    """
    try:
        name = codecs.lookup(codec).name
        if name in ("ascii", "iso8859-1", "latin-1"):
            return True
        return hasattr(importlib.import_module("encodings." + name.replace("-", "_")), "decoding_table")
    except (LookupError, ImportError):
        return False


_UNCHANGED: frozenset[str] = frozenset()


def repair(text: str) -> tuple[str, frozenset[str]]:
    """Repair one piece of text; say which repairs changed it."""
    if text.isascii():  # nothing to repair but white space
        return _collapse(text), _UNCHANGED
    steps: set[str] = set()
    if _REPAIRABLE.search(text) is not None:  # most text has neither mojibake's marks nor invisible characters
        # ftfy's own badness test is costly; run it only where damage is possible.
        if might_be_damaged(text) and (ftfy.badness.is_bad(text) or _CONTROL.search(text)):
            fixed = ftfy.fix_text(text, _FTFY)
            if fixed != text:
                steps.add("ftfy")
                text = fixed
        if _INVISIBLE.search(text) is not None:  # before NFC: a mark it kept apart may now compose
            steps.add("invisible")
            text = _INVISIBLE.sub("", text)
    if not unicodedata.is_normalized("NFC", text):
        steps.add("nfc")
        text = unicodedata.normalize("NFC", text)
    return _collapse(text), frozenset(steps) if steps else _UNCHANGED


def _collapse(text: str) -> str:
    """White space runs as one space, none at the ends (U+FEFF counted as white space).

    Every white-space character but the space is unprintable (U+FEFF too), so a printable text with no
    space at either end and no two together is already collapsed.
    """
    if text and text.isprintable() and "  " not in text and text[0] != " " and text[-1] != " ":
        return text
    return " ".join(text.split()) if "\ufeff" not in text else _SPACE.sub(" ", text).strip()


_TAG_NAMES = (
    "a|abbr|article|aside|audio|b|big|blockquote|br|button|center|cite|code|del|div|em|figcaption|figure|font|"
    "footer|form|h[1-6]|header|hr|i|iframe|img|input|ins|label|li|link|mark|meta|nav|ol|p|picture|pre|q|s|"
    "script|section|small|source|span|strike|strong|style|sub|sup|table|tbody|td|th|thead|time|tr|tt|u|ul|video"
)
HTML_TAG = re.compile(rf"</?(?:{_TAG_NAMES})(?:\s[^<>]*)?/?>", re.IGNORECASE)
"""An HTML tag left in text: real tag names only, so that ``x<y and z>w`` is not one."""
HTML_ENTITY = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]{1,30}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")
"""A character reference, with its semicolon (``AT&T`` and ``R&D`` are not references)."""


def might_be_damaged(text: str) -> bool:
    """A cheap first test for mojibake or control characters (ftfy decides after it)."""
    return _SUSPECT_LEAD.search(text) is not None and _SUSPECT.search(text) is not None
