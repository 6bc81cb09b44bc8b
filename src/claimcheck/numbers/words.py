"""Number words composed from a language's tables: cardinals, decimals, fractions, ordinals."""

from __future__ import annotations

from dataclasses import replace

from claimcheck.numbers.quantities import unit_at
from claimcheck.numbers.view import Card, Num, View

_MAGNITUDE_ORDINALS = frozenset({100, 1000, 1_000_000, 1_000_000_000, 1_000_000_000_000})


def whole_follows(v: View, end: int) -> bool:
    """ "of" and the whole a fraction is taken from: "of the 205 deaths", "of voters"."""
    return v.low(end) in v.s.partitive and end + 1 < v.n and v.t[end + 1].kind != "sym"


def cardinal(v: View, k: int, seeded: bool = False) -> Card | None:
    """The longest run of number words at k that reads as one cardinal.

    `seeded`: an article stood before k and counts as "one" ("a hundred", "a million").
    Groups go down in size ("two million three hundred thousand"); magnitudes may stack
    upwards only directly ("three lakh crore", "a hundred thousand").
    """
    s = v.s
    total, group = 0.0, 1.0 if seeded else 0.0
    cls = "1-9" if seeded else ""
    last_mag = 0.0
    end, words = k, 0
    and_pre: float | None = None
    and_value, and_scale, and_word = 0.0, 0.0, -1
    while k < v.n:
        w = v.low(k)
        conn = _connector(v, k, cls)
        j = k + conn
        x = v.low(j)
        val = s.cardinals.get(x)
        if val is not None:
            if val >= 100 and cls not in ("", "x1000"):
                break  # a hundreds word ("двісті", "семьсот") opens a group
            if not (cls == "" or (cls == "20-90" and 1 <= val <= 9)
                    or (cls in ("x100", "x1000") and val != 0)):
                break
            if w in s.joiners and conn:
                and_pre, and_value, and_word = total + group, float(val), j
                and_scale = last_mag if cls == "x1000" else 0.0
            group += val
            cls = "0" if val == 0 else "1-9" if val < 10 else "10-19" if val < 20 else \
                "20-90" if val < 100 else "x100"
        elif x in s.hundred and not conn:
            if cls == "" and _bare_magnitude_goes_on(v, j):
                group = 1.0  # "hundred thousand dollars", "hundred and five"
            elif cls not in ("1-9", "10-19", "20-90") or not 0 < group < 100:
                break
            group *= 100
            cls = "x100"
        elif x in s.word_magnitudes and not conn:
            mag = s.word_magnitudes[x]
            if cls == "" and _bare_magnitude_goes_on(v, j):
                group, cls = 1.0, "1-9"  # "million and one"
            scaled = _scaled(cls, (total, group, last_mag), mag)
            if scaled is None:
                break
            (total, group, last_mag), cls = scaled, "x1000"
        else:
            break
        words += 1
        k = j + 1
        end = k
    if not cls:
        return None
    if and_word != end - 1:
        and_pre = None  # more than one word after the "and"
    one = (seeded and words == 0) or (words == 1 and total + group == 1)
    return Card(total + group, end, cls, total, group, last_mag, words, one,
                 and_pre, and_value, and_scale)


def _connector(v: View, k: int, cls: str) -> int:
    """1 where token k joins the next number word to a cardinal read so far, else 0."""
    if cls == "20-90" and v.hyphen_at(k) and 1 <= v.s.cardinals.get(v.low(k + 1), 0) <= 9:
        return 1  # "twenty-one", "fifty - two"
    if v.low(k) in v.s.joiners and cls in ("x100", "x1000") and v.s.cardinals.get(v.low(k + 1)):
        return 1  # "two hundred and five", "a million and one"
    return 0


def _scaled(
    cls: str, read: tuple[float, float, float], mag: float
) -> tuple[float, float, float] | None:
    """(total, group, last magnitude) once a magnitude word multiplies the cardinal read so
    far; None where it cannot ("two million three hundred thousand" goes down in size,
    "three lakh crore" stacks directly)."""
    total, group, last_mag = read
    if cls in ("1-9", "10-19", "20-90", "x100") and group > 0 and (not last_mag or mag < last_mag):
        return total + group * mag, 0.0, mag
    if cls == "x1000" and group == 0 and mag > last_mag:
        return total * mag, group, last_mag * mag
    return None


def _bare_magnitude_goes_on(v: View, j: int) -> bool:
    """ "hundred" or "million" with no number before counts as one only inside a longer
    number: "hundred thousand", "hundred and five", "million and one" (never "Hundred
    Years' War" or "the Million Man March")."""
    nxt = v.low(j + 1)
    if nxt in v.s.word_magnitudes:
        return v.low(j) in v.s.hundred
    return nxt in v.s.joiners and bool(v.s.cardinals.get(v.low(j + 2)))


def _den_at(v: View, j: int) -> tuple[float, bool, int] | None:
    """A fraction's denominator at j: (value, plural, end): "fifth", "thirds", "twenty-firsts"."""
    s = v.s
    w = v.low(j)
    if w in s.denominators:
        return s.denominators[w], False, j + 1
    if w in s.denominator_plurals:
        return s.denominator_plurals[w], True, j + 1
    tens = s.cardinals.get(w, 0)
    if tens >= 20 and tens % 10 == 0:
        hyphen = v.hyphen_at(j + 1)
        k = j + 2 if hyphen else j + 1
        u = v.low(k)
        plural = u.endswith("s") and u[:-1] in s.ordinals
        unit = s.ordinals.get(u[:-1] if plural else u, 0)
        if 1 <= unit <= 9 and (hyphen or unit >= 3) and v.is_word(k):
            return float(tens + unit), plural, k + 1
    return None


def composed(v: View, i: int) -> Num | None:
    """English number words at i: cardinals, spoken decimals, fractions and ordinals."""
    s = v.s
    article = v.low(i) in s.articles
    card = cardinal(v, i + 1, seeded=True) if article else cardinal(v, i)
    if card is None:
        return _bare_fraction(v, i) or _ordinal_alone(v, i)
    e = card.end
    # "two point five", "nought point nought three"
    if v.low(e) in s.point and card.cls != "x1000" and not article:
        got = _decimals(v, e + 1)
        if got:
            num = Num(card.value + got[0], i, got[1], words=True)
            mag = s.word_magnitudes.get(v.low(num.last))
            if mag:
                return replace(num, value=num.value * mag, last=num.last + 1, magnitude=True,
                               scale=mag)
            return num
    conn = 1 if v.hyphen_at(e) else 0
    den = _den_at(v, e + conn)
    if den and v.low(i - 1) not in s.not_a_share:
        d, plural, dend = den
        if card.and_pre is not None and card.and_value < 10 and (plural or card.and_value == 1):
            # "one hundred and three quarters", "two million and three fifths"
            frac = card.and_value / d
            mag = s.word_magnitudes.get(v.low(dend))
            if mag:
                return Num(card.and_pre + frac * mag, i, dend + 1, words=True, scale=mag)
            return Num(card.and_pre + frac * (card.and_scale or 1.0), i, dend, words=True)
        if plural or (card.one and (d == 2 or not article
                                    or _share_context(v, dend, unit=d == 4))):
            num = Num(card.value / d if plural else 1 / d, i, dend, words=True, fraction=True)
            return _fraction_scale(v, num) or num
    ordinal = _ordinal_after(v, card, e)
    if ordinal:
        return Num(ordinal[0], i, ordinal[1], words=True, ordinal=True)
    if v.low(e) in s.dozen_tail and not (article and v.low(e) not in s.dozen):
        return Num(card.value * 12, i, e + 1, words=True)  # "three dozens", "a dozen"
    if article and card.words == 0:
        return None
    return Num(card.value, i, e, words=True, scale=card.last_mag)


#: spoken decimal digits after "point", more than a float holds (17): a longer chain is cut
#: here and the rest read as further numbers
_MAX_DECIMALS = 20


def _decimals(v: View, j: int) -> tuple[float, int] | None:
    """Spoken decimal digits after "point": "zero three" .03, "seventy-one" .71."""
    digits, first = "", j
    while j < v.n and len(digits) < _MAX_DECIMALS:
        val = v.s.cardinals.get(v.low(j))
        if val is None:
            break
        if val >= 20 and val % 10 == 0:
            k = j + 2 if v.hyphen_at(j + 1) else j + 1
            unit = v.s.cardinals.get(v.low(k), 0)
            if 1 <= unit <= 9:
                val, j = val + unit, k
        digits += str(val)
        j += 1
    if len(digits) >= _MAX_DECIMALS and j < v.n and v.low(j) in v.s.cardinals:
        v.cuts.add((v.t[first].start, v.t[j].start))  # the digits go on: say where they were cut
    return (float("0." + digits), j) if digits else None


def _ordinal_after(v: View, card: Card, e: int) -> tuple[float, int] | None:
    """An ordinal ending a cardinal: "twenty-first", "one hundred twenty fifth", "two hundredth"."""
    s = v.s
    conn = 1 if v.hyphen_at(e) or (v.low(e) in v.s.joiners and card.cls in ("x100", "x1000")) \
        else 0
    o = s.ordinals.get(v.low(e + conn))
    if not o:
        return None
    end = e + conn + 1
    if o in _MAGNITUDE_ORDINALS and not conn:
        if o == 100 and not (card.cls in ("1-9", "10-19", "20-90") and card.group < 100):
            return None
        if card.last_mag and o >= card.last_mag:
            return None
        return card.total + max(card.group, 1.0) * o, end
    if o < 10 and card.cls == "20-90" and (o >= 3 or v.hyphen_at(e)):
        return card.value + o, end
    if card.cls in ("x100", "x1000") and o < 100 and (o >= 3 or conn):
        return card.value + o, end
    return None


def _ordinal_alone(v: View, i: int) -> Num | None:
    """ "thirtieth", "first", "Nineth": an ordinal word with no cardinal before it."""
    o = v.s.ordinals.get(v.low(i))
    if o is None or (v.hyphen_at(i + 1) and v.is_word(i + 2)):
        return None
    return Num(float(o), i, i + 1, words=True, ordinal=True)


def share_word(v: View, i: int) -> Num | None:
    """A fraction word read without the English composer, alone or after its article: "die
    Hälfte aller Häuser", "fast die Hälfte" (a language whose number words go to text2num)."""
    k = i + 1 if v.low(i) in v.s.articles and v.low(i + 1) in v.s.denominators else i
    num = _bare_fraction(v, k)
    return None if num is None else replace(num, first=i)


def _bare_fraction(v: View, i: int) -> Num | None:
    """ "half" or "quarter" with no number before: "half a million", "more than half", "half of"."""
    w = v.low(i)
    d = v.s.denominators.get(w)
    if d is None or w in v.s.ordinals or v.low(i - 1) in v.s.not_a_share or \
            v.low(i - 1) in v.s.ordinals or (v.low(i + 1) == "-" and v.glued(i + 1)):
        return None
    num = Num(1 / d, i, i + 1, words=True, fraction=True)
    scaled = _fraction_scale(v, num)
    if scaled:
        return scaled
    if d != 2:  # "half" alone, not "quarter" alone
        return None
    if v.hedged or v.alone or whole_follows(v, i + 1) or (
        v.low(i + 1) in v.s.articles and unit_at(v, i + 2, num)[1]
    ):
        return num
    return None


def _share_context(v: View, k: int, unit: bool) -> bool:
    """What may follow "a fifth" for it to be a fraction, not a rank ("a fifth day").

    A unit right after makes a fraction only of "a quarter" ("a quarter mile"); after
    an ordinal it names what is ranked ("a third term", "a fifth day").
    """
    s = v.s
    return k >= v.n or v.t[k].kind != "word" or v.low(k) in s.partitive or \
        v.low(k) in s.word_magnitudes or v.low(k) in s.dozen_tail or \
        (unit and bool(unit_at(v, k, Num(0, k, k))[1]))


def _fraction_scale(v: View, num: Num) -> Num | None:
    """ "two thirds of a million", "half a dozen", "three quarters billion": a count."""
    k = num.last
    if v.low(k) in v.s.partitive and v.low(k + 1) in v.s.articles:
        k += 2
    elif v.low(k) in v.s.articles:
        k += 1
    w = v.low(k)
    mag = v.s.word_magnitudes.get(w) or (12.0 if w in v.s.dozen_tail else 0.0)
    if not mag:
        return None
    return replace(num, value=num.value * mag, last=k + 1, fraction=False, magnitude=mag != 12,
                   scale=mag if mag != 12 else 0.0)


def and_fraction(v: View, num: Num) -> Num:
    """ "and a half", "and three quarters" after a number: "2 and a half", "3 million and a half",
    "three-and-a-half"."""
    s = v.s
    k = num.last
    hyphened = v.hyphen_at(k) and v.low(k + 1) in s.joiners  # "three-and-a-half"
    k += 1 if hyphened else 0
    if v.low(k) not in s.joiners or not s.denominators:
        return num
    j = k + (2 if hyphened and v.hyphen_at(k + 1) else 1)
    if v.low(j) in s.articles or s.cardinals.get(v.low(j)) == 1:
        numer, after, one = 1.0, j + 1, True
    else:
        card = cardinal(v, j)
        if card is None or card.cls in ("x100", "x1000"):
            return num
        numer, after, one = card.value, card.end, False
    after += 1 if v.hyphen_at(after) else 0
    den = _den_at(v, after)
    if den is None or not (den[1] or one):
        return num
    d, _, end = den
    if v.low(end) in s.partitive:
        return num  # "20 and a third of the survivors": a second figure
    frac = numer / d
    mag = s.word_magnitudes.get(v.low(end))
    if mag:
        value = num.value + frac * mag if num.scale else (num.value + frac) * mag
        return replace(num, value=value, scale=mag, magnitude=True, last=end + 1)
    return replace(num, value=num.value + frac * (num.scale or 1.0), last=end)
