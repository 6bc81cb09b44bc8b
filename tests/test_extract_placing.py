"""extract.placing: which places of a text a figure can take."""

from __future__ import annotations

from claimcheck import places
from claimcheck.extract import placing
from claimcheck.extract.vocabulary import vocabulary


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
