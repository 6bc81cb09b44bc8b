"""Who says so: the speaker a sentence attributes its figures to, carried along a paragraph."""

from __future__ import annotations

import re
from dataclasses import replace

from claimcheck import places
from claimcheck.extract.context import Context, SpeakerState
from claimcheck.extract.vocabulary import Speech, Vocabulary
from claimcheck.text import Sentence
from claimcheck.text.clauses import WORD
from claimcheck.text.sentences import QUOTES

_NAME = re.compile(r"\b[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){1,3}\b")
_APPOSED_NAME = re.compile(r"\s*,\s*([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+)")
_PUNCTUATION = ("-", "'", "’")


def speak(ctx: Context, sentence: Sentence, state: SpeakerState,
          has_claims: bool) -> tuple[str | None, SpeakerState]:
    """The speaker of `sentence` and the state the next sentence starts from."""
    speech = ctx.words.speech
    found = attribution(ctx.words, ctx.text[sentence.start : sentence.end])
    if found is not None:
        if found.lower() in speech.pronouns:
            found = last_name(speech, ctx.text[: sentence.start]) or state.person or state.speaker
        elif found not in speech.generic and _looks_like_person(found):
            state = replace(state, person=found)
        if found is not None:
            had = state.had_claims if state.paragraph == sentence.paragraph else False
            state = replace(state, speaker=found, paragraph=sentence.paragraph, had_claims=had)
        return found, state
    if state.speaker is None:
        return None, state
    if state.paragraph == sentence.paragraph:
        return state.speaker, state
    first = ctx.text[sentence.start : sentence.start + 1]
    para_start = sentence.index == 0 or ctx.sentences[sentence.index - 1].paragraph != \
        sentence.paragraph
    follows = para_start and state.paragraph == sentence.paragraph - 1
    # a paragraph that opens a quote continues the last speaker's quote
    if follows and (first in QUOTES or (state.had_claims and has_claims
                                        and state.speaker not in speech.generic)):
        return state.speaker, replace(state, paragraph=sentence.paragraph)
    return None, state


def attribution(words: Vocabulary, sentence: str) -> str | None:
    """The speaker a sentence attributes its figures to, or None for the outlet's own voice."""
    speech = words.speech
    # "NAME, who speaks for ..., said" / "NAME, governor of X, said": the name is the speaker
    for m in speech.named_speaker.finditer(sentence):
        middle = {w.lower() for w in WORD.findall(m.group(2))}
        if not any(w in speech.verb_set for w in middle) and places.resolve(m.group(1)) is None:
            return m.group(1)
    found = _after_preposition(speech, sentence)
    if found is None:
        found = _around_verb(words, sentence)
    if found is not None:
        return found
    low = sentence.lower()
    for cue, speaker in speech.fixed:
        if cue.search(low):
            return speaker
    owner = speech.owner.search(sentence)
    return owner.group(1) if owner else None


def _after_preposition(speech: Speech, sentence: str) -> str | None:
    """ "according to the regional governor", "según explicó el jueves la alcaldesa"."""
    roles = speech.subjects - speech.leading_function_words
    for prep, pattern in speech.prepositions:
        cue = pattern.search(sentence)
        if not cue:
            continue
        start = cue.end()
        lead = speech.lead.match(sentence[start:])
        if lead and prep.lower() in speech.lead_prepositions:
            start += lead.end()  # skip the verb and the day after the preposition
        np = noun_phrase_after(speech, sentence, start)
        if np and (np[:1].isupper() or np.split()[0].strip(",").lower() in roles
                   or np.split()[0].lower() in speech.phrase_determiners):
            return np
    return None


def _around_verb(words: Vocabulary, sentence: str) -> str | None:
    """The subject of a speech verb, before it or (inverted) after it."""
    speech = words.speech
    roles = speech.subjects - speech.glue_words
    for m in WORD.finditer(sentence):
        if m.group().lower() not in speech.verb_set:
            continue
        after = noun_phrase_after(speech, sentence, m.end())
        if after and not (after[:1].isupper() or after.lower() in speech.pronouns
                          or after.split()[0].strip(",").lower() in roles):
            after = None
        # ", said Myroslav Biletskyi": after a comma the speaker follows the verb
        if after and sentence[: m.start()].rstrip().endswith((",", "”", "’", "\"", "'")):
            return after
        before = noun_phrase_before(words, sentence, m.start())
        if before and before.lower() not in speech.first_person:
            return before
        if after:
            return after
    return None


def noun_phrase_before(words: Vocabulary, sentence: str, pos: int) -> str | None:
    """The subject right before a speech verb: "Governor Maksym Kozytskyi said"."""
    speech = words.speech
    aux = speech.perfect.search(sentence[:pos])
    if aux:
        pos = aux.start()  # "the authorities have confirmed"
    picked = _subject_words(words, sentence, pos)
    while picked and picked[0].group().lower() in speech.leading_function_words:
        picked.pop(0)
    if not picked:
        return None
    phrase = sentence[picked[0].start() : picked[-1].end()]
    if phrase.lower() in speech.pronouns:
        return phrase
    offices = speech.subjects - speech.function_words
    if not any(w.group()[:1].isupper() or w.group().lower() in offices for w in picked):
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
        if w.group()[:1].isupper() or lw in speech.subjects or lw in speech.pronouns:
            picked.insert(0, w)
            if lw in speech.pronouns:
                break
            continue
        # a modifier of an office: "the air force", "the fire service"
        head = picked[0].group().lower() if picked else ""
        if head in speech.subjects - speech.function_words and lw not in words.stop_words \
                and lw not in words.verbish and lw not in speech.verb_set and len(picked) < 4:
            picked.insert(0, w)
            continue
        break
    return picked


def _first_word_start(sentence: str) -> int:
    m = WORD.search(sentence)
    return m.start() if m else 0


def noun_phrase_after(speech: Speech, sentence: str, pos: int) -> str | None:
    """The phrase after a cue, up to punctuation or a clause word: "the regional governor"."""
    m = speech.phrase_after.match(sentence[pos:])
    if not m:
        return None
    phrase = m.group(1).strip()
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
        if any(w.lower() in speech.subjects for w in name.split()):
            continue  # an office or a body ("Air Force"), not a person a pronoun points to
        words = name.split()
        if places.resolve(name) is None and words[0] not in speech.name_non_openers:
            return name
        if words[0] in speech.name_titles and len(words) > 2:
            return " ".join(words[1:])
    return None


def _looks_like_person(name: str) -> bool:
    caps = [w for w in name.split() if w[:1].isupper()]
    return len(caps) >= 2 or (len(caps) == 1 and len(name.split()) == 1)
