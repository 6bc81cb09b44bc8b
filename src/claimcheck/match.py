"""Claims -> groups: align claims about the same measured quantity.

Two claims align when they share the measure and the counted entity (through the synonym
lexicon), the unit dimension, the place scope, and the event (dates within a window).
Candidates are blocked on (measure, entity, dimension, scope), so matching never compares all
N^2 pairs; inside a block, claims are chained by event date. Who said a figure never decides
its group. Every group carries an `Alignment` saying which features it shares.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Protocol

from rapidfuzz import fuzz

from claimcheck import places, units
from claimcheck.extract.placing import RANK
from claimcheck.lexicon import load
from claimcheck.models import PART_MARK, Alignment, Claim
from claimcheck.policy import Interval, Policy

_NOT_GROUPED = frozenset({"age"})
_DETAIL_SIMILARITY = 60
_SPLIT_RATIO = 2  # a region's figure this many times its town's, in one report: two counts


@dataclass(frozen=True, slots=True)
class Candidate:
    """A claim with the normalised keys the matcher blocks and chains on."""

    claim: Claim
    entity: str
    measure: str
    dimension: str
    scope: str
    place: places.Place | None
    day: dt.date | None
    last_day: dt.date | None
    from_text: bool


@dataclass(frozen=True)
class Group:
    """Claims aligned as one quantity, why (`alignment`), and a label for people (`about`)."""

    claims: list[Claim]
    alignment: Alignment
    about: str
    block: tuple[str, str, str] = ("", "", "")
    """The blocking key it was found under: (measure, entity key, unit dimension)."""


class Matcher(Protocol):
    """The alignment stage: claims -> groups of two or more claims about one quantity.
    `align` is the default; a pipeline takes any callable of this shape."""

    def __call__(self, claims: list[Claim], policy: Policy) -> list[Group]: ...


def align(claims: list[Claim], policy: Policy | None = None) -> list[Group]:
    """Groups of two or more claims about one quantity; singletons are left out."""
    policy = policy or Policy()
    candidates = [c for c in map(_candidate, claims) if c is not None]
    spellings: dict[tuple[str, str], list[str]] = defaultdict(list)
    for cand in candidates:
        spellings[(cand.measure, cand.dimension)].append(cand.entity)
    keys = {k: fuzzy_entity_key(v) for k, v in spellings.items()}
    blocks: dict[tuple[str, str, str], list[Candidate]] = defaultdict(list)
    for cand in candidates:
        entity = keys[(cand.measure, cand.dimension)][cand.entity]
        blocks[(cand.measure, entity, cand.dimension)].append(cand)
    groups: list[Group] = []
    for key in sorted(blocks):
        members = blocks[key]
        if policy.sole_locality_rule:
            members = _rescope_sole_locality(members)
        if policy.one_place_rule and key[0] in _running_counts() and key[2] == "count":
            members = _rescope_one_place(members, policy)
        by_scope: dict[str, list[Candidate]] = defaultdict(list)
        for cand in members:
            by_scope[cand.scope].append(cand)
        for scope in sorted(by_scope):
            for chain in (c for part in _by_detail(by_scope[scope])
                          for c in _chain_by_date(part, policy)):
                for part in _split_self_consistent(chain, policy):
                    if len(part) >= policy.min_claims_per_group:
                        groups.append(_group(part, key))
    # a group's claims are in text order: its first is its earliest
    groups.sort(key=lambda g: _order(g.claims[0]))
    return groups


def _order(claim: Claim) -> tuple[str, int]:
    return claim.doc, claim.start


# ---------------------------------------------------------------- candidates


def _candidate(claim: Claim) -> Candidate | None:
    if claim.kind in _NOT_GROUPED or not claim.measure or not claim.entity:
        return None
    entity = load("entities")["count_as"].get(claim.entity, claim.entity)
    place = _place(claim)
    scope = claim.place_key or (place.key if place else (claim.location or "?"))
    day = claim.date
    last = _last_day(day, claim.date_precision)
    return Candidate(claim, entity, claim.measure, _dimension(claim.unit), scope, place, day,
                     last, from_text=claim.date_precision is not None)


@lru_cache(maxsize=1 << 12)
def _dimension(unit: str | None) -> str:
    """`units.dimension`, remembered: pint parses each unit name once, not once per claim."""
    return units.dimension(unit)


def _place(claim: Claim) -> places.Place | None:
    """The place extraction resolved (by its key); a reference row names its place in words."""
    if claim.place_key:
        return _from_key(claim.place_key)
    return places.resolve(claim.location) if claim.location else None


@lru_cache(maxsize=1 << 16)
def _from_key(key: str) -> places.Place | None:
    """`places.from_key`, remembered: one (frozen) Place per key, shared by all its claims,
    instead of a new one per claim (a million claims name a few thousand places)."""
    return places.from_key(key)


def _last_day(day: dt.date | None, precision: str | None) -> dt.date | None:
    if day is None:
        return None
    if precision == "year":
        return dt.date(day.year, 12, 31)
    if precision == "month":
        nxt = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return day


def fuzzy_entity_key(entities: list[str]) -> dict[str, str]:
    """Map near-identical entity spellings ("Kh-101 missile", "Kh101 missile") to one key."""
    keys: dict[str, str] = {}
    canon: list[str] = []
    for name in sorted(set(entities), key=lambda e: (len(e), e)):
        match = next((c for c in canon if fuzz.ratio(name, c) >= 92), None)
        keys[name] = match or name
        if match is None:
            canon.append(name)
    return keys


def _rescope_sole_locality(members: list[Candidate]) -> list[Candidate]:
    """A region figure speaks for its only reported locality ("Zakarpattia" -> "Mukachevo")."""
    # a town, not a county or a district: a region's figure is no county's
    cities = {c.scope: c.place for c in members if c.place is not None and c.place.kind == "city"
              and not _county(c.place)}
    # a document that gives the region a figure over twice its town's ("650 across the
    # county, 280 of them in the town") proves the two are two quantities; a close pair (15
    # for the region, 16 for the town) is one count as it grew
    by_doc: dict[str, list[Candidate]] = defaultdict(list)
    for c in members:
        by_doc[c.claim.doc].append(c)
    split = {(r.scope, t.scope) for same in by_doc.values() for t in same if t.scope in cities
             for r in same if _over(r.claim, t.claim)}
    out: list[Candidate] = []
    for cand in members:
        # a figure within the region ("#parts", "#hospital") is no figure of the whole
        if cand.place is not None and cand.place.kind == "region" \
                and "#" not in (cand.claim.place_key or ""):
            inside = [key for key, city in cities.items() if city is not None
                      and (cand.place.contains(city) or _namesake(cand.place, city))]
            if len(inside) == 1 and (cand.scope, inside[0]) not in split:
                cand = Candidate(cand.claim, cand.entity, cand.measure, cand.dimension, inside[0],
                                 cities[inside[0]], cand.day, cand.last_day, cand.from_text)
        out.append(cand)
    return out


def _over(whole: Claim, part: Claim) -> bool:
    """Whether `whole` is surely over `_SPLIT_RATIO` times `part` (both bounded)."""
    return whole.low is not None and part.high is not None \
        and whole.low > _SPLIT_RATIO * part.high


@lru_cache(maxsize=1)
def _running_counts() -> frozenset[str]:
    """Measures of running counts (lexicon/measures.json): a toll, the injured, the arrested.
    Not an attack's volley (launched, intercepted): that is the whole country's, and a region's
    figure of it is a part."""
    measures = load("measures")
    return frozenset(measures["cumulative"]) - frozenset(measures["volley"])


def _rescope_one_place(members: list[Candidate], policy: Policy) -> list[Candidate]:
    """The figures of one country and one run of event days take one scope when their places
    nest in one line from a town up (`_one_place`). Only placed and dated figures take part:
    a figure with no place, no date, or of a part of a site ("#hospital") keeps its scope."""
    # per country and per run of days no further apart than the widest window: what
    # check_stream aligns at once (stream.py), so a stream and check() agree
    window = dt.timedelta(days=policy.widest_window_days)
    cells: dict[str, list[Candidate]] = defaultdict(list)
    for cand in members:
        if cand.place is not None and cand.day is not None and cand.claim.place_key \
                and "#" not in cand.scope:
            cells[cand.claim.place_key.split("/", 1)[0]].append(cand)
    moved: dict[str, Candidate] = {}
    for country in sorted(cells):
        for run in _runs(cells[country], window):
            home = _one_place(run)
            for cand in run:
                if home is not None and cand.scope != home[0]:
                    moved[cand.claim.id] = Candidate(
                        cand.claim, cand.entity, cand.measure, cand.dimension, home[0], home[1],
                        cand.day, cand.last_day, cand.from_text)
    return [moved.get(c.claim.id, c) for c in members] if moved else members


def _runs(cands: list[Candidate], window: dt.timedelta) -> list[list[Candidate]]:
    """Dated candidates in runs whose event days lie within `window` of the run's reach."""
    runs: list[list[Candidate]] = []
    reach = dt.date.min
    for cand in sorted(cands, key=lambda c: (c.day or dt.date.min, _order(c.claim))):
        assert cand.day is not None
        if not runs or cand.day - reach > window:  # (reach + window may pass date.max)
            runs.append([])
            reach = dt.date.min
        runs[-1].append(cand)
        reach = max(reach, cand.last_day or cand.day)
    return runs


def _one_place(run: list[Candidate]) -> tuple[str, places.Place] | None:
    """The town the places of `run` nest under (the town, its region, its country), when no
    document gives two of those places different figures; else None. Two towns, a region
    with no town, or a report setting a city's figure beside a different national one (two
    quantities) give None."""
    spots = {c.scope: c.place for c in run if c.place is not None}
    line = sorted(spots.items(), key=lambda kv: (RANK.get(kv[1].kind, 3), kv[0]))
    # the line must start at a town (a site of it), not a region nor a county: a flood's or a
    # storm's region holds many towns, and a state's toll never speaks for its only county
    if len(line) < 2 or line[0][1].kind != "city" or _county(line[0][1]) \
            or any(not wide.contains(narrow)
                   for (_, narrow), (_, wide) in zip(line, line[1:], strict=False)):
        return None
    said: dict[str, dict[str, set[float]]] = defaultdict(lambda: defaultdict(set))
    for cand in run:
        said[cand.claim.doc][cand.scope].add(cand.claim.value)
    # "14 in Kyiv, 15 across Ukraine": a report whose scopes differ proves them two quantities
    # (a headline repeating the body's figure at a wider place proves nothing)
    if any(len({frozenset(v) for v in scopes.values()}) > 1 for scopes in said.values()):
        return None
    # a country's figure below one its town reached is no reading of the town's toll: the
    # structural check (local <= wider area) judges the two
    values = {scope: [c.claim.value for c in run if c.scope == scope] for scope, _ in line}
    if any(min(values[wide]) < max(values[narrow])
           for k, (narrow, _) in enumerate(line) for wide, _ in line[k + 1:]):
        return None
    return line[0]


def _county(place: places.Place) -> bool:
    """ "Buncombe County", "Mukachevo district": a local unit the gazetteer files as a town."""
    return place.name.split()[-1].lower() in load("places")["region_words"]


def _namesake(region: places.Place, city: places.Place) -> bool:
    """"Mukachevo district", "Lviv Oblast": a region named after a city of the same country."""
    words = [w for w in region.name.split() if w.lower() not in load("places")["region_words"]]
    return region.country == city.country and " ".join(words) == city.name


def _chain_by_date(members: list[Candidate], policy: Policy) -> list[list[Candidate]]:
    """Single-linkage chains of claims whose event dates lie within the policy window.

    Every night is its own quantity: a figure dated to one night (`date_precision` "night")
    only shares a chain with figures of that same day, and a chain holding a night takes no
    figure of another day, so the counts of two nights never meet and a running total dated
    the day before stays apart. Such a figure looks past the chains of other nights to the
    latest chain it fits.

    That holds where the block counts several nights (riots, a run of air raids). Where every
    night-dated figure names the same one night ("Saturday night" beside "late Saturday"),
    that night is the event's: it shares a chain with figures of its evening and of the
    morning it ends, and with no other day. Not a volley's night (drones launched): each
    night's volley is an attack of its own."""
    dated = sorted((c for c in members if c.day is not None), key=lambda c: (c.day, _order(c.claim)))
    nights = {c.day for c in dated if _is_night(c)}
    # a volley (drones launched) of one night is that night's attack alone: a volley counted
    # the day before is the last attack's, not this one's evening
    lone = next(iter(nights)) if len(nights) == 1 and members \
        and members[0].measure in _running_counts() else None
    chains: list[_Chain] = []
    for cand in dated:
        assert cand.day is not None
        home = None
        for chain in reversed(chains):
            fits = chain.fits(cand, policy, lone)
            if fits is None:
                continue  # another night's chain: look further back
            home = chain if fits else None
            break
        if home is None:
            chains.append(_Chain([cand], cand.day, cand.last_day or cand.day, cand.day,
                                 cand.from_text, _is_night(cand)))
        else:
            home.add(cand)
    out = [chain.members for chain in chains]
    undated = [c for c in members if c.day is None]
    if undated:
        if len(out) == 1:
            out[0].extend(undated)
        else:
            out.append(undated)
    return out


def _is_night(cand: Candidate) -> bool:
    return cand.claim.date_precision == "night"


@dataclass(slots=True)
class _Chain:
    """A chain being built: its members, the days it spans, and whether it holds a night."""

    members: list[Candidate]
    first: dt.date
    reach: dt.date  # the last day the chain reaches
    last: dt.date  # the latest event day of a member
    from_text: bool  # whether every member dates itself from its text
    night: bool

    def fits(self, cand: Candidate, policy: Policy, lone: dt.date | None = None) -> bool | None:
        """True when `cand` joins, False when it starts a chain of its own, None when the chain
        is another night's (or `cand` is a night and the chain spans other days). `lone` is
        the block's one night when it names only one: then its evening's day is its own too."""
        assert cand.day is not None
        if self.night or _is_night(cand):
            days = {self.first, self.last, cand.day}
            own = {lone, lone - dt.timedelta(days=1)} if lone is not None else {cand.day}
            if len(days) > 1 and not days <= own:
                return None
        window = policy.event_window_days if cand.from_text and self.from_text \
            else policy.undated_window_days
        return (cand.day - self.reach).days <= window

    def add(self, cand: Candidate) -> None:
        assert cand.day is not None
        self.members.append(cand)
        self.reach = max(self.reach, cand.last_day or cand.day)
        self.last = max(self.last, cand.day)
        self.from_text = self.from_text and cand.from_text
        self.night = self.night or _is_night(cand)


def _reading(c: Claim, policy: Policy, scale: float = 1.0, converted: bool = False) -> Interval:
    # a figure beside its conversion is rounded in one unit or the other
    qualifier = policy.converted(c.qualifier) if converted else c.qualifier
    return _interval(policy, c.value, qualifier, c.low, c.high, scale)


@lru_cache(maxsize=1 << 16)
def _interval(policy: Policy, value: float, qualifier: str, low: float | None,
              high: float | None, scale: float) -> Interval:
    """`policy.interval`, remembered: `_split_self_consistent` reads a figure once for every
    figure it compares it with, and a long chain repeats a few figures many times."""
    return policy.interval(value, qualifier, low, high, scale)


def _agree(a: Claim, b: Claim, policy: Policy) -> bool:
    # "20 ft (6 m)": a figure in another unit is compared in the first one's, rounding included
    scale = 1.0
    if a.unit != b.unit and a.unit is not None and b.unit is not None:
        scale = units.convert(1.0, b.unit, a.unit) or 1.0
    converted = scale != 1.0
    if _reading(a, policy, converted=converted).disjoint(_reading(b, policy, scale, converted)):
        return False
    pointish = ("exact", "approximate", "vague")
    if a.qualifier in pointish or b.qualifier in pointish:
        return True
    return abs(a.value - b.value * scale) <= max(policy.tolerance(a.value, "approximate"),
                                                 policy.tolerance(b.value, "approximate") * scale)


def _voice(claim: Claim) -> tuple[str, str | None, int]:
    """Who says a figure, where and when: a recalled or newer figure is another moment."""
    return claim.doc, claim.speaker, -1 if claim.recalled else (1 if claim.later else 0)


def _evidence(claim: Claim) -> tuple[int, str, str]:
    """What a claim rests on in its text: copies of one report share it."""
    return claim.start, claim.text, claim.context


def _by_detail(members: list[Candidate]) -> list[list[Candidate]]:
    """Parts of a figure ("three of the injured have leg wounds") align only when what they
    describe is alike (rapidfuzz token-set similarity of the words that follow)."""
    if not members or not members[0].measure.endswith(PART_MARK):
        return [members]
    clusters: list[list[Candidate]] = []
    for cand in members:
        detail = cand.claim.detail or ""
        home = next((cl for cl in clusters if _alike(detail, cl[0].claim.detail or "")), None)
        if home is None:
            clusters.append([cand])
        else:
            home.append(cand)
    return clusters


def _alike(a: str, b: str) -> bool:
    if not a and not b:
        return True  # "..., three of them." twice: nothing more is said, nothing differs
    return bool(fuzz.token_set_ratio(a, b) >= _DETAIL_SIMILARITY)


def _split_self_consistent(chain: list[Candidate], policy: Policy) -> list[list[Candidate]]:
    """One speaker in one article does not contradict itself: its differing figures are
    different quantities (a clinic's toll inside a city's). Keep, per document and speaker,
    the figures that agree best with the other sources; the rest form groups of their own."""
    voices: dict[tuple[str, str | None, int], list[Candidate]] = defaultdict(list)
    # past steps of a count are a timeline; a rough headcount ("una ventina", "dozens")
    # beside a count of the same voice may be another moment of it, or a guess the count
    # corrects (not so a measurement: "nearly 30 inches" of rain is some other place's)
    recalled = [c for c in chain if c.claim.recalled or _rough(c.claim)]
    for cand in chain:
        if not cand.claim.recalled and not _rough(cand.claim):
            voices[_voice(cand.claim)].append(cand)
    if all(len({c.claim.value for c in v}) == 1 for v in voices.values()):
        return [chain]
    main: list[Candidate] = list(recalled)
    rest: list[Candidate] = []
    support: _Support | None = None  # counted only once a voice gives figures that disagree
    for key, members in voices.items():
        clusters = _clusters(members, policy)
        if len(clusters) > 1:
            support = support or _Support(chain, policy)
            clusters.sort(key=partial(support.of, voice=key), reverse=True)
        main.extend(clusters[0])
        for cluster in clusters[1:]:
            rest.extend(cluster)
    parts = [main]
    pool: list[list[Candidate]] = []
    for cand in rest:
        home = next((g for g in pool if _agree(g[0].claim, cand.claim, policy)), None)
        if home is None:
            pool.append([cand])
        else:
            home.append(cand)
    return parts + pool


def _rough(claim: Claim) -> bool:
    """A headcount given as an estimate ("about twenty", "dozens"), not a count."""
    return claim.kind == "count" and claim.qualifier in ("approximate", "vague")


def _clusters(members: list[Candidate], policy: Policy) -> list[list[Candidate]]:
    """One voice's figures, clustered by agreement, the largest figures (not vague) first."""
    clusters: list[list[Candidate]] = []
    for cand in sorted(members, key=lambda c: (c.claim.qualifier == "vague", -c.claim.value)):
        home = next((cl for cl in clusters if _agree(cl[0].claim, cand.claim, policy)), None)
        if home is None:
            clusters.append([cand])
        else:
            home.append(cand)
    return clusters


class _Support:
    """How far the other sources of a chain back a figure. Support is counted over distinct
    readings, so a long chain costs readings x clusters, and in distinct evidence, so a copy
    of a report (one wire story under two ids) is one source, not two, and never supports
    the voice it copies."""

    def __init__(self, chain: list[Candidate], policy: Policy) -> None:
        self.policy = policy
        readings: dict[tuple[object, ...], list[Candidate]] = defaultdict(list)
        for cand in chain:
            c = cand.claim
            readings[(c.value, c.low, c.high, c.qualifier)].append(cand)
        # (a reading's first claim, its evidence count, its evidence count per voice)
        self.readings: list[tuple[Claim, int, dict[tuple[str, str | None, int], int]]] = []
        for group in readings.values():
            own: dict[tuple[str, str | None, int], set[tuple[int, str, str]]] = defaultdict(set)
            for member in group:
                own[_voice(member.claim)].add(_evidence(member.claim))
            evidence = {_evidence(c.claim) for c in group}
            self.readings.append((group[0].claim, len(evidence),
                                  {voice: len(seen) for voice, seen in own.items()}))

    def of(self, cluster: list[Candidate], voice: tuple[str, str | None, int]
           ) -> tuple[int, float, int]:
        """The evidence of other voices that agrees with the cluster's figure; failing that the
        whole, not its parts (the larger figure), then the larger cluster."""
        head = cluster[0].claim
        # a voice's own evidence is part of its reading's: the difference is a count
        agreeing = sum(count - own.get(voice, 0) for first, count, own in self.readings
                       if _agree(first, head, self.policy))
        return agreeing, head.value, len(cluster)


def _group(chain: list[Candidate], block: tuple[str, str, str]) -> Group:
    first = chain[0]
    days = sorted({c.day for c in chain if c.day is not None})
    when = f"{days[0]}" if len(days) == 1 else (f"{days[0]}..{days[-1]}" if days else "undated")
    where = first.place.name if first.place is not None else (first.claim.location or "unknown place")
    spellings = sorted({c.claim.entity or "" for c in chain})
    places_said = sorted({c.claim.location or "" for c in chain})
    features = {
        "measure": first.measure,
        "entity": first.entity,
        "entity spellings": ", ".join(spellings),
        "dimension": first.dimension,
        "scope": first.scope,
        "places as written": ", ".join(p for p in places_said if p),
        "event": when,
        "sources": str(len({c.claim.doc for c in chain})),
    }
    # how alike the members are, 0-100: spelling of the counted thing (rapidfuzz), how
    # tightly the event days cluster, and whether every member named its place itself
    entity_score = min((fuzz.token_set_ratio(a, first.entity) for a in spellings), default=100.0)
    # a publication day is no event day: the spread counts the days the texts give
    named = sorted({c.day for c in chain if c.day is not None and c.from_text}) or days
    spread = (named[-1] - named[0]).days if named else 0
    date_score = max(0.0, 100.0 - 15.0 * spread)
    place_score = 100.0 * sum(c.scope == (c.claim.place_key or c.scope) for c in chain) / len(chain)
    scores = {"entity": round(entity_score, 1), "event date": round(date_score, 1),
              "place scope": round(place_score, 1)}
    about = f"{first.entity} {first.measure} · {where} · {when}"
    return Group([c.claim for c in sorted(chain, key=lambda c: _order(c.claim))],
                 Alignment(features=features, scores=scores,
                           score=round(sum(scores.values()) / len(scores), 1)), about, block)
