"""dates.normalize: whatever it is given, it returns a valid record date or None, never an invented one."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given
from hypothesis import strategies as st

from corpuskit import patterns
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
