"""Write every generated file from its source of truth. ``make generate`` runs this;
``tests/unit/test_generated.py`` fails when a committed copy drifts."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from corpuskit.schema import render

ROOT = Path(__file__).resolve().parent.parent


def generated_files() -> dict[str, Callable[[], str]]:
    """Path (relative to the repository) → function producing its exact content."""
    return {
        "schema/article.schema.json": lambda: render("article"),
        "schema/corpus.schema.json": lambda: render("corpus"),
    }


def main() -> int:
    for relative, produce in generated_files().items():
        target = ROOT / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(produce(), encoding="utf-8")
        print(f"wrote {relative}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
