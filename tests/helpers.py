"""Shared test helpers."""

from __future__ import annotations

import io
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEEDS = FIXTURES / "seeds"


def run_cli(*argv: str) -> tuple[int, str]:
    """``corpuskit ARGV...`` in this process: its exit code and what it wrote to its output."""
    from corpuskit.cli import main

    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def realdata() -> Path:
    """The real pages and WARCs that `make realdata` unpacks (benchmarks/realdata.py).

    A missing folder fails the test that needs it, with the command that fills it:
    real data is part of the test suite, never silently skipped.
    """
    import os

    import pytest

    root = Path(os.environ.get("CORPUSKIT_REALDATA", ROOT / "build" / "realdata"))
    if not (root / "pywb-2.10.0").is_dir():
        pytest.fail(f"real test data missing in {root}: run `make realdata` (make test does)")
    return root


def pywb_archive() -> Path:
    return realdata() / "pywb-2.10.0" / "sample_archive"


def newspaper_data() -> Path:
    return realdata() / "newspaper4k-0.9.6" / "tests" / "data"
