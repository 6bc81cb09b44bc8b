"""claimcheck never opens a network connection and never unpickles or evaluates input."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

import claimcheck
from claimcheck.cli import main


def test_check_runs_with_the_network_switched_off(monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("claimcheck tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    report = claimcheck.check(["About 20 people were injured in Lviv, the governor said.",
                               "At least 14 people were injured in Lviv, officials said."])
    assert report.claims
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": "a", "text": "Up to 30 missiles were fired at Kyiv."}\n',
                    encoding="utf-8")
    assert main(["check", str(path), "--format", "json"]) == 0


def test_text_that_looks_like_code_is_only_text(tmp_path: Path) -> None:
    payload = "__import__('os').system('touch pwned') and 5 people were killed"
    claims = claimcheck.extract(payload)
    assert [c.value for c in claims] == [5]
    assert not (tmp_path / "pwned").exists() and not Path("pwned").exists()
