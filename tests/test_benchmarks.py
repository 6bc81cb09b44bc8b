"""The benchmark harness keeps working: its data, its generators and its tables.

No timing is asserted here (figures are printed by `make bench`, never checked); these tests
only make sure that the inputs the benchmarks measure are what they say they are.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import _common  # noqa: E402
import ab  # noqa: E402
import corpus  # noqa: E402
import grouping  # noqa: E402
import streaming  # noqa: E402

import claimcheck  # noqa: E402
from claimcheck.match import align  # noqa: E402


def test_articles_are_wire_copy_in_english_and_spanish() -> None:
    arts = corpus.articles()
    assert len({a["id"] for a in arts}) == len(arts)
    assert sum(a["language"] == "en" for a in arts) >= 24
    assert sum(a["language"] == "es" for a in arts) >= 5
    for a in arts:
        assert a["city"] in a["text"], a["id"]
        assert a["country"] in corpus.CITIES, a["id"]


def test_the_generator_is_seeded_and_varies_places_figures_and_outlets() -> None:
    one, again, other = corpus.batch(60, seed=3), corpus.batch(60, seed=3), corpus.batch(60, seed=4)
    assert [d.model_dump() for d in one] == [d.model_dump() for d in again]
    assert [d.text for d in one] != [d.text for d in other]
    assert len({d.id for d in one}) == 60
    assert len({d.source for d in one}) > 3
    assert {d.language for d in one} <= {"en", "es"}
    assert len({d.text for d in one}) > 30  # the reports of one event differ in their figures


def test_synthetic_claims_form_groups_of_realistic_size() -> None:
    claims, docs = grouping.synthetic(2000, seed=5)
    assert len(claims) == 2000 and all(c.doc in docs for c in claims)
    groups = align(claims)
    sizes = sorted(len(g.claims) for g in groups)
    assert sizes and 2 <= sizes[len(sizes) // 2] <= 60


@pytest.mark.parametrize(("points", "expected"), [
    ([(10, 1.0), (100, 10.0), (1000, 100.0)], 1.0),
    ([(10, 1.0), (100, 100.0)], 2.0),
])
def test_slope_is_the_log_log_fit(points: list[tuple[float, float]], expected: float) -> None:
    assert _common.slope(points) == pytest.approx(expected)


def test_a_table_is_markdown() -> None:
    text = _common.table("T", ["a", "bb"], [["1", "2"]])
    assert text.splitlines()[2:] == ["| a | bb |", "|---|----|", "| 1 | 2  |"]


def test_the_ab_copy_of_another_tree_imports_only_itself(tmp_path: Path) -> None:
    ab.renamed_copy(Path(claimcheck.__file__).parent.parent, tmp_path)
    copied = list((tmp_path / "claimcheck_base").rglob("*.py"))
    assert len(copied) > 40
    for path in copied:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\bclaimcheck\.|from claimcheck import|^import claimcheck$", text,
                             re.M), path.name


def test_the_streaming_bench_writes_its_batch_in_publication_order(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    streaming.write(40, path, seed=3)
    docs = [claimcheck.Document.model_validate_json(line) for line in path.read_text().splitlines()]
    assert len(docs) == 40
    assert [str(d.published) for d in docs] == sorted(str(d.published) for d in docs)
