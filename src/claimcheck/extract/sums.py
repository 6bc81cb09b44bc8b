"""A total that sums figures of its paragraph for other places counts their common place."""

from __future__ import annotations

from itertools import combinations

from claimcheck import places
from claimcheck.extract.context import Context
from claimcheck.extract.placing import common
from claimcheck.models import Claim

_NEAREST = 12  # figures of the paragraph tried as the addends of one total


def widen_sums(claims: list[Claim], ctx: Context) -> list[Claim]:
    """A total ("in total 33") that is the sum of figures of its paragraph for other places
    ("18 in A", "15 in B") counts their common place, not the one it would inherit."""
    out = list(claims)
    paragraph = {c.id: ctx.paragraph_at(c.start) for c in claims}
    for i, total in enumerate(claims):
        if total.kind != "count" or total.qualifier != "exact" or not total.place_key \
                or not ctx.words.totals.search(ctx.text[max(0, total.start - 40) : total.start]):
            continue
        parts = [c for c in claims if c.id != total.id and c.kind == "count" and c.place_key
                 and c.measure == total.measure and c.value < total.value
                 and c.qualifier in ("exact", "at_least") and paragraph[c.id] == paragraph[total.id]]
        # the addends stand near their total: the nearest few keep the search linear in the
        # text however many figures a paragraph holds
        nearest = {c.id for c in sorted(parts, key=lambda c: abs(c.start - total.start))[:_NEAREST]}
        parts = [c for c in parts if c.id in nearest]  # in text order, as before
        for size in (2, 3):
            found = next((combo for combo in combinations(parts, size)
                          if sum(c.value for c in combo) == total.value
                          and len({c.place_key for c in combo}) == size), None)
            if found is None:
                continue
            wider = common([p for p in map(_claim_place, found) if p is not None])
            if wider is not None:
                out[i] = total.model_copy(update={"place_key": wider.key, "location": wider.name})
            break
    return out


def _claim_place(claim: Claim) -> places.Place | None:
    return places.from_key(claim.place_key) if claim.place_key else None
