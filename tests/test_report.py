"""report: one run's documents, claims, groups and diagnostics, in JSON, Markdown, text, HTML."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

import claimcheck
from claimcheck import Document, Report
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
    assert html.startswith("<table>") and html.endswith("</table>")
    assert "&lt;Paper B&gt;" in html and "<Paper B>" not in html


def test_frame(report: Report) -> None:
    pd = pytest.importorskip("pandas")
    frame = report.to_frame()
    assert isinstance(frame, pd.DataFrame)
    assert len(frame) == len(report.claims)
    assert {"group", "verdict", "source"} <= set(frame.columns)
    assert set(frame["verdict"].dropna()) == {"conflict"}


def test_an_empty_report() -> None:
    empty = Report()
    assert _strict(empty.to_json()) == {"claims": [], "groups": [], "checks": [],
                                        "documents": [], "diagnostics": []}
    assert "0 documents" in empty.to_markdown()
    assert empty._repr_html_().startswith("<table>")


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
        assert f"said {n} people died" in html
    assert "…" in md
