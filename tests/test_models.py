"""models: frozen records that round-trip through JSON and reject broken invariants."""

from __future__ import annotations

import datetime as dt
import json
import typing
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from claimcheck import models
from claimcheck.models import (
    CONTEXT_LIMIT,
    Alignment,
    Check,
    Claim,
    ClaimGroup,
    Diagnostic,
    Discrepancy,
    Document,
    Estimate,
    FiniteFloat,
)


def _claim(**changes: Any) -> Claim:
    data: dict[str, Any] = {
        "id": "d:c1", "doc": "d", "start": 10, "end": 20, "text": "597 drones", "value": 597.0,
        "low": 597.0, "high": 597.0, "qualifier": "exact", "entity": "drone",
        "measure": "launched", "location": "Ukraine", "date": dt.date(2025, 7, 12),
        "date_precision": "day", "speaker": "the president",
    }
    data.update(changes)
    return Claim(**data)


def _group() -> ClaimGroup:
    gap = Discrepancy(claims=("a:c1", "b:c2"), kind="tension", abs_diff=103.0, rel_diff=0.1725,
                      explanation="597 vs up to 700")
    return ClaimGroup(
        id="g1", about="drone launched · Ukraine · 2025-07-12", claims=["a:c1", "b:c2"],
        verdict="conflict", discrepancies=[gap],
        estimate=Estimate(low=0.0, best=597.0, high=700.0, rule="span"),
        alignment=Alignment(features={"measure": "launched"}, score=80.0),
    )


RECORDS: list[BaseModel] = [
    Document(id="d", text="Some text.", source="Wire", url="https://example.org/a",
             published=dt.datetime(2025, 7, 12, 9, 30, tzinfo=dt.timezone.utc)),
    Document(id="e", text="", published=dt.date(2025, 7, 12), language="es"),
    _claim(),
    _claim(qualifier="at_least", high=None, hedge="at least", text="at least 597",
           end=22, kind="count"),
    _claim(qualifier="at_most", low=0.0, high=700.0, value=700.0),
    _claim(context="Overnight 597 drones were launched.", context_start=0),
    _group(),
    ClaimGroup(id="g2", about="zero", claims=["a:c1", "b:c2"], verdict="conflict",
               discrepancies=[Discrepancy(claims=("a:c1", "b:c2"), kind="contradiction",
                                          abs_diff=4.0, rel_diff=None,
                                          explanation="no relative gap: one figure is zero")]),
    Check(rule="part <= whole", claims=["a:c1", "a:c2"], passed=True, explanation="72 of 99"),
    Diagnostic(code="bad-json", message="not a JSON object", where="docs.jsonl:3"),
]


# ---------------------------------------------------------------- JSON


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: type(r).__name__)
def test_json_round_trip(record: BaseModel) -> None:
    again = type(record).model_validate_json(record.model_dump_json())
    assert again == record


@pytest.mark.parametrize("model", [Document, Claim, ClaimGroup, Diagnostic])
def test_json_schema_exports(model: type[BaseModel]) -> None:
    schema = model.model_json_schema()
    json.dumps(schema)  # plain JSON
    assert schema["type"] == "object"
    assert set(schema["required"]) <= set(schema["properties"])


def test_claim_schema_names_the_evidence_fields() -> None:
    schema = Claim.model_json_schema()
    for name in ("doc", "start", "end", "text", "value", "low", "high", "qualifier"):
        assert name in schema["required"] or name in schema["properties"]
    assert set(schema["properties"]["qualifier"]["enum"]) == {
        "exact", "approximate", "at_least", "more_than", "at_most", "less_than", "range", "vague"
    }


finite = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12)


@given(
    start=st.integers(0, 10_000),
    text=st.text(min_size=0, max_size=30),
    values=st.lists(finite, min_size=3, max_size=3).map(sorted),
    qualifier=st.sampled_from(["exact", "range", "at_least", "at_most"]),
    unbounded=st.booleans(),
)
def test_claim_json_round_trip_property(
    start: int, text: str, values: list[float], qualifier: str, unbounded: bool
) -> None:
    low, value, high = values
    claim = _claim(start=start, end=start + len(text), text=text, low=low, value=value,
                   high=None if unbounded else high, qualifier=qualifier)
    assert Claim.model_validate_json(claim.model_dump_json()) == claim


# ---------------------------------------------------------------- frozen and strict


def test_records_are_frozen() -> None:
    claim = _claim()
    with pytest.raises(ValidationError):
        claim.value = 1.0  # type: ignore[misc]
    doc = RECORDS[0]
    with pytest.raises(ValidationError):
        doc.text = "changed"  # type: ignore[attr-defined]


def test_unknown_fields_are_rejected() -> None:
    with pytest.raises(ValidationError):
        Document(id="d", text="x", title="not a field")  # type: ignore[call-arg]


def test_document_needs_an_id() -> None:
    with pytest.raises(ValidationError):
        Document(id="", text="x")


# ---------------------------------------------------------------- invariants


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"end": 15}, id="span-shorter-than-text"),
        pytest.param({"start": 11}, id="span-start-moved"),
        pytest.param({"text": "597 drones!"}, id="text-longer-than-span"),
        pytest.param({"low": 600.0}, id="low-above-value"),
        pytest.param({"high": 500.0}, id="high-below-value"),
        pytest.param({"value": float("inf"), "high": None}, id="infinite-value"),
        pytest.param({"low": float("nan")}, id="nan-low"),
        pytest.param({"start": -1, "end": 9}, id="negative-start"),
        pytest.param({"qualifier": "maybe"}, id="unknown-qualifier"),
    ],
)
def test_broken_claims_are_rejected(changes: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        _claim(**changes)


def test_check_against_its_document() -> None:
    doc = Document(id="d", text="Overnight 597 drones were launched.")
    claim = _claim(start=10, end=20)
    claim.check_against(doc)
    with pytest.raises(ValueError, match="does not point into"):
        _claim(start=0, end=10, text="597 drones").check_against(doc)
    with pytest.raises(ValueError):
        claim.check_against(doc.model_copy(update={"id": "other"}))


# ---------------------------------------------------------------- time


def test_naive_datetime_becomes_utc() -> None:
    doc = Document(id="d", text="x", published=dt.datetime(2025, 7, 12, 9, 30))
    assert isinstance(doc.published, dt.datetime)
    assert doc.published.tzinfo is not None
    assert doc.published.utcoffset() == dt.timedelta(0)
    assert doc.published.hour == 9


def test_naive_iso_string_becomes_utc() -> None:
    doc = Document.model_validate_json('{"id": "d", "text": "x", "published": "2025-07-12T09:30"}')
    assert isinstance(doc.published, dt.datetime)
    assert doc.published.utcoffset() == dt.timedelta(0)


def test_aware_datetime_keeps_its_zone_and_day() -> None:
    kyiv = dt.timezone(dt.timedelta(hours=3))
    doc = Document(id="d", text="x", published=dt.datetime(2025, 7, 12, 1, 0, tzinfo=kyiv))
    assert doc.published.utcoffset() == dt.timedelta(hours=3)  # type: ignore[union-attr]
    assert doc.published_day == dt.date(2025, 7, 12)


def test_date_only_publication() -> None:
    doc = Document(id="d", text="x", published="2025-07-12")
    assert doc.published_day == dt.date(2025, 7, 12)
    assert Document(id="d", text="x").published_day is None


def test_date_only_string_is_a_date_in_both_modes() -> None:
    record = {"id": "d", "text": "x", "published": "2025-07-12"}
    assert Document.model_validate_json(json.dumps(record)).published == dt.date(2025, 7, 12)
    assert Document.model_validate(record).published == dt.date(2025, 7, 12)


# ---------------------------------------------------------------- finite numbers


def _float_fields() -> list[tuple[str, str, Any]]:
    """(record, field, annotation) for every field of every record that can hold a float."""
    out = []
    for name in dir(models):
        record = getattr(models, name)
        if isinstance(record, type) and issubclass(record, BaseModel) and record is not BaseModel:
            hints = typing.get_type_hints(record, include_extras=True)
            for field in record.model_fields:
                if "float" in str(hints[field]):
                    out.append((name, field, hints[field]))
    return out


def test_every_float_field_of_every_record_is_a_finite_float() -> None:
    fields = _float_fields()
    assert {(r, f) for r, f, _ in fields} >= {
        ("Claim", "value"), ("Discrepancy", "rel_diff"), ("Estimate", "best"),
        ("Alignment", "score"), ("Alignment", "scores")}
    for record, field, hint in fields:
        if (record, field) == ("Document", "extra"):
            continue  # the input's own fields, kept as read (not claimcheck's numbers)
        text = str(hint).replace("typing.", "")
        # every float in the annotation is the one shared FiniteFloat (Annotated + validator)
        assert text.count("float") == text.count("Annotated[float, AfterValidator("), (record, field)
    assert str(FiniteFloat).count("AfterValidator") == 1


@pytest.mark.parametrize("bad", [float("inf"), float("-inf"), float("nan")])
@pytest.mark.parametrize(
    "build",
    [
        lambda x: Discrepancy(claims=("a", "b"), kind="tension", abs_diff=x, rel_diff=0.1,
                              explanation="e"),
        lambda x: Discrepancy(claims=("a", "b"), kind="tension", abs_diff=1.0, rel_diff=x,
                              explanation="e"),
        lambda x: Estimate(low=None, best=x, high=None, rule="r"),
        lambda x: Estimate(low=x, best=1.0, high=None, rule="r"),
        lambda x: Alignment(features={}, scores={"date": x}, score=1.0),
        lambda x: Alignment(features={}, score=x),
        lambda x: _claim(high=x),
    ],
    ids=["abs_diff", "rel_diff", "best", "low", "scores", "score", "claim-high"],
)
def test_no_record_holds_an_infinite_or_nan_number(build: Any, bad: float) -> None:
    with pytest.raises(ValidationError, match="finite number"):
        build(bad)


def test_a_relative_gap_may_be_null() -> None:
    gap = Discrepancy(claims=("a", "b"), kind="contradiction", abs_diff=4.0, rel_diff=None,
                      explanation="no relative gap: one figure is zero")
    assert json.loads(gap.model_dump_json())["rel_diff"] is None


# ---------------------------------------------------------------- context


def test_context_must_hold_the_span_within_the_limit() -> None:
    _claim(context="x" * 20, context_start=5)  # span 10:20 inside 5:25
    with pytest.raises(ValidationError, match="context"):
        _claim(context="x" * 20, context_start=11)  # starts after the span
    with pytest.raises(ValidationError, match="context"):
        _claim(context="x" * (CONTEXT_LIMIT + 1), context_start=0)
    with pytest.raises(ValidationError):
        _claim(context="x" * 20, context_start=-1)


def test_check_against_checks_the_context_too() -> None:
    doc = Document(id="d", text="Overnight 597 drones were launched.")
    _claim(context=doc.text, context_start=0).check_against(doc)
    with pytest.raises(ValueError, match="context"):
        _claim(context="Overnight 597 drones were fired.", context_start=0).check_against(doc)


def test_records_given_the_same_fields_share_one_set_of_their_names() -> None:
    # a run holds millions of claims: one set of names for all, not one per claim
    a = _claim()
    b = _claim(id="d:c2", start=30, end=40, text="610 drones", value=610.0, low=610.0,
               high=610.0)
    assert a.model_fields_set is b.model_fields_set
    c = a.model_copy(update={"hedge": "about"})
    assert "hedge" in c.model_fields_set and "hedge" not in a.model_fields_set
    assert Claim.model_validate_json(c.model_dump_json()) == c
