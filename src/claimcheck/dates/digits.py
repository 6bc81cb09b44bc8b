"""Dates and times written with digits: ISO dates, "10/29/2024", years, decades, clock times.

These read the same in every language but for a few words around them ("4:40 am", "1990s",
"a las 10 de la noche", "seven o'clock"), which come from the vocabulary.
"""

from __future__ import annotations

import re

from claimcheck.dates.resolve import mkdate
from claimcheck.dates.scan import (
    NOT_BEFORE_NUMBER,
    YEAR_MAX,
    YEAR_MIN,
    Cand,
    Scan,
    glued,
    is_count_after,
    year_ok,
)


def on_iso(m: re.Match[str], scan: Scan) -> Cand | None:
    day = mkdate(int(m["y"]), int(m["m"]), int(m["d"]))
    if day is None or glued(scan.low, m.start(), NOT_BEFORE_NUMBER | {"-"}):
        return None
    return Cand(m.start(), m.end(), "date", day, "day")


def on_numeric(m: re.Match[str], scan: Scan) -> Cand | None:
    if glued(scan.low, m.start(), NOT_BEFORE_NUMBER | {"-"}):
        return None
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    if len(m["y"]) == 2:
        if m["s"] != "/":
            return None
        year += 2000
    day_first = mkdate(year, b, a)
    month_first = mkdate(year, a, b) if m["s"] != "." else None
    if day_first is None and month_first is None:
        return None
    if day_first is not None and month_first is not None and day_first != month_first:
        day = None  # "03/04/2024": both readings are valid, so the day is unknown
    else:
        day = day_first or month_first
    return Cand(m.start(), m.end(), "date", day, "day")


def on_year(m: re.Match[str], scan: Scan) -> Cand | None:
    start = m.start()
    if glued(scan.low, start, NOT_BEFORE_NUMBER) or (
        scan.low[start - 1 : start] in ("-", "–") and scan.low[start - 2 : start - 1].isdigit()
    ):
        return None
    first = int(m["y"])
    if m["y2"]:
        raw2 = m["y2"]
        second = int(raw2) if len(raw2) == 4 else first // 100 * 100 + int(raw2)
        if first < second:  # "2014-2016", "2022-23"; but "1500-2000 people" is a count
            if not year_ok(scan, start, m.end(), first):
                return None
            return Cand(start, m.end(), "period", mkdate(first, 1, 1), "year")
        if is_count_after(scan, m.end()):
            return None  # "1800-2000 people"
    if not year_ok(scan, start, m.end("y"), first):
        return None
    return Cand(start, m.end("y"), "year", mkdate(first, 1, 1), "year")


def on_decade(m: re.Match[str], scan: Scan) -> Cand | None:
    if glued(scan.low, m.start(), NOT_BEFORE_NUMBER | {"'", "’"}):
        return None
    century = m.groupdict().get("y")  # "1990s" names its century; "'90s" does not
    if century:
        first = int(century)
    else:
        latest = scan.pub.year if scan.pub else 2099
        first = latest // 100 * 100 + int(m["yy"])
        if first > latest:
            first -= 100
    if not YEAR_MIN <= first <= YEAR_MAX:
        return None
    return Cand(m.start(), m.end(), "period", mkdate(first, 1, 1), "year")


def on_clock(m: re.Match[str], scan: Scan) -> Cand | None:
    if glued(scan.text, m.start(), NOT_BEFORE_NUMBER):
        return None
    hour = int(m["h"])
    if hour > (12 if m["ap"] else 24) or (m["ap"] and hour == 0):
        return None
    return Cand(m.start(), m.end(), "time", None, "time")


def on_clock_tz(m: re.Match[str], scan: Scan) -> Cand | None:
    if glued(scan.text, m.start(), NOT_BEFORE_NUMBER) or int(m["h"]) > 24:
        return None
    return Cand(m.start(), m.end(), "time", None, "time")


def on_oclock(m: re.Match[str], scan: Scan) -> Cand | None:
    found = scan.vocab.back_number.find(scan.low, m.start())
    if found is None or glued(scan.low, found[0], NOT_BEFORE_NUMBER):
        return None
    n = scan.vocab.number(found[1])
    if n is None or not 1 <= n <= 12:
        return None
    return Cand(found[0], m.end(), "time", None, "time")


def on_hour_after_article(m: re.Match[str], scan: Scan) -> Cand | None:
    """"a las 10", "las 17:30 horas", "las 10 de la noche": the span is the hour and after."""
    if glued(scan.low, m.start()) or int(m["h"]) > 24:
        return None
    if not (m["mi"] or m["part"] or m["hs"] or scan.vocab.back_clock.find(scan.low, m.start())):
        return None  # "las 5" alone may count things ("las 5 personas")
    return Cand(m.start("t"), m.end("t"), "time", None, "time")
