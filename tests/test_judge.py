"""judge: verdicts, discrepancies and estimates for one group, under a Policy.

Unit tests judge hand-built claims (no extraction involved); the properties run whole
made-up reports through `claimcheck.check`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import claimcheck
from claimcheck import Claim, Document, Policy
from claimcheck.judge import judge
from claimcheck.models import Alignment, Discrepancy, Estimate, Verdict
from strategies import AttackReport, attack_reports, make_claim, mixed_documents, number_text

UTC = dt.timezone.utc
TOLL = {"entity": "person", "measure": "killed"}
MISSING = {"entity": "person", "measure": "missing"}
PRESENT = {"entity": "person", "measure": "present"}  # a state that is no stock: a crowd


def _docs(*hours: int) -> dict[str, Document]:
    """Documents a, b, c, ... published on 12 July 2025 at the given hours."""
    return {
        chr(ord("a") + i): Document(id=chr(ord("a") + i), text="",
                                    published=dt.datetime(2025, 7, 12, h, tzinfo=UTC))
        for i, h in enumerate(hours)
    }


def _judge(
    claims: list[Claim], hours: tuple[int, ...] = (9, 11, 13), policy: Policy | None = None
) -> tuple[Verdict, list[Discrepancy], Estimate]:
    docs = _docs(*hours)
    return judge(claims, docs, policy)


def _kinds(found: list[Discrepancy]) -> list[str]:
    return [d.kind for d in found]


# ---------------------------------------------------------------- tension


def test_597_drones_vs_up_to_700_is_a_tension_103_apart() -> None:
    verdict, found, estimate = _judge([make_claim("a:c1", 597, text="597 drones"),
                                       make_claim("b:c2", 700, qualifier="at_most",
                                                  text="700 drones")])
    assert verdict == "conflict"
    (gap,) = found
    assert gap.kind == "tension"
    assert gap.claims == ("a:c1", "b:c2")
    assert gap.abs_diff == 103
    assert gap.rel_diff == pytest.approx(103 / 597, abs=1e-4)
    assert "103 drones apart (17% of 597)" in gap.explanation
    assert (estimate.low, estimate.best, estimate.high) == (0, 597, 700)


def test_26_missiles_vs_up_to_30_is_a_tension() -> None:
    verdict, found, _ = _judge([make_claim("a:c1", 26, entity="missile"),
                                make_claim("b:c1", 30, qualifier="at_most", entity="missile")])
    assert (verdict, _kinds(found)) == ("conflict", ["tension"])
    assert "4 missiles apart (15% of 26)" in found[0].explanation


def test_a_small_gap_under_a_hedge_is_no_tension() -> None:
    verdict, found, _ = _judge([make_claim("a:c1", 32, **MISSING),
                                make_claim("b:c1", 30, qualifier="more_than", **MISSING)])
    assert (verdict, found) == ("consistent", [])


def test_the_tension_threshold_is_a_policy() -> None:
    claims = [make_claim("a:c1", 597), make_claim("b:c1", 700, qualifier="at_most")]
    assert _judge(claims, policy=Policy(tension_threshold=0.25))[0] == "consistent"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param(("at_least", 11), ("more_than", 14), id="two-floors"),
        pytest.param(("at_most", 11), ("less_than", 14), id="two-caps"),
        pytest.param(("vague", 24), ("vague", 200), id="two-vague"),
    ],
)
def test_hedges_open_the_same_way_never_make_a_tension(
    a: tuple[str, int], b: tuple[str, int]
) -> None:
    claims = [make_claim("a:c1", a[1], qualifier=a[0], **PRESENT),
              make_claim("b:c1", b[1], qualifier=b[0], **PRESENT)]
    assert _judge(claims)[0] == "consistent"


# ---------------------------------------------------------------- rounding


def test_round_figures_overlap_a_hedge() -> None:
    claims = [make_claim("a:c1", 30, qualifier="more_than", **MISSING),
              make_claim("b:c1", 30, **MISSING)]  # "30" may be 33 rounded
    assert _judge(claims)[0] == "consistent"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param(("approximate", 600), ("exact", 597), id="about-600-vs-597"),
        pytest.param(("exact", 570), ("exact", 574), id="570-vs-574"),
        pytest.param(("approximate", 20), ("exact", 21), id="about-20-vs-21"),
    ],
)
def test_figures_within_rounding_agree(first: tuple[str, int], second: tuple[str, int]) -> None:
    claims = [make_claim("a:c1", first[1], qualifier=first[0]),
              make_claim("b:c1", second[1], qualifier=second[0])]
    verdict, found, _ = _judge(claims)
    assert (verdict, found) == ("consistent", [])


def test_570_vs_574_conflicts_when_round_figures_are_exact() -> None:
    claims = [make_claim("a:c1", 570, **PRESENT), make_claim("b:c1", 574, **PRESENT)]
    verdict, found, _ = _judge(claims, policy=Policy(round_figures_are_rounded=False))
    assert (verdict, _kinds(found)) == ("conflict", ["contradiction"])


def test_units_of_one_dimension_are_converted() -> None:
    depth = {"entity": None, "measure": "present", "kind": "measurement"}
    metres = make_claim("a:c1", 40, unit="meter", **depth)
    feet = make_claim("b:c1", 130, qualifier="approximate", unit="foot", **depth)
    assert _judge([metres, feet])[0] == "consistent"
    far = make_claim("b:c1", 300, qualifier="approximate", unit="foot", **depth)
    assert _judge([metres, far])[0] == "conflict"


def test_an_exact_figure_and_its_rounded_conversion_agree() -> None:
    # "a 20 ft (6 m) surge": 6 m is 19.7 ft, a conversion rounded to its last digit
    depth = {"entity": None, "measure": "present", "kind": "measurement"}
    feet = make_claim("a:c1", 20, unit="foot", **depth)
    assert _judge([feet, make_claim("b:c1", 6, unit="meter", **depth)])[0] == "consistent"
    assert _judge([feet, make_claim("b:c1", 9, unit="meter", **depth)])[0] == "conflict"


def test_a_consistent_estimate_is_a_real_interval() -> None:
    _, _, estimate = _judge([make_claim("a:c1", 600, qualifier="approximate"),
                             make_claim("b:c1", 597)])
    assert estimate.low is not None and estimate.high is not None
    assert estimate.low <= estimate.best <= estimate.high  # type: ignore[operator]


# ---------------------------------------------------------------- states (not running counts)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param(("exact", 3), ("exact", 5), id="three-vs-five-present"),
        pytest.param(("at_least", 40), ("exact", 32), id="at-least-40-vs-32"),
        pytest.param(("more_than", 31), ("exact", 31), id="more-than-31-vs-31"),
        pytest.param(("less_than", 11), ("exact", 11), id="fewer-than-11-vs-11"),
        pytest.param(("range", 12), ("exact", 17), id="range-10-to-14-vs-17"),
    ],
)
def test_disjoint_figures_contradict(a: tuple[str, int], b: tuple[str, int]) -> None:
    bounds = {"low": 10.0, "high": 14.0} if a[0] == "range" else {}
    claims = [make_claim("a:c1", a[1], qualifier=a[0], **PRESENT, **bounds),
              make_claim("b:c1", b[1], qualifier=b[0], **PRESENT)]
    verdict, found, _ = _judge(claims)
    assert (verdict, _kinds(found)) == ("conflict", ["contradiction"])


# ---------------------------------------------------------------- running counts


def test_a_later_higher_toll_is_an_update() -> None:
    verdict, found, estimate = _judge([make_claim("a:c1", 51, **TOLL),
                                       make_claim("b:c1", 95, **TOLL)])
    assert (verdict, _kinds(found)) == ("evolving", ["update"])
    assert found[0].claims == ("a:c1", "b:c1")  # earlier first
    assert estimate.best == 95


def test_a_running_count_is_reported_as_its_steps() -> None:
    # 12 -> 15 -> 19: the steps imply 12 -> 19, which is not listed again
    claims = [make_claim("a:c1", 12, **TOLL), make_claim("b:c1", 15, **TOLL),
              make_claim("c:c1", 19, **TOLL)]
    verdict, found, estimate = _judge(claims)
    assert verdict == "evolving"
    assert sorted(d.claims for d in found) == [("a:c1", "b:c1"), ("b:c1", "c:c1")]
    assert estimate.best == 19


def test_order_of_the_claims_does_not_decide_what_is_earlier() -> None:
    claims = [make_claim("b:c1", 95, **TOLL), make_claim("a:c1", 51, **TOLL)]
    verdict, found, _ = _judge(claims)
    assert verdict == "evolving"
    assert found[0].claims == ("a:c1", "b:c1")


def test_a_toll_that_falls_later_is_a_contradiction() -> None:
    verdict, found, _ = _judge([make_claim("a:c1", 95, **TOLL), make_claim("b:c1", 51, **TOLL)])
    assert (verdict, _kinds(found)) == ("conflict", ["contradiction"])


def test_a_recalled_lower_figure_is_an_update() -> None:
    claims = [make_claim("a:c1", 57, **TOLL), make_claim("b:c1", 50, recalled=True, **TOLL)]
    verdict, found, _ = _judge(claims)
    assert (verdict, _kinds(found)) == ("evolving", ["update"])


def test_a_report_lower_than_the_figure_it_recalls_contradicts_it() -> None:
    # "the office had given 41 earlier; 40 are now confirmed": the count cannot fall
    claims = [make_claim("a:c1", 40, start=0, end=2, **TOLL),
              make_claim("a:c2", 41, start=50, end=52, recalled=True, **TOLL)]
    verdict, found, _ = _judge(claims)
    assert (verdict, _kinds(found)) == ("conflict", ["contradiction"])


def test_a_hedged_report_below_a_recalled_hedged_figure_is_a_tension() -> None:
    # "at least 22 dead; earlier, firefighters had said at least 30": both floors, yet it fell
    claims = [make_claim("a:c1", 22, qualifier="at_least", low=22, high=None, start=0, end=2,
                         **TOLL),
              make_claim("a:c2", 30, qualifier="at_least", low=30, high=None, start=50, end=52,
                         recalled=True, **TOLL)]
    verdict, found, _ = _judge(claims)
    assert (verdict, _kinds(found)) == ("conflict", ["tension"])


def test_a_recalled_figure_far_above_the_report_is_another_quantity() -> None:
    # "80 hurt, against 300 the night before": another night's count, no revision
    claims = [make_claim("a:c1", 80, start=0, end=2, **TOLL),
              make_claim("a:c2", 300, start=30, end=33, recalled=True, **TOLL)]
    assert _judge(claims)[1] == []
    loose = Policy(max_revision=5.0)
    assert _kinds(_judge(claims, policy=loose)[1]) == ["contradiction"]


def _same_day(day: int) -> dict[str, Document]:
    """Documents a and b, both published on `day` July 2025 with no hour."""
    return {i: Document(id=i, text=f"report {i}", published=dt.date(2025, 7, day)) for i in "ab"}


def test_two_exact_tallies_of_one_day_days_after_the_event_contradict() -> None:
    # a count that started on 12 July, given as 1,480 and 1,517 by two reports of 16 July
    claims = [make_claim("a:c1", 1480, **TOLL), make_claim("b:c1", 1517, **TOLL)]
    verdict, found, _ = judge(claims, _same_day(16))
    assert (verdict, _kinds(found)) == ("conflict", ["contradiction"])
    # never when the policy says counts are never settled
    assert _kinds(judge(claims, _same_day(16), Policy(settled_after_days=0))[1]) == ["update"]


def test_a_count_on_its_first_days_or_hedged_is_read_as_growing() -> None:
    fresh = [make_claim("a:c1", 1480, **TOLL), make_claim("b:c1", 1517, **TOLL)]
    assert _kinds(judge(fresh, _same_day(13))[1]) == ["update"]  # the day after the event
    hedged = [make_claim("a:c1", 1480, **TOLL),
              make_claim("b:c1", 1600, qualifier="more_than", **TOLL)]
    assert _kinds(judge(hedged, _same_day(16))[1]) == ["update"]
    apart = [make_claim("a:c1", 1480, **TOLL), make_claim("b:c1", 1890, **TOLL)]
    assert _kinds(judge(apart, _same_day(16))[1]) == ["update"]  # two tallies of the day


def test_a_figure_another_report_recalls_as_earlier_precedes_that_reports_figures() -> None:
    # report a (no hour) gives 35 dead; report b, the same day, gives "at least 26" and says
    # "earlier, firefighters had said 35": a's 35 is the earlier figure, and the count fell
    claims = [make_claim("a:c1", 35, **TOLL),
              make_claim("b:c1", 26, qualifier="at_least", low=26, high=None, **TOLL),
              make_claim("b:c2", 35, qualifier="at_least", low=35, high=None, start=40, end=42,
                         recalled=True, **TOLL)]
    verdict, found, _ = judge(claims, _same_day(14))
    assert verdict == "conflict"
    assert sorted((d.kind, d.claims) for d in found) == [
        ("tension", ("a:c1", "b:c1")), ("tension", ("b:c1", "b:c2"))]


def test_a_recalled_figure_another_report_states_is_of_that_reports_time() -> None:
    # report a gives 35 (firefighters) and 20 (officials); report b recalls the 35 as
    # earlier: b's recalled 35 is simultaneous with a's 20, and cannot both be true
    claims = [make_claim("a:c1", 35, **TOLL), make_claim("a:c2", 20, start=30, end=32, **TOLL),
              make_claim("b:c2", 35, qualifier="at_least", low=35, high=None, start=40, end=42,
                         recalled=True, **TOLL)]
    _, found, _ = judge(claims, _same_day(14))
    assert ("contradiction", ("a:c2", "b:c2")) in [(d.kind, d.claims) for d in found]


def test_a_later_hedged_figure_far_below_is_no_tension() -> None:
    # 35 at 09:00, "at least 12" at 13:00: too far below to be a revision of the same count
    claims = [make_claim("a:c1", 35, **TOLL),
              make_claim("c:c1", 12, qualifier="at_least", low=12, high=None, **TOLL)]
    assert _judge(claims)[1] == []
    near = [make_claim("a:c1", 35, **TOLL),
            make_claim("c:c1", 29, qualifier="at_least", low=29, high=None, **TOLL)]
    assert _kinds(_judge(near)[1]) == ["tension"]


def test_simultaneous_disjoint_figures_contradict() -> None:
    claims = [make_claim("a:c1", 27, speaker="a spokeswoman", **TOLL),
              make_claim("a:c2", 30, qualifier="more_than", speaker="officials", **TOLL)]
    verdict, found, _ = _judge(claims)
    assert (verdict, _kinds(found)) == ("conflict", ["contradiction"])


def test_a_simultaneous_floor_below_a_figure_is_an_update() -> None:
    claims = [make_claim("a:c1", 30, qualifier="at_least", **TOLL),
              make_claim("a:c2", 39, **TOLL)]
    assert _judge(claims)[0] == "evolving"


def test_an_unordered_rise_that_falls_back_is_a_contradiction() -> None:
    # 10 and 20 the same day with no hour, 10 again the next day: the 20 was an outlier
    claims = [make_claim("a:c1", 10, **TOLL), make_claim("b:c1", 20, **TOLL),
              make_claim("c:c1", 10, **TOLL)]
    docs = {i: Document(id=i, text="", published=dt.date(2025, 7, day))
            for i, day in (("a", 12), ("b", 12), ("c", 13))}
    verdict, found, _ = judge(claims, docs)
    assert verdict == "conflict"
    assert ("a:c1", "b:c1") in {d.claims for d in found if d.kind == "contradiction"}


def test_a_rise_that_time_orders_stays_an_update_when_the_count_falls_back() -> None:
    # 09:00 10 dead, 11:00 20, 13:00 10: the rise is a step, the fall the contradiction
    claims = [make_claim("a:c1", 10, **TOLL), make_claim("b:c1", 20, **TOLL),
              make_claim("c:c1", 10, **TOLL)]
    found = {d.claims: d.kind for d in _judge(claims)[1]}
    assert found == {("a:c1", "b:c1"): "update", ("b:c1", "c:c1"): "contradiction"}


def test_a_rise_that_time_orders_is_an_update_though_the_earlier_figure_was_disputed() -> None:
    # 09:00: one source says 20, another 30 at the same hour; 13:00: 30. The 20 -> 30 rise
    # is timed, so it is a step; the 09:00 pair is the contradiction
    claims = [make_claim("a:c1", 20, speaker="police", **TOLL),
              make_claim("a:c2", 30, speaker="the mayor", **TOLL),
              make_claim("c:c1", 30, **TOLL)]
    found = {d.claims: d.kind for d in _judge(claims)[1]}
    assert found[("a:c1", "a:c2")] == "contradiction"
    assert found[("a:c1", "c:c1")] == "update"


def test_up_to_caps_a_running_count_and_is_judged_by_the_ordinary_rules() -> None:
    claims = [make_claim("a:c1", 3000, qualifier="at_most", entity="person", measure="evacuated"),
              make_claim("b:c1", 2140, entity="person", measure="evacuated")]
    verdict, found, _ = _judge(claims)
    assert (verdict, _kinds(found)) == ("conflict", ["tension"])
    assert found[0].rel_diff == pytest.approx(860 / 2140, abs=1e-4)


def test_two_vague_running_counts_are_never_a_discrepancy() -> None:
    claims = [make_claim("a:c1", 24, qualifier="vague", **TOLL),
              make_claim("b:c1", 200, qualifier="vague", **TOLL)]
    assert _judge(claims)[0] == "consistent"


def _at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2025, 7, 12, hour, minute, tzinfo=UTC)


def _judge_day(claims: list[Claim]) -> tuple[Verdict, list[Discrepancy], Estimate]:
    """Judged with documents a and b published on 12 July 2025, with no hour."""
    docs = {i: Document(id=i, text="", published=dt.date(2025, 7, 12)) for i in "ab"}
    return judge(claims, docs)


def test_figures_of_two_stated_times_in_one_document_are_not_simultaneous() -> None:
    # "as of 04:00, two dead" and, in the same live report, "as of 07:30, ten dead"
    claims = [make_claim("a:c1", 2, as_of=_at(4), **TOLL),
              make_claim("a:c2", 10, as_of=_at(7, 30), **TOLL)]
    verdict, found, _ = _judge(claims)
    assert (verdict, [d.claims for d in found]) == ("evolving", [("a:c1", "a:c2")])


def test_an_untimed_figure_is_not_simultaneous_with_a_timed_one_of_its_document() -> None:
    # a lead's 70 with no time and an update "at 10:32: 77" in the same report
    claims = [make_claim("a:c1", 70, start=0, end=2, **TOLL),
              make_claim("a:c2", 77, start=40, end=42, as_of=_at(10, 32), **TOLL)]
    assert _judge_day(claims)[0] == "evolving"


def test_a_rise_back_to_a_level_reported_before_is_no_outlier() -> None:
    # 16 injured on the 12th; on the 13th, with no hours, "about fifteen" and 16; 15 on the
    # 14th: the 16 of the 13th repeats the known level, so it is the update, not an outlier
    days = {"a": 12, "b": 13, "c": 13, "d": 14}
    docs = {i: Document(id=i, text=f"report {i}", published=dt.date(2025, 7, day))
            for i, day in days.items()}
    injured = {"entity": "person", "measure": "injured"}
    claims = [make_claim("a:c1", 16, speaker="police", **injured),
              make_claim("b:c1", 15, qualifier="approximate", speaker="a hospital", **injured),
              make_claim("c:c1", 16, speaker="the mayor", **injured),
              make_claim("d:c1", 15, speaker="police", **injured)]
    _, found, _ = judge(claims, docs)
    assert ("b:c1", "c:c1") in {d.claims for d in found if d.kind == "update"}
    assert ("c:c1", "d:c1") in {tuple(sorted(d.claims)) for d in found if d.kind == "contradiction"}


def test_a_copy_of_a_report_orders_its_figures_the_way_the_original_does() -> None:
    # one report, also filed under a second id: "39 dead by one tally, 189 by another; the
    # toll has since risen to 189": the later 189 is an update of the 39 in the copy too
    docs = {i: Document(id=i, text="39 dead, 189 dead; now 189 dead.",
                        published=dt.date(2025, 7, 12)) for i in ("a", "a2")}
    claims = [c for d in docs for c in (
        make_claim(f"{d}:c1", 39, start=0, end=2, **TOLL),
        make_claim(f"{d}:c2", 189, start=9, end=12, **TOLL),
        make_claim(f"{d}:c3", 189, start=24, end=27, later=True, **TOLL))]
    _, found, _ = judge(claims, docs)
    updates = {tuple(c.split(":")[1] for c in d.claims) for d in found if d.kind == "update"}
    conflicts = {tuple(c.split(":")[1] for c in d.claims) for d in found if d.kind != "update"}
    assert ("c1", "c3") in updates
    assert ("c1", "c3") not in conflicts and ("c3", "c1") not in conflicts


def test_a_headline_repeating_a_timed_figure_is_of_that_time() -> None:
    # a headline's 12 repeats the body's "as of 07:30, 12 dead"; a later report says 9
    claims = [make_claim("a:c1", 12, start=0, end=2, **TOLL),
              make_claim("a:c2", 12, start=60, end=62, as_of=_at(7, 30), **TOLL),
              make_claim("b:c1", 9, as_of=_at(9), **TOLL)]
    verdict, found, _ = _judge_day(claims)
    assert verdict == "conflict"
    assert {d.claims for d in found if d.kind == "contradiction"} == {
        ("a:c1", "b:c1"), ("a:c2", "b:c1")}


def test_a_newer_figure_is_dated_when_its_document_mixes_naive_and_zoned_times() -> None:
    claims = [make_claim("b:c1", 77, as_of=dt.datetime(2025, 7, 12, 10, 30), **TOLL),
              make_claim("b:c2", 70, start=20, end=22, as_of=_at(9), **TOLL),
              make_claim("b:c3", 90, start=50, end=52, later=True, **TOLL)]
    assert _judge_day(claims)[0] == "evolving"


def test_a_recalled_figure_its_document_dates_is_that_figure() -> None:
    # "as of 09:00, 70 hurt ... update at 10:30: 77 hurt; earlier, 70 were reported", and
    # another report's "more than 100" at 07:30: the recalled 70 is the 09:00 figure
    claims = [make_claim("a:c1", 100, qualifier="more_than", as_of=_at(7, 30), **TOLL),
              make_claim("b:c1", 70, as_of=_at(9), **TOLL),
              make_claim("b:c2", 77, start=30, end=32, as_of=_at(10, 30), **TOLL),
              make_claim("b:c3", 70, start=60, end=62, recalled=True, **TOLL)]
    found = {d.claims: d.kind for d in _judge_day(claims)[1]}
    assert found[("a:c1", "b:c3")] == "contradiction"
    assert found[("b:c3", "b:c2")] == "update"


def test_a_newer_figure_comes_after_the_latest_time_its_document_states() -> None:
    # "at 10:32: 77 injured ... UPD: 90 injured"; another report gave "more than 100" at 07:30
    claims = [make_claim("a:c1", 100, qualifier="more_than", as_of=_at(7, 30), **TOLL),
              make_claim("b:c1", 77, as_of=_at(10, 32), **TOLL),
              make_claim("b:c2", 90, start=50, end=52, later=True, **TOLL)]
    verdict, found, _ = _judge_day(claims)
    assert {d.claims: d.kind for d in found} == {
        ("a:c1", "b:c1"): "contradiction", ("a:c1", "b:c2"): "contradiction",
        ("b:c1", "b:c2"): "update"}


def test_a_stock_that_falls_from_one_day_to_the_next_is_no_conflict() -> None:
    # "between 10 and 20 missing" on Thursday, "five missing" on Friday: people were found
    claims = [make_claim("a:c1", 15, qualifier="range", low=10, high=20, **MISSING),
              make_claim("b:c1", 5, **MISSING)]
    docs = {"a": Document(id="a", text="", published=dt.date(2025, 7, 10)),
            "b": Document(id="b", text="", published=dt.date(2025, 7, 11))}
    assert judge(claims, docs)[:2] == ("consistent", [])


def test_a_stock_that_rises_is_an_update_and_one_moment_can_still_contradict() -> None:
    stays = {"entity": "child", "measure": "hospitalised"}
    rise = [make_claim("a:c1", 3, **stays), make_claim("b:c1", 5, **stays)]
    verdict, found, _ = _judge(rise)
    assert (verdict, [d.claims for d in found]) == ("evolving", [("a:c1", "b:c1")])
    # one article: "five missing" and "some twenty still under the rubble"
    same = [make_claim("a:c1", 5, **MISSING), make_claim("a:c2", 20, qualifier="approximate",
                                                          **MISSING)]
    assert _kinds(_judge(same)[1]) == ["contradiction"]


def test_a_cap_on_a_stock_is_judged_by_the_ordinary_rules_at_any_time() -> None:
    claims = [make_claim("a:c1", 1300, qualifier="at_most", **MISSING),
              make_claim("b:c1", 50, qualifier="range", low=40, high=60, **MISSING)]
    assert _kinds(_judge(claims)[1]) == ["tension"]


# ---------------------------------------------------------------- self-comparison


def test_fewer_than_zero_does_not_contradict_its_copy() -> None:
    claims = [make_claim("a:c1", 0, qualifier="less_than"),
              make_claim("b:c1", 0, qualifier="less_than")]
    assert _judge(claims)[0] == "consistent"


@pytest.mark.parametrize(
    "qualifier", ["exact", "approximate", "at_least", "more_than", "at_most", "less_than", "vague"]
)
@pytest.mark.parametrize("value", [1, 26, 597, 3000, 7.6])
def test_a_claim_agrees_with_its_copy(qualifier: str, value: float) -> None:
    claims = [make_claim("a:c1", value, qualifier=qualifier),
              make_claim("b:c1", value, qualifier=qualifier)]
    assert _judge(claims)[:2] == ("consistent", [])


@given(attack_reports(min_size=1, max_size=1))
def test_a_document_compared_with_itself_yields_no_discrepancy(reports: list[AttackReport]) -> None:
    doc = reports[0].render()
    report = claimcheck.check([doc, doc.model_copy(update={"id": "copy"})])
    assert len(report.groups) == 2  # drones, missiles
    for group in report.groups:
        assert (group.verdict, group.discrepancies) == ("consistent", [])


def _not_with_its_copy(report: claimcheck.Report, copy: str) -> None:
    for group in report.groups:
        for d in group.discrepancies:
            a, b = d.claims
            mirrored = {a.split(":")[0], b.split(":")[0]} == {"n", copy} and \
                a.split(":")[1] == b.split(":")[1]
            assert not mirrored, d.explanation


@given(mixed_documents())
def test_no_claim_disagrees_with_its_own_copy(docs: list[Document]) -> None:
    doc = docs[0].model_copy(update={"id": "n"})
    _not_with_its_copy(claimcheck.check([doc, doc.model_copy(update={"id": "copy"})]), "copy")


@given(number_text)
def test_no_claim_disagrees_with_its_own_copy_in_fragment_text(text: str) -> None:
    doc = Document(id="n", text=text, published=dt.datetime(2025, 7, 12, 9, tzinfo=UTC))
    _not_with_its_copy(claimcheck.check([doc, doc.model_copy(update={"id": "copy"})]), "copy")


# ---------------------------------------------------------------- scaling


def _verdicts(report: claimcheck.Report) -> list[tuple[str, str, list[str]]]:
    return [(g.about, g.verdict, sorted(d.kind for d in g.discrepancies)) for g in report.groups]


def _slack_decides(reports: list[AttackReport]) -> bool:
    """Two 'about' figures one apart: their fixed half-unit slacks just touch, and scaled
    they no longer do ("about 227" and "about 226" agree, "about 681" and "about 678" not)."""
    approximate = ("about ", "nearly ")
    for a in reports:
        for b in reports:
            if a.drone_hedge in approximate and b.drone_hedge in approximate and \
                    abs(a.drones - b.drones) == 1:
                return True
            if a.missile_hedge in approximate and b.missile_hedge in approximate and \
                    abs(a.missiles - b.missiles) == 1:
                return True
    return False


@given(attack_reports(), st.sampled_from([3, 7, 11, 13]))
def test_scaling_every_figure_keeps_the_verdicts(reports: list[AttackReport], k: int) -> None:
    # rounding slack is read from the digits (docs/discrepancies.md), not scaled with them:
    # keep figures unround at both scales, and leave out the one case the slack decides
    assume(all((r.drones * k) % 10 and (r.missiles * k) % 10 for r in reports))
    assume(not _slack_decides(reports))
    before = claimcheck.check([r.render() for r in reports])
    after = claimcheck.check([r.render(scale=k) for r in reports])
    assert _verdicts(after) == _verdicts(before)
    assert [len(g.claims) for g in after.groups] == [len(g.claims) for g in before.groups]


@given(attack_reports(), st.randoms(use_true_random=False))
def test_verdicts_do_not_depend_on_the_order_of_reports_published_at_distinct_times(
    reports: list[AttackReport], rnd: Any
) -> None:
    docs = [r.render() for r in reports]
    shuffled = list(docs)
    rnd.shuffle(shuffled)
    assert _verdicts(claimcheck.check(shuffled)) == _verdicts(claimcheck.check(docs))


# ---------------------------------------------------------------- confidence


def _measure(claim_id: str, value: float, unit: str) -> Claim:
    return make_claim(claim_id, value, unit=unit, kind="measurement", entity="distance",
                      measure="distance")


def test_a_sure_contradiction_has_full_confidence_and_no_reasons() -> None:
    _, found, _ = _judge([make_claim("a:c1", 3, **PRESENT), make_claim("b:c1", 5, **PRESENT)])
    (d,) = found
    assert (d.kind, d.confidence, d.reasons) == ("contradiction", 1.0, [])


def test_measurements_far_apart_are_only_a_possible_contradiction() -> None:
    verdict, found, _ = _judge([_measure("a:c1", 20, "foot"), _measure("b:c1", 275, "mile")])
    (d,) = found
    assert verdict == "consistent"  # a possible discrepancy is listed, not asserted
    assert d.kind == "possible" and d.confidence == 0.5
    assert d.explanation.startswith("possible contradiction (confidence 0.5, below 0.7)")
    assert "more likely two quantities" in d.reasons[0]
    _, _, estimate = _judge([_measure("a:c1", 20, "foot"), _measure("b:c1", 275, "mile")])
    assert estimate.low is not None and estimate.high is not None
    assert estimate.low <= estimate.best <= estimate.high  # the span, not an empty intersection


def test_the_confidence_threshold_is_the_users_to_set() -> None:
    claims = [_measure("a:c1", 20, "foot"), _measure("b:c1", 275, "mile")]
    assert _judge(claims, policy=Policy(min_confidence=0.4))[1][0].kind == "contradiction"


def test_a_weak_alignment_lowers_the_confidence_with_its_reasons() -> None:
    weak = Alignment(features={}, scores={"entity": 100.0, "event date": 40.0,
                                          "place scope": 100.0}, score=80.0)
    claims = [make_claim("a:c1", 3, **PRESENT), make_claim("b:c1", 5, **PRESENT)]
    _, found, _ = judge(claims, _docs(9, 11), Policy(), alignment=weak)
    (d,) = found
    assert d.kind == "contradiction" and d.confidence == 0.8
    assert d.reasons == ["the grouped claims are alike at 80/100 (event date 40/100)"]
    assert judge(claims, _docs(9, 11), Policy(min_confidence=0.9), alignment=weak)[1][0].kind \
        == "possible"



def test_a_cap_is_in_no_tension_with_a_vague_figure_under_it() -> None:
    # "dozens missing" vs "up to 1,300 missing": dozens lie under the cap
    verdict, found, _ = _judge([make_claim("a:c1", 24, qualifier="vague", **MISSING),
                                make_claim("b:c1", 1300, qualifier="at_most", **MISSING)])
    assert (verdict, found) == ("consistent", [])


def test_a_vague_figure_is_in_no_tension_with_a_figure_of_its_own_document() -> None:
    # "several thousand marched; the police counted 6,200, the organisers 20,000": the
    # document's own figures say what its vague word summed up
    crowd = {"entity": "person", "measure": "took part"}
    claims = [make_claim("a:c1", 1000, qualifier="vague", **crowd),
              make_claim("a:c2", 6200, speaker="police", **crowd),
              make_claim("a:c3", 20000, speaker="organisers", **crowd)]
    _, found, _ = _judge(claims)
    assert [(tuple(d.claims), d.kind) for d in found] == [(("a:c2", "a:c3"), "contradiction")]
    # from another document, "several thousand" against 20,000 is still a tension
    _, found, _ = _judge([make_claim("a:c1", 1000, qualifier="vague", **crowd),
                          make_claim("b:c1", 20000, **crowd)])
    assert [d.kind for d in found] == ["tension"]


def test_a_vague_figure_is_in_no_tension_with_a_figure_of_a_copy_of_its_report() -> None:
    # the same report filed under a second id is still one report: its vague "thousands"
    # sums up its own 20,000 in the copy as it does in the original
    crowd = {"entity": "person", "measure": "took part"}
    docs = {i: Document(id=i, text="Thousands marched; organisers counted 20,000.",
                        published=dt.date(2025, 7, 12)) for i in ("a", "a2")}
    claims = [c for d in docs for c in (
        make_claim(f"{d}:c1", 1000, qualifier="vague", text="Thousands", start=0, end=9,
                   **crowd),
        make_claim(f"{d}:c2", 20000, text="20,000", start=38, end=44, **crowd))]
    _, found, _ = judge(claims, docs)
    assert [d for d in found if d.kind == "tension"] == []


def test_a_stated_time_after_its_report_is_the_reports_time() -> None:
    # "the mayor said on Tuesday" read as Tuesday's end in a report of 11:00 is no later
    # than 11:00: 16 then, 23 in the report of 13:00, a growing toll
    end_of_day = dt.datetime(2025, 7, 12, 23, 59, tzinfo=UTC)
    early = make_claim("b:c1", 16, as_of=end_of_day, **TOLL)
    late = make_claim("c:c1", 23, as_of=dt.datetime(2025, 7, 12, 13, tzinfo=UTC), **TOLL)
    verdict, found, _ = _judge([early, late])
    assert _kinds(found) == ["update"]


def test_a_total_since_a_day_only_grows_a_higher_later_total_is_an_update() -> None:
    docs = [claimcheck.Document(id=f"d{i}", language="en", published=dt.datetime(2025, 6, day, 9),
                                text=f"Russia has fired {n} drones at Ukraine since the start of June, "
                                     "the air force said.")
            for i, (day, n) in enumerate([(10, "1,900"), (17, "2,800")])]
    report = claimcheck.check(docs)
    assert [c.measure for c in report.claims] == ["launched (total)"] * 2
    (group,) = report.groups
    assert [d.kind for d in group.discrepancies] == ["update"]


# ---------------------------------------------------------------- increments


def test_increments_of_two_reports_are_two_windows_not_rivals() -> None:
    # "two more bodies were found after noon" at 13:00, "three more overnight" the next
    # morning: each adds what its own window brought, neither contradicts the other
    more = {"entity": "person", "measure": "killed (more)"}
    verdict, found, _ = _judge([make_claim("a:c1", 2, **more), make_claim("b:c1", 3, **more)])
    assert (verdict, found) == ("consistent", [])


def test_increments_of_one_report_told_at_one_time_can_disagree() -> None:
    more = {"entity": "person", "measure": "killed (more)"}
    claims = [make_claim("a:c1", 2, start=0, end=1, **more),
              make_claim("a:c2", 5, start=10, end=11, **more)]
    verdict, found, _ = _judge(claims)
    assert (verdict, _kinds(found)) == ("conflict", ["contradiction"])


def test_customers_without_power_on_two_days_are_snapshots_not_rivals() -> None:
    # 1,100 customers on Saturday evening, 140 on Monday: the stock fell, nobody is wrong
    power = {"entity": "customer", "measure": "without power"}
    verdict, found, _ = _judge([make_claim("a:c1", 1100, **power),
                                make_claim("b:c1", 140, **power)])
    assert "contradiction" not in _kinds(found) and verdict != "conflict"
