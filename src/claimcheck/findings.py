"""What a judged group reports: each discrepancy as a record (its explanation, its confidence
and reasons, `possible` below the policy's threshold) and the group's reconciled estimate.
`judge` decides the kind of each pair; this module only writes the findings down."""

from __future__ import annotations

import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from claimcheck.lexicon import plural
from claimcheck.models import Alignment, Claim, Discrepancy, Estimate, Verdict
from claimcheck.policy import Policy

_IMPLAUSIBLE_PENALTY = 0.5  # figures `implausible_ratio` times apart halve the confidence


class Read(Protocol):
    """A claim as the judge reads it: its figure and interval in the group's unit."""

    @property
    def claim(self) -> Claim: ...
    @property
    def value(self) -> float: ...
    @property
    def lo(self) -> float: ...
    @property
    def hi(self) -> float: ...
    def key(self) -> tuple[object, ...]: ...


def discrepancy(a: Read, b: Read, kind: str, policy: Policy, *, timed: bool) -> Discrepancy:
    """The pair as a Discrepancy with its explanation: an update in its order (earlier, later),
    any other kind in text order. `timed`: the texts' times order the pair."""
    first, second, diff, rel, explanation = _written(a, b, kind, policy, timed)
    return Discrepancy(claims=(first.id, second.id), kind=kind,
                       abs_diff=round(diff, 6),
                       rel_diff=round(rel, 4) if rel is not None else None,
                       explanation=explanation, reasons=[])  # given: no deep copy of the default


def _written(a: Read, b: Read, kind: str, policy: Policy, timed: bool
             ) -> tuple[Claim, Claim, float, float | None, str]:
    """(first claim, second claim, gap, relative gap, explanation) of the pair's record."""
    first, second = a.claim, b.claim
    if kind != "update" and (first.doc, first.start) > (second.doc, second.start):
        first, second = second, first
    va, vb = a.value, b.value
    diff = abs(va - vb)  # finite: no reading is larger than units.LARGEST
    smaller = min(abs(va), abs(vb))
    rel = policy.rel(va, vb)
    unit = a.claim.unit or _plural(a.claim.entity or "", diff == 1)
    what = _WHAT[kind] if kind != "update" or timed else _UNTIMED
    if rel is not None:
        share = f"{_percent(rel)} of {_fmt(smaller)}"
    elif smaller == 0:
        share = "no relative gap: one figure is zero"
    elif smaller < sys.float_info.min:
        share = f"no relative gap: {smaller:g} is too small to divide by"
    else:
        share = f"no relative gap: {_fmt(diff)} is too many times {smaller:g} to say how many"
    explanation = (
        f"{_quote(first)} vs {_quote(second)}: {what}; "
        f"{_fmt(diff)} {unit} apart ({share})"
    ).replace("  ", " ")
    return first, second, diff, rel, explanation


_WHAT = {
    "contradiction": "cannot both be true",
    "tension": "agree only thanks to an open-ended hedge",
    "update": "a later report gives a higher running count",
}
_UNTIMED = ("no time in the texts orders them; a running count grows, so the lower figure is "
            "read as the earlier")


@lru_cache(maxsize=1 << 12)
def _plural(noun: str, one: bool) -> str:
    """`plural`, remembered: a batch counts a few nouns many times."""
    return plural(noun, 1 if one else 2)


def _percent(rel: float) -> str:
    """17%, 0.4%, 0.04%: enough digits that a real gap never reads as 0%."""
    if rel == 0 or rel >= 0.01:
        return f"{rel:.0%}"
    return f"{rel * 100:.2g}%"


def _quote(claim: Claim) -> str:
    who = claim.speaker or "the outlet"
    return f"\"{claim.text}\" ({who})"


def _fmt(x: float) -> str:
    return f"{int(x):,}" if x == int(x) else f"{x:,.2f}"


# ---------------------------------------------------------------- confidence


def weigh(d: Discrepancy, a: Read, b: Read, alignment: Alignment | None,
           policy: Policy) -> Discrepancy:
    """A contradiction or tension with its confidence and reasons; `possible` below the
    policy's threshold. Confidence is how alike the grouped claims are (the alignment's
    score) times a penalty for measurements too far apart to be one quantity misreported."""
    if d.kind == "update":
        return d
    confidence, reasons = _confidence(a, b, Weight.of(alignment), policy)
    return _weighed(d, confidence, reasons, policy)


@dataclass(frozen=True)
class Weight:
    """What a group's alignment does to the confidence of each of its conflicts: a factor
    and the reason for it (none for a perfect or absent alignment)."""

    factor: float = 1.0
    reason: str | None = None

    @classmethod
    def of(cls, alignment: Alignment | None) -> Weight:
        if alignment is None or alignment.score >= 100:
            return cls()
        weak = ", ".join(f"{name} {score:g}/100" for name, score in alignment.scores.items()
                         if score < 100)
        return cls(alignment.score / 100,
                   f"the grouped claims are alike at {alignment.score:g}/100 ({weak})")


def finding(a: Read, b: Read, kind: str, policy: Policy, *, timed: bool,
            weight: Weight) -> Discrepancy:
    """`weigh(discrepancy(a, b, ...), a, b, alignment, policy)` built as one record, with the
    group's alignment read once into `weight` (`Weight.of`)."""
    first, second, diff, rel, explanation = _written(a, b, kind, policy, timed)
    claims = (first.id, second.id)
    rel_diff = round(rel, 4) if rel is not None else None
    confidence, reasons = _confidence(a, b, weight, policy) if kind != "update" else (1.0, [])
    if not 0 <= confidence <= 1:  # a custom matcher's score: written as `weigh` writes it
        plain = Discrepancy(claims=claims, kind=kind, abs_diff=round(diff, 6), rel_diff=rel_diff,
                            explanation=explanation, reasons=[])
        return plain if kind == "update" else _weighed(plain, confidence, reasons, policy)
    given = _UPDATE_GIVEN
    if kind != "update":
        given = _WEIGHED_GIVEN
        if confidence < policy.min_confidence:
            kind, explanation = "possible", _doubted(kind, confidence, explanation, policy)
    return _trusted(given, {"claims": claims, "kind": kind, "abs_diff": round(diff, 6),
                            "rel_diff": rel_diff, "explanation": explanation,
                            "confidence": confidence, "reasons": reasons})


def _trusted(given: set[str], fields: dict[str, object]) -> Discrepancy:
    """A record of fields written here, each already of its field's type and within its
    bounds (`_written` writes finite gaps; `finding` checks the confidence): built without
    validation, as pydantic's `model_construct` builds one, at a sixth of validation's cost
    (a batch writes millions). `given`: the fields a validated record would say were given."""
    record = Discrepancy.__new__(Discrepancy)
    _setattr(record, "__dict__", fields)
    _setattr(record, "__pydantic_fields_set__", given)
    _setattr(record, "__pydantic_extra__", None)
    _setattr(record, "__pydantic_private__", None)
    return record


_setattr = object.__setattr__
# the shared sets of given fields (models._Record) of an update's record and a weighed one's
_UPDATE_GIVEN = Discrepancy(claims=("", ""), kind="update", abs_diff=0.0, rel_diff=None,
                            explanation="", reasons=[]).model_fields_set
_WEIGHED_GIVEN = Discrepancy(claims=("", ""), kind="contradiction", abs_diff=0.0, rel_diff=None,
                             explanation="", confidence=1.0, reasons=[]).model_fields_set


def _weighed(d: Discrepancy, confidence: float, reasons: list[str], policy: Policy
             ) -> Discrepancy:
    """`d` with its confidence and reasons; `possible` below the policy's threshold."""
    if confidence >= policy.min_confidence:
        return d.model_copy(update={"confidence": confidence, "reasons": reasons})
    return d.model_copy(update={
        "kind": "possible", "confidence": confidence, "reasons": reasons,
        "explanation": _doubted(d.kind, confidence, d.explanation, policy)})


def _confidence(a: Read, b: Read, weight: Weight, policy: Policy) -> tuple[float, list[str]]:
    confidence, reasons = 1.0, []
    if weight.reason is not None:
        confidence *= weight.factor
        reasons.append(weight.reason)
    low, high = sorted((abs(a.value), abs(b.value)))
    # a measurement (a length, an area) named only by its unit: a storm surge in feet and a
    # rainfall in inches share a group; counts of one thing can truly be that far apart
    measured = a.claim.kind == b.claim.kind == "measurement"
    if measured and high > policy.implausible_ratio * low:
        confidence *= _IMPLAUSIBLE_PENALTY
        times = f"{high / low:,.0f} times" if low else "infinitely"
        reasons.append(f"the figures are {times} apart: more likely two quantities than one "
                       "misreported")
    return round(confidence, 3), reasons


def _doubted(kind: str, confidence: float, explanation: str, policy: Policy) -> str:
    return (f"possible {kind} (confidence {confidence:g}, below "
            f"{policy.min_confidence:g}): {explanation}")


# ---------------------------------------------------------------- estimate


def estimate(readings: Sequence[Read], verdict: Verdict) -> Estimate:
    """The group's reconciled figure: the latest of a running count, else the intersection
    (consistent) or the span (conflicting) of the readings, best the median point figure."""
    if verdict == "evolving":
        current = [r for r in readings if not r.claim.recalled] or readings
        latest = max(current, key=lambda r: r.key())
        return Estimate(low=_finite(latest.claim.low), best=latest.claim.value,
                        high=_finite(latest.claim.high), rule="latest report of a running count")
    # readings are in the group's first unit, rounding slack included
    points = sorted(r.value for r in readings if r.claim.qualifier in ("exact", "approximate"))
    best = points[len(points) // 2] if points else sorted(r.value for r in readings)[
        len(readings) // 2]
    if verdict == "consistent":
        # the intersection of the intervals as read, rounding slack included
        low = _finite(max(r.lo for r in readings))
        high = _finite(min(r.hi for r in readings))
        if low is not None and best < low or high is not None and best > high:
            best = low if low is not None and best < low else (high if high is not None else best)
        return Estimate(low=low, best=best, high=high,
                        rule="intersection of the stated intervals; best is the median point figure")
    # the span of the figures: an open side anywhere leaves that side open
    return Estimate(low=_finite(min(r.lo for r in readings)), best=best,
                    high=_finite(max(r.hi for r in readings)),
                    rule="span of the conflicting figures; best is the median point figure")


def _finite(x: float | None) -> float | None:
    return x if x is not None and math.isfinite(x) else None
