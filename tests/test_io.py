"""io: every input becomes a Document or a Diagnostic saying what was wrong and where."""

from __future__ import annotations

import codecs
import datetime as dt
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimcheck
import claimcheck.io
from claimcheck.errors import ClaimcheckError, InputError, InternalError
from claimcheck.io import Batch, read_documents, read_reference_csv

GOOD = {"id": "good", "text": "Five people were killed in Lviv.", "published": "2025-08-21"}

#: one JSON Lines file whose every line is wrong in its own way (line number -> code)
BAD_LINES: list[tuple[bytes, str | None]] = [
    (json.dumps(GOOD).encode(), None),
    (b"not json at all", "bad-json"),
    (b'{"id": "no-text"}', "missing-text"),
    (b'{"id": "int-text", "text": 42}', "missing-text"),
    (b'{"id": "null-text", "text": null}', "missing-text"),
    (b"[1, 2, 3]", "bad-json"),
    (b'"just a string"', "bad-json"),
    (b'{"id": "good", "text": "A second document with the first one\'s id."}', "duplicate-id"),
    (b'{"id": "empty", "text": ""}', "empty-document"),
    (b'{"id": "blank", "text": "  \\n "}', "empty-document"),
    (b'{"id": "bad-date", "text": "3 drones", "published": "yesterday"}', "bad-document"),
    (b'{"id": "nan-date", "text": "3 drones", "published": NaN}', "bad-document"),
    (b'{"id": ["a", "list"], "text": "3 drones"}', "bad-document"),
    (b'{"id": "", "text": "3 drones"}', "bad-document"),
    (b'{"id": "lang", "text": "3 drones", "language": 7}', "bad-document"),
    (b'{"id": "bad-utf8", "text": "caf\xe9 \xff 3 drones"}', "invalid-utf8"),
    (b'{"id": "truncated", "text": "3 dro', "bad-json"),
    (b"", None),  # blank lines are ignored
    (b'{"text": "No id: it is named after the file and line."}', None),
    (b'{"id": 17, "text": "An integer id is read as a string."}', None),
]


@pytest.fixture()
def bad_jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "docs.jsonl"
    path.write_bytes(b"\n".join(line for line, _ in BAD_LINES) + b"\n")
    return path


def _codes(batch: Batch) -> dict[str, str]:
    return {d.where or "": d.code for d in batch.diagnostics}


def test_each_bad_line_is_a_diagnostic_with_file_and_line(bad_jsonl: Path) -> None:
    batch = read_documents([bad_jsonl])
    codes = _codes(batch)
    for number, (_, code) in enumerate(BAD_LINES, start=1):
        where = f"{bad_jsonl}:{number}"
        if code is None:
            assert where not in codes
        else:
            assert codes.get(where) == code, where


def test_good_lines_are_documents(bad_jsonl: Path) -> None:
    batch = read_documents([bad_jsonl])
    ids = [d.id for d in batch.documents]
    assert ids == ["good", "empty", "blank", "docs-19", "17"]
    assert batch.documents[0].text == GOOD["text"]


def test_every_line_is_processed_or_diagnosed(bad_jsonl: Path) -> None:
    batch = read_documents([bad_jsonl])
    rejected = {d.where for d in batch.diagnostics if d.action == "skipped"}
    lines = [n for n, (raw, _) in enumerate(BAD_LINES, start=1) if raw.strip()]
    assert len(batch.documents) + len(rejected) == len(lines)


def test_empty_documents_are_processed_and_flagged(bad_jsonl: Path) -> None:
    batch = read_documents([bad_jsonl])
    empty = [d for d in batch.diagnostics if d.code == "empty-document"]
    assert {d.document for d in empty} == {"empty", "blank"}
    assert {d.action for d in empty} == {"processed"}


def test_messages_are_sentences_naming_the_problem(bad_jsonl: Path) -> None:
    batch = read_documents([bad_jsonl])
    by_code = {d.code: d.message for d in batch.diagnostics}
    assert "'text'" in by_code["missing-text"]
    assert "'good'" in by_code["duplicate-id"] and f"{bad_jsonl}:1" in by_code["duplicate-id"]
    assert "UTF-8" in by_code["invalid-utf8"]


def test_strict_raises_the_first_problem_with_its_place(bad_jsonl: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_documents([bad_jsonl], strict=True)
    assert caught.value.where == f"{bad_jsonl}:2"
    assert str(caught.value).startswith(f"{bad_jsonl}:2: ")
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, ClaimcheckError)


def test_strict_refuses_duplicate_ids(tmp_path: Path) -> None:
    path = tmp_path / "dup.jsonl"
    path.write_text(json.dumps(GOOD) + "\n" + json.dumps(GOOD) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="already used"):
        read_documents([path], strict=True)


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    for name in ("one.jsonl", "two.jsonl"):
        (tmp_path / name).write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    batch = read_documents([tmp_path / "one.jsonl", tmp_path / "two.jsonl"])
    assert [d.id for d in batch.documents] == ["good"]
    assert _codes(batch) == {f"{tmp_path / 'two.jsonl'}:1": "duplicate-id"}


# ---------------------------------------------------------------- .txt files


def test_txt_with_a_header(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text("id: w1\nsource: Wire\npublished: 2025-08-21\n\nThree people were hurt.\n",
                    encoding="utf-8")
    (doc,) = read_documents([path]).documents
    assert (doc.id, doc.source, doc.text) == ("w1", "Wire", "Three people were hurt.")
    assert doc.published_day is not None and doc.published_day.isoformat() == "2025-08-21"


def test_txt_without_a_header_is_all_text(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Note: this line looks like a header but is not one.\n\nSecond paragraph.",
                    encoding="utf-8")
    (doc,) = read_documents([path]).documents
    assert doc.id == "note"
    assert doc.text.startswith("Note: this line")


def test_txt_with_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffFive people died.".encode())
    (doc,) = read_documents([path]).documents
    assert doc.text == "Five people died."


def test_invalid_utf8_txt(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Cinco personas murieron en Paiporta y Catarroja, según él.".encode("latin-1"))
    batch = read_documents([path])
    assert batch.documents == []
    assert _codes(batch) == {str(path): "invalid-utf8"}


@pytest.mark.parametrize("name", ["image.jsonl", "image.txt"])
def test_binary_files(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    batch = read_documents([path])
    assert batch.documents == []
    assert _codes(batch) == {str(path): "binary-file"}


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.jsonl").write_bytes(b"")
    (tmp_path / "empty.txt").write_bytes(b"")
    batch = read_documents([tmp_path / "empty.txt", tmp_path / "empty.jsonl"])
    assert [d.id for d in batch.documents] == ["empty"]  # the .txt, read and flagged as empty
    assert batch.diagnostics[0].code == "empty-document"
    assert batch.diagnostics[0].where == f"{tmp_path / 'empty.txt'}:1"


def test_an_empty_jsonl_file_is_not_dropped_silently(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"\n\n")
    batch = read_documents([path])
    assert batch.documents or any(d.where and d.where.startswith(str(path))
                                  for d in batch.diagnostics)


# ---------------------------------------------------------------- directories and paths


def test_a_directory_with_mixed_files(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("# not an input", encoding="utf-8")
    (tmp_path / "blob.bin").write_bytes(b"\x00\x01")
    sub = tmp_path / "more"
    sub.mkdir()
    (sub / "b.txt").write_text("Two people were injured in Kyiv.", encoding="utf-8")
    (sub / "c.ndjson").write_text('{"id": "c", "text": "4 drones"}\n', encoding="utf-8")
    (tmp_path / "empty").mkdir()
    batch = read_documents([tmp_path, tmp_path / "missing.jsonl"])
    assert sorted(d.id for d in batch.documents) == ["c", "good", "more/b"]
    assert _codes(batch) == {
        str(tmp_path / "notes.md"): "unsupported-file",
        str(tmp_path / "blob.bin"): "unsupported-file",
        str(tmp_path / "missing.jsonl"): "not-found",
    }


def test_an_empty_directory(tmp_path: Path) -> None:
    batch = read_documents([tmp_path])
    assert _codes(batch) == {str(tmp_path): "empty-directory"}


# ---------------------------------------------------------------- property


@given(st.lists(st.binary(max_size=80), max_size=8), st.sampled_from([".jsonl", ".txt"]))
def test_arbitrary_bytes_never_raise_and_every_line_is_accounted_for(
    lines: list[bytes], suffix: str
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz{suffix}"
        path.write_bytes(b"\n".join(lines))
        batch = read_documents([path])
        data = path.read_bytes()
        if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE,
                            codecs.BOM_UTF32_BE)):  # the UTF-32 LE mark starts like UTF-16 LE
            return  # read as a whole in its encoding: its lines are not the raw byte lines
        if suffix == ".txt" or b"\x00" in data[:8192]:
            assert len(batch.documents) + sum(d.action == "skipped" for d in batch.diagnostics) == 1
            return
        content = [n for n, raw in enumerate(path.read_bytes().split(b"\n"), 1) if raw.strip()]
        skipped = [d for d in batch.diagnostics if d.action == "skipped"]
        assert len(batch.documents) + len(skipped) == len(content)
        assert all(d.where and d.where.startswith(f"{path}:") for d in skipped)


# ---------------------------------------------------------------- reference tables


def test_reference_csv(tmp_path: Path) -> None:
    path = tmp_path / "ref.csv"
    path.write_text("date,place,entity,measure,value,source\n"
                    "2025-07-12,Ukraine,drone,launched,597,air force\n"
                    "2025-07-12,Ukraine,missile,launched,26,\n", encoding="utf-8")
    first, second = read_reference_csv(path)
    assert (first.value, first.entity, first.measure, first.speaker) == (597, "drone",
                                                                         "launched", "air force")
    assert first.date is not None and first.date.isoformat() == "2025-07-12"
    assert second.speaker is None
    assert first.id != second.id


@pytest.mark.parametrize(
    ("content", "where", "match"),
    [
        pytest.param("entity,value\ndrone,5\n", ":1", "measure", id="missing-column"),
        pytest.param("entity,measure,value\ndrone,launched,many\n", ":2", "bad number",
                     id="bad-number"),
        pytest.param("entity,measure,value,date\ndrone,launched,5,12/07/2025\n", ":2",
                     "bad number or date", id="bad-date"),
    ],
)
def test_bad_reference_csv(tmp_path: Path, content: str, where: str, match: str) -> None:
    path = tmp_path / "ref.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=match) as caught:
        read_reference_csv(path)
    assert caught.value.where == f"{path}{where}"


def test_missing_reference_csv(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_reference_csv(tmp_path / "nope.csv")


def test_defaults_fill_what_a_txt_header_leaves_out(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("Five people were hurt in Sumy, the mayor said.\n", encoding="utf-8")
    headed = tmp_path / "headed.txt"
    headed.write_text("source: Own Wire\n\nTwo people were hurt in Sumy.\n", encoding="utf-8")
    batch = read_documents([plain, headed], defaults={"source": "Flag Wire",
                                                      "published": "2025-03-04"})
    by_id = {d.id: d for d in batch.documents}
    assert by_id["plain"].source == "Flag Wire"
    assert by_id["headed"].source == "Own Wire"  # the file's own header wins
    assert str(by_id["plain"].published) == "2025-03-04"


# ---------------------------------------------------------------- fields and values


def test_read_documents_takes_one_path(tmp_path: Path) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    assert [d.id for d in read_documents(str(path)).documents] == ["good"]
    assert [d.id for d in read_documents(path).documents] == ["good"]


def test_a_numeric_published_is_refused_naming_the_field(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps({**GOOD, "published": 12345}) + "\n", encoding="utf-8")
    batch = read_documents([path])
    assert batch.documents == []
    (diag,) = batch.diagnostics
    assert (diag.code, diag.where) == ("bad-document", f"{path}:1")
    assert "field 'published'" in diag.message and "ISO 8601" in diag.message
    assert "12345" in diag.message and "2025-07-12" in diag.message  # the expected form


def test_language_codes_in_records_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    records = [{**GOOD, "id": f"d{i}", "language": code}
               for i, code in enumerate(["EN", "en-US", "en_GB", "ES"])]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    assert [d.language for d in read_documents([path]).documents] == ["en", "en", "en", "es"]


def test_unknown_keys_of_a_record_are_kept_not_rejected(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps({**GOOD, "title": "Strike", "words": 7, "tags": ["a", "b"],
                                "paywalled": False, "note": None}) + "\n", encoding="utf-8")
    batch = read_documents([path])
    (doc,) = batch.documents
    assert doc.extra == {"title": "Strike", "words": 7, "tags": '["a", "b"]', "paywalled": False,
                         "note": None}
    assert batch.diagnostics == []  # the note is the pipeline's: see test_pipeline
    assert doc.text == GOOD["text"]


def test_an_unknown_header_key_of_a_txt_file_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text("source: Wire\ntitle: Night of drones\npublished: 2025-08-21\n\n"
                    "Three people were hurt.\n", encoding="utf-8")
    (doc,) = read_documents([path]).documents
    assert (doc.source, doc.text, doc.extra) == ("Wire", "Three people were hurt.",
                                                 {"title": "Night of drones"})
    assert doc.published == dt.date(2025, 8, 21)


def test_a_header_of_unknown_keys_only_is_text(tmp_path: Path) -> None:
    path = tmp_path / "memo.txt"
    path.write_text("To: the desk\nRe: figures\n\nFive people were hurt.\n", encoding="utf-8")
    (doc,) = read_documents([path]).documents
    assert doc.text.startswith("To: the desk") and doc.extra == {}


# ---------------------------------------------------------------- encodings and .json


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-32"])
@pytest.mark.parametrize("suffix", [".jsonl", ".txt"])
def test_files_with_a_byte_order_mark_are_read(tmp_path: Path, encoding: str, suffix: str) -> None:
    path = tmp_path / f"doc{suffix}"
    text = GOOD["text"] if suffix == ".jsonl" else "Cinco personas murieron, según él."
    content = json.dumps(GOOD, ensure_ascii=False) if suffix == ".jsonl" else f"id: good\n\n{text}"
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(encoding, b"")
    path.write_bytes(bom + (content + "\n").encode(encoding))
    batch = read_documents([path])
    assert batch.diagnostics == []
    (doc,) = batch.documents
    assert (doc.id, doc.text) == ("good", text)


def test_a_json_array_is_records(tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    records = [GOOD, {"text": "Two people were injured in Kyiv."}, [1, 2],
               {"id": "c", "text": "4 drones", "language": "EN"}]
    path.write_text(json.dumps(records, indent=2), encoding="utf-8")
    batch = read_documents([path])
    assert [d.id for d in batch.documents] == ["good", "feed-2", "c"]
    (diag,) = batch.diagnostics
    assert diag.code == "bad-json" and "element 3" in diag.message
    # each record is named by the line its object starts on
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[int(diag.where.rsplit(":", 1)[1]) - 1].strip() == "["  # type: ignore[union-attr]


def test_a_json_file_with_one_object_or_with_lines(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"text": "Five people died."}, indent=2), encoding="utf-8")
    lines = tmp_path / "lines.json"
    lines.write_text(json.dumps(GOOD) + "\n" + json.dumps({"text": "Six died."}) + "\n",
                     encoding="utf-8")
    batch = read_documents([one, lines])
    assert [d.id for d in batch.documents] == ["one", "good", "lines-2"]
    assert batch.diagnostics == []


def test_a_broken_json_array_is_named_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[{"id": "a", "text": "One."},\n{"id": "b", "text": ', encoding="utf-8")
    batch = read_documents([path])
    assert batch.documents == []
    assert {d.code for d in batch.diagnostics} == {"bad-json"}
    assert all(d.where and d.where.startswith(f"{path}:") for d in batch.diagnostics)


# ---------------------------------------------------------------- ids and folders


def test_ids_in_a_folder_are_relative_paths(tmp_path: Path) -> None:
    for country, text in (("de", "Two people were hurt."), ("uk", "Three people were hurt.")):
        (tmp_path / country).mkdir()
        (tmp_path / country / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "uk" / "feed.jsonl").write_text(
        json.dumps({"text": "No id."}) + "\n" + json.dumps(GOOD) + "\n", encoding="utf-8")
    batch = read_documents([tmp_path])
    assert sorted(d.id for d in batch.documents) == ["de/a", "good", "uk/a", "uk/feed-1"]
    assert batch.diagnostics == []
    # a file's id does not depend on which other files are present
    assert [d.id for d in read_documents([tmp_path / "uk"]).documents] == ["a", "feed-1", "good"]
    assert [d.id for d in read_documents([tmp_path / "uk" / "a.txt"]).documents] == ["a"]


def test_where_each_document_came_from(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text("\n" + json.dumps(GOOD) + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Two people were hurt.", encoding="utf-8")
    batch = read_documents([tmp_path])
    assert batch.where == {"good": f"{path}:2", "b": f"{tmp_path / 'b.txt'}:1"}


def test_a_dangling_link_in_a_folder_is_named(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Two people were hurt.", encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    batch = read_documents([tmp_path])
    assert [d.id for d in batch.documents] == ["a"]
    (diag,) = batch.diagnostics
    assert (diag.code, diag.where, diag.action) == ("broken-link", str(tmp_path / "gone.txt"),
                                                    "skipped")
    assert "deleted.txt" in diag.message and "does not exist" in diag.message


def test_a_link_loop_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Two people were hurt.", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path)
    batch = read_documents([tmp_path])
    assert [d.id for d in batch.documents] == ["a"]


def test_an_unreadable_file_in_a_folder_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text("Two people were hurt.", encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text("Three people were hurt.", encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == locked:  # root reads everything: a chmod would not lock it
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    batch = read_documents([tmp_path])
    assert [d.id for d in batch.documents] == ["a"]
    (diag,) = batch.diagnostics
    assert (diag.code, diag.where) == ("unreadable", str(locked))
    assert "Permission denied" in diag.message


@pytest.mark.skipif(os.geteuid() == 0, reason="root can list any directory")
def test_an_unlistable_folder_is_named(tmp_path: Path) -> None:  # pragma: no cover - as root
    (tmp_path / "a.txt").write_text("Two people were hurt.", encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        batch = read_documents([tmp_path])
    finally:
        locked.chmod(0o755)
    assert [d.id for d in batch.documents] == ["a"]
    assert [(d.code, d.where) for d in batch.diagnostics] == [("unreadable", str(locked))]


def test_a_failure_while_reading_one_file_spares_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text("Two people were hurt.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Three people were hurt.", encoding="utf-8")
    real = claimcheck.io._read_txt

    def read_txt(path: str, *args: Any) -> Any:
        if Path(path).name == "a.txt":
            raise KeyError("made up for the test")
        return real(path, *args)

    monkeypatch.setattr(claimcheck.io, "_read_txt", read_txt)
    batch = read_documents([tmp_path])
    assert [d.id for d in batch.documents] == ["b"]
    (diag,) = batch.diagnostics
    assert (diag.code, diag.where) == ("internal-error", str(tmp_path / "a.txt"))
    assert "KeyError" in diag.message and "please report this" in diag.message
    with pytest.raises(InternalError, match="KeyError"):
        read_documents([tmp_path], strict=True)


# ---------------------------------------------------------------- open files, read_jsonl, to_jsonl


def _bytes(*records: dict[str, Any] | str) -> bytes:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records).encode("utf-8")


def test_an_open_file_of_json_lines() -> None:
    import io

    stream = io.BytesIO(_bytes({"id": "a", "text": "Nine people were hurt."}, "[1, 2",
                               {"text": "Ten boats sank."}))
    batch = read_documents(stream)
    assert [d.id for d in batch.documents] == ["a", "stream-3"]
    assert [(d.where, d.code) for d in batch.diagnostics] == [("<stream>:2", "bad-json")]


@pytest.mark.parametrize(("data", "ids"), [
    (b"[Wire] Four people were hurt.", ["feed"]),  # a bracket, but no JSON array: text
    (b'[{"id": "x", "text": "Four people were hurt."}]', ["x"]),
    (b'\xef\xbb\xbf  {"id": "y", "text": "Four people were hurt."}', ["y"]),
    ("Four people were hurt.".encode("utf-16"), ["feed"]),
], ids=["bracketed-text", "json-array", "bom-and-object", "utf-16-text"])
def test_an_open_file_is_told_apart_by_its_first_character(data: bytes, ids: list[str]) -> None:
    import io

    stream = io.BytesIO(data)
    stream.name = "feed.txt"  # type: ignore[attr-defined]
    batch = read_documents(stream, defaults={"source": "Wire"})
    assert [d.id for d in batch.documents] == ids
    assert batch.diagnostics == []
    assert batch.documents[0].text.endswith("Four people were hurt.") or ids != ["feed"]


def test_a_text_stream_is_read_too() -> None:
    import io

    batch = read_documents(io.StringIO("Eleven people were hurt."))
    assert [(d.id, d.text) for d in batch.documents] == [("stream", "Eleven people were hurt.")]


def test_read_jsonl_reads_json_lines_whatever_the_name(tmp_path: Path) -> None:
    path = tmp_path / "feed.log"
    path.write_bytes(_bytes({"id": "a", "text": "Nine people were hurt."}, "oops",
                            {"text": "Ten boats sank."}))
    batch = claimcheck.read_jsonl(path)
    assert [d.id for d in batch.documents] == ["a", "feed-3"]
    assert [d.where for d in batch.diagnostics] == [f"{path}:2"]
    with pytest.raises(InputError, match=r"feed\.log:2: not a JSON object"):
        claimcheck.read_jsonl(path, strict=True)
    with path.open("rb") as handle:
        assert [d.id for d in claimcheck.read_jsonl(handle).documents] == ["a", "feed-3"]


def test_read_jsonl_refuses_what_is_no_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="use read_documents"):
        claimcheck.read_jsonl(tmp_path)
    with pytest.raises(TypeError, match="takes a path or an open file"):
        claimcheck.read_jsonl([tmp_path])  # type: ignore[arg-type]


def test_to_jsonl_round_trips_documents_and_claims(tmp_path: Path) -> None:
    docs = [claimcheck.Document(id="a", text="At least 11 people died in Almería.",
                                published="2025-10-14", source="Wire", extra={"desk": "south"}),
            claimcheck.Document(id="b", text="Fourteen people died in Almería.")]
    path = tmp_path / "docs.jsonl"
    assert claimcheck.to_jsonl(docs, path) == 2
    assert claimcheck.read_jsonl(path).documents == docs
    report = claimcheck.check(docs)
    out = tmp_path / "claims.jsonl"
    assert claimcheck.to_jsonl(report.claims, out) == len(report.claims)
    back = [claimcheck.Claim.model_validate_json(line)
            for line in out.read_text(encoding="utf-8").splitlines()]
    assert back == report.claims


def test_to_jsonl_writes_mappings_to_an_open_file() -> None:
    import io

    buffer = io.StringIO()
    assert claimcheck.to_jsonl([{"a": 1}, {"b": "\u2028"}], buffer) == 2
    assert buffer.getvalue() == '{"a": 1}\n{"b": "\\u2028"}\n'


@pytest.mark.parametrize("records", ["text", {"a": 1}], ids=["str", "mapping"])
def test_to_jsonl_wants_a_collection(records: Any) -> None:
    import io

    with pytest.raises(TypeError, match="takes a collection of records"):
        claimcheck.to_jsonl(records, io.StringIO())
    with pytest.raises(TypeError, match="record 1 is the int"):
        claimcheck.to_jsonl([{"a": 1}, 5], io.StringIO())  # type: ignore[list-item]


def test_atomic_write_replaces_the_file_only_when_done(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    path.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError), claimcheck.io.atomic_write(path) as handle:
        handle.write("half")
        raise RuntimeError("stop")
    assert path.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]
    with claimcheck.io.atomic_write(path) as handle:
        handle.write("new\n")
    assert path.read_text(encoding="utf-8") == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask  # like open(), not 0o600
