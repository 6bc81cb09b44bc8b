"""The record a date or time expression is reported as."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from claimcheck.errors import ClaimcheckError

KINDS = frozenset({"date", "year", "time", "relative", "period"})
GRANULARITIES = frozenset({"day", "month", "year", "time"})


class _MentionError(ClaimcheckError, ValueError):
    """A DateMention was built with an impossible span, kind or granularity."""


@dataclass(frozen=True)
class DateMention:
    """One date or time expression: `text[start:end]`, what it is, and the day it names."""

    start: int
    end: int
    kind: str
    day: dt.date | None
    granularity: str
    night: bool = False  # one night, dated by the morning it ends ("the night of 29-30 June")

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise _MentionError(
                f"DateMention span ({self.start}, {self.end}) is empty or negative; "
                "start must be >= 0 and below end."
            )
        if self.kind not in KINDS:
            raise _MentionError(f"DateMention kind {self.kind!r} is not one of {sorted(KINDS)}.")
        if self.granularity not in GRANULARITIES:
            raise _MentionError(
                f"DateMention granularity {self.granularity!r} is not one of "
                f"{sorted(GRANULARITIES)}."
            )
