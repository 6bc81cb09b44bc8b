"""What a figure is: a number, an ordinal, a clock time or a designation."""

from __future__ import annotations

from functools import cache

from claimcheck import units
from claimcheck.lexicon import load
from claimcheck.numbers.quantities import not_upper, unit_first_words
from claimcheck.numbers.view import Num, View


def kind_of(v: View, num: Num) -> str:
    if num.ordinal:
        return "ordinal"
    tok = v.t[num.first]
    if tok.kind != "num":
        return "number"
    if _chain(v, num) or _dotted(v, num):
        return "designation"  # "+1-222-2222-2222", "1111-22223333-4444", "192.168.1.2"
    prev = num.first - 1
    if prev >= 0 and v.glued(num.first):
        p = v.t[prev]
        if p.kind == "word" and p.low not in units.currency_symbols() and \
                not units.currency_code(p.text):
            return "designation"
        if p.text in ("-", "/") and prev >= 1 and v.glued(prev) and \
                v.t[prev - 1].kind == "word" and not _magnitude_suffix(v, prev - 1):
            return "designation"
    nxt = num.last
    if nxt < v.n and v.glued(nxt):
        q = v.t[nxt]
        if q.kind == "word" and q.low in v.s.ordinal_suffixes:
            return "ordinal"
        if q.kind == "word" and q.low != "s" and (
            q.low not in unit_first_words() or q.text in not_upper()
        ):
            return "designation"  # "95MS", "5G"
        if q.text == ":" and nxt + 1 < v.n and v.t[nxt + 1].kind == "num" \
                and v.glued(nxt + 1):
            return "time"
    return "time" if _clock_suffix(v, nxt) else "number"


def _clock_suffix(v: View, k: int) -> bool:
    """ "10 am", "10 a.m.": a clock time's suffix at token k."""
    suffixes = v.s.clock_suffixes
    return v.low(k) in suffixes or (v.low(k + 1) == "." and
                                    f"{v.low(k)}.{v.low(k + 2)}" in suffixes)


def _magnitude_suffix(v: View, k: int) -> bool:
    """Word k is a magnitude glued to a number ("5k" in "5k-20k"), not a name ("Kh" in "Kh-101")."""
    return v.low(k) in v.s.magnitudes and k >= 1 and v.glued(k) and \
        v.t[k - 1].kind == "num"


def _dotted(v: View, num: Num) -> bool:
    """A number that a tight dot joins to another: an address or version ("192.168.1.2")."""
    k, first = num.last, num.first
    after = v.low(k) == "." and v.glued(k) and v.glued(k + 1) and \
        k + 1 < v.n and v.t[k + 1].kind == "num"
    before = first >= 2 and v.low(first - 1) == "." and v.glued(first) and \
        v.glued(first - 1) and v.t[first - 2].kind == "num"
    return after or before


def _chain(v: View, num: Num) -> bool:
    """Three or more numbers joined by tight dashes or slashes: a phone number or a code."""
    first = num.first
    while first < num.last and v.t[first].kind != "num":
        first += 1
    count, k = 1, num.last
    while count < 3 and k + 1 < v.n and v.t[k].text in ("-", "/") and v.glued(k) \
            and v.glued(k + 1) and v.t[k + 1].kind == "num":
        count, k = count + 1, k + 2
    k = first
    while count < 3 and k >= 2 and v.t[k - 1].text in ("-", "/") and v.glued(k) \
            and v.glued(k - 1) and v.t[k - 2].kind == "num":
        count, k = count + 1, k - 2
    return count >= 3


def one_is_count(v: View, num: Num) -> bool:
    """Spelled "one" is a count only when a noun follows ("one person", not "one of the")."""
    one = v.s.one
    word = v.low(num.first)
    if word in one["article_like_one"]:
        # Spanish "un/una" is the article unless a word makes it a count ("una más")
        return num.last - num.first == 1 and v.low(num.last) in one["article_one_counts_before"]
    if word not in one["one_words_need_noun"] or num.last - num.first > 1:
        return True
    if v.low(num.first - 1) in one["one_not_after"]:
        return False  # "no one", "the one"
    nxt = num.last
    if nxt >= v.n or v.t[nxt].kind != "word":
        return False
    w = v.t[nxt].low
    if w in v.s.partitive:
        # "one of them", "one of the injured" count; "one of the worst" does not
        after = v.low(nxt + 1)
        if after in one["one_of_pronouns"]:
            return True
        if after in one["one_of_determiners"]:
            return v.low(nxt + 2) in _partitive_heads(one["one_of_people"])
        return False
    if w in one["one_modifiers"]:
        return v.low(nxt + 1) in _countable_heads(one["one_of_counts"])  # "one more person"
    return w not in one["one_stop_next"]


@cache
def _countable_heads(extra: frozenset[str]) -> frozenset[str]:
    """Words that make "one of the X" a count: counted nouns and partitive heads."""
    data = load("entities")
    heads = {form for forms in data["entities"].values() for form in forms}
    heads |= {h.split()[-1] for h in data["partitive_heads"]}
    return frozenset(heads | extra)


@cache
def _partitive_heads(extra: frozenset[str]) -> frozenset[str]:
    """Words that make "one of the X" a count of people: "one of the injured"."""
    return frozenset({h.split()[-1] for h in load("entities")["partitive_heads"]} | extra)
