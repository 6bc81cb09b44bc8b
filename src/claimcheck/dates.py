"""Find date and time expressions in news text and resolve them against publication.

`find_dates(text, published)` returns every date, year, clock time, relative day and period
in text order as `DateMention` records (character spans, end exclusive, non-overlapping: when
candidates overlap the longer wins). The extractor uses them twice: to date the event a
numeric claim is about (`event_date_near`), and to know which digits belong to a date and so
are not claims. Vocabulary (English and Spanish month, weekday and relative words) is data in
`lexicon/dates.json`.

Resolution choices, all against the publication date `pub`:

* A month and day without a year ("August 21") takes the latest year that puts it no more
  than `_FUTURE_DAYS` (7) days after `pub`: news mostly reports the past, but "on January 2"
  in a 30 December article is the coming one. A month alone ("in April") does the same with
  its 1st. "last April", "next April" and "April this year" pick the year explicitly.
* A day range ("20-21 August") is dated by its first day, except after a night word
  ("overnight on 20-21 August", "the night of 20-21 August", "la noche del 20 al 21"): news
  counts an overnight attack on the morning it ends, so those take the last day. "overnight
  into August 21" is the 21st; "overnight" alone is `pub` (the night ending that morning);
  "Monday into Tuesday" is the Tuesday.
* A bare weekday ("on Wednesday", "el martes") is the latest such day on or before `pub`
  (the same day counts); "last Wednesday" is strictly before, "next Wednesday" strictly after.
* "today", "tonight", "this morning" are `pub`; "yesterday" and "last night" the day before.
  "this week"/"last week" start on a Monday, "last month" on the 1st, "last year" on 1 January.
* "the day before", "the next day", "two days earlier" count from the previous day-level date
  in the text, or from `pub` when there is none; "two days ago" always counts from `pub`.
  "two days before <something>" is found but left unresolved (day None).
* A year alone is 1 January of it (granularity "year"); a month, alone or with a year, is its
  1st (granularity "month"). A bare four-digit number counts as a year only when its context
  does not make it a count (`year_strong_contexts`, `count_prefixes`, `count_nouns`).
* "10/29/2024" is read day-first or month-first when only one reading is valid; when both are
  ("03/04/2024") the mention is still found (its digits are not claims) with day None. Dotted
  dates ("29.10.2024") are day-first.
* Clock times ("4:40 am", "at 17:13", "0900 GMT", "a las 10 de la noche") have day None.
* With `published=None` everything is still found; what needs `pub` gets day None.

Speed: every pattern starts with a literal or a character class, so the regex engine skips
ahead to plausible starts, and all quantifiers are bounded; optional context words before a
match ("overnight on", "last", "in") are checked by matching backwards over a short window.
Scanning is linear in the length of the text. Case-insensitive words are matched against a
lower-cased copy of the text of the same length.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from claimcheck import lexicon
from claimcheck.errors import ClaimcheckError

__all__ = ["DateMention", "event_date_near", "find_dates"]

_KINDS = frozenset({"date", "year", "time", "relative", "period"})
_GRANULARITIES = frozenset({"day", "month", "year", "time"})
_FUTURE_DAYS = 7
_BARE_YEAR_MIN, _BARE_YEAR_AHEAD = 1800, 10
_YEAR_MIN, _YEAR_MAX = 1000, 2199
_BACK_WINDOW = 48
_WS = r"\s{1,3}"
# Placed after a pattern's first digit: fail at once inside a longer number or word.
_LEAD = r"(?<![\w.,:][0-9])"
_NOT_BEFORE_NUMBER = frozenset(".,:/$€£¥#")


class _MentionError(ClaimcheckError, ValueError):
    """A DateMention was built with an impossible span, kind or granularity."""


@dataclass(frozen=True)
class DateMention:
    """One date or time expression: `text[start:end]`, what it is, and the day it names."""

    start: int
    end: int
    kind: str
    day: dt.date | None
    granularity: str

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise _MentionError(
                f"DateMention span ({self.start}, {self.end}) is empty or negative; "
                "start must be >= 0 and below end."
            )
        if self.kind not in _KINDS:
            raise _MentionError(f"DateMention kind {self.kind!r} is not one of {sorted(_KINDS)}.")
        if self.granularity not in _GRANULARITIES:
            raise _MentionError(
                f"DateMention granularity {self.granularity!r} is not one of "
                f"{sorted(_GRANULARITIES)}."
            )


# --------------------------------------------------------------------------- date arithmetic


def _as_date(published: object) -> dt.date | None:
    if isinstance(published, dt.datetime):
        return published.date()
    return published if isinstance(published, dt.date) else None


def _mkdate(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _add_days(day: dt.date | None, n: int) -> dt.date | None:
    if day is None:
        return None
    try:
        return day + dt.timedelta(days=n)
    except OverflowError:
        return None


def _shift(base: dt.date | None, n: int, unit: str) -> tuple[dt.date | None, str]:
    """`base` moved by n units: a week lands on its Monday, a month on the 1st, a year on 1 Jan."""
    if base is None:
        return None, "day" if unit in ("day", "week") else unit
    if unit == "day":
        return _add_days(base, n), "day"
    if unit == "week":
        return _add_days(base, 7 * n - base.weekday()), "day"
    if unit == "month":
        year, month0 = divmod(base.year * 12 + base.month - 1 + n, 12)
        return _mkdate(year, month0 + 1, 1), "month"
    return _mkdate(base.year + n, 1, 1), "year"


def _near_year(pub: dt.date | None, month: int, day: int) -> dt.date | None:
    """The latest month/day at most `_FUTURE_DAYS` after `pub` (8 years back, for 29 Feb)."""
    if pub is None:
        return None
    limit = _add_days(pub, _FUTURE_DAYS) or pub
    for year in range(pub.year + 1, pub.year - 9, -1):
        found = _mkdate(year, month, day)
        if found is not None and found <= limit:
            return found
    return None


def _month_with_modifier(pub: dt.date | None, month: int, offset: int) -> dt.date | None:
    if pub is None:
        return None
    if offset < 0:  # "last April": the latest April before the publication month
        return _mkdate(pub.year if month < pub.month else pub.year - 1, month, 1)
    if offset > 0:  # "next April": the first April after it
        return _mkdate(pub.year if month > pub.month else pub.year + 1, month, 1)
    return _mkdate(pub.year, month, 1)


def _weekday(pub: dt.date | None, weekday: int, mode: str) -> dt.date | None:
    if pub is None:
        return None
    if mode == "after":
        return _add_days(pub, (weekday - pub.weekday()) % 7 or 7)
    back = (pub.weekday() - weekday) % 7
    return _add_days(pub, -(back or 7) if mode == "before" else -back)


# --------------------------------------------------------------------------- text helpers


def _norm(text: str) -> str:
    return " ".join(text.split())


def _lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)  # e.g. "İ"


def _glued(text: str, start: int, extra: frozenset[str] = frozenset()) -> bool:
    """Does the match at `start` continue a word (or a number, for `extra` characters)?"""
    if start == 0:
        return False
    prev = text[start - 1]
    return prev.isalnum() or prev == "_" or prev in extra


def _phrase(text: str) -> str:
    return _WS.join(re.escape(part) for part in text.split())


def _alt(phrases: Iterable[str]) -> str:
    unique = sorted({p.lower() for p in phrases}, key=lambda p: (-len(p), p))
    return "|".join(_phrase(p) for p in unique)


class _Back:
    """Phrases that may stand just before a match, found by matching backwards from it."""

    def __init__(self, phrases: Iterable[str], sep: str = _WS, extra: str = "") -> None:
        body = _alt(p[::-1] for p in phrases)
        if extra:
            body = f"{extra}|{body}"
        self._re = re.compile(rf"{sep}(?P<p>{body})(?!\w)")

    def find(self, low: str, pos: int) -> tuple[int, str] | None:
        """(start, normalised phrase) of the phrase ending just before `pos`, or None."""
        window = low[max(0, pos - _BACK_WINDOW) : pos][::-1]
        found = self._re.match(window)
        if found is None:
            return None
        return pos - found.end(), _norm(found["p"][::-1])


# --------------------------------------------------------------------------- lexicon


@dataclass
class _Cand:
    start: int
    end: int
    kind: str  # "" marks a blocker: it claims its span and is then dropped
    day: dt.date | None
    gran: str
    shift: tuple[int, str] | None = None  # (n, unit) from the previous day-level date


_PRIO = {"": 0, "date": 1, "period": 2, "relative": 3, "time": 4, "year": 5}


@dataclass(frozen=True)
class _Scan:
    text: str
    low: str
    pub: dt.date | None


_Handler = Callable[[re.Match[str], _Scan], _Cand | None]


def _lower_map(raw: Mapping[str, Any]) -> dict[str, Any]:
    return {_norm(k.lower()): v for k, v in raw.items()}


class _Lex:
    """The dates lexicon, normalised for lookup, with the patterns built from it."""

    def __init__(self, raw: Mapping[str, Any]) -> None:
        self.en_months = frozenset(_lower_map(raw["months_en"]) | _lower_map(raw["months_en_abbr"]))
        self.month_abbrs = frozenset(_lower_map(raw["months_en_abbr"]))
        self.months: dict[str, int] = {}
        for key in ("months_en", "months_en_abbr", "months_es"):
            self.months.update(_lower_map(raw[key]))
        self.name_months = frozenset(_lower_map(dict.fromkeys(raw["name_months"])))
        self.name_month_contexts = frozenset(raw["name_month_contexts"])
        self.weekdays_es = frozenset(raw["weekdays_es"])
        self.weekdays: dict[str, int] = _lower_map(raw["weekdays_en"]) | raw["weekdays_es"]
        self.weekday_mods: dict[str, str] = _lower_map(raw["weekday_modifiers"])
        self.weekday_seps: dict[str, str] = raw["weekday_range_separators"]
        self.night = frozenset(raw["night_prefixes"])
        self.month_mods: dict[str, int] = raw["month_modifiers"]
        self.year_suffixes: dict[str, int] = raw["year_suffixes"]
        self.relative: dict[str, list[Any]] = raw["relative"]
        self.anaphoric: dict[str, int] = raw["anaphoric"]
        self.blockers = frozenset(raw["blockers"])
        self.clock_words = frozenset(raw["clock_words"])
        self.directions: dict[str, dict[str, Any]] = raw["shift_directions"] | raw["shift_prefixes"]
        self.units: dict[str, list[Any]] = raw["shift_units"]
        self.numbers: dict[str, int] = raw["small_numbers"]
        self.strong_year = frozenset(raw["year_strong_contexts"])
        self.count_prefixes = frozenset(raw["count_prefixes"])
        self.count_nouns = frozenset(raw["count_nouns"])

        self.back_weekday = _Back([*raw["weekdays_en"], *raw["weekdays_es"]], r"[\s,]{1,3}")
        self.back_night = _Back(raw["night_prefixes"])
        self.back_the = _Back(["the", "el"])
        self.back_wd_mod = _Back(raw["weekday_modifiers"])
        self.back_night_or_early = _Back(list(raw["night_prefixes"]) + list(raw["early_late"]))
        self.back_es_article = _Back(raw["weekdays_es_articles"])
        self.back_number = _Back(raw["small_numbers"], extra=r"[0-9]{1,2}")
        self.back_a = _Back(["a"])
        self.rules = _build_rules(raw)


@cache
def _lex() -> _Lex:
    return _Lex(lexicon.load("dates"))


# --------------------------------------------------------------------------- patterns


def _day(name: str) -> str:
    return rf"(?P<{name}>[0-9]{_LEAD}[0-9]?)(?:st|nd|rd|th|º|°|\.º)?(?!\w|[.,:][0-9])"


def _year4(name: str) -> str:
    return rf"(?P<{name}>[12][0-9]{{3}})(?![0-9]|[.,][0-9])"


def _day_range(name: str) -> str:
    sep = r"\s{0,2}(?:-|–|—|to|and|through|al|y|a)\s{0,2}"
    return rf"(?:{sep}(?:(?:the|el){_WS})?{_day(name)})?"


def _year_tail(name: str) -> str:
    return rf"(?:,?{_WS}(?:(?:de|del){_WS})?{_year4(name)})?"


def _build_rules(raw: Mapping[str, Any]) -> list[tuple[re.Pattern[str], bool, _Handler]]:
    """(pattern, runs on the original rather than the lower-cased text, handler)."""
    mon = f"(?P<mon>{_alt([*raw['months_en'], *raw['months_en_abbr'], *raw['months_es']])})"
    wd = _alt([*raw["weekdays_en"], *raw["weekdays_es"]])
    pod = _alt(raw["parts_of_day"])
    phrases = [*raw["relative"], *raw["anaphoric"], *raw["blockers"], *raw["clock_words"]]
    ampm = f"(?i:{_alt(raw['ampm'])})"
    tz = "|".join(_phrase(z) for z in sorted(raw["timezones"], key=len, reverse=True))
    tz_tail = rf"(?:\s{{1,2}}\(?(?:{tz})(?!\w))?"
    year_sep = "|".join(
        _WS + re.escape(s) + _WS if s.isalpha() else rf"\s{{0,2}}{re.escape(s)}\s{{0,2}}"
        for s in raw["year_range_separators"]
    )
    low_rules: list[tuple[str, _Handler]] = [
        (rf"{mon}\.?{_WS}(?:the{_WS})?{_day('d1')}{_day_range('d2')}"
         rf"{_year_tail('y')}", _on_month_day),
        (rf"{_day('d1')}{_day_range('d2')}{_WS}(?:(?:of|de){_WS})?{mon}\.?(?!\w)"
         rf"{_year_tail('y')}", _on_month_day),
        (rf"{mon}\.?(?!\w)(?:,?{_WS}(?:(?:of|de|del){_WS})?{_year4('y')}"
         rf"|{_WS}(?P<ysuf>{_alt(raw['year_suffixes'])})(?!\w))", _on_month_year),
        (rf"(?P<pre>{_alt([*raw['month_modifiers'], *raw['month_contexts']])})[\s-]{{1,3}}"
         rf"(?:the{_WS})?{mon}(?!\w)", _on_month_alone),
        (rf"(?P<wd1>{wd})(?:{_WS}(?P<mod2>{_alt(raw['weekday_modifiers'])}))?"
         rf"(?:{_WS}(?:{pod}))?(?:{_WS}(?P<sep>{_alt(raw['weekday_range_separators'])}){_WS}"
         rf"(?:el{_WS})?(?P<wd2>{wd})(?:{_WS}(?:{pod}))?)?(?!\w)", _on_weekday),
        (rf"(?P<ph>{_alt(phrases)})(?:{_WS}(?P<pod>{pod}))?(?!\w)", _on_phrase),
        (rf"(?P<u>{_alt(raw['shift_units'])}){_WS}(?P<dir>{_alt(raw['shift_directions'])})"
         rf"(?!\w)", _on_shift_after),
        (rf"(?P<dir>{_alt(raw['shift_prefixes'])}){_WS}"
         rf"(?P<n>[0-9]{{1,2}}|{_alt(raw['small_numbers'])}){_WS}"
         rf"(?P<u>{_alt(raw['shift_units'])})(?!\w)", _on_shift_before),
        (rf"(?P<y>[12]{_LEAD}[0-9]{{3}})(?P<s>[-/.])(?P<m>[01]?[0-9])(?P=s)"
         r"(?P<d>[0-3]?[0-9])(?:[t ][0-2][0-9]:[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,9})?)?"
         r"(?:z|[+-][0-2][0-9]:?[0-5][0-9])?)?(?![\w:]|[.,/-][0-9])", _on_iso),
        (rf"(?P<a>[0-9]{_LEAD}[0-9]?)(?P<s>[/.-])(?P<b>[0-9][0-9]?)(?P=s)"
         r"(?P<y>[12][0-9]{3}|[0-9]{2})(?![\w:]|[.,/-][0-9])", _on_numeric),
        (rf"(?P<y>[12]{_LEAD}[0-9]{{3}})(?:(?P<sep>{year_sep})"
         r"(?P<y2>[12][0-9]{3}|[0-9]{2}))?(?![\w%]|[.,:/-][0-9])", _on_year),
        (rf"(?P<y>[12]{_LEAD}[0-9]{{2}}0)['’]?s(?!\w)", _on_decade),
        (r"['’](?P<yy>[0-9]0)s(?!\w)", _on_decade),
        (r"o['’]clock(?!\w)", _on_oclock),
        (rf"las?{_WS}(?P<t>(?P<h>[0-9][0-9]?)(?P<mi>[.:][0-5][0-9])?"
         rf"(?:{_WS}(?P<part>{_alt(raw['es_time_parts'])})|{_WS}(?P<hs>horas|hrs|h))?)"
         r"(?![\w:]|[.,][0-9])", _on_time_es),
    ]
    text_rules: list[tuple[str, _Handler]] = [
        (rf"(?P<h>[0-9]{_LEAD}[0-9]?)(?=[:h.aApP\s])"
         rf"(?:(?::|h)[0-5][0-9](?::[0-5][0-9])?(?![0-9]|[.,:][0-9])"
         rf"(?:\s{{0,2}}{ampm}(?!\w))?|(?:[.:][0-5][0-9])?\s{{0,2}}(?P<ap>{ampm})(?!\w))"
         rf"{tz_tail}", _on_clock),
        (rf"(?P<h>[0-2]{_LEAD}[0-9])[0-5][0-9]\s{{0,2}}(?:{tz})(?!\w)", _on_clock_tz),
    ]
    return [(re.compile(p), False, h) for p, h in low_rules] + [
        (re.compile(p), True, h) for p, h in text_rules
    ]


# --------------------------------------------------------------------------- context tests

_NEXT_TOKEN = re.compile(r"\s{0,3}([^\W\d_]{1,40}|\S)")
_OPEN_FOLLOW = re.compile(r"\s{1,3}[^\W\d_]")


def _prev_tokens(low: str, start: int) -> tuple[str, str]:
    """The last word and the last two words before `start` ('' when absent)."""
    tokens = low[max(0, start - 32) : start].split()
    if not tokens:
        return "", ""
    last = tokens[-1].lstrip("([{\"'“‘«¿¡").rstrip("-–")
    return last, (f"{tokens[-2]} {last}" if len(tokens) > 1 else last)


def _is_count_after(low: str, end: int, lex: _Lex) -> bool:
    found = _NEXT_TOKEN.match(low, end, end + 48)
    return found is not None and (found[1] == "%" or found[1] in lex.count_nouns)


def _plausible_year(year: int, pub: dt.date | None) -> bool:
    ceiling = pub.year + _BARE_YEAR_AHEAD if pub else 2100
    return _BARE_YEAR_MIN <= year <= ceiling


def _year_ok(scan: _Scan, start: int, end: int, year: int) -> bool:
    """Does the four-digit number at [start, end) read as a year in its context?"""
    lex = _lex()
    if not _YEAR_MIN <= year <= _YEAR_MAX:
        return False
    last, two = _prev_tokens(scan.low, start)
    if last in lex.strong_year:
        return True
    if last in lex.count_prefixes or two in lex.count_prefixes:
        return False
    return not _is_count_after(scan.low, end, lex) and _plausible_year(year, scan.pub)


# --------------------------------------------------------------------------- handlers


def _on_month_day(m: re.Match[str], scan: _Scan) -> _Cand | None:
    lex = _lex()
    month = lex.months.get(m["mon"])
    if month is None or not _month_case_ok(m, scan, lex):
        return None
    day_first = m.start("d1") < m.start("mon")
    if _glued(scan.low, m.start(), _NOT_BEFORE_NUMBER if day_first else frozenset()):
        return None
    first, last = int(m["d1"]), int(m["d2"]) if m["d2"] else None
    start, end = m.start(), m.end()
    if last is not None and (
        not first < last <= 31 or (not day_first and _is_count_after(scan.low, end, lex))
    ):  # "August 21 and 5 people", "August 21 and 22 people": not a range
        if day_first:
            first, last, start = last, None, m.start("d2")
        else:
            last, end = None, m.end("d1")
    if not 1 <= first <= 31:
        return None
    if m["y"] and end == m.end() and (
        not _plausible_year(int(m["y"]), scan.pub) or _is_count_after(scan.low, end, lex)
    ):
        dot = m["mon"] in lex.month_abbrs and scan.low.startswith(".", m.end("mon"))
        end = max(m.end("mon") + dot, m.end("d2") if m["d2"] else m.end("d1"))
    year = m["y"] if end == m.end() else None
    if not year and scan.low[end - 1] == "." and m["mon"] not in lex.month_abbrs:
        end -= 1  # "21 August." ends the sentence; the full stop is not part of the date
    # context before: ["the"] [weekday[,]] [night word]
    base = start
    if day_first and start == m.start():
        the = lex.back_the.find(scan.low, start)
        base = the[0] if the else start
    weekday = lex.back_weekday.find(scan.low, base)
    if weekday:
        start = base = weekday[0]
    night = lex.back_night.find(scan.low, base)
    if night:
        start = night[0]
    chosen = last if last is not None and night else first
    day = _mkdate(int(year), month, chosen) if year else _near_year(scan.pub, month, chosen)
    return _Cand(start, end, "date", day, "day")


def _month_case_ok(m: re.Match[str], scan: _Scan, lex: _Lex) -> bool:
    """English month names count only capitalised, so 'march' and 'may' are not months."""
    return m["mon"] not in lex.en_months or scan.text[m.start("mon")].isupper()


def _on_month_year(m: re.Match[str], scan: _Scan) -> _Cand | None:
    """A month with its year: "June 2022", "octubre de 2024", "April this year"."""
    lex = _lex()
    month = lex.months.get(m["mon"])
    if month is None or _glued(scan.low, m.start()) or not _month_case_ok(m, scan, lex):
        return None
    if m["ysuf"]:
        offset = lex.year_suffixes.get(_norm(m["ysuf"]), 0)
        day = _mkdate(scan.pub.year + offset, month, 1) if scan.pub else None
        return _Cand(m.start(), m.end(), "period", day, "month")
    year = int(m["y"])
    if not _plausible_year(year, scan.pub) or _is_count_after(scan.low, m.end(), lex):
        return None  # "May 2000 people": the number is a count
    return _Cand(m.start(), m.end(), "period", _mkdate(year, month, 1), "month")


def _on_month_alone(m: re.Match[str], scan: _Scan) -> _Cand | None:
    """A month after a modifier ("last April") or a context word ("in April", "mid-April")."""
    lex = _lex()
    word, pre = m["mon"], _norm(m["pre"])
    month = lex.months.get(word)
    if (
        month is None
        or word in lex.month_abbrs  # "Jan" alone is not a month mention
        or _glued(scan.low, m.start())
        or not _month_case_ok(m, scan, lex)
    ):
        return None
    if pre in lex.month_mods:
        day = _month_with_modifier(scan.pub, month, lex.month_mods[pre])
        return _Cand(m.start(), m.end(), "period", day, "month")
    if word in lex.name_months and pre not in lex.name_month_contexts:
        return None  # "a letter to May" is about a person
    return _Cand(m.start("mon"), m.end(), "period", _near_year(scan.pub, month, 1), "month")


def _on_weekday(m: re.Match[str], scan: _Scan) -> _Cand | None:
    lex = _lex()
    if _glued(scan.low, m.start()):
        return None
    first = lex.weekdays.get(_norm(m["wd1"]))
    second = lex.weekdays.get(_norm(m["wd2"])) if m["wd2"] else None
    if first is None or (m["wd2"] and second is None):
        return None
    start = m.start()
    mode = lex.weekday_mods.get(_norm(m["mod2"]), "") if m["mod2"] else ""
    mod = lex.back_wd_mod.find(scan.low, start)
    if mod:
        start, mode = mod[0], lex.weekday_mods.get(mod[1], "")
    if _norm(m["wd1"]) in lex.weekdays_es:
        article = lex.back_es_article.find(scan.low, start)
        if article is None:
            return None  # "Santo Domingo": a Spanish weekday needs "el", "del", ...
        night = "noche" in article[1] or "madrugada" in article[1]
    else:
        before = lex.back_night_or_early.find(scan.low, start)
        if before:
            start = before[0]
        night = before is not None and before[1] in lex.night
    into = lex.weekday_seps.get(_norm(m["sep"] or "")) == "last"
    target = second if second is not None and (night or into) else first
    return _Cand(start, m.end(), "relative", _weekday(scan.pub, target, mode), "day")


def _on_phrase(m: re.Match[str], scan: _Scan) -> _Cand | None:
    lex = _lex()
    if _glued(scan.low, m.start()):
        return None
    phrase = _norm(m["ph"])
    start, end = m.start(), m.end("ph")
    if phrase in lex.blockers:
        return _Cand(start, end, "", None, "day")
    if phrase in lex.clock_words:
        return _Cand(start, end, "time", None, "time")
    if phrase in lex.anaphoric:
        if phrase.split()[-1] in ("before", "after") and _OPEN_FOLLOW.match(scan.low, end):
            return _Cand(start, end, "relative", None, "day")  # "the day before the vote"
        return _Cand(start, end, "relative", None, "day", shift=(lex.anaphoric[phrase], "day"))
    entry = lex.relative.get(phrase)
    if entry is None:
        return None
    unit, offset = str(entry[0]), int(entry[1])
    day, gran = _shift(scan.pub, offset, unit)
    if unit == "day":
        return _Cand(start, m.end(), "relative", day, gran)
    return _Cand(start, end, "period", day, gran)


def _shift_cand(
    scan: _Scan, start: int, end: int, n: int, unit_word: str, direction_word: str
) -> _Cand | None:
    lex = _lex()
    unit, direction = lex.units.get(unit_word), lex.directions.get(direction_word)
    if unit is None or direction is None:
        return None
    base_unit, amount = str(unit[0]), n * int(unit[1]) * int(direction["sign"])
    gran = "day" if base_unit == "day" else base_unit
    if direction.get("open") and _OPEN_FOLLOW.match(scan.low, end):
        return _Cand(start, end, "relative", None, gran)  # "two days before the vote"
    if direction["from"] == "pub":
        day, gran = _shift(scan.pub, amount, base_unit)
        return _Cand(start, end, "relative", day, gran)
    return _Cand(start, end, "relative", None, gran, shift=(amount, base_unit))


def _number(word: str) -> int | None:
    return int(word) if word.isascii() and word.isdigit() else _lex().numbers.get(word)


def _on_shift_after(m: re.Match[str], scan: _Scan) -> _Cand | None:
    found = _lex().back_number.find(scan.low, m.start())
    if found is None or _glued(scan.low, found[0], _NOT_BEFORE_NUMBER):
        return None
    n = _number(found[1])
    if n is None:
        return None
    return _shift_cand(scan, found[0], m.end(), n, _norm(m["u"]), _norm(m["dir"]))


def _on_shift_before(m: re.Match[str], scan: _Scan) -> _Cand | None:
    n = _number(m["n"])
    if n is None or _glued(scan.low, m.start()):
        return None
    return _shift_cand(scan, m.start(), m.end(), n, _norm(m["u"]), _norm(m["dir"]))


def _on_iso(m: re.Match[str], scan: _Scan) -> _Cand | None:
    day = _mkdate(int(m["y"]), int(m["m"]), int(m["d"]))
    if day is None or _glued(scan.low, m.start(), _NOT_BEFORE_NUMBER | {"-"}):
        return None
    return _Cand(m.start(), m.end(), "date", day, "day")


def _on_numeric(m: re.Match[str], scan: _Scan) -> _Cand | None:
    if _glued(scan.low, m.start(), _NOT_BEFORE_NUMBER | {"-"}):
        return None
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    if len(m["y"]) == 2:
        if m["s"] != "/":
            return None
        year += 2000
    day_first = _mkdate(year, b, a)
    month_first = _mkdate(year, a, b) if m["s"] != "." else None
    if day_first is None and month_first is None:
        return None
    if day_first is not None and month_first is not None and day_first != month_first:
        day = None  # "03/04/2024": both readings are valid, so the day is unknown
    else:
        day = day_first or month_first
    return _Cand(m.start(), m.end(), "date", day, "day")


def _on_year(m: re.Match[str], scan: _Scan) -> _Cand | None:
    start = m.start()
    if _glued(scan.low, start, _NOT_BEFORE_NUMBER) or (
        scan.low[start - 1 : start] in ("-", "–") and scan.low[start - 2 : start - 1].isdigit()
    ):
        return None
    first = int(m["y"])
    if m["y2"]:
        raw2 = m["y2"]
        second = int(raw2) if len(raw2) == 4 else first // 100 * 100 + int(raw2)
        if first < second:  # "2014-2016", "2022-23"; but "1500-2000 people" is a count
            if not _year_ok(scan, start, m.end(), first):
                return None
            return _Cand(start, m.end(), "period", _mkdate(first, 1, 1), "year")
        if _is_count_after(scan.low, m.end(), _lex()):
            return None  # "1800-2000 people"
    if not _year_ok(scan, start, m.end("y"), first):
        return None
    return _Cand(start, m.end("y"), "year", _mkdate(first, 1, 1), "year")


def _on_decade(m: re.Match[str], scan: _Scan) -> _Cand | None:
    if _glued(scan.low, m.start(), _NOT_BEFORE_NUMBER | {"'", "’"}):
        return None
    century = m.groupdict().get("y")  # "1990s" names its century; "'90s" does not
    if century:
        first = int(century)
    else:
        latest = scan.pub.year if scan.pub else 2099
        first = latest // 100 * 100 + int(m["yy"])
        if first > latest:
            first -= 100
    if not _YEAR_MIN <= first <= _YEAR_MAX:
        return None
    return _Cand(m.start(), m.end(), "period", _mkdate(first, 1, 1), "year")


def _on_clock(m: re.Match[str], scan: _Scan) -> _Cand | None:
    if _glued(scan.text, m.start(), _NOT_BEFORE_NUMBER):
        return None
    hour = int(m["h"])
    if hour > (12 if m["ap"] else 24) or (m["ap"] and hour == 0):
        return None
    return _Cand(m.start(), m.end(), "time", None, "time")


def _on_clock_tz(m: re.Match[str], scan: _Scan) -> _Cand | None:
    if _glued(scan.text, m.start(), _NOT_BEFORE_NUMBER) or int(m["h"]) > 24:
        return None
    return _Cand(m.start(), m.end(), "time", None, "time")


def _on_oclock(m: re.Match[str], scan: _Scan) -> _Cand | None:
    found = _lex().back_number.find(scan.low, m.start())
    if found is None or _glued(scan.low, found[0], _NOT_BEFORE_NUMBER):
        return None
    n = _number(found[1])
    if n is None or not 1 <= n <= 12:
        return None
    return _Cand(found[0], m.end(), "time", None, "time")


def _on_time_es(m: re.Match[str], scan: _Scan) -> _Cand | None:
    if _glued(scan.low, m.start()) or int(m["h"]) > 24:
        return None
    if not (m["mi"] or m["part"] or m["hs"] or _lex().back_a.find(scan.low, m.start())):
        return None  # "las 5" alone may count things ("las 5 personas")
    return _Cand(m.start("t"), m.end("t"), "time", None, "time")


# --------------------------------------------------------------------------- public API


def find_dates(text: str, published: dt.date | dt.datetime | None) -> list[DateMention]:
    """All date/time expressions in text order, non-overlapping (longest wins)."""
    if not isinstance(text, str) or not text:
        return []
    scan = _Scan(text, _lower_same_length(text), _as_date(published))
    cands: list[_Cand] = []
    for pattern, on_text, handler in _lex().rules:
        for match in pattern.finditer(text if on_text else scan.low):
            found = handler(match, scan)
            if found is not None and 0 <= found.start < found.end <= len(text):
                cands.append(found)
    cands.sort(key=lambda c: (c.start - c.end, _PRIO[c.kind], c.start))
    taken = bytearray(len(text))
    kept: list[_Cand] = []
    for c in cands:
        if taken.find(1, c.start, c.end) == -1:
            taken[c.start : c.end] = b"\x01" * (c.end - c.start)
            kept.append(c)
    kept.sort(key=lambda c: c.start)
    out: list[DateMention] = []
    anchor = scan.pub
    for c in kept:
        if not c.kind:
            continue
        day, gran = _shift(anchor, *c.shift) if c.shift is not None else (c.day, c.gran)
        if day is not None and gran == "day":
            anchor = day
        out.append(DateMention(c.start, c.end, c.kind, day, gran))
    return out


def event_date_near(
    mentions: list[DateMention],
    pos: int,
    sentence: tuple[int, int],
    published: dt.date | dt.datetime | None = None,
) -> DateMention | None:
    """The date mention that governs a claim at char offset pos.

    The nearest resolvable day/month/year mention inside `sentence` (a `(start, end)` span):
    one covering `pos` first, then the closest one ending at or before `pos`, else the closest
    one starting after it; None when the sentence has none. `published` is accepted so callers
    can pass their context unchanged; mentions are already resolved, so it is not consulted.
    """
    lo, hi = sentence
    before: DateMention | None = None
    after: DateMention | None = None
    for m in mentions:
        if m.day is None or m.granularity == "time" or m.start < lo or m.end > hi:
            continue
        if m.start <= pos < m.end:
            return m
        if m.end <= pos:
            if before is None or m.end > before.end:
                before = m
        elif after is None or m.start < after.start:
            after = m
    return before if before is not None else after
