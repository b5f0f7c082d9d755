"""Metadata printed in a scrape: datelines, bylines, breadcrumbs, section labels, mastheads.

Every parser takes one repaired line and returns what it says, or None. None
of them guesses: a date keeps the precision printed, a stated zone is resolved
for that date, and a relative date ("yesterday") is never resolved.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from dateutil import tz

# Month names in English, German, French, Spanish, Italian, Dutch and Portuguese.
_MONTH_NAMES = (
    ("january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "januari", "janeiro"),
    ("february", "feb", "februar", "février", "fevrier", "févr", "febrero", "febbraio", "februari", "fevereiro"),
    ("march", "mar", "märz", "mär", "maerz", "mars", "marzo", "maart", "março"),
    ("april", "apr", "avril", "avr", "abril", "aprile"),
    ("may", "mai", "mayo", "maggio", "mei", "maio"),
    ("june", "jun", "juni", "juin", "junio", "giugno", "junho"),
    ("july", "jul", "juli", "juillet", "juil", "julio", "luglio", "julho"),
    ("august", "aug", "août", "aout", "agosto", "augustus", "ago"),
    ("september", "sep", "sept", "septembre", "septiembre", "settembre", "setembro"),
    ("october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "outubro"),
    ("november", "nov", "novembre", "noviembre", "novembro"),
    ("december", "dec", "dezember", "dez", "décembre", "déc", "diciembre", "dic", "dicembre", "dezembro"),
)
_MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, 1) for name in names}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?[0-9])(?:st|nd|rd|th|er|\.)?"
_YEAR = r"(?P<year>(?:1[6-9]|20)[0-9]{2})"
_ANY_YEAR = re.compile(r"(?:1[6-9]|20)[0-9]{2}")
_TIME = r"(?:(?:\s*,|\s)\s*(?:(?:at|um|à|a las|alle|om|[-–|•·/])\s*)?(?P<hour>[0-2]?[0-9])(?:[:.]|h(?=[0-5][0-9]))(?P<minute>[0-5][0-9])(?::(?P<second>[0-5][0-9]))?\s*(?P<ampm>[ap]\.?m\.?)?)?"
_ZONE = r"(?:\s*,?\s*\(?(?P<zone>UK|GMT|BST|UTC|Z|CET|CEST|EST|EDT|ET|CST|CDT|CT|MST|MDT|MT|PST|PDT|PT|AEST|AEDT|IST|[A-Z][a-z]+/[A-Za-z_]+)\)?\b)?"
# a date's day and month in figures, with slashes or dashes, before its year; not inside an address's words
_FIGURES = r"(?<![\w/.-])(?P<first>[0-3]?[0-9])(?P<sep>[/-])(?P<other>[0-3]?[0-9])(?P=sep)"
_FORMS = (
    re.compile(rf"\b{_DAY}\s+(?:de\s+)?{_MONTH},?\s+(?:de\s+)?{_YEAR}{_TIME}{_ZONE}", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}{_TIME}{_ZONE}", re.IGNORECASE),
    # day-first figures with dots, as German, Dutch and Nordic pages print them: "19.01.2020 - 10:21"
    re.compile(rf"\b(?P<day>[0-3]?[0-9])\.\s?(?P<nmonth>[01]?[0-9])\.\s?{_YEAR}{_TIME}{_ZONE}"),
    # figures with slashes or dashes ("25/08/2019", "27-06-2012"): day-first or month-first, read only when
    # one of the two is above 12 or the page's other such dates tell the order; not inside an address's
    # words ("/saison-26-08-2019-29-06-2020")
    re.compile(rf"{_FIGURES}{_YEAR}(?![0-9/]){_TIME}{_ZONE}"),
    # year first, as Chinese, Japanese and Korean pages print dates: "2018年6月18日 10:01", "2019년 8월 20일",
    # "2018/6/19 5:50"
    re.compile(
        rf"{_YEAR}\s*[年년]\s*(?P<nmonth>[01]?[0-9])\s*[月월]\s*(?P<day>[0-3]?[0-9])\s*[日일]"
        rf"(?:\s*[(（][^()（）]{{1,3}}[)）])?{_TIME}"
    ),
    re.compile(rf"\b{_YEAR}/(?P<nmonth>[01]?[0-9])/(?P<day>[0-3]?[0-9])\b{_TIME}"),
    re.compile(
        rf"\b{_YEAR}-(?P<nmonth>[01][0-9])-(?P<day>[0-3][0-9])(?:[T ](?P<hour>[0-2][0-9]):(?P<minute>[0-5][0-9])(?::(?P<second>[0-5][0-9]))?(?P<offset>Z|[+-][0-2][0-9]:?[0-5][0-9])?)?"
    ),
)
# Day names in English (with their three-letter forms), German, French and Spanish.
_WEEKDAY_NAMES = (
    ("monday", "mon", "montag", "lundi", "lunes"),
    ("tuesday", "tue", "dienstag", "mardi", "martes"),
    ("wednesday", "wed", "mittwoch", "mercredi", "miércoles"),
    ("thursday", "thu", "donnerstag", "jeudi", "jueves"),
    ("friday", "fri", "freitag", "vendredi", "viernes"),
    ("saturday", "sat", "samstag", "samedi", "sábado"),
    ("sunday", "sun", "sonntag", "dimanche", "domingo"),
)
_WEEKDAYS = tuple(name for names in _WEEKDAY_NAMES for name in names)
# Times before dates: "Updated 10:39am BST, 9 June 2021".
_CLOCK_FIRST = (
    # not a timestamp's offset or seconds ("2019-01-07T17:27:31+02:00 Juni 19th, 2018")
    rf"(?<![+:.-])\b(?P<hour>[0-2]?[0-9])[:.](?P<minute>[0-5][0-9])\s*(?P<ampm>[ap]\.?m\.?)?{_ZONE}\s*,?\s*(?:on\s+)?(?:(?:[a-z]+day|"
    + "|".join(_WEEKDAYS)
    + r")\.?,?\s+)?"
)
_TIME_FIRST = (
    re.compile(rf"{_CLOCK_FIRST}{_DAY}\s+{_MONTH},?\s+{_YEAR}", re.IGNORECASE),
    re.compile(rf"{_CLOCK_FIRST}{_MONTH}\s+{_DAY},?\s+{_YEAR}", re.IGNORECASE),  # "09:31 August 20, 2019"
)
_ZONES = {
    "UK": "Europe/London",
    "GMT": "UTC",
    "UTC": "UTC",
    "Z": "UTC",
    "BST": "+01:00",
    "CET": "+01:00",
    "CEST": "+02:00",
    "EST": "-05:00",
    "EDT": "-04:00",
    "ET": "America/New_York",
    "CST": "-06:00",
    "CDT": "-05:00",
    "CT": "America/Chicago",
    "MST": "-07:00",
    "MDT": "-06:00",
    "MT": "America/Denver",
    "PST": "-08:00",
    "PDT": "-07:00",
    "PT": "America/Los_Angeles",
    "AEST": "+10:00",
    "AEDT": "+11:00",
}
_UPDATED = re.compile(
    r"\b(?:updated|modified|last (?:updated|modified)|edited|aktualisiert|aktualisierung|mis à jour|actualizado)\b",
    re.IGNORECASE,
)
# The labels a date is printed under ("Published", "Veröffentlicht am", "Publié le").
_DATE_LABELS = (
    "published", "posted", "updated", "veröffentlicht", "aktualisiert", "publié", "publicado", "pubblicato",
    "gepubliceerd", "bijgewerkt", "aktualisierung", "erstellt", "letzte", "zuletzt", "stand", "datum",
)  # fmt: skip
_DATELINE_WORDS = re.compile(
    r"\b(?:modified|last|first|on|at|am|pm|and|the|date|time|"
    r"uk|gmt|bst|utc|est|edt|et|pt|pst|pdt|uhr|um|am|vom|stand|le|à|h|"
    r"el|de|las|il|alle|ore|op|om|" + "|".join(_DATE_LABELS + _WEEKDAYS) + r")\b"
    r"|[|,.:;()•·–—/-]",
    re.IGNORECASE,
)

# Left over beside a date: a 24-hour clock without a colon ("0203") or a zone abbreviation ("HKT", "JST").
_CLOCK_OR_ZONE = re.compile(r"[0-2][0-9][0-5][0-9]|[A-Z]{1,4}T")


@dataclass(frozen=True, slots=True)
class Dateline:
    published: str | None
    updated: str | None
    # an ambiguous slash date ("05/08/2019") read in the order the page's other slash dates show
    by_convention: bool = field(default=False, repr=False)


SlashOrder = Literal["day-first", "month-first"] | None
"""How a page writes its slash dates, when its own unambiguous ones tell ("25/08/2019": day first); None: not
known, and an ambiguous "05/08/2019" is then not read."""


def has_year(text: str) -> bool:
    """Whether the line names a year: every date form has one, so a line without one holds no date."""
    return _ANY_YEAR.search(text) is not None


_CLOCK = re.compile(r"\b[0-2]?[0-9][:.][0-5][0-9](?![0-9])")
_DATE_WORDS = frozenset(
    {*_MONTHS, *_WEEKDAYS, "tues", "thurs", *(zone.lower() for zone in _ZONES)}
    | {"am", "pm", "a.m", "p.m", "at", "um", "uhr", "h", "on", "le", "el", "de", "updated", "published", "posted"}
    # the day named relative to the page's date ("Today, 17:40", "Gestern, 09:12", "Hoy 10:21")
    | {"today", "yesterday", "heute", "gestern", "aujourd", "hui", "hier", "hoy", "ayer", "oggi", "ieri"}
    | {"vandaag", "gisteren", "hoje", "ontem"}
)


def is_time_line(text: str) -> bool:
    """A date and time printed without a year ("Jun 13, 4:03 PM EDT", "Monday 14:05"): a clock time, and no
    word but month and day names, am/pm, zones and the words datelines put around them."""
    if len(text) > 60 or not _CLOCK.search(text):
        return False
    return all(word.lower().strip(".") in _DATE_WORDS for word in re.findall(r"[^\W\d_][\w.]*", text))


DATELINE_CHARS = 160
"""The longest line read as a dateline, with a byline before it or without. Two dates with their labels and
clocks take about 100 characters ("Published: Monday, June 13, 2016, 11:23 AM EDT | Updated: Tuesday, June
14, 2016, 09:15 AM EDT"); the longest of the 676 datelines on the dev set's pages has 71. Longer lines are
text, and not searched."""


DATELINE_PLACE_WORDS = 8
"""The words a dateline that opens with a date and time may go on with (its place, its tags)."""


def parse_dateline(text: str, *, slash_order: SlashOrder = None) -> Dateline | None:
    """A line that is (almost) only dates: the first is published, one after "updated" is updated.

    >>> parse_dateline("Sunday 11 March 2018 16:23, UK")
    Dateline(published='2018-03-11T16:23+00:00', updated=None)
    >>> parse_dateline("11 March 2018updated 09 Jun 2021 10:39am")
    Dateline(published='2018-03-11', updated='2021-06-09T10:39')
    >>> parse_dateline("November 28, 2013 -- Updated 0203 GMT (1003 HKT)")
    Dateline(published='2013-11-28', updated=None)
    >>> parse_dateline("The vote on 11 March 2018 was close, said the chair of the committee.") is None
    True
    >>> parse_dateline("June 18, 2018 10:01 KANO, Nigeria [ Nigeria Africa ]").published
    '2018-06-18T10:01'
    >>> parse_dateline("June 18, 2018 10:01 the council met in the town hall to vote.") is None
    True
    >>> parse_dateline("2018年6月18日 10:01"), parse_dateline("2019년 8월 20일").published
    (Dateline(published='2018-06-18T10:01', updated=None), '2019-08-20')

    A section's label run into a month in capitals (a browser's copy of two elements side by side) is read apart:

    >>> parse_dateline("BUSINESSNOV 7, 2023 2:00 AM").published
    '2023-11-07T02:00'
    """
    if len(text) > DATELINE_CHARS or not has_year(text):  # most lines have none
        return None
    text = _unglued(text)
    return _dateline(text, _find_dates(text, slash_order=slash_order))


_GLUED_MONTH = re.compile(r"(?<=[A-Z]{2})(?=(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*\.? [0-9])")


def _unglued(text: str) -> str:
    """The text with a space between a word in capitals and a month in capitals run into it ("BUSINESSNOV 7")."""
    return _GLUED_MONTH.sub(" ", text)


def days_printed(text: str) -> set[str]:
    """The calendar days a text prints, in any of the forms datelines use.

    >>> sorted(days_printed("Posted 1 June 2010, updated 2010-06-03T10:00 (see /2013/01/01/)"))
    ['2010-06-01', '2010-06-03', '2013-01-01']
    """
    return {value[:10] for _, _, value in _find_dates(text)}


def opens_with_date(text: str) -> bool:
    """Whether a date is the first thing the text prints (a day, "20. Juni 2019", not point 20 of a list).

    >>> opens_with_date("20. Juni 2019 Ann-Marie Galazka über Stars"), opens_with_date("20. Juni ist Sommer")
    (True, False)
    """
    return has_year(text) and any(start == 0 for start, _, _ in _find_dates(text[:DATELINE_CHARS]))


# What a post line prints beside its date and is no date: a reading time ("4 min read", "Lesezeit: 3 Min."),
# and an update told only as a time ago ("Updated 2 hours ago"), which is not resolved without an anchor.
_BESIDE_DATE = re.compile(
    r"\b(?:reading time|read time|lesezeit|lesedauer|temps de lecture|tiempo de lectura)\s*:?\s*"
    r"|\b\d{1,3}\s*(?:min(?:ute)?s?|minuten|minutos|minuti)\b\.?"
    r"(?:\s+(?:read|reading time|de lecture|de lectura|di lettura|lesezeit|lesedauer)\b)?"
    r"|\b(?:updated\s+)?\d{1,3}\s+(?:minutes?|hours?|days?)\s+ago\b",
    re.IGNORECASE,
)


def _dateline(text: str, found: list[tuple[int, int, str]]) -> Dateline | None:
    """A line's dates as its published and updated, when the line says little else.

    >>> _dateline("Mar 3, 2020 - 4 min read", _find_dates("Mar 3, 2020 - 4 min read"))
    Dateline(published='2020-03-03', updated=None)
    """
    if not found:
        return None
    rest = _UPDATED.sub(" ", _BESIDE_DATE.sub(" ", _without(text, found)))
    leftover = [word for word in _DATELINE_WORDS.sub(" ", rest).split() if not _CLOCK_OR_ZONE.fullmatch(word)]
    # A dateline is dates and a few label words, not a sentence; one that opens with a date and its time
    # may go on with the place and tags ("2018年6月18日 10:01 発信地：カノ/ナイジェリア [ ナイジェリア アフリカ ]").
    placed = found[0][0] == 0 and "T" in found[0][2] and not ends_with(text, _FULL_STOPS)
    if len(leftover) > (DATELINE_PLACE_WORDS if placed else 2):
        return None
    published = updated = None
    for start, _end, value in found:
        if _UPDATED.search(text[:start].rsplit(")", 1)[-1][-40:]) and published is not None:
            updated = updated or value
        elif published is None:
            published = value
        else:
            updated = updated or value
    guessed = any(_ambiguous(text[start:end]) for start, end, _ in found)
    return Dateline(published, updated, by_convention=guessed)


def _cut_dates(text: str, *, slash_order: SlashOrder = None) -> tuple[list[tuple[int, int, str]], str]:
    """The dates in a line, and the line without them (what else it says)."""
    found = _find_dates(text, slash_order=slash_order)
    return found, _without(text, found)


def _without(text: str, found: list[tuple[int, int, str]]) -> str:
    for start, end, _ in sorted(found, reverse=True):
        text = text[:start] + " " + text[end:]
    return text


def _find_dates(text: str, *, slash_order: SlashOrder = None) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for pattern in (*_TIME_FIRST, *_FORMS):
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            value = _render(match, slash_order=slash_order)
            if value is not None:
                found.append((match.start(), match.end(), value))
                taken.append((match.start(), match.end()))
    return sorted(found)


def _render(match: re.Match[str], *, slash_order: SlashOrder = None) -> str | None:
    parts = match.groupdict()
    if parts.get("first"):
        first, other = int(parts["first"]), int(parts["other"])
        if (first > 12) == (other > 12) and first != other and slash_order is None:
            return None  # "05/08/2019" is May or August: never guessed ("08/08/2017" is one day either way)
        day_first = first > 12 or (other <= 12 and slash_order == "day-first")
        parts["day"], parts["nmonth"] = (
            (parts["first"], parts["other"]) if day_first else (parts["other"], parts["first"])
        )
    month = int(parts["nmonth"]) if parts.get("nmonth") else _MONTHS[parts["month"].lower().rstrip(".")]
    try:
        day = dt.date(int(parts["year"]), month, int(parts["day"]))
    except ValueError:
        return None
    if parts.get("hour") is None:
        return day.isoformat()
    hour, minute = int(parts["hour"]), int(parts["minute"])
    ampm = (parts.get("ampm") or "").lower().replace(".", "")
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    if hour > 23:
        return None
    second = parts.get("second")
    moment = dt.datetime.combine(day, dt.time(hour, minute, int(second or 0)))
    text = moment.strftime("%Y-%m-%dT%H:%M:%S" if second else "%Y-%m-%dT%H:%M")
    offset = parts.get("offset") or _zone_offset(parts.get("zone"), moment)
    if offset and offset != "Z" and ":" not in offset:
        offset = offset[:3] + ":" + offset[3:]
    return text + (offset or "")


def _ambiguous(date: str) -> bool:
    """Whether a found date is a slash (or dash) date that reads as two different days ("05/08/2019").

    >>> _ambiguous("05/08/2019"), _ambiguous("25/08/2019"), _ambiguous("08/08/2019"), _ambiguous("5 August 2019")
    (True, False, False, False)
    """
    found = _SLASH_DATE.match(date)
    return found is not None and _reads_two_ways(int(found["first"]), int(found["other"]))


def _reads_two_ways(first: int, other: int) -> bool:
    return first != other and first <= 12 and other <= 12


def may_slash_date(text: str) -> bool:
    """Whether a line may print a slash or dash date: a slash, or a dash before a year (a cheap test first).

    >>> may_slash_date("Posted 05/08/2019"), may_slash_date("27-06-2012"), may_slash_date("e-mail us")
    (True, True, False)
    """
    return "/" in text or "-19" in text or "-20" in text


def slash_order(texts: Iterable[str]) -> SlashOrder:
    """The order a page writes slash dates in, when it prints an ambiguous one ("05/08/2019") and its others
    tell: "25/08/2019" puts the day first, "08/25/2019" the month; a page showing both, or neither, has none.
    Dates written with dashes ("27-06-2012") are the same figures in the same order, and tell it as well.
    (Not its language: an Austrian site prints "05/08/2019" for 8 May, as its framework's default has it.)

    >>> slash_order(["Posted 05/08/2019", "Comment, 25/08/2019"]), slash_order(["Posted 05/08/2019"])
    ('day-first', None)
    >>> slash_order(["Ana Ruiz | Palma | 08/01/2014", "27-06-2012"])
    'day-first'
    """
    found = [(int(match["first"]), int(match["other"])) for text in texts for match in _SLASH_DATE.finditer(text)]
    if not any(_reads_two_ways(first, other) for first, other in found):
        return None
    day_first = any(first > 12 >= other for first, other in found)
    month_first = any(other > 12 >= first for first, other in found)
    if day_first == month_first:
        return None
    return "day-first" if day_first else "month-first"


_SLASH_DATE = re.compile(rf"{_FIGURES}(?:19|20)[0-9]{{2}}(?![0-9/])")


def _zone_offset(zone: str | None, moment: dt.datetime) -> str | None:
    if not zone:
        return None
    name = _ZONES.get(zone.upper(), zone)
    if name.startswith(("+", "-")):
        return name
    info = tz.gettz(name)
    if info is None:
        return None
    delta = moment.replace(tzinfo=info).utcoffset()
    if delta is None:
        return None
    minutes = int(delta.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


# --- bylines ----------------------------------------------------------------

_NAME_WORD = r"[^\W\d_][\w'’.-]*"
# A nickname in quotes may stand between the names ('Amanda "Tania Mae" Tan').
_NAME = rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|[\"“„'][^\"“”„']{{1,30}}[\"”“']))" + "{0,4}"
# What joins the names of a byline ("A, B and C", "A und B", "A y B"): the byline patterns and the split agree.
_JOINER = r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b)\s*"
_BYLINE = re.compile(
    rf"^(?:[-–—•|]\s*)?(?:(?P<role>[^\W\d_][\w ,&'’-]{{2,60}}?)\s+)?(?:by|written by|words by|reporting by|von|par|por|di)\s*:?\s+(?P<names>{_NAME}(?:{_JOINER}{_NAME})*)\s*(?:[,|–—-]\s*(?P<tail>[^\W\d_][\w ,&'’.-]{{2,80}}))?$",
    re.IGNORECASE,
)
_BY_WORD = re.compile(r"(?:by|von|par|por|di|door)\s", re.IGNORECASE)
# "Author: X", "Autoren: X und Y", "Texto: X", with the role or agency in brackets after the names.
_AUTHOR_LABEL = re.compile(
    r"^(?:authors?|autor(?:in|en|es|as|a|i|e)?|auteurs?|autrice|text|texto|testo|tekst|verfasst von)\s*:\s*"
    rf"(?P<names>{_NAME}(?:{_JOINER}{_NAME})*)"
    r"(?:\s*\((?P<note>[^()]{2,80})\))?$",
    re.IGNORECASE,
)
_SPLIT_NAMES = re.compile(_JOINER, re.IGNORECASE)
_NOT_NAMES = re.compile(
    r"\b(?:the|a(?!\.)|an|this|that|our|staff|reporter|reporters|correspondent|editor|agencies|newsroom)\b",
    re.IGNORECASE,
)
# Words of newspapers' names: a masthead is made of them, and an organisation credited in a byline
# holds one or a word of agencies and broadcasters ("Associated Press", "The Washington Post").
_PAPER_WORDS = (
    "times", "post", "herald", "telegraph", "journal", "gazette", "tribune", "chronicle", "observer", "press", "news",
    "zeitung",
)  # fmt: skip
# the agencies' names as bylines print them ("By AFP", "EFE | Madrid | ...", "(dpa)")
_AGENCY_NAMES = (
    "Reuters", "Bloomberg", "AFP", "AP", "dpa", "EFE", "ANSA", "APA", "Kyodo", "Xinhua", "TASS", "Yonhap", "AAP",
    "ANP", "epd", "KNA",
)  # fmt: skip
_AGENCY_WORDS = (
    "presse", "newswire", "wire", "agency", "agence", "agencia", "agenzia", "agentur", "network", "media", "radio",
    "television", "broadcasting", "magazine", "nachrichten", *(name.lower() for name in _AGENCY_NAMES),
)  # fmt: skip
_NEWS_ORGANIZATION = re.compile(r"\b(?:" + "|".join(_PAPER_WORDS + _AGENCY_WORDS) + r")\b", re.IGNORECASE)


def is_news_organization(text: str) -> bool:
    """Whether a credited name is a news organisation rather than a person.

    >>> is_news_organization("Associated Press"), is_news_organization("Josh Boak")
    (True, False)
    """
    return _NEWS_ORGANIZATION.search(text) is not None


def is_role_line(text: str) -> bool:
    """A short line naming a journalist's post ("Redakteur in der Wirtschaft.", "Senior Political correspondent").

    >>> is_role_line("Redakteur in der Wirtschaft."), is_role_line("The editor said the plan would fail.")
    (True, False)
    """
    return len(text.split()) <= 12 and _ROLE_WORDS.search(text) is not None and not _NOT_NAMES.search(text)


@dataclass(frozen=True, slots=True)
class Credit:
    name: str
    role: str | None
    organization: str | None


def parse_byline(text: str) -> list[Credit] | None:
    """A byline line: "By X", "- Role By X", "By X and Y, Org", "Author: X".

    >>> parse_byline("By Jasper jackson")
    [Credit(name='Jasper Jackson', role=None, organization=None)]
    >>> parse_byline("- Senior Political correspondent By Kate Mccann")
    [Credit(name='Kate McCann', role='Senior Political correspondent', organization=None)]
    >>> parse_byline("By Dana A. Ford and Tom Watkins, CNN")[1]
    Credit(name='Tom Watkins', role=None, organization='CNN')
    >>> parse_byline("Autoren: Eva Roth und Tim Berg (dpa)")[1]
    Credit(name='Tim Berg', role=None, organization='dpa')
    >>> parse_byline("By the end of the year, prices rose.") is None
    True
    >>> parse_byline("By LYNNE O'DONNELL")
    [Credit(name="Lynne O'Donnell", role=None, organization=None)]
    >>> parse_byline("By Josh Boak, Associated Press")
    [Credit(name='Josh Boak', role=None, organization='Associated Press')]
    >>> len(parse_byline("By Jane Doe, Mark Roe and Ann Lee"))
    3
    >>> parse_byline("By Jane Doe, Political Editor, The Guardian")
    [Credit(name='Jane Doe', role='Political Editor', organization='The Guardian')]
    >>> parse_byline('By Amanda "Tania Mae" Tan')
    [Credit(name='Amanda "Tania Mae" Tan', role=None, organization=None)]
    >>> parse_byline("Zu den Angeboten von Landal Ski Life"), parse_byline("More stories by Jane Roe")
    (None, None)
    >>> parse_byline("Posted by Jane Doe")  # a post line: the verb is no role
    [Credit(name='Jane Doe', role=None, organization=None)]
    >>> parse_byline("Herausgegeben von Gerald Braunberger, Berthold Kohler") is None  # the paper's imprint
    True
    >>> parse_byline("Photographs by Tom Roe") is None
    True
    >>> parse_byline("By Jim Pickard in London and Jane Doe in New York")[1].name
    'Jane Doe'
    >>> parse_byline("Additional reporting by Tom Roe in Paris") is None
    True
    >>> parse_byline("編集委員 中沢克二"), parse_byline("홍길동 기자")[0].name
    ([Credit(name='中沢克二', role='編集委員', organization=None)], '홍길동')
    """
    if len(text) > 160:
        return None
    cjk = _CJK_BYLINE.match(text) if len(text) <= 24 else None
    if cjk is not None:  # "編集委員 中沢克二", "山田太郎記者", "홍길동 기자"
        return [Credit(cjk["name"] or cjk["after"], cjk["role"] or cjk["post"], None)]
    match = _BYLINE.match(text) or _AUTHOR_LABEL.match(text)
    if match is None:
        return None
    parts = match.groupdict()
    listed, tail = parts["names"], parts.get("tail")
    note = parts.get("note")
    if note:  # "(Senior editor)" is a role; "(dpa)" names the agency
        if _ROLE_WORDS.search(note) or len(note.split()) > 2:
            parts["role"] = note
        else:
            tail = note
    # "By X and Y, CNN", "By X, Political Editor, The Guardian": what the names list took in after a comma
    pieces, taken = listed.split(","), [tail] if tail else []
    while len(pieces) > 1 and (is_news_organization(pieces[-1]) or not _all_names(pieces[-1])):
        taken.insert(0, pieces.pop())
    listed, tail = ",".join(pieces), ",".join(taken) or None
    role = parts.get("role")
    if tail and not role and _ROLE_WORDS.search(tail):  # the role first, then the organisation
        role, _, organization = tail.partition(",")
        tail = organization if organization.strip() else None
    names = [_PLACE_AFTER.sub("", name) for name in _SPLIT_NAMES.split(listed) if name]
    run_in = _run_in_organization(names[-1]) if names and not tail else None
    if run_in is not None:  # "By Jane Roe The Plain Dealer": the paper printed after the name, no comma between
        names[-1], tail = run_in
    body = names[0].strip().removeprefix("the ") if len(names) == 1 else ""
    if body[:1].isupper() and not role and not tail and is_news_organization(body):
        return [Credit(body, None, None)]  # "By Reuters", "By AFP", "By the Associated Press": the body credited
    if not names or any(not _looks_like_name(name, shouted=match.re is _BYLINE) for name in names):
        return None
    if match.re is _AUTHOR_LABEL and any(_lower_word(name) for name in names):
        return None  # "Text: Die Sonne scheint." is a sentence; a label's names are printed with care
    if role:
        verb = role.split()[-1].lower()
        if len(role.split()) > 6 or verb in _NOT_AUTHOR_VERBS or role.split()[0].lower() in _LINK_OPENERS:
            return None
        if role.lower().removeprefix("with ") in ("additional", "further"):
            return None  # "Additional reporting by X": a contributor to the story, not its byline
        if verb in _AUTHOR_VERBS:  # "Posted by X": X wrote it; "Posted" is no role
            role = None
    return [
        Credit(fix_name_case(name), role.strip() if role else None, tail.strip() if tail else None) for name in names
    ]


# Where a writer filed from, printed after the name ("By Jim Pickard in London", "Jane Doe in New York"): not
# part of the name. Only "in" as printed, in lower case, which no name holds.
_PLACE_AFTER = re.compile(r"\s+in\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}$")
# A paper ("The Plain Dealer") or an agency ("Reuters") run in after the last name with no comma between, as a
# page prints the byline's parts side by side and a text dump joins them.
_RUN_IN_THE = re.compile(r"\s+(The(?:\s+[A-Z][\w.&'’-]*){1,5})$")
_RUN_IN_AGENCY = re.compile(
    r"\s+(" + "|".join(sorted({*_AGENCY_NAMES, *(name.upper() for name in _AGENCY_NAMES)})) + ")$"
)


def _run_in_organization(name: str) -> tuple[str, str] | None:
    """The name and the organisation run in after it, when the rest is a name.

    >>> _run_in_organization("Jane Roe The Plain Dealer"), _run_in_organization("Jane Roe Reuters")
    (('Jane Roe', 'The Plain Dealer'), ('Jane Roe', 'Reuters'))
    >>> _run_in_organization("Jane Roe"), _run_in_organization("Smith Reuters")
    (None, None)
    """
    found = _RUN_IN_THE.search(name) or _RUN_IN_AGENCY.search(name)
    if found is None or not _looks_like_name(name[: found.start()]):
        return None
    return name[: found.start()].strip(), found[1]


# The word before "by" that makes the line a post line naming the author ("Posted by", "Veröffentlicht
# von"), and the words that make it credit something other than the article's text: an imprint
# ("Herausgegeben von"), pictures, a site's design or host.
_AUTHOR_VERBS = frozenset({
    "posted", "published", "written", "submitted", "geschrieben", "veröffentlicht", "gepostet", "publié", "écrit", "publicado",
    "escrito", "pubblicato", "scritto",
})  # fmt: skip
_NOT_AUTHOR_VERBS = frozenset({
    "and", "words", "photos", "photographs", "photographed", "pictures", "images", "illustrated", "illustrations",
    "designed", "developed", "powered", "hosted", "sponsored", "presented", "made", "built", "theme",
    "herausgegeben", "fotos", "bilder",
})  # fmt: skip
# A link to someone's page, not a byline: "Zu den Angeboten von Landal", "More from Jane Roe", "All posts by X".
_LINK_OPENERS = frozenset({"zu", "zum", "zur", "to", "more", "mehr", "all", "alle", "other", "weitere", "view", "see"})
# Bylines in Chinese, Japanese and Korean: the post before or after a name of a few characters.
_CJK_ROLE = r"(?:編集委員|論説委員|特別編集委員|特派員|本社記者|記者|通信員|编辑|记者|特派记者|通讯员|특파원|기자)"
_CJK_NAME = r"[\u4e00-\u9fff々]{2,4}|[가-힣]{2,4}"
# A space between post and name, as bylines print it: run together, "記者会見" is a press conference.
_CJK_BYLINE = re.compile(
    rf"^(?:(?P<role>{_CJK_ROLE})\s+(?P<name>{_CJK_NAME})|(?P<after>{_CJK_NAME})\s+(?P<post>{_CJK_ROLE}))$"
)
_HANDLE = re.compile(r"\s*@\w+")
_ROLE_WORDS = re.compile(
    r"\b(?:editor|correspondent|reporter|writer|columnist|contributor|journalist|critic|analyst|producer|"
    r"redakteur(?:in)?|korrespondent(?:in)?|autor(?:in)?|journaliste?|r[ée]dact(?:eur|rice)|corresponsal|periodista|"
    r"redattore|redattrice|giornalista|redact(?:or|ora)|redaktor(?:e|ka)?)\b",
    re.IGNORECASE,
)
_ROLE_ADJECTIVES = re.compile(
    r"\b(?:senior|chief|political|deputy|staff|associate|contributing|special|foreign|executive|managing|"
    r"leitende[rn]?|stellvertretende[rn]?|freie[rn]?)\b",
    re.IGNORECASE,
)


def parse_name_line(text: str, *, shouted: bool = False) -> Credit | None:
    """A bare name, perhaps followed by a role, as bylines without "By" print it ("Richard Adams Education editor").

    Only meaningful next to a dateline: on its own a short capitalised line may be anything. In capitals
    only when ``shouted`` (the dateline beside it is printed in capitals too, as a page styles its whole
    credit block), and never a label's words ("BREAKING NEWS", "LIVE UPDATES").

    >>> parse_name_line("Richard Adams Education editor")
    Credit(name='Richard Adams', role='Education editor', organization=None)
    >>> parse_name_line("Nathanael Johnson")
    Credit(name='Nathanael Johnson', role=None, organization=None)
    >>> parse_name_line("Travel , Amerika") is None, parse_name_line("By Jane Doe") is None
    (True, True)
    >>> parse_name_line("NATHANAEL JOHNSON", shouted=True), parse_name_line("NATHANAEL JOHNSON")
    (Credit(name='Nathanael Johnson', role=None, organization=None), None)
    >>> parse_name_line("BREAKING NEWS", shouted=True) is None
    True
    """
    text = _HANDLE.sub("", text).strip(" ,|•·–—-")
    if _BY_WORD.match(text):
        return None  # a byline, read as one ("By Jane Doe"), not a name "By Jane Doe"
    words = text.split()
    role_at = next((i for i, word in enumerate(words) if _ROLE_WORDS.fullmatch(word.strip(",")) and i >= 2), None)
    if role_at is not None:  # a name is two words more often than three: the rest is the role
        name, role = " ".join(words[:2]).rstrip(","), " ".join(words[2:])
    else:
        name, role = text, None
    if len(name.split()) > 3 or not _looks_like_name(name, shouted) or not all(w[:1].isupper() for w in name.split()):
        return None
    if name.isupper() and (_LABEL_WORDS.search(name) or is_news_organization(name)):
        return None
    if _ROLE_ADJECTIVES.search(name):
        return None
    if any(char.isdigit() for char in name) or not re.fullmatch(rf"{_NAME_WORD}(?:\s+{_NAME_WORD})*", name):
        return None
    return Credit(fix_name_case(name), role, None)


_LABEL_WORDS = re.compile(
    r"\b(?:news|breaking|live|latest|updates?|exclusive|opinion|analysis|comment|watch|video|photos?|editorial|"
    r"sponsored|advertisement|more|read|top|stories|most|popular)\b",
    re.IGNORECASE,
)
_NOTE_WORD = re.compile(r"[A-Z0-9][\w.&'’-]*|of|the|and|for|de|du|la|le|der|die|das|für|und|y|e|di|del")


def parse_noted_name(text: str, *, shouted: bool = False) -> Credit | None:
    """A bare name as :func:`parse_name_line` reads it, or one with its post or source after a comma.

    >>> parse_noted_name("John Smith, The Daily Courier")
    Credit(name='John Smith', role=None, organization='The Daily Courier')
    """
    credit = parse_name_line(text, shouted=shouted)
    if credit is None and ", " in text:
        name, _, note = text.partition(", ")
        named = parse_name_line(name, shouted=shouted)
        credit = credit_note(named, note) if named is not None else None
    return credit


def credit_note(credit: Credit, note: str) -> Credit | None:
    """A name's credit with the line printed under it, when that line is the journalist's post ("Political
    Editor") or source ("The Grayzone", "Associated Press"): a few capitalised words, no sentence.

    >>> credit_note(Credit("John Smith", None, None), "Political Editor")
    Credit(name='John Smith', role='Political Editor', organization=None)
    >>> credit_note(Credit("Max Blumenthal", None, None), "The Grayzone")
    Credit(name='Max Blumenthal', role=None, organization='The Grayzone')
    >>> credit_note(Credit("Max Blumenthal", None, None), "Police said the road was closed") is None
    True
    """
    note = note.strip(" ,|•·–—-")
    if credit.role is not None or credit.organization is not None or not 1 <= len(note.split()) <= 5:
        return None
    if not note[:1].isupper() or not all(_NOTE_WORD.fullmatch(word) for word in note.split()):
        return None
    if _ROLE_WORDS.search(note) is not None or _ROLE_ADJECTIVES.search(note) is not None:
        return Credit(credit.name, note, None)
    return Credit(credit.name, None, note)


def parse_credited_dateline(text: str) -> tuple[list[Credit], Dateline] | None:
    """A byline and a dateline on one line: "By X • 15 January 2020", "Martina Berg 19. Juni 2019".

    >>> parse_credited_dateline("By Wikimedia Foundation • 15 January 2020")
    ([Credit(name='Wikimedia Foundation', role=None, organization=None)], Dateline(published='2020-01-15', updated=None))
    >>> parse_credited_dateline("By Jon Porter@JonPorty Jul 3, 2019, 4:22am EDT")[0]
    [Credit(name='Jon Porter', role=None, organization=None)]
    >>> parse_credited_dateline("von Diane Roe Veröffentlicht am 1. Mai 2019")[0]
    [Credit(name='Diane Roe', role=None, organization=None)]
    """
    if len(text) > DATELINE_CHARS or not has_year(text):
        return None
    return _credited(text, _find_dates(text))


def _credited(
    text: str,
    found: list[tuple[int, int, str]],
    is_section: Callable[[str], bool] | None = None,
    *,
    slash_order: SlashOrder = None,
) -> tuple[list[Credit], Dateline] | None:
    if not found or found[0][0] == 0:
        return None
    cut = found[0][0]
    dateline = parse_dateline(text[cut:], slash_order=slash_order)
    credit_text = _trim_date_lead(_HANDLE.sub("", text[:cut]))
    if dateline is None or not credit_text:
        return None
    credits = _credits_before_date(credit_text, is_section)
    if credits is None and (name := _without_place(credit_text)) is not None:
        credits = _credits_before_date(name, is_section)
    return (credits, dateline) if credits else None


def _credits_before_date(credit_text: str, is_section: Callable[[str], bool] | None) -> list[Credit] | None:
    credits = parse_byline(credit_text)
    if credits is None and not _BY_WORD.match(credit_text):  # "Von Christian am ...": a first name alone is no byline
        named = parse_name_line(credit_text)
        # a bare name may be the page's section ("North Korea 09:31 August 20, 2019")
        credits = [named] if named is not None and not (is_section and is_section(named.name)) else None
    return credits


def _without_place(credit_text: str) -> str | None:
    """The byline of "Name | Place" (the dateline's place printed between the byline and the date), else None.

    >>> _without_place("Patricio Candia | Palma de Mallorca"), _without_place("Ana Ruiz · Sevilla")
    ('Patricio Candia', 'Ana Ruiz')
    >>> _without_place("Patricio Candia | 3 min"), _without_place("Patricio Candia")
    (None, None)
    """
    parts = _PLACE_SEPARATOR.split(credit_text)
    if len(parts) != 2:
        return None
    place = parts[1].split()
    if not 1 <= len(place) <= 4 or not place[0][:1].isupper() or any(char.isdigit() for char in parts[1]):
        return None
    return parts[0] if all(word[:1].isupper() or word in _PLACE_PARTICLES for word in place) else None


_PLACE_SEPARATOR = re.compile(r"\s+[|•·]\s+")
_PLACE_PARTICLES = frozenset(
    {"de", "del", "la", "el", "las", "los", "di", "da", "do", "dos", "am", "an", "der", "sur", "of"}
)


def parse_dated_line(
    text: str, is_section: Callable[[str], bool] | None = None, *, slash_order: SlashOrder = None
) -> tuple[list[Credit], Dateline] | None:
    """A byline and a dateline on one line (as ``parse_credited_dateline`` reads it), else a dateline alone (as
    ``parse_dateline`` does, with no credits); the line's dates are searched once for both. A bare name
    (no "By") that ``is_section`` says is one of the page's sections credits no one.

    >>> parse_dated_line("By Wikimedia Foundation • 15 January 2020")[0]
    [Credit(name='Wikimedia Foundation', role=None, organization=None)]
    >>> parse_dated_line("Published 15 January 2020")
    ([], Dateline(published='2020-01-15', updated=None))
    >>> parse_dated_line("North Korea 09:31 August 20, 2019", is_section=lambda name: name == "North Korea")
    ([], Dateline(published='2019-08-20T09:31', updated=None))
    """
    if len(text) > DATELINE_CHARS or not has_year(text):
        return None
    text = _unglued(text)
    found = _find_dates(text, slash_order=slash_order)
    credited = _credited(text, found, is_section, slash_order=slash_order)
    if credited is not None:
        return credited
    dateline = _dateline(text, found)
    return ([], dateline) if dateline is not None else None


# What leads a date after the name ("by X on", "von X am", "X Veröffentlicht am", "X Thursday,"): the
# prepositions only as printed, in lower case, since a name may end in "Le" or "Am".
_DATE_LEAD_WORDS = frozenset({"on", "am", "um", "le", "el", "il", "op", "om", "at", "vom", "à", "de", "du", "den"})
_DATE_LEAD_LABELS = frozenset(_DATE_LABELS + _WEEKDAYS)


def _trim_date_lead(text: str) -> str:
    """The text before a date without the words that lead the date in.

    >>> _trim_date_lead("by Jake Roe on"), _trim_date_lead("Blackswan Thursday,"), _trim_date_lead("By Tran Le")
    ('by Jake Roe', 'Blackswan', 'By Tran Le')
    """
    words = text.strip(" ,|•·–—-").split()
    # a label printed with its colon ("Von: Andreas R. Am: 29.12.2014"), whatever its case
    if words and words[-1].endswith(":") and words[-1][:-1].lower() in _DATE_LEAD_WORDS | _DATE_LEAD_LABELS:
        words.pop()
    words = " ".join(words).strip(" ,|•·–—-:").split()
    while words and (words[-1] in _DATE_LEAD_WORDS or words[-1].lower().strip(".,") in _DATE_LEAD_LABELS):
        words.pop()
        if words:
            words[-1] = words[-1].rstrip(" ,|•·–—-:")
    return " ".join(words).strip(" ,|•·–—-:")


_POST_META_WORDS = re.compile(
    r"\b(?:posted|published|written|filed|by|von|par|por|door|categor(?:y|ies)|kategorien?|tags?|author|"
    r"autor(?:in)?|auteur|comments?|kommentare?|ergänzungen|commentaires?|comentarios?|antworten|replies|"
    r"gespeichert|veröffentlicht|publié|publicado|pubblicato|geplaatst|hinterlasse|lesezeit)\b",
    re.IGNORECASE,
)
_COMMENT_COUNT = re.compile(
    r"(?:[^\W\d_]+,?\s+)?[0-9][0-9.,]*\s+(?:comments?|kommentare?|ergänzungen|commentaires?|comentarios?|commenti|"
    r"reacties?|responses|replies|antworten)",
    re.IGNORECASE,
)


def is_comment_count(text: str) -> bool:
    """A comment counter printed under a headline ("New, 74 comments", "12 Kommentare").

    >>> is_comment_count("New, 74 comments"), is_comment_count("74 Comments on the new budget")
    (True, False)
    """
    return _COMMENT_COUNT.fullmatch(text) is not None


_CLOSERS = "'’\"”»)]"
_FULL_STOPS = ".!?…。！？"  # a sentence's end (a post line has none)


def ends_with(text: str, marks: str) -> bool:
    """Whether the text ends with one of ``marks``, perhaps inside closing quotes or brackets.

    >>> ends_with('He said: "It is over."', ".!?"), ends_with("Sport (Football)", ".!?"), ends_with(")", ".!?")
    (True, False, False)
    """
    tail = text.rstrip(_CLOSERS)
    return bool(tail) and tail[-1] in marks


_LIST_ITEM = re.compile(r"[*•·+-]\s")  # a listed event or link, not the post's own line
_POST_META_BY = re.compile(
    rf"(?:^|\s)(?:by|von|par|por|door)\s*:?\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}?)(?=\s*(?:$|[|,•·–—/-]|\s\d|\s(?:in|am|on|le|el|il|op)\s))",
    re.IGNORECASE,
)


def parse_post_meta(text: str, *, slash_order: SlashOrder = None) -> tuple[list[Credit], Dateline] | None:
    """A blog's or a site's post line: a date among labels, a byline, categories and a comment count.

    "Veröffentlicht am 6. Juli 2015 von Mark Hosak — Hinterlasse eine Antwort",
    "By Jane Doe 10. Februar 2019 in Fashion , Kolumne 17 Comments". The first date is the
    published one; a "by"/"von" name is the byline. A sentence is not a post line, nor is a
    line that names none of the post words.

    >>> parse_post_meta("23.06.2016 um 16:14 Uhr - Markus Reuter - 91 Ergänzungen")
    ([], Dateline(published='2016-06-23T16:14', updated=None))
    >>> parse_post_meta("The council met on 3 March 2019 in the town hall.") is None
    True
    >>> parse_post_meta("Veröffentlicht am 6. Juli 2015 von Mark Hosak — Hinterlasse eine Antwort")
    ([Credit(name='Mark Hosak', role=None, organization=None)], Dateline(published='2015-07-06', updated=None))
    """
    if len(text) > 200 or not has_year(text) or ends_with(text, _FULL_STOPS) or _LIST_ITEM.match(text):
        return None
    found, rest = _cut_dates(text, slash_order=slash_order)
    if not found:
        return None
    if len(rest.split()) > 20 or not _POST_META_WORDS.search(rest):
        return None
    byline = _POST_META_BY.search(rest)
    name = _trim_date_lead(byline.group("name")) if byline is not None else ""  # "von Christian am" <date>
    credits = [Credit(fix_name_case(name), None, None)] if name and _looks_like_name(name) else []
    start, end, published = found[0]
    return credits, Dateline(published, None, by_convention=_ambiguous(text[start:end]))


def _all_names(listed: str) -> bool:
    return all(_looks_like_name(name.strip()) for name in _SPLIT_NAMES.split(listed) if name.strip())


def _looks_like_name(name: str, shouted: bool = False) -> bool:
    """Two to four capitalised words, none a function word; in capitals only where a "By" vouches for
    them ("By LYNNE O'DONNELL"): alone, a line in capitals is a label ("BREAKING NEWS")."""
    words = name.split()
    if not 2 <= len(words) <= 4 or _NOT_NAMES.search(name):
        return False
    return words[0][0].isupper() and (shouted or not all(word.isupper() and len(word) > 3 for word in words))


def _lower_word(name: str) -> bool:
    return any(word[:1].islower() and word not in _PARTICLES for word in name.split())


def fix_name_case(name: str) -> str:
    """Repair obvious case damage in a personal name; leave good names alone.

    >>> fix_name_case("Jasper jackson"), fix_name_case("Kate Mccann"), fix_name_case("JON LANSMAN")
    ('Jasper Jackson', 'Kate McCann', 'Jon Lansman')
    >>> fix_name_case("Ursula von der Leyen"), fix_name_case("JAMES S.A. COREY")
    ('Ursula von der Leyen', 'James S.A. Corey')
    """
    words = name.split()
    damaged = any(word.islower() for word in words[1:] if word not in _PARTICLES) or all(
        word.isupper() for word in words
    )
    return " ".join(_fix_word(word, damaged and index > 0, damaged) for index, word in enumerate(words))


_INITIALS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]?")
_PARTICLES = frozenset({"von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "bin", "al"})


def _fix_word(word: str, not_first: bool, damaged: bool) -> str:
    if _INITIALS.fullmatch(word):  # "S.A.", "j.r." are initials
        return word.upper()
    if not_first and word.lower() in _PARTICLES and not word.isupper():
        return word
    if damaged or (word.isupper() and len(word) > 3):  # "CNN" is an acronym, "LANSMAN" shouting
        word = "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))
    if re.match(r"^Mc[a-z]{2,}$", word):
        word = "Mc" + word[2].upper() + word[3:]
    if re.match(r"^O['’][a-z]", word):
        word = word[:2] + word[2].upper() + word[3:]
    return word


# --- breadcrumbs, section labels and mastheads -----------------------------------

# "/" between figures is a date's ("08/01/2014"), not a path's
_CRUMB_SEPARATORS = r">|›|\||(?<![0-9])/|/(?![0-9])"
_CRUMB_SPLIT = re.compile(rf"\s*(?:{_CRUMB_SEPARATORS}|»)\s*")
_CRUMB_MARK = re.compile(r"[>›»]|\s[/|]\s")
# where « opens a quote, » closes it ("08/01/2014 Miquel Roca: «La Infanta ...»")
_QUOTED_CRUMB_SPLIT = re.compile(rf"\s*(?:{_CRUMB_SEPARATORS})\s*")
_QUOTED_CRUMB_MARK = re.compile(r"[>›]|\s[/|]\s")
_SECTION_LABEL = re.compile(r"^(?:[0-9]{1,2}[.)]\s+)(?P<section>[^\W\d_][\w&,' -]{1,40})$")
_MASTHEAD = re.compile(
    r"^(?:the\s+)?(?:[A-Z][\w'’&.-]*\s+){0,3}(?:"
    + "|".join(_PAPER_WORDS)
    + r"|guardian|express|mail|independent|standard|mirror|star|sun|record|courier|examiner|statesman|review|"
    r"daily|weekly|echo|argus|bulletin|sentinel|inquirer|dispatch|globe|mercury|advertiser|telegram|register|"
    r"enquirer|leader|citizen|nation|gleaner|age|australian|scotsman|herald[- ]sun|tagblatt|le monde|el pa[ií]s)$",
    re.IGNORECASE,
)


def parse_breadcrumb(text: str) -> list[str] | None:
    """``Home>Section>Title`` → its crumbs; None for anything else.

    >>> parse_breadcrumb("Home>Entertainment>Momentum chief Jon Lansman drops bid")
    ['Home', 'Entertainment', 'Momentum chief Jon Lansman drops bid']
    >>> parse_breadcrumb("Profits rose 5% > expectations") is None
    True
    >>> parse_breadcrumb("Patricio Candia | Palma de Mallorca | 08/01/2014") is None  # a byline, place and date
    True
    """
    crumbs = _crumbs(text)
    if len(crumbs) < 2 or any(len(crumb) > 150 for crumb in crumbs):
        return None
    if has_year(crumbs[-1]) and not any(char.isalpha() for char in crumbs[-1]):
        return None  # "Patricio Candia | Palma de Mallorca | 08/01/2014": a byline, its place and its date
    if not all(map(is_short_crumb, crumbs[:-1])):  # the last crumb may be the headline
        return None
    if (
        crumbs[0].lower() not in {"home", "start", "startseite", "accueil", "inicio", "news", "homepage"}
        and len(crumbs) < 3
    ):
        return None
    return crumbs


def is_crumb_trail(text: str) -> bool:
    """A line of a few short pieces between path separators: a site and its section ("Prachatai / News"),
    a section and its subsection ("Opinion > World"), printed where a breadcrumb stands.

    >>> is_crumb_trail("Opinion > World"), is_crumb_trail("Brexit: what the deal means for farmers")
    (True, False)
    """
    crumbs = _crumbs(text)
    return len(crumbs) >= 2 and all(map(is_short_crumb, crumbs))


def _crumbs(text: str) -> list[str]:
    """The pieces between path separators; none for a line without any.

    >>> _crumbs("Home > News / Politics"), _crumbs("08/01/2014 Miquel Roca: «La Infanta quiere justicia»")
    (['Home', 'News', 'Politics'], [])
    """
    split, mark = (_QUOTED_CRUMB_SPLIT, _QUOTED_CRUMB_MARK) if "«" in text else (_CRUMB_SPLIT, _CRUMB_MARK)
    return [crumb for crumb in split.split(text) if crumb] if mark.search(text) else []


def is_short_crumb(crumb: str) -> bool:
    """A crumb of a breadcrumb before its last: a few words, no sentence."""
    return len(crumb.split()) <= 4 and not crumb.endswith(".")


def parse_section_label(text: str) -> str | None:
    """A numbered section label at the head of a page: "1. Politics".

    >>> parse_section_label("1. Politics")
    'Politics'
    """
    match = _SECTION_LABEL.match(text)
    if match is None or len(match.group("section").split()) > 3:
        return None
    return match.group("section").strip()


def is_masthead(text: str) -> bool:
    """A newspaper name standing alone: "The Daily Telegraph", "Evening Standard".

    >>> is_masthead("The Daily Telegraph"), is_masthead("The minister resigned")
    (True, False)
    """
    words = text.split()
    return 1 <= len(words) <= 5 and all(word[:1].isupper() for word in words) and bool(_MASTHEAD.match(text))
