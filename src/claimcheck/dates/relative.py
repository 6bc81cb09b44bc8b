"""Relative and anaphoric dates: "yesterday", "last week", "two days ago", "the day before".

A relative phrase counts from the publication date. An anaphoric one ("the day before", "two
days later") carries a shift that `find_dates` applies to the previous day-level date of the
text, or to publication when there is none; one that takes a complement ("two days before the
vote") is left unresolved.
"""

from __future__ import annotations

import re

from claimcheck.dates.resolve import shift
from claimcheck.dates.scan import NOT_BEFORE_NUMBER, OPEN_FOLLOW, Cand, Scan, glued
from claimcheck.dates.vocabulary import norm


def on_phrase(m: re.Match[str], scan: Scan) -> Cand | None:
    vocab = scan.vocab
    if glued(scan.low, m.start()):
        return None
    phrase = norm(m["ph"])
    start, end = m.start(), m.end("ph")
    if phrase in vocab.blockers:
        return Cand(start, end, "", None, "day")
    if phrase in vocab.clock_words:
        return Cand(start, end, "time", None, "time")
    if phrase in vocab.anaphoric:
        direction = vocab.directions.get(phrase.split()[-1], {})
        if direction.get("open") and OPEN_FOLLOW.match(scan.low, end):
            return Cand(start, end, "relative", None, "day")  # "the day before the vote"
        return Cand(start, end, "relative", None, "day", shift=(vocab.anaphoric[phrase], "day"),
                    night=phrase in vocab.night_phrases)
    entry = vocab.relative.get(phrase)
    if entry is None:
        return None
    unit, offset = str(entry[0]), int(entry[1])
    day, gran = shift(scan.pub, offset, unit)
    if unit == "day":
        return Cand(start, m.end(), "relative", day, gran, night=phrase in vocab.night_phrases)
    return Cand(start, end, "period", day, gran)


def _shift_cand(
    scan: Scan, start: int, end: int, n: int, unit_word: str, direction_word: str
) -> Cand | None:
    vocab = scan.vocab
    unit, direction = vocab.units.get(unit_word), vocab.directions.get(direction_word)
    if unit is None or direction is None:
        return None
    base_unit, amount = str(unit[0]), n * int(unit[1]) * int(direction["sign"])
    gran = "day" if base_unit == "day" else base_unit
    if direction.get("open") and OPEN_FOLLOW.match(scan.low, end):
        return Cand(start, end, "relative", None, gran)  # "two days before the vote"
    if direction["from"] == "pub":
        day, gran = shift(scan.pub, amount, base_unit)
        approx = vocab.approximate_units.get(unit_word, 0)  # "two decades ago": about 2004
        return Cand(start, end, "relative", day, gran, approx=approx)
    return Cand(start, end, "relative", None, gran, shift=(amount, base_unit))


def on_shift_after(m: re.Match[str], scan: Scan) -> Cand | None:
    """"<n> <unit> <direction>": "two days ago", "3 weeks later"."""
    found = scan.vocab.back_number.find(scan.low, m.start())
    if found is None or glued(scan.low, found[0], NOT_BEFORE_NUMBER):
        return None
    n = scan.vocab.number(found[1])
    if n is None:
        return None
    return _shift_cand(scan, found[0], m.end(), n, norm(m["u"]), norm(m["dir"]))


def on_shift_before(m: re.Match[str], scan: Scan) -> Cand | None:
    """"<direction> <n> <unit>": "hace dos días"."""
    n = scan.vocab.number(m["n"])
    if n is None or glued(scan.low, m.start()):
        return None
    return _shift_cand(scan, m.start(), m.end(), n, norm(m["u"]), norm(m["dir"]))


def on_ordinal_night(m: re.Match[str], scan: Scan) -> Cand | None:
    """"the third night", "la 4e nuit": a night of a series counted in a report is the latest
    one, the night ending on the morning of publication."""
    if glued(scan.low, m.start()):
        return None
    return Cand(m.start(), m.end(), "relative", scan.pub, "day", night=True)
