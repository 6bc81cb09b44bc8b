"""What the scanner returns: a `Mention`, and the one interval rule of a hedge."""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck import units

Interval = tuple[float | None, float | None]


@dataclass(frozen=True)
class Mention:
    """One numeric expression: `text[start:end]`, read as an interval."""

    start: int
    end: int
    value: float
    low: float | None
    high: float | None
    qualifier: str
    unit: str | None = None
    kind: str = "number"  # number | ordinal | time | designation
    hedge: str | None = None  # the hedge words, lower case, when the wording has one
    number_start: int = 0  # span of the figure itself, without hedge and unit
    number_end: int = 0


def interval(value: float, qualifier: str, unit: str | None = None) -> Interval:
    """The [low, high] a hedge allows around `value` (None is unbounded)."""
    floor = None if value < 0 or units.is_temperature(unit) else 0.0
    if qualifier in ("at_least", "more_than", "vague"):
        return value, None
    if qualifier in ("at_most", "less_than"):
        return floor, value
    return value, value
