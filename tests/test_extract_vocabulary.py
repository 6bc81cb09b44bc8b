"""extract.vocabulary: a document is read with the words of its own language, and no other.

A language without a package (nl, pl, xx) is neutral: figures come from digits, and no word
is taken for a measure, an entity, a speaker or a cue ("Die 14 Verletzten" is no English "die").
"""

from __future__ import annotations

import re

import pytest

import claimcheck
from claimcheck import Document
from claimcheck.extract.vocabulary import LemmaSet, LemmaTable, Vocabulary, vocabulary


def test_vocabularies_are_compiled_once_per_language() -> None:
    assert vocabulary("en") is vocabulary("en")
    assert vocabulary("en") is not vocabulary("es")


def test_each_language_has_only_its_own_words() -> None:
    en, es = vocabulary("en"), vocabulary("es")
    assert en.frames.measures[("killed",)] == es.frames.measures[("fallecidos",)] == "killed"
    assert ("fallecidos",) not in en.frames.measures
    assert ("killed",) not in es.frames.measures
    assert "said" in en.speech.verb_set and "said" not in es.speech.verb_set
    assert "dijo" in es.speech.verb_set and "dijo" not in en.speech.verb_set


@pytest.mark.parametrize("code", ["nl", "pl", "xx"])
def test_a_neutral_language_has_no_words(code: str) -> None:
    words = vocabulary(code)
    assert words.frames.entities == {} and words.frames.measures == {}
    assert not words.speech.verb_set and not words.stop_words and not words.abbreviations
    # every cue is a word of a language; the phrase after a cue is punctuation alone
    fields = {**vars(words), **vars(words.speech)}
    patterns = [v for k, v in fields.items() if isinstance(v, re.Pattern) and k != "phrase_after"]
    for text in ("the total rose to 5 in Lviv", "según el gobierno", "as of Monday", ""):
        found = [p.pattern for p in patterns if (m := p.search(text)) and m.group().strip()]
        assert found == [], text


def test_a_german_document_takes_no_english_word_for_a_measure() -> None:
    text = "Die 14 Verletzten wurden ins Krankenhaus gebracht."
    (english,) = claimcheck.extract(Document(id="d", text=text, language="en"))
    assert english.measure == "killed"  # "die", read as English
    (neutral,) = claimcheck.extract(Document(id="d", text=text, language="nl"))
    assert (neutral.text, neutral.value, neutral.measure, neutral.entity) == ("14", 14, None, None)
    (german,) = claimcheck.extract(Document(id="d", text=text, language="de"))
    assert (german.value, german.measure, german.entity) == (14, "injured", "person")


def test_a_document_in_no_language_is_read_for_its_digits() -> None:
    text = "Overnight, 597 drones were launched at Ukraine, officials said."
    (claim,) = claimcheck.extract(Document(id="d", text=text, language="xx"))
    assert (claim.text, claim.value, claim.measure, claim.entity, claim.speaker) == \
        ("597", 597, None, None, None)
    (english,) = claimcheck.extract(Document(id="d", text=text, language="en"))
    assert (english.text, english.measure, english.speaker) == ("597 drones", "launched", "officials")


def test_the_vocabulary_type_is_frozen() -> None:
    with pytest.raises(AttributeError):
        vocabulary("en").code = "fr"  # type: ignore[misc]
    assert isinstance(vocabulary("es"), Vocabulary)


def test_a_table_says_which_words_may_open_one_of_its_phrases() -> None:
    plain = LemmaTable({("storm", "surge"): "surge", ("rain",): "rain"})
    assert plain.may_open("storm") and plain.may_open("rain")
    assert not plain.may_open("surge") and not plain.may_open("the")
    lemmatised = LemmaTable({("rain",): "rain"}, lambda w: (w.rstrip("s"),))
    assert lemmatised.may_open("rains")  # a word may open a phrase through its lemma
    measures = vocabulary("en").frames.measures
    assert all(measures.may_open(phrase[0]) for phrase in measures)


def test_the_last_phrase_of_a_text_wins_and_the_longer_of_two_ending_together() -> None:
    table = LemmaTable({("storm", "surge"): "surge", ("surge",): "wave", ("rain",): "rain",
                        ("killed",): "killed"}, lambda w: (w.rstrip("s"),))
    assert table.last_in("rain fell and the storm surge rose".split()) == "surge"
    assert table.last_in("the surge then rains".split()) == "rain"  # through its lemma
    assert table.last_in("no such words".split()) is None and table.last_in([]) is None


def test_a_table_without_lemmas_answers_as_one_with_them() -> None:
    # a language with no lemmatiser gets look-ups that are the dict's and the set's own
    items = {("storm", "surge"): "surge", ("rain",): "rain"}
    plain, lemmatised = LemmaTable(items), LemmaTable(items, lambda w: (w.rstrip("s"),))
    for phrase in [("rain",), ("storm", "surge"), ("snow",), ()]:
        assert (phrase in plain) == (phrase in lemmatised) == (phrase in items)
        assert plain.get(phrase) == items.get(phrase)
    assert ("rains",) in lemmatised and ("rains",) not in plain  # as written only
    assert plain[("storm", "surge")] == "surge" and lemmatised[("rains",)] == "rain"
    with pytest.raises(KeyError):
        plain[("rains",)]
    words = LemmaSet(["killed", "injured"])
    assert "killed" in words and "kill" not in words and words.lookup()("injured")
    assert "kills" in LemmaSet(["kill"], lambda w: (w.rstrip("s"),))
    assert isinstance(plain, LemmaTable) and isinstance(words, LemmaSet)
