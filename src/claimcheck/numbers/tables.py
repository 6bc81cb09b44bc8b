"""A language's number tables, read once from its data into a frozen record."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from claimcheck.lexicon import load
from claimcheck.numbers.tokens import tokenize


@dataclass(frozen=True)
class NumberTables:
    number_re: re.Pattern[str]
    words: frozenset[str]
    joiners: frozenset[str]
    articles: frozenset[str]
    magnitudes: dict[str, float]
    dozen: frozenset[str]
    fractions: dict[str, float]
    negative: frozenset[str]
    ordinals: dict[str, int]
    ordinal_suffixes: frozenset[str]
    decimal_mark: str
    group_mark: str
    hedges_before: dict[tuple[str, ...], str]
    hedges_after: dict[tuple[str, ...], str]
    vague: dict[tuple[str, ...], float]
    range_open: dict[str, frozenset[str]]
    range_join: frozenset[str]
    change_verbs: frozenset[str]
    code: str
    # English composes its number words itself (empty elsewhere: text2num reads them)
    cardinals: dict[str, int]  # single words 0-99
    word_magnitudes: dict[str, float]  # "thousand", "million", "lakh", ...
    cased_magnitudes: dict[str, float]  # "M", "MM": case matters ("m" is a metre)
    money_magnitudes: dict[str, float]  # "K", "B", "T" only after a currency sign ("$2.1T")
    dozen_tail: frozenset[str]  # "dozen", "dozens", "dz" after a number
    denominators: dict[str, float]  # "third", "quarter", "half", "fifth", ... (singular)
    denominator_plurals: dict[str, float]  # "thirds", "quarters", "halves", ...
    point: frozenset[str]  # spoken decimal point
    hedge_symbols: frozenset[str]  # symbols that open a hedge ("<", ">=", "~")


def _phrases(table: dict[str, Any]) -> dict[tuple[str, ...], Any]:
    return {tuple(split_phrase(k)): v for k, v in table.items()}


def split_phrase(phrase: str) -> list[str]:
    return [t.text.lower() for t in tokenize(phrase, _NUMBER_RES["en"], 0)]


_NUMBER_RES = {
    # grouping marks are accepted only in full groups of three, so "1,5" is never 15; the
    # Indian grouping ("12,34,567": lakhs of two digits, then a thousand) is bounded
    "en": re.compile(
        r"\d{1,2}(?:,\d{2}){1,4},\d{3}(?:\.\d+)?(?![\d,])"
        r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?"
    ),
    "es": re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?(?!\d)|\d+(?:,\d+)?"),
}


@cache
def tables(code: str) -> NumberTables:
    numbers = load("numbers")
    hedges = load("hedges")
    key = code if code in numbers and code in _NUMBER_RES else "en"
    num = numbers[key]
    open_words = hedges["range_open"].get(key, [])
    ordinals = {k: int(v) for k, v in num["ordinals"].items()}
    singular = {w: float(v) for w, v in ordinals.items() if v >= 3}
    singular.update({k: float(v) for k, v in num.get("denominators", {}).items()})
    plural = {w + "s": v for w, v in singular.items() if w not in num.get("denominators", {})}
    plural.update({k: float(v) for k, v in num.get("denominator_plurals", {}).items()})
    before = _phrases(hedges["before"].get(key, {}))
    return NumberTables(
        number_re=_NUMBER_RES[key],
        words=frozenset(num["words"]),
        joiners=frozenset(num["joiners"]),
        articles=frozenset(num["articles"]),
        magnitudes={k: float(v) for k, v in num["magnitudes"].items()},
        dozen=frozenset(num["dozen"]),
        fractions={k: float(v) for k, v in num["fractions"].items()},
        negative=frozenset(num["negative"]),
        ordinals=ordinals,
        ordinal_suffixes=frozenset(num["ordinal_suffixes"]),
        decimal_mark=num["decimal_mark"],
        group_mark=num["group_mark"],
        hedges_before=before,
        hedges_after=_phrases(hedges["after"].get(key, {})),
        vague={k: float(v) for k, v in _phrases(numbers["vague"].get(key, {})).items()},
        range_open={w: frozenset(hedges["range_open_join"].get(w, [])) for w in open_words},
        range_join=frozenset(hedges["range_join"].get(key, [])),
        change_verbs=frozenset(hedges["change_verbs"].get(key, [])),
        code=key,
        cardinals={k: int(v) for k, v in num.get("cardinals", {}).items()},
        word_magnitudes={k: float(v) for k, v in num.get("word_magnitudes", {}).items()},
        cased_magnitudes={k: float(v) for k, v in num.get("cased_magnitudes", {}).items()},
        money_magnitudes={k: float(v) for k, v in num.get("money_magnitudes", {}).items()},
        dozen_tail=frozenset(num.get("dozen_tail", num["dozen"])),
        denominators=singular if "cardinals" in num else {},
        denominator_plurals=plural if "cardinals" in num else {},
        point=frozenset(num.get("point", [])),
        hedge_symbols=frozenset(p[0] for p in before if not p[0][0].isalnum()),
    )
