"""A document's frame: what its figures mostly count, a prior for figures that name nothing.

A crowd story counts people who took part, a strike story people killed. Two kinds of figure
take the frame's measure when their sentence names none:

* a figure that refers back to a running count ("the total stood at 158") at the start of a
  paragraph, where no earlier figure of the paragraph says which count it is;
* a bare count (no noun either: "... but only 30,000 according to the police") when the
  frame is one of the measures `lexicon/measures.json` lends (`frame_priors`): a casualty
  story's bare figures are as often something else (a population, a hotline).

The frame is read from the whole document's claims, so it does not depend on the order of
its paragraphs.
"""

from __future__ import annotations

import re
from collections import Counter

from claimcheck.extract import subject
from claimcheck.extract.context import Context
from claimcheck.lexicon import load
from claimcheck.models import PART_MARK, Claim


def frame(claims: list[Claim]) -> tuple[str, str | None] | None:
    """(measure, entity) most of a document's counts state, or None when fewer than two
    counts share one; a tie goes to the name first in order, never to the text order."""
    counted = Counter((c.measure.removesuffix(PART_MARK), c.entity) for c in claims
                      if c.kind == "count" and c.measure and c.entity)
    if not counted:
        return None
    (measure, entity), n = min(counted.items(), key=lambda item: (-item[1], item[0]))
    return (measure, entity) if n >= 2 else None


def with_frame(claims: list[Claim], ctx: Context) -> list[Claim]:
    """The claims, a count without a measure given the document frame's measure when it
    refers back to a count or, for a frame that lends it, when it names nothing."""
    # "put the figure at 3.5 million": a count that refers back to a measure counts its usual
    # entity (people took part), as a count the measure names by its own verb does
    # ("39 locaux de la police": a noun the vocabulary does not know is no such entity)
    claims = [c.model_copy(update={"entity": subject.entity_for(c.measure)})
              if c.kind == "count" and c.entity is None and c.measure
              and subject.entity_for(c.measure) and _bare(ctx, c) else c for c in claims]
    found = frame(claims)
    if found is None:
        return claims
    measure, entity = found
    lends = measure in load("measures")["frame_priors"]
    out = []
    for c in claims:
        if c.kind == "count" and c.measure is None and c.entity in (None, entity) and (
                _refers_back(ctx, c) or (lends and c.entity is None and _bare(ctx, c))):
            c = c.model_copy(update={"measure": measure,
                                     "entity": c.entity or entity or subject.entity_for(measure)})
        out.append(c)
    return out


def _bare(ctx: Context, claim: Claim) -> bool:
    """No noun of its own follows the figure ("but only 30,000, according to the police");
    "903 fires were lit" counts fires, whatever the frame."""
    nxt = _NEXT.match(ctx.text, claim.end)
    return nxt is None or nxt.group(1).lower() in ctx.words.stop_words


_NEXT = re.compile(r"[ \t]+([^\W\d_]+)")


def _refers_back(ctx: Context, claim: Claim) -> bool:
    """The claim's sentence refers back to a count before it: "the total stood at"."""
    before = ctx.text[max(claim.context_start, claim.start - 200) : claim.start]
    return ctx.words.back_reference.search(before) is not None
