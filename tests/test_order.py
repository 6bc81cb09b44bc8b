"""Order independence: a report is a function of the set of documents, never of their order
in the input or of their ids. Time comes from publication times and the texts alone."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimcheck
from claimcheck import Document, Report

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
# the dev cases, where the shared evaluation suite is checked out beside the repository
CORPUS = Path(os.environ.get("CLAIMCHECK_CORPUS",
                             Path(__file__).resolve().parents[2] / "shared" / "corpus"))
DEV_CASES = sorted(CORPUS.glob("*/docs.jsonl")) if CORPUS.is_dir() else []


def _renamed(docs: list[Document], seed: int) -> tuple[list[Document], dict[str, str]]:
    """The documents shuffled and given new ids (in another sort order); the id map back."""
    rng = random.Random(seed)
    shuffled = docs[:]
    rng.shuffle(shuffled)
    names = [f"r{rng.randrange(10**6):06d}-{i}" for i in range(len(docs))]
    rng.shuffle(names)
    back = {new: d.id for new, d in zip(names, shuffled, strict=True)}
    return [d.model_copy(update={"id": new}) for new, d in zip(names, shuffled, strict=True)], back


def _canonical(report: Report, back: dict[str, str] | None = None) -> dict[str, Any]:
    """The report with document ids mapped back and lists sorted: what must not change."""
    back = back or {}

    def cid(claim_id: str) -> str:
        doc, _, rest = claim_id.rpartition(":")
        return f"{back.get(doc, doc)}:{rest}"

    data = report.to_dict()
    claims = sorted(({**c, "id": cid(c["id"]), "doc": back.get(c["doc"], c["doc"])}
                     for c in data["claims"]), key=lambda c: c["id"])
    groups = []
    for g in data["groups"]:
        found = sorted((sorted(map(cid, d["claims"])) if d["kind"] != "update"
                        else list(map(cid, d["claims"])), d["kind"], d["abs_diff"], d["rel_diff"])
                       for d in g["discrepancies"])
        groups.append((sorted(map(cid, g["claims"])), g["verdict"], found,
                       json.dumps(g["estimate"], sort_keys=True)))
    return {"claims": claims, "groups": sorted(groups)}


def _read_jsonl(path: Path) -> list[Document]:
    return [Document.model_validate_json(line) for line in path.read_text("utf-8").splitlines()
            if line.strip()]


@pytest.mark.parametrize("seed", [1, 2])
def test_the_bundled_examples_give_one_report_in_any_order_and_under_any_ids(seed: int) -> None:
    docs = _read_jsonl(EXAMPLES / "flood-toll.jsonl")
    renamed, back = _renamed(docs, seed)
    assert _canonical(claimcheck.check(renamed), back) == _canonical(claimcheck.check(docs))


@pytest.mark.skipif(not DEV_CASES, reason="no dev corpus: set CLAIMCHECK_CORPUS to its folder")
@pytest.mark.parametrize("case", DEV_CASES, ids=lambda p: p.parent.name)
def test_every_dev_case_gives_one_report_in_any_order_and_under_any_ids(case: Path) -> None:
    docs = _read_jsonl(case)
    expected = _canonical(claimcheck.check(docs))
    for seed in (7, 8):
        renamed, back = _renamed(docs, seed)
        assert _canonical(claimcheck.check(renamed), back) == expected


def test_the_report_lists_documents_and_claims_the_same_way_in_any_order() -> None:
    docs = _read_jsonl(EXAMPLES / "flood-toll.jsonl")
    forward, backward = claimcheck.check(docs), claimcheck.check(docs[::-1])
    assert forward.to_json() == backward.to_json()


# ---------------------------------------------------------------- two reports of one day

DAY = dt.date(2025, 7, 12)


def _died(doc_id: str, figure: int, speaker: str | None = None) -> Document:
    said = f", {speaker} said" if speaker else ""
    return Document(id=doc_id, text=f"In Lisbon, {figure} people died in the fire{said}.",
                    published=DAY)


def _verdicts(docs: list[Document]) -> list[tuple[str, list[str]]]:
    return [(g.verdict, [d.kind for d in g.discrepancies]) for g in claimcheck.check(docs).groups]


def test_two_reports_of_one_day_without_hours_read_as_a_growing_count_in_either_order() -> None:
    ten, twelve = _died("x", 10), _died("y", 12)
    assert _verdicts([ten, twelve]) == _verdicts([twelve, ten]) == [("evolving", ["update"])]
    (group,) = claimcheck.check([twelve, ten]).groups
    assert group.discrepancies[0].claims == ("x:c1", "y:c1")  # the lower figure is the earlier


def test_one_speakers_statement_reported_with_two_figures_is_a_conflict_in_either_order() -> None:
    ten, twelve = _died("x", 10, "the mayor"), _died("y", 12, "the mayor")
    assert _verdicts([ten, twelve]) == _verdicts([twelve, ten]) == [
        ("conflict", ["contradiction"])]


def test_an_hour_in_the_publication_time_orders_two_reports_of_one_day() -> None:
    early = Document(id="z", text="In Lisbon, 12 people died in the fire.",
                     published=dt.datetime(2025, 7, 12, 8, tzinfo=dt.timezone.utc))
    late = Document(id="a", text="In Lisbon, 10 people died in the fire.",
                    published=dt.datetime(2025, 7, 12, 18, tzinfo=dt.timezone.utc))
    assert _verdicts([early, late]) == _verdicts([late, early]) == [
        ("conflict", ["contradiction"])]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=400), min_size=2, max_size=5),
       st.randoms(use_true_random=False))
def test_any_permutation_of_same_day_reports_gives_the_same_groups(
        figures: list[int], rng: random.Random) -> None:
    docs = [_died(f"d{i}", n) for i, n in enumerate(figures)]
    shuffled = docs[:]
    rng.shuffle(shuffled)
    assert _canonical(claimcheck.check(shuffled)) == _canonical(claimcheck.check(docs))


# ---------------------------------------------------------------- copies of a report


def _conflicts(report: Report, back: dict[str, str] | None = None) -> set[tuple[str, ...]]:
    back = back or {}
    found = set()
    for g in report.groups:
        for d in g.discrepancies:
            if d.kind != "update":
                pair = sorted(f"{back.get(c.rpartition(':')[0], c.rpartition(':')[0])}:"
                              f"{c.rpartition(':')[2]}" for c in d.claims)
                if pair[0] != pair[1]:
                    found.add(tuple(pair))
    return found


def _with_copy(docs: list[Document], index: int) -> tuple[list[Document], dict[str, str]]:
    original = docs[index]
    copy = original.model_copy(update={"id": f"{original.id}-copy"})
    return [*docs, copy], {copy.id: original.id}


def test_a_copy_of_a_report_under_another_id_adds_no_conflict() -> None:
    docs = _read_jsonl(EXAMPLES / "flood-toll.jsonl")
    expected = _conflicts(claimcheck.check(docs))
    for i in range(len(docs)):
        with_copy, back = _with_copy(docs, i)
        assert _conflicts(claimcheck.check(with_copy), back) <= expected


@pytest.mark.skipif(not DEV_CASES, reason="no dev corpus: set CLAIMCHECK_CORPUS to its folder")
@pytest.mark.parametrize("case", DEV_CASES, ids=lambda p: p.parent.name)
def test_a_copy_of_any_dev_report_adds_no_conflict(case: Path) -> None:
    docs = _read_jsonl(case)
    expected = _conflicts(claimcheck.check(docs))
    for i in range(len(docs)):
        with_copy, back = _with_copy(docs, i)
        assert _conflicts(claimcheck.check(with_copy), back) <= expected, docs[i].id


def test_an_update_between_unordered_reports_says_it_rests_on_the_growing_count() -> None:
    (group,) = claimcheck.check([_died("x", 10), _died("y", 12)]).groups
    assert "no time in the texts orders them" in group.discrepancies[0].explanation


# ---------------------------------------------------------------- who says it


@pytest.mark.parametrize(("speaker", "renamed"), [("Interior Ministry", "Home Office"),
                                                  ("mayor", "first citizen")])
def test_renaming_a_speaker_in_every_report_keeps_the_groups(speaker: str, renamed: str) -> None:
    docs = _read_jsonl(EXAMPLES / "flood-toll.jsonl")
    assert any(speaker in d.text for d in docs)
    renamed_docs = [d.model_copy(update={"text": d.text.replace(speaker, renamed)}) for d in docs]

    def groups(report: Report) -> list[tuple[list[str], str]]:
        return sorted((sorted(g.claims), g.verdict) for g in report.groups)

    assert groups(claimcheck.check(renamed_docs)) == groups(claimcheck.check(docs))
