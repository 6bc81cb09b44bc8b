"""Group -> discrepancies, verdict and reconciled estimate, under a Policy.

Each claim is read as an interval (its qualifier) widened by rounding slack (the Policy).
For a pair of claims:

* disjoint intervals are a `contradiction`, unless the measure is a running count and the
  later report is higher, which is an `update` (an evolution, not a conflict);
* intervals that meet only thanks to an open-ended hedge ("up to 700" vs 597), while the
  figures differ beyond rounding and by more than the tension threshold, are a `tension`;
* a running count that a later report gives higher is an `update`.

Time comes from the documents and their texts only, never from input order or ids: the "as
of" time in the text, else the publication time. A date-only report could be any hour of its
day, so it is a window of time; two reports whose windows overlap are unordered. Figures in one
document are simultaneous, and a figure the text recalls as earlier is older. Two figures of a
running count with no time evidence between them are read as a growing count: the lower one
is the earlier (see docs/discrepancies.md).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Protocol

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from claimcheck import findings, units
from claimcheck.lexicon import load
from claimcheck.models import Alignment, Claim, Discrepancy, Document, Estimate, Verdict
from claimcheck.policy import Interval, Policy

_OPEN_UP = frozenset({"at_least", "more_than", "vague"})
_OPEN_DOWN = frozenset({"at_most", "less_than"})


@cache
def _cumulative() -> frozenset[str]:
    return frozenset(load("measures")["cumulative"])


@cache
def _stock() -> frozenset[str]:
    return frozenset(load("measures")["stock"])


@dataclass(frozen=True, order=True)
class When:
    """When a figure was reported: the window of times it may date from (one instant for a
    timestamp, the whole day for a date-only report), and its moment within its document:
    recalled (-1), current (0) or newer (+1)."""

    start: dt.datetime
    end: dt.datetime
    moment: int = 0


_DAWN = dt.datetime.min.replace(tzinfo=dt.timezone.utc)
_DUSK = dt.datetime.max.replace(tzinfo=dt.timezone.utc)


@dataclass(frozen=True, slots=True)
class _Reading:
    claim: Claim
    span: Interval
    value: float
    tol: float
    when: When
    source: str  # the document, or the lowest id among copies of its text: one report
    # reports of the same window that recall this figure as earlier: it precedes their
    # current figures ("Earlier on Tuesday, firefighters had said 35")
    recalled_by: frozenset[str] = frozenset()
    # for a recalled figure: the reports of its window that state it as current, so that it
    # is of their time, simultaneous with their other current figures
    stated_by: frozenset[str] = frozenset()

    @property
    def lo(self) -> float:
        return self.span.lo

    @property
    def hi(self) -> float:
        return self.span.hi

    def key(self) -> tuple[object, ...]:
        """A total order that depends on the readings alone: time, then document and offset."""
        return self.when, self.value, self.claim.doc, self.claim.start


class Judge(Protocol):
    """The judging stage: one group's claims -> verdict, discrepancies and estimate.
    `judge` is the default; a pipeline takes any callable of this shape."""

    def __call__(self, claims: Sequence[Claim], documents: dict[str, Document],
                 policy: Policy, *, times: dict[str, When],
                 alignment: Alignment | None) -> tuple[Verdict, list[Discrepancy], Estimate]: ...


_SAME_SPEAKER = 80  # token-set ratio: one name, two transliterations, with or without a title
_PAIRWISE_LIMIT = 150  # above this many readings, identical ones are judged once


def judge(
    claims: Sequence[Claim], documents: dict[str, Document], policy: Policy | None = None,
    *, times: dict[str, When] | None = None, alignment: Alignment | None = None,
) -> tuple[Verdict, list[Discrepancy], Estimate]:
    """The verdict, discrepancies and low/best/high estimate for one group of claims.

    `times` (from `doc_times`) may be passed in when many groups share one set of documents;
    `alignment` (why the claims were grouped) weighs how sure each conflict is.
    """
    policy = policy or Policy()
    claims = _timed(claims)
    unit = _common_unit(claims)
    times = times if times is not None else doc_times(documents)
    sources = _sources(claims, documents)
    readings = _echoed(sorted(
        (_read(c, unit, times, policy, sources.get(c.doc, c.doc)) for c in claims),
        key=_Reading.key))
    if len(readings) > _PAIRWISE_LIMIT:
        # a large group repeats a few figures many times: compare each distinct reading of a
        # day once, so that cost follows the number of distinct figures, not of reports
        distinct: dict[tuple[object, ...], _Reading] = {}
        for r in readings:
            key = (r.value, r.lo, r.hi, r.claim.qualifier, r.claim.recalled, r.claim.later,
                   r.when.start.date())
            distinct.setdefault(key, r)
        readings = list(distinct.values())
    cumulative = claims[0].measure in _cumulative()
    stock = claims[0].measure in _stock()
    pending: list[_Pending] = []
    disputed = _disputed(readings, policy)
    record = _Record(readings)
    for i in range(len(readings)):
        for j in range(i + 1, len(readings)):
            p = _pair(readings[i], readings[j], record, disputed, cumulative, policy) \
                if not stock else _stock_pair(readings[i], readings[j], policy)
            if p is not None:
                pending.append((i, j, *p))
    # records (pydantic, with an explanation) only for the pairs the reduction keeps
    found = [findings.weigh(
        findings.discrepancy(a, b, kind, policy, timed=_before(a, b) or _before(b, a)),
        readings[i], readings[j], alignment, policy)
             for i, j, a, b, kind in _reduce_updates(pending)]
    kinds = {d.kind for d in found}
    verdict: Verdict = "conflict" if kinds & {"contradiction", "tension"} else (
        "evolving" if "update" in kinds else "consistent")
    # figures that possibly disagree have no common interval: estimate them as a conflict's
    spread = "conflict" if verdict == "consistent" and "possible" in kinds else verdict
    return verdict, found, findings.estimate(readings, spread)


# ---------------------------------------------------------------- readings


def _common_unit(claims: Sequence[Claim]) -> str | None:
    """The unit the group's gaps are told in: its most frequent, then the first by name."""
    counts = Counter(c.unit for c in claims)
    return min(counts, key=lambda u: (-counts[u], u or ""))


def _sources(claims: Sequence[Claim], documents: dict[str, Document]) -> dict[str, str]:
    """Each document of the group -> the report it carries: copies of one text published at
    one time (a wire story under two ids) are one report, named by their lowest id, so a copy
    orders its figures the way the original does."""
    first: dict[tuple[object, ...], str] = {}
    for doc_id in sorted({c.doc for c in claims}):
        doc = documents.get(doc_id)
        if doc is not None:
            first.setdefault((doc.text, doc.published), doc_id)
    return {doc_id: first[(doc.text, doc.published)] for doc_id in {c.doc for c in claims}
            if (doc := documents.get(doc_id)) is not None}


def _read(claim: Claim, unit: str | None, times: dict[str, When], policy: Policy,
          source: str) -> _Reading:
    factor = 1.0
    if claim.unit != unit and claim.unit is not None and unit is not None:
        converted = units.convert(1.0, claim.unit, unit)
        factor = converted if converted is not None else 1.0
        if max(abs(claim.value), abs(claim.low or 0.0), abs(claim.high or 0.0)) * factor \
                > units.LARGEST:
            factor = 1.0  # no finite reading in the group's unit: compare it unconverted
    qualifier = policy.converted(claim.qualifier) if factor != 1.0 else claim.qualifier
    span = policy.interval(claim.value, qualifier, claim.low, claim.high, factor)
    tol = policy.tolerance(claim.value, qualifier) * factor
    return _Reading(claim, span, claim.value * factor, tol, _when(claim, times), source)


def _echoed(readings: list[_Reading]) -> list[_Reading]:
    """The readings, each current figure marked with the other reports of its window that
    recall the same figure as earlier: their text dates it before their own figures."""
    recalls = [r for r in readings if r.claim.recalled]
    if not recalls:
        return readings
    def echo(q: _Reading, r: _Reading) -> bool:  # r, recalled, repeats q, current, of its window
        return r.source != q.source and not q.claim.recalled and r.value == q.value \
            and q.when.start <= r.when.end and r.when.start <= q.when.end

    out = []
    for q in readings:
        if q.claim.recalled:
            stated = frozenset(c.source for c in readings if echo(c, q))
            out.append(replace(q, stated_by=stated) if stated else q)
            continue
        by = frozenset(r.source for r in recalls if echo(q, r))
        out.append(replace(q, recalled_by=by) if by else q)
    return out


def _timed(claims: Sequence[Claim]) -> Sequence[Claim]:
    """The group's claims with the clock times their documents imply: a figure with no time
    of its own that repeats a timed figure of its document (a headline, a quote of the lead,
    "earlier, 70 were reported") is that figure, of its time, the first in the text; a newer
    one ("rose to", "UPD:") is of the document's latest stated time at least. Other figures
    keep their document's window."""
    stamped: dict[str, list[Claim]] = {}
    for c in claims:
        if c.as_of is not None and not c.recalled and not c.later:
            stamped.setdefault(c.doc, []).append(c)
    if not stamped:
        return claims
    for timed in stamped.values():
        timed.sort(key=lambda c: c.start)
    out = []
    for c in claims:
        timed = stamped.get(c.doc, [])
        if c.as_of is not None or not timed:
            out.append(c)
            continue
        same = next((t for t in timed if t.value == c.value and t.qualifier == c.qualifier),
                    None)
        if c.later:
            latest = max((t.as_of for t in timed if t.as_of is not None), key=_aware)
            c = c.model_copy(update={"as_of": latest})
        elif same is not None:
            # a recalled one too: the document itself dates it, no longer only "earlier"
            c = c.model_copy(update={"as_of": same.as_of, "recalled": False})
        out.append(c)
    return out


def doc_times(documents: dict[str, Document]) -> dict[str, When]:
    """The window of time each document reports from: its timestamp, or the whole of its
    publication day when it gives only the date; a document without one could be any time."""
    out: dict[str, When] = {}
    for doc_id, doc in documents.items():
        p = doc.published
        if isinstance(p, dt.datetime):
            stamp = p if p.tzinfo else p.replace(tzinfo=dt.timezone.utc)
            out[doc_id] = When(stamp, stamp)
        elif p is not None:
            out[doc_id] = When(dt.datetime.combine(p, dt.time.min, tzinfo=dt.timezone.utc),
                               dt.datetime.combine(p, dt.time.max, tzinfo=dt.timezone.utc))
        else:
            out[doc_id] = When(_DAWN, _DUSK)
    return out


def _when(claim: Claim, times: dict[str, When]) -> When:
    """The "as of" time in the text, else the document's window, with the claim's moment."""
    moment = -1 if claim.recalled else (1 if claim.later else 0)
    if claim.as_of is not None:
        stamp = _aware(claim.as_of)
        return When(stamp, stamp, moment)
    window = times.get(claim.doc)
    if window is None:
        # a reference table with no "as_of" column is the settled tally: after every report
        return When(_DUSK, _DUSK, moment)
    return When(window.start, window.end, moment)


def _aware(stamp: dt.datetime) -> dt.datetime:
    """A stamp with no zone is read as UTC, so that stamps of any origin compare."""
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.timezone.utc)


def _before(a: _Reading, b: _Reading) -> bool:
    """Whether the texts and publication times put `a` before `b` (never input order)."""
    if a.source == b.source and a.claim.as_of == b.claim.as_of:
        return a.when.moment < b.when.moment
    if a.when.end < b.when.start:
        return True
    if b.source in a.recalled_by and not b.claim.recalled and a.source not in b.recalled_by:
        return True  # b's report recalls a's figure as earlier than its own
    # a figure recalled as past precedes the current figures of a report of its time
    return a.when.moment < b.when.moment and a.when.start <= b.when.end and a.claim.recalled


def _ordered(a: _Reading, b: _Reading) -> tuple[_Reading, _Reading]:
    """(earlier, later); with no time evidence between them, a running count grows, so the
    lower figure is the earlier one."""
    if _before(a, b):
        return a, b
    if _before(b, a):
        return b, a
    return (a, b) if (a.value, a.claim.doc, a.claim.start) <= (b.value, b.claim.doc, b.claim.start) \
        else (b, a)


def _disjoint(a: _Reading, b: _Reading) -> bool:
    return a.span.disjoint(b.span)


def _same_time(a: _Reading, b: _Reading) -> bool:
    if a.claim.recalled and b.claim.recalled:
        return False  # two past figures are two past moments, in an order the text may not give
    for past, now in ((a, b), (b, a)):
        # "earlier, firefighters had said 35", and the report that said 35 also gave 20
        if now.source in past.stated_by and not now.claim.recalled and now.claim.as_of is None \
                and now.when.moment == 0:
            return True
    # one document may give figures of several clock times ("as of 04:00 ... as of 10:32"):
    # only figures of the same stated time (or both without one) are simultaneous
    if a.source == b.source:
        return a.when.moment == b.when.moment and a.claim.as_of == b.claim.as_of
    return a.claim.as_of is not None and a.claim.as_of == b.claim.as_of \
        and not (a.claim.recalled or b.claim.recalled)


def _beyond_rounding(a: _Reading, b: _Reading) -> bool:
    return abs(a.value - b.value) > max(a.tol, b.tol)


def _same_level(a: _Reading, b: _Reading) -> bool:
    return abs(a.value - b.value) <= min(a.tol, b.tol)


def _disputed(readings: list[_Reading], policy: Policy) -> dict[int, list[_Reading]]:
    """For each claim, the simultaneous claims it contradicts (by index in `readings`)."""
    out: dict[int, list[_Reading]] = {}
    for i, a in enumerate(readings):
        rivals = [b for b in readings if b is not a and _same_time(a, b) and _disjoint(a, b)]
        if rivals:
            out[i] = rivals
    return out


# ---------------------------------------------------------------- pairs


# a pair found discrepant, before its record is built: (i, j, a, b, kind), where i, j index
# the readings compared and a, b are the readings `findings.discrepancy` is given, in its order
_Pending = tuple[int, int, _Reading, _Reading, str]


class _Record:
    """All readings of a group, with the look-ups the running-count rules need, each
    computed once: a reading's position, and the later, lower, disjoint reports after it."""

    def __init__(self, readings: list[_Reading]) -> None:
        self.readings = readings
        self.position = {id(r): i for i, r in enumerate(readings)}
        # the day the count counts from: the earliest event day its claims give
        self.first_day = min((r.claim.date for r in readings if r.claim.date is not None),
                             default=None)
        self._fallbacks: dict[int, list[_Reading]] = {}

    def fallbacks(self, late: _Reading) -> list[_Reading]:
        key = id(late)
        if key not in self._fallbacks:
            self._fallbacks[key] = [
                r for r in self.readings if _before(late, r) and r.value < late.value
                and not r.claim.recalled and _disjoint(r, late)]
        return self._fallbacks[key]

    def reported_before(self, level: _Reading, early: _Reading) -> bool:
        """Whether a current report that time puts before both `early` and `level` already
        gave `level`'s figure."""
        return any(_before(r, early) and _before(r, level) and not r.claim.recalled
                   and _same_level(r, level) and not _disjoint(r, level) for r in self.readings)


def _pair(a: _Reading, b: _Reading, record: _Record,
          disputed: dict[int, list[_Reading]], cumulative: bool, policy: Policy
          ) -> tuple[_Reading, _Reading, str] | None:
    disjoint = _disjoint(a, b)
    if not disjoint and not _beyond_rounding(a, b):
        return None
    if (a.claim.recalled or b.claim.recalled) and not cumulative:
        return None  # a figure recalled as past is no rival to a current one
    if cumulative:
        kind = _running_count(a, b, record, disputed, disjoint, policy)
        if kind == "update":
            early, late = _ordered(a, b)
            if _same_time(a, b) or early.value > late.value:
                early, late = sorted((a, b), key=lambda r: r.value)
            return early, late, "update"
        if kind in ("contradiction", "tension"):
            return a, b, kind
        if kind == "none":
            return None
    if disjoint:
        return a, b, "contradiction"
    if _tension(a, b, policy):
        return a, b, "tension"
    return None


def _stock_pair(a: _Reading, b: _Reading, policy: Policy) -> tuple[_Reading, _Reading, str] | None:
    """A stock (people missing, in hospital) rises and falls: figures of one moment are judged
    by the ordinary rules; of two moments, a rise is an update and a fall no discrepancy. A
    cap ("up to 1,300 missing") is judged by the ordinary rules at any time."""
    capped = {a.claim.qualifier, b.claim.qualifier} & _OPEN_DOWN
    if _same_time(a, b) or capped:
        return _pair(a, b, _Record([]), {}, False, policy)
    if a.claim.recalled or b.claim.recalled or not (_disjoint(a, b) or _beyond_rounding(a, b)):
        return None
    if a.claim.qualifier == "vague" and b.claim.qualifier == "vague":
        return None
    early, late = _ordered(a, b)
    return (early, late, "update") if late.value > early.value else None


def _running_count(a: _Reading, b: _Reading, record: _Record,
                   disputed: dict[int, list[_Reading]], disjoint: bool, policy: Policy) -> str:
    """update / contradiction / tension / none / defer (to the ordinary rules) for a
    running count."""
    qa, qb = a.claim.qualifier, b.claim.qualifier
    if qa in _OPEN_DOWN or qb in _OPEN_DOWN:
        return "defer"  # "up to N" caps a figure; it is no step of a count
    if qa == "vague" and qb == "vague":
        return "none"
    if _same_time(a, b):
        if disjoint:
            return "contradiction"
        low = a if a.value < b.value else b
        return "update" if low.claim.qualifier in ("at_least", "more_than") else "defer"
    if disjoint and _one_statement(a, b):
        return "contradiction"  # one speaker's one statement, reported with two figures
    if disjoint and _one_tally(a, b, record.first_day, policy):
        return "contradiction"  # two versions of one day's settled tally
    early, late = _ordered(a, b)
    if a.claim.recalled or b.claim.recalled:
        # a recalled figure dates the count: an earlier step, or, when the current report is
        # lower than what was said before ("had said 39; now 38"), a fall the count cannot make
        if late.value > early.value or late.claim.recalled:
            return "update"
        rel = policy.rel(early.value, late.value)
        if rel is None or rel > policy.max_revision:
            return "none"  # far above: another night's or a part's figure, not a revision
        return "contradiction" if disjoint else _fell(early, late, policy)
    if late.value < early.value:
        return "contradiction" if disjoint else _fell(early, late, policy)
    # the later report is higher: an evolution. When time orders the two, it is a step of the
    # count whatever came before or after; read as growing only for want of time evidence,
    # the record may show the rise was none
    if _before(early, late):
        return "update"
    i_early = record.position[id(early)]
    for rival in disputed.get(i_early, []):
        # only a report of the same day can side with the rival at its level
        if late.when.start.date() == early.when.start.date() and _same_level(late, rival) \
                and not _disjoint(late, rival):
            return "contradiction"  # the earlier figure was already disputed at its own level
    if record.reported_before(late, early):
        return "update"  # the higher level was reported before both: a level, no outlier
    for later in record.fallbacks(late):
        if _same_level(later, early):
            return "contradiction"  # the count fell back: the rise was an outlier
    return "update"


def _fell(early: _Reading, late: _Reading, policy: Policy) -> str:
    """A later, lower figure of a count that meets the earlier one only thanks to a hedge
    ("35" or "at least 35" earlier, "at least 26" later): a tension when the figures differ
    beyond `tension_threshold`, yet by at most `max_revision` (further apart, the earlier is
    more likely another quantity); else nothing."""
    if {early.claim.qualifier, late.claim.qualifier}.isdisjoint(_OPEN_UP | _OPEN_DOWN) \
            or "vague" in (early.claim.qualifier, late.claim.qualifier):
        return "none"
    rel = policy.rel(early.value, late.value)
    return "tension" if rel is not None and policy.tension_threshold < rel <= policy.max_revision \
        else "none"


def _one_statement(a: _Reading, b: _Reading) -> bool:
    """Two reports of the same speaker with no time evidence at all between them (the same
    window: two date-only reports of one day): one statement. A figure with an hour and one
    without are only unordered; the speaker may have spoken twice."""
    if a.when != b.when or a.claim.recalled or b.claim.recalled:
        return False
    sa, sb = a.claim.speaker, b.claim.speaker
    return bool(sa and sb and fuzz.token_set_ratio(sa, sb, processor=default_process) >= _SAME_SPEAKER)


def _one_tally(a: _Reading, b: _Reading, first_day: dt.date | None, policy: Policy) -> bool:
    """Two exact figures of a count from two date-only reports of one day, at least
    `settled_after_days` after the event the count counts from (`first_day`, the earliest
    day its claims give), within `tension_threshold` of each other: days on, a count is
    published once
    a day (a ministry's morning tally), so the two give that day's one tally. In the first
    days it moves by the hour, and the lower figure is read as the earlier."""
    if a.when != b.when or a.when.start == a.when.end or a.source == b.source:
        return False
    if policy.settled_after_days == 0 or a.claim.qualifier != "exact" \
            or b.claim.qualifier != "exact":
        return False
    rel = policy.rel(a.value, b.value)
    if rel is None or rel > policy.tension_threshold:
        return False  # far apart: more likely two tallies of the day than one misreported
    return first_day is not None \
        and (a.when.start.date() - first_day).days >= policy.settled_after_days


def _reduce_updates(found: list[_Pending]) -> list[_Pending]:
    """Keep the steps of a running count (a -> b with no c such that a -> c -> b): the chain
    says the same as every earlier/later pair, and the table stays readable. An update's
    record names (earlier, later) as given: (a.claim.id, b.claim.id)."""
    updates = [d for d in found if d[4] == "update"]
    if len(updates) > 2000:
        return found  # too many to reduce cheaply; every pair is still a true statement
    after: dict[str, set[str]] = {}
    before: dict[str, set[str]] = {}
    for d in updates:
        after.setdefault(d[2].claim.id, set()).add(d[3].claim.id)
        before.setdefault(d[3].claim.id, set()).add(d[2].claim.id)
    # a -> b is implied when some mid (not b) has a -> mid and mid -> b: one set intersection
    # per update instead of a look-up per successor of a
    keep = [d for d in updates if not (after[d[2].claim.id] & before[d[3].claim.id])
            - {d[3].claim.id}]
    return [d for d in found if d[4] != "update"] + keep


def _tension(a: _Reading, b: _Reading, policy: Policy) -> bool:
    qa, qb = a.claim.qualifier, b.claim.qualifier
    if qa == "vague" and qb == "vague":
        return False
    if qa in _OPEN_UP and qb in _OPEN_UP:
        return False
    if qa in _OPEN_DOWN and qb in _OPEN_DOWN:
        return False
    for vague, other in ((a, b), (b, a)):
        if vague.claim.qualifier == "vague":
            if vague.claim.doc == other.claim.doc:
                return False  # "several thousand ... the organisers counted 20,000": the
                # document's own figure says what its vague word summed up
            # "hundreds" reads as fewer than a thousand: beyond that ceiling it is a tension
            # "up to 1,300" caps the figure from above: dozens lie under the cap, no tension
            ceiling = 10 ** (math.floor(math.log10(max(vague.value, 1.0))) + 1)
            return bool(other.value >= ceiling) and other.claim.qualifier not in _OPEN_DOWN
    open_ended = qa in _OPEN_UP | _OPEN_DOWN or qb in _OPEN_UP | _OPEN_DOWN
    rel = policy.rel(a.value, b.value)  # None (a zero figure): as far apart as figures can be
    return open_ended and (rel is None or rel > policy.tension_threshold)
