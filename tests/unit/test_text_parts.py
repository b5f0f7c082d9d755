"""Decoding, metadata parsers, sidecar precedence and the convert command."""

from __future__ import annotations

import io
import json
import textwrap
from pathlib import Path

import pytest

from corpuskit.cli import main
from corpuskit.convert import REGISTRY, convert_source
from corpuskit.convert._build import SourceInput
from corpuskit.convert._decode import _is_single_byte, decode, split_lines
from corpuskit.convert._meta import (
    fix_name_case,
    is_time_line,
    parse_breadcrumb,
    parse_byline,
    parse_credited_dateline,
    parse_dateline,
    parse_name_line,
    parse_post_meta,
)
from corpuskit.convert.boilerplate import classify
from corpuskit.convert.text import _LIST_MARKER, is_good, is_headline
from corpuskit.diagnostics import Diagnostic
from corpuskit.models import Article
from corpuskit.strategies import hard_wrap
from tests.helpers import SEEDS

TEXT = REGISTRY["text"]


@pytest.mark.parametrize(
    "codec",
    [
        "utf-8",
        "utf-16-le",
        "utf-32-be",
        "shift_jis",
        "gb18030",
        "big5",
        "euc-kr",
        "utf-7",
        "latin-1",
        "cp1252",
        "cp1251",
        "koi8-r",
        "mac-roman",
        "iso8859-15",
        "cp437",
    ],
)
def test_single_byte_codecs_are_told_from_multi_byte_ones(codec: str) -> None:
    """Spans count characters as bytes only where no byte sequence reads as one character."""
    multi_byte = any(
        len((bytes([lead, follow]) * 2).decode(codec, errors="replace")) < 4
        for lead in range(256)
        for follow in (0x00, 0x41, 0x81, 0xA1, 0xA9, 0xE0)
    )
    assert _is_single_byte(codec) is not multi_byte


def convert(data: bytes) -> Article:
    (item,) = convert_source(TEXT, SourceInput("t.txt", data), stamp="2026-01-01T00:00:00Z")
    assert isinstance(item, Article)
    return item


@pytest.mark.parametrize(
    ("data", "charset"),
    [
        ("Café au lait\n".encode(), "utf-8"),
        ("\ufeffCafé au lait\n".encode(), "utf-8"),
        ("Café au lait\n".encode("utf-16"), "utf-16"),
        ("Café au lait, crème brûlée et thé — naïve façade.\n".encode("cp1252"), "windows-1252"),
    ],
)
def test_decoding_records_the_charset_and_exact_spans(data: bytes, charset: str) -> None:
    decoded = decode(data)
    assert decoded.charset == charset
    lines, _ = split_lines(decoded)
    for line in lines:
        assert data[line.start : line.end].decode(decoded.codec) == line.raw


def test_crlf_and_cr_line_ends_are_recorded() -> None:
    lines, steps = split_lines(decode(b"one\r\ntwo\rthree\n"))
    assert [line.raw for line in lines] == ["one", "two", "three"]
    assert "newlines" in steps


@pytest.mark.parametrize("data", [b"one\r\ntwo\r\n", b"one\rtwo", b"one\ntwo\r"])
def test_any_cr_line_end_is_a_recorded_normalisation(data: bytes) -> None:
    lines, steps = split_lines(decode(data))
    assert [line.raw for line in lines] == ["one", "two"]
    assert steps == ["newlines"]
    assert split_lines(decode(data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")))[1] == []


def test_mojibake_is_repaired_and_recorded() -> None:
    broken = "The party’s leader said it was a good day for everyone in the country’s north today.".encode().decode(
        "cp1252"
    )
    article = convert(("Title of the story here\n\n" + broken + "\n").encode())
    assert article.body[0].text.startswith("The party’s leader")
    assert "ftfy" in article.provenance.normalizations


def test_invisible_characters_are_removed_and_recorded() -> None:
    # Soft hyphens are line-break hints that German and French sites put inside long words;
    # left in, "Ver\u00adanstaltung" is not the token "Veranstaltung".
    line = "Die Ver\u00adan\u00adstal\u00adtung im histo\u00adrischen Markt war für alle Besucher ein großer Erfolg, sagte sie."
    data = ("Title of the story here\n\n" + line + "\u200b\n").encode()
    article = convert(data)
    assert article.body[0].text == line.replace("\u00ad", "")
    assert "invisible" in article.provenance.normalizations
    span = article.provenance.spans[0]
    assert span is not None and data[span.start : span.end].decode() == line + "\u200b"


@pytest.mark.parametrize(
    ("line", "published", "updated"),
    [
        ("Sunday 11 March 2018 16:23, UK", "2018-03-11T16:23+00:00", None),
        ("Monday 11 June 2018 16:23, UK", "2018-06-11T16:23+01:00", None),  # BST in summer
        ("11 March 2018updated 09 Jun 2021 10:39am", "2018-03-11", "2021-06-09T10:39"),
        ("March 11, 2018 at 4:23 PM EST", "2018-03-11T16:23-05:00", None),
        ("Published: 2018-03-11T16:23:05Z", "2018-03-11T16:23:05Z", None),
        ("Updated 10:39am BST, 9 June 2021", "2021-06-09T10:39+01:00", None),
        ("November 28, 2013 -- Updated 0203 GMT (1003 HKT)", "2013-11-28", None),
        ("Stand: 12.03.2019, 14:05 Uhr", "2019-03-12T14:05", None),
        ("am 19. Juni 2019 um 08:30 Uhr", "2019-06-19T08:30", None),
        ("jueves, 09 enero 2014 - 10:21 h", "2014-01-09T10:21", None),
        ("Publié le 3 mars 2019", "2019-03-03", None),
        ("15 de enero de 2020", "2020-01-15", None),
        ("North Korea 09:31 August 20, 2019", "2019-08-20T09:31", None),  # a section, then a clock before the date
        ("14/01/2020", "2020-01-14", None),  # slashes: read only when the order is certain
        ("12/31/2019 5:30 pm", "2019-12-31T17:30", None),
        ("27-06-2012 10:21", "2012-06-27T10:21", None),  # dashes: the same figures, the same rule
        ("14/01/2020-", "2020-01-14", None),  # a dash after the year ends no date
        ("2018/6/19 5:50", "2018-06-19T05:50", None),  # year first: the order is certain
        ("2018年6月18日 10:01", "2018-06-18T10:01", None),
        ("2023年11月17日（金） 15:13", "2023-11-17T15:13", None),
        ("2019년 8월 20일", "2019-08-20", None),
        # a timestamp's offset is no clock before the next date ("+02:00 Juni 19th")
        ("2019-01-07T17:27:31+02:00 Juni 19th, 2018", "2019-01-07T17:27:31+02:00", "2018-06-19"),
        # a short day name between the clock and the date
        ("Updated 4:48 PM EST, Mon November 6, 2023", "2023-11-06T16:48-05:00", None),
        # day and month the same: one day whichever comes first (05/08/2019 is never guessed)
        ("08/08/2017", "2017-08-08", None),
        (
            "Published 3:00 AM EST, Tue November 7, 2023 Updated 4:48 PM EST, Tue November 7, 2023",
            "2023-11-07T03:00-05:00",
            "2023-11-07T16:48-05:00",
        ),
        # a reading time beside the date, an update told only as a time ago (not resolved), a clock after a bullet
        ("Mar 3, 2020 - 4 min read", "2020-03-03", None),
        ("Lesezeit: 3 Min. | 03.03.2020", "2020-03-03", None),
        ("March 3, 2020 / 10:32 AM / Updated 2 hours ago", "2020-03-03T10:32", None),
        ("3 March 2020 • 10:32am", "2020-03-03T10:32", None),
        # French clocks ("10h32") and "mis à jour"
        ("Publié le 03/03/2020 à 10h32, mis à jour le 03/03/2020 à 11h40", "2020-03-03T10:32", "2020-03-03T11:40"),
        # a section's label run into the month (a browser's copy of two elements side by side)
        ("BUSINESSNOV 7, 2023 2:00 AM", "2023-11-07T02:00", None),
    ],
)
def test_datelines_keep_precision_and_resolve_zones(line: str, published: str, updated: str | None) -> None:
    parsed = parse_dateline(line)
    assert parsed is not None
    assert (parsed.published, parsed.updated) == (published, updated)


@pytest.mark.parametrize(
    "line",
    [
        "yesterday",
        "2 hours ago",
        "31 February 2018",
        "The vote on 11 March 2018 was close.",
        "05/08/2019",
        "05-08-2019",
        "/emissions/saison-26-08-2019-29-06-2020",  # an address's words, not a date
    ],
)
def test_no_date_is_guessed(line: str) -> None:
    parsed = parse_dateline(line)
    assert parsed is None or parsed.published is None


def test_bylines_and_names() -> None:
    assert [c.name for c in parse_byline("By Jane Smith and John O'brien") or []] == ["Jane Smith", "John O'Brien"]
    assert parse_byline("By the way, this is not a byline") is None
    assert fix_name_case("MARY MCDONALD") == "Mary McDonald"
    credited = parse_byline("By Dana A. Ford and Tom Watkins, CNN") or []
    assert [(c.name, c.organization) for c in credited] == [("Dana A. Ford", "CNN"), ("Tom Watkins", "CNN")]


@pytest.mark.parametrize(
    ("line", "credits"),
    [
        # an agency or paper after the names is their organisation, even when it looks like a name
        ("By Josh Boak, Associated Press", [("Josh Boak", None, "Associated Press")]),
        ("By JOSH BOAK, The Washington Post", [("Josh Boak", None, "The Washington Post")]),
        # a piece with a role word is the role, and what follows it the organisation
        ("By Jane Doe, Political Editor", [("Jane Doe", "Political Editor", None)]),
        ("By Jane Doe, Chief Correspondent, The Guardian", [("Jane Doe", "Chief Correspondent", "The Guardian")]),
        # names listed after a comma stay names
        (
            "By Jane Doe, Mark Roe and Ann Lee",
            [("Jane Doe", None, None), ("Mark Roe", None, None), ("Ann Lee", None, None)],
        ),
        # an agency or paper alone is credited as printed (the HTML converter credits an author Organization so)
        ("By Reuters", [("Reuters", None, None)]),
        ("By AFP", [("AFP", None, None)]),
        ("By the Associated Press", [("Associated Press", None, None)]),
        ("By Jane Doe, AP", [("Jane Doe", None, "AP")]),
        ("By the way", []),
        # the paper or agency run in after the names, no comma between (a dump joining the byline's parts)
        ("By Jane Doe The Plain Dealer", [("Jane Doe", None, "The Plain Dealer")]),
        ("National Desk By Jane Doe The Plain Dealer", [("Jane Doe", "National Desk", "The Plain Dealer")]),
        ("By Jane Doe and Mark Roe Reuters", [("Jane Doe", None, "Reuters"), ("Mark Roe", None, "Reuters")]),
        ("By Mary Jane Doe", [("Mary Jane Doe", None, None)]),
    ],
)
def test_a_byline_splits_names_roles_and_organisations(
    line: str, credits: list[tuple[str, str | None, str | None]]
) -> None:
    assert [(c.name, c.role, c.organization) for c in parse_byline(line) or []] == credits


@pytest.mark.parametrize(
    ("line", "credits"),
    [
        (
            "Autori: Anna Ūdre (LTV Ziņu dienesta ārzemju ziņu redaktore)",
            [("Anna Ūdre", "LTV Ziņu dienesta ārzemju ziņu redaktore", None)],
        ),
        ("Autoren: Eva Roth und Tim Berg (dpa)", [("Eva Roth", None, "dpa"), ("Tim Berg", None, "dpa")]),
        ("Texto: Juan Pérez y Ana Gómez", [("Juan Pérez", None, None), ("Ana Gómez", None, None)]),
        ("Text: Die Sonne scheint heute.", None),  # a label's names are printed with care: this is a sentence
    ],
)
def test_author_labels_in_several_languages(
    line: str, credits: list[tuple[str, str | None, str | None]] | None
) -> None:
    found = parse_byline(line)
    assert (None if found is None else [(c.name, c.role, c.organization) for c in found]) == credits


@pytest.mark.parametrize(
    ("line", "name", "role"),
    [
        ("Richard Adams Education editor", "Richard Adams", "Education editor"),
        ("Nathanael Johnson", "Nathanael Johnson", None),
        ("Kate McCann Senior Political correspondent", "Kate McCann", "Senior Political correspondent"),
    ],
)
def test_bare_names_split_name_and_role(line: str, name: str, role: str | None) -> None:
    credit = parse_name_line(line)
    assert credit is not None and (credit.name, credit.role) == (name, role)


@pytest.mark.parametrize(
    ("name", "dateline", "byline"),
    [
        ("NATHANAEL JOHNSON", "JANUARY 10, 2020 9:00AM (UTC)", "Nathanael Johnson"),  # a credit block in capitals
        ("NATHANAEL JOHNSON", "January 10, 2020 9:00AM (UTC)", None),  # capitals alone: a label
        ("BREAKING NEWS", "JANUARY 10, 2020 9:00AM (UTC)", None),  # a label's words
    ],
)
def test_a_name_in_capitals_beside_a_dateline_in_capitals(name: str, dateline: str, byline: str | None) -> None:
    title, standfirst = (
        "Despite everything, emissions dipped in 2019",
        "Coal has been in a slow-motion decline for ten years",
    )
    record = convert("\n".join([title, standfirst, name, dateline, *ARTICLE[1:]]).encode())
    assert [credit.name for credit in record.bylines] == ([byline] if byline else [])
    assert record.published == "2020-01-10T09:00+00:00"
    if byline:
        assert record.title == title and record.provenance.fields["bylines[0]"].evidence == name  # the printed form


@pytest.mark.parametrize("line", ["Senior Political correspondent", "Parken in Paris", "Search for:", "2 Min Read"])
def test_lines_that_are_not_names(line: str) -> None:
    assert parse_name_line(line) is None


@pytest.mark.parametrize(
    ("line", "published", "names"),
    [
        ("Veröffentlicht am 6. Juli 2015 von Mark Hosak — Hinterlasse eine Antwort", "2015-07-06", ["Mark Hosak"]),
        ("By Jane Doe 10. Februar 2019 in Allgemein , Fashion , Kolumne 17 Comments", "2019-02-10", ["Jane Doe"]),
        ("January 13, 2020 at 08:45 AM | categories: Python, Mercurial | View Comments", "2020-01-13T08:45", []),
        ("Gespeichert von rasos am 24. Juli 2017 - 18:55", "2017-07-24T18:55", []),
    ],
)
def test_post_lines_give_the_date_and_the_byline(line: str, published: str, names: list[str]) -> None:
    found = parse_post_meta(line)
    assert found is not None and found[1].published == published and [c.name for c in found[0]] == names


@pytest.mark.parametrize(
    "line",
    [
        "The council met on 3 March 2019 in the town hall.",  # a sentence
        "* Konferenz in Wien, 20. Oktober 2017",  # a listed event
        "Schengen, 3. Juli 2018 — Aussendung",  # no post word (a dateline, read as one)
    ],
)
def test_lines_that_are_not_post_lines(line: str) -> None:
    assert parse_post_meta(line) is None


def test_a_byline_and_a_dateline_on_one_line() -> None:
    found = parse_credited_dateline("By Wikimedia Foundation • 15 January 2020")
    assert found is not None and [c.name for c in found[0]] == ["Wikimedia Foundation"]
    assert found[1].published == "2020-01-15"
    assert parse_credited_dateline("15 January 2020") is None  # a dateline alone credits no one
    assert parse_credited_dateline("Letzte Aktualisierung: 18.01.2018") is None  # "last updated" is no one


@pytest.mark.parametrize(
    ("line", "published", "name"),
    [
        ("von Anja Roe am 14. Mai 2014 , 15:40 Uhr", "2014-05-14T15:40", "Anja Roe"),
        ("by Jake Roe on January 20, 2020", "2020-01-20", "Jake Roe"),
        ("von Diane Roe Veröffentlicht am 1. Mai 2019", "2019-05-01", "Diane Roe"),
        ("par Florence Roe, le 15 septembre 2009", "2009-09-15", "Florence Roe"),
        ("By Tran Le 15 May 2020", "2020-05-15", "Tran Le"),  # a name may end in "Le"
        ("Von: Andreas Roe Am: 29.12.2014", "2014-12-29", "Andreas Roe"),  # a label with its colon, in any case
        ("Patricio Roe | Palma de Mallorca | 28/01/2014", "2014-01-28", "Patricio Roe"),  # the place between
        ("Ana Roe · Sevilla · 8 de enero de 2014", "2014-01-08", "Ana Roe"),
    ],
)
def test_the_words_leading_the_date_in_are_not_part_of_the_name(line: str, published: str, name: str) -> None:
    found = parse_credited_dateline(line)
    assert found is not None and [c.name for c in found[0]] == [name] and found[1].published == published


def test_the_head_is_read_past_a_gallery_and_a_bare_name_byline() -> None:
    """Headline, standfirst, name, dateline, then a gallery's counter lines, then the text."""
    paragraphs = [
        "The council voted on Tuesday to close the old bridge over the river for at least six months of repairs.",
        "Engineers found cracks in two of the piers last spring, and the state inspector asked for a full survey.",
        "Residents who cross the river to work will have to use the ferry or the ring road until the summer.",
    ]
    page = [
        "Home",
        "Council closes the old bridge for repairs",
        "Six months of work on the piers, and a ferry for commuters",
        "Jane Smith Transport correspondent",
        "Mon 20 Jan 2020 06.05 GMT",
        *[str(number) for number in range(1, 13)],
        *paragraphs,
    ]
    record = convert("\n".join(page).encode())
    assert record.title == "Council closes the old bridge for repairs"
    assert record.subtitle == "Six months of work on the piers, and a ferry for commuters"
    assert [(b.name, b.role) for b in record.bylines] == [("Jane Smith", "Transport correspondent")]
    assert record.published == "2020-01-20T06:05+00:00"
    assert record.provenance.fields["bylines[0]"].method == "byline-name"
    assert [block.text for block in record.body] == paragraphs


@pytest.mark.parametrize(
    ("elsewhere", "published"),
    [
        ("the survey of 25/08/2019", "2019-08-05"),  # the page writes the day first
        ("the survey of 08/25/2019", "2019-05-08"),  # the month first
        ("the survey of 25-08-2019", "2019-08-05"),  # dashes print the same figures in the same order
        ("the survey", None),  # no other slash date: 05/08/2019 is May or August, and not guessed
        ("the surveys of 25/08/2019 and 08/25/2019", None),  # both orders: none
    ],
)
def test_an_ambiguous_slash_date_is_read_in_the_order_the_page_shows(elsewhere: str, published: str | None) -> None:
    paragraphs = [
        "The council voted on Tuesday to close the old bridge over the river for at least six months of repairs.",
        f"Engineers found cracks in two of the piers last spring, as {elsewhere} showed, and the inspector agreed.",
        "Residents who cross the river to work will have to use the ferry or the ring road until the summer.",
    ]
    page = ["Council closes the old bridge for repairs", "Jane Smith | Riverside | 05/08/2019", *paragraphs]
    record = convert("\n".join(page).encode())
    assert record.published == published
    assert record.title == "Council closes the old bridge for repairs"  # an unread dateline is no headline either
    if published is not None:
        assert [byline.name for byline in record.bylines] == ["Jane Smith"]
        assert record.provenance.fields["published"].method == "dateline-page-order"
        assert record.provenance.fields["published"].evidence == "Jane Smith | Riverside | 05/08/2019"


def test_a_headline_is_not_taken_for_the_standfirst_of_a_widget_line() -> None:
    """A standfirst sits right under its headline: a widget line above the furniture is not the title."""
    paragraphs = [
        "Some 40,000 measures take effect on Wednesday, from health insurance mandates to new rules on drones.",
        "Several states also changed their gun laws, and two of them legalised the sale of marijuana to adults.",
    ]
    page = [
        "1 weather alerts 1 closings/delays",
        "Skip to content",
        "Advertisement",
        "Share this article",
        "New Year, new laws: insurance, pot, guns and drones",
        "By Leigh Ann Caldwell",
        *paragraphs,
    ]
    record = convert("\n".join(page).encode())
    assert record.title == "New Year, new laws: insurance, pot, guns and drones"
    assert record.subtitle is None
    assert [block.text for block in record.body] == paragraphs


def test_a_lead_paragraph_above_a_post_line_stays_in_the_body() -> None:
    """A line too long for a standfirst, between the headline and a post line, is the lead paragraph."""
    lead = " ".join(["The planning files of other offices bring their own layers, styles and blocks with them."] * 5)
    rest = [
        "A short routine keeps them out: open the file, purge what you do not need, and bind it as a reference.",
        "Done once per delivery, this keeps the project's drawings small and the plots predictable for everyone.",
    ]
    page = ["Handling foreign drawing files", lead, "Datum 12.01.2017 Kategorie AutoCAD Schlagworte Referenzen", *rest]
    record = convert("\n".join(page).encode())
    assert record.title == "Handling foreign drawing files"
    assert record.subtitle is None
    assert record.published == "2017-01-12"
    assert [block.text for block in record.body] == [lead, *rest]


def test_a_lead_paragraph_an_embed_keeps_from_the_text_stays_in_the_body() -> None:
    """Headline, dateline, the first paragraph, then a video's IFRAME lines: the region starts after the embed,
    and the paragraph above it is still the article's first (lynx prints blog posts so)."""
    lead = " ".join(["Last week I wanted to play the first game I ever wrote, on a phone nobody sells any more."] * 4)
    rest = [
        "The emulator needs a Java runtime, since what it runs are the small programs those phones ran.",
        "Since every device it ran on is gone, I hereby declare the game abandonware and give it away for free.",
        "The company that sold it went out of business years ago, so nobody will mind the download link below.",
    ]
    # lynx prints an embedded player as its label and its address, hard-wrapped at 80 columns
    embed = [
        " " * 40 + "IFRAME:",
        "[15]https://player.vimeo.com/video/130513216?color=ff9933&byline=0&port",
        " " * 40 + "rait=0",
    ]
    embed *= 2
    page = ["Brick Challenge runs again", "Thursday, 15.2.2018, 19:51", lead, *embed, *rest]
    record = convert("\n".join(page).encode())
    assert record.title == "Brick Challenge runs again" and record.published == "2018-02-15T19:51"
    assert [block.text for block in record.body] == [lead, *rest]
    removed = record.provenance.removed
    assert len(removed) == len(embed) and {r.rule for r in removed} == {"placeholder", "page-header"}


def test_the_tail_of_a_wrapped_player_address_goes_with_it() -> None:
    """lynx wraps a long address at its width: the tail ("rait=0") is the address's, not a paragraph."""
    text = [
        "The council voted on Tuesday to close the old bridge over the river for at least six months.",
        "Engineers found cracks in two of the piers last spring, and the state inspector asked for a survey.",
    ]
    player = "https://player.vimeo.com/video/130513216?color=ff9933&byline=0&port"
    page = ["Council closes the old bridge", text[0], "IFRAME:", player, "rait=0", text[1], "x=5", "Thanks"]
    record = convert("\n".join(page).encode())
    rules = {r.text: r.rule for r in record.provenance.removed}
    assert [rules.get(line) for line in ("IFRAME:", player, "rait=0")] == ["placeholder"] * 3
    assert rules.get("x=5") != "placeholder"  # under a sentence, no address's tail
    assert [block.text for block in record.body] == text


def test_a_dateline_among_menu_links_above_the_text_is_read() -> None:
    """A menu run swallows the dateline printed among the share and print links; the head takes it back."""
    paragraphs = [
        "A company in Lower Saxony has found a cheaper way to recover lithium from the batteries of old cars.",
        "The shredded cells are sorted by air and by magnets, and the black mass goes to a chemical plant nearby.",
    ]
    links = [
        "Save to Pocket",
        "Read aloud",
        "Print view",
        "Comments",
        "20.06.2019 07:30 Uhr",
        "Technology Review",
        "Share",
    ]
    record = convert("\n".join(["Lithium from the shredder", *links, *paragraphs]).encode())
    assert record.published == "2019-06-20T07:30"
    removed = [item.text for item in record.provenance.removed]
    assert "20.06.2019 07:30 Uhr" not in removed and "Print view" in removed
    assert [block.text for block in record.body] == paragraphs


def test_convert_command_writes_records_and_uses_the_sidecar(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "seeds.jsonl.gz"
    code = main(["convert", str(SEEDS), "--sidecar", str(SEEDS / "sidecar.csv"), "-o", str(out)], out=io.StringIO())
    assert code == 0
    from corpuskit.jsonl import read_records

    records = [r for r in read_records(out) if isinstance(r, Article)]
    assert len(records) == 5
    outlets = {r.provenance.source.path: r.outlet.name if r.outlet else None for r in records}
    assert outlets["001_b72a51a20a7e4dcc.txt"] == "Sky News"
    assert outlets["000_c0c8773b69e85a5d.txt"] is None


def test_convert_command_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(tmp_path / "missing")], out=io.StringIO()) == 2
    sidecar = tmp_path / "bad.csv"
    sidecar.write_text("path,published\n001_b72a51a20a7e4dcc.txt,2018-02-30\nnot-there.txt,2018\n")
    code = main(["convert", str(SEEDS), "--sidecar", str(sidecar), "-o", str(tmp_path / "o.jsonl")], out=io.StringIO())
    assert code == 1
    err = capsys.readouterr().err
    assert "C003" in err and "C004" in err


def test_sidecar_precedence_is_recorded(tmp_path: Path) -> None:
    sidecar = tmp_path / "meta.jsonl"
    sidecar.write_text(
        json.dumps({"path": "003_d0a5644ff4bc9408.txt", "title": "Lansman quits", "bylines": ["Kate McCann"]}) + "\n"
    )
    from corpuskit.convert import convert_paths
    from corpuskit.convert.sidecar import load_sidecar

    records = [
        r
        for r in convert_paths([SEEDS / "003_d0a5644ff4bc9408.txt"], sidecar=load_sidecar(sidecar))
        if isinstance(r, Article)
    ]
    (article,) = records
    assert article.title == "Lansman quits"
    assert article.provenance.fields["title"].method == "sidecar"
    assert article.provenance.fields["title"].superseded[0].evidence == "Momentum chief pulls out of Labour race"
    assert article.provenance.fields["bylines[0]"].superseded[0].method == "byline"


@pytest.mark.parametrize(
    ("data", "problem", "line"),
    [
        ("path,outlet\nx.txt,Le Monde \u00e9dition\n".encode("cp1252"), "not UTF-8 (byte 0xe9); read as cp1252", 2),
        (b"file,outlet\nx.txt,Sky News\n", "no path column (columns: 'file', 'outlet')", 1),
        (b'path,title\nx.txt,"two\nlines"\ny.txt,"' + b"y" * 140_000 + b'"\n', "unreadable CSV: field larger", 4),
    ],
    ids=["cp1252", "no-path-column", "huge-cell"],
)
def test_a_sidecar_csv_that_cannot_be_read_as_given_is_reported_at_its_line(
    tmp_path: Path, data: bytes, problem: str, line: int
) -> None:
    from corpuskit.convert.sidecar import load_sidecar

    path = tmp_path / "meta.csv"
    path.write_bytes(data)
    sidecar = load_sidecar(path)
    (diagnostic,) = sidecar.problems
    assert diagnostic.code == "C003" and diagnostic.message.startswith(problem) and diagnostic.line == line
    if "path" in data.split(b"\n", 1)[0].decode():  # the rows that could be read stand, each at its first line
        assert sidecar.rows["x.txt"]
        assert next(iter(sidecar.rows["x.txt"].values())).evidence == "meta.csv:2"
    if "cp1252" in problem:
        assert sidecar.rows["x.txt"]["outlet"].value["name"] == "Le Monde \u00e9dition"


@pytest.mark.parametrize(
    "data",
    [
        "path\toutlet\tpublished\r\nx.txt\tLe Monde \u00e9dition\t2018-03-11\r\n".encode("utf-16"),
        "path;outlet;published\nx.txt;Le Monde \u00e9dition;2018-03-11\n".encode(),
        "outlet|published|path\nLe Monde \u00e9dition|2018-03-11|x.txt\n".encode(),
    ],
    ids=["utf16-tab-separated", "semicolon-separated", "bar-separated"],
)
def test_a_spreadsheets_sidecar_export_is_read(tmp_path: Path, data: bytes) -> None:
    """A spreadsheet's "Unicode text" (UTF-16, tab-separated) and the semicolon CSV of many locales used to
    give "no path column" and no metadata."""
    from corpuskit.convert.sidecar import load_sidecar

    path = tmp_path / "meta.csv"
    path.write_bytes(data)
    sidecar = load_sidecar(path)
    assert not sidecar.problems
    row = sidecar.rows["x.txt"]
    assert (row["outlet"].value["name"], row["published"].value) == ("Le Monde \u00e9dition", "2018-03-11")


def test_sidecar_columns_no_field_has_and_malformed_values_are_reported_in_words(tmp_path: Path) -> None:
    from corpuskit.convert.sidecar import load_sidecar

    path = tmp_path / "meta.jsonl"
    rows = [
        {"path": "x.txt", "title": "A title", "notes": "checked"},
        {"path": "y.txt", "published": "11/03/2018", "body": "text", "notes": "again"},
        {"path": "z.txt", "language": "en_GB", "url": "example.com/a"},
    ]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    sidecar = load_sidecar(path)
    assert [(d.code, d.line, d.message.split(" (")[0]) for d in sidecar.problems] == [
        ("C003", 2, "published: '11/03/2018' is not an ISO 8601 date that exists in the calendar"),
        ("C003", 3, "url: 'example.com/a' is not an absolute http(s) URL without spaces or user information"),
        ("C003", 3, "language: 'en_GB' is not a well-formed BCP 47 language tag"),
        ("C003", 1, "not read: 'notes', 'body'"),  # once per file, at the first row naming one
    ]
    assert list(sidecar.rows["x.txt"]) == ["title"] and not sidecar.rows["y.txt"]


def test_a_sidecar_url_the_validator_would_reject_is_reported_not_taken(tmp_path: Path) -> None:
    from corpuskit.convert.sidecar import load_sidecar

    path = tmp_path / "meta.csv"
    path.write_text("path,url,title\nx.txt,https://example.com:99999/a,A title\n")
    sidecar = load_sidecar(path)
    assert [(d.code, d.line, d.message) for d in sidecar.problems] == [
        ("C003", 2, "url: URL cannot be parsed: Port out of range 0-65535")
    ]
    assert list(sidecar.rows["x.txt"]) == ["title"]


def test_a_file_of_records_named_as_a_source_is_reported_not_converted(tmp_path: Path) -> None:
    """`corpuskit convert corpus.jsonl` made one record whose body was the JSON of every record in the file."""
    from tests.helpers import FIXTURES

    items = list(convert_source(TEXT, SourceInput("seeds.jsonl", (FIXTURES / "valid" / "seeds.jsonl").read_bytes())))
    assert [(item.code, item.message.split(":")[0]) for item in items if isinstance(item, Diagnostic)] == [
        ("C005", "corpuskit records, not a scrape")
    ]
    assert not [item for item in items if isinstance(item, Article)]
    # a scrape that quotes a record further down is still a scrape
    quoted = b'How to store an article\n\nWrite one line per record, such as {"format": "corpuskit.article/1"}.\n'
    assert isinstance(convert(quoted), Article)


def test_inline_markup_is_cut_and_recorded() -> None:
    article = convert(
        b"A headline about the council\n\n"
        b"He said <b>no</b> to the plan &amp; left the room before the vote was taken today.\n\n"
        b"R&D and AT&T spent more on x<y and z>w than anyone in the sector expected this year.\n"
    )
    texts = [block.text for block in article.body]
    assert texts[0] == "He said no to the plan & left the room before the vote was taken today."
    assert texts[1].startswith("R&D and AT&T spent more on x<y and z>w")
    assert [r.text for r in article.provenance.removed if r.rule == "html-tag"] == ["<b>", "</b>"]
    assert "html-entities" in article.provenance.normalizations


@pytest.mark.parametrize(
    ("line", "at_least"),
    [
        ("The council voted on Tuesday to close the bridge for repairs.", 11),
        ("政府は火曜日に橋の修理のための閉鎖を決定したと発表しました。", 14),  # CJK: two characters a word
        ("ภรรยาของสุรชัยกล่าวว่าได้ทราบข่าวจากบุตรชายแล้วแต่ยังไม่ขอพูดอะไรโดยเบื้องต้นได้ทำใจแต่แรกแล้ว", 15),  # Thai
    ],
)
def test_scripts_without_spaces_still_count_words(line: str, at_least: int) -> None:
    from corpuskit.convert.text import words

    assert words(line) >= at_least
    assert words(line) <= len(line)


@pytest.mark.parametrize("end", ["\u2028", "\u2029", "\v", "\f"], ids=["LS", "PS", "VT", "FF"])
def test_unicode_separators_and_word_processor_breaks_end_lines(end: str) -> None:
    """Text copied out of a word processor (vertical tab) or a script (U+2028) used to be one line: no title, and
    the whole article one paragraph."""
    paragraphs = [
        "The council voted on Tuesday to close the old bridge over the river for at least six months of repairs.",
        "Engineers found cracks in two of the piers last spring, and the state inspector asked for a full survey.",
        "Residents who cross the river to work will have to use the ferry or the ring road until the summer.",
    ]
    data = end.join(["Council closes the old bridge", *paragraphs]).encode()
    article = convert(data)
    assert article.title == "Council closes the old bridge"
    assert [block.text for block in article.body] == paragraphs
    assert [data[span.start : span.end].decode() for span in article.provenance.spans if span] == paragraphs


def test_a_chinese_or_japanese_article_is_long_enough_and_its_language_known() -> None:
    """Counted by its spaces, a Chinese or Japanese body was a few "words": too short for the validator (R005)
    and for the language identifier, whatever its length."""
    from corpuskit.rules import by_name_or_code
    from corpuskit.rules.context import RuleContext

    lines = [
        "東京で新しい美術館が開館した",
        "東京都内に新しい現代美術館が今週開館し、初日には多くの来場者が訪れた。館長は「地域の文化拠点にしたい」と語った。",
        "展示は国内外の作家による作品約二百点で構成されている。入場料は一般千円で、高校生以下は無料となっている。",
        "美術館は駅から徒歩五分の場所にあり、週末は午後八時まで開館する。カフェと書店も併設されている。",
    ]
    article = convert("\n".join(lines).encode())
    assert article.language == "ja"
    rule = by_name_or_code("R005")
    assert rule is not None and rule.check is not None
    short_body = rule.check
    assert list(short_body(article, RuleContext(now="2026-11-25", min_body_words=50))) == []
    brief = article.model_copy(update={"body": article.body[:1]})
    assert list(short_body(brief, RuleContext(now="2026-11-25", min_body_words=50)))  # 54 characters: 27 words


def test_excerpts_above_read_more_links_do_not_outweigh_the_article() -> None:
    article = [
        "Council closes the old bridge",
        "The council voted on Tuesday to close the old bridge over the river for at least six months of repairs.",
        "Engineers found cracks in two of the piers last spring, and the state inspector asked for a full survey.",
    ]
    teasers = []
    for topic in ("the harbour", "the library", "the tram line"):
        teasers += [
            f"What next for {topic}",
            f"Residents packed the hall on Monday night to hear the plans for {topic}, which the mayor says will be "
            "the largest project of the decade, with public hearings, a design contest and a referendum next year.",
            "Read more »",
        ]
    page = "\n".join(["Home", "News", *article, "More stories", *teasers, "© 2024 The Example Gazette"])
    record = convert(page.encode())
    assert [block.text for block in record.body] == article[1:]
    assert {item.rule for item in record.provenance.removed if item.text == "Read more »"} == {"read-more"}


@pytest.mark.parametrize("marker", ["* ", ""])  # "": a scrape that prints no list markers
def test_lists_of_points_between_paragraphs_do_not_cut_the_article(marker: str) -> None:
    def section(name: str) -> list[str]:
        return [
            f"Why {name} matters",
            f"The second option, {name}, has been around for years and many teams still rely on it every day.",
            "Pros:",
            f"{marker}creates the same kind of environment as the others, and works with most of the tooling",
            f"{marker}can create environments for any installed version of the language with the same call",
            f"{marker}includes some advanced functionality, like scripts that set the environment up",
            "Cons:",
            f"{marker}installed versions of the interpreter still need to be managed by hand, one at a time",
            f"{marker}requires installing one more package into the system installation before anything else",
            f"extending {name} to install management",
        ]

    closing = "All of these tools work, and the right choice depends on the project and the people who maintain it."
    page = [
        "Home",
        "Blog",
        "Managing environments",
        "Environment management is flexible, which means that there are many tools and many opinions about them.",
        "In this post we go through the pros and cons of each so that you can make an informed decision yourself.",
        *section("venv"),
        *section("virtualenv"),
        *section("pyenv"),
        closing,
        "© 2024 Example Blog",
    ]
    record = convert("\n".join(page).encode())
    texts = [block.text for block in record.body]
    assert texts[-1] == closing
    assert sum(text.startswith("The second option") for text in texts) == 3


BLOCKS_IN_TEXT = {
    # points a browser's copy prints without markers, a few words each, in lower case
    "short points": [
        "Pros:",
        "officially supported by the packaging authority",
        "one tool for projects and their packages",
        "plays well with the other managers",
        "Cons:",
        "incompatible with the other tools",
        "dependency resolution is quite slow",
        "poetry in motion",
    ],
    # points that are clauses of the sentence introducing them
    "clauses": [
        "The farmer can watch the herd's metabolism through several indicators:",
        "Fat and protein in the milk test,",
        "Hoof health and lameness scores,",
        "Body Condition Score or back fat,",
        "Regular weighing,",
        "Feed intake against milk yield and activity,",
        "Water intake per cow and day,",
        "Lying times in the cubicles,",
        "Rumination and dung consistency.",
    ],
    "code": [
        "import os",
        "from django.conf import settings",
        "@override_settings(STATICFILES_DIRS=(",
        "    os.path.join(os.path.dirname(__file__), 'static'), ))",
        "class QunitTests(StaticLiveServerTestCase):",
        "    @classmethod",
        "    def setUpClass(cls):",
        "        cls.browser = webdriver.PhantomJS()",
        "        super().setUpClass()",
        "    def test_qunit(self):",
        "        self.browser.get(self.live_server_url + 'index.html')",
        "        total = int(results.find_element_by_class_name('total').text)",
        "        self.assertTrue(total and not failed, results.text)",
    ],
}


@pytest.mark.parametrize("kind", BLOCKS_IN_TEXT)
def test_short_points_and_code_between_paragraphs_do_not_cut_the_article(kind: str) -> None:
    paragraphs = [
        "Environment management is flexible, which means that there are many tools and many opinions about them.",
        "In this post we go through the pros and cons of each so that you can make an informed decision yourself.",
        "Most of them isolate an environment per project, which keeps the dependencies of one from breaking another.",
    ]
    after = [
        "It seemed isolated to me, since each test gets its own instance and nothing touches the file system.",
        "All of these tools work, and the right choice depends on the project and the people who maintain it.",
    ]
    page = ["Home", "Blog", "Managing environments", *paragraphs, *BLOCKS_IN_TEXT[kind], *after, "© 2024 Example Blog"]
    record = convert("\n".join(page).encode())
    assert [block.text for block in record.body][-2:] == after


@pytest.mark.parametrize(
    "line",
    [
        "15. Mai 2019, 05:28 Uhr",
        "21. Oktober 2005 trat die Verordnung in Kraft, und seither gilt sie in allen Mitgliedstaaten der Union.",
    ],
)
def test_a_date_opened_by_its_day_is_no_numbered_point(line: str) -> None:
    """A day opening a date in the body ("15. Mai 2019, 05:28 Uhr", or a sentence) is no point 15 of a list."""
    page = [ARTICLE[0], "11 March 2018", *ARTICLE[1:], line, *reversed(ARTICLE[1:])]
    record = convert("\n".join(page).encode())
    assert line in [block.text for block in record.body]
    assert "list-marker" not in {item.rule for item in record.provenance.removed}


def test_menus_printed_on_one_line_are_navigation() -> None:
    """Four or more short items between bars are a menu, even between the article and its footer;
    a short bar line led by "Home" is still the breadcrumb, and a bylined or dated bar line is no menu."""
    paragraphs = [
        "Heavy winds at the airports delayed flights by up to an hour, the aviation authority said on Wednesday.",
        "Rail operators reported no major delays and added seats on some of the busiest routes for the holiday.",
    ]
    menus = [
        "Home | Video | World | U.S. | Africa | Asia | Europe | Latin America | Business | Sport | Travel",
        "Terms of service | Privacy guidelines | Ad choices | Advertise with us | About us | Help",
    ]
    page = ["Home | Travel | Storm snarls holiday travel", "Storm snarls holiday travel", *paragraphs[:1]]
    page += [*menus[:1], *paragraphs[1:], *menus[1:], "Staff writer"]
    record = convert("\n".join(page).encode())
    assert record.section == "Travel" and record.title == "Storm snarls holiday travel"
    assert [block.text for block in record.body] == paragraphs
    assert {item.rule for item in record.provenance.removed if item.text in menus} == {"navigation"}
    for line in ("By Jane Doe | Reuters | Politics | World", "Madrid | 8 January 2014 | Politics | Courts"):
        assert classify(line) is None


def _listing(*stories: str) -> list[str]:
    lines = []
    for number, story in enumerate(stories, 1):
        lines += [f"What to know about {story}", f"April {number}, 2014 -- Updated 1358 GMT", f"A guide to {story}."]
    return lines


ARTICLE = [
    "Storm snarls holiday travel",
    "Heavy winds at the three airports around the city delayed departures by up to an hour, the aviation "
    "authority said on Wednesday, and crews were clearing snow from the runways.",
    "Rail operators reported no major delays and added seats on some of the busiest routes for the holiday, "
    "while road crews scrambled to clear the highways before the evening rush.",
]


def test_a_listing_of_other_stories_with_dates_is_not_the_article() -> None:
    listing = _listing("tornadoes", "power cuts", "flooded roads", "lightning")
    record = convert("\n".join([*ARTICLE, "Part of complete coverage on", *listing, "© 2014 Example"]).encode())
    assert [block.text for block in record.body] == ARTICLE[1:]
    assert {item.rule for item in record.provenance.removed if item.text in listing} == {"dated-listing"}


def test_a_listing_above_the_article_leaves_its_dateline() -> None:
    listing = _listing("tornadoes", "power cuts", "flooded roads")
    page = [*listing, ARTICLE[0], "November 27, 2013 -- Updated 0203 GMT", *ARTICLE[1:]]
    record = convert("\n".join(page).encode())
    assert record.title == ARTICLE[0] and record.published == "2013-11-27"
    assert [block.text for block in record.body] == ARTICLE[1:]


def test_a_video_playlist_is_a_listing_and_leaves_the_head_above_it() -> None:
    # a player between the head and the text: each clip a title, its running time and a "Source" line
    clips = (
        "Mayor speaks to reporters after the storm closed all three airports overnight",
        "Crews work through the night to clear the runways before the holiday rush",
        "Travellers describe waiting at the gate for hours as the snow kept falling",
        "Forecasters explain why this storm arrived two days earlier than expected",
    )
    playlist = ["Video Ad Feedback", clips[0], "02:17 - Source: Example", "Storm coverage 12 videos"]
    for clip in clips:
        playlist += ["Video Ad Feedback", clip, "02:17", "Now playing", "- Source: Example"]
    head = [ARTICLE[0], "By Jane Doe and Ann Lee, Example", "Updated 4:48 PM EST, Mon November 6, 2023"]
    record = convert("\n".join([*head, *playlist, *ARTICLE[1:]]).encode())
    assert (record.title, record.published) == (ARTICLE[0], "2023-11-06T16:48-05:00")
    assert [b.name for b in record.bylines] == ["Jane Doe", "Ann Lee"]
    assert [block.text for block in record.body] == ARTICLE[1:]


@pytest.mark.parametrize(
    ("over_the_time", "dropped"),
    [
        ("Watch what the mayor said when asked about the closed airports", True),  # the video's title
        ("The mayor said the airports would reopen on Friday.", False),  # a sentence stays
    ],
)
def test_a_video_between_paragraphs_leaves_with_its_title(over_the_time: str, dropped: bool) -> None:
    video = ["Video Ad Feedback", over_the_time, "02:12 - Source: Example"]
    record = convert("\n".join([*ARTICLE[:2], *video, *ARTICLE[2:]]).encode())
    kept = [block.text for block in record.body]
    assert kept == ([*ARTICLE[1:]] if dropped else [ARTICLE[1], over_the_time, *ARTICLE[2:]])
    assert "02:12 - Source: Example" not in kept


def test_a_timeline_of_dated_sentences_stays_in_the_body() -> None:
    timeline = []
    for number, event in enumerate(("the levee was raised", "the pumps were replaced", "the gauge was moved"), 1):
        timeline += [f"March {number}, 2011", f"After the last flood {event} by the county engineers."]
    page = [*ARTICLE, *ARTICLE[1:], "How the county prepared", *timeline, "© 2014 Example"]
    record = convert("\n".join(page).encode())
    assert [block.text for block in record.body] == page[1:-1]
    assert [item.text for item in record.provenance.removed] == ["© 2014 Example"]


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Watch video 02:17", "video-widget"),
        ("Video ansehen", "video-widget"),
        ("Нашли ошибку? Выделите ее и нажмите Ctrl + Enter", "error-report"),
        ("Spotted a typo?", "error-report"),
        ("Report an error", "error-report"),
        ("03:29", "video-widget"),
        ("Now playing", "video-widget"),
        ("02:12 - Source: CNN", "video-widget"),
        ("＞ ログイン", "navigation"),
        ("登录 / 注册", "navigation"),
        ("保存 共有 その他", "share-prompt"),
        ("스크랩 인쇄", "share-prompt"),
        ("その他", None),  # "Other" alone may head a list
        ("関連記事", "related-block"),
        ("많이 본 뉴스", "related-block"),
        ("続きを読む", "read-more"),
        (
            "［有料会員限定］ この記事は会員限定です。電子版に登録すると続きをお読みいただけます。",
            "subscription-banner",
        ),
        ("<저작권자(c) 연합뉴스, 무단 전재-재배포 금지>", "copyright"),
        ("【纠错】 【责任编辑:张樵苏 】", "editor-credit"),
        ("保存した記事は後で読めます。", None),
        ("เรื่องที่เกี่ยวข้องลืออุ้ม อ.สุรชัย ผู้ลี้ภัยหายจากที่พัก 12 วันแล้ว", "related-block"),
        ("เฟซบุ๊ก https://fb.me/prachatai", "social-follow"),
        ("LINE ไอดี = @prachatai", "social-follow"),
        ("Facebook: https://facebook.com/example", "social-follow"),
        ("More Must-Reads From TIME", "related-block"),
        ("Interessante Artikel", "related-block"),
        # a link to a related story, printed without a colon where the site's language does so (a short one heads a block)
        (
            "Lire aussi Martine Bulard & Sung Il-kwon, « En Corée, la politique du rayon de soleil », Le Monde diplomatique,"
            " juin 2018.",
            "related-link",
        ),
        ("Share Article", "share-prompt"),
        ("Welcome to Sott.net", "navigation"),
        ("Hauptnavigation", "navigation"),
        ("Main navigation", "navigation"),
        ("Search form", "navigation"),
        ("Navigation apps", None),
        ("Article précédent", "navigation"),
        ("Nächster Artikel", "navigation"),
        ("Older posts", "navigation"),
        ("| Efe", "image-credit"),
        ("Beitragsbild: Titelseite der FAZ vom 2.4.2019, Ausriss.", "image-credit"),
        ("Das Beitragsbild zeigt einen Hund.", None),
        ("Our Standards: The Thomson Reuters Trust Principles.", "copyright"),
        ("Schlagwörter: Eberhard-Schöck-Stiftung, FAZ, geschlechtergerechter Sprachgebrauch", "navigation"),
        ("Mots-clés : Asie, Censure, Littérature", "navigation"),
        ("Schlagworte:", None),  # the label alone bounds the article
        ("Valorar:", "review-widget"),
        ("Actualmente puntuada con 1 estrella(s) sobre 5", "review-widget"),
        ("Currently rated 4 out of 5 stars", "review-widget"),
        ("The film was rated 4 out of 5 by critics, who praised the cast.", None),
        ("Welcome to Hell", None),  # a headline
        ("now signed up to receive the Breaking NewsNewsletter.", "newsletter-signup"),
        ("Reader Comments", "comment-form"),
        ("Login — Register to add your comments!", "comment-form"),
        ("Recent Comments", "related-block"),  # a sidebar's widget, above the story as often as under it
        ("Quote of the Day", "related-block"),
        ("See Also:", "related-block"),
        ("The readers' comments were harsh, the editor said.", None),
        ("This is a must-read book for anyone.", None),
        ("Write to Alejandro de la Garza at alejandro.delagarza@time.com", "author-contact"),
        ("Reach Jane Doe at jdoe@example.com or on Twitter @jdoe.", "author-contact"),
        ("Residents can write to the mayor at mayor@city.gov to complain, and many did.", None),
        ("The minister wrote on Twitter @jane_roe that she would resign.", None),
        ("โอนเงิน PayPal คลิกที่นี่ https://paypal.me/prachatai (รายงานยอดบริจาคสนับสนุน)", "donation-banner"),
        ('โอนเงิน พร้อมเพย์ PromptPay "มูลนิธิสื่อเพื่อการศึกษาของชุมชน" 0993000060423', "donation-banner"),
        ("The central bank said PromptPay transfers rose 20 percent in 2019 to 6.4 billion baht.", None),
        ("今日は会員登録の日だと彼は言った。", None),
        ("新しいラウンジは会員限定で、来月から営業を始めると同社は発表した。", None),
        ("法院认定，版权所有者有权要求平台删除侵权内容并赔偿损失。", None),
        (
            "著作権法の改正案について、政府は無断転載された画像の削除を事業者に義務づける方針を示し、業界団体は"
            "運用ルールの明確化を強く求めた。",
            None,
        ),
        ("Copyright © 2018 新华网 版权所有", "copyright"),
        ("05:22 – Quelle: dpa", "video-widget"),
        ("12:30 - Source: the minister said it was fine.", None),
        ("Open Navigation Menu", "navigation"),
        ("See More Videos", "navigation"),
        ("View this post on Instagram", "social-embed"),
        ("Ein Beitrag geteilt von SKEP (@skep.association) am 23. Okt 2017 um 0:31 Uhr", "social-embed"),
        ("Diesen Beitrag auf Instagram ansehen", "social-embed"),
        ("Der Text wurde geteilt von vielen Nutzern.", None),
        ("A post shared by Spice Girls (@spicegirls) on Jun 16, 2019 at 7:30am PDT", "social-embed"),
        ("— Jane Doe (@janedoe) June 16, 2019", "social-embed"),
        ("7 minute read", "reading-time"),
        ("Reading time: 3 minutes", "reading-time"),
        ("Lesezeit: ca. 4 Min.", "reading-time"),
        ("3 min de lecture", "reading-time"),
        ("Link Copied!", "share-prompt"),
        ("Code embed copié dans le presse-papier", "share-prompt"),
        ("The code was copied to the clipboard by the spy.", None),
        ("Weiterempfehlen Drucken", "share-prompt"),
        ("Facebook Twitter Mail", "share-prompt"),
        ("Share: Facebook Twitter", "share-prompt"),
        ("Partager Imprimer", "share-prompt"),
        ("The paper will print more stories about it.", None),
        ("Auf den Wunschzettel", "save-prompt"),
        ("Add to wishlist", "save-prompt"),
        ("In den Warenkorb", "shop-button"),
        ("Marcus De Guzman View More Articles", "author-box"),
        ("Marcus De GuzmanView More Articles", "author-box"),
        ("More articles by Jane Roe", "author-box"),
        ("Alle Artikel des Autors", "author-box"),
        ("He wants to read more articles", None),
        ("Readers Want More Stories", None),
        ("Courtesy and respect in Parliament", None),
        ("Courtesy of Forests News", "source-credit"),
        ("Courtesy of the family, the photo shows him in 1990.", None),
        ("Forgot your Intel username or password?", "navigation"),
        ("Need Help?", "navigation"),
        ("Deutsch · English (US) · Türkçe · Español · Português (Brasil)", "language-menu"),
        ("The English and Deutsch speakers", None),
        ("We use cookies to improve your experience on our site.", "privacy-notice"),
        ("Many sites use cookies to follow you around the web, the report found.", None),
        ("Get the latest news delivered to your inbox", "newsletter-signup"),
        ("Want more stories like this? Sign up here.", "newsletter-signup"),
        ("Voters can sign up now for postal ballots, the council said.", None),
        ("Have a news tip? Email us at tips@example.com", "author-contact"),
        ("Contact the author", "author-contact"),
        ("The author said the reporter had lied.", None),
        ("Listen to this article", "video-widget"),
        ("Artikel vorlesen", "video-widget"),
        ("Listen to the story of how the town survived the flood.", None),
        ("Enlarge this image", "image-credit"),
        ("toggle caption", "image-credit"),
        ("Photo", "image-credit"),
        ("The photo shows the mayor at the opening.", None),
        ("Follow", "social-follow"),
        ("Follow the money", None),
        ("Open in app", "app-prompt"),
        ("Download our app", "app-prompt"),
        ("The app was downloaded a million times.", None),
        ("Click here to read more", "read-more"),
        ("Read next", "related-block"),
        ("Lee también: El Gobierno aprueba el plan", "related-block"),
        ("Abonnez-vous", "subscription-banner"),
        ("By John Smith | Reuters", None),  # a byline, where "X | Reuters" alone is a picture's credit
        ("Smoke over the port | Reuters", "image-credit"),
        ("Field input is required", "form-message"),
        ("このニュースをシェア", "share-prompt"),
        ("To revisit this article, visit My Profile, then View saved stories.", "save-prompt"),
        ("Save for later", "save-prompt"),
        ("Save the date for the concert", None),
        ("Close Alert", "navigation"),
        ("Not a member? Sign up", "navigation"),
        ("Forgot your password?", "navigation"),
        ("分享到", "share-prompt"),
        ("She said she could read the report in 5 minutes.", None),
        ("We watch the video of the match every week.", None),
        ("The error was spotted by an auditor in the second report of the year.", None),
        ("Open the files the council published on Monday, the mayor said.", None),
        ("The post shared by the minister was deleted on Monday after a day of criticism.", None),
        ("Abonnieren Sie kostenlos die MEEDIA-Newsletter und bleiben Sie auf dem Laufenden.", "newsletter-signup"),
        ("Inscrivez-vous à notre newsletter", "newsletter-signup"),
        ("Newsletter jetzt kostenlos abonnieren", "newsletter-signup"),
        ("Der Verlag stellt seinen Newsletter im Herbst ein, sagte die Sprecherin am Montag.", None),
        ("Das Thema könnte dich auch interessieren:", "related-block"),
        ("Redaktionstipp", "related-block"),
        ("Next Up In Tech", "related-block"),
        ("Explore further", "related-block"),
        ("Weitere Themen", "related-block"),
        ("Weitere interessante Themen", "related-block"),
        ("Permalink: https://www.example.com/-gqe-9vw7i", "share-prompt"),
        ("Weitersagen abbrechen", "share-prompt"),
        ("Artikel auf einer Seite lesen", "navigation"),
        ("View as single page", "navigation"),
        (
            "This document is subject to copyright. Apart from any fair dealing for the purpose of private study or "
            "research, no part may be reproduced without the written permission.",
            "copyright",
        ),
        (
            "No part of this publication may be reproduced without the prior written permission of the publisher.",
            "copyright",
        ),
        ("The photographs are protected by copyright, the museum said.", None),
        ("The court ruled that no part of the song may be reproduced.", None),
        ("(Foto: Christian Charisius/dpa)", "image-credit"),
        ("(AP Photo/Evan Vucci)", "image-credit"),
        ("(Credit: Clayton Aldern / Grist)", "image-credit"),
        ("Auch Herbert Grönemeyer gehört zu den Unterstützern. Bild: dpa", "image-credit"),
        ("He said (AP) was wrong about the photo.", None),
        ("Zur Startseite", "navigation"),
        ("Alle Rechte vorbehalten", "copyright"),
        ("Vervielfältigung nur mit Genehmigung", "copyright"),
        ("Die Stadt hat sich alle Rechte vorbehalten, sagte der Sprecher.", None),
        ("Jetzt Abo sichern", "subscription-banner"),
        ("Diese Ausgabe jetzt digital lesen", "subscription-banner"),
        ("Lesen Sie hier einen weiteren spannenden Beitrag …", "related-block"),
        ("DIE BELIEBTESTEN PRODUKTE", "related-block"),
        ("Das könnte dir auch gefallen", "related-block"),
        ("Lesen Sie hierzu den Kommentar unseres Korrespondenten.", None),
        ("Advertisement:", "advertisement"),
        ("— ADVERTISEMENT —", "advertisement"),
        ("The views expressed in the comments below do not reflect those of the Daily Roe.", "comment-form"),
        ("Please read our community guidelines before posting.", "comment-form"),
        ("Die Kommentare geben nicht die Meinung der Redaktion wieder.", "comment-form"),
        ("Again, the opinions here are my own and don't reflect those of the project.", None),
        ("Fehler gefunden?", "error-report"),
        ("Kļūda rakstā?", "error-report"),
        ("Highlight the text and press the report button to tell the editors.", "error-report"),
        ("Select the text and press Ctrl+B to make it bold.", None),
        ("Advertise with The Daily Roe", "advertisement"),
        ("ลงโฆษณากับประชาไท", "advertisement"),
        ("google.JPG", "image-credit"),
        ("Screenshot by Amanda Tan/ONE Esports", "image-credit"),
        ("写真＝ロイター", "image-credit"),
        ("Фото: РИА Новости", "image-credit"),
        ("Фотография — это искусство, сказал он.", None),
        ("You are what you search. (The Associated Press)", "image-credit"),
        ("Visit example.com", None),
        ("来源： 中国日报网", "source-credit"),
        ("Source: Reuters", "source-credit"),
        ("Source: the ministry said it would act.", None),
        ("Guter Journalismus kostet Geld. Deshalb bietet die Zeitung ein Abo an.", "subscription-banner"),
        ("Noch 10 Gratis-Artikel diesen Monat.", "subscription-banner"),
        ("The paper has argued for years that good journalism is worth paying for.", None),
        ("example.de - Das Online-Magazin f\u00fcr Frauen, die wissen, was sie wollen.", "site-tagline"),
        ("ZDNet.de \u2013 Nachrichten & Tests f\u00fcr IT-Profis", "site-tagline"),
        ("Amazon.com said on Tuesday it would cut prices.", None),
        ("Dein Browser kann dieses Video nicht abspielen.", "browser-notice"),
        ("Votre navigateur ne prend pas en charge la vid\u00e9o.", "browser-notice"),
        ("Your browser cannot play this video.", "browser-notice"),
        ("Votre navigateur ne prot\u00e8ge pas vos donn\u00e9es, pr\u00e9vient la CNIL.", None),
        ("Ihr Browser kann nicht alles, sagt der Experte.", None),
        ("9 comments to Storm closes the coastal road for a second day", "comment-form"),
        ("One thought on \u201cEar Candy!\u201d", "comment-form"),
        ("12 Kommentare zu \u201eMandelpl\u00e4tzchen\u201c", "comment-form"),
        ("One comment on the bill came from the minister.", None),
        ("Two responses to the crisis emerged over the weekend, officials said.", None),
        ("Leave a Reply Cancel reply", "comment-form"),  # a hidden link run into the form's heading
        ("Kommentar verfassen Antwort abbrechen", "comment-form"),
        ("Laisser un commentaire Annuler la r\u00e9ponse", "comment-form"),
        ("The organisers had to cancel reply cards for the whole event after a printing error.", None),
        # a comment form's heading as other languages word it
        ("\u00c9crire un commentaire", "comment-form"),
        ("Ajouter un commentaire", "comment-form"),
        ("Escribe un comentario", "comment-form"),
        ("Scrivi un commento", "comment-form"),
        ("Schrijf een reactie", "comment-form"),
        ("Deixe o seu coment\u00e1rio", "comment-form"),
        ("Il a d\u00e9cid\u00e9 d\u2019\u00e9crire un commentaire dans le journal local.", None),
        # the links to the stories before and after this one, printed with their arrows
        ("\u2190 Previous post", "navigation"),
        ("Next post \u2192", "navigation"),
        # the other story's headline run into the link's label (a browser's copy of the page)
        ("Nation-State Actors Go All-In on Mobile MalwarePrevious article", "navigation"),
        ("Read the next article in the series.", None),
        ("\u00ab Article pr\u00e9c\u00e9dent", "navigation"),
        ("N\u00e4chster Artikel \u00bb", "navigation"),
        ("The next story in the series will appear on Friday.", None),
        # an empty comment section's place holder
        ("No comments yet.", "comment-form"),
        ("Be the first to comment!", "comment-form"),
        ("Comments are closed.", "comment-form"),
        ("Es wurden noch keine Kommentare geschrieben.", "comment-form"),
        ("Aucun commentaire pour le moment.", "comment-form"),
        ("No comment.", None),
        ("No comments were made by the minister.", None),
        ("There are no responses to that question.", None),
        # a caption with its photographer and agency run in after an em dash
        ("An oil field near Lost Hills, California.David McNew\u2014Getty Images", "image-credit"),
        ("The ministry confirmed the deal on Tuesday. \u2014 Reuters", None),  # a wire story's sign-off
    ],
)
def test_widget_menu_and_embed_lines_are_furniture(line: str, rule: str | None) -> None:
    furniture = classify(line)
    assert (furniture.rule if furniture else None) == rule


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Read the rules you agree to by using this website in our Terms of Service.", "legal-notice"),
        ("By continuing to use this site, you agree to our Terms of Use.", "legal-notice"),
        ("By signing in, you agree to our Terms of Service.", "legal-notice"),
        ("As an Amazon Associate we earn from qualifying purchases.", "legal-notice"),
        ("We may earn a commission when you buy through links on our site.", "legal-notice"),
        ("This post contains affiliate links.", "legal-notice"),
        (
            "The Example Blog is published under a Creative Commons license except where otherwise noted.",
            "legal-notice",
        ),
        ("This work is licensed under a Creative Commons Attribution 4.0 International License.", "legal-notice"),
        ("Who will be eaten first? Our forum rules are detailed in the Community Guidelines.", "comment-form"),
        # article sentences that share the words
        ("The retailer said it would earn a commission of 3 per cent on each sale.", None),
        ("Wikipedia's text is licensed under terms that let anyone reuse it, the foundation said.", None),
        ("\u201cThis breaks our community standards,\u201d a company spokesperson said on Tuesday.", None),
        ("Shoppers who agree to the new terms will keep their discounts, the company said.", None),
    ],
)
def test_a_site_s_small_print_is_furniture(line: str, rule: str | None) -> None:
    """Terms a visitor agrees to, affiliate disclosures, the site's licence and forum rules, seen on many sites."""
    furniture = classify(line)
    assert (furniture.rule if furniture else None) == rule


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("[img_6686-287x161]", "placeholder"),
        ("[lazy_placeholder][Royal-Salute-Polo-Match]", "placeholder"),
        ("[logo]", "placeholder"),
        ("[                      ] Name *", "placeholder"),  # w3m: a form field, its label after it
        ("[Update] The minister said the talks had failed.", None),
        ("Hier klicken, um das Antworten abzubrechen.", "comment-form"),  # WordPress's cancel-reply link
        ("Click here to cancel reply.", "comment-form"),
        ("[46640254781]", "placeholder"),
        ("IFRAME: https://www.youtube.com/embed/KPnmmIrD0oc?feature=oembed", "placeholder"),  # lynx's inline frame
        ("IFRAME: about:blank", "placeholder"),
        ("IFRAME:", "placeholder"),
        ("https://www.youtube-nocookie.com/embed/Kd2q-MaHMWs?controls=2&rel=0", "placeholder"),  # its address, wrapped
        ("https://player.vimeo.com/video/130513216?color=ff9933&byline=0&port", "placeholder"),
        ("Frame: how a painter chooses what to leave out", None),
        ("http://www.openpetition.de/petition/online/gegen-die-tarifreform", None),  # a link an article prints
        ("The video player on the site was broken for a day.", None),
        ("[Search              ] [->]", "placeholder"),
        ("[ ] [Search]", "placeholder"),
        ("Recherche dans le site : [ ][cherche]", "placeholder"),
        ("[Quick links..._______________]", "placeholder"),
        ("[INS::INS] [INS::INS]", "placeholder"),
        ("(BUTTON) Save (BUTTON) Remove", "placeholder"),
        ("Suche ____________________ (BUTTON) Suchen", "placeholder"),
        ("The form had a (button) labelled Save, she said.", None),
        ("Prev Next", "navigation"),
        ("« Zurück Weiter »", "navigation"),
        ("Précédent Suivant", "navigation"),
        # text in brackets that a page prints: a song's part, an advertising mark, a date, a footnote, a
        # deletion, a Markdown task, a cut in a quotation
        ("[Chorus]", None),
        ("[Werbung]", None),
        ("[Donnerstag, 9. Mai 2013]", None),
        ("[12]", "link-number"),
        ("[DEL: My car is blue. :DEL]", None),
        ("[ ] Buy the tickets", None),
        ("[…]", None),
        ("Next week the council meets again.", None),
    ],
)
def test_what_text_browsers_print_for_pictures_fields_and_pagers_is_furniture(line: str, rule: str | None) -> None:
    """w3m and lynx print a picture without alternative text as its file name in brackets, a form field as
    brackets around blanks (lynx: underscores, and a button as "(BUTTON)"); a gallery's pager prints its
    controls on one line."""
    furniture = classify(line)
    assert (furniture.rule if furniture else None) == rule


def test_a_dateline_above_a_related_listing_is_not_one_of_its_items() -> None:
    listing = _listing("the old sedan", "the nicknames", "the crossover")
    page = [ARTICLE[0], "November 20, 2019 13:42", "Find your next car", "More stories like this one", *listing]
    record = convert("\n".join([*page, *ARTICLE[1:]]).encode())
    assert record.title == ARTICLE[0] and record.published == "2019-11-20T13:42"
    assert [block.text for block in record.body] == ARTICLE[1:]


def test_a_listing_never_takes_the_article_line_above_its_first_date() -> None:
    """The first item printed without its headline: the line above its date is the article's last paragraph."""
    closing = "Officials said the roads would reopen by the weekend."
    page = [*ARTICLE, closing, "April 9, 2014", "A guide to tornadoes.", *_listing("power cuts", "floods", "hail")]
    record = convert("\n".join([*page, "© 2014 Example"]).encode())
    assert [block.text for block in record.body] == [*ARTICLE[1:], closing]


def _cards(*stories: str, indent: str = "    ") -> list[str]:
    """Stories drawn as cards, as a renderer prints ``<li><h3>headline</h3><p>teaser</p></li>``."""
    lines = []
    for story in stories:
        lines += [f"  * What to know about {story}", f"{indent}A guide to {story}, with the latest from our reporters."]
    return lines


def test_cards_of_other_stories_are_not_the_article() -> None:
    cards = _cards("tornadoes", "power cuts", "flooded roads")
    record = convert("\n".join([*cards, *ARTICLE, *_cards("hail", "lightning", "floods")]).encode())
    assert record.title == ARTICLE[0]
    assert [block.text for block in record.body] == ARTICLE[1:]
    assert {item.rule for item in record.provenance.removed} == {"teaser-listing"}


@pytest.mark.parametrize(
    "points",
    [
        _cards("tornadoes", "power cuts", "flooded roads", indent=""),  # no indentation: nothing says "inside the item"
        [line.replace("* ", "1. ") for line in _cards("tornadoes", "power cuts", "flooded roads")],  # numbered points
    ],
)
def test_headed_points_that_are_not_cards_stay_in_the_body(points: list[str]) -> None:
    record = convert("\n".join([*ARTICLE, *points, ARTICLE[1]]).encode())
    assert "teaser-listing" not in {item.rule for item in record.provenance.removed}
    assert [block.text for block in record.body] == [
        *ARTICLE[1:],
        *(_LIST_MARKER.sub("", p.strip()) for p in points),
        ARTICLE[1],
    ]


def _kicker_cards(*stories: tuple[str, str]) -> list[str]:
    """Stories drawn as cards under kickers: the story's section, its headline, a one-sentence teaser."""
    lines = []
    for section, story in stories:
        lines += [section, f"What to know about {story}", f"A guide to {story}, with the latest from our reporters."]
    return lines


KICKER_CARDS = _kicker_cards(("Weather", "tornadoes"), ("Travel", "power cuts"), ("Weather", "flooded roads"))


def test_cards_under_kickers_are_not_the_article() -> None:
    record = convert("\n".join([*ARTICLE, *KICKER_CARDS, "© 2024 Example"]).encode())
    assert [block.text for block in record.body] == ARTICLE[1:]
    assert [item.text for item in record.provenance.removed if item.rule == "teaser-listing"] == KICKER_CARDS


def test_a_page_of_cards_under_kickers_keeps_them() -> None:
    """A listing never holds most of the page's text: on a page that is only a listing, it is the text."""
    record = convert("\n".join([ARTICLE[0], *KICKER_CARDS]).encode())
    assert "teaser-listing" not in {item.rule for item in record.provenance.removed}
    assert [block.text for block in record.body if block.text.startswith("A guide")] == KICKER_CARDS[2::3]


GALLERY = [
    line
    for slide in ("The first colonies", "A system of inequality", "Reforms in 1907")
    for line in (
        "Racist, ruthless, cruel: a colonial history",
        slide,
        f"{slide} changed the lives of millions, as the records kept by the administration show.",
    )
]


@pytest.mark.parametrize("head", [[], ["Local news", "Events", "Contact us"]])
def test_a_gallery_titled_over_each_slide_is_not_the_article(head: list[str]) -> None:
    """A browser's copy of a slideshow: the gallery's title over every slide, then the slide's title and caption.
    Under the lead, its slides are no run of cards with the headline under a menu's last item ("Events")."""
    record = convert("\n".join([*head, *ARTICLE[:2], *GALLERY, ARTICLE[2]]).encode())
    assert record.title == ARTICLE[0]
    assert [block.text for block in record.body] == ARTICLE[1:]
    assert [item.text for item in record.provenance.removed if item.rule == "teaser-listing"] == GALLERY


def _paired(*stories: str) -> list[str]:
    """Stories listed as a headline over a teaser, with no marker, kicker or date (a browser's copy of cards)."""
    lines = []
    for story in stories:
        lines += [
            f"What to know about {story}",
            f"A guide to {story}, with everything our reporters learned this week.",
        ]
    return lines


MENU = ["Home", "News", "Sport", "Weather", "Travel", "Culture", "Business", "Opinion"]


@pytest.mark.parametrize("before", [MENU, []])
def test_headlines_over_teasers_after_a_menu_are_not_the_article(before: list[str]) -> None:
    """After a menu, or opening the page; the article's headline over its lead is no item of the listing."""
    listing = _paired("tornadoes", "power cuts", "flooded roads", "hail")
    record = convert("\n".join([*before, *listing, *MENU, *ARTICLE]).encode())
    assert record.title == ARTICLE[0]
    assert [block.text for block in record.body] == ARTICLE[1:]
    assert [item.text for item in record.provenance.removed if item.rule == "teaser-listing"] == listing


@pytest.mark.parametrize("count", [3, 4])
def test_an_articles_sections_of_a_paragraph_each_stay_in_the_body(count: int) -> None:
    """Crossheads over a paragraph each, right under the article's text (or three of them after a menu): sections."""
    sections = _paired("tornadoes", "power cuts", "flooded roads", "hail")[: 2 * count]
    record = convert("\n".join([*ARTICLE, *sections]).encode())
    assert [block.text for block in record.body] == [*ARTICLE[1:], *sections]
    three = _paired("tornadoes", "power cuts", "flooded roads")
    record = convert("\n".join([*MENU, *three, *ARTICLE[1:]]).encode())
    assert "teaser-listing" not in {item.rule for item in record.provenance.removed}


def test_sections_of_a_paragraph_each_right_under_a_menu_stay_in_the_body() -> None:
    """The headline over its lead, then four crossheads over a paragraph each, all right under the menu: the
    article's text goes on after them, where a listing has furniture."""
    sections = _paired("tornadoes", "power cuts", "flooded roads", "hail")
    rest = [
        f"Forecasters expect the {topic} to ease by the weekend, although crews will stay on duty through the "
        "holiday and the city has asked residents to keep off the roads unless their journey is essential."
        for topic in ("winds", "snow", "rain", "cold")
    ]
    record = convert("\n".join([*MENU, *ARTICLE[:2], *sections, *rest]).encode())
    assert [block.text for block in record.body] == [ARTICLE[1], *sections, *rest]


def test_teasers_under_a_related_line_are_the_listing() -> None:
    """Each listed headline printed with its teaser (ending with the story's date, as some sites print it)."""
    items = []
    for story in ("tornadoes", "power cuts", "flooded roads"):
        teaser = f"A guide to {story} and what they mean for the weekend, with the latest from our reporters across the region and advice from the emergency services (07.03.2019)"
        items += [f"What to know about {story}", teaser]
    record = convert("\n".join([*ARTICLE, "Related stories", *items, "© 2024 Example"]).encode())
    assert [block.text for block in record.body] == ARTICLE[1:]
    assert [item.text for item in record.provenance.removed if item.rule == "related-block"] == [
        "Related stories",
        *items,
    ]


def test_teasers_cut_off_inside_a_word_under_a_related_line_are_the_listing() -> None:
    """A related box whose teasers are cut at a fixed length ("... for the whole wee...") and signed: the
    teasers, and their authors' names, are the box's, not the article's end and byline."""
    items = [
        "Weather",
        "What to know about tornadoes",
        "A guide to tornadoes and what they mean for the whole wee...",
        "By Jane Roe",
        "Transport",
        "Flooded roads across the region",
        "Which roads are closed, which are open and how long the repairs on the coast will take\u2026",
        "By Max Mustermann",
    ]
    record = convert("\n".join([*ARTICLE, "You might also like", *items, "\u00a9 2024 Example"]).encode())
    assert [block.text for block in record.body] == ARTICLE[1:]
    assert record.bylines == ()
    assert {item.rule for item in record.provenance.removed if item.text in items} == {"related-block"}


def test_an_article_resuming_under_a_related_link_is_kept() -> None:
    """One headline under "Related", then the article: a paragraph, a crosshead over one more, and on."""
    page = [
        *ARTICLE,
        "Related stories",
        "What to know about tornadoes",
        ARTICLE[1],
        "Clearing up",
        *ARTICLE[2:],
        ARTICLE[1],
    ]
    record = convert("\n".join(page).encode())
    assert [block.text for block in record.body] == [*ARTICLE[1:], ARTICLE[1], "Clearing up", *ARTICLE[2:], ARTICLE[1]]


POINTS = ["1. Keep a torch", "2. Charge your phone", "3. Check on neighbours", "4. Stay indoors"]


def test_a_numbered_list_between_paragraphs_is_the_articles() -> None:
    """Short numbered lines look like a menu; numbered 1, 2, 3... between paragraphs, they are the article's list."""
    record = convert("\n".join([*ARTICLE, *POINTS, ARTICLE[1]]).encode())
    assert [(block.type, block.text) for block in record.body] == [
        ("paragraph", ARTICLE[1]),
        ("paragraph", ARTICLE[2]),
        *(("list_item", point[3:]) for point in POINTS),
        ("paragraph", ARTICLE[1]),
    ]


def test_a_numbered_list_under_a_related_line_is_the_listing() -> None:
    """Most-read lists print each item's teaser beside its headline: long items, but numbered under the opener."""
    items = [
        f"{number}. What to know about {story} This week's guide to {story}, with the latest advice from our reporters and the emergency services"
        for number, story in enumerate(("tornadoes", "power cuts", "flooded roads"), 1)
    ]
    record = convert("\n".join([*ARTICLE, "Next Up In Weather", "Good Deals", *items, "© 2024 Example"]).encode())
    assert [block.text for block in record.body] == ARTICLE[1:]
    assert [item.text for item in record.provenance.removed if item.rule == "related-block"] == [
        "Next Up In Weather",
        "Good Deals",
        *items,
    ]
    # unnumbered, or not numbered from 1, such long lines are not listed under the opener
    for other in ([item[3:] for item in items], [f"{n + 1}{item[1:]}" for n, item in enumerate(items, 1)]):
        record = convert("\n".join([*ARTICLE, "Next Up In Weather", *other, ARTICLE[1]]).encode())
        assert [item.rule for item in record.provenance.removed if item.text in other] == ["page-footer"] * 3


@pytest.mark.parametrize("points", [POINTS[1:], POINTS[:2] + POINTS[3:]])  # not from 1, or a number skipped
def test_a_numbered_menu_is_no_list(points: list[str]) -> None:
    record = convert("\n".join([*ARTICLE, *points, *points, ARTICLE[1]]).encode())
    assert [block.text for block in record.body] == [*ARTICLE[1:], ARTICLE[1]]


def test_furniture_printed_as_list_items_is_furniture() -> None:
    page = [*ARTICLE, "  * Share on Facebook", "  + Reply", "Kommentare Schreibe einen Kommentar"]
    record = convert("\n".join(page).encode())
    assert [block.text for block in record.body] == ARTICLE[1:]
    assert [item.rule for item in record.provenance.removed] == ["share-prompt", "comment-form", "comment-form"]


def test_a_second_level_bullet_marks_a_list_item() -> None:
    items = ["  + the first of the points made", "  + the second of the points made"]
    record = convert("\n".join([*ARTICLE, "The report made two points:", *items, ARTICLE[2]]).encode())
    listed = [(block.type, block.text) for block in record.body if block.type == "list_item"]
    assert listed == [("list_item", item.strip()[2:]) for item in items]


@pytest.mark.parametrize(
    "line",
    [
        "2 hours ago",
        "Veröffentlicht/Aktualisiert: vor 51 Minuten",
        "il y a 3 heures",
        "hace 28 minutos",
        "5 uur geleden",
    ],
)
def test_a_teasers_age_is_a_relative_date(line: str) -> None:
    furniture = classify(line)
    assert furniture is not None and furniture.rule == "relative-date"
    assert classify("Vor 30 Minuten sagte der Minister, er trete zurück.") is None


def test_a_listing_dated_by_age_is_not_the_article() -> None:
    listing = []
    for number, story in enumerate(("tornadoes", "power cuts", "flooded roads", "lightning"), 1):
        listing += [f"What to know about {story}", f"Aktualisiert: vor {number} Stunden", f"A guide to {story}."]
    record = convert("\n".join([*ARTICLE, *listing, "© 2014 Example"]).encode())
    assert [block.text for block in record.body] == ARTICLE[1:]
    rules = {item.text: item.rule for item in record.provenance.removed}
    assert {rules[line] for line in listing} == {"dated-listing", "relative-date"}


def test_lines_without_text_are_not_body_blocks() -> None:
    record = convert("\n".join([*ARTICLE[:2], "  *", "* * *", "→", ARTICLE[2]]).encode())
    assert [block.text for block in record.body] == ARTICLE[1:]
    assert [(item.rule, item.text) for item in record.provenance.removed] == [
        ("no-text", "*"),
        ("no-text", "* * *"),
        ("no-text", "→"),
    ]


def test_a_time_of_day_or_a_dateline_place_above_the_headline_is_no_title() -> None:
    for above in ("Jun 13, 4:03 PM EDT", "New York CNN —"):
        record = convert("\n".join([above, ARTICLE[0], "By LYNNE O'DONNELL", *ARTICLE[1:]]).encode())
        assert record.title == ARTICLE[0]
        assert [byline.name for byline in record.bylines] == ["Lynne O'Donnell"]
        assert [block.text for block in record.body] == ARTICLE[1:]


def test_a_headline_between_its_dateline_and_its_byline() -> None:
    headline = "Flint tool adds to evidence of early complex thinking"
    page = ["Click here to sign in with", "October 22, 2019 report", headline, "by Jane Doe, Example", *ARTICLE[1:]]
    record = convert("\n".join(page).encode())
    assert (record.title, record.published) == (headline, "2019-10-22")
    assert [block.text for block in record.body] == ARTICLE[1:]


@pytest.mark.parametrize(
    ("top", "under", "published", "unused"),
    [
        # a site's "today" in its masthead, over the story's own dateline under the headline
        ("Mon, 25 Dec 2023", "Thu, 14 May 2020 17:55 UTC", "2020-05-14T17:55+00:00", "Mon, 25 Dec 2023"),
        # a later date lower down is no dateline of the story's: the first one stands
        ("11 March 2018", "9 June 2021", "2018-03-11", "9 June 2021"),
    ],
)
def test_a_masthead_date_gives_way_to_the_dateline_under_the_headline(
    top: str, under: str, published: str, unused: str
) -> None:
    page = ["Welcome to example.com", top, "The paper for people who read", ARTICLE[0], under, *ARTICLE[1:]]
    record = convert("\n".join(page).encode())
    assert (record.title, record.published) == (ARTICLE[0], published)
    assert [block.text for block in record.body] == ARTICLE[1:]
    assert unused in [item.text for item in record.provenance.removed]  # the other date is accounted for


@pytest.mark.parametrize(
    ("note", "role", "organization"),
    [("The Grayzone", None, "The Grayzone"), ("Political Editor", "Political Editor", None)],
)
def test_a_name_over_its_source_or_post_above_the_dateline_is_one_credit(
    note: str, role: str | None, organization: str | None
) -> None:
    """Headline, the writer's name, the source or post under it, then the dateline: no headline among them."""
    headline = "Storm snarls holiday travel across the north for a second day"
    for top in ([], ["Mon, 25 Dec 2023"]):  # also when the dateline displaces a masthead's date
        page = ["Welcome to example.com", *top, headline, "Max Blumenthal", note, "Thu, 14 May 2020", *ARTICLE[1:]]
        record = convert("\n".join(page).encode())
        assert (record.title, record.published) == (headline, "2020-05-14")
        assert [(b.name, b.role, b.organization) for b in record.bylines] == [("Max Blumenthal", role, organization)]
        assert record.provenance.fields["bylines[0]"].evidence == f"Max Blumenthal\n{note}"  # both lines
        assert [block.text for block in record.body] == ARTICLE[1:]


@pytest.mark.parametrize(
    ("lines", "credits"),
    [
        # an agency after the pipe is no picture's credit when the line is a byline
        (["By John Smith and Jane Doe | Reuters"], [("John Smith", None, "Reuters"), ("Jane Doe", None, "Reuters")]),
        # the agency on the line under the byline
        (["By JOHN SMITH", "Associated Press", "March 3, 2020"], [("John Smith", None, "Associated Press")]),
        (["By John Smith", "Senior Reporter", "March 3, 2020"], [("John Smith", "Senior Reporter", None)]),
        # a name with its source after a comma, under the dateline
        (["Tuesday, March 3, 2020", "John Smith, The Daily Courier"], [("John Smith", None, "The Daily Courier")]),
        (["John Smith - Mar 3, 2020 - 4 min read"], [("John Smith", None, None)]),
    ],
)
def test_credits_with_their_agency_or_post_in_the_head(
    lines: list[str], credits: list[tuple[str, str | None, str | None]]
) -> None:
    headline = "Storm snarls holiday travel across the north for a second day"
    record = convert("\n".join(["Welcome to example.com", headline, *lines, *ARTICLE[1:]]).encode())
    assert record.title == headline
    assert [(b.name, b.role, b.organization) for b in record.bylines] == credits
    assert [block.text for block in record.body] == ARTICLE[1:]
    evidence = "\n".join(field.evidence for field in record.provenance.fields.values())
    assert all(line in evidence for line in lines)  # each line is a field's evidence


def test_a_gallerys_caption_repeated_under_each_picture_is_no_headline_and_no_text() -> None:
    """A gallery prints its caption once a picture, then its pager; the headline above stays the title."""
    headline = "Storm snarls holiday travel across the north for a second day"
    gallery = ["Weather threatens holiday plans"] * 8 + ["<<", "<", *map(str, range(1, 9)), ">", ">>"]
    page = ["Welcome to example.com", headline, "By Jane Doe", "November 28, 2013", *gallery, *ARTICLE[1:]]
    record = convert("\n".join(page).encode())
    assert record.title == headline
    assert [block.text for block in record.body] == ARTICLE[1:]
    page = ["Welcome to example.com", headline, "November 28, 2013", ARTICLE[1], *gallery, ARTICLE[2]]
    record = convert("\n".join(page).encode())
    assert [block.text for block in record.body] == ARTICLE[1:]
    assert {item.rule for item in record.provenance.removed if item.text == gallery[0]} == {"menu-list"}


def test_the_bylines_biography_under_its_label_is_an_author_box() -> None:
    tail = ["About the author", "Jane Roe is a freelance journalist based in Leeds."]
    page = ["Welcome to example.com", ARTICLE[0], "By Jane Roe in Leeds", "March 3, 2020", *ARTICLE[1:], *tail]
    record = convert("\n".join(page).encode())
    assert [byline.name for byline in record.bylines] == ["Jane Roe"]  # the place she filed from is no name
    assert [block.text for block in record.body] == ARTICLE[1:]
    assert [(item.text, item.rule) for item in record.provenance.removed][-2:] == [(t, "author-box") for t in tail]
    # a contributor's credit under the text is no byline of the story
    page = ["Welcome to example.com", ARTICLE[0], "March 3, 2020", *ARTICLE[1:], "Additional reporting by Tom Roe"]
    assert not convert("\n".join(page).encode()).bylines


def test_a_kicker_over_the_headline_is_not_the_headline_over_a_standfirst() -> None:
    headline = "'The American friends': New files expose the security team behind the operation"
    page = ["Welcome to example.com", "Puppet Masters", headline, "May 14, 2020", *ARTICLE[1:]]
    record = convert("\n".join(page).encode())
    assert (record.title, record.subtitle) == (headline, None)
    # a sentence under a short headline is still its standfirst
    standfirst = "The files show how the team watched the embassy for three years."
    page = ["Welcome to example.com", "Puppet Masters", standfirst, "May 14, 2020", *ARTICLE[1:]]
    record = convert("\n".join(page).encode())
    assert (record.title, record.subtitle) == ("Puppet Masters", standfirst)


def test_a_breadcrumb_printed_as_a_numbered_list() -> None:
    """A text browser prints a page's BreadcrumbList as an ordered list: one crumb a line, numbered from home."""
    crumbs = ["1. Home", "2. Weather", "3. Storm snarls holiday travel"]
    # the headline repeats the last crumb (and a menu pass took it for one more short menu line)
    page = ["Newsletter", "Video", "Podcasts", *crumbs, ARTICLE[0], "June 20, 2019", *ARTICLE[1:]]
    record = convert("\n".join(page).encode())
    assert (record.title, record.section, record.published) == (ARTICLE[0], "Weather", "2019-06-20")
    assert [block.text for block in record.body] == ARTICLE[1:]
    removed = {item.text: item.rule for item in record.provenance.removed}
    assert [removed.get(crumb) for crumb in crumbs] == ["breadcrumb"] * 3
    # the crumb shortens the headline: the line holding most of its words is the headline
    headline = "Storm snarls holiday travel across the north for a second day"
    page = ["1. Home", "2. Weather", "3. Storm snarls holiday travel", "June 20, 2019", headline, *ARTICLE[1:]]
    assert convert("\n".join(page).encode()).title == headline


def test_a_caption_printed_again_with_its_credit_run_in_is_no_title() -> None:
    caption = "The sun rises over an oil field in the Monterey Shale near Lost Hills, California."
    page = [ARTICLE[0], caption, caption + "David McNew\u2014Getty Images", "By LYNNE O'DONNELL", *ARTICLE[1:]]
    record = convert("\n".join(page).encode())
    assert record.title == ARTICLE[0]
    # a kicker the headline starts with is no repeat: the headline is still the headline
    page = ["Brexit", "Brexit talks resume in Brussels as deadline nears", "By LYNNE O'DONNELL", *ARTICLE[1:]]
    assert convert("\n".join(page).encode()).title == "Brexit talks resume in Brussels as deadline nears"


def test_the_head_above_a_video_playlist_is_read() -> None:
    """A byline over its dateline further up than the head window, past a playlist's titles, is read as a pair,
    with the headline above it; the name label over the byline is neither title nor standfirst."""
    headline = "Takeaways from the minister's testimony in the fraud trial"
    playlist = [f"Video {n}: the senator speaks to reporters after the vote" for n in range(12)]
    head = [headline, "Jane Doe Mark Roe", "By Jane Doe and Mark Roe, CNN", "Updated 4:48 PM EST, Mon November 6, 2023"]
    record = convert("\n".join([*head, *playlist, *ARTICLE[1:]]).encode())
    assert (record.title, record.subtitle) == (headline, None)
    assert [b.name for b in record.bylines] == ["Jane Doe", "Mark Roe"]
    assert record.published == "2023-11-06T16:48-05:00"


def test_a_short_line_under_the_headline_is_neither_title_nor_standfirst() -> None:
    headline = "Faker wins a fourth title as T1 become your world champions!"
    page = [headline, "Same tears, different emotions.", "By Jane Doe November 19, 2023 7:18 pm", *ARTICLE[1:]]
    record = convert("\n".join(page).encode())
    assert (record.title, record.published) == (headline, "2023-11-19T19:18")


@pytest.mark.parametrize("bullet", ["", "* "])
def test_a_headline_a_menu_run_took_in(bullet: str) -> None:
    """The menu's last lines, right above the byline: the section, the headline and its time. A bulleted
    line there is a menu item, and a line above the run stays the best guess."""
    site = "Example Broadcasting: the news, the sport and the weather, every day"
    headline = "Storm snarls holiday travel plans"
    menu = ["News", "Sport", "Weather", "Riga", "-2 °C", "More", bullet + headline, "Today, 17:40", "World"]
    record = convert("\n".join([site, *menu, "Autori: Jane Doe (weather editor)", *ARTICLE[1:]]).encode())
    assert record.title == (site if bullet else headline)
    assert [byline.name for byline in record.bylines] == ["Jane Doe"]
    assert [block.text for block in record.body] == ARTICLE[1:]


def test_a_byline_printed_as_an_item_of_the_heads_list() -> None:
    page = [ARTICLE[0], "* 8. April 2019", "* Von Jane Doe und John Roe", *ARTICLE[1:]]
    record = convert("\n".join(page).encode())
    assert [byline.name for byline in record.bylines] == ["Jane Doe", "John Roe"]
    assert (record.title, record.published) == (ARTICLE[0], "2019-04-08")
    assert [block.text for block in record.body] == ARTICLE[1:]


def test_a_comment_counter_under_the_headline_is_no_title() -> None:
    standfirst = "Crews cleared the runways overnight, and the first flights left on time this morning."
    page = [ARTICLE[0], "New, 74 comments", standfirst, "By Jane Doe Jul 3, 2019, 4:22am EDT", *ARTICLE[1:]]
    record = convert("\n".join(page).encode())
    assert (record.title, record.subtitle) == (ARTICLE[0], standfirst)
    assert [block.text for block in record.body] == ARTICLE[1:]


def test_the_line_repeating_the_breadcrumbs_last_item_is_the_headline() -> None:
    """Wherever it sits: here under the dateline, with the blog's name above."""
    headline = "Storm snarls holiday travel across the region"
    page = [f"Home » Weather » {headline}", "Fashion Blog & Lifestyle Blog Dresden", "17. Mai 2019", headline]
    record = convert("\n".join([*page, *ARTICLE[1:]]).encode())
    assert (record.title, record.published) == (headline, "2019-05-17")
    assert [block.text for block in record.body] == ARTICLE[1:]


def test_a_site_and_section_line_above_the_headline_is_no_title() -> None:
    headline = "Storm snarls holiday travel across the whole region"
    page = ["Example Times / News", headline, "Wednesday 27 November 2013", *ARTICLE[1:]]
    record = convert("\n".join(page).encode())
    assert record.title == headline
    assert record.published == "2013-11-27"


def test_headlines_in_scripts_without_case() -> None:
    # Chinese, Arabic and Thai have no capitals: a headline is led by a letter of any case-less script
    chinese = [
        "评论 > 海外观察",
        "外国专家：中美合作共赢符合国际社会利益",
        "在美国旧金山举行的中美元首会晤吸引了全世界的目光。多名外国专家告诉记者，中美合作共赢符合国际社会利益，美方应当采取更多行动，两国关系才能稳定发展。"
        "专家们认为，两国在气候变化、公共卫生和贸易等领域的合作前景广阔，对世界经济的复苏也有重要意义。",
        "美中合作基金会执行主席认为，共同繁荣还是互相毁灭，这是两国面临的抉择。众所周知，二十一世纪的金融往来和军事技术发展让超级大国也无法在冲突中成为赢家，"
        "合作才是唯一的出路。",
    ]
    record = convert("\n".join(chinese).encode())
    assert record.title == chinese[1]
    assert [block.text for block in record.body] == chinese[2:]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("外国专家：中美合作共赢符合国际社会利益", True),
        ("معارضون يسيطرون على مخازن للصواريخ بريف دمشق", True),
        ("中美合作共赢符合国际社会利益。", False),  # a full stop closes a sentence, in any script
        ("the minister said on Monday", False),
        ("iOS 13 will fix the FaceTime eye contact problem", True),  # a name in camel case leads it
        ("eBay sells its classifieds business", True),
        ("ebay sells its classifieds business", False),
    ],
)
def test_headline_shape_across_scripts(line: str, expected: bool) -> None:
    assert is_headline(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Jun 13, 4:03 PM EDT", True),
        ("Updated 10:39am", True),
        ("Montag 14:05 Uhr", True),
        ("Today, 17:40", True),
        ("Gestern, 09:12 Uhr", True),
        ("Match at 14:00", False),
    ],
)
def test_time_lines(line: str, expected: bool) -> None:
    assert is_time_line(line) is expected


def test_the_papers_imprint_is_no_byline_and_a_post_verb_is_no_role() -> None:
    """'Herausgegeben von ...' names the paper's publishers, not the article's authors."""
    imprint = "Herausgegeben von Gerald Braunberger, Berthold Kohler"
    headline = "Storm snarls holiday travel across the region's airports"
    page = [imprint, "Politik", "Wirtschaft", headline, "* Von Jane Doe und John Roe", *ARTICLE[1:]]
    record = convert("\n".join(page).encode())
    assert [byline.name for byline in record.bylines] == ["Jane Doe", "John Roe"]
    assert (record.title, [block.text for block in record.body]) == (headline, ARTICLE[1:])
    posted = convert("\n".join([ARTICLE[0], "Posted by Jane Doe", *ARTICLE[1:]]).encode())
    assert [(byline.name, byline.role) for byline in posted.bylines] == [("Jane Doe", None)]


def test_a_byline_under_the_summary_points_is_read_past_their_empty_bullets() -> None:
    """The head below the region's start is counted in lines with words: empty bullets do not push it away."""
    points = [
        "* Rail rivals fear that the new timetable will favour the state operator over private lines.",
        "* Passengers would not gain from the plan either, the rivals argue in a letter to the ministry.",
    ]
    page = [ARTICLE[0], *points, "*", "*", "By Jane Doe", *ARTICLE[1:]]
    record = convert("\n".join(page).encode())
    assert [byline.name for byline in record.bylines] == ["Jane Doe"]
    assert [block.text for block in record.body] == [point[2:] for point in points] + ARTICLE[1:]


@pytest.mark.parametrize(
    "box",
    [
        ["Jane Doe", "Jane Doe joined the paper in 2001 and has covered transport policy since 2016.", "* Follow on X"],
        ["Author", "Jane Doe", "Jane is the co-founder of a consultancy for rail operators."],
        ["Jane Doe", "Redakteurin in der Wirtschaft.", "* F.A.Z."],
    ],
)
def test_a_box_about_the_author_leaves_the_body(box: list[str]) -> None:
    page = [ARTICLE[0], "By Jane Doe", ARTICLE[1], *box, ARTICLE[2]]
    record = convert("\n".join(page).encode())
    assert [byline.name for byline in record.bylines] == ["Jane Doe"]
    assert [block.text for block in record.body] == ARTICLE[1:]
    assert [item.text for item in record.provenance.removed if item.rule == "author-box"] == box


def test_the_authors_name_alone_is_no_box() -> None:
    """Without a label or a biography the name line may be anything (a crosshead, a quoted speaker)."""
    page = [ARTICLE[0], "By Jane Doe", ARTICLE[1], "Jane Doe", ARTICLE[2]]
    record = convert("\n".join(page).encode())
    assert "author-box" not in {item.rule for item in record.provenance.removed}


def test_a_line_of_tags_around_invisible_characters_is_stray_html() -> None:
    bookmark = '<span data-mce-type="bookmark" class="mce_SELRES_start">\ufeff</span>'
    page = [ARTICLE[0], ARTICLE[1], bookmark + bookmark, ARTICLE[2]]
    record = convert("\n".join(page).encode())
    assert [block.text for block in record.body] == ARTICLE[1:]
    assert [item.rule for item in record.provenance.removed] == ["stray-html"]


def test_empty_bullets_are_items_of_a_menu() -> None:
    """Share icons print as lone bullets: with a worded item they make a menu, and the headline above stays the title."""
    page = [ARTICLE[0], "*", "*", "*", "* Feedback", *ARTICLE[1:]]
    record = convert("\n".join(page).encode())
    assert record.title == ARTICLE[0]
    assert [item.rule for item in record.provenance.removed] == ["menu-list"] * 4


def test_a_read_more_link_lists_only_the_next_teasers_head() -> None:
    """Under "Read more" come the next teaser's kicker, headline and date, not the rest of the page."""
    excerpt = "Another story's excerpt runs on for a sentence or two about something else entirely, then stops."
    headline = "Storm snarls holiday travel across the region's airports"
    page = [excerpt, "Read more", "Weather", "Rail strikes", "Airports", headline, "By Jane Doe", *ARTICLE[1:]]
    record = convert("\n".join(page).encode())
    assert (record.title, [byline.name for byline in record.bylines]) == (headline, ["Jane Doe"])
    assert [block.text for block in record.body] == ARTICLE[1:]


@pytest.mark.parametrize(
    ("line", "name", "role"),
    [
        ("編集委員 中沢克二", "中沢克二", "編集委員"),
        ("记者 王小明", "王小明", "记者"),
        ("홍길동 기자", "홍길동", "기자"),
    ],
)
def test_bylines_in_chinese_japanese_and_korean(line: str, name: str, role: str) -> None:
    record = convert("\n".join([ARTICLE[0], line, *ARTICLE[1:]]).encode())
    assert [(byline.name, byline.role) for byline in record.bylines] == [(name, role)]
    assert (record.title, [block.text for block in record.body]) == (ARTICLE[0], ARTICLE[1:])


@pytest.mark.parametrize("line", ["記者会見", "新聞記者", "记者 王小明报道"])
def test_cjk_lines_that_are_not_bylines(line: str) -> None:
    assert parse_byline(line) is None


def test_the_link_back_to_the_home_page_ends_the_article() -> None:
    teasers = [
        "Greta Thunberg will Fridays for Future als Marke schützen lassen, und die Behörde sieht das offenbar auch so.",
        "Der Brexit ist definitiv im Rollen, und der Austritt dürfte auch beim Fahrradhändler Spuren hinterlassen.",
    ]
    page = [
        *ARTICLE,
        "Zur Startseite",
        "Weitere Themen",
        "Marke : Thunberg",
        teasers[0],
        "Brexit : Strampeln",
        teasers[1],
    ]
    record = convert("\n".join(page).encode())
    assert [block.text for block in record.body] == ARTICLE[1:]


def test_a_bulleted_related_list_goes_on_through_an_item_that_reads_as_a_sentence() -> None:
    items = [
        "* Digital radio switch-off demanded",
        "* Is the press really blind in the right eye, asks the week?",
        "* Strike at the agency",
    ]
    record = convert("\n".join([*ARTICLE, "Meistgelesen", *items]).encode())
    assert [block.text for block in record.body] == ARTICLE[1:]
    assert [item.rule for item in record.provenance.removed] == ["related-block"] * 4


def test_a_box_about_an_author_no_byline_names_ends_the_text() -> None:
    bio = ["Inga Roe", "Inga Roe ist Head of Social bei der Zeitung und testet in ihrer freien Zeit Küchengeräte."]
    record = convert("\n".join([*ARTICLE, *bio, "Meistgelesen", "* Digital radio switch-off"]).encode())
    assert [block.text for block in record.body] == ARTICLE[1:]
    assert [item.text for item in record.provenance.removed if item.rule == "author-box"] == bio


def test_a_name_over_a_paragraph_about_that_person_inside_the_text_stays() -> None:
    """A profile in a list of people ("Jane Roe" / "Jane Roe founded ...") is the article when text follows."""
    person = ["Jane Roe", "Jane Roe founded the rail consultancy in 2010 and has advised three ministers since then."]
    record = convert("\n".join([ARTICLE[0], ARTICLE[1], *person, ARTICLE[2]]).encode())
    assert "author-box" not in {item.rule for item in record.provenance.removed}


@pytest.mark.parametrize("tail", [[], ["DER SPIEGEL 52/2018", "Alle Rechte vorbehalten"]])
def test_a_byline_under_the_text_signs_it(tail: list[str]) -> None:
    record = convert("\n".join([*ARTICLE, "Von Jane Roe", *tail]).encode())
    assert [byline.name for byline in record.bylines] == ["Jane Roe"]
    assert [block.text for block in record.body] == ARTICLE[1:]


def test_a_long_line_without_any_punctuation_is_no_text() -> None:
    options = "Zeitraum alles letzte Woche letzter Monat letztes Jahr seit 2005 vor 2005 vor 2000 vor 1995 vor 1990 "
    assert not is_good(options + "vor 1980 vor 1970 vor 1960 vor 1950 vor 1940 vor 1930")
    assert is_good("ในวันนี้ " * 30)  # a script that writes no punctuation


def test_a_short_headline_repeating_the_breadcrumbs_item_in_a_menu_run_is_the_title() -> None:
    menu = ["* Nachrichten", "* DER SPIEGEL", "* Ein Albtraum", "* PDF drucken", "22.12.2018", "Ein Albtraum"]
    record = convert("\n".join([*menu, *ARTICLE[1:]]).encode())
    assert (record.title, record.published) == ("Ein Albtraum", "2018-12-22")
    assert [block.text for block in record.body] == ARTICLE[1:]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Breite Qualifikationsprofile sichern die Zukunftsfähigkeit der Händler", "heading"),  # 8 words
        ("Third of Cambridge University staff 'have experienced bullying' in the last year", "related-headline"),
        ("Wes Stressing MP: new friend of Jon Lansman’s", "related-headline"),  # "Name: claim"
    ],
)
def test_a_short_line_between_paragraphs_is_a_crosshead_unless_a_headline_of_another_story(
    line: str, kind: str
) -> None:
    record = convert("\n".join([ARTICLE[0], ARTICLE[1], line, ARTICLE[2]]).encode())
    removed = [item.rule for item in record.provenance.removed]
    if kind == "heading":
        assert [block.type for block in record.body] == ["paragraph", "heading", "paragraph"]
    else:
        assert removed == [kind] and [block.text for block in record.body] == ARTICLE[1:]


def test_an_agencys_credits_under_its_story_are_part_of_it() -> None:
    credits = "Additional reporting by Jane Roe; Editing by John Roe and Ann Lee"
    record = convert("\n".join([*ARTICLE, credits, "Our Standards: The Trust Principles."]).encode())
    assert [block.text for block in record.body] == [*ARTICLE[1:], credits]


def test_a_dek_under_a_long_headline_is_the_subtitle() -> None:
    headline, dek = "iOS 13 will fix the FaceTime eye contact problem", "Fake eye contact for improved intimacy"
    page = [headline, "New, 74 comments", dek, "By Jane Doe Jul 3, 2019, 4:22am EDT", *ARTICLE[1:]]
    record = convert("\n".join(page).encode())
    assert (record.title, record.subtitle) == (headline, dek)
    assert [block.text for block in record.body] == ARTICLE[1:]


def test_a_breadcrumb_run_into_the_headline_it_repeats_is_no_title() -> None:
    headline = "Storm snarls holiday travel across the region's airports"
    page = [f"HomeLatest News {headline}", headline, "Jane Roe October 06, 2018", *ARTICLE[1:]]
    record = convert("\n".join(page).encode())
    assert (record.title, record.subtitle) == (headline, None)


@pytest.mark.parametrize(
    ("over_the_date", "bylines"),
    [
        ("North Korea", []),  # the section over the date, as the page's menu lists it
        ("Jane Roe", ["Jane Roe"]),  # a name no menu lists signs the story
    ],
)
def test_a_section_over_the_dateline_is_no_byline(over_the_date: str, bylines: list[str]) -> None:
    menu = ["* Politics", "* North Korea", "* Sports", "* Culture"]
    head = [ARTICLE[0], f"{over_the_date} 09:31 August 20, 2019"]
    record = convert("\n".join([*menu, *head, *ARTICLE[1:]]).encode())
    assert [credit.name for credit in record.bylines] == bylines
    assert record.published == "2019-08-20T09:31"
    assert [block.text for block in record.body] == ARTICLE[1:]


def test_a_dateline_with_its_place_and_a_section_trail_over_the_headline() -> None:
    """A dateline opening with date and time may go on with its place and tags; the menu items run together
    over the headline ("News War Video") are no headline, so the headline is the title, not the standfirst."""
    menu = ["* World News", "* War and Conflict", "* Video", "* Sport", "* Culture", "* Business", "* Science"]
    headline = "Two bombers kill 31 people at a festival in north-east Nigeria"
    head = ["World News War and Conflict Video", headline, "June 18, 2018 10:01 KANO, Nigeria [ Nigeria Africa ]"]
    record = convert("\n".join([*menu, *head, *ARTICLE[1:]]).encode())
    assert (record.title, record.subtitle, record.published) == (headline, None, "2018-06-18T10:01")
    assert [block.text for block in record.body] == ARTICLE[1:]


def test_a_related_opener_listed_in_a_menu_opens_no_block() -> None:
    """ "+ Most read" among a menu's items is a link to a page, not the head of a block that lists what follows."""
    menu = ["* News", "+ Most read", "+ Politics", "+ Sport", "* Culture", "+ Books"]
    head = ["Council votes to close the old bridge for repairs", "By Jane Roe"]
    record = convert("\n".join([*menu, *head, *ARTICLE[1:]]).encode())
    assert (record.title, [credit.name for credit in record.bylines]) == (head[0], ["Jane Roe"])
    assert [block.text for block in record.body] == ARTICLE[1:]


@pytest.mark.parametrize(
    ("items", "dropped"),
    [
        # the latest posts, newest first, a day label between
        (["* 16h30 Storm closes the coast road for a week as engineers inspect the damaged sea wall",
          "* 13h00 Council delays the vote on the new housing plan after a long and heated debate",
          "Yesterday",
          "* 18h22 Ferry service resumes after repairs to the harbour wall took longer than expected",
          "* 09:15 Schools in the north reopen after the heating systems were repaired over the weekend"], True),
        # the same as a browser's copy prints it, without markers: each item a headline
        (["16h30 Storm closes the coast road for a week",
          "13h00 Council delays the vote on the new housing plan",
          "Vendredi dernier",
          "18h22 Ferry service resumes after repairs to the harbour wall",
          "09:15 Schools in the north reopen"], True),
        # a live blog's timed entries, newest first: sentences, not headlines
        (["16:30 The coast road is closed for a week, the council said, as engineers inspect the sea wall.",
          "13:00 Councillors delayed the vote on the housing plan after a long and heated debate today.",
          "09:15 Schools in the north reopened after the heating systems were repaired over the weekend."], False),
        # a programme in the article: earliest first
        (["* 10:30 Doors open and coffee is served in the main hall of the old town library",
          "* 11:00 The mayor speaks about the storm and what the council will do to repair the roads",
          "* 12:30 Lunch with the residents' association and a walk along the repaired sea wall"], False),
    ],
)  # fmt: skip
def test_a_ticker_of_the_latest_posts_is_no_part_of_the_article(items: list[str], dropped: bool) -> None:
    record = convert("\n".join([*ARTICLE[:2], *items, *ARTICLE[2:]]).encode())
    kept = [block.text for block in record.body]
    assert (kept == ARTICLE[1:]) is dropped
    if dropped:
        assert {item.rule for item in record.provenance.removed} == {"dated-listing"}


@pytest.mark.parametrize(
    ("line", "crumbs"),
    [
        ("Home > News / Politics", ["Home", "News", "Politics"]),
        ("Nachrichten » Politik » Ausland", ["Nachrichten", "Politik", "Ausland"]),
        ("08/01/2014 Miquel Roca: «La Infanta Cristina quiere que se haga justicia»", None),  # a date, a quote
        ("Patricio Candia | Palma de Mallorca | 08/01/2014", None),  # a byline, its place and its date
    ],
)
def test_breadcrumbs_are_paths_not_dates_or_quotes(line: str, crumbs: list[str] | None) -> None:
    assert parse_breadcrumb(line) == crumbs


@pytest.mark.parametrize("furniture_above", [True, False])
def test_a_biography_under_the_posts_furniture_is_an_author_box(furniture_above: bool) -> None:
    """The byline's author told about after the post's tags and before the comments; right under the
    text, the same paragraph may be the story's own last word, and stays."""
    bio = "Jane Roe is a reporter covering transport and the city council, and has written about storms for ten years."
    tags = ["Tags: storms, transport, council"] if furniture_above else []
    head = [ARTICLE[0], "By Jane Roe"]
    record = convert("\n".join([*head, *ARTICLE[1:], *tags, bio, "Leave a Reply"]).encode())
    kept = [block.text for block in record.body]
    assert kept == (ARTICLE[1:] if furniture_above else [*ARTICLE[1:], bio])
    assert any(item.rule == "author-box" for item in record.provenance.removed) is furniture_above


def test_a_listing_item_printed_without_its_date_is_still_the_listings() -> None:
    listing = _listing("tornadoes", "power cuts")
    listing += ["Food in a weather emergency", "All you need to know about keeping your food safe to eat."]
    listing += _listing("flooded roads", "lightning")
    record = convert("\n".join([*ARTICLE, "Part of complete coverage on", *listing, "© 2014 Example"]).encode())
    assert [block.text for block in record.body] == ARTICLE[1:]
    assert {item.rule for item in record.provenance.removed if item.text in listing} == {"dated-listing"}


@pytest.mark.parametrize(
    ("head", "published", "bylines"),
    [
        ([ARTICLE[0]], "2006-07-29T14:26", ["Malte Welding"]),  # the post's meta under the text
        ([ARTICLE[0], "3 March 2005"], "2005-03-03", []),  # a dateline in the head comes first
    ],
)
def test_a_blogs_post_meta_under_the_text_dates_and_signs_it(
    head: list[str], published: str, bylines: list[str]
) -> None:
    page = [*head, *ARTICLE[1:], "Malte Welding | 29.07.2006 um 14:26", "1 Kommentar", "Leave a Reply"]
    record = convert("\n".join(page).encode())
    assert (record.published, [credit.name for credit in record.bylines]) == (published, bylines)
    assert [block.text for block in record.body] == ARTICLE[1:]


def test_a_first_name_before_am_is_no_byline_in_a_post_line() -> None:
    found = parse_post_meta("Von Christian am 03.05.2013, 11:51 | 0 Meinungen | Energie sparen")
    assert found is not None and found[0] == [] and found[1].published == "2013-05-03T11:51"


def test_a_posts_dateline_inside_the_text_region_is_its_metadata() -> None:
    """The region begins at a site's intro above the post: the post's headline and its dateline with a byline
    are read as the head, not kept as text."""
    intro = (
        "Indonesia is a treasure chest of biodiversity, home to between ten and fifteen per cent of all known "
        "plants, mammals and birds, and its forests are under threat from the palm oil and paper industries."
    )
    more = (
        "The mass destruction of its rainforests and carbon-rich peatlands for palm oil and paper is wiping out "
        "the habitats of orangutans, tigers and elephants, and the lives of millions who depend on them."
    )
    headline, dateline = "Palm oil company promises to protect forests", "Blog entry by Jane Roe | 28 April, 2017"
    site = [intro, more, intro.replace("Indonesia", "Borneo"), more.replace("its", "Borneo's")]
    record = convert("\n".join([*site, headline, dateline, *ARTICLE[1:]]).encode())
    assert (record.title, record.published) == (headline, "2017-04-28")
    assert [credit.name for credit in record.bylines] == ["Jane Roe"]
    assert [block.text for block in record.body] == [*site, *ARTICLE[1:]]


# --- hard-wrapped scrapes (lynx -dump, w3m -dump, html2text, fmt) ---------------------------------


@pytest.mark.parametrize("width", [60, 72, 79, 100])
@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda path: path.name[:3])
def test_a_seed_hard_wrapped_as_text_browsers_print_it_gives_the_seed_s_record(seed: Path, width: int) -> None:
    """Seed 001 has no blank line between its paragraphs, so a paragraph's last line filling the width and
    the next one starting a sentence are told apart by the sentence's end, not by a blank line."""
    data = seed.read_bytes()
    plain, wrapped = convert(data), convert(hard_wrap(data.decode("utf-8"), width).encode("utf-8"))
    fields = ("title", "subtitle", "section", "bylines", "published", "updated", "outlet", "body")
    assert [getattr(wrapped, name) for name in fields] == [getattr(plain, name) for name in fields]
    assert "unwrapped" in wrapped.provenance.normalizations
    assert "unwrapped" not in plain.provenance.normalizations


LYNX_PAGE = """\
   Home | World | Business

Storm closes the coastal road for a second day

   By Jane Doe

   The coastal road between the two harbour towns stayed closed
   on Tuesday after a storm washed away part of the sea wall, the
   county council said on its website. Engineers expect the well-
   known route to reopen at the weekend, once the wall has been
   inspected.

     * Buses run a replacement service every half hour from the
       station in the lower town.
     * Ferries add two sailings.

   The council said repairs to the sea wall would cost about two
   million pounds and take most of the winter, and that the road
   would stay open.
"""


def test_a_page_printed_by_a_text_browser_is_read_as_its_lines_unbroken() -> None:
    record = convert(LYNX_PAGE.encode())
    assert record.title == "Storm closes the coastal road for a second day"
    assert [(block.type, block.text) for block in record.body] == [
        (
            "paragraph",
            "The coastal road between the two harbour towns stayed closed on Tuesday after a storm washed away "
            "part of the sea wall, the county council said on its website. Engineers expect the well-known route "
            "to reopen at the weekend, once the wall has been inspected.",
        ),
        ("list_item", "Buses run a replacement service every half hour from the station in the lower town."),
        ("list_item", "Ferries add two sailings."),
        (
            "paragraph",
            "The council said repairs to the sea wall would cost about two million pounds and take most of the "
            "winter, and that the road would stay open.",
        ),
    ]
    assert "unwrapped" in record.provenance.normalizations
    (joint,) = [item for item in record.provenance.removed if item.rule == "line-wrap"]
    assert joint.text == "\n   "  # after the hyphen: "well-known" comes back whole
    assert LYNX_PAGE.encode()[joint.span.start : joint.span.end] == b"\n   "


W3M_NUMBER_PAGE = """\
Storm closes the coastal road for a second day

The coastal road between the two harbour towns stayed closed on Tuesday after
a storm washed away part of the sea wall, the county council said, and a crane
that had stood on the pier since the spring fell onto the old warehouse on the
4. Avenue, where the fire brigade kept the crowds back for most of the morning.

Engineers expect the road to reopen at the weekend, once the wall has been
inspected and the crane lifted away, the council said in a statement:

1. Buses run a replacement service every half hour from the lower town.
2. Ferries add two sailings on Saturday and Sunday to the harbour towns.
"""


def test_a_wrapped_line_opening_with_a_number_goes_on_with_its_sentence() -> None:
    """w3m broke the line before "4. Avenue": the line above ends in a word, so it is no list's point 4;
    after a colon, "1." and "2." are the points of a list."""
    record = convert(W3M_NUMBER_PAGE.encode())
    texts = [(block.type, block.text) for block in record.body]
    assert texts[0][1].endswith(
        "on the 4. Avenue, where the fire brigade kept the crowds back for most of the morning."
    )
    assert [text for kind, text in texts if kind == "list_item"] == [
        "Buses run a replacement service every half hour from the lower town.",
        "Ferries add two sailings on Saturday and Sunday to the harbour towns.",
    ]


def test_short_lines_that_were_never_wrapped_stay_apart() -> None:
    """A column of short lines (a poem, a list, a page without long paragraphs) is not a wrapped page."""
    lines = [
        "Storm closes the coastal road",
        "The road stayed closed on Tuesday.",
        "Engineers inspected the sea wall.",
        "the council said repairs would take weeks",
        "Buses run every half hour.",
        "Ferries add two sailings.",
    ]
    record = convert("\n".join(lines).encode())
    assert "unwrapped" not in record.provenance.normalizations


# A page as BeautifulSoup's get_text("\\n") prints it: a line ends at every tag, so a paragraph with a link or
# an emphasis comes out in pieces, and blank lines (the white space between block tags) part the paragraphs.
SPLIT_AT_TAGS = "\n".join(
    [
        "Home",
        "World",
        "",
        "Storm closes the coastal road for a second day",
        "",
        "",
        "",
        "The coastal road between the two harbour towns stayed closed on Tuesday after a storm washed away part of",
        "the",
        "sea wall",
        ", the county council said. The detour adds forty minutes for ",  # the piece ends in a space
        "commuters",
        " and for the buses that serve the villages.",  # and this one starts with one
        "",
        "",
        "",
        "Engineers expect the route to reopen at the weekend, once the wall has been inspected by the",
        "council",
        "'s own surveyors and the damaged section of the road has been cleared of",
        "rocks",
        ".",
        "",
        "",
        "",
        "Residents have been asked to use the inland route through",
        "Millbrook",
        ". The ferry will add two sailings a day until the road reopens; timetables are posted at the harbour office.",
    ]
)


def test_a_scrape_split_at_every_tag_is_joined_back_into_its_paragraphs() -> None:
    record = convert(SPLIT_AT_TAGS.encode())
    assert record.title == "Storm closes the coastal road for a second day"
    assert [block.text for block in record.body] == [
        "The coastal road between the two harbour towns stayed closed on Tuesday after a storm washed away part of "
        "the sea wall, the county council said. The detour adds forty minutes for commuters and for the buses that "
        "serve the villages.",
        "Engineers expect the route to reopen at the weekend, once the wall has been inspected by the council's own "
        "surveyors and the damaged section of the road has been cleared of rocks.",
        "Residents have been asked to use the inland route through Millbrook. The ferry will add two sailings a day "
        "until the road reopens; timetables are posted at the harbour office.",
    ]
    assert "rejoined" in record.provenance.normalizations
    assert "unwrapped" not in record.provenance.normalizations
    # the line end before a piece's comma is a removed piece, so that the comma stays on its word
    assert {item.text for item in record.provenance.removed if item.rule == "line-wrap"} == {"\n"}


def test_a_split_scrape_s_dateline_right_above_its_headline_stays_a_line_of_its_own() -> None:
    """A long line that ends inside a sentence goes on (the page's own HTML broke it there), but a dateline
    ends on a figure or a zone, and the headline under it is no continuation."""
    title = "Storm closes the coastal road for a second day"
    page = SPLIT_AT_TAGS.replace(title, "Nov 7, 2023 2:00 AM\n" + title)
    record = convert(page.encode())
    assert (record.title, record.published) == (title, "2023-11-07T02:00")


def test_a_split_scrape_keeps_a_word_that_starts_with_a_full_stop() -> None:
    """ ".NET" on a line of its own (a link) is a word going on after a space, not a full stop to glue on."""
    paragraph = ["The council moved its parking permits to a system built on the", ".NET", " framework last year."]
    record = convert((SPLIT_AT_TAGS + "\n\n\n" + "\n".join(paragraph)).encode())
    assert (
        record.body[-1].text
        == "The council moved its parking permits to a system built on the .NET framework last year."
    )


def test_a_split_scrape_of_a_page_whose_own_html_is_hard_wrapped_is_joined_both_ways() -> None:
    """The page's source breaks its paragraphs at 53 columns, and the scrape at every tag besides: the wrapped
    lines are joined first (a word broken at its hyphen comes back whole), then the pieces."""
    paragraphs = [
        "The coastal road between the two harbour towns stayed closed on Tuesday after a storm washed away part of "
        "the sea wall, the county council said, and the long-awaited repairs to the old harbour-side promenade and "
        "the well-known seafront shelters will have to wait until the spring",
        "Engineers expect the route to reopen at the weekend, once the wall has been inspected by the council's own "
        "surveyors and the damaged section of the road has been cleared of the rocks the waves left behind, the "
        "harbour master told reporters at the office in",
        "Residents have been asked to use the inland route through the villages, which adds forty minutes to every "
        "journey and has already caused queues at the level crossing near the station run by the",
    ]
    pieces = [
        ["next year", ". Buses will run every half hour."],
        ["Millbrook", "."],
        ["ferry company", ", which has added two sailings a day."],
    ]
    lines = ["Home", "", "Storm closes the coastal road for a second day", ""]
    for paragraph, after in zip(paragraphs, pieces, strict=True):
        lines += [*textwrap.wrap(paragraph, 53), *after, "", ""]
    assert "long-" in [line.split()[-1] for line in lines if line]  # the source broke a word at its hyphen
    record = convert("\n".join(lines).encode())
    assert [block.text for block in record.body] == [
        paragraphs[0] + " next year. Buses will run every half hour.",
        paragraphs[1] + " Millbrook.",
        paragraphs[2] + " ferry company, which has added two sailings a day.",
    ]
    assert {"unwrapped", "rejoined"} <= set(record.provenance.normalizations)


def test_a_scrape_with_one_line_per_block_is_not_read_as_split() -> None:
    """Lines going on in lower case are no evidence alone: a page's own short lines stay apart."""
    lines = [
        "Storm closes the coastal road",
        "The road stayed closed on Tuesday.",
        "the council said repairs would take weeks",
        "Buses run every half hour.",
        ", and more to come",
        "Ferries add two sailings.",
    ]
    record = convert("\n".join(lines).encode())
    assert "rejoined" not in record.provenance.normalizations


LYNX_NUMBERED = """\
   [1]Home [2]World [3]Business

Storm closes the coastal road for a second day

   By [4]Jane Doe

   The coastal road between the two harbour towns stayed closed on
   Tuesday after a storm washed away part of the [5]sea wall, the county
   council said. The detour adds forty minutes and tonnes of CO[2]
   emissions a day, according to the council's own estimate.

   [6]

   Engineers expect the route to reopen at the weekend, once the wall
   has been inspected and the [7]damaged section of the road has been
   cleared of rocks.

References

   Visible links:
   1. https://example.com/
   2. https://example.com/world/
   3. https://example.com/business/
   4. https://example.com/authors/jane-doe/
   5. https://example.com/topics/sea-walls/
   6. https://example.com/images/storm.jpg
   7. https://example.com/2024/03/road-damage/
"""


def test_lynx_s_link_numbers_and_reference_list_are_not_text() -> None:
    """`lynx -dump` numbers each link where it starts and lists the addresses at the end; a number after
    a word (a subscript, a footnote) is the text's own."""
    data = LYNX_NUMBERED.encode()
    record = convert(data)
    assert record.title == "Storm closes the coastal road for a second day"
    assert [byline.name for byline in record.bylines] == ["Jane Doe"]
    assert [block.text for block in record.body] == [
        "The coastal road between the two harbour towns stayed closed on Tuesday after a storm washed away part "
        "of the sea wall, the county council said. The detour adds forty minutes and tonnes of CO[2] emissions "
        "a day, according to the council's own estimate.",
        "Engineers expect the route to reopen at the weekend, once the wall has been inspected and the damaged "
        "section of the road has been cleared of rocks.",
    ]
    numbers = [item for item in record.provenance.removed if item.rule == "link-number"]
    assert {item.text for item in numbers} >= {"[5]", "[6]", "[7]"}
    assert all(data[item.span.start : item.span.end].decode() == item.text for item in numbers)
    listed = [item.text for item in record.provenance.removed if item.rule == "link-list"]
    assert listed[0] == "Visible links:" and len(listed) == 8


W3M_HEAD = """\
  • Weather
  • Local News
  • Investigates
  • Sports
  • Contests
  • Careers

[Search              ] [->]
News

  • Facebook
  • Tweet
  • Email

Storm closes the coastal road for a second day

[img_4402-crop] []
Prev Next
Posted at 2024-03-12T09:15:00-0700
By Jane Doe

The coastal road between the two harbour towns stayed closed on Tuesday after a storm washed away part of the sea wall, the county council said.

Engineers expect the route to reopen at the weekend, once the wall has been inspected and the damaged section of the road has been cleared of rocks.

[logo]
Email address: [                    ] [Subscribe]
"""


def test_a_text_browser_s_placeholders_and_a_byline_among_the_head_s_links() -> None:
    """w3m prints a picture without alternative text as its file name in brackets, a form field as
    brackets around blanks; a carousel's "Prev Next" runs the byline into a list of short lines."""
    record = convert(W3M_HEAD.encode())
    assert record.title == "Storm closes the coastal road for a second day"
    assert [byline.name for byline in record.bylines] == ["Jane Doe"]
    assert record.published == "2024-03-12T09:15:00-07:00"
    assert [block.text for block in record.body] == [
        "The coastal road between the two harbour towns stayed closed on Tuesday after a storm washed away part "
        "of the sea wall, the county council said.",
        "Engineers expect the route to reopen at the weekend, once the wall has been inspected and the damaged "
        "section of the road has been cleared of rocks.",
    ]
    placeholders = [item.text for item in record.provenance.removed if item.rule == "placeholder"]
    assert placeholders == [
        "[Search              ] [->]",
        "[img_4402-crop] []",
        "[logo]",
        "Email address: [                    ] [Subscribe]",
    ]


def test_paragraphs_a_text_browser_broke_in_a_narrow_column_are_joined() -> None:
    """w3m and lynx lay out a table's cells side by side, so an article in a cell is broken at the cell's
    width, narrower than the page's: each block of lines that fill their widest line is joined at it."""
    import textwrap

    intro = (
        "The Coastal Courier is the independent newspaper of the two harbour towns and the villages along "
        "the shore, published every morning since eighteen ninety and online since the spring of two thousand "
        "and one, with news, sport, the weather and the tides."
    )
    body = [
        "The coastal road between the two harbour towns stayed closed on Tuesday after a storm washed away part "
        "of the sea wall, the county council said.",
        "Engineers expect the route to reopen at the weekend, once the wall has been inspected and the damaged "
        "section of the road has been cleared of rocks.",
        "Buses run a replacement service every half hour from the station in the lower town, and the ferry "
        "company has added two sailings a day until then.",
    ]
    page = [*textwrap.wrap(intro, 78), "", "Storm closes the coastal road for a second day", ""]
    for text in body:
        page += [*textwrap.wrap(text, 44), ""]
    record = convert("\n".join(page).encode())
    assert "unwrapped" in record.provenance.normalizations
    assert [block.text for block in record.body][-3:] == body


def test_a_wrapped_japanese_page_is_joined_without_spaces() -> None:
    """w3m breaks text in a wide script at any character, 39 to a line of 78 columns; a paragraph opened
    with an ideographic space goes on at the left edge. Joined back, no space comes between the pieces."""
    paragraphs = [
        "\u3000市議会は火曜日、海岸沿いの道路が二日続けて閉鎖されたと発表した。嵐で防波堤の一部が流され、"
        "技術者が点検を終えるまで通行できないという。迂回路は四十分余計にかかり、住民からは早期の再開を求める声が上がっている。",
        "\u3000市によると、防波堤の修理には約二百万ポンドがかかり、冬の大半を要する見込みだ。"
        "その間も道路は片側で通行できるようにするという。フェリーは一日二便を増便する。",
        "\u3000バスは下町の駅から三十分ごとに代替運行を続けており、市は利用者に時間に余裕を持って出かけるよう呼びかけている。",
    ]

    def broken(paragraph: str) -> list[str]:
        return [paragraph[:38]] + [paragraph[i : i + 39] for i in range(38, len(paragraph), 39)]

    page = ["ホーム | 地域 | 経済", "", "海岸道路、二日続けて閉鎖", ""]
    for paragraph in paragraphs:
        page += [*broken(paragraph), ""]
    record = convert("\n".join(page).encode())
    assert record.title == "海岸道路、二日続けて閉鎖"
    assert [block.text for block in record.body] == [paragraph.lstrip("\u3000") for paragraph in paragraphs]
    assert {item.rule for item in record.provenance.removed} >= {"line-wrap"}


def test_a_breadcrumb_section_not_printed_verbatim_does_not_claim_the_whole_line() -> None:
    """The section read from a breadcrumb is evidence for a piece of a removed line; printed with its white
    space doubled, it cannot be located, and the record says so (no span) rather than claim the whole line,
    which would account for the line twice."""
    page = [
        "Home > World  News > Storm closes the coastal road",
        "Storm closes the coastal road",
        "The coastal road between the two harbour towns stayed closed on Tuesday after a storm washed away "
        "part of the sea wall, the county council said on its website.",
        "Engineers expect the route to reopen at the weekend, once the wall has been inspected and cleared.",
    ]
    data = "\n".join(page).encode()
    record = convert(data)
    assert record.section == "World News"
    (crumb,) = [item for item in record.provenance.removed if item.rule == "breadcrumb"]
    assert crumb.text == page[0]
    assert record.provenance.fields["section"].span is None


MARKDOWN_PAGE = """\
[Home](/) [World](/world) [Business](/business) [Sport](/sport)

![](/static/logo.png)

# Storm closes the coastal road for a second day

By [Jane Doe](/authors/jane-doe)

The coastal road between the two harbour towns stayed closed on Tuesday after a storm washed away part of \
the [sea wall](https://example.com/topics/sea-walls "Sea walls"), the **county council** said.

## Repairs

Engineers expect the route to reopen at the weekend, once the wall has been _inspected_ and the damaged \
section of the road has been cleared, the council said in a statement on its website.

![Waves over the sea wall](https://example.com/images/storm.jpg)
"""


def test_a_markdown_scrape_reads_as_its_words() -> None:
    """html2text and the crawlers feeding language-model corpora write pages as Markdown: links keep their
    text, images, addresses, hashes and emphasis marks are removed pieces, a `#` line is a heading."""
    data = MARKDOWN_PAGE.encode()
    record = convert(data)
    assert record.title == "Storm closes the coastal road for a second day"
    assert [byline.name for byline in record.bylines] == ["Jane Doe"]
    assert [(block.type, block.text) for block in record.body] == [
        (
            "paragraph",
            "The coastal road between the two harbour towns stayed closed on Tuesday after a storm washed away "
            "part of the sea wall, the county council said.",
        ),
        ("heading", "Repairs"),
        (
            "paragraph",
            "Engineers expect the route to reopen at the weekend, once the wall has been inspected and the damaged "
            "section of the road has been cleared, the council said in a statement on its website.",
        ),
    ]
    rules = {item.rule for item in record.provenance.removed}
    assert {"markdown-link", "markdown-emphasis", "markdown-heading", "markdown-image", "link-bar"} <= rules
    for item in record.provenance.removed:
        assert data[item.span.start : item.span.end].decode() == item.text


def test_brackets_in_a_plain_scrape_are_its_text() -> None:
    """Markdown is read only in a scrape written in it: one bracketed link-like aside is text."""
    page = [
        "Storm closes the coastal road for a second day",
        "The coastal road between the two harbour towns stayed closed on Tuesday [see map](below), the council said.",
        "Engineers expect the route to reopen at the weekend, once the wall has been inspected and cleared.",
    ]
    record = convert("\n".join(page).encode())
    assert record.body[0].text == page[1]


def test_a_centred_paragraph_printed_by_w3m_is_joined() -> None:
    """w3m breaks a centred paragraph at the width and centres each line, so their indentation differs;
    centred in the width, they still go on."""
    import textwrap

    paragraph = (
        "American Airlines reported three cancellations on Wednesday, none of them related to the weather, "
        "and said it expected most of its flights to leave on time through the holiday weekend."
    )
    body = [
        "Heavy winds at the three New York airports resulted in delays of thirty minutes to an hour, according "
        "to the aviation authority, which said departures from Philadelphia averaged nearly two hours late.",
        "Rail operators reported no major delays across the network and were adding seats on some of the "
        "busiest routes, using the weather to market their trains to travellers who usually fly home.",
    ]
    page = ["Storm eases before the holiday", ""]
    for text in body[:1]:
        page += [*textwrap.wrap(text, 79), ""]
    page += [*(line.center(80).rstrip() for line in textwrap.wrap(paragraph, 78)), ""]
    for text in body[1:]:
        page += [*textwrap.wrap(text, 79), ""]
    record = convert("\n".join(page).encode())
    assert [block.text for block in record.body] == [body[0], paragraph, body[1]]


def test_a_markdown_scrape_with_whole_list_items_is_unwrapped() -> None:
    """html2text breaks paragraphs at 78 columns but leaves a list item whole, however long: the items'
    lengths do not hide the width the paragraphs were broken at."""
    import textwrap

    paragraphs = [
        "The coastal road between the two harbour towns stayed closed on Tuesday after a storm washed away "
        "part of the sea wall, the county council said in a statement on its website.",
        "Engineers expect the route to reopen at the weekend, once the wall has been inspected and the damaged "
        "section of the road has been cleared of the rocks and sand the waves left behind.",
        "Rail operators reported no major delays across the network and were adding seats on some of the "
        "busiest routes, the operators' association said on Wednesday morning.",
    ]
    comments = [
        f"{number}. {text}"
        for number, text in enumerate(
            [
                "The wall was patched the last time this happened and nobody checked whether the patch would hold "
                "through another winter of storms like the ones we have had since, so none of this is a surprise.",
                "Buses have been running every half hour from the station in the lower town, and the drivers "
                "have been very helpful to everyone, even when the queue stretched all the way round the square.",
                "It would help if the council published the inspection reports for the whole sea wall, not only "
                "for the stretch that failed, so that we can all see which parts are likely to go next winter.",
            ],
            start=1,
        )
    ]
    page = ["[Home](/) [World](/world) [Business](/business)", "", "# Storm closes the coastal road", ""]
    for text in paragraphs:
        page += [*textwrap.wrap(text, 78), ""]
    page += ["## 3 Comments", "", *comments, ""]
    record = convert("\n".join(page).encode())
    assert "unwrapped" in record.provenance.normalizations
    assert [block.text for block in record.body][:3] == paragraphs


def test_a_comment_thread_headed_by_its_count_and_the_post_s_title_is_not_the_article() -> None:
    """Blogs head their comments "9 comments to <the post's title>"; a thread of long comments under such
    a head is not the article, however much longer than the post's own paragraphs its items are."""
    comment = (
        "{name} 15. December 2015 at 11:21 · Reply That is a really impressive solution. I used to build "
        "electronic circuits too, but I would never have thought of this one. The video shows that it works, and "
        "the article has just the right length, unlike the English instructions I read before, which were far "
        "too long and had no pictures at all."
    )
    page = [
        "[Home](/) [Workshop](/workshop) [Links](/links)",
        "",
        "# A virtual wall for the robot vacuum",
        "",
        "Some of our doors must stay closed to the robot vacuum, so I built a virtual wall from an infrared "
        "diode and a small board.",
        "",
        "The parts cost about five euros, and the board sends the same signal as the wall sold in the shops.",
        "",
        "### 3 comments to A virtual wall for the robot vacuum",
        "",
        *(f"  * {comment.format(name=name)}" for name in ("Erkan", "Martin", "Heiner")),
    ]
    record = convert("\n".join(page).encode())
    assert record.title == "A virtual wall for the robot vacuum"
    assert [block.text for block in record.body] == [page[4], page[6]]


def test_a_markdown_link_whose_address_html2text_broke_at_a_hyphen_is_cut_whole() -> None:
    """html2text wraps at 78 columns and breaks a long address after a hyphen; the link still reads as its text."""
    page = """\
[Home](/) [World](/world) [Business](/business)

# Storm closes the coastal road for a second day

The coastal road between the two harbour towns stayed closed on Tuesday after
a storm washed away part of the sea wall, the county council said, [as it did
in 1988](https://example.com/archive/1988/06/24/storm-washes-away-the-coastal-
road-again.html). Engineers expect the route to reopen at the weekend.

Rail operators reported no major delays across the network and added seats on
some of the busiest routes, the [operators' association](/associations/rail)
said on Wednesday.
"""
    record = convert(page.encode())
    assert record.title == "Storm closes the coastal road for a second day"
    assert [block.text for block in record.body] == [
        "The coastal road between the two harbour towns stayed closed on Tuesday after a storm washed away part "
        "of the sea wall, the county council said, as it did in 1988. Engineers expect the route to reopen at "
        "the weekend.",
        "Rail operators reported no major delays across the network and added seats on some of the busiest "
        "routes, the operators' association said on Wednesday.",
    ]
