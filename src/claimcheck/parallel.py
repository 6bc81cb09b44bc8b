"""Past one process: a run over local processes (`--jobs N`), over Dask, or over Spark.

A run has three stages, and each splits its own way:

    extraction    documents -> claims         one document at a time: any process
    matching      claims -> judged groups     one (measure, unit dimension) at a time: align's
                                              blocks never reach across it
    checks        groups -> structural checks across groups: after gathering them (few)

`check_jobs` extracts in N local processes and does the rest in this one. `check_dask` runs
extraction as `extract_frame` (a pure DataFrame -> DataFrame function) over the partitions
of a Dask DataFrame, brings the claims of each `block` together (on a distributed client, in
bins packed by size and sent back to the workers; otherwise by a shuffle), groups and judges
them with `match_frame`, and gathers (`Gathering`: each partition read as soon as it is
done).
Both return the Report `check()` returns on the same input, byte for byte: documents and
claims listed by time then id, groups numbered g1, g2, ... by their earliest (document,
offset) as `align` numbers them. docs/scale.md has the commands,
and the same two functions under Spark's `mapInPandas` and `applyInPandas`.

pandas and dask are imported only by the functions that need them (`claimcheck[dask]`).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.context import BaseContext
from typing import Any

from claimcheck import lang as languages
from claimcheck import units
from claimcheck.errors import (
    DuplicateDocumentError,
    InputError,
    InputTypeError,
    OptionalDependencyError,
)
from claimcheck.judge import When, doc_times, report_key, stand_in
from claimcheck.lang import detect
from claimcheck.match import Group
from claimcheck.models import Claim, ClaimGroup, Diagnostic, Document
from claimcheck.pipeline import (
    Documents,
    Pipeline,
    chronological,
    collect,
    extract_one,
    prepare,
)
from claimcheck.report import Report

#: the columns `extract_frame` returns: one row per document kept, claim and diagnostic
EXTRACTED: dict[str, str] = {
    "id": "str",  # the document's id ("" for a reference claim)
    "time": "str",  # when the document was published, as a report lists documents
    "seq": "int64",  # the row's place within its document
    "kind": "str",  # "document", "claim" or "diagnostic"
    "block": "str",  # a claim's matching key, measure and unit dimension ("" for none)
    "since": "str",  # the window of time the document reports from (judge.doc_times)
    "until": "str",
    "report": "str",  # the report a document carries (judge.report_key): copies share it
    "record": "str",  # the Document, Claim or Diagnostic as JSON
}

#: the columns `match_frame` returns: one row per judged group
MATCHED: dict[str, str] = {
    "doc": "str",  # the group's earliest claim: document and offset, then its block...
    "start": "int64",
    "measure": "str",
    "entity": "str",
    "dimension": "str",
    "seq": "int64",  # ...then its place among the groups of that block
    "record": "str",  # the ClaimGroup as JSON (its id is renumbered when gathered)
}

#: the record each `kind` of an `EXTRACTED` row holds
_RECORDS: dict[str, type[Document] | type[Claim] | type[Diagnostic]] = {
    "document": Document, "claim": Claim, "diagnostic": Diagnostic}
#: `check_dask` splits a pandas DataFrame into partitions of this many documents (a few tenths
#: of a second of work each), and at least four per worker thread: a worker done early takes
#: another, none waits long on the last one, and the client reads the first while the last run
_DOCUMENTS_PER_PARTITION = 100
_PARTITIONS_PER_THREAD = 4
#: a block of n claims takes about n ** _COST to match and judge: judging compares the claims of
#: a group pairwise, and larger blocks have larger groups (fitted on the generated batches)
_COST = 1.25
_REFERENCE_TIME = "~"  # after every document's time: reference claims come last
#: a text every language's rules read (a place, a date, figures, units): `warm` loads them
_WARM_TEXT = "Kyiv, 1 May 2025: 12 (3%), 4.5 km; 1,200 + 7"


# ---------------------------------------------------------------- local processes


def check_jobs(documents: Documents, jobs: int, *, pipeline: Pipeline | None = None,
               reference: Sequence[Claim] = (), diagnostics: Sequence[Diagnostic] = (),
               on_document: Callable[[Document], None] | None = None) -> Report:
    """`check()` with the documents extracted in `jobs` local processes, each with the tables
    loaded before its first document (`_warm_context`); aligning, judging and the checks run
    in this one. The report is the same for any number of processes."""
    if jobs < 1:
        raise InputError(f"jobs must be 1 or more, not {jobs}; give the number of processes")
    pipeline = pipeline or Pipeline()
    batch = prepare(documents, diagnostics)
    work = [(doc, batch.where.get(doc.id)) for doc in batch.documents]
    found = list(batch.diagnostics)
    if jobs == 1 or len(work) < 2:
        results: Iterable[tuple[Document, list[Claim], list[Diagnostic], bool]] = (
            extract_one(doc, where) for doc, where in work)
        return _conclude(pipeline, results, found, reference, on_document)
    chunk = max(1, min(64, len(work) // (jobs * 8)))
    context, initializer = _warm_context()
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context,
                             initializer=initializer) as pool:
        results = pool.map(_extract_star, work, chunksize=chunk)
        return _conclude(pipeline, results, found, reference, on_document)


def warm() -> None:
    """Load what extraction reads (every language's tables, the gazetteer, the language
    identifier) in this process, so that its first document costs what any other does."""
    for code in languages.supported_languages():
        extract_one(Document(id="warm-up", text=_WARM_TEXT, language=code))
    detect.detect(_WARM_TEXT)


def _warm_context() -> tuple[BaseContext, Callable[[], None] | None]:
    """How `check_jobs` starts its processes, each ready to extract before its first document.

    Loading the tables takes seconds, as long as extracting hundreds of documents, so a worker
    that loads its own makes two processes slower than one. Where a process may fork safely
    (Linux, this process running no other thread), this process loads them once and forks:
    the workers share its tables, copy on write. Elsewhere each spawned worker loads them in
    its pool initializer, once, before any chunk of documents."""
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        warm()
        return multiprocessing.get_context("fork"), None
    return multiprocessing.get_context("spawn"), warm


def _extract_star(item: tuple[Document, str | None]
                  ) -> tuple[Document, list[Claim], list[Diagnostic], bool]:
    return extract_one(*item)


def _conclude(pipeline: Pipeline,
              results: Iterable[tuple[Document, list[Claim], list[Diagnostic], bool]],
              found: list[Diagnostic], reference: Sequence[Claim],
              on_document: Callable[[Document], None] | None) -> Report:
    # in document order, whichever process finished first
    docs, claims, found = collect(results, found, on_document)
    return pipeline.conclude(docs, claims + list(reference), found)


# ---------------------------------------------------------------- DataFrame stages


def extract_frame(frame: Any) -> Any:
    """Documents -> what extraction finds in them, as pandas DataFrames: a pure function of
    its partition, for `dask.dataframe.map_partitions` or Spark's `mapInPandas`.

    Takes the columns `check()` reads from a DataFrame (`text`; `id`, `source`, `published`,
    `language`, `url` when there) and returns the columns of `EXTRACTED`: a row for every
    document kept, claim and diagnostic, each with its record as JSON.
    """
    pandas = _pandas()
    rows: list[dict[str, object]] = []
    batch = prepare(frame)  # a partition's ids are checked here, the run's in `gather`
    for doc in batch.documents:
        doc, claims, said, kept = extract_one(doc, batch.where.get(doc.id))
        window = doc_times({doc.id: doc})[doc.id]
        base = {"id": doc.id, "time": _time(doc), "since": window.start.isoformat(),
                "until": window.end.isoformat(), "report": report_key(doc)}
        records: list[tuple[str, str, str]] = [("diagnostic", "", d.model_dump_json()) for d in said]
        if kept:
            records.append(("document", "", doc.model_dump_json()))
            records += [("claim", block_key(c), c.model_dump_json()) for c in claims]
        rows += [{**base, "seq": n, "kind": kind, "block": block, "record": record}
                 for n, (kind, block, record) in enumerate(records)]
    return pandas.DataFrame(rows, columns=list(EXTRACTED)).astype(_dtypes(EXTRACTED))


def reference_frame(reference: Sequence[Claim]) -> Any:
    """Reference claims (`read_reference_csv`) as rows of `EXTRACTED`, matched with the rest."""
    pandas = _pandas()
    rows = [{"id": "", "time": _REFERENCE_TIME, "seq": n, "kind": "claim", "block": block_key(c),
             "since": "", "until": "", "report": "", "record": c.model_dump_json()}
            for n, c in enumerate(reference)]
    return pandas.DataFrame(rows, columns=list(EXTRACTED)).astype(_dtypes(EXTRACTED))


def block_key(claim: Claim) -> str:
    """What claims are shuffled on: measure and unit dimension. `align` finds an entity's
    spellings and its blocks within one such key, so every key is matched on its own."""
    if not claim.measure or not claim.entity:
        return ""
    return f"{claim.measure}\x1f{units.dimension(claim.unit)}"


def match_frame(frame: Any, pipeline: Pipeline | None = None) -> Any:
    """Claim rows of `EXTRACTED` (every row of a block in one frame) -> the judged groups, as
    rows of `MATCHED`: for `map_partitions` after a shuffle on `block`, or Spark's
    `groupBy("block").applyInPandas`. The judge gets each document's window of time."""
    pandas = _pandas()
    pipeline = pipeline or Pipeline()
    frame = frame.sort_values(["time", "id", "seq"], kind="stable")
    claims = [Claim.model_validate_json(r) for r in frame["record"]]
    times = {doc: When(dt.datetime.fromisoformat(since), dt.datetime.fromisoformat(until))
             for doc, since, until in zip(frame["id"], frame["since"], frame["until"], strict=True)
             if since}
    # the judge tells copies of one report apart by their texts: stand-ins carry their keys
    documents = {doc: stand_in(doc, report) for doc, report in zip(frame["id"], frame["report"],
                                                                   strict=True) if report}
    found: list[Group] = pipeline.matcher(claims, pipeline.policy)
    groups = pipeline.judged(found, documents, times)
    rows = []
    for n, (group, judged) in enumerate(zip(found, groups, strict=True)):
        first = min(group.claims, key=lambda c: (c.doc, c.start))
        measure, entity, dimension = group.block
        rows.append({"doc": first.doc, "start": first.start, "measure": measure, "entity": entity,
                     "dimension": dimension, "seq": n, "record": judged.model_dump_json()})
    return pandas.DataFrame(rows, columns=list(MATCHED)).astype(_dtypes(MATCHED))


def gather(extracted: Any, matched: Any, *, pipeline: Pipeline | None = None,
           diagnostics: Sequence[Diagnostic] = ()) -> Report:
    """The Report of every row `extract_frame` and `match_frame` returned (pandas DataFrames,
    in any order): listed and numbered as `check()` lists and numbers them, with the
    structural checks across groups."""
    gathered = Gathering()
    gathered.add_extracted(extracted)
    gathered.add_matched(matched)
    return gathered.report(pipeline=pipeline, diagnostics=diagnostics)


class Gathering:
    """What `gather` does, a frame at a time: frames of `extract_frame` and `match_frame` rows
    are read as they arrive (in any order, in any pieces), so that a client reads the first
    partitions while the cluster still works on the last; `report()` lists and numbers them
    as `check()` does, whatever the order they came in."""

    def __init__(self) -> None:
        # each record with its sort key, then the frame's place in arrival order and the row's
        # place in its frame: the order a stable sort of the frames concatenated would keep
        self._rows: list[tuple[tuple[str, str, int, int, int], Document | Claim | Diagnostic]] = []
        self._groups: list[tuple[tuple[str, int, str, str, str, int, int, int], ClaimGroup]] = []
        self._frames = 0

    def add_extracted(self, frame: Any, part: int | None = None) -> None:
        """Take a frame of `EXTRACTED` rows (a partition of `extract_frame`'s output). Rows
        that sort alike (none, but for a duplicate id) keep the order of `part` (by default,
        the order the frames are taken in), then their order in the frame."""
        part = self._next() if part is None else part
        for n, (time, doc, seq, kind, record) in enumerate(zip(
                frame["time"], frame["id"], frame["seq"], frame["kind"], frame["record"],
                strict=True)):
            self._rows.append(((time, doc, int(seq), part, n), _RECORDS[kind].model_validate_json(record)))

    def add_matched(self, frame: Any, part: int | None = None) -> None:
        """Take a frame of `MATCHED` rows (a partition of `match_frame`'s output), as
        `add_extracted` takes them."""
        part = self._next() if part is None else part
        for n, (doc, start, measure, entity, dimension, seq, record) in enumerate(zip(
                frame["doc"], frame["start"], frame["measure"], frame["entity"],
                frame["dimension"], frame["seq"], frame["record"], strict=True)):
            key = (doc, int(start), measure, entity, dimension, int(seq), part, n)
            self._groups.append((key, ClaimGroup.model_validate_json(record)))

    def report(self, *, pipeline: Pipeline | None = None,
               diagnostics: Sequence[Diagnostic] = ()) -> Report:
        """The Report of every frame taken, as `gather` returns it."""
        pipeline = pipeline or Pipeline()
        docs: list[Document] = []
        claims: list[Claim] = []
        found = list(diagnostics)
        for _, record in sorted(self._rows, key=lambda row: row[0]):
            if isinstance(record, Document):
                docs.append(record)
            elif isinstance(record, Claim):
                claims.append(record)
            else:
                found.append(record)
        seen: set[str] = set()
        for doc in docs:
            if doc.id in seen:
                raise DuplicateDocumentError(
                    f"two documents share the id {doc.id!r}; give every document a unique id")
            seen.add(doc.id)
        # align's order: the earliest (document, offset), then the block, then within the block
        groups = [group.model_copy(update={"id": f"g{n}"})
                  for n, (_, group) in enumerate(sorted(self._groups, key=lambda g: g[0]),
                                                 start=1)]
        return pipeline.assemble(docs, claims, groups, found)

    def _next(self) -> int:
        self._frames -= 1  # before every numbered part, in the order taken
        return self._frames


# ---------------------------------------------------------------- Dask


def check_dask(documents: Any, *, pipeline: Pipeline | None = None,
               reference: Sequence[Claim] = (), diagnostics: Sequence[Diagnostic] = (),
               npartitions: int | None = None) -> Report:
    """`check()` on a Dask cluster: the Report `check()` returns on the same documents.

    `documents` is a dask or pandas DataFrame with the columns `check()` reads (a pandas one
    is split into `npartitions`, by default 100 documents each and at least four per worker
    thread). It runs on the current `distributed.Client` (or dask's default scheduler):
    extraction per partition, then grouping and judging per block of claims. On a
    `distributed.Client` each extracted partition is read here as soon as it is done
    (`Gathering`), and the claims it holds are sent back to the workers in bins of whole
    blocks, largest first (`_bins`); without one, claims are shuffled on their block
    (`DataFrame.shuffle`) and everything is gathered at the end.
    """
    dd, dask = _dask()
    pipeline = pipeline or Pipeline()
    pandas = _pandas()
    threads = _threads()
    if isinstance(documents, pandas.DataFrame):
        parts = npartitions or max(_PARTITIONS_PER_THREAD * threads,
                                   -(-len(documents) // _DOCUMENTS_PER_PARTITION))
        documents = dd.from_pandas(documents, npartitions=max(1, min(parts, len(documents) or 1)))
    if not isinstance(documents, dd.DataFrame):
        raise InputTypeError(
            f"check_dask() takes a dask or pandas DataFrame, not the {type(documents).__name__}; "
            "build one with dask.dataframe.read_json(..., lines=True) or from_pandas")
    client = _client()
    extracted = documents.map_partitions(extract_frame, meta=_empty(EXTRACTED))
    gathered = Gathering()
    references = reference_frame(reference) if reference else None
    if client is None:
        claims = extracted.map_partitions(claim_rows, meta=_empty(EXTRACTED))
        if references is not None:
            claims = dd.concat([claims, dd.from_pandas(references, npartitions=1)])
        # a few blocks hold most claims: more partitions than threads, not one per document's
        shuffled = claims.shuffle(on="block", npartitions=min(extracted.npartitions,
                                                              _PARTITIONS_PER_THREAD * threads))
        matched = shuffled.map_partitions(match_frame, pipeline, meta=_empty(MATCHED))
        rows, groups = dask.compute(extracted, matched)
        gathered.add_extracted(rows, 0)
        gathered.add_matched(groups, 0)
    else:
        _run(client, client.persist(extracted), pipeline, references, gathered)
    if references is not None:
        gathered.add_extracted(references, extracted.npartitions)
    return gathered.report(pipeline=pipeline, diagnostics=diagnostics)


def claim_rows(frame: Any) -> Any:
    """The rows of an `extract_frame` frame that are matched: claims with a block."""
    return frame[(frame["kind"] == "claim") & (frame["block"] != "")]


def _run(client: Any, extracted: Any, pipeline: Pipeline, references: Any,
         gathered: Gathering) -> None:
    """Read each extracted partition into `gathered` as soon as it is done, keeping its claim
    rows; once the last is in, send the claims back to the workers in bins of whole blocks
    (`_bins`) to be matched, and read each bin's groups as soon as it is done.

    The client parses records while the workers still extract and match, instead of parsing
    them all at the end (a serial tail as long as matching itself). It reads every claim row
    anyway, so it knows each block's size when the last partition is in: a shuffle among the
    workers (`DataFrame.shuffle`) splits blocks by a hash and gives each worker a range of
    its partitions, which left one worker the largest block and a share of the rest while
    the other waited; bins packed by size, largest first, keep both busy to the end."""
    from distributed import as_completed, futures_of

    extracting = {future.key: future.key[1]  # a partition's key is (name, its number)
                  for future in futures_of(extracted)}  # type: ignore[no-untyped-call]
    matching: dict[Any, int] = {}
    claims: list[Any] = [] if references is None else [references]
    left = len(extracting)
    pending = as_completed(list(futures_of(extracted)),  # type: ignore[no-untyped-call]
                           with_results=True)
    for future, frame in pending:
        if future.key in extracting:
            claims.append(claim_rows(frame))
            left -= 1
            if not left:  # every claim is in: match them, then parse this partition
                for n, (worker, rows) in enumerate(_bins(_pandas().concat(claims),
                                                         client.nthreads())):
                    data = client.scatter(rows, workers=[worker], hash=False)
                    task = client.submit(match_frame, data, pipeline, workers=[worker],
                                         allow_other_workers=True, priority=-n, pure=False)
                    matching[task.key] = n
                    pending.add(task)  # type: ignore[no-untyped-call]
            gathered.add_extracted(frame, extracting[future.key])
        else:
            gathered.add_matched(frame, matching[future.key])


def _bins(claims: Any, nthreads: dict[str, int]) -> list[tuple[str, Any]]:
    """Claim rows in bins of whole blocks, each with the worker it goes to, largest first.

    A block of n claims costs about n ** 1.25 (`_COST`): blocks costlier than a bin's share
    (a fourth of a worker thread's share of the total) are a bin each; the rest are packed,
    costliest first, until a bin holds its share. Bins go to workers costliest first, each to
    the worker with the least cost per thread so far (a worker runs its own costliest first),
    so the longest bin starts at once and the short ones fill in around it."""
    if not len(claims):
        return []
    costs = {block: size ** _COST for block, size in claims["block"].value_counts().items()}
    share = sum(costs.values()) / (_PARTITIONS_PER_THREAD * (sum(nthreads.values()) or 1))
    bins: list[tuple[float, list[str]]] = []
    for block in sorted(costs, key=lambda b: (-costs[b], b)):
        if not bins or bins[-1][0] >= share:
            bins.append((0.0, []))
        held, blocks = bins[-1]
        bins[-1] = (held + costs[block], [*blocks, block])
    by_block = dict(tuple(claims.groupby("block", sort=False)))
    load = dict.fromkeys(nthreads, 0.0)
    placed = []
    for cost, blocks in sorted(bins, key=lambda b: -b[0]):
        worker = min(load, key=lambda w: (load[w], w))
        load[worker] += cost / max(1, nthreads[worker])
        placed.append((worker, _pandas().concat([by_block[block] for block in blocks])))
    return placed


def _client() -> Any:
    """The current `distributed.Client`, or None (dask's local scheduler)."""
    try:
        from distributed import default_client

        return default_client()  # type: ignore[no-untyped-call]
    except (ImportError, ValueError):
        return None


def _threads() -> int:
    client = _client()
    if client is None:  # dask's local scheduler
        return multiprocessing.cpu_count()
    return max(1, int(sum(client.nthreads().values())))


# ---------------------------------------------------------------- helpers


def _time(doc: Document) -> str:
    """The time a report lists a document by, as text that sorts as the time does."""
    return chronological(doc)[0].replace(tzinfo=None).isoformat(timespec="microseconds")


def _dtypes(columns: dict[str, str]) -> dict[str, str]:
    return {name: "object" if kind == "str" else kind for name, kind in columns.items()}


def _empty(columns: dict[str, str]) -> Any:
    return _pandas().DataFrame({c: [] for c in columns}).astype(_dtypes(columns))


def _pandas() -> Any:
    try:
        import pandas  # type: ignore[import-untyped]
    except ImportError as exc:
        raise OptionalDependencyError("claimcheck.parallel's DataFrame stages", "dask",
                                      "pandas") from exc
    return pandas


def _dask() -> tuple[Any, Any]:
    try:
        import dask
        import dask.dataframe as dd
    except ImportError as exc:
        raise OptionalDependencyError("claimcheck.parallel.check_dask", "dask", "dask") from exc
    return dd, dask
