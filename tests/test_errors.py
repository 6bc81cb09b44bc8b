"""errors: one exception tree under ClaimcheckError; leaves subclass the builtin they resemble."""

from __future__ import annotations

import pytest

from claimcheck import errors
from claimcheck.errors import (
    ClaimcheckError,
    DocumentError,
    DuplicateDocumentError,
    InputError,
    OptionalDependencyError,
    PolicyError,
)


@pytest.mark.parametrize(
    ("error", "builtin"),
    [(InputError, ValueError), (DocumentError, ValueError), (DuplicateDocumentError, ValueError),
     (PolicyError, ValueError), (OptionalDependencyError, ImportError)],
)
def test_every_error_is_a_claimcheck_error_and_its_builtin(
    error: type[Exception], builtin: type[Exception]
) -> None:
    assert issubclass(error, ClaimcheckError)
    assert issubclass(error, builtin)


def test_document_errors_are_input_errors() -> None:
    assert issubclass(DocumentError, InputError)
    assert issubclass(DuplicateDocumentError, InputError)


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
                 "PolicyError", "OptionalDependencyError"):
        assert name in doc
