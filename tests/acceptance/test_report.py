"""The HTML report renders in headless Chromium, and what it shows is not blank."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from corpuskit.cli import main
from tests.helpers import FIXTURES


def test_the_report_renders_in_chromium(tmp_path: Path) -> None:
    from PIL import Image, ImageStat

    records = tmp_path / "records.jsonl"
    assert main(["convert", str(FIXTURES / "seeds"), str(FIXTURES / "warc"), "-o", str(records), "-q"]) == 0
    page = tmp_path / "report.html"
    assert main(["report", str(records), "-o", str(page), "--now", "2026-11-23"]) == 0
    text = page.read_text()
    assert text.count("<svg") == 4 and "R002" in text and 'class="removed"' in text
    assert "http://" not in text.replace("http://www.w3.org", "").split("<main>")[0]  # nothing loaded from outside

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium is not None, "headless Chromium is missing: `make test` installs Debian's chromium"
    shot = tmp_path / "report.png"
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            f"--screenshot={shot}",
            "--window-size=1280,1600",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    image = Image.open(shot).convert("RGB")
    assert image.size == (1280, 1600)
    stats = ImageStat.Stat(image)
    assert max(stats.stddev) > 20  # not one flat colour
    assert len(image.getcolors(maxcolors=1 << 20) or []) > 50  # plots, text and cards, not a blank page
