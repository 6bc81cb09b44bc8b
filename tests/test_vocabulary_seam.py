"""Words of a language live in `lang/` (and shared data in `lexicon/`), never in code.

A word list written as a literal elsewhere in `src/` would read English into every
language. The test looks where word lists hide: regular expressions (`re.compile(...)`),
set literals, and membership tests against a literal tuple, list or set (`w in ("the",
"of")`). A string there is flagged when it holds a word of some language's tables. The
project's own identifiers (record fields, `Literal` values, lexicon keys such as the
canonical measure `killed`) are allowed in sets and membership tests, but never inside a
regular expression, which reads text; unit symbols (lexicon/units.json) are allowed there.
"""

from __future__ import annotations

import ast
import importlib
import json
import pkgutil
import re
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel

import claimcheck

PACKAGE = Path(claimcheck.__file__).parent
_WORD = re.compile(r"[^\W\d_]{2,}")
_IDENTIFIER = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+")  # snake_case: a key, not a word
_RE_CALLS = frozenset({"compile", "search", "match", "fullmatch", "sub", "finditer", "findall",
                       "split"})


def _strings(data: Any, *, keys_only: bool = False) -> Iterator[str]:
    """Every string of a JSON value (keys and values), or with `keys_only` its keys alone."""
    if isinstance(data, str) and not keys_only:
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield key
            yield from _strings(value, keys_only=keys_only)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value, keys_only=keys_only)


def _tokens(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def _language_words() -> set[str]:
    """Every word of every language's tables (table names and snake_case keys left out)."""
    words: set[str] = set()
    for path in PACKAGE.glob("lang/*/*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        for text in _strings(data):
            if text in data or text.startswith("_") or _IDENTIFIER.fullmatch(text):
                continue
            words |= _tokens(text)
    return words


def _identifiers() -> set[str]:
    """Words the code may name as identifiers: record fields, Literal values, lexicon keys."""
    found: set[str] = set()
    modules = [importlib.import_module(m.name) for m in
               pkgutil.walk_packages(claimcheck.__path__, "claimcheck.")
               if m.name != "claimcheck.__main__"]
    for module in modules:
        for obj in vars(module).values():
            if isinstance(obj, type) and issubclass(obj, BaseModel):
                found |= set(obj.model_fields)
            if typing.get_origin(obj) is typing.Literal:
                found |= {str(a) for a in typing.get_args(obj)}
    for path in PACKAGE.glob("lexicon/*.json"):
        for key in _strings(json.loads(path.read_text(encoding="utf-8")), keys_only=True):
            found |= _tokens(key)
    return found


def _unit_symbols() -> set[str]:
    data = json.loads((PACKAGE / "lexicon" / "units.json").read_text(encoding="utf-8"))
    return {t for text in _strings(data) for t in _tokens(text)}


def _constants(node: ast.AST) -> Iterator[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.JoinedStr):
        for part in node.values:
            yield from _constants(part)
    elif isinstance(node, ast.BinOp):
        yield from _constants(node.left)
        yield from _constants(node.right)


def _carriers(tree: ast.AST) -> Iterator[tuple[int, str, bool]]:
    """(line, string, whether it is a regular expression) for every place a word list hides."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in _RE_CALLS and isinstance(node.func.value, ast.Name) \
                and node.func.value.id == "re" and node.args:
            for text in _constants(node.args[0]):
                yield node.lineno, text, True
        elements: list[ast.expr] = []
        if isinstance(node, ast.Set):
            elements = node.elts
        elif isinstance(node, ast.Compare) and any(isinstance(o, (ast.In, ast.NotIn))
                                                   for o in node.ops):
            for comparator in node.comparators:
                if isinstance(comparator, (ast.Tuple, ast.List, ast.Set)):
                    elements += comparator.elts
        for element in elements:
            for text in _constants(element):
                yield node.lineno, text, False


WORDS = _language_words()
IDENTIFIERS = _identifiers()
TEXT_WORDS = WORDS - _unit_symbols()


def word_literals(source: str) -> list[tuple[int, str, list[str]]]:
    """The literals in `source` that hold words of a language: (line, literal, the words)."""
    out = []
    for line, text, pattern in _carriers(ast.parse(source)):
        if _IDENTIFIER.fullmatch(text):
            continue
        words = _tokens(text) & (TEXT_WORDS if pattern else WORDS - IDENTIFIERS)
        if words:
            out.append((line, text, sorted(words)))
    return out


def test_no_word_of_a_language_is_written_in_code() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] in ("lang", "lexicon"):
            continue
        for line, text, words in word_literals(path.read_text(encoding="utf-8")):
            found.append(f"{relative}:{line}: {text!r} holds {words}; move it to lang/<code>/")
    assert found == []


def test_the_check_finds_word_lists_where_they_hide() -> None:
    # guards the test itself: each of these would read English into every language
    source = '\n'.join([
        'import re',
        'KILLED = re.compile(r"\\b(?:killed|dead)\\b")',
        'STOP = frozenset({"the", "of"})',
        'def f(w):',
        '    return w in ("injured", "wounded")',
    ])
    flagged = {line for line, _, _ in word_literals(source)}
    assert flagged == {2, 3, 5}
    assert word_literals('def f(q):\n    return q in ("at_least", "more_than")\n') == []
