"""Language detection: the vectorised automaton walk and the widened weights change nothing."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.lang import detect

langid = pytest.importorskip("py3langid.langid")
if not hasattr(langid, "visit_counts"):
    pytest.skip("py3langid before 0.4 walks its automaton its own way", allow_module_level=True)

_OWN = [
    "", "a", "Ab", "At least 14 people were injured when a storm hit the coast on Tuesday.",
    "Al menos 12 personas murieron en las inundaciones del martes, según el ayuntamiento.",
    "Щонайменше 14 людей постраждали внаслідок удару по місту у вівторок.",
    "Mindestens 14 Menschen wurden am Dienstag verletzt, sagte der Bürgermeister.",
    "東京で火曜日に少なくとも14人が負傷した。", "1 2 3 ... !!!", "ÉÉÉ 🌧️ x",
]


def _library(text: str) -> object:
    identifier = detect._identifier()
    return langid.visit_counts(identifier.tk_nextmove, identifier._rowbase,
                               identifier.tk_output, identifier._encode(text))


def _ours(text: str) -> object:
    identifier = detect._identifier()
    return identifier._walk.counts(identifier._encode(text)) or None


def _same(text: str) -> None:
    expected, got = _library(text), _ours(text)
    assert got == expected
    assert list(got or ()) == list(expected or ())  # the same order: the same float sums


def test_walk_counts_what_the_library_counts_on_own_sentences() -> None:
    detect.detect("warm")  # builds the identifier and its walk
    for text in _OWN:
        _same(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80) | st.text(alphabet="ab cé.Ж1\n", max_size=40))
def test_walk_counts_what_the_library_counts_on_any_text(text: str) -> None:
    detect.detect("warm")
    _same(text)


def test_detection_is_the_library_s_own() -> None:
    plain = langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE, norm_probs=True)
    for text in _OWN:
        code, probability = plain.classify(text)
        assert detect.detect(text) == (code, probability)


def test_trie_depth_bounds_every_state() -> None:
    walk = detect._identifier()._walk
    assert 1 <= walk.depth <= 16
