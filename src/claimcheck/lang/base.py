"""The language seam: what claimcheck knows of one language, as data.

A language is a package `claimcheck/lang/<code>/` holding JSON tables (`numbers.json`,
`hedges.json`, `dates.json`, `extract.json`, ...): its number words and marks, hedges,
vague words, month and weekday names, speech verbs, prepositions of place and time.
Code asks a `Language` for a table by name and never names a word itself, so adding a
language is adding a folder of data and its tests (docs/languages.md).

A language without a package is read as `neutral`: digits, symbols and units only, no word
taken for a number, a hedge, a measure or a date ("Die 14 Verletzten" is no English "die").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Language:
    """One language: its ISO 639-1 code, its English name, and its tables of words."""

    code: str
    name: str
    package: str | None = None  # the subpackage of claimcheck.lang with its data; None: neutral

    def table(self, name: str) -> dict[str, Any]:
        """The parsed `lang/<code>/<name>.json` (cached, read-only); empty when it has none."""
        return _table(self.package, name) if self.package else {}

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
