"""Shared helpers of the benchmark scripts: markdown tables, log-log slopes, timed children.

Nothing here asserts a figure: every function measures or formats, and the scripts print.
"""

from __future__ import annotations

import json
import math
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent


def table(title: str, head: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A markdown table under a `### title` line; numbers are printed as given (pre-format them)."""
    cells = [[str(c) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(head)]
    line = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |"  # noqa: E731
    out = [f"### {title}", "", line(head), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += [line(r) for r in cells]
    return "\n".join(out) + "\n"


def slope(points: Sequence[tuple[float, float]]) -> float | None:
    """Least-squares slope of log(time) against log(size); None under two usable points."""
    pts = [(math.log(n), math.log(t)) for n, t in points if n > 0 and t > 0]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    var = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / var if var else None


class OverBudget(Exception):
    """Raised inside `cpu_budget` when the process has used up its CPU seconds."""


def _over(signum: int, frame: object) -> None:
    raise OverBudget


@contextmanager
def cpu_budget(seconds: float) -> Iterator[None]:
    """Raise OverBudget once this process has spent `seconds` of CPU time in the block.

    CPU time rather than wall time: the machine the benchmarks run on is often shared, and a
    busy neighbour should not turn a measurement into "over budget"."""
    signal.signal(signal.SIGPROF, _over)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)


def clock() -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process), for differences."""
    return time.perf_counter(), time.process_time()


def peak_mb() -> float:
    """This process's peak resident set size in MB (Linux reports ru_maxrss in KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(script: str, args: Sequence[str], timeout: float) -> dict[str, object]:
    """Run `benchmarks/<script> --child ...` in its own interpreter, so that peak memory is its
    own; return the JSON object it prints last, or {"error": ...} when it fails or overruns."""
    cmd = [sys.executable, str(HERE / script), "--child", *args]
    start = time.perf_counter()
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"error": f"over budget (killed after {timeout:.0f} s)"}
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
    if done.returncode != 0 or not lines:
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return {"error": f"exit {done.returncode}: {tail[:120]}",
                "wall_s": time.perf_counter() - start}
    result: dict[str, object] = json.loads(lines[-1])
    return result


def fmt(x: object, spec: str = ",.2f") -> str:
    """A number in `spec`, or '-' for None."""
    if x is None:
        return "-"
    if isinstance(x, (int, float)):
        return format(x, spec)
    return str(x)
