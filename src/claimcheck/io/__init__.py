"""Reading documents and reference tables, writing records; the only module that touches files.

`read_documents(paths)` accepts `.jsonl` files (one document per line, docs/schema.md),
`.json` files (a JSON array of documents, one object, or JSON Lines), `.txt` files (one
document each, with an optional `key: value` header ended by a blank line), directories of
those, and open files such as `sys.stdin.buffer` (JSON Lines, a JSON array or plain text,
told apart by their first character). `read_jsonl(path or file)` reads JSON Lines whatever
the file is named; `to_jsonl(records, path or file)` writes records one per line, and
`atomic_write(path)` writes a file so that a killed run leaves no half-written file.
Files may be UTF-8 (with or without a byte order mark) or UTF-16/UTF-32 with a byte order
mark. Every input ends up either as a `Document` or as a `Diagnostic` saying what was wrong
and where (file and line): nothing is dropped silently.

A document's id is its record's own `id`; else, for a file named on its own, the file name
without extension, and for a file found in a directory, its path relative to that directory
without extension (`uk/a`), so ids never depend on which other files are present. A record
without an id in a `.jsonl` file adds its line number (`uk/a-3`), in a JSON array its place
in the array.
"""

from __future__ import annotations

import codecs
import contextlib
import json
import os
import re
import secrets
from collections.abc import Iterable, Iterator, Mapping
from io import BytesIO
from pathlib import Path
from typing import IO, Any, TextIO, cast

from pydantic import BaseModel, ValidationError

from claimcheck.errors import (
    DocumentError,
    DuplicateDocumentError,
    InputError,
    InputTypeError,
    InternalError,
)
from claimcheck.io.reference import read_reference_csv
from claimcheck.models import Diagnostic, Document
from claimcheck.pipeline import Batch, problems
from claimcheck.report import dumps

__all__ = ["Batch", "atomic_write", "iter_documents", "read_documents", "read_jsonl",
           "read_reference_csv", "to_jsonl"]

_HEADER_KEYS = ("id", "source", "url", "published", "language")
_HEADER_LINE = re.compile(r"([A-Za-z][\w-]{0,40})[ \t]*:(.*)")
_SUFFIXES = (".jsonl", ".txt", ".json", ".ndjson")
_BINARY_SNIFF = 8192
#: byte order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one)
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))

_Item = Diagnostic | tuple[Document, str]
#: a path, or an open file (binary or text) to read documents from
Source = str | os.PathLike[str] | IO[bytes] | IO[str]


def read_documents(
    paths: Source | Iterable[Source], *, strict: bool = False,
    defaults: dict[str, str] | None = None,
) -> Batch:
    """Read one path or every path; with `strict`, the first bad input raises `InputError`.

    A path may also be an open file (`sys.stdin.buffer`): JSON Lines, a JSON array or one
    object when it starts with `{` or `[`, else one plain-text document named after the
    file (`stdin`). `defaults` (source, url, published, language) fill what a `.txt` file's
    header, or a plain text, leaves out. The Batch can be passed to `claimcheck.check` as it
    is: `check(read_documents("docs/"))`.
    """
    if isinstance(paths, (str, os.PathLike)) or _is_file(paths):
        sources = [cast(Source, paths)]
    else:
        sources = list(cast(Iterable[Source], paths))
    return _collect(sources, strict, defaults or {}, jsonl=False)


def read_jsonl(source: Source, *, strict: bool = False) -> Batch:
    """The documents of one JSON Lines file or open file, whatever its name.

    Every line is a document or a diagnostic, as with `read_documents`; with `strict` the
    first bad line raises `InputError`. Ids default to `<file stem>-<line number>`.
    """
    if not isinstance(source, (str, os.PathLike)) and not _is_file(source):
        raise InputTypeError(
            f"read_jsonl() takes a path or an open file, not the {type(source).__name__} "
            f"{source!r:.60}; to read several files or a folder, use read_documents()")
    if isinstance(source, (str, os.PathLike)) and Path(source).is_dir():
        raise InputError("read_jsonl() reads one file, and this is a directory; use "
                         "read_documents() for a directory", where=os.fspath(source))
    return _collect([source], strict, {}, jsonl=True)


def _collect(paths: Iterable[Source], strict: bool, defaults: dict[str, str], *,
             jsonl: bool) -> Batch:
    batch = Batch()
    for path, base in _expand(paths, batch, strict):
        for item in _read_safely(path, base, defaults, jsonl):
            if isinstance(item, Diagnostic):
                if strict and item.action != "processed":
                    if item.code == "internal-error":
                        raise InternalError(item.message, where=item.where)
                    error = DocumentError if item.document is not None else InputError
                    raise error(item.message, where=item.where)
                batch.diagnostics.append(item)
                continue
            doc, where = item
            if doc.id in batch.where:
                diag = Diagnostic(
                    code="duplicate-id",
                    message=f"document id {doc.id!r} was already used at {batch.where[doc.id]}; "
                    "give every document a unique id",
                    where=where,
                    document=doc.id,
                )
                if strict:
                    raise DuplicateDocumentError(diag.message, where=where)
                batch.diagnostics.append(diag)
                continue
            batch.where[doc.id] = where
            batch.documents.append(doc)
    return batch


def _is_file(value: object) -> bool:
    return callable(getattr(value, "read", None))


def _stream_name(handle: IO[Any]) -> str:
    name = getattr(handle, "name", None)
    return name if isinstance(name, str) else "<stream>"


def _expand(paths: Iterable[Source], batch: Batch, strict: bool
            ) -> Iterator[tuple[Path | IO[Any], str]]:
    """Every file to read, with the id its documents are named after."""
    for raw in paths:
        if _is_file(raw):
            handle = cast(IO[Any], raw)
            name = _stream_name(handle)
            yield handle, name.strip("<>") if name.startswith("<") else Path(name).stem
            continue
        path = Path(cast("str | os.PathLike[str]", raw))
        if path.is_dir():
            files, problems_found = _walk(path)
            if not files and not problems_found:
                problems_found.append(Diagnostic(
                    code="empty-directory", message="the directory holds no files; give a "
                    "directory with .jsonl, .json or .txt files", where=str(path)))
            for diag in problems_found:
                if strict:
                    raise InputError(diag.message, where=diag.where)
                batch.diagnostics.append(diag)
            for child in files:
                if child.suffix.lower() in _SUFFIXES:
                    yield child, child.relative_to(path).with_suffix("").as_posix()
                else:
                    diag = Diagnostic(
                        code="unsupported-file",
                        message=f"{child.suffix or 'no'} extension: only .jsonl, .json and .txt "
                        "files are read",
                        where=str(child),
                    )
                    if strict:
                        raise InputError(diag.message, where=diag.where)
                    batch.diagnostics.append(diag)
        elif path.exists():
            yield path, path.stem
        else:
            diag = Diagnostic(code="not-found", where=str(path), message=(
                f"the symbolic link points to {os.readlink(path)!r}, which does not exist"
                if path.is_symlink() else "no such file or directory"))
            if strict:
                raise InputError(diag.message, where=diag.where)
            batch.diagnostics.append(diag)


def _walk(folder: Path) -> tuple[list[Path], list[Diagnostic]]:
    """The regular files under a folder, sorted, and a diagnostic for everything else there
    that cannot be read: a dangling link, a directory that cannot be listed, a device."""
    files: list[Path] = []
    found: list[Diagnostic] = []
    seen = {os.path.realpath(folder)}

    def unlistable(exc: OSError) -> None:
        found.append(Diagnostic(code="unreadable", where=exc.filename or str(folder), message=(
            f"cannot list the directory: {exc.strerror}; check its permissions")))

    for top, dirs, names in os.walk(folder, onerror=unlistable, followlinks=True):
        for name in list(dirs):  # a link back up the tree is followed once, not forever
            real = os.path.realpath(os.path.join(top, name))
            if real in seen:
                dirs.remove(name)
            seen.add(real)
        dirs.sort()
        for name in names:
            child = Path(top, name)
            if child.is_file():
                files.append(child)
            elif child.is_symlink() and not child.exists():
                found.append(Diagnostic(code="broken-link", where=str(child), message=(
                    f"the symbolic link points to {os.readlink(child)!r}, which does not "
                    "exist; fix or remove the link")))
            else:
                found.append(Diagnostic(code="unsupported-file", where=str(child), message=(
                    "not a regular file (a device, socket or pipe); only .jsonl, .json and "
                    ".txt files are read")))
    return sorted(files), found


def _read_safely(path: Path | IO[Any], base: str, defaults: dict[str, str], jsonl: bool
                 ) -> Iterator[_Item]:
    """The items of one file; a failure of claimcheck's own ends that file, not the run."""
    name = str(path) if isinstance(path, Path) else _stream_name(path)
    try:
        yield from _read_path(path, name, base, defaults, jsonl)
    except Exception as exc:  # noqa: BLE001 - turned into a diagnostic naming the file
        yield _bug_reading(name, exc)


def _bug_reading(name: str, exc: Exception) -> Diagnostic:
    """The diagnostic of a failure of claimcheck's own while reading the file `name`."""
    return Diagnostic(
        code="internal-error", where=name,
        message=f"claimcheck failed reading the file with {type(exc).__name__}: {exc}; "
        "this is a bug in claimcheck, please report this with the file; the rest of the "
        "file was left out")


def _read_path(path: Path | IO[Any], name: str, base: str, defaults: dict[str, str],
               jsonl: bool) -> Iterator[_Item]:
    try:
        raw = path.read_bytes() if isinstance(path, Path) else path.read()
    except OSError as exc:
        yield Diagnostic(code="unreadable", message=f"cannot read the file: {exc.strerror}; "
                         "check its permissions", where=name)
        return
    data = raw.encode("utf-8", "surrogateescape") if isinstance(raw, str) else raw
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                data = data.decode(codec).encode("utf-8")
            except UnicodeDecodeError as exc:
                yield Diagnostic(code="invalid-utf8", where=name, message=(
                    f"the file starts with a {codec.upper()} byte order mark but is not valid "
                    f"{codec.upper()} (byte {exc.start}); save it as UTF-8"))
                return
            break
    if b"\x00" in data[:_BINARY_SNIFF]:
        yield Diagnostic(code="binary-file", message="the file is binary, not UTF-8 text",
                         where=name)
        return
    kind = "jsonl" if jsonl else _kind(path, data)
    if kind == "json":
        yield from _read_json(name, base, data)
    elif kind == "jsonl":
        yield from _read_jsonl(name, base, data)
    else:
        yield from _read_txt(name, base, data, defaults)


def _kind(path: Path | IO[Any], data: bytes) -> str:
    """How to read a file: by its suffix; an open file by its first character."""
    if isinstance(path, Path):
        suffix = path.suffix.lower()
        return "json" if suffix == ".json" else "jsonl" if suffix in (".jsonl", ".ndjson") \
            else "txt"
    head = data.lstrip()[:1]
    if head == b"{":
        return "json"  # one object, or JSON Lines
    if head == b"[":  # a JSON array, unless it is text that starts with a bracket
        try:
            return "json" if isinstance(json.loads(data), list) else "txt"
        except (UnicodeDecodeError, json.JSONDecodeError):
            return "txt"
    return "txt"


def _read_json(path: str, base: str, data: bytes) -> Iterator[_Item]:
    """A `.json` file: an array of documents, one document, or JSON Lines."""
    try:
        text = data.decode("utf-8")
        whole = json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError):
        whole = None
    if isinstance(whole, dict):
        yield from _record(whole, base, f"{path}:1")
    elif isinstance(whole, list):
        if not whole:
            yield Diagnostic(code="empty-file", message="the JSON array holds no documents",
                             where=str(path), action="processed")
        decoder = json.JSONDecoder()
        at = text.index("[") + 1
        for n, record in enumerate(whole, start=1):
            at = _skip(text, at)
            _, end = decoder.raw_decode(text, at)  # where the element starts, for its line
            where = f"{path}:{text.count(chr(10), 0, at) + 1}"
            at = end
            if isinstance(record, dict):
                yield from _record(record, f"{base}-{n}", where)
            else:
                yield Diagnostic(code="bad-json", where=where, message=(
                    f"element {n} of the array is a {type(record).__name__}, not a JSON "
                    "object; each document must be an object with a 'text' field"))
    else:
        yield from _read_jsonl(path, base, data)


def _skip(text: str, at: int) -> int:
    while at < len(text) and (text[at].isspace() or text[at] == ","):
        at += 1
    return at


def _read_jsonl(path: str, base: str, data: bytes) -> Iterator[_Item]:
    if not data.strip():
        yield Diagnostic(code="empty-file", message="the file holds no documents",
                         where=str(path), action="processed")
        return
    for number, raw in enumerate(data.split(b"\n"), start=1):
        yield from _jsonl_line(raw, path, base, number)


def _jsonl_line(raw: bytes, path: str, base: str, number: int) -> Iterator[_Item]:
    """One line of a JSON Lines file: a document, a diagnostic, or nothing when blank."""
    where = f"{path}:{number}"
    if not raw.strip():
        return
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        yield Diagnostic(code="invalid-utf8",
                         message=f"the line is not valid UTF-8 (byte {exc.start})", where=where)
        return
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        # json says "Unterminated string starting at", then the place
        yield Diagnostic(code="bad-json", message=f"not a JSON object: "
                         f"{exc.msg.removesuffix(' at')} at column {exc.colno}; write one "
                         "JSON object per line", where=where)
        return
    if not isinstance(record, dict):
        yield Diagnostic(code="bad-json", message="the line must hold a JSON object",
                         where=where)
        return
    yield from _record(record, f"{base}-{number}", where)


# ---------------------------------------------------------------- one document at a time


def iter_documents(paths: Source | Iterable[Source], *,
                   defaults: dict[str, str] | None = None) -> Iterator[_Item]:
    """Every document of `paths` as `(Document, where)` as soon as it is read, and every
    problem as a `Diagnostic`, in input order: what `check_stream` takes.

    A JSON Lines file (`.jsonl`, `.ndjson`) and an open file (standard input, read as JSON
    Lines) are read a line at a time, so a stream of any length never sits in memory whole;
    other files are read whole, one at a time, as `read_documents` reads them. Ids are not
    checked for duplicates here (`check_stream` does it).
    """
    if isinstance(paths, (str, os.PathLike)) or _is_file(paths):
        sources = [cast(Source, paths)]
    else:
        sources = list(cast(Iterable[Source], paths))
    batch = Batch()  # where `_expand` puts what it cannot read
    for path, base in _expand(sources, batch, False):
        yield from batch.diagnostics
        batch.diagnostics.clear()
        if _is_file(path) or cast(Path, path).suffix.lower() in (".jsonl", ".ndjson"):
            yield from _lines_safely(path, base)
        else:
            yield from _read_safely(path, base, defaults or {}, jsonl=False)
    yield from batch.diagnostics


def _lines_safely(path: Path | IO[Any], base: str) -> Iterator[_Item]:
    """A JSON Lines file a line at a time; a file that is not UTF-8 (a UTF-16 byte order
    mark) is read whole instead, and a failure of claimcheck's own ends the file."""
    name = str(path) if isinstance(path, Path) else _stream_name(path)
    try:
        with contextlib.ExitStack() as stack:
            if isinstance(path, Path):
                handle: IO[Any] = stack.enter_context(path.open("rb"))
            else:
                handle = getattr(path, "buffer", path)  # a text stream's bytes underneath
            first = handle.readline()
            if isinstance(first, str):
                first = first.encode("utf-8", "surrogateescape")
            if any(first.startswith(bom) for bom, codec in _BOMS if codec != "utf-8-sig"):
                rest = handle.read()
                data = first + (rest.encode("utf-8", "surrogateescape")
                                if isinstance(rest, str) else rest)
                yield from _read_path(BytesIO(data), name, base, {}, True)
                return
            first = first.removeprefix(codecs.BOM_UTF8)
            empty = True
            number = 0
            for number, raw in enumerate(_chain(first, handle), start=1):
                empty = empty and not raw.strip()
                yield from _jsonl_line(raw, name, base, number)
            if empty:
                yield Diagnostic(code="empty-file", message="the file holds no documents",
                                 where=name, action="processed")
    except OSError as exc:
        yield Diagnostic(code="unreadable", message=f"cannot read the file: {exc.strerror}; "
                         "check its permissions", where=name)
    except Exception as exc:  # noqa: BLE001 - turned into a diagnostic naming the file
        yield _bug_reading(name, exc)


def _chain(first: bytes, handle: IO[Any]) -> Iterator[bytes]:
    yield first
    for line in handle:
        yield line.encode("utf-8", "surrogateescape") if isinstance(line, str) else line


def _record(record: dict[str, Any], default_id: str, where: str) -> Iterator[_Item]:
    if "id" not in record:
        record = {**record, "id": default_id}
    elif isinstance(record["id"], int) and not isinstance(record["id"], bool):
        record = {**record, "id": str(record["id"])}
    yield from _document(record, where)


def _read_txt(path: str, base: str, data: bytes, defaults: dict[str, str]) -> Iterator[_Item]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield Diagnostic(code="invalid-utf8",
                         message=f"the file is not valid UTF-8 (byte {exc.start})", where=str(path))
        return
    record: dict[str, Any] = {"id": base, **defaults}
    header, text = _header(text)
    record.update(header)
    record["text"] = text.strip("\n")
    yield from _document(record, f"{path}:1")


def _header(text: str) -> tuple[dict[str, str], str]:
    """A `.txt` file's `key: value` header and the text after it.

    The lines before the first blank line are a header when each is `key: value` and one key
    at least is one claimcheck reads (`id`, `source`, `url`, `published`, `language`); other
    keys are kept in the document's `extra`. Otherwise the whole file is text.
    """
    lines = text.split("\n")
    header: dict[str, str] = {}
    for i, line in enumerate(lines):
        if not line.strip():
            if any(key in _HEADER_KEYS for key in header):
                return header, "\n".join(lines[i + 1 :])
            break
        match = _HEADER_LINE.fullmatch(line.rstrip("\r"))
        if match is None:
            break
        header[match[1].lower()] = match[2].strip()
    else:  # a file that is all header lines keeps them as its text
        if any(key in _HEADER_KEYS for key in header):
            return header, text
    return {}, text


def _document(record: dict[str, Any], where: str) -> Iterator[_Item]:
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
        found = "has none" if "text" not in record else \
            f"has a {type(record['text']).__name__} instead"
        yield Diagnostic(code="missing-text", message=f"the document needs a 'text' string "
                         f"and {found}; put the article body in a 'text' field",
                         where=where, document=str(record.get("id")))
        return
    try:
        doc = Document.from_record(record)
    except ValidationError as exc:
        yield Diagnostic(code="bad-document", message=problems(exc), where=where,
                         document=str(record.get("id")))
        return
    if not doc.text.strip():
        yield Diagnostic(code="empty-document", message="the document text is empty; "
                         "it was read but holds no claims", where=where, document=doc.id,
                         action="processed")
    yield doc, where


# ---------------------------------------------------------------- writing


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str]) -> Iterator[TextIO]:
    """A text file (UTF-8) to write `path` through: the text goes to a temporary file beside
    it, renamed into place when the block ends without an exception. A run that fails or is
    killed leaves `path` as it was, never half written."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    # O_EXCL: never write through a file someone else made; 0o666 less the umask, like open()
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with open(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def to_jsonl(records: Iterable[BaseModel | Mapping[str, Any]],
             destination: str | os.PathLike[str] | IO[str]) -> int:
    """Write records (Documents, Claims, report rows or mappings) one JSON object per line.

    `destination` is a path, written atomically (see `atomic_write`), or an open text file.
    Returns the number of records written. Read them back with `read_jsonl` (documents) or
    `Claim.model_validate_json` (claims).
    """
    if isinstance(records, (BaseModel, Mapping, str, bytes)):
        raise InputTypeError(
            f"to_jsonl() takes a collection of records, not one {type(records).__name__}; pass "
            "a list such as report.claims, report.claim_rows() or batch.documents")
    if isinstance(destination, (str, os.PathLike)):
        with atomic_write(destination) as handle:
            return _write_lines(records, handle)
    return _write_lines(records, destination)


def _write_lines(records: Iterable[BaseModel | Mapping[str, Any]], handle: IO[str]) -> int:
    count = 0
    for n, record in enumerate(records):
        if isinstance(record, BaseModel):
            data: Any = record.model_dump(mode="json")
        elif isinstance(record, Mapping):
            data = dict(record)
        else:
            raise InputTypeError(f"record {n} is the {type(record).__name__} {record!r:.60}; "
                                 "each record must be a pydantic model or a mapping")
        handle.write(dumps(data) + "\n")
        count += 1
    return count
