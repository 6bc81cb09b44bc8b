"""One figure: a sign, digits or words, a magnitude, a currency, and their tails."""

from __future__ import annotations

from dataclasses import replace

from claimcheck import units
from claimcheck.numbers.digits import VULGAR, digits_at, times
from claimcheck.numbers.money import currency_prefix, currency_suffix, currency_word_at
from claimcheck.numbers.quantities import unit_phrase
from claimcheck.numbers.spelled import spelled
from claimcheck.numbers.view import Num, View
from claimcheck.numbers.words import and_fraction, composed, share_word


def over_tail(v: View, num: Num) -> Num:
    """ "one over three", "1 over 20": a spoken fraction, when nothing is counted after it."""
    k = num.last
    if v.low(k) not in v.s.over or num.unit is not None or num.fraction or num.value < 1 or \
            num.value != int(num.value) or v.t[num.first].kind == "sym":
        return num
    below = number_at(v, k + 1)
    if below is None or below.unit is not None or below.value != int(below.value) or \
            below.value <= num.value or below.fraction:
        return num
    if below.last < v.n and v.t[below.last].kind != "sym":
        return num  # "3 over 10 years", "one over the limit": not a fraction
    return replace(num, value=num.value / below.value, last=below.last, fraction=True)


def plus_minus(v: View, num: Num) -> Num | None:
    """The spread after "±" or "+/-": "2,000.45±0.01", "9.83e-3 +/- 1e-5"."""
    k = num.last
    if v.low(k) == "±":
        j = k + 1
    elif v.low(k) == "+" and v.low(k + 1) == "/" and v.low(k + 2) in ("-", "−") \
            and v.glued(k + 1) and v.glued(k + 2):
        j = k + 3
    else:
        return None
    spread = number_at(v, j)
    if spread is None or spread.unit is not None or spread.value <= 0 or spread.ordinal:
        return None
    return spread


def inches_tail(v: View, k: int) -> tuple[float, int] | None:
    """Inches after feet: "5 feet 2 inches", "6 ft and 1 in"; (inches, token after)."""
    j = k + 1 if v.low(k) in v.s.tail_joiners else k
    num = number_at(v, j) if j < v.n and v.t[j].kind in ("num", "word") else None
    if num is None or num.unit is not None or not 0 <= num.value < 12:
        return None
    e = num.last
    length, found = unit_phrase(v, e)
    if found == "inch":
        return num.value, e + length
    if v.low(e) in v.s.inch_words and (e + 1 >= v.n or v.t[e + 1].kind == "sym"):
        return num.value, e + 1  # "in" is inches only where it cannot be the preposition
    return None


def number_at(v: View, i: int) -> Num | None:
    if i >= v.n:
        return None
    currency: str | None = None
    scale = 1.0
    start = i
    sym = currency_prefix(v, i)
    if sym:
        currency, i, scale = sym
    negative = False
    if i < v.n and v.t[i].text in ("-", "−") and i + 1 < v.n and \
            v.t[i + 1].kind == "num" and v.glued(i + 1) and _minus_free(v, i):
        negative, i = True, i + 1
    elif i < v.n and v.low(i) in v.s.negative and i + 1 < v.n:
        nxt = number_at(v, i + 1)
        if nxt is not None and nxt.unit is None and not nxt.ordinal:
            return replace(nxt, value=-nxt.value, first=start)
        return None
    if i >= v.n:
        return None
    tok = v.t[i]
    if tok.kind == "num" and v.glued(i) and v.t[i - 1].text == "^":
        return None  # the exponent of "m^2" or "2^10"
    if tok.kind == "num":
        base = digits_at(v, i)
        if base is None:
            return None
        num = Num(base[0], start, base[1], currency, fraction=base[2])
    elif tok.kind == "word":
        read = composed(v, i) if v.s.cardinals else (spelled(v, i) or share_word(v, i))
        if read is None:
            return None
        num = replace(read, first=start, unit=currency)
    elif tok.text in VULGAR:
        num = Num(VULGAR[tok.text], start, i + 1, currency, fraction=True)  # "⅔", "½ tbsp"
    else:
        return None
    if scale != 1 or negative:
        value = times(num.value, scale)
        num = replace(num, value=-value if negative else value)
    if num.ordinal:
        return num
    num = and_fraction(v, magnitude_tail(v, num))
    code = currency_suffix(v, num.last) if currency is None else None
    if code is None:
        return num
    unit, last, factor = code
    coded = replace(num, unit=unit, last=last, value=num.value * factor, coded=True)
    if not num.magnitude and factor == 1:
        return magnitude_tail(v, coded)  # "75 USD million"
    return coded


def _minus_free(v: View, i: int) -> bool:
    """A minus sign at i is free to make a negative: not glued to a word or number before it."""
    return not v.glued(i) or v.t[i - 1].text in "<>=≤≥~([:$€£¥"


def magnitude_tail(v: View, num: Num) -> Num:
    """Apply "million", "bn", "k", "10M", "lakh", "dozen" after a number ("1.5 million", "$2bn")."""
    k = num.last
    if k >= v.n or v.t[k].kind != "word":
        return num
    raw = v.t[k].text
    w = v.low(k)  # a lemmatised language reads "тисяч" as "тисяча"
    glued = v.glued(k)
    mags = v.s.magnitudes
    cased = v.s.cased_magnitudes.get(raw)
    if cased is None and num.unit is not None and units.is_currency(num.unit):
        cased = v.s.money_magnitudes.get(raw)
    if cased and not (v.glued(k + 1) and v.is_word(k + 1)) and \
            (glued or not v.is_word(k + 1)):
        # "10M", "US$ 1MM": upper-case M is a million, never a metre
        return replace(num, value=times(num.value, cased), last=k + 1, magnitude=True,
                       scale=cased)
    if w in mags and not (num.words and w in v.s.words):
        money = num.unit is not None or currency_word_at(v, k + 1)
        abbr = v.s.abbreviations
        if (len(w) <= 2 or w in abbr["spaced"]) and not glued and w not in abbr["spaced"]:
            # "2.33 k" at the end of a phrase, "£5 m": spaced, but nothing else it could be
            if not ((raw in abbr["alone"] and not v.is_word(k + 1))
                    or (w in abbr["money_only"] and money)):
                return num
        if w in abbr["money_only"] and not money:
            return num  # "5m" without money is metres, not millions
        if w in abbr["decimal_or_money"] and not money and "." not in v.t[k - 1].text:
            return num  # "1.2b" is a billion; "5b" is more likely a name
        return replace(num, value=times(num.value, mags[w]), last=k + 1, magnitude=True,
                       scale=mags[w])
    if w in v.s.dozen_tail and not num.words:
        return replace(num, value=num.value * 12, last=k + 1)
    return num
