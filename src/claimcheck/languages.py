"""Which languages claimcheck has rules for, and how a language code is read.

This is the one place that names the supported languages; the planned `lang/` packages (one
per language behind one protocol) will replace it. A document in any other language is still
processed, with the English rules underneath, and the run says so in a diagnostic.
"""

from __future__ import annotations

from functools import cache

import pycountry

#: languages with their own rules today (number words, decimal marks, hedges)
_SUPPORTED = ("en", "es")
#: the rules used for a document in any other language
FALLBACK = "en"


def supported_languages() -> tuple[str, ...]:
    """The ISO 639-1 codes claimcheck has rules for, sorted."""
    return _SUPPORTED


def normalise(code: str) -> str:
    """The primary ISO 639-1 subtag of a language tag: "EN", "en-US", "en_GB" -> "en".

    A three-letter ISO 639-2 code with a two-letter equivalent ("deu") becomes that code; any
    other value is only trimmed and lower-cased, so that `describe` can name it.
    """
    primary = code.strip().replace("_", "-").split("-")[0].lower()
    if len(primary) == 3:
        alpha_2 = getattr(_lookup(alpha_3=primary), "alpha_2", None)
        if alpha_2:
            return str(alpha_2)
    return primary


def name(code: str) -> str | None:
    """The English name of a valid ISO 639-1 code ("pl" -> "Polish"), else None."""
    if len(code) != 2:
        return None
    found = _lookup(alpha_2=code)
    return None if found is None else str(getattr(found, "name", code))


@cache
def _lookup(**key: str) -> object | None:
    try:
        return pycountry.languages.get(**key)
    except (KeyError, LookupError):  # older pycountry raises instead of returning None
        return None
