"""Wires the stages: documents -> claims -> groups -> discrepancies -> Report.

Every document is taken on its own: an exception claimcheck did not expect while extracting
or dating one document becomes an `internal-error` diagnostic naming that document, and the
run goes on with the others. `check()` and `extract_documents()` take the same inputs: a
`Batch` read by `claimcheck.read_documents`, or a collection of `Document`s, plain strings
or mappings, or a pandas DataFrame with a `text` column.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from claimcheck import lang as languages
from claimcheck.checks import structural_checks
from claimcheck.errors import (
    ClaimcheckError,
    DocumentError,
    DuplicateDocumentError,
    InputTypeError,
    InternalError,
)
from claimcheck.extract import extract_cut as _extract_claims  # claims, cut phrases
from claimcheck.judge import Judge, When, doc_times, judge
from claimcheck.lang import detect
from claimcheck.match import Group, Matcher, align
from claimcheck.models import Check, Claim, ClaimGroup, Diagnostic, Document
from claimcheck.policy import Policy
from claimcheck.report import Report

_FRAME_COLUMNS = ("id", "text", "source", "published", "language", "url")


@dataclass
class Batch:
    """Documents read from inputs, a diagnostic for every input that was rejected, and where
    each document came from (`where[doc.id]` is its file and line)."""

    documents: list[Document] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    where: dict[str, str] = field(default_factory=dict)


#: what `check()` and `extract_documents()` take (a pandas DataFrame is accepted as well)
Documents = Batch | Iterable[Document | str | Mapping[str, Any]]


@dataclass(frozen=True)
class Pipeline:
    """The stages of a run, each pluggable: every document's claims are extracted on their own,
    the `matcher` aligns them into groups, the `judge` gives each group its verdict and
    discrepancies, and the structural checks compare groups. `check()` runs the default one."""

    policy: Policy = field(default_factory=Policy)
    matcher: Matcher = align
    judge: Judge = judge

    def run(self, documents: Documents, *, reference: Sequence[Claim] = (),
            diagnostics: Sequence[Diagnostic] = (),
            on_document: Callable[[Document], None] | None = None) -> Report:
        """The Report of a run over `documents` (see `check`)."""
        docs, claims, found = _extract_each(prepare(documents, diagnostics), on_document)
        return self.conclude(docs, claims + list(reference), found)

    def conclude(self, docs: list[Document], claims: list[Claim],
                 diagnostics: list[Diagnostic]) -> Report:
        """The Report of claims already extracted from `docs` (listed as `prepare` lists them):
        aligned, judged and checked. `run()` ends with it, and so does a run that extracts in
        other processes (`claimcheck.parallel`)."""
        by_id = {d.id: d for d in docs}
        groups = self.judged(self.matcher(claims, self.policy), by_id, doc_times(by_id))
        return self.assemble(docs, claims, groups, diagnostics)

    def judged(self, groups: Sequence[Group], documents: dict[str, Document],
               times: dict[str, When]) -> list[ClaimGroup]:
        """Each group with its verdict and discrepancies, numbered g1, g2, ... as given."""
        out: list[ClaimGroup] = []
        for n, group in enumerate(groups, start=1):
            verdict, discrepancies, estimate = self.judge(
                group.claims, documents, self.policy, times=times, alignment=group.alignment)
            out.append(ClaimGroup(
                id=f"g{n}", about=group.about, claims=[c.id for c in group.claims],
                verdict=verdict, discrepancies=discrepancies, estimate=estimate,
                alignment=group.alignment))
        return out

    def assemble(self, docs: list[Document], claims: list[Claim], groups: list[ClaimGroup],
                 diagnostics: list[Diagnostic]) -> Report:
        """The Report of judged groups, with the structural checks across them."""
        checks: list[Check] = structural_checks(claims, groups)
        return Report(documents=docs, claims=claims, groups=groups, checks=checks,
                      diagnostics=diagnostics)


def check(
    documents: Documents,
    policy: Policy | None = None,
    *,
    reference: Sequence[Claim] = (),
    diagnostics: Sequence[Diagnostic] = (),
    on_document: Callable[[Document], None] | None = None,
) -> Report:
    """Extract claims from every document, align them and report what disagrees.

    A document claimcheck fails on is left out with an `internal-error` diagnostic.
    `on_document(doc)` is called after each document's claims are extracted (a progress bar).
    Raises `InputTypeError` for input of the wrong type (a path: use `read_documents`),
    `DocumentError` for a mapping with a bad field and `DuplicateDocumentError` when two
    documents share an id.
    """
    return Pipeline(policy or Policy()).run(documents, reference=reference,
                                            diagnostics=diagnostics, on_document=on_document)


def chronological(doc: Document) -> tuple[dt.datetime, str]:
    """What a report lists documents by: publication time in UTC (a date at its midnight,
    none at the end of time), then id."""
    published = doc.published
    if isinstance(published, dt.datetime):
        return published.astimezone(dt.timezone.utc), doc.id
    if published is not None:
        return dt.datetime.combine(published, dt.time.min, tzinfo=dt.timezone.utc), doc.id
    return dt.datetime.max.replace(tzinfo=dt.timezone.utc), doc.id


def extract_documents(documents: Documents, *, diagnostics: Sequence[Diagnostic] = (),
                      on_document: Callable[[Document], None] | None = None) -> Report:
    """The claims of every document, without aligning them: a Report with no groups.

    Takes what `check()` takes, and isolates a failing document the same way.
    """
    docs, claims, found = _extract_each(_batch(documents, diagnostics), on_document)
    return Report(documents=docs, claims=claims, diagnostics=found)


def extract(source: Document | str, *, doc_id: str = "doc") -> list[Claim]:
    """Every numeric claim in one document (or one plain text), in text order.

    Raises only `ClaimcheckError`s: `InputTypeError` for anything but a Document or a str,
    `InternalError` (the cause chained) when claimcheck fails on the text.
    """
    if isinstance(source, str):
        try:
            document = Document(id=doc_id, text=source)
        except ValidationError as exc:
            raise DocumentError(f"the text cannot be a document: {problems(exc)}") from None
    elif isinstance(source, Document):
        document = source
    else:
        raise InputTypeError(
            f"extract() takes one Document or one str, not the {type(source).__name__} "
            f"{_short(source)}; for several documents call claimcheck.check(documents)")
    if document.language is None:
        document, _ = _with_language(document, None)
    try:
        return _extract_claims(document)[0]
    except ClaimcheckError:
        raise
    except Exception as exc:
        raise InternalError(_failure(document.id, exc, "")) from exc


# ---------------------------------------------------------------- one document at a time


def prepare(documents: Documents, diagnostics: Sequence[Diagnostic] = ()) -> Batch:
    """The documents of any input `check()` takes, ids checked to be unique, listed as a report
    lists them: by time, then id (the report is a function of the set of documents)."""
    batch = _batch(documents, diagnostics)
    batch.documents.sort(key=chronological)
    return batch


def extract_one(doc: Document, where: str | None = None
                ) -> tuple[Document, list[Claim], list[Diagnostic], bool]:
    """One document with its language, its claims, its diagnostics, and whether it is kept:
    a document claimcheck fails on is left out with an `internal-error` diagnostic. A pure
    function of the document, so any process may run it."""
    found: list[Diagnostic] = []
    try:
        doc, said = _with_language(doc, where)
        found += said + _notes(doc, where)
        claims, cut = _extract_claims(doc)
        found += [_cut_note(doc, where, start, end) for start, end in cut]
        return doc, claims, found, True
    except Exception as exc:  # one document's failure is its own, not the run's
        found.append(Diagnostic(code="internal-error",
                                message=_failure(doc.id, exc, "; the document was left out"),
                                where=where, document=doc.id))
        return doc, [], found, False


def _extract_each(batch: Batch, on_document: Callable[[Document], None] | None = None
                  ) -> tuple[list[Document], list[Claim], list[Diagnostic]]:
    """The documents claimcheck could read, their claims, and every diagnostic of the run."""
    results = (extract_one(doc, batch.where.get(doc.id)) for doc in batch.documents)
    return collect(results, list(batch.diagnostics), on_document)


def collect(results: Iterable[tuple[Document, list[Claim], list[Diagnostic], bool]],
            found: list[Diagnostic], on_document: Callable[[Document], None] | None = None
            ) -> tuple[list[Document], list[Claim], list[Diagnostic]]:
    """`extract_one` results, in document order, as the documents kept, their claims, and
    `found` with every document's diagnostics added."""
    docs: list[Document] = []
    claims: list[Claim] = []
    for doc, got, said, kept in results:
        found += said
        if on_document is not None:
            on_document(doc)
        if kept:
            docs.append(doc)
            claims += got
    return docs, claims, found


def _failure(doc_id: str, exc: BaseException, tail: str) -> str:
    return (f"claimcheck failed on document {doc_id!r} with {type(exc).__name__}: {exc}; "
            f"this is a bug in claimcheck, please report this with the document{tail}")


def _with_language(doc: Document, where: str | None) -> tuple[Document, list[Diagnostic]]:
    """The document with its language: as given (checked against the text), else detected."""
    if doc.language is not None:
        if doc.language not in languages.supported_languages():
            return doc, []  # `_notes` says what is read of it
        found = detect.contradicts(doc.text, doc.language)
        if found is None:
            return doc, []
        code, probability = found
        return doc, [Diagnostic(
            code="language-mismatch", where=where, document=doc.id, action="processed",
            message=f"document {doc.id!r} is given as {languages.name(doc.language)} "
            f"({doc.language!r}) but reads as {languages.name(code) or code} ({code!r}, "
            f"{probability:.0%} sure); it was read as given: fix its language if that is wrong")]
    if not doc.text.strip():
        return doc.model_copy(update={"language": languages.DEFAULT}), []  # nothing to read
    code, probability = detect.detect(doc.text)
    if probability >= detect.SURE:
        return doc.model_copy(update={"language": code}), []
    return doc.model_copy(update={"language": languages.DEFAULT}), [Diagnostic(
        code="undetected-language", where=where, document=doc.id, action="processed",
        message=f"document {doc.id!r} names no language and its text is too short or mixed "
        f"to tell (at best {languages.name(code) or code}, {probability:.0%}); it was read as "
        f"{languages.name(languages.DEFAULT)}: give its language to be sure")]


def _cut_note(doc: Document, where: str | None, start: int, cut: int) -> Diagnostic:
    """A number phrase longer than any real figure, cut where its first piece ends."""
    phrase = " ".join(doc.text[start:cut].split()[:6])
    return Diagnostic(
        code="number-cut", where=where, document=doc.id, action="processed",
        message=f"document {doc.id!r} has a number phrase longer than any real figure at "
        f"character {start} ({phrase!r} ...); it was cut at character {cut} and the rest read "
        "as further numbers: check the text if it is no garbled input")


def _notes(doc: Document, where: str | None) -> list[Diagnostic]:
    """Diagnostics for a document that is processed anyway: its language, unused fields."""
    out: list[Diagnostic] = []
    code = doc.language or ""
    rules = "it was read for digits, symbols and units only, no words"
    supported = ", ".join(languages.supported_languages())
    if code not in languages.supported_languages():
        name = languages.name(code)
        if name is not None:
            out.append(Diagnostic(
                code="unsupported-language", where=where, document=doc.id, action="processed",
                message=f"document {doc.id!r} is in {name} ({code!r}), which claimcheck has no "
                f"rules for yet (it has rules for {supported}); {rules}"))
        else:
            given = "an empty language" if not code else \
                f"the language {code!r}, which is no ISO 639-1 code"
            out.append(Diagnostic(
                code="unknown-language", where=where, document=doc.id, action="processed",
                message=f"document {doc.id!r} has {given}; {rules}; give a two-letter ISO 639-1 "
                f"code such as {supported}"))
    if doc.extra:
        keys = ", ".join(repr(k) for k in doc.extra)
        out.append(Diagnostic(
            code="extra-fields", where=where, document=doc.id, action="processed",
            message=f"document {doc.id!r} has fields claimcheck does not use ({keys}); they are "
            "kept in the document's extra and otherwise ignored"))
    return out


# ---------------------------------------------------------------- library input


def _batch(documents: object, diagnostics: Sequence[Diagnostic]) -> Batch:
    """The documents of any accepted input as a Batch, ids checked to be unique."""
    if isinstance(documents, Batch):
        batch = Batch(list(documents.documents), [*documents.diagnostics, *diagnostics],
                      dict(documents.where))
    else:
        batch = Batch(diagnostics=list(diagnostics))
        for index, doc in _items(documents):
            batch.documents.append(doc)
            batch.where.setdefault(doc.id, index)
    seen: set[str] = set()
    for doc in batch.documents:
        if doc.id in seen:
            raise DuplicateDocumentError(
                f"two documents share the id {doc.id!r}; give every document a unique id")
        seen.add(doc.id)
    return batch


def _items(documents: object) -> Iterable[tuple[str, Document]]:
    if isinstance(documents, (str, bytes, os.PathLike)):
        path = _short(os.fsdecode(documents))
        raise InputTypeError(
            f"check() takes a collection of documents, not the {type(documents).__name__} "
            f"{path}; to read a file or folder, pass claimcheck.read_documents({path}) instead; "
            "for one text, pass a list: check([text])")
    if isinstance(documents, (Document, Mapping)):
        raise InputTypeError(
            f"check() takes a collection of documents, not one {type(documents).__name__}; "
            "put it in a list: check([document])")
    frame = _frame_rows(documents)
    if frame is not None:
        yield from frame
        return
    try:
        items = iter(documents)  # type: ignore[call-overload]
    except TypeError:
        raise InputTypeError(
            f"check() takes a collection of documents, not the {type(documents).__name__} "
            f"{_short(documents)}; pass a list of Documents, strings or mappings") from None
    for i, item in enumerate(items):
        index = f"documents[{i}]"
        if isinstance(item, Document):
            yield index, item
        elif isinstance(item, str):
            yield index, Document(id=f"doc{i + 1}", text=item)
        elif isinstance(item, Mapping):
            yield index, document_from(item, index, f"doc{i + 1}")
        else:
            raise InputTypeError(
                f"{index} is the {type(item).__name__} {_short(item)}; each document must be a "
                "Document, a str or a mapping with a 'text' field")


def document_from(record: Mapping[Any, Any], index: str, default_id: str) -> Document:
    """The Document of one input record (`index` names it in errors: "row 3");
    `default_id` when it has no id. Raises `DocumentError` for a bad record."""
    if "text" not in record:
        raise DocumentError(f"{index} has no 'text' field; give every document its text")
    record = dict(record)
    record.setdefault("id", default_id)
    if isinstance(record["id"], int) and not isinstance(record["id"], bool):
        record["id"] = str(record["id"])
    try:
        return Document.from_record(record)
    except ValidationError as exc:
        raise DocumentError(f"{index} is not a valid document: {problems(exc)}") from None


def problems(exc: ValidationError) -> str:
    """A pydantic error as one line naming each field: "published: must be ISO 8601 ..."."""
    out = []
    for error in exc.errors():
        place = ".".join(str(p) for p in error["loc"]) or "document"
        message = str(error["msg"]).removeprefix("Value error, ")
        out.append(f"field {place!r}: {message}")
    return "; ".join(out)


def _frame_rows(documents: object) -> list[tuple[str, Document]] | None:
    """The rows of a pandas DataFrame as documents; None when it is no DataFrame.

    pandas is never imported here: an object can only be a DataFrame if pandas is loaded.
    """
    pandas = sys.modules.get("pandas")
    if pandas is None or not isinstance(documents, pandas.DataFrame):
        return None
    columns = [str(c) for c in documents.columns]
    if "text" not in columns:
        raise DocumentError(
            f"the DataFrame has no 'text' column (its columns are {columns}); name the column "
            "that holds each document's text 'text'")
    rows: list[tuple[str, Document]] = []
    for n, (label, row) in enumerate(documents.iterrows(), start=1):
        record = {str(k): _plain(v) for k, v in row.items()}
        record = {k: v for k, v in record.items() if v is not None or k not in _FRAME_COLUMNS}
        index = f"row {label!r}"
        rows.append((index, document_from(record, index, f"doc{n}")))
    return rows


def _plain(value: object) -> object:
    """A pandas/numpy cell as a plain Python value; a missing cell (NaN, NaT, NA) as None."""
    if value is None or type(value).__name__ in ("NAType", "NaTType"):
        return None
    to_datetime = getattr(value, "to_pydatetime", None)
    if callable(to_datetime):
        value = to_datetime()
    elif hasattr(value, "item") and callable(value.item):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _short(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
