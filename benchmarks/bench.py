"""`make bench`: every performance figure of claimcheck, measured in one run, as markdown tables.

Sections (all by default; pick with `--only`):

* throughput  extraction chars/s and texts/s on whole articles and on their paragraphs, side
              by side with quantulum3 (the `bench` extra), and the per-call overhead of extract;
* check       `claimcheck.check` end to end on seeded batches (1k / 10k / 100k documents);
* grouping    `match.align` + `discrepancy.judge` alone on 10k / 100k / 1M synthetic claims:
              seconds, peak memory, log-log slope;
* linear      crafted inputs (digits, hedges, number words, mixed units, one long line) at 1x
              and 10x, with their ratio;
* workers     `check_dask` on a LocalCluster of 1 worker and of 2, and `check_jobs` (`--jobs`)
              with 1 process and 2, on one batch, with whether the reports are the same
              (needs the `dask` extra; docs/scale.md);
* streaming   peak memory of `check_stream` against `check()` on the same seeded batches
              (1k / 1k, 10k, 100k documents), each run in its own process.

`--quick` runs smaller sizes in a few minutes; the full run can take an hour. Sizes that would
pass `--budget` seconds are reported as over budget. Figures are printed, never asserted.

    .venv/bin/python benchmarks/bench.py --quick
    .venv/bin/python benchmarks/bench.py --only grouping --budget 600
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import end_to_end
import grouping
import linear_time
import streaming
import throughput
import workers

SECTIONS = ("throughput", "check", "grouping", "linear", "workers", "streaming")


@dataclass(frozen=True)
class Sizes:
    check: list[int]
    grouping: list[int]
    workers: int
    linear_kb: float
    repeat: int
    calls: int
    budget: float
    streaming: list[int]


QUICK = Sizes(check=[100, 1000], grouping=[10_000, 30_000, 100_000], workers=500, linear_kb=5.0,
              repeat=2, calls=500, budget=120.0, streaming=[1000])
FULL = Sizes(check=[1000, 10_000, 100_000], grouping=[10_000, 100_000, 1_000_000], workers=5000,
             linear_kb=20.0, repeat=3, calls=2000, budget=900.0,
             streaming=[1000, 10_000, 100_000])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, a few minutes")
    parser.add_argument("--only", choices=SECTIONS, action="append", help="run this section (repeatable)")
    parser.add_argument("--budget", type=float, help="seconds per size of check and grouping "
                        "(quick 120, full 900)")
    parser.add_argument("--corpus", type=Path, help="also measure throughput on the English "
                        "documents of DIR/*/docs.jsonl (read, never copied)")
    args = parser.parse_args(argv)
    cfg = QUICK if args.quick else FULL
    budget = args.budget or cfg.budget
    load = os.getloadavg()[0]
    print(f"## claimcheck benchmarks, {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC, "
          f"{'quick' if args.quick else 'full'} run\n\n"
          f"Python {platform.python_version()}, {os.cpu_count()} cores, load average {load:.1f} "
          f"at start. Rates are in CPU time where a CPU column is shown; wall time grows with "
          f"other loads on the machine.\n", flush=True)
    started = time.perf_counter()
    for section in args.only or SECTIONS:
        if section == "throughput":
            print(throughput.run(cfg.repeat, args.corpus), flush=True)
            print(throughput.overhead(cfg.calls), flush=True)
        elif section == "check":
            print(end_to_end.run(cfg.check, budget), flush=True)
        elif section == "grouping":
            print(grouping.run(cfg.grouping, budget), flush=True)
        elif section == "linear":
            print(linear_time.markdown("Linear time: claimcheck.extract on crafted inputs",
                                       linear_time._extract, cfg.linear_kb, 10, budget), flush=True)
        elif section == "workers":
            print(workers.run(cfg.workers), flush=True)
        elif section == "streaming":
            print(streaming.run(cfg.streaming, timeout=6 * budget + 300), flush=True)
    print(f"total {time.perf_counter() - started:,.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
