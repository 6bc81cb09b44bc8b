"""claimcheck's reading of numbers, in the peers benchmark's format.

    .venv/bin/python "$PEERS_SUITE/score.py" benchmarks.peers_adapter:extract

run from the root of a claimcheck checkout with claimcheck installed (`make demo` does it).
`score.py` is not part of claimcheck: it comes with the peers' benchmark suite, and
`PEERS_SUITE` stands for your checkout of that suite.

`extract(text)` is what claimcheck itself treats as figures in `text`, the way
`claimcheck.extract` selects them before it builds claims:

* the mentions `claimcheck.numbers.scan` finds of kind "number" (counts, amounts,
  measurements, ranges, bounds, vague quantities) and "ordinal" (ranks: "2nd", "thirtieth");
* minus designations ("Kh-101", "F-16") and clock times, which claimcheck never counts;
* minus every mention whose figure overlaps a date, year or time that
  `claimcheck.dates.find_dates` finds ("in 1989", "May 4", "2 pm"): `extract` drops those
  digits too, because they date a claim rather than state one.

What is left is reported as is: the mention's span, value and interval. Two things are
translated, both format only:

* units, from claimcheck's spelling (pint's canonical names, ISO 4217 codes, `percent`) to
  the benchmark's (lower-case singular names joined by spaces: `kilometer per hour`,
  `square kilometer`, `degree celsius`);
* an upper bound. claimcheck reads "up to 700" / "fewer than 700" as [0, 700] when what is
  counted cannot go below zero; the benchmark writes the same wording with an open lower side
  (low None). The 0 is claimcheck's convention for a non-negative count, not something the
  wording says, so it is given back as None.

Where claimcheck's reading differs from a peer's, the adapter keeps claimcheck's: a fraction
of a stated whole is a share ("two thirds of the wards" is 66.7 percent, where a peer may
expect 0.667), ordinals are reported with their rank, and years or durations are figures or
not exactly as `claimcheck.extract` would have them. Nothing here changes how claimcheck reads
numbers, and nothing depends on the suite or the sentence being scored.
"""

from __future__ import annotations

import re
from typing import Any

from claimcheck import dates, numbers

#: claimcheck unit -> the benchmark's canonical name, where a rule below does not do it
_UNITS = {
    "metric_ton": "tonne",
    "oil_barrel": "barrel",
    "USD_cent": "cent",
    "GBP_penny": "penny",
    "degree_Celsius": "degree celsius",
    "degree_Fahrenheit": "degree fahrenheit",
    "kelvin": "kelvin",
    "hour": "hour",
}
_POWERS = {"2": "square", "3": "cubic"}
_FIGURES = ("number", "ordinal")
_CAPS = ("at_most", "less_than")


def peer_unit(unit: str | None) -> str | None:
    """`kilometer ** 2` -> `square kilometer`, `liter / meter ** 2` -> `liter per square meter`."""
    if unit is None or unit == "dimensionless":
        return None
    if unit in _UNITS:
        return _UNITS[unit]
    if unit.isupper() or unit == "percent":
        return unit

    def factor(part: str) -> str:
        part = part.strip()
        m = re.fullmatch(r"(\w+) \*\* (\d)", part)
        if m and m.group(2) in _POWERS:
            return f"{_POWERS[m.group(2)]} {_UNITS.get(m.group(1), m.group(1))}"
        return _UNITS.get(part, part)

    spoken = " per ".join(factor(p) for p in unit.split("/"))
    return spoken.replace("_", " ").lower()


def figures(text: str) -> list[numbers.Mention]:
    """The mentions claimcheck treats as figures: numbers and ordinals outside dates."""
    blocked = [(d.start, d.end) for d in dates.find_dates(text, None)]
    return [
        m for m in numbers.scan(text)
        if m.kind in _FIGURES
        and not any(s < m.number_end and m.number_start < e for s, e in blocked)
    ]


def item(text: str, m: numbers.Mention) -> dict[str, Any]:
    """One mention as a peers-benchmark item."""
    low = None if m.qualifier in _CAPS and m.low == 0 else m.low
    return {
        "text": text[m.start : m.end],
        "start": m.start,
        "end": m.end,
        "value": m.value,
        "low": low,
        "high": m.high,
        "unit": peer_unit(m.unit),
    }


def extract(text: str) -> list[dict[str, Any]]:
    """Every figure claimcheck reads in `text`, as peers-benchmark items."""
    return [item(text, m) for m in figures(text)]


def extract_all(text: str) -> list[dict[str, Any]]:
    """Every mention `scan` finds, designations, clock times and dates included."""
    return [item(text, m) for m in numbers.scan(text)]
