"""Numbers in text: digits, number words, magnitudes, ranges, hedges -> value/low/high/qualifier.

`scan(text)` finds every numeric expression and returns `Mention`s: character spans with an
interval reading of the wording. It knows nothing of what is counted; `extract` adds that.
Interval semantics (also in docs/claims.md):

    exact         v          [v, v]        at_least    at least v    [v, inf)
    approximate   about v    [v, v]        more_than   more than v   (v, inf)
    range         v1-v2      [v1, v2]      at_most     up to v       [0, v]
    vague         dozens     [24, inf)     less_than   fewer than v  [0, v)

Two bounds joined by "and" ("more than 20 and less than 35") are one range. What it reads:

* digits: grouped ("1,600", "12,34,567", "29 000"), leading decimals (".08"), scientific
  ("1.3e6", "6.23x10^-4"), fractions ("3/4", "2 1/2", "½"), magnitudes ("5bn", "10M", "3 lakh");
* English number words, composed here rather than by text2num: cardinals up to trillions
  ("twenty-one trillion and three hundred"), spoken decimals ("two point five"), fractions
  ("two thirds", "a fifth", "three and a quarter", "half a dozen") and ordinals ("thirtieth",
  "twenty-first"); other languages' words go through text2num;
* a fraction of a stated whole is a share: "a quarter of the deaths" is 25 percent;
* money in many spellings ("US$", "c $", "MUSD", "usd 200", "15€", "3 dollars 50 cents").

Ordinals come back as kind "ordinal", with their rank as value; digits that name a thing
("Kh-101", "+1-222-2222") as "designation"; clock times as "time". Text inside a URL is skipped.

The scanner works on a token list built by one linear pass, and every loop moves forward over
a bounded window, so time grows linearly with the input.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from text_to_num import text2num

from claimcheck import units
from claimcheck.lexicon import load

Interval = tuple[float | None, float | None]

_CHUNK = 20_000  # characters scanned at a time; bounds the token list on huge lines


@dataclass(frozen=True)
class Token:
    kind: str  # "num", "word" or "sym"
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()


@dataclass(frozen=True)
class Mention:
    """One numeric expression: `text[start:end]`, read as an interval."""

    start: int
    end: int
    value: float
    low: float | None
    high: float | None
    qualifier: str
    unit: str | None = None
    kind: str = "number"  # number | ordinal | time | designation
    hedge: str | None = None  # the hedge words, lower case, when the wording has one
    number_start: int = 0  # span of the figure itself, without hedge and unit
    number_end: int = 0


# ---------------------------------------------------------------- lexicon views


@dataclass(frozen=True)
class _Lang:
    number_re: re.Pattern[str]
    words: frozenset[str]
    joiners: frozenset[str]
    articles: frozenset[str]
    magnitudes: dict[str, float]
    dozen: frozenset[str]
    fractions: dict[str, float]
    negative: frozenset[str]
    ordinals: dict[str, int]
    ordinal_suffixes: frozenset[str]
    decimal_mark: str
    group_mark: str
    hedges_before: dict[tuple[str, ...], str]
    hedges_after: dict[tuple[str, ...], str]
    vague: dict[tuple[str, ...], float]
    range_open: dict[str, frozenset[str]]
    range_join: frozenset[str]
    change_verbs: frozenset[str]
    code: str
    # English composes its number words itself (empty elsewhere: text2num reads them)
    cardinals: dict[str, int]  # single words 0-99
    word_magnitudes: dict[str, float]  # "thousand", "million", "lakh", ...
    cased_magnitudes: dict[str, float]  # "M", "MM": case matters ("m" is a metre)
    money_magnitudes: dict[str, float]  # "K", "B", "T" only after a currency sign ("$2.1T")
    dozen_tail: frozenset[str]  # "dozen", "dozens", "dz" after a number
    denominators: dict[str, float]  # "third", "quarter", "half", "fifth", ... (singular)
    denominator_plurals: dict[str, float]  # "thirds", "quarters", "halves", ...
    point: frozenset[str]  # spoken decimal point
    hedge_symbols: frozenset[str]  # symbols that open a hedge ("<", ">=", "~")


def _phrases(table: dict[str, Any]) -> dict[tuple[str, ...], Any]:
    return {tuple(_split_phrase(k)): v for k, v in table.items()}


def _split_phrase(phrase: str) -> list[str]:
    return [t.text.lower() for t in _tokens(phrase, _NUMBER_RES["en"], 0)]


_NUMBER_RES = {
    # grouping marks are accepted only in full groups of three, so "1,5" is never 15; the
    # Indian grouping ("12,34,567": lakhs of two digits, then a thousand) is bounded
    "en": re.compile(
        r"\d{1,2}(?:,\d{2}){1,4},\d{3}(?:\.\d+)?(?![\d,])"
        r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?"
    ),
    "es": re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?(?!\d)|\d+(?:,\d+)?"),
}
_WORD_RE = re.compile(r"[^\W\d_]+")
_URL_RE = re.compile(r"(?:https?://|www\.)\S*", re.IGNORECASE)
_LEADING_DECIMAL_RE = re.compile(r"\.\d+")


@cache
def _lang(code: str) -> _Lang:
    numbers = load("numbers")
    hedges = load("hedges")
    key = code if code in numbers and code in _NUMBER_RES else "en"
    num = numbers[key]
    open_words = hedges["range_open"].get(key, [])
    ordinals = {k: int(v) for k, v in num["ordinals"].items()}
    singular = {w: float(v) for w, v in ordinals.items() if v >= 3}
    singular.update({k: float(v) for k, v in num.get("denominators", {}).items()})
    plural = {w + "s": v for w, v in singular.items() if w not in num.get("denominators", {})}
    plural.update({k: float(v) for k, v in num.get("denominator_plurals", {}).items()})
    before = _phrases(hedges["before"].get(key, {}))
    return _Lang(
        number_re=_NUMBER_RES[key],
        words=frozenset(num["words"]),
        joiners=frozenset(num["joiners"]),
        articles=frozenset(num["articles"]),
        magnitudes={k: float(v) for k, v in num["magnitudes"].items()},
        dozen=frozenset(num["dozen"]),
        fractions={k: float(v) for k, v in num["fractions"].items()},
        negative=frozenset(num["negative"]),
        ordinals=ordinals,
        ordinal_suffixes=frozenset(num["ordinal_suffixes"]),
        decimal_mark=num["decimal_mark"],
        group_mark=num["group_mark"],
        hedges_before=before,
        hedges_after=_phrases(hedges["after"].get(key, {})),
        vague={k: float(v) for k, v in _phrases(numbers["vague"].get(key, {})).items()},
        range_open={w: frozenset(hedges["range_open_join"].get(w, [])) for w in open_words},
        range_join=frozenset(hedges["range_join"].get(key, [])),
        change_verbs=frozenset(hedges["change_verbs"].get(key, [])),
        code=key,
        cardinals={k: int(v) for k, v in num.get("cardinals", {}).items()},
        word_magnitudes={k: float(v) for k, v in num.get("word_magnitudes", {}).items()},
        cased_magnitudes={k: float(v) for k, v in num.get("cased_magnitudes", {}).items()},
        money_magnitudes={k: float(v) for k, v in num.get("money_magnitudes", {}).items()},
        dozen_tail=frozenset(num.get("dozen_tail", num["dozen"])),
        denominators=singular if "cardinals" in num else {},
        denominator_plurals=plural if "cardinals" in num else {},
        point=frozenset(num.get("point", [])),
        hedge_symbols=frozenset(p[0] for p in before if not p[0][0].isalnum()),
    )


@cache
def _unit_phrases() -> dict[tuple[str, ...], str]:
    table: dict[tuple[str, ...], str] = {}
    for surface, unit in units.surface_forms().items():
        table[tuple(_split_phrase(surface))] = unit
    return table


# ---------------------------------------------------------------- tokens


def _tokens(
    text: str, number_re: re.Pattern[str], offset: int, leading_decimal: bool = False
) -> list[Token]:
    """Numbers, words and single symbols; a URL is skipped whole (its digits are no figures)."""
    out: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch in "hHwW":
            url = _URL_RE.match(text, i)
            if url and (i == 0 or not text[i - 1].isalnum()):
                i = url.end()
                continue
        if ch == "." and leading_decimal and (i == 0 or not (text[i - 1].isalnum()
                                                             or text[i - 1] in ".,")):
            m = _LEADING_DECIMAL_RE.match(text, i)  # ".08", "the .25ml liquid"
            if m:
                out.append(Token("num", m.group(), offset + i, offset + m.end()))
                i = m.end()
                continue
        if ch.isdecimal():
            m = number_re.match(text, i)
            if m:
                out.append(Token("num", m.group(), offset + i, offset + m.end()))
                i = m.end()
                continue
        if ch.isalpha():
            m = _WORD_RE.match(text, i)
            if m:
                out.append(Token("word", m.group(), offset + i, offset + m.end()))
                i = m.end()
                continue
        out.append(Token("sym", ch, offset + i, offset + i + 1))
        i += 1
    return out


def _chunks(text: str) -> list[tuple[int, str]]:
    """Split text into lines, and long lines at whitespace, keeping offsets."""
    out: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        start = 0
        while len(line) - start > _CHUNK:
            cut = line.rfind(" ", start + _CHUNK // 2, start + _CHUNK)
            cut = cut if cut > start else start + _CHUNK
            out.append((pos + start, line[start:cut]))
            start = cut
        out.append((pos + start, line[start:]))
        pos += len(line) + 1
    return out


# ---------------------------------------------------------------- public API


def scan(text: str, lang: str = "en") -> list[Mention]:
    """Every numeric expression in `text`, in order, non-overlapping."""
    spec = _lang(lang)
    found: list[Mention] = []
    for offset, chunk in _chunks(text):
        if not any(c.isdecimal() or c.isalpha() for c in chunk):
            continue
        toks = _tokens(chunk, spec.number_re, offset, spec.decimal_mark == ".")
        found.extend(_Scanner(toks, text, spec).run())
    return found


def parse_number(expression: str, lang: str = "en") -> float | None:
    """The value of a number written alone (`"forty-two"`, `"1,600"`, `"£7.6bn"`), else None."""
    spec = _lang(lang)
    toks = _tokens(expression, spec.number_re, 0, spec.decimal_mark == ".")
    scanner = _Scanner(toks, expression, spec, alone=True)
    mentions = [m for m in scanner.run() if m.kind == "number"]
    if len(mentions) != 1:
        return None
    return mentions[0].value


def interval(value: float, qualifier: str, unit: str | None = None) -> Interval:
    """The [low, high] a hedge allows around `value` (None is unbounded)."""
    floor = None if value < 0 or units.is_temperature(unit) else 0.0
    if qualifier in ("at_least", "more_than", "vague"):
        return value, None
    if qualifier in ("at_most", "less_than"):
        return floor, value
    return value, value


# ---------------------------------------------------------------- the scanner


@dataclass
class _Num:
    value: float
    first: int  # token index of the first token
    last: int  # token index after the last token
    unit: str | None = None
    words: bool = False
    magnitude: bool = False
    scale: float = 0.0  # the last magnitude applied ("3 million": 1e6), for "and a half"
    ordinal: bool = False  # "twenty-first", "thirtieth": a rank, not a quantity
    fraction: bool = False  # "two thirds", "3/4": a share when a whole follows ("of the dead")
    coded: bool = False  # the currency came after the amount ("17 USD")


@dataclass
class _Card:
    """A run of English number words read as one cardinal ("two hundred and five thousand")."""

    value: float
    end: int  # token index after the last word
    cls: str  # class of the last word: zero, unit, teen, tens, hundred or mag
    total: float  # the groups already multiplied out
    group: float  # the last group, below a thousand
    last_mag: float  # the last magnitude applied (0 if none)
    words: int  # number words read, a leading article not counted
    one: bool  # the whole cardinal is "one", "a" or "an"
    and_pre: float | None = None  # the value before the last "and" ...
    and_value: float = 0.0  # ... the single word after it ...
    and_scale: float = 0.0  # ... and the magnitude that "and" followed ("two million and three")


_LOWER = ("at_least", "more_than")
_UPPER = ("at_most", "less_than")
_BOUND_JOINS = frozenset({"and", "but", ",", ", and", ", but", "and also", "but also"})
_DASHES = ("-", "–", "—", "~")
#: denominators read in "n/d" with any numerator; other slashes need numerator 1 or a unit
_COMMON_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 16, 32, 64, 100})
#: words before a fraction word that make it a part of a period or a rank ("the first half")
_NOT_A_SHARE = frozenset({
    "the", "this", "that", "these", "those", "each", "every", "other", "latter", "former",
    "final", "last", "past", "next", "previous", "first", "second", "opening", "closing",
})
_MAGNITUDE_ORDINALS = frozenset({100, 1000, 1_000_000, 1_000_000_000, 1_000_000_000_000})
_MAX_EXPONENT = 3  # digits of an exponent ("1e308" is the float ceiling)
_SUPERSCRIPTS = {c: str(d) for d, c in enumerate("⁰¹²³⁴⁵⁶⁷⁸⁹")}


class _Scanner:
    """A forward-only parser over one chunk's tokens."""

    def __init__(self, toks: list[Token], text: str, spec: _Lang, alone: bool = False) -> None:
        self.alone = alone  # a number written alone needs no counted noun ("one")
        self.t = toks
        self.text = text
        self.s = spec
        self.n = len(toks)
        self.hedged = False  # a hedge stands before the number being read ("more than half")

    # -- helpers
    def low(self, i: int) -> str:
        return self.t[i].low if 0 <= i < self.n else ""

    def glued(self, i: int) -> bool:
        """Token i touches token i-1 (no space between)."""
        return 0 < i < self.n and self.t[i - 1].end == self.t[i].start

    def spaced1(self, i: int) -> bool:
        """Token i stands one space after token i-1."""
        return 0 < i < self.n and self.t[i].start - self.t[i - 1].end == 1 and \
            self.text[self.t[i - 1].end] == " "

    def hyphen_at(self, k: int) -> bool:
        """Token k is a hyphen between two words, tight ("twenty-one") or spaced ("fifty - two")."""
        if self.low(k) != "-" or k + 1 >= self.n or k == 0:
            return False
        return (self.glued(k) and self.glued(k + 1)) or (self.spaced1(k) and self.spaced1(k + 1))

    def is_word(self, k: int) -> bool:
        return 0 <= k < self.n and self.t[k].kind == "word"

    def match_phrase(self, i: int, table: dict[tuple[str, ...], Any], longest: int = 6) -> int:
        """Length of the longest phrase of `table` starting at token i (0 if none)."""
        best = 0
        words: list[str] = []
        prefixes = _prefixes_of(table)
        for k in range(i, min(self.n, i + longest)):
            if k > i and self.t[k].kind != "sym" and not self._spaced_or_glued_ok(k):
                break
            words.append(self.t[k].low)
            key = tuple(words)
            if key not in prefixes:
                break
            if key in table:
                best = len(words)
        return best

    def _spaced_or_glued_ok(self, k: int) -> bool:
        return self.t[k].start - self.t[k - 1].end <= 2

    # -- main loop
    def run(self) -> list[Mention]:
        out: list[Mention] = []
        i = 0
        while i < self.n:
            found = self._finite(self.mention_at(i))
            if found is None:
                i += 1
                continue
            mention, nxt = found
            out.append(mention)
            i = max(nxt, i + 1)
        return self._join_bounds(out)

    def _join_bounds(self, found: list[Mention]) -> list[Mention]:
        """"more than 20 and less than 35", "at most 100 and at least 20": one range."""
        out: list[Mention] = []
        for m in found:
            prev = out[-1] if out else None
            if prev is not None and prev.kind == m.kind == "number" and prev.hedge and m.hedge:
                lower, upper = (prev, m) if prev.qualifier in _LOWER else (m, prev)
                between = " ".join(self.text[prev.end : m.start].lower().split())
                if lower.qualifier in _LOWER and upper.qualifier in _UPPER \
                        and between in _BOUND_JOINS and lower.value < upper.value \
                        and (prev.unit == m.unit or None in (prev.unit, m.unit)):
                    out[-1] = Mention(
                        prev.start, m.end, (lower.value + upper.value) / 2, lower.value,
                        upper.value, "range", prev.unit or m.unit,
                        hedge=f"{prev.hedge} {between} {m.hedge}",
                        number_start=prev.number_start, number_end=m.number_end,
                    )
                    continue
            out.append(m)
        return out

    def mention_at(self, i: int) -> tuple[Mention, int] | None:
        tok = self.t[i]
        if tok.kind == "word":
            vague = self.vague_at(i)
            if vague:
                return vague
        hedge_len = 0
        if tok.kind == "word" or tok.text in self.s.hedge_symbols:
            hedge_len = self.match_phrase(i, self.s.hedges_before)
        j = i + hedge_len
        opener = self.low(j) if self.low(j) in self.s.range_open else None
        if opener and self.low(j - 1) in self.s.change_verbs:
            opener = None  # "grown from 50 to 57": a change, not a range
        k = j + 1 if opener else j
        self.hedged = bool(hedge_len)
        first = self.number_at(k)
        if first is None and opener:
            opener, k = None, j
            first = self.number_at(k)
        self.hedged = False
        if first is None:
            if hedge_len and j < self.n and self.t[j].kind == "word":
                vague = self.vague_at(j)
                if vague:
                    return self._hedged_vague(i, j, vague)
            return None
        kind = self.kind_of(first)
        if kind != "number":
            last = first.last
            if kind == "time" and self.low(last) == ":":
                last += 2  # "12:30" is one clock time
            if kind == "ordinal" and self.glued(last) and self.low(last) in self.s.ordinal_suffixes:
                last += 1  # "2nd" whole
            m = self._mention(first.first, last, first.value, "exact", first.unit, kind=kind)
            return m, last
        self.over_tail(first)
        second, end = self.range_tail(first, opener)
        spread = self.plus_minus(first) if second is None else None
        if spread is not None:
            end = spread.last
        unit_len, unit_found = self.unit_at(end, first if second is None else second)
        if second is None and first.words and first.value in (0, 1) and not hedge_len \
                and not self.alone and not self.one_is_count(first) \
                and not (unit_found and units.dimension(unit_found) != "[time]"):
            return None  # "one of them" is no figure; "one dollar", "one mile" are
        qualifier = "exact"
        hedge_words = None
        if hedge_len:
            hedge_words = " ".join(t.low for t in self.t[i:j])
            qualifier = self.s.hedges_before[tuple(t.low for t in self.t[i:j])]
        start_tok = i if hedge_len else (j if opener and second else k)
        unit = first.unit
        value = first.value
        if second is not None:
            unit = unit or second.unit
        if unit_found is None and second is None and first.fraction:
            unit_len, unit_found = self._unit_after_article(end, first)  # "half a mile"
        if unit_found:
            unit = unit_found
            end += unit_len
            if unit == "GBP" and not first.magnitude and self._pounds_weigh(first.first, end):
                unit = "pound"  # "it weighs 25 pounds"; "lost 25 million pounds" is money
            if unit == "foot" and second is None:
                inches = self.inches_tail(end)  # "5 feet 2 inches", "12 ft 2 in"
                if inches:
                    value, end = value + inches[0] / 12, inches[1]
        if spread is not None:
            m = self._mention(start_tok, end, value, "range" if qualifier in ("exact", "approximate")
                              else qualifier, unit, hedge=hedge_words, num=(first.first, spread.last),
                              bounds=(value - spread.value, value + spread.value))
            return m, end
        if second is None and unit is not None and units.is_currency(unit) and "_" not in unit:
            cents = self.money_tail(end, bare=bool(unit_found) or first.coded)
            if cents:
                value, end = value + cents[0], cents[1]
        elif second is None and unit is None and first.fraction and self._whole_follows(end):
            value, unit = value * 100, units.PERCENT  # "a quarter of the deaths": 25 percent
        post = self.match_phrase(end, self.s.hedges_after, 3) if end < self.n else 0
        if post and (not hedge_len or qualifier == "approximate") and second is None:
            if self.t[end].text == "+" and not self.glued(end):
                post = 0
            if self.low(end + post) == "than" and self._number_follows(end + post + 1):
                post = 0  # "5000 or less than 6000": the "less than" is the next bound's
            if post:
                words = tuple(t.low for t in self.t[end : end + post])
                qualifier = self.s.hedges_after[words]
                hedge_words = " ".join(((hedge_words or "") + " " + " ".join(words)).split())
                end += post
        if second is not None:
            low, high = sorted((first.value, second.value))
            value = (low + high) / 2
            qualifier = "range" if qualifier in ("exact", "approximate") else qualifier
            if qualifier != "range":
                value = high if qualifier in ("at_most", "less_than") else low
            m = self._mention(start_tok, end, value, qualifier, unit, hedge=hedge_words,
                              num=(first.first, second.last), bounds=(low, high))
            return m, end
        m = self._mention(start_tok, end, value, qualifier, unit, hedge=hedge_words,
                          num=(first.first, first.last))
        return m, end

    def over_tail(self, num: _Num) -> None:
        """ "one over three", "1 over 20": a spoken fraction, when nothing is counted after it."""
        k = num.last
        if self.low(k) != "over" or num.unit is not None or num.fraction or num.value < 1 or \
                num.value != int(num.value) or self.t[num.first].kind == "sym":
            return
        below = self.number_at(k + 1)
        if below is None or below.unit is not None or below.value != int(below.value) or \
                below.value <= num.value or below.fraction:
            return
        if below.last < self.n and self.t[below.last].kind != "sym":
            return  # "3 over 10 years", "one over the limit": not a fraction
        num.value, num.last, num.fraction = num.value / below.value, below.last, True

    def plus_minus(self, num: _Num) -> _Num | None:
        """The spread after "±" or "+/-": "2,000.45±0.01", "9.83e-3 +/- 1e-5"."""
        k = num.last
        if self.low(k) == "±":
            j = k + 1
        elif self.low(k) == "+" and self.low(k + 1) == "/" and self.low(k + 2) in ("-", "−") \
                and self.glued(k + 1) and self.glued(k + 2):
            j = k + 3
        else:
            return None
        spread = self.number_at(j)
        if spread is None or spread.unit is not None or spread.value <= 0 or spread.ordinal:
            return None
        return spread

    def inches_tail(self, k: int) -> tuple[float, int] | None:
        """Inches after feet: "5 feet 2 inches", "6 ft and 1 in"; (inches, token after)."""
        j = k + 1 if self.low(k) == "and" else k
        num = self.number_at(j) if j < self.n and self.t[j].kind in ("num", "word") else None
        if num is None or num.unit is not None or not 0 <= num.value < 12:
            return None
        e = num.last
        length, found = self._unit_phrase(e)
        if found == "inch":
            return num.value, e + length
        if self.low(e) == "in" and (e + 1 >= self.n or self.t[e + 1].kind == "sym"):
            return num.value, e + 1  # "in" is inches only where it cannot be the preposition
        return None

    def _pounds_weigh(self, first: int, end: int) -> bool:
        """ "pound(s)" ending the mention is a weight after a word such as "weighs" or "lost"."""
        if not self.low(end - 1).startswith("pound"):
            return False
        before = {self.low(k) for k in range(max(0, first - 4), first)}
        return not before.isdisjoint(_pound_mass_before())

    def _unit_after_article(self, end: int, num: _Num) -> tuple[int, str | None]:
        """A unit after a fraction and an article: "half a mile", "a quarter of an hour"."""
        k = end + 1 if self.low(end) == "of" else end
        if self.low(k) not in self.s.articles:
            return 0, None
        length, unit = self.unit_at(k + 1, num)
        return (k + 1 - end + length, unit) if unit else (0, None)

    def _whole_follows(self, end: int) -> bool:
        """ "of" and the whole a fraction is taken from: "of the 205 deaths", "of voters"."""
        return self.low(end) == "of" and end + 1 < self.n and self.t[end + 1].kind != "sym"

    def money_tail(self, k: int, bare: bool) -> tuple[float, int] | None:
        """Cents after a major amount: "3 dollars 50 cents", "thirteen dollars and forty-five".

        Without a word for cents ("15 dollars 50") the currency must have been named after
        the amount (`bare`) and nothing may follow the cents but punctuation.
        """
        j = k + 1 if self.low(k) == "and" else k
        if j >= self.n:
            return None
        if self.t[j].kind == "num":
            if not self.t[j].text.isdecimal() or len(self.t[j].text) > 2:
                return None
            cents, e = float(self.t[j].text), j + 1
        else:
            card = self.cardinal(j) if self.s.cardinals else None
            if card is None or card.value >= 100 or card.cls in ("hundred", "mag"):
                return None
            cents, e = card.value, card.end
        if self.low(e) in units.minor_words():
            return cents / 100, e + 1
        if bare and (e >= self.n or (self.t[e].kind == "sym" and self.t[e].text in ".,;:!?)")):
            return cents / 100, e
        return None

    def _hedged_vague(
        self, i: int, j: int, vague: tuple[Mention, int]
    ) -> tuple[Mention, int]:
        m, end = vague
        return Mention(self.t[i].start, m.end, m.value, m.low, m.high, "vague", None,
                       hedge=" ".join(t.low for t in self.t[i:j]),
                       number_start=m.number_start, number_end=m.number_end), end

    def _finite(self, found: tuple[Mention, int] | None) -> tuple[Mention, int] | None:
        if found is None:
            return None
        m = found[0]
        # NaN fails the comparison too: a figure is a finite number no larger than LARGEST
        if all(x is None or abs(x) <= units.LARGEST for x in (m.value, m.low, m.high)):
            return found
        return None

    def _mention(
        self,
        first: int,
        last: int,
        value: float,
        qualifier: str,
        unit: str | None,
        *,
        kind: str = "number",
        hedge: str | None = None,
        num: tuple[int, int] | None = None,
        bounds: Interval | None = None,
    ) -> Mention:
        if unit is not None and not units.is_currency(unit) and unit != units.PERCENT:
            unit = units.canonical(unit)
        low, high = bounds if bounds is not None else interval(value, qualifier, unit)
        if bounds is not None and qualifier in ("at_least", "more_than"):
            low, high = bounds[0], None
        elif bounds is not None and qualifier in ("at_most", "less_than"):
            low, high = interval(bounds[1] or value, qualifier, unit)
        a, b = num if num is not None else (first, last)
        return Mention(
            start=self.t[first].start,
            end=self.t[last - 1].end,
            value=value,
            low=low,
            high=high,
            qualifier=qualifier,
            unit=unit,
            kind=kind,
            hedge=hedge,
            number_start=self.t[a].start,
            number_end=self.t[b - 1].end,
        )

    # -- vague quantities
    def vague_at(self, i: int) -> tuple[Mention, int] | None:
        length = self.match_phrase(i, self.s.vague)
        if not length:
            return None
        words = tuple(t.low for t in self.t[i : i + length])
        nxt = self.low(i + length)
        # "several hundred" is vague, "several 100" or "hundreds of 5" are not worth guessing
        if nxt and (nxt[0].isdecimal() or nxt in self.s.words):
            return None
        if words[-1] == "of":  # keep "of" out of the span unless the phrase needs it
            length -= 1
        value = self.s.vague[words]
        m = Mention(self.t[i].start, self.t[i + length - 1].end, value, value, None, "vague",
                    None, number_start=self.t[i].start, number_end=self.t[i + length - 1].end)
        return m, i + length

    # -- single numbers
    def number_at(self, i: int) -> _Num | None:
        if i >= self.n:
            return None
        currency: str | None = None
        scale = 1.0
        start = i
        sym = self.currency_prefix(i)
        if sym:
            currency, i, scale = sym
        negative = False
        if i < self.n and self.t[i].text in ("-", "−") and i + 1 < self.n and \
                self.t[i + 1].kind == "num" and self.glued(i + 1) and self._minus_free(i):
            negative, i = True, i + 1
        elif i < self.n and self.low(i) in self.s.negative and i + 1 < self.n:
            nxt = self.number_at(i + 1)
            if nxt is not None and nxt.unit is None and not nxt.ordinal:
                nxt.value, nxt.first = -nxt.value, start
                return nxt
            return None
        if i >= self.n:
            return None
        tok = self.t[i]
        if tok.kind == "num" and self.glued(i) and self.t[i - 1].text == "^":
            return None  # the exponent of "m^2" or "2^10"
        if tok.kind == "num":
            base = self.digits_at(i)
            if base is None:
                return None
            num = _Num(base[0], start, base[1], currency, fraction=base[2])
        elif tok.kind == "word":
            read = self.words_en(i) if self.s.cardinals else self._words_text2num(i)
            if read is None:
                return None
            num = read
            num.first, num.unit = start, currency
        elif tok.text in _VULGAR:
            num = _Num(_VULGAR[tok.text], start, i + 1, currency, fraction=True)  # "⅔", "½ tbsp"
        else:
            return None
        num.value = _times(num.value, scale)
        if negative:
            num.value = -num.value
        if num.ordinal:
            return num
        self.magnitude_tail(num)
        self.and_fraction(num)
        if currency is None:
            code = self.currency_suffix(num.last)
            if code:
                num.unit, num.last, times = code
                num.value *= times
                num.coded = True
                if not num.magnitude and times == 1:
                    self.magnitude_tail(num)  # "75 USD million"
        return num

    def _minus_free(self, i: int) -> bool:
        """A minus sign at i is free to make a negative: not glued to a word or number before it."""
        return not self.glued(i) or self.t[i - 1].text in "<>=≤≥~([:$€£¥"

    def currency_prefix(self, i: int) -> tuple[str, int, float] | None:
        symbols = units.currency_symbols()
        tok = self.t[i]
        if tok.kind == "word" and i + 1 < self.n:
            # "US$", "A$", "hk $": a word before a currency sign ("a $" is the article)
            two = tok.low + self.t[i + 1].low
            near = self.glued(i + 1) or (self.spaced1(i + 1) and tok.low in _spaced_sign_prefixes())
            if two in symbols and near and self._number_follows(i + 2):
                return symbols[two], i + 2, 1.0
            # "MXN$ 15", "aud$15": an ISO code glued to a dollar sign
            code = units.currency_code(tok.text.upper())
            if code and self.t[i + 1].text == "$" and self.glued(i + 1) and \
                    self._number_follows(i + 2):
                return code, i + 2, 1.0
        if tok.kind != "word" and tok.low in symbols and self._number_follows(i + 1):
            return symbols[tok.low], i + 1, 1.0
        if tok.kind == "word":
            code = units.currency_code(tok.text)
            if code and self._number_follows(i + 1):
                return code, i + 1, 1.0
            million = _million_of(tok.text)
            if million and self._number_follows(i + 1):
                return million, i + 1, 1e6  # "MAUD 60": 60 million Australian dollars
        return None

    def _number_follows(self, i: int) -> bool:
        return i < self.n and (self.t[i].kind == "num" or self.low(i) in self.s.words
                               or self.low(i) in self.s.articles or self.t[i].text in _VULGAR)

    def currency_suffix(self, i: int) -> tuple[str, int, float] | None:
        """A currency after an amount: "17 USD", "10 rmb", "30 MUSD", "15€", "100元", "10 $"."""
        if i >= self.n:
            return None
        tok = self.t[i]
        symbols = units.currency_symbols()
        if tok.kind == "word":
            code = units.currency_code(tok.text)
            if code:
                return code, i + 1, 1.0
            million = _million_of(tok.text)
            if million:
                return million, i + 1, 1e6
        if tok.low in symbols and ((self.glued(i) and not self.glued(i + 1))
                                   or not self._number_follows(i + 1)):
            return symbols[tok.low], i + 1, 1.0
        return None

    def digits_at(self, i: int) -> tuple[float, int, bool] | None:
        """(value, token after, is a bare fraction) for the digits at i."""
        tok = self.t[i]
        value = self._digit_value(tok.text)
        if not math.isfinite(value):
            return None  # a run of digits too long for a float is no figure
        last = i + 1
        plain = tok.text.isdecimal()
        # "29 000", "1 000 000", "1 234 567.89": space-grouped thousands (three digits a group)
        if plain and len(tok.text) <= 3:
            while (last < self.n and self.t[last].kind == "num" and self._group(self.t[last].text)
                   and self.t[last].start - self.t[last - 1].end == 1
                   and self.text[self.t[last - 1].end] in " \u00a0\u202f"
                   and not (last + 1 < self.n and self.t[last + 1].kind == "word"
                            and self.glued(last + 1))):
                value = value * 1000 + float(self.t[last].text)
                last += 1
                if not self.t[last - 1].text.isdecimal():
                    break  # a decimal group ends the number
            if last == i + 1:
                spaced = self._tokenized(i)
                if spaced:
                    value, last = spaced
        power = self._exponent(last, value)
        if power:
            value, last = power
        # "3/4", "1/40", "1/4 mile": a fraction on its own
        if plain and last == i + 1 and last + 1 < self.n and self.t[last].text == "/" and \
                self.glued(last) and self.glued(last + 1) and self.t[last + 1].text.isdecimal():
            num, den = int(tok.text), int(self.t[last + 1].text)
            after = last + 2
            chained = after < self.n and self.glued(after) and self.t[after].kind != "word"
            if not chained and 0 < num < den and (
                num == 1 or den in _COMMON_DENOMINATORS or self.unit_at(after, _Num(0, i, after))[1]
            ):
                return num / den, after, True
        # "2 1/2", "2½"
        if last + 2 < self.n and self.t[last + 1].text == "/" and self.t[last].kind == "num" \
                and self.t[last + 2].kind == "num" and self.glued(last + 1) and self.glued(last + 2) \
                and not self.glued(last):
            if not (self.t[last].text.isdecimal() and self.t[last + 2].text.isdecimal()):
                return value, last, False
            den_value = float(self.t[last + 2].text)
            if den_value:
                value += float(self.t[last].text) / den_value
                last += 3
        if last < self.n and self.t[last].text in _VULGAR:
            value += _VULGAR[self.t[last].text]
            last += 1
        return value, last, False

    def _group(self, raw: str) -> bool:
        """A later group of space-grouped thousands: three digits, the last maybe with decimals."""
        if raw.isdecimal():
            return len(raw) == 3
        return self.s.decimal_mark == "." and len(raw) > 4 and raw[:3].isdecimal() and raw[3] == "."

    def _tokenized(self, i: int) -> tuple[float, int] | None:
        """Numbers split by a tokenizer: "6 . 2 %", "1 . 6 billion", "80 , 000 spectators".

        Only a mark with one space on each side counts (prose never writes a decimal so), and
        a decimal only before a percent sign, magnitude, unit or punctuation.
        """
        j = i + 1
        if j + 1 >= self.n or not (self.spaced1(j) and self.spaced1(j + 1)):
            return None
        mark, nxt = self.t[j].text, self.t[j + 1]
        if nxt.kind != "num" or not nxt.text.isdecimal():
            return None
        if mark == self.s.decimal_mark:
            after = j + 2
            if after < self.n and not (
                (self.t[after].kind == "sym" and self.t[after].text in "%,;.:)")
                or self.t[after].low in _unit_first_words()
            ):
                return None
            return float(f"{self.t[i].text}.{nxt.text}"), j + 2
        if mark != self.s.group_mark:
            return None
        value, k = float(self.t[i].text), j
        while k + 1 < self.n and self.t[k].text == mark and self.spaced1(k) and \
                self.spaced1(k + 1) and self.t[k + 1].text.isdecimal() and len(self.t[k + 1].text) == 3:
            value, k = value * 1000 + float(self.t[k + 1].text), k + 2
        if k == j or (k + 1 < self.n and self.t[k].text == mark and self.t[k + 1].kind == "num"):
            return None  # "1 , 2 , 3" is a list
        return value, k

    def _exponent(self, k: int, value: float) -> tuple[float, int] | None:
        """ "1.3e6", "-12e-1", "6.23x10^-4", "2.48×10−5", "8x2^10", "1.1^23" after a number."""
        if k >= self.n or not self.glued(k):
            return None
        mark = self.t[k].text
        base: float | None = None
        j = k + 1
        if mark in ("e", "E"):
            base = 10.0
        elif mark in ("x", "X", "×", "*") and j < self.n and self.t[j].text.isdecimal() and \
                self.glued(j):
            base, j = float(self.t[j].text), j + 1
            if self.low(j) != "^" and not (base == 10 and self.low(j) in ("-", "−")) and \
                    self._superscript(j) is None:
                return None
            if self.low(j) == "^":
                j += 1
        elif mark == "^":
            pass
        else:
            return None
        raised = self._superscript(j)  # "10^³", "3x10⁻⁴": the power in superscript digits
        if raised is not None:
            power, end = raised
        else:
            sign = 1
            if self.low(j) in ("+", "-", "−") and self.glued(j):
                sign = -1 if self.low(j) != "+" else 1
                j += 1
            if j >= self.n or not self.glued(j) or not self.t[j].text.isdecimal() or \
                    len(self.t[j].text) > _MAX_EXPONENT:
                return None
            power, end = sign * int(self.t[j].text), j + 1
        try:
            result = value * base**power if base is not None else value**power
        except (OverflowError, ZeroDivisionError):
            return None
        if isinstance(result, complex) or not math.isfinite(result):
            return None
        return float(result), end

    def _superscript(self, j: int) -> tuple[int, int] | None:
        """(power, token after) for glued superscript digits at j ("³", "⁻¹²"), else None.

        Superscript digits are no decimal digits (`int("³")` fails): they are read here, one
        symbol token each, and only as a power."""
        sign, k = 1, j
        if k < self.n and self.t[k].text == "⁻" and self.glued(k):
            sign, k = -1, k + 1
        digits = ""
        while k < self.n and self.t[k].text in _SUPERSCRIPTS and self.glued(k) and \
                len(digits) <= _MAX_EXPONENT:
            digits += _SUPERSCRIPTS[self.t[k].text]
            k += 1
        if not digits or len(digits) > _MAX_EXPONENT:
            return None
        return sign * int(digits), k

    def _digit_value(self, raw: str) -> float:
        if self.s.group_mark in raw:
            raw = raw.replace(self.s.group_mark, "")
        return float(raw.replace(self.s.decimal_mark, "."))

    # -- English number words
    def cardinal(self, k: int, seeded: bool = False) -> _Card | None:
        """The longest run of number words at k that reads as one cardinal.

        `seeded`: an article stood before k and counts as "one" ("a hundred", "a million").
        Groups go down in size ("two million three hundred thousand"); magnitudes may stack
        upwards only directly ("three lakh crore", "a hundred thousand").
        """
        s = self.s
        total, group = 0.0, 1.0 if seeded else 0.0
        cls = "unit" if seeded else ""
        last_mag = 0.0
        end, words = k, 0
        and_pre: float | None = None
        and_value, and_scale, and_word = 0.0, 0.0, -1
        while k < self.n:
            conn = 0
            w = self.low(k)
            if cls == "tens" and self.hyphen_at(k) and 1 <= s.cardinals.get(self.low(k + 1), 0) <= 9:
                conn = 1  # "twenty-one", "fifty - two"
            elif w == "and" and cls in ("hundred", "mag") and s.cardinals.get(self.low(k + 1)):
                conn = 1  # "two hundred and five", "a million and one"
            j = k + conn
            x = self.low(j)
            v = s.cardinals.get(x)
            if v is not None:
                if not (cls == "" or (cls == "tens" and 1 <= v <= 9)
                        or (cls in ("hundred", "mag") and v != 0)):
                    break
                if w == "and" and conn:
                    and_pre, and_value, and_word = total + group, float(v), j
                    and_scale = last_mag if cls == "mag" else 0.0
                group += v
                cls = "zero" if v == 0 else "unit" if v < 10 else "teen" if v < 20 else "tens"
            elif x == "hundred" and not conn:
                if cls == "" and self._bare_magnitude_goes_on(j):
                    group = 1.0  # "hundred thousand dollars", "hundred and five"
                elif cls not in ("unit", "teen", "tens") or not 0 < group < 100:
                    break
                group *= 100
                cls = "hundred"
            elif x in s.word_magnitudes and not conn:
                mag = s.word_magnitudes[x]
                if cls == "" and self._bare_magnitude_goes_on(j):
                    group, cls = 1.0, "unit"  # "million and one"
                if cls in ("unit", "teen", "tens", "hundred") and group > 0 and \
                        (not last_mag or mag < last_mag):
                    total, group, last_mag = total + group * mag, 0.0, mag
                elif cls == "mag" and group == 0 and mag > last_mag:
                    total, last_mag = total * mag, last_mag * mag
                else:
                    break
                cls = "mag"
            else:
                break
            words += 1
            k = j + 1
            end = k
        if not cls:
            return None
        if and_word != end - 1:
            and_pre = None  # more than one word after the "and"
        one = (seeded and words == 0) or (words == 1 and total + group == 1)
        return _Card(total + group, end, cls, total, group, last_mag, words, one,
                     and_pre, and_value, and_scale)

    def _bare_magnitude_goes_on(self, j: int) -> bool:
        """ "hundred" or "million" with no number before counts as one only inside a longer
        number: "hundred thousand", "hundred and five", "million and one" (never "Hundred
        Years' War" or "the Million Man March")."""
        nxt = self.low(j + 1)
        if nxt in self.s.word_magnitudes:
            return self.low(j) == "hundred"
        return nxt == "and" and bool(self.s.cardinals.get(self.low(j + 2)))

    def den_at(self, j: int) -> tuple[float, bool, int] | None:
        """A fraction's denominator at j: (value, plural, end): "fifth", "thirds", "twenty-firsts"."""
        s = self.s
        w = self.low(j)
        if w in s.denominators:
            return s.denominators[w], False, j + 1
        if w in s.denominator_plurals:
            return s.denominator_plurals[w], True, j + 1
        tens = s.cardinals.get(w, 0)
        if tens >= 20 and tens % 10 == 0:
            hyphen = self.hyphen_at(j + 1)
            k = j + 2 if hyphen else j + 1
            u = self.low(k)
            plural = u.endswith("s") and u[:-1] in s.ordinals
            unit = s.ordinals.get(u[:-1] if plural else u, 0)
            if 1 <= unit <= 9 and (hyphen or unit >= 3) and self.is_word(k):
                return float(tens + unit), plural, k + 1
        return None

    def words_en(self, i: int) -> _Num | None:
        """English number words at i: cardinals, spoken decimals, fractions and ordinals."""
        s = self.s
        article = self.low(i) in s.articles
        card = self.cardinal(i + 1, seeded=True) if article else self.cardinal(i)
        if card is None:
            return self._bare_fraction(i) or self._ordinal_alone(i)
        e = card.end
        # "two point five", "nought point nought three"
        if self.low(e) in s.point and card.cls != "mag" and not article:
            got = self._decimals(e + 1)
            if got:
                num = _Num(card.value + got[0], i, got[1], words=True)
                mag = s.word_magnitudes.get(self.low(num.last))
                if mag:
                    num.value, num.last, num.magnitude, num.scale = num.value * mag, \
                        num.last + 1, True, mag
                return num
        conn = 1 if self.hyphen_at(e) else 0
        den = self.den_at(e + conn)
        if den and self.low(i - 1) not in _NOT_A_SHARE:
            d, plural, dend = den
            if card.and_pre is not None and card.and_value < 10 and (plural or card.and_value == 1):
                # "one hundred and three quarters", "two million and three fifths"
                frac = card.and_value / d
                mag = s.word_magnitudes.get(self.low(dend))
                if mag:
                    return _Num(card.and_pre + frac * mag, i, dend + 1, words=True, scale=mag)
                return _Num(card.and_pre + frac * (card.and_scale or 1.0), i, dend, words=True)
            if plural or (card.one and (d == 2 or not article
                                        or self._share_context(dend, unit=d == 4))):
                num = _Num(card.value / d if plural else 1 / d, i, dend, words=True, fraction=True)
                self._fraction_scale(num)
                return num
        ordinal = self._ordinal_after(card, e)
        if ordinal:
            return _Num(ordinal[0], i, ordinal[1], words=True, ordinal=True)
        if self.low(e) in s.dozen_tail and not (article and self.low(e) != "dozen"):
            return _Num(card.value * 12, i, e + 1, words=True)  # "three dozens", "a dozen"
        if article and card.words == 0:
            return None
        return _Num(card.value, i, e, words=True, scale=card.last_mag)

    def _decimals(self, j: int) -> tuple[float, int] | None:
        """Spoken decimal digits after "point": "zero three" .03, "seventy-one" .71."""
        digits = ""
        while j < self.n:
            v = self.s.cardinals.get(self.low(j))
            if v is None:
                break
            if v >= 20 and v % 10 == 0:
                k = j + 2 if self.hyphen_at(j + 1) else j + 1
                unit = self.s.cardinals.get(self.low(k), 0)
                if 1 <= unit <= 9:
                    v, j = v + unit, k
            digits += str(v)
            j += 1
        return (float("0." + digits), j) if digits else None

    def _ordinal_after(self, card: _Card, e: int) -> tuple[float, int] | None:
        """An ordinal ending a cardinal: "twenty-first", "one hundred twenty fifth", "two hundredth"."""
        s = self.s
        conn = 1 if self.hyphen_at(e) or (self.low(e) == "and" and card.cls in ("hundred", "mag")) \
            else 0
        o = s.ordinals.get(self.low(e + conn))
        if not o:
            return None
        end = e + conn + 1
        if o in _MAGNITUDE_ORDINALS and not conn:
            if o == 100 and not (card.cls in ("unit", "teen", "tens") and card.group < 100):
                return None
            if card.last_mag and o >= card.last_mag:
                return None
            return card.total + max(card.group, 1.0) * o, end
        if o < 10 and card.cls == "tens" and (o >= 3 or self.hyphen_at(e)):
            return card.value + o, end
        if card.cls in ("hundred", "mag") and o < 100 and (o >= 3 or conn):
            return card.value + o, end
        return None

    def _ordinal_alone(self, i: int) -> _Num | None:
        """ "thirtieth", "first", "Nineth": an ordinal word with no cardinal before it."""
        o = self.s.ordinals.get(self.low(i))
        if o is None or (self.hyphen_at(i + 1) and self.is_word(i + 2)):
            return None
        return _Num(float(o), i, i + 1, words=True, ordinal=True)

    def _bare_fraction(self, i: int) -> _Num | None:
        """ "half" or "quarter" with no number before: "half a million", "more than half", "half of"."""
        w = self.low(i)
        d = self.s.denominators.get(w)
        if d is None or w in self.s.ordinals or self.low(i - 1) in _NOT_A_SHARE or \
                self.low(i - 1) in self.s.ordinals or (self.low(i + 1) == "-" and self.glued(i + 1)):
            return None
        num = _Num(1 / d, i, i + 1, words=True, fraction=True)
        if self._fraction_scale(num):
            return num
        if w != "half":
            return None
        if self.hedged or self.alone or self._whole_follows(i + 1) or (
            self.low(i + 1) in self.s.articles and self.unit_at(i + 2, num)[1]
        ):
            return num
        return None

    def _share_context(self, k: int, unit: bool) -> bool:
        """What may follow "a fifth" for it to be a fraction, not a rank ("a fifth day").

        A unit right after makes a fraction only of "a quarter" ("a quarter mile"); after
        an ordinal it names what is ranked ("a third term", "a fifth day").
        """
        s = self.s
        return k >= self.n or self.t[k].kind != "word" or self.low(k) == "of" or \
            self.low(k) in s.word_magnitudes or self.low(k) in s.dozen_tail or \
            (unit and bool(self.unit_at(k, _Num(0, k, k))[1]))

    def _fraction_scale(self, num: _Num) -> bool:
        """ "two thirds of a million", "half a dozen", "three quarters billion": a count."""
        k = num.last
        if self.low(k) == "of" and self.low(k + 1) in self.s.articles:
            k += 2
        elif self.low(k) in self.s.articles:
            k += 1
        w = self.low(k)
        mag = self.s.word_magnitudes.get(w) or (12.0 if w in self.s.dozen_tail else 0.0)
        if not mag:
            return False
        num.value, num.last, num.fraction = num.value * mag, k + 1, False
        num.magnitude, num.scale = mag != 12, mag if mag != 12 else 0.0
        return True

    def and_fraction(self, num: _Num) -> None:
        """ "and a half", "and three quarters" after a number: "2 and a half", "3 million and a half"."""
        s = self.s
        k = num.last
        if self.low(k) != "and" or not s.denominators:
            return
        j = k + 1
        if self.low(j) in s.articles or self.low(j) == "one":
            numer, after, one = 1.0, j + 1, True
        else:
            card = self.cardinal(j)
            if card is None or card.cls in ("hundred", "mag"):
                return
            numer, after, one = card.value, card.end, False
        after += 1 if self.hyphen_at(after) else 0
        den = self.den_at(after)
        if den is None or not (den[1] or one):
            return
        d, _, end = den
        if self.low(end) == "of":
            return  # "20 and a third of the survivors": a second figure
        frac = numer / d
        mag = s.word_magnitudes.get(self.low(end))
        if mag:
            num.value = num.value + frac * mag if num.scale else (num.value + frac) * mag
            num.scale, num.magnitude, end = mag, True, end + 1
        else:
            num.value += frac * (num.scale or 1.0)
        num.last = end

    # -- number words through text2num (languages without a composer)
    def _words_text2num(self, i: int) -> _Num | None:
        got = self.words_at(i)
        if got is None:
            return None
        return _Num(got[0], i, got[1], words=True)

    def words_at(self, i: int) -> tuple[float, int] | None:
        s = self.s
        words: list[str] = []
        k = i
        # articles only count before a magnitude or fraction ("a million", "a dozen")
        if self.low(k) in s.articles:
            nxt = self.low(k + 1)
            if nxt in s.magnitudes or nxt in s.dozen or nxt in ("hundred", "thousand"):
                words.append("one")
                k += 1
            elif nxt in s.fractions and self.low(k + 2) == "of" and self.low(k + 3) in s.articles \
                    and self.low(k + 4) in s.magnitudes:
                # "a quarter of a million"
                value = s.fractions[nxt] * s.magnitudes[self.low(k + 4)]
                return value, k + 5
            else:
                return None
        elif self.low(k) in s.fractions and self.low(k + 1) in s.articles and \
                self.low(k + 2) in s.magnitudes:
            # "half a million"
            return s.fractions[self.low(k)] * s.magnitudes[self.low(k + 2)], k + 3
        while k < self.n:
            w = self.low(k)
            if w in s.words or w in s.dozen:
                words.append(w)
                k += 1
            elif w in s.joiners and words and self.low(k + 1) in s.words:
                words.append(w)
                k += 1
            elif w == "-" and words and self.glued(k) and k + 1 < self.n and self.glued(k + 1) \
                    and self.low(k + 1) in s.words:
                words[-1] = words[-1] + "-" + self.low(k + 1)
                k += 2
            else:
                break
        if not words:
            return None
        # take the longest prefix text2num accepts; the rest starts another number
        while words:
            read = self._eval_words(words)
            if read is not None:
                value = read
                last = i + self._token_count(i, words)
                # "one and a half", "two and a half million"
                if self.low(last) in s.joiners and self.low(last + 1) in s.articles and \
                        self.low(last + 2) in s.fractions:
                    scale = s.magnitudes.get(words[-1], 1.0) if len(words) > 1 or \
                        words[-1] in s.magnitudes else 1.0
                    value += s.fractions[self.low(last + 2)] * scale
                    last += 3
                    nxt = self.low(last)
                    if scale == 1.0 and nxt in s.magnitudes and len(nxt) > 2:
                        value *= s.magnitudes[nxt]  # "two and a half million"
                        last += 1
                return value, last
            words.pop()
            while words and words[-1] in s.joiners:
                words.pop()
        return None

    def _token_count(self, i: int, words: list[str]) -> int:
        count = 0
        k = i
        for w in words:
            if w == "one" and self.low(k) in self.s.articles:
                pass
            count += 1 + 2 * w.count("-")
            k = i + count
        return count

    def _eval_words(self, words: list[str]) -> float | None:
        dozen = 1.0
        body = list(words)
        if body and body[-1] in self.s.dozen:
            dozen = 12.0
            body.pop()
            if not body:
                return 12.0
        if any(w in self.s.dozen for w in body):
            return None
        try:
            return float(text2num(" ".join(body), self.s.code)) * dozen
        except ValueError:
            return None


    def magnitude_tail(self, num: _Num) -> None:
        """Apply "million", "bn", "k", "10M", "lakh", "dozen" after a number ("1.5 million", "$2bn")."""
        k = num.last
        if k >= self.n or self.t[k].kind != "word":
            return
        raw = self.t[k].text
        w = raw.lower()
        glued = self.glued(k)
        mags = self.s.magnitudes
        cased = self.s.cased_magnitudes.get(raw)
        if cased is None and num.unit is not None and units.is_currency(num.unit):
            cased = self.s.money_magnitudes.get(raw)
        if cased and not (self.glued(k + 1) and self.is_word(k + 1)) and \
                (glued or not self.is_word(k + 1)):
            num.value, num.last, num.magnitude, num.scale = _times(num.value, cased), k + 1, \
                True, cased
            return  # "10M", "US$ 1MM": upper-case M is a million, never a metre
        if w in mags and not (num.words and w in self.s.words):
            money = num.unit is not None or self._currency_word_at(k + 1)
            single = len(w) <= 2 or w in ("mln", "bn", "tn")
            if single and not glued and w not in ("bn", "mln", "mn", "tn"):
                # "2.33 k" at the end of a phrase, "£5 m": spaced, but nothing else it could be
                if not ((raw == "k" and not self.is_word(k + 1)) or (w == "m" and money)):
                    return
            if w == "m" and not money:
                return  # "5m" without money is metres, not millions
            if w == "b" and not money and "." not in self.t[k - 1].text:
                return  # "1.2b" is a billion; "5b" is more likely a name
            num.value = _times(num.value, mags[w])
            num.last = k + 1
            num.magnitude = True
            num.scale = mags[w]
        elif w in self.s.dozen_tail and not num.words:
            num.value *= 12
            num.last = k + 1

    def _currency_word_at(self, k: int) -> bool:
        if not self.is_word(k):
            return False
        if units.currency_code(self.t[k].text):
            return True
        found = _unit_phrases().get((_singular(self.low(k)),)) or _unit_phrases().get((self.low(k),))
        return found is not None and units.is_currency(found)

    def range_tail(self, first: _Num, opener: str | None) -> tuple[_Num | None, int]:
        end = first.last
        if end >= self.n:
            return None, end
        allowed = self.s.range_open.get(opener, frozenset()) if opener else self.s.range_join
        join_at, mid_unit = end, None
        if self.low(end) == "-" and self.glued(end) and not self.glued(end + 1) and \
                self.low(end + 1) in ("to", "or", "and") and self.low(end + 1) in allowed:
            join_at = end + 1  # "8- to 16-meter": a suspended hyphen
        elif self.low(end) not in allowed:
            length, found = self.unit_at(end, first) if first.unit is None else (0, None)
            if found and self.low(end + length) in allowed and self.low(end + length) not in _DASHES:
                join_at, mid_unit = end + length, found  # "44 mg to 50 mg", "-18 °C to -34 °C"
        join = self.low(join_at)
        if opener is None and join == "and":
            return None, end
        if join not in allowed:
            return None, end
        before = self.low(first.first - 1)
        if join in ("to", "a") and (before in self.s.change_verbs or (
                before in ("from", "de") and self.low(first.first - 2) in self.s.change_verbs)):
            return None, end  # "rose from 50 to 57", "up 12 to 15"
        if join in _DASHES and opener is None:
            # "30-40" must be tight or evenly spaced; a dash that glues to only one side is prose
            if self.glued(join_at) != self.glued(join_at + 1):
                return None, end
        second = self.number_at(join_at + 1)
        if second is None or (first.words != second.words and join not in _DASHES
                              and opener is None):
            return None, end
        if self.kind_of(second) != "number" or first.fraction != second.fraction:
            return None, end
        if mid_unit is not None and self.unit_at(second.last, second)[1] != mid_unit:
            return None, end
        if second.magnitude and not first.magnitude and first.value < second.value / 1000 * 1000:
            scale = second.value / self._digit_or(second)
            first.value *= scale
        if second.value <= first.value and not (opener == "from" and second.value < first.value < 0):
            return None, end  # only a run of negatives may go down ("from -18 to -34")
        if join == "or" and second.value > 10 * first.value > 0:
            return None, end  # "10 bln or 10 tln" are two figures, not a range
        if first.unit is None and second.unit is not None:
            first.unit = second.unit
        return second, second.last

    def _digit_or(self, num: _Num) -> float:
        tok = self.t[num.first]
        if tok.kind == "num":
            return self._digit_value(tok.text)
        for k in range(num.first, num.last):
            if self.t[k].kind == "num":
                return self._digit_value(self.t[k].text)
        return num.value or 1.0

    def unit_at(self, i: int, num: _Num) -> tuple[int, str | None]:
        """A unit after the number: percent, currency word, or a physical unit."""
        if i >= self.n or num.unit is not None:
            return 0, None  # "$5 million dollars" keeps its sign; nothing more to read
        hyphen = 0
        if self.t[i].text == "-" and self.glued(i) and self.glued(i + 1) and i + 1 < self.n \
                and self.t[i + 1].kind == "word":
            hyphen, i = 1, i + 1  # "a 10-km stretch"
        best, found = self._unit_phrase(i)
        if not found:
            return 0, None
        glued = self.glued(i) or bool(hyphen)
        letter = best == 1 and (self.t[i].low in _NO_GLUE_SET() or (
            len(self.t[i].text) == 1 and self.t[i].kind == "word"))
        if letter and not glued and not self._spaced_letter_ok(i):
            return 0, None
        if best == 1 and self.t[i].text in _NOT_UPPER():
            return 0, None  # "5G" is no gram: unit letters keep their case
        # a glued letter unit followed by more letters is a designation ("95MS")
        if glued and i + best < self.n and self.t[i + best].kind == "word" and self.glued(i + best):
            return 0, None
        if hyphen and self.low(i + best) == "-" and self.low(i + best + 1) == "old":
            return 0, None  # "85-year-old" is an age, read by the extractor
        end = i + best
        if not units.is_currency(found) and found not in (units.PERCENT, "dimensionless"):
            end, found = self._compound_unit(end, found)
        return end - i + hyphen, found

    def _unit_phrase(self, i: int) -> tuple[int, str | None]:
        """The longest unit phrase at i, as (tokens, unit); plurals of any word are tried."""
        table = _unit_phrases()
        prefixes = _unit_prefixes()
        words: list[str] = []
        singular: list[str] = []
        best, found = 0, None
        for k in range(i, min(self.n, i + 5)):
            if k > i and (self.t[k].start - self.t[k - 1].end > 1
                          or (self.t[k].kind == "num" and not self.glued(k))):
                break  # "km2" is one unit, "12 m 2 wide" is not
            words.append(self.t[k].low)
            singular.append(_singular(words[-1]))
            cands = (tuple(words), (*words[:-1], singular[-1]), tuple(singular))
            if not any(c in prefixes for c in cands):
                break
            for cand in cands:
                if cand in table:
                    best, found = len(words), table[cand]
        return best, found

    def _spaced_letter_ok(self, i: int) -> bool:
        """ "a wall 12 m high": a lone "m" reads as metres before a dimension word or punctuation."""
        if self.low(i) != "m" or self.glued(i + 1):
            return False
        return i + 1 >= self.n or self.t[i + 1].kind != "word" or \
            self.low(i + 1) in _spaced_letter_next()

    def _power_at(self, k: int) -> tuple[int, int] | None:
        """ "^2", "^3" glued after a unit, or "squared"/"cubed": (power, tokens)."""
        if self.low(k) == "^" and self.glued(k) and self.low(k + 1) in ("2", "3") and \
                self.glued(k + 1):
            return int(self.low(k + 1)), 2
        if self.low(k) in ("squared", "cubed"):
            return (2 if self.low(k) == "squared" else 3), 1
        return None

    def _compound_unit(self, k: int, found: str) -> tuple[int, str]:
        """ "km^2", "meters per millisecond", "W/min": powers and ratios of physical units."""
        power = self._power_at(k)
        if power and " " not in found:
            found, k = f"{found} ** {power[0]}", k + power[1]
        per = self.low(k) == "per" and self.spaced1(k)
        slash = self.low(k) == "/" and self.glued(k) and self.glued(k + 1)
        if (per or slash) and "/" not in found:
            length, below = self._unit_phrase(k + 1)
            if below and not units.is_currency(below) and below not in (units.PERCENT,
                                                                       "dimensionless") \
                    and "/" not in below:
                power = self._power_at(k + 1 + length)
                if power and " " not in below:
                    below, length = f"{below} ** {power[0]}", length + power[1]
                found, k = f"{found} / {below}", k + 1 + length
        return k, found

    # -- classification
    def kind_of(self, num: _Num) -> str:
        if num.ordinal:
            return "ordinal"
        tok = self.t[num.first]
        if tok.kind != "num":
            return "number"
        if self._chain(num) or self._dotted(num):
            return "designation"  # "+1-222-2222-2222", "1111-22223333-4444", "192.168.1.2"
        prev = num.first - 1
        if prev >= 0 and self.glued(num.first):
            p = self.t[prev]
            if p.kind == "word" and p.low not in units.currency_symbols() and \
                    not units.currency_code(p.text):
                return "designation"
            if p.text in ("-", "/") and prev >= 1 and self.glued(prev) and \
                    self.t[prev - 1].kind == "word" and not self._magnitude_suffix(prev - 1):
                return "designation"
        nxt = num.last
        if nxt < self.n and self.glued(nxt):
            q = self.t[nxt]
            if q.kind == "word" and q.low in self.s.ordinal_suffixes:
                return "ordinal"
            if q.kind == "word" and q.low != "s" and (
                q.low not in _unit_first_words() or q.text in _NOT_UPPER()
            ):
                return "designation"  # "95MS", "5G"
            if q.text == ":" and nxt + 1 < self.n and self.t[nxt + 1].kind == "num" \
                    and self.glued(nxt + 1):
                return "time"
        if nxt < self.n and self.t[nxt].low in ("am", "pm") or (
            self.low(nxt) in ("a", "p") and self.low(nxt + 1) == "." and self.low(nxt + 2) == "m"
        ):
            return "time"
        return "number"

    def _magnitude_suffix(self, k: int) -> bool:
        """Word k is a magnitude glued to a number ("5k" in "5k-20k"), not a name ("Kh" in "Kh-101")."""
        return self.low(k) in self.s.magnitudes and k >= 1 and self.glued(k) and \
            self.t[k - 1].kind == "num"

    def _dotted(self, num: _Num) -> bool:
        """A number that a tight dot joins to another: an address or version ("192.168.1.2")."""
        k, first = num.last, num.first
        after = self.low(k) == "." and self.glued(k) and self.glued(k + 1) and \
            k + 1 < self.n and self.t[k + 1].kind == "num"
        before = first >= 2 and self.low(first - 1) == "." and self.glued(first) and \
            self.glued(first - 1) and self.t[first - 2].kind == "num"
        return after or before

    def _chain(self, num: _Num) -> bool:
        """Three or more numbers joined by tight dashes or slashes: a phone number or a code."""
        first = num.first
        while first < num.last and self.t[first].kind != "num":
            first += 1
        count, k = 1, num.last
        while count < 3 and k + 1 < self.n and self.t[k].text in ("-", "/") and self.glued(k) \
                and self.glued(k + 1) and self.t[k + 1].kind == "num":
            count, k = count + 1, k + 2
        k = first
        while count < 3 and k >= 2 and self.t[k - 1].text in ("-", "/") and self.glued(k) \
                and self.glued(k - 1) and self.t[k - 2].kind == "num":
            count, k = count + 1, k - 2
        return count >= 3

    def one_is_count(self, num: _Num) -> bool:
        """Spelled "one" is a count only when a noun follows ("one person", not "one of the")."""
        numbers = load("numbers")
        word = self.low(num.first)
        if word in numbers["article_like_one"].get(self.s.code, []):
            # Spanish "un/una" is the article unless a word makes it a count ("una más")
            return num.last - num.first == 1 and self.low(num.last) in \
                numbers["article_one_counts_before"].get(self.s.code, [])
        if word not in numbers["one_words_need_noun"]:
            return True
        if num.last - num.first > 1:
            return True
        prev = self.low(num.first - 1)
        if prev in ("no", "the", "this", "that", "any", "every", "each", "which", "someone"):
            return False
        nxt = num.last
        if nxt >= self.n or self.t[nxt].kind != "word":
            return False
        w = self.t[nxt].low
        if w == "of":
            # "one of them", "one of the injured" count; "one of the worst" does not
            after = self.low(nxt + 1)
            after2 = self.low(nxt + 2)
            if after in ("them", "those", "whom"):
                return True
            if after in ("the", "its", "his", "her", "their", "our"):
                return after2 in _partitive_heads()
            return False
        if w in ("more", "other", "further", "last", "single"):
            return self.low(nxt + 1) in _countable_heads()
        return w not in set(numbers["one_stop_next"])


@cache
def _countable_heads() -> frozenset[str]:
    """Words that make "one of the X" a count: counted nouns and partitive heads."""
    data = load("entities")
    heads = {form for forms in data["entities"].values() for form in forms}
    heads |= {h.split()[-1] for h in data["partitive_heads"]}
    return frozenset(heads | {"injured", "wounded", "dead", "victims", "missing"})


@cache
def _partitive_heads() -> frozenset[str]:
    """Words that make "one of the X" a count of people: "one of the injured"."""
    heads = {h.split()[-1] for h in load("entities")["partitive_heads"]}
    return frozenset(heads | {"injured", "wounded", "dead", "victims", "missing", "killed"})


_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125, "⅕": 0.2,
           "⅖": 0.4, "⅗": 0.6, "⅘": 0.8, "⅙": 1 / 6, "⅚": 5 / 6, "⅜": 0.375, "⅝": 0.625,
           "⅞": 0.875}


def _times(value: float, magnitude: float) -> float:
    """`value * magnitude`, exact in decimal when the magnitude is a power of ten (16.4e6)."""
    exponent = round(math.log10(magnitude)) if magnitude > 0 else 0
    written = repr(value)
    if magnitude == 10.0**exponent and "e" not in written and math.isfinite(value):
        return float(f"{written}e{exponent}")
    return value * magnitude


def _million_of(word: str) -> str | None:
    """ "MUSD", "MEUR": financial shorthand for a million of a currency -> its ISO code."""
    if len(word) == 4 and word[0] == "M" and word[1:] in units.currency_codes():
        return word[1:]
    return None


@cache
def _NOT_UPPER() -> frozenset[str]:  # noqa: N802 - reads like the constant it caches
    """Unit letters that mean something else in upper case ("5G" is no gram)."""
    return frozenset(w.upper() for w in load("units")["lower_case_only"])


@cache
def _pound_mass_before() -> frozenset[str]:
    return frozenset(load("units")["pound_mass_before"])


@cache
def _spaced_sign_prefixes() -> frozenset[str]:
    return frozenset(load("units")["spaced_sign_prefixes"])


@cache
def _spaced_letter_next() -> frozenset[str]:
    return frozenset(load("units")["spaced_letter_next"])


_PREFIXES: dict[int, tuple[dict[tuple[str, ...], Any], frozenset[tuple[str, ...]]]] = {}


def _prefixes_of(table: dict[tuple[str, ...], Any]) -> frozenset[tuple[str, ...]]:
    """Every leading part of a phrase in `table`, computed once per table."""
    entry = _PREFIXES.get(id(table))
    if entry is None or entry[0] is not table:  # the table is kept, so its id is not reused
        entry = (table, frozenset(k[:n] for k in table for n in range(1, len(k) + 1)))
        _PREFIXES[id(table)] = entry
    return entry[1]


@cache
def _unit_prefixes() -> frozenset[tuple[str, ...]]:
    """Every leading part of a unit phrase, so a lookup can stop as soon as none fits."""
    return frozenset(k[:n] for k in _unit_phrases() for n in range(1, len(k) + 1))


@cache
def _NO_GLUE_SET() -> frozenset[str]:  # noqa: N802 - reads like the constant it caches
    return frozenset(load("units")["no_glue"])


@cache
def _unit_first_words() -> frozenset[str]:
    first = {k[0] for k in _unit_phrases()}
    first |= {_singular(w) for w in first}
    for code in ("en", "es"):
        spec = _lang(code)
        first |= set(spec.magnitudes)
    first |= set(units.currency_symbols()) | {c.lower() for c in units.currency_codes()}
    return frozenset(first | {"s", "es", "lbs", "ft", "mm", "cm", "km", "kg"})


@cache
def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith(("ches", "shes", "xes", "ses")):
        return word[:-2]
    if len(word) > 2 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word
