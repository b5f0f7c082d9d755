"""Write every generated file from its source of truth. ``make generate`` runs this;
``tests/unit/test_generated.py`` fails when a committed copy drifts."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

from corpuskit.models import Article
from corpuskit.schema import render

ROOT = Path(__file__).resolve().parent.parent


def generated_files() -> dict[str, Callable[[], str]]:
    """Path (relative to the repository) → function producing its exact content."""
    files: dict[str, Callable[[], str]] = {
        "schema/article.schema.json": lambda: render("article"),
        "schema/corpus.schema.json": lambda: render("corpus"),
    }
    for seed in sorted((ROOT / "fixtures" / "seeds").glob("*.txt")):
        files[f"fixtures/expected/{seed.stem}.json"] = lambda seed=seed: _expected(seed)  # type: ignore[misc]
    return files


SEED_STAMP = "2026-01-01T00:00:00Z"


def _expected(seed: Path) -> str:
    """The reviewed conversion of a seed, with its sidecar (a snapshot: review diffs by eye)."""
    from corpuskit.convert import REGISTRY, convert_source
    from corpuskit.convert._build import SourceInput
    from corpuskit.convert.sidecar import load_sidecar

    sidecar = load_sidecar(ROOT / "fixtures" / "seeds" / "sidecar.csv")
    (article,) = convert_source(
        REGISTRY["text"], SourceInput(seed.name, seed.read_bytes()), row=sidecar.for_path(seed.name), stamp=SEED_STAMP
    )
    if not isinstance(article, Article):
        raise RuntimeError(f"{seed.name} did not convert: {article.message}")
    return json.dumps(article.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    for relative, produce in generated_files().items():
        target = ROOT / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(produce(), encoding="utf-8")
        print(f"wrote {relative}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
