"""pipeline: `claimcheck.check` end to end on made-up reports."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given

import claimcheck
from claimcheck import Document, Policy, Report
from claimcheck.errors import DuplicateDocumentError
from claimcheck.models import ClaimGroup
from strategies import mixed_documents

UTC = dt.timezone.utc


def _at(day: int, hour: int, month: int = 7, year: int = 2025) -> dt.datetime:
    return dt.datetime(year, month, day, hour, tzinfo=UTC)


def _group(report: Report, text: str) -> ClaimGroup:
    """The one group holding the claim whose text is `text`."""
    ids = {c.id for c in report.claims if c.text == text}
    (group,) = [g for g in report.groups if ids & set(g.claims)]
    return group


# ---------------------------------------------------------------- the user's example

PRESIDENT = Document(
    id="a", source="Wire A", published=_at(12, 9),
    text="Overnight, 597 drones and 26 missiles were launched at Ukraine, the president said.",
)
ESTIMATES = Document(
    id="b", source="Paper B", published=_at(12, 11),
    text="Estimates suggest that up to 30 missiles and 700 drones were launched at Ukraine "
         "overnight.",
)


def test_the_users_example_is_a_tension_103_drones_apart() -> None:
    report = claimcheck.check([PRESIDENT, ESTIMATES])
    drones = _group(report, "597 drones")
    assert drones.verdict == "conflict"
    (gap,) = drones.discrepancies
    assert gap.kind == "tension"
    assert gap.abs_diff == 103
    assert round(gap.rel_diff, 2) == 0.17
    assert "103 drones apart (17% of 597)" in gap.explanation
    assert "president" in gap.explanation
    assert "estimates" in gap.explanation


def test_the_users_example_missiles_are_their_own_group() -> None:
    report = claimcheck.check([PRESIDENT, ESTIMATES])
    missiles = _group(report, "26 missiles")
    assert missiles is not _group(report, "597 drones")
    texts = {c.id: c.text for c in report.claims}
    assert sorted(texts[c] for c in missiles.claims) == ["26 missiles", "up to 30 missiles"]
    assert [d.kind for d in missiles.discrepancies] == ["tension"]


def test_the_users_example_in_any_order() -> None:
    forward = claimcheck.check([PRESIDENT, ESTIMATES])
    backward = claimcheck.check([ESTIMATES, PRESIDENT])
    assert sorted(map(sorted, (g.claims for g in forward.groups))) == \
        sorted(map(sorted, (g.claims for g in backward.groups)))
    assert {g.verdict for g in backward.groups} == {"conflict"}


def test_plain_strings_are_documents() -> None:
    report = claimcheck.check([
        "Overnight, 597 drones were launched at Ukraine, officials said.",
        "Overnight, 597 drones were launched at Ukraine, the air force said.",
    ])
    assert [d.id for d in report.documents] == ["doc1", "doc2"]
    assert [g.verdict for g in report.groups] == ["consistent"]


# ---------------------------------------------------------------- what is not compared


def test_a_city_toll_and_the_national_toll_are_different_groups() -> None:
    first = Document(id="a", published=_at(30, 18, 10, 2024),
                     text="Floods have killed 95 people in Spain, the government said on "
                          "Wednesday.\nIn Valencia, 62 people were killed, the mayor said.")
    second = Document(id="b", published=_at(31, 9, 10, 2024),
                      text="The floods have killed 95 people across Spain, officials said.\n"
                           "In the city of Valencia, 62 people died, the mayor said.")
    report = claimcheck.check([first, second])
    national, city = _group(report, "95 people"), _group(report, "62 people")
    assert national.id != city.id
    assert national.alignment and national.alignment.features["scope"] == "ES"
    assert city.alignment and city.alignment.features["scope"].endswith("Valencia")
    assert {g.verdict for g in report.groups} == {"consistent"}
    (check,) = [c for c in report.checks if c.rule.startswith("local toll")]
    assert check.passed


def test_an_older_event_recalled_with_its_year_is_not_grouped() -> None:
    first = Document(id="a", published=_at(31, 9, 10, 2024),
                     text="Floods killed 95 people in Spain on Tuesday, officials said.")
    second = Document(id="b", published=_at(31, 12, 10, 2024),
                      text="Floods killed 158 people in Spain on Tuesday, officials said on "
                           "Thursday.\nThe last flood this deadly came in 1973, when 150 people "
                           "were killed in Spain.")
    report = claimcheck.check([first, second])
    (old,) = [c for c in report.claims if c.text == "150 people"]
    assert old.date is not None and old.date.year == 1973
    assert all(old.id not in g.claims for g in report.groups)
    assert _group(report, "95 people").verdict == "evolving"


# ---------------------------------------------------------------- verdicts


def test_an_evolving_toll_is_an_update() -> None:
    docs = [
        Document(id="a", published=_at(30, 8, 10, 2024),
                 text="Floods in Spain have killed 51 people, officials said on Wednesday."),
        Document(id="b", published=_at(31, 18, 10, 2024),
                 text="Floods in Spain have killed 95 people, officials said on Thursday."),
    ]
    report = claimcheck.check(docs)
    (group,) = report.groups
    assert group.verdict == "evolving"
    (step,) = group.discrepancies
    assert step.kind == "update"
    assert step.claims == ("a:c1", "b:c1")
    assert group.estimate is not None and group.estimate.best == 95


def test_a_contradiction_inside_one_document() -> None:
    doc = Document(id="a", published=_at(8, 9, 4, 2022),
                   text="In Kramatorsk, 27 people were killed, a spokeswoman said. More than 30 "
                        "people were killed in Kramatorsk, regional officials said.")
    report = claimcheck.check([doc])
    (group,) = report.groups
    assert group.verdict == "conflict"
    found = [(d.kind, d.claims) for d in group.discrepancies]
    assert found == [("contradiction", ("a:c1", "a:c2"))]
    assert "3 people apart" in group.discrepancies[0].explanation


def test_about_600_agrees_with_597_end_to_end() -> None:
    docs = [Document(id="a", published=_at(12, 9), text="Overnight, 597 drones were launched "
                     "at Ukraine, the air force said."),
            Document(id="b", published=_at(12, 10), text="Overnight, about 600 drones were "
                     "launched at Ukraine, officials said.")]
    (group,) = claimcheck.check(docs).groups
    assert (group.verdict, group.discrepancies) == ("consistent", [])


def test_570_agrees_with_574_end_to_end() -> None:
    docs = [Document(id="a", published=_at(21, 9, 8), text="Overnight, 574 drones were launched "
                     "at Ukraine, the air force said."),
            Document(id="b", published=_at(21, 10, 8), text="Overnight, 570 drones were launched "
                     "at Ukraine, officials said.")]
    (group,) = claimcheck.check(docs).groups
    assert group.verdict == "consistent"
    strict = claimcheck.check(docs, Policy(round_figures_are_rounded=False))
    assert [g.verdict for g in strict.groups] == ["conflict"]


def test_a_part_is_checked_against_its_whole() -> None:
    report = claimcheck.check(["Officials said 72 of 99 schools in Kharkiv were damaged."])
    (check,) = [c for c in report.checks if c.rule == "part <= whole"]
    assert check.passed


def test_reference_claims_are_compared_like_any_other() -> None:
    reference = claimcheck.extract(Document(id="ref", text="Overnight, 597 drones were launched "
                                            "at Ukraine, the air force said.",
                                            published=_at(12, 8)))
    report = claimcheck.check([ESTIMATES], reference=reference)
    assert [d.kind for d in _group(report, "597 drones").discrepancies] == ["tension"]


# ---------------------------------------------------------------- the report


def test_duplicate_document_ids_are_refused_or_kept_apart() -> None:
    try:
        report = claimcheck.check([PRESIDENT, PRESIDENT])
    except DuplicateDocumentError:
        return
    ids = [c.id for c in report.claims]
    assert len(ids) == len(set(ids))


def _sound(report: Report) -> None:
    claim_ids = {c.id for c in report.claims}
    assert len(claim_ids) == len(report.claims)
    for group in report.groups:
        assert set(group.claims) <= claim_ids
        for d in group.discrepancies:
            assert set(d.claims) <= set(group.claims)
            assert d.abs_diff >= 0 and d.rel_diff >= 0
        assert (group.verdict == "consistent") == (not group.discrepancies)
    for check in report.checks:
        assert set(check.claims) <= claim_ids
    json.loads(report.to_json(), parse_constant=_no_constants)


def _no_constants(name: str) -> None:
    raise AssertionError(f"{name} is not valid JSON")


def test_the_users_example_report_is_sound() -> None:
    report = claimcheck.check([PRESIDENT, ESTIMATES])
    _sound(report)
    assert "# claimcheck report" in report.to_markdown()
    assert "tension" in report.to_table()
    assert "<table>" in report._repr_html_()


@given(mixed_documents())
def test_every_report_is_sound(docs: list[Document]) -> None:
    _sound(claimcheck.check(docs))
