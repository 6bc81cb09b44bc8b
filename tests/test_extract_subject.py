"""extract.subject: what a figure counts or measures."""

from __future__ import annotations

import claimcheck
from claimcheck import Document


def _entities(text: str) -> list[tuple[str, str | None]]:
    return [(c.text, c.entity) for c in claimcheck.extract(Document(id="d", text=text))]


def test_a_speed_in_two_units_is_one_kind_of_quantity() -> None:
    claims = claimcheck.extract(Document(id="d", text="Gusts reached 90 mph (145 km/h) on Monday."))
    assert {c.entity for c in claims} == {"wind gust"}
    assert {c.measure for c in claims} == {"speed"}


def test_a_length_of_rain_and_a_length_of_surge_are_two_quantities() -> None:
    found = _entities("Forecasters expect up to 12 inches (300mm) of rain and a 9ft (3m) storm "
                      "surge on the coast.")
    assert found == [("up to 12 inches", "rain"), ("300mm", "rain"), ("9ft", "storm surge"),
                     ("3m", "storm surge")]


def test_a_unit_written_as_an_adjective_measures_its_noun() -> None:
    found = _entities("Divers searched the 30-meter, 98-foot, tunnel and a 12-foot wall.")
    assert found == [("30-meter", "tunnel"), ("98-foot", "tunnel"), ("12-foot", "wall")]


def test_a_sum_of_money_is_what_its_sentence_names() -> None:
    text = ("Analysts put insured losses at $3 billion. The total cost of the storm could "
            "reach $20 billion.")
    claims = claimcheck.extract(Document(id="d", text=text))
    assert [(c.entity, c.measure) for c in claims] == [("insured loss", "insured loss"),
                                                       ("cost", "cost")]


def test_lives_counted_with_no_verb_are_lives_lost() -> None:
    claims = claimcheck.extract(Document(id="d", text="The flood claimed 12 lives. Divers saved 3 lives."))
    assert [(c.entity, c.measure) for c in claims] == [("person", "killed"), ("person", "rescued")]


def test_a_verb_that_outranks_the_noun_gives_the_measure() -> None:
    # identified bodies are their own measure, not the dead the noun names
    for text in ("Police have identified 27 dead so far.",
                 "So far 27 dead have been identified, officials said."):
        (claim,) = claimcheck.extract(Document(id="d", text=text))
        assert claim.measure == "identified"
    (claim,) = claimcheck.extract(Document(id="d", text="27 people were killed on Monday."))
    assert claim.measure == "killed"
