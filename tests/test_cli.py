"""cli: a thin shell whose output is always valid and whose exit codes say what happened.

Exit codes: 0 success (bad inputs skipped and reported), 1 inputs rejected under
`--on-error fail`, 2 usage error.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from claimcheck import __version__
from claimcheck.cli import _parser, main
from strategies import number_text

PRESIDENT = {"id": "a", "source": "Wire A", "published": "2025-07-12T09:00:00Z",
             "text": "Overnight, 597 drones and 26 missiles were launched at Ukraine, "
                     "the president said."}
ESTIMATES = {"id": "b", "source": "Paper B", "published": "2025-07-12T11:00:00Z",
             "text": "Estimates suggest that up to 30 missiles and 700 drones were launched at "
                     "Ukraine overnight."}


def _no_constants(name: str) -> Any:
    raise AssertionError(f"{name} is not valid JSON")


def _json(text: str) -> Any:
    return json.loads(text, parse_constant=_no_constants)


def _write_jsonl(path: Path, *records: dict[str, Any] | str) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def good(tmp_path: Path) -> Path:
    return _write_jsonl(tmp_path / "good.jsonl", PRESIDENT, ESTIMATES)


@pytest.fixture()
def mixed(tmp_path: Path) -> Path:
    return _write_jsonl(tmp_path / "mixed.jsonl", PRESIDENT, "{broken", {"id": "x"}, ESTIMATES,
                        {**PRESIDENT, "text": "A repeated id."})


# ---------------------------------------------------------------- help


def test_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "usage: claimcheck" in out
    assert "extract" in out and "check" in out


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = _parser()
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(sub.choices)


def test_every_subcommand_and_option_has_help() -> None:
    parser = _parser()
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    helps = {a.dest: a.help for a in sub._choices_actions}
    assert set(helps) == set(_subcommands()) and all(helps.values())
    for name, command in _subcommands().items():
        assert command.description, name
        for action in command._actions:
            assert action.help, f"{name} {action.option_strings or action.dest} lacks help"


@pytest.mark.parametrize("command", sorted(_subcommands()))
def test_subcommand_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert f"usage: claimcheck {command}" in out
    if command != "schema":  # the commands that read documents
        assert "--on-error {skip,fail}" in out


@pytest.mark.parametrize("argv", [["--help"], ["check", "--help"], ["extract", "--help"],
                                  ["schema", "--help"]])
def test_help_lists_the_exit_codes(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(argv)
    out = capsys.readouterr().out
    assert "exit codes:" in out
    for line in ("0  success", "1  an input was rejected under --on-error fail", "2  usage error"):
        assert line in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"claimcheck {__version__}"


@pytest.mark.parametrize(
    "argv",
    [[], ["check"], ["frobnicate", "x"], ["check", "x", "--format", "pdf"],
     ["check", "x", "--on-error", "maybe"]],
    ids=["nothing", "no-path", "unknown-command", "bad-format", "bad-on-error"],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    assert "usage:" in capsys.readouterr().err


# ---------------------------------------------------------------- output


def test_check_json_reports_the_users_tension(
    good: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(good), "--format", "json"]) == 0
    report = _json(capsys.readouterr().out)
    kinds = [d["kind"] for g in report["groups"] for d in g["discrepancies"]]
    assert kinds == ["tension", "tension"]
    gaps = {d["abs_diff"] for g in report["groups"] for d in g["discrepancies"]}
    assert gaps == {103, 4}
    assert [d["status"] for d in report["documents"]] == ["processed", "processed"]
    assert report["diagnostics"] == []


@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
def test_check_human_formats(good: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(good), "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "597 drones" in out and "tension" in out


def test_extract_formats(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(good), "--format", "json"]) == 0
    data = _json(capsys.readouterr().out)
    assert [c["text"] for c in data["claims"]] == ["597 drones", "26 missiles",
                                                   "up to 30 missiles", "700 drones"]
    assert main(["extract", str(good), "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [_json(line)["id"] for line in lines] == ["a:c1", "a:c2", "b:c1", "b:c2"]
    assert main(["extract", str(good)]) == 0
    assert "up to 30 missiles\tat_most" in capsys.readouterr().out


def test_reference_table(good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ref = tmp_path / "ref.csv"
    ref.write_text("date,place,entity,measure,value,source\n"
                   "2025-07-12,Ukraine,drone,launched,597,air force\n", encoding="utf-8")
    assert main(["check", str(good), "--reference", str(ref), "--format", "json"]) == 0
    report = _json(capsys.readouterr().out)
    assert any(c["doc"] == "ref:ref" for c in report["claims"])


def test_a_bad_reference_table_is_a_one_line_error(
    good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ref = tmp_path / "ref.csv"
    ref.write_text("entity,value\ndrone,5\n", encoding="utf-8")
    assert main(["check", str(good), "--reference", str(ref)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("claimcheck: error: ") and err.count("\n") == 1
    assert "Traceback" not in err


# ---------------------------------------------------------------- bad inputs


@pytest.mark.parametrize("command", ["extract", "check"])
def test_on_error_skip_reports_rejected_inputs_and_exits_0(
    command: str, mixed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([command, str(mixed), "--format", "json"]) == 0
    captured = capsys.readouterr()
    report = _json(captured.out)
    where = {d["where"]: d["code"] for d in report["diagnostics"]}
    assert where == {f"{mixed}:2": "bad-json", f"{mixed}:3": "missing-text",
                     f"{mixed}:5": "duplicate-id"}
    assert {c["doc"] for c in report["claims"]} == {"a", "b"}
    for line in (2, 3, 5):
        assert f"{mixed}:{line}:" in captured.err
    assert "3 input(s) rejected, 2 document(s) processed" in captured.err


@pytest.mark.parametrize("command", ["extract", "check"])
def test_on_error_fail_exits_1(
    command: str, mixed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([command, str(mixed), "--on-error", "fail", "--format", "json"]) == 1
    err = capsys.readouterr().err
    assert f"{mixed}:2: bad-json" in err
    assert "Traceback" not in err


def test_on_error_fail_passes_clean_input(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(good), "--on-error", "fail", "--format", "json"]) == 0
    _json(capsys.readouterr().out)


@pytest.mark.parametrize("command", ["extract", "check"])
def test_a_missing_path_is_a_usage_error(
    command: str, good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.jsonl"
    with pytest.raises(SystemExit) as exit_:
        main([command, str(good), str(missing)])
    assert exit_.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"usage: claimcheck {command}" in captured.err
    assert f"PATH '{missing}' does not exist" in captured.err
    assert f"claimcheck {command} docs.jsonl" in captured.err  # what to type


def test_a_dangling_link_given_as_path_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "gone.jsonl"
    link.symlink_to(tmp_path / "nowhere.jsonl")
    with pytest.raises(SystemExit) as exit_:
        main(["check", str(link)])
    assert exit_.value.code == 2
    assert "symbolic link to a file that does not exist" in capsys.readouterr().err


def test_a_directory_of_mixed_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write_jsonl(tmp_path / "docs.jsonl", PRESIDENT, "nope")
    (tmp_path / "b.txt").write_text("id: b\n\n" + ESTIMATES["text"], encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 \xfa not text")  # Latin-1, no UTF-16 mark
    (tmp_path / "image.jsonl").write_bytes(b"\x00\x01\x02")
    (tmp_path / "readme.md").write_text("# notes", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    assert main(["check", str(tmp_path), "--format", "json"]) == 0
    report = _json(capsys.readouterr().out)
    assert sorted(d["id"] for d in report["documents"]) == ["a", "b", "empty"]
    codes = sorted(d["code"] for d in report["diagnostics"])
    assert codes == ["bad-json", "binary-file", "empty-document", "invalid-utf8",
                     "unsupported-file"]
    assert all(d["where"] for d in report["diagnostics"])
    # every file is either a processed document or named in a diagnostic
    named = {Path(d["where"].split(":")[0]).name for d in report["diagnostics"]}
    assert named | {"docs.jsonl", "b.txt"} == {p.name for p in tmp_path.iterdir()}


@given(number_text)
def test_json_output_is_always_valid(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = _write_jsonl(Path(tmp) / "fuzz.jsonl", {"id": "f", "text": text,
                                                      "published": "2025-07-12"},
                            {"id": "g", "text": text, "published": "2025-07-13"})
        out = _run_in_process(["check", str(path), "--format", "json"])
        report = _json(out)
        assert [d["id"] for d in report["documents"]] == ["f", "g"]
        out = _run_in_process(["extract", str(path), "--format", "jsonl"])
        for line in out.splitlines():
            _json(line)


def _run_in_process(argv: list[str]) -> str:
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(io.StringIO()):
        assert main(argv) == 0
    return buffer.getvalue()


def test_a_huge_number_is_not_a_crash(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write_jsonl(tmp_path / "big.jsonl",
                        {"id": "big", "text": "1" + "0" * 320 + " drones were launched."})
    assert main(["check", str(path), "--format", "json"]) in (0, 1)
    _json(capsys.readouterr().out)


# ---------------------------------------------------------------- as a program


def _program(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "claimcheck", *args], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8", timeout=120,
                          check=False)


def test_python_dash_m_claimcheck(good: Path, tmp_path: Path) -> None:
    run = _program("check", str(good), "--format", "json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    report = _json(run.stdout)
    assert {d["kind"] for g in report["groups"] for d in g["discrepancies"]} == {"tension"}
    assert run.stderr == ""


def test_a_lone_surrogate_is_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "surrogate.jsonl"
    path.write_text('{"id": "s", "text": "Bad \\ud800 text: 5 people were killed in Lviv."}\n',
                    encoding="utf-8")
    run = _program("check", str(path), "--format", "json", cwd=tmp_path)
    assert "Traceback" not in run.stderr
    assert run.returncode in (0, 1)
    _json(run.stdout)


# ---------------------------------------------------------------- one bad document among good ones


def _fail_on(doc_id: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the extract stage raise for one document, whatever the extractor's own bugs."""
    import claimcheck.pipeline

    real = claimcheck.pipeline._extract_claims

    def stage(document: Any) -> Any:
        if document.id == doc_id:
            raise ZeroDivisionError("made up for the test")
        return real(document)

    monkeypatch.setattr(claimcheck.pipeline, "_extract_claims", stage)


@pytest.mark.parametrize("command", ["extract", "check"])
def test_a_failing_document_is_named_and_the_others_are_kept(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = _write_jsonl(tmp_path / "docs.jsonl", PRESIDENT,
                        {"id": "bad", "text": "Ten people.", "language": "en"},
                        ESTIMATES)
    _fail_on("bad", monkeypatch)
    assert main([command, str(path), "--format", "json"]) == 0
    captured = capsys.readouterr()
    report = _json(captured.out)
    assert {c["doc"] for c in report["claims"]} == {"a", "b"}
    (diag,) = report["diagnostics"]
    assert (diag["code"], diag["document"], diag["where"]) == ("internal-error", "bad",
                                                               f"{path}:2")
    assert f"claimcheck: {path}:2: internal-error: claimcheck failed on document 'bad' with " \
        "ZeroDivisionError: made up for the test" in captured.err
    assert "please report this" in captured.err and "Traceback" not in captured.err
    assert "1 input(s) rejected, 2 document(s) processed" in captured.err
    # under --on-error fail it is a rejection like any other: exit 1, no report
    assert main([command, str(path), "--format", "json", "--on-error", "fail"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "internal-error" in captured.err and "(rejected)" in captured.err


def test_a_failure_of_the_whole_run_is_one_line_not_a_traceback(
    good: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import claimcheck.pipeline

    def structural_checks(*args: Any) -> Any:
        raise ZeroDivisionError("made up for the test")

    monkeypatch.setattr(claimcheck.pipeline, "structural_checks", structural_checks)
    assert main(["check", str(good)]) == 1
    err = capsys.readouterr().err
    assert err == ("claimcheck: error: claimcheck failed with ZeroDivisionError: made up for the "
                   "test; this is a bug in claimcheck, please report this with the command and "
                   "its input\n")


@pytest.mark.parametrize("command", ["extract", "check"])
def test_the_decade_trigger_keeps_every_good_document(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write_jsonl(tmp_path / "docs.jsonl", PRESIDENT,
                        {"id": "decade", "text": "Back in the '90s, 40 people were hurt."},
                        ESTIMATES)
    assert main([command, str(path), "--format", "json"]) == 0
    captured = capsys.readouterr()
    report = _json(captured.out)
    assert {"a", "b"} <= {c["doc"] for c in report["claims"]}
    assert "Traceback" not in captured.err


# ---------------------------------------------------------------- each input case: exit code, message


def _case_files(tmp_path: Path, case: str) -> list[str]:
    """The PATH arguments of one input case, written under tmp_path."""
    docs = tmp_path / "docs.jsonl"
    if case == "numeric-published":
        _write_jsonl(docs, PRESIDENT, {**ESTIMATES, "published": 12345})
    elif case == "extra-key":
        _write_jsonl(docs, PRESIDENT, {**ESTIMATES, "title": "Overnight"})
    elif case == "txt-extra-header":
        (tmp_path / "b.txt").write_text("id: b\nheadline: Overnight\n\n" + ESTIMATES["text"],
                                        encoding="utf-8")
        _write_jsonl(docs, PRESIDENT)
        return [str(docs), str(tmp_path / "b.txt")]
    elif case in ("unsupported-language", "unknown-language", "empty-language", "upper-language"):
        code = {"unsupported-language": "pl", "unknown-language": "xx", "empty-language": "",
                "upper-language": "EN-US"}[case]
        _write_jsonl(docs, PRESIDENT, {**ESTIMATES, "language": code})
    elif case == "utf-16":
        docs.write_bytes(("\n".join(json.dumps(r) for r in (PRESIDENT, ESTIMATES)) + "\n")
                         .encode("utf-16"))
    elif case == "utf-8-bom":
        docs.write_bytes(("\n".join(json.dumps(r) for r in (PRESIDENT, ESTIMATES)) + "\n")
                         .encode("utf-8-sig"))
    elif case == "json-array":
        docs = tmp_path / "docs.json"
        docs.write_text(json.dumps([PRESIDENT, ESTIMATES], indent=2), encoding="utf-8")
    elif case == "same-name-in-two-folders":
        for country, record in (("de", PRESIDENT), ("uk", ESTIMATES)):
            (tmp_path / country).mkdir()
            (tmp_path / country / "a.txt").write_text(record["text"], encoding="utf-8")
        return [str(tmp_path)]
    elif case == "dangling-link":
        _write_jsonl(docs, PRESIDENT, ESTIMATES)
        (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted.txt")
        return [str(tmp_path)]
    return [str(docs)]


#: case -> (exit code under skip, under fail, diagnostic code or None, words of the message,
#:          ids of the documents processed)
INPUT_CASES: dict[str, tuple[int, int, str | None, list[str], list[str]]] = {
    "numeric-published": (0, 1, "bad-document", ["field 'published'", "ISO 8601", "12345"],
                          ["a"]),
    "extra-key": (0, 0, "extra-fields", ["document 'b'", "'title'", "kept"], ["a", "b"]),
    "txt-extra-header": (0, 0, "extra-fields", ["document 'b'", "'headline'"], ["a", "b"]),
    "unsupported-language": (0, 0, "unsupported-language",
                             ["document 'b'", "Polish ('pl')", "digits, symbols and units only"], ["a", "b"]),
    "unknown-language": (0, 0, "unknown-language",
                         ["document 'b'", "'xx'", "no ISO 639-1 code", "digits, symbols and units only"],
                         ["a", "b"]),
    "empty-language": (0, 0, "unknown-language", ["document 'b'", "empty language"], ["a", "b"]),
    "upper-language": (0, 0, None, [], ["a", "b"]),
    "utf-16": (0, 0, None, [], ["a", "b"]),
    "utf-8-bom": (0, 0, None, [], ["a", "b"]),
    "json-array": (0, 0, None, [], ["a", "b"]),
    "same-name-in-two-folders": (0, 0, None, [], ["de/a", "uk/a"]),
    "dangling-link": (0, 1, "broken-link", ["gone.txt", "deleted.txt", "does not exist"],
                      ["a", "b"]),
}


@pytest.mark.parametrize("case", sorted(INPUT_CASES))
def test_each_input_case_is_understood_or_refused_with_a_fix(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    skip_code, fail_code, code, words, ids = INPUT_CASES[case]
    paths = _case_files(tmp_path, case)
    assert main(["check", *paths, "--format", "json"]) == skip_code
    captured = capsys.readouterr()
    report = _json(captured.out)
    assert sorted(d["id"] for d in report["documents"]) == ids
    assert [d["code"] for d in report["diagnostics"]] == ([code] if code else [])
    if code:
        line = next(x for x in captured.err.splitlines() if f": {code}: " in x)
        for word in words:
            assert word in line, (word, line)
    assert main(["check", *paths, "--format", "json", "--on-error", "fail"]) == fail_code
    capsys.readouterr()


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        pytest.param(["--published", "Oct 15 2025"],
                     ["argument --published: published 'Oct 15 2025' is not an ISO 8601",
                      "2025-07-12"], id="published-words"),
        pytest.param(["--published", "12345"], ["'12345' is not an ISO 8601"],
                     id="published-number"),
        pytest.param(["--language", "xx"],
                     ["argument --language: 'xx' is not an ISO 639-1 language code",
                      "en or es"], id="language"),
    ],
)
def test_a_malformed_flag_value_is_a_usage_error(
    argv: list[str], words: list[str], good: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["check", str(good), *argv])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "usage: claimcheck check" in err and "Traceback" not in err
    for word in words:
        assert word in err


def test_flag_values_in_iso_form_fill_a_txt_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "note.txt").write_text(ESTIMATES["text"], encoding="utf-8")
    assert main(["check", str(tmp_path / "note.txt"), "--published", "2025-07-12T11:00:00Z",
                 "--language", "en-GB", "--format", "json"]) == 0
    report = _json(capsys.readouterr().out)
    assert report["documents"][0]["published"].startswith("2025-07-12T11:00:00")
    assert report["diagnostics"] == []


def test_an_unreadable_file_in_a_folder_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_jsonl(tmp_path / "docs.jsonl", PRESIDENT, ESTIMATES)
    locked = tmp_path / "locked.txt"
    locked.write_text("Three people were hurt.", encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == locked:  # the suite may run as root, who reads everything
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert main(["check", str(tmp_path), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert sorted(d["id"] for d in _json(captured.out)["documents"]) == ["a", "b"]
    assert f"claimcheck: {locked}: unreadable: cannot read the file: Permission denied; check " \
        "its permissions (skipped)" in captured.err
    assert main(["check", str(tmp_path), "--on-error", "fail"]) == 1


# ---------------------------------------------------------------- standard input


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    stream = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    stream.buffer.name = "<stdin>"  # type: ignore[attr-defined]
    monkeypatch.setattr(sys, "stdin", stream)


def test_dash_reads_json_lines_from_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [json.dumps(PRESIDENT), "{not json", json.dumps({"text": ESTIMATES["text"]})]
    _stdin(monkeypatch, "\n".join(lines).encode("utf-8"))
    assert main(["check", "-", "--format", "json"]) == 0
    captured = capsys.readouterr()
    report = _json(captured.out)
    assert [d["id"] for d in report["documents"]] == ["a", "stdin-3"]
    assert [(d["where"], d["code"]) for d in report["diagnostics"]] == [("<stdin>:2", "bad-json")]
    assert "claimcheck: <stdin>:2: bad-json:" in captured.err


def test_dash_reads_plain_text_from_stdin_with_the_metadata_flags(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, ESTIMATES["text"].encode("utf-8"))
    assert main(["extract", "-", "--source", "Paper B", "--published", "2025-07-12",
                 "--format", "json"]) == 0
    report = _json(capsys.readouterr().out)
    assert report["documents"] == [{"id": "stdin", "source": "Paper B",
                                    "published": "2025-07-12", "status": "processed"}]
    assert [c["text"] for c in report["claims"]] == ["up to 30 missiles", "700 drones"]


def test_stdin_and_files_together(
    good: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, b"Officials said 5 drones were shot down over Kyiv.")
    assert main(["extract", str(good), "-", "--format", "jsonl"]) == 0
    docs = {_json(line)["doc"] for line in capsys.readouterr().out.splitlines()}
    assert docs == {"a", "b", "stdin"}


def test_dash_twice_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["check", "-", "-"])
    assert exit_.value.code == 2
    assert "standard input) is given more than once; give it once" in capsys.readouterr().err


# ---------------------------------------------------------------- rows: jsonl and csv


def test_check_jsonl_gives_one_claim_a_line_with_its_group(
    good: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(good), "--format", "jsonl"]) == 0
    rows = [_json(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in rows] == ["a:c1", "a:c2", "b:c1", "b:c2"]
    by_text = {r["text"]: r for r in rows}
    assert by_text["597 drones"]["group"] == by_text["700 drones"]["group"] is not None
    assert by_text["597 drones"]["verdict"] == "conflict"
    assert by_text["up to 30 missiles"]["source"] == "Paper B"


def test_check_jsonl_discrepancies(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(good), "--format", "jsonl", "--what", "discrepancies"]) == 0
    rows = [_json(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted((r["text_a"], r["text_b"], r["kind"], r["abs_diff"]) for r in rows) == [
        ("26 missiles", "up to 30 missiles", "tension", 4),
        ("597 drones", "700 drones", "tension", 103)]
    assert {r["source_a"] for r in rows} == {"Wire A"}


def test_csv_rows(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import csv

    assert main(["check", str(good), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["text"] for r in rows] == ["597 drones", "26 missiles", "up to 30 missiles",
                                         "700 drones"]
    missiles = rows[2]
    assert (missiles["value"], missiles["low"], missiles["high"]) == ("30", "0", "30")
    assert (missiles["recalled"], missiles["speaker"], missiles["verdict"]) == (
        "false", "estimates", "conflict")
    assert rows[0]["hedge"] == ""  # null is an empty cell
    assert main(["check", str(good), "--format", "csv", "--what", "discrepancies"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert sorted(r["abs_diff"] for r in rows) == ["103", "4"]
    assert main(["extract", str(good), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 4 and {r["group"] for r in rows} == {""}


def test_what_needs_a_row_format(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["check", str(good), "--what", "discrepancies"])
    assert exit_.value.code == 2
    assert "add --format jsonl or --format csv" in capsys.readouterr().err


def test_extract_json_is_a_report_without_groups(
    good: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(good), "--format", "json"]) == 0
    report = _json(capsys.readouterr().out)
    assert list(report) == ["claims", "groups", "checks", "documents", "diagnostics"]
    assert report["groups"] == report["checks"] == []
    assert [d["id"] for d in report["documents"]] == ["a", "b"]


# ---------------------------------------------------------------- --output


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "table", "markdown", "html"])
def test_output_writes_the_file_and_nothing_to_stdout(
    fmt: str, good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"report.{fmt}"
    assert main(["check", str(good), "--format", fmt, "--output", str(out)]) == 0
    assert capsys.readouterr().out == ""
    assert main(["check", str(good), "--format", fmt]) == 0
    assert out.read_text(encoding="utf-8") == capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["good.jsonl", out.name])


def test_output_dash_is_stdout(good: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["check", str(good), "--format", "json", "-o", "-"]) == 0
    assert _json(capsys.readouterr().out)["claims"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.jsonl"]


def test_a_failing_run_leaves_the_old_output_whole(
    good: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import claimcheck.cli

    out = tmp_path / "report.json"
    out.write_text("the report of yesterday\n", encoding="utf-8")

    def render(args: Any, report: Any, handle: Any) -> None:
        handle.write('{"claims": [')  # half a report, then the run dies
        raise MemoryError("made up for the test")

    monkeypatch.setattr(claimcheck.cli, "_render", render)
    assert main(["check", str(good), "--format", "json", "-o", str(out)]) == 1
    assert out.read_text(encoding="utf-8") == "the report of yesterday\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.jsonl", "report.json"]
    assert "claimcheck failed with MemoryError" in capsys.readouterr().err


def test_an_output_that_fails_to_write_is_one_line_and_exit_1(
    good: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import claimcheck.cli

    def full_disk(path: Any) -> Any:
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(claimcheck.cli, "atomic_write", full_disk)
    out = tmp_path / "report.json"
    assert main(["check", str(good), "--format", "json", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err == (f"claimcheck: error: cannot write --output {str(out)!r}: No space left on "
                   "device; free some space or write the file elsewhere\n")


def test_a_run_stopped_by_on_error_fail_writes_no_output(
    mixed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.json"
    assert main(["check", str(mixed), "--on-error", "fail", "-o", str(out)]) == 1
    assert not out.exists()


@pytest.mark.parametrize("where", ["nowhere/report.json", "."], ids=["no-folder", "a-folder"])
def test_an_output_that_cannot_be_written_is_a_usage_error(
    where: str, good: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit_:
        main(["check", str(good), "--output", where])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert f"--output {where!r}" in err and ("create it" in err or "give a file name" in err)


def test_a_program_killed_mid_write_leaves_no_half_file(good: Path, tmp_path: Path) -> None:
    # the child writes its output slowly and is killed before it ends
    out = tmp_path / "report.jsonl"
    script = (
        "import sys, time\n"
        "from claimcheck.io import atomic_write\n"
        f"with atomic_write({str(out)!r}) as handle:\n"
        "    for n in range(1000):\n"
        "        handle.write('{}\\n'); handle.flush()\n"
        "        if n == 10: print('writing', flush=True)\n"
        "        time.sleep(0.01)\n")
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline() == "writing\n"
    child.kill()
    child.wait(timeout=30)
    child.stdout.close()
    assert not out.exists()


# ---------------------------------------------------------------- progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _many(tmp_path: Path, n: int = 30) -> Path:
    return _write_jsonl(tmp_path / "many.jsonl", *(
        {"id": f"d{i}", "text": f"{i + 2} people were hurt in Lviv."} for i in range(n)))


def test_a_progress_bar_on_a_terminal_leaves_stdout_clean_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import claimcheck.cli

    path = _many(tmp_path)
    terminal = _Terminal()
    bars = []
    real = claimcheck.cli._progress

    def progress(*args: Any) -> Any:
        bars.append(real(*args))
        return bars[-1]

    monkeypatch.setattr(claimcheck.cli, "_progress", progress)
    monkeypatch.setattr(claimcheck.cli, "_PROGRESS_DELAY", 0)
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["check", str(path), "--format", "json"]) == 0
    assert len(_json(capsys.readouterr().out)["documents"]) == 30
    (bar,) = bars
    assert (bar.n, bar.total) == (30, 30)  # it counted every document extracted
    assert "extracting:" in terminal.getvalue() and "/30 " in terminal.getvalue()


@pytest.mark.parametrize("argv", [["--quiet"], []], ids=["quiet", "not-a-terminal"])
def test_no_progress_bar_when_quiet_or_not_a_terminal(
    argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import claimcheck.cli

    path = _many(tmp_path)
    monkeypatch.setattr(claimcheck.cli, "_PROGRESS_DELAY", 0)
    if argv:
        monkeypatch.setattr(sys, "stderr", _Terminal())
    assert main(["extract", str(path), "--format", "jsonl", *argv]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 30
    assert sys.stderr.getvalue() == "" if argv else captured.err == ""


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
@pytest.mark.parametrize("quiet", [False, True], ids=["bar", "quiet"])
def test_a_real_terminal_gets_the_bar_on_stderr_only(quiet: bool, tmp_path: Path) -> None:
    import fcntl
    import pty
    import struct
    import termios
    import threading

    path = _many(tmp_path, 12)
    master, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    argv = ["check", str(path), "--format", "json", *(["--quiet"] if quiet else [])]
    code = ("import sys, claimcheck.cli as cli\n"
            "cli._PROGRESS_DELAY = 0  # a small run, shown at once\n"
            f"sys.exit(cli.main({argv!r}))\n")
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                             stderr=terminal)
    os.close(terminal)
    shown = bytearray()

    def pump() -> None:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the terminal closed with the child
                return
            if not chunk:
                return
            shown.extend(chunk)

    reader = threading.Thread(target=pump)
    reader.start()
    assert child.stdout is not None
    out = child.stdout.read()
    child.stdout.close()
    assert child.wait(timeout=120) == 0
    reader.join(timeout=10)
    os.close(master)
    assert len(_json(out.decode("utf-8"))["documents"]) == 12
    if quiet:
        assert bytes(shown) == b""
    else:
        assert b"extracting:" in shown and b"/12 [" in shown  # drawn, then cleared
