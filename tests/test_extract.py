"""extract: claims with what they count, what happened to it, and who says so.

The golden table (`tests/golden/extract.jsonl`) lists, per made-up text, every claim `extract`
should return in order (by its text) and the fields that matter for that case; fields left
out of a case are not checked. The properties hold for any text: every claim's span slices
back to its text, bounds bracket the value, ids are unique.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import claimcheck
from claimcheck import Claim, Document
from claimcheck.models import CONTEXT_LIMIT
from strategies import languages, number_text, unicode_text

GOLDEN = Path(__file__).parent / "golden" / "extract.jsonl"


def _cases() -> list[Any]:
    params = []
    for line in GOLDEN.read_text(encoding="utf-8").splitlines():
        if line.strip():
            case = json.loads(line)
            xfail = case.get("xfail")
            marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
            params.append(pytest.param(case, id=case["id"], marks=marks))
    return params


def _field(claim: Claim, name: str) -> Any:
    value = getattr(claim, name)
    return value.isoformat() if isinstance(value, dt.date) else value


@pytest.mark.parametrize("case", _cases())
def test_golden(case: dict[str, Any]) -> None:
    doc = Document(id="d", text=case["text"], published=dt.date.fromisoformat(case["published"]))
    claims = claimcheck.extract(doc)
    assert [c.text for c in claims] == [e["text"] for e in case["claims"]]
    for claim, expected in zip(claims, case["claims"], strict=True):
        got = {name: _field(claim, name) for name in expected}
        assert got == expected


# ---------------------------------------------------------------- examples


def test_plain_string_input() -> None:
    (claim,) = claimcheck.extract("At least 14 people were injured.")
    assert (claim.doc, claim.id) == ("doc", "doc:c1")
    assert (claim.value, claim.low, claim.high, claim.qualifier) == (14, 14, None, "at_least")
    assert claimcheck.extract("Five people died.", doc_id="x")[0].id == "x:c1"


def test_claim_ids_follow_text_order() -> None:
    doc = Document(id="w", text="Three people died and 12 were injured. Police arrested 2 men.")
    claims = claimcheck.extract(doc)
    assert [c.id for c in claims] == ["w:c1", "w:c2", "w:c3"]
    assert [c.start for c in claims] == sorted(c.start for c in claims)


def test_context_is_the_sentence_when_short() -> None:
    doc = Document(id="d", text="The storm passed. Three people died in the floods.")
    (claim,) = claimcheck.extract(doc)
    assert claim.context == "Three people died in the floods."
    assert claim.context_start == doc.text.index("Three")
    claim.check_against(doc)


def test_context_of_a_long_sentence_is_a_window_centred_on_the_claim() -> None:
    filler = "the river rose and the road closed and " * 20
    text = f"Officials said {filler}then 12 people were rescued and {filler}the rain stopped."
    doc = Document(id="d", text=text)
    (claim,) = claimcheck.extract(doc)
    assert len(claim.context) == CONTEXT_LIMIT
    claim.check_against(doc)
    middle = claim.context_start + CONTEXT_LIMIT // 2
    assert abs(middle - (claim.start + claim.end) // 2) <= 1


def test_context_stays_inside_the_text_at_its_edges() -> None:
    filler = "and the water kept rising " * 30
    for text in (f"12 people were rescued {filler}.", f"Officials said {filler} 12 people"):
        doc = Document(id="d", text=text)
        (claim,) = claimcheck.extract(doc)
        assert len(claim.context) == CONTEXT_LIMIT
        claim.check_against(doc)


def test_json_output_is_linear_in_claims_not_sentence_length() -> None:
    # 20 KB of grouped figures and no sentence break: each claim carries a bounded context
    text = " ".join(f"{n:,}" for n in range(1000, 3500))
    report = claimcheck.check([Document(id="d", text=text)])
    assert len(report.claims) > 100
    assert len(report.to_json()) < 1000 * len(report.claims)


def test_location_and_date_attach() -> None:
    doc = Document(id="d", text="On Tuesday, 5 people were injured in Lviv.",
                   published=dt.date(2025, 8, 21))
    (claim,) = claimcheck.extract(doc)
    assert claim.location == "Lviv"
    assert claim.date == dt.date(2025, 8, 19)


def test_spanish_document() -> None:
    doc = Document(id="d", text="Al menos 62 personas murieron en Paiporta.", language="es")
    (claim,) = claimcheck.extract(doc)
    assert (claim.value, claim.qualifier) == (62, "at_least")


def test_empty_and_blank_documents() -> None:
    assert claimcheck.extract("") == []
    assert claimcheck.extract(" \n\n\t ") == []


# ---------------------------------------------------------------- properties


def _check_claims(doc: Document, claims: list[Claim]) -> None:
    assert len({c.id for c in claims}) == len(claims)
    for claim in claims:
        assert claim.doc == doc.id
        assert doc.text[claim.start : claim.end] == claim.text
        claim.check_against(doc)
        assert claim.start < claim.end
        if claim.low is not None:
            assert claim.low <= claim.value
        if claim.high is not None:
            assert claim.value <= claim.high
        assert claim.ratio_of is None or claim.ratio_of in {c.id for c in claims}


@given(unicode_text, languages)
def test_spans_slice_back_for_arbitrary_text(text: str, lang: str) -> None:
    doc = Document(id="u", text=text, language=lang)
    _check_claims(doc, claimcheck.extract(doc))


@given(number_text, languages)
def test_spans_slice_back_for_number_fragments(text: str, lang: str) -> None:
    doc = Document(id="n", text=text, language=lang, published=dt.date(2025, 8, 21))
    _check_claims(doc, claimcheck.extract(doc))
