"""Fuzzing the public entry points: any text in, only ClaimcheckError (if anything) out.

Whatever the input, `extract` and `check` either return or raise a `ClaimcheckError`, and
what they return is sound: spans slice back to their text, bounds bracket their value,
every claim id a group or check names exists, and the JSON report is valid JSON.
"""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given
from hypothesis import strategies as st

import claimcheck
from claimcheck import ClaimcheckError, Document, Report
from strategies import languages, number_text, unicode_text

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
    for claim in report.claims:
        claim.check_against(by_id[claim.doc])
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
