"""examples/notebook.ipynb runs from top to bottom in a Jupyter kernel (nbclient, ipykernel)
and shows what it promises: the report page with its timeline, and the conflict table."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

NOTEBOOK = Path(__file__).resolve().parent.parent / "examples" / "notebook.ipynb"


def test_the_notebook_is_stored_without_outputs() -> None:
    # outputs are made by running it; stored ones would drift from what the code shows
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    assert code and all(c["outputs"] == [] and c["execution_count"] is None for c in code)


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    pytest.importorskip("pandas", reason="the notebook uses pandas: pip install -e '.[test]'")
    nbformat = pytest.importorskip("nbformat", reason="pip install -e '.[test]' for nbformat")
    nbclient = pytest.importorskip("nbclient", reason="pip install -e '.[test]' for nbclient")
    pytest.importorskip("ipykernel", reason="pip install -e '.[test]' for ipykernel")
    os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")  # no deprecation warning on paths
    workdir = tmp_path_factory.mktemp("notebook")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(workdir)}})
    client.execute()  # raises CellExecutionError, with the cell and traceback, on an error
    assert (workdir / "wildfire-report.html").read_text(encoding="utf-8").startswith(
        "<!DOCTYPE html>")
    return [c for c in notebook.cells if c.cell_type == "code"]


def _outputs(cell: dict[str, Any], mime: str) -> str:
    return "".join(str(o.get("data", {}).get(mime, "")) + str(o.get("text", ""))
                   for o in cell["outputs"])


def test_the_notebook_shows_the_report_page(executed: list[dict[str, Any]]) -> None:
    (shown,) = [c for c in executed if c["source"].endswith("\nreport")]
    page = _outputs(shown, "text/html")
    assert page.startswith('<div class="claimcheck">')
    assert "<svg " in page and "person evacuated" in page  # the running count's timeline
    assert 'data-kind="contradiction"' in page and "1 person apart, 50% of 2" in page


def test_the_notebook_gives_a_conflict_table(executed: list[dict[str, Any]]) -> None:
    table = _outputs(next(c for c in executed if "conflicts = gaps" in c["source"]),
                     "text/html")
    assert "<table" in table and "contradiction" in table
    assert "Three people" in table and "Western Greece Radio" in table
    printed = _outputs(next(c for c in executed if "print(sentence)" in c["source"]),
                       "text/plain")
    # 2 (morning) -> 3 (afternoon) is a step of the toll; the evening's 2 is the fall
    assert '"two people" (Local officials) vs "Three people" (regional governor)' in printed


def test_the_notebook_orders_the_running_count(executed: list[dict[str, Any]]) -> None:
    table = _outputs(next(c for c in executed if "evacuated = " in c["source"]), "text/plain")
    assert table.index("1,200 people") < table.index("3,500 people") \
        < table.index("More than 5,000 people")
