"""extract.speaker: who says so, carried along a paragraph, found by the words of the
document's language."""

from __future__ import annotations

import datetime as dt

import pytest

import claimcheck
from claimcheck import Document


def test_a_speaker_carries_on_through_a_paragraph_and_the_next_with_figures() -> None:
    text = ("Five people died, the mayor said. Twelve were injured.\n"
            "Three more were missing.\n\nThe storm passed.\nTwo roads were closed.")
    claims = claimcheck.extract(Document(id="d", text=text))
    assert [c.speaker for c in claims] == ["mayor", "mayor", "mayor", None]


def test_a_pronoun_names_the_person_after_an_office() -> None:
    text = ("Ivan Petrenko arrived on Monday. According to Lviv Mayor Anna Kovalenko, roads are "
            "closed. Many were hurt, she said, and 12 people are in hospital.")
    (claim,) = claimcheck.extract(Document(id="d", text=text))
    assert claim.speaker == "Lviv Mayor Anna Kovalenko"  # not Ivan Petrenko


def test_a_pronoun_names_the_last_person() -> None:
    text = "Ivan Petrenko arrived on Monday. He said 14 people were injured."
    (claim,) = claimcheck.extract(Document(id="d", text=text))
    assert claim.speaker == "Ivan Petrenko"


def test_reported_speech_runs_on_one_sentence_and_a_cited_source_none() -> None:
    said = "Five people died, the mayor said. Twelve were injured. Three cars burned."
    claims = claimcheck.extract(Document(id="d", text=said))
    assert [c.speaker for c in claims] == ["mayor", "mayor", None]
    cited = "According to the ministry, 40 people died. The bridge is 200 metres long."
    claims = claimcheck.extract(Document(id="d", text=cited))
    assert [c.speaker for c in claims] == ["ministry", None]


def test_a_later_sentence_can_name_the_speaker_of_the_figures_before() -> None:
    text = "Загинули п'ятеро людей, ще 12 поранені.\nПро це повідомив мер Одеси Іван Петренко."
    claims = claimcheck.extract(Document(id="d", text=text, language="uk"))
    assert [c.speaker for c in claims] == ["мер Одеси Іван Петренко"] * 2


def test_a_bare_office_takes_the_fuller_name_given_before() -> None:
    text = ("The Leeds Police said 3 people were hurt on Friday. The roads reopened at noon. "
            "On Sunday the police said 2 more were missing.")
    claims = claimcheck.extract(Document(id="d", text=text))
    assert [c.speaker for c in claims if c.value in (3, 2)] == ["Leeds Police", "Leeds Police"]


def _speakers(text: str, language: str = "en", published: str = "2025-06-02") -> list[str | None]:
    document = Document(id="d", text=text, language=language, published=published)
    return [c.speaker for c in claimcheck.extract(document)]


def test_a_speaker_runs_on_to_a_german_sentence_in_reported_mood_only() -> None:
    said = "Zwölf Menschen seien gestorben, sagte der Bürgermeister."
    assert _speakers(f"{said} 30 Menschen würden vermisst.", "de") == ["Bürgermeister"] * 2
    assert _speakers(f"{said} Damit stieg die Zahl der Toten auf 19.", "de") == \
        ["Bürgermeister", None]  # indicative: the outlet's own sum


def test_a_sentence_in_the_outlets_own_voice_ends_the_run() -> None:
    text = ("Мер повідомив про 5 загиблих.\nРаніше йшлося про 3 загиблих.\n"
            "Загинули ще 2 людини.")
    assert _speakers(text, "uk") == ["Мер", None, None]
    assert _speakers("Сообщалось, что погибли 4 человека.", "ru") == [None]


def test_a_heading_line_takes_no_speaker_from_the_paragraph_before() -> None:
    text = "Five people died, the mayor said. Twelve were injured.\n40 homes damaged\n"
    assert _speakers(text) == ["mayor", "mayor", None]


def test_citing_a_source_is_reported_speech_that_runs_on_one_sentence() -> None:
    text = ("Rescuers reached the site, the agency reported, citing the regional police. "
            "Forty people were hurt. Two roads were closed for 3 days.")
    assert _speakers(text) == ["regional police", None, None]


def test_it_stands_for_the_office_named_before() -> None:
    text = ("The weather agency said the storm was large. It described winds reaching "
            "300 miles from its centre.")
    assert _speakers(text) == ["weather agency"]


def test_a_pronoun_after_a_title_and_surname_names_the_surname() -> None:
    text = ("Olena Bondar spoke first. The president himself left for Warsaw after meeting "
            "President Marchenko. \u201cMore than 30 drones hit us,\u201d he said.")
    assert _speakers(text) == ["Marchenko"]


def test_a_quote_in_german_low_quotes_speaks_for_itself_only() -> None:
    text = ("Im Heim starben sieben Bewohner. „Das Wasser kam in Sekunden“, sagte Anna Berger, "
            "die Leiterin des Heims.")
    doc = Document(id="a", text=text, language="de", published="2021-07-17")
    (claim,) = claimcheck.extract(doc)
    assert claim.text == "sieben Bewohner" and claim.speaker is None


def test_a_quote_over_two_sentences_is_said_by_the_speaker_named_after_it() -> None:
    cases = [
        ("en", "Rain fell all week.\n“We found 12 bodies. More are missing,” Sheriff Ann Cole said."),
        ("uk", "Дощ ішов тиждень.\n«Знайшли 12 тіл. Є зниклі», — сказав мер Іван Гнатюк."),
        ("de", "Es regnete tagelang.\n„Wir fanden 12 Tote. Viele fehlen“, sagte Landrat Jens Kuhn."),
    ]
    for code, text in cases:
        (claim, *_) = claimcheck.extract(Document(id="a", text=text, language=code,
                                                  published="2024-05-02"))
        assert claim.value == 12
        assert claim.speaker is not None and claim.speaker.endswith(
            ("Ann Cole", "Іван Гнатюк", "Jens Kuhn")), (code, claim.speaker)


def test_a_quote_closed_in_its_own_sentence_lends_no_speaker_to_it() -> None:
    text = "“We found 12 bodies.” Then the rain came. More are missing, the sheriff said."
    (claim,) = claimcheck.extract(Document(id="a", text=text, published="2024-05-02"))
    assert claim.speaker is None


@pytest.mark.parametrize(
    "second",
    [
        "In Chernihiv, 12 people were hurt.",  # a place of its own
        "On Monday, 12 people were hurt.",  # a time of its own
        "Elsewhere, 12 people were hurt.",
        "Rescuers pulled 12 people from the flats.",  # a subject that is a source itself
    ],
)
def test_reported_speech_does_not_run_on_to_a_sentence_with_its_own_setting(second: str) -> None:
    text = f"The governor said five people were killed in the region. {second}"
    claims = claimcheck.extract(Document(id="d", text=text))
    assert [c.speaker for c in claims] == ["governor", None]


def test_reported_speech_runs_on_to_a_sentence_that_continues_it() -> None:
    text = "The governor said five people were killed in the region. In total, 12 were hurt."
    claims = claimcheck.extract(Document(id="d", text=text))
    assert [c.speaker for c in claims] == ["governor", "governor"]


def test_a_paragraph_opening_on_an_event_long_past_does_not_continue_the_speaker() -> None:
    text = ("Five people died, the mayor said on Monday.\n"
            "A flood in 2011 destroyed 300 homes. Repairs are expected to cost $2 billion.")
    assert _speakers(text) == ["mayor", None, None]
    # a paragraph of the present does continue the speaker who gave figures
    text = "Five people died, the mayor said on Monday.\nTwelve more were missing."
    assert _speakers(text) == ["mayor", "mayor"]


def test_a_paragraph_that_tells_an_earlier_event_carries_no_speaker() -> None:
    text = ("Missiles struck Sumy on Friday, 7 March 2025, the governor said.\n"
            "The mayor of Sumy said drones also hit a school there, injuring 4 people.\n"
            "The strike came ten days after an attack on Sumy on 25 February killed 6 people.")
    doc = claimcheck.Document(id="d", text=text, published=dt.date(2025, 3, 7))
    claims = claimcheck.extract(doc)
    assert [(c.text, c.speaker is None) for c in claims if c.value in (4, 6)] == [
        ("4 people", False), ("6 people", True)]
