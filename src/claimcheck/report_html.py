"""The report as one self-contained HTML page: `Report.to_html()`, `--format html`, and the
body of it that `Report._repr_html_()` shows in a notebook.

The page needs no network and runs no script: its style is inline (scoped under
`.claimcheck`, so that a notebook's own style is left alone), its charts are inline SVG and
its Content-Security-Policy forbids loading anything. Every string from the input (texts,
outlets, speakers, explanations, diagnostics) is escaped with `html.escape`.

What a fact-checker reads, top to bottom: a summary line; one row per quantity with its
verdict and widest gap; a timeline of each running count; then per quantity each source's
figure with its speaker, time and sentence (the figure highlighted), the conflicts with
their gap ("3 people apart, 21% of 14"), and, listed apart, the `possible` discrepancies
that are not counted as conflicts; then the structural checks and the input diagnostics.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from collections.abc import Sequence

from claimcheck.lexicon import plural
from claimcheck.models import Check, Claim, ClaimGroup, Diagnostic, Discrepancy, Document

__all__ = ["page", "body", "gap"]

#: discrepancy kinds that make a group's verdict `conflict`
CONFLICTS = ("contradiction", "tension")

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

_STYLE = """
.claimcheck{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d232b;
 max-width:1080px;margin:0 auto;padding:8px 16px 32px;background:#f4f6f8;border-radius:8px}
.claimcheck h1{font-size:24px;margin:8px 0 2px}
.claimcheck h2{font-size:19px;margin:0;display:flex;gap:10px;align-items:center;flex-wrap:wrap}
.claimcheck h3{font-size:14px;margin:14px 0 6px;text-transform:uppercase;letter-spacing:.04em;
 color:#56606b}
.claimcheck .summary{color:#56606b;margin:0 0 14px}
.claimcheck .summary b{color:#1d232b}
.claimcheck table{border-collapse:collapse;width:100%;margin:4px 0}
.claimcheck th,.claimcheck td{text-align:left;vertical-align:top;padding:5px 8px;
 border-bottom:1px solid #e3e6ea}
.claimcheck th{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:#56606b;
 font-weight:600}
.claimcheck td.num,.claimcheck th.num{text-align:right;white-space:nowrap}
.claimcheck .when{white-space:nowrap;color:#56606b;font-size:13px}
.claimcheck .figure{font-weight:600;white-space:nowrap}
.claimcheck .speaker{color:#56606b;font-size:13px}
.claimcheck .quote{font-size:14px}
.claimcheck mark{background:#ffe58a;color:inherit;padding:0 2px;border-radius:2px;
 font-weight:600}
.claimcheck tr.in-conflict td:first-child{box-shadow:inset 4px 0 #c62828}
.claimcheck tr.in-possible td:first-child{box-shadow:inset 4px 0 #e0a100}
.claimcheck .badge{display:inline-block;font-size:12px;font-weight:700;letter-spacing:.04em;
 text-transform:uppercase;border-radius:10px;padding:1px 9px;color:#fff;white-space:nowrap}
.claimcheck .conflict{background:#c62828}
.claimcheck .evolving{background:#1565c0}
.claimcheck .consistent{background:#2e7d32}
.claimcheck .possible{background:#b7791f}
.claimcheck .kind{font-size:12px;font-weight:700;text-transform:uppercase;color:#c62828;
 margin-right:6px}
.claimcheck .group{border:1px solid #d5d9de;border-radius:8px;padding:12px 16px;margin:16px 0;
 background:#fff}
.claimcheck .group.is-conflict{border-left:6px solid #c62828}
.claimcheck .group.is-evolving{border-left:6px solid #1565c0}
.claimcheck .group.is-consistent{border-left:6px solid #2e7d32}
.claimcheck ul.discrepancies{list-style:none;padding:0;margin:4px 0}
.claimcheck ul.discrepancies li{padding:6px 10px;margin:4px 0;border-radius:6px;
 background:#fdecea}
.claimcheck ul.possible-list li{background:#fff6e0}
.claimcheck ul.possible-list .kind{color:#b7791f}
.claimcheck .gap{font-size:17px;font-weight:700;display:block}
.claimcheck .why{font-size:13px;color:#56606b}
.claimcheck .steps{font-weight:600}
.claimcheck .charts{display:flex;flex-wrap:wrap;gap:12px}
.claimcheck figure{margin:0;border:1px solid #e3e6ea;border-radius:8px;padding:6px 8px}
.claimcheck figcaption{font-size:13px;font-weight:600;margin-bottom:2px}
.claimcheck a{color:#1565c0;text-decoration:none}
.claimcheck .muted{color:#56606b;font-size:13px}
.claimcheck .failed{color:#c62828;font-weight:700}
.claimcheck .passed{color:#2e7d32;font-weight:700}
"""


def page(documents: Sequence[Document], claims: Sequence[Claim], groups: Sequence[ClaimGroup],
         checks: Sequence[Check], diagnostics: Sequence[Diagnostic]) -> str:
    """The whole report as one HTML document, with nothing to fetch."""
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"{_CSP}\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<title>claimcheck report</title>\n"
            "<style>body{margin:0;background:#f4f6f8}</style>\n</head>\n<body>\n"
            + body(documents, claims, groups, checks, diagnostics) + "\n</body>\n</html>\n")


def body(documents: Sequence[Document], claims: Sequence[Claim], groups: Sequence[ClaimGroup],
         checks: Sequence[Check], diagnostics: Sequence[Diagnostic]) -> str:
    """The page's content with its own scoped style: what a notebook shows."""
    view = _View(documents, claims)
    conflicts = sum(g.verdict == "conflict" for g in groups)
    possible = sum(d.kind == "possible" for g in groups for d in g.discrepancies)
    out = [f"<div class=\"claimcheck\">\n<style>{_STYLE}</style>",
           "<h1>claimcheck report</h1>",
           f"<p class=\"summary\"><b>{len(documents)}</b> documents, <b>{len(claims)}</b> claims, "
           f"<b>{len(groups)}</b> quantities, <b>{conflicts}</b> in conflict, "
           f"<b>{possible}</b> possible discrepancies (low confidence, not counted), "
           f"<b>{len(diagnostics)}</b> input diagnostics</p>"]
    if groups:
        out.append(_overview(groups, view))
    charts = [c for g in groups if (c := _chart(g, view))]
    if charts:
        out += ["<section class=\"timeline\"><h3>Running counts over time</h3>",
                "<div class=\"charts\">", *charts, "</div></section>"]
    out += [_group(g, view) for g in groups]
    if checks:
        out.append(_checks(checks))
    if diagnostics:
        out.append(_diagnostics(diagnostics))
    out.append("</div>")
    return "\n".join(out)


def gap(d: Discrepancy, a: Claim, b: Claim) -> str:
    """How far apart two figures are, in words: `103 drones apart, 17% of 597`."""
    noun = a.unit or plural(a.entity or "", d.abs_diff)
    head = f"{_fmt(d.abs_diff)} {noun}".strip() + " apart"
    if d.rel_diff is None:
        return head
    smaller = min(abs(a.value), abs(b.value))
    return f"{head}, {_percent(d.rel_diff)} of {_fmt(smaller)}"


class _View:
    """Look-ups the sections share: claims by id, documents by id, when each claim was said."""

    def __init__(self, documents: Sequence[Document], claims: Sequence[Claim]) -> None:
        self.claims = {c.id: c for c in claims}
        self.docs = {d.id: d for d in documents}

    def source(self, claim: Claim) -> str:
        """The outlet, else the document's id; for a reference figure, who gives it."""
        doc = self.docs.get(claim.doc)
        if doc is None:
            return f"reference: {claim.speaker}" if claim.speaker else claim.doc
        return doc.source or doc.id

    def moment(self, claim: Claim) -> dt.datetime | None:
        """When the figure was given, as the table shows it: its document's publication (a
        day alone is read as its noon, UTC), else its `as_of` (a reference figure's date);
        None for an undated figure or a settled reference."""
        doc = self.docs.get(claim.doc)
        published = doc.published if doc else None
        if isinstance(published, dt.datetime):
            return _aware(published)
        if isinstance(published, dt.date):
            return dt.datetime.combine(published, dt.time(12), tzinfo=dt.timezone.utc)
        return _aware(claim.as_of) if claim.as_of is not None else None

    def when(self, claim: Claim) -> str:
        doc = self.docs.get(claim.doc)
        if doc is None:
            return "reference"
        if isinstance(doc.published, dt.datetime):
            return doc.published.strftime("%Y-%m-%d %H:%M")
        return doc.published.isoformat() if doc.published else "undated"

    def order(self, ids: Sequence[str]) -> list[Claim]:
        """The claims in time order; undated ones, then references, last."""
        far = dt.datetime.max.replace(tzinfo=dt.timezone.utc)

        def key(c: Claim) -> tuple[int, dt.datetime, str, int]:
            moment = self.moment(c)
            rank = 0 if moment else 1 if c.doc in self.docs else 2
            return rank, moment or far, c.doc, c.start

        return sorted((self.claims[i] for i in ids), key=key)


def _overview(groups: Sequence[ClaimGroup], view: _View) -> str:
    rows = ["<table class=\"overview\"><thead><tr><th>quantity</th><th>verdict</th>"
            "<th class=\"num\">claims</th><th class=\"num\">sources</th><th>widest gap</th>"
            "<th class=\"num\">best estimate</th></tr></thead><tbody>"]
    for g in groups:
        sources = {view.source(view.claims[c]) for c in g.claims}
        gaps = [d for d in g.discrepancies if d.kind in CONFLICTS]
        widest = max(gaps, key=lambda d: d.abs_diff, default=None)
        best = g.estimate.best if g.estimate else None
        rows.append(
            f"<tr><td><a href=\"#{_e(g.id)}\">{_e(g.about)}</a></td><td>{_badge(g.verdict)}</td>"
            f"<td class=\"num\">{len(g.claims)}</td><td class=\"num\">{len(sources)}</td>"
            f"<td>{_e(_gap_of(widest, view)) if widest else ''}</td>"
            f"<td class=\"num\">{_fmt(best) if best is not None else ''}</td></tr>")
    rows.append("</tbody></table>")
    return "\n".join(rows)


def _group(g: ClaimGroup, view: _View) -> str:
    conflicts = [d for d in g.discrepancies if d.kind in CONFLICTS]
    possible = [d for d in g.discrepancies if d.kind == "possible"]
    in_conflict = {c for d in conflicts for c in d.claims}
    in_possible = {c for d in possible for c in d.claims}
    out = [f"<section class=\"group is-{_e(g.verdict)}\" id=\"{_e(g.id)}\" "
           f"data-verdict=\"{_e(g.verdict)}\">",
           f"<h2>{_e(g.about)} {_badge(g.verdict)} <span class=\"muted\">{_e(g.id)}</span></h2>",
           "<table class=\"claims\"><thead><tr><th>when</th><th>source</th><th>figure</th>"
           "<th>speaker</th><th>sentence</th></tr></thead><tbody>"]
    for c in view.order(g.claims):
        mark = " class=\"in-conflict\"" if c.id in in_conflict else \
            " class=\"in-possible\"" if c.id in in_possible else ""
        out.append(
            f"<tr{mark} data-claim=\"{_e(c.id)}\"><td class=\"when\">{_e(view.when(c))}</td>"
            f"<td>{_e(view.source(c))}</td><td class=\"figure\">{_e(c.text)}</td>"
            f"<td class=\"speaker\">{_e(c.speaker or 'the outlet')}</td>"
            f"<td class=\"quote\">{_highlight(c)}</td></tr>")
    out.append("</tbody></table>")
    if conflicts:
        out += ["<h3>Conflicts</h3>", "<ul class=\"discrepancies conflicts\">"]
        out += [_discrepancy(d, view) for d in conflicts]
        out.append("</ul>")
    if possible:
        out += ["<h3>Possible discrepancies: low confidence, not counted as conflicts</h3>",
                "<ul class=\"discrepancies possible-list\">"]
        out += [_discrepancy(d, view) for d in possible]
        out.append("</ul>")
    steps = _steps(g, view)
    if steps:
        out.append(f"<p>Running count: <span class=\"steps\">{_e(steps)}</span></p>")
    if g.estimate:
        e = g.estimate
        out.append(f"<p class=\"muted\">Estimate: low {_open(e.low)}, best {_open(e.best)}, "
                   f"high {_open(e.high)} ({_e(e.rule)})</p>")
    out.append("</section>")
    return "\n".join(out)


def _discrepancy(d: Discrepancy, view: _View) -> str:
    label = "possible" if d.kind == "possible" else d.kind
    why = ""
    if d.kind == "possible":
        why = f"<span class=\"why\">why: {_e('; '.join(d.reasons))}</span>" if d.reasons else ""
    return (f"<li class=\"discrepancy\" data-kind=\"{_e(d.kind)}\" "
            f"data-claims=\"{_e(' '.join(d.claims))}\"><span class=\"gap\">"
            f"<span class=\"kind\">{_e(label)}</span>{_e(_gap_of(d, view))}</span>"
            f"{_e(d.explanation)} {why}</li>")


def _checks(checks: Sequence[Check]) -> str:
    out = ["<section class=\"checks\"><h3>Parts and wholes</h3><ul>"]
    for c in checks:
        mark = "<span class=\"passed\">passed</span>" if c.passed else \
            "<span class=\"failed\">failed</span>"
        out.append(f"<li>{mark} {_e(c.rule)}: {_e(c.explanation)}</li>")
    out.append("</ul></section>")
    return "\n".join(out)


def _diagnostics(diagnostics: Sequence[Diagnostic]) -> str:
    out = ["<section class=\"diagnostics\"><h3>Input diagnostics</h3>",
           "<table><thead><tr><th>where</th><th>code</th><th>problem</th><th>done</th></tr>"
           "</thead><tbody>"]
    out += [f"<tr><td>{_e(d.where or '')}</td><td><code>{_e(d.code)}</code></td>"
            f"<td>{_e(d.message)}</td><td>{_e(d.action)}</td></tr>" for d in diagnostics]
    out.append("</tbody></table></section>")
    return "\n".join(out)


# ---------------------------------------------------------------- the timeline

_W, _H = 320, 170  # one chart: three side by side on a wide page
_LEFT, _RIGHT, _TOP, _BOTTOM = 46, 14, 12, 30


def _chart(g: ClaimGroup, view: _View) -> str:
    """An inline SVG of a running group: each dated figure as a dot at its time (hollow when
    hedged, red when in conflict), the running count as a step line through the highest
    figure reported so far, a settled reference as a dashed line. A figure the text gives
    as an earlier one (`up from 11`) is left out: its time is not its publication's. Empty
    for a group that is not a running count."""
    updates = [d for d in g.discrepancies if d.kind == "update"]
    if not updates:
        return ""
    stepped = {c for d in updates for c in d.claims}
    in_conflict = {c for d in g.discrepancies if d.kind in CONFLICTS for c in d.claims}
    dated = [(m, c) for c in view.order(g.claims)
             if (m := view.moment(c)) is not None and not c.recalled]
    settled = [c for c in view.order(g.claims) if view.moment(c) is None
               and c.doc not in view.docs]
    if len({m for m, _ in dated}) < 2:
        return ""
    values = [c.value for _, c in dated] + [c.value for c in settled]
    low, high = min(0.0, min(values)), max(values)
    ticks = _ticks(low, high if high > low else low + 1)
    low, high = ticks[0], ticks[-1]
    t0, t1 = dated[0][0], dated[-1][0]
    span = (t1 - t0).total_seconds() or 1.0
    plot_w, plot_h = _W - _LEFT - _RIGHT, _H - _TOP - _BOTTOM

    def x(moment: dt.datetime) -> float:
        return _LEFT + plot_w * (moment - t0).total_seconds() / span

    def y(value: float) -> float:
        return _TOP + plot_h * (1 - (value - low) / (high - low))

    parts = [f"<figure><figcaption><a href=\"#{_e(g.id)}\">{_e(g.about)}</a></figcaption>",
             f"<svg width=\"{_W}\" height=\"{_H}\" "
             f"viewBox=\"0 0 {_W} {_H}\" role=\"img\" aria-label=\"running count of "
             f"{_e(g.about)} over time\" font-family=\"system-ui,sans-serif\" font-size=\"11\">"]
    for tick in ticks:
        parts.append(f"<line x1=\"{_LEFT}\" x2=\"{_W - _RIGHT}\" y1=\"{y(tick):.1f}\" "
                     f"y2=\"{y(tick):.1f}\" stroke=\"#e3e6ea\"/>"
                     f"<text x=\"{_LEFT - 6}\" y=\"{y(tick) + 4:.1f}\" text-anchor=\"end\" "
                     f"fill=\"#56606b\">{_fmt(tick)}</text>")
    midnights = _midnights(t0, t1)
    for night in midnights if len(midnights) <= 6 else ():  # a line where each day starts
        parts.append(f"<line x1=\"{x(night):.1f}\" x2=\"{x(night):.1f}\" y1=\"{_TOP}\" "
                     f"y2=\"{_H - _BOTTOM}\" stroke=\"#c9ced4\" stroke-dasharray=\"2 3\"/>"
                     f"<text x=\"{x(night) + 3:.1f}\" y=\"{_H - _BOTTOM - 4}\" fill=\"#8a939c\" "
                     f"font-size=\"10\">{_e(night.strftime('%d %b'))}</text>")
    for moment, anchor in ((t0, "start"), (t1, "end")):
        parts.append(f"<text x=\"{x(moment):.1f}\" y=\"{_H - 10}\" text-anchor=\"{anchor}\" "
                     f"fill=\"#56606b\">{_e(moment.strftime('%d %b %H:%M'))}</text>")
    for c in settled:
        parts.append(f"<line x1=\"{_LEFT}\" x2=\"{_W - _RIGHT}\" y1=\"{y(c.value):.1f}\" "
                     f"y2=\"{y(c.value):.1f}\" stroke=\"#2e7d32\" stroke-dasharray=\"4 3\"/>"
                     f"<text x=\"{_W - _RIGHT}\" y=\"{y(c.value) - 4:.1f}\" text-anchor=\"end\" "
                     f"fill=\"#2e7d32\">{_e(_short(view.source(c), 36))}: {_fmt(c.value)}</text>")
    line: list[tuple[float, float]] = []
    for m, c in dated:  # the highest figure so far, held until a higher one is reported
        if c.id in stepped and (not line or y(c.value) < line[-1][1]):
            if line:
                line.append((x(m), line[-1][1]))
            line.append((x(m), y(c.value)))
    if line:
        line.append((_W - _RIGHT, line[-1][1]))
        points = " ".join(f"{px:.1f},{py:.1f}" for px, py in line)
        parts.append(f"<polyline points=\"{points}\" fill=\"none\" stroke=\"#1565c0\" "
                     "stroke-width=\"2\"/>")
    for m, c in dated:
        colour = "#c62828" if c.id in in_conflict else "#1565c0"
        fill = colour if c.qualifier == "exact" else "#fff"
        parts.append(f"<circle cx=\"{x(m):.1f}\" cy=\"{y(c.value):.1f}\" r=\"4\" fill=\"{fill}\" "
                     f"stroke=\"{colour}\" stroke-width=\"2\"><title>{_e(view.source(c))}: "
                     f"{_e(c.text)} ({_e(view.when(c))})</title></circle>")
    parts.append("</svg></figure>")
    return "".join(parts)


# ---------------------------------------------------------------- small helpers


def _steps(g: ClaimGroup, view: _View) -> str:
    stepped = {c for d in g.discrepancies if d.kind == "update" for c in d.claims}
    values = sorted({view.claims[c].value for c in stepped})
    return " → ".join(_fmt(v) for v in values)


def _midnights(t0: dt.datetime, t1: dt.datetime) -> list[dt.datetime]:
    """Each start of a day after `t0` up to `t1`, in `t0`'s time zone."""
    night = dt.datetime.combine(t0.date() + dt.timedelta(days=1), dt.time(), tzinfo=t0.tzinfo)
    out: list[dt.datetime] = []
    while night <= t1 and len(out) < 7:
        out.append(night)
        night += dt.timedelta(days=1)
    return out


def _ticks(low: float, high: float) -> list[float]:
    """Round values for the y axis from `low` to the first at or above `high` (0, 10, 20, 30)."""
    span = high - low
    if not (math.isfinite(span) and span > 1e-9):  # no round steps to find: the two ends
        return [low, high if high > low else low + 1]
    step = 10.0 ** math.floor(math.log10(span / 3))
    for factor in (1, 2, 5, 10):
        if span / (step * factor) <= 3:
            step *= factor
            break
    first = math.floor(low / step) * step
    count = math.ceil((high - first) / step - 1e-9) + 1
    return [round(first + n * step, 12) for n in range(count)]


def _gap_of(d: Discrepancy, view: _View) -> str:
    a, b = (view.claims[c] for c in d.claims)
    return gap(d, a, b)


def _highlight(claim: Claim) -> str:
    """The claim's sentence with its figure in `<mark>`, everything escaped."""
    if not claim.context:
        return f"<mark>{_e(claim.text)}</mark>"
    start = max(0, claim.start - claim.context_start)
    end = min(len(claim.context), claim.end - claim.context_start)
    text = claim.context
    return f"{_e(text[:start])}<mark>{_e(text[start:end])}</mark>{_e(text[end:])}"


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _badge(verdict: str) -> str:
    return f"<span class=\"badge {_e(verdict)}\">{_e(verdict)}</span>"


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _fmt(x: float) -> str:
    return f"{int(x):,}" if x == int(x) else f"{x:,.2f}"


def _open(x: float | None) -> str:
    return "open" if x is None else _fmt(x)


def _percent(rel: float) -> str:
    """17%, 0.4%, 0.04%: enough digits that a real gap never reads as 0%."""
    return f"{rel:.0%}" if rel == 0 or rel >= 0.01 else f"{rel * 100:.2g}%"
