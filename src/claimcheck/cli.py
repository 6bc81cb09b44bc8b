"""The `claimcheck` command: a thin shell over io, pipeline and report.

Exit codes: 0 success (rejected inputs are listed in the report under `--on-error skip`);
1 inputs were rejected under `--on-error fail`, or a library error; 2 usage error (an unknown
option, a PATH that does not exist, a malformed `--published` or `--language`).
Library errors become one-line messages, never tracebacks.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from pydantic import ValidationError

from claimcheck import __version__
from claimcheck import lang as languages
from claimcheck.errors import ClaimcheckError
from claimcheck.io import Batch, read_documents, read_reference_csv
from claimcheck.models import Diagnostic, Document
from claimcheck.pipeline import check, extract_documents, problems
from claimcheck.report import Report, dumps

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    for path in args.paths:
        if not os.path.exists(path):
            what = "is a symbolic link to a file that does not exist" if os.path.islink(path) \
                else "does not exist"
            args.parser.error(f"PATH {path!r} {what}; give a .jsonl, .json or .txt file, or a "
                              f"directory holding them: {args.parser.prog} docs.jsonl")
    try:
        return int(args.run(args))
    except ClaimcheckError as exc:
        print(f"claimcheck: error: {exc}", file=sys.stderr)
        return EXIT_REJECTED
    except BrokenPipeError:  # pragma: no cover - output closed early (| head)
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the last resort: one line, never a traceback
        # a failure on one document is a diagnostic already; this is a failure of the run
        print(f"claimcheck: error: claimcheck failed with {type(exc).__name__}: {exc}; this is a "
              "bug in claimcheck, please report this with the command and its input",
              file=sys.stderr)
        return EXIT_REJECTED


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimcheck", description="Cross-check numeric claims between news sources.")
    parser.add_argument("--version", action="version", version=f"claimcheck {__version__}")
    sub = parser.add_subparsers(required=True, metavar="COMMAND")
    ex = sub.add_parser("extract", help="print the numeric claims found in documents",
                        description="Print the numeric claims found in .txt/.jsonl documents.")
    _input_options(ex)
    ex.add_argument("--format", choices=("json", "jsonl", "table"), default="table",
                    help="output format (default: table)")
    ex.set_defaults(run=_extract, parser=ex)
    ck = sub.add_parser("check", help="align claims across documents and report conflicts",
                        description="Align claims across documents and report what conflicts.")
    _input_options(ck)
    ck.add_argument("--format", choices=("table", "json", "markdown", "html"), default="table",
                    help="output format (default: table)")
    ck.add_argument("--reference", metavar="CSV", action="append", default=[],
                    help="a CSV of reference figures to check the text against (repeatable)")
    ck.set_defaults(run=_check, parser=ck)
    return parser


def _input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help=".jsonl or .txt files, or directories")
    p.add_argument("--on-error", choices=("skip", "fail"), default="skip",
                   help="skip bad inputs and report them (default) or stop with exit code 1")
    meta = p.add_argument_group("metadata for .txt files (a file's own header wins)")
    meta.add_argument("--source", help="outlet name, e.g. 'Daily Express'")
    meta.add_argument("--published", type=_published,
                      help="publication time, ISO 8601 (2025-07-12 or with time)")
    meta.add_argument("--language", type=_language, help="ISO 639-1 code of the text (default en)")
    meta.add_argument("--url", help="where the text was published")


def _published(raw: str) -> str:
    try:
        Document(id="flag", text="", published=raw)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(problems(exc).removeprefix("field 'published': ")
                                         ) from None
    return raw


def _language(raw: str) -> str:
    code = languages.normalise(raw)
    if languages.name(code) is None:
        raise argparse.ArgumentTypeError(
            f"{raw!r} is not an ISO 639-1 language code; type a two-letter code such as "
            f"{' or '.join(languages.supported_languages())}")
    return code


def _read(args: argparse.Namespace) -> Batch:
    defaults = {k: v for k in ("source", "published", "language", "url")
                if (v := getattr(args, k, None))}
    return read_documents(args.paths, defaults=defaults)


def _rejected(diagnostics: Sequence[Diagnostic]) -> int:
    return sum(d.action != "processed" for d in diagnostics)


def _tell(args: argparse.Namespace, diagnostics: Sequence[Diagnostic]) -> None:
    for d in diagnostics:
        action = "rejected" if args.on_error == "fail" and d.action != "processed" else d.action
        print(f"claimcheck: {d.where}: {d.code}: {d.message} ({action})", file=sys.stderr)


def _status(args: argparse.Namespace, diagnostics: Sequence[Diagnostic], processed: int) -> int:
    rejected = _rejected(diagnostics)
    if rejected:
        print(f"claimcheck: {rejected} input(s) rejected, {processed} document(s) processed",
              file=sys.stderr)
    # under the default --on-error skip a run succeeds: rejected inputs are listed, not fatal
    if args.on_error == "fail" and rejected:
        return EXIT_REJECTED
    return EXIT_OK


def _run(args: argparse.Namespace, work: str) -> Report | int:
    """The report of a run, or the exit code when --on-error fail stops it."""
    batch = _read(args)
    if args.on_error == "fail" and _rejected(batch.diagnostics):
        _tell(args, batch.diagnostics)
        return _status(args, batch.diagnostics, len(batch.documents))
    if work == "extract":
        report = extract_documents(batch)
    else:
        reference = [c for path in args.reference for c in read_reference_csv(path)]
        report = check(batch, reference=reference)
    _tell(args, report.diagnostics)
    if args.on_error == "fail" and _rejected(report.diagnostics):
        return _status(args, report.diagnostics, len(report.documents))
    return report


def _extract(args: argparse.Namespace) -> int:
    report = _run(args, "extract")
    if isinstance(report, int):
        return report
    if args.format == "json":
        data = report.to_dict()
        print(dumps({"claims": data["claims"], "diagnostics": data["diagnostics"]}))
    elif args.format == "jsonl":
        for c in report.to_dict()["claims"]:
            print(dumps(c))
    else:
        for c in report.claims:
            print(f"{c.doc}\t{c.text}\t{c.qualifier}\t[{c.low}, {c.high}]\t{c.entity or '-'}\t"
                  f"{c.measure or '-'}\t{c.location or '-'}\t{c.speaker or '-'}")
    return _status(args, report.diagnostics, len(report.documents))


def _check(args: argparse.Namespace) -> int:
    report = _run(args, "check")
    if isinstance(report, int):
        return report
    render = {"json": report.to_json, "markdown": report.to_markdown, "html": report._repr_html_,
              "table": report.to_table}[args.format]
    sys.stdout.write(render() + ("\n" if args.format in ("json", "html") else ""))
    return _status(args, report.diagnostics, len(report.documents))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
