"""The root namespace is curated: `__all__` is exact, sorted, and names everything public."""

from __future__ import annotations

import types

import claimcheck

EXPECTED = ["Claim", "ClaimcheckError", "Document", "Pipeline", "Policy", "Report", "check",
            "check_stream", "extract", "read_documents", "read_jsonl", "to_jsonl"]


def test_all_is_exact_and_sorted() -> None:
    assert claimcheck.__all__ == EXPECTED
    assert claimcheck.__all__ == sorted(claimcheck.__all__)


def test_every_exported_name_exists() -> None:
    for name in claimcheck.__all__:
        assert getattr(claimcheck, name) is not None, name


def test_every_public_member_is_exported() -> None:
    public = {
        name
        for name, value in vars(claimcheck).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }
    assert public == set(claimcheck.__all__)


def test_exported_members_come_from_their_modules() -> None:
    # the root extract is the pipeline's: one document, only ClaimcheckErrors raised
    assert claimcheck.extract.__module__ == "claimcheck.pipeline"
    assert claimcheck.read_documents.__module__ == "claimcheck.io"
    assert claimcheck.read_jsonl.__module__ == claimcheck.to_jsonl.__module__ == "claimcheck.io"
    assert claimcheck.check.__module__ == "claimcheck.pipeline"
    assert claimcheck.ClaimcheckError.__module__ == "claimcheck.errors"
    assert isinstance(claimcheck.__version__, str)
