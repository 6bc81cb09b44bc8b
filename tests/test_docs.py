"""The docs cannot drift from the code.

* Every sample in README.md and docs/*.md that shows output is a `[[[cog ... ]]]` block
  (helpers in docs/samples.py) that runs the command or library call; `cog --check` fails
  when a block's output is not what the code prints now. `make docs` regenerates them.
* Every subcommand and option of `claimcheck` has help text and is named in the docs.
* No committed file names a path of one machine.
"""

from __future__ import annotations

import argparse
import io
import os
import re
from pathlib import Path

import pytest
from cogapp import Cog

from claimcheck import cli

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
#: the arguments `make docs` gives `cog -r`, for the same files
COG_ARGS = ["-I", "docs"]


def _doc_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in DOCS)


def test_generated_samples_are_up_to_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the blocks name example files relative to the repository root
    out = io.StringIO()
    cog = Cog()
    cog.set_output(stdout=out, stderr=out)
    status = cog.main(["cog", "--check", "--diff", "--verbosity=1", *COG_ARGS,
                       *(str(p.relative_to(ROOT)) for p in DOCS)])
    if status != 0:  # 5: a block is out of date; others: a block failed to run
        pytest.fail(f"cog exited with {status}; run `make docs` to regenerate the samples\n"
                    + out.getvalue(), pytrace=False)


def test_samples_are_generated_where_the_docs_show_output() -> None:
    # the README, claims.md, matching.md, discrepancies.md and schema.md show generated output
    for name in ("README.md", "docs/claims.md", "docs/matching.md", "docs/discrepancies.md",
                 "docs/schema.md"):
        text = (ROOT / name).read_text(encoding="utf-8")
        assert "[[[cog" in text and "[[[end]]]" in text, name


def _hand_written_output(text: str) -> list[str]:
    """Fenced blocks outside cog output that show a prompt (`>>>`, `$ `) and what it printed."""
    found = []
    outside = re.sub(r"\]\]\] -->\n.*?<!-- \[\[\[end\]\]\]", "", text, flags=re.S)
    for fence in re.findall(r"^```[a-z]*\n(.*?)^```", outside, flags=re.S | re.M):
        lines = fence.splitlines()
        if (any(line.startswith((">>> ", "$ ")) for line in lines)
                and any(not line.startswith((">>> ", "... ", "$ ")) for line in lines)):
            found.append(fence)
    return found


@pytest.mark.parametrize("path", DOCS, ids=[p.name for p in DOCS])
def test_no_hand_written_output(path: Path) -> None:
    assert _hand_written_output(path.read_text(encoding="utf-8")) == []


def test_hand_written_output_is_found() -> None:
    sample = "```python\n>>> 1 + 1\n2\n```\n\n```\n$ claimcheck check a.jsonl\nok\n```\n"
    assert len(_hand_written_output(sample)) == 2
    generated = "<!-- [[[cog\ncog.out(x)\n]]] -->\n```\n$ claimcheck x\nout\n```\n<!-- [[[end]]] -->\n"
    command_only = "```\n$ claimcheck check a.jsonl\n```\n"
    assert _hand_written_output(generated + command_only) == []


def _subcommands() -> dict[str, tuple[str | None, argparse.ArgumentParser]]:
    """Each subcommand of `claimcheck`: its one-line help (in `claimcheck -h`) and its parser."""
    parser = cli._parser()
    [sub] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    helps = {a.dest: a.help for a in sub._choices_actions}
    return {name: (helps.get(name), p) for name, p in sub.choices.items()}


def test_there_are_subcommands() -> None:
    assert {"check", "extract"} <= set(_subcommands())


@pytest.mark.parametrize("name", sorted(_subcommands()))
def test_subcommand_has_help_and_is_documented(name: str) -> None:
    summary, parser = _subcommands()[name]
    assert summary, f"claimcheck {name} has no one-line help"
    assert parser.description, f"claimcheck {name} has no description"
    assert f"claimcheck {name}" in _doc_text(), f"claimcheck {name} is not in the README or docs"
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        assert action.help, f"claimcheck {name} {action.option_strings or action.metavar}: no help"
        for option in action.option_strings:
            if option.startswith("--"):
                assert option in _doc_text(), f"claimcheck {name} {option} is not documented"


# a path of one machine: a home or work directory, or a sibling checkout
_MACHINE_PATH = re.compile(r"(?<![\w.~-])/(?:work|home|root|tmp|Users)/|\.\./shared\b")
_SKIP_DIRS = {".git", ".venv", "build", "dist", "__pycache__", ".pytest_cache", ".hypothesis",
              ".mypy_cache", ".ruff_cache"}


def _repository_files() -> list[Path]:
    files = []
    for folder, dirs, names in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in _SKIP_DIRS and not d.endswith(".egg-info")]
        files += [Path(folder) / n for n in names if n not in _SKIP_DIRS]
    return files


def test_no_file_names_a_path_of_one_machine() -> None:
    found = []
    for path in _repository_files():
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        for n, line in enumerate(text.splitlines(), 1):
            if _MACHINE_PATH.search(line):
                found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert found == []


def test_machine_paths_are_recognised() -> None:
    # built from pieces, so that this file does not name such a path itself
    assert _MACHINE_PATH.search("python .." + "/shared/eval/score.py")
    assert _MACHINE_PATH.search("cd /" + "home/me/claimcheck")
    assert _MACHINE_PATH.search("python /" + "work/main/benchmarks/scale.py")
    assert not _MACHINE_PATH.search("https://example.org/work/report")
    assert not _MACHINE_PATH.search("python path/to/eval/score.py")
