"""Where: the place a figure is about, from its clause, its sentence, its paragraph or the story."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from claimcheck import numbers, places
from claimcheck.extract.context import Context, Found
from claimcheck.extract.measured import length_measure
from claimcheck.extract.placing import (
    RANK,
    acting,
    actor,
    capital_of,
    common,
    coordinated,
    country_of,
    most_specific,
    narrowest,
    overlaps,
)
from claimcheck.extract.vocabulary import Vocabulary
from claimcheck.lexicon import load
from claimcheck.places.gazetteer import load_gazetteer, name_key
from claimcheck.text import Sentence


@dataclass(frozen=True)
class Scope:
    """A figure's place, and the places of its sentence it saw (for a later "in total")."""

    place: places.Place | None
    seen: tuple[Found, ...]


def locate(ctx: Context, m: numbers.Mention, sentence: Sentence, measure: str | None,
           recent: tuple[places.Place, ...], next_start: int | None,
           entity: str | None = None, previous_end: int | None = None) -> Scope:
    """The place of the figure `m`: its own resident noun ("10 North Carolinians"), in its
    clause, framing its sentence, named after it, an anaphora's antecedent, the places just
    listed ("in total"), the official who gives it, the paragraph's, the story's."""
    text = ctx.text
    spans = ctx.speaker_spans[sentence.index]
    inside = [x for x in ctx.places_in(sentence.start, sentence.end)
              if not overlaps(x, spans) and not backdrop(ctx, x[0])]
    clause = ctx.clause(sentence, m.start)
    part_at = next_start if next_start is not None and \
        ctx.words.part_cue.search(text, m.end, next_start) else None
    if part_at is not None:
        # "1.28 million, including 81,000 in Paris": the part's place is not the whole's
        inside = [x for x in inside if x[0] < part_at]
        clause = (clause[0], min(clause[1], part_at))
    in_clause = [x for x in inside if clause[0] <= x[0] < clause[1] and not actor(ctx.words, text, x)]
    if measure == length_measure() and entity in (None, measure):
        # "5 km from Valencia": the place after from/of/de is the reference point (not so for
        # a length of rain: "20 inches of rain in parts of Georgia")
        in_clause = [x for x in in_clause
                     if not ctx.words.distance_reference.search(text[max(0, x[0] - 12) : x[0]])]
        inside = [x for x in inside if x in in_clause or not x[0] >= m.end]
    in_clause = _whole_list(ctx.words, text, inside, _not_references(ctx.words, text, in_clause))
    chosen: places.Place | None = _demonym(ctx, m, sentence)
    if chosen is not None:
        return Scope(chosen, tuple(inside))
    if in_clause and coordinated(ctx.words, text, in_clause):
        chosen = common([p for _, _, p in in_clause])  # "in Valencia and in Castilla"
    if in_clause and chosen is None:
        chosen = _wider_than_site(ctx, m, inside, in_clause) \
            or _widened(ctx.words, text, in_clause) or _in_clause(m, in_clause, text)
    elif (several := ctx.words.several_regions) is not None and ctx.per_span(
            ("several_regions", *clause),
            lambda: several.search(text, clause[0], clause[1]) is not None):
        chosen = _whole_country(ctx)  # "55 lives across five states": no one state's toll
    elif _country_wide_near(ctx, m, clause, previous_end, next_start):
        chosen = _whole_country(ctx)  # "80 arrested in Paris, and 123 officers hurt nationwide"
    elif _set_country_wide(ctx, sentence):
        chosen = _whole_country(ctx)  # "Across the country, nine died in X, with 63 injured"
    else:
        chosen = _framing(ctx, m, sentence, inside) or chosen
    if chosen is None:
        chosen = _tally_subject(ctx, m, sentence, inside)
    if chosen is None:
        chosen = _anaphora(ctx, m, sentence, clause, part_at)
    if chosen is None:
        chosen = _trailing(ctx, m, sentence, inside, next_start)
    if chosen is None and not inside and _country_wide_by(ctx, sentence) <= clause[1]:
        chosen = _whole_country(ctx)  # "sur l'ensemble du territoire, 667 personnes"
    if chosen is None and recent and ctx.words.totals.search(
            text[max(sentence.start, m.start - 200) : m.start]):
        chosen = common(list(recent))  # "in total" after a list of places
    if chosen is None:
        chosen = _official(ctx, sentence)  # "the county sheriff said 12 were missing"
    if chosen is None and measure in _volley() \
            and all(actor(ctx.words, text, x) for x in inside):
        # "the tally for the night was 574 drones", "Russia launched 468 drones": the attack's
        # (the attacker that opens the sentence is no scope)
        chosen = _whole_country(ctx)
    if chosen is None and not inside:
        chosen = _paragraph_frame(ctx, sentence)  # "In Lviv, ... . Dozens were damaged."
    if chosen is None:
        chosen = ctx.default_place
    return Scope(chosen, tuple(inside))


def _in_clause(m: numbers.Mention, in_clause: list[Found], text: str = "") -> places.Place:
    # "Georgia 25, Tennessee 9 and Virginia two": a place just before the figure labels it
    labelled = [x for x in in_clause if x[1] <= m.start and not text[x[1] : m.start].strip()]
    if labelled:
        return labelled[-1][2]
    # "killed 12 people in Lviv": a place after the figure in its clause comes first
    following = [x for x in in_clause if x[0] >= m.end]
    pool = following[:1] or in_clause
    if len(following) > 1 and following[0][2].contains(following[1][2]) \
            and following[0][2] != following[1][2] \
            and len(text[following[0][1] : following[1][0]]) <= _NAMED_INSIDE:
        pool = following[:2]  # "in the US city of Memphis": the city the country qualifies
    return most_specific([p for _, _, p in pool], near=m.start, spans=pool)


_NAMED_INSIDE = 12  # " city of ", " town of ": the words by which a place names one inside it


def _wider_than_site(ctx: Context, m: numbers.Mention, inside: list[Found],
                     in_clause: list[Found]) -> places.Place | None:
    """ "211 killed in the worst floods in Spain, and dozens missing days after the rain hit
    the X region": a place the figure's clause names only as where the event struck (after an
    "after ... hit") is the event's site; a place of the sentence holding it is the scope."""
    if in_clause[0][0] < m.end:
        return None
    opener = ctx.words.event_site.search(ctx.text, m.end, in_clause[0][0])
    if opener is None:
        return None
    # the wider place stands before the event's clause: a place after it ("hit X, in the Y
    # region") only says where the site lies
    wider = [p for _, e, p in inside if e <= opener.start()
             and all(p.contains(q) and p != q for _, _, q in in_clause)]
    return most_specific(wider) if wider else None


def _not_references(words: Vocabulary, text: str, in_clause: list[Found]) -> list[Found]:
    """The places of a clause without its reference points ("a hall in Krasnogorsk near
    Moscow": Krasnogorsk), unless every place of the clause is one."""
    kept = [x for x in in_clause if not words.reference.search(text, max(0, x[0] - 30), x[0])]
    return kept or in_clause


def _whole_list(words: Vocabulary, text: str, inside: list[Found],
                in_clause: list[Found]) -> list[Found]:
    """A list of places that a comma cuts out of the figure's clause ("in parts of Alabama,
    Kentucky and Tennessee"), whole: the places joined to the clause's ones by list glue."""
    if not in_clause:
        return in_clause
    at = {x: k for k, x in enumerate(inside)}
    lo, hi = at.get(in_clause[0]), at.get(in_clause[-1])
    if lo is None or hi is None:
        return in_clause
    while lo > 0 and words.place_glue.fullmatch(text[inside[lo - 1][1] : inside[lo][0]]) \
            and "," in text[inside[lo - 1][1] : inside[lo][0]]:
        lo -= 1
    while hi + 1 < len(inside) and words.place_glue.fullmatch(text[inside[hi][1] : inside[hi + 1][0]]):
        hi += 1
    whole = inside[lo : hi + 1]
    return whole if len(whole) > 2 else in_clause  # a list is three places or more


def _set_country_wide(ctx: Context, sentence: Sentence) -> bool:
    """Does the sentence open with the whole country as its setting ("Across the country,
    ...")? A figure whose own clause names no place is then the country's, not that of a
    place an earlier clause named for its own figure."""
    found = ctx.words.country_wide.match(ctx.text, sentence.start, sentence.end)
    return found is not None and ctx.text[found.end() : found.end() + 1] == ","

def _country_wide_near(ctx: Context, m: numbers.Mention, clause: tuple[int, int],
                       previous_end: int | None, next_start: int | None) -> bool:
    """Does an "across the country" of the figure's clause stand nearer to it than to the
    clause's figures beside it? "more than 1.3 million nationwide and 250,000 for the
    capital" puts only the first in the whole country."""
    cues = ctx.per_span(("clause_country_wide", *clause), lambda: [
        (f.start(), f.end()) for f in ctx.words.country_wide.finditer(ctx.text, *clause)])

    def gap(lo: int, hi: int, start: int, end: int) -> int:
        return max(start - hi, lo - end, 0)

    for start, end in cues:
        mine = gap(m.start, m.end, start, end)
        if previous_end is not None and clause[0] <= previous_end and \
                gap(previous_end, previous_end, start, end) < mine:
            continue
        if next_start is not None and next_start < clause[1] and next_start > m.end and \
                gap(next_start, next_start, start, end) < mine:
            continue
        return True
    return False


def _country_wide_by(ctx: Context, sentence: Sentence) -> float:
    """Where the sentence's first "across the country" ends (inf: it has none), found once
    for all its figures: a figure whose clause ends after it is the whole country's."""
    def first_end() -> float:
        found = ctx.words.country_wide.search(ctx.text, sentence.start, sentence.end)
        return found.end() if found else math.inf
    return ctx.per_span(("country_wide", sentence.index), first_end)


def _demonym(ctx: Context, m: numbers.Mention, sentence: Sentence) -> places.Place | None:
    """ "10 North Carolinians": the figure counts residents of a region (a nation's name,
    "Ukrainians", says whose, not where; a town's would match ordinary plurals: "Republicans"
    is no "Republica")."""
    endings = ctx.words.demonym_endings
    if not endings:
        return None
    found = _RESIDENT.match(ctx.text, m.end, sentence.end)
    if found is None:
        return None
    noun = found.group(1)
    for ending, replacement in endings:
        if noun.endswith(ending):
            place = places.resolve(noun[: len(noun) - len(ending)] + replacement)
            if place is not None and place.kind == "region":
                return place
    return None


_RESIDENT = re.compile(r" ((?:[A-Z][a-z]+ )?[A-Z][a-z]+s)\b")


def _tally_subject(ctx: Context, m: numbers.Mention, sentence: Sentence,
                   inside: list[Found]) -> places.Place | None:
    """ "North Carolina, one of the hardest-hit states, has lost 95 people": a place that
    opens the sentence and records the toll with a tally verb is its scope."""
    opening = [x for x in inside if x[1] <= m.start and not ctx.text[sentence.start : x[0]].strip(
        " \"'“").lower().removeprefix("the")]
    if not opening:
        return None
    _, end, place = opening[0]
    between = ctx.text[end : m.start]
    if ctx.words.tally_verbs & set(re.findall(r"[a-z]+", between.lower()[-60:])) and (
            "," not in between or between.lstrip().startswith(",")):
        return place
    return None


def _official(ctx: Context, sentence: Sentence) -> places.Place | None:
    """A figure given by an official whose title names a place narrower than the story's
    ("Rowan County Sheriff ... said"): the official speaks of their own area."""
    spans = ctx.speaker_spans[sentence.index]
    titled = [p for s, e, p in ctx.places_in(sentence.start, sentence.end)
              if overlaps((s, e, p), spans) or ctx.words.place_title.match(ctx.text[e : e + 25])]
    story = ctx.default_place
    # a city's official speaks of that city even in a story placed in another one ("Kharkiv
    # mayor X said ..." in a report that names Odesa most)
    narrower = [p for p in titled if story is not None and story != p
                and (story.contains(p) or p.kind == _CITY)]
    return narrower[0] if narrower else None


def in_story_country(text: str, found: list[Found]) -> list[Found]:
    """`found` with each place abroad that shares its name with a region of the country most
    of the story's places lie in read as that region: in a story about North Carolina and
    Tampa, "Georgia" and "Virginia" are states, not a country and a South African town."""
    countries = Counter(p.country for p in {x[2] for x in found})
    if not countries:
        return found
    ranked = countries.most_common(2)
    home = ranked[0][0]
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return found  # no country leads: leave every name as resolved
    regions = load_gazetteer().regions
    out: list[Found] = []
    for start, end, place in found:
        if place.country != home:
            named = [p for p in regions.get(name_key(text[start:end]), [])
                     if p.country == home]
            place = named[0] if len(named) == 1 else place
        out.append((start, end, place))
    return out


def local_units(words: Vocabulary, text: str, found: list[Found]) -> list[Found]:
    """`found` with the local units the gazetteer lacks ("Buncombe County"), each put in the
    region of the nearest place named with a region (a county of the story's state)."""
    if words.local_units is None:
        return found
    extra: list[Found] = []
    for hit in words.local_units.finditer(text):
        start = hit.start()
        lead = hit.group(1).split()
        while lead and lead[0].lower() in words.stop_words | words.speech.lead_prepositions:
            start += len(lead[0]) + 1
            lead = lead[1:]
        if not lead or any(s < hit.end() and start < e for s, e, _ in found):
            continue
        regional = [x for x in found if x[2].region is not None and x[2].kind != "country"]
        if not regional:
            continue
        near = min(regional, key=lambda x: min(abs(x[0] - hit.end()), abs(start - x[1])))[2]
        assert near.region is not None
        extra.append((start, hit.end(), places.Place(text[start : hit.end()], "city",
                                                     near.country, near.region)))
    return sorted([*found, *extra], key=lambda x: x[0])


def _framing(ctx: Context, m: numbers.Mention, sentence: Sentence,
             inside: list[Found]) -> places.Place | None:
    text = ctx.text
    framing = [x for x in inside if x[1] <= ctx.framing_ends[sentence.index]]
    major = text.rfind(";", sentence.start, m.start)
    before = [x for x in inside if x[1] <= m.start and x[0] > major
              and ctx.words.locative.search(text[max(0, x[0] - 25) : x[0]])]
    if framing:
        return (common([p for _, _, p in framing]) if coordinated(ctx.words, text, framing)
                else most_specific([p for _, _, p in framing]))
    clause = ctx.clause(sentence, m.start)
    if before and all(x[0] < clause[0] and ctx.words.landfall.search(
            text, max(0, x[0] - 40), x[0]) for x in before):
        # "a storm came ashore in X, claiming one life": X is only where the storm arrived;
        # the figure of a later clause is the storm's, wherever it went: the country's
        return country_of(before[-1][2].country)
    in_event: bool = bool(before) and ctx.per_span(
        ("event_locative", *clause),
        lambda: ctx.words.event_locative.search(text, clause[0], clause[1]) is not None)
    if in_event:
        # "two killed in X, with 18 wounded in the overnight strikes": the figure's own clause
        # puts it in the event, whose reach the place of an earlier clause does not bound
        before = [x for x in before if x[0] >= clause[0]]
    if before:
        return _widened(ctx.words, text, before) or most_specific([p for _, _, p in before])
    return None


def _widened(words: Vocabulary, text: str, found: list[Found]) -> places.Place | None:
    """A place joined by "and" to a wider place that holds it ("on Kyiv - and across wider
    Ukraine -"): the figure is the wider place's, not the first one's."""
    for (_, e1, p1), (s2, _, p2) in zip(found, found[1:], strict=False):
        between = text[e1:s2].strip(" ,-\u2013\u2014").split()
        if between and between[0].lower() in words.place_joiners and p1 != p2 \
                and (p1.contains(p2) or p2.contains(p1)):
            return p2 if p2.contains(p1) else p1
    return None


def _anaphora(ctx: Context, m: numbers.Mention, sentence: Sentence,
              clause: tuple[int, int], stop: int | None = None) -> places.Place | None:
    """ "this town", "there": the last place of that kind named before the figure; also in a
    leading adverbial of the sentence ("In the capital, 119,000 marched"); none from `stop`
    on (where a part of the figure begins: "3.5 million, with 700,000 in the capital")."""
    framing = ctx.framing_ends[sentence.index]
    lo = sentence.start if sentence.start < framing <= clause[0] + 1 else clause[0]
    local = ctx.text[max(lo, m.start - 300) : min(sentence.end, clause[1] + 300, m.end + 600,
                                                  stop or sentence.end)].lower()
    anaphora = ctx.words.anaphora.search(local)
    if not anaphora:
        return None
    kind = ctx.words.anaphora_kinds.get(anaphora.group().split()[-1])
    if kind == _CAPITAL:  # "in the capital": the capital city of the story's country
        country = _whole_country(ctx)
        return capital_of(country.country) if country is not None else None
    named = [p for _, _, p in ctx.places_in(max(0, m.start - 5000), m.start)
             if kind is None or p.kind == kind or (kind == "region" and p.kind == "city")]
    chosen = named[-1] if named else None
    if chosen is not None and any(w in local for w in ctx.words.region_words) \
            and chosen.kind == "city" and chosen.region:
        chosen = places.resolve(chosen.region) or chosen
    return chosen


def _trailing(ctx: Context, m: numbers.Mention, sentence: Sentence, inside: list[Found],
              next_start: int | None) -> places.Place | None:
    """Places later in the sentence: "... of the 205 deaths in Valencia and Albacete"; "mostly
    in X" says where most of a wider figure lies, not its scope."""
    text, words = ctx.text, ctx.words
    stop = next_start or sentence.end
    trailing = [(s, p) for s, _, p in inside if m.end <= s and words.locative.search(
        text[max(0, s - 25) : s]) and not words.mostly.search(text[max(0, s - 60) : s])]
    # up to the next figure; past it, a whole covers the places of its parts, but not a whole
    # its parts are taken of ("of the 211 dead, 202 were in X": X is the part's alone)
    whole = words.frames.whole_opener.search(text, max(sentence.start, m.start - 20), m.start)
    after = [p for s, p in trailing if s < stop] or ([] if whole else [p for _, p in trailing])
    if after:
        chosen = narrowest(after)
        if chosen is not None:
            return chosen
    mostly = [p for s, _, p in inside if s >= m.end and words.mostly.search(text[max(0, s - 30) : s])]
    if mostly:
        # "155 dead, mostly in Valencia": national; "46 rescued, mostly in X and Y", two
        # towns of a region the story names: the region's
        regions = {places.from_key(f"{p.country}/{p.region}") for p in mostly
                   if p.kind == "city" and p.region}
        region = regions.pop() if len(regions) == 1 and len(mostly) > 1 else None
        if region is not None and any(p == region for _, _, p in ctx.places):
            return region
        return country_of(mostly[0].country)
    return None


def remember(recent: tuple[places.Place, ...], paragraph_of: int | None, sentence_of: int | None,
             sentence: Sentence, seen: tuple[Found, ...]
             ) -> tuple[tuple[places.Place, ...], int, int]:
    """The places of the paragraph so far, with those of `sentence` added once."""
    if paragraph_of != sentence.paragraph:
        recent = ()
    if sentence_of != sentence.index:
        recent = (*recent, *(p for _, _, p in seen))
    return recent, sentence.paragraph, sentence.index


def _paragraph_frame(ctx: Context, sentence: Sentence) -> places.Place | None:
    """The place a leading "In X," of an earlier sentence of the paragraph sets."""
    named = False  # whether a sentence in between names a place: it ends a setting's reach
    for k in range(sentence.index - 1, -1, -1):
        earlier = ctx.sentences[k]
        if earlier.paragraph != sentence.paragraph:
            return None
        end = ctx.framing_ends[k]
        framing = [x for x in ctx.places_in(earlier.start, end) if x[1] <= end]
        if framing:
            return most_specific([p for _, _, p in framing])
        if not named:
            setting = _setting(ctx, earlier)
            if setting is not None:
                return setting
            named = bool(ctx.places_in(earlier.start, earlier.end))
    return None


def _setting(ctx: Context, sentence: Sentence) -> places.Place | None:
    """The one place a sentence puts its event in ("Storms caused havoc in the X district."),
    when it gives no figure of its own: the next sentence's figure is about that place, not
    the headline's."""
    text, spans = ctx.text, ctx.speaker_spans[sentence.index]
    chunk = text[sentence.start : sentence.end]
    if any(c.isdigit() for c in chunk) or any(
            w.lower() in ctx.words.speech.verb_set for w in re.findall(r"\w+", chunk)):
        return None  # a figure of its own, or a speaker's place ("said X, visiting Y")
    found = [(s, e, p) for s, e, p in ctx.places_in(sentence.start, sentence.end)
             if not overlaps((s, e, p), spans) and not backdrop(ctx, s)
             and ctx.words.locative.search(text[max(0, s - 25) : s])]
    located = {p for _, _, p in found}
    if len(located) > 1:  # "in the region around X in Y": nested places name the inner one
        inner = min(located, key=lambda p: RANK.get(p.kind, 3))
        return inner if all(p.contains(inner) or _named_in(ctx, found, inner, p)
                            for p in located) else None
    return next(iter(located)) if located else None


def _named_in(ctx: Context, found: list[Found], inner: places.Place, outer: places.Place) -> bool:
    """The text puts `inner` in `outer` ("X in Y"): `outer` is named right after `inner`,
    joined by a locative preposition alone, and the gazetteer knows no region of X."""
    if inner.region is not None or inner.country != outer.country:
        return False  # a region the gazetteer gives is the one to trust
    return any(a[2] == inner and b[2] == outer and b[0] - a[1] < 12
               and ctx.words.locative.search(ctx.text[a[1] : b[0]]) is not None
               for a, b in zip(found, found[1:], strict=False))


def default_place(ctx: Context) -> places.Place | None:
    """The story's place: the first place its lead puts things in, else the first one named;
    the country of the places named when the lead speaks of the whole country first. The place
    of a backdrop event ("after the death of X in Nanterre") gives the country alone."""
    for sentence in ctx.sentences[:3]:
        titles = ctx.speaker_spans[sentence.index]
        found = [(s, p) for s, e, p in ctx.places_in(sentence.start, sentence.end)
                 if not overlaps((s, e, p), titles) and not backdrop(ctx, s)
                 and not acting(ctx, (s, e, p))]
        # "MILAN - A bridge in Genoa gave way": a dateline says where the story was filed
        filed = {s for s, e, _ in ctx.places_in(sentence.start, sentence.end)
                 if _dateline(ctx.text, s, e)}
        found = [x for x in found if x[0] not in filed] or found
        wide = ctx.words.country_wide.search(ctx.text, sentence.start, sentence.end)
        if wide and not any(s < wide.start() for s, _ in found):
            return _whole_country(ctx, first=True)
        located = [p for s, p in found if ctx.words.locative.search(ctx.text[max(0, s - 25) : s])]
        listed = [x for x in ctx.places_in(sentence.start, sentence.end)
                  if any(x[0] == s for s, _ in found)]
        if coordinated(ctx.words, ctx.text, listed):
            # "clashes in Paris and Lyon": a story of several towns is their country's
            return common([p for _, _, p in listed]) or most_specific([p for _, p in found])
        if located or found:
            return most_specific(located or [p for _, p in found])
    named = [p for s, _, p in ctx.places if not backdrop(ctx, s)]
    if named or not ctx.places:
        return named[0] if named else None
    first = ctx.places[0][2]
    return first if first.kind == "country" else country_of(first.country) or first


def partial(ctx: Context, sentence: Sentence, place: places.Place) -> bool:
    """True when the sentence gives its figure for parts of the place ("20 inches of rain on
    parts of western Ohio", "killed in south Georgia"): a local figure, neither the place's
    own nor any town's in it. A side of a country ("eastern Spain") is how news names the
    country's disaster, so only a region's side is a part."""
    words, text = ctx.words, ctx.text
    # "two died after floods swept through parts of X": the parts say where the event
    # struck, not that the figure is some parts' own
    return any(p.key == place.key
               and (words.partial_place.search(text, max(sentence.start, s - 40), s)
                    or (p.kind == "region" and _side_of(ctx, s, e)))
               and not words.event_site.search(text, max(sentence.start, s - 120), s)
               for s, e, p in ctx.places_in(sentence.start, sentence.end))


def _side_of(ctx: Context, start: int, end: int) -> bool:
    """ "in south Georgia": a side of the region named at `start`. Not "Spain's eastern
    Valencia region", where the side word places the whole region in its country."""
    named = ctx.text[start:end].split()
    if named and named[-1].lower() in load("places")["region_words"]:
        return False
    side = ctx.words.compass_part.search(ctx.text, max(0, start - 20), start)
    # "the country's eastern Valencia": the side is the country's, the region is whole
    return side is not None and not ctx.text[max(0, side.start() - 3) : side.start()].rstrip() \
        .endswith(("'s", "\u2019s"))


def backdrop(ctx: Context, start: int) -> bool:
    """The place at `start` is where an earlier event that sets the story off happened ("after
    the death of a teenager in Nanterre", "depuis la mort de Nahel, 17 ans, tué à Nanterre"),
    not where the story's figures are."""
    return ctx.words.backdrop.search(ctx.text, max(0, start - 70), start) is not None


_DATELINE_END = re.compile(r"(?:,[^\n\u2013\u2014-]{0,30})?\s*(?:\([^)\n]{1,20}\)\s*)?[-\u2013\u2014]\s")


def _dateline(text: str, start: int, end: int) -> bool:
    """A place in capitals opening a paragraph and closed by a dash ("MILAN -",
    "ASHEVILLE, N.C. -", "KYIV, Ukraine (AP) -")."""
    name = text[start:end]
    return len(name) > 3 and name.isupper() and (start == 0 or text[start - 1] == "\n") \
        and _DATELINE_END.match(text, end) is not None


def _whole_country(ctx: Context, first: bool = False) -> places.Place | None:
    """The country of the story's place (`first`: of the first place named), if any."""
    place = ctx.places[0][2] if first and ctx.places else ctx.default_place
    if place is None:
        return None
    return place if place.kind == "country" else country_of(place.country)


def framing_end(words: Vocabulary, sentence: str) -> int:
    """End of the leading place adverbials: "In Lviv, in western Ukraine, the strike ..."."""
    end = 0
    while True:
        m = words.framing.match(sentence[end:])
        if not m:
            return end
        end += m.end()


@cache
def _volley() -> frozenset[str]:
    """Measures of an attack's whole volley (lexicon/measures.json): launched, intercepted."""
    return frozenset(load("measures").get("volley", []))


_CITY = "city"  # the kind of place a town is (places.Place.kind)
_CAPITAL = "capital"  # the anaphora kind (lang/<code>/extract.json) of a country's capital
