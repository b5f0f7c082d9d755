"""The HTML converter: metadata precedence, JSON-LD shapes, charsets, the body, and real pages."""

from __future__ import annotations

import json
from typing import Any

import pytest

from corpuskit.convert import REGISTRY, convert_source
from corpuskit.convert._build import SourceInput
from corpuskit.convert._jsonld import article_metadata
from corpuskit.diagnostics import Diagnostic
from corpuskit.models import Article
from tests.helpers import newspaper_data

PARAGRAPHS = [
    "The council voted on Tuesday to approve the new housing plan after a debate that lasted six hours.",
    "Opponents said the plan would overload roads and schools, while supporters pointed to rising rents.",
    "The first homes are expected to be finished in two years, the council said in a statement.",
    "A public consultation on the second phase of the plan will open next month and run until the spring.",
]


def page(head: str = "", body: str | None = None, lang: str = "en") -> bytes:
    paragraphs = "".join(f"<p>{text}</p>" for text in PARAGRAPHS) if body is None else body
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>'
        '<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>'
        f"<article><h1>Council approves housing plan</h1>{paragraphs}</article>"
        "<footer><p>© 2024 Example News. All rights reserved.</p></footer></body></html>"
    ).encode()


def jsonld(data: Any) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def convert(data: bytes, **source: Any) -> Article:
    items = list(convert_source(REGISTRY["html"], SourceInput("page.html", data, **source)))
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def test_body_comes_from_trafilatura_without_page_furniture() -> None:
    article = convert(page())
    texts = [block.text for block in article.body]
    assert texts == PARAGRAPHS
    assert article.provenance.converter.method == "trafilatura"
    assert article.provenance.source.media_type == "text/html"
    assert len(article.provenance.spans) == len(article.body)


def test_headline_repeated_as_first_block_is_dropped_and_recorded() -> None:
    article = convert(page(head="<title>Council approves housing plan</title>"))
    assert article.title == "Council approves housing plan"
    assert article.body[0].text == PARAGRAPHS[0]
    (removed,) = [item for item in article.provenance.removed if item.rule == "repeated-title"]
    data = page(head="<title>Council approves housing plan</title>")
    assert data[removed.span.start : removed.span.end].decode() == "Council approves housing plan"
    assert data.rfind(b"<body") < removed.span.start


@pytest.mark.parametrize(
    ("printed", "text", "rule"),
    [
        # HTML-escaped in the page
        (
            "Read more: Mayor defends the budget &amp; the new tram line",
            "Read more: Mayor defends the budget & the new tram line",
            "related-link",
        ),
        # markup inside: located from its first words to its last
        (
            "Read more: Mayor defends <b>the budget</b> and the new tram line.",
            "Read more: Mayor defends the budget and the new tram line.",
            "related-link",
        ),
        # written without spaces: located from its first characters to its last
        (
            "企業での記事共有や<a href='/r'>転載・複製</a>をご希望の方は、リンク先をご覧ください。",
            "企業での記事共有や転載・複製をご希望の方は、リンク先をご覧ください。",
            "copyright",
        ),
    ],
)
def test_furniture_the_extractor_keeps_is_dropped_and_recorded_where_the_page_prints_it(
    printed: str, text: str, rule: str
) -> None:
    body = f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p><p>{printed}</p><p>{PARAGRAPHS[2]}</p><p>{PARAGRAPHS[3]}</p>"
    data = page(body=body)
    article = convert(data)
    assert [block.text for block in article.body] == PARAGRAPHS
    (removed,) = [item for item in article.provenance.removed if item.rule == rule]
    assert removed.text == text
    assert data[removed.span.start : removed.span.end].decode() == printed


def test_a_related_block_the_extractor_keeps_leaves_with_its_list() -> None:
    items = ["Storm closes the coast road for a week", "The new tram line is worth the cost?", "Ten walks by the river"]
    # an item printed in pieces, whose opening ("The") the page prints earlier too
    listed = ["Storm closes the coast road for a week"]
    listed += ["<span>The</span> <b>new tram line </b><span>is worth the cost?</span>"]
    listed += ["Ten walks by the river"]
    body = "".join(f"<p>{text}</p>" for text in PARAGRAPHS) + "<h2>More Must-Reads From Example</h2>"
    body += "<ul>" + "".join(f"<li>{item}</li>" for item in listed) + "</ul>"
    data = page(body=body)
    article = convert(data)
    assert [block.text for block in article.body] == PARAGRAPHS
    removed = [(item.rule, item.text) for item in article.provenance.removed if item.rule == "related-block"]
    assert removed == [("related-block", "More Must-Reads From Example")] + [("related-block", i) for i in items]
    spans = [item.span for item in article.provenance.removed if item.rule == "related-block"]
    assert data[spans[2].start : spans[2].end].decode() == listed[1].removeprefix("<span>").removesuffix("</span>")


def test_a_dateline_and_a_byline_the_extractor_kept_above_the_text_are_dropped() -> None:
    body = "".join(f"<p>{text}</p>" for text in ["23.10.2018", "Von Jane Roe", *PARAGRAPHS])
    article = convert(page(body=body))
    assert [block.text for block in article.body] == PARAGRAPHS
    removed = [(item.rule, item.text) for item in article.provenance.removed if item.rule != "repeated-title"]
    assert removed == [("dateline", "23.10.2018"), ("byline", "Von Jane Roe")]


def test_a_headline_naming_a_maker_is_no_byline() -> None:
    body = "".join(f"<p>{text}</p>" for text in ["Beef Maker von Aldi im Test", *PARAGRAPHS])
    assert convert(page(body=body)).body[0].text == "Beef Maker von Aldi im Test"


def test_a_comment_form_under_the_text_takes_the_comments_after_it() -> None:
    comments = ["What a waste of money, the roads are full already.", "Finally some homes people can afford!"]
    body = "".join(f"<p>{text}</p>" for text in [*PARAGRAPHS, "Leave a Reply", *comments])
    article = convert(page(body=body))
    assert [block.text for block in article.body] == PARAGRAPHS
    removed = [(item.rule, item.text) for item in article.provenance.removed if item.rule == "comment-form"]
    assert removed == [("comment-form", text) for text in ["Leave a Reply", *comments]]


def test_a_comment_form_above_the_text_takes_nothing() -> None:
    body = "".join(f"<p>{text}</p>" for text in ["Leave a Reply", *PARAGRAPHS])
    assert [block.text for block in convert(page(body=body)).body] == PARAGRAPHS


def test_jsonld_takes_precedence_over_opengraph_and_records_what_it_beat() -> None:
    head = (
        '<meta property="og:title" content="Housing plan approved | Example News">'
        '<meta property="og:site_name" content="Example News">'
        '<meta property="article:published_time" content="2024-03-05T09:00:00+00:00">'
        + jsonld(
            {
                "@context": "https://schema.org",
                "@type": "NewsArticle",
                "headline": "Council approves housing plan",
                "datePublished": "2024-03-05T10:15:00+01:00",
                "dateModified": "2024-03-06",
                "author": [{"@type": "Person", "name": "Ada Okafor", "jobTitle": "Local affairs reporter"}],
                "publisher": {"@type": "Organization", "name": "Example News"},
                "articleSection": ["Local", "Housing"],
                "inLanguage": "en-GB",
            }
        )
    )
    article = convert(page(head=head), url="https://news.example.com/housing")
    assert article.title == "Council approves housing plan"
    assert article.published == "2024-03-05T10:15:00+01:00"
    assert article.updated == "2024-03-06"
    assert [(b.name, b.role) for b in article.bylines] == [("Ada Okafor", "Local affairs reporter")]
    assert article.outlet is not None
    assert (article.outlet.name, article.outlet.domain) == ("Example News", "example.com")
    assert article.section == "Local"
    assert article.language == "en-GB"
    fields = article.provenance.fields
    assert fields["title"].method == "jsonld.headline"
    assert [item.method for item in fields["title"].superseded] == ["meta.og-title"]
    assert fields["published"].superseded[0].evidence == "2024-03-05T09:00:00+00:00"
    assert fields["url"].method == "capture.target-uri"
    # evidence that appears verbatim in the page is located there
    span = fields["published"].superseded[0].span
    assert span is not None and page(head=head)[span.start : span.end] == b"2024-03-05T09:00:00+00:00"


@pytest.mark.parametrize(
    ("printed", "title"),
    [
        ("Council approves housing plan-Example News", "Council approves housing plan"),  # joined without spaces
        ("Example News_Council approves housing plan", "Council approves housing plan"),
        ("Housing plan approved-Example News", "Housing plan approved-Example News"),  # not the page's <h1>
    ],
)
def test_a_title_that_is_the_headline_joined_to_the_site_name_gives_the_headline(printed: str, title: str) -> None:
    # the headline printed twice (a sticky header's copy): the extractor takes the <title> as it stands
    top = "<h1>Council approves housing plan</h1>" * 2
    paragraphs = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    data = (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{printed}</title></head><body>'
        f"<div>{top}</div><article>{paragraphs}</article></body></html>"
    ).encode()
    assert convert(data).title == title


@pytest.mark.parametrize(
    ("url", "published", "method"),
    [
        ("https://news.example.com/2017/7/12/housing-plan", "2017-07-12", "url"),  # minted before: a republication
        ("https://news.example.com/2020/1/5/housing-plan", "2019-06-17T18:28:00+02:00", "jsonld.date-published"),
        ("https://news.example.com/housing-plan", "2019-06-17T18:28:00+02:00", "jsonld.date-published"),
    ],
)
def test_a_date_in_the_address_earlier_than_the_metadata_is_the_published_date(
    url: str, published: str, method: str
) -> None:
    head = jsonld(
        {"@context": "https://schema.org", "@type": "NewsArticle", "datePublished": "2019-06-17T18:28:00+02:00"}
    )
    article = convert(page(head=head), url=url)
    assert (article.published, article.provenance.fields["published"].method) == (published, method)


@pytest.mark.parametrize("separator", [" | ", " -- "])
def test_opengraph_title_loses_the_site_name_and_site_names_never_become_bylines(separator: str) -> None:
    head = (
        f'<meta property="og:title" content="Council approves housing plan{separator}Example News">'
        '<meta property="og:site_name" content="Example News">'
        '<meta name="author" content="Example News">'
    )
    article = convert(page(head=head))
    assert article.title == "Council approves housing plan"
    assert article.bylines == ()
    assert article.outlet is not None and article.outlet.name == "Example News"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("By Ada Okafor and Kofi Silva", ["Ada Okafor", "Kofi Silva"]),
        ("Ada Okafor; Kofi Silva", ["Ada Okafor", "Kofi Silva"]),
        ("https://www.facebook.com/example", []),
        ("MEI CHEN", ["Mei Chen"]),
    ],
)
def test_author_meta_tags_are_split_into_people(value: str, expected: list[str]) -> None:
    article = convert(page(head=f'<meta name="author" content="{value}">'))
    assert [b.name for b in article.bylines] == expected


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ('<span class="author-name">Kofi Silva</span> and <a rel="author" href="/ada">Ada Okafor</a>', "Kofi Silva"),
        ('<a rel="author" href="/ada">Ada Okafor</a> <span class="author-name">Kofi Silva</span>', "Ada Okafor"),
        ('<div class="post byline">By Mei Chen</div>', "Mei Chen"),
        ('<div class="bylines-box">By Mei Chen</div><span itemprop="author">Kofi Silva</span>', "Kofi Silva"),
    ],
)
def test_without_author_metadata_the_first_byline_markup_in_page_order_names_the_author(
    markup: str, expected: str
) -> None:
    """rel/itemprop author and a class token "byline" or "author-name" count; "bylines-box" does not."""
    paragraphs = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    article = convert(page(body=f"<div>{markup}</div>{paragraphs}"))
    assert [b.name for b in article.bylines] == [expected]
    assert article.provenance.fields["bylines[0]"].method == "html.byline-markup"


def test_an_agency_credited_after_the_names_is_their_organisation() -> None:
    article = convert(page(head='<meta name="author" content="Ada Okafor, Kofi Silva, Associated Press">'))
    assert [(b.name, b.organization) for b in article.bylines] == [
        ("Ada Okafor", "Associated Press"),
        ("Kofi Silva", "Associated Press"),
    ]


def test_jsonld_shapes_real_pages_use() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "@id": "#site", "name": "Daily Planet"},
            {"@type": "Person", "@id": "#lois", "name": ["Lois Lane"]},
            {
                "@type": "WebPage",
                "mainEntity": {
                    "@type": ["ReportageNewsArticle"],
                    "headline": {"@value": "Storm &amp; flood"},
                    "author": [{"@id": "#lois"}, "Clark Kent", {"@type": "Organization", "name": "Daily Planet"}],
                    "publisher": "Daily Planet",
                    "inLanguage": {"@type": "Language", "name": "English", "alternateName": "en"},
                },
            },
        ],
    }
    meta = article_metadata(["<!--\n" + json.dumps(graph) + "\n-->", "{not json", "[]"])
    assert meta.type == "ReportageNewsArticle"
    assert meta.headline == "Storm & flood"
    assert [(a.name, a.person) for a in meta.authors] == [
        ("Lois Lane", True),
        ("Clark Kent", True),
        ("Daily Planet", False),
    ]
    assert (meta.publisher, meta.site_name, meta.language) == ("Daily Planet", "Daily Planet", "en")


def test_jsonld_authors_are_kept_once_each_in_order_however_many() -> None:
    """Repeats were found by a search of the list so far: a page listing 50,000 authors took minutes."""
    names = [f"Reporter {chr(65 + i % 26)}{i}" for i in range(5000)]
    authors = [{"@type": "Person", "name": name} for name in names]
    meta = article_metadata([json.dumps({"@type": "NewsArticle", "headline": "H", "author": authors + authors[:10]})])
    assert [author.name for author in meta.authors] == names


def test_jsonld_body_is_used_when_trafilatura_misses_most_of_it() -> None:
    words = "\n".join(PARAGRAPHS * 2)
    head = jsonld({"@type": "NewsArticle", "headline": "Council approves housing plan", "articleBody": words})
    # what trafilatura finds on the page is something else (a paywall notice, another story's text)
    other = "".join(
        f"<p>{text}</p>"
        for text in [
            "This story is for subscribers only. Subscribe today for unlimited access to all our reporting.",
            "Already a subscriber? Log in to continue reading, or try one month free with no commitment.",
            "Our journalism is funded by readers like you, and every subscription supports local reporting.",
        ]
    )
    article = convert(page(head=head, body=other))
    assert article.provenance.converter.method == "jsonld.article-body"
    assert [block.text for block in article.body] == PARAGRAPHS * 2


def test_jsonld_body_is_not_used_when_trafilatura_has_the_text() -> None:
    head = jsonld(
        {"@type": "NewsArticle", "headline": "Council approves housing plan", "articleBody": " ".join(PARAGRAPHS)}
    )
    assert convert(page(head=head)).provenance.converter.method == "trafilatura"


def test_a_page_without_article_text_is_reported_not_invented() -> None:
    data = b"<html><head><title>Redirecting</title></head><body><script>location='/x'</script></body></html>"
    (item,) = convert_source(REGISTRY["html"], SourceInput("redirect.html", data), shown="in/redirect.html")
    assert isinstance(item, Diagnostic)
    assert (item.code, item.path) == ("C005", "in/redirect.html")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "no page: the file holds 0 bytes and no markup"),
        (b" \n\n", "no page: the file holds 3 bytes and no markup"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary data, not a page: a NUL at character 8"),
    ],
)
def test_an_empty_or_binary_page_says_so(data: bytes, message: str) -> None:
    (item,) = convert_source(REGISTRY["html"], SourceInput("page.html", data))
    assert isinstance(item, Diagnostic) and (item.code, item.message) == ("C005", message)


def test_charset_order_bom_then_http_then_meta_then_detection() -> None:
    text = "<p>“Déjà vu”, said the café owner on the Champs-Élysées, again and again and again today.</p>" * 4
    cp1252 = page(body=text).replace(b'<meta charset="utf-8">', b'<meta charset="iso-8859-1">')
    cp1252 = cp1252.decode().encode("cp1252")
    article = convert(cp1252)
    assert article.provenance.source.charset == "windows-1252"  # WHATWG: iso-8859-1 means windows-1252
    assert "“Déjà vu”" in article.body[0].text
    # the HTTP header beats the meta tag
    latin = page(body=text.replace("“", '"').replace("”", '"')).decode().encode("latin-1")
    assert convert(latin, declared_charset="iso-8859-15").provenance.source.charset == "iso8859-15"
    # a BOM beats both
    bom = b"\xef\xbb\xbf" + page(body=text)
    assert convert(bom, declared_charset="latin-1").provenance.source.charset == "utf-8"


def test_a_confident_body_language_overrides_a_wrong_template_language() -> None:
    german = "".join(
        f"<p>{text}</p>"
        for text in [
            "Der Stadtrat hat am Dienstag nach einer langen Debatte den neuen Wohnungsbauplan beschlossen.",
            "Gegner sagten, der Plan würde Straßen und Schulen überlasten, während Befürworter auf steigende Mieten verwiesen.",
            "Die ersten Wohnungen sollen in zwei Jahren fertig sein, teilte die Stadt in einer Erklärung mit.",
        ]
    )
    article = convert(page(body=german, lang="en"))
    assert article.language == "de"
    assert article.provenance.fields["language"].superseded[0].method == "html.lang"


def test_gzipped_html_is_read() -> None:
    import gzip

    article = convert(gzip.compress(page()))
    assert [block.text for block in article.body] == PARAGRAPHS


def test_a_self_contained_capture_with_a_huge_inline_image_keeps_its_article() -> None:
    """A SingleFile-style page inlines its images as data: URIs; one past libxml2's 10 MB limit stopped the parser
    there, and the article after it was lost (trafilatura alone extracts nothing from such a page)."""
    image = "data:image/jpeg;base64," + "QUJD" * 2_600_000  # 10.4 MB in one attribute
    article = convert(page(head=f'<link rel="icon" href="{image}">'))
    assert [block.text for block in article.body] == PARAGRAPHS


@pytest.mark.parametrize("damage", ["cut", "trailing bytes"])
def test_a_gzipped_page_damaged_partway_keeps_what_came_before_the_damage(damage: str) -> None:
    """A .html.gz cut short (or followed by bytes that are no gzip) was reported and nothing converted."""
    import gzip

    paragraphs = [f"Paragraph {i}: {PARAGRAPHS[i % len(PARAGRAPHS)]} Part {i * 7919 % 1000} of it." for i in range(200)]
    data = gzip.compress(page(body="".join(f"<p>{text}</p>" for text in paragraphs)))
    data = data[: len(data) * 3 // 4] if damage == "cut" else data + b"<html>"
    items = list(convert_source(REGISTRY["html"], SourceInput("page.html.gz", data)))
    problems = [item for item in items if isinstance(item, Diagnostic)]
    (article,) = [item for item in items if isinstance(item, Article)]
    assert [problem.code for problem in problems] == ["C002"] and "converted the" in problems[0].message
    texts = [block.text for block in article.body]
    assert texts[:-1] == paragraphs[: len(texts) - 1] and len(texts) >= (100 if damage == "cut" else 200)
    assert paragraphs[len(texts) - 1].startswith(texts[-1])  # the cut may fall inside the last paragraph


# --- real pages (newspaper4k 0.9.6, MIT): titles and dates against its metadata ----------------


def _real_pages() -> list[tuple[str, bytes, dict[str, Any]]]:
    root = newspaper_data()
    out = []
    for meta in sorted((root / "metadata").glob("*.json")):
        html = root / "html" / f"{meta.stem}.html"
        if html.exists():
            out.append((meta.stem, html.read_bytes(), json.loads(meta.read_text())))
    return out


def test_real_pages_convert_and_beat_trafilatura_metadata_on_titles() -> None:
    import trafilatura

    pages = _real_pages()
    assert len(pages) >= 15
    ours = theirs = dates = 0
    for _, data, gold in pages:
        article = convert(data, url=gold.get("url"))
        assert article.body, gold.get("url")
        document = trafilatura.bare_extraction(data, url=gold.get("url"), with_metadata=True)
        ours += article.title == gold["title"]
        theirs += getattr(document, "title", None) == gold["title"]
        dates += bool(article.published and article.published[:10] == (gold.get("publish_date") or "")[:10])
    assert ours > theirs
    assert dates >= 0.75 * len(pages)


def test_a_first_day_htmldate_guesses_keeps_the_precision_the_page_supports() -> None:
    """htmldate's copyright-year fallback answers "2024-01-01": the page prints no such day, so the record
    says 2024 (the evidence keeps htmldate's answer); a first of the month the page prints stays a day."""
    article = convert(page())  # no date anywhere but the footer's "© 2024"
    found = article.provenance.fields["published"]
    assert (article.published, found.method, found.evidence) == ("2024", "htmldate", "2024-01-01")
    printed = "".join(f"<p>{text}</p>" for text in PARAGRAPHS) + '<p class="date">Posted 1 June 2010</p>'
    assert convert(page(body=printed)).published == "2010-06-01"
