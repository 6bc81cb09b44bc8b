"""errors: one exception tree under ClaimcheckError; leaves subclass the builtin they resemble."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck import errors
from claimcheck.errors import (
    ClaimcheckError,
    DocumentError,
    DuplicateDocumentError,
    InputError,
    InputTypeError,
    InternalError,
    OptionalDependencyError,
    PolicyError,
)


@pytest.mark.parametrize(
    ("error", "builtin"),
    [(InputError, ValueError), (DocumentError, ValueError), (DuplicateDocumentError, ValueError),
     (PolicyError, ValueError), (OptionalDependencyError, ImportError),
     (InputTypeError, TypeError), (InternalError, RuntimeError)],
)
def test_every_error_is_a_claimcheck_error_and_its_builtin(
    error: type[Exception], builtin: type[Exception]
) -> None:
    assert issubclass(error, ClaimcheckError)
    assert issubclass(error, builtin)


def test_document_errors_are_input_errors() -> None:
    assert issubclass(DocumentError, InputError)
    assert issubclass(DuplicateDocumentError, InputError)
    assert issubclass(InputTypeError, InputError)  # one class catches every input problem


def test_an_internal_error_chains_its_cause_and_names_its_place() -> None:
    try:
        try:
            raise IndexError("no such group")
        except IndexError as exc:
            raise InternalError("claimcheck failed", where="docs.jsonl:3") from exc
    except ClaimcheckError as caught:
        assert str(caught) == "docs.jsonl:3: claimcheck failed"
        assert isinstance(caught.__cause__, IndexError)


def test_where_prefixes_the_message() -> None:
    error = InputError("the line is not JSON", where="docs.jsonl:7")
    assert error.where == "docs.jsonl:7"
    assert str(error) == "docs.jsonl:7: the line is not JSON"
    assert str(InputError("no place")) == "no place"
    assert InputError("no place").where is None


def test_optional_dependency_names_the_install_command() -> None:
    error = OptionalDependencyError("Report.to_frame", "pandas", "pandas")
    assert "pip install 'claimcheck[pandas]'" in str(error)
    assert "'pandas'" in str(error)


def test_the_tree_is_drawn_in_the_module_docstring() -> None:
    doc = errors.__doc__ or ""
    for name in ("ClaimcheckError", "InputError", "DocumentError", "DuplicateDocumentError",
                 "InputTypeError", "PolicyError", "InternalError", "OptionalDependencyError"):
        assert name in doc


def test_a_bad_policy_is_a_policy_error() -> None:
    from claimcheck import Policy
    from claimcheck.errors import ClaimcheckError, PolicyError

    with pytest.raises(PolicyError, match="max_rounding"):
        Policy(max_rounding=2)
    assert issubclass(PolicyError, ClaimcheckError) and issubclass(PolicyError, ValueError)


def test_strict_reading_names_the_kind_of_problem(tmp_path: Path) -> None:
    from claimcheck.errors import DocumentError, DuplicateDocumentError
    from claimcheck.io import read_documents

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": 5}\n', encoding="utf-8")
    with pytest.raises(DocumentError, match="bad.jsonl:1"):
        read_documents([bad], strict=True)
    twice = tmp_path / "twice.jsonl"
    twice.write_text('{"id": "a", "text": "x"}\n{"id": "a", "text": "y"}\n', encoding="utf-8")
    with pytest.raises(DuplicateDocumentError):
        read_documents([twice], strict=True)
