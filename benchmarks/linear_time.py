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

Every input is made up here; errors are reported in the table rather than raised.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable

import claimcheck

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


def _time(text: str) -> tuple[float, str]:
    doc = claimcheck.Document(id="bench", text=text)
    start = time.perf_counter()
    try:
        found = len(claimcheck.extract(doc))
        outcome = f"{found} claims"
    except Exception as exc:  # a benchmark reports failures, it does not stop at them
        outcome = f"error: {type(exc).__name__}"
    return time.perf_counter() - start, outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-kb", type=float, default=100, help="base size in KB (default 100)")
    parser.add_argument("--factor", type=int, default=10, help="size multiplier (default 10)")
    parser.add_argument("--only", choices=sorted(CASES), action="append",
                        help="run only this case (repeatable)")
    args = parser.parse_args(argv)
    base = int(args.base_kb * 1000)
    claimcheck.extract("Warm-up: 3 people were injured in Lviv on Tuesday.")  # load lexicons

    head = (f"{'input':<24} {'1x chars':>10} {'1x s':>8} {'10x chars':>10} {'10x s':>8} "
            f"{'ratio':>6}  outcome at 1x / 10x")
    print(head.replace("10x", f"{args.factor}x"))
    print("-" * len(head))
    worst = 0.0
    for name in args.only or CASES:
        small, large = CASES[name](base), CASES[name](base * args.factor)
        t1, o1 = _time(small)
        t10, o10 = _time(large)
        ratio = t10 / t1 if t1 > 0 else float("inf")
        worst = max(worst, ratio)
        print(f"{name:<24} {len(small):>10,} {t1:>8.3f} {len(large):>10,} {t10:>8.3f} "
              f"{ratio:>6.1f}  {o1} / {o10}")
        sys.stdout.flush()
    print(f"\nworst ratio {worst:.1f} (linear: about {args.factor})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
