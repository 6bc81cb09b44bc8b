"""Extraction before/after in one process: another tree's claimcheck beside this one.

On a loaded machine two `bench.py` runs of one tree differ by more than a 10% change. Here a
copy of another tree's `src/claimcheck` (`--base DIR`, the `src` folder of a checkout of
`main`, say) is imported as `claimcheck_base` next to this tree's `claimcheck`, and both
extract the same inputs in alternating bursts; each prints its best burst (CPU time), so
both see the same load, and the median over rounds of the ratio of a round's two bursts (run
back to back: steadier than the best bursts when the load changes from minute to minute).
The copy is made in a temporary folder, its imports renamed. The last row, the per-call
overhead, is derived from two workloads: 200 one-figure sentences extracted one call each,
less the same sentences as one document (per sentence): what a call costs beyond its text.

    git -C /path/to/main worktree list   # any checkout of the other tree
    .venv/bin/python benchmarks/ab.py --base /path/to/main/src --corpus CORPUS --rounds 10

`--peer` runs quantulum3 (the `bench` extra) in the same rounds, on the same texts, and adds
each tree's ratio to it (quantulum3's best burst over the tree's): the ratio the issue sets
a target for, with all three under the same load.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from _common import fmt, table
from throughput import NO_NUMBER, SENTENCE, inputs, sentences

_IMPORTS = [(re.compile(r"\bclaimcheck\."), "claimcheck_base."),
            (re.compile(r"\bfrom claimcheck import\b"), "from claimcheck_base import"),
            (re.compile(r"^import claimcheck$", re.M), "import claimcheck_base as claimcheck"),
            (re.compile(r"\"claimcheck\.lang\."), "\"claimcheck_base.lang.")]


def renamed_copy(src: Path, into: Path) -> None:
    """`src/claimcheck` copied to `into/claimcheck_base`, every import of it renamed."""
    target = into / "claimcheck_base"
    shutil.copytree(src / "claimcheck", target, ignore=shutil.ignore_patterns("__pycache__"))
    for path in target.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for pattern, replacement in _IMPORTS:
            text = pattern.sub(replacement, text)
        path.write_text(text, encoding="utf-8")


def workloads(package: ModuleType, corpus_dir: Path | None) -> dict[str, list[Any]]:
    """The inputs as `package`'s own Documents (the English articles, the corpus if given, and
    the per-call sentences of `throughput.py`)."""
    document = importlib.import_module(package.__name__ + ".models").Document
    package.extract(document(id="w", text="At least 5 people died in Lviv on Tuesday, $4 million.",
                             language="en"))  # loads the lexicons and the gazetteer
    package.extract(document(id="w", text="At least 5 people died."))  # and the language model
    sets = {name: [document(id="b", text=t, language="en") for t in texts]
            for name, texts in inputs(corpus_dir).items()}
    last = list(sets)[-1]  # the corpus's paragraphs (the articles' without a corpus)
    sets["one sentence, one figure (x200)"] = [document(id="o", text=SENTENCE, language="en")] * 200
    sets["one sentence, no figure (x1000)"] = [document(id="o", text=NO_NUMBER, language="en")] * 1000
    sets[_ALONE] = [document(id="o", text=t, language="en") for t in sentences()]
    sets[_TOGETHER] = [document(id="o", text=" ".join(sentences()), language="en")]
    # what naming no language costs: the language is detected first (py3langid)
    sets[f"{last}, language detected"] = [document(id="b", text=d.text) for d in sets[last]]
    sets["one sentence, one figure, language detected (x200)"] = [
        document(id="o", text=SENTENCE)] * 200
    return sets


_ALONE = "200 one-figure sentences, one call each"
_TOGETHER = "the same 200 sentences, one document"


def _overhead_row(best: dict[tuple[str, str], float],
                  spent: dict[tuple[str, str], list[float]], peer: bool) -> list[str]:
    """Per-call overhead before and after: the time per call of the sentences alone less each
    sentence's share of the same sentences as one document (microseconds)."""
    count = len(sentences())

    def beyond(alone: float, together: float) -> float:
        return (alone - together) / count

    b = beyond(best["before", _ALONE], best["before", _TOGETHER])
    a = beyond(best["after", _ALONE], best["after", _TOGETHER])
    rounds = [beyond(ab_, tb) / max(beyond(aa, ta), 1e-9) for ab_, tb, aa, ta in zip(
        spent["before", _ALONE], spent["before", _TOGETHER], spent["after", _ALONE],
        spent["after", _TOGETHER], strict=True)]
    return (["per-call overhead (alone less one document's share)", "-", "-",
             fmt(b * 1e6, ",.1f"), fmt(a * 1e6, ",.1f"), fmt(b / a, ".3f"),
             fmt(statistics.median(rounds), ".3f")] + (["-", "-"] if peer else []))


def _peer() -> Callable[[Any], Any]:
    """quantulum3's parser on a Document's text (it reads English only, detects nothing)."""
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser  # type: ignore[import-not-found,unused-ignore]

    def parse(doc: Any) -> Any:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return parser.parse(doc.text)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parser.parse(SENTENCE)  # loads its unit tables and classifier
    return parse


def run(base_src: Path, corpus_dir: Path | None, rounds: int, peer: bool = False) -> str:
    with tempfile.TemporaryDirectory() as folder:
        renamed_copy(base_src, Path(folder))
        sys.path.insert(0, folder)
        import claimcheck as after
        before = importlib.import_module("claimcheck_base")
        trees: dict[str, tuple[Callable[[Any], Any], dict[str, list[Any]]]] = {
            "before": (before.extract, workloads(before, corpus_dir)),
            "after": (after.extract, workloads(after, corpus_dir))}
        if peer:
            trees["quantulum3"] = (_peer(), trees["after"][1])
        # the lexicons and the gazetteer are built with the collector paused: move them out of
        # the young generations now, so that no burst pays for it
        gc.collect()
        best: dict[tuple[str, str], float] = {}
        every: dict[tuple[str, str], list[float]] = {}  # each round's burst
        ratios: dict[str, list[float]] = {name: [] for name in trees["after"][1]}
        for r in range(rounds):
            for name in trees["after"][1]:
                spent: dict[str, float] = {}
                order = [t for t in trees if t != "quantulum3" or "detected" not in name]
                for tree in order if r % 2 == 0 else order[::-1]:
                    extract, docs = trees[tree][0], trees[tree][1][name]
                    t0 = time.process_time()
                    for doc in docs:
                        extract(doc)
                    spent[tree] = time.process_time() - t0
                    best[tree, name] = min(best.get((tree, name), spent[tree]), spent[tree])
                    every.setdefault((tree, name), []).append(spent[tree])
                # the two bursts of one round ran back to back, under about the same load
                ratios[name].append(spent["before"] / max(spent["after"], 1e-9))
    rows = []
    for name, docs in trees["after"][1].items():
        chars = sum(len(d.text) for d in docs)
        b, a = best["before", name], best["after", name]
        # quantulum3 has no "language detected" row: it is compared on the same texts read
        q = best.get(("quantulum3", name.removesuffix(", language detected")))
        rows.append([name, fmt(chars / b, ",.0f"), fmt(chars / a, ",.0f"),
                     fmt(b / len(docs) * 1e6, ",.1f"), fmt(a / len(docs) * 1e6, ",.1f"),
                     fmt(b / a, ".3f"), fmt(statistics.median(ratios[name]), ".3f")]
                    + ([fmt(q / b if q else None, ".1f"), fmt(q / a if q else None, ".1f")]
                       if peer else []))
    rows.append(_overhead_row(best, every, peer))
    head = ["input", "before chars/s", "after chars/s", "before us/text", "after us/text",
            "speed-up (best)", "speed-up (median of rounds)"] + (
        ["before x quantulum3", "after x quantulum3"] if peer else [])
    return table(f"Extraction, before and after in one process (best of {rounds} bursts, CPU time)",
                 head, rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", type=Path, required=True, help="the other tree's src folder")
    parser.add_argument("--corpus", type=Path, help="also the English documents of DIR/*/docs.jsonl")
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--peer", action="store_true", help="quantulum3 in the same rounds")
    args = parser.parse_args()
    print(run(args.base, args.corpus, args.rounds, args.peer))


if __name__ == "__main__":
    main()
