"""Partial ISO 8601 dates (the record's ``published``/``updated``): precision and comparison.

>>> precision("2018-03"), precision("2018-03-11T16:23+00:00")
('month', 'minute')
>>> earliest_instant("2018") < earliest_instant("2018-03-11T16:23+00:00")
True
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from typing import Literal

from dateutil import parser as _dateutil

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


_ISO = re.compile(
    r"(?P<y>[0-9]{4})(?:-(?P<m>[0-9]{2})(?:-(?P<d>[0-9]{2})"
    r"(?:[T ](?P<H>[0-9]{2}):(?P<M>[0-9]{2})(?::(?P<S>[0-9]{2})(?P<f>[.,][0-9]{1,9})?[0-9]*)?"
    r" ?(?P<z>Z|[+-][0-9]{2}(?::?[0-9]{2})?)?)?)?)?"
)
# Two defaults that differ in every component: what dateutil fills in from
# them was not in the text, so the given precision shows.
_DEFAULTS = (dt.datetime(2001, 1, 1, 0, 0, 0), dt.datetime(2002, 2, 2, 1, 1, 1))


def normalize(value: str) -> str | None:
    """A machine-readable date (ISO 8601 or RFC 822/1123 style) as a record date, at its given precision.

    Nothing is invented: a date without a time stays a day, a time without a
    zone stays local time. Returns None for what is not a date in the calendar.

    >>> normalize("2013-11-27T10:02:03.5-0500")
    '2013-11-27T10:02:03.5-05:00'
    >>> normalize("2018-03-11"), normalize("2018-03")
    ('2018-03-11', '2018-03')
    >>> normalize("Wed, 27 Nov 2013 15:02:03 GMT")
    '2013-11-27T15:02:03Z'
    >>> normalize("November 27, 2013")
    '2013-11-27'
    >>> normalize("2018-02-30") is None, normalize("soon") is None
    (True, True)
    """
    text = value.strip()
    match = _ISO.fullmatch(text)
    if match is not None:
        return _from_iso(match)
    if not 6 <= len(text) <= 64 or not any(ch.isdigit() for ch in text):
        return None
    try:
        with warnings.catch_warnings():  # an unknown zone name leaves local time, which is what we then write
            warnings.simplefilter("ignore", _dateutil.UnknownTimezoneWarning)
            first, second = (_dateutil.parse(text, default=default) for default in _DEFAULTS)
    except (ValueError, OverflowError):
        return None
    if first.year != second.year:  # no year given: not a usable date
        return None
    if first.month != second.month:
        return f"{first.year:04d}"
    if first.day != second.day:
        return f"{first.year:04d}-{first.month:02d}"
    if first.hour != second.hour or first.minute != second.minute:
        return first.strftime("%Y-%m-%d")
    seconds = "" if first.second != second.second else f":{first.second:02d}"
    return first.strftime("%Y-%m-%dT%H:%M") + seconds + _offset(first.utcoffset())


def _from_iso(match: re.Match[str]) -> str | None:
    year, month, day = match["y"], match["m"], match["d"]
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
        if match["H"] is not None:
            dt.time(int(match["H"]), int(match["M"]), int(match["S"] or 0))
    except ValueError:
        return None
    if month is None:
        return year
    if day is None:
        return f"{year}-{month}"
    if match["H"] is None:
        return f"{year}-{month}-{day}"
    out = f"{year}-{month}-{day}T{match['H']}:{match['M']}"
    if match["S"] is not None:
        out += f":{match['S']}" + (match["f"] or "").replace(",", ".")
    zone = match["z"]
    if zone is None or zone == "Z":
        return out + (zone or "")
    digits = zone[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    if hours > 23 or minutes > 59:
        return None
    return out + _offset(dt.timedelta(hours=hours, minutes=minutes) * (-1 if zone[0] == "-" else 1))


def _offset(delta: dt.timedelta | None) -> str:
    if delta is None:
        return ""
    if not delta:
        return "Z"
    sign = "-" if delta < dt.timedelta(0) else "+"
    minutes = abs(int(delta.total_seconds())) // 60
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"
