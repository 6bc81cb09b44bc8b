"""pipeline: `claimcheck.check` end to end on made-up reports."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given

import claimcheck
import claimcheck.pipeline
from claimcheck import Claim, ClaimcheckError, Document, Policy, Report
from claimcheck import lang as languages
from claimcheck.errors import DocumentError, DuplicateDocumentError, InputTypeError, InternalError
from claimcheck.judge import When
from claimcheck.match import Group
from claimcheck.models import Alignment, ClaimGroup, Discrepancy, Estimate, Verdict
from claimcheck.pipeline import Pipeline, extract_documents
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
        # a `possible` discrepancy is listed, never a conflict nor an update
        asserted = [d for d in group.discrepancies if d.kind != "possible"]
        assert (group.verdict == "consistent") == (not asserted)
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
    assert "<table class=\"claims\">" in report._repr_html_()


@given(mixed_documents())
def test_every_report_is_sound(docs: list[Document]) -> None:
    _sound(claimcheck.check(docs))


# ---------------------------------------------------------------- one document at a time

#: a made-up line that mentions a decade the way that once crashed the extractor
DECADE = Document(id="decade", text="Back in the '90s, 40 people were hurt in a similar crash.")


def _fail_on(doc_id: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the extract stage raise for one document, whatever the extractor's own bugs."""
    real = claimcheck.pipeline._extract_claims

    def stage(document: Document) -> tuple[list[Claim], list[tuple[int, int]]]:
        if document.id == doc_id:
            raise ZeroDivisionError("made up for the test")
        return real(document)

    monkeypatch.setattr(claimcheck.pipeline, "_extract_claims", stage)


def test_a_failing_document_is_a_diagnostic_and_the_run_goes_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _fail_on("b", monkeypatch)
    third = Document(id="c", text="Overnight, 600 drones were launched at Ukraine.")
    report = claimcheck.check([PRESIDENT, ESTIMATES, third])
    assert [d.id for d in report.documents] == ["a", "c"]
    assert {c.doc for c in report.claims} == {"a", "c"}
    (diag,) = report.diagnostics
    assert (diag.code, diag.document, diag.where, diag.action) == (
        "internal-error", "b", "documents[1]", "skipped")
    assert "ZeroDivisionError: made up for the test" in diag.message
    assert "please report this" in diag.message
    _sound(report)


def test_extract_only_runs_isolate_a_failing_document(monkeypatch: pytest.MonkeyPatch) -> None:
    _fail_on("a", monkeypatch)
    report = extract_documents([PRESIDENT, ESTIMATES])
    assert [d.id for d in report.documents] == ["b"]
    assert [c.text for c in report.claims] == ["up to 30 missiles", "700 drones"]
    assert report.groups == []
    assert [(d.code, d.document) for d in report.diagnostics] == [("internal-error", "a")]


def test_a_failing_document_read_from_a_file_is_named_by_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(d.model_dump_json() for d in (PRESIDENT, ESTIMATES)) + "\n",
                    encoding="utf-8")
    _fail_on("b", monkeypatch)
    report = claimcheck.check(claimcheck.read_documents(path))
    assert [d.id for d in report.documents] == ["a"]
    assert [(d.code, d.where) for d in report.diagnostics] == [("internal-error", f"{path}:2")]


def test_the_decade_trigger_never_costs_the_other_documents() -> None:
    # whether or not the extractor copes with "'90s", the good documents are all kept
    report = claimcheck.check([PRESIDENT, DECADE, ESTIMATES])
    kept = [d.id for d in report.documents]
    failed = [d.document for d in report.diagnostics if d.code == "internal-error"]
    assert [i for i in kept if i != "decade"] == ["a", "b"]
    assert sorted(kept + failed) == ["a", "b", "decade"]
    assert len(_group(report, "597 drones").claims) == 2


def test_extract_raises_only_claimcheck_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    _fail_on("doc", monkeypatch)
    with pytest.raises(InternalError, match="please report this") as caught:
        claimcheck.extract("Five people died.")
    assert isinstance(caught.value.__cause__, ZeroDivisionError)
    assert isinstance(caught.value, ClaimcheckError) and isinstance(caught.value, RuntimeError)


def test_extract_on_the_decade_trigger_raises_no_builtin_error() -> None:
    try:
        claims = claimcheck.extract(DECADE)
    except ClaimcheckError as exc:
        assert isinstance(exc, InternalError) and exc.__cause__ is not None
    else:
        assert all(c.doc == "decade" for c in claims)


def test_extract_refuses_an_empty_doc_id_with_its_own_error() -> None:
    with pytest.raises(DocumentError, match="field 'id'"):
        claimcheck.extract("Five people died.", doc_id="")


@pytest.mark.parametrize("source", [["Five people died."], 5, None, b"Five people died."])
def test_extract_takes_one_document_or_one_text(source: object) -> None:
    with pytest.raises(InputTypeError, match="one Document or one str") as caught:
        claimcheck.extract(source)  # type: ignore[arg-type]
    assert isinstance(caught.value, TypeError)


# ---------------------------------------------------------------- library input


@pytest.mark.parametrize("path", ["docs.jsonl", Path("docs.jsonl"), b"docs.jsonl"],
                         ids=["str", "Path", "bytes"])
def test_a_path_given_to_check_says_to_read_it(path: object) -> None:
    with pytest.raises(InputTypeError, match=r"read_documents\('docs.jsonl'\)") as caught:
        claimcheck.check(path)  # type: ignore[arg-type]
    assert isinstance(caught.value, TypeError) and isinstance(caught.value, ClaimcheckError)


@pytest.mark.parametrize(
    ("documents", "match"),
    [
        pytest.param(PRESIDENT, r"not one Document; put it in a list", id="one-document"),
        pytest.param({"text": "Five died."}, r"not one dict; put it in a list", id="one-mapping"),
        pytest.param(42, r"not the int 42", id="a-number"),
        pytest.param([PRESIDENT, 7], r"documents\[1\] is the int 7", id="a-bad-item"),
    ],
)
def test_input_of_the_wrong_type_is_a_type_error(documents: object, match: str) -> None:
    with pytest.raises(InputTypeError, match=match):
        claimcheck.check(documents)  # type: ignore[arg-type]


def test_mappings_are_documents() -> None:
    report = claimcheck.check([
        {"id": "a", "text": PRESIDENT.text, "published": "2025-07-12T09:00:00Z"},
        {"text": ESTIMATES.text, "published": "2025-07-12T11:00:00Z", "title": "Overnight"},
    ])
    assert [d.id for d in report.documents] == ["a", "doc2"]
    assert report.documents[1].extra == {"title": "Overnight"}
    (note,) = report.diagnostics
    assert (note.code, note.document, note.action) == ("extra-fields", "doc2", "processed")
    assert "'title'" in note.message
    assert {d.kind for g in report.groups for d in g.discrepancies} == {"tension"}


@pytest.mark.parametrize(
    ("record", "match"),
    [
        pytest.param({"id": "x"}, r"documents\[1\] has no 'text' field", id="no-text"),
        pytest.param({"text": "x", "published": 12345},
                     r"documents\[1\] .*'published'.*ISO 8601.*not the int 12345", id="number-date"),
        pytest.param({"text": "x", "published": "15/10/2025"},
                     r"documents\[1\] .*'published'.*'15/10/2025' is not an ISO 8601", id="bad-date"),
        pytest.param({"text": 7}, r"documents\[1\] .*'text'", id="text-not-str"),
    ],
)
def test_a_bad_mapping_names_its_index_and_field(record: dict[str, object], match: str) -> None:
    with pytest.raises(DocumentError, match=match) as caught:
        claimcheck.check([PRESIDENT, record])
    assert isinstance(caught.value, ValueError)


def test_a_batch_read_from_files_is_checked_with_its_diagnostics(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(PRESIDENT.model_dump_json() + "\nnot json\n" + ESTIMATES.model_dump_json()
                    + "\n", encoding="utf-8")
    report = claimcheck.check(claimcheck.read_documents(str(path)))
    assert [d.id for d in report.documents] == ["a", "b"]
    assert [(d.code, d.where) for d in report.diagnostics] == [("bad-json", f"{path}:2")]


def test_a_dataframe_is_documents() -> None:
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame({
        "id": ["a", "b"], "text": [PRESIDENT.text, ESTIMATES.text],
        "published": ["2025-07-12T09:00:00Z", None], "outlet_rank": [1, 2],
    })
    report = claimcheck.check(frame)
    assert [d.id for d in report.documents] == ["a", "b"]
    assert report.documents[1].published is None
    assert [d.extra for d in report.documents] == [{"outlet_rank": 1}, {"outlet_rank": 2}]
    assert {d.kind for g in report.groups for d in g.discrepancies} == {"tension"}


def test_a_dataframe_without_ids_or_with_timestamps() -> None:
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame({"text": [PRESIDENT.text, ESTIMATES.text],
                              "published": pandas.to_datetime(["2025-07-12 09:00", None])})
    report = claimcheck.check(frame)
    assert [d.id for d in report.documents] == ["doc1", "doc2"]
    assert report.documents[0].published == _at(12, 9)
    assert report.documents[1].published is None


def test_a_dataframe_needs_a_text_column() -> None:
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame({"body": ["Five people died."]})
    with pytest.raises(DocumentError, match=r"no 'text' column \(its columns are \['body'\]\)"):
        claimcheck.check(frame)


def test_a_bad_dataframe_row_names_the_row() -> None:
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame({"text": ["Five people died.", "Six."], "published": ["2025-07-12", 5]})
    with pytest.raises(DocumentError, match=r"row 1 .*'published'"):
        claimcheck.check(frame)


# ---------------------------------------------------------------- documents and languages


@pytest.mark.parametrize(("given", "code"), [("EN", "en"), ("en-US", "en"), ("en_GB", "en"),
                                             (" es ", "es"), ("deu", "de"), ("pl", "pl")])
def test_language_codes_are_normalised(given: str, code: str) -> None:
    assert Document(id="x", text="", language=given).language == code


@pytest.mark.parametrize("published", [12345, 1.5, True, [2025, 7, 12]])
def test_published_is_iso_8601_text_only(published: object) -> None:
    with pytest.raises(ValueError, match="ISO 8601"):
        Document(id="x", text="", published=published)


def test_published_iso_forms() -> None:
    assert Document(id="x", text="", published="2025-07-12").published == dt.date(2025, 7, 12)
    assert Document(id="x", text="", published="2025-07-12T09:00:00Z").published == _at(12, 9)
    assert Document(id="x", text="", published="2025-07-12T11:00+02:00").published == _at(12, 9)


@pytest.mark.parametrize(
    ("language", "code", "words", "claim"),
    [
        pytest.param("pl", "unsupported-language",
                     ["Polish ('pl')", "digits, symbols and units only", "en, es"],
                     "597", id="valid-unsupported"),
        pytest.param("xx", "unknown-language", ["'xx', which is no ISO 639-1 code",
                                                "digits, symbols and units only"], "597", id="invalid"),
        pytest.param("", "unknown-language", ["an empty language", "digits, symbols and units only"],
                     "597 drones", id="empty"),
    ],
)
def test_a_language_without_rules_is_processed_and_named(
    language: str, code: str, words: list[str], claim: str
) -> None:
    doc = Document(id="p", text="Overnight, 597 drones were launched at Ukraine.",
                   language=language)
    report = claimcheck.check([doc, PRESIDENT])
    assert sorted(d.id for d in report.documents) == ["a", "p"]  # listed by time, then id
    # digits are read; the extractor takes no word of another language for a counted noun
    assert claim in [c.text for c in report.claims if c.doc == "p"]
    (diag,) = report.diagnostics
    assert (diag.code, diag.document, diag.action) == (code, "p", "processed")
    for word in words:
        assert word in diag.message


def test_supported_languages_are_silent() -> None:
    docs = [Document(id="e", text="Five people died.", language="EN-gb"),
            Document(id="s", text="Murieron cinco personas.", language="es")]
    assert claimcheck.check(docs).diagnostics == []
    assert languages.supported_languages() == ("de", "en", "es", "fr", "it", "ru", "uk")


# ---------------------------------------------------------------- pluggable stages


def _one_group(claims: list[Claim], policy: Policy) -> list[Group]:
    """A test double Matcher: every claim with a measure in one group."""
    members = [c for c in claims if c.measure]
    return [Group(members, Alignment(features={"double": "yes"}, score=100.0), "everything")]


def _always_consistent(claims: Sequence[Claim], documents: dict[str, Document], policy: Policy,
                       *, times: dict[str, When], alignment: Alignment | None,
                       ) -> tuple[Verdict, list[Discrepancy], Estimate]:
    """A test double Judge: nothing ever disagrees."""
    return "consistent", [], Estimate(low=None, best=None, high=None, rule="double")


def test_a_pipeline_runs_the_matcher_and_judge_it_is_given() -> None:
    docs = [PRESIDENT, ESTIMATES]
    report = Pipeline(matcher=_one_group, judge=_always_consistent).run(docs)
    (group,) = report.groups
    assert group.about == "everything"
    assert group.verdict == "consistent" and group.discrepancies == []
    assert len(group.claims) == len([c for c in report.claims if c.measure])
    assert claimcheck.check(docs).to_json() == Pipeline().run(docs).to_json()


# ---------------------------------------------------------------- language


def test_a_missing_language_is_detected_and_a_given_one_wins() -> None:
    german = "Nach dem Unwetter wurden 14 Verletzte in die Krankenhäuser der Stadt gebracht."
    report = claimcheck.check([Document(id="g", text=german)])
    assert report.documents[0].language == "de"
    given = claimcheck.check([Document(id="g", text=german, language="en")])
    assert given.documents[0].language == "en"
    (note,) = [d for d in given.diagnostics if d.code == "language-mismatch"]
    assert note.document == "g" and "German" in note.message and note.action == "processed"


def test_a_text_too_short_to_tell_is_read_as_english_and_said_so() -> None:
    report = claimcheck.check([Document(id="s", text="597 drones")])
    assert report.documents[0].language == "en"
    (note,) = [d for d in report.diagnostics if d.code == "undetected-language"]
    assert "give its language" in note.message


def test_a_number_phrase_longer_than_any_figure_is_cut_and_said_so() -> None:
    garbled = "Se contaron " + "nueve " * 45 + "botes en el puerto."
    report = claimcheck.check([Document(id="g", text=garbled, language="es"),
                               Document(id="p", text="Se contaron 12 botes.", language="es")])
    (note,) = [d for d in report.diagnostics if d.code == "number-cut"]
    assert note.document == "g" and note.action == "processed"
    assert f"character {garbled.index('nueve')}" in note.message
    assert {c.doc for c in report.claims} == {"g", "p"}  # the document is still read
