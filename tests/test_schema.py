"""`claimcheck schema` describes the JSON output exactly: real output validates against it,
output that breaks the contract does not, and every field has a description."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from claimcheck.cli import SCHEMAS, main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = [str(ROOT / "examples" / "flood-toll.jsonl"), str(ROOT / "examples" / "txt")]
REFERENCE = ["--reference", str(ROOT / "examples" / "reference.csv")]


def _out(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(argv) == 0
    return capsys.readouterr().out


def _schema(what: str, capsys: pytest.CaptureFixture[str]) -> Draft202012Validator:
    schema = json.loads(_out(["schema", "--what", what], capsys))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@pytest.fixture()
def messy(tmp_path: Path) -> str:
    """Documents with a rejected line, an unused field and an undated text."""
    path = tmp_path / "messy.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "n1", "source": "North Post", "published": "2025-03-02T10:00:00Z",
                    "desk": "metro",
                    "text": "At least 12 people were hurt in Leeds on Sunday, the council said."}),
        "{not json",
        json.dumps({"id": "n2", "published": "2025-03-02T16:00:00Z", "source": "Dales Daily",
                    "text": "Nine people were hurt in Leeds on Sunday, police said."}),
    ]) + "\n", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("argv", [
    ["check", *EXAMPLES, *REFERENCE], ["extract", *EXAMPLES]], ids=["check", "extract"])
def test_real_json_output_validates(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    validator = _schema("report", capsys)
    report = json.loads(_out([*argv, "--format", "json"], capsys))
    assert report["claims"]
    validator.validate(report)


def test_output_with_diagnostics_validates(messy: str, capsys: pytest.CaptureFixture[str]) -> None:
    validator = _schema("report", capsys)
    report = json.loads(_out(["check", messy, "--format", "json"], capsys))
    assert {d["code"] for d in report["diagnostics"]} == {"bad-json", "extra-fields"}
    validator.validate(report)


@pytest.mark.parametrize("what", ["claims", "discrepancies"])
def test_every_jsonl_row_validates(what: str, messy: str,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    validator = _schema(what, capsys)
    for argv in (["check", *EXAMPLES, *REFERENCE], ["check", messy]):
        lines = _out([*argv, "--format", "jsonl", "--what", what], capsys).splitlines()
        assert lines
        for line in lines:
            validator.validate(json.loads(line))


@pytest.mark.parametrize(("path", "value"), [
    (("claims", 0, "value"), None),
    (("claims", 0, "qualifier"), "roughly"),
    (("groups", 0, "verdict"), "maybe"),
    (("documents", 0, "status"), "skipped"),
    (("diagnostics",), [{"code": "bad-json"}]),
    (("claims", 0, "surprise"), 1),
], ids=["null-value", "unknown-qualifier", "unknown-verdict", "document-status",
        "diagnostic-without-message", "unknown-key"])
def test_output_that_breaks_the_contract_does_not_validate(
    path: tuple[Any, ...], value: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    validator = _schema("report", capsys)
    report = json.loads(_out(["check", *EXAMPLES, "--format", "json"], capsys))
    broken = copy.deepcopy(report)
    target = broken
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert not validator.is_valid(broken)


def test_a_missing_key_does_not_validate(capsys: pytest.CaptureFixture[str]) -> None:
    validator = _schema("report", capsys)
    report = json.loads(_out(["check", *EXAMPLES, "--format", "json"], capsys))
    for record in ("claims", "groups", "documents"):
        broken = copy.deepcopy(report)
        key = next(iter(broken[record][0]))
        del broken[record][0][key]
        assert not validator.is_valid(broken), (record, key)


@pytest.mark.parametrize("what", sorted(SCHEMAS))
def test_every_field_is_described(what: str, capsys: pytest.CaptureFixture[str]) -> None:
    schema = json.loads(_out(["schema", "--what", what], capsys))
    records = {"": schema, **schema.get("$defs", {})}
    for name, record in records.items():
        assert record.get("description"), f"{name or what} has no description"
        for field, spec in record["properties"].items():
            assert spec.get("description"), f"{name or what}.{field} has no description"


def test_schema_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "schema.json"
    assert main(["schema", "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    assert json.loads(out.read_text(encoding="utf-8"))["title"] == "Report"
