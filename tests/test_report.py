"""report: one run's documents, claims, groups and diagnostics, in JSON, Markdown, text, HTML."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any

import pytest

import claimcheck
from claimcheck import Document, Report
from claimcheck.errors import OptionalDependencyError
from claimcheck.models import Diagnostic

PRESIDENT = Document(
    id="a", source="Wire | A", published=dt.datetime(2025, 7, 12, 9, tzinfo=dt.timezone.utc),
    text="Overnight, 597 drones and 26 missiles were launched at Ukraine, the president said.",
)
ESTIMATES = Document(
    id="b", source="<Paper B>", published=dt.datetime(2025, 7, 12, 11, tzinfo=dt.timezone.utc),
    text="Estimates suggest that up to 30 missiles and 700 drones were launched at Ukraine.",
)
REJECTED = Diagnostic(code="bad-json", message="not a JSON object", where="docs.jsonl:3")


@pytest.fixture(scope="module")
def report() -> Report:
    return claimcheck.check([PRESIDENT, ESTIMATES], diagnostics=[REJECTED])


def _strict(text: str) -> Any:
    def refuse(name: str) -> None:
        raise AssertionError(f"{name} is not JSON")

    return json.loads(text, parse_constant=refuse)


def test_json_contract(report: Report) -> None:
    data = _strict(report.to_json())
    assert list(data) == ["claims", "groups", "checks", "documents", "diagnostics"]
    first = data["claims"][0]
    assert list(first)[:10] == ["id", "doc", "start", "end", "text", "value", "low", "high",
                                "qualifier", "unit"]
    assert {d["id"]: d["status"] for d in data["documents"]} == {"a": "processed",
                                                                 "b": "processed"}
    assert data["documents"][0]["published"] == "2025-07-12T09:00:00+00:00"
    assert data["diagnostics"] == [REJECTED.model_dump(mode="json")]
    assert _strict(report.to_json(indent=2)) == data


def test_open_bounds_are_null_not_infinity(report: Report) -> None:
    data = _strict(report.to_json())
    up_to = next(c for c in data["claims"] if c["text"] == "up to 30 missiles")
    assert (up_to["low"], up_to["high"]) == (0, 30)
    extra = claimcheck.check(["At least 14 people were injured in Lviv."])
    (claim,) = _strict(extra.to_json())["claims"]
    assert claim["high"] is None


def test_markdown(report: Report) -> None:
    md = report.to_markdown()
    assert md.startswith("# claimcheck report")
    assert "**conflict**" in md and "**tension**" in md
    assert "Wire \\| A" in md  # a pipe in a source does not break the table
    assert "## Input diagnostics" in md and "`docs.jsonl:3`" in md


def test_table(report: Report) -> None:
    table = report.to_table()
    assert "597 drones" in table and "tension" in table
    assert "! docs.jsonl:3: bad-json" in table
    assert table.rstrip().endswith("in conflict")


def test_html_is_escaped(report: Report) -> None:
    html = report._repr_html_()
    assert html.startswith('<div class="claimcheck">') and html.endswith("</div>")
    assert "&lt;Paper B&gt;" in html and "<Paper B>" not in html


def test_frame(report: Report) -> None:
    pd = pytest.importorskip("pandas")
    frame = report.to_frame()
    assert isinstance(frame, pd.DataFrame)
    assert len(frame) == len(report.claims)
    assert {"group", "verdict", "source"} <= set(frame.columns)
    assert set(frame["verdict"].dropna()) == {"conflict"}


@pytest.mark.parametrize("what", ["claims", "groups", "discrepancies"])
def test_frame_columns_are_typed(report: Report, what: str) -> None:
    pd = pytest.importorskip("pandas")
    frame = report.to_frame(what)
    rows = {"claims": report.claim_rows, "groups": report.group_rows,
            "discrepancies": report.discrepancy_rows}[what]()
    assert len(frame) == len(rows) and len(rows) > 0
    assert list(frame.columns) == list(type(rows[0]).model_fields)
    assert "object" not in set(frame.dtypes.astype(str))  # every column has a type
    assert pd.api.types.is_string_dtype(frame["about" if what != "claims" else "text"])
    empty = Report().to_frame(what)  # an empty report has the same typed columns
    assert list(empty.columns) == list(frame.columns)
    assert dict(empty.dtypes.astype(str)) == dict(frame.dtypes.astype(str))


def test_frame_dtypes(report: Report) -> None:
    pd = pytest.importorskip("pandas")
    claims = report.to_frame("claims")
    assert str(claims["start"].dtype) == "Int64" and str(claims["value"].dtype) == "Float64"
    assert str(claims["recalled"].dtype) == "boolean"
    assert isinstance(claims["qualifier"].dtype, pd.CategoricalDtype)
    assert "at_least" in claims["qualifier"].cat.categories  # every possible value, not seen ones
    assert pd.api.types.is_datetime64_any_dtype(claims["date"])
    assert str(claims["as_of"].dtype).endswith("UTC]")
    up_to = claims[claims["text"] == "up to 30 missiles"].iloc[0]
    assert up_to["high"] == 30 and up_to["low"] == 0
    assert claims["high"].isna().sum() == sum(c.high is None for c in report.claims)

    groups = report.to_frame("groups")
    assert str(groups["contradictions"].dtype) == "Int64"
    conflict = groups[groups["verdict"] == "conflict"]
    assert len(conflict) == sum(g.verdict == "conflict" for g in report.groups)
    assert (conflict["contradictions"] + conflict["tensions"] > 0).all()
    assert (groups["sources"] == 2).all()

    gaps = report.to_frame("discrepancies")
    assert set(gaps["kind"]) <= {"contradiction", "tension", "update"}
    drones = gaps[gaps["text_a"].str.contains("drones")].iloc[0]
    assert drones["abs_diff"] == 103 and drones["rel_diff"] == pytest.approx(0.1725, abs=1e-3)


def test_frame_refuses_an_unknown_table(report: Report) -> None:
    pytest.importorskip("pandas")
    with pytest.raises(ValueError, match="give one of 'claims', 'groups', 'discrepancies'"):
        report.to_frame("sources")  # type: ignore[arg-type]


def test_frame_without_pandas_names_the_extra(report: Report,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas raises ImportError
    with pytest.raises(OptionalDependencyError,
                       match=r"pip install 'claimcheck\[pandas\]'"):
        report.to_frame()


def test_an_empty_report() -> None:
    empty = Report()
    assert _strict(empty.to_json()) == {"claims": [], "groups": [], "checks": [],
                                        "documents": [], "diagnostics": []}
    assert "0 documents" in empty.to_markdown()
    assert empty._repr_html_().startswith('<div class="claimcheck">')


def test_claims_carry_a_context_that_slices_back(report: Report) -> None:
    data = _strict(report.to_json())
    assert "sentence" not in data["claims"][0]
    texts = {"a": PRESIDENT.text, "b": ESTIMATES.text}
    for claim in data["claims"]:
        start, context = claim["context_start"], claim["context"]
        assert texts[claim["doc"]][start : start + len(context)] == context
        assert start <= claim["start"] and claim["end"] <= start + len(context)


def test_the_quote_is_cut_around_the_figure() -> None:
    filler = "the convoy moved on through the valley and the rain did not stop " * 4
    docs = [Document(id=d, text=f"After a long night {filler}officials said {n} people died in "
                                f"Lviv on Monday and {filler}then the roads reopened.")
            for d, n in (("a", 12), ("b", 40))]
    report = claimcheck.check(docs)
    md = report.to_markdown()
    html = report._repr_html_()
    for n in (12, 40):
        quote = next(line for line in md.splitlines() if f"| {n} people |" in line)
        assert f"said {n} people died" in quote.rsplit("|", 2)[-2]
        assert f"said <mark>{n} people</mark> died" in html  # the page shows the whole quote
    assert "…" in md
