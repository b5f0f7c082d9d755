"""Generated files must equal what their generator writes today."""

import pytest

from corpuskit._generate import ROOT, generated_files


@pytest.mark.parametrize("relative", sorted(generated_files()))
def test_committed_copy_matches_generator(relative: str) -> None:
    committed = (ROOT / relative).read_text(encoding="utf-8")
    assert committed == generated_files()[relative](), f"{relative} drifted: run `make generate`"
