"""dates.vocabulary: the words of each language's `dates` table, and none for a neutral one.

The golden table is data (`tests/golden/dates.jsonl`): one line per made-up text with the
language it is read in (null: every language with a package, today's default) and every
mention expected, published on Wednesday 30 October 2024.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck import lang, lexicon
from claimcheck.dates import find_dates
from claimcheck.dates.vocabulary import alt, phrase

GOLDEN = Path(__file__).parent / "golden" / "dates.jsonl"
CASES = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines() if line]
PUB = dt.date(2024, 10, 30)
NEUTRAL = ["nl", "xx"]
_PIECES = ["August", "21", "agosto", "de", "2024", "12:30", "am", "GMT", "el", "martes",
           "Monday", "yesterday", "ayer", "hace", "dos", "días", "two", "days", "ago", "'90s"]


def _read(text: str, code: str | None) -> list[dict[str, Any]]:
    return [
        {
            "text": text[m.start : m.end],
            "kind": m.kind,
            "day": m.day.isoformat() if m.day else None,
            "granularity": m.granularity,
        }
        for m in find_dates(text, PUB, lang=code)
    ]


def test_golden_ids_are_unique() -> None:
    ids = [case["id"] for case in CASES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_golden(case: dict[str, Any]) -> None:
    assert _read(case["text"], case["lang"]) == case["expected"]


def _months() -> list[Any]:
    return [
        pytest.param(code, name, number, id=f"{code}-{name}")
        for code in lang.supported_languages()
        for key in ("months", "month_abbreviations")
        for name, number in lang.get(code).table("dates").get(key, {}).items()
    ]


@pytest.mark.parametrize(("code", "name", "number"), _months())
def test_each_language_reads_its_own_month_names(code: str, name: str, number: int) -> None:
    text = f"{name} 2022"
    assert _read(text, code) == [
        {"text": text, "kind": "period", "day": f"2022-{number:02d}-01", "granularity": "month"}
    ]


@pytest.mark.parametrize("code", NEUTRAL)
@pytest.mark.parametrize(("name", "number"), [m.values[1:] for m in _months()])
def test_a_neutral_language_reads_no_month_name(code: str, name: str, number: int) -> None:
    assert _read(f"{name} 2022", code) == [
        {"text": "2022", "kind": "year", "day": "2022-01-01", "granularity": "year"}
    ]


@pytest.mark.parametrize(("code", "same_as"), [("EN-gb", "en"), ("es_MX", "es"), ("deu", "de")])
def test_a_language_code_is_normalised(code: str, same_as: str) -> None:
    text = "On August 21, ayer, el 5 de mayo de 2023."
    assert _read(text, code) == _read(text, same_as)


def test_every_language_table_has_the_same_kinds_of_entries() -> None:
    shared = lexicon.load("dates")
    for code in lang.supported_languages():
        table = lang.get(code).table("dates")
        assert table, f"lang/{code}/dates.json is missing"
        for key, value in table.items():
            assert key.startswith("_") or isinstance(value, (list, dict, bool)), (code, key)
            assert key not in shared or isinstance(shared[key], type(value)), (code, key)


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(max_size=120) | st.lists(st.sampled_from(_PIECES), max_size=30).map(" ".join),
    code=st.sampled_from([None, "en", "es", "de", "xx", ""]),
)
def test_any_language_never_raises_and_spans_are_sound(text: str, code: str | None) -> None:
    previous_end = 0
    for mention in find_dates(text, PUB, lang=code):
        assert previous_end <= mention.start < mention.end <= len(text)
        previous_end = mention.end


def _flat(phrases: list[str]) -> str:
    """The alternation `alt` replaced: every phrase, longest first."""
    unique = sorted({p.lower() for p in phrases}, key=lambda p: (-len(p), p))
    return "|".join(phrase(p) for p in unique)


_WORDS = st.lists(st.text(alphabet="abné", min_size=1, max_size=4), min_size=1, max_size=3)
_PHRASES = _WORDS.map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PHRASES, min_size=1, max_size=8),
       st.text(alphabet="abné .\n", max_size=30))
def test_alt_trie_matches_what_the_flat_alternation_matches(phrases: list[str], text: str) -> None:
    tail = r"(?!\w)"  # a context after the phrase makes the engine backtrack into it
    trie, flat = re.compile(f"(?:{alt(phrases)}){tail}"), re.compile(f"(?:{_flat(phrases)}){tail}")
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*_PIECES, "Tuesday", "weeks", "later", "March", "o'clock"]),
                max_size=12).map(" ".join))
def test_a_rule_matches_only_where_the_text_holds_what_it_needs(text: str) -> None:
    from claimcheck.dates import _reader
    from claimcheck.dates.vocabulary import languages

    _, found_by = _reader(languages(None))
    low = text.lower()
    for pattern, on_text, _, needs in found_by:
        if needs is not None and pattern.search(text if on_text else low):
            assert needs.search(low)  # find_dates skips a rule when its needs are absent
