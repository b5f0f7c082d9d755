"""What record rules may consult besides the record: the run's settings."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RuleContext:
    """Thresholds and the clock, from the configuration and the command line.

    ``now`` is the run's date (ISO 8601); records may not be dated after it.
    """

    now: str
    date_floor: str = "1605"
    min_body_words: int = 50
    coverage_floor: dict[str, float] | None = None
