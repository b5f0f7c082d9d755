"""The README's tour must point at files that exist, and open with the two commands."""

import re

from corpuskit._generate import ROOT


def test_readme_opens_with_the_two_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = text.split("```sh\n", 1)[1].split("```", 1)[0]
    assert [line.split("#")[0].strip() for line in first_block.strip().splitlines()] == ["make demo", "make test"]


def test_readme_fixture_paths_exist() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    paths = set(re.findall(r"fixtures/[\w./-]+", text))
    assert paths
    missing = sorted(path for path in paths if not (ROOT / path.rstrip("/.")).exists())
    assert missing == []
