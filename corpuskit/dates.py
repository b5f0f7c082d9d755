"""Partial ISO 8601 dates (the record's ``published``/``updated``): precision and comparison.

>>> precision("2018-03"), precision("2018-03-11T16:23+00:00")
('month', 'minute')
>>> earliest_instant("2018") < earliest_instant("2018-03-11T16:23+00:00")
True
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

Precision = Literal["year", "month", "day", "minute", "second"]


def precision(value: str) -> Precision:
    if len(value) == 4:
        return "year"
    if len(value) == 7:
        return "month"
    if len(value) == 10:
        return "day"
    return "second" if value[16:17] == ":" else "minute"  # hh:mm:ss after the T


def earliest_instant(value: str) -> dt.datetime:
    """The first instant a value can denote, in UTC.

    A local time (no offset) is compared as if it were UTC: the comparison is
    then uncertain by up to a day, which the date rules accept.
    """
    if len(value) == 4:
        return (
            dt.datetime(int(value), 1, 1, tzinfo=dt.UTC) if value != "0000" else dt.datetime.min.replace(tzinfo=dt.UTC)
        )
    if len(value) == 7:
        return dt.datetime(max(int(value[:4]), 1), int(value[5:7]), 1, tzinfo=dt.UTC)
    parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00")) if value[:4] != "0000" else dt.datetime.min
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed.astimezone(dt.UTC)
