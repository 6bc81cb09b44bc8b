"""Sentences with offsets: split at line breaks and at . ! ? before a capital, a quote or a digit."""

from __future__ import annotations

import re
from dataclasses import dataclass

#: characters that open a quotation
QUOTES = "‘“\"'«„‚"  # „ ‚: German low quotes
_CLOSERS = "\"'’”»)"
_STOPS = re.compile(r"[.!?]")


@dataclass(frozen=True)
class Sentence:
    """A sentence: its offsets, its paragraph (line) number and its index in the document."""

    start: int
    end: int
    paragraph: int
    index: int


def split_sentences(text: str, abbreviations: frozenset[str] = frozenset()) -> list[Sentence]:
    """The sentences of `text`; a full stop after one of `abbreviations` (lower case, without
    the stop) or after a single capital letter ends no sentence."""
    out: list[Sentence] = []
    pos = 0
    for para, line in enumerate(text.split("\n")):
        start = 0
        for end, resume in _breaks(line, abbreviations):
            if line[start:end].strip():
                out.append(Sentence(pos + start, pos + end, para, len(out)))
            start = resume
        if line[start:].strip():
            out.append(Sentence(pos + start, pos + len(line), para, len(out)))
        pos += len(line) + 1
    return out


def _breaks(line: str, abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    """(end of a sentence, start of the next) for every sentence break inside one line."""
    out: list[tuple[int, int]] = []
    start = 0
    n = len(line)
    # only a stop can end a sentence: the regex finds them (a break skips closers and spaces
    # only, never a stop, so every stop is read in turn)
    for stop in _STOPS.finditer(line, 0, n - 1):
        i = stop.start()
        j = i + 1
        while j < n and line[j] in _CLOSERS:
            j += 1
        if j < n and line[j] == " ":
            k = j
            while k < n and line[k] == " ":
                k += 1
            if k < n and (line[k].isupper() or line[k] in QUOTES or line[k].isdigit()):
                word = line[max(start, i - 5) : i].split()[-1:] or [""]
                if line[i] != "." or not _abbreviation(word[0], abbreviations):
                    out.append((j, k))
                    start = k
    return out


def _abbreviation(word: str, abbreviations: frozenset[str]) -> bool:
    return word.lower().strip("(") in abbreviations or (len(word) == 1 and word.isupper())
