"""`check()` as a stream: documents in, judged groups out as soon as no later document can
change them, so that memory follows the open window of time, not the number of documents.

    documents (in publication order, give or take the horizon)
        -> claims, each document on its own (`pipeline.extract_one`); the text is let go
        -> claims kept per *cell* (`parallel.block_key`, measure and unit dimension, and the
           country of the claim's place), in *episodes*: runs of event days no further apart
           than the policy's widest window
        -> an episode is closed once its last day plus that window, and the publication day
           of its last claim, lie before the floor (the latest publication day read, less
           `horizon_days`): aligned by the pipeline's matcher, judged with `doc_times`,
           written out and let go
        -> its groups wait for the structural checks (`checks.structural_checks`) until no
           open episode or later claim can bring a group whose days meet theirs

What `check()` gives and this does not: `align` merges near-identical spellings of an entity
over every claim of a measure, at any date and place; here over the claims of one episode.
The two agree whenever a measure's spellings are not spread over episodes one of which is
closed before the other opens (tests/test_stream.py holds them to the same groups, verdicts,
discrepancies and checks on the dev corpus and on generated streams).

A claim dated before the floor (a document read late, or a figure recalled weeks on) is
still aligned with whatever is open; when a closed episode of its cell reaches its day, the
group it belonged with was already written, and a `stream-late` diagnostic names the
document and its place in the input (never a silent loss); with `strict=True` it raises
`StreamOrderError` instead. Claims with no date at all wait for the end of the stream.
Groups are numbered s1, s2, ... in the order they are written, each episode's groups in
`align`'s order (earliest document id and offset).
"""

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from claimcheck.checks import structural_checks
from claimcheck.errors import DuplicateDocumentError, InputError, InputTypeError
from claimcheck.judge import doc_times, report_key
from claimcheck.lexicon import load
from claimcheck.models import Check, Claim, ClaimGroup, Diagnostic, Document
from claimcheck.parallel import block_key
from claimcheck.pipeline import (
    Batch,
    Pipeline,
    chronological,
    document_from,
    extract_one,
    prepare,
)
from claimcheck.policy import Policy

__all__ = ["StreamGroup", "StreamOrderError", "check_stream"]

#: the rule of the checks within one document ("72 out of 99"), run as each document is read
_PART_OF_WHOLE = "part <= whole"
#: the rule that needs every part of a whole at once (the whole's head claim is listed last)
_SUM = "sum of parts <= whole"
_ONE_DAY = dt.timedelta(days=1)


class StreamOrderError(InputError):
    """A document arrived too late for the groups it belongs with (`check_stream(strict=True)`)."""


@dataclass(frozen=True)
class StreamGroup:
    """A judged group as written by `check_stream`, with its member claims (the stream keeps
    no list of claims to look them up in)."""

    group: ClaimGroup
    claims: list[Claim]


#: what `check_stream` yields
StreamItem = StreamGroup | Check | Diagnostic


@dataclass
class _Episode:
    """Claims of one block whose event days chain within the window: `first` day to `end`
    (the last day a member reaches, plus the window)."""

    first: dt.date
    end: dt.date
    # the latest publication day of a document that added a current claim (one reaching the
    # floor), or that opened the episode: figures recalled from years back keep it open for
    # the horizon after it opened, as such recalls come in a cluster of reports
    seen: dt.date
    # per (entity, measure, country) of its current claims not dated by their year only, the
    # first day: a group this episode writes may start there, so the structural checks of
    # groups it may be compared with wait for it; recalled figures hold none, they come with
    # a `stream-late` note instead
    holds: dict[tuple[str, str, str | None], dt.date]
    claims: list[Claim] = field(default_factory=list)

    def closes(self, floor: dt.date) -> bool:
        """Whether no claim read from now on can join: its days end before the floor, and so
        does the publication of its last current claim."""
        return max(self.end, self.seen) < floor


@dataclass
class _Held:
    """A written group waiting for the structural checks: its members and event days."""

    group: ClaimGroup
    claims: list[Claim]
    span: tuple[dt.date, dt.date] | None


@dataclass
class _State:
    pipeline: Pipeline
    window: dt.timedelta
    horizon: dt.timedelta
    strict: bool
    latest: dt.date | None = None  # the latest publication day read
    open: dict[str, list[_Episode]] = field(default_factory=lambda: defaultdict(list))
    # per cell, each closed episode's days and the ids of the groups it wrote
    closed: dict[str, list[tuple[dt.date, dt.date, tuple[str, ...]]]] = field(
        default_factory=lambda: defaultdict(list))
    undated: dict[str, list[Claim]] = field(default_factory=lambda: defaultdict(list))
    docs: dict[str, tuple[Document, int]] = field(default_factory=dict)  # stand-in, open claims
    held: list[_Held] = field(default_factory=list)
    checked_until: dict[str, dt.date] = field(default_factory=dict)  # per head entity
    late_ids: set[str] = field(default_factory=set)  # claims filed as recalled or late
    retired: list[_Held] = field(default_factory=list)  # checked, kept as partners of held
    closed_at: dt.date = dt.date.min
    ids: set[str] = field(default_factory=set)
    numbered: int = 0

    @property
    def floor(self) -> dt.date:
        """The earliest event day a claim read from now on is expected to have."""
        if self.latest is None:
            return dt.date.min
        return self.latest - self.horizon if self.latest > dt.date.min + self.horizon \
            else dt.date.min


def check_stream(
    documents: Batch | Iterable[Document | str | Mapping[str, Any] | tuple[Document, str]
                                | Diagnostic],
    policy: Policy | None = None,
    *,
    pipeline: Pipeline | None = None,
    horizon_days: int = 14,
    strict: bool = False,
    on_document: Callable[[Document], None] | None = None,
) -> Iterator[StreamItem]:
    """Yield judged groups (`StreamGroup`), structural checks (`Check`) and diagnostics as
    soon as no later document can change them; the groups, verdicts, discrepancies and checks
    are those `check()` gives on the same documents (module docstring: when they are not).

    `documents` come in publication order, or at most `horizon_days` behind the latest one
    read: a `Document`, a str, a mapping, a `(Document, where)` pair (`where`: file and line,
    as `claimcheck.io.iter_documents` yields them) or a `Diagnostic` from the reader, passed
    on; or a `Batch` from `read_documents`, taken in publication order. A claim that arrives
    after its group was written gives a `stream-late` diagnostic, or raises `StreamOrderError`
    with `strict`. Raises `DuplicateDocumentError` when two documents share an id, and
    `InputTypeError` for one document or a path. Groups are numbered s1, s2, ... as written.
    """
    pipeline = pipeline or Pipeline(policy or Policy())
    if horizon_days < 0:
        raise InputError(f"horizon_days must be 0 or more, not {horizon_days}; give the days "
                         "a document may lag behind the latest one read")
    if isinstance(documents, Batch):  # read whole already: in publication order
        batch = prepare(documents)
        documents = [*batch.diagnostics, *((d, batch.where.get(d.id, d.id))
                                           for d in batch.documents)]
    elif isinstance(documents, (str, bytes, os.PathLike, Document, Mapping)):
        raise InputTypeError(
            f"check_stream() takes an iterable of documents, not one {type(documents).__name__}; "
            "to read files a line at a time pass claimcheck.io.iter_documents(paths)")
    window = pipeline.policy.widest_window_days
    state = _State(pipeline, dt.timedelta(days=window), dt.timedelta(days=horizon_days), strict)
    for n, item in enumerate(documents):
        if isinstance(item, Diagnostic):
            yield item
            continue
        doc, where = _document(item, n)
        if doc.id in state.ids:
            raise DuplicateDocumentError(
                f"two documents share the id {doc.id!r}; give every document a unique id",
                where=where)
        state.ids.add(doc.id)
        yield from _read(state, doc, where, on_document)
        if state.floor > state.closed_at:  # nothing closes until the floor moves
            state.closed_at = state.floor
            yield from _close(state, state.floor)
    yield from _close(state, None)


def _document(item: object, n: int) -> tuple[Document, str]:
    index = f"documents[{n}]"
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], Document):
        return item[0], str(item[1])
    if isinstance(item, Document):
        return item, index
    if isinstance(item, str):
        return Document(id=f"doc{n + 1}", text=item), index
    if isinstance(item, Mapping):
        return document_from(item, index, f"doc{n + 1}"), index
    raise InputTypeError(f"{index} is the {type(item).__name__} {item!r:.60}; each document "
                         "must be a Document, a str or a mapping with a 'text' field")


def _read(state: _State, doc: Document, where: str,
          on_document: Callable[[Document], None] | None) -> Iterator[StreamItem]:
    """Extract one document, file its claims, and let its text go."""
    doc, claims, said, kept = extract_one(doc, where)
    yield from said
    if on_document is not None:
        on_document(doc)
    if not kept:
        return
    if doc.published is not None:
        day = chronological(doc)[0].date()
        state.latest = day if state.latest is None else max(state.latest, day)
    yield from (c for c in structural_checks(claims, []) if c.rule == _PART_OF_WHOLE)
    late: list[Claim] = []
    written: set[str] = set()  # groups the late claims may have belonged with
    filed = 0
    for claim in claims:
        key = _cell(claim)
        if not key:
            continue  # no measure or no entity: align never groups it
        filed += 1
        if claim.date is None:
            state.undated[key].append(claim)
        elif (met := _file(state, key, claim)) is not None:
            late.append(claim)
            written.update(met)
    if filed:
        # what judge reads of a document: its time, and its text only to tell copies apart
        state.docs[doc.id] = (Document(id=doc.id, text=report_key(doc),
                                       published=doc.published), filed)
    if late:
        yield _late(state, doc, where, late, written)
    if doc.published is None and any(c.date is None for c in claims if _cell(c)):
        yield Diagnostic(
            code="stream-undated", where=where, document=doc.id, action="processed",
            message=f"document {doc.id!r} has no publication date and claims its text does "
            "not date; in a stream they wait for the end and are aligned then with the claims "
            "of their measure still open: give the document its publication date")


def _cell(claim: Claim) -> str:
    """Where a claim is kept: its block (`parallel.block_key`) and the country of its place.
    `align` groups claims of one place scope only, and lets a region's figure speak for a
    town within it, never across a border; claims with no place share one cell."""
    block = block_key(claim)
    if not block:
        return ""
    return f"{block}\x1f{(claim.place_key or '').split('/', 1)[0]}"


def _file(state: _State, key: str, claim: Claim) -> tuple[str, ...] | None:
    """Put a dated claim in the episode of its cell it chains with (merging the episodes it
    bridges). When a closed episode of the cell reaches its day (it comes too late), the ids
    of the groups those episodes wrote; else None."""
    assert claim.date is not None
    first, end = claim.date, _last_day(claim) + state.window
    late = None
    if first < state.floor:
        met = [ids for s, e, ids in state.closed[key] if first <= e and s <= end]
        late = tuple(i for ids in met for i in ids) if met else None
    episodes = state.open[key]
    meets = [e for e in episodes if first <= e.end and e.first <= end]
    current = _last_day(claim) >= state.floor
    seen = [state.latest or dt.date.min] if current or not meets else []
    holds: dict[tuple[str, str, str | None], dt.date] = {}
    for e in meets:
        for sig, day in e.holds.items():
            holds[sig] = min(day, holds.get(sig, day))
    if current and claim.date_precision != "year":
        sig = _signature(claim)
        holds[sig] = min(first, holds.get(sig, first))
    else:
        state.late_ids.add(claim.id)
    merged = _Episode(min([first, *(e.first for e in meets)]), max([end, *(e.end for e in meets)]),
                      max([*seen, *(e.seen for e in meets)]), holds)
    for e in meets:
        merged.claims += e.claims
    merged.claims.append(claim)
    state.open[key] = [e for e in episodes if not any(e is m for m in meets)] + [merged]
    return late


def _last_day(claim: Claim) -> dt.date:
    """The last day a claim's date reaches: the end of its month or year when that is all the
    text gives (as `align` reads it)."""
    day = claim.date
    assert day is not None
    if claim.date_precision == "year":
        return dt.date(day.year, 12, 31)
    if claim.date_precision == "month":
        return dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1) - _ONE_DAY
    return day


def _late(state: _State, doc: Document, where: str, late: list[Claim],
          written: set[str]) -> Diagnostic:
    days = sorted({c.date for c in late if c.date is not None})
    groups = sorted(written, key=lambda i: int(i[1:]))
    said = f" (groups {', '.join(groups)})" if groups else ""
    message = (f"document {doc.id!r} has {len(late)} claim(s) dated {days[0]}"
               f"{f' to {days[-1]}' if len(days) > 1 else ''}, before {state.floor} (the latest "
               f"publication day read, {state.latest}, less the horizon), where the claims of "
               f"the same measure were already judged and written{said}; they were aligned only "
               "with claims still open: give a longer horizon, or put the documents in "
               "publication order")
    if state.strict:
        raise StreamOrderError(message, where=where)
    return Diagnostic(code="stream-late", message=message, where=where, document=doc.id,
                      action="processed")


def _close(state: _State, floor: dt.date | None) -> Iterator[StreamItem]:
    """Write every episode that ends before `floor` (all of them when None), then the
    structural checks of groups no open episode or later claim can meet."""
    for key in sorted(state.open):
        done = [e for e in state.open[key] if floor is None or e.closes(floor)]
        if not done:
            continue
        state.open[key] = [e for e in state.open[key] if not any(e is d for d in done)]
        if not state.open[key]:
            del state.open[key]
        if floor is None and key in state.undated:
            # claims with no date meet the block's last claims, as align chains them
            claims = [c for e in done for c in e.claims] + state.undated.pop(key)
            yield from _judge(state, claims)
            continue  # the end of the stream: nothing comes later
        for episode in sorted(done, key=lambda e: e.first):
            before = state.numbered
            yield from _judge(state, episode.claims)
            ids = tuple(f"s{n}" for n in range(before + 1, state.numbered + 1))
            state.closed[key].append((episode.first, episode.end, ids))
    if floor is None:
        for key in sorted(state.undated):
            yield from _judge(state, state.undated.pop(key))
    yield from _checks(state, floor)


def _judge(state: _State, claims: list[Claim]) -> Iterator[StreamItem]:
    """Align and judge the claims of one closed episode, write its groups, let them go."""
    pipeline = state.pipeline
    docs = {c.doc: state.docs[c.doc][0] for c in claims}
    # in the order check() hands claims to the matcher: by document time, then offset
    ordered = sorted(claims, key=lambda c: (chronological(docs[c.doc]), c.start))
    found = pipeline.matcher(ordered, pipeline.policy)
    judged = pipeline.judged(found, docs, doc_times(docs))
    by_id = {c.id: c for c in claims}
    for group in judged:
        state.numbered += 1
        group = group.model_copy(update={"id": f"s{state.numbered}"})
        members = [by_id[i] for i in group.claims]
        days = [c.date for c in members if c.date is not None]
        span = (min(days), max(days)) if days else None
        entity = members[0].entity or ""
        recalled = any(c.id in state.late_ids for c in members)
        if recalled and span is not None \
                and span[0] <= state.checked_until.get(entity, dt.date.min) + _ONE_DAY:
            yield Diagnostic(
                code="stream-late", document=members[0].doc, action="processed",
                message=f"group {group.id} ({group.about}) reaches {span[0]}, where the "
                "structural checks were already run; it is checked only against groups "
                "still open: give a longer horizon, or put the documents in publication order")
        state.held.append(_Held(group, members, span))
        yield StreamGroup(group, members)
    state.late_ids.difference_update(c.id for c in claims)
    for claim in claims:
        doc, left = state.docs.get(claim.doc, (None, 0))
        if doc is None:
            continue
        if left <= 1:
            del state.docs[claim.doc]
        else:
            state.docs[claim.doc] = (doc, left - 1)


def _checks(state: _State, floor: dt.date | None) -> Iterator[Check]:
    """The structural checks of each written group that no open episode can still give a
    partner (a group whose days meet its own, within a day, of the same entity and a place
    it may contain or a measure it counts part of), compared with every written group."""
    if not state.held:
        return
    if floor is None:
        done = state.held
    else:
        if any(h.span is None for h in state.held):
            return  # a group with no date meets every other: wait for the end
        # a figure dated by its month only ("in May") is dated to the 1st: a later one may
        # still start its group's days there
        wait = _Waits(((sig, day) for episodes in state.open.values() for e in episodes
                       for sig, day in e.holds.items()), floor.replace(day=1))
        done = [h for h in state.held if h.span is not None
                and h.span[1] + _ONE_DAY < wait.until(h.claims[0])]
    if not done:
        return
    final = {id(h) for h in done}
    state.held = [h for h in state.held if id(h) not in final]
    entities = {h.claims[0].entity for h in done}
    old = {id(h) for h in state.retired}
    pool = sorted((h for h in [*done, *state.held, *state.retired]
                   if h.claims[0].entity in entities),
                  key=lambda h: min((c.doc, c.start) for c in h.claims))
    head = {h.claims[0].id: id(h) for h in pool}
    for check in structural_checks([c for h in pool for c in h.claims], [h.group for h in pool]):
        if check.rule == _PART_OF_WHOLE:
            continue  # run as each document is read
        if check.rule == _SUM:  # the whole is last: its parts all met it before it was done
            if head[check.claims[-1]] in final:
                yield check
        elif any(head[c] in final for c in check.claims) \
                and not any(head[c] in old for c in check.claims):
            yield check  # a pair with a group checked before was written then
    for h in done:
        entity = h.claims[0].entity or ""
        if h.span is not None:
            state.checked_until[entity] = max(h.span[1], state.checked_until.get(entity, h.span[1]))
    # a checked group stays a partner while a held group its checks may pair it with may
    # meet its days
    held = _Waits(((_signature(h.claims[0]), h.span[0]) for h in state.held
                   if h.span is not None), dt.date.max)
    state.retired = [h for h in [*state.retired, *done] if h.span is not None
                     and held.until(h.claims[0]) <= h.span[1] + _ONE_DAY]


def _signature(claim: Claim) -> tuple[str, str, str | None]:
    """What the structural checks compare a claim's group on: its entity, its measure, and
    the country of its place ("*" for a place named but not resolved, None for none)."""
    place = claim.place_key.split("/", 1)[0] if claim.place_key else ("*" if claim.location
                                                                        else None)
    return claim.entity or "", claim.measure or "", place


class _Waits:
    """For the head claim of a group: the first day of a group still to come (or still held)
    that its structural checks may compare it with: one of the same entity with a place in
    the same country (a city's toll and its country's), or of a measure it is part or whole of
    (intercepted and launched, as `frames_checks` pairs them). `days` are the signatures
    (`_signature`) and first days of what is to come; nothing comes after `last`."""

    def __init__(self, days: Iterable[tuple[tuple[str, str, str | None], dt.date]],
                 last: dt.date) -> None:
        self.month = last
        self.placed: dict[tuple[str, str | None], dt.date] = {}  # (entity, country)
        self.measured: dict[tuple[str, str], dt.date] = {}  # (entity, measure)
        for (entity, measure, place), day in days:
            for table, key in ((self.measured, (entity, measure)),
                               *(((self.placed, (entity, place)), (self.placed, (entity, "")))
                                 if place is not None else ())):
                table[key] = min(day, table.get(key, day))

    def until(self, claim: Claim) -> dt.date:
        entity, measure, place = _signature(claim)
        days = [self.month]
        if place == "*":  # a place not resolved may be within any
            days.append(self.placed.get((entity, ""), dt.date.max))
        elif place is not None:
            days += [self.placed.get((entity, place), dt.date.max),
                     self.placed.get((entity, "*"), dt.date.max)]
        days += [self.measured.get((entity, other), dt.date.max) for other in _related(measure)]
        return min(days)


def _related(measure: str) -> set[str]:
    """The measures a structural check compares with `measure` as part and whole."""
    parts = load("frames_checks")["parts_of"]
    return {w for p, w in parts.items() if p == measure} | {p for p, w in parts.items()
                                                            if w == measure}
