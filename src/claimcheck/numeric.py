"""Numbers in text: digits, number words, magnitudes, ranges, hedges -> value/low/high/qualifier.

`scan(text)` finds every numeric expression and returns `Mention`s: character spans with an
interval reading of the wording. It knows nothing of what is counted; `extract` adds that.
Interval semantics (also in docs/claims.md):

    exact         v          [v, v]        at_least    at least v    [v, inf)
    approximate   about v    [v, v]        more_than   more than v   (v, inf)
    range         v1-v2      [v1, v2]      at_most     up to v       [0, v]
    vague         dozens     [24, inf)     less_than   fewer than v  [0, v)

The scanner works on a token list built by one linear regex pass, and every loop moves
forward, so time grows linearly with the input.
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


def _phrases(table: dict[str, Any]) -> dict[tuple[str, ...], Any]:
    return {tuple(_split_phrase(k)): v for k, v in table.items()}


def _split_phrase(phrase: str) -> list[str]:
    return [t.text.lower() for t in _tokens(phrase, _NUMBER_RES["en"], 0)]


_NUMBER_RES = {
    # grouping marks are accepted only in full groups of three, so "1,5" is never 15
    "en": re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?"),
    "es": re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?(?!\d)|\d+(?:,\d+)?"),
}
_WORD_RE = re.compile(r"[^\W\d_]+")


@cache
def _lang(code: str) -> _Lang:
    numbers = load("numbers")
    hedges = load("hedges")
    key = code if code in numbers and code in _NUMBER_RES else "en"
    num = numbers[key]
    open_words = hedges["range_open"].get(key, [])
    return _Lang(
        number_re=_NUMBER_RES[key],
        words=frozenset(num["words"]),
        joiners=frozenset(num["joiners"]),
        articles=frozenset(num["articles"]),
        magnitudes={k: float(v) for k, v in num["magnitudes"].items()},
        dozen=frozenset(num["dozen"]),
        fractions={k: float(v) for k, v in num["fractions"].items()},
        negative=frozenset(num["negative"]),
        ordinals={k: int(v) for k, v in num["ordinals"].items()},
        ordinal_suffixes=frozenset(num["ordinal_suffixes"]),
        decimal_mark=num["decimal_mark"],
        group_mark=num["group_mark"],
        hedges_before=_phrases(hedges["before"].get(key, {})),
        hedges_after=_phrases(hedges["after"].get(key, {})),
        vague={k: float(v) for k, v in _phrases(numbers["vague"].get(key, {})).items()},
        range_open={w: frozenset(hedges["range_open_join"].get(w, [])) for w in open_words},
        range_join=frozenset(hedges["range_join"].get(key, [])),
        change_verbs=frozenset(hedges["change_verbs"].get(key, [])),
        code=key,
    )


@cache
def _unit_phrases() -> dict[tuple[str, ...], str]:
    table: dict[tuple[str, ...], str] = {}
    for surface, unit in units.surface_forms().items():
        table[tuple(_split_phrase(surface))] = unit
    return table


# ---------------------------------------------------------------- tokens


def _tokens(text: str, number_re: re.Pattern[str], offset: int) -> list[Token]:
    out: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch.isdigit():
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
        if not any(c.isdigit() or c.isalpha() for c in chunk):
            continue
        found.extend(_Scanner(_tokens(chunk, spec.number_re, offset), text, spec).run())
    return found


def parse_number(expression: str, lang: str = "en") -> float | None:
    """The value of a number written alone (`"forty-two"`, `"1,600"`, `"£7.6bn"`), else None."""
    spec = _lang(lang)
    scanner = _Scanner(_tokens(expression, spec.number_re, 0), expression, spec, alone=True)
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


class _Scanner:
    """A forward-only parser over one chunk's tokens."""

    def __init__(self, toks: list[Token], text: str, spec: _Lang, alone: bool = False) -> None:
        self.alone = alone  # a number written alone needs no counted noun ("one")
        self.t = toks
        self.text = text
        self.s = spec
        self.n = len(toks)

    # -- helpers
    def low(self, i: int) -> str:
        return self.t[i].low if 0 <= i < self.n else ""

    def glued(self, i: int) -> bool:
        """Token i touches token i-1 (no space between)."""
        return 0 < i < self.n and self.t[i - 1].end == self.t[i].start

    def match_phrase(self, i: int, table: dict[tuple[str, ...], Any], longest: int = 6) -> int:
        """Length of the longest phrase of `table` starting at token i (0 if none)."""
        best = 0
        words: list[str] = []
        for k in range(i, min(self.n, i + longest)):
            if k > i and self.t[k].kind != "sym" and not self._spaced_or_glued_ok(k):
                break
            words.append(self.t[k].low)
            if tuple(words) in table:
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
        return out

    def mention_at(self, i: int) -> tuple[Mention, int] | None:
        tok = self.t[i]
        if tok.kind == "word":
            vague = self.vague_at(i)
            if vague:
                return vague
        hedge_len = self.match_phrase(i, self.s.hedges_before) if tok.kind == "word" else 0
        j = i + hedge_len
        opener = self.low(j) if self.low(j) in self.s.range_open else None
        if opener and self.low(j - 1) in self.s.change_verbs:
            opener = None  # "grown from 50 to 57": a change, not a range
        k = j + 1 if opener else j
        first = self.number_at(k)
        if first is None and opener:
            opener, k = None, j
            first = self.number_at(k)
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
            m = self._mention(first.first, last, first.value, "exact", first.unit, kind=kind)
            return m, last
        second, end = self.range_tail(first, opener)
        if second is None and first.words and first.value in (0, 1) and not hedge_len \
                and not self.alone and not self.one_is_count(first):
            return None
        qualifier = "exact"
        hedge_words = None
        if hedge_len:
            hedge_words = " ".join(t.low for t in self.t[i:j])
            qualifier = self.s.hedges_before[tuple(t.low for t in self.t[i:j])]
        start_tok = i if hedge_len else (j if opener and second else k)
        unit = first.unit
        if second is not None:
            unit = unit or second.unit
        unit_len, unit_found = self.unit_at(end, first if second is None else second)
        if unit_found:
            unit = unit_found
            end += unit_len
        post = self.match_phrase(end, self.s.hedges_after, 3) if end < self.n else 0
        if post and not hedge_len and second is None:
            if self.t[end].text == "+" and not self.glued(end):
                post = 0
            if post:
                qualifier = self.s.hedges_after[tuple(t.low for t in self.t[end : end + post])]
                hedge_words = " ".join(t.low for t in self.t[end : end + post])
                end += post
        if second is not None:
            low, high = first.value, second.value
            value = (low + high) / 2
            qualifier = "range" if qualifier in ("exact", "approximate") else qualifier
            if qualifier != "range":
                value = high if qualifier in ("at_most", "less_than") else low
            m = self._mention(start_tok, end, value, qualifier, unit, hedge=hedge_words,
                              num=(first.first, second.last), bounds=(low, high))
            return m, end
        m = self._mention(start_tok, end, first.value, qualifier, unit, hedge=hedge_words,
                          num=(first.first, first.last))
        return m, end

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
        if all(x is None or math.isfinite(x) for x in (m.value, m.low, m.high)):
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
        if nxt and (nxt[0].isdigit() or nxt in self.s.words):
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
        start = i
        sym = self.currency_prefix(i)
        if sym:
            currency, i = sym
        negative = False
        if i < self.n and self.t[i].text in ("-", "−") and i + 1 < self.n and \
                self.t[i + 1].kind == "num" and self.glued(i + 1) and not self.glued(i):
            negative, i = True, i + 1
        elif i < self.n and self.low(i) in self.s.negative and i + 1 < self.n:
            nxt = self.number_at(i + 1)
            if nxt is not None and nxt.unit is None:
                nxt.value, nxt.first = -nxt.value, start
                return nxt
            return None
        if i >= self.n:
            return None
        tok = self.t[i]
        if tok.kind == "num":
            base = self.digits_at(i)
            if base is None:
                return None
            value, last = base
            words = False
        elif tok.kind == "word":
            got = self.words_at(i)
            if got is None:
                return None
            value, last = got
            words = True
        else:
            return None
        num = _Num(-value if negative else value, start, last, currency, words)
        self.magnitude_tail(num)
        if currency is None:
            code = self.currency_suffix(num.last)
            if code:
                num.unit, num.last = code
        return num

    def currency_prefix(self, i: int) -> tuple[str, int] | None:
        symbols = units.currency_symbols()
        tok = self.t[i]
        # "US$", "A$": a word glued to a currency sign
        if tok.kind == "word" and i + 1 < self.n and self.glued(i + 1):
            two = tok.low + self.t[i + 1].low
            if two in symbols and self._number_follows(i + 2):
                return symbols[two], i + 2
        if tok.kind == "sym" and tok.low in symbols and self._number_follows(i + 1):
            return symbols[tok.low], i + 1
        if tok.kind == "word" and tok.text in units.currency_codes() and self._number_follows(i + 1):
            return tok.text, i + 1
        return None

    def _number_follows(self, i: int) -> bool:
        return i < self.n and (self.t[i].kind == "num" or self.low(i) in self.s.words
                               or self.low(i) in self.s.articles)

    def currency_suffix(self, i: int) -> tuple[str, int] | None:
        if i < self.n and self.t[i].text in units.currency_codes():
            return self.t[i].text, i + 1
        return None

    def digits_at(self, i: int) -> tuple[float, int] | None:
        tok = self.t[i]
        value = self._digit_value(tok.text)
        if not math.isfinite(value):
            return None  # a run of digits too long for a float is no figure
        last = i + 1
        # "29 000", "1 000 000": space-grouped thousands (three digits per later group)
        if "," not in tok.text and "." not in tok.text and len(tok.text) <= 3:
            while (last < self.n and self.t[last].kind == "num" and len(self.t[last].text) == 3
                   and self.t[last].text.isdigit()
                   and self.t[last].start - self.t[last - 1].end == 1
                   and self.text[self.t[last - 1].end] in " \u00a0\u202f"
                   and not (last + 1 < self.n and self.t[last + 1].kind == "word"
                            and self.glued(last + 1))):
                value = value * 1000 + float(self.t[last].text)
                last += 1
        # "2 1/2", "2½"
        if last + 2 < self.n and self.t[last + 1].text == "/" and self.t[last].kind == "num" \
                and self.t[last + 2].kind == "num" and self.glued(last + 1) and self.glued(last + 2) \
                and not self.glued(last):
            if not (self.t[last].text.isdigit() and self.t[last + 2].text.isdigit()):
                return value, last
            den = float(self.t[last + 2].text)
            if den:
                value += float(self.t[last].text) / den
                last += 3
        if last < self.n and self.t[last].text in _VULGAR:
            value += _VULGAR[self.t[last].text]
            last += 1
        return value, last

    def _digit_value(self, raw: str) -> float:
        if self.s.group_mark in raw:
            raw = raw.replace(self.s.group_mark, "")
        return float(raw.replace(self.s.decimal_mark, "."))

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
            value = self._eval_words(words)
            if value is not None:
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
        """Apply "million", "bn", "k", "dozen" after a number ("1.5 million", "$2bn")."""
        k = num.last
        if k >= self.n or self.t[k].kind != "word":
            return
        w = self.t[k].low
        glued = self.glued(k)
        mags = self.s.magnitudes
        if w in mags and not (num.words and w in self.s.words):
            single = len(w) <= 2 or w in ("mln", "bn", "tn")
            if single and not glued and w not in ("bn", "mln", "mn", "tn"):
                return
            if w == "m" and num.unit is None:
                return  # "5m" without a currency sign is metres, not millions
            if w == "b" and num.unit is None:
                return
            num.value *= mags[w]
            num.last = k + 1
            num.magnitude = True
        elif w in self.s.dozen:
            num.value *= 12
            num.last = k + 1

    def range_tail(self, first: _Num, opener: str | None) -> tuple[_Num | None, int]:
        end = first.last
        if end >= self.n:
            return None, end
        join = self.low(end)
        allowed = self.s.range_open.get(opener, frozenset()) if opener else self.s.range_join
        if opener is None and join == "and":
            return None, end
        if join not in allowed:
            return None, end
        before = self.low(first.first - 1)
        if join in ("to", "a") and (before in self.s.change_verbs or (
                before in ("from", "de") and self.low(first.first - 2) in self.s.change_verbs)):
            return None, end  # "rose from 50 to 57", "up 12 to 15"
        if join in ("-", "–", "—") and opener is None:
            # "30-40" must be tight or evenly spaced; a dash that glues to only one side is prose
            if self.glued(end) != self.glued(end + 1):
                return None, end
        second = self.number_at(end + 1)
        if second is None or (first.words != second.words and join not in ("-", "–", "—")
                              and opener is None):
            return None, end
        if self.kind_of(second) != "number":
            return None, end
        if second.magnitude and not first.magnitude and first.value < second.value / 1000 * 1000:
            scale = second.value / self._digit_or(second)
            first.value *= scale
        if second.value <= first.value:
            return None, end
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
            if num.unit is not None and i < self.n:
                # "$5 million dollars" keeps its sign; nothing more to read
                return 0, None
            return 0, None
        table = _unit_phrases()
        words: list[str] = []
        best, found = 0, None
        hyphen = 0
        if self.t[i].text == "-" and self.glued(i) and self.glued(i + 1) and i + 1 < self.n \
                and self.t[i + 1].kind == "word":
            hyphen, i = 1, i + 1  # "a 10-km stretch"
        glued = self.glued(i) or bool(hyphen)
        for k in range(i, min(self.n, i + 5)):
            if k > i and self.t[k].start - self.t[k - 1].end > 1:
                break
            words.append(self.t[k].low)
            for cand in (tuple(words), tuple(words[:-1] + [_singular(words[-1])])):
                if cand in table:
                    best, found = len(words), table[cand]
        if not found:
            return 0, None
        if best == 1 and self.t[i].low in _NO_GLUE_SET() and not glued:
            return 0, None
        if best == 1 and len(self.t[i].text) == 1 and self.t[i].kind == "word" and not glued:
            return 0, None
        # a glued letter unit followed by more letters is a designation ("95MS")
        if glued and i + best < self.n and self.t[i + best].kind == "word" and self.glued(i + best):
            return 0, None
        if hyphen and self.low(i + best) == "-" and self.low(i + best + 1) == "old":
            return 0, None  # "85-year-old" is an age, read by the extractor
        return best + hyphen, found

    # -- classification
    def kind_of(self, num: _Num) -> str:
        tok = self.t[num.first]
        if tok.kind != "num":
            return "number"
        prev = num.first - 1
        if prev >= 0 and self.glued(num.first):
            p = self.t[prev]
            if p.kind == "word" and p.low not in units.currency_symbols():
                return "designation"
            if p.text in ("-", "/") and prev >= 1 and self.glued(prev) and \
                    self.t[prev - 1].kind == "word":
                return "designation"
        nxt = num.last
        if nxt < self.n and self.glued(nxt):
            q = self.t[nxt]
            if q.kind == "word" and q.low in self.s.ordinal_suffixes:
                return "ordinal"
            if q.kind == "word" and q.low not in _unit_first_words() and q.low != "s":
                return "designation"
            if q.text == ":" and nxt + 1 < self.n and self.t[nxt + 1].kind == "num" \
                    and self.glued(nxt + 1):
                return "time"
        if nxt < self.n and self.t[nxt].low in ("am", "pm") or (
            self.low(nxt) in ("a", "p") and self.low(nxt + 1) == "." and self.low(nxt + 2) == "m"
        ):
            return "time"
        return "number"

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


_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}


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
    return frozenset(first | {"s", "es", "lbs", "ft", "mm", "cm", "km", "kg"})


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith(("ches", "shes", "xes", "ses")):
        return word[:-2]
    if len(word) > 2 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word
