"""The frozen per-document context every attacher reads, and the small records passed along.

`Context` holds what is found once per document: the text, its sentences and clause breaks,
the dates and places in it (sorted, looked up by bisection), the lead, the language's
vocabulary, the story's default place and anchor date. Nothing in it changes after
`extract()` builds it (what is read per sentence, `PerSentence`, is read on first use and
kept: a memo of a pure function); what one figure leaves for the next travels in `Notes`
and `SpeakerState`, records replaced, never mutated.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, NamedTuple, TypeVar, cast

from claimcheck.dates import DateMention
from claimcheck.extract.vocabulary import Vocabulary
from claimcheck.models import CONTEXT_LIMIT, Document
from claimcheck.places import Place
from claimcheck.text import Sentence, clause_at

Found = tuple[int, int, Place]  # a place and its offsets
T = TypeVar("T")


class PerSentence(Generic[T]):
    """What `read(sentence)` gives for each sentence, computed the first time it is asked for
    and kept: a pure function of the sentence, so the memo changes no answer, and a sentence
    nobody asks about (no figure near it) never pays for it."""

    __slots__ = ("_read", "_sentences", "_values")

    def __init__(self, sentences: Sequence[Sentence], read: Callable[[Sentence], T]) -> None:
        self._sentences = sentences
        self._read = read
        self._values: dict[int, T] = {}

    def __getitem__(self, index: int) -> T:
        values = self._values
        if index not in values:
            values[index] = self._read(self._sentences[index])
        return values[index]

    def __len__(self) -> int:
        return len(self._sentences)


@dataclass(frozen=True)
class Context:
    """One document as the attachers see it."""

    document: Document
    text: str  # the document's text (a field: attachers read it dozens of times a figure)
    words: Vocabulary
    sentences: tuple[Sentence, ...]
    dates: tuple[DateMention, ...]
    places: tuple[Found, ...]
    place_starts: tuple[int, ...]
    date_starts: tuple[int, ...]
    bounds: tuple[int, ...]  # clause breaks in the whole text
    speaker_spans: PerSentence[tuple[tuple[int, int], ...]]  # per sentence: speakers' titles
    framing_ends: PerSentence[int]  # per sentence: end of its leading "In X," adverbials
    line_breaks: tuple[int, ...]
    lead: str  # the first sentence, lower case
    # the story's place and date, read from the context itself the first time a figure asks
    # (a figure with a place and a date in its own sentence never does)
    story_place: Callable[[Context], Place | None] = field(default=lambda _: None, repr=False)
    story_date: Callable[[Context], DateMention | None] = field(default=lambda _: None,
                                                                repr=False)
    # answers about a span of text that every figure of a long clause asks again: a memo of
    # pure functions of the span, so the many figures of one clause read it once (linear time)
    _spans: dict[tuple[object, ...], object] = field(default_factory=dict, compare=False,
                                                     repr=False)

    @property
    def default_place(self) -> Place | None:
        """The story's place (`story_place`), read once."""
        return self._story("default_place", self.story_place)

    @property
    def anchor(self) -> DateMention | None:
        """The story's date (`story_date`), read once."""
        return self._story("anchor", self.story_date)

    def _story(self, key: str, read: Callable[[Context], T]) -> T | None:
        # None while it is read: what the reader itself sees of it, as when it was set on a
        # finished context (neither reader reads the other, so their order does not matter)
        spans = self._spans
        if (key,) not in spans:
            spans[key,] = None
            spans[key,] = read(self)
        return cast("T | None", spans[key,])

    def places_in(self, start: int, end: int) -> tuple[Found, ...]:
        """Places that start in `start`..`end`."""
        starts = self.place_starts
        return self.places[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]

    def dates_in(self, start: int, end: int) -> tuple[DateMention, ...]:
        """Dates that start in `start`..`end`."""
        starts = self.date_starts
        return self.dates[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]

    def sentence_at(self, pos: int) -> Sentence | None:
        """The sentence holding `pos` (None outside every sentence)."""
        i = bisect.bisect_right(self.sentences, pos, key=lambda s: s.start) - 1
        return self.sentences[i] if i >= 0 and pos < self.sentences[i].end else None

    def paragraph_at(self, pos: int) -> int:
        """The paragraph of the sentence holding `pos` (-1 outside every sentence)."""
        sentence = self.sentence_at(pos)
        return sentence.paragraph if sentence is not None else -1

    def per_span(self, key: tuple[object, ...], read: Callable[[], T]) -> T:
        """`read()`, a pure function of the text span `key` names, computed once per key."""
        if key not in self._spans:
            self._spans[key] = read()
        return cast(T, self._spans[key])

    def clause(self, sentence: Sentence, pos: int) -> tuple[int, int]:
        """The clause of `sentence` around `pos`."""
        return clause_at(self.bounds, sentence.start, sentence.end, pos)


@dataclass(frozen=True)
class SpeakerState:
    """The speaker a paragraph runs on: the last one named, the last person, where."""

    speaker: str | None = None
    person: str | None = None
    paragraph: int = -1
    had_claims: bool = False
    sentence: int = -1  # the sentence that named the speaker
    spoke: bool = False  # named by a speech verb ("X said"), not cited ("according to X")
    names: tuple[str, ...] = ()  # the speakers named so far, latest last


class Notes(NamedTuple):
    """What earlier figures leave for later ones (a named tuple: `_replace` is what
    `dataclasses.replace` does, for a few times less, and it runs several times a figure)."""

    last_measure: str | None = None  # for "the total stood at 158"
    subset_sentence: int | None = None  # a sentence whose figures are parts of one given
    recent_places: tuple[Place, ...] = ()  # places of the paragraph so far ("in total")
    places_paragraph: int | None = None
    places_sentence: int | None = None


def evidence(sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    """(offset, length) of a claim's context: its sentence when that fits in CONTEXT_LIMIT
    characters, else a window of the limit centred on the span (inside the span when the span
    itself is longer), kept within the sentence."""
    lo, hi = min(sentence.start, start), max(sentence.end, end)
    if hi - lo <= CONTEXT_LIMIT:
        return lo, hi - lo
    centre = (start + end) // 2
    first = min(max(lo, centre - CONTEXT_LIMIT // 2), hi - CONTEXT_LIMIT)
    return first, CONTEXT_LIMIT
