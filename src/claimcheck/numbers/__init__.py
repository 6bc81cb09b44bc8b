"""Numbers in text: digits, number words, magnitudes, ranges, hedges -> value/low/high/qualifier.

`scan(text, lang)` finds every numeric expression and returns `Mention`s: character spans
with an interval reading of the wording. It knows nothing of what is counted; `extract` adds
that. Interval semantics (also in docs/claims.md):

    exact         v          [v, v]        at_least    at least v    [v, inf)
    approximate   about v    [v, v]        more_than   more than v   (v, inf)
    range         v1-v2      [v1, v2]      at_most     up to v       [0, v]
    vague         dozens     [24, inf)     less_than   fewer than v  [0, v)

Two bounds joined by "and" ("more than 20 and less than 35") are one range. What it reads:

* digits: grouped ("1,600", "12,34,567", "29 000"), leading decimals (".08"), scientific
  ("1.3e6", "6.23x10^-4"), fractions ("3/4", "2 1/2", "½"), magnitudes ("5bn", "10M", "3 lakh");
* number words: composed from the language's tables where they give a composer (English:
  cardinals up to trillions, spoken decimals, fractions such as "two thirds", "half a dozen",
  ordinals such as "twenty-first"); other languages' words go through text2num;
* a fraction of a stated whole is a share: "a quarter of the deaths" is 25 percent;
* money in many spellings ("US$", "c $", "MUSD", "usd 200", "15€", "3 dollars 50 cents").

Ordinals come back as kind "ordinal", with their rank as value; digits that name a thing
("Kh-101", "+1-222-2222") as "designation"; clock times as "time". Text inside a URL is skipped.

The modules, bottom up: `tokens` (one linear pass), `tables` (a language's words and marks),
`view` (the frozen per-call view every reader takes), `quantities` (units after a figure),
`digits`, `words` and `spelled` (number words), `money`, `figure` (one figure and its tails),
`classify`, `ranges` (hedges, ranges, vague quantities) and `scanner`, which composes them.
Every reader moves forward over a bounded window, so time grows linearly with the input.
"""

from __future__ import annotations

from claimcheck.numbers.mention import Interval, Mention, interval
from claimcheck.numbers.quantities import singular
from claimcheck.numbers.scanner import run
from claimcheck.numbers.tables import tables
from claimcheck.numbers.tokens import Token, chunks, tokenize
from claimcheck.numbers.view import View

__all__ = ["Interval", "Mention", "Token", "interval", "parse_number", "scan", "scan_cut"]

_singular = singular  # the plural rule extract reads ("deaths" -> "death")


def scan(text: str, lang: str = "en") -> list[Mention]:
    """Every numeric expression in `text`, in order, non-overlapping."""
    return scan_cut(text, lang)[0]


def scan_cut(text: str, lang: str = "en") -> tuple[list[Mention], list[tuple[int, int]]]:
    """`scan`, and every number phrase longer than any real figure, which was cut: (offset of
    its first word, offset of the first word left out), in order. The words left out are read
    as further numbers; a phrase is told once, however many runs were read from inside it."""
    spec = tables(lang)
    found: list[Mention] = []
    cuts: set[tuple[int, int]] = set()
    for offset, chunk in chunks(text):
        if not any(c.isdecimal() or c.isalpha() for c in chunk):
            continue
        toks = tokenize(chunk, spec.number_re, offset, spec.decimal_mark == ".", spec.word_re)
        view = View(toks, text, spec)
        found.extend(run(view))
        cuts |= view.cuts
    told: list[tuple[int, int]] = []
    reach = -1  # the furthest cut of the phrase told last: runs read from inside it are it
    for start, cut in sorted(cuts):
        if start > reach:
            told.append((start, cut))
        reach = max(reach, cut)
    return found, told


def parse_number(expression: str, lang: str = "en") -> float | None:
    """The value of a number written alone (`"forty-two"`, `"1,600"`, `"£7.6bn"`), else None."""
    spec = tables(lang)
    toks = tokenize(expression, spec.number_re, 0, spec.decimal_mark == ".", spec.word_re)
    mentions = [m for m in run(View(toks, expression, spec, alone=True)) if m.kind == "number"]
    if len(mentions) != 1:
        return None
    return mentions[0].value
