"""claimcheck.parallel without a cluster: how `check_dask` bins blocks of claims for the
workers, and its run on dask's local scheduler (no `distributed.Client`)."""

from __future__ import annotations

import pytest

from claimcheck import check
from claimcheck.parallel import _COST, _bins


def _claims(sizes: dict[str, int]) -> object:
    pandas = pytest.importorskip("pandas")
    return pandas.DataFrame([{"block": block, "seq": n} for block, size in sizes.items()
                             for n in range(size)])


def test_bins_hold_whole_blocks_and_every_row_once() -> None:
    sizes = {"killed": 400, "injured": 120, "missing": 60, "displaced": 50, "homes": 30,
             "rain": 8, "wind": 3}
    placed = _bins(_claims(sizes), {"w1": 1, "w2": 1})
    blocks = [set(frame["block"]) for _, frame in placed]
    assert sum(len(frame) for _, frame in placed) == sum(sizes.values())
    for block in sizes:  # a block is never split: align must see all of it at once
        assert sum(block in held for held in blocks) == 1
    for _, frame in placed:
        assert all(len(frame[frame["block"] == b]) == sizes[b] for b in set(frame["block"]))


def test_the_costliest_bin_comes_first_and_alone_and_the_rest_fill_the_other_worker() -> None:
    # one block is most of the work (as "killed" counts are in a day of wire copy): it starts
    # first, on its own worker, and the other worker takes the rest
    sizes = {"killed": 500, "injured": 100, "missing": 90, "displaced": 80, "homes": 70}
    placed = _bins(_claims(sizes), {"w1": 1, "w2": 1})
    worker, first = placed[0]
    assert set(first["block"]) == {"killed"}
    assert all(other != worker for other, _ in placed[1:])
    costs = [sum(n ** _COST for n in frame["block"].value_counts()) for _, frame in placed]
    assert costs == sorted(costs, reverse=True)


def test_no_claims_make_no_bins() -> None:
    assert _bins(_claims({}), {"w1": 1}) == []


def test_without_a_distributed_client_claims_are_shuffled_and_the_report_is_the_same() -> None:
    pandas = pytest.importorskip("pandas")
    pytest.importorskip("dask.dataframe", reason="check_dask needs claimcheck[dask]")
    import dask

    from claimcheck.parallel import check_dask

    frame = pandas.DataFrame([
        {"id": f"d{n}", "published": f"2025-03-0{1 + n % 3}T10:00:00Z", "source": f"Desk {n}",
         "text": f"In Turin, {20 + n % 2} people were injured and {3 + n % 3} died in a "
                 "tram crash, officials said."} for n in range(12)])
    with dask.config.set(scheduler="synchronous"):
        report = check_dask(frame, npartitions=3)
    assert report.groups
    assert report.to_json(indent=2) == check(frame).to_json(indent=2)
