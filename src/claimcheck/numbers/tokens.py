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
    n = len(text)
    i = spaces(text, 0).end()
    while i < n:
        ch = text[i]
        if ch in "hHwW":
            url = _URL_RE.match(text, i)
            if url and (i == 0 or not text[i - 1].isalnum()):
                i = spaces(text, url.end()).end()
                continue
        kind: TokenKind = "sym"
        m: re.Match[str] | None = None
        if ch.isdecimal():
            m, kind = number_re.match(text, i), "num"
        elif ch.isalpha():
            m, kind = word_re.match(text, i), "word"
        elif ch == "." and leading_decimal and (i == 0 or not (text[i - 1].isalnum()
                                                               or text[i - 1] in ".,")):
            m, kind = _LEADING_DECIMAL_RE.match(text, i), "num"  # ".08", "the .25ml liquid"
        if m is not None:
            word, end = m.group(), m.end()
        else:
            word, end, kind = ch, i + 1, "sym"
        append(Token(kind, word, offset + i, offset + end, word.lower()))
        i = spaces(text, end).end()
    return out


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
