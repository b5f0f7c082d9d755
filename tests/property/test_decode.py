"""Decoding's fast paths mean exactly what their slow definitions say."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from corpuskit.convert._decode import (
    _INVISIBLE,
    _LINE,
    _SUSPECT,
    LINE_ENDS,
    Decoded,
    _collapse,
    binary_evidence,
    decode,
    might_be_damaged,
    repair,
    split_lines,
)

# ASCII, Latin-1 (the lead characters of mojibake), cp1252's specials, C0 and C1 controls, curly quotes, CJK.
_TEXT = st.text(
    st.one_of(
        st.characters(max_codepoint=0x2FF),
        # UTF-8 read as cp1252: lead characters, then continuations and cp1252's specials
        st.sampled_from("\u00c2\u00c3\u00e2\u00f4\u00f5\u0080\u00a0\u00bf\u00c0"),
        st.sampled_from("\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u20ac\u2122\u0152\u0160\u017d\u0192\ufeff中文"),
    ),
    max_size=80,
)


# Short strings of a few characters that matter meet every case of the pattern.
_FEW = st.text(st.sampled_from("a \u00c2\u00c3\u00a0\u0080\u2019\x08"), max_size=4)


@given(st.one_of(_TEXT, _FEW))
def test_the_cheap_damage_test_is_the_suspect_pattern(text: str) -> None:
    assert might_be_damaged(text) is (_SUSPECT.search(text) is not None)


@given(
    st.lists(_TEXT.map(lambda text: re.sub(r"[\r\n]", "", text)), min_size=1),
    st.sampled_from(["\n", "\n", "\n", "\r\n", "\r"]),  # a CR anywhere takes the other path
    st.sampled_from(["utf-8", "utf-16-le", "cp1252", "latin-1"]),
)
def test_lines_and_spans_follow_the_line_pattern(lines_in: list[str], first_end: str, codec: str) -> None:
    # What the codec cannot encode becomes "?", so that every drawn text is a possible document.
    lines_in = [line.encode(codec, "replace").decode(codec) for line in lines_in]
    text = "".join(line + (first_end if index == 0 else "\n") for index, line in enumerate(lines_in))
    data = text.encode(codec)
    lines, steps = split_lines(Decoded(text, codec, codec, 0))
    expected = [chunk.strip() for chunk in _LINE.findall(text) if chunk.strip()]
    assert [line.raw for line in lines] == [raw for raw in expected if repair(raw)[0]]
    for line in lines:
        assert data[line.start : line.end].decode(codec) == line.raw
    assert ("newlines" in steps) is any(end in text for end in "\r" + LINE_ENDS)


@given(st.text(st.one_of(st.characters(), st.sampled_from("\u00ad\u200b\u2060\u0301e \u00c3")), max_size=40))
def test_repaired_text_is_nfc_without_invisible_characters(text: str) -> None:
    repaired, steps = repair(text)
    assert _INVISIBLE.search(repaired) is None
    assert unicodedata.is_normalized("NFC", repaired)
    if "ftfy" not in steps:  # mojibake repair may read a soft hyphen as part of a letter ("Ã\u00ad" is "í")
        assert ("invisible" in steps) is (_INVISIBLE.search(text) is not None)


@given(
    st.one_of(
        _TEXT,
        st.text(st.sampled_from(" ab"), max_size=10),  # printable: spaces alone, in runs, at the ends
        st.text(st.sampled_from(" a\u00e9\t\n\u00a0\u3000\u2028\ufeff\u200b"), max_size=12),
    )
)
def test_white_space_is_collapsed_as_split_and_join_collapse_it(text: str) -> None:
    """The fast path (a printable, single-spaced text is left as it is) means what splitting says."""
    expected = " ".join(text.split()) if "\ufeff" not in text else re.sub(r"[\s\ufeff]+", " ", text).strip()
    assert _collapse(text) == expected


# Mostly Latin text (letters, digits, punctuation, line ends) with some accented and non-Latin letters.
_MOSTLY_LATIN = (
    st.lists(
        st.one_of(
            st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), min_size=8, max_size=60), st.just("\n")
        ),
        min_size=1,
        max_size=20,
    )
    .map("".join)
    .filter(lambda text: sum(char.isalnum() for char in text) >= 4)
)


@given(
    _MOSTLY_LATIN,
    st.text(st.sampled_from("éßø中文ж"), max_size=3),
    st.sampled_from(["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"]),
)
def test_utf16_and_utf32_without_a_bom_decode_to_the_text_with_exact_spans(text: str, extra: str, codec: str) -> None:
    text = text + extra
    data = text.encode(codec)
    decoded = decode(data)
    assert decoded.codec == codec and decoded.text == text
    for line in split_lines(decoded)[0]:
        assert data[line.start : line.end].decode(codec) == line.raw


@given(st.binary(min_size=1, max_size=200))
def test_bytes_with_a_nul_are_text_only_when_a_wide_encoding_explains_it(data: bytes) -> None:
    decoded = decode(data)
    if b"\x00" in data:
        assert decoded.codec.startswith(("utf-16", "utf-32")) or binary_evidence(decoded.text) is not None
