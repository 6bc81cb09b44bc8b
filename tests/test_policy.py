"""policy: rounding tolerance, relative difference, and the bounds of every setting."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from claimcheck import Policy
from claimcheck.errors import PolicyError

POLICY = Policy()


@pytest.mark.parametrize(
    ("value", "qualifier", "slack"),
    [
        pytest.param(600, "approximate", 50, id="about-600-is-plus-minus-50"),
        pytest.param(4000, "approximate", 400, id="about-4000-capped-at-10-percent"),
        pytest.param(20, "approximate", 2, id="about-20-capped-at-10-percent"),
        pytest.param(1.5, "approximate", 0.05, id="about-1.5-half-a-tenth"),
        pytest.param(597, "approximate", 0.5, id="about-597-half-a-unit"),
        pytest.param(570, "exact", 5, id="round-exact-570-is-rounded"),
        pytest.param(574, "exact", 0, id="exact-574-has-no-slack"),
        pytest.param(20, "exact", 0, id="round-exact-20-is-a-count"),
        pytest.param(1.5, "exact", 0, id="exact-decimal-has-no-slack"),
        pytest.param(0, "approximate", 0, id="zero"),
        pytest.param(600, "at_least", 0, id="hedge-is-its-own-slack"),
        pytest.param(600, "at_most", 0, id="cap-is-its-own-slack"),
        pytest.param(600, "range", 0, id="range-has-no-slack"),
        pytest.param(600, "vague", 0, id="vague-has-no-slack"),
    ],
)
def test_tolerance(value: float, qualifier: str, slack: float) -> None:
    assert POLICY.tolerance(value, qualifier) == pytest.approx(slack)


def test_about_600_agrees_with_597() -> None:
    slack = POLICY.tolerance(600, "approximate")
    assert 600 - slack <= 597 <= 600 + slack


def test_570_is_consistent_with_574() -> None:
    slack = max(POLICY.tolerance(570, "exact"), POLICY.tolerance(574, "exact"))
    assert abs(570 - 574) <= slack


def test_round_figures_can_be_read_as_exact() -> None:
    strict = Policy(round_figures_are_rounded=False)
    assert strict.tolerance(570, "exact") == 0
    assert strict.tolerance(600, "approximate") == 50


def test_max_rounding_caps_the_slack() -> None:
    assert Policy(max_rounding=0.01).tolerance(600, "approximate") == pytest.approx(6)
    assert Policy(max_rounding=0).tolerance(600, "approximate") == 0


@pytest.mark.parametrize(
    ("a", "b", "rel"),
    [(597, 700, 103 / 597), (700, 597, 103 / 597), (2140, 3000, 860 / 2140), (5, 5, 0), (0, 0, 0)],
)
def test_rel_is_against_the_smaller_figure(a: float, b: float, rel: float) -> None:
    assert POLICY.rel(a, b) == pytest.approx(rel)


@pytest.mark.parametrize(("a", "b"), [(0, 3), (-0.0, 3), (1e-320, 4), (5e-324, -2), (1e-300, 1e300)])
def test_rel_against_zero_a_denormal_or_beyond_floats_is_none(a: float, b: float) -> None:
    assert POLICY.rel(a, b) is None
    assert POLICY.rel(b, a) is None


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False),
       st.sampled_from(["exact", "approximate", "at_least", "at_most", "range", "vague"]))
def test_tolerance_is_never_negative_nor_above_the_cap(value: float, qualifier: str) -> None:
    slack = POLICY.tolerance(value, qualifier)
    assert 0 <= slack <= max(0.5, POLICY.max_rounding * abs(value))


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False),
       st.floats(min_value=-1e9, max_value=1e9, allow_nan=False))
def test_rel_is_symmetric(a: float, b: float) -> None:
    assert POLICY.rel(a, b) == POLICY.rel(b, a)


@pytest.mark.parametrize(
    "setting",
    [
        {"max_rounding": 2},
        {"max_rounding": -0.1},
        {"tension_threshold": -1},
        {"event_window_days": -1},
        {"event_window_days": 400},
        {"min_claims_per_group": 1},
        {"no_such_setting": True},
    ],
    ids=lambda s: next(iter(s)),
)
def test_out_of_range_settings_are_refused(setting: dict[str, object]) -> None:
    with pytest.raises(PolicyError) as caught:
        Policy(**setting)  # type: ignore[arg-type]
    assert isinstance(caught.value, ValueError)  # the builtin it resembles
    assert next(iter(setting)) in str(caught.value)  # the message names the setting


def test_policy_is_frozen() -> None:
    with pytest.raises(ValidationError):
        POLICY.tension_threshold = 0.5  # type: ignore[misc]
