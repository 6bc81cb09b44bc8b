"""extract.placing: which places of a text can be a figure's, the building a figure is
about, and the narrowest or common place of several."""

from __future__ import annotations

import claimcheck
from claimcheck import Document, places
from claimcheck.extract import placing
from claimcheck.extract.vocabulary import vocabulary


def _place(name: str) -> places.Place:
    found = places.resolve(name)
    assert found is not None, name
    return found


def test_the_common_place_of_two_towns_of_one_region_is_the_region() -> None:
    lviv, region = _place("Lviv"), _place("Lviv Oblast")
    assert placing.common([lviv, region]) == region
    assert placing.common([]) is None


def test_the_most_specific_place_is_the_smallest() -> None:
    assert placing.most_specific([_place("Ukraine"), _place("Odesa")]) == _place("Odesa")


def test_a_persons_name_is_no_place() -> None:
    words, text = vocabulary("en"), "Vladimir Putin spoke as Kharkiv was shelled."
    person, city = text.index("Vladimir"), text.index("Kharkiv")
    assert not placing.plausible(words, text, (person, person + 8, _place("Vladimir")))
    assert placing.plausible(words, text, (city, city + 7, _place("Kharkiv")))


def test_a_figure_that_died_at_a_building_is_the_buildings() -> None:
    text = "Drones hit Kharkiv overnight. Three people died at the main railway station."
    (claim,) = claimcheck.extract(Document(id="d", text=text))
    assert claim.place_key is not None and claim.place_key.endswith("#station")


def test_two_names_of_one_kind_of_hospital_give_one_scope() -> None:
    text = ("Rockets hit Lviv. A pediatric clinic was hit in the city centre, injuring nine. "
            "Nine were wounded at the children's hospital on Green Street.")
    claims = claimcheck.extract(Document(id="d", text=text))
    assert {c.place_key for c in claims if c.value == 9} == {"UA/Lviv Oblast/Lviv#children's hospital"}


def test_a_building_that_is_only_the_object_leaves_the_toll_whole() -> None:
    text = "Russia struck Dnipro, destroying a school and killing 11 people."
    (claim,) = claimcheck.extract(Document(id="d", text=text))
    assert claim.place_key == "UA/Dnipropetrovsk Oblast/Dnipro"


def test_dying_in_a_plain_hospital_is_no_figure_of_the_hospital() -> None:
    text = "Shelling hit Kherson on Monday. Two people died in a local hospital."
    (claim,) = claimcheck.extract(Document(id="d", text=text))
    assert claim.place_key is not None and "#" not in claim.place_key


def test_dying_at_a_named_hospital_is_that_hospitals_figure() -> None:
    for text, scope in (("Shelling hit Kherson. Two people died at the Tropinka city hospital.",
                         "#hospital"),
                        ("Shelling hit Kherson. Two people died at the maternity hospital.",
                         "#maternity hospital")):
        (claim,) = claimcheck.extract(Document(id="d", text=text))
        assert claim.place_key is not None and claim.place_key.endswith(scope), text


def _located(text: str, code: str) -> dict[str, str | None]:
    doc = Document(id="a", text=text, language=code, published="2025-02-03")
    return {c.text: c.location for c in claimcheck.extract(doc)}


def test_provincial_capitals_listed_together_are_their_provinces() -> None:
    text = ("De los 40 heridos, 31 fueron atendidos en Murcia y los otros nueve en Sevilla y "
            "Madrid.\nEn Murcia hay 6 evacuados.")
    located = _located(text, "es")
    assert located["31"] == "Region of Murcia"  # listed with Sevilla and Madrid: provinces
    assert located["6"] == "Murcia"  # alone in its sentence: the city


def test_a_city_named_apart_from_its_province_stays_the_city() -> None:
    text = "En la ciudad de Murcia hay 12 heridos, y en Sevilla otros 3."
    assert _located(text, "es")["12"] == "Murcia"


def test_one_of_several_rooms_is_a_part_of_the_site_even_the_storys_own() -> None:
    text = ("Gunmen stormed a concert hall in Krasnogorsk. "
            "Firefighters said 41 people had been found dead in one of the halls.")
    (claim,) = claimcheck.extract(Document(id="d", text=text))
    assert claim.location is not None and claim.location.startswith("hall/part")


def test_a_sentence_set_at_a_building_puts_its_figures_there() -> None:
    # the lead names the hospital too: the setting still tells the building's figures apart
    text = ("Missiles hit Odesa and a hospital there overnight.\n"
            "Eleven people were hurt in Odesa, the governor said.\n"
            "At the hospital, three nurses were hurt and 40 patients were moved elsewhere.")
    claims = claimcheck.extract(Document(id="d", text=text))
    city, nurses, patients = claims
    assert city.place_key is not None and "#" not in city.place_key
    assert nurses.place_key is not None and nurses.place_key.endswith("#hospital")
    assert patients.place_key == nurses.place_key


def test_there_after_a_figure_points_back_to_the_building_just_named() -> None:
    text = ("Shelling hit Kherson on Monday.\n"
            "A school in Kherson was among the buildings struck. "
            "Two teachers were injured there, officials said.")
    (claim,) = claimcheck.extract(Document(id="d", text=text))
    assert claim.place_key is not None and claim.place_key.endswith("#school")


def test_a_building_after_a_possessive_city_is_the_figures() -> None:
    text = "Drones struck Kharkiv overnight. Four people were hurt at Kharkiv's central bus station."
    (claim,) = claimcheck.extract(Document(id="d", text=text))
    assert claim.place_key is not None and claim.place_key.endswith("#station")


def _towns(text: str) -> list[tuple[str, str]]:
    words = vocabulary("en")
    found = [p for p in places.find_places(text) if placing.plausible(words, text, p)]
    return [(text[s:e], p.key) for s, e, p in placing.local_towns(words, text, found)]


def test_a_name_the_text_sets_as_a_place_is_a_town_of_the_storys_region() -> None:
    text = ("Storms battered Cumbria overnight. In Brackenthwaite, 40 homes flooded, and a "
            "road near Brackenthwaite was shut. Brackenthwaite has flooded twice before.")
    found = _towns(text)
    assert ("Cumbria", "GB/Cumbria") in found
    assert found.count(("Brackenthwaite", "GB/Cumbria/Brackenthwaite")) == 3


def test_a_small_namesake_abroad_is_the_storys_own_town() -> None:
    # Keswick is only known as a Canadian town; in a story set in Cumbria it is the English one
    found = _towns("Rivers rose across Cumbria. A bridge near Keswick collapsed, Cumbria police said.")
    assert ("Keswick", "GB/Cumbria/Keswick") in found


def test_ordinary_capitalised_words_after_a_cue_are_no_towns() -> None:
    text = ("Rain hit Cumbria. In November 2009, 900 homes flooded. Notices went out in Polish "
            "and in Urdu, and relief came from charities in Europe. Officials at Cumbria Police "
            "said Mark Hollins, in Parliament, asked for help.")
    assert {key for _, key in _towns(text)} == {"GB/Cumbria"}


def test_no_town_is_placed_when_no_country_leads() -> None:
    assert _towns("Nobody knew where Brackenthwaite was, they said in Brackenthwaite.") == []


def test_a_namesake_abroad_the_text_never_sets_as_a_place_keeps_its_reading() -> None:
    # "Keswick" here is a person's surname-like word with no place cue: left as resolved
    text = "Rivers rose across Cumbria. Officials told reporter Anna Keswick of the damage in Cumbria."
    assert not any(key.startswith("GB/Cumbria/") for _, key in _towns(text))
