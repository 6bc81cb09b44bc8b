"""Wires the stages: documents -> claims -> groups -> discrepancies -> Report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from claimcheck.checks import structural_checks
from claimcheck.errors import DuplicateDocumentError
from claimcheck.extract import extract
from claimcheck.judge import doc_times, judge
from claimcheck.match import align
from claimcheck.models import Check, Claim, ClaimGroup, Diagnostic, Document
from claimcheck.policy import Policy
from claimcheck.report import Report


def check(
    documents: Iterable[Document | str],
    policy: Policy | None = None,
    *,
    reference: Sequence[Claim] = (),
    diagnostics: Sequence[Diagnostic] = (),
) -> Report:
    """Extract claims from every document, align them and report what disagrees."""
    policy = policy or Policy()
    docs = [d if isinstance(d, Document) else Document(id=f"doc{i + 1}", text=d)
            for i, d in enumerate(documents)]
    # the report is a function of the set of documents: list them by time, then id
    docs.sort(key=_chronological)
    claims: list[Claim] = [c for d in docs for c in extract(d)] + list(reference)
    by_id = {d.id: d for d in docs}
    if len(by_id) != len(docs):
        seen: set[str] = set()
        dup = next(d.id for d in docs if d.id in seen or seen.add(d.id))  # type: ignore[func-returns-value]
        raise DuplicateDocumentError(
            f"two documents share the id {dup!r}; give every document a unique id")
    groups: list[ClaimGroup] = []
    times = doc_times(by_id)
    for n, group in enumerate(align(claims, policy), start=1):
        verdict, found, estimate = judge(group.claims, by_id, policy, times=times)
        groups.append(ClaimGroup(
            id=f"g{n}", about=group.about, claims=[c.id for c in group.claims], verdict=verdict,
            discrepancies=found, estimate=estimate, alignment=group.alignment))
    checks: list[Check] = structural_checks(claims, groups)
    return Report(documents=docs, claims=claims, groups=groups, checks=checks,
                  diagnostics=list(diagnostics))


def _chronological(doc: Document) -> tuple[dt.datetime, str]:
    published = doc.published
    if isinstance(published, dt.datetime):
        return published.astimezone(dt.timezone.utc), doc.id
    if published is not None:
        return dt.datetime.combine(published, dt.time.min, tzinfo=dt.timezone.utc), doc.id
    return dt.datetime.max.replace(tzinfo=dt.timezone.utc), doc.id
