"""What a measurement or a sum of money is of: a length, a span of time, rain or storm
surge, insured losses or damage, named by the words around the figure."""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from claimcheck import numbers, units
from claimcheck.extract.context import Context
from claimcheck.extract.vocabulary import PHRASE_LENGTHS
from claimcheck.lexicon import load
from claimcheck.text import Sentence, words_after, words_before


def quantity(ctx: Context, m: numbers.Mention, sentence: Sentence, kind: str, end: int,
             measure: str | None) -> tuple[str | None, str | None]:
    """(entity, measure) of a length or a span of time: "40 meters", "100 days"; a compound
    unit ("litres per square metre") is a quantity of its own kind."""
    simple = m.unit is not None and "/" not in m.unit
    dimension = units.dimension(m.unit)
    names: dict[str, str] = load("measures")["dimensions"]
    # a compound of a named compound dimension (mph, km/h: a speed) is named by it; one that
    # reduces to a simple dimension (litres per square metre: a length) stays its own kind
    entity = names.get(dimension, dimension) if simple or (
        "/" in dimension and dimension in names) else m.unit
    if kind == "measurement" and measure is None:
        measure = entity
    if kind == "measurement":
        # "20 ft of storm surge", "rain of 20 inches": a length or a speed of a named thing
        # is a quantity of that thing (a surge and a rainfall are two quantities)
        entity = _measured(ctx, m, sentence, end) or entity
    if entity == length_measure() and ctx.words.height.search(
            ctx.text[max(sentence.start, m.start - 40) : min(sentence.end, end + 12)]):
        entity = measure = str(load("measures")["rising_length"])  # "the water rose to 3 meters"
    return entity, measure


_BRACKET_NEXT = re.compile(r"\s*([()])")  # the first character after spaces, if a bracket
_MEASURED_WINDOW = 3  # words either side of a figure that may name what it measures


def _last_char(text: str, start: int, end: int) -> str:
    """The last character of `text[start:end]` that is not a space ("" if none)."""
    i = end - 1
    while i >= start and text[i].isspace():
        i -= 1
    return text[i] if i >= start else ""


def _measured(ctx: Context, m: numbers.Mention, sentence: Sentence, end: int) -> str | None:
    """The thing a measurement is of ("rain", "storm surge"), named in the few words around
    it; a figure's parenthesised equivalent ("20 ft (6 m) surge") is skipped over."""
    text, table = ctx.text, ctx.words.frames.measured
    if text[m.number_end : m.number_end + 1] == "-":
        # "the 80-meter, 260-foot section": a unit written as an adjective measures its noun
        head = _RESTATED.sub("", text[end : min(sentence.end, end + 60)], count=1)
        noun = _HEAD.match(head)
        if noun and noun.group(1) not in ctx.words.stop_words:
            return table.get((noun.group(1),)) or noun.group(1)
    if not table:
        return None
    after_pos = end
    # read in place, not by copying the sentence's rest and start per figure (n * n in a
    # crafted line of thousands of figures)
    opener = _BRACKET_NEXT.match(text, end, sentence.end)
    inside = _last_char(text, sentence.start, m.start) == "("
    if opener and (opener.group(1) == "(" or inside):
        close = text.find(")", end, sentence.end)
        after_pos = close + 1 if close >= 0 else end
    before_pos = m.start
    if inside:
        # "winds of 140 mph (225 km/h)": read before the figure the brackets restate
        before_pos = text.rfind("(", sentence.start, m.start)
        token = text.rfind(" ", sentence.start, max(sentence.start, before_pos - 1))
        before_pos = token + 1 if token >= 0 else before_pos
    after = words_after(text, after_pos, sentence.end, _MEASURED_WINDOW)
    before = words_before(text, before_pos, sentence.start, _MEASURED_WINDOW)
    found: list[tuple[int, str]] = []
    for distance, (_, _, word) in enumerate(after):
        pair = tuple(w[2].lower() for w in after[distance : distance + 2])
        for phrase in (pair, (word.lower(),)):
            if len(phrase) and phrase in table:
                found.append((distance, table[phrase]))
                break
    for distance, (_, _, word) in enumerate(before):
        pair = (before[distance + 1][2].lower(), word.lower()) if distance + 1 < len(before) else ()
        for phrase in (pair, (word.lower(),)):
            if len(phrase) and phrase in table:
                found.append((distance, table[phrase]))
                break
    # the nearest name wins; on a tie the one after ("20 ft storm surge")
    return min(found, key=lambda x: x[0])[1] if found else None


_RESTATED = re.compile(r"^\s*[,(]?\s*(?:[^\W\d_]+\s+)?\d[\d.,]*-?[^\W\d_]+\s*[,)]?")
_HEAD = re.compile(r"^[\s,]*([a-z]+)\b")


def priced(ctx: Context, m: numbers.Mention, sentence: Sentence) -> str | None:
    """What a sum of money is ("insured losses", "damage"): the name nearest it in its
    sentence, so that a cost and an insured loss are two quantities."""
    if not ctx.words.frames.priced:
        return None
    names = ctx.per_span(("priced", sentence.index), lambda: _sum_names(ctx, sentence))
    if not names.spans:
        return None
    # only names within the distance of a neighbour can be nearer: a window found by bisection
    # (a scan of every name for every sum cost n * n in a line of thousands of sums)
    i = bisect.bisect_left(names.starts, m.start)
    bound = min(_distance(m, names.spans[j]) for j in (i - 1, i) if 0 <= j < len(names.spans))
    lo = bisect.bisect_left(names.starts, m.start - bound - names.longest)
    hi = bisect.bisect_right(names.starts, m.end + bound)
    return min((_distance(m, span), span[2]) for span in names.spans[lo:hi])[1]


def _distance(m: numbers.Mention, span: tuple[int, int, str]) -> int:
    return min(abs(span[0] - m.end), abs(m.start - span[1]))


class _Names(NamedTuple):
    """The names of a sum in one sentence, in order, with their starts and the longest."""

    spans: list[tuple[int, int, str]]
    starts: list[int]
    longest: int


def _sum_names(ctx: Context, sentence: Sentence) -> _Names:
    """The names of a sum in a sentence with their offsets, read once for all its figures."""
    table = ctx.words.frames.priced
    words = [(w.start(), w.end(), w.group().lower())
             for w in _WORD.finditer(ctx.text, sentence.start, sentence.end)]
    names: list[tuple[int, int, str]] = []
    for k, (start, _, low) in enumerate(words):
        if not table.may_open(low):
            continue  # most words open no name of a sum
        for length in PHRASE_LENGTHS:
            phrase = tuple(w[2] for w in words[k : k + length])
            if len(phrase) == length and phrase in table:
                names.append((start, words[k + length - 1][1], table[phrase]))
                break
    return _Names(names, [n[0] for n in names], max((n[1] - n[0] for n in names), default=0))


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def length_measure() -> str:
    """The measure of a length: a distance."""
    return str(load("measures")["dimensions"]["[length]"])


def is_length(unit: str | None) -> bool:
    """A simple unit of length (not a compound like km/h)."""
    return bool(unit) and "/" not in (unit or "") and units.dimension(unit) == "[length]"
