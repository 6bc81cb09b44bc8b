"""The language seam: what claimcheck knows of one language, as data.

A language is a package `claimcheck/lang/<code>/` holding JSON tables (`numbers.json`,
`hedges.json`, `dates.json`, `extract.json`, ...): its number words and marks, hedges,
vague words, month and weekday names, speech verbs, prepositions of place and time.
Code asks a `Language` for a table by name and never names a word itself, so adding a
language is adding a folder of data and its tests (docs/languages.md).

A language may name a lemmatiser in `lang/<code>/lang.json` (`{"lemmatizer": "pymorphy3"}`,
`"simplemma"` or null): `Language.lemma(word)` then gives the dictionary form of a word
("загиблих" -> "загиблий", "Verletzten" -> "Verletzte"), so a table may list lemmas instead of
every case and gender form. The analyser is imported and loaded on first use only.

A language without a package is read as `neutral`: digits, symbols and units only, no word
taken for a number, a hedge, a measure or a date ("Die 14 Verletzten" is no English "die").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Any

#: the lemmatisers a `lang.json` may name
LEMMATIZERS = ("pymorphy3", "simplemma")
#: apostrophes written inside words ("п’ять", "п'ять"), read as one
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'"})


@dataclass(frozen=True)
class Language:
    """One language: its ISO 639-1 code, its English name, and its tables of words."""

    code: str
    name: str
    package: str | None = None  # the subpackage of claimcheck.lang with its data; None: neutral

    def table(self, name: str) -> dict[str, Any]:
        """The parsed `lang/<code>/<name>.json` (cached, read-only); empty when it has none."""
        return _table(self.package, name) if self.package else {}

    @cached_property  # read for every word `lemmas` is asked about: looked up once
    def lemmatizer(self) -> str | None:
        """The lemmatiser `lang/<code>/lang.json` names ("pymorphy3", "simplemma"), or None."""
        found = self.table("lang").get("lemmatizer")
        if found is not None and found not in LEMMATIZERS:
            raise ValueError(f"lang/{self.package}/lang.json names the lemmatizer {found!r}; "
                             f"use one of {', '.join(LEMMATIZERS)} or null")
        return None if found is None else str(found)

    def lemma(self, word: str) -> str:
        """The dictionary form of `word`, lower-cased ("двох" -> "два"; cached); the word itself
        lower-cased where the language has no lemmatiser or the analyser does not know it."""
        return self.lemmas(word)[0]

    def lemmas(self, word: str) -> tuple[str, ...]:
        """Every dictionary form the analyser gives `word`, likeliest first ("п'яти" is the
        heel "п'ята" or the number "п'ять"); a table lookup takes the first it lists."""
        lemmatizer = self.lemmatizer
        low = word.lower()
        if lemmatizer is None or not low[:1].isalpha():
            return (low,)
        return _lemmas(lemmatizer, self.code, low.translate(_APOSTROPHES))

    @property
    def neutral(self) -> bool:
        """True for a language read for digits, symbols and units alone."""
        return self.package is None


@cache
def _table(package: str, name: str) -> dict[str, Any]:
    path = resources.files(f"claimcheck.lang.{package}").joinpath(f"{name}.json")
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise TypeError(f"lang/{package}/{name}.json must hold a JSON object")
    return data


@cache
def _lemmas(lemmatizer: str, code: str, word: str) -> tuple[str, ...]:
    if lemmatizer == "pymorphy3":
        found = [str(p.normal_form).replace("ё", "е") for p in _morph(code).parse(word)]
        return tuple(dict.fromkeys(found)) or (word,)
    import simplemma  # lazily: only languages that name it load it

    return (str(simplemma.lemmatize(word, lang=code)).lower(),)


@cache
def _morph(code: str) -> Any:
    try:
        import pymorphy3
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise ImportError(f"reading {code!r} needs pymorphy3 and its dictionaries: "
                          f"pip install pymorphy3 pymorphy3-dicts-{code}") from exc
    return pymorphy3.MorphAnalyzer(lang=code)
