"""Lexicons are data: JSON files beside this module, loaded once and cached.

Code asks for a lexicon by name (`load("hedges")`); nothing else in claimcheck keeps
word lists in string literals, so extending a vocabulary means editing a JSON file.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> Any:
    """Return the parsed contents of `lexicon/<name>.json` (cached, treat as read-only)."""
    text = resources.files(__package__).joinpath(f"{name}.json").read_text(encoding="utf-8")
    return json.loads(text)


def plural(noun: str, count: float = 2) -> str:
    """`noun` in the plural unless `count` is 1 ("person" -> "people", "missile" -> "missiles")."""
    if count == 1 or not noun:
        return noun
    head, _, last = noun.rpartition(" ")
    irregular = load("entities").get("irregular_plurals", {})
    if last in irregular:
        word = irregular[last]
    elif last.endswith("y") and last[-2:-1] not in ("a", "e", "i", "o", "u"):
        word = last[:-1] + "ies"
    elif last.endswith(("s", "x", "ch", "sh")):
        word = last + "es"
    else:
        word = last + "s"
    return f"{head} {word}".strip()
