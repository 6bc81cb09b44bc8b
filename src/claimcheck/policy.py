"""Policy: the documented, configurable rules by which figures are aligned and compared,
and the one interval rule (a stated figure and its qualifier -> the values it allows) that
matching and judging both read figures by."""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from claimcheck.errors import PolicyError


@dataclass(frozen=True)
class Interval:
    """The values a stated figure allows. An open end excludes its bound: "more than 30"
    is (30, inf), so it contradicts "30" and agrees with "31" and with "more than 30"."""

    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False

    def disjoint(self, other: Interval) -> bool:
        """No value lies in both."""
        return _below(self, other) or _below(other, self)


def _below(a: Interval, b: Interval) -> bool:
    return a.hi < b.lo or (a.hi == b.lo and (a.hi_open or b.lo_open))


class Policy(BaseModel):
    """How claimcheck aligns claims and judges their figures (see docs/discrepancies.md).

    The defaults follow how fact-checkers read figures: "about 600" tolerates half a unit of
    its last significant digit (+-50), capped at `max_rounding` of the figure; a round exact
    figure of 100 or more ("570") carries the same rounding tolerance, a smaller one ("20
    dead") is a count and has none; a hedged figure further than
    `tension_threshold` from another is a tension. A contradiction or tension whose
    confidence is below `min_confidence` is reported as `possible`; figures more than
    `implausible_ratio` times apart are more likely two quantities than one misreported. A
    running count given lower than a figure its text recalls is revised down (a conflict)
    when the recalled figure is at most `max_revision` above it; further apart, the recalled
    figure is more likely another quantity (another night's, a part's). From
    `settled_after_days` after its event on (0: never), a count is one tally a day: two
    exact figures of two date-only reports of one day are simultaneous, not a rise.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    def __init__(self, **settings: Any) -> None:
        try:
            super().__init__(**settings)
        except ValidationError as exc:
            problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}"
                                 for e in exc.errors())
            raise PolicyError(f"invalid Policy setting ({problems}); see docs/discrepancies.md "
                              "for the allowed ranges") from None

    max_rounding: float = Field(0.10, ge=0, le=1)
    round_figures_are_rounded: bool = True
    tension_threshold: float = Field(0.10, ge=0)
    min_confidence: float = Field(0.7, ge=0, le=1)
    implausible_ratio: float = Field(10.0, gt=1)
    max_revision: float = Field(0.4, ge=0)
    settled_after_days: int = Field(2, ge=0, le=366)
    event_window_days: int = Field(1, ge=0, le=366)
    undated_window_days: int = Field(7, ge=0, le=366)
    sole_locality_rule: bool = True
    one_place_rule: bool = True
    min_claims_per_group: int = Field(2, ge=2)

    @property
    def widest_window_days(self) -> int:
        """The most days two event dates of one quantity may lie apart (dated or undated)."""
        return max(self.event_window_days, self.undated_window_days)

    def tolerance(self, value: float, qualifier: str) -> float:
        """Rounding slack of a stated figure: half a unit of its last significant digit."""
        if qualifier not in ("exact", "approximate") or value == 0:
            return 0.0
        if qualifier == "exact" and not self.round_figures_are_rounded:
            return 0.0
        magnitude = abs(value)
        if magnitude != int(magnitude):
            text = repr(magnitude).rstrip("0")
            places = len(text.split(".")[1]) if "." in text else 0
            return 0.5 * 10.0 ** -places if qualifier == "approximate" else 0.0
        digits = int(magnitude)
        zeros = 0
        while digits and digits % 10 == 0:
            digits //= 10
            zeros += 1
        if qualifier == "exact" and (zeros == 0 or magnitude < 100):
            return 0.0
        half_unit = 0.5 * 10.0**zeros
        return min(half_unit, self.max_rounding * magnitude)

    def interval(self, value: float, qualifier: str, low: float | None, high: float | None,
                 scale: float = 1.0) -> Interval:
        """The one reading of a stated figure, in units `scale` times the stated ones: an exact
        or approximate figure widened by its rounding slack; a hedge's bounds as stated, open
        for "more than" and "fewer than"; None is unbounded."""
        if qualifier in ("exact", "approximate"):
            slack = self.tolerance(value, qualifier) * scale
            return Interval(value * scale - slack, value * scale + slack)
        lo = -math.inf if low is None else low * scale
        hi = math.inf if high is None else high * scale
        if lo == hi:
            return Interval(lo, hi)  # "fewer than 0" allows nothing: read it as its bound
        return Interval(lo, hi, lo_open=qualifier == "more_than", hi_open=qualifier == "less_than")

    @staticmethod
    def converted(qualifier: str) -> str:
        """The qualifier of a figure compared with one in another unit: most likely a rounded
        conversion ("20 ft (6 m)"), an exact figure keeps the slack of its last digit even
        where exact counts have none."""
        return "approximate" if qualifier == "exact" else qualifier

    def rel(self, a: float, b: float) -> float | None:
        """Relative difference against the smaller magnitude: 0 when the figures are equal,
        None when they differ and the smaller is zero or too small to divide by (a denormal),
        or when the gap is too large for a float."""
        if a == b:
            return 0.0
        base = min(abs(a), abs(b))
        if base < sys.float_info.min:  # zero or subnormal: no relative gap to speak of
            return None
        gap = abs(a - b) / base
        return gap if math.isfinite(gap) else None
