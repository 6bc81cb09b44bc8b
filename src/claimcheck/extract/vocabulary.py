"""A language's words for the extractor, compiled once per language from its tables.

`vocabulary(code)` reads `lang/<code>/extract.json` and `lang/<code>/frames.json` through the
language registry and builds the word sets and regular expressions the attachers use; a
neutral language (no package) gets empty tables, so nothing in it is read as a word.

The frames (measures and entities), the speech verbs and the auxiliaries are looked up by
the word and then by its lemma (`Language.lemma`), so a language with a lemmatiser lists
"загиблий" once for "загиблих", "загиблі", "загиблого", ...
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, partial
from itertools import product
from typing import Any

from claimcheck import lang
from claimcheck.lexicon import load

Phrase = tuple[str, ...]
_NEVER = "(?!)"  # an alternation of nothing: matches nowhere


PHRASE_LENGTHS = (4, 3, 2, 1)  # the words of a table phrase, longest first ("forced from their homes")


def _alt(items: Iterable[str], *, spaced: bool = False, raw: bool = False) -> str:
    """Alternatives for a regex: escaped words, phrases whose spaces match any run of
    whitespace (`spaced`), or patterns as written (`raw`); nothing for an empty list."""
    parts = [w if raw else r"\s+".join(map(re.escape, w.split())) if spaced else re.escape(w)
             for w in items]
    return "|".join(parts) or _NEVER


def _words(table: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(table.get(key, []))


def _same(word: str) -> tuple[str, ...]:
    return (word,)


class LemmaTable(dict[Phrase, str]):
    """Phrases -> canonical names, found as written or with each word as its lemma."""

    def __new__(cls, items: dict[Phrase, str],
                lemma: Callable[[str], tuple[str, ...]] = _same) -> LemmaTable:
        # a language that reads no lemmas gets the table whose look-ups are the dict's own
        # (C code, no Python call): the extractor asks a table several dozen times a figure
        return dict.__new__(_PlainTable if lemma is _same and cls is LemmaTable else cls)

    def __init__(self, items: dict[Phrase, str],
                 lemma: Callable[[str], tuple[str, ...]] = _same) -> None:
        super().__init__(items)
        self.lemma = lemma
        # the most words a phrase has: a longest-first lookup starts there (never mutated)
        self.longest = max((len(k) for k in items), default=1)
        self._firsts = frozenset(k[0] for k in items if k)

    def may_open(self, word: str) -> bool:
        """False only when no phrase of the table can start with `word` (the lower-case word
        as written): a loop that tries every phrase at every word skips most words with it.
        Always True where words are also read as their lemmas."""
        return self.lemma is not _same or word in self._firsts

    def last_in(self, words: Sequence[str]) -> str | None:
        """The name of the last phrase (of up to four words) in the lower-case `words`; of
        two ending at one word, the longer."""
        for stop in range(len(words), 0, -1):
            for length in PHRASE_LENGTHS:
                if stop >= length and self.may_open(words[stop - length]):
                    phrase = tuple(words[stop - length : stop])
                    if phrase in self:
                        return self[phrase]
        return None

    def _key(self, phrase: Phrase) -> Phrase:
        if dict.__contains__(self, phrase) or self.lemma is _same or len(phrase) > 3:
            return phrase
        options = [self.lemma(w) for w in phrase]  # every lemma of every word, first listed wins
        for key in product(*options):
            if dict.__contains__(self, key):
                return key
        return phrase

    def __contains__(self, phrase: object) -> bool:
        return isinstance(phrase, tuple) and dict.__contains__(self, self._key(phrase))

    def __getitem__(self, phrase: Phrase) -> str:
        return dict.__getitem__(self, self._key(phrase))

    def get(self, phrase: Phrase, default: str | None = None) -> str | None:  # type: ignore[override]
        return dict.get(self, self._key(phrase)) or default


class LemmaSet(frozenset[str]):
    """Words, found as written or as their lemma ("повідомив" for "повідомити")."""

    lemma: Callable[[str], tuple[str, ...]]

    def __new__(cls, words: Iterable[str],
                lemma: Callable[[str], tuple[str, ...]] = _same) -> LemmaSet:
        # as `LemmaTable`: without lemmas, `in` is the frozenset's own
        made = super().__new__(_PlainSet if lemma is _same and cls is LemmaSet else cls, words)
        made.lemma = lemma
        return made

    def __contains__(self, word: object) -> bool:
        if frozenset.__contains__(self, word):
            return True
        return isinstance(word, str) and self.lemma is not _same and \
            any(frozenset.__contains__(self, lemma) for lemma in self.lemma(word))

    def lookup(self) -> Callable[[object], bool]:
        """`word in self` as a function, a plain set lookup when no lemma is read (for loops
        that test every word of a sentence)."""
        if self.lemma is _same:
            return partial(frozenset.__contains__, self)
        return self.__contains__


class _PlainTable(LemmaTable):
    """A `LemmaTable` of a language without lemmas: a phrase is found as written only, so
    the dict's own look-ups answer (`_key` would return the phrase itself)."""

    __contains__ = dict.__contains__
    __getitem__ = dict.__getitem__


class _PlainSet(LemmaSet):
    """A `LemmaSet` of a language without lemmas: `in` is the frozenset's own."""

    __contains__ = frozenset.__contains__


@dataclass(frozen=True)
class Frames:
    """Surface forms of canonical measures and entities, and the words around a part."""

    entities: LemmaTable
    subtypes: frozenset[str]
    measures: LemmaTable
    measure_words: frozenset[str]
    partitive_heads: tuple[str, ...]
    partitive_cues: tuple[str, ...]
    noun_measures: LemmaTable  # a counted noun that says what happened: "demonstrators"
    whole_opener: re.Pattern[str]  # "of the" before the whole a part is taken of
    measured: LemmaTable  # "rain", "storm surge": what a length or a speed is of
    priced: LemmaTable  # "insured losses", "damage": what a sum of money is
    # a noun complement after the counted noun ("39 locaux de la police"): its opening words
    complement_openers: frozenset[str] = frozenset()
    # counted nouns of an event whose complement is what is counted: "39 attaques de locaux"
    complement_heads: frozenset[str] = frozenset()
    complement_breaks: frozenset[str] = frozenset()  # verb forms that end a complement
    complement_links: frozenset[str] = frozenset()  # after an event noun: "attacks on"


@dataclass(frozen=True)
class Speech:
    """Who says so: speech verbs, cues before a speaker, pronouns and office words."""

    verbs: tuple[str, ...]
    verb_set: LemmaSet
    verb_phrases: re.Pattern[str]  # the speech verbs of more than one word: "fait état de"
    named_speaker: re.Pattern[str]
    prepositions: tuple[tuple[str, re.Pattern[str]], ...]
    lead_prepositions: frozenset[str]
    lead: re.Pattern[str]
    fixed: tuple[tuple[re.Pattern[str], str], ...]
    owner: re.Pattern[str]
    data_nouns: frozenset[str]  # what a source publishes: "figures", "tally", "data"
    pronouns: frozenset[str]
    subjects: frozenset[str]
    first_person: frozenset[str]
    function_words: frozenset[str]
    leading_function_words: frozenset[str]
    glue_words: frozenset[str]
    perfect: re.Pattern[str]
    perfect_inside: re.Pattern[str]  # an auxiliary anywhere: "X hatte ... gesagt"
    possessive_suffixes: frozenset[str]
    phrase_article: frozenset[str]
    phrase_determiners: frozenset[str]
    phrase_after: re.Pattern[str]
    appositions: tuple[re.Pattern[str], ...]
    name_non_openers: frozenset[str]
    name_titles: frozenset[str]
    generic: frozenset[str]
    skip_words: frozenset[str]  # between a speaker and its verb: "am Donnerstag", "later"
    back_cues: tuple[str, ...]  # a sentence naming the speaker of the one before: "про це"
    headline_cue: re.Pattern[str]  # "Police: 18 dead": a short source before a colon
    own_voice: re.Pattern[str]  # "as we reported earlier": the outlet's own, never run on
    reported_mood: frozenset[str]  # verb forms of reported speech (German "seien", "würden")
    owned: re.Pattern[str]  # "A.M. Best's forecast of": a figure's owner right before it
    owned_office: re.Pattern[str]  # "the interior ministry's count of": an office owns it
    owned_links: frozenset[str]  # "organisers at 20,000": the word between a source and its figure
    actors: frozenset[str]  # offices whose own doings they count: "la Guardia Civil ha efectuado"
    impersonal: frozenset[str]  # pronouns of an office, not a person: "it"
    reporting_prepositions: frozenset[str]  # cues of reported speech: "citing", "как сообщил"
    dropped: frozenset[str]  # words a speaker's name drops in front: "latest", "new"
    event_clause: re.Pattern[str]  # "when" opening a clause that tells the event, not a claim
    # (the event runs from it to the next comma, semicolon or colon)
    place_verbs: frozenset[str]  # verbs by which a country speaks: "Ukraine says"
    report_nouns: tuple[str, ...] = ()  # "(a Rights Watch investigation)": its own report
    figure_objects: frozenset[str] = frozenset()  # "put the figure at": an object, no speaker
    cited_source: re.Pattern[str] | None = None  # "an estimate by": its source follows
    relative_openers: frozenset[str] = frozenset()  # "X, which organised it, put": skipped
    setting_openers: re.Pattern[str] | None = None  # "In Dnipro, ...": a sentence's own setting
    passive: frozenset[str] = frozenset()  # "were reported": a speech verb with no speaker
    agents: frozenset[str] = frozenset()  # "reported by X": the passive's speaker after it
    # derived once here, not per sentence (the attachers read them for every figure)
    offices: frozenset[str] = field(init=False)  # subjects that are no function words
    roles: frozenset[str] = field(init=False)  # subjects that are no glue words
    cited_roles: frozenset[str] = field(init=False)  # subjects that cannot lead a phrase
    determiners: frozenset[str] = field(init=False)  # phrase determiners and articles
    plain_words: frozenset[str] = field(init=False)  # what a bare office is made of
    articles: frozenset[str] = field(init=False)  # what a speaker's name drops in front

    def __post_init__(self) -> None:
        derived = {
            "offices": self.subjects - self.function_words,
            "roles": self.subjects - self.glue_words,
            "cited_roles": self.subjects - self.leading_function_words,
            "determiners": self.phrase_determiners | self.phrase_article,
            "plain_words": self.subjects | self.phrase_determiners | self.phrase_article,
            "articles": self.phrase_determiners | self.phrase_article | self.leading_function_words,
        }
        for name, value in derived.items():
            object.__setattr__(self, name, value)  # a frozen record: set once, at creation


@dataclass(frozen=True)
class Vocabulary:
    """Everything the extractor knows of one language's words."""

    code: str
    frames: Frames
    speech: Speech
    abbreviations: frozenset[str]
    stop_words: frozenset[str]
    verbish: frozenset[str]
    auxiliaries: frozenset[str]
    list_joiners: frozenset[str]
    place_joiners: frozenset[str]  # "in Valencia and in Castilla": the words that join places
    partitive_of: frozenset[str]
    count_of: re.Pattern[str] | None  # "bringing to 41 the number of people arrested"
    ratio_openers: tuple[Phrase, ...]
    ratio_links: frozenset[str]
    plural_suffixes: tuple[str, ...]
    plural_exceptions: tuple[str, ...]
    actor_verbs: frozenset[str]
    verb_suffixes: tuple[str, ...]
    not_verbs: frozenset[str]
    as_of_verbs: frozenset[str]
    day_part_hours: dict[str, int]  # "as of Saturday afternoon": the hour a part of day is read at
    as_of_adverbs: frozenset[str]  # "were still without power on Monday": a state as of then
    region_words: tuple[str, ...]
    anaphora_kinds: dict[str, str]
    time_entities: frozenset[str]
    uncounted_before: frozenset[str]
    recall: re.Pattern[str]
    recall_after: re.Pattern[str]  # "had given 39 earlier in the day": a cue after the figure
    # (matched from the figure's end: pattern.match(text, end, sentence_end))
    newer: re.Pattern[str]
    as_of: re.Pattern[str]
    age_after: re.Pattern[str]
    age_before: re.Pattern[str]
    designation: re.Pattern[str]
    height: re.Pattern[str]
    back_reference: re.Pattern[str]
    of_them: re.Pattern[str]
    apposition: re.Pattern[str]
    all_words: re.Pattern[str]
    totals: re.Pattern[str]
    country_wide: re.Pattern[str]  # "across the country": the story's whole country
    locative: re.Pattern[str]
    mostly: re.Pattern[str]
    anaphora: re.Pattern[str]
    framing: re.Pattern[str]
    governed: re.Pattern[str]
    saint: re.Pattern[str]
    place_title: re.Pattern[str]
    distance_reference: re.Pattern[str]
    place_glue: re.Pattern[str]
    facilities: tuple[re.Pattern[str], ...]  # the text before a figure names its building
    facilities_after: tuple[re.Pattern[str], ...]  # "seven died at the X hospital"
    contrast_clause: re.Pattern[str]  # ", while": the clause after it has its own verb
    facility_settings: tuple[re.Pattern[str], ...]  # "At the hospital, four were hurt"
    facility_anaphors: tuple[re.Pattern[str], ...]  # "wounding five people there"
    several_regions: re.Pattern[str] | None  # "across five states": the whole country
    local_units: re.Pattern[str] | None  # "Buncombe County": a local unit by its title word
    tally_verbs: frozenset[str]  # "South Carolina has recorded 39 deaths": a toll's place
    demonym_endings: tuple[tuple[str, str], ...]  # "North Carolinians" -> "North Carolina"
    backdrop: re.Pattern[str]  # "after the death of X in Nanterre": another event's place
    partial_place: re.Pattern[str]  # "on parts of western Ohio": a figure for parts of it
    city_cue: re.Pattern[str]  # "the city of Murcia": the city, not its province
    compass_part: re.Pattern[str]  # "in south Georgia": a part of a region named by its side
    increment: re.Pattern[str]  # "and hundreds more": a figure that adds to the one before
    event_locative: re.Pattern[str]  # "wounded in the overnight strikes": placed in the event
    event_site: re.Pattern[str]  # "... after the rain hit ": the next place is where it struck
    landfall: re.Pattern[str]  # "came ashore in ": the next place is where a storm arrived
    list_head: re.Pattern[str]  # "a package including": what the items after it are counted as
    reference: re.Pattern[str]  # "a hall in X near ": the next place is a reference point
    list_bullets: tuple[str, ...]  # "* 40 boats": an item of the list its heading line opens
    # words that open a relative clause ("où", "dove"): its verb is no figure's outside it
    relative_pronouns: frozenset[str] = frozenset()
    # "1.28 million, including 81,000 in Paris": the later figure is a part of the earlier
    part_cue: re.Pattern[str] = re.compile(_NEVER)


@cache
def vocabulary(code: str) -> Vocabulary:
    """The compiled vocabulary of the language `code` names (cached: built once per language)."""
    language = lang.get(code)
    lemma = language.lemmas if language.lemmatizer else _same
    return _compile(language.code, language.table("extract"), language.table("frames"), lemma)


def _compile(code: str, t: dict[str, Any], f: dict[str, Any],
             lemma: Callable[[str], tuple[str, ...]] = _same) -> Vocabulary:
    i = re.IGNORECASE
    entities = load("entities")
    return Vocabulary(
        code=code,
        frames=_frames(f, lemma),
        speech=_speech(t, lemma),
        abbreviations=_words(t, "abbreviations"),
        stop_words=_words(t, "stop_words"),
        verbish=_words(t, "verbish"),
        auxiliaries=LemmaSet(t.get("auxiliaries", []), lemma),
        list_joiners=_words(t, "list_joiners"),
        place_joiners=_words(t, "place_joiners"),
        partitive_of=_words(t, "partitive_of"),
        count_of=re.compile(rf"\s+(?:{_alt(t['count_of_phrases'], spaced=True)})\s+", re.I)
        if t.get("count_of_phrases") else None,
        ratio_openers=tuple(tuple(p.split()) for p in t.get("ratio_openers", [])),
        ratio_links=_words(t, "ratio_links"),
        plural_suffixes=tuple(t.get("plural_suffixes", [])),
        plural_exceptions=tuple(t.get("plural_exceptions", [])),
        actor_verbs=_words(t, "actor_verbs"),
        verb_suffixes=tuple(t.get("verb_suffixes", [])),
        not_verbs=_words(t, "not_verbs"),
        as_of_verbs=_words(t, "as_of_verbs"),
        as_of_adverbs=_words(t, "as_of_adverbs"),
        day_part_hours={k: int(v) for k, v in t.get("day_part_hours", {}).items()},
        region_words=tuple(t.get("region_words", [])),
        anaphora_kinds=dict(t.get("anaphora_kinds", {})),
        time_entities=frozenset(entities["time_entities"]),
        uncounted_before=frozenset(entities["uncounted_before"]),
        recall=re.compile(rf"\b(?:{_alt(t.get('recall', []))})\b", i),
        recall_after=re.compile(
            rf"[^\w,;]*(?:\w+[^\w,;]+)?({_alt(t.get('recall_after', []), spaced=True)})\b",
            i),
        newer=re.compile(rf"\b(?:{_alt(t.get('newer', []))})\b", i),
        as_of=re.compile(rf"\b(?:{_alt(t.get('as_of', []))})\s*$", i),
        age_after=re.compile(rf"^(?:{_alt(t.get('age_after_patterns', []), raw=True)})", i),
        age_before=re.compile(rf"\b(?:{_alt(t.get('age_before_patterns', []), raw=True)})\s*$", i),
        designation=re.compile(rf"\b(?:{_alt(t.get('designations', []))})\s*$", i),
        height=re.compile(rf"\b(?:{_alt(t.get('height', []))})\b", i),
        back_reference=re.compile(rf"\b(?:{_alt(t.get('back_references', []))})\b", i),
        of_them=re.compile(rf"\b(?:{_alt(t.get('partitive_pronouns', []))})\b"),
        apposition=_apposition(t),
        all_words=re.compile(rf"\b(?:{_alt(t.get('all_words', []))})\b"),
        totals=re.compile(rf"\b(?:{_alt(t.get('totals', []))})\b", i),
        country_wide=re.compile(rf"\b(?:{_alt(t.get('country_wide', []), spaced=True)})\b", i),
        locative=re.compile(
            rf"\b(?:{_alt(t.get('locative_prepositions', []), spaced=True)})\s+"
            rf"(?:(?:{_alt(t.get('locative_modifiers', []))})\s+){{0,3}}$", i),
        mostly=re.compile(rf"\b(?:{_alt(t.get('mostly', []))})\s+(?:\w+\s+){{0,5}}$", i),
        anaphora=re.compile(rf"\b(?:{_alt(t.get('anaphora_patterns', []), raw=True)})\b"),
        framing=re.compile(rf"\s*(?:{_alt(_both_cases(t.get('framing_prepositions', [])))})"
                           r"\s+[^,;]{1,60},"),
        governed=re.compile(rf"\b(?:{_alt(t.get('governing_prepositions', []))})\s+(?:\w+\s+){{0,3}}$",
                            i),
        saint=re.compile(rf"(?:{_alt(t.get('saint_titles', []))})\s*$"),
        place_title=re.compile(rf"\s(?:{_alt(t.get('place_titles', []))})"),
        distance_reference=re.compile(
            rf"\b(?:{_alt(t.get('distance_prepositions', []))})\s+"
            rf"(?:(?:{_alt(t.get('articles', []))})\s+)?$"),
        place_glue=re.compile(
            rf"[\s,]*(?:{_alt(t.get('place_joiners', []))})?[\s,]*"
            rf"(?:{_alt(t.get('place_prepositions', []))})?"
            rf"(?:\s+(?:{_alt(t.get('articles', []))}))?\s*"),
        facilities=tuple(re.compile(p) for p in t.get("facility_patterns", [])),
        facilities_after=tuple(re.compile(p) for p in t.get("facility_after_patterns", [])),
        contrast_clause=re.compile(
            rf"[,;]\s*(?:{_alt(t.get('contrast_clause_openers', []))})\b"
            if t.get("contrast_clause_openers") else r"(?!)", i),
        facility_settings=tuple(re.compile(p) for p in t.get("facility_setting_patterns", [])),
        facility_anaphors=tuple(re.compile(p) for p in t.get("facility_anaphor_patterns", [])),
        several_regions=re.compile(
            rf"\b(?:{_alt(t.get('locative_prepositions', []), spaced=True)})\s+"
            rf"(?:[\w-]+\s+){{1,2}}(?:{_alt(t['region_plurals'])})\b", i)
        if t.get("region_plurals") else None,
        local_units=re.compile(rf"\b((?:[A-Z][a-z]+ ){{1,3}})(?:{_alt(t['local_unit_words'])})\b")
        if t.get("local_unit_words") else None,
        tally_verbs=_words(t, "tally_verbs"),
        demonym_endings=tuple((a, b) for a, b in t.get("demonym_endings", [])),
        # the cue, then its noun phrase up to the place, with at most a short apposition
        # between commas (", 19, shot in"); a comma that opens a clause ("..., riots broke
        # out in") ends it
        backdrop=re.compile(rf"\b(?:{_alt(t.get('backdrop_cues', []), spaced=True)})\s*"
                            rf"[^,.;:!?()\n]{{0,40}}(?:,[^,.;:!?()\n]{{1,14}},)?"
                            rf"[^,.;:!?()\n]{{0,30}}$", i),
        # the cue, then at most one word before the name ("parts of western Ohio")
        partial_place=re.compile(
            rf"\b(?:{_alt(t.get('partial_place_cues', []), spaced=True)})\s+(?:\w+\s+)?$", i),
        city_cue=re.compile(rf"\b(?:{_alt(t.get('city_cues', []), spaced=True)})\s+$", i),
        compass_part=re.compile(rf"\b(?:{_alt(t.get('compass_part_words', []))})\s+$")
        if t.get("compass_part_words") else re.compile(r"(?!)"),
        increment=re.compile(rf"\s*(?:{_alt(t.get('increment_words', []), spaced=True)})\b", i),
        event_locative=re.compile(
            rf"\b(?:{_alt(t.get('event_locative_prepositions', []))})\s+"
            rf"(?:(?:{_alt(t.get('event_locative_determiners', []))})\s+)?(?:[\w'-]+\s+){{0,2}}?"
            rf"(?:{_alt(t.get('event_nouns', []), spaced=True)})\b", i),
        reference=re.compile(
            rf"\b(?:{_alt(t.get('reference_prepositions', []), spaced=True)})\s+"
            rf"(?:(?:{_alt(t.get('locative_modifiers', []))})\s+){{0,3}}$", i),
        list_head=re.compile(rf"\b(?:{_alt(t.get('list_head_cues', []), spaced=True)})\b", i),
        list_bullets=tuple(t.get("list_bullets", [])),
        event_site=re.compile(
            rf"\b(?:{_alt(t.get('event_site_openers', []))})\s[^,;.]{{0,80}}?\b"
            rf"(?:{_alt(t.get('event_site_verbs', []), spaced=True)})\s[^,;.]{{0,40}}$", i),
        landfall=re.compile(
            rf"\b(?:{_alt(t.get('landfall_phrases', []), spaced=True)})\s+"
            rf"(?:{_alt(t.get('locative_prepositions', []))})\s+"
            rf"(?:(?:{_alt(t.get('articles', []))})\s+)?$", i),
        relative_pronouns=LemmaSet(t.get("relative_pronouns", []), lemma),
        part_cue=re.compile(rf"\b(?:{_alt(t.get('part_cues', []), spaced=True)})\b", i),
    )


def _both_cases(words: list[str]) -> list[str]:
    return [w.capitalize() for w in words] + list(words)


def _apposition(t: dict[str, Any]) -> re.Pattern[str]:
    """An apposition between a counted noun and its verb: ", five of them children, were"."""
    inner = _alt([*t.get("partitive_pronouns", []), *t.get("apposition_cues", [])])
    openers = _alt(t.get("apposition_openers", []))
    predicates = _alt(t.get("predicate_starts", []))
    return re.compile(rf",\s*(?:[^,;.]{{0,40}}\b(?:{inner})\b[^,;.]{{0,30}}|"
                      rf"(?:{openers})\b[^;.]{{0,80}}),(?=\s+(?:{predicates})\b)", re.IGNORECASE)


def _frames(f: dict[str, Any], lemma: Callable[[str], tuple[str, ...]]) -> Frames:
    entities: dict[Phrase, str] = {}
    for canonical, forms in f.get("entities", {}).items():
        for form in forms:
            entities[tuple(form.split())] = canonical
    measures: dict[Phrase, str] = {}
    for canonical, forms in f.get("measures", {}).items():
        for form in forms:
            measures.setdefault(tuple(form.split()), canonical)
    measured = {tuple(form.split()): canonical
                for canonical, forms in f.get("measured", {}).items() for form in forms}
    priced = {tuple(form.split()): canonical
              for canonical, forms in f.get("priced", {}).items() for form in forms}
    return Frames(
        noun_measures=_inverted(f.get("noun_measures", {}), lemma),
        whole_opener=re.compile(rf"\b(?:{_alt(f.get('whole_openers', []), spaced=True)})\s*$",
                                re.IGNORECASE),
        entities=LemmaTable(entities, lemma),
        subtypes=_words(f, "subtypes"),
        measures=LemmaTable(measures, lemma),
        measure_words=frozenset(w for phrase in measures for w in phrase),
        partitive_heads=tuple(f.get("partitive_heads", [])),
        partitive_cues=tuple(f.get("partitive_cues", [])),
        measured=LemmaTable(measured, lemma),
        priced=LemmaTable(priced, lemma),
        complement_openers=_words(f, "complement_openers"),
        complement_heads=LemmaSet(f.get("complement_heads", []), lemma),
        complement_breaks=_words(f, "complement_breaks"),
        complement_links=_words(f, "complement_links") or _words(f, "complement_openers"),
    )


def _inverted(table: dict[str, list[str]], lemma: Callable[[str], tuple[str, ...]]) -> LemmaTable:
    """Canonical name -> words, read the other way: each word (a phrase) -> its name."""
    return LemmaTable({tuple(form.split()): canonical
                       for canonical, forms in table.items() for form in forms}, lemma)


def _actors(t: dict[str, Any]) -> frozenset[str]:
    """Subject words that name a source of figures (an office, a body, a person's role)."""
    return _words(t, "subject_words") - _words(t, "function_words") \
        - _words(t, "possessive_nouns") - _words(t, "not_actors")


def _speech(t: dict[str, Any], lemma: Callable[[str], tuple[str, ...]]) -> Speech:
    verbs = tuple(t.get("speech_verbs", []))
    name = r"([A-Z][\w’'-]+(?:\s+(?:&\s+)?[A-Z][\w’'.-]+)+)"
    stops = _alt(t.get("phrase_stops", []))
    article = _alt(t.get("phrase_article", []))
    return Speech(
        verbs=verbs,
        verb_set=LemmaSet(verbs, lemma),
        verb_phrases=re.compile(rf"\b(?:{_alt([v for v in verbs if ' ' in v], spaced=True)})\b",
                                re.IGNORECASE),
        named_speaker=re.compile(rf"\b{name},\s+([^,;]{{3,90}}),\s+(?:{_alt(verbs)})\b"),
        prepositions=tuple((p, re.compile(rf"\b{re.escape(p)}\s+", re.IGNORECASE))
                           for p in t.get("speech_prepositions", [])),
        lead_prepositions=_words(t, "lead_prepositions"),
        lead=re.compile(rf"(?:\s*(?:{_alt(t.get('lead_words', []))})\b)+\s*", re.IGNORECASE),
        fixed=tuple((re.compile(rf"\b{re.escape(cue)}\b"), str(speaker))
                    for cue, speaker in t.get("fixed_speakers", {}).items()),
        owner=re.compile(r"([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,4})['’]s\s+(?:"
                         rf"{_alt(t.get('possessive_nouns', []))})\b"),
        data_nouns=_words(t, "possessive_nouns"),
        pronouns=_words(t, "pronouns"),
        subjects=_words(t, "subject_words"),
        first_person=_words(t, "first_person"),
        function_words=_words(t, "function_words"),
        leading_function_words=_words(t, "leading_function_words"),
        glue_words=_words(t, "glue_words"),
        perfect=re.compile(rf"(?:\s+(?:{_alt(t.get('perfect_auxiliaries', []), spaced=True)}))+\s*$"),
        perfect_inside=re.compile(rf"\s(?:{_alt(t.get('perfect_auxiliaries', []), spaced=True)})\s"),
        possessive_suffixes=_words(t, "possessive_suffixes"),
        phrase_article=_words(t, "phrase_article"),
        phrase_determiners=_words(t, "phrase_determiners"),
        phrase_after=re.compile(rf"\s*((?:(?:{article})\s+)?[^,.;:()“”\"]{{2,80}}?)"
                                rf"(?=\s*(?:,|\.|;|:|\(|$|\s+(?:{stops})\b))"),
        appositions=tuple(re.compile(p) for p in t.get("speaker_apposition_patterns", [])),
        name_non_openers=_words(t, "name_non_openers"),
        name_titles=_words(t, "name_titles"),
        generic=frozenset(load("attribution")["generic_speakers"]),
        skip_words=_words(t, "speaker_skip_words"),
        back_cues=tuple(t.get("back_reference_cues", [])),
        headline_cue=re.compile(load("attribution")["headline_cue"]),
        own_voice=re.compile(rf"\b(?:{_alt(t.get('own_voice_cues', []), spaced=True)})\b",
                             re.IGNORECASE),
        reported_mood=_words(t, "reported_mood"),
        owned=re.compile(r"([A-Z][\w.&’'-]*(?:\s+&?\s*[A-Z][\w.&’'-]*){0,4})['’]s\s+"
                         rf"(?:(?:[\w-]+\s+){{0,2}}(?:{_alt(t.get('owned_figure_nouns', []))})\s+"
                         rf"(?:{_alt(t.get('owned_figure_links', []))})\s+)?$"),
        # a lower-case owner is an office ("the interior ministry's count of"), and only
        # with a figure noun and its link after it: "the ministry's 40 staff" names no source
        owned_office=re.compile(
            rf"\b((?:[a-z][\w-]*\s+){{0,2}}(?:{_alt(_actors(t))}))['’]s\s+"
            rf"(?:[\w-]+\s+){{0,2}}(?:{_alt(t.get('owned_figure_nouns', []))})\s+"
            rf"(?:{_alt(t.get('owned_figure_links', []))})\s+$"),
        owned_links=_words(t, "owned_figure_links"),
        actors=_actors(t),
        impersonal=_words(t, "impersonal_pronouns"),
        reporting_prepositions=_words(t, "reporting_prepositions"),
        dropped=_words(t, "speaker_dropped_words"),
        place_verbs=_words(t, "place_speech_verbs"),
        event_clause=re.compile(rf"\b(?:{_alt(t.get('event_clause_openers', []))})\b",
                                re.IGNORECASE),
        report_nouns=tuple(t.get("report_nouns", [])),
        figure_objects=_words(t, "figure_object_nouns"),
        relative_openers=_words(t, "which_clause_openers"),
        setting_openers=_setting(t),
        passive=_words(t, "passive_auxiliaries"),
        agents=_words(t, "agent_prepositions"),
        cited_source=_cited_source(t),
    )


def _cited_source(t: dict[str, Any]) -> re.Pattern[str] | None:
    """A source's figures or estimate named before it ("a preliminary estimate by", "figures
    from"): what follows names the source."""
    preps = t.get("source_prepositions", [])
    nouns = [*t.get("possessive_nouns", []), *t.get("figure_object_nouns", [])]
    if not preps or not nouns:
        return None
    skipped = [*t.get("source_determiners", []), *t.get("speaker_dropped_words", [])]
    # a determiner, then up to two modifiers ("an early", "the latest official")
    return re.compile(rf"(?:(?:{_alt(skipped)})\s+)?(?:[a-z][\w-]*\s+){{0,2}}?"
                      rf"(?:{_alt(nouns)})\s+(?:{_alt(preps)})\s+", re.IGNORECASE)


def _setting(t: dict[str, Any]) -> re.Pattern[str] | None:
    """A sentence's opener that sets its own place or time ("In Dnipro,", "On Sunday,",
    "Elsewhere,"): a preposition and a capitalised word, or a setting adverb, then a comma."""
    preps, adverbs = t.get("setting_prepositions", []), t.get("setting_adverbs", [])
    if not preps and not adverbs:
        return None
    alts = []
    if preps:
        alts.append(rf"(?i:{_alt(preps, spaced=True)})\s+(?:[\w’'-]+\s+){{0,3}}?"
                    rf"[A-Z0-9][^,;.]{{0,50}}")
    if adverbs:
        alts.append(rf"(?i:{_alt(adverbs, spaced=True)})")
    return re.compile(rf"^\W*(?:{'|'.join(alts)}),")
