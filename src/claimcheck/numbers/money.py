"""Currency signs, codes and cents around an amount."""

from __future__ import annotations

from functools import cache

from claimcheck import units
from claimcheck.lexicon import load
from claimcheck.numbers.digits import VULGAR
from claimcheck.numbers.quantities import singular, unit_phrases
from claimcheck.numbers.view import View
from claimcheck.numbers.words import cardinal


def money_tail(v: View, k: int, bare: bool) -> tuple[float, int] | None:
    """Cents after a major amount: "3 dollars 50 cents", "thirteen dollars and forty-five".

    Without a word for cents ("15 dollars 50") the currency must have been named after
    the amount (`bare`) and nothing may follow the cents but punctuation.
    """
    j = k + 1 if v.low(k) in v.s.tail_joiners else k
    if j >= v.n:
        return None
    if v.t[j].kind == "num":
        if not v.t[j].text.isdecimal() or len(v.t[j].text) > 2:
            return None
        cents, e = float(v.t[j].text), j + 1
    else:
        card = cardinal(v, j) if v.s.cardinals else None
        if card is None or card.value >= 100 or card.cls in ("x100", "x1000"):
            return None
        cents, e = card.value, card.end
    if v.low(e) in units.minor_words():
        return cents / 100, e + 1
    if bare and (e >= v.n or (v.t[e].kind == "sym" and v.t[e].text in ".,;:!?)")):
        return cents / 100, e
    return None


def currency_prefix(v: View, i: int) -> tuple[str, int, float] | None:
    symbols = units.currency_symbols()
    tok = v.t[i]
    if tok.kind == "word" and i + 1 < v.n:
        # "US$", "A$", "hk $": a word before a currency sign ("a $" is the article)
        two = tok.low + v.t[i + 1].low
        near = v.glued(i + 1) or (v.spaced1(i + 1) and tok.low in _spaced_sign_prefixes())
        if two in symbols and near and number_follows(v, i + 2):
            return symbols[two], i + 2, 1.0
        # "MXN$ 15", "aud$15": an ISO code glued to a dollar sign
        code = units.currency_code(tok.text.upper())
        if code and v.t[i + 1].text == "$" and v.glued(i + 1) and \
                number_follows(v, i + 2):
            return code, i + 2, 1.0
    if tok.kind != "word" and tok.low in symbols and number_follows(v, i + 1):
        return symbols[tok.low], i + 1, 1.0
    if tok.kind == "word":
        code = units.currency_code(tok.text)
        if code and number_follows(v, i + 1):
            return code, i + 1, 1.0
        million = million_of(tok.text)
        if million and number_follows(v, i + 1):
            return million, i + 1, 1e6  # "MAUD 60": 60 million Australian dollars
    return None


def number_follows(v: View, i: int) -> bool:
    return i < v.n and (v.t[i].kind == "num" or v.low(i) in v.s.words
                           or v.low(i) in v.s.articles or v.t[i].text in VULGAR)


def currency_suffix(v: View, i: int) -> tuple[str, int, float] | None:
    """A currency after an amount: "17 USD", "10 rmb", "30 MUSD", "15€", "100元", "10 $"."""
    if i >= v.n:
        return None
    tok = v.t[i]
    symbols = units.currency_symbols()
    if tok.kind == "word":
        code = units.currency_code(tok.text)
        if code:
            return code, i + 1, 1.0
        million = million_of(tok.text)
        if million:
            return million, i + 1, 1e6
    if tok.low in symbols and ((v.glued(i) and not v.glued(i + 1))
                               or not number_follows(v, i + 1)):
        return symbols[tok.low], i + 1, 1.0
    return None


def currency_word_at(v: View, k: int) -> bool:
    if not v.is_word(k):
        return False
    if units.currency_code(v.t[k].text):
        return True
    found = unit_phrases().get((singular(v.low(k)),)) or unit_phrases().get((v.low(k),))
    return found is not None and units.is_currency(found)


def million_of(word: str) -> str | None:
    """ "MUSD", "MEUR": financial shorthand for a million of a currency -> its ISO code."""
    if len(word) == 4 and word[0] == "M" and word[1:] in units.currency_codes():
        return word[1:]
    return None


@cache
def _spaced_sign_prefixes() -> frozenset[str]:
    return frozenset(load("units")["spaced_sign_prefixes"])
