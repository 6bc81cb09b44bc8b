"""Language detection: the weights widened once at load change no detection."""

from __future__ import annotations

import numpy as np
import pytest

from claimcheck.lang import detect

langid = pytest.importorskip("py3langid.langid")

_OWN = [
    "", "a", "At least 14 people were injured when a storm hit the coast on Tuesday.",
    "Al menos 12 personas murieron en las inundaciones del martes, según el ayuntamiento.",
    "Щонайменше 14 людей постраждали внаслідок удару по місту у вівторок.",
    "Mindestens 14 Menschen wurden am Dienstag verletzt, sagte der Bürgermeister.",
    "東京で火曜日に少なくとも14人が負傷した。", "1 2 3 ... !!!", "ÉÉÉ 🌧️ x",
]


def test_detection_is_the_library_s_own_to_the_bit() -> None:
    plain = langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE, norm_probs=True)
    for text in _OWN:
        assert detect.detect(text) == plain.classify(text)


def test_the_weights_are_kept_once_as_float32() -> None:
    table = detect._identifier().nb_ptc
    assert table.dtype in (np.float32, np.float64)
