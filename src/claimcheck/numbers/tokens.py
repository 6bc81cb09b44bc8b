"""Tokens: one linear pass splits text into numbers, words and single symbols."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

_CHUNK = 20_000  # characters scanned at a time; bounds the token list on huge lines


TokenKind = Literal["num", "word", "sym"]


@dataclass(frozen=True)
class Token:
    kind: TokenKind
    text: str
    start: int
    end: int
    low: str = field(default="", compare=False)  # the text in lower case, stored once

    def __post_init__(self) -> None:
        if not self.low and self.text:
            object.__setattr__(self, "low", self.text.lower())


_WORD_RE = re.compile(r"[^\W\d_]+")


_URL_RE = re.compile(r"(?:https?://|www\.)\S*", re.IGNORECASE)


_LEADING_DECIMAL_RE = re.compile(r"\.\d+")


def tokenize(
    text: str, number_re: re.Pattern[str], offset: int, leading_decimal: bool = False,
    word_re: re.Pattern[str] = _WORD_RE,
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
                num = m.group()
                out.append(Token("num", num, offset + i, offset + m.end(), num.lower()))
                i = m.end()
                continue
        if ch.isdecimal():
            m = number_re.match(text, i)
            if m:
                num = m.group()
                out.append(Token("num", num, offset + i, offset + m.end(), num.lower()))
                i = m.end()
                continue
        if ch.isalpha():
            m = word_re.match(text, i)
            if m:
                word = m.group()
                out.append(Token("word", word, offset + i, offset + m.end(), word.lower()))
                i = m.end()
                continue
        out.append(Token("sym", ch, offset + i, offset + i + 1, ch.lower()))
        i += 1
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
