"""German, French and Italian: golden cases per language and the marks property.

`tests/golden/<lang>.jsonl` holds made-up sentences, one case a line, of three kinds:
`numbers` (every number mention `scan` finds: text, value, low, high, qualifier, unit), `dates`
(every date mention: text, day, granularity, published 2024-10-30) and `extract` (every claim:
text, value and the fields the case names). The property: a number written with the
language's decimal and grouping marks (".", a space or a narrow no-break space) parses back.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from tests.strategies import mark_cases, marked

import claimcheck
from claimcheck import Document, lang, numbers
from claimcheck.dates import find_dates

LANGUAGES = ("de", "fr", "it")
GOLDEN = Path(__file__).parent / "golden"
PUB = dt.datetime(2024, 10, 30, 12, 0)


def _cases() -> list[Any]:
    params = []
    for code in LANGUAGES:
        for line in (GOLDEN / f"{code}.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                params.append(pytest.param(code, case, id=f"{code}-{case['id']}"))
    return params


def _numbers(text: str, code: str) -> list[dict[str, Any]]:
    return [
        {"text": text[m.start : m.end], "value": m.value, "low": m.low, "high": m.high,
         "qualifier": m.qualifier, "unit": m.unit}
        for m in numbers.scan(text, code) if m.kind == "number"
    ]


def _dates(text: str, code: str) -> list[dict[str, Any]]:
    return [
        {"text": text[m.start : m.end], "day": m.day.isoformat() if m.day else None,
         "granularity": m.granularity}
        for m in find_dates(text, PUB, lang=code)
    ]


def _claims(text: str, code: str, fields: list[str]) -> list[dict[str, Any]]:
    doc = Document(id="d", text=text, language=code, published=PUB.date())
    out = []
    for claim in claimcheck.extract(doc):
        got = {name: getattr(claim, name) for name in fields}
        out.append({k: v.isoformat() if isinstance(v, dt.date) else v for k, v in got.items()})
    return out


def test_golden_ids_are_unique_per_language() -> None:
    for code in LANGUAGES:
        lines = (GOLDEN / f"{code}.jsonl").read_text(encoding="utf-8").splitlines()
        ids = [json.loads(line)["id"] for line in lines if line.strip()]
        assert len(ids) == len(set(ids)), code


@pytest.mark.parametrize(("code", "case"), _cases())
def test_golden(code: str, case: dict[str, Any]) -> None:
    expected = case["expected"]
    if case["kind"] == "numbers":
        assert _numbers(case["text"], code) == expected
    elif case["kind"] == "dates":
        assert _dates(case["text"], code) == expected
    else:
        fields = sorted({name for claim in expected for name in claim})
        assert _claims(case["text"], code, fields) == expected


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_language_is_a_package(code: str) -> None:
    assert code in lang.supported_languages()
    assert not lang.get(code).neutral


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("group", [None, " ", "\u202f"])
@given(case=mark_cases)
def test_a_number_written_with_the_languages_marks_parses_back(
    code: str, group: str | None, case: tuple[int, str, bool]
) -> None:
    whole, decimals, grouping = case
    table = lang.get(code).table("numbers")
    marks = (table["decimal_mark"], group or table["group_mark"])
    text = marked(whole, decimals, marks, grouping)
    expected = float(f"{whole}.{decimals}") if decimals else whole
    assert numbers.parse_number(text, code) == expected


def test_french_people_who_gathered_took_part() -> None:
    doc = Document(id="d", text="Samedi, plusieurs centaines de personnes se sont rassemblées "
                                "devant la mairie de Lille.",
                   published=dt.date(2025, 5, 10), language="fr")
    (claim,) = claimcheck.extract(doc)
    assert claim.measure == "took part"
