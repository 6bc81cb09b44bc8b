"""Does `claimcheck.extract` take time linear in its input? A timing script, not a test.

For each crafted input it times `extract` at a base size and at `--factor` times that size
and prints seconds and the ratio; a linear-time extractor shows a ratio close to the factor
(10 by default). Inputs are built to provoke the usual super-linear traps:

* a run of digits and commas (the number regex and its thousands groups);
* thousands of hedges in a row ("at least at least ... 5");
* repeated number words ("twenty-one hundred and forty-two thousand ...");
* one long line of prose with numbers and no line break (sentence splitting, clauses);
* the same prose split into paragraphs, as a baseline.

    .venv/bin/python benchmarks/linear_time.py                 # 100 KB and 1 MB
    .venv/bin/python benchmarks/linear_time.py --base-kb 20    # quicker

Each call gets `--budget` seconds (45); a case whose base size is already over budget is
retried at a tenth of the size, so that a ratio is still measured. A second table times
`numbers.scan` alone, to tell the scanner from the rest of the extractor. Every input is
made up here; errors are reported in the table rather than raised.
"""

from __future__ import annotations

import argparse
import random
import signal
import sys
import time
from collections.abc import Callable

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


def long_line_of_prose(size: int) -> str:
    return _fill(lambda i: _PROSE, size)


def paragraphs_of_prose(size: int) -> str:
    return _fill(lambda i: _PROSE[:-1] + "\n", size)


CASES: dict[str, Callable[[int], str]] = {
    "digits and commas": digits_and_commas,
    "hedges in a row": hedges_in_a_row,
    "repeated number words": number_words,
    "one long line of prose": long_line_of_prose,
    "prose in paragraphs": paragraphs_of_prose,
}


class _Budget(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Budget


def _time(fn: Callable[[str], int], text: str, budget: float) -> tuple[float | None, str]:
    """Seconds `fn(text)` took (None past `budget`), and what it returned or raised."""
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, budget)
    start = time.perf_counter()
    try:
        outcome = f"{fn(text)} found"
    except _Budget:
        return None, f"over {budget:g} s"
    except Exception as exc:  # a benchmark reports failures, it does not stop at them
        outcome = f"error: {type(exc).__name__}"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return time.perf_counter() - start, outcome


def _extract(text: str) -> int:
    return len(claimcheck.extract(claimcheck.Document(id="bench", text=text)))


def _scan(text: str) -> int:
    return len(numbers.scan(text))


def _table(title: str, fn: Callable[[str], int], args: argparse.Namespace) -> float:
    """Time `fn` on every case at 1x and `factor`x; shrink a case whose 1x exceeds the budget."""
    base, factor = int(args.base_kb * 1000), args.factor
    head = (f"{'input':<24} {'1x chars':>10} {'1x s':>8} {f'{factor}x chars':>10} "
            f"{f'{factor}x s':>8} {'ratio':>6}  outcome at 1x / {factor}x")
    print(f"\n{title}\n{head}\n{'-' * len(head)}")
    worst = 0.0
    for name in args.only or CASES:
        size = base
        while True:
            small, large = CASES[name](size), CASES[name](size * factor)
            t1, o1 = _time(fn, small, args.budget)
            if t1 is not None or size <= 1000:
                break
            print(f"{name:<24} {len(small):>10,} {'-':>8}  {o1}: trying {size // factor:,} chars")
            size //= factor
        t10, o10 = _time(fn, large, args.budget) if t1 is not None else (None, "not run")
        if t1 is not None and t10 is not None:
            ratio = f"{t10 / t1:6.1f}" if t1 > 0 else "   inf"
            worst = max(worst, t10 / t1 if t1 > 0 else float("inf"))
        elif t1 is not None:
            ratio = f">{args.budget / t1:5.0f}"
            worst = max(worst, args.budget / t1)
        else:
            ratio = "     -"
        cell = lambda t: f"{t:8.3f}" if t is not None else f"{'>' + format(args.budget, 'g'):>8}"  # noqa: E731
        print(f"{name:<24} {len(small):>10,} {cell(t1)} {len(large):>10,} {cell(t10)} {ratio}  "
              f"{o1} / {o10}")
        sys.stdout.flush()
    print(f"worst ratio {worst:.1f} (linear: about {factor})")
    return worst


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
    claimcheck.extract("Warm-up: 3 people were injured in Lviv on Tuesday.")  # load lexicons
    _table("claimcheck.extract (whole extractor)", _extract, args)
    if not args.no_scan:
        _table("claimcheck.numbers.scan (number scanner alone)", _scan, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
