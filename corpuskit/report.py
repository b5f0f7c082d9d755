"""``corpuskit report PATH -o report.html``: one self-contained HTML page about a corpus.

It shows plots made with matplotlib (inline SVG: records over time, coverage of each
field, body lengths, top outlets), the validator's diagnostics, and a sample of
records with the lines the converter removed highlighted beside the body it kept.
Everything is inline: the page opens from a USB stick in an archive's reading room.
"""

from __future__ import annotations

import html
import io
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from corpuskit.diagnostics import Diagnostic
from corpuskit.models import Article
from corpuskit.words import count as count_words

_STYLE = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f6f7f9;color:#1d232b}
header{background:#1d3557;color:#fff;padding:1.4rem 2rem}header h1{margin:0;font-size:1.6rem}
header p{margin:.3rem 0 0;opacity:.85}main{padding:1.5rem 2rem;max-width:1200px}
.cards{display:flex;gap:1rem;flex-wrap:wrap;margin-bottom:1.5rem}
.card{background:#fff;border-radius:8px;padding:.8rem 1.2rem;box-shadow:0 1px 3px #0002;min-width:9rem}
.card b{display:block;font-size:1.6rem}.plots{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:1rem}
figure{background:#fff;margin:0;border-radius:8px;padding:.6rem;box-shadow:0 1px 3px #0002}
figcaption{font-weight:600;margin:.2rem .4rem}svg{max-width:100%;height:auto}
table{border-collapse:collapse;background:#fff;width:100%;box-shadow:0 1px 3px #0002;margin-bottom:1.5rem}
th,td{text-align:left;padding:.35rem .6rem;border-bottom:1px solid #e3e6ea;vertical-align:top}
th{background:#eef1f5}.error{color:#b00020;font-weight:600}.warning{color:#a15c00;font-weight:600}
article{background:#fff;border-radius:8px;padding:1rem 1.4rem;margin-bottom:1rem;box-shadow:0 1px 3px #0002}
article h3{margin:.2rem 0}.meta{color:#5a6472;font-size:.9rem}.cols{display:grid;grid-template-columns:3fr 2fr;gap:1.2rem}
.removed{background:#fde2e4;border-left:3px solid #d62839;padding:.15rem .5rem;margin:.25rem 0;font-size:.9rem}
.removed span{font-family:ui-monospace,monospace;color:#8d0801;margin-right:.5rem}
"""


def _svg(figure: Any) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight")
    import matplotlib.pyplot as plt

    plt.close(figure)
    text = buffer.getvalue()
    return text[text.find("<svg") :]


def _plots(articles: list[Article], stats: dict[str, Any]) -> list[tuple[str, str]]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    matplotlib.rcParams["svg.hashsalt"] = "corpuskit"  # stable element ids: the same corpus, the same page
    plots = []
    months = Counter(article.published[:7] for article in articles if article.published and len(article.published) >= 7)
    figure, axes = plt.subplots(figsize=(6, 3))
    if months:
        keys = sorted(months)
        axes.bar(range(len(keys)), [months[key] for key in keys], color="#457b9d")
        step = max(1, len(keys) // 8)
        axes.set_xticks(range(0, len(keys), step), keys[::step], rotation=30, ha="right")
    else:
        axes.text(0.5, 0.5, "no publication dates", ha="center", va="center")
    axes.set_ylabel("records")
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    plots.append(("Records by month of publication", _svg(figure)))

    coverage = stats["coverage"]
    figure, axes = plt.subplots(figsize=(6, 3))
    axes.barh(list(coverage), [100 * value for value in coverage.values()], color="#2a9d8f")
    axes.set_xlim(0, 100)
    axes.set_xlabel("% of records with the field")
    axes.invert_yaxis()
    plots.append(("Field coverage", _svg(figure)))

    lengths = [sum(count_words(block.text) for block in article.body) for article in articles]
    figure, axes = plt.subplots(figsize=(6, 3))
    axes.hist(lengths or [0], bins=min(30, max(5, len(lengths) // 3)), color="#e76f51")
    axes.set_xlabel("body length (words)")
    axes.set_ylabel("records")
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    plots.append(("Body length", _svg(figure)))

    outlets = list(stats["outlets"].items())[:10]
    figure, axes = plt.subplots(figsize=(6, 3))
    if outlets:
        axes.barh([name for name, _ in outlets], [count for _, count in outlets], color="#8d99ae")
        axes.invert_yaxis()
    else:
        axes.text(0.5, 0.5, "no outlets", ha="center", va="center")
    axes.set_xlabel("records")
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    plots.append(("Top outlets", _svg(figure)))
    return plots


def _record(article: Article) -> str:
    e = html.escape
    meta = " · ".join(
        e(part)
        for part in (
            article.outlet.name if article.outlet and article.outlet.name else None,
            article.published,
            ", ".join(b.name for b in article.bylines) or None,
            article.provenance.source.path,
        )
        if part
    )
    body = "".join(f"<p>{e(block.text)}</p>" for block in article.body[:6])
    if len(article.body) > 6:
        body += f"<p class=meta>… {len(article.body) - 6} more blocks</p>"
    removed = "".join(
        f'<div class="removed"><span>{e(item.rule)}</span>{e(item.text[:200])}</div>'
        for item in article.provenance.removed[:20]
    )
    removed = removed or "<p class=meta>nothing removed</p>"
    return (
        f"<article><h3>{e(article.title or '(no title)')}</h3><div class=meta>{meta}</div>"
        f"<div class=cols><div>{body}</div><div><h4>Removed by the converter</h4>{removed}</div></div></article>"
    )


def render(
    articles: Iterable[Article], diagnostics: list[Diagnostic], *, title: str = "Corpus report", sample: int = 8
) -> str:
    from corpuskit.export import statistics

    records = list(articles)
    stats = statistics(records)
    e = html.escape
    cards = [
        ("records", f"{stats['records']:,}"),
        ("outlets", str(len(stats["outlets"]))),
        ("earliest", stats["date_range"]["earliest"] or "–"),
        ("latest", stats["date_range"]["latest"] or "–"),
        ("diagnostics", str(len(diagnostics))),
    ]
    rows = "".join(
        f"<tr><td class={e(d.severity.value)}>{e(d.code)}</td><td>{e(d.name)}</td><td>{e(d.location)}</td>"
        f"<td>{e(d.detail)}</td></tr>"
        for d in diagnostics[:500]
    )
    table = (
        f"<table><tr><th>code</th><th>rule</th><th>where</th><th>message</th></tr>{rows}</table>"
        if rows
        else "<p>No diagnostics: every record passed every selected rule.</p>"
    )
    chosen = sorted(records, key=lambda a: (-len(a.provenance.removed), a.id))[:sample]
    return (
        f"<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>{e(title)}</title>"
        f"<meta name=viewport content='width=device-width,initial-scale=1'><style>{_STYLE}</style></head><body>"
        f"<header><h1>{e(title)}</h1><p>corpuskit.article/1 records: what is in the corpus, how complete it is,"
        f" and what the validator found.</p></header><main>"
        f"<div class=cards>{''.join(f'<div class=card>{e(k)}<b>{e(v)}</b></div>' for k, v in cards)}</div>"
        f"<div class=plots>{''.join(f'<figure><figcaption>{e(c)}</figcaption>{svg}</figure>' for c, svg in _plots(records, stats))}</div>"
        f"<h2>Diagnostics</h2>{table}<h2>Sample records</h2>{''.join(_record(a) for a in chosen)}"
        "</main></body></html>"
    )


def write_report(paths: list[Path], out: Path, *, now: str | None = None) -> tuple[int, int]:
    """Validate and summarise the corpus under ``paths`` into one HTML file; (records, diagnostics)."""
    from corpuskit.export import records
    from corpuskit.validate import ValidateOptions, validate_paths

    report = validate_paths(paths, ValidateOptions(now=now))
    problems: list[Diagnostic] = []
    articles = list(records(paths, problems))
    out.write_text(render(articles, report.diagnostics, title=f"Corpus report: {', '.join(p.name for p in paths)}"))
    return len(articles), len(report.diagnostics)
