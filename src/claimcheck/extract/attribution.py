"""Who a sentence names as its source: the grammar of attribution phrases in one language
("X said", "according to X", "X put the figure at N", a headline "X says"), and one spelling
of a speaker's name. `speaker` carries what this finds along a paragraph."""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import cache

from rapidfuzz import fuzz

from claimcheck import places
from claimcheck.extract.vocabulary import Speech, Vocabulary
from claimcheck.lexicon import load
from claimcheck.text.clauses import WORD

_NAME = re.compile(r"\b[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){1,3}\b")
_APPOSED_NAME = re.compile(r"\s*,\s*([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+)")
_PUNCTUATION = ("-", "'", "’", ".")  # inside a word: "PowerOutage.us", "U.S."
_PLACE_OWNER = re.compile(r"^([^\W\d_][\w-]*)['’]s\s+(\w.+)$")
_BEFORE_INVERSION = (",", "”", "’", "\"", "'", "»", "-", "–", "—")  # "», — додав мер"
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}$")
CLAUSE_BREAK = re.compile(r"[,;]|(?<!\d):(?!\d)")  # not the colon of a clock time
_MASKED_DOT = "\u2024"  # a dot inside a name ("Gov. Roy", "poweroutage.us"), not a full stop
_INNER_DOT = re.compile(r"(?<=\w)\.(?=\w)|(?<=\b[A-Z][a-z])\.(?=\s+[A-Z])|"
                        r"(?<=\b[A-Z][a-z]{2})\.(?=\s+[A-Z])|(?<=\b[A-Z][a-z]{3})\.(?=\s+[A-Z])")
_DOMAIN = re.compile(r"^\w[\w-]*\.[a-z]{2,6}$")  # a web site named as a source


def clause_subject(words: Vocabulary, clause: str) -> str | None:
    """The subject that opens a clause and names someone, followed by a verb: capitalised
    words, office words and their modifiers ("Киевский городской голова Виталий Кличко")."""
    speech = words.speech
    picked: list[re.Match[str]] = []
    found = list(WORD.finditer(clause))[:12]
    for k, w in enumerate(found):
        low = w.group().lower()
        gap = clause[picked[-1].end() : w.start()] if picked else clause[: w.start()]
        if gap.strip(" .&") or "\n" in gap:
            break
        nxt = found[k + 1].group() if k + 1 < len(found) else ""
        pair = f"{picked[-1].group().lower()} {low}" if picked else ""
        if capital(w.group()) or low in speech.offices or low in speech.determiners or \
                pair in speech.subjects or \
                (picked and low in speech.function_words) or \
                (nxt.lower() in speech.offices and low not in words.stop_words):
            picked.append(w)
            continue
        break
    while picked and (picked[-1].group().lower() in speech.function_words
                      or picked[-1].group().lower() in speech.determiners):
        picked.pop()
    head = picked[0].group().lower() if picked else ""
    if head not in speech.determiners and head not in speech.offices and (
            head in words.stop_words or
            (len(picked) > 1 and picked[1].group().lower() in speech.determiners)):
        return None  # "Aus dem Kreis Altenkirchen kamen ...": a preposition's phrase
    while picked and picked[0].group().lower() in speech.determiners:
        picked.pop(0)
    if not picked or len(picked) == len(found):
        return None  # no verb after it: a noun phrase, not a clause's subject
    phrase = clause[picked[0].start() : picked[-1].end()]
    named = [w for w in picked if capital(w.group())]
    if not office_in(speech, phrase, speech.offices) and len(named) < 2:
        return None
    if places.resolve(phrase) is not None or phrase.lower() in words.stop_words:
        return None
    return phrase


def office_in(speech: Speech, phrase: str, offices: frozenset[str]) -> bool:
    """Whether a phrase holds an office word of `offices`, or an office of two words
    ("Protezione civile")."""
    low = phrase.lower().split()
    return any(w in offices for w in low) or \
        any(f"{a} {b}" in speech.subjects for a, b in itertools.pairwise(low))


def attribution(words: Vocabulary, sentence: str) -> str | None:
    """The speaker a sentence attributes its figures to, or None for the outlet's own voice."""
    return attributed(words, sentence)[0]


def bare(speech: Speech, phrase: str) -> str:
    """The phrase without its leading article: "die Polizei" and "Polizei" are one speaker."""
    head, _, rest = phrase.partition(" ")
    low = head.lower()
    articles = speech.articles
    if rest and (low in articles or low.endswith("'") and low in articles):
        phrase = rest
    while " " in phrase and phrase.split(" ", 1)[0].lower() in speech.dropped:
        phrase = phrase.split(" ", 1)[1]  # "the latest official figure": one source, any day
    # "Ukraine's Defense Intelligence agency" is the agency of Ukraine: the office first
    owner = _PLACE_OWNER.match(phrase)
    if owner and places.resolve(owner.group(1)) is not None:
        return f"{owner.group(2)} of {owner.group(1)}"
    return phrase


def attributed(words: Vocabulary, sentence: str) -> tuple[str | None, bool]:
    """The speaker of a sentence and whether a speech verb names them (not a preposition)."""
    speech = words.speech
    head = _headline_source(words, sentence)
    if head is not None:
        return head, False
    # "NAME, who speaks for ..., said" / "NAME, governor of X, said": the name is the speaker
    for m in speech.named_speaker.finditer(sentence):
        middle = {w.lower() for w in WORD.findall(m.group(2))}
        if not any(w in speech.verb_set for w in middle) and places.resolve(m.group(1)) is None:
            return m.group(1), True
    cited = _after_preposition(speech, sentence)
    if cited is not None:
        named = cited[0].split(" ")
        while len(named) > 1 and named[0].lower() in speech.articles:
            named.pop(0)  # "a statement the city council posted"
        head, _, rest = " ".join(named).partition(" ")
        article, _, office = rest.partition(" ")
        if head.lower() in speech.data_nouns and article.lower() in speech.articles and office:
            cited = (office, cited[1])  # "a statement the city council posted": the council
        # "X reported, citing Y": reported speech, which runs on like "Y said"
        return bare(speech, cited[0]), cited[1].lower() in speech.reporting_prepositions
    found = _around_verb(words, sentence)
    if found is not None:
        # "Interior ministry figures show ...": data cited, not speech that runs on
        spoke = not any(w in speech.data_nouns for w in found.lower().split())
        return bare(speech, found), spoke
    low = sentence.lower()
    for cue, speaker in speech.fixed:
        if cue.search(low):
            return speaker, False
    owner = speech.owner.search(sentence)
    return (bare(speech, owner.group(1)) if owner else None), False


def _after_preposition(speech: Speech, sentence: str) -> tuple[str, str] | None:
    """ "according to the regional governor", "según explicó el jueves la alcaldesa": the
    source and the preposition that cites it."""
    roles = speech.cited_roles
    for prep, pattern in speech.prepositions:
        cue = pattern.search(sentence)
        if not cue:
            continue
        start = cue.end()
        lead = speech.lead.match(sentence[start:])
        if lead and prep.lower() in speech.lead_prepositions:
            start += lead.end()  # skip the verb and the day after the preposition
        source = speech.cited_source.match(sentence, start) if speech.cited_source else None
        if source is not None:
            start = source.end()  # "according to a preliminary estimate by X": X
        np = noun_phrase_after(speech, sentence, start)
        if np and _names_someone(speech, np, roles):
            return np, prep
    return None


def _names_someone(speech: Speech, phrase: str, roles: frozenset[str], *,
                   cited: bool = True) -> bool:
    """A phrase that names a source: a capital, an office word, or a determiner before one
    ("le décompte de la Place Beauveau", "eine Sprecherin"); after a citing preposition an
    office word anywhere will do ("the interior ministry")."""
    words = [w.strip(",") for w in phrase.split()]
    if not words:
        return False
    if words[0][:1].isupper() or words[0].lower() in roles or any(map(_DOMAIN.match, words)):
        return True
    offices = speech.offices
    return any(capital(w) or w.lower() in offices for w in words[1:]) and (
        words[0].lower() in speech.determiners
        or (cited and any(w.lower() in offices for w in words)))


def _around_verb(words: Vocabulary, sentence: str) -> str | None:
    """The subject of a speech verb, before it or (inverted) after it."""
    speech = words.speech
    roles = speech.roles
    for start, end in _verb_spans(speech, sentence):
        if _attributive(speech, sentence, start):
            continue  # "the county's confirmed death toll": an adjective, not a verb
        if _passive(speech, sentence, start, end):
            continue  # "explosions were also reported in Odesa": nobody named says so
        after = noun_phrase_after(speech, sentence, _skip_ahead(speech, sentence, end))
        # "X, the union, put the figure at 3.5 million": the figure, and X is the speaker
        counted = after is not None and _figure_object(speech, after)
        if after and (counted or not (after.lower() in speech.pronouns
                                      or _names_someone(speech, after, roles, cited=False))):
            after = None
        # ", said Myroslav Biletskyi": after a comma the speaker follows the verb
        if after and sentence[:start].rstrip().endswith(_BEFORE_INVERSION):
            return after
        before = noun_phrase_before(words, sentence, _past_relative(speech, sentence, start)
                                    if counted else start)
        if before and before.split()[-1].lower() in speech.function_words:
            before = None  # "visited the hospital and said": the clause's subject says it
        if before and places.resolve(before) is not None and \
                not any(w.lower() in speech.subjects for w in before.split()) and \
                sentence[start:end].lower() not in speech.place_verbs:
            continue  # "the city of Genoa gave way": a place does not speak ("Ukraine says" does)
        if before and before.lower() not in speech.first_person:
            return before
        if after:
            return after
        # "Joe Biden visited the region and announced ...": the subject opening the clause
        breaks = [m.end() for m in CLAUSE_BREAK.finditer(sentence, 0, start)]
        opening = clause_subject(words, sentence[breaks[-1] if breaks else 0 : start])
        if opening is not None and sum(capital(w) for w in opening.split()) >= 2:
            return opening
    return None


_FIGURE_OBJECT_WORDS = 3  # the figure's noun stands among the object's first words


def _figure_object(speech: Speech, phrase: str) -> bool:
    """Whether the phrase after a verb is the figure it gives ("the figure at 3.5 million",
    "the death toll at 52"), not a speaker named after the verb."""
    low = phrase.lower().split()
    while low and (low[0] in speech.determiners or low[0] in speech.dropped):
        low.pop(0)
    # a modifier may stand before the noun: "the Paris crowd at", "the official death toll at"
    head = low[:_FIGURE_OBJECT_WORDS]
    return any(w in speech.figure_objects or " ".join(head[k : k + 2]) in speech.figure_objects
               for k, w in enumerate(head))


def _past_relative(speech: Speech, sentence: str, pos: int) -> int:
    """Before a relative clause between commas that ends at `pos` ("X, which organised the
    march, put"): where the subject it describes ends; `pos` itself when there is none."""
    head = sentence[:pos].rstrip()
    if not head.endswith(","):
        return pos
    opening = head.rfind(",", 0, len(head) - 1)
    first = WORD.search(head, opening + 1) if opening > 0 else None
    if first is None or first.group().lower() not in speech.relative_openers:
        return pos
    return opening


def _verb_spans(speech: Speech, sentence: str) -> list[tuple[int, int]]:
    """Where speech verbs stand: single words (by form or lemma) and phrases ("fait état")."""
    is_verb = speech.verb_set.lookup()
    spans = [(m.start(), m.end()) for m in WORD.finditer(sentence) if is_verb(m.group().lower())]
    spans += [(m.start(), m.end()) for m in speech.verb_phrases.finditer(sentence)]
    return sorted(spans)


def _attributive(speech: Speech, sentence: str, pos: int) -> bool:
    """A verb form after an article, a possessive or a figure is an adjective: "the reported
    toll", "10 confirmed deaths"."""
    head = sentence[:pos].rstrip()
    if head[-1:].isdigit():
        return not _CLOCK.search(head)  # "10 confirmed deaths", not "as of 05:00 reported"
    before = list(WORD.finditer(sentence, max(0, pos - 30), pos))
    if not before or before[-1].end() + 1 < pos:
        return False
    word = before[-1].group().lower()
    return word in speech.phrase_article or word in speech.possessive_suffixes or \
        word.endswith(("'s", "’s"))


def _passive(speech: Speech, sentence: str, start: int, end: int) -> bool:
    """A speech verb after a passive auxiliary ("were also reported") with no agent after it
    ("by the governor"): what was said, not who said it."""
    if not speech.passive:
        return False
    before = [w.group().lower() for w in WORD.finditer(sentence, max(0, start - 40), start)]
    while before and before[-1] in speech.skip_words:
        before.pop()
    agent = WORD.match(sentence, end + len(sentence[end:]) - len(sentence[end:].lstrip()))
    return bool(before) and before[-1] in speech.passive and not (
        agent is not None and agent.group().lower() in speech.agents)


def _skip_ahead(speech: Speech, sentence: str, pos: int) -> int:
    """Past the words between a verb and its speaker: "написал в телеграме глава ..."."""
    while True:
        m = WORD.match(sentence, pos + len(sentence[pos:]) - len(sentence[pos:].lstrip()))
        if not m or m.group().lower() not in speech.skip_words:
            return pos
        pos = m.end()


def _skip_back(speech: Speech, sentence: str, pos: int) -> int:
    """Before the words between a subject and its verb: an auxiliary, a day ("am Donnerstag"),
    a party in brackets ("Roger Lewentz (SPD) hatte ... gesagt")."""
    clause = max(sentence.rfind(c, 0, pos) for c in ",;:") + 1
    auxes = list(speech.perfect_inside.finditer(sentence, clause, pos))
    if auxes:
        pos = auxes[-1].start()  # "X hatte am Freitag noch von 63 Toten gesprochen"
    while True:
        head = sentence[:pos].rstrip()
        aux = speech.perfect.search(head)
        if aux:
            pos = aux.start()  # "the authorities have confirmed"
            continue
        if head.endswith(")") and "(" in head:
            pos = head.rindex("(")
            continue
        last = list(WORD.finditer(head[-40:]))
        if last and last[-1].group().lower() in speech.skip_words and \
                last[-1].end() == len(head[-40:]):
            pos = len(head) - len(head[-40:]) + last[-1].start()
            continue
        return pos


def _headline_source(words: Vocabulary, sentence: str) -> str | None:
    """ "Polizei: 18 Tote nach Unwetter": a short source before a colon, if an office or a
    person (never a place: "Ahrtal: Zahl der Flutopfer steigt")."""
    m = words.speech.headline_cue.match(sentence)
    if not m:
        return None
    head = m.group(1).strip()
    parts = head.split()
    if len(parts) > 4 or places.resolve(head) is not None or \
            any(w.lower() in words.speech.verb_set for w in parts):
        return None  # "Mayor X said: ..." is a speech verb's business
    if any(w.lower() in words.speech.offices for w in parts):
        return head
    caps = [w for w in parts if w[:1].isupper()]
    return head if len(parts) >= 2 and len(caps) == len(parts) else None


def noun_phrase_before(words: Vocabulary, sentence: str, pos: int) -> str | None:
    """The subject right before a speech verb: "Governor Maksym Kozytskyi said"."""
    speech = words.speech
    pos = _skip_back(speech, sentence, pos)
    picked = _subject_words(words, sentence, pos)
    while picked and picked[0].group().lower() in speech.leading_function_words:
        picked.pop(0)
    if not picked:
        return None
    phrase = sentence[picked[0].start() : picked[-1].end()]
    if phrase.lower() in speech.pronouns:
        return phrase
    offices = speech.offices
    if not any(capital(w.group()) or w.group().lower() in offices for w in picked):
        return None
    if picked[0].group()[:1].isupper() and picked[0].start() == _first_word_start(sentence) and \
            len(picked) == 1 and picked[0].group().lower() in words.stop_words:
        return None
    return phrase


def _subject_words(words: Vocabulary, sentence: str, pos: int) -> list[re.Match[str]]:
    """The words of the subject ending at `pos`: names, office words and their modifiers."""
    speech = words.speech
    picked: list[re.Match[str]] = []
    for w in reversed(list(WORD.finditer(sentence, 0, pos))):
        between = sentence[w.end() : (picked[0].start() if picked else pos)]
        if not picked and between.strip() == ",":
            between = " "  # "The railway company, Ukrzaliznytsia, said"
        glue = between.strip()
        if any(c in between for c in ",;:\"“”‘(") or (
                glue and glue not in speech.possessive_suffixes and glue not in _PUNCTUATION):
            break
        lw = w.group().lower()
        if lw in speech.skip_words:
            break  # "On Sunday the police said": a day is never part of the speaker
        if capital(w.group()) or lw in speech.subjects or lw in speech.pronouns:
            picked.insert(0, w)
            if lw in speech.pronouns:
                break
            continue
        # a modifier of an office: "the air force", "the fire service"
        head = picked[0].group().lower() if picked else ""
        if head in speech.offices and lw not in words.stop_words \
                and lw not in words.verbish and lw not in speech.verb_set and len(picked) < 4:
            picked.insert(0, w)
            continue
        break
    return picked


_ELIDED = re.compile(r"^\w{1,4}['’](?=\w)")


def capital(word: str) -> bool:
    """A capitalised word, after an elided article too ("l'Intérieur", "dell'Interno")."""
    elided = _ELIDED.match(word)
    return word[elided.end() if elided else 0 :][:1].isupper()


def _first_word_start(sentence: str) -> int:
    m = WORD.search(sentence)
    return m.start() if m else 0


def noun_phrase_after(speech: Speech, sentence: str, pos: int) -> str | None:
    """The phrase after a cue, up to punctuation or a clause word: "the regional governor"."""
    m = speech.phrase_after.match(_INNER_DOT.sub(_MASKED_DOT, sentence[pos:]))
    if not m:
        return None
    phrase = m.group(1).strip().replace(_MASKED_DOT, ".")
    words = phrase.split()
    if not words or len(words) > 10:
        return None
    if words[0].lower() in speech.phrase_article:
        phrase = " ".join(words[1:])
    # "said the mayor, Anna Kovalenko": the name in apposition belongs to the phrase
    name = _APPOSED_NAME.match(sentence[pos + m.end() :])
    if name and phrase and phrase[:1].islower():
        phrase = f"{phrase}, {name.group(1)}"
    return phrase or None


def last_name(speech: Speech, before: str) -> str | None:
    """The last person-like name (two to four capitalised words, not a place) in `before`."""
    for m in reversed(list(_NAME.finditer(before[-600:]))):
        name = m.group()
        words = name.split()
        offices = [i for i, w in enumerate(words) if w.lower() in speech.subjects]
        if offices and len(words) - offices[-1] > 2:
            # "Kramatorsk Mayor Oleksandr Honcharenko": the person after the office
            name = " ".join(words[offices[-1] + 1 :])
            words = name.split()
        elif offices and len(words) - offices[-1] == 2 and words[-2] in speech.name_titles \
                and places.resolve(words[-1]) is None:
            return words[-1]  # "President Zelensky": a title and a surname
        elif offices:
            continue  # an office or a body ("Air Force"), not a person a pronoun points to
        if places.resolve(name) is None and words[0] not in speech.name_non_openers:
            return name
        if words[0] in speech.name_titles and len(words) > 2:
            return " ".join(words[1:])
    return None


def looks_like_person(name: str) -> bool:
    caps = [w for w in name.split() if w[:1].isupper()]
    return len(caps) >= 2 or (len(caps) == 1 and len(name.split()) == 1)


@cache
def speaker_key(name: str) -> str:
    """A speaker's name in one spelling: lower case, Latin letters, no accents nor punctuation
    ("Віталій Кличко" -> "vitalii klychko", "Gérald" -> "gerald")."""
    table = load("attribution")["transliteration"]
    latin = "".join(table.get(ch, ch) for ch in name.lower())
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", latin) if not unicodedata.combining(ch))
    key = " ".join(re.findall(r"[^\W_]+", plain))
    for spelled, one in load("attribution")["key_spellings"]:
        key = key.replace(spelled, one)
    return key


def same_speaker(a: str | None, b: str | None) -> bool:
    """Whether two speakers are one: the same key up to a title, an office or a spelling
    ("Kyiv Mayor Vitali Klitschko" / "Віталій Кличко" / "Klitschko"), fuzzy-matched."""
    if a is None or b is None:
        return a is b
    ka, kb = speaker_key(a), speaker_key(b)
    if not ka or not kb:
        return ka == kb
    return bool(fuzz.token_set_ratio(ka, kb) >= load("attribution")["same_speaker_ratio"])
