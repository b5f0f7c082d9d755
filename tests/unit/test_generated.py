"""Generated files must equal what their generator writes today."""

import pytest

from corpuskit._generate import ROOT, generated_files


@pytest.mark.parametrize("relative", sorted(generated_files()))
def test_committed_copy_matches_generator(relative: str) -> None:
    expected = generated_files()[relative]()
    path = ROOT / relative
    committed = path.read_bytes() if isinstance(expected, bytes) else path.read_text(encoding="utf-8")
    assert committed == expected, f"{relative} drifted: run `make generate`"
