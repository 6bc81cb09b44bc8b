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
import hashlib
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from operator import attrgetter
from typing import Protocol

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from claimcheck import findings, units
from claimcheck.lexicon import load
from claimcheck.models import (
    MORE_MARK,
    TOTAL_MARK,
    Alignment,
    Claim,
    Discrepancy,
    Document,
    Estimate,
    Verdict,
)
from claimcheck.policy import Interval, Policy
from claimcheck.readings import (
    Reading,
    aware,
    before,
    by_value,
    disjoint,
    ordered,
    same_level,
    same_time,
    same_window,
)

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
        key=attrgetter("order")))
    if len(readings) > _PAIRWISE_LIMIT:
        # a large group repeats a few figures many times: compare each distinct reading of a
        # day once, so that cost follows the number of distinct figures, not of reports
        distinct: dict[tuple[object, ...], Reading] = {}
        for r in readings:
            key = (r.value, r.lo, r.hi, r.qualifier, r.recalled, r.claim.later, r.day)
            distinct.setdefault(key, r)
        readings = list(distinct.values())
    for i, r in enumerate(readings):
        r.index = i
    # a total since a day ("since the start of June") only grows, whatever it counts
    cumulative = claims[0].measure in _cumulative() or (claims[0].measure or "").endswith(TOTAL_MARK)
    stock = claims[0].measure in _stock()
    pending: list[_Pending] = []
    record = _Record(readings)
    rule = _stock_pair if stock else (_count_pair if cumulative else _pair)
    if (claims[0].measure or "").endswith(MORE_MARK):
        rule = _increment_pair
    for i, a in enumerate(readings):
        for b in readings[i + 1:]:
            apart = disjoint(a, b)
            if not apart and abs(a.value - b.value) <= max(a.tol, b.tol):
                continue  # within rounding of each other: no discrepancy under any rule
            p = rule(a, b, record, apart, policy)
            if p is not None:
                pending.append(p)
    # records (pydantic, with an explanation) only for the pairs the reduction keeps
    weight = findings.Weight.of(alignment)
    found = [findings.finding(a, b, kind, policy, timed=before(a, b) or before(b, a),
                              weight=weight)
             for a, b, kind in _reduce_updates(pending, readings)]
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


def report_key(doc: Document) -> str:
    """What `judge` reads of a document's text and time, in a few bytes: two documents have the
    same key when they are copies of one report (one text published at one time). A process
    that judges without the documents (`parallel.match_frame`, a stream) passes stand-ins
    with this key as their text."""
    digest = hashlib.blake2b(doc.text.encode("utf-8", "surrogatepass"), digest_size=16)
    published = doc.published
    when = published.astimezone(dt.timezone.utc).isoformat() \
        if isinstance(published, dt.datetime) else (published.isoformat() if published else "")
    return f"{digest.hexdigest()} {when}"


def stand_in(doc_id: str, key: str) -> Document:
    """A document holding only what `judge` reads of it, from its `report_key`."""
    return Document(id=doc_id, text=key)


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
          source: str) -> Reading:
    factor = 1.0
    if claim.unit != unit and claim.unit is not None and unit is not None:
        converted = units.convert(1.0, claim.unit, unit)
        factor = converted if converted is not None else 1.0
        if max(abs(claim.value), abs(claim.low or 0.0), abs(claim.high or 0.0)) * factor \
                > units.LARGEST:
            factor = 1.0  # no finite reading in the group's unit: compare it unconverted
    qualifier = policy.converted(claim.qualifier) if factor != 1.0 else claim.qualifier
    figure = (policy, claim.value, qualifier, claim.low, claim.high, factor)
    # 0.0 and -0.0 are one key of a cache, and their intervals are written apart
    span, tol = _figure(*figure) if 0.0 in figure else _remembered(*figure)
    return Reading(claim, span, claim.value * factor, tol, *_when(claim, times), source)


def _figure(policy: Policy, value: float, qualifier: str, low: float | None,
            high: float | None, scale: float) -> tuple[Interval, float]:
    """A figure's interval and rounding slack, in units `scale` times the stated ones."""
    return policy.interval(value, qualifier, low, high, scale), \
        policy.tolerance(value, qualifier) * scale


#: `_figure`, remembered: a million claims state a few thousand figures
_remembered = lru_cache(maxsize=1 << 16)(_figure)


def _echoed(readings: list[Reading]) -> list[Reading]:
    """The readings, each current figure marked with the other reports of its window that
    recall the same figure as earlier: their text dates it before their own figures."""
    recalls = [r for r in readings if r.recalled]
    if not recalls:
        return readings
    def echo(q: Reading, r: Reading) -> bool:  # r, recalled, repeats q, current, of its window
        return r.source != q.source and not q.recalled and r.value == q.value \
            and q.since <= r.until and r.since <= q.until

    # each mark is read from the others' times and figures, never from another mark
    stated = {id(q): frozenset(c.source for c in readings if echo(c, q)) for q in recalls}
    for q in readings:
        if q.recalled:
            q.stated_by = stated[id(q)]
        else:
            q.recalled_by = frozenset(r.source for r in recalls if echo(q, r))
    return readings


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
            latest = max((t.as_of for t in timed if t.as_of is not None), key=aware)
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


def _when(claim: Claim, times: dict[str, When]) -> tuple[dt.datetime, dt.datetime, int]:
    """The "as of" time in the text, else the document's window, with the claim's moment:
    (start, end, moment), as a `When` holds them."""
    moment = -1 if claim.recalled else (1 if claim.later else 0)
    window = times.get(claim.doc)
    if claim.as_of is not None:
        stamp = aware(claim.as_of)
        if window is not None and stamp > window.end:
            # "X said on Tuesday" read as Tuesday's end: a report tells nothing later than
            # its own publication, so a figure is of that time at the latest
            stamp = window.end
        return stamp, stamp, moment
    if window is None:
        # a reference table with no "as_of" column is the settled tally: after every report
        return _DUSK, _DUSK, moment
    return window.start, window.end, moment


# ---------------------------------------------------------------- pairs


# a pair found discrepant, before its record is built: (a, b, kind), the readings in the
# order `findings.finding` is given them
_Pending = tuple[Reading, Reading, str]


class _Record:
    """All readings of a group, with the look-ups the running-count rules need, each
    computed once, when first needed: the simultaneous reports a reading contradicts, the
    later, lower, disjoint reports after it, and the current reports at its level."""

    def __init__(self, readings: list[Reading]) -> None:
        self.readings = readings
        # the day the count counts from: the earliest event day its claims give
        self.first_day = min((r.claim.date for r in readings if r.claim.date is not None),
                             default=None)
        self._rivals: dict[int, list[Reading]] = {}
        self._fallbacks: dict[int, list[Reading]] = {}
        self._levels: dict[int, list[Reading]] = {}

    def rivals(self, early: Reading) -> list[Reading]:
        """The simultaneous readings `early` contradicts, in the readings' order."""
        key = early.index
        if key not in self._rivals:
            self._rivals[key] = [r for r in self.readings if r is not early
                                 and disjoint(early, r) and same_time(early, r)]
        return self._rivals[key]

    def fallbacks(self, late: Reading) -> list[Reading]:
        key = late.index
        if key not in self._fallbacks:
            self._fallbacks[key] = [
                r for r in self.readings if before(late, r) and r.value < late.value
                and not r.recalled and disjoint(r, late)]
        return self._fallbacks[key]

    def reported_before(self, level: Reading, early: Reading) -> bool:
        """Whether a current report that time puts before both `early` and `level` already
        gave `level`'s figure."""
        if level.index not in self._levels:
            self._levels[level.index] = [
                r for r in self.readings if not r.recalled and same_level(r, level)
                and not disjoint(r, level)]
        return any(before(r, early) and before(r, level) for r in self._levels[level.index])


def _pair(a: Reading, b: Reading, record: _Record, apart: bool, policy: Policy
          ) -> _Pending | None:
    """The kind of discrepancy between two readings, in the order their record names them;
    None for none. The caller has left out the pairs within rounding of each other. (Every
    rule of a pair takes the group's record; these ordinary rules do not read it.)"""
    if a.recalled or b.recalled:
        return None  # a figure recalled as past is no rival to a current one
    return _ordinary(a, b, apart, policy)


def _ordinary(a: Reading, b: Reading, apart: bool, policy: Policy) -> _Pending | None:
    """The ordinary rules: intervals apart contradict, an open-ended pair far apart is a
    tension."""
    if apart:
        return a, b, "contradiction"
    if _tension(a, b, policy):
        return a, b, "tension"
    return None


def _count_pair(a: Reading, b: Reading, record: _Record, apart: bool, policy: Policy
                ) -> _Pending | None:
    """`_pair` for a running count: its own rules first, the ordinary ones when they defer."""
    kind, early, late = _running_count(a, b, record, apart, policy)
    if kind == "update":
        return early, late, "update"
    if kind in ("contradiction", "tension"):
        return a, b, kind
    if kind == "none":
        return None
    return _ordinary(a, b, apart, policy)


def _increment_pair(a: Reading, b: Reading, record: _Record, apart: bool, policy: Policy
                    ) -> _Pending | None:
    """Increments ("two more bodies were found") each add what a window of their own brought:
    only two of one moment (one report, or one stated time) say how much that window
    added and can disagree; of two moments they are two windows, neither a step of a count."""
    return _pair(a, b, record, apart, policy) if same_time(a, b) else None


def _stock_pair(a: Reading, b: Reading, record: _Record, apart: bool, policy: Policy
                ) -> _Pending | None:
    """A stock (people missing, in hospital) rises and falls: figures of one moment are judged
    by the ordinary rules; of two moments, a rise is an update and a fall no discrepancy. A
    cap ("up to 1,300 missing") is judged by the ordinary rules at any time."""
    if a.qualifier in _OPEN_DOWN or b.qualifier in _OPEN_DOWN or same_time(a, b):
        return _pair(a, b, record, apart, policy)
    if a.recalled or b.recalled:
        return None
    if a.qualifier == "vague" and b.qualifier == "vague":
        return None
    early, late, _ = ordered(a, b)
    return (early, late, "update") if late.value > early.value else None


def _running_count(a: Reading, b: Reading, record: _Record, apart: bool, policy: Policy
                   ) -> tuple[str, Reading, Reading]:
    """update / contradiction / tension / none / defer (to the ordinary rules) for a
    running count, with the pair as an update names it: (earlier, later)."""
    if a.step and b.step and a.until < b.since and a.source != b.source:
        # the common case, decided as the rules below decide it: two current figures, neither
        # a cap nor vague, of two reports whose windows do not meet (so not of one time, nor
        # one statement or tally): the later higher is a step of the count, lower a fall
        if a.value <= b.value:
            return "update", a, b
        return ("contradiction" if apart else _fell(a, b, policy)), a, b
    qa, qb = a.qualifier, b.qualifier
    if qa in _OPEN_DOWN or qb in _OPEN_DOWN:
        return "defer", a, b  # "up to N" caps a figure; it is no step of a count
    if qa == "vague" and qb == "vague":
        return "none", a, b
    if same_time(a, b):
        if apart:
            return "contradiction", a, b
        # of one moment, a hedged lower figure and a higher one: the lower is the earlier
        low = a if a.value < b.value else b
        return ("update", *by_value(a, b)) if low.qualifier in ("at_least", "more_than") \
            else ("defer", a, b)
    if apart and a.window == b.window:
        if _one_statement(a, b):
            return "contradiction", a, b  # one speaker's one statement, reported with two figures
        if _one_tally(a, b, record.first_day, policy):
            return "contradiction", a, b  # two versions of one day's settled tally
    early, late, timed = ordered(a, b)
    if a.recalled or b.recalled:
        # a recalled figure dates the count: an earlier step, or, when the current report is
        # lower than what was said before ("had said 39; now 38"), a fall the count cannot make
        if late.value > early.value or late.recalled:
            # a recalled figure is named first when it is the lower one
            return ("update", early, late) if early.value <= late.value \
                else ("update", *by_value(a, b))
        rel = policy.rel(early.value, late.value)
        if rel is None or rel > policy.max_revision:
            return "none", a, b  # far above: another night's or a part's figure, not a revision
        return ("contradiction" if apart else _fell(early, late, policy)), a, b
    if late.value < early.value:
        return ("contradiction" if apart else _fell(early, late, policy)), a, b
    # the later report is higher: an evolution. When time orders the two, it is a step of the
    # count whatever came before or after; read as growing only for want of time evidence,
    # the record may show the rise was none
    if timed:
        return "update", early, late
    for rival in record.rivals(early):
        # only a report of the same day can side with the rival at its level
        if late.day == early.day and same_level(late, rival) and not disjoint(late, rival):
            return "contradiction", a, b  # the earlier figure was already disputed at its level
    if record.reported_before(late, early):
        return "update", early, late  # the higher level was reported before both: no outlier
    for later in record.fallbacks(late):
        if same_level(later, early):
            return "contradiction", a, b  # the count fell back: the rise was an outlier
    return "update", early, late


def _fell(early: Reading, late: Reading, policy: Policy) -> str:
    """A later, lower figure of a count that meets the earlier one only thanks to a hedge
    ("35" or "at least 35" earlier, "at least 26" later): a tension when the figures differ
    beyond `tension_threshold`, yet by at most `max_revision` (further apart, the earlier is
    more likely another quantity); else nothing."""
    if {early.qualifier, late.qualifier}.isdisjoint(_OPEN_UP | _OPEN_DOWN) \
            or "vague" in (early.qualifier, late.qualifier):
        return "none"
    rel = policy.rel(early.value, late.value)
    return "tension" if rel is not None and policy.tension_threshold < rel <= policy.max_revision \
        else "none"


def _one_statement(a: Reading, b: Reading) -> bool:
    """Two reports of the same speaker with no time evidence at all between them (the same
    window: two date-only reports of one day): one statement. A figure with an hour and one
    without are only unordered; the speaker may have spoken twice."""
    if not same_window(a, b) or a.recalled or b.recalled:
        return False
    sa, sb = a.claim.speaker, b.claim.speaker
    return bool(sa and sb and _same_speaker(sa, sb))


@lru_cache(maxsize=1 << 12)
def _same_speaker(a: str, b: str) -> bool:
    """One name, two transliterations, with or without a title (rapidfuzz, remembered: a
    batch names a few speakers many times)."""
    return bool(fuzz.token_set_ratio(a, b, processor=default_process) >= _SAME_SPEAKER)


def _one_tally(a: Reading, b: Reading, first_day: dt.date | None, policy: Policy) -> bool:
    """Two exact figures of a count from two date-only reports of one day, at least
    `settled_after_days` after the event the count counts from (`first_day`, the earliest
    day its claims give), within `tension_threshold` of each other: days on, a count is
    published once
    a day (a ministry's morning tally), so the two give that day's one tally. In the first
    days it moves by the hour, and the lower figure is read as the earlier."""
    if not same_window(a, b) or a.since == a.until or a.source == b.source:
        return False
    if policy.settled_after_days == 0 or a.qualifier != "exact" or b.qualifier != "exact":
        return False
    rel = policy.rel(a.value, b.value)
    if rel is None or rel > policy.tension_threshold:
        return False  # far apart: more likely two tallies of the day than one misreported
    return first_day is not None and (a.day - first_day).days >= policy.settled_after_days


def _reduce_updates(found: list[_Pending], readings: list[Reading]) -> list[_Pending]:
    """Keep the steps of a running count (a -> b with no c such that a -> c -> b): the chain
    says the same as every earlier/later pair, and the table stays readable. An update's
    record names (earlier, later) as given: (a.claim.id, b.claim.id), and a claim is its id."""
    updates = [d for d in found if d[2] == "update"]
    if len(updates) > 2000:
        return found  # too many to reduce cheaply; every pair is still a true statement
    # each reading as a bit: the first reading of its claim id's; a claim's successors and
    # predecessors as bit masks
    first: dict[str, int] = {}
    bit = [1 << first.setdefault(r.claim.id, r.index) for r in readings]
    after = [0] * len(readings)
    before = [0] * len(readings)
    for a, b, _ in updates:
        after[a.index] |= bit[b.index]
        before[b.index] |= bit[a.index]
    # a -> b is implied when some mid (not b) has a -> mid and mid -> b; the masks of the
    # readings of one claim are the union of theirs
    if len(first) < len(readings):
        after, before = _merged(after, bit), _merged(before, bit)
    keep = [d for d in updates
            if not after[d[0].index] & before[d[1].index] & ~bit[d[1].index]]
    return [d for d in found if d[2] != "update"] + keep


def _merged(masks: list[int], bit: list[int]) -> list[int]:
    """Each reading's mask, or'ed with those of the other readings of its claim (same bit)."""
    union: dict[int, int] = {}
    for mask, b in zip(masks, bit, strict=True):
        union[b] = union.get(b, 0) | mask
    return [union[b] for b in bit]


def _tension(a: Reading, b: Reading, policy: Policy) -> bool:
    qa, qb = a.qualifier, b.qualifier
    if qa == "vague" and qb == "vague":
        return False
    if qa in _OPEN_UP and qb in _OPEN_UP:
        return False
    if qa in _OPEN_DOWN and qb in _OPEN_DOWN:
        return False
    for vague, other in ((a, b), (b, a)):
        if vague.qualifier == "vague":
            if vague.source == other.source:
                return False  # "several thousand ... the organisers counted 20,000": the
                # report's own figure says what its vague word summed up (a copy of the
                # report under another id is the same report)
            # "hundreds" reads as fewer than a thousand: beyond that ceiling it is a tension
            # "up to 1,300" caps the figure from above: dozens lie under the cap, no tension
            ceiling = 10 ** (math.floor(math.log10(max(vague.value, 1.0))) + 1)
            return bool(other.value >= ceiling) and other.qualifier not in _OPEN_DOWN
    open_ended = qa in _OPEN_UP | _OPEN_DOWN or qb in _OPEN_UP | _OPEN_DOWN
    rel = policy.rel(a.value, b.value)  # None (a zero figure): as far apart as figures can be
    return open_ended and (rel is None or rel > policy.tension_threshold)
