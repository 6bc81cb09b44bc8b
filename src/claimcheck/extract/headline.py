"""A headline figure that names no place is about the place of the body figure restating it."""

from __future__ import annotations

from claimcheck.extract.context import Context
from claimcheck.models import Claim


def place_from_body(claims: list[Claim], ctx: Context) -> list[Claim]:
    """Claims with each count of a headline (a first line of its own) that names no place
    given the place of the first body count that restates it (same value, entity and
    measure): "9 Opfer in Behindertenheim" over a body's "neun Todesopfer ... in Sinzig" is
    Sinzig's, not the place the story's lead happens to name first."""
    sentences = ctx.sentences
    if len(sentences) < 2 or sentences[0].paragraph == sentences[1].paragraph:
        return claims  # no headline line: the first sentence opens a paragraph of text
    head = sentences[0]
    if ctx.places_in(head.start, head.end):
        return claims  # the headline names its own place
    out = list(claims)
    for i, claim in enumerate(claims):
        if claim.end > head.end:
            break
        if claim.kind != "count" or not claim.measure:
            continue
        body = next((c for c in claims[i + 1 :] if c.start >= head.end and c.kind == "count"
                     and c.value == claim.value and c.measure == claim.measure
                     and c.entity == claim.entity and not c.recalled), None)
        if body is not None and body.place_key and body.place_key != claim.place_key:
            out[i] = claim.model_copy(update={"place_key": body.place_key,
                                              "location": body.location})
    return out
