"""dates.normalize: whatever it is given, it returns a valid record date or None, never an invented one."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given
from hypothesis import strategies as st

from corpuskit import patterns
from corpuskit.convert._meta import parse_credited_dateline, parse_dated_line, parse_dateline
from corpuskit.dates import normalize
from corpuskit.strategies import dates

PARTIAL_DATE = re.compile(patterns.PARTIAL_DATE)


@given(st.text(max_size=40))
def test_any_text_gives_a_valid_date_or_none(text: str) -> None:
    value = normalize(text)
    assert value is None or PARTIAL_DATE.match(value)


@given(dates())
def test_record_dates_are_fixed_points(value: str) -> None:
    assert normalize(value) == (value.replace("+00:00", "Z") if value.endswith("+00:00") else value)


@given(st.datetimes(min_value=dt.datetime(1900, 1, 1), timezones=st.just(dt.UTC)))
def test_http_dates_keep_their_instant(moment: dt.datetime) -> None:
    text = moment.strftime("%a, %d %b %Y %H:%M:%S GMT")
    value = normalize(text)
    assert value is not None
    assert dt.datetime.fromisoformat(value.replace("Z", "+00:00")) == moment.replace(microsecond=0)


# Lines built from what datelines and bylines are made of, so that many hold a date and some a name before it.
_PIECES = st.sampled_from(
    [
        "By Jo Roe", "von Anja Roe", "Published", "Updated", "am", "on", "|", "•", ",", "15 January 2020",
        "Sunday 11 March 2018 16:23", "UK", "03.05.2019", "2018年6月18日", "10:39am", "the council met", "and",
    ]
)  # fmt: skip


@given(st.lists(_PIECES, max_size=8).map(" ".join))
def test_a_dated_line_is_read_as_its_two_parsers_read_it(line: str) -> None:
    """parse_dated_line searches the dates once for both readings: it must give what they give."""
    credited = parse_credited_dateline(line)
    dateline = parse_dateline(line)
    expected = credited if credited is not None else ([], dateline) if dateline is not None else None
    assert parse_dated_line(line) == expected
