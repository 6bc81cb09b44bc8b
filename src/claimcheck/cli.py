"""The `claimcheck` command: a thin shell over io, pipeline and report.

Exit codes: 0 success (rejected inputs are listed in the report under `--on-error skip`);
1 inputs were rejected under `--on-error fail`, or a library error; 2 usage error (an unknown
option, a PATH that does not exist, a malformed `--published` or `--language`).
Library errors become one-line messages, never tracebacks.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from pydantic import ValidationError

from claimcheck import __version__
from claimcheck import lang as languages
from claimcheck.errors import ClaimcheckError
from claimcheck.io import (
    Batch,
    atomic_write,
    iter_documents,
    read_documents,
    read_reference_csv,
    to_jsonl,
)
from claimcheck.models import Check, Diagnostic, Document
from claimcheck.parallel import check_jobs
from claimcheck.pipeline import extract_documents, problems
from claimcheck.report import ClaimRow, DiscrepancyRow, Report, ReportRecord, dumps
from claimcheck.stream import StreamGroup, check_stream

if TYPE_CHECKING:
    from tqdm import tqdm

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2

EXIT_CODES = """exit codes:
  0  success; under --on-error skip, rejected inputs are listed, not fatal
  1  an input was rejected under --on-error fail, or claimcheck could not finish
  2  usage error: an unknown option or value, a PATH that does not exist, a malformed
     --published or --language"""

#: seconds before the progress bar shows: a run shorter than that never shows one
_PROGRESS_DELAY = 1.0
_STDIN = "-"
#: days a document may lag behind the latest one read under --stream
_HORIZON = 14

#: what `claimcheck schema --what` prints the JSON Schema of
SCHEMAS: dict[str, type[Any]] = {"report": ReportRecord, "claims": ClaimRow,
                                 "discrepancies": DiscrepancyRow}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    _check_usage(args)
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


def _check_usage(args: argparse.Namespace) -> None:
    """Refuse, with exit code 2, what can be known to be wrong before reading anything."""
    error = args.parser.error
    for path in getattr(args, "paths", []):
        if path == _STDIN:
            continue
        if not os.path.exists(path):
            what = "is a symbolic link to a file that does not exist" if os.path.islink(path) \
                else "does not exist"
            error(f"PATH {path!r} {what}; give a .jsonl, .json or .txt file, or a directory "
                  f"holding them, or - for standard input: {args.parser.prog} docs.jsonl")
    if getattr(args, "paths", []).count(_STDIN) > 1:
        error("PATH - (standard input) is given more than once; give it once")
    if args.output == _STDIN:  # -o - is standard output, as - is standard input
        args.output = None
    if args.output is not None:
        folder = os.path.dirname(os.path.abspath(args.output))
        if os.path.isdir(args.output):
            error(f"--output {args.output!r} is a directory; give a file name such as "
                  f"{os.path.join(args.output, 'report.json')!r}")
        if not os.path.isdir(folder):
            error(f"--output {args.output!r}: the folder {folder!r} does not exist; create it "
                  "or write the file elsewhere")
    if args.run is _check and not args.stream and args.horizon is not None:
        error("--horizon applies to --stream only; add --stream --format jsonl")
    if getattr(args, "stream", False):
        if args.format != "jsonl":
            error("--stream writes JSON Lines as it goes; add --format jsonl")
        for flag, given in (("--what", args.what is not None), ("--reference", args.reference),
                            ("--jobs", args.jobs != 1)):
            if given:
                error(f"--stream takes no {flag}: its lines are groups, checks and diagnostics, "
                      "matched and judged in this process (docs/scale.md)")
    if args.run is _check and args.what is not None and args.format not in ("jsonl", "csv"):
        error(f"--what {args.what} chooses the rows of --format jsonl or csv; add --format jsonl "
              "or --format csv (the other formats show the whole report)")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimcheck", description="Cross-check numeric claims between news sources.",
        epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"claimcheck {__version__}")
    sub = parser.add_subparsers(required=True, metavar="COMMAND")
    ex = sub.add_parser("extract", help="print the numeric claims found in documents",
                        description="Print the numeric claims found in documents.",
                        epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    _input_options(ex)
    ex.add_argument("--format", choices=("table", "json", "jsonl", "csv"), default="table",
                    help="output format (default: table); jsonl and csv give one claim a line")
    _output_options(ex)
    ex.set_defaults(run=_extract, parser=ex, what=None)
    ck = sub.add_parser("check", help="align claims across documents and report conflicts",
                        description="Align claims across documents and report what conflicts.",
                        epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    _input_options(ck)
    ck.add_argument("--format", choices=("table", "json", "jsonl", "csv", "markdown", "html"),
                    default="table", help="output format (default: table)")
    ck.add_argument("--what", choices=("claims", "discrepancies"),
                    help="the rows of --format jsonl and csv: one claim (the default) or one "
                    "discrepancy a line")
    ck.add_argument("--reference", metavar="CSV", action="append", default=[],
                    help="a CSV of reference figures to check the text against (repeatable)")
    ck.add_argument("--jobs", "-j", metavar="N", type=_jobs, default=1,
                    help="extract documents in N local processes (default: 1, this one); the "
                    "report is the same for every N (docs/scale.md)")
    ck.add_argument("--stream", action="store_true",
                    help="read documents one at a time in publication order and write each "
                    "judged group (its claims inside), structural check and diagnostic as a "
                    "JSON line as soon as no later document can change it, so memory stays "
                    "flat (needs --format jsonl; docs/scale.md)")
    ck.add_argument("--horizon", metavar="DAYS", type=_days,
                    help="with --stream: how many days a document or a figure's date may lag "
                    f"behind the latest publication read (default: {_HORIZON})")
    _output_options(ck)
    ck.set_defaults(run=_check, parser=ck)
    sc = sub.add_parser("schema", help="print the JSON Schema of the JSON output",
                        description="Print the JSON Schema of what `check`/`extract` write as "
                        "JSON (docs/schema.md).",
                        epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    sc.add_argument("--what", choices=tuple(SCHEMAS), default="report",
                    help="the schema of --format json (report, the default), or of one line "
                    "of --format jsonl (claims or discrepancies)")
    sc.add_argument("--output", "-o", metavar="FILE",
                    help="write to FILE (replaced whole, never half written) instead of stdout (-)")
    sc.set_defaults(run=_schema, parser=sc)
    return parser


def _input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help=".jsonl, .json or .txt files, directories, or - for standard input "
                   "(JSON Lines or plain text)")
    p.add_argument("--on-error", choices=("skip", "fail"), default="skip",
                   help="skip bad inputs and report them (default) or stop with exit code 1")
    meta = p.add_argument_group("metadata for .txt files and plain text (a file's own header wins)")
    meta.add_argument("--source", help="outlet name, e.g. 'Daily Express'")
    meta.add_argument("--published", type=_published,
                      help="publication time, ISO 8601 (2025-07-12 or with time)")
    meta.add_argument("--language", type=_language,
                      help="ISO 639-1 code of the text (default: detected from the text)")
    meta.add_argument("--url", help="where the text was published")


def _output_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--output", "-o", metavar="FILE",
                   help="write to FILE (replaced whole, never half written) instead of stdout (-)")
    p.add_argument("--quiet", "-q", action="store_true",
                   help="show no progress bar (shown on a terminal when a run takes a while)")


def _published(raw: str) -> str:
    try:
        Document(id="flag", text="", published=raw)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(problems(exc).removeprefix("field 'published': ")
                                         ) from None
    return raw


def _jobs(raw: str) -> int:
    try:
        jobs = int(raw)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(
            f"{raw!r} is no number of processes; give a whole number of 1 or more, such as "
            f"{os.cpu_count() or 2}")
    return jobs


def _days(raw: str) -> int:
    if not raw.isdigit():
        raise argparse.ArgumentTypeError(
            f"{raw!r} is no number of days; give a whole number of 0 or more, such as 14")
    return int(raw)


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
    paths = [sys.stdin.buffer if p == _STDIN else p for p in args.paths]
    return read_documents(paths, defaults=defaults)


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


def _progress(args: argparse.Namespace, total: int) -> tqdm[Any] | None:
    """A progress bar on stderr counting documents extracted, or None: only on a terminal,
    never with --quiet, and only once a run has taken `_PROGRESS_DELAY` seconds."""
    if args.quiet or not sys.stderr.isatty():
        return None
    from tqdm import tqdm  # only a run on a terminal pays for the import

    # no monitor thread: `--jobs` forks its workers from a warm process only when it runs no
    # other thread (claimcheck.parallel)
    tqdm.monitor_interval = 0
    return tqdm(total=total, unit="doc", desc="extracting", file=sys.stderr, leave=False,
                delay=_PROGRESS_DELAY, dynamic_ncols=True)


def _run(args: argparse.Namespace, work: str) -> Report | int:
    """The report of a run, or the exit code when --on-error fail stops it."""
    batch = _read(args)
    if args.on_error == "fail" and _rejected(batch.diagnostics):
        _tell(args, batch.diagnostics)
        return _status(args, batch.diagnostics, len(batch.documents))
    bar = _progress(args, len(batch.documents))

    def tick(_doc: Document) -> None:
        if bar is not None:
            bar.update()

    on_document = tick if bar is not None else None
    try:
        if work == "extract":
            report = extract_documents(batch, on_document=on_document)
        else:
            reference = [c for path in args.reference for c in read_reference_csv(path)]
            report = check_jobs(batch, args.jobs, reference=reference, on_document=on_document)
    finally:
        if bar is not None:
            bar.close()
    _tell(args, report.diagnostics)
    if args.on_error == "fail" and _rejected(report.diagnostics):
        return _status(args, report.diagnostics, len(report.documents))
    return report


def _write(args: argparse.Namespace, render: Callable[[TextIO], object]) -> None:
    """Output to --output (replaced whole once it is all written) or to stdout."""
    if args.output is None:
        render(sys.stdout)
        return
    try:
        with atomic_write(args.output) as handle:
            render(handle)
    except OSError as exc:  # a full disk, a folder that is not writable
        raise ClaimcheckError(f"cannot write --output {args.output!r}: {exc.strerror}; free "
                              "some space or write the file elsewhere") from exc


def _render(args: argparse.Namespace, report: Report, handle: TextIO) -> None:
    fmt = args.format
    if fmt == "jsonl":
        to_jsonl(report.rows(args.what or "claims"), handle)
    elif fmt == "csv":
        handle.write(report.to_csv(args.what or "claims"))
    elif fmt == "json":
        handle.write(report.to_json() + "\n")
    elif fmt == "markdown":
        handle.write(report.to_markdown())
    elif fmt == "html":
        handle.write(report.to_html())
    elif args.run is _extract:
        for c in report.claims:
            handle.write(f"{c.doc}\t{c.text}\t{c.qualifier}\t[{c.low}, {c.high}]\t"
                         f"{c.entity or '-'}\t{c.measure or '-'}\t{c.location or '-'}\t"
                         f"{c.speaker or '-'}\n")
    else:
        handle.write(report.to_table())


def _extract(args: argparse.Namespace) -> int:
    return _report(args, "extract")


def _check(args: argparse.Namespace) -> int:
    if args.stream:
        return _stream(args)
    return _report(args, "check")


class _Stop(Exception):
    """An input was rejected under --on-error fail: the stream ends there."""


def _stream(args: argparse.Namespace) -> int:
    """`check --stream`: one JSON line per judged group, check and diagnostic, each written
    (and flushed) as soon as `check_stream` settles it."""
    defaults = {k: v for k in ("source", "published", "language", "url")
                if (v := getattr(args, k, None))}
    paths = [sys.stdin.buffer if p == _STDIN else p for p in args.paths]
    counts = {"documents": 0, "rejected": 0}

    def tick(_doc: Document) -> None:
        counts["documents"] += 1

    horizon = _HORIZON if args.horizon is None else args.horizon
    items = check_stream(iter_documents(paths, defaults=defaults), horizon_days=horizon,
                         strict=args.on_error == "fail", on_document=tick)

    def render(handle: TextIO) -> None:
        for item in items:
            if isinstance(item, Diagnostic):
                _tell(args, [item])
                if item.action != "processed":
                    counts["rejected"] += 1
                    if args.on_error == "fail":
                        raise _Stop
            handle.write(dumps(stream_line(item)) + "\n")
            handle.flush()

    try:
        _write(args, render)
    except _Stop:
        return _status(args, [Diagnostic(code="-", message="-")], counts["documents"])
    rejected = [Diagnostic(code="-", message="-")] * counts["rejected"]
    return _status(args, rejected, counts["documents"])


def stream_line(item: StreamGroup | Check | Diagnostic) -> dict[str, Any]:
    """One line of `check --stream`: `type` ("group", "check" or "diagnostic"), then the
    record's fields; a group's `members` are its claims, whole."""
    if isinstance(item, StreamGroup):
        return {"type": "group", **item.group.model_dump(mode="json"),
                "members": [c.model_dump(mode="json") for c in item.claims]}
    kind = "check" if isinstance(item, Check) else "diagnostic"
    return {"type": kind, **item.model_dump(mode="json")}


def _report(args: argparse.Namespace, command: str) -> int:
    report = _run(args, command)
    if isinstance(report, int):
        return report
    _write(args, lambda handle: _render(args, report, handle))
    return _status(args, report.diagnostics, len(report.documents))


def json_schema(what: str = "report") -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the JSON output, or of one JSON Lines row."""
    model = SCHEMAS[what]
    schema: dict[str, Any] = model.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def _schema(args: argparse.Namespace) -> int:
    text = json.dumps(json_schema(args.what), indent=2, ensure_ascii=False) + "\n"
    _write(args, lambda handle: handle.write(text))
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
