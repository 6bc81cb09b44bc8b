"""match: which claims are about the same quantity (hand-built claims and made-up reports)."""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import given
from hypothesis import strategies as st

import claimcheck
from claimcheck import Claim, Document, Policy
from claimcheck.match import align, fuzzy_entity_key
from strategies import make_claim, mixed_documents

KYIV = {"location": "Kyiv", "place_key": "UA/Kyiv City/Kyiv"}


def _groups(claims: list[Claim], policy: Policy | None = None) -> list[list[str]]:
    return [[c.id for c in g.claims] for g in align(claims, policy)]


# ---------------------------------------------------------------- blocking


def test_the_same_quantity_from_two_sources_is_one_group() -> None:
    claims = [make_claim("a:c1", 597, speaker="the president"),
              make_claim("b:c2", 700, qualifier="at_most", speaker="estimates")]
    (group,) = align(claims)
    assert [c.id for c in group.claims] == ["a:c1", "b:c2"]
    assert group.alignment.features["measure"] == "launched"
    assert group.alignment.features["entity"] == "drone"
    assert group.alignment.features["scope"] == "UA"
    assert "drone launched" in group.about


def test_different_entities_measures_or_dimensions_are_not_grouped() -> None:
    claims = [
        make_claim("a:c1", 597),
        make_claim("b:c1", 26, entity="missile"),
        make_claim("c:c1", 300, measure="intercepted"),
        make_claim("d:c1", 5, unit="percent", kind="percent"),
    ]
    assert _groups(claims) == []


def test_a_city_toll_and_the_national_toll_are_not_grouped() -> None:
    nation = {"entity": "person", "measure": "killed", "location": "Ukraine", "place_key": "UA"}
    city = {"entity": "person", "measure": "killed", **KYIV}
    claims = [make_claim("a:c1", 40, **nation), make_claim("b:c1", 41, **nation),
              make_claim("a:c2", 12, **city), make_claim("b:c2", 12, **city)]
    assert sorted(_groups(claims)) == [["a:c1", "b:c1"], ["a:c2", "b:c2"]]


TOLL = {"entity": "person", "measure": "killed"}
UKRAINE = {"location": "Ukraine", "place_key": "UA"}
NOWHERE = {"location": None, "place_key": None}


def test_a_town_toll_and_its_national_toll_are_one_when_no_report_splits_them() -> None:
    # two reports of one strike on a town: one names the town, one the country
    claims = [make_claim("a:c1", 12, **TOLL, **KYIV), make_claim("b:c1", 20, **TOLL, **UKRAINE),
              make_claim("c:c1", 25, **TOLL, **NOWHERE)]
    assert _groups(claims) == [["a:c1", "b:c1"]]  # a report naming no place stays apart
    assert _groups(claims[::-1]) == [["a:c1", "b:c1"]]
    assert _groups(claims, Policy(one_place_rule=False)) == []


def test_each_run_of_days_is_judged_on_its_own() -> None:
    # a strike on another town weeks later does not split the first strike's toll
    later = {"date": dt.date(2025, 9, 1)}
    lviv = {"location": "Lviv", "place_key": "UA/Lviv Oblast/Lviv"}
    claims = [make_claim("a:c1", 12, **TOLL, **KYIV), make_claim("b:c1", 20, **TOLL, **UKRAINE),
              make_claim("c:c1", 3, **TOLL, **lviv, **later),
              make_claim("d:c1", 5, **TOLL, **UKRAINE, **later),
              make_claim("d:c2", 4, **TOLL, **lviv, **later)]
    assert _groups(claims) == [["a:c1", "b:c1"], ["c:c1", "d:c2"]]


def test_one_report_with_a_town_toll_beside_a_different_national_toll_keeps_both_apart() -> None:
    claims = [make_claim("a:c1", 12, **TOLL, **KYIV), make_claim("b:c1", 20, **TOLL, **UKRAINE),
              make_claim("c:c1", 14, **TOLL, **KYIV), make_claim("c:c2", 21, **TOLL, **UKRAINE)]
    assert sorted(_groups(claims)) == [["a:c1", "c:c1"], ["b:c1", "c:c2"]]


def test_a_national_toll_below_its_towns_stays_apart_for_the_structural_check() -> None:
    claims = [make_claim("a:c1", 12, **TOLL, **KYIV), make_claim("b:c1", 9, **TOLL, **UKRAINE)]
    assert _groups(claims) == []


def test_a_headline_repeating_the_town_toll_for_the_country_proves_no_two_quantities() -> None:
    claims = [make_claim("a:c1", 12, **TOLL, **UKRAINE), make_claim("a:c2", 12, **TOLL, **KYIV),
              make_claim("b:c1", 15, **TOLL, **UKRAINE)]
    assert _groups(claims) == [["a:c1", "a:c2", "b:c1"]]


def test_two_towns_or_a_region_alone_keep_their_scopes() -> None:
    lviv = {"location": "Lviv", "place_key": "UA/Lviv Oblast/Lviv"}
    claims = [make_claim("a:c1", 12, **TOLL, **KYIV), make_claim("b:c1", 3, **TOLL, **lviv),
              make_claim("c:c1", 20, **TOLL, **UKRAINE), make_claim("d:c1", 22, **TOLL, **NOWHERE)]
    assert _groups(claims) == []
    region = {"location": "Kentucky", "place_key": "US/Kentucky"}
    nation = {"location": "United States", "place_key": "US"}
    claims = [make_claim("a:c1", 30, **TOLL, **region), make_claim("b:c1", 90, **TOLL, **nation)]
    assert _groups(claims) == []  # a storm's state holds many towns: its toll is no nation's


def test_a_volley_counted_in_one_region_is_no_figure_of_the_whole_volley() -> None:
    lviv = {"location": "Lviv", "place_key": "UA/Lviv Oblast/Lviv"}
    claims = [make_claim("a:c1", 40), make_claim("b:c1", 6, **lviv)]
    assert _groups(claims) == []


def test_an_older_event_recalled_with_its_year_is_not_grouped() -> None:
    toll = {"entity": "person", "measure": "killed", "location": "Spain", "place_key": "ES"}
    claims = [
        make_claim("a:c1", 95, **toll, date=dt.date(2024, 10, 30)),
        make_claim("b:c1", 158, **toll, date=dt.date(2024, 10, 31)),
        make_claim("b:c2", 150, **toll, date=dt.date(1973, 1, 1), date_precision="year"),
    ]
    assert _groups(claims) == [["a:c1", "b:c1"]]


def test_event_window() -> None:
    claims = [make_claim("a:c1", 10, date=dt.date(2025, 7, 12)),
              make_claim("b:c1", 12, date=dt.date(2025, 7, 15))]
    assert _groups(claims) == []
    assert _groups(claims, Policy(event_window_days=3)) == [["a:c1", "b:c1"]]


def test_a_month_reaches_to_its_last_day() -> None:
    claims = [make_claim("a:c1", 10, date=dt.date(2025, 7, 1), date_precision="month"),
              make_claim("b:c1", 12, date=dt.date(2025, 7, 31))]
    assert _groups(claims) == [["a:c1", "b:c1"]]


def test_every_night_is_its_own_quantity() -> None:
    night = {"date_precision": "night"}
    claims = [
        make_claim("a:c1", 300, date=dt.date(2025, 7, 11), **night),
        make_claim("b:c1", 340, date=dt.date(2025, 7, 11), **night),
        make_claim("b:c2", 500, date=dt.date(2025, 7, 12), **night),
        make_claim("c:c1", 520, date=dt.date(2025, 7, 12)),  # that morning, no night named
        make_claim("d:c1", 900, date=dt.date(2025, 7, 10)),  # a total dated the day before
        make_claim("e:c1", 950, date=dt.date(2025, 7, 10)),
    ]
    assert sorted(_groups(claims)) == [["a:c1", "b:c1"], ["b:c2", "c:c1"], ["d:c1", "e:c1"]]


def test_a_lone_night_is_the_evening_event_and_chains_with_its_day() -> None:
    # a fair shooting told as "late Friday" by one desk and "Friday night" (dated by the
    # morning it ends) by the next: one night in the block, so one event, one running toll
    toll = {"measure": "killed", "entity": "person"}
    claims = [
        make_claim("a:c1", 2, date=dt.date(2026, 8, 14), **toll),
        make_claim("b:c1", 4, date=dt.date(2026, 8, 15), date_precision="night", **toll),
        make_claim("c:c1", 5, date=dt.date(2026, 8, 14), **toll),
    ]
    assert _groups(claims) == [["a:c1", "b:c1", "c:c1"]]
    # the lone night reaches its evening and its morning, never the day after
    later = [make_claim("e:c1", 3, date=dt.date(2026, 8, 15), date_precision="night", **toll),
             make_claim("f:c1", 300, date=dt.date(2026, 8, 16), **toll)]
    assert _groups(later) == []
    # a second night in the block brings back night by night: each night keeps apart
    claims.append(make_claim("d:c1", 9, date=dt.date(2026, 8, 16), date_precision="night", **toll))
    assert sorted(_groups(claims)) == [["a:c1", "c:c1"]]


def test_a_lone_night_volley_is_not_the_volley_reported_the_day_before() -> None:
    # drones launched, counted in a report of the 14th (the night before it), and "overnight
    # into the 15th": two attacks, even with one night named in the block
    claims = [make_claim("a:c1", 470, date=dt.date(2026, 8, 14)),
              make_claim("b:c1", 480, date=dt.date(2026, 8, 14)),
              make_claim("c:c1", 90, date=dt.date(2026, 8, 15), date_precision="night"),
              make_claim("d:c1", 95, date=dt.date(2026, 8, 15), date_precision="night")]
    assert sorted(_groups(claims)) == [["a:c1", "b:c1"], ["c:c1", "d:c1"]]


def test_ages_and_unattached_figures_join_no_group() -> None:
    claims = [
        make_claim("a:c1", 45, kind="age", entity="person", measure="age"),
        make_claim("b:c1", 45, kind="age", entity="person", measure="age"),
        make_claim("a:c2", 3, entity=None),
        make_claim("b:c2", 3, measure=None),
    ]
    assert _groups(claims) == []


def test_who_said_it_never_decides_the_group() -> None:
    claims = [make_claim("a:c1", 597, speaker="the president"),
              make_claim("b:c1", 597, speaker="the air force")]
    assert _groups(claims) == [["a:c1", "b:c1"]]


def test_min_claims_per_group() -> None:
    claims = [make_claim(f"{d}:c1", 597) for d in "abc"]
    assert _groups(claims, Policy(min_claims_per_group=4)) == []
    assert _groups(claims, Policy(min_claims_per_group=3)) == [["a:c1", "b:c1", "c:c1"]]


def test_near_identical_entity_spellings_share_a_key() -> None:
    keys = fuzzy_entity_key(["Kh-101 missile", "Kh101 missile", "Kalibr missile"])
    assert keys["Kh-101 missile"] == keys["Kh101 missile"]
    assert keys["Kalibr missile"] != keys["Kh101 missile"]


# ---------------------------------------------------------------- from text


def test_the_users_example_groups_drones_with_drones() -> None:
    president = Document(
        id="a", published=dt.datetime(2025, 7, 12, 9, tzinfo=dt.timezone.utc),
        text="Overnight, 597 drones and 26 missiles were launched at Ukraine, "
             "the president said.",
    )
    estimates = Document(
        id="b", published=dt.datetime(2025, 7, 12, 11, tzinfo=dt.timezone.utc),
        text="Estimates suggest up to 30 missiles and 700 drones were launched at Ukraine.",
    )
    claims = claimcheck.extract(president) + claimcheck.extract(estimates)
    by_text = {c.text: c.id for c in claims}
    groups = _groups(claims)
    assert [by_text["597 drones"], by_text["700 drones"]] in groups
    assert [by_text["26 missiles"], by_text["up to 30 missiles"]] in groups
    assert len(groups) == 2


# ---------------------------------------------------------------- properties


def _canonical(report: claimcheck.Report) -> list[list[str]]:
    return sorted(sorted(g.claims) for g in report.groups)


@given(mixed_documents(), st.randoms(use_true_random=False))
def test_grouping_is_independent_of_document_order(
    docs: list[Document], rnd: random.Random
) -> None:
    shuffled = list(docs)
    rnd.shuffle(shuffled)
    assert _canonical(claimcheck.check(shuffled)) == _canonical(claimcheck.check(docs))


@given(mixed_documents(), st.randoms(use_true_random=False))
def test_alignment_is_independent_of_claim_order(docs: list[Document], rnd: random.Random) -> None:
    claims = [c for d in docs for c in claimcheck.extract(d)]
    shuffled = list(claims)
    rnd.shuffle(shuffled)
    before = sorted(sorted(g) for g in _groups(claims))
    assert sorted(sorted(g) for g in _groups(shuffled)) == before


@given(mixed_documents())
def test_every_grouped_claim_exists_and_is_grouped_once(docs: list[Document]) -> None:
    report = claimcheck.check(docs)
    ids = [cid for g in report.groups for cid in g.claims]
    assert len(ids) == len(set(ids))
    assert set(ids) <= {c.id for c in report.claims}


def test_one_figure_in_two_units_agrees_after_conversion() -> None:
    surge = {"entity": "storm surge", "measure": "distance", "kind": "measurement"}
    claims = [make_claim("a:c1", 20, unit="foot", **surge),
              make_claim("a:c2", 6, unit="meter", **surge)]
    assert _groups(claims) == [["a:c1", "a:c2"]]


def test_a_state_toll_does_not_speak_for_its_only_county() -> None:
    state = {"location": "Kentucky", "place_key": "US/Kentucky"}
    county = {"location": "Larkspur County", "place_key": "US/Kentucky/Larkspur County"}
    claims = [make_claim("a:c1", 10, measure="killed", entity="person", **county),
              make_claim("b:c1", 12, measure="killed", entity="person", **state),
              make_claim("c:c1", 30, measure="killed", entity="person", **county)]
    assert sorted(_groups(claims)) == [["a:c1", "c:c1"]]


def test_estimates_of_insured_losses_meet_but_never_a_total_cost() -> None:
    docs = [Document(id="a", text="Analysts estimate insured losses at about $5 billion.",
                     published="2025-03-02"),
            Document(id="b", text="A modeler puts insured losses at $8 billion. The total cost "
                                  "of the storm could reach $50 billion.", published="2025-03-02")]
    report = claimcheck.check(docs)
    text = {c.id: c.text for c in report.claims}
    assert [[text[c] for c in g.claims] for g in report.groups] == [["about $5 billion",
                                                                     "$8 billion"]]
    assert report.groups[0].verdict == "conflict"


def test_one_voice_giving_two_counts_gives_two_quantities() -> None:
    # one unattributed article: 30 dead in the town and 12 in its hospital
    claims = [make_claim("a:c1", 30, measure="killed", entity="person", text="30"),
              make_claim("a:c2", 12, measure="killed", entity="person", text="12"),
              make_claim("b:c1", 30, measure="killed", entity="person", text="30")]
    assert ["a:c1", "b:c1"] in _groups(claims)
    assert not any("a:c2" in g and "a:c1" in g for g in _groups(claims))


def test_a_rough_headcount_beside_a_count_of_its_voice_stays_in_the_group() -> None:
    # "some twenty may still be under the rubble" and, later, "five missing": a guess and the
    # count that corrects it, one quantity
    missing = {"measure": "missing", "entity": "person"}
    claims = [make_claim("a:c1", 20, qualifier="approximate", text="about twenty", **missing),
              make_claim("a:c2", 5, text="five", **missing),
              make_claim("b:c1", 20, low=10, high=20, qualifier="range", text="10 to 20",
                         **missing)]
    (group,) = _groups(claims)
    assert sorted(group) == ["a:c1", "a:c2", "b:c1"]


def test_properties_flooded_and_homes_and_businesses_flooded_are_one_count() -> None:
    docs = [claimcheck.Document(id="a", text="In Bavaria, 300 properties were flooded on Friday.",
                                published=dt.date(2025, 3, 7)),
            claimcheck.Document(id="b", text="In Bavaria, 420 homes and businesses were flooded on Friday.",
                                published=dt.date(2025, 3, 8))]
    report = claimcheck.check(docs)
    assert any(len(g.claims) == 2 for g in report.groups)


def test_a_region_figure_stays_apart_from_a_town_a_report_sets_beside_it() -> None:
    # one report gives the county's count and its only town's: two quantities, not one
    flooded = {"entity": "property", "measure": "flooded"}
    shire = {"location": "Westshire", "place_key": "GB/Westshire"}
    town = {"location": "Millbrook", "place_key": "GB/Westshire/Millbrook"}
    claims = [make_claim("a:c1", 900, **flooded, **shire), make_claim("a:c2", 240, **flooded, **town),
              make_claim("b:c1", 950, **flooded, **shire), make_claim("b:c2", 250, **flooded, **town)]
    policy = Policy(one_place_rule=False)
    assert sorted(_groups(claims, policy)) == [["a:c1", "b:c1"], ["a:c2", "b:c2"]]
    # no report sets them side by side: the county's figure speaks for its only town
    assert _groups([claims[0], claims[3]], policy) == [["a:c1", "b:c2"]]
