"""Units after a figure: percent, currencies named in words, physical units."""

from __future__ import annotations

from functools import cache

from claimcheck import lang, units
from claimcheck.lexicon import load
from claimcheck.numbers.tables import split_phrase, tables
from claimcheck.numbers.view import Num, View


@cache
def unit_phrases() -> dict[tuple[str, ...], str]:
    """Every surface form of a unit (`units.surface_forms`) as its tokens -> the unit."""
    table: dict[tuple[str, ...], str] = {}
    for surface, unit in units.surface_forms().items():
        table[tuple(split_phrase(surface))] = unit
    return table


def pounds_weigh(v: View, first: int, end: int) -> bool:
    """ "pound(s)" ending the mention is a weight after a word such as "weighs" or "lost"."""
    if not v.low(end - 1).startswith("pound"):
        return False
    before = {v.low(k) for k in range(max(0, first - 4), first)}
    return not before.isdisjoint(_pound_mass_before())


def unit_after_article(v: View, end: int, num: Num) -> tuple[int, str | None]:
    """A unit after a fraction and an article: "half a mile", "a quarter of an hour"."""
    k = end + 1 if v.low(end) in v.s.partitive else end
    if v.low(k) not in v.s.articles:
        return 0, None
    length, unit = unit_at(v, k + 1, num)
    return (k + 1 - end + length, unit) if unit else (0, None)


def unit_at(v: View, i: int, num: Num) -> tuple[int, str | None]:
    """A unit after the number: percent, currency word, or a physical unit."""
    if i >= v.n or num.unit is not None:
        return 0, None  # "$5 million dollars" keeps its sign; nothing more to read
    hyphen = 0
    if v.t[i].text == "-" and v.glued(i) and v.glued(i + 1) and i + 1 < v.n \
            and v.t[i + 1].kind == "word":
        hyphen, i = 1, i + 1  # "a 10-km stretch"
    best, found = unit_phrase(v, i)
    if not found:
        return 0, None
    glued = v.glued(i) or bool(hyphen)
    letter = best == 1 and (v.t[i].low in _no_glue() or (
        len(v.t[i].text) == 1 and v.t[i].kind == "word"))
    if letter and not glued and not _spaced_letter_ok(v, i):
        return 0, None
    if best == 1 and v.t[i].text in not_upper():
        return 0, None  # "5G" is no gram: unit letters keep their case
    # a glued letter unit followed by more letters is a designation ("95MS")
    if glued and i + best < v.n and v.t[i + best].kind == "word" and v.glued(i + best):
        return 0, None
    if hyphen and v.low(i + best) == "-" and v.low(i + best + 1) in v.s.age_tail:
        return 0, None  # "85-year-old" is an age, read by the extractor
    end = i + best
    if not units.is_currency(found) and found not in (units.PERCENT, "dimensionless"):
        end, found = _compound_unit(v, end, found)
    return end - i + hyphen, found


def unit_phrase(v: View, i: int) -> tuple[int, str | None]:
    """The longest unit phrase at i, as (tokens, unit); plurals of any word are tried."""
    table = unit_phrases()
    prefixes = _unit_prefixes()
    words: list[str] = []
    singulars: list[str] = []
    best, found = 0, None
    for k in range(i, min(v.n, i + 5)):
        if k > i and (v.t[k].start - v.t[k - 1].end > 1
                      or (v.t[k].kind == "num" and not v.glued(k))):
            break  # "km2" is one unit, "12 m 2 wide" is not
        words.append(v.t[k].low)
        singulars.append(singular(words[-1]))
        cands = (tuple(words), (*words[:-1], singulars[-1]), tuple(singulars))
        if not any(c in prefixes for c in cands):
            break
        for cand in cands:
            if cand in table:
                best, found = len(words), table[cand]
    return best, found


def _spaced_letter_ok(v: View, i: int) -> bool:
    """ "a wall 12 m high": a lone "m" reads as metres before a dimension word or punctuation."""
    if v.low(i) != "m" or v.glued(i + 1):
        return False
    return i + 1 >= v.n or v.t[i + 1].kind != "word" or \
        v.low(i + 1) in _spaced_letter_next()


def _power_at(v: View, k: int) -> tuple[int, int] | None:
    """ "^2", "^3" glued after a unit, or "squared"/"cubed": (power, tokens)."""
    if v.low(k) == "^" and v.glued(k) and v.low(k + 1) in ("2", "3") and \
            v.glued(k + 1):
        return int(v.low(k + 1)), 2
    if v.low(k) in v.s.powers:
        return v.s.powers[v.low(k)], 1
    return None


def _compound_unit(v: View, k: int, found: str) -> tuple[int, str]:
    """ "km^2", "meters per millisecond", "W/min": powers and ratios of physical units."""
    power = _power_at(v, k)
    if power and " " not in found:
        found, k = f"{found} ** {power[0]}", k + power[1]
    per = v.low(k) in v.s.per and v.spaced1(k)
    slash = v.low(k) == "/" and v.glued(k) and v.glued(k + 1)
    if (per or slash) and "/" not in found:
        length, below = unit_phrase(v, k + 1)
        if below and not units.is_currency(below) and below not in (units.PERCENT,
                                                                   "dimensionless") \
                and "/" not in below:
            power = _power_at(v, k + 1 + length)
            if power and " " not in below:
                below, length = f"{below} ** {power[0]}", length + power[1]
            found, k = f"{found} / {below}", k + 1 + length
    return k, found


@cache
def not_upper() -> frozenset[str]:
    """Unit letters that mean something else in upper case ("5G" is no gram)."""
    return frozenset(w.upper() for w in load("units")["lower_case_only"])


@cache
def _pound_mass_before() -> frozenset[str]:
    return frozenset(load("units")["pound_mass_before"])


@cache
def _spaced_letter_next() -> frozenset[str]:
    return frozenset(load("units")["spaced_letter_next"])


@cache
def _unit_prefixes() -> frozenset[tuple[str, ...]]:
    """Every leading part of a unit phrase, so a lookup can stop as soon as none fits."""
    return frozenset(k[:n] for k in unit_phrases() for n in range(1, len(k) + 1))


@cache
def _no_glue() -> frozenset[str]:
    """Unit words read only glued to a figure or where nothing else could be meant."""
    return frozenset(load("units")["no_glue"])


@cache
def unit_first_words() -> frozenset[str]:
    """Words a unit, a magnitude or a currency may start with: a word glued to a figure
    that is none of these makes it a designation ("95MS", "5G")."""
    first = {k[0] for k in unit_phrases()}
    first |= {singular(w) for w in first}
    for code in lang.supported_languages():
        spec = tables(code)
        first |= set(spec.magnitudes)
    first |= set(units.currency_symbols()) | {c.lower() for c in units.currency_codes()}
    return frozenset(first | set(load("numbers")["unit_first_extra"]))


@cache
def singular(word: str) -> str:
    """A plural unit or noun made singular by its ending ("miles" -> "mile", "ies" -> "y")."""
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith(("ches", "shes", "xes", "ses")):
        return word[:-2]
    if len(word) > 2 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word
