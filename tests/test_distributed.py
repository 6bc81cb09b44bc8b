"""claimcheck.parallel: a run split over processes, DataFrame partitions or a Dask cluster
reports exactly what the one-process `check()` reports on the same documents."""

from __future__ import annotations

import faulthandler
import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimcheck import Report, check
from claimcheck.cli import main
from claimcheck.errors import DuplicateDocumentError, InputError
from claimcheck.io import read_reference_csv
from claimcheck.models import Claim
from claimcheck.parallel import _warm_context, block_key, check_jobs, warm

# the scheduler serves its health endpoint on a port even with no dashboard: ":0" lets it take
# a free one, so a cluster elsewhere on the machine holding 8787 (the default) is no clash

# made-up reports of four made-up events by eight made-up outlets, on different days and with
# figures that agree, drift, grow or contradict; a few documents with problems of their own
_EVENTS = [
    ("Leeds", "floods", "people died", [12, 12, 14, 15, 30, 15, 16, 17]),
    ("Porto", "a factory fire", "workers were injured", [40, 40, 42, 45, 45, 90, 46, 48]),
    ("Graz", "a bus crash", "passengers were killed", [7, 7, 8, 7, 9, 9, 7, 21]),
    ("Lyon", "a storm", "homes were destroyed", [200, 210, 220, 230, 600, 240, 250, 260]),
]
_OUTLETS = ["Harbour Post", "Valley Courier", "Metro Daily", "The Ledger", "Coastline News",
            "Evening Star", "Northern Wire", "Plain Dealer"]


def _documents() -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = []
    for e, (town, what, counted, figures) in enumerate(_EVENTS):
        for n, (outlet, figure) in enumerate(zip(_OUTLETS, figures, strict=True)):
            hedge = "about " if n % 3 == 1 else ("at least " if n % 3 == 2 else "")
            docs.append({
                "id": f"e{e}-{n}", "source": outlet,
                "published": f"2025-05-{10 + n // 2:02d}T{8 + n:02d}:30:00+00:00",
                "text": f"Officials in {town} said on Monday that {hedge}{figure} {counted} in "
                        f"{what}. Rescue teams worked through the night, and {figure // 2 + 1} "
                        f"of them were taken to hospital, the {outlet} reported.",
            })
    docs.append({"id": "undated", "text": "In Leeds, 13 people died in floods, a neighbour "
                 "wrote later."})
    docs.append({"id": "spanish", "language": "es", "published": "2025-05-12",
                 "text": "En Oporto, 44 trabajadores resultaron heridos en el incendio de la "
                 "fábrica, según los bomberos."})
    for n, toll in enumerate((14, 11)):  # a country's toll, and one below its city's
        docs.append({"id": f"uk-{n}", "published": f"2025-05-1{n}T2{n}:00:00Z", "source": "Wire",
                     "text": f"Officials in the United Kingdom said on Monday that {toll} people "
                     "died in floods."})
    docs.append({"id": "blank", "text": "   ", "published": "2025-05-11"})
    docs.append({"id": "extra", "text": "At least 9 passengers were killed in Graz.",
                 "published": "2025-05-11T07:00:00Z", "desk": "night"})
    return docs


def _same(a: Report, b: Report) -> None:
    assert b.to_json(indent=2) == a.to_json(indent=2)


@pytest.fixture(scope="module")
def expected() -> Report:
    return check(_documents())


def test_the_documents_make_groups_and_conflicts(expected: Report) -> None:
    # a test of equality is only worth what the compared report holds
    assert len(expected.groups) >= 8
    assert expected.checks
    assert any(g.verdict == "conflict" for g in expected.groups)
    assert expected.diagnostics
    assert len({block_key(c) for c in expected.claims} - {""}) >= 3


def test_jobs_report_what_one_process_reports(expected: Report) -> None:
    _same(expected, check_jobs(_documents(), 2))


@pytest.mark.parametrize("threads", [1, 2])
def test_jobs_fork_from_a_warm_process_only_when_no_other_thread_runs(
        threads: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(threading, "active_count", lambda: threads)
    context, initializer = _warm_context()
    if threads == 1 and sys.platform.startswith("linux"):
        assert context.get_start_method() == "fork" and initializer is None
    else:
        assert context.get_start_method() == "spawn" and initializer is warm


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers fork on Linux only")
def test_jobs_forked_from_a_process_with_one_thread_report_what_check_reports(
        expected: Report) -> None:
    # a fresh interpreter: this one may run threads (a test's cluster), which rule out a fork
    code = ("import json, sys, threading; sys.path.insert(0, sys.argv[1]); "
            "from test_distributed import _documents; from claimcheck.parallel import "
            "_warm_context, check_jobs; assert threading.active_count() == 1; "
            "assert _warm_context()[0].get_start_method() == 'fork'; "
            "print(check_jobs(_documents(), 2).to_json(indent=2))")
    done = subprocess.run([sys.executable, "-c", code, str(Path(__file__).parent)],
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip() == expected.to_json(indent=2)


def test_jobs_spawn_warmed_workers_beside_another_thread(expected: Report) -> None:
    # a fork while another thread holds a lock could deadlock: spawned workers warm themselves
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        context, initializer = _warm_context()
        assert context.get_start_method() == "spawn" and initializer is warm
        _same(expected, check_jobs(_documents(), 2))
    finally:
        stop.set()
        other.join()


def test_jobs_of_one_run_here(expected: Report) -> None:
    _same(expected, check_jobs(_documents(), 1))


def test_jobs_of_none_is_an_input_error() -> None:
    with pytest.raises(InputError, match="jobs must be 1 or more, not 0"):
        check_jobs(_documents(), 0)


def test_the_cli_reports_the_same_with_jobs(tmp_path: Path) -> None:
    source = tmp_path / "docs.jsonl"
    source.write_text("".join(json.dumps(d) + "\n" for d in _documents()[:12]), encoding="utf-8")
    for jobs in ("1", "2"):
        assert main(["check", str(source), "--format", "json", "--quiet", "--jobs", jobs,
                     "-o", str(tmp_path / f"jobs{jobs}.json")]) == 0
    assert (tmp_path / "jobs1.json").read_text() == (tmp_path / "jobs2.json").read_text()


def _reference(tmp_path: Path) -> list[Claim]:
    table = tmp_path / "tally.csv"
    table.write_text("date,place,entity,measure,value,source\n"
                     "2025-05-10,Leeds,people,died,15,civil defence\n"
                     "2025-05-10,Graz,passengers,killed,8,police\n", encoding="utf-8")
    return read_reference_csv(table)


def test_frame_stages_by_hand_report_what_check_reports(expected: Report, tmp_path: Path) -> None:
    pandas = pytest.importorskip("pandas")
    from claimcheck.parallel import extract_frame, gather, match_frame, reference_frame

    frame = pandas.DataFrame(_documents())
    # partitions in any order, blocks spread over frames in any way that keeps each whole
    parts = [extract_frame(frame.iloc[i::3]) for i in (2, 0, 1)]
    rows = pandas.concat(parts)
    claims = rows[(rows["kind"] == "claim") & (rows["block"] != "")]
    matched = pandas.concat([match_frame(block) for _, block in claims.groupby("block")])
    _same(check(frame), gather(rows, matched))
    # with reference figures, matched with the text's claims
    reference = _reference(tmp_path)
    claims = pandas.concat([claims, reference_frame(reference)])
    matched = pandas.concat([match_frame(block) for _, block in claims.groupby("block")])
    together = pandas.concat([rows, reference_frame(reference)])
    _same(check(frame, reference=reference), gather(together, matched))


def test_frame_stages_tell_copies_of_a_report_apart_as_check_does() -> None:
    # one report under two ids is one voice: its vague "thousands" sums up its own 20,000
    pandas = pytest.importorskip("pandas")
    from claimcheck.parallel import extract_frame, gather, match_frame

    march = "Thousands marched in Lyon on Saturday; organisers counted 20,000 marchers."
    frame = pandas.DataFrame([
        {"id": "a", "text": march, "published": "2025-05-10T18:00:00Z"},
        {"id": "a2", "text": march, "published": "2025-05-10T18:00:00Z"},
        {"id": "b", "text": "Police in Lyon counted 6,000 marchers on Saturday.",
         "published": "2025-05-10T19:00:00Z"}])
    rows = extract_frame(frame)
    claims = rows[(rows["kind"] == "claim") & (rows["block"] != "")]
    matched = pandas.concat([match_frame(block) for _, block in claims.groupby("block")])
    expected = check(frame)
    assert {d.kind for g in expected.groups for d in g.discrepancies} == {"contradiction"}
    _same(expected, gather(rows, matched))


def test_gathering_takes_frames_in_any_order_and_any_pieces() -> None:
    # as a client reads partitions when they are done: groups before rows, last ones first
    pandas = pytest.importorskip("pandas")
    from claimcheck.parallel import Gathering, extract_frame, match_frame

    frame = pandas.DataFrame(_documents())
    parts = [extract_frame(frame.iloc[i::4]) for i in range(4)]
    claims = pandas.concat(parts)
    claims = claims[(claims["kind"] == "claim") & (claims["block"] != "")]
    gathered = Gathering()
    for _, block in reversed(list(claims.groupby("block"))):
        gathered.add_matched(match_frame(block))
    for n in (3, 1, 0, 2):
        gathered.add_extracted(parts[n], n)
    _same(check(frame), gathered.report())


def test_gathering_refuses_two_documents_of_one_id_from_two_partitions() -> None:
    pandas = pytest.importorskip("pandas")
    from claimcheck.parallel import MATCHED, extract_frame, gather

    twice = pandas.DataFrame([{"id": "same", "text": "In Graz 7 passengers were killed."}])
    rows = pandas.concat([extract_frame(twice), extract_frame(twice)])
    with pytest.raises(DuplicateDocumentError, match="two documents share the id 'same'"):
        gather(rows, pandas.DataFrame({column: [] for column in MATCHED}))


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    pytest.importorskip("dask.dataframe", reason="the Dask tests need claimcheck[dask]")
    distributed = pytest.importorskip("distributed", reason="the Dask tests need claimcheck[dask]")
    # a cluster that hangs fails the run with every thread's traceback instead of blocking CI
    faulthandler.dump_traceback_later(180, exit=True)
    try:
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                      dashboard_address=":0") as local, \
                distributed.Client(local) as client:
            yield client
    finally:
        faulthandler.cancel_dump_traceback_later()


def test_a_local_cluster_of_two_workers_reports_what_check_reports(
        cluster: Any, tmp_path: Path) -> None:
    import pandas

    from claimcheck.parallel import check_dask

    frame = pandas.DataFrame(_documents())
    _same(check(frame), check_dask(frame, npartitions=4))
    reference = _reference(tmp_path)
    _same(check(frame, reference=reference), check_dask(frame, reference=reference))


def test_a_dask_frame_of_one_partition_reports_the_same(cluster: Any) -> None:
    import dask.dataframe as dd
    import pandas

    from claimcheck.parallel import check_dask

    frame = pandas.DataFrame(_documents())
    _same(check(frame), check_dask(dd.from_pandas(frame, npartitions=1)))


@pytest.mark.parametrize("jobs", ["0", "-2", "many"])
def test_jobs_must_be_a_whole_number_of_one_or_more(jobs: str, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "docs.jsonl"
    source.write_text(json.dumps(_documents()[0]) + "\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["check", str(source), "--jobs", jobs])
    assert exit_.value.code == 2
    assert "number of processes" in capsys.readouterr().err


def test_extract_frame_is_a_frame_of_the_documented_columns() -> None:
    pandas = pytest.importorskip("pandas")
    from claimcheck.parallel import EXTRACTED, extract_frame

    rows = extract_frame(pandas.DataFrame(_documents()[:3]))
    assert list(rows.columns) == list(EXTRACTED)
    assert list(rows["kind"]) == ["document", "claim", "claim"] * 3
    assert extract_frame(pandas.DataFrame({"text": []})).empty
