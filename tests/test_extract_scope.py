"""extract.scope: the place a figure is about."""

from __future__ import annotations

import datetime as dt

import pytest

import claimcheck
from claimcheck import Document


def test_a_place_after_the_figure_in_its_clause_comes_first() -> None:
    doc = Document(id="d", text="In Kyiv, officials said 12 people were injured in Lviv.")
    (claim,) = claimcheck.extract(doc)
    assert claim.location == "Lviv"


def test_in_total_after_a_list_of_places_covers_them_all() -> None:
    text = "Three people died in Lorca and two in Albacete. In total, 5 people died."
    claims = claimcheck.extract(Document(id="d", text=text))
    assert [c.location for c in claims] == ["Lorca", "Albacete", "Spain"]
    # two provincial capitals named together are their provinces (placing.listed_provinces)
    text = "Three people died in Valencia and two in Albacete. In total, 5 people died."
    claims = claimcheck.extract(Document(id="d", text=text))
    assert [c.location for c in claims] == ["Valencian Community", "Castilla-La Mancha", "Spain"]


def test_residents_named_after_their_state_are_that_states_figure() -> None:
    doc = Document(id="d", text="Officials in Denver said 14 Texans had died in the floods.")
    (claim,) = claimcheck.extract(doc)
    assert claim.location == "Texas"


def test_a_state_that_records_a_toll_is_its_scope_not_an_actor() -> None:
    text = ("Floods hit the United States this week. Oregon has recorded 12 deaths. "
            "Nevada, one of the driest states, has lost 3 people.")
    claims = claimcheck.extract(Document(id="d", text=text))
    assert [c.location for c in claims] == ["Oregon", "Nevada"]


def test_a_county_the_gazetteer_lacks_is_a_scope_of_its_own_state() -> None:
    text = ("DENVER, Colorado - Storms killed 9 people in Colorado on Monday. "
            "In Larkspur County, 4 people died.")
    claims = claimcheck.extract(Document(id="d", text=text))
    assert [c.location for c in claims] == ["Colorado", "Larkspur County"]
    assert claims[1].place_key == "US/Colorado/Larkspur County"


def test_a_local_official_speaks_of_their_own_county() -> None:
    text = ("Storms crossed Kentucky on Monday. Larkspur County Sheriff Ann Bell said there "
            "were 7 people still missing, including 2 children.")
    claims = claimcheck.extract(Document(id="d", text=text))
    assert [c.location for c in claims] == ["Larkspur County", "Larkspur County"]


def test_a_list_of_places_cut_by_commas_is_read_whole() -> None:
    text = ("The weather service said 3 inches of rain fell in parts of Ohio, Indiana, "
            "Kentucky and Illinois.")
    (claim,) = claimcheck.extract(Document(id="d", text=text))
    assert claim.location == "United States"


def test_a_place_just_before_a_figure_labels_it_in_a_list() -> None:
    text = "Deaths by state: Ohio 12, Kentucky 9 and Indiana two."
    claims = claimcheck.extract(Document(id="d", text=text))
    assert [c.location for c in claims] == ["Ohio", "Kentucky", "Indiana"]


def test_a_namesake_abroad_is_read_as_a_region_of_the_storys_country() -> None:
    text = ("Storms hit Tampa and Miami. In Georgia 4 people died, and 2 died in Virginia.")
    claims = claimcheck.extract(Document(id="d", text=text))
    assert [c.place_key for c in claims] == ["US/Georgia", "US/Virginia"]


def test_a_toll_across_several_states_is_the_countrys() -> None:
    text = "The storm reached Ohio on Friday, and by Sunday it had killed 40 people across four states."
    claims = claimcheck.extract(Document(id="d", text=text))
    assert claims[0].location == "United States"


def test_an_ordinary_plural_is_no_resident_noun() -> None:
    doc = Document(id="d", text="In Ohio, 20 Republicans voted against the bill.")
    (claim,) = claimcheck.extract(doc)
    assert claim.location == "Ohio"


def test_a_dateline_is_where_the_story_was_filed_not_its_place() -> None:
    text = ("ROME - A footbridge in the northern city of Turin gave way on Monday, injuring "
            "9 people.")
    (claim,) = claimcheck.extract(Document(id="d", text=text))
    assert claim.location == "Turin"


def test_the_place_of_a_backdrop_event_gives_the_story_its_country_only() -> None:
    # the lead names where the death that set off the unrest happened, not where it is counted
    text = ("Unrest spread for a third night after the death of a young driver in Lyon.\n"
            "Police arrested 420 people overnight.")
    (claim,) = claimcheck.extract(Document(id="d", text=text))
    assert claim.location == "France"


def test_a_french_backdrop_place_after_an_apposition_is_skipped_too() -> None:
    text = ("Les violences ont repris depuis la mort de Karim, 19 ans, tué à Toulouse.\n"
            "Au total, 230 personnes ont été interpellées.")
    claims = claimcheck.extract(Document(id="d", text=text, language="fr"))
    assert claims[-1].value == 230 and claims[-1].location == "France"


def test_a_place_outside_the_backdrop_phrase_still_scopes_the_story() -> None:
    text = ("After the death of a young driver, riots broke out in Lyon.\n"
            "Police arrested 420 people overnight.")
    (claim,) = claimcheck.extract(Document(id="d", text=text))
    assert claim.location == "Lyon"


def test_the_sentence_before_sets_the_place_over_the_headline() -> None:
    text = ("Deaths at a care home in Cologne\nHeavy rain caused havoc in Bavaria. "
            "At least 9 people died in the floods.")
    (claim,) = claimcheck.extract(Document(id="d", text=text))
    assert claim.location == "Bayern"


def test_a_figure_for_parts_of_a_place_is_a_scope_of_its_own() -> None:
    (rain,) = claimcheck.extract("The storm dumped 18 inches of rain on parts of eastern Ohio.")
    assert (rain.location, rain.place_key) == ("parts of Ohio", "US/Ohio#parts")


def test_a_figure_for_parts_of_a_region_never_speaks_for_its_one_town() -> None:
    docs = [Document(id="a", text="The storm dumped 18 inches of rain on parts of eastern Ohio.",
                     published="2025-03-02"),
            Document(id="b", text="Columbus got 9 inches of rain.", published="2025-03-02")]
    report = claimcheck.check(docs)
    assert not [d for g in report.groups for d in g.discrepancies]


def test_a_building_hit_as_the_subject_scopes_the_figure_of_its_participle() -> None:
    text = ("Missiles struck Odesa on Monday, killing 20 people. A city maternity clinic was "
            "also struck in the port, killing four.")
    claims = claimcheck.extract(Document(id="d", text=text))
    keys = {c.value: c.place_key for c in claims}
    assert keys[20] == "UA/Odesa Oblast/Odesa"
    assert keys[4] is not None and keys[4].endswith("#maternity hospital")


def test_a_place_and_a_wider_place_that_holds_it_give_the_wider_one() -> None:
    text = "Drones struck Odesa - and across wider Ukraine - killing 14 people overnight."
    (claim,) = claimcheck.extract(Document(id="d", text=text))
    assert claim.location == "Ukraine"


def test_a_town_beside_its_country_without_and_stays_the_town() -> None:
    text = "Drones killed 14 people in Odesa in southern Ukraine overnight."
    (claim,) = claimcheck.extract(Document(id="d", text=text))
    assert claim.location == "Odesa"


def test_a_side_of_a_region_is_a_part_of_it() -> None:
    text = "Storms hit the South. Three people were killed by a tornado in north Alabama."
    (claim,) = claimcheck.extract(Document(id="d", text=text))
    assert claim.place_key == "US/Alabama#parts"


def test_a_side_word_that_places_a_whole_region_keeps_it_whole() -> None:
    for text in ("Floods in Spain's eastern Andalusia have killed 12 people.",
                 "Floods in the eastern Andalusia region have killed 12 people.",
                 "Floods in eastern Spain have killed 12 people."):
        (claim,) = claimcheck.extract(Document(id="d", text=text))
        assert claim.place_key is not None and "#" not in claim.place_key, text


def test_a_figure_put_in_the_event_leaves_an_earlier_clauses_place() -> None:
    text = ("Drones struck Ukraine overnight. Three people died in Lutsk, near the border, "
            "with at least 25 hurt in the overnight attack.")
    claims = claimcheck.extract(Document(id="d", text=text))
    assert [c.location for c in claims] == ["Lutsk", "Ukraine"]
    # without the event in its own clause the earlier place still frames the figure
    text = "Drones struck Ukraine overnight. Three people died in Lutsk, near the border, with 25 hurt."
    claims = claimcheck.extract(Document(id="d", text=text))
    assert [c.location for c in claims] == ["Lutsk", "Lutsk"]


def test_where_the_event_struck_yields_to_a_wider_place_of_the_sentence() -> None:
    text = ("The minister said 40 people had died in the worst storm in Portugal's history, and "
            "that dozens were still missing two days after the storm hit the Algarve region.")
    claims = [c for c in claimcheck.extract(Document(id="d", text=text)) if c.entity == "person"]
    assert [c.location for c in claims] == ["Portugal", "Portugal"]
    # the site named in the figure's clause alone stays its place
    text = "Nine people were hurt when a missile hit a plant in Lviv, in western Ukraine."
    (claim,) = claimcheck.extract(Document(id="d", text=text))
    assert claim.location == "Lviv"


def test_a_volley_with_no_place_of_its_own_is_the_countrys() -> None:
    text = ("Overnight, Russia launched a missile strike on Lutsk. "
            "The air force's tally for the night was 300 drones. Three people died.")
    claims = claimcheck.extract(Document(id="d", text=text))
    assert [(c.measure, c.location) for c in claims] == [("launched", "Ukraine"),
                                                           ("killed", "Lutsk")]


def test_a_reference_point_beside_a_place_of_the_clause_is_not_the_scope() -> None:
    text = "The toll from the fire at a club in Ostrava near Opava rose to 21 on Sunday."
    (claim,) = claimcheck.extract(Document(id="d", text=text))
    assert claim.location == "Ostrava"


def test_a_country_acting_in_the_headline_is_not_the_storys_place() -> None:
    text = "Chile mourns as fire toll climbs\nIn Valparaiso, at least 46 people have died."
    doc = Document(id="d", text=f"{text}\nOfficials said 200 people were missing.")
    claims = claimcheck.extract(doc)
    assert [c.location for c in claims] == ["Valparaíso", "Valparaíso"]


def test_the_capital_is_the_capital_city_of_the_storys_country() -> None:
    text = ("Hundreds of thousands protested across Spain on Sunday.\n"
            "In the capital, 40,000 people marched, according to the police.")
    claims = claimcheck.extract(Document(id="d", text=text))
    assert [c.location for c in claims] == ["Spain", "Madrid"]


def test_a_nationwide_figure_after_a_citys_clause_is_the_countrys() -> None:
    text = "Police arrested 80 people in Lyon, and 123 officers were hurt nationwide."
    claims = claimcheck.extract(Document(id="d", text=text))
    assert [c.location for c in claims] == ["Lyon", "France"]


def test_a_whole_its_parts_are_taken_of_keeps_no_parts_place() -> None:
    text = "Storms hit Portugal on Monday. Of the 30 dead, 25 were in Porto."
    claims = claimcheck.extract(Document(id="d", text=text))
    assert [c.location for c in claims] == ["Portugal", "Porto"]


@pytest.mark.parametrize(("text", "language", "expected"), [
    # "the area around X in Y": the text nests the town in the state the gazetteer gives
    # it no region of; the sentence with no figure sets the next one's place
    ("Flut in Hessen.\nDie Lage in Erftstadt bleibt ernst.\nVor allem in der Gegend um Altena "
     "in Nordrhein-Westfalen wird noch gesucht. Der Minister sagte, 30 Menschen würden "
     "vermisst.", "de", "Altena"),
    # a town the gazetteer puts in another region is not nested by the text: no setting
    ("Floods hit Ohio.\nThe worst damage was in Marietta in Ohio. Officials said 30 homes "
     "were destroyed.", "en", "Ohio"),
])
def test_a_setting_sentence_naming_a_town_in_its_region_sets_the_town(
        text: str, language: str, expected: str) -> None:
    doc = Document(id="d", text=text, language=language, published=dt.date(2024, 3, 6))
    (claim,) = claimcheck.extract(doc)
    assert claim.location == expected


@pytest.mark.parametrize("link", [", including", " in total and about", ", with"])
def test_a_whole_does_not_take_the_place_of_its_part(link: str) -> None:
    text = f"Marchers filled streets across Spain. Police counted 410,000{link} 90,000 in Madrid."
    whole, part = claimcheck.extract(Document(id="d", text=text))
    assert (whole.location, part.location) == ("Spain", "Madrid")


def test_where_a_storm_came_ashore_is_no_scope_of_a_later_clauses_figure() -> None:
    text = "A powerful typhoon made landfall in Okinawa on Tuesday, killing at least four people."
    (claim,) = claimcheck.extract(Document(id="d", text=text))
    assert claim.location == "Japan"
    # a figure of the landfall clause itself, or a place named otherwise, keeps the place
    text = "The cyclone came ashore in Queensland with winds of 150 km/h."
    (claim,) = claimcheck.extract(Document(id="d", text=text))
    assert claim.location == "Queensland"
    text = "A storm hit towns in Queensland on Tuesday, killing four people."
    (claim,) = claimcheck.extract(Document(id="d", text=text))
    assert claim.location == "Queensland"


def test_a_sentence_set_across_the_country_gives_it_its_later_figures() -> None:
    text = ("Strikes hit Poltava and Sumy overnight.\n"
            "Nationwide, the dead included four in Poltava and two in Sumy, with 30 injured, "
            "officials said.")
    claims = claimcheck.extract(Document(id="d", text=text))
    assert [(c.text, c.location) for c in claims] == [
        ("four", "Poltava"), ("two", "Sumy"), ("30", "Ukraine")]


def test_a_city_officials_figure_is_that_citys_in_a_story_set_elsewhere() -> None:
    text = ("Drones hit Odesa overnight. In Odesa, three people were hurt, its governor said.\n"
            "Odesa port was damaged. Mykolaiv mayor Oleksandr Senkevych said drones had also "
            "struck the city's outskirts, wounding two people.")
    claims = claimcheck.extract(Document(id="d", text=text))
    assert [(c.text, c.location) for c in claims] == [("three people", "Odesa"),
                                                       ("two people", "Mykolayiv")]


def test_the_attacker_opening_a_volley_sentence_is_no_scope() -> None:
    text = ("Death toll in Sumy rises after overnight strike\n"
            "Three people were killed in Sumy, the governor said.\n"
            "Russia fired 120 drones and 9 missiles overnight, the air force said.")
    claims = claimcheck.extract(Document(id="d", text=text))
    assert [(c.text, c.location) for c in claims][1:] == [("120 drones", "Ukraine"),
                                                          ("9 missiles", "Ukraine")]


def test_parts_of_a_region_the_floods_swept_through_are_where_they_struck() -> None:
    text = ("Three people have died after flash floods swept through parts of Bavaria, police said. "
            "Up to 80mm of rain fell on parts of Bavaria, where 2 people were hurt.")
    first, rain, hurt = claimcheck.extract(Document(id="d", text=text))
    assert first.location == "Bayern" and rain.location == "parts of Bayern"


def test_a_toll_linked_to_the_floods_is_not_the_town_where_a_body_was_found() -> None:
    text = ("Floods hit Bavaria on Friday.\n"
            "A body was found in a river at Passau on Monday, police said, bringing the number "
            "of deaths linked to the floods to five.")
    (claim,) = claimcheck.extract(Document(id="d", text=text))
    assert claim.location == "Bayern"


def test_a_country_wide_cue_belongs_to_the_figure_it_stands_beside() -> None:
    # "nationwide" follows the union's national figure: the capital's figure after it is
    # the capital's, while a cue beside the second figure still makes that one national
    text = ("The union counted more than 900,000 marchers nationwide and kept its figure of "
            "140,000 for the capital.\nPolice held 40 people in Madrid, and 75 officers were "
            "hurt nationwide.")
    doc = Document(id="m", published="2026-05-01T21:00:00+02:00", language="en", text=text)
    places = {c.text.split()[0]: c.location for c in claimcheck.extract(doc)}
    assert places["140,000"] == "Madrid" and places["more"] == "Spain"
    assert places["40"] == "Madrid" and places["75"] == "Spain"


def test_a_country_that_qualifies_a_city_after_the_figure_yields_to_the_city() -> None:
    # "the US city of Denver": the country only says where the city lies
    text = ("Three people died after a stage collapsed at a festival in the US city of "
            "Denver, officials said. Two were hurt in Denver, Colorado.")
    doc = Document(id="b", published="2026-07-04T10:00:00-06:00", language="en", text=text)
    assert [c.location for c in claimcheck.extract(doc)] == ["Denver", "Denver"]


def test_a_figure_over_several_cities_is_the_countrys_not_the_datelines() -> None:
    text = ("MADRID (Wire) - Farmers blocked roads on Monday.\nPolice said 3,000 people "
            "marched in several Spanish cities.")
    doc = Document(id="b", published="2026-03-09T20:00:00+01:00", language="en", text=text)
    assert claimcheck.extract(doc)[0].location == "Spain"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # the streets of several towns are the country's: the dateline city is where the
        # desk sits, not the crowd's one place
        ("LILLE (Wire) - Thousands of farmers took to the streets of French towns on Monday.",
         "France"),
        ("Some 8,000 people took to the streets of Nantes on Monday, police said.", "Nantes"),
    ],
)
def test_the_streets_of_a_place_are_its_scope(text: str, place: str) -> None:
    doc = Document(id="d", text=text, language="en", published="2026-02-02")
    (claim,) = claimcheck.extract(doc)
    assert claim.location == place
