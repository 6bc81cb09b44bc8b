"""readings: a claim as the judge reads it, and the relations of time and value between two
readings, tested on hand-made claims."""

from __future__ import annotations

import datetime as dt

from claimcheck.policy import Interval, Policy
from claimcheck.readings import Reading, before, by_value, disjoint, ordered, same_time, same_window
from strategies import make_claim

UTC = dt.timezone.utc
NOON = dt.datetime(2025, 7, 12, 12, tzinfo=UTC)


def _reading(id: str, value: float, start: dt.datetime = NOON, end: dt.datetime | None = None,
             **changes: object) -> Reading:
    claim = make_claim(id, value, **changes)
    span = Policy().interval(claim.value, claim.qualifier, claim.low, claim.high)
    moment = -1 if claim.recalled else (1 if claim.later else 0)
    return Reading(claim, span, claim.value, 0.0, start, end or start, moment, claim.doc)


def test_instants_in_other_zones_compare_as_instants() -> None:
    kyiv = dt.timezone(dt.timedelta(hours=3))
    early = _reading("a:c1", 10, dt.datetime(2025, 7, 12, 14, 59, 59, 999999, tzinfo=kyiv))
    late = _reading("b:c1", 12, NOON)
    same = _reading("c:c1", 14, dt.datetime(2025, 7, 12, 15, tzinfo=kyiv))
    assert before(early, late) and not before(late, early)
    assert same_window(late, same) and not before(late, same) and not before(same, late)


def test_a_stamp_without_a_zone_is_read_as_utc() -> None:
    naive = _reading("a:c1", 10, NOON.replace(tzinfo=None))
    assert same_window(naive, _reading("b:c1", 12, NOON))


def test_the_window_of_a_day_orders_nothing_within_it() -> None:
    day = _reading("a:c1", 10, dt.datetime(2025, 7, 12, tzinfo=UTC),
                   dt.datetime(2025, 7, 12, 23, 59, 59, 999999, tzinfo=UTC))
    noon, after = _reading("b:c1", 12), _reading("c:c1", 14, NOON + dt.timedelta(days=1))
    assert not before(day, noon) and not before(noon, day)
    assert before(day, after) and day.day == noon.day == dt.date(2025, 7, 12)


def test_unordered_figures_of_a_count_put_the_lower_first() -> None:
    high, low = _reading("a:c1", 30), _reading("b:c1", 20)
    assert ordered(high, low) == (low, high, False)
    assert by_value(high, low) == (low, high) and by_value(low, low) == (low, low)


def test_an_open_end_excludes_its_bound() -> None:
    more = _reading("a:c1", 30, qualifier="more_than")
    assert disjoint(more, _reading("b:c1", 30)) and not disjoint(more, _reading("c:c1", 31))
    assert more.lo == 30 and more.lo_open and Interval(30, 30).disjoint(Interval(30, 31, True))


def test_figures_of_two_reports_are_simultaneous_only_at_one_stated_time() -> None:
    stamp = dt.datetime(2025, 7, 12, 9, tzinfo=UTC)
    a, b = _reading("a:c1", 10, as_of=stamp), _reading("b:c1", 12, as_of=stamp)
    assert same_time(a, b) and same_time(b, a)
    assert not same_time(_reading("a:c1", 10), _reading("b:c1", 12))
    assert not same_time(_reading("a:c1", 10, recalled=True), _reading("b:c1", 12, recalled=True))
