"""Past one process: `check_dask` on a LocalCluster of 1 and of 2 workers, and `check_jobs`
(`claimcheck check --jobs N`) with 1 and 2 local processes, on seeded batches of each size.

Both clusters start before the clock, and every worker loads its tables (`parallel.warm`)
and runs a warm-up batch: a worker's first document would otherwise pay for loading the
lexicons and the gazetteer. The runs alternate, one worker then two then two then one, and
so on (`--repeat`), so that a load the machine takes on or sheds weighs on both alike; the
table gives their medians and the speed-up of every pair, in the order run. Every report is
compared with the first one-worker report: a speed-up of a run that reports something else
is no speed-up. On a machine with other loads, two workers cannot get two cores: the load
average (one minute) is printed at the start and as its range over the runs.

    .venv/bin/python benchmarks/workers.py --only dask          # 4,000 and 20,000 documents
    .venv/bin/python benchmarks/workers.py 2000 --repeat 5      # one size, five pairs
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from typing import Any

import corpus
from _common import fmt, table

from claimcheck.parallel import check_dask, check_jobs, warm

_COLUMNS = ("id", "text", "source", "published", "language", "url")
#: one timed run: wall seconds, CPU seconds of its critical path, the report as JSON
Run = tuple[float, float | None, str]
#: the sizes run by default: the issue's bigger batch, and a day of wire copy
SIZES = (4000, 20_000)


def _frame(n: int, seed: int) -> Any:
    import pandas

    return pandas.DataFrame([{k: getattr(d, k) for k in _COLUMNS} for d in corpus.batch(n, seed)])


def _clusters(stack: ExitStack, sizes: tuple[int, ...]) -> dict[int, Any]:
    """A warm client per cluster size: one-thread worker processes that loaded their tables
    and ran a warm-up batch."""
    from distributed import Client, LocalCluster

    clients = {}
    for workers in sizes:
        cluster = stack.enter_context(LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"))
        client = stack.enter_context(Client(cluster, set_as_default=False))
        client.run(warm)
        with client.as_current():
            check_dask(_frame(16 * workers, 2027), npartitions=2 * workers)
        clients[workers] = client
    return clients


def dask_run(client: Any, frame: Any) -> Run:
    """Wall seconds of `check_dask` on `frame` over the client's cluster of one-thread worker
    processes; the CPU seconds of its critical path (the busiest worker's, plus this
    process's: the client and the scheduler), which is what the wall time would be on idle
    cores were none of this process's work done while the workers work; and the report."""
    with client.as_current():
        before, here = client.run(time.process_time), time.process_time()
        started = time.perf_counter()
        report = check_dask(frame)  # its partitions: 100 documents, 4 a worker at least
        wall = time.perf_counter() - started
        after = client.run(time.process_time)
    path = max(after[w] - before[w] for w in after) + time.process_time() - here
    return wall, path, report.to_json()


def jobs_run(n: int, jobs: int, seed: int = 2026) -> Run:
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


def _alternating(repeat: int) -> Iterator[int]:
    """1, 2, 2, 1, 1, 2, ...: each size runs first as often as it runs second."""
    for r in range(repeat):
        yield from ((1, 2) if r % 2 == 0 else (2, 1))


def _row(name: str, n: int, runs: dict[int, list[Run]], loads: list[float]) -> list[str]:
    def median(size: int, field: int) -> float | None:
        values = [run[field] for run in runs[size] if run[field] is not None]
        return statistics.median(values) if values else None  # type: ignore[type-var]

    one, two = median(1, 0), median(2, 0)
    cpu_one, cpu_two = median(1, 1), median(2, 1)
    pairs = [a[0] / b[0] for a, b in zip(runs[1], runs[2], strict=True)]
    reports = {run[2] for size in runs for run in runs[size]}
    return [name, f"{n:,}", str(len(pairs)), fmt(one), fmt(two),
            fmt(one / two if one and two else None, ".2f"),
            ", ".join(f"{pair:.2f}" for pair in pairs), fmt(cpu_one), fmt(cpu_two),
            fmt(cpu_one / cpu_two if cpu_one and cpu_two else None, ".2f"),
            "yes" if len(reports) == 1 else "NO",
            f"{loads[0]:.1f}; {min(loads):.1f} to {max(loads):.1f}"]


def _measure(name: str, n: int, repeat: int, run: Callable[[int], Run]) -> list[str]:
    loads = [os.getloadavg()[0]]
    runs: dict[int, list[Run]] = {1: [], 2: []}
    for size in _alternating(repeat):
        runs[size].append(run(size))
        loads.append(os.getloadavg()[0])
        print(f"  {name} {n:,}, {size} worker(s): {runs[size][-1][0]:.1f} s (load "
              f"{loads[-1]:.1f})", file=sys.stderr, flush=True)
    return _row(name, n, runs, loads)


def run(sizes: int | Sequence[int] = SIZES, repeat: int = 3, only: str | None = None) -> str:
    sizes = [sizes] if isinstance(sizes, int) else list(sizes)
    rows = []
    # check_jobs first: a LocalCluster starts threads in this process, and beside another
    # thread check_jobs spawns its workers (each loading its tables) instead of forking
    if only in (None, "jobs"):
        for n in sizes:
            rows.append(_measure("check_jobs (--jobs N)", n, repeat,
                                 lambda jobs, n=n: jobs_run(n, jobs)))
    if only in (None, "dask"):
        # a shuffle run again under its name is logged as a warning: not a problem, here
        logging.getLogger("distributed.shuffle").setLevel(logging.ERROR)
        with ExitStack() as stack:
            clients = _clusters(stack, (1, 2))
            for n in sizes:
                frame = _frame(n, 2026)
                rows.append(_measure("check_dask, LocalCluster", n, repeat,
                                     lambda workers, frame=frame: dask_run(clients[workers],
                                                                           frame)))
    return table("Past one process: 1 worker against 2 (medians of the runs)",
                 ["run", "documents", "pairs", "1: wall s", "2: wall s", "wall speed-up",
                  "speed-up of each pair", "1: CPU path s", "2: CPU path s",
                  "CPU-path speed-up", "same report", "load: at start; over the runs"], rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("n", type=int, nargs="*", default=list(SIZES),
                        help="documents, one or more sizes (default 4000 and 20000)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each size, alternating (default 3)")
    parser.add_argument("--only", choices=("jobs", "dask"), help="time one of the two only")
    parser.add_argument("--json", action="store_true", help="print the Dask seconds as JSON only")
    args = parser.parse_args()
    if args.json:
        with ExitStack() as stack:
            clients = _clusters(stack, (1, 2))
            print(json.dumps({n: {w: dask_run(clients[w], _frame(n, 2026))[:2] for w in (1, 2)}
                              for n in args.n}))
    else:
        print(run(args.n, args.repeat, args.only))
    return 0


if __name__ == "__main__":
    sys.exit(main())
