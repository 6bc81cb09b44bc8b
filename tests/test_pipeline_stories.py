"""pipeline end to end on short multi-source stories written for the tests (tests/stories/):
a protest's crowd counts, a flood, a concert attack whose toll grows over a day, and an
overnight strike. Each test pins a claim, a group or a discrepancy checked by hand."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import claimcheck
from claimcheck.models import Claim, ClaimGroup

STORIES = Path(__file__).parent / "stories"


@cache
def _report(name: str) -> claimcheck.Report:
    return claimcheck.check(claimcheck.read_documents(STORIES / f"{name}.jsonl"))


def _claim(name: str, doc: str, text: str) -> Claim:
    """The claim of `doc` written `text`: the body's, when its title repeats it."""
    return [c for c in _report(name).claims if c.doc == doc and c.text == text][-1]


def _group_of(name: str, claim: Claim) -> ClaimGroup | None:
    return next((g for g in _report(name).groups if claim.id in g.claims), None)


def _conflicts(name: str, claim: Claim) -> list[str]:
    group = _group_of(name, claim)
    return [d.kind for d in group.discrepancies if d.kind != "update"] if group else []


def test_a_city_toll_grows_by_updates_and_four_more_bodies_stay_apart() -> None:
    more = _claim("strike", "d2", "four more")
    assert more.measure == "killed (more)"
    first = _claim("strike", "d1", "at least 14 people")
    assert _group_of("strike", more) is not _group_of("strike", first)
    assert _conflicts("strike", first) == []  # 14 -> 16 -> 23 -> 28: a growing toll
    # "said on Tuesday" in a report of 12:45 is no later than 12:45: 16 comes before 23
    sixteen = _claim("strike", "d2", "16")
    group = _group_of("strike", sixteen)
    assert group is not None
    assert any(d.kind == "update" and sixteen.id in d.claims for d in group.discrepancies)


def test_the_city_toll_and_the_national_toll_are_two_quantities() -> None:
    city, country = _claim("strike", "d1", "at least 14 people"), _claim("strike", "d1", "15 people")
    assert (city.location, country.location) == ("Kyiv", "Ukraine")
    assert _group_of("strike", city) is not _group_of("strike", country)


def test_a_passive_report_names_no_speaker_the_clause_after_does() -> None:
    assert _claim("strike", "d1", "two people").speaker == "regional governor"


def test_a_part_of_the_site_and_unidentified_bodies_are_not_the_toll() -> None:
    hall = _claim("concert", "d4", "62 people")
    assert hall.location is not None and "part" in hall.location
    bodies = _claim("concert", "d5", "about 60 bodies")
    assert bodies.measure == "identified"
    toll = _claim("concert", "d2", "93")
    group = _group_of("concert", toll)
    assert group is not None and hall.id not in group.claims
    assert _conflicts("concert", toll) == []
    assert _conflicts("concert", _claim("concert", "d5", "182")) == []


def test_a_suburb_toll_and_the_national_toll_are_one_growing_toll() -> None:
    # the first report puts the hall near its city, later ones speak of the country: one
    # toll all the same, growing 40 -> 93 -> 137
    first = _claim("concert", "d1", "At least 40 people")
    group = _group_of("concert", first)
    assert group is not None and first.location != _claim("concert", "d2", "93").location
    for doc, text in (("d2", "93"), ("d4", "137")):
        assert _claim("concert", doc, text).id in group.claims
    assert _conflicts("concert", first) == []


def test_a_toll_that_climbs_past_a_figure_is_more_than_it() -> None:
    assert _claim("concert", "d3", "climbs past 130").qualifier == "more_than"


def test_a_flood_toll_read_on_the_day_of_its_report_grows_without_tension() -> None:
    eight = _claim("flood", "d1", "At least eight people")
    assert eight.location == "Emilia-Romagna"
    assert _conflicts("flood", eight) == []
    assert _claim("flood", "d3", "20,000").measure == "displaced"  # "as 20,000 flee"
    assert _claim("flood", "d2", "more than 3,000 people").measure == "evacuated"


def test_crowd_counts_keep_their_sources_and_the_whole_keeps_its_country() -> None:
    assert _claim("protest", "d1", "3.5 million").speaker == "CGT union"
    assert _claim("protest", "d3", "35 people").speaker == "police prefecture"
    assert _claim("protest", "d4", "36,000").speaker == "prefecture"
    whole = _claim("protest", "d2", "1.28 million demonstrators")
    assert whole.location == "France"  # "in total and about 81,000 in Paris"
    police, union = whole, _claim("protest", "d2", "some 3.5 million people")
    group = _group_of("protest", police)
    assert group is not None and union.id in group.claims
    assert any(d.kind == "contradiction" and set(d.claims) == {police.id, union.id}
               for d in group.discrepancies)
    marseille = _claim("protest", "d4", "245,000 people")
    assert marseille.location == "Marseille" and _conflicts("protest", marseille) == ["contradiction"]


def test_a_total_since_the_start_of_the_month_is_no_update_of_one_nights_launches() -> None:
    night, total = _claim("strike", "d1", "440 drones"), _claim("strike", "d2", "more than 2,800 drones")
    assert total.measure == "launched (total)"
    assert _group_of("strike", night) is not _group_of("strike", total)


def test_a_clause_after_a_semicolon_keeps_the_recalled_year() -> None:
    hostages = _claim("concert", "d3", "130 hostages")
    assert hostages.date is not None and hostages.date.year == 2002
    toll = _claim("concert", "d2", "93")
    group = _group_of("concert", toll)
    assert group is not None and hostages.id not in group.claims


def test_a_date_told_at_the_end_dates_no_earlier_figure_of_the_article() -> None:
    arrested = _claim("protest", "d1", "22 people")
    assert str(arrested.date) == "2023-03-07"
    assert str(_claim("protest", "d1", "1.27 million marchers").date) == "2023-01-31"


# ---- standin-b: an overnight volley on several cities, and a county's floods over days


def test_volley_increments_of_two_reports_and_a_recalled_strike_never_conflict() -> None:
    two, three = _claim("strike_volley", "d2", "Two more"), _claim("strike_volley", "d3", "Three more")
    assert two.measure == three.measure == "killed (more)"
    assert _conflicts("strike_volley", two) == []
    recalled = _claim("strike_volley", "d1", "nine people")
    assert str(recalled.date) == "2025-10-22" and recalled.speaker is None
    toll = _claim("strike_volley", "d2", "Nine people")
    group = _group_of("strike_volley", toll)
    assert group is not None and recalled.id not in group.claims
    assert _conflicts("strike_volley", toll) == []  # 4 -> 9 -> 12: updates


def test_volley_parts_scopes_and_totals_keep_their_own_quantities() -> None:
    launched = _claim("strike_volley", "d3", "458 drones")
    assert _conflicts("strike_volley", launched) == ["contradiction", "contradiction"]
    downed = _claim("strike_volley", "d1", "29 of the missiles")
    assert (downed.entity, downed.measure) == ("missile", "intercepted")
    got_through = _claim("strike_volley", "d2", "27 drones")
    assert got_through.measure == "hit target"
    medics = _claim("strike_volley", "d2", "four medical workers")
    assert medics.place_key is not None and medics.place_key.endswith("#hospital")
    assert _claim("strike_volley", "d2", "63").location == "Ukraine"
    assert _claim("strike_volley", "d2", "70 missiles").measure == "launched (total)"
    assert _claim("strike_volley", "d1", "11 people").location == "Kharkiv"


def test_county_floods_snapshots_recalled_years_and_livestock_stay_apart() -> None:
    evening, monday = (_claim("flood_county", "d1", "1,100 customers"),
                       _claim("flood_county", "d3", "140 customers"))
    assert _conflicts("flood_county", evening) == [] and _conflicts("flood_county", monday) == []
    told = _claim("flood_county", "d2", "about 400 homes")
    assert told.measure == "evacuated" and told.date is not None and told.date.year == 2025
    assert _conflicts("flood_county", told) == []
    sheep = _claim("flood_county", "d3", "2,000 sheep")
    toll = _claim("flood_county", "d2", "three people")
    group = _group_of("flood_county", toll)
    assert sheep.entity == "animal" and group is not None and sheep.id not in group.claims
    flooded = _group_of("flood_county", _claim("flood_county", "d1", "about 650 properties"))
    assert flooded is not None
    assert _claim("flood_county", "d3", "1,050 homes and businesses").id in flooded.claims
    assert _claim("flood_county", "d2", "some 1,300 people").measure == "evacuated"

def test_a_toll_told_as_late_saturday_and_as_saturday_night_is_one_running_count() -> None:
    # concert_night: one desk writes "late Saturday", the next "on Saturday night" (a night
    # dated by the morning it ends); the block names one night only, so it is the evening's
    early, night = _claim("concert_night", "d1", "At least three people"), \
        _claim("concert_night", "d2", "Four people")
    assert night.date_precision == "night"
    group = _group_of("concert_night", early)
    assert group is not None and night.id in group.claims
    assert _claim("concert_night", "d3", "six").id in group.claims
    assert _conflicts("concert_night", early) == []  # 3+ -> 4 -> 6: updates only
    injured = _group_of("concert_night", _claim("concert_night", "d1", "14 others"))
    assert injured is not None and {d.kind for d in injured.discrepancies} == {"update"}


def test_a_city_part_of_a_national_count_meets_the_citys_own_counts() -> None:
    # march_day: "including 61,000 in Paris" is Paris's crowd, against the police's 58,000
    paris = _claim("march_day", "d2", "61,000")
    assert paris.measure == _claim("march_day", "d2", "452,000 people").measure
    police = _claim("march_day", "d1", "58,000 people")
    group = _group_of("march_day", police)
    assert group is not None and paris.id in group.claims
    assert any(d.kind == "contradiction" and set(d.claims) == {police.id, paris.id}
               for d in group.discrepancies)
    # the retirement age is no crowd; "up from 55,800 a week earlier" leaves 74,500 its day
    assert _claim("march_day", "d1", "65").kind == "age"
    occurrences = _claim("march_day", "d2", "74,500")
    assert str(occurrences.date) == "2026-03-12" and occurrences.id in group.claims


def test_police_and_organisers_of_one_gapped_clause_are_two_voices_that_conflict() -> None:
    # march_day d3: "police counted 14,500 marchers ... and organisers 35,000"
    police, organisers = _claim("march_day", "d3", "14,500 marchers"), _claim("march_day", "d3", "35,000")
    assert (police.speaker, organisers.speaker) == ("police", "organisers")
    group = _group_of("march_day", police)
    assert group is not None and organisers.id in group.claims
    assert _conflicts("march_day", police) == ["contradiction"]
    # "1.3 million nationwide and 250,000 for the capital": the capital's figure is Paris's
    capital = _claim("march_day", "d3", "250,000")
    assert capital.location == "Paris"
    paris = _group_of("march_day", _claim("march_day", "d1", "58,000 people"))
    assert paris is not None and capital.id in paris.claims
