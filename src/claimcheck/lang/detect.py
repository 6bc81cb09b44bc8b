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
    import numpy as np
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
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
