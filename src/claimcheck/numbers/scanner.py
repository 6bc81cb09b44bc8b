"""The scanner: composes figures, hedges, ranges and units into `Mention`s."""

from __future__ import annotations

from claimcheck import units
from claimcheck.lexicon import load
from claimcheck.numbers.classify import kind_of, one_is_count
from claimcheck.numbers.digits import VULGAR
from claimcheck.numbers.figure import inches_tail, number_at, over_tail, plus_minus
from claimcheck.numbers.mention import Interval, Mention, interval
from claimcheck.numbers.money import money_tail, number_follows
from claimcheck.numbers.quantities import pounds_weigh, unit_after_article, unit_at
from claimcheck.numbers.ranges import hedged_vague, join_bounds, match_phrase, range_tail, vague_at
from claimcheck.numbers.tables import NumberTables
from claimcheck.numbers.view import Num, View
from claimcheck.numbers.words import whole_follows


def run(v: View) -> list[Mention]:
    out: list[Mention] = []
    starts = _starts(v.s)
    phrase_only, hedges, vague = _PHRASE_ONLY[v.s.code], v.s.hedges_before, v.s.vague
    toks, lows = v.t, v.lows  # `v.low(i)` for i inside the view, read without a call
    i = 0
    while i < v.n:
        # the view's lower case reads a lemmatised language's number words as their lemma
        if toks[i].kind != "num" and (lows[i] not in starts or (
                lows[i] in phrase_only and not match_phrase(v, i, hedges)
                and not match_phrase(v, i, vague))):
            # an ordinary word or mark: no mention starts here (see `_starts`); nor at a word
            # that opens a mention only as the first word of a hedge or a vague quantity that
            # is not there ("more" without "more than", "in" without "in the hundreds"):
            # `mention_at` would read it as any other word
            i += 1
            continue
        found = _finite(v, mention_at(v, i))
        if found is None:
            i += 1
            continue
        mention, nxt = found
        out.append(mention)
        i = max(nxt, i + 1)
    return join_bounds(v, out)


_STARTS: dict[str, frozenset[str]] = {}


def _starts(s: NumberTables) -> frozenset[str]:
    """The lowercase words and marks that can start a mention in this language. A word or
    symbol token outside the set makes `mention_at` return None: a mention opens with digits,
    a vague quantity, a hedge (word or sign), a range opener, a currency word, code or sign, a
    minus, a negative, an article, a number word (the composer's tables, or `words` and
    `dozen`, the only words `spelled` starts a run with) or a vulgar fraction."""
    if s.code in _STARTS:
        return _STARTS[s.code]
    found: set[str] = set()
    found.update(s.range_open, s.negative, s.words, s.articles, s.cardinals, s.hundred,
                 s.word_magnitudes, s.ordinals, s.denominators, s.denominator_plurals,
                 s.fractions, s.dozen, s.dozen_tail, s.magnitudes)
    codes = {c.lower() for c in units.currency_codes()}
    any_case = load("units")["currency_codes_any_case"]
    found.update(codes, {"m" + c for c in codes}, (w.lower() for w in any_case))
    found.update(sign[:n] for sign in units.currency_symbols() for n in range(1, len(sign) + 1))
    found.update(s.hedge_symbols, VULGAR, ("-", "−"))
    openers = {p[0] for p in (*s.vague, *s.hedges_before)}
    # the words in the set only as the first word of a hedge or a vague quantity (no
    # approximate quantity, range opener, number, currency or article word, nor a mark)
    _PHRASE_ONLY[s.code] = frozenset(openers - found - {p[0] for p in s.approximate})
    _STARTS[s.code] = frozenset(found | openers)
    return _STARTS[s.code]


_PHRASE_ONLY: dict[str, frozenset[str]] = {}


def mention_at(v: View, i: int) -> tuple[Mention, int] | None:
    """The mention that starts at token i and the token after it, or None."""
    if v.t[i].kind == "word":
        vague = vague_at(v, i)
        if vague:
            return vague
    j = i + _hedge_length(v, i)
    opener, k, first = _first_figure(v, j, hedged=j > i)
    if first is None:
        return _hedged_vague_at(v, i, j) if j > i else None
    kind = kind_of(v, first)
    if kind != "number":
        return _not_a_number(v, first, kind)
    return _figure_mention(v, (i, j, k), opener, first)


def _hedge_length(v: View, i: int) -> int:
    """Tokens of a hedge before a number at i ("more than", "~"), 0 if none."""
    tok = v.t[i]
    if tok.kind == "word" or tok.text in v.s.hedge_symbols:
        length = match_phrase(v, i, v.s.hedges_before)
        if length and v.low(i - 1) in v.s.change_verbs and \
                tuple(v.low(k) for k in range(i, i + length)) in v.s.to_after_change:
            return 0  # "зросла до 13": the figure it grew to, not "up to 13"
        return length
    return 0


def _first_figure(v: View, j: int, hedged: bool) -> tuple[str | None, int, Num | None]:
    """(range opener, token of the figure, the figure) after a hedge ending at j."""
    opener = v.low(j) if v.low(j) in v.s.range_open else None
    if opener and v.low(j - 1) in v.s.change_verbs:
        opener = None  # "grown from 50 to 57": a change, not a range
    k = j + 1 if opener else j
    if opener and v.low(k) in v.s.ranges["range_articles"]:
        k += 1  # "tra le 30 e le 35": an article before each figure of the range
    view = v.as_hedged() if hedged else v
    first = number_at(view, k)
    if first is None and opener:
        opener, k = None, j
        first = number_at(view, k)
    return opener, k, first


def _hedged_vague_at(v: View, i: int, j: int) -> tuple[Mention, int] | None:
    """A vague quantity after a hedge: "well over hundreds", "nearly thousands"."""
    if j < v.n and v.t[j].kind == "word":
        vague = vague_at(v, j)
        if vague:
            return hedged_vague(v, i, j, vague)
    return None


def _not_a_number(v: View, first: Num, kind: str) -> tuple[Mention, int]:
    """An ordinal ("2nd" whole), a clock time ("12:30" whole) or a designation."""
    last = first.last
    if kind == "time" and v.low(last) == ":":
        last += 2  # "12:30" is one clock time
    if kind == "ordinal" and v.glued(last) and v.low(last) in v.s.ordinal_suffixes:
        last += 1  # "2nd" whole
    return _mention(v, first.first, last, first.value, "exact", first.unit, kind=kind), last


def _figure_mention(
    v: View, at: tuple[int, int, int], opener: str | None, first: Num
) -> tuple[Mention, int] | None:
    """The mention of a figure at token k (`at`: hedge start i, hedge end j, figure k), with
    its range, spread, unit, cents and hedges before and after."""
    i, j, k = at
    hedged = j > i
    first, second, end = range_tail(v, over_tail(v, first), opener)
    spread = plus_minus(v, first) if second is None else None
    if spread is not None:
        end = spread.last
    unit_len, unit_found = unit_at(v, end, first if second is None else second)
    if second is None and first.words and first.value in (0, 1) and not hedged \
            and not v.alone and not one_is_count(v, first) \
            and not (unit_found and units.dimension(unit_found) != "[time]"):
        return None  # "one of them" is no figure; "one dollar", "one mile" are
    qualifier, hedge_words = "exact", None
    if hedged:
        hedge_words = " ".join(t.low for t in v.t[i:j])
        qualifier = v.s.hedges_before[tuple(t.low for t in v.t[i:j])]
    start_tok = i if hedged else (j if opener and second else k)
    if unit_found is None and second is None and first.fraction:
        unit_len, unit_found = unit_after_article(v, end, first)  # "half a mile"
    value, unit, end = _with_unit(v, (first, second), end, unit_len, unit_found)
    if spread is not None:
        m = _mention(v, start_tok, end, value, "range" if qualifier in ("exact", "approximate")
                     else qualifier, unit, hedge=hedge_words, num=(first.first, spread.last),
                     bounds=(value - spread.value, value + spread.value))
        return m, end
    if second is not None:
        return _range_mention(v, (start_tok, end), (first, second), qualifier, unit, hedge_words)
    value, unit, end = _money_or_share(v, first, (value, unit, end), bool(unit_found))
    qualifier, hedge_words, end = _hedge_after(v, end, (qualifier, hedge_words), hedged)
    m = _mention(v, start_tok, end, value, qualifier, unit, hedge=hedge_words,
                 num=(first.first, first.last))
    return m, end


def _with_unit(
    v: View, nums: tuple[Num, Num | None], end: int, unit_len: int, unit_found: str | None
) -> tuple[float, str | None, int]:
    """(value, unit, end) once the unit after a figure or range is read: a weight in
    pounds ("it weighs 25 pounds"), inches after feet ("5 feet 2 inches")."""
    first, second = nums
    unit = first.unit or (second.unit if second is not None else None)
    value = first.value
    if not unit_found:
        return value, unit, end
    unit, end = unit_found, end + unit_len
    if unit == "GBP" and not first.magnitude and pounds_weigh(v, first.first, end):
        unit = "pound"  # "it weighs 25 pounds"; "lost 25 million pounds" is money
    if unit == "foot" and second is None:
        inches = inches_tail(v, end)  # "5 feet 2 inches", "12 ft 2 in"
        if inches:
            value, end = value + inches[0] / 12, inches[1]
    return value, unit, end


def _money_or_share(
    v: View, first: Num, read: tuple[float, str | None, int], named: bool
) -> tuple[float, str | None, int]:
    """Cents after an amount ("3 dollars 50 cents"), or a fraction of a whole as a share."""
    value, unit, end = read
    if unit is not None and units.is_currency(unit) and "_" not in unit:
        cents = money_tail(v, end, bare=named or first.coded)
        if cents:
            return value + cents[0], unit, cents[1]
    elif unit is None and first.fraction and whole_follows(v, end):
        return value * 100, units.PERCENT, end  # "a quarter of the deaths": 25 percent
    return read


def _hedge_after(
    v: View, end: int, hedge: tuple[str, str | None], hedged: bool
) -> tuple[str, str | None, int]:
    """(qualifier, hedge words, end) with a hedge after the figure: "50 or more", "20-plus"."""
    qualifier, hedge_words = hedge
    post = match_phrase(v, end, v.s.hedges_after, 3) if end < v.n else 0
    if not post or (hedged and qualifier != "approximate"):
        return qualifier, hedge_words, end
    if v.t[end].text == "+" and not v.glued(end):
        return qualifier, hedge_words, end
    if v.low(end + post) in v.s.than and number_follows(v, end + post + 1):
        return qualifier, hedge_words, end  # "5000 or less than 6000": the next bound's
    words = tuple(t.low for t in v.t[end : end + post])
    hedge_words = " ".join(((hedge_words or "") + " " + " ".join(words)).split())
    return v.s.hedges_after[words], hedge_words, end + post


def _range_mention(
    v: View, span: tuple[int, int], nums: tuple[Num, Num], qualifier: str, unit: str | None,
    hedge_words: str | None,
) -> tuple[Mention, int]:
    """Two figures as one range ("30-40", "between 5 and 7"), or a bound of one ("up to 5-7")."""
    (start_tok, end), (first, second) = span, nums
    low, high = sorted((first.value, second.value))
    value = (low + high) / 2
    qualifier = "range" if qualifier in ("exact", "approximate") else qualifier
    if qualifier != "range":
        value = high if qualifier in ("at_most", "less_than") else low
    m = _mention(v, start_tok, end, value, qualifier, unit, hedge=hedge_words,
                 num=(first.first, second.last), bounds=(low, high))
    return m, end


def _finite(v: View, found: tuple[Mention, int] | None) -> tuple[Mention, int] | None:
    if found is None:
        return None
    m = found[0]
    # NaN fails the comparison too: a figure is a finite number no larger than LARGEST
    if all(x is None or abs(x) <= units.LARGEST for x in (m.value, m.low, m.high)):
        return found
    return None


def _mention(v: View, first: int,
    last: int,
    value: float,
    qualifier: str,
    unit: str | None,
    *,
    kind: str = "number",
    hedge: str | None = None,
    num: tuple[int, int] | None = None,
    bounds: Interval | None = None,
) -> Mention:
    if unit is not None and not units.is_currency(unit) and unit != units.PERCENT:
        unit = units.canonical(unit)
    low, high = bounds if bounds is not None else interval(value, qualifier, unit)
    if bounds is not None and qualifier in ("at_least", "more_than"):
        low, high = bounds[0], None
    elif bounds is not None and qualifier in ("at_most", "less_than"):
        low, high = interval(bounds[1] or value, qualifier, unit)
    a, b = num if num is not None else (first, last)
    return Mention(
        start=v.t[first].start,
        end=v.t[last - 1].end,
        value=value,
        low=low,
        high=high,
        qualifier=qualifier,
        unit=unit,
        kind=kind,
        hedge=hedge,
        number_start=v.t[a].start,
        number_end=v.t[b - 1].end,
    )
