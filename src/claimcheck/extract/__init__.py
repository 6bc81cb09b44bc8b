"""Document -> claims: numeric mentions with what they count, where, when, and who says so.

`extract(document)` reads the document once into a frozen `Context` (sentences, clause
breaks, dates, places, the vocabulary of the document's own language), then walks its
numbers in text order and composes small pure attachers in the order the data flows:

    kind      what kind of figure (count, age, money, ...), and which numbers are none
    subject   the counted entity and the measure (what happened to it)
    links     a hedge carried down a list, back-references, a part and its whole
    speaker   who says so, carried along a paragraph, then read figure by figure in its
              clause (speaker_clause)
    scope     the place
    when      the event day and the as-of moment

What one figure leaves for the next travels in frozen records (`Notes`, `SpeakerState`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import cache, lru_cache, partial
from typing import NamedTuple, overload

from claimcheck import dates, lang, numbers, places
from claimcheck.extract import (
    frame,
    headline,
    links,
    measured,
    placing,
    scope,
    speaker,
    speaker_clause,
    subject,
    sums,
    when,
)
from claimcheck.extract import kind as _kind
from claimcheck.extract.context import Context, Notes, PerSentence, SpeakerState, evidence
from claimcheck.extract.vocabulary import Vocabulary, vocabulary
from claimcheck.lexicon import load
from claimcheck.models import MORE_MARK, PART_MARK, TOTAL_MARK, Claim, Document
from claimcheck.text import Sentence, boundaries, split_sentences

__all__ = ["extract", "extract_cut", "read"]

_NEWLINE = re.compile("\n")


def extract(source: Document | str, *, doc_id: str = "doc") -> list[Claim]:
    """Every numeric claim in a document (or plain English text), in text order."""
    document = source if isinstance(source, Document) else Document(id=doc_id, text=source)
    return extract_cut(document)[0]


def extract_cut(document: Document) -> tuple[list[Claim], list[tuple[int, int]]]:
    """`extract`, and the number phrases longer than any real figure that were cut
    (`numbers.scan_cut`: where each starts, where its first cut is)."""
    mentions, cut = numbers.scan_cut(document.text, document.language or "en")
    scanned = [m for m in mentions if m.kind == "number"]
    if not scanned:
        return [], cut  # no figure: the document's context (dates, places, sentences) is never built
    return _claims(document, scanned), cut


def _claims(document: Document, scanned: list[numbers.Mention]) -> list[Claim]:
    ctx = read(document)
    out: list[Claim] = []
    notes, state = Notes(), SpeakerState()
    paragraph = -1
    for sentence, found in _up_to_last_figure(_by_sentence(ctx, _numbers(ctx, scanned))):
        if sentence.paragraph != paragraph:  # "the total stood at" refers within its paragraph
            notes, paragraph = notes._replace(last_measure=None), sentence.paragraph
        said, state = speaker.speak(ctx, sentence, state, bool(found))
        previous: numbers.Mention | None = None
        for k, m in enumerate(found):
            if _kind.not_a_claim(ctx, m):
                continue
            figure = _Figure(m, sentence, said, len(out),
                             found[k + 1].start if k + 1 < len(found) else None,
                             previous, out[-1] if out and previous is not None else None,
                             _Later(found, k + 1), tuple(out[-4:]))
            claim, notes = _claim(ctx, figure, notes)
            if claim.qualifier == "vague" and claim.kind == "count" \
                    and claim.entity in ctx.words.time_entities:
                continue  # "several years", "a few hours": no figure to check
            out.append(claim)
            previous = m
        if said.speaker and not state.had_claims and any(
                c.start >= sentence.start and c.end <= sentence.end for c in out[-3:]):
            state = replace(state, had_claims=True)  # (already set: the same record)
    return headline.place_from_body(
        sums.widen_sums(frame.with_frame(links.link_ratios(out, ctx), ctx), ctx), ctx)


def read(document: Document) -> Context:
    """The frozen context of `document`, read with the vocabulary of its own language."""
    text = document.text
    words = vocabulary(document.language or lang.DEFAULT)
    sentences = tuple(split_sentences(text, words.abbreviations))
    found_dates = tuple(dates.find_dates(text, document.published, _date_language(document)))
    language = lang.get(words.code)
    lemmas = language.lemmas if language.lemmatizer else None  # "у Києві" is Kyiv
    found_places = tuple(placing.listed_provinces(words, text, sentences, scope.local_units(
        words, text, placing.local_towns(words, text, scope.in_story_country(text, [
            p for p in places.find_places(text, lemmas) if placing.plausible(words, text, p)])))))
    return Context(
        document=document,
        text=text,
        words=words,
        sentences=sentences,
        dates=found_dates,
        places=found_places,
        place_starts=tuple(s for s, _, _ in found_places),
        date_starts=tuple(d.start for d in found_dates),
        bounds=tuple(boundaries(text)),
        # read for the sentences asked about only: those near a figure, and the lead's
        speaker_spans=PerSentence(sentences, partial(placing.speaker_spans, words, text)),
        framing_ends=PerSentence(sentences, partial(_framing_end, words, text)),
        line_breaks=tuple(m.start() for m in _NEWLINE.finditer(text)),
        lead=text[: sentences[0].end].lower() if sentences else "",
        # read on first use: most figures name their own place and date
        story_place=scope.default_place,
        story_date=when.anchor,
    )


def _date_language(document: Document) -> str | None:
    """The language whose date words `document` is read with: its own where claimcheck has
    them (a seventh of the words in every date pattern), else None: every language's words,
    as for a document that names no language."""
    language = document.language
    return language if language is not None and lang.get(language).package is not None else None


def _framing_end(words: Vocabulary, text: str, s: Sentence) -> int:
    """Where the leading "In X," adverbials of sentence `s` end (an offset in `text`)."""
    return s.start + scope.framing_end(words, text[s.start : s.end])


def _numbers(ctx: Context, mentions: list[numbers.Mention]) -> list[numbers.Mention]:
    """The numbers of the text (`mentions`, scanned) that are no part of a date."""
    return [m for m in mentions if not any(
        d.start < m.number_end and m.number_start < d.end
        for d in ctx.dates_in(max(0, m.number_start - 200), m.number_end))]


def _by_sentence(ctx: Context, mentions: list[numbers.Mention]
                 ) -> list[tuple[Sentence, list[numbers.Mention]]]:
    grouped: dict[int, list[numbers.Mention]] = {}
    s_index = 0
    for m in mentions:
        while s_index < len(ctx.sentences) - 1 and ctx.sentences[s_index].end <= m.start:
            s_index += 1
        grouped.setdefault(s_index, []).append(m)
    return [(s, grouped.get(s.index, [])) for s in ctx.sentences]


def _up_to_last_figure(grouped: list[tuple[Sentence, list[numbers.Mention]]]
                       ) -> list[tuple[Sentence, list[numbers.Mention]]]:
    """The sentences up to the last one with a figure: the speaker a sentence names is read
    for the figures of that sentence and of later ones, so those after the last figure have
    no figure to read it for."""
    last = max((k for k, (_, found) in enumerate(grouped) if found), default=-1)
    return grouped[: last + 1]


class _Later(Sequence[numbers.Mention]):
    """The numbers of a sentence after one of them, read in place: a copy per figure made a
    sentence of n figures cost n * n (a crafted run of thousands of figures in one line)."""

    __slots__ = ("_items", "_start")

    def __init__(self, items: Sequence[numbers.Mention], start: int) -> None:
        self._items, self._start = items, start

    def __len__(self) -> int:
        return max(0, len(self._items) - self._start)

    @overload
    def __getitem__(self, k: int) -> numbers.Mention: ...
    @overload
    def __getitem__(self, k: slice) -> Sequence[numbers.Mention]: ...
    def __getitem__(self, k: int | slice) -> numbers.Mention | Sequence[numbers.Mention]:
        if isinstance(k, slice):
            return tuple(self)[k]
        if k < 0:
            k += len(self)
        if not 0 <= k < len(self):
            raise IndexError(k)
        return self._items[self._start + k]

    def __iter__(self) -> Iterator[numbers.Mention]:
        # by index from the start: islice would step over the first `_start` items every time
        return map(self._items.__getitem__, range(self._start, len(self._items)))


class _Figure(NamedTuple):
    """One number in its sentence, with what came just before it (a named tuple: one is
    built for every figure, a few times faster than a frozen dataclass)."""

    mention: numbers.Mention
    sentence: Sentence
    said: speaker.Said
    number: int  # how many claims came before it
    next_start: int | None  # where the sentence's next number starts
    previous: numbers.Mention | None  # the sentence's previous number that made a claim
    previous_claim: Claim | None  # its claim
    rest: Sequence[numbers.Mention] = ()  # the sentence's later numbers
    recent: tuple[Claim, ...] = ()  # the document's last claims before it, in any sentence


def _claim(ctx: Context, f: _Figure, notes: Notes) -> tuple[Claim, Notes]:
    m, sentence, text = f.mention, f.sentence, ctx.text
    qualifier, low, high, hedge = links.carried_hedge(ctx, m, f.previous, f.previous_claim)
    kind = _kind.kind(ctx, m)
    noun_end, entity = subject.entity(ctx, m, sentence)
    start, end = m.start, max(m.end, noun_end)
    recalled = when.recalled(ctx, m, sentence)
    echo = _echo(ctx, f, kind, entity, recalled)
    entity, measure, detail, notes = _subject(ctx, f, kind, end, entity, notes)
    if echo is not None:  # "38 dead (39 had been given earlier)": the 39 counts the dead
        entity, measure = echo.entity, echo.measure
    located = scope.locate(ctx, m, sentence, measure, notes.recent_places, f.next_start, entity,
                           f.previous.end if f.previous is not None else None)
    recent, para, index = scope.remember(notes.recent_places, notes.places_paragraph,
                                         notes.places_sentence, sentence, located.seen)
    place = located.place
    place_key, location = (place.key, place.name) if place else (None, None)
    parted = f.previous_claim
    if parted is not None and links.own_place_part(measure, place_key, parted):
        # "including 61,000 in Paris", "27 of them in Paris": the city's own count
        measure, detail = parted.measure, None
        entity = parted.entity if subject.bare(ctx, m, sentence) or subject.partitive(ctx, m) \
            else entity
    facility = placing.facility(ctx, sentence, m)
    # the story's own site (named in its first sentence) is no sub-scope
    if facility and place_key and (not _names(ctx.lead, facility)
                                   or placing.set_at_facility(ctx, sentence, m)):
        place_key = f"{place_key}#{facility}"  # a figure about one building, not the town
        location = f"{facility}, {location}"
    elif place is not None and place_key and scope.partial(ctx, sentence, place):
        place_key = f"{place_key}#parts"  # a figure for some parts of it, not the whole
        location = f"parts of {location}"
    date, precision, as_of = when.when(ctx, m, sentence)
    if kind == "count" and measure and "(" not in measure and when.period_total(ctx, m, sentence):
        measure = f"{measure}{TOTAL_MARK}"  # "2,800 drones since the start of June": its own total
    if echo is not None and precision != "night":
        # an earlier step of the same count is of the same event ("39 earlier on the 15th":
        # as of then); one night's figure "against 249 the night before" keeps its night
        date, precision = echo.date, echo.date_precision
    if kind == "count" and measure in _cumulative():
        # a running toll weeks on: the event's, as of then (never dated by a later sentence)
        toll = when.event_of_toll(ctx, date, sentence.end)
        if toll is not None and toll.day is not None:
            as_of = as_of or dt.datetime.combine(date, dt.time(23, 59), tzinfo=dt.timezone.utc) \
                if date is not None else as_of
            date, precision = toll.day, toll.granularity
    if place is not None and place.country and when.recalled_day(ctx, date):
        # an event long past is recalled by its country ("the deadliest storm to strike the
        # US since Katrina killed 1,392 in 2005") or its city ("Katrina killed 1,392 in New
        # Orleans"): its date tells it apart, so its figures are compared country-wide
        whole = placing.country_of(place.country)
        place_key = whole.key if whole is not None else place_key
    # what this figure leaves for the next, in one record (`_replace` is Python code)
    notes = notes._replace(recent_places=recent, places_paragraph=para, places_sentence=index,
                           last_measure=measure if measure and kind == "count"
                           else notes.last_measure)
    context_start, context_len = evidence(sentence, start, end)
    doc = ctx.document.id
    return Claim(
        id=f"{doc}:c{f.number + 1}", doc=doc, start=start, end=end, text=text[start:end],
        context=text[context_start : context_start + context_len], context_start=context_start,
        value=m.value, low=low, high=high, qualifier=qualifier, unit=m.unit, kind=kind,
        entity=entity, measure=measure, location=location, place_key=place_key,
        date=date, date_precision=precision, as_of=as_of,
        recalled=recalled, later=not recalled and when.later(ctx, m, sentence),
        detail=detail, hedge=hedge,
        speaker=speaker_clause.figure_speaker(ctx, f.said, sentence, m.start, kind, date),
    ), notes


def _echo(ctx: Context, f: _Figure, kind: str, entity: str | None,
          recalled: bool) -> Claim | None:
    """The claim of its sentence that a bare recalled figure gives an earlier value of ("38
    people have died; the same office had given 39 earlier"), if any: the figure names no
    noun of its own, and the previous claim of its sentence is a count of a measure."""
    before = f.previous_claim
    if not recalled or entity is not None or before is None or before.recalled \
            or before.kind != kind or kind != "count" or not before.measure \
            or before.entity is None:
        return None
    m = f.mention
    if not (subject.bare(ctx, m, f.sentence)
            or ctx.words.recall_after.match(ctx.text, m.end, f.sentence.end)):
        return None
    return before


def _subject(ctx: Context, f: _Figure, kind: str, end: int, entity: str | None,
             notes: Notes) -> tuple[str | None, str | None, str | None, Notes]:
    """(entity, measure, detail of a part, notes) of one figure."""
    m, sentence = f.mention, f.sentence
    if kind == "age":
        entity = subject.entity_for(kind)
    before = f.previous_claim
    listed, floor = subject.list_link(ctx, m, sentence, (before.start, before.end) if before else None)
    measure = kind if kind == "age" else subject.measure(ctx, m, sentence, end, entity, floor,
                                                                 f.rest)
    measure = subject.aliased(kind, entity, measure)  # money "lost" is no death toll
    if kind == "measurement" and measured.is_length(m.unit):
        measure = measured.length_measure()  # a length measures a distance, whatever verb says
    detail: str | None = None
    # a part of a figure already given counts nothing of its own; one that names its own
    # noun ("five of them children", "five children were among those killed") does
    # a part in another state than its whole ("70 injured, of whom over 30 are in hospital")
    # is a count of that stock itself: the hospital's figure, not a share of the injured
    own_stock = measure in _stock() and before is not None and before.measure != measure
    if entity in (None, subject.people()) and not own_stock \
            and subject.subset(ctx, m, sentence, notes.subset_sentence):
        if entity is None:
            notes = notes._replace(subset_sentence=sentence.index)
        detail = subject.detail(ctx, end, sentence)
        measure = f"{measure or load('measures')['unnamed_part']}{PART_MARK}"
    if entity is None and measure:
        entity = subject.entity_for(measure.removesuffix(PART_MARK))
    if kind in ("measurement", "duration"):
        entity, measure = measured.quantity(ctx, m, sentence, kind, end, measure)
    if measure is None:
        measure = links.referred_measure(ctx, m, sentence, end, kind, notes.last_measure,
                                         f.previous_claim)
        # a figure that borrows the measure of a part before it is no part itself
        measure = measure.removesuffix(PART_MARK) if measure else measure
        if entity is None and measure and kind == "count":
            entity = subject.entity_for(measure)  # "la préfecture en a compté 6 200": people
    if measure is None and before is not None and before.kind == kind == "count" \
            and speaker_clause.gapped_office(ctx, sentence, m.start) is not None:
        # "police counted 6,000 marchers and organisers 15,000": the same count, another voice
        measure, entity = before.measure, entity or before.entity
    if listed and before is not None and before.kind == kind:
        # an item of a list counts what the list counts: "17 in Kyiv, 5 in Kharkiv"
        measure = measure or before.measure
        if subject.bare(ctx, m, sentence):  # "10,000 rubbish bins" names its own thing
            entity = entity or before.entity
    if entity is None and kind == "money":
        entity = measured.priced(ctx, m, sentence)
        measure = entity or measure  # "insured losses of $5 billion": the sum is the measure
    if kind == "money":
        entity = entity or measure  # a sum is named by what it is: losses, aid, a cost
    elif entity is None and subject.bare(ctx, m, sentence):  # not "10,000 rubbish bins"
        entity = subject.entity_before(ctx, m, sentence)
    measure = subject.aliased(kind, entity, measure)
    # with no figure before it in its sentence, "more" adds to the last count of its thing
    last = before or next((c for c in reversed(f.recent) if c.entity == entity), None)
    if links.increment(ctx, m.end, sentence, measure, last):
        measure = f"{measure}{MORE_MARK}"  # "and hundreds more": its own quantity, not the total
    return entity, measure, detail, notes


@cache
def _stock() -> frozenset[str]:
    return frozenset(load("measures")["stock"])


@cache
def _cumulative() -> frozenset[str]:
    return frozenset(load("measures")["cumulative"])


def _names(lead: str, word: str) -> bool:
    return _whole_word(word).search(lead) is not None


@lru_cache(maxsize=512)
def _whole_word(word: str) -> re.Pattern[str]:
    """`word` as a whole word, compiled once (a facility's name: a few dozen recur)."""
    return re.compile(rf"\b{re.escape(word)}\b")
