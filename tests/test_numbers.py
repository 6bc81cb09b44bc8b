"""numbers: the scanner's reading of numbers in text, as a golden table and as properties.

The golden table is data (`tests/golden/numbers.jsonl`): one line per case with the input
text, its language and every number mention `scan` should find (text, value, low, high,
qualifier, unit). Mentions of other kinds (designations such as "Kh-101", ordinals, clock
times) are not numbers and must not appear among them.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck import lang, numbers
from claimcheck.numbers.tokens import _LEADING_DECIMAL_RE, _URL_RE, tokenize
from strategies import (
    SENSIBLE,
    grouped,
    grouped_es,
    languages,
    mark_cases,
    marked,
    number_text,
    rendered_ints,
    spelled,
    unicode_text,
)

GOLDEN = Path(__file__).parent / "golden" / "numbers.jsonl"


def _cases() -> list[Any]:
    params = []
    for line in GOLDEN.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []
        params.append(pytest.param(case, id=case["id"], marks=marks))
    return params


def _numbers(text: str, lang: str = "en") -> list[dict[str, Any]]:
    return [
        {
            "text": text[m.start : m.end],
            "value": m.value,
            "low": m.low,
            "high": m.high,
            "qualifier": m.qualifier,
            "unit": m.unit,
        }
        for m in numbers.scan(text, lang)
        if m.kind == "number"
    ]


# ---------------------------------------------------------------- golden table


def test_golden_ids_are_unique() -> None:
    ids = [json.loads(line)["id"] for line in GOLDEN.read_text("utf-8").splitlines() if line]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("case", _cases())
def test_golden(case: dict[str, Any]) -> None:
    assert _numbers(case["text"], case["lang"]) == case["expected"]


# ---------------------------------------------------------------- parse_number


@pytest.mark.parametrize(
    ("expression", "lang", "value"),
    [
        ("forty-two", "en", 42),
        ("1,600", "en", 1600),
        ("7.6", "en", 7.6),
        ("£7.6bn", "en", 7.6e9),
        ("a quarter of a million", "en", 250_000),
        ("3.400", "es", 3400),
        ("zero", "en", 0),
    ],
)
def test_parse_number(expression: str, lang: str, value: float) -> None:
    assert numbers.parse_number(expression, lang) == value


@pytest.mark.parametrize("expression", ["", "drones", "Kh-101", "10 and 20 and 30", "12:30"])
def test_parse_number_is_none_unless_one_number(expression: str) -> None:
    assert numbers.parse_number(expression) is None


def test_parse_number_one() -> None:
    assert numbers.parse_number("one") == 1


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("two thirds", 2 / 3),
        ("half", 0.5),
        ("three and a quarter", 3.25),
        ("1.3e6", 1_300_000),
        ("6.23x10^-4", 6.23e-4),
        ("three lakh crore", 3e12),
        ("nought point nought three", 0.03),
        ("12,34,567", 1_234_567),
        ("$2.1T", 2.1e12),
        ("10^²", 100),
        ("3x10³", 3000),
        ("2.5×10⁻³", 0.0025),
        ("٣٤", 34),
        ("１２", 12),
    ],
)
def test_parse_number_reads_fractions_powers_and_magnitudes(expression: str, value: float) -> None:
    assert numbers.parse_number(expression) == pytest.approx(value)


# ---------------------------------------------------------------- ordinals


@pytest.mark.parametrize(
    ("text", "span", "rank"),
    [
        ("her 2nd term", "2nd", 2),
        ("the thirtieth anniversary", "thirtieth", 30),
        ("on the twenty-first floor", "twenty-first", 21),
        ("the one hundred twenty fifth edition", "one hundred twenty fifth", 125),
        ("the two hundredth day", "two hundredth", 200),
        ("a three trillionth share", "three trillionth", 3e12),
        ("the Nineth meeting", "Nineth", 9),
        ("for a third term", "third", 3),
    ],
)
def test_ordinals_are_ranks_not_numbers(text: str, span: str, rank: float) -> None:
    mentions = numbers.scan(text)
    (ordinal,) = [m for m in mentions if m.kind == "ordinal"]
    assert text[ordinal.start : ordinal.end] == span
    assert ordinal.value == rank
    assert not [m for m in mentions if m.kind == "number"]


# ---------------------------------------------------------------- interval semantics


@pytest.mark.parametrize(
    ("qualifier", "expected"),
    [
        ("exact", (20, 20)),
        ("approximate", (20, 20)),
        ("at_least", (20, None)),
        ("more_than", (20, None)),
        ("vague", (20, None)),
        ("at_most", (0, 20)),
        ("less_than", (0, 20)),
    ],
)
def test_interval(qualifier: str, expected: tuple[float | None, float | None]) -> None:
    assert numbers.interval(20, qualifier) == expected


def test_interval_of_a_cap_on_a_temperature_has_no_floor() -> None:
    assert numbers.interval(5, "at_most", "degree_Celsius") == (None, 5)


# ---------------------------------------------------------------- properties


@given(rendered_ints)
def test_rendered_integers_parse_back(case: tuple[int, str]) -> None:
    n, text = case
    assert numbers.parse_number(text) == n


@given(SENSIBLE)
def test_spanish_grouped_digits_parse_back(n: int) -> None:
    assert numbers.parse_number(grouped_es(n), "es") == n


@pytest.mark.parametrize("code", ["en", "es"])
@given(case=mark_cases)
def test_a_number_written_with_a_languages_marks_parses_back(
    code: str, case: tuple[int, str, bool]
) -> None:
    whole, decimals, grouping = case
    table = lang.get(code).table("numbers")
    text = marked(whole, decimals, (table["decimal_mark"], table["group_mark"]), grouping)
    expected = float(f"{whole}.{decimals}") if decimals else whole
    assert numbers.parse_number(text, code) == expected


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=99))
def test_decimals_parse_back(whole: int, cents: int) -> None:
    value = float(f"{whole}.{cents:02d}")
    assert numbers.parse_number(grouped(value)) == value
    assert numbers.parse_number(str(value)) == value


@given(SENSIBLE.filter(lambda n: n > 1))
def test_a_number_in_a_sentence_is_found_with_its_span(n: int) -> None:
    for written in (grouped(n), spelled(n)):
        text = f"Officials said {written} people were evacuated."
        (mention,) = [m for m in numbers.scan(text) if m.kind == "number"]
        assert text[mention.start : mention.end] == written
        assert mention.value == n


def _check_mentions(text: str, lang: str) -> None:
    mentions = numbers.scan(text, lang)
    previous_end = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert m.start <= m.number_start < m.number_end <= m.end
        assert m.start >= previous_end, "mentions overlap or are out of order"
        previous_end = m.end
        assert not math.isnan(m.value)
        if m.low is not None:
            assert m.low <= m.value
        if m.high is not None:
            assert m.value <= m.high


@given(unicode_text, languages)
def test_arbitrary_text_never_raises_and_mentions_are_sound(text: str, lang: str) -> None:
    _check_mentions(text, lang)


@given(number_text, languages)
def test_number_fragments_never_raise_and_mentions_are_sound(text: str, lang: str) -> None:
    _check_mentions(text, lang)


_PLURAL_DENOMINATORS = ["thirds", "fourths", "fifths", "sixths", "sevenths", "eighths", "ninths",
                        "tenths"]


@given(st.integers(min_value=2, max_value=9), st.integers(min_value=3, max_value=10))
def test_spelled_fractions_parse_back(numerator: int, denominator: int) -> None:
    text = f"{spelled(numerator)} {_PLURAL_DENOMINATORS[denominator - 3]}"
    assert numbers.parse_number(text) == pytest.approx(numerator / denominator)


@given(st.integers(min_value=1, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_a_lower_and_an_upper_bound_join_into_one_range(low: int, width: int) -> None:
    high = low + width
    text = f"more than {grouped(low)} and fewer than {grouped(high)} people"
    (m,) = numbers.scan(text)
    assert (m.low, m.high, m.qualifier) == (low, high, "range")
    assert text[m.start : m.end] == f"more than {grouped(low)} and fewer than {grouped(high)}"


def test_spanish_decimal_after_a_space_group_does_not_raise() -> None:
    # regression: space-grouped thousands once called float() on a Spanish decimal ('1,5')
    numbers.scan("100 1,5", "es")


@pytest.mark.parametrize("text", ["10^²", "2/³", "²³ people", "x²", "1,²00 people", "5 ₂ km",
                                  "3/₄ mile", "10^⁻", "10^²³⁴⁵⁶ people", "٣/٤ of them"])
def test_superscript_and_subscript_digits_do_not_raise(text: str) -> None:
    # str.isdigit() holds for "²" but int("²") fails: the scanner asks isdecimal() instead
    _check_mentions(text, "en")


def test_a_superscript_after_a_fraction_bar_is_no_denominator() -> None:
    text = "2/³ of them"
    assert [(text[m.start : m.end], m.value) for m in numbers.scan(text)] == [("2", 2.0)]


@pytest.mark.parametrize("figure", ["1.7e308", "1.8e308", "9" * 400, "1e400", "10^309"])
def test_a_figure_beyond_the_largest_is_no_mention(figure: str) -> None:
    assert [m for m in numbers.scan(f"{figure} people") if m.value > 1e300] == []


@pytest.mark.parametrize("figure", ["1e-320", "5e-324", "4.9e-324"])
def test_a_denormal_figure_is_read(figure: str) -> None:
    (m,) = numbers.scan(f"{figure} m")
    assert 0 <= m.value < 1e-300


# ---------------------------------------------------------------- a neutral language


NEUTRAL_TEXT = ("Die 14 Verletzten: more than twenty, nearly 300 people, dozens of them, "
                "5,000 € and ~2 km; one of them, zwei Tote.")


@pytest.mark.parametrize("code", ["nl", "pl", "xx"])
def test_a_neutral_language_reads_digits_symbols_and_units_and_no_words(code: str) -> None:
    assert _numbers(NEUTRAL_TEXT, code) == [
        {"text": "14", "value": 14, "low": 14, "high": 14, "qualifier": "exact", "unit": None},
        {"text": "300", "value": 300, "low": 300, "high": 300, "qualifier": "exact",
         "unit": None},
        {"text": "5,000 €", "value": 5000, "low": 5000, "high": 5000, "qualifier": "exact",
         "unit": "EUR"},
        {"text": "~2 km", "value": 2, "low": 2, "high": 2, "qualifier": "approximate",
         "unit": "kilometer"},
    ]
    assert numbers.parse_number("zwei", code) is None
    assert numbers.parse_number("two", code) is None


def test_the_same_text_in_english_reads_its_words() -> None:
    read = [m["text"] for m in _numbers(NEUTRAL_TEXT, "en")]
    assert {"more than twenty", "nearly 300", "dozens", "one"} <= set(read)


def test_a_run_of_spelled_words_longer_than_any_figure_is_cut() -> None:
    # the run is cut at 32 words, so shortening it from its end stays linear in the text
    found = numbers.scan("dos mil " + "uno " * 2000 + "personas", "es")
    assert found[0].value == 2001
    assert found[0].end - found[0].start == len("dos mil uno")


def test_spoken_decimals_longer_than_a_float_are_cut() -> None:
    found = numbers.scan("two point " + "one " * 100 + "people", "en")
    assert found[0].value == pytest.approx(2.111111111111111)
    assert found[0].end <= len("two point " + "one " * 20)


def test_scan_cut_tells_each_overlong_phrase_once() -> None:
    text = "tres " * 70 + "casas; luego cinco mil " + "dos " * 40 + "árboles y siete perros"
    found, cut = numbers.scan_cut(text, "es")
    assert found == numbers.scan(text, "es")
    second = text.index("cinco")
    assert [start for start, _ in cut] == [0, second]
    assert cut[0][1] == len("tres " * 32)  # the first piece is 32 words long
    assert all(start < end for start, end in cut)


def test_scan_cut_tells_spoken_decimals_cut_and_nothing_in_plain_text() -> None:
    text = "It grew to four point " + "two " * 25 + "metres."
    _, cut = numbers.scan_cut(text, "en")
    first = text.index("two")
    assert cut == [(first, first + len("two " * 20))]
    assert numbers.scan_cut("About 40 homes and twenty-one cars were hit.", "en")[1] == []


def test_a_hedged_view_is_what_replace_gives_sharing_the_lower_case() -> None:
    from dataclasses import replace

    from claimcheck.numbers.tables import tables
    from claimcheck.numbers.tokens import tokenize
    from claimcheck.numbers.view import View

    spec = tables("en")
    text = "Nearly Forty homes, about 12 Cars"
    view = View(tokenize(text, spec.number_re, 0, True, spec.word_re), text, spec)
    hedged = view.as_hedged()
    assert hedged == replace(view, hedged=True) and hedged.lows == replace(view, hedged=True).lows
    assert hedged.lows is view.lows and hedged.as_hedged() is hedged and not view.hedged


def _tokens_one_match_each(text: str, number_re: Any, word_re: Any,
                           leading_decimal: bool) -> list[tuple[str, str, int, int, str]]:
    """The reading `tokenize` speeds up: the token's own pattern, then the spaces after it."""
    def spaces(at: int) -> int:
        return re.compile(r"\s*").match(text, at).end()  # type: ignore[union-attr]

    out, n = [], len(text)
    i = spaces(0)
    while i < n:
        ch = text[i]
        if ch in "hHwW":
            url = _URL_RE.match(text, i)
            if url and (i == 0 or not text[i - 1].isalnum()):
                i = spaces(url.end())
                continue
        kind, m = "sym", None
        if ch.isdecimal():
            m, kind = number_re.match(text, i), "num"
        elif ch.isalpha():
            m, kind = word_re.match(text, i), "word"
        elif ch == "." and leading_decimal and (i == 0 or not (text[i - 1].isalnum()
                                                               or text[i - 1] in ".,")):
            m, kind = _LEADING_DECIMAL_RE.match(text, i), "num"
        word, end = (m.group(), m.end()) if m is not None else (ch, i + 1)
        out.append((kind if m is not None else "sym", word, i, end, word.lower()))
        i = spaces(end)
    return out


@given(st.text(alphabet=st.sampled_from(list("12 3,.\u00a0aZé’'-½²İ٣\nhttp://w.x/9 ")), max_size=60))
def test_tokenize_reads_as_one_pattern_per_token(text: str) -> None:
    for code in ("en", "fr", "uk"):
        spec = numbers.tables(code)
        got = [tuple(t) for t in tokenize(text, spec.number_re, 0, spec.decimal_mark == ".",
                                          spec.word_re)]
        assert got == _tokens_one_match_each(text, spec.number_re, spec.word_re,
                                             spec.decimal_mark == ".")


@pytest.mark.parametrize(("text", "expected"), [
    ("More rescuers came on Monday.", []),  # "more" opens no hedge here: no mention
    ("More than 40 rescuers came.", [("More than 40", "more_than")]),
    ("Some of the 12 wards were shut.", [("12", "exact")]),
    ("Some 12 wards were shut.", [("Some 12", "approximate")]),
    ("It was not over 3 metres.", [("over 3 metres", "more_than")]),
    ("Losses ran in the thousands.", [("in the thousands", "vague")]),
    ("In Kyiv 5 died.", [("5", "exact")]),
])
def test_a_phrase_word_opens_a_mention_only_with_its_phrase(
        text: str, expected: list[tuple[str, str]]) -> None:
    # the scanner skips a word that only opens a hedge or a vague quantity when neither is there
    found = [(text[m.start:m.end], m.qualifier) for m in numbers.scan(text, "en")]
    assert found == expected


@pytest.mark.parametrize(("text", "code", "low", "high"), [
    ("Ci sono tra le 12 e le 14 barche nel porto.", "it", 12.0, 14.0),
    ("Aspettano fra i 100 e i 150 ospiti.", "it", 100.0, 150.0),
    ("Llegaron entre los 60 y los 70 voluntarios.", "es", 60.0, 70.0),
    ("On compte entre les 8 et les 9 navires.", "fr", 8.0, 9.0),
])
def test_a_range_opener_may_put_an_article_before_each_figure(
        text: str, code: str, low: float, high: float) -> None:
    found = numbers.scan(text, code)
    assert [(m.low, m.high, m.qualifier) for m in found] == [(low, high, "range")]


def test_an_article_after_a_join_without_an_opener_makes_no_range() -> None:
    found = numbers.scan("Arrivano 12 e le 14 barche.", "it")
    assert [m.qualifier for m in found] == ["exact", "exact"]
