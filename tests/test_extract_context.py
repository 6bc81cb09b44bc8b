"""extract.context: the frozen document context, and each claim's bounded evidence."""

from __future__ import annotations

import dataclasses

import pytest

import claimcheck
from claimcheck import Document
from claimcheck.extract import placing, read, scope
from claimcheck.extract.context import PerSentence
from claimcheck.models import CONTEXT_LIMIT
from claimcheck.text import Sentence, split_sentences


def test_the_context_is_read_once_and_frozen() -> None:
    doc = Document(id="d", text="In Lviv, 5 people died. Dr. Ivan Petrenko said 3 were hurt.")
    ctx = read(doc)
    assert [doc.text[s.start : s.end] for s in ctx.sentences] == [
        "In Lviv, 5 people died.", "Dr. Ivan Petrenko said 3 were hurt."]
    assert ctx.framing_ends[0] == len("In Lviv,")
    assert ctx.default_place is not None and ctx.default_place.name == "Lviv"
    with pytest.raises(dataclasses.FrozenInstanceError):
        ctx.lead = ""  # type: ignore[misc]


def test_context_is_the_sentence_when_short() -> None:
    doc = Document(id="d", text="The storm passed. Three people died in the floods.")
    (claim,) = claimcheck.extract(doc)
    assert claim.context == "Three people died in the floods."
    assert claim.context_start == doc.text.index("Three")
    claim.check_against(doc)


def test_context_of_a_long_sentence_is_a_window_centred_on_the_claim() -> None:
    filler = "the river rose and the road closed and " * 20
    text = f"Officials said {filler}then 12 people were rescued and {filler}the rain stopped."
    doc = Document(id="d", text=text)
    (claim,) = claimcheck.extract(doc)
    assert len(claim.context) == CONTEXT_LIMIT
    claim.check_against(doc)
    middle = claim.context_start + CONTEXT_LIMIT // 2
    assert abs(middle - (claim.start + claim.end) // 2) <= 1


def test_context_stays_inside_the_text_at_its_edges() -> None:
    filler = "and the water kept rising " * 30
    for text in (f"12 people were rescued {filler}.", f"Officials said {filler} 12 people"):
        doc = Document(id="d", text=text)
        (claim,) = claimcheck.extract(doc)
        assert len(claim.context) == CONTEXT_LIMIT
        claim.check_against(doc)


def test_json_output_is_linear_in_claims_not_sentence_length() -> None:
    # 20 KB of grouped figures and no sentence break: each claim carries a bounded context
    text = " ".join(f"{n:,}" for n in range(1000, 3500))
    report = claimcheck.check([Document(id="d", text=text)])
    assert len(report.claims) > 100
    assert len(report.to_json()) < 1000 * len(report.claims)


def test_per_sentence_values_are_read_when_asked_for_and_once() -> None:
    text = "The dam held. Then 40 homes flooded. Crews left at dusk."
    sentences = split_sentences(text, frozenset())
    asked: list[int] = []

    def length(s: Sentence) -> int:
        asked.append(s.index)
        return s.end - s.start

    lazy = PerSentence(sentences, length)
    assert asked == [] and len(lazy) == 3
    assert lazy[1] == lazy[1] == len("Then 40 homes flooded.")
    assert asked == [1]  # only the sentence asked about, and only once


def test_lazy_sentence_context_matches_an_eager_reading() -> None:
    doc = Document(id="d", text="In Kharkiv, 3 died. Mayor Ihor Terekhov said 12 were hurt. "
                   "In Odesa, the port shut.")
    ctx = read(doc)
    for s in ctx.sentences:
        assert ctx.speaker_spans[s.index] == placing.speaker_spans(ctx.words, doc.text, s)
        assert ctx.framing_ends[s.index] == s.start + scope.framing_end(
            ctx.words, doc.text[s.start : s.end])


def test_a_span_is_read_once_for_every_figure_that_asks() -> None:
    ctx = read(Document(id="d", text="Across the country, 5, 6 and 7 homes lost power."))
    asked: list[int] = []

    def count_words() -> int:
        asked.append(1)
        return len(ctx.text.split())

    answers = [ctx.per_span(("words", 0, len(ctx.text)), count_words) for _ in range(3)]
    assert answers == [10, 10, 10] and len(asked) == 1
    assert ctx.per_span(("words", 0, 6), lambda: 1) == 1  # another span is another question
