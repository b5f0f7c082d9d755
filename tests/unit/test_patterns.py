import re

import pytest

from corpuskit import patterns

DATE = re.compile(patterns.PARTIAL_DATE)
LANG = re.compile(patterns.LANGUAGE_TAG)


@pytest.mark.parametrize(
    "value",
    [
        "2018",
        "2018-03",
        "2018-03-11",
        "2018-03-11T16:23",
        "2018-03-11T16:23:05",
        "2018-03-11T16:23+00:00",
        "2018-03-11T16:23:05.123Z",
        "2000-02-29",
        "2024-02-29",
        "1600-02-29",
        "2018-12-31T23:59:59-05:30",
    ],
)
def test_dates_accepted(value: str) -> None:
    assert DATE.fullmatch(value)


@pytest.mark.parametrize(
    "value",
    [
        "18",
        "2018-13",
        "2018-02-30",
        "2019-02-29",
        "1900-02-29",
        "2018-04-31",
        "2018-03-11T24:00",
        "2018-03-11T16",
        "2018-03-11 16:23",
        "2018-03-11+01:00",
        "2018-03-11T16:23+1",
        "11 March 2018",
        "2018-3-1",
    ],
)
def test_dates_rejected(value: str) -> None:
    assert not DATE.fullmatch(value)


@pytest.mark.parametrize(
    "tag",
    [
        "en",
        "en-GB",
        "zh-Hant-TW",
        "es-419",
        "sl-rozaj-biske",
        "de-CH-1901",
        "en-a-bbb-x-a-ccc",
        "x-whatever",
        "i-klingon",
        "und",
        "cy",
    ],
)
def test_language_tags_accepted(tag: str) -> None:
    assert LANG.fullmatch(tag)


@pytest.mark.parametrize("tag", ["", "e", "englishman", "en_GB", "en-", "en-GB-", "123", "en--GB"])
def test_language_tags_rejected(tag: str) -> None:
    assert not LANG.fullmatch(tag)
