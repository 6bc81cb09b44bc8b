"""Which language a text is in, when its document does not say (py3langid, offline).

The model is loaded once, on first use: by a document without a language, or by the check
that a document of 60 characters or more reads as the language it names.
"""

from __future__ import annotations

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
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
