"""Does `claimcheck.extract` take time linear in its input? A timing script, not a test.

For each crafted input it times `extract` at a base size and at `--factor` times that size
and prints seconds and the ratio; a linear-time extractor shows a ratio close to the factor
(10 by default). Inputs are built to provoke the usual super-linear traps:

* a run of digits and commas (the number regex and its thousands groups);
* thousands of hedges in a row ("at least at least ... 5");
* repeated number words ("twenty-one hundred and forty-two thousand ...");
* mixed units in a row ("7.6 km, 40 mph, 3 kg, 12 l/m2, $4 million, 15%, 2 hours ...");
* one long line of prose with numbers and no line break (sentence splitting, clauses);
* the same prose split into paragraphs, as a baseline.

    .venv/bin/python benchmarks/linear_time.py                 # 100 KB and 1 MB
    .venv/bin/python benchmarks/linear_time.py --base-kb 20    # quicker

`make bench` prints the same table (with its ratio column) through `benchmarks/bench.py`.

Times are CPU seconds of this process. Each call gets `--budget` CPU seconds (45); a case
whose base size is already over budget is retried at a tenth of the size, so that a ratio is
still measured. A second table times `numbers.scan` alone, to tell the scanner from the rest
of the extractor. Every input is made up here; errors are reported in the table rather than raised.
"""

from __future__ import annotations

import argparse
import random
import signal
import sys
import time
from collections.abc import Callable

from _common import table

import claimcheck
from claimcheck import numbers

_PROSE = (
    "Officials said 597 drones and 26 missiles were launched overnight, and at least 14 people "
    "were injured in Lviv, where some 1,600 homes lost power for about 7.6 hours; the mayor "
    "said twelve of them were children and up to 30 more were missing, while dozens of "
    "buildings and a quarter of a million square metres of roofs were damaged. "
)


def _fill(unit: Callable[[int], str], size: int) -> str:
    """Repeat `unit(i)` until the text reaches `size` characters, then cut it there."""
    parts: list[str] = []
    total, i = 0, 0
    while total < size:
        piece = unit(i)
        parts.append(piece)
        total += len(piece)
        i += 1
    return "".join(parts)[:size]


def digits_and_commas(size: int) -> str:
    rnd = random.Random(1)
    return _fill(lambda i: "".join(rnd.choice("0123456789,") for _ in range(64)), size)


def hedges_in_a_row(size: int) -> str:
    return _fill(lambda i: "at least " if i % 500 else "at least 5 people ", size)


def number_words(size: int) -> str:
    words = ("twenty-one hundred and forty-two thousand three hundred million a dozen half a "
             "quarter of a million several dozen hundreds of ")
    return _fill(lambda i: words, size)


def mixed_units(size: int) -> str:
    units = ["7.6 km", "40 mph", "3 kg", "12 litres per square metre", "$4 million", "15%",
             "2 hours", "1,200 hectares", "30 degrees Celsius", "5 feet", "€2.5bn", "80 km/h"]
    return _fill(lambda i: f"{units[i % len(units)]}, ", size)


def long_line_of_prose(size: int) -> str:
    return _fill(lambda i: _PROSE, size)


def paragraphs_of_prose(size: int) -> str:
    return _fill(lambda i: _PROSE[:-1] + "\n", size)


CASES: dict[str, Callable[[int], str]] = {
    "digits and commas": digits_and_commas,
    "hedges in a row": hedges_in_a_row,
    "repeated number words": number_words,
    "mixed units": mixed_units,
    "one long line of prose": long_line_of_prose,
    "prose in paragraphs": paragraphs_of_prose,
}


class _Budget(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Budget


def _time(fn: Callable[[str], int], text: str, budget: float) -> tuple[float | None, str]:
    """Seconds `fn(text)` took (None past `budget`), and what it returned or raised."""
    signal.signal(signal.SIGPROF, _alarm)
    signal.setitimer(signal.ITIMER_PROF, budget)  # CPU time: a busy neighbour does not count
    start = time.process_time()
    try:
        outcome = f"{fn(text)} found"
    except _Budget:
        return None, f"over {budget:g} s"
    except Exception as exc:  # a benchmark reports failures, it does not stop at them
        outcome = f"error: {type(exc).__name__}"
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
    return time.process_time() - start, outcome


def _extract(text: str) -> int:
    return len(claimcheck.extract(claimcheck.Document(id="bench", text=text)))


def _scan(text: str) -> int:
    return len(numbers.scan(text))


def warm_up() -> None:
    """Load the lexicons, the gazetteer and the unit registry before anything is timed."""
    claimcheck.extract("Warm-up: 3 people were injured in Lviv on Tuesday; 7.6 km, 40 mph, 3 kg, "
                       "$4 million, 15%, 12 litres per square metre, 30 degrees Celsius.")


def measure(fn: Callable[[str], int], base_kb: float, factor: int, budget: float,
            only: list[str] | None = None) -> tuple[list[list[str]], float]:
    """Rows timing `fn` on every case at 1x and `factor`x (a case whose 1x exceeds the budget
    is retried a `factor` smaller), and the worst ratio."""
    base = int(base_kb * 1000)
    rows: list[list[str]] = []
    worst = 0.0
    for name in only or CASES:
        size = base
        while True:
            small, large = CASES[name](size), CASES[name](size * factor)
            t1, o1 = _time(fn, small, budget)
            for _ in range(2):  # best of three where the 1x run is quick, so noise weighs less
                if t1 is not None and t1 < budget / 20:
                    again, o1 = _time(fn, small, budget)
                    t1 = min(t1, again) if again is not None else t1
            if t1 is not None or size <= 1000:
                break
            size //= factor
        t10, o10 = _time(fn, large, budget) if t1 is not None else (None, "not run")
        if t10 is not None and t10 < budget / 20:  # and at 10x, for the same reason
            again, o10 = _time(fn, large, budget)
            t10 = min(t10, again) if again is not None else t10
        if t1 is not None and t10 is not None:
            ratio = f"{t10 / t1:.1f}" if t1 > 0 else "inf"
            worst = max(worst, t10 / t1 if t1 > 0 else float("inf"))
        elif t1 is not None:
            ratio = f"> {budget / t1:.0f}"
            worst = max(worst, budget / t1)
        else:
            ratio = "-"
        cell = lambda t: f"{t:.3f}" if t is not None else f"> {budget:g}"  # noqa: E731
        rows.append([name, f"{len(small):,}", cell(t1), f"{len(large):,}", cell(t10), ratio,
                     f"{o1} / {o10}"])
        print(f"  linear time {name}: {rows[-1]}", file=sys.stderr, flush=True)
    return rows, worst


def markdown(title: str, fn: Callable[[str], int], base_kb: float, factor: int, budget: float,
             only: list[str] | None = None) -> str:
    warm_up()
    rows, worst = measure(fn, base_kb, factor, budget, only)
    rows.append(["worst", "", "", "", "", f"{worst:.1f}", f"linear: about {factor}, target <= {factor + 2}"])
    head = ["input", "1x chars", "1x s", f"{factor}x chars", f"{factor}x s", "ratio",
            f"outcome at 1x / {factor}x"]
    return table(title, head, rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--base-kb", type=float, default=100, help="base size in KB (default 100)")
    parser.add_argument("--factor", type=int, default=10, help="size multiplier (default 10)")
    parser.add_argument("--budget", type=float, default=45,
                        help="seconds allowed per call; a slower case is retried smaller "
                             "(default 45)")
    parser.add_argument("--only", choices=sorted(CASES), action="append",
                        help="run only this case (repeatable)")
    parser.add_argument("--no-scan", action="store_true",
                        help="skip the numbers.scan table (the scanner alone)")
    args = parser.parse_args(argv)
    warm_up()
    print(markdown("claimcheck.extract (whole extractor)", _extract, args.base_kb, args.factor,
                   args.budget, args.only))
    if not args.no_scan:
        print(markdown("claimcheck.numbers.scan (number scanner alone)", _scan, args.base_kb,
                       args.factor, args.budget, args.only))
    return 0


if __name__ == "__main__":
    sys.exit(main())
