"""Streaming: peak memory of `check_stream` against `check()` on 1k / 10k / 100k documents.

The documents are `corpus.batch(n)` (seeded reports of n / 20 events spread over ten years),
written in publication order to a JSON Lines file. Each run is its own interpreter (peak RSS
is its own): `check` reads the file with `read_documents` and runs `claimcheck.check`;
`stream` reads it a line at a time (`iter_documents`) through `check_stream`, keeping
nothing of what it yields but counts. Peak RSS is printed with the RSS after the tables are
loaded (the floor every run pays) and the difference; figures are printed, never asserted.

    .venv/bin/python benchmarks/streaming.py --sizes 1000 10000 100000
    .venv/bin/python benchmarks/streaming.py --trace docs.jsonl     # RSS every 2,000 documents
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import corpus
from _common import child, clock, fmt, peak_mb, table
from throughput import warm_up

import claimcheck
from claimcheck.io import iter_documents, read_documents
from claimcheck.stream import StreamGroup, check_stream


def _rss_mb() -> float:
    """This process's resident set size now, in MB (Linux)."""
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * 4096 / 2**20


def write(n: int, path: Path, seed: int = 2026) -> None:
    """`corpus.batch(n, seed)` as JSON Lines, in publication order."""
    docs = sorted(corpus.batch(n, seed), key=lambda d: (str(d.published), d.id))
    with path.open("w", encoding="utf-8") as out:
        for doc in docs:
            out.write(doc.model_dump_json(exclude_none=True) + "\n")


def measure(mode: str, path: Path) -> dict[str, object]:
    warm_up()
    floor = _rss_mb()
    w0, c0 = clock()
    if mode == "check":
        report = claimcheck.check(read_documents(path))
        groups, conflicts = len(report.groups), sum(g.verdict == "conflict" for g in report.groups)
        late = 0
    else:
        groups = conflicts = late = 0
        for item in check_stream(iter_documents(path)):
            if isinstance(item, StreamGroup):
                groups += 1
                conflicts += item.group.verdict == "conflict"
            elif getattr(item, "code", "") == "stream-late":
                late += 1
    w1, c1 = clock()
    peak = peak_mb()
    return {"mode": mode, "wall_s": w1 - w0, "cpu_s": c1 - c0, "groups": groups,
            "conflicts": conflicts, "late": late, "floor_mb": floor, "peak_mb": peak,
            "above_mb": peak - floor}


def trace(path: Path, every: int = 2000) -> None:
    """RSS every `every` documents of `check_stream` over a file: the memory curve."""
    warm_up()
    count = 0

    def tick(_doc: object) -> None:
        nonlocal count
        count += 1
        if count % every == 0:
            print(f"{count:>9,} documents  RSS {_rss_mb():,.0f} MB", flush=True)

    for _ in check_stream(iter_documents(path), on_document=tick):
        pass


def run(sizes: list[int], timeout: float = 7200) -> str:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = Path(tmp) / f"docs-{n}.jsonl"
            write(n, path)
            for mode in ("check", "stream"):
                r = child("streaming.py", [mode, str(path)], timeout=timeout)
                print(f"  streaming {n:,} {mode}: {r}", file=sys.stderr, flush=True)
                rows.append([f"{n:,}", mode, fmt(r.get("cpu_s")), fmt(r.get("groups"), ","),
                             fmt(r.get("conflicts"), ","), fmt(r.get("late"), ","),
                             fmt(r.get("floor_mb"), ",.0f"), fmt(r.get("peak_mb"), ",.0f"),
                             fmt(r.get("above_mb"), ",.0f"), r.get("error", "ok")])
    return table("Streaming: check_stream vs check(), peak memory (RSS, own process)",
                 ["docs", "mode", "CPU s", "groups", "conflicts", "stream-late", "tables MB",
                  "peak MB", "peak - tables MB", "status"], rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--child", nargs=2, metavar=("MODE", "PATH"), help=argparse.SUPPRESS)
    parser.add_argument("--trace", type=Path, metavar="JSONL",
                        help="print the RSS of check_stream every 2,000 documents of JSONL")
    args = parser.parse_args()
    if args.trace:
        trace(args.trace)
        return
    if args.child:
        print(json.dumps(measure(args.child[0], Path(args.child[1]))))
        return
    print(run(args.sizes))


if __name__ == "__main__":
    main()
