"""findings: a judged pair written down (explanation, confidence, `possible`) and a group's
estimate, tested against a hand-made reading (the test double of the judge's own)."""

from __future__ import annotations

import pickle
from dataclasses import dataclass

import pytest

from claimcheck import Claim, Policy
from claimcheck.findings import Weight, discrepancy, estimate, finding, weigh
from claimcheck.models import Alignment
from strategies import make_claim


@dataclass(frozen=True)
class _Read:
    claim: Claim
    value: float
    lo: float
    hi: float
    order: int = 0

    def key(self) -> tuple[object, ...]:
        return (self.order,)


def _read(id: str, value: float, order: int = 0, **changes: object) -> _Read:
    claim = make_claim(id, value, **changes)
    return _Read(claim, value, claim.low if claim.low is not None else float("-inf"),
                 claim.high if claim.high is not None else float("inf"), order)


def test_a_contradiction_is_written_in_text_order_with_its_gap() -> None:
    a, b = _read("b:c1", 700), _read("a:c1", 597)
    d = discrepancy(a, b, "contradiction", Policy(), timed=True)
    assert d.claims == ("a:c1", "b:c1")
    assert (d.abs_diff, d.rel_diff) == (103, round(103 / 597, 4))
    assert "cannot both be true" in d.explanation and "103 drones apart" in d.explanation


def test_an_update_keeps_its_order_and_says_when_no_time_ordered_it() -> None:
    early, late = _read("b:c1", 10), _read("a:c1", 12)
    timed = discrepancy(early, late, "update", Policy(), timed=True)
    untimed = discrepancy(early, late, "update", Policy(), timed=False)
    assert timed.claims == untimed.claims == ("b:c1", "a:c1")
    assert "no time in the texts orders them" in untimed.explanation
    assert "no time in the texts" not in timed.explanation


def test_a_weak_alignment_turns_a_conflict_into_a_possible_one() -> None:
    a, b = _read("a:c1", 40), _read("b:c1", 90)
    d = discrepancy(a, b, "contradiction", Policy(), timed=True)
    sure = weigh(d, a, b, None, Policy())
    weak = Alignment(features={"place": "Kyiv"}, score=40, scores={"place": 40})
    doubted = weigh(d, a, b, weak, Policy())
    assert (sure.kind, sure.confidence) == ("contradiction", 1.0)
    assert doubted.kind == "possible" and doubted.confidence == 0.4
    assert doubted.reasons and "place 40/100" in doubted.reasons[0]


def test_measurements_far_apart_lose_half_their_confidence() -> None:
    a = _read("a:c1", 3, kind="measurement", entity=None, unit="m")
    b = _read("b:c1", 3000, kind="measurement", entity=None, unit="m")
    d = weigh(discrepancy(a, b, "contradiction", Policy(), timed=True), a, b, None, Policy())
    assert d.confidence == 0.5 and "1,000 times apart" in d.reasons[0]


def test_the_estimate_of_a_running_count_is_its_latest_current_figure() -> None:
    readings = [_read("a:c1", 10, order=1), _read("b:c1", 14, order=3),
                _read("c:c1", 12, order=2)]
    assert estimate(readings, "evolving").best == 14


def test_the_estimate_of_agreeing_figures_is_their_common_interval() -> None:
    readings = [_read("a:c1", 20, qualifier="at_least"), _read("b:c1", 24),
                _read("c:c1", 30, qualifier="at_most")]
    est = estimate(readings, "consistent")
    assert (est.low, est.best, est.high) == (24, 24, 24)


def test_the_estimate_of_conflicting_figures_spans_them_and_keeps_an_open_side_open() -> None:
    readings = [_read("a:c1", 20, qualifier="at_least"), _read("b:c1", 10), _read("c:c1", 12)]
    est = estimate(readings, "conflict")
    assert (est.low, est.best, est.high) == (10, 12, None)


@pytest.mark.parametrize(("kind", "score", "timed"), [
    ("update", 100, True), ("update", 100, False), ("contradiction", 100, True),
    ("tension", 80, True), ("contradiction", 40, True)])
def test_a_finding_is_the_weighed_discrepancy_as_one_record(kind: str, score: float,
                                                            timed: bool) -> None:
    a, b = _read("b:c1", 40, unit="meter", kind="measurement"), _read("a:c1", 900, unit="meter",
                                                                      kind="measurement")
    alignment = Alignment(features={"place": "Kyiv"}, score=score, scores={"place": score})
    policy = Policy()
    expected = weigh(discrepancy(a, b, kind, policy, timed=timed), a, b, alignment, policy)
    got = finding(a, b, kind, policy, timed=timed, weight=Weight.of(alignment))
    assert got == expected and got.model_dump_json() == expected.model_dump_json()
    assert got.model_fields_set == expected.model_fields_set
    assert pickle.loads(pickle.dumps(got)) == got
    assert got.model_copy(update={"kind": "possible"}).kind == "possible"

