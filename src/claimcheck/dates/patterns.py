"""The regular expressions of one vocabulary, each paired with the handler of its matches.

Every pattern starts with a literal or a character class, so the regex engine skips ahead to
plausible starts, and all quantifiers are bounded. Word alternations come from the vocabulary
(`alt`); a language without the words of a pattern gets `NEVER` there, so the pattern (or
its optional part) matches nothing.
"""

from __future__ import annotations

import re

from claimcheck.dates import digits, named, relative
from claimcheck.dates.scan import Handler
from claimcheck.dates.vocabulary import NEVER, WS, Vocabulary, alt, phrase

#: (pattern, runs on the original rather than the lower-cased text, handler, what the text
#: must contain somewhere for the pattern to match at all: a cheap test that skips it)
Rule = tuple[re.Pattern[str], bool, Handler, re.Pattern[str] | None]
_Spec = tuple[str, Handler, str | None]  # a rule before compiling
DIGIT = "[0-9]"

# Placed after a pattern's first digit: fail at once inside a longer number or word.
LEAD = r"(?<![\w.,:][0-9])"


def rules(vocab: Vocabulary) -> list[Rule]:
    """Every rule of `vocab`, the lower-cased ones first."""
    low = _word_rules(vocab) + _digit_rules(vocab)
    needs = {n: re.compile(n) for _, _, n in low + _clock_rules(vocab) if n is not None}
    return [(re.compile(p), False, h, needs.get(n or "")) for p, h, n in low] + [
        (re.compile(p), True, h, needs.get(n or "")) for p, h, n in _clock_rules(vocab)
    ]


def _words(vocab: Vocabulary, *keys: str) -> str:
    """The alternation of the words (or object keys) under `keys`."""
    return alt(word for key in keys for word in vocab.raw.get(key, ()))


def _day(name: str, vocab: Vocabulary) -> str:
    suffix = _words(vocab, "ordinal_suffixes")
    return rf"(?P<{name}>[0-9]{LEAD}[0-9]?)(?:{suffix})?(?!\w|[.,:][0-9])"


def _year4(name: str) -> str:
    return rf"(?P<{name}>[12][0-9]{{3}})(?![0-9]|[.,][0-9])"


def _day_range(name: str, vocab: Vocabulary) -> str:
    sep = rf"\s{{0,2}}(?:{_words(vocab, 'day_range_separators')})\s{{0,2}}"
    weekday = rf"(?:(?:{_words(vocab, 'weekdays')}),?{WS})?"  # "du jeudi 29 au vendredi 30 juin"
    return (rf"(?:{sep}(?:(?:{_words(vocab, 'day_articles')}){WS})?{weekday}"
            rf"{_day(name, vocab)})?")


def _year_tail(name: str, vocab: Vocabulary) -> str:
    return rf"(?:,?{WS}(?:(?:{_words(vocab, 'day_year_links')}){WS})?{_year4(name)})?"


def _word_rules(v: Vocabulary) -> list[_Spec]:
    """Months, weekdays and phrases: "August 21", "last April", "Monday", "two days ago"."""
    months = _words(v, "months", "month_abbreviations")
    mon = f"(?P<mon>{months})"
    units, nights = _words(v, "shift_units"), _words(v, "night_nouns")
    wd, pod = _words(v, "weekdays"), _words(v, "parts_of_day")
    phrases = _words(v, "relative", "anaphoric", "blockers", "clock_words")
    article = _words(v, "month_articles")
    days = f"{_day('d1', v)}{_day_range('d2', v)}"
    return [
        (rf"{mon}\.?{WS}(?:(?:{article}){WS})?{days}{_year_tail('y', v)}", named.on_month_day,
         months),
        (rf"{days}{WS}(?:(?:{_words(v, 'day_month_links')}){WS})?{mon}\.?(?!\w)"
         rf"{_year_tail('y', v)}", named.on_month_day, months),
        (rf"{mon}\.?(?!\w)(?:,?{WS}(?:(?:{_words(v, 'month_year_links')}){WS})?{_year4('y')}"
         rf"|{WS}(?P<ysuf>{_words(v, 'year_suffixes')})(?!\w))", named.on_month_year, months),
        (rf"(?P<pre>{_words(v, 'month_modifiers', 'month_contexts')})[\s-]{{1,3}}"
         rf"(?:(?:{article}){WS})?{mon}(?!\w)", named.on_month_alone, months),
        (rf"(?P<wd1>{wd})(?:{WS}(?P<mod2>{_words(v, 'weekday_modifiers')}))?"
         rf"(?:{WS}(?P<pod1>{pod}))?(?:{WS}(?P<sep>{_words(v, 'weekday_range_separators')}){WS}"
         rf"(?:(?:{_words(v, 'weekday_range_articles')}){WS})?(?P<wd2>{wd})(?:{WS}(?:{pod}))?)?"
         r"(?!\w)", named.on_weekday, wd),
        (rf"(?P<ph>{phrases})(?:{WS}(?P<pod>{pod}))?(?!\w)", relative.on_phrase, None),
        (rf"(?P<u>{units}){WS}(?P<dir>{_words(v, 'shift_directions')})"
         r"(?!\w)", relative.on_shift_after, units),
        (rf"(?:{_words(v, 'night_ordinals')}|[0-9]{{1,2}}(?:{_words(v, 'ordinal_night_suffixes')}))"
         rf"{WS}(?:{nights})(?!\w)", relative.on_ordinal_night, nights),
        (rf"(?P<dir>{_words(v, 'shift_prefixes')}){WS}"
         rf"(?P<n>[0-9]{{1,2}}|{_words(v, 'small_numbers')}){WS}"
         rf"(?P<u>{units})(?!\w)", relative.on_shift_before, units),
    ]


def _digit_rules(v: Vocabulary) -> list[_Spec]:
    """ISO and numeric dates, years and decades, an hour after a word ("a las 10")."""
    year_sep = "|".join(
        WS + re.escape(s) + WS if s.isalpha() else rf"\s{{0,2}}{re.escape(s)}\s{{0,2}}"
        for s in sorted(v.words("year_range_separators"), key=lambda s: (-len(s), s))
    )
    decade = _words(v, "decade_suffixes")
    hour_tail = (rf"(?:{WS}(?P<part>{_words(v, 'clock_parts')})"
                 rf"|{WS}(?P<hs>{_words(v, 'hour_words')}))?")
    return [
        (rf"(?P<y>[12]{LEAD}[0-9]{{3}})(?P<s>[-/.])(?P<m>[01]?[0-9])(?P=s)"
         r"(?P<d>[0-3]?[0-9])(?:[t ][0-2][0-9]:[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,9})?)?"
         r"(?:z|[+-][0-2][0-9]:?[0-5][0-9])?)?(?![\w:]|[.,/-][0-9])", digits.on_iso, DIGIT),
        (rf"(?P<a>[0-9]{LEAD}[0-9]?)(?P<s>[/.-])(?P<b>[0-9][0-9]?)(?P=s)"
         r"(?P<y>[12][0-9]{3}|[0-9]{2})(?![\w:]|[.,/-][0-9])", digits.on_numeric, DIGIT),
        (rf"(?P<y>[12]{LEAD}[0-9]{{3}})(?:(?P<sep>{year_sep})"
         r"(?P<y2>[12][0-9]{3}|[0-9]{2}))?(?![\w%]|[.,:/-][0-9])", digits.on_year, DIGIT),
        (rf"(?P<y>[12]{LEAD}[0-9]{{2}}0)['’]?(?:{decade})(?!\w)", digits.on_decade, DIGIT),
        (rf"['’](?P<yy>[0-9]0)(?:{decade})(?!\w)", digits.on_decade, DIGIT),
        (rf"(?:{_words(v, 'oclock')})(?!\w)", digits.on_oclock, None),
        (rf"(?:{_words(v, 'clock_articles')}){WS}(?P<t>(?P<h>[0-9][0-9]?)(?P<mi>[.:][0-5][0-9])?"
         rf"{hour_tail})(?![\w:]|[.,][0-9])", digits.on_hour_after_article, DIGIT),
    ]


def _clock_rules(v: Vocabulary) -> list[_Spec]:
    """Clock times, matched on the original text: "4:40 am", "17:13", "0900 GMT"."""
    ampm = f"(?i:{_words(v, 'ampm')})"
    suffixes = sorted(v.words("clock_suffixes"), key=lambda z: (-len(z), z))
    tz = "|".join(phrase(z) for z in suffixes) or NEVER
    tz_tail = rf"(?:\s{{1,2}}\(?(?:{tz})(?!\w))?"
    return [
        (rf"(?P<h>[0-9]{LEAD}[0-9]?)(?=[:h.aApP\s])"
         rf"(?:(?::|h)[0-5][0-9](?::[0-5][0-9])?(?![0-9]|[.,:][0-9])"
         rf"(?:\s{{0,2}}{ampm}(?!\w))?|(?:[.:][0-5][0-9])?\s{{0,2}}(?P<ap>{ampm})(?!\w))"
         rf"{tz_tail}", digits.on_clock, DIGIT),
        (rf"(?P<h>[0-2]{LEAD}[0-9])[0-5][0-9]\s{{0,2}}(?:{tz})(?!\w)", digits.on_clock_tz, DIGIT),
    ]
