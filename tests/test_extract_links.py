"""extract.links and extract.subject: what a figure counts, and figures that lean on others."""

from __future__ import annotations

import pytest

import claimcheck
from claimcheck import Document
from claimcheck.extract import links
from claimcheck.extract.vocabulary import vocabulary


@pytest.mark.parametrize(
    ("between", "expected"),
    [(" missiles and ", True), (", ", True), (" drones, and ", True),
     (" missiles were launched and ", False), (" missiles. And ", False)],
)
def test_the_glue_of_a_list(between: str, expected: bool) -> None:
    assert links.coordinated(vocabulary("en"), between) is expected


def test_a_hedge_goes_down_a_list() -> None:
    claims = claimcheck.extract("Russia launched up to 30 missiles and 700 drones.")
    assert [(c.text, c.qualifier) for c in claims] == [("up to 30 missiles", "at_most"),
                                                      ("700 drones", "at_most")]


def test_a_part_names_its_whole() -> None:
    first, second = claimcheck.extract("72 out of 99 drones were shot down.")
    assert first.ratio_of == second.id


def test_the_total_takes_the_last_measure() -> None:
    claims = claimcheck.extract("Three people were killed on Monday. The total stood at 158.")
    assert [c.measure for c in claims] == ["killed", "killed"]


def test_entity_and_measure_words_are_the_documents_language() -> None:
    (es,) = claimcheck.extract(Document(id="d", text="Murieron 62 personas.", language="es"))
    assert (es.entity, es.measure) == ("person", "killed")
    (en,) = claimcheck.extract(Document(id="d", text="Murieron 62 personas.", language="en"))
    assert (en.entity, en.measure) == ("persona", None)  # an unknown English plural noun

