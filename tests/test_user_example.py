"""The user's own example, end to end: 597 drones (president) vs up to 700 drones (estimates)."""

from __future__ import annotations

import datetime as dt

import claimcheck
from claimcheck import numbers

PRESIDENT = claimcheck.Document(
    id="a", source="Wire A", published=dt.date(2025, 7, 12),
    text="Overnight Russia attacked Ukraine. The president said 597 drones and 26 missiles "
         "had been launched at Ukraine.",
)
ESTIMATES = claimcheck.Document(
    id="b", source="Tabloid B", published=dt.date(2025, 7, 12),
    text="Overnight Russia attacked Ukraine, with estimates suggesting up to 30 missiles and "
         "700 drones were launched at Ukraine.",
)


def test_hedge_governs_the_coordinated_list() -> None:
    claims = claimcheck.extract(ESTIMATES)
    by_value = {c.value: c for c in claims}
    assert by_value[30].qualifier == by_value[700].qualifier == "at_most"
    assert (by_value[700].low, by_value[700].high) == (0, 700)
    assert by_value[700].speaker == "estimates"


def test_tension_is_reported_with_its_gap() -> None:
    report = claimcheck.check([PRESIDENT, ESTIMATES])
    drones = [g for g in report.groups if "drone" in g.about]
    assert len(drones) == 1
    (gap,) = drones[0].discrepancies
    assert gap.kind == "tension"
    assert gap.abs_diff == 103
    assert round(gap.rel_diff, 2) == 0.17


def test_a_document_compared_with_itself_yields_no_discrepancy() -> None:
    copy = PRESIDENT.model_copy(update={"id": "a2"})
    report = claimcheck.check([PRESIDENT, copy])
    assert all(not g.discrepancies for g in report.groups)


def test_spans_slice_back_into_the_text() -> None:
    for doc in (PRESIDENT, ESTIMATES):
        for claim in claimcheck.extract(doc):
            claim.check_against(doc)
            assert claim.low is None or claim.low <= claim.value


def test_number_words_and_magnitudes() -> None:
    assert numbers.parse_number("forty-two") == 42
    assert numbers.parse_number("a quarter of a million") == 250_000
    assert numbers.parse_number("£7.6billion") == 7.6e9
    assert numbers.parse_number("1,600") == 1600
    assert numbers.parse_number("3.400", "es") == 3400
