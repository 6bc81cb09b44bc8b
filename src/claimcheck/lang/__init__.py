"""The registry of languages: one package per language under `lang/` (see `lang.base`).

`get(code)` gives the `Language` a code names; the supported languages are the packages
found here, so adding one never touches this module. A document in any other language is
still processed, and the run says so in a diagnostic.
"""

from __future__ import annotations

import pkgutil
from functools import cache

import pycountry

from claimcheck.lang.base import Language

#: the language of a document that names none and whose text is too short to tell
DEFAULT = "en"


@cache
def supported_languages() -> tuple[str, ...]:
    """The ISO 639-1 codes claimcheck has a package for, sorted."""
    return tuple(sorted(m.name for m in pkgutil.iter_modules(__path__) if m.ispkg))


@cache
def get(code: str) -> Language:
    """The language `code` names (normalised); one without a package is neutral."""
    code = normalise(code)
    if code in supported_languages():
        return Language(code, name(code) or code, package=code)
    return Language(code, name(code) or code)


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
