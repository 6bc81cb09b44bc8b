"""A long, seeded fuzz of `extract` and `check`: hostile text in, crashes counted by type.

Each text is built from made-up news sentences whose figures are mutated (figures at the
limits of floating point, denormals, super- and subscript digits, non-Latin digits, decades,
far dates, units, hedges, very long tokens, stray Unicode). Every text goes to
`claimcheck.extract` directly; every `--every`-th text also joins a multi-document
`claimcheck.check` run whose documents carry random publication dates (far ones included),
and the report is rendered every way it can be (`to_json`, `to_markdown`, `to_table`,
`_repr_html_`).

What is counted, by exception type:

* exceptions raised by `extract` called directly; an `InternalError` (claimcheck's wrapper
  for an exception it did not expect) is counted by the exception it chains, and only the
  other `ClaimcheckError`s (refusals on purpose) are allowed, counted apart as
  `ClaimcheckError:<type>`;
* exceptions raised by `check` or a renderer, and JSON output that is not strict JSON;
* diagnostics with code `internal-error` in check reports, by the exception type they name,
  so that per-document fault isolation in `check` cannot hide a crash.

    .venv/bin/python benchmarks/fuzz.py                # 100,000 texts, seed 0
    .venv/bin/python benchmarks/fuzz.py --n 5000 --seed 3 --jobs 4

Exit status is 1 when anything but a `ClaimcheckError` was counted. Every text here is made
up for the fuzz; none is taken from an article.
"""

from __future__ import annotations

import argparse
import collections
import json
import multiprocessing
import os
import random
import re
import sys
import time
import traceback
from collections.abc import Callable

import claimcheck
from claimcheck import ClaimcheckError, Document
from claimcheck.errors import InternalError

# ---------------------------------------------------------------- material, in our own words

SENTENCES = (
    "At least {n} people were killed when the river burst its banks in {place}, officials said.",
    "Rescuers said {n} {unit} of road had been washed away near {place}.",
    "The ministry put the cost of the repairs at {cur}{n} {mag}.",
    "About {n} drones and {n} missiles were launched at {place} overnight, the air force said.",
    "{hedge} {n} households were left without power on {date}.",
    "Prices rose {n}% in the year to {date}, the statistics office said.",
    "The storm dropped {n} {unit} of rain on {place} in {span}.",
    "A {n}-year-old man was among the {n} injured, police in {place} said.",
    "By {date} the toll had risen to {n}, up from {n} the day before.",
    "The fire, the worst since the {decade}, destroyed {n} hectares near {place}.",
    "Between {n} and {n} people attended the rally, organisers said; police said {n}.",
    "{place} recorded {n} cases in the {decade}, compared with {n} last week.",
    "The company said it would cut {n} jobs by {date}, or {n} per cent of its staff.",
    "Officials in {place} reported {hedge} {n} deaths and {n} {unit} of flooding.",
    "The bridge is {n} {unit} long and carries {n} vehicles a day.",
)
PLACES = ("Kyiv", "Lviv", "Valencia", "Dhaka", "Lagos", "Quito", "Ukraine", "the north",
          "Tromsø", "Łódź", "Đà Nẵng", "São Paulo", "Киев", "القاهرة", "東京")
UNITS = ("km", "kilometres", "miles", "m", "mm", "cm", "inches", "ft", "tonnes", "kg",
         "pounds", "litres", "gallons", "km²", "km^2", "square miles", "hectares", "acres",
         "mph", "km/h", "°C", "degrees Fahrenheit", "kelvin", "m³", "MW", "kWh", "years",
         "hours", "per cent", "%", "µm", "nm", "lb", "oz", "metres per second")
HEDGES = ("", "at least", "more than", "up to", "about", "nearly", "fewer than", "some",
          "an estimated", "as many as", "over", "under", "almost", "roughly", "no fewer than",
          "dozens of", "hundreds of", "thousands of", "~", ">", "<=", "±")
CURRENCIES = ("$", "£", "€", "US$", "¥", "₹", "", "USD ", "c$", "R$")
MAGNITUDES = ("", "million", "billion", "bn", "m", "k", "trillion", "lakh", "crore", "thousand")
DATES = ("21 August", "Tuesday", "yesterday", "31 December 9999", "1 January 1", "9999-12-31",
         "0001-01-01", "12/31/9999", "last week", "2025-02-29", "30 February 2024", "next month",
         "March 9999", "the year 9999", "10,000 BC", "99999-01-01", "the 1st of Smarch",
         "December 31, 9999", "January 1, 0001", "Jan 1 1000", "in 2199", "in 1799")
DECADES = ("'90s", "’90s", "1990s", "2020s", "’20s", "'00s", "1000s", "2190s", "90s", "'9s")
SPANS = ("24 hours", "a week", "three days", "1e308 hours", "0.5 seconds", "9999 years")

LIMIT_FIGURES = (
    "1.7e308", "1.8e308", "1e308", "9e307", "1e-320", "5e-324", "4.9e-324", "2.2e-308",
    "1e-400", "1e400", "0", "0.0", "-0", "00000", "0.000000000000000000001", "1" + "0" * 309,
    "9" * 400, "1" + "0" * 40, "1,000,000,000,000,000,000,000", "179,769,313,486,231,570",
    "1.7976931348623157e308", "6.23x10^-4", "2.48×10−5", "1.1^23", "8x2^10", "10^308",
    "10^309", "9.9x10^307", "1e+308", "1E308", "0x1F", "1_000", "inf", "NaN", "∞", "-inf",
)
ODD_DIGITS = (
    "²", "³", "¹", "⁰", "⁹", "₂", "₃", "₀", "⁻", "⁻¹", "10^²", "2/³", "x²", "H₂O", "10⁻³",
    "٣٤", "٠٫٥", "١٬٠٠٠", "۴۵", "४२", "১২", "๓๓", "１２", "１，０００", "၄", "᠓", "𝟕𝟖",
    "½", "⅓", "⅞", "↉", "Ⅻ", "ⅻ", "①", "⑳", "⒛", "㉑", "〸", "𐄇", "٫", "٬",
)
SPACES = (" ", " ", " ", "\u00a0", "\u202f", "\u2009", "\t", "\n", "\r\n", "\u2028", "\u0085",
          "", "  ", "\u200b", "\ufeff")
PUNCT = (".", ",", ";", ":", "!", "?", "…", "—", "–", "-", "/", "(", ")", "“", "”", "'", "’",
         "\"", "«", "»", "|", "*", "#", "@", "&", "+", "=", "^", "~", "%", "$", "€", "£")
FAR_PUBLISHED: tuple[object, ...] = (
    None, "9999-12-31", "0001-01-01", "9999-12-31T23:59:59", "0001-01-01T00:00:00",
    "9999-12-31T23:59:59+14:00", "0001-01-01T00:00:00-12:00", "2025-08-21", "2025-08-22T09:00",
    "2024-02-29", "1970-01-01", "2199-06-30", "1800-01-01",
)


def _figure(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.45:
        n = rng.choice([rng.randint(0, 99), rng.randint(100, 9999), rng.randint(0, 10**9)])
        return rng.choice([str(n), f"{n:,}", f"{n:,}".replace(",", "."), f"{n / 10:.1f}"])
    if roll < 0.7:
        return rng.choice(LIMIT_FIGURES)
    if roll < 0.85:
        return rng.choice(ODD_DIGITS) + rng.choice(("", str(rng.randint(0, 99)), rng.choice(ODD_DIGITS)))
    if roll < 0.93:
        return rng.choice(DECADES)
    return f"{rng.random():.6f}e{rng.randint(-330, 330)}"  # any magnitude, as text


def _unicode(rng: random.Random, size: int) -> str:
    out = []
    for _ in range(size):
        roll = rng.random()
        if roll < 0.5:
            out.append(chr(rng.randint(0x20, 0x2FF)))
        elif roll < 0.8:
            out.append(chr(rng.randint(0x300, 0x33FF)))
        else:
            code = rng.randint(0x3400, 0x10FFFF)
            out.append(chr(code) if not 0xD800 <= code <= 0xDFFF else "?")
    return "".join(out)


def _sentence(rng: random.Random) -> str:
    template = rng.choice(SENTENCES)
    parts = template.split("{n}")
    text = parts[0] + "".join(_figure(rng) + p for p in parts[1:])
    return text.format(place=rng.choice(PLACES), unit=rng.choice(UNITS),
                       hedge=rng.choice(HEDGES), cur=rng.choice(CURRENCIES),
                       mag=rng.choice(MAGNITUDES), date=rng.choice(DATES),
                       decade=rng.choice(DECADES), span=rng.choice(SPANS))


def _mutate(rng: random.Random, text: str) -> str:
    """Insert, replace or delete a few pieces of `text`."""
    for _ in range(rng.randint(0, 4)):
        pos = rng.randint(0, len(text))
        piece = rng.choice((
            lambda: rng.choice(PUNCT), lambda: rng.choice(SPACES), lambda: _figure(rng),
            lambda: rng.choice(UNITS), lambda: rng.choice(HEDGES), lambda: _unicode(rng, 3),
            lambda: rng.choice(ODD_DIGITS), lambda: rng.choice(DATES), lambda: "",
        ))()
        cut = rng.choice((0, 0, 1, 2, 5))
        text = text[:pos] + piece + text[pos + cut:]
    return text


def _fragments(rng: random.Random) -> str:
    """Number-like material joined at random: no sentence at all."""
    pool: tuple[Callable[[], str], ...] = (
        lambda: _figure(rng), lambda: rng.choice(UNITS), lambda: rng.choice(HEDGES),
        lambda: rng.choice(PUNCT), lambda: rng.choice(DATES), lambda: rng.choice(DECADES),
        lambda: rng.choice(CURRENCIES) + _figure(rng), lambda: rng.choice(MAGNITUDES),
        lambda: _unicode(rng, rng.randint(1, 6)), lambda: rng.choice(PLACES),
    )
    return "".join(rng.choice(pool)() + rng.choice(SPACES) for _ in range(rng.randint(1, 25)))


def _long_token(rng: random.Random) -> str:
    unit = rng.choice(("9", "1,000", "1.", "e", "a", "٣", "²", "-", "1 ", "x", "'9"))
    return rng.choice(("", "About ", "$")) + unit * rng.randint(20, 400) + rng.choice(
        ("", " people", " km", "%", ". 5 people died."))


def text(rng: random.Random) -> str:
    """One hostile text."""
    roll = rng.random()
    if roll < 0.45:
        body = " ".join(_sentence(rng) for _ in range(rng.randint(1, 4)))
        return _mutate(rng, body)
    if roll < 0.8:
        return _fragments(rng)
    if roll < 0.97:
        return _unicode(rng, rng.randint(0, 60))
    return _long_token(rng)


# ---------------------------------------------------------------- running


def _key(exc: BaseException) -> str:
    """The exception's type and the line that raised it; for an InternalError, its cause's."""
    if isinstance(exc, InternalError) and exc.__cause__ is not None:
        cause = exc.__cause__
        return f"InternalError({type(cause).__name__}) at {_where(cause)}"
    kind = type(exc).__name__
    name = f"ClaimcheckError:{kind}" if isinstance(exc, ClaimcheckError) else kind
    return f"{name} at {_where(exc)}"


def _where(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return "?"
    return f"{os.path.basename(frames[-1].filename)}:{frames[-1].lineno}"


_NAMED = re.compile(r" with (\w+):")


def _diagnosed(message: str) -> str:
    """An internal-error diagnostic by the exception type its message names."""
    found = _NAMED.search(message)
    return f"internal-error({found.group(1) if found else '?'})"


def _render(report: claimcheck.Report) -> None:
    def refuse(name: str) -> None:
        raise ValueError(f"{name} in JSON output")

    json.loads(report.to_json(), parse_constant=refuse)
    report.to_markdown()
    report.to_table()
    report._repr_html_()


def _chunk(args: tuple[int, int, int, int]) -> tuple[dict[str, int], dict[str, int], dict[str, str]]:
    """Fuzz texts [start, stop) of the run seeded `seed`; (extract, check, first examples)."""
    seed, start, stop, every = args
    extract_counts: dict[str, int] = collections.Counter()
    check_counts: dict[str, int] = collections.Counter()
    examples: dict[str, str] = {}
    batch: list[str] = []
    for i in range(start, stop):
        rng = random.Random(f"{seed}:{i}")
        t = text(rng)
        doc = Document(id="d", text=t, language=rng.choice(("en", "en", "es")))
        try:
            for claim in claimcheck.extract(doc):
                claim.check_against(doc)  # a span or context that does not slice back counts
        except Exception as exc:  # counted, not hidden: this is what the fuzz is for
            key = _key(exc)
            extract_counts[key] += 1
            examples.setdefault(key, t[:300])
        batch.append(t)
        if i % every == every - 1:
            docs = [Document(id=f"d{k}", text=b, published=rng.choice(FAR_PUBLISHED))  # type: ignore[arg-type]
                    for k, b in enumerate(batch[-rng.randint(2, 4):])]
            batch = []
            try:
                report = claimcheck.check(docs)
                for claim in report.claims:
                    claim.check_against(docs[int(claim.doc[1:])])
                _render(report)
            except Exception as exc:
                key = _key(exc)
                check_counts[key] += 1
                examples.setdefault(key, " ||| ".join(d.text[:100] for d in docs))
                continue
            for diag in report.diagnostics:
                if diag.code == "internal-error":
                    key = _diagnosed(diag.message)
                    check_counts[key] += 1
                    examples.setdefault(key, " ||| ".join(d.text[:100] for d in docs))
    return dict(extract_counts), dict(check_counts), examples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="texts to fuzz (default 100000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--every", type=int, default=10,
                        help="every N-th text closes a multi-document check run (default 10)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--examples", action="store_true", help="print one input per failure")
    args = parser.parse_args(argv)
    size = 500
    tasks = [(args.seed, s, min(s + size, args.n), args.every) for s in range(0, args.n, size)]
    began = time.perf_counter()
    extract_counts: collections.Counter[str] = collections.Counter()
    check_counts: collections.Counter[str] = collections.Counter()
    examples: dict[str, str] = {}
    if args.jobs > 1:
        with multiprocessing.Pool(args.jobs) as pool:
            results = pool.map(_chunk, tasks, chunksize=1)
    else:
        results = [_chunk(t) for t in tasks]
    for e, c, x in results:
        extract_counts.update(e)
        check_counts.update(c)
        for k, v in x.items():
            examples.setdefault(k, v)
    seconds = time.perf_counter() - began
    checks = args.n // args.every
    print(f"fuzz: {args.n:,} texts (seed {args.seed}), {checks:,} check runs, {seconds:.0f} s")
    print(f"{'where':<10} {'count':>7}  exception")
    for label, counts in (("extract", extract_counts), ("check", check_counts)):
        if not counts:
            print(f"{label:<10} {0:>7}  (none)")
        for key, count in counts.most_common():
            print(f"{label:<10} {count:>7}  {key}")
            if args.examples:
                print(f"{'':<19}e.g. {examples[key]!r}")
    bad = sum(n for k, n in (extract_counts + check_counts).items()
              if not k.startswith("ClaimcheckError:"))
    print(json.dumps({"texts": args.n, "check_runs": checks,
                      "extract_errors": sum(extract_counts.values()),
                      "check_errors": sum(check_counts.values()), "seconds": round(seconds, 1)}))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
