"""The vocabulary's gates, and the lower-cased union of its ungated rules, are speed devices: they never
change which rule drops a line."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from corpuskit import strategies
from corpuskit.convert.boilerplate import _LONGEST, VOCABULARY, Furniture, classify, word_count
from tests.helpers import realdata


def first_rule_without_gates(text: str) -> Furniture | None:
    """What ``classify`` means: the first rule whose pattern drops the line, with no prefilter at all."""
    words = len(text.split())
    if words > _LONGEST:
        return None
    for furniture in VOCABULARY:
        if words <= furniture.max_words:
            pattern = furniture.pattern
            if pattern.search(text) if furniture.search else pattern.fullmatch(text):
                return furniture
    return None


_FURNITURE = sorted(
    {*strategies._HEADER, *strategies._MIDDLE, *strategies._FOOTER, *(i for menu in strategies._MENUS for i in menu)}
)


@st.composite
def lines(draw: st.DrawFn) -> str:
    """Furniture real sites print, alone or inside drawn text, in any case; or drawn text alone."""
    core = draw(st.sampled_from(_FURNITURE) | strategies.texts(max_words=12))
    before = draw(st.sampled_from(["", ""]) | strategies.texts(max_words=6))
    after = draw(st.sampled_from(["", ""]) | strategies.texts(max_words=6))
    text = " ".join(part for part in (before, core, after) if part)
    case = draw(st.sampled_from([str, str.lower, str.upper, str.title]))
    return " ".join(case(text).split())


@given(lines())
def test_gates_never_change_what_a_drawn_line_is(line: str) -> None:
    assert classify(line) is first_rule_without_gates(line)


def test_gates_never_change_what_a_line_of_a_real_page_is() -> None:
    """Every line of the real pages, rendered as scrapes are (inscriptis)."""
    import inscriptis

    checked = 0
    for page in sorted(realdata().rglob("*.htm*")):
        scrape = inscriptis.get_text(page.read_bytes().decode("utf-8", errors="replace"))
        for raw in scrape.splitlines():
            line = " ".join(raw.split())
            if line:
                assert classify(line) is first_rule_without_gates(line), line
                checked += 1
    assert checked > 10_000


def test_every_phrase_rule_has_a_gate() -> None:
    """Lines are prefiltered with one scan of all gates; a phrase rule without one would be scanned alone."""
    assert all(furniture.gate for furniture in VOCABULARY if furniture.search)
    assert not [f.rule for f in VOCABULARY if f.gate and not re.fullmatch(r"[^A-Z]+", "".join(f.gate))]


# Printable text, counted from its spaces; and text with other white space, or anything.
_SPACED = st.text(alphabet=" ab.é", max_size=20)
_ANY = st.text(alphabet=st.sampled_from(" \t\n\u00a0\u2003\u200bab.") | st.characters(), max_size=40)


@given(_SPACED | _ANY)
def test_words_are_counted_as_split_counts_them(text: str) -> None:
    assert word_count(text) == len(text.split())


@given(st.text())
def test_a_word_count_is_never_below_what_the_spaces_give(text: str) -> None:
    from corpuskit.words import _CJK, _SOUTHEAST_ASIAN, count

    assert count(text) >= len(text.split())
    if not (_CJK.search(text) or _SOUTHEAST_ASIAN.search(text)):
        assert count(text) == len(text.split())
