"""checks: a part may not exceed its whole (ratios, intercepted vs launched, city vs area)."""

from __future__ import annotations

from claimcheck.checks import structural_checks
from claimcheck.models import Check, Claim, ClaimGroup, Estimate
from strategies import make_claim

LVIV = {"location": "Lviv", "place_key": "UA/Lviv Oblast/Lviv"}
KYIV = {"location": "Kyiv", "place_key": "UA/Kyiv City/Kyiv"}
UKRAINE = {"location": "Ukraine", "place_key": "UA"}


def _group(gid: str, claims: list[Claim], best: float) -> ClaimGroup:
    return ClaimGroup(id=gid, about=gid, claims=[c.id for c in claims], verdict="consistent",
                      estimate=Estimate(low=best, best=best, high=best, rule="test"))


def _rules(checks: list[Check]) -> dict[str, bool]:
    return {c.rule: c.passed for c in checks}


def test_a_part_of_a_whole() -> None:
    whole = make_claim("a:c2", 99, entity="school", measure="damaged")
    part = make_claim("a:c1", 72, entity=None, measure=None, ratio_of="a:c2")
    (check,) = structural_checks([part, whole], [])
    assert (check.rule, check.claims, check.passed) == ("part <= whole", ["a:c1", "a:c2"], True)
    too_big = part.model_copy(update={"value": 120.0, "low": 120.0, "high": 120.0})
    assert not structural_checks([too_big, whole], [])[0].passed


def test_intercepted_may_not_exceed_launched() -> None:
    launched = [make_claim("a:c1", 597), make_claim("b:c1", 597)]
    shot = [make_claim("a:c2", 600, measure="intercepted"),
            make_claim("b:c2", 600, measure="intercepted")]
    groups = [_group("g1", launched, 597), _group("g2", shot, 600)]
    assert _rules(structural_checks(launched + shot, groups)) == {"intercepted <= launched": False}
    groups = [_group("g1", launched, 597), _group("g2", shot, 566)]
    assert _rules(structural_checks(launched + shot, groups)) == {"intercepted <= launched": True}


def test_a_city_toll_may_not_exceed_the_national_toll() -> None:
    toll = {"entity": "person", "measure": "killed"}
    city = [make_claim("a:c1", 12, **toll, **LVIV), make_claim("b:c1", 12, **toll, **LVIV)]
    nation = [make_claim("a:c2", 10, **toll, **UKRAINE), make_claim("b:c2", 10, **toll, **UKRAINE)]
    groups = [_group("g1", city, 12), _group("g2", nation, 10)]
    checks = [c for c in structural_checks(city + nation, groups) if c.rule.startswith("local")]
    assert [(c.claims, c.passed) for c in checks] == [(["a:c1", "a:c2"], False)]


def test_the_parts_of_an_area_add_up_to_no_more_than_its_toll() -> None:
    toll = {"entity": "person", "measure": "killed"}
    lviv = [make_claim("a:c1", 6, **toll, **LVIV), make_claim("b:c1", 6, **toll, **LVIV)]
    kyiv = [make_claim("a:c2", 7, **toll, **KYIV), make_claim("b:c2", 7, **toll, **KYIV)]
    nation = [make_claim("a:c3", 10, **toll, **UKRAINE), make_claim("b:c3", 10, **toll, **UKRAINE)]
    groups = [_group("g1", lviv, 6), _group("g2", kyiv, 7), _group("g3", nation, 10)]
    checks = structural_checks(lviv + kyiv + nation, groups)
    (total,) = [c for c in checks if c.rule == "sum of parts <= whole"]
    assert not total.passed
    assert "13" in total.explanation and "10" in total.explanation
    # each city alone is within the national toll
    assert all(c.passed for c in checks if c.rule.startswith("local"))


def test_unrelated_groups_are_not_checked() -> None:
    drones = [make_claim("a:c1", 597), make_claim("b:c1", 597)]
    missiles = [make_claim("a:c2", 26, entity="missile"), make_claim("b:c2", 26, entity="missile")]
    groups = [_group("g1", drones, 597), _group("g2", missiles, 26)]
    assert structural_checks(drones + missiles, groups) == []
