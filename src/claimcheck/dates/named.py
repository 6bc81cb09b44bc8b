"""Dates named with words of a language: month names with a day or a year, weekdays.

"August 21", "21st of August", "la noche del 20 al 21 de agosto", "June 2022", "last April",
"in April", "on Tuesday night", "Monday into Tuesday", "el martes".
"""

from __future__ import annotations

import re

from claimcheck.dates.resolve import add_days, mkdate, month_with_modifier, near_year, weekday
from claimcheck.dates.scan import (
    NOT_BEFORE_NUMBER,
    Cand,
    Scan,
    glued,
    is_count_after,
    plausible_year,
)
from claimcheck.dates.vocabulary import norm


def on_month_day(m: re.Match[str], scan: Scan) -> Cand | None:
    vocab = scan.vocab
    month = vocab.months.get(m["mon"])
    if month is None or not month_case_ok(m, scan):
        return None
    day_first = m.start("d1") < m.start("mon")
    if glued(scan.low, m.start(), NOT_BEFORE_NUMBER if day_first else frozenset()):
        return None
    first, last = int(m["d1"]), int(m["d2"]) if m["d2"] else None
    start, end = m.start(), m.end()
    if last is not None and (
        not first < last <= 31 or (not day_first and is_count_after(scan, end))
    ):  # "August 21 and 5 people", "August 21 and 22 people": not a range
        if day_first:
            first, last, start = last, None, m.start("d2")
        else:
            last, end = None, m.end("d1")
    if not 1 <= first <= 31:
        return None
    if m["y"] and end == m.end() and (
        not plausible_year(int(m["y"]), scan.pub) or is_count_after(scan, end)
    ):
        dot = m["mon"] in vocab.month_abbrs and scan.low.startswith(".", m.end("mon"))
        end = max(m.end("mon") + dot, m.end("d2") if m["d2"] else m.end("d1"))
    year = m["y"] if end == m.end() else None
    if not year and scan.low[end - 1] == "." and m["mon"] not in vocab.month_abbrs:
        end -= 1  # "21 August." ends the sentence; the full stop is not part of the date
    start, night = _before_day(scan, m, start, day_first)
    chosen = last if last is not None and night else first
    day = mkdate(int(year), month, chosen) if year else near_year(scan.pub, month, chosen)
    # a range after a night word is one night; a single day only after "overnight into"
    one_night = night is not None and (last is not None or night in vocab.night_into)
    return Cand(start, end, "date", day, "day", night=one_night)


def _before_day(scan: Scan, m: re.Match[str], start: int, day_first: bool
                ) -> tuple[int, str | None]:
    """The start of a month-day widened by its context, ["the"] [weekday[,]] [night word],
    and the night word when there is one."""
    vocab = scan.vocab
    base = start
    if day_first and start == m.start():
        the = vocab.back_the.find(scan.low, start)
        base = the[0] if the else start
    named = vocab.back_weekday.find(scan.low, base)
    if named:
        start = base = named[0]
    night = vocab.back_night.find(scan.low, base)
    if night:
        return night
    between = vocab.back_between.find(scan.low, base)
    if between and m["d2"] and int(m["d2"]) - int(m["d1"]) == 1:
        return between  # "entre samedi 1er et dimanche 2 juillet": one night
    return start, None


def month_case_ok(m: re.Match[str], scan: Scan) -> bool:
    """Months of a capitalising language count only capitalised: 'march' and 'may' are not."""
    return m["mon"] not in scan.vocab.capitalised_months or scan.text[m.start("mon")].isupper()


def on_month_year(m: re.Match[str], scan: Scan) -> Cand | None:
    """A month with its year: "June 2022", "octubre de 2024", "April this year"."""
    vocab = scan.vocab
    month = vocab.months.get(m["mon"])
    if month is None or glued(scan.low, m.start()) or not month_case_ok(m, scan):
        return None
    if m["ysuf"]:
        offset = vocab.year_suffixes.get(norm(m["ysuf"]), 0)
        day = mkdate(scan.pub.year + offset, month, 1) if scan.pub else None
        return Cand(m.start(), m.end(), "period", day, "month")
    year = int(m["y"])
    if not plausible_year(year, scan.pub) or is_count_after(scan, m.end()):
        return None  # "May 2000 people": the number is a count
    return Cand(m.start(), m.end(), "period", mkdate(year, month, 1), "month")


def on_month_alone(m: re.Match[str], scan: Scan) -> Cand | None:
    """A month after a modifier ("last April") or a context word ("in April", "mid-April")."""
    vocab = scan.vocab
    word, pre = m["mon"], norm(m["pre"])
    month = vocab.months.get(word)
    if (
        month is None
        or word in vocab.month_abbrs  # "Jan" alone is not a month mention
        or glued(scan.low, m.start())
        or not month_case_ok(m, scan)
    ):
        return None
    if pre in vocab.month_mods:
        day = month_with_modifier(scan.pub, month, vocab.month_mods[pre])
        return Cand(m.start(), m.end(), "period", day, "month")
    if word in vocab.name_months and pre not in vocab.name_month_contexts:
        return None  # "a letter to May" is about a person
    return Cand(m.start("mon"), m.end(), "period", near_year(scan.pub, month, 1), "month")


def on_weekday(m: re.Match[str], scan: Scan) -> Cand | None:
    vocab = scan.vocab
    if glued(scan.low, m.start()):
        return None
    first = vocab.weekdays.get(norm(m["wd1"]))
    second = vocab.weekdays.get(norm(m["wd2"])) if m["wd2"] else None
    if first is None or (m["wd2"] and second is None):
        return None
    start = m.start()
    mode = vocab.weekday_mods.get(norm(m["mod2"]), "") if m["mod2"] else ""
    mod = vocab.back_wd_mod.find(scan.low, start)
    if mod:
        start, mode = mod[0], vocab.weekday_mods.get(mod[1], "")
    before: tuple[int, str] | None
    if norm(m["wd1"]) in vocab.article_weekdays:
        article = vocab.back_article.find(scan.low, start)
        if article is None:
            return None  # "Santo Domingo": a Spanish weekday needs "el", "del", ...
        night = article[1] in vocab.night  # "la noche del martes"
        before = article  # "in der Nacht zum Freitag" is a night into Friday
    else:
        before = vocab.back_night_or_early.find(scan.low, start)
        if before:
            start = before[0]
        night = before is not None and before[1] in vocab.night
    into = vocab.weekday_seps.get(norm(m["sep"] or "")) == "last"
    if second is not None:  # "the night from Sunday to Monday", "Monday into Tuesday"
        overnight = night or into
        target = second if overnight else first
        return Cand(start, m.end(), "relative", weekday(scan.pub, target, mode), "day",
                    night=overnight)
    day = weekday(scan.pub, first, mode)
    if m["pod1"] and norm(m["pod1"]) in vocab.night_parts:  # "Thursday night" ends on Friday
        return Cand(start, m.end(), "relative", add_days(day, 1), "day", night=True)
    into_night = before is not None and before[1] in vocab.night_into  # "overnight into Friday"
    return Cand(start, m.end(), "relative", day, "day", night=into_night)
