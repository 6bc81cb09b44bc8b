"""Ukrainian and Russian, and the lemma hook every language may name.

The golden tables (`tests/golden/uk.jsonl`, `tests/golden/ru.jsonl`) hold made-up sentences,
one per line: `check` says what is read (`numbers`: every number mention of `scan`;
`extract`: every claim with its entity, measure, place key and speaker; `dates`: every date mention)
and `expected` lists it in order. The properties: a number written with the language's
marks parses back, and a number the language's words spell out (num2words) reads back.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from num2words import num2words

import claimcheck
from claimcheck import dates, lang, numbers, places
from claimcheck.extract.vocabulary import vocabulary
from claimcheck.lang.base import Language
from claimcheck.models import Document
from strategies import mark_cases, marked

GOLDEN = Path(__file__).parent / "golden"
CODES = ("uk", "ru")


def _cases() -> list[Any]:
    params = []
    for code in CODES:
        for line in (GOLDEN / f"{code}.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []
                params.append(pytest.param(case, id=case["id"], marks=marks))
    return params


def _read(case: dict[str, Any]) -> list[dict[str, Any]]:
    text, code = case["text"], case["lang"]
    published = dt.date.fromisoformat(case["published"])
    if case["check"] == "numbers":
        return [{"text": text[m.start : m.end], "value": m.value, "low": m.low, "high": m.high,
                 "qualifier": m.qualifier} for m in numbers.scan(text, code) if m.kind == "number"]
    if case["check"] == "extract":
        doc = Document(id="d", text=text, published=published, language=code)
        return [{"text": c.text, "value": c.value, "qualifier": c.qualifier, "entity": c.entity,
                 "measure": c.measure, "place_key": c.place_key, "speaker": c.speaker}
                for c in claimcheck.extract(doc)]
    return [{"text": text[d.start : d.end], "kind": d.kind,
             "day": d.day.isoformat() if d.day else None}
            for d in dates.find_dates(text, published, code)]


def test_golden_ids_are_unique() -> None:
    ids = [json.loads(line)["id"] for code in CODES
           for line in (GOLDEN / f"{code}.jsonl").read_text("utf-8").splitlines() if line]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("case", _cases())
def test_golden(case: dict[str, Any]) -> None:
    assert _read(case) == case["expected"]


# ---------------------------------------------------------------- properties


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("group", [" ", "\u00a0", "\u202f"])
@given(case=mark_cases)
def test_a_number_written_with_the_marks_parses_back(
    code: str, group: str, case: tuple[int, str, bool]
) -> None:
    whole, decimals, grouping = case
    table = lang.get(code).table("numbers")
    assert group in table["group_mark"]
    text = marked(whole, decimals, (table["decimal_mark"], group), grouping)
    expected = float(f"{whole}.{decimals}") if decimals else whole
    assert numbers.parse_number(text, code) == expected


@pytest.mark.parametrize("code", CODES)
@given(n=st.integers(min_value=2, max_value=999_999))
def test_a_number_in_words_reads_back(code: str, n: int) -> None:
    assert numbers.parse_number(num2words(n, lang=code), code) == n


# ---------------------------------------------------------------- the lemma hook


@pytest.mark.parametrize(
    ("code", "word", "lemma"),
    [("uk", "загиблих", "загиблий"), ("uk", "двох", "два"), ("uk", "п’ятьох", "п'ять"),
     ("ru", "погибших", "погибнуть"), ("ru", "раненых", "раненый"), ("ru", "двадцати", "двадцать")],
)
def test_a_lemmatised_language_gives_the_dictionary_form(code: str, word: str, lemma: str) -> None:
    assert lang.get(code).lemma(word) == lemma


def test_every_lemma_is_offered_likeliest_first() -> None:
    assert "п'ять" in lang.get("uk").lemmas("п'яти")


def test_a_language_without_a_lemmatiser_gives_the_word_lower_cased() -> None:
    assert lang.get("en").lemma("Killed") == "killed"
    assert lang.get("xx").lemma("Wörter") == "wörter"


def test_an_unknown_lemmatiser_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    language = Language("uk", "Ukrainian", package="uk")
    monkeypatch.setattr(Language, "table", lambda self, name: {"lemmatizer": "stanza"})
    with pytest.raises(ValueError, match="pymorphy3, simplemma"):
        language.lemma("слово")


@pytest.mark.parametrize(
    ("code", "surface", "canonical"),
    [("uk", ("загиблих",), "killed"), ("uk", ("загинули",), "killed"),
     ("uk", ("поранені",), "injured"), ("ru", ("погибли",), "killed"),
     ("ru", ("погибших",), "killed"), ("ru", ("раненых",), "injured"),
     ("ru", ("госпитализированы",), "hospitalised")],
)
def test_the_frames_are_found_by_lemma(code: str, surface: tuple[str, ...], canonical: str) -> None:
    assert vocabulary(code).frames.measures.get(surface) == canonical


def test_speech_verbs_are_found_by_lemma() -> None:
    assert "повідомила" in vocabulary("uk").speech.verb_set
    assert "сообщили" in vocabulary("ru").speech.verb_set
    assert "повідомила" not in vocabulary("en").speech.verb_set


# ---------------------------------------------------------------- places across scripts


@pytest.mark.parametrize(
    ("names", "key"),
    [(("Київ", "Киев", "Kyiv", "Kiev", "Kiew"), "UA/Kyiv City/Kyiv"),
     (("Харків", "Харьков", "Kharkiv"), "UA/Kharkiv Oblast/Kharkiv"),
     (("Тернопіль", "Ternopil"), "UA/Ternopil Oblast/Ternopil")],
)
def test_a_place_in_any_script_resolves_to_one_key(names: tuple[str, ...], key: str) -> None:
    found = {getattr(places.resolve(name), "key", None) for name in names}
    assert found == {key}


@pytest.mark.parametrize(
    ("code", "text", "key"),
    [("uk", "Вибухи чули у Києві.", "UA/Kyiv City/Kyiv"),
     ("uk", "Пожежа у Харкові.", "UA/Kharkiv Oblast/Kharkiv"),
     ("ru", "Взрывы слышали в Киеве.", "UA/Kyiv City/Kyiv"),
     ("ru", "Пожар в Харькове.", "UA/Kharkiv Oblast/Kharkiv")],
)
def test_an_inflected_place_is_read_through_its_lemma(code: str, text: str, key: str) -> None:
    found = places.find_places(text, lang.get(code).lemmas)
    assert [p.key for _, _, p in found] == [key]


def test_simplemma_serves_a_language_that_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Language, "table", lambda self, name: {"lemmatizer": "simplemma"})
    assert Language("it", "Italian", package="it").lemma("feriti") == "ferito"
    assert Language("fr", "French", package="fr").lemma("Blessés") == "blessé"
