"""extract.headline: a headline figure that names no place takes the place of the body
figure restating it."""

from __future__ import annotations

from claimcheck import Document
from claimcheck.extract import extract


def _located(text: str, code: str = "en") -> list[tuple[str, str | None]]:
    doc = Document(id="a", text=text, language=code, published="2024-03-05")
    return [(c.text, c.location) for c in extract(doc)]


def test_a_headline_figure_takes_the_place_of_the_body_figure_restating_it() -> None:
    text = ("Zahl der Toten steigt – 7 Opfer in Altenheim\n"
            "In Köln hatte der Regen Keller geflutet. Bei sieben Todesopfern handelte es sich "
            "um Bewohner eines Altenheims in Sinzig.")
    assert _located(text, "de") == [("7 Opfer", "Sinzig"), ("sieben Todesopfern", "Sinzig")]


def test_a_headline_that_names_its_place_keeps_it() -> None:
    text = ("Floods in Lyon: 4 people dead\n"
            "Rain hit the south. In Toulouse, 4 people died on Monday.")
    assert _located(text) == [("4 people", "Lyon"), ("4 people", "Toulouse")]


def test_a_first_sentence_that_opens_a_paragraph_is_no_headline() -> None:
    body = "The rain hit Lyon hard. In Toulouse, four people died too."
    assert _located(f"Four people died on Monday. {body}")[0] == ("Four people", "Lyon")
    assert _located(f"Four people died on Monday\n{body}")[0] == ("Four people", "Toulouse")
