"""A claim as the judge reads it (`Reading`: its interval, rounding slack and window of time,
each read once) and the relations of time and value between two readings that the pair
rules of `judge` are made of. Times are compared as whole microseconds since 1970, UTC."""

from __future__ import annotations

import datetime as dt

from claimcheck.models import Claim
from claimcheck.policy import Interval


def aware(stamp: dt.datetime) -> dt.datetime:
    """A stamp with no zone is read as UTC, so that stamps of any origin compare."""
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.timezone.utc)


_NO_STEP = frozenset({"at_most", "less_than", "vague"})
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
_MICROSECOND = dt.timedelta(microseconds=1)


def _micros(stamp: dt.datetime) -> int:
    """An instant as whole microseconds since 1970 (UTC; a stamp with no zone is read as UTC):
    pairs compare ints, exactly as the instants compare, and fast whatever their zones."""
    return (aware(stamp) - _EPOCH) // _MICROSECOND


class Reading:
    """One claim as the judge reads it, with every field the pair rules look at computed once
    (not once per pair): its interval and rounding slack in the group's unit, its window of
    time as microseconds, its moment and day, and the claim's fields the rules compare."""

    __slots__ = ("claim", "value", "tol", "lo", "hi", "lo_open", "hi_open", "since",
                 "until", "moment", "window", "day", "source", "recalled", "as_of", "qualifier",
                 "now", "step", "order", "index", "recalled_by", "stated_by")

    def __init__(self, claim: Claim, span: Interval, value: float, tol: float,
                 start: dt.datetime, end: dt.datetime, moment: int, source: str) -> None:
        self.claim = claim
        self.value = value
        self.tol = tol
        self.lo, self.hi, self.lo_open, self.hi_open = span.lo, span.hi, span.lo_open, span.hi_open
        # the window of times it may date from (one instant for a timestamp, the whole day for
        # a date-only report), and its moment within its document: recalled (-1), current (0)
        # or newer (+1)
        self.since, self.until, self.moment = _micros(start), _micros(end), moment
        self.window = (self.since, self.until, self.moment)
        self.day = start.date()  # the day of the window's start, in its own zone
        self.source = source  # the document, or the lowest id among copies of its text: one report
        self.recalled = claim.recalled
        self.as_of = claim.as_of
        self.qualifier = claim.qualifier
        # a current figure of its report's own time: what a recalled echo of it is simultaneous with
        self.now = not claim.recalled and claim.as_of is None and self.moment == 0
        # a current figure that can be a step of a running count as stated: no cap, not vague
        self.step = not claim.recalled and claim.qualifier not in _NO_STEP
        # a total order that depends on the readings alone: time, then document and offset
        self.order = (self.since, self.until, self.moment, value, claim.doc, claim.start)
        self.index = 0  # its position among the readings judged
        # reports of the same window that recall this figure as earlier: it precedes their
        # current figures ("Earlier on Tuesday, firefighters had said 35")
        self.recalled_by: frozenset[str] = frozenset()
        # for a recalled figure: the reports of its window that state it as current, so that it
        # is of their time, simultaneous with their other current figures
        self.stated_by: frozenset[str] = frozenset()

    def key(self) -> tuple[object, ...]:
        """A total order that depends on the readings alone: time, then document and offset."""
        return self.order


def before(a: Reading, b: Reading) -> bool:
    """Whether the texts and publication times put `a` before `b` (never input order)."""
    if a.source == b.source and a.as_of == b.as_of:
        return a.moment < b.moment
    if a.until < b.since:
        return True
    if a.recalled_by and b.source in a.recalled_by and not b.recalled \
            and a.source not in b.recalled_by:
        return True  # b's report recalls a's figure as earlier than its own
    # a figure recalled as past precedes the current figures of a report of its time
    return a.recalled and a.moment < b.moment and a.since <= b.until


def ordered(a: Reading, b: Reading) -> tuple[Reading, Reading, bool]:
    """(earlier, later, whether time orders them); with no time evidence between them, a
    running count grows, so the lower figure is the earlier one."""
    if before(a, b):
        return a, b, True
    if before(b, a):
        return b, a, True
    return (a, b, False) if (a.value, a.claim.doc, a.claim.start) \
        <= (b.value, b.claim.doc, b.claim.start) else (b, a, False)


def by_value(a: Reading, b: Reading) -> tuple[Reading, Reading]:
    """The lower figure first; of two equal figures, `a` first."""
    return (a, b) if a.value <= b.value else (b, a)


def disjoint(a: Reading, b: Reading) -> bool:
    """No value lies in both intervals (`Interval.disjoint`, on the fields read once)."""
    return a.hi < b.lo or b.hi < a.lo or (a.hi == b.lo and (a.hi_open or b.lo_open)) \
        or (b.hi == a.lo and (b.hi_open or a.lo_open))


def same_time(a: Reading, b: Reading) -> bool:
    """Whether the two figures are of one moment: rivals, not steps of a count."""
    if a.recalled and b.recalled:
        return False  # two past figures are two past moments, in an order the text may not give
    # "earlier, firefighters had said 35", and the report that said 35 also gave 20
    if a.stated_by and b.now and b.source in a.stated_by \
            or b.stated_by and a.now and a.source in b.stated_by:
        return True
    # one document may give figures of several clock times ("as of 04:00 ... as of 10:32"):
    # only figures of the same stated time (or both without one) are simultaneous
    if a.source == b.source:
        return a.moment == b.moment and a.as_of == b.as_of
    return a.as_of is not None and not (a.recalled or b.recalled) and a.as_of == b.as_of


def same_window(a: Reading, b: Reading) -> bool:
    """The same window of time and the same moment: no time evidence between the two."""
    return a.window == b.window


def same_level(a: Reading, b: Reading) -> bool:
    """Within the rounding of both figures: one level of a count."""
    return abs(a.value - b.value) <= min(a.tol, b.tol)
