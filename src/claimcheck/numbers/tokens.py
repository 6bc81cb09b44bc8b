"""Tokens: one linear pass splits text into numbers, words and single symbols."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal, NamedTuple, cast

_CHUNK = 20_000  # characters scanned at a time; bounds the token list on huge lines


TokenKind = Literal["num", "word", "sym"]


class Token(NamedTuple):
    """One token: a tuple, which is built several times faster than a frozen dataclass (a
    text makes one per word and mark)."""

    kind: TokenKind
    text: str
    start: int
    end: int
    low: str  # the text in lower case, stored once


_WORD_RE = re.compile(r"[^\W\d_]+")


_URL_RE = re.compile(r"(?:https?://|www\.)\S*", re.IGNORECASE)


_LEADING_DECIMAL_RE = re.compile(r"\.\d+")
_SPACES = re.compile(r"\s*")  # what `str.isspace` calls a space, skipped in one step


def tokenize(
    text: str, number_re: re.Pattern[str], offset: int, leading_decimal: bool = False,
    word_re: re.Pattern[str] = _WORD_RE,
) -> list[Token]:
    """Numbers, words and single symbols; a URL is skipped whole (its digits are no figures)."""
    out: list[Token] = []
    append = out.append
    spaces = cast(Callable[[str, int], re.Match[str]], _SPACES.match)  # `\s*` always matches
    # a number or a word with the spaces after it, in one match (group 1 is the token)
    number_sp, word_sp = _spaced(number_re).match, _spaced(word_re).match
    new = tuple.__new__  # what `Token(...)` does, without its Python-level __new__
    n = len(text)
    i = spaces(text, 0).end()
    while i < n:
        ch = text[i]
        if ch in "hHwW":
            url = _URL_RE.match(text, i)
            if url and (i == 0 or not text[i - 1].isalnum()):
                i = spaces(text, url.end()).end()
                continue
        m: re.Match[str] | None = None
        if ch.isdecimal():
            m, kind = number_sp(text, i), "num"
        elif ch.isalpha():
            m, kind = word_sp(text, i), "word"
        if m is not None:
            word = m.group(1)
            append(new(Token, (kind, word, offset + i, offset + m.end(1), word.lower())))
            i = m.end()
            continue
        end = i + 1
        if ch == "." and leading_decimal and (i == 0 or not (text[i - 1].isalnum()
                                                             or text[i - 1] in ".,")):
            dec = _LEADING_DECIMAL_RE.match(text, i)  # ".08", "the .25ml liquid"
            if dec is not None:
                word, end = dec.group(), dec.end()
                append(new(Token, ("num", word, offset + i, offset + end, word)))
                i = spaces(text, end).end()
                continue
        append(new(Token, ("sym", ch, offset + i, offset + end, ch.lower())))
        i = spaces(text, end).end()
    return out


_SPACED: dict[int, tuple[re.Pattern[str], re.Pattern[str]]] = {}


def _spaced(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` as group 1, then any spaces; compiled once per pattern (a language's number
    and word patterns), keyed by id: hashing a Pattern hashes its code."""
    entry = _SPACED.get(id(pattern))
    if entry is None or entry[0] is not pattern:  # the pattern is kept, so its id is not reused
        entry = (pattern, re.compile(rf"({pattern.pattern})\s*", pattern.flags))
        _SPACED[id(pattern)] = entry
    return entry[1]


def chunks(text: str) -> list[tuple[int, str]]:
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
