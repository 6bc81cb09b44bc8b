"""extract.subject: what a figure counts and what happened to it, across domains (crowds,
arrests, evacuations, outages, money, weather), in lists, and read through a lemmatiser."""

from __future__ import annotations

import pytest

import claimcheck
from claimcheck import Document


def _read(text: str, language: str = "en") -> list[tuple[str, str | None, str | None]]:
    return [(c.text, c.entity, c.measure)
            for c in claimcheck.extract(Document(id="d", text=text, language=language))]


@pytest.mark.parametrize(("text", "expected"), [
    # crowds and turnout: police and organisers counting one march
    ("Police counted 18,000 marchers in Nantes, while the union said 35,000 took part.",
     [("18,000 marchers", "person", "took part"), ("35,000", "person", "took part")]),
    ("Roughly 7,500 people rallied outside parliament.", [("Roughly 7,500 people", "person", "took part")]),
    ("The vigil drew 2,000 mourners.", [("2,000 mourners", "person", "took part")]),
    # arrests, charges and questioning
    ("Officers detained 64 people; 20 were later charged.",
     [("64 people", "person", "arrested"), ("20", "person", "charged")]),
    ("Another 12 youths were taken into custody.", [("12 youths", "person", "arrested")]),
    # evacuations, shelters, missing and rescued
    ("About 9,000 residents were ordered to evacuate.", [("About 9,000 residents", "person", "evacuated")]),
    ("Some 700 people spent the night in shelters.", [("Some 700 people", "person", "sheltered")]),
    ("Eight hikers remain missing.", [("Eight hikers", "hiker", "missing")]),
    ("Crews pulled 45 people from the floodwater.", [("45 people", "person", "rescued")]),
    ("About 20 people are still under the rubble.", [("About 20 people", "person", "missing")]),
    # buildings: a home destroyed is damaged, never intercepted
    ("The tornado destroyed 60 homes.", [("60 homes", "home", "damaged")]),
    ("Rioters torched 90 cars.", [("90 cars", "vehicle", "damaged")]),  # as "incendiées" is
    ("The fire burned 900 hectares.", [("900 hectares", "area", "burned")]),
    ("Water inundated 400 houses.", [("400 houses", "home", "flooded")]),
    # power and infrastructure
    ("Around 52,000 customers lost power overnight.",
     [("Around 52,000 customers", "customer", "without power")]),
    ("The utility restored electricity to 30,000 customers.", [("30,000 customers", "customer", "restored")]),
    ("Police closed 25 roads.", [("25 roads", "road", "closed")]),
    # money: losses, costs and aid
    # a sum is named by what it is, never by a noun earlier in its sentence
    ("Insured losses could reach $3 billion.", [("$3 billion", "insured loss", "insured loss")]),
    ("Growers lost harvests worth $40 million.", [("$40 million", "losses", "losses")]),
    ("The council approved €5 million in emergency aid.", [("€5 million", "aid", "aid")]),
    ("The storm destroyed 40 homes, and losses could reach $2 billion.",
     [("40 homes", "home", "damaged"), ("$2 billion", "losses", "losses")]),
    ("The town pledged $2 million after 40 homes burned.",
     [("$2 million", "pledged", "pledged"), ("40 homes", "home", "damaged")]),
    # responders sent are deployed
    ("The region sent 300 firefighters.", [("300 firefighters", "firefighter", "deployed")]),
])
def test_each_domain_has_its_measure(text: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # items after a colon count what the list's head counts
    ("Shelling killed 9 people: five in Sumy, three in Okhtyrka and two in Trostianets.",
     [("9 people", "person", "killed"), ("five", "person", "killed"),
      ("three", "person", "killed"), ("two", "person", "killed")]),
    # a verb after the last item is every item's
    ("Of the 60 drones, 52 drones and 3 missiles were downed.",
     [("60 drones", "drone", "launched"), ("52 drones", "drone", "intercepted"),
      ("3 missiles", "missile", "intercepted")]),
    ("Moscow fired 60 drones, of which 52 drones and 3 decoys were downed.",
     [("60 drones", "drone", "launched"), ("52 drones", "drone", "intercepted"),
      ("3 decoys", "decoy", "intercepted")]),
    # the verb before the list still governs when the list has no verb of its own
    ("The quake killed 800 people, more than 300 in the old town.",
     [("800 people", "person", "killed"), ("more than 300", "person", "killed")]),
    # "killed 17 people and 40 were wounded": the verb before wins over the next item's
    ("The bombing killed 17 people and 40 were wounded.",
     [("17 people", "person", "killed"), ("40", "person", "injured")]),
])
def test_list_items_share_the_lists_measure(text: str,
                                            expected: list[tuple[str, str | None, str]]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize("items", [2, 5, 40])
def test_a_verb_after_a_long_list_is_every_items(items: int) -> None:
    # the list's end is found once and kept for every item (a list of n is walked once)
    listed = ", ".join(f"{n + 2} drones" for n in range(items - 1)) + f" and {items + 1} missiles"
    claims = _read(f"Overnight, {listed} were shot down over the region.")
    assert len(claims) == items
    assert all(measure == "intercepted" for _, _, measure in claims)


@pytest.mark.parametrize(("text", "expected"), [
    ("Officers held 30 people, of whom 9 were minors.",
     [("30 people", "arrested"), ("9", "arrested (part)")]),
    ("Some 200 people were rescued, including 35 in the old port.",
     [("Some 200 people", "rescued"), ("35", "rescued (part)")]),
])
def test_of_whom_and_including_make_parts(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t, m) for t, _, m in _read(text)] == expected


def test_french_measures_are_read_through_their_lemma() -> None:
    # "arrêtées" is no listed form; its lemma is
    assert _read("Au total, 240 personnes ont été arrêtées.", "fr") == [
        ("240 personnes", "person", "arrested")]


def test_a_french_article_is_no_number_word() -> None:
    # simplemma reads "des" as "un": the number scanner keeps the lemmatiser off number words
    assert [c.text for c in claimcheck.extract(
        Document(id="d", text="Des centaines de manifestants et 300 policiers.", language="fr"))] == [
        "Des centaines de manifestants", "300 policiers"]


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("fr", "Selon la police, 12 000 manifestants ont défilé à Lille.", (12000, "person", "took part")),
    ("fr", "Quelque 40 000 foyers sont privés d'électricité.", (40000, "household", "without power")),
    ("de", "Rund 3000 Demonstranten zogen durch die Innenstadt.", (3000, "person", "took part")),
    ("es", "Unos 15.000 manifestantes marcharon por el centro.", (15000, "person", "took part")),
    ("it", "Circa 5.000 persone sono scese in piazza a Torino.", (5000, "person", "took part")),
])
def test_crowds_and_outages_in_other_languages(language: str, text: str,
                                               expected: tuple[float, str, str]) -> None:
    (claim,) = claimcheck.extract(Document(id="d", text=text, language=language))
    assert (claim.value, claim.entity, claim.measure) == expected


def test_a_list_item_with_its_own_unknown_noun_keeps_it() -> None:
    # "rubbish bins" is no entity the lexicon knows, but it is this figure's own noun
    assert _read("Rioters set 500 cars and 900 rubbish bins on fire.")[1][1] is None
    assert _read("Crowds set fire to 500 cars and 900 rubbish bins overnight.")[1] == (
        "900", None, "burned")


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


def test_the_injured_brought_to_medical_facilities_are_hospitalised() -> None:
    text = "Among the injured taken to medical facilities were 12 children and 30 adults."
    claims = claimcheck.extract(Document(id="d", text=text))
    assert [c.measure for c in claims] == ["hospitalised", "hospitalised"]


def test_list_items_take_the_measure_their_head_names() -> None:
    text = ("The government will send a new aid package to the region, including 20 trucks "
            "and 300 tents.\n\nThe package includes:\n\n* 12 boats\n* 40 generators\n")
    claims = claimcheck.extract(Document(id="d", text=text))
    assert [(c.entity, c.measure) for c in claims] == [
        ("vehicle", "pledged"), ("tent", "pledged"), ("boat", "pledged"), ("generator", "pledged")]
    # a list under a heading that names no measure lends none
    text = "Figures by town:\n\n* 12 boats\n* 40 generators\n"
    assert [c.measure for c in claimcheck.extract(Document(id="d", text=text))] == [None, None]


def test_a_calibre_between_a_figure_and_its_noun_is_skipped() -> None:
    text = "The army received half a million of 50 calibre ammunition."
    (claim,) = claimcheck.extract(Document(id="d", text=text))
    assert (claim.value, claim.entity) == (500000, "round")


def test_a_toll_that_hits_a_figure_counts_the_dead() -> None:
    (claim,) = claimcheck.extract(Document(id="d", text="Stadium crush: toll hits 57"))
    assert claim.measure == "killed"


def test_a_figure_that_remains_in_hospital_is_hospitalised() -> None:
    text = "Some 80 people were hurt, and 35 remain in hospital."
    claims = claimcheck.extract(Document(id="d", text=text))
    assert [c.measure for c in claims] == ["injured", "hospitalised"]


def test_a_measure_phrase_of_four_words_is_read() -> None:
    text = "Nine people died and thousands were forced from their homes."
    claims = claimcheck.extract(Document(id="d", text=text))
    assert [c.measure for c in claims] == ["killed", "displaced"]


def test_one_count_of_two_things_is_neither_things_count() -> None:
    text = "The army fired 300 rockets and drones; 120 rockets hit the city."
    claims = claimcheck.extract(Document(id="d", text=text))
    assert [c.entity for c in claims] == ["drone + missile", "missile"]
    # two names of one thing stay that thing
    (claim,) = claimcheck.extract(Document(id="d", text="Some 70 police officers or gendarmes were hurt."))
    assert claim.entity == "police officer"


def test_people_killed_inside_a_building_are_killed_not_present() -> None:
    text = "Gunmen killed 40 people inside the theatre. About 900 people were inside it."
    claims = claimcheck.extract(Document(id="d", text=text))
    assert [c.measure for c in claims] == ["killed", "present"]


@pytest.mark.parametrize(("text", "language", "expected"), [
    # a noun complement is part of the counted noun: a list's verb is read after its last item
    ("Cette nuit, 31 locaux de la police nationale et 12 casernes de gendarmerie ont été "
     "attaqués.", "fr", [("31 locaux de la police nationale", "police station", "damaged"),
                         ("12 casernes de gendarmerie", "barracks", "damaged")]),
    # an event counted with what it befell counts the thing: "attaques de commissariats"
    ("On dénombre 14 attaques de commissariats, 6 de la police municipale.", "fr",
     [("14 attaques de commissariats", "police station", "damaged"),
      ("6 de la police municipale", "police station", "damaged")]),
    # the verb of a relative clause closed before the figure is not the figure's
    ("Près du pont où le camion a été incendié, 250 habitants ont été évacués.", "fr",
     [("250 habitants", "person", "evacuated")]),
    ("En la calle donde el joven fue herido, 300 vecinos firmaron una carta.", "es",
     [("300 vecinos", "person", None)]),
    ("Nel quartiere dove la donna è stata ferita, 80 residenti hanno firmato un appello.", "it",
     [("80 residenti", "person", None)]),
    # English: "attacks on" counts what was attacked; two modifiers share one noun; people
    # attacked are attacked, not damaged like buildings
    ("Rioters made 30 attacks on police stations and attacked 12 police or gendarmerie "
     "buildings and 40 police officers.", "en",
     [("30 attacks on police stations", "police station", "damaged"),
      ("12 police or gendarmerie buildings", "police station", "damaged"),
      ("40 police officers", "police officer", "attacked")]),
    # a part of the injured in hospital is the hospital's count, not a share of the injured
    ("Відомо про 70 постраждалих, з яких понад 30 перебувають у лікарнях.", "uk",
     [("70 постраждалих", "person", "injured"), ("понад 30", "person", "hospitalised")]),
    # a verb acting on the counted noun counts what it did; the same word after it describes
    ("Лікарі госпіталізували 14 постраждалих.", "uk", [("14 постраждалих", "person", "hospitalised")]),
    ("Il bilancio è di 15 feriti ricoverati.", "it", [("15 feriti", "person", "injured")]),
    # "estratte vive": pulled out alive, in every form
    ("Due persone sono state estratte vive.", "it", [("Due persone", "person", "rescued")]),
    # a leading adverbial puts the sentence's people in a state: under the rubble is missing
    ("Bajo los escombros, según los bomberos, podría haber todavía unas 15 personas.", "es",
     [("unas 15 personas", "person", "missing")]),
])
def test_noun_complements_relative_clauses_and_leading_states(
        text: str, language: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert _read(text, language) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a relative clause with a figure and a digit group of its own keeps its verb
    ("In Derby, where 1,200 homes flooded last year, residents of 300 homes were told to leave.",
     [("1,200 homes", "home", "flooded"), ("300 homes", "home", "evacuated")]),
    # a modal "had to be" stands between the noun and its verb
    ("About 80 patients had to be moved to other hospitals.",
     [("About 80 patients", "person", "evacuated")]),
    ("The storm forced some 900 people from their homes.",
     [("some 900 people", "person", "evacuated")]),
    # farm animals are no people
    ("Farmers said 3,000 sheep were lost in the floods.", [("3,000 sheep", "animal", "killed")]),
    # what got through an air defence is neither launched nor shot down
    ("Of the drones, 12 drones and two missiles struck targets in the region.",
     [("12 drones", "drone", "hit target"), ("two missiles", "missile", "hit target")]),
    ("Insurers expect claims of £300 million.", [("£300 million", "insured loss", "insured loss")]),
])
def test_measures_of_relative_clauses_modals_animals_and_hits(
        text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    got = _read(text)
    assert [(t, e) for t, e, _ in got] == [(t, e) for t, e, _ in expected]
    assert [m for _, _, m in got if m is not None] == [m for _, _, m in expected if m is not None]


def test_attack_drones_are_drones_and_a_headlines_cause_is_no_counted_noun() -> None:
    assert _read("Russia sent 250 attack UAVs and 90 strike drones.") == [
        ("250 attack UAVs", "drone", "launched"), ("90 strike drones", "drone", "launched")]
    (toll,) = _read("Quake toll climbs to 40 after overnight aftershock")
    assert toll[0] == "40"


def test_a_contrast_clause_takes_no_verb_from_before_and_of_the_counts_the_noun() -> None:
    assert _read("Air defences downed 300 of the drones, while 40 drones reached their targets.") == [
        ("300 of the drones", "drone", "intercepted"), ("40 drones", "drone", "hit target")]


def test_an_elliptic_contrast_keeps_the_verb_before_it() -> None:
    assert _read("About 9,000 marched in Lyon, but only 4,000 according to police.") == [
        ("About 9,000", "person", "took part"), ("4,000", "person", "took part")]


def test_a_figure_compared_with_after_a_part_is_no_part() -> None:
    # "including 9,000 in Braga, compared with 41,000 a week before": 41,000 is a whole
    text = ("The ministry counted 52,000 marchers across Portugal on Saturday, including "
            "9,000 in Braga, compared with 41,000 on 28 February.")
    doc = claimcheck.Document(id="p", published="2026-03-07T21:00:00+00:00", language="en", text=text)
    last = claimcheck.extract(doc)[-1]
    assert last.text.startswith("41,000")
    assert not (last.measure or "").endswith("(part)")


def test_a_phrase_after_the_figure_names_what_it_counts() -> None:
    # "bringing to N the number of ...": the noun and the verb after the phrase, not the
    # verb of the clause before ("set fire to")
    text = ("Youths set fire to bins, the police said, bringing to 23 the number of "
            "people held since Saturday.")
    doc = Document(id="d", text=text, language="en", published="2026-04-06")
    claims = claimcheck.extract(doc)
    held = next(c for c in claims if c.value == 23)
    assert (held.text, held.entity, held.measure.split(" (")[0]) == ("23", "person", "arrested")
