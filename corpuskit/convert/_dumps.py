"""Text dumps of pages: what text browsers and converters do to a page's lines, undone.

Numbered links: ``lynx -dump`` numbers every link where it starts ("[12]Home") and lists the
addresses under "References" at the end. In a scrape that ends in that list, each number of the
run 1, 2, 3, ... is a removed piece (rule ``link-number``), so that the words read as printed;
a line of numbers alone and the list of addresses are furniture (boilerplate rules ``link-number``
and ``link-list``), and so is a line of links (``link-bar``: a link number for every two words). A
bracketed number out of the run ("CO[2]", a footnote "[3]") is the text's own.

Markdown: ``html2text`` and the crawlers that feed language-model corpora write pages as Markdown. In
a scrape written so (at least three links or images, or a link and a heading), the syntax is cut out
as removed pieces, so that the words read as printed: a link's brackets and address
(``markdown-link``; its text stays), an image whole (``markdown-image``), a heading's hashes
(``markdown-heading``; the line is a heading), a quotation's ``>`` (``markdown-quote``), emphasis
marks (``markdown-emphasis``) and the backslashes of escapes (``markdown-escape``). A line of links
alone is a ``link-bar``; a line of nothing but images and empty links is furniture (``markdown-image``).

Hard-wrapped scrapes: the lines a renderer broke to fit a width are joined back.

Text browsers and converters (``lynx -dump``, ``w3m -dump``, ``html2text``, ``fmt``, Python's
``textwrap``) break every paragraph into lines of at most a fixed width, 70 to 80 columns by default.
Read line by line, such a scrape is a column of short lines: a paragraph looks like a menu, and a
headline can no longer be told from a paragraph's first line. So before any line is classified, the
lines a renderer broke are joined back into the lines they were.

A scrape is wrapped at width W when W is where its lines of words stop (their 98th percentile, at most
160 columns; a long address, never broken, may run past it) and the lines that would go on from lines
broken there bear it out: at least three start in lower case (a quarter of those with letter case), or, in
a script without case, six are broken inside text written without spaces or a quarter of the lines of
words end near W. A line then continues on the next one
when no blank line stands between them, the next one starts no list item, it is indented as text
going on in the same block is (a list item's text under the item's text), and the next line's first
word would not have fit in what was left of the width: the renderer broke there for want of room,
not because the text did. Nothing else is joined, so a scrape with natural line ends is left alone.
w3m and lynx also lay a table's cells side by side, breaking an article in a cell at the cell's width,
narrower than the page's: a block of at least three lines of words (no blank line between them) every
one of which but the last fills the block's widest line (at least 30 columns), most of those going on in
lower case, is joined at that width too.

Split scrapes: BeautifulSoup's ``get_text("\\n")`` and tools like it end a line at every tag, so a
paragraph with a link or an emphasis in it comes out in pieces ("Probleme" / "mit überfüllten ICEs" /
", sondern auch ..."), while blank lines (the white space between block tags) part the paragraphs. A
scrape where at least three lines right under a line of text start with a comma, full stop (not a word
such as ".NET"), colon or semicolon (no renderer that lays out text starts a line so) is split so, and its
pieces are joined back into their paragraph: a line goes on with the one before (no blank line between, no
list item) when it starts with such a mark or a possessive ("'s own surveyors"), when the line before
ended in a space, when it starts with one space, or when the line before ends no sentence and either it
starts in lower case or the line before has five words or more and ends on a word in lower case or a comma
(the page's own HTML broke its text there; a dateline such as "Nov 7, 2023 2:00 AM" does not go on).
A scrape may be both (a page whose own HTML is hard-wrapped): its pieces are joined after its wrapped
lines.

The line end and the next line's indentation become white space inside the joined line, which a span's
recovery collapses to one space. After a word's hyphen ("well-" / "known"), or between two characters
of a script written without spaces, or before a split scrape's comma or full stop, they are a removed
piece instead (rule ``line-wrap``), so that the word comes back whole and the mark stays on it.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from corpuskit.convert._decode import Line, repair
from corpuskit.words import SOUTHEAST_ASIAN

NARROWEST = 30
WIDEST = 160
"""The widths looked for: renderers' defaults are 70 (textwrap) to 80 (lynx, w3m); some are set wider."""
_NEAR = 15  # a wrapped line ends this close to the width, but for a word too long to fit what was left
_LONG_WORD = 25  # longer "words" (addresses) are never broken and may overrun the width: not measured
_MIN_LINES = 3  # lines of words needed to see a width at all
_MIN_UNSPACED = 8  # characters of a line of a script written without spaces that count as a line of words
_MIN_NEAR = 4  # lines of words that end near the width
_MIN_JOINS = 3  # lines that would go on from the one before
_MIN_COLUMN_LINES = 3  # lines of a block broken at a column's width
_MIN_MARKDOWN_LINKS = 3  # links that show a scrape is written in Markdown (or one and a heading)
_MIN_PIECES = 3  # lines starting with a comma or a full stop that show a scrape is split at every tag
_SOURCE_WRAP_SPACES = 4  # a split scrape's line of five words or more that ends no sentence goes on
_SHARE_LOWER = 0.25  # of those that start with a cased letter, at least this many in lower case (German nouns
# are capitalised: a German paragraph's lines start in lower case about 40 % of the time, an English one's 75 %)
_SHARE_NEAR = 0.25  # without letter case: of the lines of words, at least this many end near the width
_SHARE_BLANK = 0.15  # blank lines part blocks when at least this share of the gaps between lines are blank
_UNSPACED = re.compile(r"[\u2e80-\u2fdf\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
# scripts written without spaces between words: Chinese, Japanese, and Thai, Lao, Burmese, Khmer
_NO_SPACES = re.compile(
    rf"[{SOUTHEAST_ASIAN}\u2e80-\u2fdf\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]"
)
_HYPHENATED = re.compile(r"[^\W\d_]-$")
_LINE_END = re.compile(r"\r\n|\r|\n")
# Below U+2E80 (where the wide scripts start), only Hangul jamo and some symbols (⌚, ☕, ⭐) are wide.
_WIDE_SYMBOL = re.compile("[\u1100-\u115f\u231a-\u2b55]")
# Scripts written with combining marks, which take no column of their own (Hebrew, Arabic, Indic, Thai, Lao,
# Burmese, Khmer); and the combining diacritics of decomposed Latin text.
_MARK_SCRIPT = re.compile(
    "[\u0300-\u036f\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0900-\u0dff\u0e31-\u0ecd\u1000-\u109f\u1780-\u17ff]"
)
_WIDTHS = {"W": 2, "F": 2}
_ADDRESS = re.compile(r"[/:]|\]\(")
# a word too long for any line (text in a wide script breaks anywhere, so it makes none)
_LONG = re.compile(rf"[^\s\u2e80-\u9fff\uac00-\ud7af\uf900-\uffef]{{{_LONG_WORD + 1},}}")
_BREAK = re.compile(r"[ \t]")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)]*$")
# the mark a piece of a split line starts with: a comma, colon, semicolon or full stop (not an ellipsis, nor
# ".NET" or ".5")
_MARK = r"[,;:]|\.(?![.…\w])"
# a piece of a split line: "," / ", sondern auch", "'s own surveyors" (after a link's name)
_PIECE = re.compile(rf"{_MARK}|['’]s\b")
# a piece right under a line of text, or one going on with a word (a lone ":" under a blank line is no piece)
_MARK_START = re.compile(r"[\r\n][,.;:]")
_PIECE_LINE = re.compile(rf"[^\s][ \t]*(?:\r\n?|\n)(?:{_MARK})|[\r\n](?:[,;:] ?|\. )[^\W\d_]")
# an address in a link, which html2text may break after a hyphen; with a title, in quotes
_MD_ADDRESS = r"(?:[^()\s]|(?<=-)\n[ \t]*)*(?:\([^()\s]*\)(?:[^()\s]|(?<=-)\n[ \t]*)*)*(?:\s+\"[^\"]*\")?"
_MD_IMAGE = re.compile(rf"!\[[^\]]*\]\({_MD_ADDRESS}\)")
_MD_LINK = re.compile(rf"\[(?P<text>(?:!\[[^\]]*\]\([^()]*\)|[^\[\]])*)\]\({_MD_ADDRESS}\)")
_MD_HALF = re.compile(rf"\]\({_MD_ADDRESS}\)|!?\[(?=\s*$|\s+!?\[|!\[)|!?\[(?![^\[\]]*\])")
_MD_HEADING = re.compile(r"#{1,6}[ \t]+(?=\S)")
_MD_QUOTE = re.compile(r"(?:>[ \t]?)+(?=\S)")
_MD_EMPHASIS = re.compile(r"(?<![\w*\\])(?P<mark>\*\*|__|\*|_)(?=[^\s*_])[^\n*_]*?(?<=[^\s*_\\])(?P=mark)(?![\w*])")
_MD_ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!|>])")
_BRACKETED_NUMBER = re.compile(r"\[([0-9]{1,5})\]")
_FIRST_REFERENCE = re.compile(r"(?:visible links:?|1\. \S+:\S*)$", re.IGNORECASE)
_NUMBER_GAP = 5  # lynx numbers links in order; some (hidden, in forms) print no number
_OPENERS = "\"'“‘«„(["
_NEW_BLOCK = re.compile(r"#{1,6} |[0-9]{1,5}\. ")  # a Markdown heading; an item of a long numbered list
_DEEPER_ITEM = re.compile(r"[o#@] (?=\S)")
"""The bullets lynx and inscriptis give deeper list items (o, #, @): a line that starts with one goes on
under its text. At the indentation a paragraph goes on at, "o " is a word (Spanish, Italian: "or")."""


def columns(text: str) -> int:
    """How many columns a renderer gives the text: two for a wide (East Asian) character."""
    if text.isascii() or (
        max(text) < "\u2e80" and _WIDE_SYMBOL.search(text) is None and _MARK_SCRIPT.search(text) is None
    ):
        return len(text)
    return sum(
        _WIDTHS.get(unicodedata.east_asian_width(character), 1)
        if unicodedata.category(character) not in ("Mn", "Me")
        else 0
        for character in text
    )


@dataclass(frozen=True, slots=True)
class _Layout:
    """How a scrape was printed: the width its lines were broken at, and whether blank lines part its blocks."""

    text: str  # the decoded text the lines were cut from
    item: re.Pattern[str]  # a list item's marker
    width: int
    blank_lines: bool = True

    def continues(self, run: list[Line], line: Line) -> bool:
        """Whether the renderer broke the last line of ``run`` for want of room, ``line`` going on with it."""
        last, head = run[-1], run[0]
        if _line_ends(self.text, last, line) != 1:
            return False  # a blank line starts a block of its own
        if (self.item.match(line.raw) or _NEW_BLOCK.match(line.raw)) and not _number_in_sentence(head, last, line):
            return False  # so do a list item and a Markdown heading
        deeper = _DEEPER_ITEM.match(head.raw)
        if deeper and line.raw.startswith(deeper.group()):
            return False  # the next item of a list of o (or # or @) items
        marker = self.item.match(head.raw) or deeper
        indent = run[1].indent if len(run) > 1 else head.indent
        # Text goes on at its block's indentation, or (a list item's) under the item's text; a paragraph
        # opened with ideographic spaces (Japanese, Chinese) goes on at the left edge; centred text, centred.
        aligned = line.indent == indent or (marker is not None and line.indent == head.indent + marker.end())
        opened = (
            len(run) == 1
            and line.indent < head.indent
            and not self.text[head.at - head.indent : head.at].strip("\u3000")
        )
        end = _end(last, self.text)
        if not aligned and not opened and not (self._centred(end, last) and self._centred(_end(line, self.text), line)):
            return False
        if _UNSPACED.match(line.raw) or _UNSPACED.match(last.raw[-1]):
            return end >= self.width - 2  # a script written without spaces breaks anywhere: only a full line goes on
        if not self.blank_lines and _SENTENCE_END.search(last.raw) and _starts_sentence(line.raw):
            return False  # without blank lines between blocks, a sentence that ends at the edge may end its block
        word = _BREAK.split(line.raw, maxsplit=1)[0]  # a no-break space holds its words together
        return end + 1 + min(columns(word), _LONG_WORD) > self.width

    def _centred(self, end: int, line: Line) -> bool:
        """Whether the line sits in the middle of the width (w3m centres a centred paragraph's every line)."""
        return line.indent > 0 and abs(end + line.indent - self.width) <= 2


_NUMBER = re.compile(r"([0-9]{1,3})\. (?=\S)")


def _number_in_sentence(head: Line, last: Line, line: Line) -> bool:
    """Whether a line that opens with a number and a full stop goes on with the sentence the line above broke
    off ("... baumelte vom Balkon im" / "4. Stock eines Altbaus ..."): the line above ends in no punctuation
    and its paragraph is no numbered item that this one would follow."""
    number = _NUMBER.match(line.raw)
    if number is None or not last.raw.rsplit(" ", 1)[-1].isalpha():  # a word, not an address or a figure
        return False
    previous = _NUMBER.match(head.raw)
    return previous is None or int(previous.group(1)) + 1 != int(number.group(1))


def _end(line: Line, text: str) -> int:
    """The column a line ends at (an ideographic space in its indentation is two columns wide)."""
    lead = text[line.at - line.indent : line.at].count("\u3000") if line.indent else 0
    return line.indent + lead + columns(line.raw)


def _beyond(total: int) -> int:
    """How many of ``total`` sorted values lie past their 98th percentile."""
    return total - 1 - (98 * (total - 1)) // 100


def wrap_width(lines: Sequence[Line], text: str, item: re.Pattern[str]) -> int | None:
    """The width the scrape's lines were broken to fit, or None when they were not.

    The width is where the lines of words stop (the 98th percentile of where they end). Lines cut
    there for want of room go on in mid-sentence, so in a script with letter case most of the lines
    that would continue one start in lower case; in a script without, most lines of words end near
    the width. It is measured with and without the list items (lynx and w3m break them as they break
    paragraphs; html2text leaves them whole, however long), and the narrower width borne out is taken.
    """
    worded = [
        line
        for line in lines
        if line.raw.count(" ") >= 2 or (len(line.raw) >= _MIN_UNSPACED and _UNSPACED.search(line.raw) is not None)
    ]
    texts = [line for line in worded if not (item.match(line.raw) or _NEW_BLOCK.match(line.raw))]
    widths = [
        found[0]
        for measured in ((worded, texts) if len(texts) < len(worded) else (worded,))
        if (found := _measured_width(measured, text)) is not None and _borne_out(lines, text, item, *found)
    ]
    return min(widths, default=None)


def _measured_width(worded: list[Line], text: str) -> tuple[int, list[int]] | None:
    """Where the lines of words stop (their 98th percentile, when it is a width a renderer breaks at), and
    where each of them ends."""
    # Lines of words past the widest width (a line is at least as wide as it is long), but for an address
    # (a slash, a colon or a Markdown link in it), which is never broken and may overrun any width. Most
    # scrapes print each paragraph on one line: more than 2 % of such lines (the 98th percentile past the
    # widest width) settles it before any width is measured.
    short = [line for line in worded if line.indent + len(line.raw) <= WIDEST]
    allowed = _beyond(len(worded))
    over = 0
    for line in worded:
        if line.indent + len(line.raw) > WIDEST and not (_ADDRESS.search(line.raw) and _LONG.search(line.raw)):
            over += 1
            if over > allowed:
                return None
    ends = [_end(line, text) for line in short if len(line.raw) <= _LONG_WORD or _LONG.search(line.raw) is None]
    total = len(ends) + over
    if total < _MIN_LINES or over > _beyond(total):
        return None
    ends.sort()
    width = ends[(98 * (total - 1)) // 100]  # the 98th percentile: a few lines may run over
    return (width, ends) if NARROWEST <= width <= WIDEST else None


def _borne_out(lines: Sequence[Line], text: str, item: re.Pattern[str], width: int, ends: list[int]) -> bool:
    """Whether the lines that would go on from lines broken at ``width`` show that the renderer broke them."""
    layout = _Layout(text, item, width)
    going_on = [(before, after) for before, after in itertools.pairwise(lines) if layout.continues([before], after)]
    lower, cased = _lower_starts(after for _, after in going_on)
    if lower >= _MIN_JOINS and lower >= _SHARE_LOWER * cased:
        return True
    # lines going on in a letter without case (a bracket, a bullet or a digit is neither)
    caseless = sum(
        1 for _, after in going_on if after.raw[0].isalpha() and after.raw[0].lower() == after.raw[0].upper()
    )
    if caseless < _MIN_JOINS or cased >= caseless:
        return False
    # mostly a script without case: Chinese and Japanese lines broken inside the text, or many lines near the width
    unspaced = sum(1 for before, after in going_on if _NO_SPACES.match(before.raw[-1]) or _NO_SPACES.match(after.raw))
    near = sum(1 for end in ends if width - _NEAR <= end <= width)
    many = unspaced >= 2 * _MIN_JOINS and near >= _MIN_NEAR
    return many or near >= max(_MIN_NEAR, _SHARE_NEAR * len(ends))


def unwrap(lines: list[Line], text: str, item: re.Pattern[str]) -> tuple[list[Line], bool]:
    """The lines with every run a renderer broke joined back into one line, and whether any was.

    ``text`` is the decoded text the lines were cut from; ``item`` matches a list item's marker.
    """
    width = wrap_width(lines, text, item)
    joined = lines
    if width is not None:
        gaps = [_line_ends(text, a, b) for a, b in itertools.pairwise(lines)]
        layout = _Layout(text, item, width, blank_lines=sum(gap > 1 for gap in gaps) >= _SHARE_BLANK * len(gaps))
        joined = _joined(lines, text, layout.continues)
    joined = _unwrap_columns(joined, text, item)
    return joined, len(joined) < len(lines)


def rejoin(lines: list[Line], text: str, item: re.Pattern[str]) -> tuple[list[Line], bool]:
    """The lines with the pieces of a scrape split at every tag joined back into their paragraphs, and
    whether any were (see the module's notes)."""
    # most scrapes: no line starts with a mark at all (a quick scan first: the full test has no fixed start)
    if len(_MARK_START.findall(text)) < _MIN_PIECES or len(_PIECE_LINE.findall(text)) < _MIN_PIECES:
        return lines, False

    def goes_on(run: list[Line], line: Line) -> bool:
        before = run[-1]
        if _line_ends(text, before, line) != 1 or item.match(line.raw):
            return False
        end = before.at + len(before.raw)
        return (
            _PIECE.match(line.raw) is not None
            or text[end] in " \t\u00a0"  # the piece before ended in a space
            or (line.indent == 1 and text[line.at - 1] == " ")
            or (
                _SENTENCE_END.search(before.raw) is None
                and not before.raw.endswith(":")
                # going on in lower case, or after a long line that ends inside a sentence, on a word in lower
                # case or a comma (the page's own source broke its text there; not "Nov 7, 2023 2:00 AM")
                and (
                    line.raw[0].islower()
                    or (
                        before.raw.count(" ") >= _SOURCE_WRAP_SPACES
                        and (before.raw[-1].islower() or before.raw[-1] in ",;")
                    )
                )
            )
        )

    joined = _joined(lines, text, goes_on, pieces=True)
    return joined, len(joined) < len(lines)


def _line_ends(text: str, before: Line, after: Line) -> int:
    """How many line ends stand between two lines: one when they are adjacent, more with blank lines between."""
    return len(_LINE_END.findall(text, before.at + len(before.raw), after.at))


def _lower_starts(lines: Iterable[Line]) -> tuple[int, int]:
    """Of the lines that start with a letter with case, how many start in lower case, and how many there are."""
    cased = [line.raw[0] for line in lines if line.raw[0].lower() != line.raw[0].upper()]
    return sum(first.islower() for first in cased), len(cased)


def _joined(
    lines: list[Line], text: str, continues: Callable[[list[Line], Line], bool], *, pieces: bool = False
) -> list[Line]:
    joined: list[Line] = []
    run: list[Line] = []
    for line in lines:
        if run and continues(run, line):
            run.append(line)
            continue
        if run:
            joined.append(_join(run, text, pieces=pieces))
        run = [line]
    if run:
        joined.append(_join(run, text, pieces=pieces))
    return joined


def _unwrap_columns(lines: list[Line], text: str, item: re.Pattern[str]) -> list[Line]:
    """Paragraphs a text browser broke to fit a column narrower than the page (w3m and lynx lay a table's
    cells side by side): a block of lines every one of which but the last fills the block's widest line,
    most going on in lower case, is joined at that width."""
    if sum(1 for line in lines if line.raw[0].islower()) < 2:
        return lines  # most scrapes: no two lines go on in lower case, so no column to join
    out: list[Line] = []
    block: list[Line] = []

    def flush() -> None:
        lower, cased = _lower_starts(block[1:])
        if len(block) >= _MIN_COLUMN_LINES and lower >= 2 and 2 * lower >= cased:
            width = max(_end(line, text) for line in block)
            layout = _Layout(text, item, width)
            pairs = list(itertools.pairwise(block))
            if (
                width >= NARROWEST
                and all(before.raw.count(" ") >= 2 for before, _ in pairs)
                and all(layout.continues([before], after) for before, after in pairs)
            ):
                out.extend(_joined(block, text, layout.continues))
                block.clear()
                return
        out.extend(block)
        block.clear()

    for line in lines:
        if block and _line_ends(text, block[-1], line) != 1:
            flush()  # a blank line between
        block.append(line)
    flush()
    return out


def cut_link_numbers(lines: list[Line]) -> list[Line]:
    """The lines with lynx's link numbers cut from their text, when the scrape is a lynx dump with its list.

    A lynx dump ends in its list of addresses ("References", then "1. https://..."). Its link numbers
    run 1, 2, 3, ... through the page; a bracketed number out of that run ("CO[2]", a footnote) is text.
    """
    if not _lists_references(lines):
        return lines
    found: list[tuple[int, re.Match[str]]] = []
    previous = 0
    for index, line in enumerate(lines):
        if "[" in line.raw:
            for match in _BRACKETED_NUMBER.finditer(line.raw):
                if previous < int(match[1]) <= previous + _NUMBER_GAP:
                    found.append((index, match))
                    previous = int(match[1])
    cut = list(lines)
    for index, matches in itertools.groupby(found, key=lambda pair: pair[0]):
        line = lines[index]
        cuts, text = _cut(line, [(match.start(), match.end(), "link-number") for _, match in matches])
        cut[index] = replace(line, text=text or line.text, cuts=cuts)
    return cut


def _lists_references(lines: list[Line]) -> bool:
    """Whether the scrape ends in lynx's list of link addresses."""
    for index in range(len(lines) - 1, 0, -1):
        if lines[index].raw == "References":
            following = lines[index + 1 : index + 3]
            return any(_FIRST_REFERENCE.match(line.raw) for line in following)
    return False


def cut_markdown(lines: list[Line]) -> list[Line]:
    """The lines with Markdown's syntax cut from their text, when the scrape is written in Markdown."""
    links = sum(len(_MD_LINK.findall(line.raw)) for line in lines if "](" in line.raw)
    if links == 0 or (links < _MIN_MARKDOWN_LINKS and not any(_MD_HEADING.match(line.raw) for line in lines)):
        return lines
    cut = list(lines)
    for index, line in enumerate(lines):
        pieces = _markdown_pieces(line.raw)
        if not pieces:
            continue
        cuts, text = _cut(line, pieces)
        if text:  # a line of images and empty links alone is left whole, for the vocabulary to drop
            cut[index] = replace(line, text=text, cuts=cuts)
    return cut


def _markdown_pieces(raw: str) -> list[tuple[int, int, str]]:
    pieces: list[tuple[int, int, str]] = []
    heading = _MD_HEADING.match(raw) or _MD_QUOTE.match(raw)
    if heading:
        pieces.append((0, heading.end(), "markdown-heading" if raw[0] == "#" else "markdown-quote"))
    if "](" in raw:
        images = [(match.start(), match.end(), "markdown-image") for match in _MD_IMAGE.finditer(raw)]
        pieces += images
        for match in _MD_LINK.finditer(raw):
            if not any(start <= match.start() < end for start, end, _ in images):
                pieces += [
                    (match.start(), match.start() + 1, "markdown-link"),
                    (match.end("text"), match.end(), "markdown-link"),
                ]
    if "[" in raw or "](" in raw:  # halves of a link whose text runs over lines (html2text: a link around a block)
        taken = [(start, end) for start, end, _ in pieces]
        for match in _MD_HALF.finditer(raw):
            if not any(start <= match.start() < end for start, end in taken):
                pieces.append((match.start(), match.end(), "markdown-link"))
    if "*" in raw or "_" in raw:
        for match in _MD_EMPHASIS.finditer(raw):
            marks = len(match["mark"])
            pieces += [
                (match.start(), match.start() + marks, "markdown-emphasis"),
                (match.end() - marks, match.end(), "markdown-emphasis"),
            ]
    if "\\" in raw:
        pieces += [(match.start(), match.start() + 1, "markdown-escape") for match in _MD_ESCAPE.finditer(raw)]
    return pieces


def apart(cuts: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Sorted cuts less those that overlap an earlier one."""
    kept: list[tuple[int, int, str]] = []
    for cut in cuts:
        if not kept or cut[0] >= kept[-1][1]:
            kept.append(cut)
    return kept


def is_link_bar(line: Line) -> bool:
    """A line of links ("[4]World [5]Business [6]Sport", "[World](/world) [Sport](/sport)"): at least two,
    one per two words or more."""
    numbers = sum(1 for cut in line.cuts if cut[2] == "link-number")
    numbers += sum(1 for cut in line.cuts if cut[2] == "markdown-link") // 2
    return numbers >= 2 and 2 * numbers >= len(line.text.split())


def _cut(line: Line, pieces: Sequence[tuple[int, int, str]]) -> tuple[tuple[tuple[int, int, str], ...], str]:
    """The line's cuts with ``pieces`` added (none cut twice), and its text less all of them."""
    cuts = tuple(apart(sorted((*line.cuts, *pieces))))
    return cuts, repair(without(line.raw, cuts))[0]


def without(raw: str, cuts: Sequence[tuple[int, int, str]], start: int = 0) -> str:
    """``raw`` from ``start`` on, less the sorted ``cuts`` (start, end, rule) that begin there or later."""
    kept, position = [], start
    for cut_start, cut_end, _ in cuts:
        if cut_start >= start:
            kept.append(raw[position:cut_start])
            position = cut_end
    kept.append(raw[position:])
    return "".join(kept)


def _starts_sentence(raw: str) -> bool:
    opened = raw.lstrip(_OPENERS)
    return bool(opened) and (opened[0].isupper() or opened[0].isdigit())


def _join(run: list[Line], text: str, *, pieces: bool = False) -> Line:
    """``run``'s lines as one; with ``pieces`` (a split scrape), a mark that starts a line stays on the word
    before it."""
    if len(run) == 1:
        return run[0]
    head = run[0]
    raw = text[head.at : run[-1].at + len(run[-1].raw)]
    # the pieces already cut from lines joined before (a wrapped scrape's, when a split one is joined after)
    cuts = [
        (start + line.at - head.at, end + line.at - head.at, rule) for line in run for start, end, rule in line.cuts
    ]
    for before, after in itertools.pairwise(run):
        if (
            _HYPHENATED.search(before.raw)
            or _UNSPACED.match(before.raw[-1])
            or _UNSPACED.match(after.raw)
            or (pieces and _PIECE.match(after.raw))
        ):
            cuts.append((before.at + len(before.raw) - head.at, after.at - head.at, "line-wrap"))
    cuts.sort()
    return replace(head, raw=raw, text=repair(without(raw, cuts))[0], end=run[-1].end, cuts=tuple(cuts))
