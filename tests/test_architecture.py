"""Imports flow one way down the pipeline; a test that parses the imports keeps it so.

    errors, lexicon            (anything may use them)
    models, policy, lang
    numbers, units
    dates, places, text        (text: sentences and clauses as offsets, no words of its own)
    extract                    (a package of attachers over a frozen document context)
    match
    judge
    checks
    report
    pipeline
    io, __init__, parallel,    (the root namespace re-exports up to here, read_documents too;
    stream                      parallel: check() over processes, Dask or Spark; stream:
                                check() as documents go by)
    cli
    __main__                   (the only importer of cli)

A module may import modules of its own layer or lower ones, never higher ones, and the import
graph has no cycles. A new module must be given a layer here. A package (`dates/`, `places/`)
is one module: the imports of all its files count as its own.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import claimcheck

PACKAGE = Path(claimcheck.__file__).parent

LAYERS: dict[str, int] = {
    "errors": 0, "lexicon": 0,
    "models": 1, "policy": 1, "lang": 1,
    "numbers": 2, "units": 2,
    "dates": 3, "places": 3,
    "extract": 4,
    "text": 3,
    "match": 5,
    "judge": 6, "findings": 6, "readings": 6,
    "checks": 7,
    "report": 8, "report_html": 8,
    "pipeline": 9,
    "io": 10, "__init__": 10, "parallel": 10, "stream": 10,
    "cli": 11,
    "__main__": 12,
}


def _modules() -> dict[str, Path]:
    found = {p.stem: p for p in PACKAGE.glob("*.py")}
    for sub in PACKAGE.iterdir():
        if sub.is_dir() and (sub / "__init__.py").exists():
            found[sub.name] = sub / "__init__.py"
    return found


def _resolve(name: str) -> str | None:
    """The claimcheck module a dotted name refers to (`claimcheck.io` -> `io`)."""
    parts = name.split(".")
    if parts[0] != "claimcheck":
        return None
    return parts[1] if len(parts) > 1 else "__init__"


def _sources(path: Path) -> list[Path]:
    """The files of a module: the file itself, or every file of a package."""
    is_package = path.name == "__init__.py" and path.parent != PACKAGE
    return sorted(path.parent.rglob("*.py")) if is_package else [path]


def _imports(module: str, path: Path) -> set[str]:
    """Every claimcheck module `module` imports, at any depth of its code (in any of its files)."""
    modules = _modules()
    out: set[str] = set()
    for source in _sources(path):
        tree = ast.parse(source.read_text(encoding="utf-8"), filename=str(source))
        # the dotted package a relative import in `source` starts from: claimcheck.dates
        package = [PACKAGE.name, *source.relative_to(PACKAGE).parent.parts]
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                out.update(t for alias in node.names if (t := _resolve(alias.name)))
            elif isinstance(node, ast.ImportFrom):
                if node.level:  # relative: from . import x / from .x import y
                    base = ".".join(package[: len(package) - node.level + 1])
                    name = f"{base}.{node.module}" if node.module else base
                else:
                    name = node.module or ""
                target = _resolve(name)
                if target is None:
                    continue
                if target == "__init__":
                    # `from claimcheck import numbers` imports a module; `import __version__` the root
                    for alias in node.names:
                        out.add(alias.name if alias.name in modules else "__init__")
                else:
                    out.add(target)
    out.discard(module)
    return out


GRAPH = {name: _imports(name, path) for name, path in _modules().items()}


def test_every_module_has_a_layer() -> None:
    assert set(GRAPH) <= set(LAYERS), f"give {sorted(set(GRAPH) - set(LAYERS))} a layer"


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_imports_only_flow_down(module: str) -> None:
    upward = {m for m in GRAPH[module] if LAYERS.get(m, 99) > LAYERS.get(module, -1)}
    assert not upward, f"{module} (layer {LAYERS.get(module)}) imports higher modules {upward}"


def test_nothing_imports_cli() -> None:
    importers = {m for m, deps in GRAPH.items() if "cli" in deps}
    assert importers <= {"__main__"}


def test_the_import_graph_has_no_cycles() -> None:
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        if state.get(node) == 2:
            return
        assert state.get(node) != 1, f"import cycle: {' -> '.join([*trail, node])}"
        state[node] = 1
        for dep in sorted(GRAPH.get(node, ())):
            visit(dep, [*trail, node])
        state[node] = 2

    for module in sorted(GRAPH):
        visit(module, [])


def test_the_parser_sees_the_known_edges() -> None:
    # guards the test itself: if parsing broke, every assertion above would pass vacuously
    assert "units" in GRAPH["numbers"]
    assert {"extract", "match", "judge"} <= GRAPH["pipeline"]
    assert "cli" in GRAPH["__main__"]
    assert "lexicon" in GRAPH["places"]  # imported by places/gazetteer.py, not places/__init__.py
    assert "__init__" in GRAPH["cli"]  # `from claimcheck import __version__`
