"""extract.attribution: who a sentence names as its source, in the words of its language."""

from __future__ import annotations

import pytest

import claimcheck
from claimcheck.extract import attribution
from claimcheck.extract.vocabulary import vocabulary


@pytest.mark.parametrize(
    ("code", "sentence", "expected"),
    [
        ("en", "Five people died, the mayor said.", "mayor"),
        ("en", "According to the regional governor, 14 people were killed.", "regional governor"),
        ("en", "“Nine people are in hospital,” said Ivan Petrenko.", "Ivan Petrenko"),
        ("en", "Five people died.", None),
        ("es", "Según el Gobierno, murieron 62 personas.", "Gobierno"),
        ("es", "Five people died, the mayor said.", None),  # English words, Spanish rules
        ("nl", "Five people died, the mayor said.", None),  # a neutral language has none
    ],
)
def test_attribution_reads_the_language_of_the_document(code: str, sentence: str,
                                                         expected: str | None) -> None:
    assert attribution.attribution(vocabulary(code), sentence) == expected


@pytest.mark.parametrize(
    ("code", "sentence", "expected"),
    [
        # verb-final German: the subject after "wie", never the day before the verb
        ("de", "Die Zahl der Toten stieg auf 12, wie die Feuerwehr Trier am Freitag mitteilte.",
         "Feuerwehr Trier"),
        ("de", "Bürgermeisterin Petra Schulz (CDU) hatte am Montagabend gesagt, 20 Menschen "
               "würden vermisst.", "Bürgermeisterin Petra Schulz"),
        ("de", "Noch würden 30 Menschen vermisst, sagte eine Sprecherin der Stadt.",
         "Sprecherin der Stadt"),
        ("fr", "Selon le ministre de la Santé, 40 blessés ont été recensés.",
         "ministre de la Santé"),
        ("fr", "Le ministère fait état de 12 blessés dans la nuit.", "ministère"),
        ("it", "Secondo il bilancio dei vigili del fuoco i feriti sono 8.",
         "bilancio dei vigili del fuoco"),
        ("en", "According to the health ministry, 40 people were hurt.", "health ministry"),
        ("en", "Reports of three more deaths were not confirmed.", None),
        ("en", "The county's confirmed toll rose to 9, the coroner said.", "coroner"),
        ("en", "The flood caused 10 confirmed deaths in the valley, the coroner said.", "coroner"),
        ("en", "A bridge in the port city of Genoa gave way, killing 12 people.", None),
        ("fr", "Le ministère de l'Intérieur recense 45 blessés.", "ministère de l'Intérieur"),
        # the office first, its country after: one key for "X's office" and "office of X"
        ("en", "Norway's Coast Guard said 4 sailors were rescued.", "Coast Guard of Norway"),
        ("en", "The Navy's tally was 12 boats.", "Navy"),
    ],
)
def test_attribution_by_clause_in_every_language(code: str, sentence: str,
                                                 expected: str | None) -> None:
    assert attribution.attribution(vocabulary(code), sentence) == expected


@pytest.mark.parametrize(
    ("code", "headline", "expected"),
    [
        ("de", "Feuerwehr: 7 Verletzte nach Brand in der Altstadt", "Feuerwehr"),
        ("en", "Coast Guard: 4 sailors rescued off the cape", "Coast Guard"),
        ("fr", "Lyon : 7 blessés dans un incendie", None),  # a place, not a source
    ],
)
def test_a_headline_names_its_source_before_a_colon(code: str, headline: str,
                                                     expected: str | None) -> None:
    assert attribution.attribution(vocabulary(code), headline) == expected


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Зеленський", "Zelensky", True),
        ("Зеленский", "Selenskyj", True),
        ("Віталій Кличко", "Vitali Klitschko", True),
        ("Gérald Darmanin", "Darmanin", True),
        ("Polizei", "Polizei Koblenz", True),
        ("Pavlo Kyrylenko", "Oleksandr Honcharenko", False),
        ("mayor", None, False),
        (None, None, True),
    ],
)
def test_one_speaker_across_scripts_and_spellings(a: str | None, b: str | None,
                                                  same: bool) -> None:
    assert attribution.same_speaker(a, b) is same


@pytest.mark.parametrize(
    ("code", "sentence", "expected"),
    [
        ("en", "Anna Kovalenko visited the hospital and said 14 people were still treated.",
         "Anna Kovalenko"),
        ("ru", "Мэр Одессы Иван Петренко по состоянию на 05:00 сообщал о трех погибших.",
         "Мэр Одессы Иван Петренко"),
        ("en", "Acme & Co., the analytics firm, estimates that losses will reach $2 billion.",
         "Acme & Co."),
        ("en", "Power is out for 900,000 homes, according to the tracking site outagewatch.us.",
         "tracking site outagewatch.us"),
        ("en", "About 80,000 homes were dark, OutageWatch.us data showed.", "OutageWatch.us data"),
        ("en", "Twelve people died, according to a release from Gov. Jane Doe's office.",
         "release from Gov. Jane Doe's office"),
        ("en", "The latest official figure puts the dead at 62.", "official figure"),
        ("ru", "По данным местных властей, ранены 20 человек.", "местных властей"),
    ],
)
def test_attribution_finds_names_with_dots_ampersands_and_clause_subjects(
        code: str, sentence: str, expected: str) -> None:
    assert attribution.attribution(vocabulary(code), sentence) == expected


def test_a_statement_the_office_posted_is_the_offices() -> None:
    sentence = "Nine people were hurt, according to a statement the town council posted."
    assert attribution.attribution(vocabulary("en"), sentence) == "town council"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Norway says 30 drones were shot down overnight", "Norway"),  # a headline "X says"
        ("Norway announced 30 new tanks for the army.", None),  # an act, not a statement
    ],
)
def test_a_country_speaks_by_a_verb_of_saying_only(sentence: str, expected: str | None) -> None:
    assert attribution.attribution(vocabulary("en"), sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The dockers' union put the figure at 40,000.", "dockers' union"),
        ("Organisers, the teachers' union, put the number at 40,000.", "teachers' union"),
        ("The farmers' union, which called the march, put the turnout at 40,000.",
         "farmers' union"),
        ("Police estimated the crowd at 9,000.", "Police"),
        # a modifier before the figure's noun keeps it the object, not a speaker
        ("The counting firm Civica, which works for media outlets, put the Madrid crowd "
         "at 61,200.", "counting firm Civica"),
    ],
)
def test_whoever_puts_the_figure_at_a_number_gives_it(sentence: str, expected: str) -> None:
    assert attribution.attribution(vocabulary("en"), sentence) == expected


def test_an_estimate_by_a_source_names_the_source() -> None:
    text = ("Forecasters said 90mm of rain fell.\n"
            "Losses may reach £80 million, according to an early estimate by Moody's RMS. "
            "Repairs will cost £12 million, according to figures from the county council.")
    claims = claimcheck.extract(claimcheck.Document(id="d", text=text))
    assert [c.speaker for c in claims][1:] == ["Moody's RMS", "county council"]
