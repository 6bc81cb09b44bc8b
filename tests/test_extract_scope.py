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
