"""Dev set for text cleaning: real pages rendered as scrapes, scored against a silver body.

Real news HTML ships in PyPI source distributions (trafilatura 1.1.0's
tests/cache, htmldate 1.4.0's tests/cache, newspaper4k 0.9.6's tests/data/html).
Each page is rendered to text with inscriptis (what a scrape looks like) and
extracted with trafilatura (the silver-standard body). Our text converter
cleans the scrape; we score its body against the silver body with token
4-shingle precision, recall and F1, averaged per document, next to the
"no cleaning" baseline (every line of the scrape kept). The title we find is
compared with trafilatura's metadata title of the page (most of the tokens shared),
and the published day with htmldate's (quick search, original date) on the page.

A second, smaller score uses a gold body: newspaper4k's tests ship the expected
article text of its news pages (tests/data/txt). On those pages the scrape, our
cleaned body and trafilatura's extraction of the HTML (the silver's settings) are
scored against it. (benchmarks/html_quality.py scores the HTML converter there.)
The title, bylines and published day read from those scrapes are checked against
the pages' reviewed metadata.

A third score uses trafilatura 1.1.0's real-world tests: snippets its tests assert
must be in (or must not be in) the text of each page, checked in our cleaned scrape.

    python benchmarks/devset.py [--cache build/devset] [--worst 10] [--renderer inscriptis|lynx|w3m|html2text|soup|chromium]

With ``--renderer``, the pages are rendered by another tool than inscriptis: the text browsers lynx and
w3m (``lynx -dump``, ``w3m -dump``: hard-wrapped at 80 columns, lynx numbering its links), html2text
(Markdown), BeautifulSoup's ``get_text("\\n")`` (a line end at every tag) or a browser's select-all-and-copy
(headless Chromium's ``innerText``: list items without markers, table cells on lines of their own), the
scrapes real archives hold as well; the silver and gold bodies stay the same.

Downloads the sdists with pip into the cache on first use (PyPI only; see realdata.py).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from statistics import mean
from typing import TYPE_CHECKING

import realdata

if TYPE_CHECKING:
    from corpuskit.convert._build import Draft


Render = Callable[[str], str]


def renderer(name: str) -> Render:
    """A page → scrape renderer: inscriptis (the default), or the text browsers lynx and w3m and the
    html2text converter as they print pages by default (hard-wrapped at about 80 columns; lynx numbers
    its links and lists them at the end, html2text writes Markdown), or BeautifulSoup's text of the page
    with a line end at every tag (scripts and styles left out)."""
    if name == "inscriptis":
        import inscriptis

        return inscriptis.get_text
    if name == "soup":
        import bs4  # not a dependency: pip install beautifulsoup4

        def split(html: str) -> str:
            soup = bs4.BeautifulSoup(html, "lxml")
            for tag in soup(["script", "style", "noscript"]):
                tag.decompose()
            return soup.get_text("\n")  # a line end at every tag, as many scrapers print pages

        return split
    if name == "html2text":
        import html2text  # not a dependency: pip install html2text

        def markdown(html: str) -> str:
            converter = html2text.HTML2Text()
            converter.unicode_snob = True  # keep the page's characters (its default writes ASCII look-alikes)
            return converter.handle(html)

        return markdown
    if name == "chromium":
        return _chromium()
    commands = {
        "lynx": ["lynx", "-dump", "-force_html", "-assume_charset=utf-8", "-display_charset=utf-8"],
        "w3m": ["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8"],
    }
    if shutil.which(name) is None:
        raise SystemExit(f"{name} is not installed (apt install {name})")

    def browse(html: str) -> str:
        with tempfile.TemporaryDirectory() as folder:
            page = Path(folder) / "page.html"
            page.write_text(html, encoding="utf-8")
            done = subprocess.run([*commands[name], str(page)], capture_output=True, timeout=60, check=False)
        return done.stdout.decode("utf-8", errors="replace")

    return browse


_INNER_TEXT = (
    "<script>document.addEventListener('DOMContentLoaded',()=>{const t=document.body?document.body.innerText:'';"
    "document.documentElement.innerHTML='<body><pre id=__scrape></pre></body>';"
    "document.getElementById('__scrape').textContent=t;});</script>"
)


def _chromium() -> Render:
    """The page as a browser shows it and select-all-and-copy takes it: headless Chromium's ``innerText`` of
    the body (blocks on their own lines, hidden elements left out, no style sheets or images fetched: the
    page's own scripts are removed and every host name resolves to nothing). Renders are kept in
    ``build/rendered/chromium`` by the page's digest, since each costs a browser start."""
    import hashlib
    import html as entities

    from lxml import html as lxml_html

    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        raise SystemExit("chromium is not installed (apt install chromium)")
    kept = Path(__file__).resolve().parent.parent / "build" / "rendered" / "chromium"
    kept.mkdir(parents=True, exist_ok=True)

    def browse(page_html: str) -> str:
        digest = hashlib.sha256(page_html.encode("utf-8", "replace")).hexdigest()
        cached = kept / f"{digest}.txt"
        if cached.exists():
            return cached.read_text(encoding="utf-8")
        tree = lxml_html.document_fromstring(page_html.encode("utf-8", "replace"))
        for script in tree.iter("script"):
            script.drop_tree()
        source = lxml_html.tostring(tree, encoding="unicode").replace("</body>", _INNER_TEXT + "</body>", 1)
        if _INNER_TEXT not in source:
            source += _INNER_TEXT
        with tempfile.TemporaryDirectory() as folder:
            page = Path(folder) / "page.html"
            page.write_text('<meta charset="utf-8">' + source, encoding="utf-8")
            done = subprocess.run(
                [
                    browser,
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--host-resolver-rules=MAP * ~NOTFOUND",
                    "--dump-dom",
                    page.as_uri(),
                ],
                capture_output=True,
                timeout=120,
                check=False,
            )
        dom = done.stdout.decode("utf-8", errors="replace")
        found = re.search(r'<pre id="__scrape">(.*?)</pre>', dom, re.S)
        text = entities.unescape(found.group(1)) if found else ""
        cached.write_text(text, encoding="utf-8")
        return text

    return browse


RENDERERS = ("inscriptis", "lynx", "w3m", "html2text", "soup", "chromium")


def shingles(text: str, size: int = 4) -> set[tuple[str, ...]]:
    tokens = text.split()
    if len(tokens) < size:
        return {tuple(tokens)} if tokens else set()
    return {tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def score(predicted: str, gold: str) -> tuple[float, float, float]:
    p, g = shingles(predicted), shingles(gold)
    if not p or not g:
        return (0.0, 0.0, 0.0)
    hit = len(p & g)
    precision, recall = hit / len(p), hit / len(g)
    return precision, recall, (2 * precision * recall / (precision + recall) if hit else 0.0)


def build_pairs(
    pages: list[Path], min_silver_words: int = 50, render: Render | None = None
) -> list[tuple[str, str, str, str, str]]:
    """(page name, scrape, silver body, silver title, silver day) for every page with a silver body of some length."""
    render = render or renderer("inscriptis")
    from htmldate import find_date
    from trafilatura.metadata import extract_metadata

    pairs = []
    for page in pages:
        html = page.read_bytes().decode("utf-8", errors="replace")
        silver = extract(html)
        if not silver or len(silver.split()) < min_silver_words:
            continue
        scrape = render(html)
        try:
            day = find_date(html, original_date=True, extensive_search=False) or ""
        except Exception:  # htmldate is a heuristic: a failure is "no date"
            day = ""
        pairs.append((page.name, scrape, silver, extract_metadata(html).title or "", day))
    return pairs


def extract(html: str) -> str:
    """trafilatura's body of a page, as the silver body is made."""
    import trafilatura

    return trafilatura.extract(html, include_comments=False, include_tables=False) or ""


def gold_pairs(
    cache: Path, min_gold_words: int = 50, *, unspaced: bool = False, render: Render | None = None
) -> list[tuple[str, str, str, str]]:
    """(page name, scrape, gold body, page) for each newspaper4k page with an expected text.

    Texts in scripts printed without spaces (Chinese, Japanese) have too few whitespace tokens to score
    and are left out, as the silver pairs leave out short bodies; ``unspaced`` gives those pages instead
    (scored with ``character_score``).
    """
    render = render or renderer("inscriptis")
    root = realdata.fetch(cache) / "newspaper4k-0.9.6" / "tests" / "data"
    pairs = []
    for expected in sorted((root / "txt").glob("*.txt")):
        page = root / "html" / f"{expected.stem}.html"
        gold = expected.read_text(encoding="utf-8")
        spaced = len(gold.split()) >= min_gold_words
        if not page.exists() or spaced == unspaced or (unspaced and len(gold) < 4 * min_gold_words):
            continue
        html = page.read_bytes().decode("utf-8", errors="replace")
        pairs.append((page.name, render(html), gold, html))
    return pairs


def report_gold(
    title: str, pairs: list[tuple[str, str, str, str]], scorer: Callable[[str, str], tuple[float, float, float]]
) -> None:
    """Each page's scrape, our cleaning of it and trafilatura's extraction of the HTML, scored against the gold."""
    print(title)
    for label, rows in (
        ("no cleaning", [scorer(scrape, body) for _, scrape, body, _ in pairs]),
        ("corpuskit.text", [scorer(cleaned(scrape)[0], body) for _, scrape, body, _ in pairs]),
        ("trafilatura", [scorer(extract(html), body) for _, _, body, html in pairs]),
    ):
        p, r, f = (mean(column) for column in zip(*rows, strict=True))
        print(f"{label:>15}: precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")


def character_score(predicted: str, gold: str, size: int = 4) -> tuple[float, float, float]:
    """``score`` over character 4-grams (white space removed), for scripts written without spaces."""

    def grams(text: str) -> set[str]:
        text = "".join(text.split())
        return {text[i : i + size] for i in range(len(text) - size + 1)}

    p, g = grams(predicted), grams(gold)
    hit = len(p & g)
    if not hit:
        return (0.0, 0.0, 0.0)
    precision, recall = hit / len(p), hit / len(g)
    return precision, recall, 2 * precision * recall / (precision + recall)


def norm(value: str | None) -> str:
    """A title or name up to case and punctuation, as metadata is compared."""
    return re.sub(r"\W+", " ", (value or "").casefold()).strip()


def gold_metadata(cache: Path, render: Render | None = None) -> dict[str, list[bool]]:
    """Our title, bylines and published day from each newspaper4k page's scrape, against the page's
    reviewed metadata (tests/data/metadata): the same title and the same set of names, up to case and
    punctuation, and the same day."""
    import json

    render = render or renderer("inscriptis")
    root = realdata.fetch(cache) / "newspaper4k-0.9.6" / "tests" / "data"
    rows: dict[str, list[bool]] = {"title": [], "bylines": [], "published": []}
    for meta in sorted((root / "metadata").glob("*.json")):
        page = root / "html" / f"{meta.stem}.html"
        if not page.exists():
            continue
        gold = json.loads(meta.read_text(encoding="utf-8"))
        scrape = render(page.read_bytes().decode("utf-8", errors="replace"))
        draft = converted(scrape)
        title, names, published = (
            (draft.title, {norm(credit["name"]) for credit, _ in draft.credits}, draft.published or "")
            if draft is not None
            else (None, set(), "")
        )
        rows["title"].append(norm(title) == norm(gold["title"]))
        rows["bylines"].append(names == {norm(name) for name in gold.get("authors") or []})
        if gold.get("publish_date"):
            rows["published"].append(published[:10] == gold["publish_date"][:10])
    return rows


_LOAD = re.compile(r"load_mock_page\('([^']+)'")
_SNIPPET = re.compile(r"""(['"])((?:(?!\1).)+)\1\s+(not in|in)\s+result""")


def snippet_checks(cache: Path) -> list[tuple[str, Path, str, bool]]:
    """trafilatura 1.1.0's real-world tests: (URL, page, snippet, whether the snippet must be in the text)."""
    import ast

    root = realdata.fetch(cache) / "trafilatura-1.1.0" / "tests"
    source = (root / "realworld_tests.py").read_text()
    mock = ast.literal_eval(re.search(r"MOCK_PAGES = (\{.*?\n\})", source, re.S).group(1))  # type: ignore[union-attr]
    checks: list[tuple[str, Path, str, bool]] = []
    url = None
    for line in source.splitlines():
        found = _LOAD.search(line)
        if found:
            url = found.group(1)
        if url and line.strip().startswith("assert") and url in mock:
            page = root / "cache" / mock[url]
            checks += [(url, page, snippet, how == "in") for _, snippet, how in _SNIPPET.findall(line)]
    return checks


def scrape_snippets(cache: Path, render: Render | None = None) -> dict[str, list[bool]]:
    """Those snippet checks on the scrapes: a snippet to keep must be in our body, one to drop must not.

    Whitespace is compared collapsed (the scrape breaks lines where the page does). A check whose
    snippet the scrape does not print is left out, and so is a snippet to keep that trafilatura
    files among the page's comments (its 1.1.0 tests extracted comments with the text; our body
    holds the article alone).
    """
    import trafilatura

    render = render or renderer("inscriptis")

    def flat(text: str) -> str:
        return " ".join(text.split())

    checks = snippet_checks(cache)
    pages: dict[Path, tuple[str, str, str]] = {}
    for page in {page for _, page, _, _ in checks}:
        html = page.read_bytes().decode("utf-8", errors="replace")
        scrape = render(html)
        document = trafilatura.bare_extraction(html, include_comments=True)
        comments = getattr(document, "comments", None) or ""
        pages[page] = flat(scrape), flat(cleaned(scrape)[0]), flat(comments)
    rows: dict[str, list[bool]] = {"keep": [], "drop": []}
    for _, page, snippet, wanted in checks:
        scrape, body, comments = pages[page]
        snippet = flat(snippet)
        if snippet not in scrape or (wanted and snippet in comments):
            continue
        rows["keep" if wanted else "drop"].append((snippet in body) == wanted)
    return rows


def same_title(ours: str | None, silver: str) -> bool:
    """Our headline agrees with the page's metadata title: most of its tokens are ours (a site suffix aside)."""
    if not ours or not silver:
        return False
    mine, theirs = set(ours.lower().split()), set(silver.lower().split())
    return len(mine & theirs) >= 0.8 * min(len(mine), len(theirs)) and len(mine & theirs) >= 0.5 * len(theirs)


def converted(scrape: str) -> Draft | None:
    """The text converter's draft of one scrape; None for a scrape that holds no text (a note)."""
    from corpuskit.convert import text
    from corpuskit.convert._build import Draft, SourceInput

    draft = next(text.convert(SourceInput("page.txt", scrape.encode())))
    return draft if isinstance(draft, Draft) else None


def cleaned(scrape: str) -> tuple[str, str | None, str | None]:
    """Our body, title and published date for one scrape."""
    draft = converted(scrape)
    if draft is None:
        return "", None, None
    return "\n".join(block_text for _, block_text, _ in draft.blocks), draft.title, draft.published


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, default=realdata.DEFAULT)
    parser.add_argument("--worst", type=int, default=0, help="list the N worst documents")
    parser.add_argument(
        "--renderer",
        choices=RENDERERS,
        default="inscriptis",
        help="what renders the pages as scrapes (default: inscriptis)",
    )
    options = parser.parse_args(argv)
    render = renderer(options.renderer)
    print(f"pages rendered by {options.renderer}")
    pairs = build_pairs(realdata.pages(options.cache), render=render)
    ours, raw, titles, days = [], [], [], []
    for name, scrape, silver, silver_title, silver_day in pairs:
        body, title, published = cleaned(scrape)
        ours.append((name, *score(body, silver)))
        raw.append(score(scrape, silver))
        if silver_title:
            titles.append(same_title(title, silver_title))
        if silver_day:
            days.append("same" if (published or "")[:10] == silver_day else "other" if published else "none")
    print(f"documents: {len(pairs)}")
    for label, rows in (("no cleaning", raw), ("corpuskit.text", [row[1:] for row in ours])):
        p, r, f = (mean(column) for column in zip(*rows, strict=True))
        print(f"{label:>15}: precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
    if titles:
        share = mean(titles)
        print(f"          title: {share:.3f} agree with trafilatura's metadata title ({len(titles)} pages with one)")
    if days:
        print(
            f"      published: {days.count('same')} same day as htmldate, {days.count('other')} another, "
            f"{days.count('none')} none ({len(days)} pages htmldate dates)"
        )
    gold = gold_pairs(options.cache, render=render)
    report_gold(f"gold bodies (newspaper4k's expected texts, {len(gold)} news pages):", gold, score)
    unspaced = gold_pairs(options.cache, unspaced=True, render=render)
    title = f"gold bodies written without spaces ({len(unspaced)} Chinese and Japanese pages, character 4-grams):"
    report_gold(title, unspaced, character_score)
    metadata = gold_metadata(options.cache, render=render)
    print(
        "gold metadata (newspaper4k's reviewed metadata): "
        + ", ".join(f"{field} {sum(rows)} of {len(rows)}" for field, rows in metadata.items())
    )
    snippets = scrape_snippets(options.cache, render=render)
    print(
        "trafilatura 1.1.0 snippet checks on the scrapes (no cleaning passes every keep and no drop): "
        + ", ".join(f"{how} {sum(rows)} of {len(rows)}" for how, rows in snippets.items())
    )
    for name, p, r, f in sorted(ours, key=lambda row: row[3])[: options.worst]:
        print(f"  {f:.2f} (p {p:.2f} r {r:.2f})  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
