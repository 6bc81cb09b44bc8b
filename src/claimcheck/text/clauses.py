"""Clauses and words near a point, as offsets into the text."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cache

#: a word: letters, joined by hyphens or apostrophes to letters or digits ("Geran-2", "it's")
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W_]+)*")
_BREAK = re.compile(r"[,;:—–()]")
#: characters that neither start a word, stop `words_after`, nor are digits: skipped at once
_GAP = re.compile(r"[^\w.;:!?()\[\]\n,]*")
#: a gap, then a word: the usual step of `words_after` in one match
_GAP_WORD = re.compile(_GAP.pattern + "(" + WORD.pattern + ")")

Word = tuple[int, int, str]


def boundaries(text: str) -> list[int]:
    """Offsets of clause breaks: , ; : dashes or brackets, but no comma grouping digits ("2,140")."""
    n = len(text)
    return [i for i in (m.start() for m in _BREAK.finditer(text))
            if not (text[i] == "," and 0 < i < n - 1 and text[i - 1].isdigit() and text[i + 1].isdigit())]


def clause_comma(text: str, lo: int, hi: int, *, forward: bool) -> int:
    """The first (or last) comma of text[lo:hi] that is no digit group's ("1,700"); -1 if none."""
    at = text.find(",", lo, hi) if forward else text.rfind(",", lo, hi)
    while at >= 0 and text[at - 1 : at].isdigit() and text[at + 1 : at + 2].isdigit():
        at = text.find(",", at + 1, hi) if forward else text.rfind(",", lo, at)
    return at


def clause_at(bounds: Sequence[int], start: int, end: int, pos: int) -> tuple[int, int]:
    """The clause around `pos` inside the sentence `start`..`end`, given the sorted breaks."""
    k = bisect.bisect_left(bounds, pos)
    lo = bounds[k - 1] + 1 if k > 0 and bounds[k - 1] >= start else start
    hi = bounds[k] if k < len(bounds) and bounds[k] < end else end
    return lo, hi


def words_after(text: str, pos: int, limit: int, count: int) -> list[Word]:
    """Up to `count` words after `pos` (stopping at sentence punctuation, a comma, a digit or `limit`)."""
    out: list[Word] = []
    i = pos
    limit = min(limit, len(text))
    gap, step = _GAP.match, _GAP_WORD.match
    while len(out) < count and i < limit:
        m = step(text, i)
        if m is not None and m.end() <= limit:  # what the steps below find, in one match
            out.append((m.start(1), m.end(), m.group(1)))
            i = m.end()
            continue
        i = gap(text, i, limit).end()  # type: ignore[union-attr]  # `*` always matches
        if i >= limit:
            break
        ch = text[i]
        if ch == "." and _initial(text, i):
            i += 1  # "the U.S. Southeast": an initial's dot ends no sentence
            continue
        if ch in ".;:!?()[]\n,":
            break
        m = WORD.match(text, i)
        if m and m.end() <= limit:
            out.append((m.start(), m.end(), m.group()))
            i = m.end()
            continue
        if ch.isdigit():
            break
        i += 1
    return out


def _initial(text: str, i: int) -> bool:
    """Is the dot at `i` that of a capital initial ("U.S.", "N.C."), not a sentence's end?"""
    return i > 0 and text[i - 1].isupper() and (i < 2 or not text[i - 2].isalpha()) \
        and i + 1 < len(text) and (text[i + 1].isupper() or text[i + 1] == " ")


def words_before(text: str, pos: int, floor: int, count: int) -> list[Word]:
    """Up to `count` words before `pos`, nearest first, stopping at clause punctuation."""
    out: list[Word] = []
    floor = max(floor, pos - 40 * count - 40)  # enough for `count` words; keeps this O(count)
    segment = text[floor:pos]
    cut = max(segment.rfind(c) for c in ".;:!?\n")
    base = floor + cut + 1 if cut >= 0 else floor
    for m in reversed(list(WORD.finditer(text, base, pos))):
        out.append((m.start(), m.end(), m.group()))
        if len(out) >= count:
            break
    return out


def holds_phrase(text: str, phrases: frozenset[str]) -> bool:
    """Whether the words of `text` hold one of `phrases` (lower case) as whole words, whatever
    the spacing and punctuation between them ("compared  with", "up from")."""
    joined = f" {' '.join(WORD.findall(text.lower()))} "
    return any(phrase in joined for phrase in _spaced(phrases))


@cache
def _spaced(phrases: frozenset[str]) -> tuple[str, ...]:
    """Each phrase as " w1 w2 ", the form `holds_phrase` looks for (once per language's set,
    not per figure)."""
    return tuple(f" {' '.join(WORD.findall(w))} " for w in phrases)
