"""Figures in digits: grouping, decimals, exponents, fractions, vulgar fractions."""

from __future__ import annotations

import math

from claimcheck.numbers.quantities import unit_at, unit_first_words
from claimcheck.numbers.view import Num, View

#: denominators read in "n/d" with any numerator; other slashes need numerator 1 or a unit
_COMMON_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 16, 32, 64, 100})


_MAX_EXPONENT = 3  # digits of an exponent ("1e308" is the float ceiling)


_SUPERSCRIPTS = {c: str(d) for d, c in enumerate("⁰¹²³⁴⁵⁶⁷⁸⁹")}


def digits_at(v: View, i: int) -> tuple[float, int, bool] | None:
    """(value, token after, is a bare fraction) for the digits at i."""
    tok = v.t[i]
    value = digit_value(v, tok.text)
    if not math.isfinite(value):
        return None  # a run of digits too long for a float is no figure
    last = i + 1
    plain = tok.text.isdecimal()
    # "29 000", "1 000 000", "1 234 567.89": space-grouped thousands (three digits a group)
    if plain and len(tok.text) <= 3:
        written = tok.text  # the groups joined, read once: exact in decimal
        while (last < v.n and v.t[last].kind == "num" and _group(v, v.t[last].text)
               and v.t[last].start - v.t[last - 1].end == 1
               and v.text[v.t[last - 1].end] in " \u00a0\u202f"
               and not (last + 1 < v.n and v.t[last + 1].kind == "word"
                        and v.glued(last + 1))):
            written += v.t[last].text
            value = digit_value(v, written)
            last += 1
            if not v.t[last - 1].text.isdecimal():
                break  # a decimal group ends the number
        if last == i + 1:
            spaced = _tokenized(v, i)
            if spaced:
                value, last = spaced
    power = _exponent(v, last, value)
    if power:
        value, last = power
    # "3/4", "1/40", "1/4 mile": a fraction on its own
    if plain and last == i + 1 and last + 1 < v.n and v.t[last].text == "/" and \
            v.glued(last) and v.glued(last + 1) and v.t[last + 1].text.isdecimal():
        num, den = int(tok.text), int(v.t[last + 1].text)
        after = last + 2
        chained = after < v.n and v.glued(after) and v.t[after].kind != "word"
        if not chained and 0 < num < den and (
            num == 1 or den in _COMMON_DENOMINATORS or unit_at(v, after, Num(0, i, after))[1]
        ):
            return num / den, after, True
    # "2 1/2", "2½"
    if last + 2 < v.n and v.t[last + 1].text == "/" and v.t[last].kind == "num" \
            and v.t[last + 2].kind == "num" and v.glued(last + 1) and v.glued(last + 2) \
            and not v.glued(last):
        if not (v.t[last].text.isdecimal() and v.t[last + 2].text.isdecimal()):
            return value, last, False
        den_value = float(v.t[last + 2].text)
        if den_value:
            value += float(v.t[last].text) / den_value
            last += 3
    if last < v.n and v.t[last].text in VULGAR:
        value += VULGAR[v.t[last].text]
        last += 1
    return value, last, False


def _group(v: View, raw: str) -> bool:
    """A later group of space-grouped thousands: three digits, the last maybe with decimals
    after the language's decimal mark ("1 234.5", "3 200,5")."""
    if raw.isdecimal():
        return len(raw) == 3
    mark = v.s.decimal_mark
    return len(raw) > 4 and raw[:3].isdecimal() and raw[3] == mark and raw[4:].isdecimal()


def _tokenized(v: View, i: int) -> tuple[float, int] | None:
    """Numbers split by a tokenizer: "6 . 2 %", "1 . 6 billion", "80 , 000 spectators".

    Only a mark with one space on each side counts (prose never writes a decimal so), and
    a decimal only before a percent sign, magnitude, unit or punctuation.
    """
    j = i + 1
    if j + 1 >= v.n or not (v.spaced1(j) and v.spaced1(j + 1)):
        return None
    mark, nxt = v.t[j].text, v.t[j + 1]
    if nxt.kind != "num" or not nxt.text.isdecimal():
        return None
    if mark == v.s.decimal_mark:
        after = j + 2
        if after < v.n and not (
            (v.t[after].kind == "sym" and v.t[after].text in "%,;.:)")
            or v.t[after].low in unit_first_words()
        ):
            return None
        return float(f"{v.t[i].text}.{nxt.text}"), j + 2
    if mark not in v.s.group_mark:
        return None
    value, k = float(v.t[i].text), j
    while k + 1 < v.n and v.t[k].text == mark and v.spaced1(k) and \
            v.spaced1(k + 1) and v.t[k + 1].text.isdecimal() and len(v.t[k + 1].text) == 3:
        value, k = value * 1000 + float(v.t[k + 1].text), k + 2
    if k == j or (k + 1 < v.n and v.t[k].text == mark and v.t[k + 1].kind == "num"):
        return None  # "1 , 2 , 3" is a list
    return value, k


def _exponent(v: View, k: int, value: float) -> tuple[float, int] | None:
    """ "1.3e6", "-12e-1", "6.23x10^-4", "2.48×10−5", "8x2^10", "1.1^23" after a number."""
    if k >= v.n or not v.glued(k):
        return None
    mark = v.t[k].text
    base: float | None = None
    j = k + 1
    if mark in ("e", "E"):
        base = 10.0
    elif mark in ("x", "X", "×", "*") and j < v.n and v.t[j].text.isdecimal() and \
            v.glued(j):
        base, j = float(v.t[j].text), j + 1
        if v.low(j) != "^" and not (base == 10 and v.low(j) in ("-", "−")) and \
                _superscript(v, j) is None:
            return None
        if v.low(j) == "^":
            j += 1
    elif mark == "^":
        pass
    else:
        return None
    raised = _superscript(v, j)  # "10^³", "3x10⁻⁴": the power in superscript digits
    if raised is not None:
        power, end = raised
    else:
        sign = 1
        if v.low(j) in ("+", "-", "−") and v.glued(j):
            sign = -1 if v.low(j) != "+" else 1
            j += 1
        if j >= v.n or not v.glued(j) or not v.t[j].text.isdecimal() or \
                len(v.t[j].text) > _MAX_EXPONENT:
            return None
        power, end = sign * int(v.t[j].text), j + 1
    try:
        result = value * base**power if base is not None else value**power
    except (OverflowError, ZeroDivisionError):
        return None
    if isinstance(result, complex) or not math.isfinite(result):
        return None
    return float(result), end


def _superscript(v: View, j: int) -> tuple[int, int] | None:
    """(power, token after) for glued superscript digits at j ("³", "⁻¹²"), else None.

    Superscript digits are no decimal digits (`int("³")` fails): they are read here, one
    symbol token each, and only as a power."""
    sign, k = 1, j
    if k < v.n and v.t[k].text == "⁻" and v.glued(k):
        sign, k = -1, k + 1
    digits = ""
    while k < v.n and v.t[k].text in _SUPERSCRIPTS and v.glued(k) and \
            len(digits) <= _MAX_EXPONENT:
        digits += _SUPERSCRIPTS[v.t[k].text]
        k += 1
    if not digits or len(digits) > _MAX_EXPONENT:
        return None
    return sign * int(digits), k


def digit_value(v: View, raw: str) -> float:
    for mark in v.s.group_mark:  # one mark, or several ("700 000", "3\u202f252")
        raw = raw.replace(mark, "")
    return float(raw.replace(v.s.decimal_mark, "."))


VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125, "⅕": 0.2,
           "⅖": 0.4, "⅗": 0.6, "⅘": 0.8, "⅙": 1 / 6, "⅚": 5 / 6, "⅜": 0.375, "⅝": 0.625,
           "⅞": 0.875}


def times(value: float, magnitude: float) -> float:
    """`value * magnitude`, exact in decimal when the magnitude is a power of ten (16.4e6)."""
    exponent = round(math.log10(magnitude)) if magnitude > 0 else 0
    written = repr(value)
    if magnitude == 10.0**exponent and "e" not in written and math.isfinite(value):
        return float(f"{written}e{exponent}")
    return value * magnitude
