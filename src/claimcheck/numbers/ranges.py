"""Hedges, ranges and vague quantities around figures."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from claimcheck import units
from claimcheck.numbers.classify import kind_of
from claimcheck.numbers.digits import digit_value
from claimcheck.numbers.figure import number_at
from claimcheck.numbers.mention import Mention
from claimcheck.numbers.quantities import unit_at
from claimcheck.numbers.view import Num, View

_LOWER = ("at_least", "more_than")


_UPPER = ("at_most", "less_than")




_DASHES = ("-", "–", "—", "~")
_UNITLESS = Num(0.0, 0, 0)  # what `unit_at` reads a unit after when no figure carries one


def match_phrase(v: View, i: int, table: dict[tuple[str, ...], Any], longest: int = 6) -> int:
    """Length of the longest phrase of `table` starting at token i (0 if none)."""
    firsts, prefixes = _prefixes_of(table)
    if v.low(i) not in firsts:
        return 0  # most tokens start no phrase: one set look-up instead of the walk
    best = 0
    words: list[str] = []
    for k in range(i, min(v.n, i + longest)):
        if k > i and v.t[k].kind != "sym" and not _spaced_or_glued_ok(v, k):
            break
        words.append(v.low(k))
        key = tuple(words)
        if key not in prefixes:
            break
        if key in table:
            best = len(words)
    return best


def _spaced_or_glued_ok(v: View, k: int) -> bool:
    return v.t[k].start - v.t[k - 1].end <= 2


def join_bounds(v: View, found: list[Mention]) -> list[Mention]:
    """"more than 20 and less than 35", "at most 100 and at least 20": one range."""
    out: list[Mention] = []
    for m in found:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == m.kind == "number" and prev.hedge and m.hedge:
            lower, upper = (prev, m) if prev.qualifier in _LOWER else (m, prev)
            between = " ".join(v.text[prev.end : m.start].lower().split())
            if lower.qualifier in _LOWER and upper.qualifier in _UPPER \
                    and between in v.s.bound_joins and lower.value < upper.value \
                    and (prev.unit == m.unit or None in (prev.unit, m.unit)):
                out[-1] = Mention(
                    prev.start, m.end, (lower.value + upper.value) / 2, lower.value,
                    upper.value, "range", prev.unit or m.unit,
                    hedge=f"{prev.hedge} {between} {m.hedge}",
                    number_start=prev.number_start, number_end=m.number_end,
                )
                continue
        out.append(m)
    return out


def hedged_vague(v: View, i: int, j: int, vague: tuple[Mention, int]
) -> tuple[Mention, int]:
    m, end = vague
    return Mention(v.t[i].start, m.end, m.value, m.low, m.high, "vague", None,
                   hedge=" ".join(t.low for t in v.t[i:j]),
                   number_start=m.number_start, number_end=m.number_end), end


def vague_at(v: View, i: int) -> tuple[Mention, int] | None:
    """A vague quantity ("dozens", "des dizaines": a floor), or an approximate noun of a
    language's `approximate` table ("une dizaine", "una ventina": about that many)."""
    length = match_phrase(v, i, v.s.approximate)
    if length:
        value = v.s.approximate[tuple(t.low for t in v.t[i : i + length])]
        end = v.t[i + length - 1].end
        return Mention(v.t[i].start, end, value, value, value, "approximate", None,
                       number_start=v.t[i].start, number_end=end), i + length
    length = match_phrase(v, i, v.s.vague)
    if not length:
        return None
    words = tuple(v.low(k) for k in range(i, i + length))
    nxt = v.low(i + length)
    # "several hundred" is vague, "several 100" or "hundreds of 5" are not worth guessing
    if nxt and (nxt[0].isdecimal() or nxt in v.s.words):
        return None
    if words[-1] in v.s.partitive:  # keep "of" out of the span unless the phrase needs it
        length -= 1
    value = v.s.vague[words]
    number_end = v.t[i + length - 1].end
    end, unit = number_end, None
    if v.low(i + length) in v.s.partitive:
        # "tens of billions of dollars": an amount of a currency, like "$20 billion"
        taken, found = unit_at(v, i + length + 1, _UNITLESS)
        if found is not None and units.is_currency(found):
            end, unit, length = v.t[i + length + taken].end, found, length + 1 + taken
    m = Mention(v.t[i].start, end, value, value, None, "vague", unit,
                number_start=v.t[i].start, number_end=number_end)
    return m, i + length


def range_tail(v: View, first: Num, opener: str | None) -> tuple[Num, Num | None, int]:
    """(first, the second figure of a range or None, the token after): "30-40", "between 5
    and 7", "44 mg to 50 mg". A magnitude of the second applies to the first ("5 to 10
    million"), whether or not the two then make a range."""
    end = first.last
    joined = _join(v, first, opener)
    if joined is None:
        return first, None, end
    join_at, join, mid_unit = joined
    after = join_at + 1
    if opener is not None and v.low(after) in v.s.ranges["range_articles"] \
            and v.low(first.first - 1) in v.s.ranges["range_articles"]:
        after += 1  # "tra le 30 e le 35": the article the first figure had, again
    second = number_at(v, after)
    if second is None or (first.words != second.words and join not in _DASHES
                          and opener is None):
        return first, None, end
    if kind_of(v, second) != "number" or first.fraction != second.fraction:
        return first, None, end
    if mid_unit is not None and unit_at(v, second.last, second)[1] != mid_unit:
        return first, None, end
    if second.magnitude and not first.magnitude and first.value < second.value / 1000 * 1000:
        first = replace(first, value=first.value * (second.value / _digit_or(v, second)))
    descending = opener in v.s.ranges["descending_openers"] and second.value < first.value < 0
    if second.value <= first.value and not descending:
        return first, None, end  # only a run of negatives may go down ("from -18 to -34")
    if join in v.s.ranges["either_joins"] and second.value > 10 * first.value > 0:
        return first, None, end  # "10 bln or 10 tln" are two figures, not a range
    if first.unit is None and second.unit is not None:
        first = replace(first, unit=second.unit)
    return first, second, second.last


def _join(v: View, first: Num, opener: str | None) -> tuple[int, str, str | None] | None:
    """(token of the join, the join, a unit between) after a range's first figure, or None."""
    end = first.last
    if end >= v.n:
        return None
    allowed = v.s.range_open.get(opener, frozenset()) if opener else v.s.range_join
    join_at, mid_unit = end, None
    if v.low(end) == "-" and v.glued(end) and not v.glued(end + 1) and \
            v.low(end + 1) in v.s.ranges["suspended_joins"] and v.low(end + 1) in allowed:
        join_at = end + 1  # "8- to 16-meter": a suspended hyphen
    elif v.low(end) not in allowed:
        length, found = unit_at(v, end, first) if first.unit is None else (0, None)
        if found and v.low(end + length) in allowed and v.low(end + length) not in _DASHES:
            join_at, mid_unit = end + length, found  # "44 mg to 50 mg", "-18 °C to -34 °C"
    join = v.low(join_at)
    if opener is None and join in v.s.ranges["joins_need_opener"]:
        return None
    if join not in allowed:
        return None
    before = v.low(first.first - 1)
    if join in v.s.ranges["change_joins"] and (before in v.s.change_verbs or (
            before in v.s.ranges["change_openers"] and v.low(first.first - 2) in v.s.change_verbs)):
        return None  # "rose from 50 to 57", "up 12 to 15"
    if join in _DASHES and opener is None and v.glued(join_at) != v.glued(join_at + 1):
        return None  # "30-40" must be tight or evenly spaced; a one-sided dash is prose
    return join_at, join, mid_unit


def _digit_or(v: View, num: Num) -> float:
    tok = v.t[num.first]
    if tok.kind == "num":
        return digit_value(v, tok.text)
    for k in range(num.first, num.last):
        if v.t[k].kind == "num":
            return digit_value(v, v.t[k].text)
    return num.value or 1.0


_PREFIXES: dict[int, tuple[dict[tuple[str, ...], Any], frozenset[str],
                           frozenset[tuple[str, ...]]]] = {}


def _prefixes_of(table: dict[tuple[str, ...], Any]
                 ) -> tuple[frozenset[str], frozenset[tuple[str, ...]]]:
    """The first words of the phrases in `table`, and every leading part of them, computed
    once per table."""
    entry = _PREFIXES.get(id(table))
    if entry is None or entry[0] is not table:  # the table is kept, so its id is not reused
        entry = (table, frozenset(k[0] for k in table if k),
                 frozenset(k[:n] for k in table for n in range(1, len(k) + 1)))
        _PREFIXES[id(table)] = entry
    return entry[1], entry[2]
