"""Units: the one pint registry, currency codes and percent, and unit comparison.

Unit strings in claims are pint's canonical spelling (`kilometer`, `liter / meter ** 2`),
ISO 4217 codes for money (`GBP`), `percent`, or None for plain counts.
"""

from __future__ import annotations

import sys
from functools import cache, lru_cache
from typing import Any

import pint

from claimcheck.lexicon import load

PERCENT = "percent"
#: the largest magnitude of a figure, converted or not: the gap between two such figures (their
#: sum, at opposite signs) and its rounding slack still fit in a float
LARGEST = sys.float_info.max / 4
_TEMPERATURES = frozenset({"degree_Celsius", "degree_Fahrenheit", "kelvin"})


@cache
def registry() -> pint.UnitRegistry[Any]:
    """The shared pint registry (built once, on first use)."""
    return pint.UnitRegistry()


@cache
def canonical(expression: str) -> str:
    """Pint's canonical spelling of a unit expression from the lexicon (`km` -> `kilometer`)."""
    if expression in (PERCENT, "dimensionless") or is_currency(expression):
        return expression
    return str(registry().Unit(expression))


def is_currency(unit: str | None) -> bool:
    """True for ISO 4217 codes and their minor units (`USD`, `GBP_penny`)."""
    return bool(unit) and unit is not None and unit[:3].isupper() and unit[:3].isalpha()


def is_temperature(unit: str | None) -> bool:
    """True for temperature scales, whose values may be negative and are not counts."""
    return unit in _TEMPERATURES


@lru_cache(maxsize=4096)  # a few dozen units in practice; pint parses the string each time
def dimension(unit: str | None) -> str:
    """A blocking key: `count`, `percent`, `currency:GBP`, or pint's dimensionality."""
    if unit is None:
        return "count"
    if unit in (PERCENT, "dimensionless"):
        return unit
    if is_currency(unit):
        return f"currency:{unit[:3]}"
    try:
        return str(registry().Unit(unit).dimensionality)
    except (pint.errors.PintError, ValueError, TypeError, AttributeError):
        return f"unit:{unit}"


def convert(value: float, unit: str | None, to: str | None) -> float | None:
    """`value` in `unit` expressed in `to`; None when the two cannot be compared, or when the
    result would be larger than `LARGEST`."""
    if unit == to:
        return value
    if unit is None or to is None or is_currency(unit) or is_currency(to):
        return None
    if PERCENT in (unit, to):
        return None
    try:
        quantity: Any = registry().Quantity(value, unit)
        converted = float(quantity.to(to).magnitude)
    except (pint.errors.PintError, ValueError, TypeError, AttributeError, OverflowError):
        return None
    # "1.7e308 miles" has no finite reading in metres: no conversion rather than infinity
    return converted if abs(converted) <= LARGEST else None


@cache
def surface_forms() -> dict[str, str]:
    """Lower-case unit surface form -> canonical unit (physical, percent and currency words)."""
    data = load("units")
    forms: dict[str, str] = {}
    for surface, expression in data["physical"].items():
        forms[surface] = expression  # canonicalised lazily by `canonical`
    for surface in data["percent"]:
        forms[surface] = PERCENT
    for surface, code in data["currency_words"].items():
        forms[surface] = code
    for code in data["currency_codes"]:
        forms[code.lower()] = code
    return forms


@cache
def currency_symbols() -> dict[str, str]:
    """Currency sign (lower case, e.g. `us$`, `£`) -> ISO code."""
    return dict(load("units")["currency_symbols"])


@cache
def currency_codes() -> frozenset[str]:
    """Upper-case ISO codes that may stand before or after an amount."""
    return frozenset(load("units")["currency_codes"])


@cache
def _codes_any_case() -> dict[str, str]:
    return dict(load("units")["currency_codes_any_case"])


def currency_code(word: str) -> str | None:
    """The ISO code a word names before or after an amount (`USD`, `usd`, `rmb` -> `CNY`), else None.

    Upper-case ISO codes count as written; only codes that are not also English words are read
    in lower case too (`usd 200`, but not `all 70` for the Albanian lek).
    """
    if word in currency_codes():
        return word
    return _codes_any_case().get(word.lower())


@cache
def minor_words() -> frozenset[str]:
    """Words for a hundredth of a currency (`cents`, `pence`) that may follow a major amount."""
    return frozenset(load("units")["currency_minor_words"])
