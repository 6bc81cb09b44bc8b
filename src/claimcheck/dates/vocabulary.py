"""The words dates are read with: a language's `dates` table merged with the shared data.

`vocabulary(codes)` merges `lexicon/dates.json` (digits, symbols, time-zone codes) with the
`dates` table of each language in `codes` (`lang/<code>/dates.json`) and normalises the
result for lookup; it is built once per set of languages. A neutral language brings no table,
so its vocabulary holds only the shared data: no month, weekday or relative word is read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

from claimcheck import lang, lexicon

BACK_WINDOW = 48
WS = r"\s{1,3}"
NEVER = "(?!)"  # the alternation of no phrase at all: it matches nothing


def norm(text: str) -> str:
    return " ".join(text.split())


def phrase(text: str) -> str:
    return WS.join(re.escape(part) for part in text.split())


def alt(phrases: Iterable[str]) -> str:
    """A regex alternation of `phrases`, lower-cased, longest first; of none, `NEVER`.

    Written as a trie ("sept(?:ember|iembre)"), which matches exactly what the flat
    alternation of the phrases sorted longest first matches, trying the longer phrase first
    as it does: of the phrases that fit at one position, each is a prefix of the next longer.
    The flat form made the regex engine try every phrase at every position."""
    unique = {norm(p.lower()) for p in phrases}
    if not unique:
        return NEVER
    root: dict[str, Any] = {}
    for p in unique:
        node = root
        for ch in p:
            node = node.setdefault(ch, {})
        node[""] = {}  # a phrase ends here
    return _trie(root, top=True)


def _trie(node: dict[str, Any], top: bool = False) -> str:
    """The regex of a trie node: its branches, each with what follows; optional (tried
    first, so longer wins) where a phrase also ends here."""
    branches = [(WS if ch == " " else re.escape(ch)) + _trie(child)
                for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    if "" in node:
        return f"(?:{'|'.join(branches)})?"
    if len(branches) == 1 or top:
        return "|".join(branches)
    return f"(?:{'|'.join(branches)})"


class Back:
    """Phrases that may stand just before a match, found by matching backwards from it."""

    def __init__(self, phrases: Iterable[str], sep: str = WS, extra: str = "") -> None:
        body = alt(p[::-1] for p in phrases)
        if extra:
            body = f"{extra}|{body}"
        self._re = re.compile(rf"{sep}(?P<p>{body})(?!\w)")

    def find(self, low: str, pos: int) -> tuple[int, str] | None:
        """(start, normalised phrase) of the phrase ending just before `pos`, or None."""
        window = low[max(0, pos - BACK_WINDOW) : pos][::-1]
        found = self._re.match(window)
        if found is None:
            return None
        return pos - found.end(), norm(found["p"][::-1])


def merge(tables: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """One table of several: lists joined (first occurrence kept), objects updated."""
    out: dict[str, Any] = {}
    for table in tables:
        for key, value in table.items():
            if key.startswith("_"):
                continue
            if isinstance(value, list):
                known = out.setdefault(key, [])
                known.extend(v for v in value if v not in known)
            elif isinstance(value, dict):
                out.setdefault(key, {}).update(value)
    return out


def _lower_map(raw: Mapping[str, Any]) -> dict[str, Any]:
    return {norm(k.lower()): v for k, v in raw.items()}


def _names_where(tables: Sequence[Mapping[str, Any]], flag: str, *keys: str) -> frozenset[str]:
    """The lower-cased names under `keys` of the tables where `flag` is set."""
    return frozenset(
        name for t in tables if t.get(flag) for key in keys for name in _lower_map(t.get(key, {}))
    )


class Vocabulary:
    """The merged dates tables, normalised for lookup, with the backward finders built on them."""

    def __init__(self, tables: Sequence[Mapping[str, Any]]) -> None:
        self.raw = merge(tables)
        words = self.words
        self.month_abbrs = frozenset(_lower_map(self.table("month_abbreviations")))
        self.months: dict[str, int] = _lower_map(self.table("months")) | _lower_map(
            self.table("month_abbreviations")
        )
        self.capitalised_months = _names_where(
            tables, "months_capitalised", "months", "month_abbreviations"
        )
        self.name_months = frozenset(norm(w.lower()) for w in words("name_months"))
        self.name_month_contexts = frozenset(words("name_month_contexts"))
        self.article_weekdays = _names_where(tables, "weekday_articles", "weekdays")
        self.weekdays: dict[str, int] = _lower_map(self.table("weekdays"))
        self.weekday_mods: dict[str, str] = _lower_map(self.table("weekday_modifiers"))
        self.weekday_seps: dict[str, str] = self.table("weekday_range_separators")
        self.night = frozenset(words("night_prefixes"))
        self.month_mods: dict[str, int] = self.table("month_modifiers")
        self.year_suffixes: dict[str, int] = self.table("year_suffixes")
        self.relative: dict[str, list[Any]] = self.table("relative")
        self.anaphoric: dict[str, int] = self.table("anaphoric")
        self.blockers = frozenset(words("blockers"))
        self.clock_words = frozenset(words("clock_words"))
        self.directions: dict[str, dict[str, Any]] = (
            self.table("shift_directions") | self.table("shift_prefixes")
        )
        self.units: dict[str, list[Any]] = self.table("shift_units")
        self.approximate_units: dict[str, int] = self.table("approximate_shift_units")
        self.numbers: dict[str, int] = self.table("small_numbers")
        self.strong_year = frozenset(words("year_strong_contexts"))
        self.count_prefixes = frozenset(words("count_prefixes"))
        self.count_nouns = frozenset(words("count_nouns"))
        self.night_parts = frozenset(norm(w.lower()) for w in words("night_parts"))
        self.night_into = frozenset(norm(w.lower()) for w in words("night_into_prefixes"))
        self.night_phrases = frozenset(norm(w.lower()) for w in words("night_phrases"))
        self.night_span_links = frozenset(norm(w.lower()) for w in words("night_span_links"))
        self.cumulative_markers = frozenset(norm(w.lower()) for w in words("cumulative_markers"))
        self.present_markers = frozenset(norm(w.lower()) for w in words("present_markers"))
        self.contrast_words = frozenset(norm(w.lower()) for w in words("contrast_words"))
        self.period_openers = frozenset(norm(w.lower()) for w in words("period_openers"))
        self.period_totals = frozenset(norm(w.lower()) for w in words("period_totals"))

        self.back_weekday = Back(self.table("weekdays"), r"[\s,]{1,3}")
        self.back_night = Back(words("night_prefixes"))
        self.back_the = Back(words("day_articles"))
        self.back_between = Back(words("night_range_prefixes"))
        self.back_wd_mod = Back(self.table("weekday_modifiers"))
        self.back_night_or_early = Back([*words("night_prefixes"), *words("early_late")])
        self.back_article = Back(words("weekday_articles"))
        self.back_number = Back(self.table("small_numbers"), extra=r"[0-9]{1,2}")
        self.back_clock = Back(words("clock_prepositions"))

    def words(self, key: str) -> list[str]:
        """The merged list `key` (empty when no table has it)."""
        found: list[str] = self.raw.get(key, [])
        return found

    def table(self, key: str) -> dict[str, Any]:
        """The merged object `key` (empty when no table has it)."""
        found: dict[str, Any] = self.raw.get(key, {})
        return found

    def number(self, word: str) -> int | None:
        """A count written in digits or as a small number word ("two", "dos")."""
        return int(word) if word.isascii() and word.isdigit() else self.numbers.get(word)


def languages(code: str | None) -> tuple[str, ...]:
    """The language packages whose words are read for `code`: all of them for None."""
    if code is None:
        return lang.supported_languages()
    language = lang.get(code)
    return () if language.package is None else (language.package,)


@cache
def vocabulary(codes: tuple[str, ...]) -> Vocabulary:
    """The vocabulary of the languages `codes` (packages under `lang/`), built once."""
    return Vocabulary([lexicon.load("dates"), *(lang.get(code).table("dates") for code in codes)])
