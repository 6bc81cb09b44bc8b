"""Report: the documents, claims, groups and diagnostics of a run, and their renderings.

`to_json()` is the machine-readable contract documented in docs/schema.md: a `ReportRecord`
(`claims`, `groups`, `checks`, `documents`, `diagnostics`), whose JSON Schema
`claimcheck schema` prints. `claim_rows()` and `discrepancy_rows()` are the same findings
as flat records, one per claim or per discrepancy, for JSON Lines and CSV (`to_csv()`).
`to_markdown()` is for people, `to_frame()` for pandas users (optional extra),
`_repr_html_()` for notebooks.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import textwrap
import types
from collections.abc import Sequence
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict

from claimcheck.errors import OptionalDependencyError
from claimcheck.models import (
    Check,
    Claim,
    ClaimGroup,
    Diagnostic,
    DiscrepancyKind,
    Document,
    FiniteFloat,
    Verdict,
)

#: what the row renderings (`--what`, `to_csv`) list: one row per claim or per discrepancy
Rows = Literal["claims", "discrepancies"]
#: what `to_frame` lists: one row per claim, per group or per discrepancy
Frames = Literal["claims", "groups", "discrepancies"]


class _Output(BaseModel):
    # a field's docstring is its description in the JSON Schema (docs/schema.md)
    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True,
                              json_schema_serialization_defaults_required=True)


class DocumentEntry(_Output):
    """A document of the run, as the report lists it."""

    id: str
    """The document's id."""
    source: str | None
    """The outlet's name."""
    published: str | None
    """When it was published, in ISO 8601 (a date alone is a day)."""
    status: Literal["processed"] = "processed"
    """Always `processed`: a document that was not is a diagnostic instead."""


class ReportRecord(_Output):
    """The JSON output of `claimcheck check` and `claimcheck extract` (`Report.to_json()`)."""

    model_config = ConfigDict(title="Report")

    claims: list[Claim]
    """Every claim found, in document order, then the reference figures."""
    groups: list[ClaimGroup]
    """Claims about one quantity, with their verdict; empty for `extract`."""
    checks: list[Check]
    """Structural checks across groups (parts against wholes); empty for `extract`."""
    documents: list[DocumentEntry]
    """Every document processed, in time order."""
    diagnostics: list[Diagnostic]
    """Every input problem: each rejected input, and remarks on processed ones."""


class ClaimRow(Claim):
    """One claim as a line of `--format jsonl` or a row of `--format csv`: the claim's fields,
    its document's outlet and, from `check`, its group and the group's verdict."""

    model_config = ConfigDict(title="ClaimRow")

    source: str | None = None
    """The outlet of the claim's document (null for a reference figure)."""
    group: str | None = None
    """The id of the claim's group; null from `extract`, or for a claim in no group."""
    verdict: Verdict | None = None
    """The verdict of the claim's group."""


class DiscrepancyRow(_Output):
    """One discrepancy as a line of `--format jsonl --what discrepancies` or a CSV row."""

    group: str
    """The id of the group the two claims are in."""
    about: str
    """What the group counts, in words."""
    kind: DiscrepancyKind
    """How the two figures disagree (see Discrepancy)."""
    claim_a: str
    """The id of the first claim of the discrepancy (the earlier one of an update)."""
    text_a: str
    """The first figure as written."""
    source_a: str | None
    """The outlet of the first claim (its document id for a reference figure)."""
    claim_b: str
    """The id of the second claim."""
    text_b: str
    """The second figure as written."""
    source_b: str | None
    """The outlet of the second claim."""
    abs_diff: FiniteFloat
    """How far apart the two figures are, in the group's unit."""
    rel_diff: FiniteFloat | None
    """`abs_diff` as a share of the smaller figure (0.21 is 21%); null when that figure is
    zero, or too small to divide by."""
    explanation: str
    """The two figures, who gave them and why they disagree, as a sentence."""


class GroupRow(_Output):
    """One group as a row of `Report.to_frame("groups")`."""

    group: str
    """The group's id."""
    about: str
    """What the group counts, in words."""
    verdict: Verdict
    """The group's verdict."""
    claims: int
    """How many claims the group holds."""
    sources: int
    """How many outlets (or reference tables) gave them."""
    contradictions: int
    """How many pairs of its claims cannot both be true."""
    tensions: int
    """How many pairs agree only thanks to an open-ended hedge."""
    updates: int
    """How many pairs are steps of a running count."""
    possible: int
    """How many pairs disagree with too little confidence to count as a conflict."""
    low: FiniteFloat | None
    """The estimate's low figure; null when open or when there is no estimate."""
    best: FiniteFloat | None
    """The estimate's best figure."""
    high: FiniteFloat | None
    """The estimate's high figure."""
    rule: str | None
    """The rule that produced the estimate."""
    score: FiniteFloat | None
    """The alignment's score, 0 to 100."""


class Report(BaseModel):
    """Everything one `check()` found; every input document is listed as processed or not."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    documents: list[Document] = []
    claims: list[Claim] = []
    groups: list[ClaimGroup] = []
    checks: list[Check] = []
    diagnostics: list[Diagnostic] = []

    # -- machine output
    def to_record(self) -> ReportRecord:
        """The report as the record its JSON is a dump of (docs/schema.md)."""
        return ReportRecord(
            claims=self.claims, groups=self.groups, checks=self.checks,
            documents=[DocumentEntry(id=d.id, source=d.source, published=_iso(d.published))
                       for d in self.documents],
            diagnostics=self.diagnostics)

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract as plain Python data (stable key order, no NaN or Infinity)."""
        return self.to_record().model_dump(mode="json")

    def to_json(self, indent: int | None = None) -> str:
        """The report as JSON text (see `to_dict`)."""
        return dumps(self.to_dict(), indent=indent)

    def claim_rows(self) -> list[ClaimRow]:
        """One flat record per claim: its fields, its outlet, its group and verdict."""
        group_of = {cid: g for g in self.groups for cid in g.claims}
        sources = {d.id: d.source for d in self.documents}
        rows = []
        for c in self.claims:
            g = group_of.get(c.id)
            rows.append(ClaimRow(**dict(c), source=sources.get(c.doc),
                                 group=g.id if g else None, verdict=g.verdict if g else None))
        return rows

    def discrepancy_rows(self) -> list[DiscrepancyRow]:
        """One flat record per discrepancy (updates included), with both claims' figures."""
        by_id = {c.id: c for c in self.claims}
        sources = {d.id: d.source for d in self.documents}
        rows = []
        for g in self.groups:
            for d in g.discrepancies:
                a, b = (by_id[cid] for cid in d.claims)
                rows.append(DiscrepancyRow(
                    group=g.id, about=g.about, kind=d.kind,
                    claim_a=a.id, text_a=a.text, source_a=sources.get(a.doc, a.doc),
                    claim_b=b.id, text_b=b.text, source_b=sources.get(b.doc, b.doc),
                    abs_diff=d.abs_diff, rel_diff=d.rel_diff, explanation=d.explanation))
        return rows

    def rows(self, what: Rows = "claims") -> Sequence[ClaimRow | DiscrepancyRow]:
        """`claim_rows()` or `discrepancy_rows()`."""
        return self.claim_rows() if what == "claims" else self.discrepancy_rows()

    def to_csv(self, what: Rows = "claims") -> str:
        """The rows (`claims` or `discrepancies`) as CSV text with a header row."""
        model = ClaimRow if what == "claims" else DiscrepancyRow
        return csv_text(self.rows(what), list(model.model_fields))

    # -- people
    def to_markdown(self) -> str:
        """Groups as Markdown tables: each source's figure, speaker and quote, verdict, gap."""
        by_id = {c.id: c for c in self.claims}
        docs = {d.id: d for d in self.documents}
        lines = ["# claimcheck report", "",
                 f"{len(self.documents)} documents, {len(self.claims)} claims, "
                 f"{len(self.groups)} groups, {sum(g.verdict == 'conflict' for g in self.groups)} "
                 f"in conflict", ""]
        for group in self.groups:
            lines += [f"## {group.about} — **{group.verdict}**", "",
                      "| published | source | figure | speaker | quote |", "|---|---|---|---|---|"]
            for cid in sorted(group.claims, key=lambda cid: _day_of(by_id[cid], docs)):
                c = by_id[cid]
                src = docs[c.doc].source if c.doc in docs and docs[c.doc].source else c.doc
                lines.append(f"| {_day_of(c, docs)} | {_md(str(src))} | {_md(c.text)} | "
                             f"{_md(c.speaker or '—')} | {_md(_quote(c))} |")
            lines.append("")
            for d in group.discrepancies:
                if d.kind == "possible":  # listed apart: not asserted as a conflict
                    lines.append(f"- *possible*: {_md(d.explanation)}")
                elif d.kind != "update":
                    lines.append(f"- **{d.kind}**: {_md(d.explanation)}")
            steps = _steps(group, by_id)
            if steps:
                lines.append(f"- **running count**: {_md(steps)}")
            if group.estimate:
                e = group.estimate
                lines.append(f"- estimate: low {_num(e.low)}, best {_num(e.best)}, "
                             f"high {_num(e.high)} ({e.rule})")
            lines.append("")
        if self.checks:
            lines += ["## Parts and wholes", ""]
            lines += [f"- {'passed' if c.passed else '**failed**'}: {c.rule} — {_md(c.explanation)}"
                      for c in self.checks]
            lines.append("")
        if self.diagnostics:
            lines += ["## Input diagnostics", ""]
            lines += [f"- `{d.where}` {d.code}: {d.message} ({d.action})" for d in self.diagnostics]
        return "\n".join(lines) + "\n"

    def to_table(self, width: int = 100) -> str:
        """A plain-text report for terminals: per group its verdict, each source's figure,
        the conflicts in full and a running count as one line of steps."""
        by_id = {c.id: c for c in self.claims}
        docs = {d.id: d for d in self.documents}
        out: list[str] = []
        for group in self.groups:
            head = f"{group.id}  {group.about}  [{group.verdict.upper()}]"
            if group.estimate and group.estimate.best is not None:
                head += f"  best {_num(group.estimate.best)}"
            out.append(head)
            def when(cid: str) -> str:
                doc = docs.get(by_id[cid].doc)
                return (_iso(doc.published_day) or "") if doc else "~"  # references last

            for cid in sorted(group.claims, key=when):
                c = by_id[cid]
                src = docs[c.doc].source if c.doc in docs and docs[c.doc].source else c.doc
                who = f" ({c.speaker})" if c.speaker else ""
                day = _iso(docs[c.doc].published_day) if c.doc in docs else None
                label = day or ("undated" if c.doc in docs else "reference")
                out.append(_cut(f"    {label}  {src}: {c.text}{who}", width))
            for d in group.discrepancies:
                if d.kind == "possible":  # listed apart: not asserted as a conflict
                    out.extend(textwrap.wrap(d.explanation, width, initial_indent="  ? ",
                                             subsequent_indent="      "))
                elif d.kind != "update":
                    out.extend(textwrap.wrap(f"{d.kind}: {d.explanation}", width,
                                             initial_indent="  ! ", subsequent_indent="      "))
            steps = _steps(group, by_id)
            if steps:
                out.extend(textwrap.wrap(f"running count: {steps}", width,
                                         initial_indent="  > ", subsequent_indent="      "))
            out.append("")
        for check in self.checks:
            mark = "ok  " if check.passed else "FAIL"
            out.extend(textwrap.wrap(f"{mark} {check.rule}: {check.explanation}", width,
                                     subsequent_indent="     "))
        for diag in self.diagnostics:
            out.append(f"! {diag.where}: {diag.code}: {diag.message} ({diag.action})")
        out.append(f"{len(self.documents)} documents processed, {len(self.diagnostics)} inputs "
                   f"rejected or flagged, {len(self.claims)} claims, {len(self.groups)} groups, "
                   f"{sum(g.verdict == 'conflict' for g in self.groups)} in conflict")
        return "\n".join(out) + "\n"

    def to_html(self) -> str:
        """The report as one self-contained HTML page (`--format html`): nothing to fetch,
        no script; per quantity each source's figure, speaker, time and highlighted
        sentence, the verdict and the gap, possible discrepancies apart, and a timeline
        chart of each running count (see `claimcheck.report_html`)."""
        from claimcheck import report_html

        return report_html.page(self.documents, self.claims, self.groups, self.checks,
                                self.diagnostics)

    def _repr_html_(self) -> str:
        # what a notebook shows: the page's body with its scoped style
        from claimcheck import report_html

        return report_html.body(self.documents, self.claims, self.groups, self.checks,
                                self.diagnostics)

    def group_rows(self) -> list[GroupRow]:
        """One flat record per group: its verdict, how many claims, sources and
        discrepancies of each kind it holds, and its estimate."""
        by_id = {c.id: c for c in self.claims}
        sources = {d.id: d.source or d.id for d in self.documents}
        rows = []
        for g in self.groups:
            kinds = [d.kind for d in g.discrepancies]
            e = g.estimate
            rows.append(GroupRow(
                group=g.id, about=g.about, verdict=g.verdict, claims=len(g.claims),
                sources=len({sources.get(by_id[c].doc, by_id[c].doc) for c in g.claims}),
                contradictions=kinds.count("contradiction"), tensions=kinds.count("tension"),
                updates=kinds.count("update"), possible=kinds.count("possible"),
                low=e.low if e else None, best=e.best if e else None,
                high=e.high if e else None, rule=e.rule if e else None,
                score=g.alignment.score if g.alignment else None))
        return rows

    def to_frame(self, what: Frames = "claims") -> Any:
        """A pandas DataFrame of `claims` (one row per claim: its fields, outlet, group and
        verdict), `groups` (`group_rows()`) or `discrepancies` (`discrepancy_rows()`), with
        typed columns: nullable integers, floats and booleans, `string`, categories for the
        fixed vocabularies, datetimes for dates. Needs the `claimcheck[pandas]` extra."""
        models: dict[str, type[BaseModel]] = {"claims": ClaimRow, "groups": GroupRow,
                                              "discrepancies": DiscrepancyRow}
        if what not in models:
            raise ValueError(f"to_frame(what={what!r}): give one of "
                             f"{', '.join(repr(m) for m in models)}")
        try:
            import pandas as pd  # type: ignore[import-untyped]
        except ImportError as exc:
            raise OptionalDependencyError("Report.to_frame", "pandas", "pandas") from exc
        rows: Sequence[BaseModel] = (self.claim_rows() if what == "claims" else
                                     self.group_rows() if what == "groups" else
                                     self.discrepancy_rows())
        model = models[what]
        data = [r.model_dump() for r in rows]
        return pd.DataFrame({name: _column(pd, [r[name] for r in data], field.annotation)
                             for name, field in model.model_fields.items()})


_LINE_BREAKS = str.maketrans({"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def dumps(data: Any, indent: int | None = None) -> str:
    """JSON text that stays on one line per record: no NaN or Infinity, and the characters
    that line-oriented readers split on (NEL, U+2028, U+2029) escaped."""
    text = json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False)
    return text.translate(_LINE_BREAKS)


def csv_text(rows: Sequence[BaseModel], columns: Sequence[str]) -> str:
    """Records as CSV text: a header row of `columns`, then one row per record; null is an
    empty cell, true and false are written so, a whole number without `.0`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        data = row.model_dump(mode="json")
        writer.writerow([_cell(data[c]) for c in columns])
    return out.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return str(int(value))
    if isinstance(value, (list, tuple, dict)):
        return dumps(value)
    return str(value)


def _column(pd: Any, values: list[Any], annotation: Any) -> Any:
    """A pandas Series of `values` typed from a field's annotation: nullable Int64, Float64
    and boolean, string, a category of a Literal's values, datetime64 for a date (UTC for a
    time); anything else (a pair of ids) stays an object column."""
    args = [a for a in get_args(annotation) if a is not type(None)]
    if get_origin(annotation) in (Union, types.UnionType) and len(args) == 1:
        annotation = args[0]  # X | None: every dtype below is nullable
    if get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    if get_origin(annotation) is Literal:
        return pd.Series(values, dtype=pd.CategoricalDtype(list(get_args(annotation))))
    if annotation is dt.datetime:
        return pd.to_datetime(pd.Series(values, dtype=object), utc=True)
    if annotation is dt.date:
        return pd.to_datetime(pd.Series(values, dtype=object))
    dtypes = {bool: "boolean", int: "Int64", float: "Float64", str: "string"}
    if annotation in dtypes:
        return pd.Series(values, dtype=dtypes[annotation])
    return pd.Series(values, dtype=object)


def _day_of(claim: Claim, docs: dict[str, Document]) -> str:
    doc = docs.get(claim.doc)
    if doc is None:
        return "reference"
    return _iso(doc.published_day) or "undated"


def _steps(group: ClaimGroup, by_id: dict[str, Claim]) -> str:
    """The updates of a group as "11 (2 reports) -> 14 -> 17 -> 23 (3 reports)"."""
    pairs = [d.claims for d in group.discrepancies if d.kind == "update"]
    if not pairs:
        return ""
    stepped = {cid for pair in pairs for cid in pair}
    counts: dict[float, int] = {}
    for cid in group.claims:
        if cid in stepped:
            value = by_id[cid].value
            counts[value] = counts.get(value, 0) + 1
    return " -> ".join(f"{_num(v)}" + (f" ({n} reports)" if n > 1 else "")
                       for v, n in sorted(counts.items()))


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _quote(claim: Claim, limit: int = 140) -> str:
    """The claim's context cut to `limit` characters around its span, marked where cut."""
    text = claim.context
    if len(text) <= limit:
        return text
    centre = (claim.start + claim.end) // 2 - claim.context_start
    first = min(max(0, centre - limit // 2), len(text) - limit)
    cut = text[first : first + limit]
    return ("…" if first else "") + cut + ("…" if first + limit < len(text) else "")


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _num(x: float | None) -> str:
    return "open" if x is None else f"{x:g}"
