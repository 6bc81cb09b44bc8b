"""extract.links and extract.subject: what a figure counts, and figures that lean on others."""

from __future__ import annotations

import datetime as dt

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



def test_more_of_the_same_measure_is_an_increment_of_its_own() -> None:
    first, second = claimcheck.extract(
        "Officers detained 900 people on Friday, and hundreds more were arrested on Sunday.")
    assert (first.measure, second.measure) == ("arrested", "arrested (more)")


def test_more_of_another_measure_only_means_other_people() -> None:
    first, second = claimcheck.extract("Six people were killed and 40 more were injured.")
    assert (first.measure, second.measure) == ("killed", "injured")


def test_an_increment_never_joins_the_total_it_adds_to() -> None:
    docs = [Document(id="a", text="Police arrested 900 people, and hundreds more were "
                                  "detained later.", published="2025-03-02"),
            Document(id="b", text="Police arrested 910 people.", published="2025-03-02")]
    report = claimcheck.check(docs)
    grouped = {cid for g in report.groups for cid in g.claims}
    assert "a:c2" not in grouped
    assert not [d for g in report.groups for d in g.discrepancies if d.kind != "update"]


def test_a_back_reference_counts_what_its_sentence_named_before_it() -> None:
    text = ("The storm killed 14 people in the valley.\n"
            "Officials would not say how many residents are missing; local papers believe the "
            "number is in the hundreds.")
    measures = {c.text: c.measure for c in claimcheck.extract(text)}
    assert measures["in the hundreds"] == "missing"


def test_a_back_reference_after_a_figure_of_its_own_keeps_the_last_count() -> None:
    # "destroyed 40 homes" has its own figure: "the toll" is still the dead
    text = "The storm killed 14 people. It destroyed 40 homes; the toll rose to 16 by night."
    measures = {c.value: c.measure for c in claimcheck.extract(text)}
    assert measures[16] == "killed"


def test_a_back_reference_names_its_own_measure_first() -> None:
    # "il bilancio delle vittime: sono 12": the reference says what the bare figure counts,
    # whatever the figure before it in the paragraph counted
    text = ("Decine di auto sono state distrutte. Il comune ha aggiornato il bilancio delle "
            "vittime: sono 12.")
    doc = Document(id="d", text=text, language="it", published=dt.date(2024, 10, 30))
    assert [(c.text, c.entity, c.measure) for c in claimcheck.extract(doc)][-1] \
        == ("12", "person", "killed")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The toll rose to 16. Divers found four more bodies in the lake.", "killed (more)"),
        ("Divers found four more bodies in the lake.", "killed (more)"),
        # "more" after a count of another measure only means other people
        ("Two people have died. About 20 more people injured are in hospital.", "injured"),
    ],
)
def test_more_after_a_figure_adds_to_the_last_count_of_its_thing(text: str,
                                                                  expected: str) -> None:
    claims = claimcheck.extract(Document(id="d", text=text))
    assert claims[-1].measure == expected


def test_parts_of_a_volley_take_the_verb_after_the_list_their_wholes_were_launched() -> None:
    text = "The navy said 52 of 60 drones and 7 of 9 missiles were shot down over the coast."
    claims = claimcheck.extract(Document(id="d", text=text))
    read = [(c.text, c.entity, c.measure) for c in claims]
    assert read == [("52", "drone", "intercepted"), ("60 drones", "drone", "launched"),
                    ("7", "missile", "intercepted"), ("9 missiles", "missile", "launched")]
    assert claims[2].ratio_of == claims[3].id


def test_a_part_lies_where_its_whole_does() -> None:
    text = ("Rockets hit Lviv overnight, injuring 5 people.\n"
            "The navy said 52 of 60 drones fired at Ukraine were shot down.")
    claims = claimcheck.extract(Document(id="d", text=text))
    part, whole = claims[-2], claims[-1]
    assert part.ratio_of == whole.id and part.place_key == whole.place_key

def test_a_part_that_names_a_narrower_place_is_that_places_own_count() -> None:
    doc = Document(id="w", published="2026-04-02T21:00:00+02:00", language="en",
                   text="The ministry counted 310,000 marchers across Italy on Thursday, "
                        "including 52,000 in Rome. The police said 14 officers were hurt, "
                        "three of them in the face.")
    claims = {c.text: c for c in claimcheck.extract(doc)}
    rome = next(c for t, c in claims.items() if t.startswith("52,000"))
    assert rome.measure == claims["310,000 marchers"].measure  # Rome's crowd, not a share
    assert rome.location == "Rome"
    # a part with no place of its own stays a part of its whole
    face = next(c for t, c in claims.items() if t.startswith("three"))
    assert face.measure is not None and face.measure.endswith("(part)")
