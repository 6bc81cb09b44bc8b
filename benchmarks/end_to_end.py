"""End to end: `claimcheck.check` on seeded batches of 1k / 10k / 100k documents.

The batches come from `corpus.batch` (the stored articles, moved to other cities, days and
outlets, with their figures varied; English and Spanish). Each size runs in its own
interpreter with `--budget` CPU seconds for `check` (rates are per CPU second); generating
the batch is timed apart, and the lexicons and the gazetteer are loaded before the clock starts.

    .venv/bin/python benchmarks/end_to_end.py --sizes 1000 10000 100000 --budget 900
"""

from __future__ import annotations

import argparse
import json
import sys

import corpus
from _common import OverBudget, child, clock, cpu_budget, fmt, peak_mb, slope, table
from throughput import warm_up

import claimcheck


def measure(n: int, budget: float, seed: int = 2026) -> dict[str, object]:
    w0, _ = clock()
    docs = corpus.batch(n, seed)
    out: dict[str, object] = {"n": n, "gen_s": clock()[0] - w0,
                              "chars": sum(len(d.text) for d in docs),
                              "es": sum(d.language == "es" for d in docs)}
    warm_up()
    try:
        with cpu_budget(budget):
            w1, c1 = clock()
            report = claimcheck.check(docs)
            w2, c2 = clock()
    except OverBudget:
        out.update(error=f"over budget ({budget:g} CPU s for check)", peak_mb=peak_mb())
        return out
    out.update(wall_s=w2 - w1, cpu_s=c2 - c1, claims=len(report.claims), groups=len(report.groups),
               conflicts=sum(g.verdict == "conflict" for g in report.groups), peak_mb=peak_mb())
    return out


def run(sizes: list[int], budget: float) -> str:
    rows, points = [], []
    for n in sizes:
        r = child("end_to_end.py", [str(n), "--budget", str(budget)], timeout=6 * budget + 300)
        print(f"  end to end {n:,}: {r}", file=sys.stderr, flush=True)
        secs = r.get("cpu_s")
        if isinstance(secs, float):
            points.append((n, secs))
        chars = r.get("chars")
        rows.append([f"{n:,}", fmt(r.get("es"), ","), fmt(chars, ","), fmt(r.get("gen_s")), fmt(secs),
                     fmt(r.get("wall_s")),
                     fmt(n / secs if isinstance(secs, float) else None, ",.0f"),
                     fmt(chars / secs if isinstance(secs, float) and isinstance(chars, int) else None,
                         ",.0f"),
                     fmt(r.get("claims"), ","), fmt(r.get("groups"), ","), fmt(r.get("conflicts"), ","),
                     fmt(r.get("peak_mb"), ",.0f"), r.get("error", "ok")])
    s = slope(points)
    rows.append(["slope", "", "", "", fmt(s, ".2f"), "", "", "", "", "", "", "",
                 f"log-log fit of check CPU s over {len(points)} sizes"])
    head = ["docs", "of them es", "chars", "generate s", "check CPU s", "wall s", "docs/s", "chars/s",
            "claims", "groups", "conflict groups", "peak RSS MB", "outcome"]
    return table("End to end: claimcheck.check on seeded batches", head, rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--budget", type=float, default=900, help="seconds per size (default 900)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        print(json.dumps(measure(args.child, args.budget)))
        return 0
    print(run(args.sizes, args.budget))
    return 0


if __name__ == "__main__":
    sys.exit(main())
