"""extract.speaker: who says so, found by the words of the document's language."""

from __future__ import annotations

import pytest

import claimcheck
from claimcheck import Document
from claimcheck.extract import speaker
from claimcheck.extract.vocabulary import vocabulary


@pytest.mark.parametrize(
    ("code", "sentence", "expected"),
    [
        ("en", "Five people died, the mayor said.", "mayor"),
        ("en", "According to the regional governor, 14 people were killed.", "regional governor"),
        ("en", "“Nine people are in hospital,” said Ivan Petrenko.", "Ivan Petrenko"),
        ("en", "Five people died.", None),
        ("es", "Según el Gobierno, murieron 62 personas.", "Gobierno"),
        ("es", "Five people died, the mayor said.", None),  # English words, Spanish rules
        ("nl", "Five people died, the mayor said.", None),  # a neutral language has none
    ],
)
def test_attribution_reads_the_language_of_the_document(code: str, sentence: str,
                                                         expected: str | None) -> None:
    assert speaker.attribution(vocabulary(code), sentence) == expected


def test_a_speaker_carries_on_through_a_paragraph_and_the_next_with_figures() -> None:
    text = ("Five people died, the mayor said. Twelve were injured.\n"
            "Three more were missing.\n\nThe storm passed.\nTwo roads were closed.")
    claims = claimcheck.extract(Document(id="d", text=text))
    assert [c.speaker for c in claims] == ["mayor", "mayor", "mayor", None]


def test_a_pronoun_names_the_last_person() -> None:
    text = "Ivan Petrenko arrived on Monday. He said 14 people were injured."
    (claim,) = claimcheck.extract(Document(id="d", text=text))
    assert claim.speaker == "Ivan Petrenko"
