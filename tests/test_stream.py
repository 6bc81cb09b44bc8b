"""claimcheck.stream: `check_stream` writes, as the documents go by, the groups, verdicts,
discrepancies and checks `check()` reports on the same documents, and says so when it
cannot (a document read too late)."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck import Document, check
from claimcheck.cli import main
from claimcheck.errors import DuplicateDocumentError, InputError, InputTypeError
from claimcheck.io import iter_documents, read_documents
from claimcheck.models import Check, Diagnostic
from claimcheck.stream import StreamGroup, StreamItem, StreamOrderError, check_stream

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import corpus  # noqa: E402

CORPUS = Path(os.environ.get("CLAIMCHECK_CORPUS",
                             Path(__file__).resolve().parents[2] / "shared" / "corpus"))
DEV_CASES = sorted(CORPUS.glob("*/docs.jsonl")) if CORPUS.is_dir() else []

# made-up towns, tolls and outlets: three events weeks apart, each reported over three days
# by several outlets whose figures agree, grow or contradict, and a country's toll beside
# one of its towns' (a structural check)
_EVENTS = [
    (dt.date(2025, 3, 3), "Leeds", "people died in floods", [12, 12, 14, 15, 30]),
    (dt.date(2025, 3, 4), "Porto", "workers were injured in a factory fire", [40, 42, 42, 90]),
    (dt.date(2025, 4, 14), "Graz", "passengers were killed in a bus crash", [7, 7, 9, 21]),
    (dt.date(2025, 5, 26), "Leeds", "people died in a storm", [3, 3, 4]),
]
_OUTLETS = ["Harbour Post", "Valley Courier", "Metro Daily", "The Ledger", "Evening Star"]


def _documents() -> list[Document]:
    docs = []
    for e, (day, town, what, figures) in enumerate(_EVENTS):
        for n, figure in enumerate(figures):
            published = dt.datetime.combine(day + dt.timedelta(days=n // 2), dt.time(8 + 3 * n),
                                            tzinfo=dt.timezone.utc)
            docs.append(Document(
                id=f"e{e}-{n}", source=_OUTLETS[n], published=published, language="en",
                text=f"Officials in {town} said on Monday that {figure} {what}. "
                     f"{figure // 2 + 1} of them were taken to hospital, the {_OUTLETS[n]} said."))
    for n, toll in enumerate((11, 11)):
        docs.append(Document(id=f"uk-{n}", source="Wire", language="en",
                             published=dt.datetime(2025, 3, 4, 20 + n, tzinfo=dt.timezone.utc),
                             text=f"Officials in the United Kingdom said on Monday that {toll} "
                             "people died in floods."))
    return sorted(docs, key=lambda d: (str(d.published), d.id))


def _from_check(docs: Sequence[Document]) -> dict[str, Any]:
    report = check(docs)
    return _canonical([g for g in report.groups], report.checks)


def _canonical(groups: Sequence[Any], checks: Sequence[Check]) -> dict[str, Any]:
    """Groups by their claim ids (numbering aside) with verdict, discrepancies and estimate;
    checks by rule, claims and outcome."""
    return {
        "groups": sorted((sorted(g.claims), g.verdict,
                          sorted((d.kind, list(d.claims), d.abs_diff) for d in g.discrepancies),
                          json.dumps(g.estimate.model_dump() if g.estimate else None,
                                     sort_keys=True)) for g in groups),
        "checks": sorted((c.rule, sorted(c.claims), c.passed) for c in checks),
    }


def _from_stream(items: Sequence[StreamItem]) -> dict[str, Any]:
    return _canonical([i.group for i in items if isinstance(i, StreamGroup)],
                      [i for i in items if isinstance(i, Check)])


def _late(items: Sequence[StreamItem]) -> list[Diagnostic]:
    return [i for i in items if isinstance(i, Diagnostic) and i.code.startswith("stream-")]


def test_the_stream_reports_what_check_reports() -> None:
    docs = _documents()
    items = list(check_stream(docs, horizon_days=3))
    expected = _from_check(docs)
    assert _from_stream(items) == expected
    assert any(g[1] == "conflict" for g in expected["groups"])
    assert expected["checks"]  # the country's toll against its town's
    assert not _late(items)


def test_groups_are_written_before_the_stream_ends_and_numbered_as_written() -> None:
    docs = _documents()
    pulled: list[str] = []

    def source() -> Iterator[Document]:
        for doc in docs:
            pulled.append(doc.id)
            yield doc

    seen_at: list[int] = []
    ids = []
    for item in check_stream(source(), horizon_days=3):
        if isinstance(item, StreamGroup):
            seen_at.append(len(pulled))
            ids.append(item.group.id)
            assert {c.id for c in item.claims} == set(item.group.claims)
    assert ids == [f"s{n}" for n in range(1, len(ids) + 1)]
    # the March events are settled while April's documents are read, not at the end
    assert seen_at[0] < len(docs)


@pytest.mark.parametrize("seed", range(4))
def test_any_order_within_the_horizon_gives_the_same_results(seed: int) -> None:
    """Documents a day or two out of publication order (a wire delivering late) change
    nothing: the stream keeps what a lagging document may still join."""
    docs = _documents()
    rng = random.Random(seed)
    jittered = sorted(docs, key=lambda d: (d.published.timestamp()  # type: ignore[union-attr]
                                           + rng.uniform(0, 2 * 86400)))
    items = list(check_stream(jittered, horizon_days=3))
    assert _from_stream(items) == _from_check(docs)
    assert not _late(items)


@given(st.randoms(use_true_random=False))
def test_shuffling_each_day_gives_the_same_results(rng: random.Random) -> None:
    docs = _documents()
    by_day: dict[object, list[Document]] = {}
    for doc in docs:
        by_day.setdefault(doc.published.date(), []).append(doc)  # type: ignore[union-attr]
    shuffled = []
    for day in sorted(by_day):  # type: ignore[type-var]
        rng.shuffle(by_day[day])
        shuffled += by_day[day]
    assert _from_stream(list(check_stream(shuffled, horizon_days=1))) == _from_check(docs)


@pytest.mark.parametrize("seed", [5, 6])
def test_a_generated_stream_over_years_matches_check(seed: int) -> None:
    docs = sorted(corpus.batch(300, seed), key=lambda d: (str(d.published), d.id))
    items = list(check_stream(docs))
    assert _from_stream(items) == _from_check(docs)
    assert sum(isinstance(i, StreamGroup) for i in items) > 10


@pytest.mark.skipif(not DEV_CASES, reason="no dev corpus: set CLAIMCHECK_CORPUS to its folder")
@pytest.mark.parametrize("case", DEV_CASES, ids=lambda p: p.parent.name)
def test_every_dev_case_streams_to_what_check_reports(case: Path) -> None:
    docs = [Document.model_validate_json(line) for line in case.read_text("utf-8").splitlines()
            if line.strip()]
    docs.sort(key=lambda d: (str(d.published), d.id))
    assert _from_stream(list(check_stream(docs, horizon_days=2))) == _from_check(docs)


def test_a_document_read_after_its_group_was_written_is_named_never_lost() -> None:
    docs = _documents()
    late = next(d for d in docs if d.id == "e0-4")  # Leeds, 30 dead, read in April
    rest = [d for d in docs if d is not late]
    at = next(i for i, d in enumerate(rest) if d.id.startswith("e2-"))
    stream = [*rest[: at + 1], (late, "wire.jsonl:7"), *rest[at + 1 :]]
    items = list(check_stream(stream, horizon_days=3))
    said = _late(items)
    assert said and said[0].code == "stream-late" and said[0].where == "wire.jsonl:7"
    assert said[0].document == "e0-4" and said[0].action == "processed"
    leeds = next(i.group.id for i in items if isinstance(i, StreamGroup)
                 and any(c.startswith("e0-") for c in i.group.claims))
    assert f"(groups {leeds}" in said[0].message  # the group it belonged with, already written
    with pytest.raises(StreamOrderError, match="wire.jsonl:7.*'e0-4'"):
        list(check_stream(stream, horizon_days=3, strict=True))
    # a horizon long enough takes it as check() does
    assert _from_stream(list(check_stream(stream, horizon_days=60))) == _from_check(docs)


def test_input_problems_are_passed_on_and_ids_must_be_unique() -> None:
    problem = Diagnostic(code="bad-json", message="not a JSON object", where="a.jsonl:2")
    items = list(check_stream([problem, "In Leeds, 5 people died.", {"text": "No figure."}]))
    assert items[0] == problem
    with pytest.raises(DuplicateDocumentError, match="'x'"):
        list(check_stream([Document(id="x", text="a"), Document(id="x", text="b")]))
    with pytest.raises(InputError, match="horizon_days"):
        list(check_stream([], horizon_days=-1))
    with pytest.raises(InputTypeError, match="iter_documents"):
        list(check_stream("wire.jsonl"))


def test_a_batch_read_whole_is_taken_in_publication_order(tmp_path: Path) -> None:
    docs = _documents()
    path = tmp_path / "wire.jsonl"
    _write(path, docs[::-1])  # newest first, and a bad last line
    items = list(check_stream(read_documents(path), horizon_days=3))
    assert _from_stream(items) == _from_check(docs)
    assert [d.code for d in items if isinstance(d, Diagnostic)] == ["bad-json"]


def test_a_document_with_no_date_waits_for_the_end() -> None:
    docs = [Document(id="a", text="In Leeds, 5 people died in floods.", language="en"),
            Document(id="b", text="In Leeds, 9 people died in floods.", language="en")]
    items = list(check_stream(docs))
    assert [d.code for d in _late(items)] == ["stream-undated", "stream-undated"]
    assert _from_stream(items) == _from_check(docs)


# ---------------------------------------------------------------- reading and the CLI


def test_iter_documents_reads_a_line_at_a_time_and_names_each_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text('{"id": "a", "text": "5 died."}\n\nnot json\n{"text": "7 died."}\n', "utf-8")
    items = list(iter_documents(path))
    assert isinstance(items[0], tuple) and items[0][0].id == "a" and items[0][1] == f"{path}:1"
    assert isinstance(items[1], Diagnostic) and items[1].where == f"{path}:3"
    assert isinstance(items[2], tuple) and items[2][0].id == "wire-4"


def test_iter_documents_reads_utf16_whole_and_other_files_as_read_documents(tmp_path: Path) -> None:
    (tmp_path / "u.jsonl").write_bytes('{"id": "u", "text": "5 died."}\n'.encode("utf-16"))
    (tmp_path / "t.txt").write_text("published: 2025-03-01\n\nIn Leeds, 5 died.", "utf-8")
    (tmp_path / "empty.jsonl").write_text("\n", "utf-8")
    items = list(iter_documents(tmp_path))
    docs = {i[0].id: i for i in items if isinstance(i, tuple)}
    assert set(docs) == {"u", "t"}
    assert [i.code for i in items if isinstance(i, Diagnostic)] == ["empty-file"]


def _write(path: Path, docs: Sequence[Document]) -> None:
    path.write_text("".join(d.model_dump_json() + "\n" for d in docs) + "{oops\n", "utf-8")


def test_cli_stream_writes_json_lines_of_groups_checks_and_diagnostics(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = _documents()
    path = tmp_path / "wire.jsonl"
    _write(path, docs)
    assert main(["check", "--stream", "--horizon", "3", "--format", "jsonl", str(path)]) == 0
    out, err = capsys.readouterr()
    lines = [json.loads(line) for line in out.splitlines()]
    assert {line["type"] for line in lines} == {"group", "check", "diagnostic"}
    groups = [line for line in lines if line["type"] == "group"]
    assert sorted(sorted(g["claims"]) for g in groups) == \
        sorted(sorted(g.claims) for g in check(docs).groups)
    assert all([m["id"] for m in g["members"]] == g["claims"] for g in groups)
    assert f"{path}:{len(docs) + 1}: bad-json" in err


def test_cli_stream_fails_on_a_bad_line_under_on_error_fail(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "wire.jsonl"
    _write(path, _documents()[:2])
    assert main(["check", "--stream", "--format", "jsonl", "--on-error", "fail", str(path)]) == 1
    assert "bad-json" in capsys.readouterr().err


@pytest.mark.parametrize("extra", [["--format", "json"], ["--format", "jsonl", "--jobs", "2"],
                                   ["--format", "jsonl", "--what", "claims"]])
def test_cli_stream_refuses_what_it_cannot_write(tmp_path: Path, extra: list[str],
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "wire.jsonl"
    _write(path, [])
    with pytest.raises(SystemExit) as exc:
        main(["check", "--stream", *extra, str(path)])
    assert exc.value.code == 2
    assert "--stream" in capsys.readouterr().err


def test_cli_horizon_needs_stream(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "wire.jsonl"
    _write(path, [])
    with pytest.raises(SystemExit) as exc:
        main(["check", "--horizon", "3", str(path)])
    assert exc.value.code == 2
    assert "--horizon applies to --stream" in capsys.readouterr().err
