"""Reading documents and reference tables; the only module that touches files.

`read_documents(paths)` accepts `.jsonl` files (one document per line, SCHEMA.md), `.txt`
files (one document each, with an optional `key: value` header ended by a blank line), and
directories of those. Every input ends up either as a `Document` or as a `Diagnostic` saying
what was wrong and where (file and line): nothing is dropped silently.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from claimcheck.errors import DocumentError, DuplicateDocumentError, InputError
from claimcheck.lexicon import plural
from claimcheck.models import Claim, Diagnostic, Document

_HEADER_KEYS = ("id", "source", "url", "published", "language")
_BINARY_SNIFF = 8192


@dataclass
class Batch:
    """Documents read from inputs, and a diagnostic for every input that was rejected."""

    documents: list[Document] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def read_documents(
    paths: Iterable[str | Path], *, strict: bool = False, defaults: dict[str, str] | None = None
) -> Batch:
    """Read every path; with `strict`, the first bad input raises `InputError` instead.

    `defaults` (source, url, published, language) fill what a `.txt` file's header leaves out.
    """
    batch = Batch()
    seen: dict[str, str] = {}
    for path in _expand(paths, batch):
        for item in _read_path(path, defaults or {}):
            if isinstance(item, Diagnostic):
                if strict and item.action != "processed":
                    error = DocumentError if item.document is not None else InputError
                    raise error(item.message, where=item.where)
                batch.diagnostics.append(item)
                continue
            doc, where = item
            if doc.id in seen:
                diag = Diagnostic(
                    code="duplicate-id",
                    message=f"document id {doc.id!r} was already used at {seen[doc.id]}; "
                    "give every document a unique id",
                    where=where,
                    document=doc.id,
                )
                if strict:
                    raise DuplicateDocumentError(diag.message, where=where)
                batch.diagnostics.append(diag)
                continue
            seen[doc.id] = where
            batch.documents.append(doc)
    return batch


def _expand(paths: Iterable[str | Path], batch: Batch) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            children = sorted(p for p in path.rglob("*") if p.is_file())
            if not children:
                batch.diagnostics.append(Diagnostic(
                    code="empty-directory", message="the directory holds no files", where=str(path)))
            for child in children:
                if child.suffix.lower() in (".jsonl", ".txt", ".json", ".ndjson"):
                    yield child
                else:
                    batch.diagnostics.append(Diagnostic(
                        code="unsupported-file",
                        message=f"{child.suffix or 'no'} extension: only .jsonl and .txt files "
                        "are read",
                        where=str(child),
                    ))
        elif path.exists():
            yield path
        else:
            batch.diagnostics.append(Diagnostic(
                code="not-found", message="no such file or directory", where=str(path)))


def _read_path(path: Path, defaults: dict[str, str]) -> Iterator[Diagnostic | tuple[Document, str]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Diagnostic(code="unreadable", message=f"cannot read the file: {exc.strerror}",
                         where=str(path))
        return
    if b"\x00" in data[:_BINARY_SNIFF]:
        yield Diagnostic(code="binary-file", message="the file is binary, not UTF-8 text",
                         where=str(path))
        return
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        yield from _read_jsonl(path, data)
    else:
        yield from _read_txt(path, data, defaults)


def _read_jsonl(path: Path, data: bytes) -> Iterator[Diagnostic | tuple[Document, str]]:
    if not data.strip():
        yield Diagnostic(code="empty-file", message="the file holds no documents",
                         where=str(path), action="processed")
        return
    for number, raw in enumerate(data.split(b"\n"), start=1):
        where = f"{path}:{number}"
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield Diagnostic(code="invalid-utf8",
                             message=f"the line is not valid UTF-8 (byte {exc.start})", where=where)
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Diagnostic(code="bad-json", message=f"not a JSON object: {exc.msg} "
                             f"at column {exc.colno}", where=where)
            continue
        if not isinstance(record, dict):
            yield Diagnostic(code="bad-json", message="the line must hold a JSON object",
                             where=where)
            continue
        if "id" not in record:
            record = {**record, "id": f"{path.stem}-{number}"}
        elif isinstance(record["id"], int) and not isinstance(record["id"], bool):
            record = {**record, "id": str(record["id"])}
        yield from _document(record, where)


def _read_txt(path: Path, data: bytes, defaults: dict[str, str]
              ) -> Iterator[Diagnostic | tuple[Document, str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield Diagnostic(code="invalid-utf8",
                         message=f"the file is not valid UTF-8 (byte {exc.start})", where=str(path))
        return
    record: dict[str, Any] = {"id": path.stem, **defaults}
    lines = text.split("\n")
    header: dict[str, str] = {}
    for i, line in enumerate(lines):
        key, sep, value = line.partition(":")
        if not line.strip():
            if header:
                text = "\n".join(lines[i + 1 :])
            break
        if not sep or key.strip().lower() not in _HEADER_KEYS:
            header = {}
            break
        header[key.strip().lower()] = value.strip()
    record.update(header)
    record["text"] = text.strip("\n")
    yield from _document(record, f"{path}:1")


def _document(record: dict[str, Any], where: str) -> Iterator[Diagnostic | tuple[Document, str]]:
    for key, value in record.items():
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                yield Diagnostic(code="invalid-unicode", message=f"field {key!r} holds a lone "
                                 "surrogate escape, which is no Unicode text", where=where,
                                 document=str(record.get("id")))
                return
    if not isinstance(record.get("text"), str):
        found = "missing" if "text" not in record else f"a {type(record['text']).__name__}"
        yield Diagnostic(code="missing-text", message=f"the document needs a 'text' string, "
                         f"found {found}", where=where, document=str(record.get("id")))
        return
    try:
        doc = Document.model_validate(record)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'document'}: {e['msg']}" for e in exc.errors()
        )
        yield Diagnostic(code="bad-document", message=problems, where=where,
                         document=str(record.get("id")))
        return
    if not doc.text.strip():
        yield Diagnostic(code="empty-document", message="the document text is empty; "
                         "it was read but holds no claims", where=where, document=doc.id,
                         action="processed")
    yield doc, where


def read_reference_csv(path: str | Path) -> list[Claim]:
    """A CSV of reference figures (date, place, entity, measure, value, source) as claims."""
    path = Path(path)
    claims: list[Claim] = []
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise InputError(f"cannot read the reference table: {exc.strerror}", where=str(path)) from exc
    with handle:
        reader = csv.DictReader(handle)
        required = {"value", "entity", "measure"}
        missing = required - set(reader.fieldnames or [])
        if missing:
            raise InputError(f"the reference table needs columns {sorted(missing)}; "
                             "add them to the header row", where=f"{path}:1")
        for number, row in enumerate(reader, start=2):
            where = f"{path}:{number}"
            try:
                value = float(row["value"])
                low = float(row["low"]) if row.get("low") else value
                high = float(row["high"]) if row.get("high") else value
                day = dt.date.fromisoformat(row["date"]) if row.get("date") else None
            except ValueError as exc:
                raise InputError(f"bad number or date in the row: {exc}", where=where) from exc
            try:
                as_of = _timestamp(row["as_of"]) if row.get("as_of") else None
            except ValueError as exc:
                raise InputError(f"bad as_of timestamp {row['as_of']!r}: use ISO 8601",
                                 where=where) from exc
            text = f"{row['value']} {plural(row['entity'], value)} {row['measure']}"
            try:
                claims.append(_reference_claim(path, number, row, text, value, low, high, day,
                                               as_of))
            except ValidationError as exc:
                problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}"
                                     for e in exc.errors())
                raise InputError(f"the row is not a valid figure ({problems}); fix the row",
                                 where=where) from exc
    return claims


def _timestamp(raw: str) -> dt.datetime:
    stamp = dt.datetime.fromisoformat(raw)
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.timezone.utc)


def _reference_claim(path: Path, number: int, row: dict[str, str], text: str, value: float,
                     low: float, high: float, day: dt.date | None,
                     as_of: dt.datetime | None) -> Claim:
    return Claim(
        id=f"ref:{path.stem}:{number - 1}", doc=f"ref:{path.stem}", start=0, end=len(text),
        text=text, sentence=f"{row.get('source') or path.stem}: {text}",
        value=value, low=low, high=high,
        qualifier=row.get("qualifier") or "exact",
        unit=row.get("unit") or None, entity=row["entity"], measure=row["measure"],
        location=row.get("place") or None, date=day, date_precision="day" if day else None,
        speaker=row.get("source") or None, as_of=as_of,
    )
