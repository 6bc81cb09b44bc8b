"""A language's number tables, read once from its data into a frozen record.

Everything a reader in this package asks of a language is a field here, filled from
`lang/<code>/numbers.json` and `lang/<code>/hedges.json` (through `claimcheck.lang`) over
the data every language shares (`lexicon/numbers.json`, `lexicon/hedges.json`). A neutral
language (a code without a package) has its digits, symbols and units, and no words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from claimcheck import lang
from claimcheck.lexicon import load
from claimcheck.numbers.tokens import tokenize

Phrases = dict[tuple[str, ...], Any]


@dataclass(frozen=True)
class NumberTables:
    code: str
    number_re: re.Pattern[str]
    decimal_mark: str
    group_mark: str  # one mark, or several characters any of which groups
    words: frozenset[str]  # words that may form a spelled-out number
    joiners: frozenset[str]  # "and" between number words
    articles: frozenset[str]
    magnitudes: dict[str, float]
    dozen: frozenset[str]
    fractions: dict[str, float]
    negative: frozenset[str]
    ordinals: dict[str, int]
    ordinal_suffixes: frozenset[str]
    vague: dict[tuple[str, ...], float]
    approximate: dict[tuple[str, ...], float]  # "une dizaine", "una ventina": about that many
    # a composer for number words (empty where text2num reads them)
    cardinals: dict[str, int]  # single words 0-99, and hundreds written as one word ("двісті")
    hundred: frozenset[str]
    word_magnitudes: dict[str, float]  # "thousand", "million", "lakh", ...
    cased_magnitudes: dict[str, float]  # "M", "MM": case matters ("m" is a metre)
    money_magnitudes: dict[str, float]  # "K", "B", "T" only after a currency sign ("$2.1T")
    abbreviations: dict[str, frozenset[str]]  # where "bn", "k", "m", "b" read as magnitudes
    dozen_tail: frozenset[str]  # "dozen", "dozens", "dz" after a number
    denominators: dict[str, float]  # "third", "quarter", "half", "fifth", ... (singular)
    denominator_plurals: dict[str, float]  # "thirds", "quarters", "halves", ...
    point: frozenset[str]  # spoken decimal point
    not_a_share: frozenset[str]  # "the first half": a part of a period, not a fraction
    # words around figures
    partitive: frozenset[str]  # "of": "a quarter of the deaths" is a share
    over: frozenset[str]  # "one over three"
    tail_joiners: frozenset[str]  # "5 feet and 2 inches", "3 dollars and 50 cents"
    inch_words: frozenset[str]  # "in" after feet
    age_tail: frozenset[str]  # "85-year-old"
    powers: dict[str, int]  # "squared", "cubed"
    per: frozenset[str]  # "meters per second"
    clock_suffixes: frozenset[str]  # "am", "a.m"
    one: dict[str, frozenset[str]]  # when a spelled "one" is a count (classify.one_is_count)
    # hedges and ranges
    hedges_before: Phrases
    hedges_after: Phrases
    hedge_symbols: frozenset[str]  # symbols that open a hedge ("<", ">=", "~")
    range_open: dict[str, frozenset[str]]  # "between" -> the joins it takes
    range_join: frozenset[str]
    ranges: dict[str, frozenset[str]]  # the joins with a rule (keys of hedges.json)
    change_verbs: frozenset[str]
    bound_joins: frozenset[str]  # "more than 20 and less than 35"
    than: frozenset[str]  # "5000 or less than 6000"
    to_after_change: Phrases  # "до" after "зросла": "to", not the hedge "up to"
    # a lemmatised language: its number words are listed as lemmas ("два" for "двох")
    word_re: re.Pattern[str]  # a word; with the language's apostrophes inside ("п'ятьох")
    lemma: Callable[[str], tuple[str, ...]] | None  # Language.lemmas where it has a lemmatiser
    lemmas: frozenset[str]  # the number words a token's lemma is read as

    def number_word(self, low: str) -> str:
        """The lemma a lemmatised language reads a word as when that lemma is a number word
        ("двох" -> "два", "тисяч" -> "тисяча"); the word itself otherwise."""
        if self.lemma is None or low in self.lemmas:
            return low
        return next((lemma for lemma in self.lemma(low) if lemma in self.lemmas), low)


def split_phrase(phrase: str) -> list[str]:
    return [t.text.lower() for t in tokenize(phrase, _PHRASE_RE, 0)]


def number_re(decimal: str, group: str, indian: bool = False) -> re.Pattern[str]:
    """Digits with a language's marks. Grouping marks count only in full groups of three, so
    "1,5" is never 15; `group` may hold several marks (a space, a no-break space and a
    narrow no-break space: "700 000"), any of which groups; the Indian grouping
    ("12,34,567": lakhs of two digits, then a thousand) is bounded."""
    d = re.escape(decimal)
    g = f"[{re.escape(group)}]" if len(group) > 1 else re.escape(group)  # several marks
    indian_part = rf"\d{{1,2}}(?:{g}\d{{2}}){{1,4}}{g}\d{{3}}(?:{d}\d+)?(?![\d{g}])|"
    return re.compile((indian_part if indian else "")
                      + rf"\d{{1,3}}(?:{g}\d{{3}})+(?:{d}\d+)?(?!\d)|\d+(?:{d}\d+)?")


_PHRASE_RE = number_re(".", ",", indian=True)
_ONE_KEYS = ("one_words_need_noun", "one_stop_next", "one_not_after", "one_of_pronouns",
             "one_of_determiners", "one_modifiers", "one_of_counts", "one_of_people",
             "article_like_one", "article_one_counts_before")
_RANGE_KEYS = ("suspended_joins", "joins_need_opener", "change_joins", "change_openers",
               "either_joins", "descending_openers", "range_articles")


@cache
def tables(code: str) -> NumberTables:
    """The number tables of the language `code` names (`claimcheck.lang.get`), cached."""
    language = lang.get(code)
    num = {**load("numbers")["neutral"], **language.table("numbers")}
    hed = language.table("hedges")
    shared = load("hedges")
    before = _phrases({**shared["symbols_before"], **hed.get("before", {})})
    return NumberTables(
        code=language.code,
        number_re=number_re(num["decimal_mark"], num["group_mark"],
                            bool(num.get("indian_grouping"))),
        decimal_mark=num["decimal_mark"],
        group_mark=num["group_mark"],
        words=_set(num, "words"),
        joiners=_set(num, "joiners"),
        articles=_set(num, "articles"),
        magnitudes=_floats(num, "magnitudes"),
        dozen=_set(num, "dozen"),
        fractions=_floats(num, "fractions"),
        negative=_set(num, "negative"),
        ordinals={k: int(v) for k, v in num.get("ordinals", {}).items()},
        ordinal_suffixes=_set(num, "ordinal_suffixes"),
        vague={k: float(v) for k, v in _phrases(num.get("vague", {})).items()},
        approximate={k: float(v) for k, v in _phrases(num.get("approximate", {})).items()},
        **_composer(num),
        partitive=_set(num, "partitive"),
        over=_set(num, "over"),
        tail_joiners=_set(num, "tail_joiners"),
        inch_words=_set(num, "inch_words"),
        age_tail=_set(num, "age_tail"),
        powers={k: int(v) for k, v in num.get("powers", {}).items()},
        per=_set(num, "per"),
        clock_suffixes=_set(num, "clock_suffixes"),
        one={key: _set(num, key) for key in _ONE_KEYS},
        hedges_before=before,
        hedges_after=_phrases(hed.get("after", {})),
        hedge_symbols=frozenset(p[0] for p in before if not p[0][0].isalnum()),
        range_open={w: frozenset(joins) for w, joins in hed.get("range_open", {}).items()},
        range_join=_set(hed, "range_join") | frozenset(shared["range_join_symbols"]),
        ranges={key: _set(hed, key) for key in _RANGE_KEYS},
        change_verbs=_set(hed, "change_verbs"),
        bound_joins=_set(hed, "bound_joins") | frozenset(shared["bound_joins"]),
        than=_set(hed, "than"),
        to_after_change=_phrases({p: True for p in hed.get("to_after_change", [])}),
        word_re=word_re(num.get("word_apostrophes", "")),
        # a language may keep its lemmatiser off its number words: French "des" is "un" (one)
        lemma=language.lemmas if language.lemmatizer and num.get("number_lemmas", True) else None,
        lemmas=_lemmas(num),
    )


def word_re(apostrophes: str) -> re.Pattern[str]:
    """A word: letters, and letters joined by one of `apostrophes` ("п'ять", "об’єкт")."""
    letters = r"[^\W\d_]+"
    if not apostrophes:
        return re.compile(letters)
    return re.compile(rf"{letters}(?:[{re.escape(apostrophes)}]{letters})*")


def _lemmas(num: dict[str, Any]) -> frozenset[str]:
    """Every single word a lemma may stand for in the number tables."""
    keys = ("cardinals", "hundred", "word_magnitudes", "ordinals", "dozen", "words")
    found = {w for key in keys for w in num.get(key, [])}
    found |= {w for w in num.get("vague", {}) if " " not in w}
    return frozenset(found)


def _composer(num: dict[str, Any]) -> dict[str, Any]:
    """The fields of the number-word composer; empty for a language without "cardinals"."""
    composes = "cardinals" in num
    ordinals = {k: int(v) for k, v in num.get("ordinals", {}).items()}
    singular = {w: float(v) for w, v in ordinals.items() if v >= 3}
    singular.update(_floats(num, "denominators"))
    plural = {w + "s": v for w, v in singular.items() if w not in num.get("denominators", {})}
    plural.update(_floats(num, "denominator_plurals"))
    return {
        "cardinals": {k: int(v) for k, v in num.get("cardinals", {}).items()},
        "hundred": _set(num, "hundred"),
        "word_magnitudes": _floats(num, "word_magnitudes"),
        "cased_magnitudes": _floats(num, "cased_magnitudes"),
        "money_magnitudes": _floats(num, "money_magnitudes"),
        "abbreviations": {k: frozenset(num.get("abbreviations", {}).get(k, []))
                          for k in ("spaced", "alone", "money_only", "decimal_or_money")},
        "dozen_tail": frozenset(num.get("dozen_tail", num.get("dozen", []))),
        # a language read by text2num keeps its fraction words alone ("Hälfte")
        "denominators": singular if composes else _floats(num, "denominators"),
        "denominator_plurals": plural if composes else {},
        "point": _set(num, "point"),
        "not_a_share": _set(num, "not_a_share"),
    }


def _phrases(table: dict[str, Any]) -> Phrases:
    return {tuple(split_phrase(k)): v for k, v in table.items()}


def _set(table: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(table.get(key, []))


def _floats(table: dict[str, Any], key: str) -> dict[str, float]:
    return {k: float(v) for k, v in table.get(key, {}).items()}
