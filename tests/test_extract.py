"""extract: claims with what they count, what happened to it, and who says so.

The golden table (`tests/golden/extract.jsonl`) lists, per made-up text, every claim `extract`
should return in order (by its text) and the fields that matter for that case; fields left
out of a case are not checked. The properties hold for any text: every claim's span slices
back to its text, bounds bracket the value, ids are unique.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimcheck
from claimcheck import Claim, Document
from claimcheck.extract.kind import _list_tail
from claimcheck.extract.vocabulary import vocabulary
from strategies import languages, number_text, unicode_text

GOLDEN = Path(__file__).parent / "golden" / "extract.jsonl"


def _cases() -> list[Any]:
    params = []
    for line in GOLDEN.read_text(encoding="utf-8").splitlines():
        if line.strip():
            case = json.loads(line)
            xfail = case.get("xfail")
            marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
            params.append(pytest.param(case, id=case["id"], marks=marks))
    return params


def _field(claim: Claim, name: str) -> Any:
    value = getattr(claim, name)
    return value.isoformat() if isinstance(value, dt.date) else value


@pytest.mark.parametrize("case", _cases())
def test_golden(case: dict[str, Any]) -> None:
    doc = Document(id="d", text=case["text"], published=dt.date.fromisoformat(case["published"]))
    claims = claimcheck.extract(doc)
    assert [c.text for c in claims] == [e["text"] for e in case["claims"]]
    for claim, expected in zip(claims, case["claims"], strict=True):
        got = {name: _field(claim, name) for name in expected}
        assert got == expected


# ---------------------------------------------------------------- examples


def test_plain_string_input() -> None:
    (claim,) = claimcheck.extract("At least 14 people were injured.")
    assert (claim.doc, claim.id) == ("doc", "doc:c1")
    assert (claim.value, claim.low, claim.high, claim.qualifier) == (14, 14, None, "at_least")
    assert claimcheck.extract("Five people died.", doc_id="x")[0].id == "x:c1"


def test_claim_ids_follow_text_order() -> None:
    doc = Document(id="w", text="Three people died and 12 were injured. Police arrested 2 men.")
    claims = claimcheck.extract(doc)
    assert [c.id for c in claims] == ["w:c1", "w:c2", "w:c3"]
    assert [c.start for c in claims] == sorted(c.start for c in claims)


def test_spanish_document() -> None:  # read with the Spanish vocabulary
    doc = Document(id="d", text="Al menos 62 personas murieron en Paiporta.", language="es")
    (claim,) = claimcheck.extract(doc)
    assert (claim.value, claim.qualifier) == (62, "at_least")


def test_empty_and_blank_documents() -> None:
    assert claimcheck.extract("") == []
    assert claimcheck.extract(" \n\n\t ") == []


# ---------------------------------------------------------------- properties


def _check_claims(doc: Document, claims: list[Claim]) -> None:
    assert len({c.id for c in claims}) == len(claims)
    for claim in claims:
        assert claim.doc == doc.id
        assert doc.text[claim.start : claim.end] == claim.text
        claim.check_against(doc)
        assert claim.start < claim.end
        if claim.low is not None:
            assert claim.low <= claim.value
        if claim.high is not None:
            assert claim.value <= claim.high
        assert claim.ratio_of is None or claim.ratio_of in {c.id for c in claims}


@given(unicode_text, languages)
def test_spans_slice_back_for_arbitrary_text(text: str, lang: str) -> None:
    doc = Document(id="u", text=text, language=lang)
    _check_claims(doc, claimcheck.extract(doc))


@given(number_text, languages)
def test_spans_slice_back_for_number_fragments(text: str, lang: str) -> None:
    doc = Document(id="n", text=text, language=lang, published=dt.date(2025, 8, 21))
    _check_claims(doc, claimcheck.extract(doc))


def test_a_counted_noun_of_five_words_is_read_whole() -> None:
    text = "Le préfet a annoncé que 800 membres des forces de l'ordre seront mobilisés."
    (claim,) = claimcheck.extract(Document(id="d", text=text, language="fr"))
    assert claim.text == "800 membres des forces de l'ordre"
    assert (claim.entity, claim.measure) == ("police officer", "deployed")


@pytest.mark.parametrize(("language", "text", "span"), [
    ("en", "The count stood at 300 arrests and 52 police or gendarmes injured.",
     "52 police or gendarmes"),
    ("fr", "Le bilan fait état de 300 interpellations et 52 policiers ou gendarmes blessés.",
     "52 policiers ou gendarmes"),
])
def test_two_coordinated_nouns_are_one_count_measured_after_the_pair(
        language: str, text: str, span: str) -> None:
    claims = claimcheck.extract(Document(id="d", text=text, language=language))
    injured = claims[-1]
    assert injured.text == span
    assert (injured.entity, injured.measure) == ("police officer", "injured")


def test_every_item_of_a_list_an_age_cue_opens_is_an_age() -> None:
    text = "Three children, aged eight, 12 and 13, were taken to hospital. 4 were hurt, 12 of them badly."
    kinds = [(c.text, c.kind) for c in claimcheck.extract(Document(id="d", text=text, language="en"))]
    assert kinds[:4] == [("Three children", "count"), ("eight", "age"), ("12", "age"), ("13", "age")]
    assert all(kind == "count" for _, kind in kinds[4:])  # no age cue opens the second list


def test_an_age_named_through_a_preposition_is_an_age_not_a_count() -> None:
    text = ("Unions marched against raising the retirement age to 66. A cyclist died at the age "
            "of 71. Police arrested 30 people.")
    kinds = [(c.text, c.kind) for c in claimcheck.extract(Document(id="d", text=text, language="en"))]
    assert kinds == [("66", "age"), ("71", "age"), ("30 people", "count")]


@given(st.lists(st.sampled_from(["eight", "12", ",", " ", "and", "or", "y", "\n", "-", "x1",
                                 "\u00a0", "aged"]), max_size=14))
def test_a_list_tail_matches_only_text_ending_in_a_comma_or_a_joiner(parts: list[str]) -> None:
    before = "".join(parts)
    for code in ("en", "es"):
        joiners = vocabulary(code).list_joiners
        if _list_tail(joiners).search(before) is not None:  # what `_listed_age` tests first
            assert before.rstrip().endswith((",", *joiners))


def test_a_bare_recalled_figure_counts_what_its_sentence_counts() -> None:
    doc = Document(id="d", text="In Tarvik, 40 people have been confirmed dead since the dam burst "
                                "on Sunday 2 March (the ministry had given 41 earlier on 3 March).",
                   published=dt.date(2025, 3, 4))
    forty, forty_one = (c for c in claimcheck.extract(doc) if c.value in (40, 41))
    assert forty_one.recalled
    assert (forty_one.entity, forty_one.measure, forty_one.date) == \
        (forty.entity, forty.measure, forty.date)


def test_a_figure_of_an_event_long_past_is_scoped_to_its_country() -> None:
    text = ("Storms hit the coast on Monday, killing 3 people in Galveston.\n"
            "In 2008, a hurricane killed 84 people in Houston.")
    doc = Document(id="d", text=text, published=dt.date(2024, 3, 6))
    recent, past = claimcheck.extract(doc)
    assert (recent.location, recent.place_key) == ("Galveston", "US/Texas/Galveston")
    # the text's place is kept for reading; the key it is compared by is the country's
    assert (past.location, past.place_key) == ("Houston", "US")
    # a report that dates nothing recent tells its own event, however old: its place stays
    doc = Document(id="d", text="In March 2008, a hurricane killed 84 people in Houston.",
                   published=dt.date(2024, 3, 6))
    (own,) = claimcheck.extract(doc)
    assert own.place_key == "US/Texas/Houston"


@pytest.mark.parametrize("start", [0, 1, 3, 5, 7])
def test_the_later_numbers_of_a_sentence_read_in_place_are_the_slice(start: int) -> None:
    from claimcheck.extract import _Later  # the rest of a sentence, not copied per figure
    items = tuple(range(5))
    later = _Later(items, start)  # type: ignore[arg-type]
    assert tuple(later) == items[start:]
    assert len(later) == len(items[start:])
    assert [later[k] for k in range(len(later))] == list(items[start:])
    if len(later):
        assert later[-1] == items[-1]
    with pytest.raises(IndexError):
        later[len(later)]


def test_a_gapped_figure_counts_what_the_figure_before_it_counts() -> None:
    text = "In Braga, police counted 4,000 marchers and organisers 11,000; the count was calm."
    claims = claimcheck.extract(Document(id="g", text=text, language="en"))
    police, organisers = claims[0], claims[1]
    assert (organisers.entity, organisers.measure) == (police.entity, police.measure)
    assert organisers.speaker == "organisers"


def test_dates_are_read_with_the_documents_own_language_words() -> None:
    # "el martes" is Spanish: an English document reads English date words only, so the
    # figure keeps its publication day; a language without date words of its own
    # (Portuguese here) is read with every language's, which know "martes" (Tuesday)
    text = "At least 12 people were injured in Lviv el martes, officials said."
    published = dt.date(2024, 5, 9)  # a Thursday
    english = claimcheck.extract(Document(id="d", text=text, language="en", published=published))
    other = claimcheck.extract(Document(id="d", text=text, language="pt", published=published))
    assert [(c.date, c.date_precision) for c in english] == [(published, None)]
    assert [(c.date, c.date_precision) for c in other] == [(dt.date(2024, 5, 7), "day")]
