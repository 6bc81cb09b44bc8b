"""extract.speaker_clause: each figure read in its own clause, and what a run-on speaker takes."""

from __future__ import annotations

import pytest

import claimcheck
from claimcheck import Document


def _speakers(text: str, language: str = "en", published: str = "2025-06-02") -> list[str | None]:
    document = Document(id="d", text=text, language=language, published=published)
    return [c.speaker for c in claimcheck.extract(document)]


def test_a_speaker_run_on_takes_no_measurement_and_no_event_long_past() -> None:
    assert _speakers("Five people died, the mayor said. The bridge is 200 metres long.") == \
        ["mayor", None]
    text = "Five people died, the mayor said.\nA flood on May 3, 1998, killed 40 people."
    assert _speakers(text) == ["mayor", None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a source cited before the semicolon keeps to its part; a speaker speaks for both
        ("According to the ministry, 40 people died; 12 more are missing.", ["ministry", None]),
        ("The mayor said 40 people died; 12 more are missing.", ["mayor", "mayor"]),
        ("40 people died; 12 are missing, officials said.", ["officials", "officials"]),
    ],
)
def test_each_part_between_semicolons_has_its_own_speaker(text: str,
                                                          expected: list[str | None]) -> None:
    assert _speakers(text) == expected


def test_a_figures_own_clause_names_its_source() -> None:
    text = ("The estimate is above Acme Re's forecast of about $5 billion and Brook Corp's "
            "upper range of $7 billion.")
    assert _speakers(text) == ["Acme Re", "Brook Corp"]
    text = ("Three missiles reportedly struck the port, killing 9 people, according to the "
            "regional governor.")
    assert _speakers(text) == ["reports", "regional governor"]


def test_an_office_that_owns_a_figure_is_its_source() -> None:
    # a crowd count owned by an office in lower case, and a rival owned by a name
    text = ("The labour ministry's tally of 80,000 strikers was well short of the Union "
            "Federation's estimate of 200,000, the paper said.")
    assert _speakers(text) == ["labour ministry", "Union Federation"]
    # an office's staff is no figure it owns: the speaker of the sentence keeps it
    assert _speakers("The ministry's 40 clerks were sent home, the mayor said.") == ["mayor"]


def test_a_figure_in_a_clause_telling_the_event_is_nobodys() -> None:
    text = "The governor said 12 people were hurt when the depot was hit by three drones."
    assert _speakers(text) == ["governor", None]
    # the telling of the event ends at a comma: the figures after it are the governor's again
    text = ("The governor said 12 people were hurt when the depot was hit by 3 drones and "
            "2 missiles, and 40 homes lost power.")
    assert _speakers(text) == ["governor", None, None, "governor"]


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("es", "Desde el lunes, la Guardia Civil ha rescatado a 500 personas.", "Guardia Civil"),
        ("en", "Earlier, a military depot was hit 3 times by drones.", None),  # a thing, no source
        ("de", "Aus dem Kreis Neustadt kamen 80 Feuerwehrleute.", None),  # a preposition's phrase
    ],
)
def test_a_named_office_opening_the_clause_is_the_source_of_what_it_did(
        code: str, text: str, expected: str | None) -> None:
    assert _speakers(text, code) == [expected]


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("en", "Police put the crowd at 6,000, organisers at 25,000.", ["Police", "organisers"]),
        ("fr", "La préfecture en a compté 4 100, les organisateurs de la marche 15 000.",
         ["préfecture", "organisateurs de la marche"]),
        # a verb after the subject: no gap, the sentence's speaker holds
        ("en", "The ministry said 12 people died, the flood destroyed 30 cars.",
         ["ministry", "ministry"]),
    ],
)
def test_a_clause_of_a_source_and_its_figure_alone_is_that_sources(
        code: str, text: str, expected: list[str | None]) -> None:
    assert _speakers(text, code) == expected


def test_an_office_of_two_words_opening_the_clause_is_the_source() -> None:
    text = "La Protezione civile ha abbassato a sette il numero dei dispersi."
    assert _speakers(text, "it") == ["Protezione civile"]


def test_a_publishers_own_report_gives_its_unattributed_figures() -> None:
    text = ("Shelling of the market (a Citizens Watch investigation)\n"
            "At least 14 people died in the square. The mayor said 30 were wounded.")
    report = Document(id="d", text=text, source="Citizens Watch", published="2025-06-02")
    assert [c.speaker for c in claimcheck.extract(report)] == ["Citizens Watch", "mayor"]
    # a news outlet named in its own text is still no speaker of its figures
    news = Document(id="d", text="Storm report\nAt least 14 people died, Daily Planet learned.",
                    source="Daily Planet", published="2025-06-02")
    assert [c.speaker for c in claimcheck.extract(news)] == [None]


def test_a_later_clause_with_its_own_speech_verb_has_its_own_speaker() -> None:
    text = ("Some 30,000 people marched in Turin, according to police, while organisers said "
            "80,000 took part.")
    assert _speakers(text) == ["police", "organisers"]
    # a pronoun in the later clause is no new source
    text = "The storm hit on Friday, and by Sunday it had claimed 12 lives, according to reports."
    assert _speakers(text) == ["reports"]


def test_a_gapped_clause_gives_its_figure_to_the_office_before_it() -> None:
    # "police counted 7,000 and organisers 18,000": the second verb is left out
    text = ("In Porto, police counted 7,000 marchers and organisers 18,000. The ministry "
            "counted 90,000 and the unions 300,000. Police said 5 people and 3 officers were hurt.")
    doc = claimcheck.Document(id="g", published="2026-03-12T21:00:00+00:00", language="en", text=text)
    speakers = [c.speaker for c in claimcheck.extract(doc)]
    assert speakers == ["police", "organisers", "ministry", "unions", "police", "police"]
