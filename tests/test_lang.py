"""lang: the registry of language packages and the Language a code names."""

from __future__ import annotations

import pytest

from claimcheck import lang


def test_the_supported_languages_are_the_packages_found() -> None:
    assert lang.supported_languages() == ("de", "en", "es", "fr", "it", "ru", "uk")


@pytest.mark.parametrize(("code", "expected"), [("EN", "en"), ("en-GB", "en"), ("es_MX", "es")])
def test_a_code_is_normalised_before_it_is_looked_up(code: str, expected: str) -> None:
    language = lang.get(code)
    assert (language.code, language.neutral) == (expected, False)


@pytest.mark.parametrize("code", ["nl", "pl", "xx", ""])
def test_a_language_without_a_package_is_neutral_and_has_no_words(code: str) -> None:
    language = lang.get(code)
    assert language.neutral
    assert language.table("numbers") == {}


def test_a_table_a_package_lacks_is_empty() -> None:
    assert lang.get("en").table("no-such-table") == {}
