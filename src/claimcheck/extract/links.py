"""Links between figures: a hedge carried down a list, a part and its whole, a figure that
refers back to the measure of an earlier one."""

from __future__ import annotations

from claimcheck import numbers
from claimcheck.extract.context import Context
from claimcheck.extract.vocabulary import Vocabulary
from claimcheck.lexicon import load
from claimcheck.models import PART_MARK, Claim
from claimcheck.text import Sentence
from claimcheck.text.clauses import WORD


def carried_hedge(ctx: Context, m: numbers.Mention, previous: numbers.Mention | None,
                  claim: Claim | None) -> tuple[str, float | None, float | None, str | None]:
    """(qualifier, low, high, hedge) of `m`; a hedge governs a coordinated list: "up to 30
    missiles and 700 drones" hedges both."""
    if claim is not None and previous is not None and claim.hedge and not m.hedge \
            and m.qualifier == "exact" and claim.qualifier not in ("range", "vague", "exact") \
            and coordinated(ctx.words, ctx.text[previous.end : m.number_start]):
        low, high = numbers.interval(m.value, claim.qualifier, m.unit)
        return claim.qualifier, low, high, claim.hedge  # the hedge goes on down the list
    return m.qualifier, m.low, m.high, m.hedge


def coordinated(words: Vocabulary, between: str) -> bool:
    """True for the glue of a list: "missiles and", ", 46 women and", "children,"."""
    if len(between) > 40 or any(c in between for c in ".;:!?\n"):
        return False
    tokens = between.replace(",", " , ").split()
    if not tokens:
        return False
    tail = tokens[-1].lower()
    if tail != "," and tail not in words.list_joiners:
        return False
    content = [w for w in tokens if w != "," and w not in words.list_joiners]
    return len(content) <= 3 and not any(w.lower() in words.verbish for w in content)


def referred_measure(ctx: Context, m: numbers.Mention, sentence: Sentence, end: int, kind: str,
                     last_measure: str | None, previous: Claim | None) -> str | None:
    """The measure of an earlier figure this one refers back to: "the total stood at 158"
    (the last count's), "some 50 killed, five of them children" (the previous figure's)."""
    text = ctx.text
    found = None
    reference = ctx.words.back_reference.search(text, max(sentence.start, m.start - 200), m.start) \
        if kind == "count" else None
    if reference is not None:
        # "how many are missing; local media say the number is in the hundreds": what its
        # sentence named before it with no figure of its own (over a clause break), else the
        # last count's measure
        floor = max(sentence.start, previous.end if previous is not None else 0)
        # "il conto delle vittime: sono 37": what the reference itself names comes first
        found = _named_before(ctx, reference.end(), m.start) if floor <= reference.start() \
            else None
        found = found or (_named_before(ctx, floor, reference.start())
                          if floor < reference.start() else None)
        found = found or last_measure
    if found is None and previous is not None and ctx.words.of_them.search(text[m.start : end + 12]):
        found = previous.measure
    return found


def _named_before(ctx: Context, start: int, end: int) -> str | None:
    """The measure of the last measure word of text[start:end], over clause breaks."""
    words = [w.lower() for w in WORD.findall(ctx.text[start:end])]
    return ctx.words.frames.measures.last_in(words)


def link_ratios(claims: list[Claim], ctx: Context) -> list[Claim]:
    """Link "72 out of 99" / "72 of 99": the part names the whole in `ratio_of`."""
    out = list(claims)
    told_at: dict[int, str] = {}  # part index -> the measure a verb after its whole told
    for i in reversed(range(len(out) - 1)):  # from the end: a list's verb follows its last item
        a, b = out[i], out[i + 1]
        between = ctx.text[a.end : b.start].strip().lower()
        if between in ctx.words.ratio_links and a.value <= b.value and a.kind == b.kind == "count":
            # the part takes the whole's noun and verb; the whole is the entity's default measure
            whole_measure = load("measures")["default_for"].get((b.entity or "").split(" ")[-1])
            # nothing stands between the part and "of": its noun is the whole's ("29 of 37
            # missiles"), and a verb the whole's noun is subject of tells the part's fate
            # ("29 of 37 missiles were shot down"), not the whole's: the whole was launched
            told = b.measure if whole_measure and b.measure and b.measure != whole_measure \
                and a.measure in (None, whole_measure) else None
            after = told_at.get(i + 2)
            if told is None and after and a.measure in (None, whole_measure) \
                    and coordinated(ctx.words, ctx.text[b.end : out[i + 2].start]):
                told = after  # "441 of 468 drones and 29 of 37 missiles were shot down"
            if told:
                told_at[i] = told
            # a part lies where its whole does: "441 of 468 drones" is the volley's
            part = {"ratio_of": b.id, "entity": b.entity or a.entity,
                    "measure": told or a.measure or b.measure,
                    "location": b.location, "place_key": b.place_key}
            out[i] = a.model_copy(update=part)
            if whole_measure and b.measure == part["measure"] and whole_measure != b.measure:
                out[i + 1] = b.model_copy(update={"measure": whole_measure})
    return out



def increment(ctx: Context, end: int, sentence: Sentence, measure: str | None,
              before: Claim | None) -> bool:
    """True for a figure that adds to one just given for the same measure: "4,700 were
    arrested, and hundreds more were detained later" counts the later arrests, its own
    quantity, never the total. "12 were killed and 40 more were hurt" (another measure)
    is no increment: there "more" only means other people. A figure that follows one of its
    own measure in an earlier sentence ("the toll rose to 16. Rescuers found four more
    bodies") adds to it too."""
    if measure is None or (before is not None and before.measure != measure):
        return False
    return ctx.words.increment.match(ctx.text, end, sentence.end) is not None


def own_place_part(measure: str | None, place_key: str | None, whole: Claim | None) -> bool:
    """Is a part ("including 61,000 in Paris", "27 of them in Paris") the count of a place
    inside its whole's place? Then it is that place's own figure of the whole's measure (the
    city's crowd, the capital's arrests), not a share of the whole: a part is only a part
    where it names no narrower place than the figure it divides."""
    if measure is None or not measure.endswith(PART_MARK) or whole is None or not place_key:
        return False
    wide = whole.place_key
    base = measure.removesuffix(PART_MARK)
    # the part names no measure of its own ("counted") or its whole's
    return bool(wide) and "#" not in place_key and place_key.startswith(f"{wide}/") \
        and whole.measure is not None and base in (whole.measure, load("measures")["unnamed_part"])
