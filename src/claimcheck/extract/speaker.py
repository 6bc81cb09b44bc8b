"""Who says so: the speaker a sentence attributes its figures to, carried along a paragraph."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace

from claimcheck.extract.attribution import (
    CLAUSE_BREAK,
    attributed,
    attribution,
    bare,
    clause_subject,
    last_name,
    looks_like_person,
    same_speaker,
    speaker_key,
)
from claimcheck.extract.context import Context, SpeakerState
from claimcheck.extract.vocabulary import Speech
from claimcheck.extract.when import QUOTE_PAIRS, names_earlier_event, names_past
from claimcheck.text import Sentence
from claimcheck.text.clauses import WORD
from claimcheck.text.sentences import QUOTES

_NAMES_KEPT = 8  # the speakers named so far that a bare office can stand for
_WHOLE_PARAGRAPH = -2  # SpeakerState.sentence of a paragraph that continues the last speaker
_SENTENCE_END = (".", "!", "?", "…", "»", "”", "\"", "’", "'", ")")


@dataclass(frozen=True)
class Said:
    """Who a sentence's figures are attributed to: the speaker it names (or runs on from an
    earlier sentence: `carried`), and the spans of it that name a speaker of their own
    ("According to X, A; B": the part after the semicolon is nobody's)."""

    speaker: str | None = None
    carried: bool = False
    clauses: tuple[tuple[int, int, str | None], ...] = ()  # (start, end, speaker), offsets


def speak(ctx: Context, sentence: Sentence, state: SpeakerState,
          has_claims: bool) -> tuple[Said, SpeakerState]:
    """Who `sentence` attributes its figures to, and the state the next sentence starts from."""
    speech = ctx.words.speech
    text = ctx.text[sentence.start : sentence.end]
    if speech.own_voice.search(text):  # "as we reported earlier": the outlet's own voice,
        return Said(), replace(state, speaker=None)  # which ends the last speaker's run
    found, spoke = attributed(ctx.words, text)
    if found is None:
        later = told_after(ctx, sentence) or quoted_by(ctx, sentence)
        if later is not None:
            return Said(later), state  # "... Про це повідомив мер": named after, for these only
    if found is not None:
        found, state = _resolve(ctx, sentence, found, spoke, state)
        clauses = _segments(ctx, sentence, state) if found is not None else ()
        return Said(found, clauses=clauses), state
    if state.speaker is None or _heading(ctx, sentence) or not _reported(speech, text) \
            or _own_setting(ctx, text, state.speaker):
        return Said(), state
    if state.paragraph == sentence.paragraph:
        # reported speech ("X said") runs on to the next sentence only, unless the whole
        # paragraph continues a briefing (below); a source cited ("according to X") does not
        if state.sentence == _WHOLE_PARAGRAPH or (state.sentence == sentence.index - 1
                                                  and state.spoke):
            return Said(state.speaker, carried=True), state
        return Said(), state
    first = text[:1]
    para_start = sentence.index == 0 or ctx.sentences[sentence.index - 1].paragraph != \
        sentence.paragraph
    follows = para_start and state.paragraph == sentence.paragraph - 1
    # a paragraph that opens a quote continues the last speaker's quote
    # (a speaker who gave figures in their own words, not a source cited "according to"),
    # but not one that opens on an event long past: background in the outlet's voice
    if follows and (first in QUOTES or (state.had_claims and has_claims and state.spoke
                                        and state.speaker not in speech.generic
                                        and not names_past(ctx, sentence)
                                        and not names_earlier_event(ctx, sentence))):
        return Said(state.speaker, carried=True), replace(state, paragraph=sentence.paragraph,
                                                          sentence=_WHOLE_PARAGRAPH)
    return Said(), state


def _resolve(ctx: Context, sentence: Sentence, found: str, spoke: bool,
             state: SpeakerState) -> tuple[str | None, SpeakerState]:
    """A speaker as named (a pronoun is the person named before, a bare office the fuller
    name given before), and the state it leaves."""
    speech = ctx.words.speech
    if found.lower() in speech.impersonal and state.speaker is not None:
        resolved: str | None = state.speaker  # "It described ...": the office named before
    elif found.lower() in speech.pronouns:
        named = last_name(speech, ctx.text[: sentence.start])
        if named and state.person and named in state.person:
            named = state.person  # the name as given with its title
        resolved = named or state.person or state.speaker
    elif found not in speech.generic:
        resolved = _named_before(speech, found, state.names)
        if looks_like_person(resolved):
            state = replace(state, person=resolved)
    else:
        resolved = found
    if resolved is not None:
        had = state.had_claims if state.paragraph == sentence.paragraph else False
        state = replace(state, speaker=resolved, paragraph=sentence.paragraph, had_claims=had,
                        sentence=sentence.index, spoke=spoke,
                        names=(*state.names, resolved)[-_NAMES_KEPT:])
    return resolved, state


def _segments(ctx: Context, sentence: Sentence,
              state: SpeakerState) -> tuple[tuple[int, int, str | None], ...]:
    """The parts of a sentence between semicolons, each with its own speaker: a part that
    names none is said by the next part's speaker ("A; B, officials said"), else by the
    speaker of an earlier part who speaks ("X said A; B"), but not by a source an earlier
    part cites ("According to X, A; B": B is the outlet's)."""
    text = ctx.text[sentence.start : sentence.end]
    if ";" not in text:
        return ()
    cuts = [0, *(i + 1 for i, ch in enumerate(text) if ch == ";"), len(text)]
    parts = []
    for lo, hi in itertools.pairwise(cuts):
        who, spoke = attributed(ctx.words, text[lo:hi])
        if who is not None:
            who = state.speaker if who.lower() in ctx.words.speech.pronouns else \
                _named_before(ctx.words.speech, who, state.names)
        parts.append((lo, hi, who, spoke))
    out: list[tuple[int, int, str | None]] = []
    for k, (lo, hi, who, _) in enumerate(parts):
        if who is None:
            later = [w for _, _, w, _ in parts[k + 1 :] if w is not None]
            earlier = [(w, spoke) for _, _, w, spoke in parts[:k] if w is not None]
            who = later[0] if later else earlier[-1][0] if earlier and earlier[-1][1] else None
        out.append((sentence.start + lo, sentence.start + hi, who))
    return tuple(out)


def _heading(ctx: Context, sentence: Sentence) -> bool:
    """A line of its own with no closing stop: a heading, in nobody's voice."""
    text = ctx.text[sentence.start : sentence.end].rstrip()
    alone = (sentence.index == 0 or ctx.sentences[sentence.index - 1].paragraph != sentence.paragraph) \
        and (sentence.index + 1 >= len(ctx.sentences)
             or ctx.sentences[sentence.index + 1].paragraph != sentence.paragraph)
    return alone and not text.endswith(_SENTENCE_END)


def _own_setting(ctx: Context, text: str, speaker: str) -> bool:
    """Whether a sentence opens a setting of its own ("In Dnipro, 12 were hurt.", "On Sunday,
    ...") or a subject that is a source of its own ("Rescuers pulled ..."): it no longer
    continues the speech before, so the last speaker does not run on to it."""
    speech = ctx.words.speech
    if text.lstrip()[:1] in QUOTES:
        return False
    if speech.setting_openers is not None and speech.setting_openers.match(text):
        return True
    subject = clause_subject(ctx.words, CLAUSE_BREAK.split(text, maxsplit=1)[0])
    return subject is not None and not same_speaker(bare(speech, subject), speaker) and \
        bare(speech, subject).lower() not in speech.pronouns


def _reported(speech: Speech, text: str) -> bool:
    """Whether a sentence can be reported speech run on from the one before: in a language
    that marks it by mood (German "seien", "würden") only a sentence in that mood, or a quote."""
    if not speech.reported_mood:
        return True
    if text.lstrip()[:1] in QUOTES:
        return True
    return any(w.group().lower() in speech.reported_mood for w in WORD.finditer(text))


def _named_before(speech: Speech, found: str, names: tuple[str, ...]) -> str:
    """A bare office ("die Polizei", "the ministry") is the fuller name given earlier that
    contains it ("Polizei Koblenz"): one speaker, one name in a document."""
    words = speaker_key(found).split()
    plain = speech.plain_words
    if not words or any(w not in plain for w in found.lower().split()):
        return found
    for name in reversed(names):
        if set(words) <= set(speaker_key(name).split()):
            return name
    return found


def told_after(ctx: Context, sentence: Sentence) -> str | None:
    """The speaker a later sentence names for this one: "Об этом сообщил глава МВД" after
    the figures, in the same paragraph or opening the next; None when another speaker or
    a sentence of the outlet's own comes first."""
    speech = ctx.words.speech
    if not speech.back_cues:
        return None
    for later in ctx.sentences[sentence.index + 1 : sentence.index + 4]:
        if later.paragraph > sentence.paragraph + 1:
            return None
        text = ctx.text[later.start : later.end]
        if later.paragraph != sentence.paragraph and not (
                later.index > 0 and ctx.sentences[later.index - 1].paragraph == sentence.paragraph):
            return None  # only the first sentence of the next paragraph can point back
        if text.lstrip(QUOTES + " ").lower().startswith(speech.back_cues):
            return attribution(ctx.words, text)
        if later.paragraph != sentence.paragraph or attribution(ctx.words, text) is not None:
            return None
    return None


def quoted_by(ctx: Context, sentence: Sentence) -> str | None:
    """The speaker of a quote that opens this sentence and closes in a later sentence of its
    paragraph ("“We found 12 bodies. More are missing,” the sheriff said."): the one named
    after the closing mark, if any."""
    text = ctx.text[sentence.start : sentence.end].lstrip()
    closer = QUOTE_PAIRS.get(text[:1])
    if closer is None or closer in text[1:]:
        return None
    for later in ctx.sentences[sentence.index + 1 : sentence.index + 4]:
        if later.paragraph != sentence.paragraph:
            return None
        rest = ctx.text[later.start : later.end]
        at = rest.find(closer)
        if at >= 0:
            found = attribution(ctx.words, rest[at:])
            return None if found is None or found.lower() in ctx.words.speech.pronouns else found
    return None
