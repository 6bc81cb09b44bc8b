"""Report: the documents, claims, groups and diagnostics of a run, and their renderings.

`to_json()` follows the machine-readable contract of SCHEMA.md (`{"claims": [...],
"groups": [...]}` plus `documents` and `diagnostics`); `to_markdown()` is for people,
`to_frame()` for pandas users (optional extra), `_repr_html_()` for notebooks.
"""

from __future__ import annotations

import html
import json
import textwrap
from typing import Any

from pydantic import BaseModel, ConfigDict

from claimcheck.errors import OptionalDependencyError
from claimcheck.models import Check, Claim, ClaimGroup, Diagnostic, Document

_CLAIM_FIELDS = ("id", "doc", "start", "end", "text", "value", "low", "high", "qualifier", "unit",
                 "kind", "entity", "measure", "location", "date", "speaker", "hedge", "as_of",
                 "recalled", "ratio_of", "context", "context_start")


class Report(BaseModel):
    """Everything one `check()` found; every input document is listed as processed or not."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    documents: list[Document] = []
    claims: list[Claim] = []
    groups: list[ClaimGroup] = []
    checks: list[Check] = []
    diagnostics: list[Diagnostic] = []

    # -- machine output
    def to_dict(self) -> dict[str, Any]:
        """The JSON contract as plain Python data (stable key order, no NaN or Infinity)."""
        claims = [self._claim_dict(c) for c in self.claims]
        return {
            "claims": claims,
            "groups": [g.model_dump(mode="json") for g in self.groups],
            "checks": [c.model_dump(mode="json") for c in self.checks],
            "documents": [
                {"id": d.id, "source": d.source, "published": _iso(d.published), "status": "processed"}
                for d in self.documents
            ],
            "diagnostics": [d.model_dump(mode="json") for d in self.diagnostics],
        }

    def to_json(self, indent: int | None = None) -> str:
        """The report as JSON text (see `to_dict`)."""
        return dumps(self.to_dict(), indent=indent)

    @staticmethod
    def _claim_dict(claim: Claim) -> dict[str, Any]:
        data = claim.model_dump(mode="json")
        return {k: data[k] for k in _CLAIM_FIELDS} | {k: v for k, v in data.items()
                                                      if k not in _CLAIM_FIELDS}

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
                if d.kind != "update":
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
                if d.kind != "update":
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

    def to_frame(self) -> Any:
        """One row per claim with its group, verdict and source (needs `claimcheck[pandas]`)."""
        try:
            import pandas as pd  # type: ignore[import-untyped]
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise OptionalDependencyError("Report.to_frame", "pandas", "pandas") from exc
        group_of = {cid: g for g in self.groups for cid in g.claims}
        docs = {d.id: d for d in self.documents}
        rows = []
        for c in self.claims:
            g = group_of.get(c.id)
            rows.append(self._claim_dict(c) | {
                "source": docs[c.doc].source if c.doc in docs else None,
                "group": g.id if g else None, "verdict": g.verdict if g else None})
        return pd.DataFrame(rows)

    def _repr_html_(self) -> str:
        by_id = {c.id: c for c in self.claims}
        docs = {d.id: d for d in self.documents}
        parts = ["<table><thead><tr><th>quantity</th><th>source</th><th>figure</th><th>speaker</th>"
                 "<th>quote</th><th>verdict</th><th>gap</th></tr></thead><tbody>"]
        for g in self.groups:
            gap = "; ".join(f"{d.kind}: {d.abs_diff:g}" + (
                f" ({d.rel_diff:.0%})" if d.rel_diff is not None else "") for d in g.discrepancies)
            for n, cid in enumerate(g.claims):
                c = by_id[cid]
                src = docs[c.doc].source if c.doc in docs and docs[c.doc].source else c.doc
                cells = [g.about if n == 0 else "", str(src), c.text, c.speaker or "",
                         _quote(c), g.verdict if n == 0 else "", gap if n == 0 else ""]
                parts.append("<tr>" + "".join(f"<td>{html.escape(x)}</td>" for x in cells) + "</tr>")
        parts.append("</tbody></table>")
        return "".join(parts)


_LINE_BREAKS = str.maketrans({"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def dumps(data: Any, indent: int | None = None) -> str:
    """JSON text that stays on one line per record: no NaN or Infinity, and the characters
    that line-oriented readers split on (NEL, U+2028, U+2029) escaped."""
    text = json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False)
    return text.translate(_LINE_BREAKS)


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
