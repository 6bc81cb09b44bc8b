"""extract.frame: a document's frame lends its measure to figures that name none, and the
measures of a document's claims do not depend on the order of its paragraphs."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

import claimcheck
from claimcheck import Document
from claimcheck.extract import frame
from strategies import make_claim


def _measures(text: str) -> list[tuple[str, str | None]]:
    return [(c.text, c.measure) for c in claimcheck.extract(text)]


def test_the_frame_is_the_measure_most_counts_state() -> None:
    claims = [make_claim("d:c1", 5, measure="took part", entity="person"),
              make_claim("d:c2", 7, measure="took part", entity="person"),
              make_claim("d:c3", 2, measure="arrested", entity="person")]
    assert frame.frame(claims) == ("took part", "person")


def test_one_count_makes_no_frame_and_a_tie_goes_to_the_first_name() -> None:
    one = [make_claim("d:c1", 5, measure="killed", entity="person")]
    assert frame.frame(one) is None
    tie = [make_claim(f"d:c{i}", i, measure=m, entity="person")
           for i, m in enumerate(["killed", "injured", "killed", "injured"], 1)]
    assert frame.frame(tie) == ("injured", "person")
    assert frame.frame(tie[::-1]) == ("injured", "person")


def test_a_crowd_storys_bare_figure_took_part() -> None:
    text = ("Some 40,000 people marched through Lyon on Sunday.\n"
            "A week earlier 25,000 protesters had rallied in the same square.\n"
            "The union spoke of 60,000, the prefecture of 38,000.")
    assert [m for _, m in _measures(text)] == ["took part"] * 4


def test_a_casualty_storys_bare_figure_stays_without_a_measure() -> None:
    text = ("The landslide killed 14 people on Friday.\nLater 3 more bodies were found.\n"
            "The village had 2,000 before the disaster.")
    assert _measures(text)[-1] == ("2,000", None)


def test_a_total_at_the_head_of_a_paragraph_is_the_frames_count() -> None:
    text = ("A ferry sank off the coast; 31 people died and 9 were injured.\n"
            "Divers recovered four more bodies on Thursday.\n"
            "The total now stands at 35, officials said.")
    assert _measures(text)[-1] == ("35", "killed")


def test_a_total_refers_to_its_own_paragraph_first() -> None:
    text = ("Floods killed 20 people.\n"
            "Boats rescued 300 people on Sunday. The total stood at 340 on Monday.")
    assert _measures(text)[-1] == ("340", "rescued")


# ---------------------------------------------------------------- paragraph order

PARAGRAPHS = (
    "Police said 41 people were arrested during the march.",
    "Organisers put the crowd at 120,000, police at 45,000.",
    "Tens of thousands took part in the rally in the capital.",
    "The total stood at 60 on Sunday evening.",
    "The storm killed 12 people: seven in the port, three inland and two on the islands.",
    "Of the 80 drones launched overnight, 71 drones and 4 missiles were shot down.",
    "About 90,000 customers were still without power, down from 150,000.",
    "Some 300 residents were evacuated, among them 40 children.",
    "Farmers lost crops worth an estimated $20 million.",
    "Another 15 were rescued from rooftops, and 6 remain missing.",
    "The figure was 9 according to the mayor.",
)


def _by_paragraph(text: str) -> list[tuple[str, int, str, str | None, str | None]]:
    """Each claim as (its paragraph, its offset there, its text, measure, entity), sorted."""
    starts, at = [], 0
    for line in text.split("\n"):
        starts.append((at, line))
        at += len(line) + 1
    out = []
    for c in claimcheck.extract(Document(id="d", text=text, language="en")):
        begin, line = max(s for s in starts if s[0] <= c.start)
        out.append((line, c.start - begin, c.text, c.measure, c.entity))
    return sorted(out, key=lambda row: (row[0], row[1], row[2]))


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(PARAGRAPHS), min_size=2, max_size=6, unique=True),
       st.randoms(use_true_random=False))
def test_shuffling_paragraphs_keeps_every_claims_measure(paragraphs: list[str],
                                                          rng: random.Random) -> None:
    shuffled = paragraphs[:]
    rng.shuffle(shuffled)
    assert _by_paragraph("\n".join(shuffled)) == _by_paragraph("\n".join(paragraphs))


def test_a_crowd_story_lends_no_measure_to_a_figure_with_its_own_noun() -> None:
    text = ("Some 40,000 people marched in Lyon on Saturday, police said. Organisers said "
            "90,000 took part. In the city centre, 120 fires were lit.")
    claims = claimcheck.extract(Document(id="d", text=text))
    assert [(c.value, c.measure) for c in claims][-1] == (120, None)


def test_a_count_that_refers_back_to_a_measure_counts_its_usual_entity() -> None:
    text = "Some 40,000 people marched in Lyon, police said. Organisers put the figure at 90,000."
    claims = claimcheck.extract(Document(id="d", text=text))
    assert [(c.entity, c.measure) for c in claims] == [("person", "took part")] * 2


def test_men_who_face_murder_charges_are_counted_as_charged() -> None:
    doc = claimcheck.Document(id="c", language="en", published="2026-05-18",
                              text="Two teenagers face murder charges after the shooting.")
    (claim,) = claimcheck.extract(doc)
    assert claim.measure == "charged"
