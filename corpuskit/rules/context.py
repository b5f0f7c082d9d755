"""What record rules may consult besides the record: the run's settings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from corpuskit.dates import earliest_instant


@dataclass(frozen=True)
class RuleContext:
    """Thresholds and the clock, from the configuration and the command line.

    ``now`` is the run's date (ISO 8601); records may not be dated after it.
    """

    now: str
    date_floor: str = "1605"
    min_body_words: int = 50

    @cached_property
    def now_instant(self) -> dt.datetime:
        return earliest_instant(self.now)

    @cached_property
    def floor_instant(self) -> dt.datetime:
        return earliest_instant(self.date_floor)
