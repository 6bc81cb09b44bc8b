"""units: one pint registry, canonical spellings, blocking dimensions and conversion."""

from __future__ import annotations

import pytest

from claimcheck import units


@pytest.mark.parametrize(
    ("expression", "canonical"),
    [("km", "kilometer"), ("kilometer", "kilometer"), ("mm", "millimeter"),
     ("tonnes", "metric_ton"), ("percent", "percent"), ("GBP", "GBP"), ("USD_cent", "USD_cent")],
)
def test_canonical(expression: str, canonical: str) -> None:
    assert units.canonical(expression) == canonical


@pytest.mark.parametrize(
    ("unit", "dimension"),
    [(None, "count"), ("percent", "percent"), ("GBP", "currency:GBP"),
     ("GBP_penny", "currency:GBP"), ("kilometer", "[length]"), ("mile", "[length]"),
     ("kilometer ** 2", "[length] ** 2"), ("hour", "[time]"),
     ("not_a_unit", "unit:not_a_unit")],
)
def test_dimension(unit: str | None, dimension: str) -> None:
    assert units.dimension(unit) == dimension


def test_convert_within_a_dimension() -> None:
    assert units.convert(1, "mile", "kilometer") == pytest.approx(1.609344)
    assert units.convert(130, "foot", "meter") == pytest.approx(39.624)
    assert units.convert(5, "kilometer", "kilometer") == 5


@pytest.mark.parametrize(
    ("unit", "to"),
    [("USD", "EUR"), ("percent", None), (None, "meter"), ("kilometer", "hour"),
     ("not_a_unit", "meter")],
)
def test_convert_refuses_what_cannot_be_compared(unit: str | None, to: str | None) -> None:
    assert units.convert(5, unit, to) is None


def test_currency_and_temperature_predicates() -> None:
    assert units.is_currency("USD") and units.is_currency("GBP_penny")
    assert not units.is_currency("kilometer") and not units.is_currency(None)
    assert units.is_temperature("degree_Celsius") and not units.is_temperature("meter")


def test_lexicon_views() -> None:
    assert units.currency_symbols()["£"] == "GBP"
    assert "EUR" in units.currency_codes()
    assert units.surface_forms()["per cent"] == "percent"
    assert units.registry() is units.registry()  # one registry for the process


@pytest.mark.parametrize(
    ("word", "code"),
    [("USD", "USD"), ("usd", "USD"), ("Usd", "USD"), ("rmb", "CNY"), ("Rs", "INR"),
     ("BTC", "BTC"), ("ALL", None), ("all", None), ("try", None), ("dollars", None)],
)
def test_currency_code_reads_lower_case_only_where_no_word_is_meant(
    word: str, code: str | None
) -> None:
    assert units.currency_code(word) == code


def test_minor_currency_words() -> None:
    assert {"cent", "cents", "pence"} <= units.minor_words()
    assert "dollar" not in units.minor_words()


@pytest.mark.parametrize(
    ("surface", "unit"),
    [("peseta", "ESP"), ("dutch guilder", "NLG"), ("celcius", "degree_Celsius"),
     ("km/hr", "kilometer / hour"), ("µg", "microgram"), ("tbsp", "tablespoon")],
)
def test_surface_forms_cover_more_currencies_and_spellings(surface: str, unit: str) -> None:
    assert units.surface_forms()[surface] == unit


def test_every_physical_surface_form_is_a_pint_unit() -> None:
    for surface, expression in units.surface_forms().items():
        if units.is_currency(expression) or expression in ("percent", "dimensionless"):
            continue
        assert units.canonical(expression), surface
