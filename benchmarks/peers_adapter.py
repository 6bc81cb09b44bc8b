"""claimcheck's number scanner in the peers benchmark's format.

    cd /work/main && .venv/bin/python /work/shared/peers/score.py benchmarks.peers_adapter:extract

`extract(text)` returns every mention `claimcheck.numeric.scan` finds (numbers, ordinals,
designations such as "Kh-101", clock times) as dicts with text, start, end, value, low,
high and unit. Units are mapped from claimcheck's spelling (pint's canonical names, ISO
codes, `percent`) to the benchmark's (lower-case singular names joined by spaces:
`kilometer per hour`, `square kilometer`, `degree celsius`); an open bound stays None.
Nothing here changes how claimcheck reads numbers.
"""

from __future__ import annotations

import re
from typing import Any

from claimcheck import numeric

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


def extract(text: str) -> list[dict[str, Any]]:
    """Every numeric mention in `text` as a peers-benchmark item."""
    return [
        {
            "text": text[m.start : m.end],
            "start": m.start,
            "end": m.end,
            "value": m.value,
            "low": m.low,
            "high": m.high,
            "unit": peer_unit(m.unit),
        }
        for m in numeric.scan(text)
    ]


def extract_numbers(text: str) -> list[dict[str, Any]]:
    """Like `extract`, without designations ("Kh-101") and clock times: what claimcheck counts."""
    kept = {(m.start, m.end) for m in numeric.scan(text) if m.kind in ("number", "ordinal")}
    return [item for item in extract(text) if (item["start"], item["end"]) in kept]
