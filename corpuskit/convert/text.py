"""Raw text scrapes → audited article records.

The pipeline, one pass each:

1. decode the bytes and split them into lines with exact byte spans; undo what text
   dumps do to a page (``_dumps``): join the lines a renderer hard-wrapped (lynx,
   w3m, html2text), cut lynx's link numbers and Markdown's syntax out of the text
   as removed pieces;
2. drop page furniture named by the boilerplate vocabulary, runs of short
   menu lines and listings of other stories (each item with a date line,
   drawn as a card: a bulleted headline with its teaser indented under it or
   a kicker over a headline and a teaser, or listed under a "Related" line
   with its teaser) (block-level rules);
3. find the main content region: clusters of long, sentence-like lines,
   joined across furniture that was already explained, cut at lines that end
   an article (comment forms, related blocks); the heaviest cluster wins and
   takes in neighbouring dense clusters (the article goes on past code, a
   table or a list of figures) unless an article end or a block header stands
   between them;
4. read the head (masthead, breadcrumb, section label, title, standfirst,
   datelines, bylines) around the start of that region, and an end signature
   after it;
5. turn the rest of the region into body blocks: paragraphs, crossheads,
   list items (marker removed and recorded), among them a numbered list that
   step 2 took for a menu; a box about the author (name, biography, contact
   links) and another story's headline between paragraphs are dropped.

Every non-blank line ends in exactly one place: a body block, a field's
evidence, or ``provenance.removed`` with the rule that dropped it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache, partial
from itertools import islice, pairwise
from statistics import median_high
from typing import Literal

from corpuskit.convert import _meta
from corpuskit.convert._build import Draft, SourceInput, _Found
from corpuskit.convert._decode import HTML_TAG, Line, binary_evidence, decode, split_lines
from corpuskit.convert._dumps import cut_link_numbers, cut_markdown, is_link_bar, rejoin, unwrap
from corpuskit.convert.boilerplate import RUNNING_TIME, Furniture, classify
from corpuskit.diagnostics import Diagnostic
from corpuskit.rules import convert as C
from corpuskit.urls import registrable_domain, usable_url
from corpuskit.words import count as count_words

NAME = "corpuskit.text"

_SENTENCE_ENDS = ".!?…:;,。！？"
_BULLETS = "-–—•·▪◦*+●■►✓□☆○"  # w3m prints deeper items with □, ☆ and ○
_BULLET = re.compile(rf"^[{_BULLETS}][\s\u00a0]+(?=\S)")
_LIST_MARKER = re.compile(rf"^(?P<marker>[{_BULLETS}]|\(?[0-9]{{1,2}}[.)]|[a-z][.)])[\s\u00a0]+(?=\S)")
_DASHES = ("-", "–", "—")
_WORD_CHARACTER = re.compile(r"[^\W_]")
_PRINT_ITEM = re.compile(r"^[♦◆■▪►●]\s*")
_CUT_TEASER = re.compile(r"[^\W\d_]{2}(?:\.\.\.|…)$")  # text cut off inside a word, an ellipsis glued on
_HTML_ONLY = re.compile(r"^(?:\s*</?[a-zA-Z][^<>]*>\s*)+[^<>]*(?:</?[a-zA-Z][^<>]*>\s*)*$")
_PUNCTUATED = re.compile(r"[,.;:!?…()\"“”„«»'’/–—。，、！？：；]")
_LATIN_ONLY = re.compile(r"[\sA-Za-z0-9\u00c0-\u024f-]+")

_NO_HEADLINE_END = (".", ",", ";", ":", "。", "，", "；", "：", "،", "؛")
_OPENING_PUNCTUATION = "'\"‘’“”„«»‹›¿¡([ "
_HOME_CRUMBS = frozenset({"home", "start", "startseite", "accueil", "inicio", "homepage", "news"})
GOOD_WORDS = 8
MAX_GAP = 4.0
HEADING_GAP = 0.3
LIST_GAP = 0.3
EXPLAINED_GAP = 0.08
OPENS_GAP = 2.0
AFTER_END_WEIGHT = 0.15
LONE_WEIGHT = 0.6
HEAD_WINDOW = 10
HEAD_FOLLOW = 8
STANDFIRST_GAP = 1
STANDFIRST_WORDS = 60
STANDFIRST_UNDER_WORDS = 8  # a headline this long has a dek under it, not a kicker over it
MERGE_GAP = 25.0
MERGE_CHARS_PER_GAP = 30.0
MERGE_LINES = 2
MERGE_DENSITY = 0.4
LISTING_ITEMS = 3
PAIRED_ITEMS = 4  # headline-and-teaser pairs in a row that make a listing (three are an article's sections as often)
LISTING_GAP = 5
LISTING_WORDS = 60
LISTING_DATE_WORDS = 16
KICKER_WORDS = 4
REPEAT_WORDS = 8  # a line this long printed again with more run in is a repeat; a shorter one is a kicker
MENU_HEADLINE_WORDS = 4  # a menu's items are a word or three; its headline is longer
AUTHOR_BIO_WORDS = 150
RELATED_HEADLINE_WORDS = 11  # crossheads run to ten words or so (dev set: at 7, more crossheads than links went)
TEASER_HEAD_LINES = 3  # what a "Read more" link lists after it: the next teaser's kicker, headline and date
CRUMB_TITLE_REACH = 3  # lines under a numbered breadcrumb where the headline repeating its last crumb may stand
VIDEO_TITLE_WORDS = 20  # a video's title over its running time is a headline's length


@dataclass(slots=True)
class _State:
    lines: list[Line]
    removed: dict[int, str] = field(default_factory=dict)  # line index → rule
    evidence: set[int] = field(default_factory=set)  # lines that are a field's evidence
    ends: set[int] = field(default_factory=set)  # lines after which the article is over
    opens: set[int] = field(default_factory=set)  # headers of interrupting blocks (related, partners)
    teasers: set[int] = field(default_factory=set)  # excerpts of other pages (above a "Read more" link)
    listed: set[int] = field(default_factory=set)  # lines listed under an opening line ("Related", "Partners")
    body: set[int] = field(default_factory=set)  # lines that became body blocks
    menus: list[list[int]] = field(default_factory=list)  # the runs of lines dropped as menus
    menu_items: set[str] | None = None  # what the menus list, case-folded (gathered when first asked)
    slash_order: _meta.SlashOrder = None  # the order of the page's slash dates, when its unambiguous ones tell

    def free(self, index: int) -> bool:
        return index not in self.removed and index not in self.evidence and index not in self.body


@lru_cache(maxsize=8192)
def words(text: str) -> int:
    """Word count (:func:`corpuskit.words.count`), cached: the passes ask for the same lines again and again."""
    return count_words(text)


def is_sentence(text: str) -> bool:
    """Ends as a sentence or clause does: with its punctuation, perhaps inside closing quotes or brackets."""
    return _meta.ends_with(text, _SENTENCE_ENDS)


def is_good(text: str) -> bool:
    """Long, sentence-like text: the stuff article bodies are made of. A long line with no punctuation at
    all is a menu or a form's options run together ("Zeitraum alles letzte Woche letzter Monat ..."), unless
    its script writes none (Thai)."""
    count = words(text)
    if count >= GOOD_WORDS and is_sentence(text):
        return True
    return count >= 25 and (_PUNCTUATED.search(text) is not None or _LATIN_ONLY.fullmatch(text) is None)


def _is_list_prose(text: str) -> bool:
    """A list item that reads as prose (a point in an argument), not a link or a menu entry; printed with
    its marker, or without one (a scrape that drops them) and going on in lower case ("can create
    environments for any installed Python with the same call"), as no menu entry or headline does."""
    marker = _LIST_MARKER.match(text)
    if marker is None:
        # Printed without its marker: a clause of the sentence the list runs through ("Regular weighing,"), or
        # words going on in lower case (after more than a lone letter: text browsers mark nested items "o Item").
        if text.endswith((",", ";")) and words(text) >= 3:
            return True
        return text[:1].islower() and not text[1:2].isspace() and words(text) >= 4
    item = text[marker.end() :]
    return words(item) >= GOOD_WORDS and not is_headline(item)


def is_headline(text: str) -> bool:
    """Headline-shaped: a few words, no closing full stop, led by a capital or a figure (past any opening quote),
    by a name written in camel case ("iOS 13 will fix ...", "eBay"), or by a letter of a script without case
    (Chinese, Arabic, Thai...)."""
    count = words(text)
    opened = text.lstrip(_OPENING_PUNCTUATION)
    lead = opened[:1]
    return (
        2 <= count <= 30
        and len(text) <= 250
        and not text.endswith(_NO_HEADLINE_END)
        and (
            lead.isupper()
            or lead.isdigit()
            or (lead.isalpha() and not lead.islower())
            or (lead.islower() and any(char.isupper() for char in opened.split(" ", 1)[0][1:4]))
        )
    )


def convert(source: SourceInput) -> Iterator[Draft | Diagnostic]:
    """Convert one text scrape into one draft record (a note when it holds no text at all).

    A scrape whose every line is furniture still gives a record: its empty body
    says so, and ``provenance.removed`` says what the page held.
    """
    decoded = decode(source.data)
    binary = binary_evidence(decoded.text)
    if binary is not None:
        yield C.NO_ARTICLE_TEXT.diagnostic(f"binary data, not text: {binary}")
        return
    if _RECORD_LINE.match(decoded.text):
        yield C.NO_ARTICLE_TEXT.diagnostic(
            "corpuskit records, not a scrape: `corpuskit pack` takes record files as they are,"
            " `corpuskit validate` checks them"
        )
        return
    lines, normalizations = split_lines(decoded)
    lines, unwrapped = unwrap(lines, decoded.text, _LIST_MARKER)
    if unwrapped:
        normalizations.append("unwrapped")
    lines, rejoined = rejoin(lines, decoded.text, _LIST_MARKER)
    if rejoined:
        normalizations.append("rejoined")
    lines = cut_markdown(cut_link_numbers(lines))
    if not lines:
        yield C.NO_ARTICLE_TEXT.diagnostic(f"no text: the file holds {len(source.data)} bytes and no visible line")
        return
    draft = Draft(source=source, charset=decoded.charset, media_type="text/plain", method="lines", codec=decoded.codec)
    draft.normalizations.extend(normalizations)
    state = _State(lines)
    _drop_furniture(state)
    _drop_opened_teasers(state)
    _drop_menu_runs(state)
    _drop_dated_listings(state)
    _drop_timed_lists(state)
    _drop_teaser_listings(state)
    _drop_kicker_cards(state)
    _drop_headline_pairs(state)
    _drop_video_titles(state)
    start, end = _main_region(state)
    state.slash_order = _meta.slash_order(line.text for line in state.lines if _meta.may_slash_date(line.text))
    body_start = _read_head(state, draft, start, end)
    end = _read_signature(state, draft, body_start, end)
    _read_inner_dateline(state, draft, body_start, end)
    _restore_numbered_lists(state, body_start, end)
    _drop_author_boxes(state, draft, body_start, end)
    _read_body(state, draft, body_start, end)
    _drop_rest(state, start, end)
    for index, rule in sorted(state.removed.items()):
        line = lines[index]
        draft.remove(line.start, line.end, rule, line.raw)
    _read_address(draft)
    yield draft


# A file of records (what `corpuskit convert` writes) named as a source: its first line is a record.
_RECORD_LINE = re.compile(r'\s*\{\s*"format"\s*:\s*"corpuskit\.article/')


def _read_address(draft: Draft) -> None:
    """A scrape captured in a WARC ``resource`` record: its target URI is the ``url``, its registrable domain
    the outlet's ``domain`` (beside a masthead's name), as for a captured page."""
    url = draft.source.url
    if not url or not usable_url(url):
        return
    draft.offer("url", [_Found(url, "capture.target-uri", url, None)])
    domain = registrable_domain(url)
    if domain is None:
        return
    masthead = draft.found.get("outlet")
    if masthead is not None:
        masthead.value = {"name": masthead.value, "domain": domain}
    else:
        draft.offer("outlet", [_Found({"name": None, "domain": domain}, "url.domain", url, None)])


# --- 2. furniture -----------------------------------------------------------


def _drop_furniture(state: _State) -> None:
    opened: str | None = None
    number = 1  # the number the block's next numbered item would carry
    room = 0  # how many more lines the open block may list (a "Read more" link: the next teaser's head only)
    above: Furniture | None = None  # the line above's, to drop a wrapped address's tail by the address's rule
    for index, line in enumerate(state.lines):
        text = line.text
        # A bulleted line ("* Share on Facebook") is furniture by its item's text.
        bullet = _BULLET.match(text) if text[0] in _BULLETS else None
        furniture = classify(text[bullet.end() :] if bullet else text)
        if furniture is None and above is not None and _cut_address_tail(state, index):
            furniture = above
        above = furniture
        if furniture is not None:
            state.removed[index] = furniture.rule
            # an opener printed as an item of a menu ("+ Most read", "+ アクセスランキング") is a link, not a block's head
            opens = furniture.opens and bullet is None
            if furniture.ends:
                state.ends.add(index)
            if opens:
                state.opens.add(index)
            if furniture.teaser and index > 0 and index - 1 not in state.removed:
                state.teasers.add(index - 1)
            opened, number = (furniture.rule if opens else None), 1
            room = TEASER_HEAD_LINES if furniture.teaser else len(state.lines)
            continue
        if "<" in line.raw and (_HTML_ONLY.match(line.raw) or _tags_only(line.raw)):
            state.removed[index] = "stray-html"
            continue
        if line.cuts and is_link_bar(line):
            state.removed[index] = "link-bar"
            continue
        if opened is not None and room > 0:
            # A headline listed under "Related", "From our partners", ...; a numbered list under such a
            # line ("Most read" / "1. ...", "2. ...") is its list, even where an item prints its teaser
            # beside its headline and reads long.
            numbered = _numbered(text, number)
            # a bulleted list goes on through an item that reads as a sentence ("* Medien-Woche: ... blind?")
            bulleted = bullet is not None and index - 1 in state.listed and _BULLET.match(state.lines[index - 1].text)
            # a teaser cut off inside a word ("... für die grosse Reise wie gemach...") is the block's too
            cut = _CUT_TEASER.search(text) is not None
            if ((not is_good(text) or bulleted or cut) and words(text) <= 20) or (
                numbered and words(text) <= LISTING_WORDS
            ):
                state.removed[index] = opened
                state.listed.add(index)
                number += 1 if numbered else 0
                room -= 1
                continue
        opened = None


def _cut_address_tail(state: _State, index: int) -> bool:
    """The rest of a dropped address that a text browser wrapped at its width ("...&byline=0&port" / "rait=0"):
    one run of URL characters, with no word of text, under a line that is one long address."""
    above, text = state.lines[index - 1].text, state.lines[index].text
    return (
        len(above) >= _WRAPPED_ADDRESS
        and "://" in above
        and " " not in above
        and _ADDRESS_TAIL.fullmatch(text) is not None
    )


_WRAPPED_ADDRESS = 60
"""Characters an address needs to have been cut at a text browser's width (lynx and w3m wrap at 80 columns,
less the indent and the link number)."""
_ADDRESS_TAIL = re.compile(r"[\w.~%/?&=+#:;,-]*[=&/?%#][\w.~%/?&=+#:;,-]*")


def _tags_only(raw: str) -> bool:
    """HTML tags and nothing with a word between them (an editor's bookmark spans around a zero-width space)."""
    return HTML_TAG.search(raw) is not None and _WORD_CHARACTER.search(HTML_TAG.sub("", raw)) is None


def _drop_opened_teasers(state: _State) -> None:
    """Items under a "Related" line each printed with a teaser: a headline, then a sentence or two
    about the story, and so on. Listed headlines stop at the first teaser; when three or more items in
    a row have this shape, their teasers (and the headlines after them) are the block's too. (An
    article resuming under a related link rarely gives three crossheads each over one short paragraph.)"""
    lines = state.lines
    for opener in sorted(state.opens):
        index, items = opener + 1, []
        while index + 1 < len(lines) and _teaser_item(state, index):
            items.append(index)
            index += 2
        if len(items) >= LISTING_ITEMS:
            rule = state.removed[opener]
            for head in items:
                for line in (head, head + 1):
                    state.removed[line] = rule
                    state.listed.add(line)


def _teaser_item(state: _State, index: int) -> bool:
    """A headline at ``index`` (listed already, or free and headline-shaped) and a teaser under it."""
    head, teaser = state.lines[index].text, state.lines[index + 1].text
    return (
        (index in state.listed or (index not in state.removed and is_headline(head)))
        and not is_good(head)
        and words(head) <= 20
        and index + 1 not in state.removed
        and _is_teaser(teaser)
    )


def _is_teaser(text: str) -> bool:
    """A sentence or two about another story; it may end with the story's date ("... (25.07.2019)")."""
    return (is_sentence(text) or is_good(text)) and words(text) <= LISTING_WORDS


def _drop_menu_runs(state: _State) -> None:
    """Runs of short non-sentence lines: menus, tag clouds, job-category lists."""
    run: list[int] = []

    def flush() -> None:
        # A line at either edge much longer than a typical item (a headline
        # right under the menu, say) is not part of the menu.
        # A line printed again beside itself (a gallery's caption under each picture) is an item all the same.
        typical = median_high(words(state.lines[i].text) for i in run) if run else 0

        def repeated(at: int, beside: int) -> bool:
            return len(run) > 1 and state.lines[run[at]].text == state.lines[run[beside]].text

        while run and not repeated(-1, -2):
            if words(state.lines[run[-1]].text) <= max(3, 2 * typical) and not _heads_text(state, run[-1]):
                break
            run.pop()
        while run and words(state.lines[run[0]].text) > max(3, 2 * typical) and not repeated(0, 1):
            run.pop(0)
        # an empty item ("*", a share icon's bullet) is an item of the list too
        bulleted = sum(1 for i in run if _LIST_MARKER.match(state.lines[i].text) or state.lines[i].text in _BULLETS)
        if len(run) >= 6 or (len(run) >= 4 and bulleted >= 3):
            for i in run:
                state.removed[i] = "menu-list"
            state.menus.append(run.copy())
        run.clear()

    for index, line in enumerate(state.lines):
        if index in state.removed:
            continue  # explained lines neither extend nor break a run
        text = _LIST_MARKER.sub("", line.text)
        if words(text) <= 6 and not is_sentence(text) and len(text) <= 60:
            run.append(index)
        else:
            flush()
    flush()


def _drop_dated_listings(state: _State) -> None:
    """Listings of other stories: three or more items, each a headline, a date line (or its age: "2 hours
    ago") and at most one sentence of teaser ("More on this story", "Latest posts"); an article's own
    paragraphs are longer.

    Lines are counted among those still unexplained or listed under a "Related" line. Items repeat one
    layout, so the lines between two date lines are the teaser of the one and the headline of the next,
    and the first item's headline and the last one's teaser are as many lines as the others'. A last
    date line followed by article text is the article's own dateline, not an item. A listing never holds
    the page's longest line: that is the article's, on a page whose article is one short paragraph above
    its related stories, or on a page that is only a listing.
    """
    free = _listing_lines(state)
    longest = max((words(state.lines[index].text) for index in free), default=0)
    aged = {k for k, index in enumerate(free) if _is_age(state, index)}
    maybe = [k for k, index in enumerate(free) if k in aged or _maybe_date_line(state.lines[index].text)]
    if len(maybe) < LISTING_ITEMS:  # most pages: no listing, and no need to parse their dates
        return
    dated = [k for k in maybe if k in aged or _meta.parse_dateline(state.lines[free[k]].text) is not None]
    # A playlist's items carry running times, never dates: an article's dateline above one is no item.
    played = {k for k in aged if state.removed[free[k]] == "video-widget"}
    run: list[int] = []
    for k in [*dated, None]:
        if run and k is not None and (k in played) == (run[-1] in played) and _next_item(state, free, run[-1], k):
            run.append(k)
            continue
        _drop_listing(state, free, run, longest)
        run = [k] if k is not None else []


# a list item that opens with the time of day it was posted ("* 16h30 G7 BLOKATU : ...", "* 09:41 Storm ..."),
# with its marker or without it
_TIMED_ITEM = re.compile(
    rf"^(?:[{_BULLETS}][\s\u00a0]+)?(?P<hour>[01]?[0-9]|2[0-3])[:h.](?P<minute>[0-5][0-9])\s+(?P<item>\S.*)",
    re.IGNORECASE,
)


def _drop_timed_lists(state: _State) -> None:
    """A ticker of the latest posts: three or more list items, each opening with the time it was posted,
    newest first, perhaps under day labels between them ("Vendredi dernier", "Yesterday"). An article's
    text may tell times too ("À 00h49, les gendarmes ..."), and a programme lists its times earliest
    first ("* 10:30 Doors open"). Printed without markers (a browser's copy), each item is a headline, where
    a live blog's timed entries are sentences."""
    lines = state.lines
    timed = {
        index: found
        for index, line in enumerate(lines)
        if (line.text[0] in _BULLETS or line.text[0].isdigit())
        and (found := _TIMED_ITEM.match(line.text)) is not None
        and state.free(index)
        and (line.text[0] in _BULLETS or (is_headline(found["item"]) and not is_good(found["item"])))
    }
    if len(timed) < LISTING_ITEMS:  # most pages: none
        return
    runs: list[list[int]] = [[]]
    label: int | None = None  # a short line after the run's last item
    last = 24 * 60  # the time of the run's last item (a day label starts the clock again)
    for index, line in enumerate(lines):
        found = timed.get(index)
        run = runs[-1]
        if found is not None and (label is not None or not run or _minutes(found) <= last):
            run += [index] if label is None else [label, index]
        elif found is None and run and label is None and state.free(index) and _is_day_label(line.text):
            label = index
            continue
        else:
            runs.append([index] if found is not None else [])
        label, last = None, (_minutes(found) if found is not None else 24 * 60)
    for run in runs:
        if sum(1 for index in run if index in timed) >= LISTING_ITEMS:
            for index in run:
                state.removed[index] = "dated-listing"


def _is_day_label(text: str) -> bool:
    return not is_good(text) and words(text) <= KICKER_WORDS


def _minutes(timed: re.Match[str]) -> int:
    return int(timed["hour"]) * 60 + int(timed["minute"])


def _listing_lines(state: _State) -> list[int]:
    """The lines a listing may hold: those still unexplained, those listed under a "Related" line, and
    the items' ages."""
    removed = state.removed
    return [
        index
        for index in range(len(state.lines))
        if index not in removed or index in state.listed or _is_age(state, index)
    ]


_RUNNING_TIME = re.compile(RUNNING_TIME)


def _drop_video_titles(state: _State) -> None:
    """An embedded video's title: a line over its running time ("Watch what Trump did when asked a question
    outside the courtroom" / "02:12 - Source: CNN"), headline-shaped (no sentence) and alone between the
    player's furniture and its time. A player's playlist is a dated listing (``_drop_dated_listings``)."""
    for index in range(1, len(state.lines) - 1):
        timed = state.removed.get(index + 1) == "video-widget" and _RUNNING_TIME.match(state.lines[index + 1].text)
        if (
            timed
            and state.free(index)
            and index - 1 in state.removed
            and not is_sentence(state.lines[index].text)
            and words(state.lines[index].text) <= VIDEO_TITLE_WORDS
        ):
            state.removed[index] = "video-widget"


def _is_age(state: _State, index: int) -> bool:
    """A line printed where a listing prints its items' dates: a teaser's age ("2 hours ago"), or a
    video's running time in a playlist ("03:29")."""
    rule = state.removed.get(index)
    return rule == "relative-date" or (
        rule == "video-widget" and _RUNNING_TIME.fullmatch(state.lines[index].text) is not None
    )


def _maybe_date_line(text: str) -> bool:
    return words(text) <= LISTING_DATE_WORDS and _meta.has_year(text)


def _next_item(state: _State, free: list[int], previous: int, k: int) -> bool:
    """Date line ``k`` is the next item's: a headline and a teaser's length after ``previous`` (or two,
    an undated item between them), and no "Related" line between them (that opens another listing)."""
    between = [state.lines[index].text for index in free[previous + 1 : k]]
    return (
        1 <= len(between) < LISTING_GAP
        and not any(index in state.opens for index in range(free[previous] + 1, free[k]))
        and sum(is_sentence(text) for text in between) <= max(1, len(between) // 2)
        and all(words(text) <= LISTING_WORDS for text in between)
    )


def _drop_listing(state: _State, free: list[int], run: list[int], longest: int) -> None:
    def sentence(k: int) -> bool:
        return is_sentence(state.lines[free[k]].text)

    while len(run) >= LISTING_ITEMS:
        segments = [range(a + 1, b) for a, b in pairwise(run)]
        # Items have headlines; a timeline's date lines are followed by its sentences alone.
        headlined = [any(is_headline(state.lines[free[k]].text) and not sentence(k) for k in seg) for seg in segments]
        if 2 * sum(headlined) < len(segments):
            return
        gap = median_high(len(seg) + 1 for seg in segments)
        # The headline's lines: those after the teaser's sentence, before the next date line.
        heads = [seg.stop - 1 - max(k for k in seg if sentence(k)) for seg in segments if any(map(sentence, seg))]
        head = min(median_high(heads) if heads else 1, gap - 1, run[0])
        # The first item's headline is no article text, and no line above the "Related" line that opens it.
        while head and (
            is_good(state.lines[free[run[0] - head]].text)
            or any(index in state.opens for index in range(free[run[0] - head], free[run[0]]))
        ):
            head -= 1
        first, last = run[0] - head, min(run[-1] + gap - 1 - head, len(free) - 1)
        after = free[last + 1] if last + 1 < len(free) else None
        tail = [state.lines[free[k]].text for k in range(run[-1] + 1, last + 1)]
        if (after is not None and is_good(state.lines[after].text)) or any(
            words(text) > LISTING_WORDS for text in tail
        ):
            run = run[:-1]  # the last date line is the article's own, or its teaser runs on: not an item
            continue
        if any(words(state.lines[free[k]].text) == longest for k in range(first, last + 1)):
            return
        for k in range(first, last + 1):
            state.removed.setdefault(free[k], "dated-listing")
        return


def _drop_teaser_listings(state: _State) -> None:
    """Listings of other stories drawn as cards: three or more bulleted headlines, each with a teaser of
    a line or two printed inside its item (indented under the headline's text, as a renderer draws a
    list item holding a heading and a paragraph). An article's crossheads carry no bullets, and its
    numbered points are content; a scrape without indentation never matches. A listing never holds the
    page's longest line (a page that is only a listing).
    """
    free = _listing_lines(state)
    heads = [k for k, index in enumerate(free) if state.lines[index].indent and _BULLET.match(state.lines[index].text)]
    if len(heads) < LISTING_ITEMS:  # most pages: too few indented bullets for cards
        return
    longest = max(words(state.lines[index].text) for index in free)
    k = heads[0]
    while k < len(free):
        items = _teaser_items(state, free, k)
        taken = [free[j] for j in range(k, items)]
        if taken and all(words(state.lines[index].text) < longest for index in taken):
            for index in taken:
                state.removed.setdefault(index, "teaser-listing")
        k = max(items, k + 1)


def _drop_kicker_cards(state: _State) -> None:
    """Listings of other stories drawn as cards under kickers: three or more items in a row, each a
    label of a few words (the story's section), its headline and a one-sentence teaser ("B2B" /
    "Waymo bittet Autohersteller um Geld" / "Die Google-Schwesterfirma sucht Investoren ...").
    An article's crossheads stand alone above its paragraphs, never under a label of their own. A
    listing never holds most of the page's text (a page that is only a listing).
    """
    free = [index for index in range(len(state.lines)) if index not in state.removed]
    texts = [state.lines[index].text for index in free]
    listed: list[int] = []  # positions in ``free``
    k = 0
    while k + 3 * LISTING_ITEMS <= len(texts):
        end, kind = k, _kicker_card(texts, k)
        # cards under short kickers, or under one label repeated: a gallery's slides are a run of their own
        while end + 3 <= len(texts) and kind is not None and _kicker_card(texts, end) == kind:
            end += 3
        if end - k >= 3 * LISTING_ITEMS:
            listed += range(k, end)
        k = max(end, k + 1)
    _drop_listed(state, free, texts, listed)


def _drop_headline_pairs(state: _State) -> None:
    """Listings of other stories drawn as a headline and its teaser, four or more in a row, with no
    marker, kicker or date to tell them (a browser's copy of the page drops the cards' frames). An
    article's crossheads over a paragraph each look the same, so the listing must stand between furniture
    (a menu, a block's header, the page's edge), where an article's sections have its head before them and
    more of its text after; and it never holds most of the page's text.
    """
    free = [index for index in range(len(state.lines)) if index not in state.removed]
    texts = [state.lines[index].text for index in free]
    listed: list[int] = []  # positions in ``free``
    k = 0
    while k + 2 * PAIRED_ITEMS <= len(texts):
        end = k
        while (
            end + 2 <= len(texts)
            and free[end + 1] - free[k] == end + 1 - k  # no furniture inside the run
            and _headline_pair(texts[end], texts[end + 1])
        ):
            end += 2
        if end - k >= 2 * PAIRED_ITEMS and _between_furniture(state, free[k], free[end - 1]):
            listed += range(k, end)
        k = max(end, k + 1)
    _drop_listed(state, free, texts, listed)


def _drop_listed(state: _State, free: list[int], texts: list[str], listed: list[int]) -> None:
    """Drop the listed lines (positions in ``free``, whose ``texts`` they are) as a teaser listing, unless
    they hold most of the page's text: on a page that is only a listing, the listing is the text."""
    if listed and 2 * sum(len(texts[k]) for k in listed if is_good(texts[k])) < sum(
        len(text) for text in texts if is_good(text)
    ):
        for k in listed:
            state.removed[free[k]] = "teaser-listing"


def _between_furniture(state: _State, first: int, last: int) -> bool:
    """Whether furniture (or the page's edge) stands right before ``first`` and within two lines after ``last``."""
    after = range(last + 1, min(last + 3, len(state.lines)))
    return (first == 0 or first - 1 in state.removed) and (
        last + 1 == len(state.lines) or any(index in state.removed for index in after)
    )


def _headline_pair(headline: str, teaser: str) -> bool:
    return (
        is_headline(headline)
        and words(headline) <= RELATED_HEADLINE_WORDS + 4
        and not is_sentence(headline)
        and _LIST_MARKER.match(headline) is None
        and is_good(teaser)
        and words(teaser) <= LISTING_WORDS
    )


def _kicker_card(texts: list[str], at: int) -> str | None:
    """Whether ``texts[at:at + 3]`` is a card: a kicker, a headline and a teaser; what kind ("kicker", or
    the label). A label printed over every card of the run alike (a gallery's title over each of its
    slides, with the slide's title and caption under it) is a kicker of any headline's length."""
    if at + 3 > len(texts):
        return None
    kicker, headline, teaser = texts[at : at + 3]
    if words(kicker) > KICKER_WORDS + 1 and not _label_repeated(texts, at):
        return None  # most lines: too long for a kicker, even with a list marker
    label = _LIST_MARKER.sub("", kicker)
    short = words(label) <= KICKER_WORDS and len(label) <= 40
    if not short and not (is_headline(label) and _label_repeated(texts, at)):
        return None
    card = not is_sentence(label) and is_headline(headline) and words(headline) <= 20 and _is_teaser(teaser)
    return None if not card else "kicker" if short else kicker


def _label_repeated(texts: list[str], at: int) -> bool:
    """Whether the card at ``at`` has the same label as the card before it or the one after it."""
    return (at >= 3 and texts[at - 3] == texts[at]) or (at + 3 < len(texts) and texts[at + 3] == texts[at])


def _teaser_items(state: _State, free: list[int], k: int) -> int:
    """Where a run of cards starting at ``free[k]`` ends (``k`` itself when there are too few)."""
    lines = state.lines
    end, count, indent = k, 0, lines[free[k]].indent
    while end < len(free):
        head = lines[free[end]]
        bullet = _BULLET.match(head.text)
        if bullet is None or head.indent != indent or not is_headline(head.text[bullet.end() :]):
            break
        column = head.indent + bullet.end()  # where the item's text starts
        teaser = end + 1
        while (
            teaser < len(free)
            and teaser - end <= 2
            and lines[free[teaser]].indent >= column
            and not _LIST_MARKER.match(lines[free[teaser]].text)
            and words(lines[free[teaser]].text) <= LISTING_WORDS
        ):
            teaser += 1
        if teaser == end + 1:
            break
        end, count = teaser, count + 1
    return end if count >= LISTING_ITEMS else k


def _heads_text(state: _State, index: int) -> bool:
    """A headline at the foot of a menu: no list marker, a few words, and text follows within a few lines."""
    text = state.lines[index].text
    if _LIST_MARKER.match(text) or words(text) < 3 or not is_headline(text):
        return False
    following = range(index + 1, min(len(state.lines), index + 1 + HEAD_FOLLOW))
    return any(i not in state.removed and is_good(state.lines[i].text) for i in following)


# --- 3. the main region ------------------------------------------------------------


@dataclass(slots=True)
class _Cluster:
    first: int
    last: int = -1
    good_chars: int = 0
    good_lines: int = 0
    after_end: bool = False
    gap_before: float = 0.0  # the gap that separated it from the cluster before
    end_before: bool = False  # an article-ending line stands between them
    block_before: bool = False  # so does the header of a related or partner block

    def density(self) -> float:
        return self.good_lines / (self.last - self.first + 1)

    def score(self) -> float:
        # Dense runs of good lines beat good lines scattered among furniture; a
        # lone paragraph (a teaser, a blurb about the site) counts for less than
        # several; and text after an "end of article" marker (a comment form) only
        # wins when it is far heavier than what came before.
        weight = (AFTER_END_WEIGHT if self.after_end else 1.0) * (LONE_WEIGHT if self.good_lines == 1 else 1.0)
        return self.good_chars * (0.5 + 0.5 * self.density()) * weight


def _main_region(state: _State) -> tuple[int, int]:
    """[start, end) of the best cluster of good lines."""
    clusters: list[_Cluster] = []
    current: _Cluster | None = None
    gap = 0.0
    ended = False
    end_since_last = block_since_last = False
    for index, line in enumerate(state.lines):
        if index in state.ends:
            if current is not None:
                clusters.append(current)
                current = None
            ended = ended or bool(clusters)
            end_since_last = True
            continue
        if index in state.removed:
            # Explained furniture is cheap to jump over, not free; a block header costs more.
            gap += OPENS_GAP if index in state.opens else EXPLAINED_GAP
            block_since_last = block_since_last or index in state.opens
            continue
        if not is_good(line.text) or index in state.teasers:
            gap += _gap_cost(state, index)
            continue
        if current is not None and gap > MAX_GAP:
            clusters.append(current)
            current = None
        if current is None:
            current = _Cluster(
                index, after_end=ended, gap_before=gap, end_before=end_since_last, block_before=block_since_last
            )
            end_since_last = block_since_last = False
        current.last = index
        current.good_chars += len(line.text)
        current.good_lines += 1
        gap = 0.0
    if current is not None:
        clusters.append(current)
    if not clusters:
        free = [i for i in range(len(state.lines)) if state.free(i)]
        return (free[0], free[-1] + 1) if free else (0, 0)
    chosen = max(range(len(clusters)), key=lambda i: clusters[i].score())
    first = last = chosen
    # The article goes on past a run of short lines (code, a table, a list of
    # figures) when substantial text follows before anything ends the article.
    while first > 0 and _continues(clusters[first - 1], clusters[first]):
        first -= 1
    while last + 1 < len(clusters) and _continues(clusters[last + 1], clusters[last + 1]):
        last += 1
    return clusters[first].first, clusters[last].last + 1


def _gap_cost(state: _State, index: int) -> float:
    """What a line that is not article text costs the cluster it interrupts."""
    text = state.lines[index].text
    following = state.lines[index + 1].text if index + 1 < len(state.lines) else ""
    # A crosshead before more text, or a list of points (and the line that introduces
    # it), is part of the article's rhythm, not a break.
    if is_headline(text) and words(text) <= 10 and is_good(following):
        return HEADING_GAP
    if index not in state.teasers and (_is_list_prose(text) or (text.endswith(":") and _is_list_prose(following))):
        return LIST_GAP
    if _is_code(text):  # a listing in the article, printed line by line
        return LIST_GAP
    return 1.0


_CODE_MARKS = re.compile(r"\w\(|[{};=]")
_CODE_START = re.compile(
    r"(?:import|from|def|class|return|var|let|const|function|if|for|while|elif|else|try|except)\b|[#@$]|//|/\*|>>>|\.\.\.$|}"
)


def _is_code(text: str) -> bool:
    """A line of program code (or a shell command): brackets, braces and assignments a sentence seldom
    holds, or a statement's first word."""
    stripped = text.lstrip()
    if "://" in stripped:  # an address: its query's "=" and "&" are no code
        return False
    return _CODE_START.match(stripped) is not None or len(_CODE_MARKS.findall(stripped)) >= 2


def _continues(neighbour: _Cluster, joint: _Cluster) -> bool:
    """Whether ``neighbour`` belongs to the article; ``joint`` is the later of the two clusters."""
    if joint.end_before or joint.block_before or joint.gap_before > MERGE_GAP:
        return False
    return (
        neighbour.good_chars >= MERGE_CHARS_PER_GAP * joint.gap_before
        and neighbour.good_lines >= MERGE_LINES
        and neighbour.density() >= MERGE_DENSITY
    )


# --- 4. head and signature ---------------------------------------------------------------


def _worded(state: _State, index: int) -> bool:
    """A line still unexplained that has words: a lone bullet or a rule is no part of a head."""
    return state.free(index) and _WORD_CHARACTER.search(state.lines[index].text) is not None


def _read_head(state: _State, draft: Draft, start: int, end: int) -> int:
    """Read metadata around the region's start; return where the body begins."""
    lines = state.lines
    _take_numbered_crumbs(state, draft, start)
    # The head is counted in lines still unexplained: a gallery's or a menu's
    # lines between the headline and the text do not push the headline away.
    above = list(islice((i for i in range(start - 1, -1, -1) if _worded(state, i)), HEAD_WINDOW))[::-1]
    body_start = start
    taken_above: list[int] = []
    # A byline or dateline under a standfirst ends the head; one under the lead
    # paragraph too (standfirst and lead both above it) does not make the lead part of the head.
    text_seen = 0
    below = list(islice((i for i in range(start, end) if _worded(state, i)), 4))
    dated_at: int | None = None  # the line a date alone was first read from
    for index in [*above, *below]:
        if not state.free(index):
            continue
        undated, credits = draft.published is None, len(draft.credits)
        if _take_meta(state, draft, index):
            if undated and draft.published is not None and draft.updated is None and len(draft.credits) == credits:
                dated_at = index
            if index >= start - 1 and text_seen < 2:
                body_start = max(body_start, index + 1)
            if index < start:
                taken_above.append(index)
        elif index >= start and is_good(lines[index].text):
            text_seen += 1
    lower = _masthead_date(state, draft, dated_at, above)
    if lower is not None:
        taken_above = sorted({lower, *(i for i in taken_above if i != dated_at)})
    far_head = _read_far_head(state, draft, above[0] if above else start)
    first = above[0] if above else max(0, start - HEAD_WINDOW)
    if draft.published is None:
        _take_menu_meta(state, draft, first, start, partial(_meta.parse_dateline, slash_order=state.slash_order))
    if not draft.bylines:
        _take_menu_meta(state, draft, first, start, _menu_byline)
    for index in range(0, min(start, len(lines))):
        if state.free(index):
            _take_structural(state, draft, index)
    head = [i for i in [*above, *range(start, body_start)] if _worded(state, i)]
    # A line repeating the breadcrumb's last item is the headline, wherever it sits in the head.
    crumb_title = draft.breadcrumb[-1] if draft.breadcrumb else None
    repeated = [i for i in head if lines[i].text == crumb_title]
    if repeated:
        _take_title(state, draft, [i for i in head if i >= repeated[-1]][:2])
    elif crumb_title is not None:
        # Or the one the crumb shortens ("Ikigai macht dich sofort glücklicher!" / "Mit der "Ikigai"-Methode
        # wirst du sofort glücklicher"): a line holding most of the crumb's words.
        _take_title(state, draft, [i for i in head if _shortened_by(crumb_title, lines[i].text)][-1:])
    # A headline sits right above its byline and dateline, between them, or right under them.
    if draft.title is None and taken_above:
        _take_title(state, draft, [i for i in head if i < max(taken_above)][-3:])
        below = [i for i in head if i > max(taken_above)]
        if draft.title is None and below and is_headline(lines[below[0]].text):
            _take_title(state, draft, below[:2])
    if draft.title is None and far_head:
        _take_title(state, draft, far_head)
    if draft.title is None:
        _take_title(state, draft, head[-3:])
    _take_menu_title(state, draft, start)
    while body_start < end and body_start in state.evidence:
        body_start += 1
    # A lead paragraph above a byline or dateline (too long for a standfirst) stays in the body. So does one
    # under the headline and the byline the head read, that an embed (a video's IFRAME lines) kept out of the
    # region; what else stands between it and the region is header. (A long teaser between the headline and
    # the byline, a magazine's chapô, stays out: trafilatura leaves it out too.)
    headline = next((i for i in head if i in state.evidence and lines[i].text == draft.title), None)
    top = max([headline, *taken_above]) + 1 if headline is not None else start
    long = (i for i in range(min(top, start), body_start) if state.free(i) and words(lines[i].text) > STANDFIRST_WORDS)
    lead = next(long, None)
    if lead is None:
        return body_start
    for index in range(lead + 1, start):
        if state.free(index):
            state.removed[index] = "page-header"
    return lead


def _read_far_head(state: _State, draft: Draft, top: int) -> list[int]:
    """A byline and its dateline further up, past a widget the head window stops in (a video playlist
    between the head and the text): read only as a pair, a byline with a dateline on one of the next two
    lines; returns the lines above them where the headline stands (none when no pair is found, or when the
    head window gave a byline or a date)."""
    lines = state.lines
    if draft.bylines or draft.published is not None:
        return []
    further = list(islice((i for i in range(top - 1, -1, -1) if _worded(state, i)), HEAD_WINDOW))[::-1]
    for position, index in enumerate(further):
        byline = _meta.parse_byline(lines[index].text)
        if byline is None:
            continue
        below = further[position + 1 : position + 3]
        dated = next((i for i in below if _meta.parse_dateline(lines[i].text, slash_order=state.slash_order)), None)
        if dated is None:
            continue
        _take_meta(state, draft, index)
        _take_meta(state, draft, dated)
        return further[max(0, position - 3) : position]
    return []


def _take_menu_title(state: _State, draft: Draft, start: int) -> None:
    """A headline a menu run took in: the run ends right above the byline or the text, and its last lines
    are the page's section, the headline and its date ("Pasaulē" / "Norvēģijā pēc zemes nogruvuma pieci
    bojāgājušie" / "Šodien, 17:40"). Taken when no headline was found, or only one above the whole run."""
    lines = state.lines
    anchor = start
    while anchor > 0 and anchor - 1 in state.evidence:
        anchor -= 1
    tail: list[int] = []
    index = anchor - 1
    while index >= 0 and state.removed.get(index) == "menu-list" and len(tail) < 3:
        tail.append(index)
        index -= 1
    if not tail:
        return
    # The fields read so far from lines above the run: a headline and standfirst there are the site's.
    above = {
        name: span["start"]
        for name in ("title", "subtitle")
        if (item := draft.found.get(name)) is not None and (span := item.span) is not None
        if span["start"] < lines[tail[-1]].start
    }
    if "title" in draft.found and "title" not in above:
        return
    # the breadcrumb's items, printed as a list in the same run ("* Nachrichten", "* DER SPIEGEL", "* Ein Albtraum")
    crumbs = {_BULLET.sub("", lines[i].text) for i in range(max(0, tail[-1] - HEAD_WINDOW), tail[-1])}
    for index in tail:
        text = lines[index].text
        if (
            is_headline(text)
            and (words(text) >= MENU_HEADLINE_WORDS or text in crumbs)
            and _LIST_MARKER.match(text) is None
            and _meta.parse_dateline(text) is None
        ):
            for name, begins in above.items():
                del draft.found[name]
                state.evidence.difference_update(i for i in range(tail[-1]) if lines[i].start == begins)
            del state.removed[index]
            draft.set_field("title", text, "headline", lines[index])
            state.evidence.add(index)
            return


def _take_menu_meta(state: _State, draft: Draft, first: int, start: int, shaped: Callable[[str], object]) -> None:
    """A dateline or a byline a menu run took in ("* 21.05.2019" among the share and print links; "By Jane
    Roe" under "Prev" / "Next"): the one nearest the text, of the lines ``shaped`` reads."""
    for index in range(start - 1, first - 1, -1):
        if state.removed.get(index) == "menu-list" and shaped(state.lines[index].text) is not None:
            del state.removed[index]
            if _take_meta(state, draft, index):
                return
            state.removed[index] = "menu-list"


def _menu_byline(text: str) -> list[_meta.Credit] | None:
    """A byline among a menu's items: "By Jane Roe", not "Personal Finance by TIME Stamped" (a menu's
    section and its sponsor, which reads as a role and a name)."""
    credits = _meta.parse_byline(_BULLET.sub("", text))
    return credits if credits and all(credit.role is None for credit in credits) else None


_NUMBERED_CRUMB = re.compile(r"([0-9]{1,2})\.\s+(\S.*)")
_CRUMB_WORD = re.compile(r"\w+")


def _take_numbered_crumbs(state: _State, draft: Draft, start: int) -> None:
    """A breadcrumb printed as a numbered list, one crumb a line ("1. Home" / "2. Liebe" / "3. Persönlichkeit" /
    "4. Ikigai macht dich sofort glücklicher!"): how a text browser renders the ordered list of a page's
    BreadcrumbList. It starts at home with 1 and counts on; its crumbs are short, but for the last (the page's
    title). Its lines are removed as the breadcrumb, its second crumb is the section, and its last the crumb
    the head's headline repeats."""
    if draft.breadcrumb is not None:
        return
    lines = state.lines
    for first in range(min(start, len(lines))):
        opening = _NUMBERED_CRUMB.fullmatch(lines[first].text)
        if opening is None or opening[1] != "1" or opening[2].casefold() not in _HOME_CRUMBS:
            continue
        taken, crumbs = [first], [opening[2]]
        for index in range(first + 1, len(lines)):
            item = _NUMBERED_CRUMB.fullmatch(lines[index].text)
            if item is None or int(item[1]) != len(crumbs) + 1 or not _meta.is_short_crumb(crumbs[-1]):
                break
            taken.append(index)
            crumbs.append(item[2])
        if len(crumbs) < 2 or any(index in state.evidence for index in taken):
            continue
        for index in taken:
            state.removed[index] = "breadcrumb"
        draft.breadcrumb = crumbs
        # The headline under it that repeats the last crumb is no menu item, though it is as short as one.
        for index in range(taken[-1] + 1, min(taken[-1] + 1 + CRUMB_TITLE_REACH, len(lines))):
            if lines[index].text == crumbs[-1] and state.removed.get(index) in _MENU_RULES:
                del state.removed[index]
        if draft.section is None and len(crumbs) > 2:
            draft.set_field("section", crumbs[1], "breadcrumb", lines[taken[1]], evidence=crumbs[1])
        return


def _shortened_by(crumb: str, line: str) -> bool:
    """Whether a breadcrumb's last crumb is this line shortened: most of its words (three or more) are the line's."""
    words_of_crumb = set(_CRUMB_WORD.findall(crumb.casefold()))
    shared = words_of_crumb & set(_CRUMB_WORD.findall(line.casefold()))
    return len(shared) >= 3 and 2 * len(shared) > len(words_of_crumb)


def _masthead_date(state: _State, draft: Draft, dated_at: int | None, above: list[int]) -> int | None:
    """The story's own dateline, lower in the head than the date first read (a site's "today" in its masthead:
    "Mon, 25 Dec 2023" over "Thu, 14 May 2020 17:55 UTC" under the headline); return its line.

    Only a date alone is displaced, by an earlier day printed below it: a masthead shows the day of the
    visit, never one before the story. The displaced line is left to the furniture passes.
    """
    current = draft.published
    if dated_at is None or current is None or len(current) < len("2020-05-14"):
        return None  # a masthead's date is a day
    for index in above:
        if index <= dated_at or (not state.free(index) and index not in state.evidence):
            continue
        if index > 0 and state.lines[index - 1].text.endswith(":"):
            continue  # the value of a label above it ("Aktualisiert:" / "15. Februar 2012"): a table of details
        dated = _dated_line(state, state.lines[index].text)
        day = dated[1].published if dated is not None else None
        if dated is None or day is None or len(day) < len("2020-05-14") or day[:10] >= current[:10]:
            continue
        del draft.found["published"]  # the masthead's, so that the dateline is read as the first would have been
        state.evidence.discard(dated_at)
        _take_meta(state, draft, index)  # with its byline, or the name printed beside it
        return index
    return None


def _dated_line(state: _State, text: str) -> tuple[list[_meta.Credit], _meta.Dateline] | None:
    """A head line's byline and dateline, read with the page's menus and its slash-date order."""
    return _meta.parse_dated_line(text, lambda name: _is_menu_item(state, name), slash_order=state.slash_order)


def _take_meta(state: _State, draft: Draft, index: int) -> bool:
    line = state.lines[index]
    dated = _dated_line(state, line.text)
    # A byline may be printed as an item of the head's list ("* Von Benjamin Fischer und Marcus Theurer").
    byline = _meta.parse_byline(_BULLET.sub("", line.text)) if dated is None else None
    if dated is not None and dated[0]:
        taken = _take_credits(draft, dated[0], "byline", line) | _take_dateline(draft, dated[1], line)
    elif dated is not None:
        taken = _take_dateline(draft, dated[1], line)
        if taken:
            _take_name_beside(state, draft, index)
    elif byline is not None:
        note = _byline_note(state, index, byline)
        taken = _take_credits(draft, note or byline, "byline", line, extra=state.lines[index + 1] if note else None)
        if taken and note:
            state.evidence.add(index + 1)
    else:
        # A post line: the date among labels, a byline, categories, a comment count.
        post = _meta.parse_post_meta(line.text, slash_order=state.slash_order)
        taken = post is not None and _take_dateline(draft, post[1], line)
        if post is not None and taken and post[0]:
            _take_credits(draft, post[0], "byline", line)
    if taken:
        state.evidence.add(index)
    return taken


_MENU_RULES = frozenset({"menu-list", "navigation", "related-block"})


def _is_menu_item(state: _State, name: str) -> bool:
    """Whether the page's menus list this name (as one of its sections: "North Korea", "Middle East")."""
    if state.menu_items is None:
        state.menu_items = {
            _BULLET.sub("", state.lines[index].text).casefold()
            for index, rule in state.removed.items()
            if rule in _MENU_RULES
        }
    return name.casefold() in state.menu_items


def _is_menu_trail(state: _State, text: str) -> bool:
    """Whether a line is two or more items of the page's menus, one after another ("ニュース 戦争・紛争 Video")."""
    if _is_menu_item(state, text):
        return False  # one item alone may be the story's own headline, listed among the latest
    parts = text.split()
    # made[k]: whether the first k words are items, one after another (so the whole line is two or more)
    made = [True] + [False] * len(parts)
    for start in range(len(parts)):
        if made[start]:
            for stop in range(start + 1, len(parts) + 1):
                made[stop] = made[stop] or _is_menu_item(state, " ".join(parts[start:stop]))
    return made[-1]


def _byline_note(state: _State, index: int, credits: list[_meta.Credit]) -> list[_meta.Credit] | None:
    """A byline's one name with the post or agency printed on the line under it ("By JOHN SMITH" / "Associated
    Press"); only a post's words or a news organisation's, as a headline may be a few capitalised words too."""
    following = index + 1
    if len(credits) != 1 or following >= len(state.lines) or not state.free(following):
        return None
    noted = _meta.credit_note(credits[0], state.lines[following].text)
    if noted is None or (noted.role is None and not _meta.is_news_organization(noted.organization or "")):
        return None
    return [noted]


def _take_dateline(draft: Draft, dateline: _meta.Dateline, line: Line) -> bool:
    taken = False
    method = "dateline-page-order" if dateline.by_convention else "dateline"
    if dateline.published and draft.published is None:
        draft.set_field("published", dateline.published, method, line)
        taken = True
    if dateline.updated and draft.updated is None:
        draft.set_field("updated", dateline.updated, method, line)
        taken = True
    return taken


_NUMERIC_DATE = re.compile(r"(?<![0-9])[0-3]?[0-9][/.][01]?[0-9][/.](?:19|20)[0-9]{2}(?![0-9])")


def _take_credits(
    draft: Draft, credits: list[_meta.Credit], method: str, line: Line, *, extra: Line | None = None
) -> bool:
    """Credit the names, with ``line`` (and the ``extra`` line under it, their post or source) as evidence."""
    if draft.bylines:
        return False
    for credit in credits:
        draft.add_byline(credit.name, credit.role, credit.organization, method, line, extra=extra)
    return True


def _take_name_beside(state: _State, draft: Draft, index: int) -> None:
    """A bare name right above or below a dateline is its byline ("Nathanael Johnson" / "January 10, 2020"),
    and so is a name over its role or its source, two lines read as one credit ("Max Blumenthal" / "The
    Grayzone" / "Thu, 14 May 2020"; "John Smith" / "Political Editor"). Beside a dateline in capitals, a name
    in capitals too ("NATHANAEL JOHNSON" / "JANUARY 10, 2020 9:00AM (UTC)")."""
    dateline = state.lines[index].text
    shouted = dateline.isupper() and sum(char.isalpha() for char in dateline) >= 3
    for neighbour in (index - 1, index + 1):
        if 0 <= neighbour < len(state.lines) and state.free(neighbour):
            credit = _meta.parse_noted_name(state.lines[neighbour].text, shouted=shouted)
            if credit is not None and _take_credits(draft, [credit], "byline-name", state.lines[neighbour]):
                state.evidence.add(neighbour)
                return
    for name_at in (index - 2, index + 1):
        if not (0 <= name_at < len(state.lines) - 1 and state.free(name_at) and state.free(name_at + 1)):
            continue
        credit = _meta.parse_name_line(state.lines[name_at].text)
        note = state.lines[name_at + 1]
        noted = _meta.credit_note(credit, note.text) if credit is not None else None
        if noted is not None and _take_credits(draft, [noted], "byline-name", state.lines[name_at], extra=note):
            state.evidence.update((name_at, name_at + 1))
            return


def _take_structural(state: _State, draft: Draft, index: int) -> None:
    line = state.lines[index]
    crumbs = _meta.parse_breadcrumb(line.text)
    if crumbs is not None:
        state.removed[index] = "breadcrumb"
        draft.breadcrumb = crumbs
        crumb_section = crumbs[1] if crumbs[0].lower() in _HOME_CRUMBS else crumbs[0]
        if draft.section is None and crumb_section != crumbs[-1]:
            draft.set_field("section", crumb_section, "breadcrumb", line, evidence=crumb_section)
        return
    section = _meta.parse_section_label(line.text)
    if section is not None and draft.section is None:
        draft.set_field("section", section, "section-label", line)
        state.evidence.add(index)
        return
    if _meta.is_masthead(line.text) and "outlet" not in draft.found:
        draft.set_field("outlet", line.text, "masthead", line)
        state.evidence.add(index)


def _take_title(state: _State, draft: Draft, head: list[int]) -> None:
    lines = state.lines
    credited = {word for byline in draft.bylines for word in byline["name"].casefold().split()}
    # Free lines, oldest first. A headline has letters; it never ends in a dash ("New York CNN —", a
    # dateline's place) and is no time of day ("Jun 13, 4:03 PM EDT") nor a comment counter.
    candidates = [
        i
        for i in head
        if any(char.isalpha() for char in lines[i].text)
        and not lines[i].text.endswith(_DASHES)
        and not _meta.is_time_line(lines[i].text)
        and not _meta.is_comment_count(lines[i].text)
        and not _NUMERIC_DATE.search(lines[i].text)  # "Jane Smith | Riverside | 05/08/2019": a dateline unread
        # "Eric Bradner" over "By Eric Bradner, CNN", "Jeremy Herb Lauren del Valle" over theirs: a name label
        and not set(lines[i].text.casefold().split()) <= credited
    ]
    # A site and section line ("Prachatai / News", or items of the page's menus run together: "News War Video")
    # above the headline is no headline.
    candidates = [
        i
        for i in candidates[:-1]
        if not _meta.is_crumb_trail(lines[i].text) and not _is_menu_trail(state, lines[i].text)
    ] + candidates[-1:]
    # A line repeating the one above with more run in (a caption printed again with its credit: "... near Lost
    # Hills, California.David McNew—Getty Images") is that line again, no headline.
    candidates = [
        index
        for previous, index in zip([None, *candidates], candidates, strict=False)
        if previous is None
        or words(lines[previous].text) < REPEAT_WORDS
        or not lines[index].text.startswith(lines[previous].text)
    ]
    crumb_title = draft.breadcrumb[-1] if draft.breadcrumb else None
    if crumb_title is not None:
        for index in candidates:
            if lines[index].text == crumb_title:
                draft.set_field("title", lines[index].text, "headline", lines[index])
                state.evidence.add(index)
                candidates = [i for i in candidates if i > index]
                _take_subtitle(state, draft, candidates)
                return
    while candidates and not is_headline(lines[candidates[0]].text) and len(candidates) > 1:
        candidates = candidates[1:]
    if not candidates:
        return
    if len(candidates) >= 2 and is_headline(lines[candidates[-2]].text):
        title, rest = candidates[-2], candidates[-1:]
        # A standfirst sits right under its headline, with nothing between them but a comment counter.
        between = [i for i in range(title + 1, rest[0]) if not _meta.is_comment_count(lines[i].text)]
        if lines[title].text.endswith(" " + lines[rest[0]].text) and is_headline(lines[rest[0]].text):
            # a breadcrumb run into the headline it repeats ("HomeLatest News Nollywood Actress ...")
            title, rest = rest[0], []
        elif len(between) >= STANDFIRST_GAP or not _standfirst_like(lines[rest[0]].text, lines[title].text):
            # the last line, if it is a headline; else the headline above a short line that stays in the body
            title, rest = (candidates[-1] if is_headline(lines[candidates[-1]].text) else title), []
    else:
        title, rest = candidates[-1], []
    if not is_headline(lines[title].text):
        return
    draft.set_field("title", lines[title].text, "headline", lines[title])
    state.evidence.add(title)
    _take_subtitle(state, draft, rest)


def _standfirst_like(text: str, title: str) -> bool:
    """A sentence, or a line longer than the headline; or a dek under a headline of eight words or more
    ("iOS 13 will fix the FaceTime eye contact problem" / "Fake eye contact for improved intimacy"): a
    kicker over a headline is a few words."""
    if words(title) <= KICKER_WORDS and not is_sentence(text):
        return False  # a kicker or section over the headline ("Puppet Masters" / "'The American friends': ...")
    return words(text) >= 6 and (is_sentence(text) or len(text) > len(title) or words(title) >= STANDFIRST_UNDER_WORDS)


def _take_subtitle(state: _State, draft: Draft, candidates: list[int]) -> None:
    # A standfirst is a sentence or two; a longer line under the headline is the lead paragraph.
    if len(candidates) == 1 and 5 <= words(state.lines[candidates[0]].text) <= STANDFIRST_WORDS:
        line = state.lines[candidates[0]]
        draft.set_field("subtitle", line.text, "standfirst", line)
        state.evidence.add(candidates[0])


_SIGNATURE_NAME = re.compile(r"^(?P<name>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,4}),$")


# An agency's credits under its story: "Additional reporting by X; Editing by Y".
_CONTRIBUTORS = re.compile(
    r"^\(?(?:additional |further )?(?:reporting|writing|editing|research|fact-checking) by\b", re.IGNORECASE
)


def _read_signature(state: _State, draft: Draft, body_start: int, end: int) -> int:
    """An end signature: "Steering Committee," then the organisation on the next line; or a byline right
    under the text."""
    lines = state.lines
    tail = [i for i in range(max(body_start, end - 3), min(len(lines), end + 3)) if state.free(i)]
    for position, index in enumerate(tail[:-1]):
        match = _SIGNATURE_NAME.match(lines[index].text)
        following = tail[position + 1]
        organization = lines[following].text
        if match and following == index + 1 and is_headline(organization) and words(organization) <= 8:
            if draft.bylines:
                return end
            draft.add_byline(match.group("name"), None, organization, "signature", lines[index], extra=lines[following])
            state.evidence.add(index)
            state.evidence.add(following)
            return min(end, index)
    # A byline printed under the text ("Von Clemens Höges"), as magazines sign their stories.
    after = list(islice((i for i in range(max(body_start, end - 1), len(lines)) if _worded(state, i)), 2))
    for index in after:
        credits = None if draft.bylines else _meta.parse_byline(lines[index].text)
        if credits and _take_credits(draft, credits, "byline", lines[index]):
            state.evidence.add(index)
            return min(end, index)
    # A dateline under the text, as blogs print their post's meta below it ("12. September 2013", "Malte Welding |
    # 29.07.2006 um 14:26", "Von Christian am 03.05.2013, 11:51 | 0 Meinungen"), when the head printed none.
    if draft.published is None:
        for index in islice((i for i in range(end, len(lines)) if _worded(state, i)), 2):
            if _take_dated(state, draft, index, plain=True):
                break
    # The agency's credits under its story ("Additional reporting by X; Editing by Y") are part of it.
    under = [i for i in after if i >= end]
    if under and _CONTRIBUTORS.match(lines[under[0]].text):
        return under[0] + 1
    return end


def _take_dated(state: _State, draft: Draft, index: int, *, plain: bool) -> bool:
    """Take a dated line's date, and its byline when it names someone, with the line as their evidence: a
    dateline (a plain one only if ``plain``), a byline with a dateline, or a post line ("Publié le ...")."""
    line = state.lines[index]
    dated = _meta.parse_dated_line(line.text, slash_order=state.slash_order)
    if dated is None or not (dated[0] or plain):
        dated = _meta.parse_post_meta(line.text, slash_order=state.slash_order)
    if dated is None or not _take_dateline(draft, dated[1], line):
        return False
    if dated[0]:
        _take_credits(draft, dated[0], "byline", line)
    state.evidence.add(index)
    return True


def _read_inner_dateline(state: _State, draft: Draft, start: int, end: int) -> None:
    """A post's dateline inside the text region, where the region begins above the post (a site's intro, a
    teaser): "Publié le 9 juin 2019", "Blog entry by Annisa Rahmawati | 28 April, 2017". Taken when the head
    and the signature gave no date, with the headline right above it when none was found: a dateline with
    a label or a byline is metadata, never the story's text (a timeline's dates have neither)."""
    if draft.published is not None:
        return
    lines = state.lines
    for index in range(start, end):
        if not state.free(index) or not _meta.has_year(lines[index].text):
            continue
        if not _take_dated(state, draft, index, plain=False):
            continue
        above = index - 1
        if draft.title is None and above >= start and state.free(above) and is_headline(lines[above].text):
            draft.set_field("title", lines[above].text, "headline", lines[above])
            state.evidence.add(above)
        return


# --- 5. body ----------------------------------------------------------------------


_AUTHOR_LABELS = frozenset({
    "author", "about the author", "autor", "autorin", "über den autor", "über die autorin", "zum autor", "zur autorin",
    "auteur", "l'auteur", "à propos de l'auteur", "autor/a", "sobre el autor", "sobre la autora", "l'autore",
})  # fmt: skip


def _drop_author_boxes(state: _State, draft: Draft, start: int, end: int) -> None:
    """A box about the byline's author printed in the text: the name alone on its line, perhaps under a
    label ("Author"), then a short biography opening with the name ("Markus Balser kam 2001 zur ...",
    "Jake is the co-founder of ...") or the author's post ("Redakteur in der Wirtschaft."), and the
    author's contact links ("* auf Twitter folgen"). Where no byline names the author, a bare name over
    a biography opening with that whole name ("Inga Buller" / "Inga Buller ist Head of Social ...") is one
    too, when nothing of the article follows it."""
    names = {credit["name"].casefold(): credit["name"].split() for credit in draft.bylines}
    free = [index for index in range(start, end) if state.free(index)]
    for k, index in enumerate(free):
        text = state.lines[index].text
        if words(text) > 4:  # a name is a few words
            continue
        name = names.get(text.casefold())
        if name is None and k + 1 < len(free) and state.lines[free[k + 1]].text.startswith(text + " "):
            bare = _meta.parse_name_line(text)
            if bare is not None and bare.role is None and not _text_follows(state, free[k + 1], end):
                name = text.split()
        if name is None:
            continue
        box = [index]
        if k > 0 and state.lines[free[k - 1]].text.casefold().rstrip(":") in _AUTHOR_LABELS:
            box.insert(0, free[k - 1])
        j = k + 1
        while j < len(free) and j - k <= 2:
            text = state.lines[free[j]].text
            if words(text) > AUTHOR_BIO_WORDS or (
                text.split()[0] not in (name[0], name[-1]) and not _meta.is_role_line(text)
            ):
                break
            box.append(free[j])
            j += 1
        if len(box) == 1:  # a name alone may be anything: a box has its label or a biography
            continue
        while j < len(free) and _BULLET.match(state.lines[free[j]].text) and words(state.lines[free[j]].text) <= 5:
            box.append(free[j])
            j += 1
        for taken in box:
            state.removed[taken] = "author-box"
    # A biography alone, opening with the byline's whole name and a verb, between the post's furniture
    # (its tags, "Veröffentlicht von X") and the comments: "Henning Lobin ist seit 2018 Direktor ...";
    # or under its label ("About the author"). Right under the text, unlabelled, it may be the story's own
    # last word, and stays.
    for k, index in enumerate(free):
        text = state.lines[index].text
        if not state.free(index) or words(text) > 2 * AUTHOR_BIO_WORDS:
            continue
        label = free[k - 1] if k > 0 and free[k - 1] == index - 1 else None
        if label is not None and state.lines[label].text.casefold().rstrip(":") not in _AUTHOR_LABELS:
            label = None
        if index - 1 not in state.removed and label is None:
            continue
        told = (text[len(credit["name"]) + 1 :] for credit in draft.bylines if text.startswith(credit["name"] + " "))
        rest = next(told, None)
        if rest is not None and _BIO_VERB.match(rest) and not _text_follows(state, index, end):
            for taken in (index,) if label is None else (label, index):
                state.removed[taken] = "author-box"


# what a biography says first after the author's name ("ist seit 2018 Direktor", "is a reporter", "est journaliste")
_BIO_VERB = re.compile(
    r"(?:is|was|has|writes|works|lives|covers|ist|war|hat|schreibt|arbeitet|lebt|est|était|écrit|es|fue|escribe"
    r"|è|era|scrive)\b"
)


def _text_follows(state: _State, index: int, end: int) -> bool:
    """Whether article text follows the line before the next block of furniture (or the region's end)."""
    for following in range(index + 1, end):
        if following in state.removed:
            return False
        if state.free(following) and is_good(state.lines[following].text):
            return True
    return False


def _restore_numbered_lists(state: _State, start: int, end: int) -> None:
    """A run of short lines taken for a menu but numbered 1, 2, 3... between the article's paragraphs is
    a list in the article ("1. Habe Zeit für Träume", "2. Bleibe stets aktiv"). Numbered menus (a
    breadcrumb drawn as a list, "1. Inhalt 2. Navigation") stand at the page's edges, outside the article."""
    for menu in state.menus:
        k = 0
        while k < len(menu):
            count = 0
            while (
                k + count < len(menu)
                and menu[k + count] == menu[k] + count
                and start <= menu[k + count] < end
                and state.removed.get(menu[k + count]) == "menu-list"  # not taken since (a dateline)
                and _numbered(state.lines[menu[k + count]].text, count + 1)
            ):
                count += 1
            run = menu[k : k + count]
            k += max(count, 1)
            if len(run) < LISTING_ITEMS:
                continue
            before, after = _neighbour(state, run[0], -1), _neighbour(state, run[-1], +1)
            if before is not None and after is not None and is_good(before) and is_good(after):
                for item in run:
                    del state.removed[item]


def _numbered(text: str, number: int) -> bool:
    if not (text[:1].isdigit() or text.startswith("(")):  # most lines: no number to read
        return False
    marker = _LIST_MARKER.match(text)
    return marker is not None and marker.group("marker").strip("().") == str(number)


def _read_body(state: _State, draft: Draft, start: int, end: int) -> None:
    lines = state.lines
    title = draft.title
    in_print_item = False
    for index in range(start, end):
        if not state.free(index):
            continue
        line = lines[index]
        text = line.text
        if in_print_item or _PRINT_ITEM.match(text):
            in_print_item = True
            state.removed[index] = "print-next-item"
            continue
        if title is not None and text == title:
            state.removed[index] = "repeated-title"
            continue
        if not _WORD_CHARACTER.search(text):  # a lone bullet, a separator, an arrow: no text to keep
            state.removed[index] = "no-text"
            continue
        marker = _LIST_MARKER.match(line.raw)
        # a day opens a date ("15. Mai 2019, 05:28 Uhr"), not a numbered list
        if marker is not None and not (text[:1].isdigit() and _meta.opens_with_date(text)):
            draft.add_block("list_item", line, marker_end=marker.end())
            state.body.add(index)
            continue
        headed = any(cut[2] == "markdown-heading" for cut in line.cuts)
        kind = "heading" if headed else _short_line_kind(state, index)
        if kind == "related-headline":
            state.removed[index] = "related-headline"
            continue
        draft.add_block(kind, line)
        state.body.add(index)


def _short_line_kind(state: _State, index: int) -> Literal["paragraph", "heading", "related-headline"]:
    text = state.lines[index].text
    if is_good(text) or is_sentence(text) or words(text) > 14:
        return "paragraph"
    previous = _neighbour(state, index, -1)
    following = _neighbour(state, index, +1)
    between_text = previous is not None and following is not None and is_good(previous) and is_good(following)
    if not between_text:
        return "paragraph"
    # A crosshead is a few words; a headline of another story is longer, often "Name: claim".
    if words(text) >= RELATED_HEADLINE_WORDS or (": " in text and words(text) >= 5):
        return "related-headline"
    return "heading"


def _neighbour(state: _State, index: int, step: int) -> str | None:
    index += step
    while 0 <= index < len(state.lines):
        if state.free(index) or index in state.body:
            return state.lines[index].text
        index += step
    return None


def _drop_rest(state: _State, start: int, end: int) -> None:
    for index in range(len(state.lines)):
        if state.free(index):
            state.removed[index] = "page-header" if index < start else "page-footer" if index >= end else "low-content"
