"""Where the time goes: pyinstrument over (a) `extract` per paragraph of the stored articles,
(b) `check` on a seeded batch and (c) align + judge alone on synthetic claims, by function.

For each workload it prints two markdown tables: functions by self time (the time spent in
their own lines, % of the run) and claimcheck functions by inclusive time (with everything
they call, counted once per stack even when recursive). `--html DIR` also writes pyinstrument's
call-tree pages there (not part of the repository).

    .venv/bin/python benchmarks/profile_hot.py --docs 10000 --claims 100000
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import corpus
import grouping
from _common import table
from throughput import warm_up

import claimcheck
from claimcheck.judge import doc_times, judge
from claimcheck.match import align
from claimcheck.models import Document


def _key(frame: Any) -> str:
    path = str(frame.file_path or "")
    if "/claimcheck/" in path:
        where = "claimcheck/" + path.split("/claimcheck/", 1)[1]
    else:
        parts = Path(path).parts
        where = "/".join(parts[-2:]) if parts else "?"
    return f"{frame.function} ({where}:{frame.line_no})"


def summarise(root: Any) -> tuple[float, dict[str, float], dict[str, float]]:
    """Total seconds, self seconds by function and inclusive seconds by function."""
    own: dict[str, float] = defaultdict(float)
    inclusive: dict[str, float] = defaultdict(float)
    stack: list[tuple[Any, str, frozenset[str]]] = [(root, "", frozenset())]
    while stack:
        frame, parent, above = stack.pop()
        if frame.is_synthetic:  # pyinstrument's "[self]" / "[await]" leaves: the parent's own time
            own[parent] += frame.time
            continue
        key = _key(frame)
        own[key] += frame.time - sum(kid.time for kid in frame.children)
        if key not in above:
            inclusive[key] += frame.time
        for kid in frame.children:
            stack.append((kid, key, above | {key}))
    return root.time, own, inclusive


def profile(name: str, work: Callable[[], object], top: int, html: Path | None) -> str:
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.001)
    profiler.start()
    work()
    session = profiler.stop()
    if html is not None:
        html.mkdir(parents=True, exist_ok=True)
        (html / f"{name.split()[0]}.html").write_text(profiler.output_html(), encoding="utf-8")
    root = session.root_frame()
    total, own, inclusive = summarise(root)
    rows = [[k, f"{v:.2f}", f"{100 * v / total:.1f}"]
            for k, v in sorted(own.items(), key=lambda kv: -kv[1])[:top]]
    mine = [(k, v) for k, v in inclusive.items() if "claimcheck/" in k and "benchmarks" not in k]
    rows2 = [[k, f"{v:.2f}", f"{100 * v / total:.1f}"]
             for k, v in sorted(mine, key=lambda kv: -kv[1])[:top]]
    return (table(f"Profile of {name}: self time by function ({total:.1f} s sampled)",
                  ["function", "self s", "% of run"], rows) + "\n"
            + table(f"Profile of {name}: claimcheck functions by inclusive time",
                    ["function", "inclusive s", "% of run"], rows2))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000, help="documents for check (10000)")
    parser.add_argument("--passes", type=int, default=5, help="passes over the paragraphs (5)")
    parser.add_argument("--claims", type=int, default=100_000,
                        help="synthetic claims for align + judge alone (100000; 0 skips)")
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--html", type=Path, help="also write pyinstrument HTML pages here")
    args = parser.parse_args(argv)
    warm_up()
    paragraphs = [Document(id=f"p{i}", text=p, language=a["language"])
                  for a in corpus.articles()
                  for i, p in enumerate(a["text"].split("\n")) if p.strip()]

    def per_paragraph() -> None:
        for _ in range(args.passes):
            for doc in paragraphs:
                claimcheck.extract(doc)

    print(profile(f"extract per paragraph ({len(paragraphs)} paragraphs x {args.passes})",
                  per_paragraph, args.top, args.html))
    docs = corpus.batch(args.docs)
    print(profile(f"check on {args.docs:,} documents", lambda: claimcheck.check(docs), args.top,
                  args.html))
    if args.claims:
        claims, by_id = grouping.synthetic(args.claims)
        times = doc_times(by_id)

        def align_and_judge() -> None:
            for group in align(claims):
                judge(group.claims, by_id, times=times)

        print(profile(f"align + judge on {args.claims:,} synthetic claims", align_and_judge,
                      args.top, args.html))
    return 0


if __name__ == "__main__":
    sys.exit(main())
