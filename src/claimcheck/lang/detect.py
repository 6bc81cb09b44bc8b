"""Which language a text is in, when its document does not say (py3langid, offline).

The model is loaded once, on first use: by a document without a language, or by the check
that a document of 60 characters or more reads as the language it names.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from typing import Any

#: below this probability a detection is a guess, not an answer
SURE = 0.8
#: texts shorter than this are too short to contradict a language a document names
_MISMATCH_MIN_CHARS = 60
_MISMATCH_SURE = 0.99


def detect(text: str) -> tuple[str, float]:
    """The most likely ISO 639-1 code of `text` and its probability (0 to 1)."""
    code, probability = _identifier().classify(text)
    return str(code), float(probability)


def contradicts(text: str, given: str) -> tuple[str, float] | None:
    """The language `text` is surely in, when that is not `given`; None when it agrees or
    the text is too short to tell."""
    if len(text.strip()) < _MISMATCH_MIN_CHARS:
        return None
    code, probability = detect(text)
    return (code, probability) if code != given and probability >= _MISMATCH_SURE else None


@cache
def _identifier() -> Any:
    import numpy as np
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    fast = all(hasattr(LanguageIdentifier, name) for name in ("_raw_score", "_sparse_score"))
    kind = _vectorised(LanguageIdentifier) if fast else LanguageIdentifier
    identifier = kind.from_model_file(MODEL_FILE, norm_probs=True)
    table = getattr(identifier, "nb_ptc", None)
    if isinstance(table, np.ndarray) and table.dtype == np.float16:
        # py3langid 0.4 stores its feature weights as float16 and widens the rows a text uses
        # to float32 on every call (most of a short text's time); widened once here, exactly
        # (every float16 is a float32), the product it takes is the same float32 product
        wide = table.astype(np.float32)
        identifier.nb_ptc = wide
        full = getattr(identifier, "_full_model", None)
        if isinstance(full, tuple) and len(full) == 3 and full[0] is table:
            identifier._full_model = (wide, *full[1:])  # the float16 copy is not kept
    return identifier


def _vectorised(base: Any) -> Any:
    """py3langid 0.4's identifier, its byte automaton walked by numpy (same counts, in the
    same order, so the same scores to the last bit).

    py3langid counts the byte n-grams of a text by walking an Aho-Corasick automaton one
    byte at a time in Python. The state after a byte is the longest suffix of the text read
    so far that is a node of the automaton's trie; no node is deeper than the trie's depth
    D, so walking D bytes from the root over the D bytes ending there reaches the same
    state. Those D steps are taken for every position at once.
    """
    import numpy as np

    class Vectorised(base):  # type: ignore[misc]
        __slots__ = ("_walk",)

        def _raw_score(self, text: bytes) -> Any:
            if not hasattr(self, "_walk"):
                self._walk = _Walk(self.tk_nextmove, self.tk_row, self.tk_output, np)
            visits = self._walk.counts(text)
            if visits:
                return self._sparse_score(visits, self.nb_ptc)
            return super()._raw_score(text)  # no feature at all: the library's own floor

    return Vectorised


class _Walk:
    """The automaton of a py3langid model as numpy arrays, and its trie's depth."""

    def __init__(self, nextmove: Any, rows: Any, output: Any, np: Any) -> None:
        self.np = np
        width = {2: np.uint16, 4: np.uint32, 8: np.uint64}[nextmove.itemsize]
        self.table = np.frombuffer(nextmove, dtype=width).astype(np.intp).reshape(-1, 256)
        self.rows = np.asarray(rows, dtype=np.intp)
        self.base = self.rows << 8  # where each state's 256 moves start in the flat table
        self.flat = self.table.ravel()
        self.output = np.asarray(output, dtype=np.intp)
        self.depth = self._depth()

    def _depth(self) -> int:
        """The deepest trie node: the longest distance from the root (a state's distance is
        the length of the text it stands for), found breadth first over whole levels."""
        np = self.np
        seen = np.zeros(len(self.rows), dtype=bool)
        seen[0] = True
        level, depth = np.array([0]), 0
        while True:
            reached = np.zeros(len(self.rows), dtype=bool)
            reached[self.table[np.unique(self.rows[level])].ravel()] = True
            level = np.flatnonzero(reached & ~seen)
            if not len(level):
                return depth
            seen[level] = True
            depth += 1

    def counts(self, text: bytes) -> Counter[int]:
        """How often each feature occurs in `text`, keyed in order of first occurrence (what
        py3langid's `visit_counts` gives)."""
        np, depth, n = self.np, self.depth, len(text)
        data = np.frombuffer(text, dtype=np.uint8)
        head: list[int] = []
        state = 0
        for letter in text[: depth - 1]:  # the first bytes: fewer than D before them
            state = int(self.flat[self.base[state] + letter])
            head.append(state)
        states = np.asarray(head, dtype=np.intp)
        if n >= depth:
            width = n - depth + 1
            tail = np.zeros(width, dtype=np.intp)
            for step in range(depth):
                tail = self.flat[self.base[tail] + data[step : step + width]]
            states = np.concatenate([states, tail])
        found = self.output[states]
        return Counter(found[found >= 0].tolist())
