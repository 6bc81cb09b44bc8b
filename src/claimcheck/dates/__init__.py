"""Find date and time expressions in news text and resolve them against publication.

`find_dates(text, published)` returns every date, year, clock time, relative day and period
in text order as `DateMention` records (character spans, end exclusive, non-overlapping: when
candidates overlap the longer wins). The extractor uses them twice: to date the event a
numeric claim is about (`event_date_near`), and to know which digits belong to a date and so
are not claims.

Words are data: a language's month, weekday and relative words are its `lang/<code>/dates.json`
table, and what every language shares (time-zone codes, symbols) is `lexicon/dates.json`.
`find_dates(text, published, lang="es")` reads one language's words; with no language it reads
the words of every language claimcheck has a package for (English and Spanish) together; a
language without a package reads only numeric forms (ISO dates, years, clock times in digits).

The package: `patterns` (the regexes of a vocabulary), `named` (month and weekday names),
`relative` (relative and anaphoric phrases), `digits` (numeric dates, years, clock times),
`resolve` (date arithmetic), `vocabulary` (the merged tables), `scan` (context tests).

Resolution choices, all against the publication date `pub`:

* A month and day without a year ("August 21") takes the latest year that puts it no more
  than `FUTURE_DAYS` (7) days after `pub`: news mostly reports the past, but "on January 2"
  in a 30 December article is the coming one. A month alone ("in April") does the same with
  its 1st. "last April", "next April" and "April this year" pick the year explicitly.
* A day range ("20-21 August") is dated by its first day, except after a night word
  ("overnight on 20-21 August", "the night of 20-21 August", "la noche del 20 al 21"): news
  counts an overnight attack on the morning it ends, so those take the last day. "overnight
  into August 21" is the 21st; "overnight" alone is `pub` (the night ending that morning);
  "Monday into Tuesday" is the Tuesday.
* A mention that names one night carries `night=True`: a night range ("the night of 20-21
  August", "la nuit de jeudi à vendredi", "Monday into Tuesday", two consecutive days after
  "entre"/"between"; "Thursday night" ends on Friday; "overnight into Friday"), a night
  phrase ("cette nuit", "the night before", "la nuit d'après": counted from a night, one
  night back or on; from a day, "the night before" ends on its morning), or a numbered night
  ("the third night", "la 4e nuit": the latest, ending on `pub`). "From the night of 27-28
  June to that of 2-3 July" is one period from its first evening, no night.
* A bare weekday ("on Wednesday", "el martes") is the latest such day on or before `pub`
  (the same day counts); "last Wednesday" is strictly before, "next Wednesday" strictly after.
* "today", "tonight", "this morning" are `pub`; "yesterday" and "last night" the day before.
  "this week"/"last week" start on a Monday, "last month" on the 1st, "last year" on 1 January.
* "the day before", "the next day", "two days earlier" count from the previous day-level date
  in the text, or from `pub` when there is none; "two days ago" always counts from `pub`.
  "two days before <something>" is found but left unresolved (day None). A shift in an
  approximate unit ("two decades ago", `approximate_shift_units`) takes the explicit date or
  year of the text nearest to it within the unit's tolerance (five years for decades).
* A year alone is 1 January of it (granularity "year"); a month, alone or with a year, is its
  1st (granularity "month"). A bare four-digit number counts as a year only when its context
  does not make it a count (`year_strong_contexts`, `count_prefixes`, `count_nouns`).
* "10/29/2024" is read day-first or month-first when only one reading is valid; when both are
  ("03/04/2024") the mention is still found (its digits are not claims) with day None. Dotted
  dates ("29.10.2024") are day-first.
* Clock times ("4:40 am", "at 17:13", "0900 GMT", "a las 10 de la noche") have day None.
* With `published=None` everything is still found; what needs `pub` gets day None.

Speed: every pattern starts with a literal or a character class and all quantifiers are
bounded; optional context words before a match ("overnight on", "last", "in") are checked by
matching backwards over a short window. Scanning is linear in the length of the text.
Case-insensitive words are matched against a lower-cased copy of the text of the same length.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import cache

from claimcheck.dates.mention import DateMention
from claimcheck.dates.patterns import Rule, rules
from claimcheck.dates.resolve import add_days, as_date, shift
from claimcheck.dates.scan import Cand, Scan, lower_same_length
from claimcheck.dates.vocabulary import Vocabulary, languages, vocabulary

__all__ = [
    "DateMention", "contrast_words", "cumulative_markers", "event_date_near", "find_dates",
    "period_openers", "period_totals", "present_markers",
]

_PRIO = {"": 0, "date": 1, "period": 2, "relative": 3, "time": 4, "year": 5}


@cache
def _reader(codes: tuple[str, ...]) -> tuple[Vocabulary, list[Rule]]:
    vocab = vocabulary(codes)
    return vocab, rules(vocab)


@cache
def _needs(codes: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """What the rules need a text to hold (a month, a weekday, a digit, ...), each once."""
    found: dict[int, re.Pattern[str]] = {}
    for _, _, _, needs in _reader(codes)[1]:
        if needs is not None:
            found.setdefault(id(needs), needs)  # by id: hashing a Pattern hashes its code
    return tuple(found.values())


@cache
def _applicable(codes: tuple[str, ...], present: tuple[bool, ...]) -> list[Rule]:
    """The rules, in their order, that can match a text holding what `present` says it holds
    (one flag for each of `_needs(codes)`): a few combinations occur, each listed once."""
    held = {id(n) for n, there in zip(_needs(codes), present, strict=True) if there}
    return [r for r in _reader(codes)[1] if r[3] is None or id(r[3]) in held]


def find_dates(
    text: str, published: dt.date | dt.datetime | None, lang: str | None = None
) -> list[DateMention]:
    """All date/time expressions in text order, non-overlapping (longest wins).

    `lang` is the ISO 639-1 code of the text's language; None reads the words of every
    language with a package, a language without one only numeric forms.
    """
    if not isinstance(text, str) or not text:
        return []
    codes = languages(lang)
    vocab = _reader(codes)[0]
    scan = Scan(text, lower_same_length(text), as_date(published), vocab)
    cands: list[Cand] = []
    # does the text contain what a rule needs? no month in the text: no rule that needs one
    present = tuple(needs.search(scan.low) is not None for needs in _needs(codes))
    for pattern, on_text, handler, _ in _applicable(codes, present):
        for match in pattern.finditer(text if on_text else scan.low):
            found = handler(match, scan)
            if found is not None and 0 <= found.start < found.end <= len(text):
                cands.append(found)
    kept = _snapped(_longest_first(cands, len(text)))
    return _night_spans(_resolved(kept, scan.pub), scan.low, vocab)


def contrast_words(lang: str | None = None) -> frozenset[str]:
    """The words that open a comparison with another time ("contre", "compared with") in
    `lang` (every language with a package for None), lower case."""
    return _reader(languages(lang))[0].contrast_words


def cumulative_markers(lang: str | None = None) -> frozenset[str]:
    """The words that make a figure a running total ("since the start", "so far", "depuis le
    début") in `lang` (every language with a package for None), lower case."""
    return _reader(languages(lang))[0].cumulative_markers


def period_openers(lang: str | None = None) -> frozenset[str]:
    """The words that, right before a date, open the period a total counts over ("since",
    "since the start of", "so far") in `lang` (every language with a package for None)."""
    return _reader(languages(lang))[0].period_openers


def period_totals(lang: str | None = None) -> frozenset[str]:
    """The phrases that make a figure a total over a long period with no date ("since the
    start of the war") in `lang` (every language with a package for None), lower case."""
    return _reader(languages(lang))[0].period_totals


def present_markers(lang: str | None = None) -> frozenset[str]:
    """The words that tie a sentence to the present of the story ("this time", "so far",
    "cette fois") in `lang` (every language with a package for None), lower case."""
    return _reader(languages(lang))[0].present_markers


def _longest_first(cands: list[Cand], size: int) -> list[Cand]:
    """The candidates that survive overlaps (longer, then by kind), in text order."""
    cands.sort(key=lambda c: (c.start - c.end, _PRIO[c.kind], c.start))
    taken = bytearray(size)
    kept: list[Cand] = []
    for c in cands:
        if taken.find(1, c.start, c.end) == -1:
            taken[c.start : c.end] = b"\x01" * (c.end - c.start)
            kept.append(c)
    kept.sort(key=lambda c: c.start)
    return kept


def _snapped(kept: list[Cand]) -> list[Cand]:
    """An approximate date ("two decades ago": 2004, give or take five years) takes the
    explicit date or year of the text nearest to it that lies within its approximation
    ("Aug. 25, 2005" in the same story): the text names the recalled event's own day."""
    exact = [(c.day.year, c) for c in kept if c.kind in ("date", "year") and c.day is not None]
    out: list[Cand] = []
    for c in kept:
        if c.approx and c.day is not None:
            near = [x for year, x in exact if abs(year - c.day.year) <= c.approx]
            if near:
                best = min(near, key=lambda x: abs(x.start - c.start))
                c = replace(c, day=best.day, gran=best.gran)
        out.append(c)
    return out


def _resolved(kept: list[Cand], pub: dt.date | None) -> list[DateMention]:
    """Mentions, anaphoric shifts counted from the previous day-level date (else `pub`)."""
    out: list[DateMention] = []
    anchor, anchor_night = pub, False
    for c in kept:
        if not c.kind:
            continue  # a blocker
        if c.shift is not None:
            n, unit = c.shift
            if c.night and not anchor_night and n <= 0:
                n += 1  # "the night before" a day ends on its morning; "that night" the next
            day, gran = shift(anchor, n, unit)
        else:
            day, gran = c.day, c.gran
        if day is not None and gran == "day":
            anchor, anchor_night = day, c.night
        out.append(DateMention(c.start, c.end, c.kind, day, gran, c.night))
    return out


def _night_spans(found: list[DateMention], low: str, vocab: Vocabulary) -> list[DateMention]:
    """"from the night of 27-28 June to that of 2-3 July" is one period of several nights,
    dated by its first evening: no single night."""
    out: list[DateMention] = []
    for d in found:
        prev = out[-1] if out else None
        if prev is not None and prev.night and d.day is not None \
                and " ".join(low[prev.end : d.start].split()) in vocab.night_span_links:
            first = add_days(prev.day, -1)
            out[-1] = DateMention(prev.start, d.end, "period", first, "day")
            continue
        out.append(d)
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
