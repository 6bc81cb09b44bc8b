"""One pass over a text: the text, its lower-cased copy, and the tests of a match's context.

A handler gets a regex match and the `Scan` and returns a `Cand` (a candidate mention) or
None. The context tests look a few characters around a match: is it glued to a word, is the
four-digit number a year or a count ("in 2022" against "2000 people")?
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from claimcheck.dates.vocabulary import Vocabulary

BARE_YEAR_MIN, BARE_YEAR_AHEAD = 1800, 10
YEAR_MIN, YEAR_MAX = 1000, 2199
NOT_BEFORE_NUMBER = frozenset(".,:/$€£¥#")
NEXT_TOKEN = re.compile(r"\s{0,3}([^\W\d_]{1,40}|\S)")
OPEN_FOLLOW = re.compile(r"\s{1,3}[^\W\d_]")


@dataclass
class Cand:
    start: int
    end: int
    kind: str  # "" marks a blocker: it claims its span and is then dropped
    day: dt.date | None
    gran: str
    shift: tuple[int, str] | None = None  # (n, unit) from the previous day-level date
    night: bool = False  # one night, dated by the morning it ends
    approx: int = 0  # years either side the day may lie ("two decades ago"), 0 when exact


@dataclass(frozen=True)
class Scan:
    text: str
    low: str
    pub: dt.date | None
    vocab: Vocabulary


Handler = Callable[[re.Match[str], Scan], Cand | None]


def lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)  # e.g. "İ"


def glued(text: str, start: int, extra: frozenset[str] = frozenset()) -> bool:
    """Does the match at `start` continue a word (or a number, for `extra` characters)?"""
    if start == 0:
        return False
    prev = text[start - 1]
    return prev.isalnum() or prev == "_" or prev in extra


def prev_tokens(low: str, start: int) -> tuple[str, str]:
    """The last word and the last two words before `start` ('' when absent)."""
    tokens = low[max(0, start - 32) : start].split()
    if not tokens:
        return "", ""
    last = tokens[-1].lstrip("([{\"'“‘«¿¡").rstrip("-–")
    return last, (f"{tokens[-2]} {last}" if len(tokens) > 1 else last)


def is_count_after(scan: Scan, end: int) -> bool:
    """Does a percent sign or a counted noun follow `end` ("2000 people")?"""
    found = NEXT_TOKEN.match(scan.low, end, end + 48)
    return found is not None and (found[1] == "%" or found[1] in scan.vocab.count_nouns)


def plausible_year(year: int, pub: dt.date | None) -> bool:
    ceiling = pub.year + BARE_YEAR_AHEAD if pub else 2100
    return BARE_YEAR_MIN <= year <= ceiling


def year_ok(scan: Scan, start: int, end: int, year: int) -> bool:
    """Does the four-digit number at [start, end) read as a year in its context?"""
    vocab = scan.vocab
    if not YEAR_MIN <= year <= YEAR_MAX:
        return False
    last, two = prev_tokens(scan.low, start)
    if last in vocab.strong_year:
        return True
    if last in vocab.count_prefixes or two in vocab.count_prefixes:
        return False
    return not is_count_after(scan, end) and plausible_year(year, scan.pub)
