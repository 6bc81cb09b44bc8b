"""What kind of figure a number is (a count, an age, money, ...) and which numbers are none."""

from __future__ import annotations

import re
from functools import cache

from claimcheck import numbers, units
from claimcheck.extract.context import Context
from claimcheck.lexicon import load
from claimcheck.models import ClaimKind
from claimcheck.text import words_after

_NAME_AGE = re.compile(r"[^\W\d_][\w’'-]*,\s*$")  # "Tamara, 71", "a boy, 11"
_PHONE = re.compile(r"\d+(?:[ \u00a0]\d+){2,}")
#: a number dialled with a leading zero, in groups ("0800 6565651", "030 1234/5678")
_DIALLED = re.compile(r"(?<![\d.,])0\d{2,}(?:[ \u00a0/-]\d{2,})+(?!\d)")
_CLAUSE_END = re.compile(r"^\s*(?:[,.;)]|$)")


def not_a_claim(ctx: Context, m: numbers.Mention) -> bool:
    """A phone number, a designation ("article 5") or a calibre ("155mm rounds")."""
    text = ctx.text
    before = text[max(0, m.number_start - 30) : m.number_start]
    if _PHONE.fullmatch(text[m.number_start : m.number_end]):
        return True  # "900 365 112" is a phone number, not a figure
    if any(d.start() <= m.number_start and m.number_end <= d.end() for d in
           _DIALLED.finditer(text, max(0, m.number_start - 20), m.number_end + 20)):
        return True  # "0800 6565651": a trunk prefix and a subscriber number
    if ctx.words.designation.search(before) and not m.hedge:
        return True
    # a calibre ("155mm rounds") names a weapon type, it does not measure anything
    if m.unit == "millimeter" or m.unit is None:
        nxt = words_after(text, m.end, len(text), 1)
        word = nxt[0][2].lower() if nxt and nxt[0][0] <= m.end + 1 else ""
        if m.unit is None:  # "50 calibre ammunition": the number is the calibre's name
            return word in _calibre_words()
        if numbers._singular(word) in _calibre_nouns():
            return True
    return False


def kind(ctx: Context, m: numbers.Mention) -> ClaimKind:
    """The kind of figure `m` states."""
    text = ctx.text
    after = text[m.number_end : m.number_end + 14]
    before = text[max(0, m.start - 12) : m.start]
    if ctx.words.age_after.match(after) or (ctx.words.age_before.search(before) and m.value < 130):
        return "age"
    if m.value < 130 and m.qualifier == "exact" and _listed_age(ctx, m):
        return "age"  # "children aged eight, 12 and 13": the last of a list of ages
    if m.qualifier == "exact" and m.value < 120 and m.value == int(m.value) and \
            _NAME_AGE.search(before) and _CLAUSE_END.match(after):
        return "age"
    if m.unit is None:
        return "count"
    if units.is_currency(m.unit):
        return "money"
    if m.unit == units.PERCENT:
        return "percent"
    if units.dimension(m.unit) == "[time]":
        return "duration"
    return "measurement"


def _listed_age(ctx: Context, m: numbers.Mention) -> bool:
    """The figure is in a list ("eight, 12 and 13") that an age cue ("aged") opens."""
    before = ctx.text[max(0, m.start - 60) : m.start]
    joiners, tail = ctx.words.list_joiners, before.rstrip()
    # a list item ends in a comma or a joiner: test that before the regex, whose search
    # backtracks at every start when it fails
    if not tail.endswith((",", *joiners)):
        return False
    listed = _list_tail(joiners).search(before)
    if listed is None:
        return False
    return bool(ctx.words.age_before.search(before[: listed.start()]))


@cache
def _list_tail(joiners: frozenset[str]) -> re.Pattern[str]:
    """Words of a list up to the end of a text: "eight, 12 and " (compiled once per language)."""
    alt = "|".join(re.escape(j) for j in sorted(joiners)) or "(?!)"
    return re.compile(rf"(?:[^\W_][\w-]{{0,15}}\s*(?:,|\s(?:{alt})\b)\s*)+$")


@cache
def _calibre_nouns() -> frozenset[str]:
    return frozenset(load("units")["calibre_nouns"])


@cache
def _calibre_words() -> frozenset[str]:
    return frozenset(load("units").get("calibre_words", []))
