"""Structural checks across groups: a part may not exceed its whole.

* "72 out of 99": the part (ratio_of) is at most the whole;
* intercepted <= launched for the same weapon, place and event;
* a city toll <= the toll of a region or country that contains it, for the same event;
* the exact tolls of several places within one scope add up to no more than its exact toll.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Hashable, Sequence

from claimcheck import places
from claimcheck.lexicon import load
from claimcheck.models import Check, Claim, ClaimGroup


def structural_checks(claims: list[Claim], groups: list[ClaimGroup]) -> list[Check]:
    """Every parts-vs-whole check that applies, passed or failed."""
    by_id = {c.id: c for c in claims}
    out: list[Check] = []
    for c in claims:
        if c.ratio_of and c.ratio_of in by_id:
            whole = by_id[c.ratio_of]
            ok = c.value <= whole.value
            out.append(Check(rule="part <= whole", claims=[c.id, whole.id], passed=ok,
                             explanation=f"{c.text} is part of {whole.text}"))
    heads = {g.id: by_id[g.claims[0]] for g in groups}
    spans = {g.id: _days(g, by_id) for g in groups}
    best = {g.id: g.estimate.best for g in groups if g.estimate and g.estimate.best is not None}
    near = _near(groups, spans, [(heads[g.id].entity, heads[g.id].unit) for g in groups])
    for ia, ga in enumerate(groups):
        a = heads[ga.id]
        for gb in (groups[ib] for ib in near[ia]):
            b = heads[gb.id]
            if ga.id == gb.id or a.entity != b.entity or a.unit != b.unit \
                    or not _overlap(spans[ga.id], spans[gb.id]):
                continue
            if ga.id not in best or gb.id not in best:
                continue
            part_of = load("frames_checks")["parts_of"].get(a.measure or "")
            if part_of == b.measure and a.location == b.location:
                out.append(_compare(ga, gb, best, "intercepted <= launched"))
            elif a.measure == b.measure and _within(a, b):
                out.append(_compare(ga, gb, best, "local toll <= toll of the wider area"))
    out.extend(_sums(groups, heads, best, spans))
    return out


def _days(group: ClaimGroup, by_id: dict[str, Claim]) -> tuple[dt.date, dt.date] | None:
    days = [d for c in group.claims if (d := by_id[c].date) is not None]
    return (min(days), max(days)) if days else None


def _overlap(a: tuple[dt.date, dt.date] | None, b: tuple[dt.date, dt.date] | None) -> bool:
    """Two groups speak of one event when their event days overlap (or either is undated)."""
    if a is None or b is None:
        return True
    # differences of dates, not sums: a day past 9999-12-31 does not exist
    return (a[0] - b[1]).days <= 1 and (b[0] - a[1]).days <= 1


def _near(groups: list[ClaimGroup], spans: dict[str, tuple[dt.date, dt.date] | None],
          keys: Sequence[Hashable]) -> list[list[int]]:
    """For each group (by index), the groups with the same key (None: no group) whose event
    days may overlap its own, by index in `groups` order: a superset of the pairs the double
    loops accept (they still test `_overlap`), found by bucketing and a window over start days
    instead of comparing all pairs of groups."""
    buckets: dict[Hashable, list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        if key is not None:
            buckets[key].append(i)
    out: list[list[int]] = [[] for _ in groups]
    for members in buckets.values():
        undated: list[int] = []
        dated: list[tuple[int, int, int]] = []  # (first day, last day, index), as ordinals
        for i in members:
            span = spans[groups[i].id]
            if span is None:
                undated.append(i)
            else:
                dated.append((span[0].toordinal(), span[1].toordinal(), i))
        dated.sort()
        starts = [d[0] for d in dated]
        widest = max((last - first for first, last, _ in dated), default=0)
        for i in members:
            span = spans[groups[i].id]
            if span is None:
                out[i] = members
                continue
            first, last = span[0].toordinal(), span[1].toordinal()
            window = dated[bisect.bisect_left(starts, first - 1 - widest)
                           : bisect.bisect_right(starts, last + 1)]
            out[i] = sorted([d[2] for d in window] + undated)
    return out


def _within(part: Claim, whole: Claim) -> bool:
    p, w = _place(part), _place(whole)
    return p is not None and w is not None and p != w and w.contains(p)


def _place(claim: Claim) -> places.Place | None:
    if claim.place_key:
        return places.from_key(claim.place_key)
    return places.resolve(claim.location) if claim.location else None


def _compare(part: ClaimGroup, whole: ClaimGroup, best: dict[str, float], rule: str) -> Check:
    ok = best[part.id] <= best[whole.id]
    return Check(rule=rule, claims=[part.claims[0], whole.claims[0]], passed=ok,
                 explanation=f"{part.about}: {best[part.id]:g} vs {whole.about}: {best[whole.id]:g}")


def _sums(groups: list[ClaimGroup], heads: dict[str, Claim], best: dict[str, float],
          spans: dict[str, tuple[dt.date, dt.date] | None]) -> list[Check]:
    out: list[Check] = []
    wholes: dict[str, list[ClaimGroup]] = defaultdict(list)
    keys = [(heads[g.id].measure, heads[g.id].entity) if heads[g.id].qualifier == "exact" else None
            for g in groups]
    near = _near(groups, spans, keys)
    for ig, g in enumerate(groups):
        for w in (groups[iw] for iw in near[ig]):
            a, b = heads[g.id], heads[w.id]
            if g.id != w.id and a.measure == b.measure and a.entity == b.entity and \
                    _overlap(spans[g.id], spans[w.id]) and \
                    a.qualifier == b.qualifier == "exact" and _within(a, b):
                wholes[w.id].append(g)
    for wid, parts in wholes.items():
        if len(parts) < 2 or wid not in best or any(p.id not in best for p in parts):
            continue
        total = sum(best[p.id] for p in parts)
        out.append(Check(rule="sum of parts <= whole", claims=[heads[p.id].id for p in parts] +
                         [heads[wid].id], passed=total <= best[wid],
                         explanation=f"parts add up to {total:g} against {best[wid]:g}"))
    return out
