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
    if nxt < v.n and v.t[nxt].low in ("am", "pm") or (
        v.low(nxt) in ("a", "p") and v.low(nxt + 1) == "." and v.low(nxt + 2) == "m"
    ):
        return "time"
    return "number"


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
    numbers = load("numbers")
    word = v.low(num.first)
    if word in numbers["article_like_one"].get(v.s.code, []):
        # Spanish "un/una" is the article unless a word makes it a count ("una más")
        return num.last - num.first == 1 and v.low(num.last) in \
            numbers["article_one_counts_before"].get(v.s.code, [])
    if word not in numbers["one_words_need_noun"]:
        return True
    if num.last - num.first > 1:
        return True
    prev = v.low(num.first - 1)
    if prev in ("no", "the", "this", "that", "any", "every", "each", "which", "someone"):
        return False
    nxt = num.last
    if nxt >= v.n or v.t[nxt].kind != "word":
        return False
    w = v.t[nxt].low
    if w == "of":
        # "one of them", "one of the injured" count; "one of the worst" does not
        after = v.low(nxt + 1)
        after2 = v.low(nxt + 2)
        if after in ("them", "those", "whom"):
            return True
        if after in ("the", "its", "his", "her", "their", "our"):
            return after2 in _partitive_heads()
        return False
    if w in ("more", "other", "further", "last", "single"):
        return v.low(nxt + 1) in _countable_heads()
    return w not in set(numbers["one_stop_next"])


@cache
def _countable_heads() -> frozenset[str]:
    """Words that make "one of the X" a count: counted nouns and partitive heads."""
    data = load("entities")
    heads = {form for forms in data["entities"].values() for form in forms}
    heads |= {h.split()[-1] for h in data["partitive_heads"]}
    return frozenset(heads | {"injured", "wounded", "dead", "victims", "missing"})


@cache
def _partitive_heads() -> frozenset[str]:
    """Words that make "one of the X" a count of people: "one of the injured"."""
    heads = {h.split()[-1] for h in load("entities")["partitive_heads"]}
    return frozenset(heads | {"injured", "wounded", "dead", "victims", "missing", "killed"})
