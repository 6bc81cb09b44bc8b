"""Past one process: `check_dask` on a LocalCluster of 1 and of 2 workers, and `check_jobs`
(`claimcheck check --jobs N`) with 1 and 2 local processes, on one seeded batch.

Each run starts its cluster or its pool before the clock (a worker's first document loads
the lexicons and the gazetteer: a warm-up batch pays for it), and every report is compared
with the one-worker report: a speed-up of a run that reports something else is no speed-up.
Wall time: on a machine with other loads, two workers cannot get two cores.

    .venv/bin/python benchmarks/workers.py 2000
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from typing import Any

import corpus
from _common import fmt, table

from claimcheck.parallel import check_dask, check_jobs, warm

_COLUMNS = ("id", "text", "source", "published", "language", "url")


def _frame(n: int, seed: int) -> Any:
    import pandas

    return pandas.DataFrame([{k: getattr(d, k) for k in _COLUMNS} for d in corpus.batch(n, seed)])


def dask_run(n: int, workers: int, seed: int = 2026) -> tuple[float, float | None, str]:
    """Wall seconds of `check_dask` on `n` documents over `workers` one-thread worker
    processes; the CPU seconds of its critical path (the busiest worker's, plus this process's
    gathering), which is what the wall time would be on idle cores; and the report."""
    from distributed import Client, LocalCluster

    frame, warm = _frame(n, seed), _frame(8 * workers, seed + 1)
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=":0") as cluster, Client(cluster) as client:
        check_dask(warm, npartitions=2 * workers)  # every worker loads its data
        before, here = client.run(time.process_time), time.process_time()
        started = time.perf_counter()
        report = check_dask(frame, npartitions=8 * workers)
        wall = time.perf_counter() - started
        after = client.run(time.process_time)
        path = max(after[w] - before[w] for w in after) + time.process_time() - here
        return wall, path, report.to_json()


def jobs_run(n: int, jobs: int, seed: int = 2026) -> tuple[float, float | None, str]:
    """Wall seconds of `check_jobs` on `n` documents with `jobs` processes, their start
    included; the CPU seconds of its critical path (this process's, plus its workers' shared
    evenly: the pool hands them equal chunks); and the report. This process loads its tables
    before the clock, as a warmed cluster has (`parallel.warm`; on Linux the workers fork
    from it and share them)."""
    docs = corpus.batch(n, seed)
    warm()
    here, before = time.process_time(), _children()
    started = time.perf_counter()
    report = check_jobs(docs, jobs)
    wall = time.perf_counter() - started
    path = time.process_time() - here + (_children() - before) / jobs
    return wall, path, report.to_json()


def _children() -> float:
    """CPU seconds of this process's finished children (a pool's workers once it closes)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(n: int) -> str:
    rows = []
    # check_jobs first: a closed LocalCluster leaves threads in this process, and beside
    # another thread check_jobs spawns its workers (each loading its tables) instead of forking
    for name, measure in (("check_jobs (--jobs N)", jobs_run),
                          ("check_dask, LocalCluster", dask_run)):
        load = os.getloadavg()[0]
        one, cpu_one, report_one = measure(n, 1)
        two, cpu_two, report_two = measure(n, 2)
        print(f"  {name} {n:,}: 1 -> {one:.1f} s, 2 -> {two:.1f} s", file=sys.stderr, flush=True)
        by_cpu = cpu_one / cpu_two if cpu_one is not None and cpu_two else None
        rows.append([name, f"{n:,}", fmt(one), fmt(two), fmt(one / two, ".2f"), fmt(cpu_one),
                     fmt(cpu_two), fmt(by_cpu, ".2f"), "yes" if report_one == report_two else "NO",
                     f"{load:.1f}"])
    return table("Past one process: 1 worker against 2",
                 ["run", "documents", "1: wall s", "2: wall s", "wall speed-up",
                  "1: CPU path s", "2: CPU path s", "CPU-path speed-up", "same report",
                  "load at start"], rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=2000, help="documents (default 2000)")
    parser.add_argument("--json", action="store_true", help="print the seconds as JSON only")
    args = parser.parse_args()
    if args.json:
        print(json.dumps({w: dask_run(args.n, w)[:2] for w in (1, 2)}))
    else:
        print(run(args.n))
    return 0


if __name__ == "__main__":
    sys.exit(main())
