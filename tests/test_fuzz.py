"""Fuzzing the public entry points: any text in, only ClaimcheckError (if anything) out.

Whatever the input, `extract` and `check` either return or raise a `ClaimcheckError`, and
what they return is sound: spans and contexts slice back to their text, bounds bracket their
value, every claim id a group or check names exists, every renderer runs, and the JSON report
is strict JSON (no NaN, no Infinity). Neither an `InternalError` nor an `internal-error`
diagnostic may stand in for a crash.
The crashes the long fuzz (`make fuzz`, benchmarks/fuzz.py) once found are kept below as cases.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimcheck
from claimcheck import ClaimcheckError, Document, Report, report_html
from claimcheck.errors import InternalError
from claimcheck.models import CONTEXT_LIMIT
from strategies import far_published, hostile_text, languages, number_text, unicode_text

UTC = dt.timezone.utc

#: Unicode with the digits, spaces and separators that trip number scanners
tricky_text = st.lists(
    st.one_of(
        unicode_text,
        number_text,
        st.sampled_from([
            "٣٤", "１２", "²", "⅓", "1e5", "٫", "\u2028", "\r\n", "\t", "\u00a0", "\u202f",
            "1\u00a0000", "12\u202f345", "0x1F", "1_000", "+-3", "−5", "∞", "NaN", "inf",
        ]),
    ),
    max_size=6,
).map(" ".join)


def _documents(text: str, lang: str) -> list[Document]:
    return [
        Document(id="d", text=text, language=lang,
                 published=dt.datetime(2025, 8, 21, 9, tzinfo=UTC)),
        Document(id="e", text=text[::-1], language=lang),
        Document(id="f", text=text.upper(), language=lang, published=dt.date(2025, 8, 22)),
    ]


def _sound(report: Report, docs: list[Document]) -> None:
    by_id = {d.id: d for d in docs}
    claim_ids = [c.id for c in report.claims]
    assert len(claim_ids) == len(set(claim_ids))
    assert not [d for d in report.diagnostics if d.code == "internal-error"]
    for claim in report.claims:
        claim.check_against(by_id[claim.doc])
        assert len(claim.context) <= CONTEXT_LIMIT
        if claim.low is not None:
            assert claim.low <= claim.value
        if claim.high is not None:
            assert claim.value <= claim.high
    known = set(claim_ids)
    for group in report.groups:
        assert set(group.claims) <= known
        for d in group.discrepancies:
            assert set(d.claims) <= set(group.claims)
    for check in report.checks:
        assert set(check.claims) <= known

    def refuse(name: str) -> None:
        raise AssertionError(f"{name} in JSON output")

    json.loads(report.to_json(), parse_constant=refuse)
    report.to_markdown()
    report.to_table()
    report._repr_html_()


def _run(text: str, lang: str) -> None:
    docs = _documents(text, lang)
    try:
        for doc in docs:
            for claim in claimcheck.extract(doc):
                claim.check_against(doc)
        report = claimcheck.check(docs)
    except InternalError:
        raise  # claimcheck's wrapper for a crash: a failure here, never a refusal
    except ClaimcheckError:
        return
    _sound(report, docs)


@given(unicode_text, languages)
def test_arbitrary_unicode(text: str, lang: str) -> None:
    _run(text, lang)


@given(number_text, languages)
def test_number_fragments(text: str, lang: str) -> None:
    _run(text, lang)


@given(tricky_text, languages)
def test_tricky_digits_and_spaces(text: str, lang: str) -> None:
    _run(text, lang)


def test_a_run_of_digits_too_long_for_a_float() -> None:
    _run("1" + "0" * 320 + " drones were launched.", "en")


@given(hostile_text, languages)
def test_hostile_text(text: str, lang: str) -> None:
    _run(text, lang)


@given(st.lists(st.tuples(hostile_text, far_published), min_size=1, max_size=4))
def test_check_with_far_publication_dates(texts: list[tuple[str, object]]) -> None:
    docs = [Document(id=f"d{i}", text=text, published=published)  # type: ignore[arg-type]
            for i, (text, published) in enumerate(texts)]
    try:
        report = claimcheck.check(docs)
    except InternalError:
        raise  # claimcheck's wrapper for a crash: a failure here, never a refusal
    except ClaimcheckError:
        return
    _sound(report, docs)


# ---------------------------------------------------------------- crashes the fuzz found


@pytest.mark.parametrize("text", [
    "'90s", "the ’90s", "in the '80s and '90s, 40 people", "10^²", "2/³", "x² people",
    "1.7e308 m and 1.7e308 miles", "4 km over 1e-320 m", "9" * 400 + " people",
    "A 90s-year-old man", "By 31 December 9999 the toll had risen to 2190s.",
])
def test_once_crashed(text: str) -> None:
    _run(text, "en")


def test_decades_are_no_claims() -> None:
    assert claimcheck.extract("In the '90s, and again in the ’80s and the 1970s.") == []


def test_a_publication_date_at_the_end_of_the_calendar() -> None:
    text = "On 31 December 9999, 5 people were killed in Lviv and 9 in Ukraine. Tomorrow, 3 more."
    docs = [Document(id="a", text=text, published="9999-12-31"),
            Document(id="b", text=text.replace("5", "7"), published="9999-12-31")]
    report = claimcheck.check(docs)
    assert report.groups
    _sound(report, docs)


def test_figures_that_overflow_when_converted_are_no_claims() -> None:
    docs = [Document(id="a", text="The river flooded 1.7e308 m of road in Lviv."),
            Document(id="b", text="The river flooded 1.7e308 miles of road in Lviv.")]
    report = claimcheck.check(docs)
    assert report.claims == []
    json.loads(report.to_json())


@pytest.mark.parametrize(("small", "why"), [
    ("0 people", "no relative gap: one figure is zero"),
    ("1e-320 people", "is too small to divide by"),
])
def test_a_gap_against_zero_or_a_denormal_has_no_relative_difference(small: str, why: str) -> None:
    docs = [Document(id="a", text="At least 4 people were killed in Lviv."),
            Document(id="b", text=f"{small} were killed in Lviv.")]
    report = claimcheck.check(docs)
    (gap,) = [d for g in report.groups for d in g.discrepancies]
    assert gap.rel_diff is None and gap.abs_diff == 4
    assert why in gap.explanation
    assert json.loads(report.to_json())["groups"][0]["discrepancies"][0]["rel_diff"] is None
    a, b = (next(c for c in report.claims if c.id == cid) for cid in gap.claims)
    assert report_html.gap(gap, a, b) == "4 people apart"  # no percentage when there is none
