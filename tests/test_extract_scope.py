"""extract.scope: the place a figure is about."""

from __future__ import annotations

import claimcheck
from claimcheck import Document


def test_a_place_after_the_figure_in_its_clause_comes_first() -> None:
    doc = Document(id="d", text="In Kyiv, officials said 12 people were injured in Lviv.")
    (claim,) = claimcheck.extract(doc)
    assert claim.location == "Lviv"


def test_in_total_after_a_list_of_places_covers_them_all() -> None:
    text = "Three people died in Valencia and two in Albacete. In total, 5 people died."
    claims = claimcheck.extract(Document(id="d", text=text))
    assert [c.location for c in claims] == ["Valencia", "Albacete", "Spain"]


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
