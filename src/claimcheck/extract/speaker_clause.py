"""Who says so, figure by figure: the speaker of a figure's own clause over its sentence's.

`speaker.speak` reads a sentence's speaker (named, or run on from the one before) into a
`speaker.Said`; `figure_speaker` then reads each figure in its clause: an owner right before
it, a fixed cue in its clause, a clause telling the event, a named office doing what it
counts, and what a run-on speaker may not take.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import re

from claimcheck import places
from claimcheck.extract import attribution, speaker
from claimcheck.extract.context import Context
from claimcheck.extract.when import RECENT_DAYS
from claimcheck.lexicon import load
from claimcheck.text import Sentence
from claimcheck.text.clauses import WORD


def figure_speaker(ctx: Context, said: speaker.Said, sentence: Sentence, start: int, kind: str,
                   day: dt.date | None) -> str | None:
    """The speaker of one figure (`_figure_speaker`); in a document that is its publisher's own
    report, the publisher for a figure nobody else is said to give."""
    who = _figure_speaker(ctx, said, sentence, start, kind, day)
    return who if who is not None else ctx.per_span(("publisher",), lambda: publisher(ctx))


_GAP_REACH = 40  # "..., and organisers 15,000": the office stands this close to its figure


def gapped_office(ctx: Context, sentence: Sentence, start: int) -> str | None:
    """The office of a gapped clause that gives the figure ("police counted 6,000 marchers and
    organisers 15,000", "the ministry counted 452,000 and the unions 1.3 million"): after a
    figure of the sentence, a list joiner and an office noun stand right before this figure,
    the verb of the clause before left out."""
    lo = max(sentence.start, start - _GAP_REACH)
    words = list(WORD.finditer(ctx.text, lo, start))
    speech, joiners = ctx.words.speech, ctx.words.list_joiners
    # the office is the last word right before the figure
    if not words or ctx.text[words[-1].end() : start].strip() \
            or words[-1].group().lower() not in speech.offices:
        return None
    for k in range(len(words) - 1, max(len(words) - 4, -1), -1):
        if words[k].group().lower() not in joiners:
            continue
        phrase = words[k + 1 :]
        if not phrase or phrase[-1].group().lower() not in speech.offices \
                or not any(c.isdigit() for c in ctx.text[sentence.start : words[k].start()]):
            return None
        if phrase[0].group().lower() in speech.determiners:
            phrase = phrase[1:]
        return " ".join(w.group() for w in phrase) or None
    return None


def publisher(ctx: Context) -> str | None:
    """The publisher of a document whose title names it as the author of a report or an
    investigation ("Death at the station (a Rights Watch investigation)"): an organisation's
    own findings are its claims, not a news outlet's telling in its own voice."""
    source, nouns = ctx.document.source, ctx.words.speech.report_nouns
    name = (source or "").split("(")[0].strip()
    if not name or not nouns:
        return None
    first = ctx.line_breaks[0] if ctx.line_breaks else len(ctx.text)
    alternatives = "|".join(re.escape(n) for n in nouns)
    own = re.search(rf"\b{re.escape(name)}\b(?:\s+\S+){{0,4}}?\s+(?:{alternatives})\b",
                    ctx.text[:first], re.IGNORECASE)
    return name if own else None


def _figure_speaker(ctx: Context, said: speaker.Said, sentence: Sentence, start: int, kind: str,
                    day: dt.date | None) -> str | None:
    """The speaker of one figure of a sentence: the speaker of its own clause when the
    clause names one ("A.M. Best's forecast of $5 billion", "reportedly"), else the
    sentence's, but nobody's inside a clause telling the event ("when the station was struck
    by two rockets"); a speaker run on from an earlier sentence never takes a measurement,
    a duration or an age (background, not the briefing), nor a figure of an event long past."""
    gapped = gapped_office(ctx, sentence, start)
    if gapped is not None:
        return gapped  # the office of a gapped clause outranks the clause it shares
    for lo, hi, who in said.clauses:
        if lo <= start < hi:
            return who
    clause = ctx.clause(sentence, start)
    local = _clause_source(ctx, sentence, clause, start)
    if local is not None and local != said.speaker:
        return local
    own = _clause_speech(ctx, sentence, clause, start)
    if own is not None:
        return own
    if _in_event_clause(ctx, clause, start):
        return None  # "... were wounded when the station was struck by two rockets": the event
    if said.speaker is not None and not said.carried:
        return said.speaker
    actor = _actor(ctx, sentence, clause[0], start)
    if actor is not None:
        return actor
    if said.speaker is None or kind in load("attribution")["uncarried_kinds"]:
        return None
    published = ctx.document.published_day
    if day is not None and published is not None and (published - day).days > RECENT_DAYS:
        return None  # "Katrina killed 1,400 people in 2005": no part of today's briefing
    return said.speaker


def _clause_speech(ctx: Context, sentence: Sentence, clause: tuple[int, int],
                   start: int) -> str | None:
    """The speaker of a later clause's own speech verb before the figure: "40,000 marched,
    according to police, while unions said 100,000 took part" (the unions' figure)."""
    if clause[0] <= sentence.start:
        return None  # the sentence's first clause: its speaker is the sentence's
    verb_end, own = ctx.per_span(("clause_speech", *clause), lambda: _first_speech(ctx, *clause))
    return own if verb_end <= start else None


def _first_speech(ctx: Context, start: int, end: int) -> tuple[float, str | None]:
    """(where it ends, its subject) of the first speech verb of the clause `start`..`end`
    that names a source before it: read once for all the clause's figures."""
    words = list(WORD.finditer(ctx.text, start, end))
    while words and words[0].group().lower() in ctx.words.stop_words:
        words.pop(0)  # "while", "and", "but" open the clause, they are no part of its subject
    if not words:
        return math.inf, None
    lo = words[0].start()
    for verb in words:
        if verb.group().lower() in ctx.words.speech.verb_set:
            own = attribution.attribution(ctx.words, ctx.text[lo : verb.end()])
            # a pronoun ("by Saturday it had claimed 55 lives") is no new source
            if own is not None and own.lower() not in ctx.words.speech.pronouns:
                return verb.end(), own
            return math.inf, None
    return math.inf, None


def _clause_source(ctx: Context, sentence: Sentence, clause: tuple[int, int],
                   start: int) -> str | None:
    """A source named in the figure's own clause: an owner right before the figure
    ("A.M. Best's forecast of about $5 billion") or a fixed cue ("missiles reportedly hit")."""
    speech = ctx.words.speech
    clause_start = clause[0]
    before = ctx.text[max(clause_start, start - 120) : start]
    owned = speech.owned.search(before) if "'" in before or "’" in before else None
    if owned and places.resolve(owned.group(1)) is None:
        return attribution.bare(speech, owned.group(1))
    office = speech.owned_office.search(before) if "'" in before or "’" in before else None
    if office:
        return attribution.bare(speech, office.group(1))
    gapped = _gapped_subject(ctx, sentence, clause_start, start)
    if gapped is not None:
        return gapped
    return ctx.per_span(("fixed_source", *clause), lambda: _fixed_source(ctx, *clause))


_STOPS = re.compile(r"[,;:]")  # what ends the telling of an event ("when ..., 40 were hurt")


def _in_event_clause(ctx: Context, clause: tuple[int, int], start: int) -> bool:
    """Does a word telling the event ("when") stand before `start` in its clause, with no
    comma, semicolon or colon between them? The clause's openers and stops are found once
    for all its figures, so a long clause of figures is read once."""
    openers, stops = ctx.per_span(("event_clause", *clause), lambda: _event_marks(ctx, *clause))
    i = bisect.bisect_right(openers, start) - 1
    if i < 0:
        return False
    j = bisect.bisect_left(stops, start) - 1
    return j < 0 or stops[j] < openers[i]


def _event_marks(ctx: Context, start: int, end: int) -> tuple[list[int], list[int]]:
    """Where the event openers of the clause `start`..`end` end, and where its stops are."""
    text = ctx.text
    openers = [f.end() for f in ctx.words.speech.event_clause.finditer(text, start, end)]
    stops = [f.start() for f in _STOPS.finditer(text, start, end)]
    return openers, stops


def _fixed_source(ctx: Context, start: int, end: int) -> str | None:
    """The generic source a fixed cue of the clause `start`..`end` names ("reportedly")."""
    speech = ctx.words.speech
    clause = ctx.text[start:end].lower()
    for cue, who in speech.fixed:
        if who in speech.generic and cue.search(clause):
            return who
    return None


def _actor(ctx: Context, sentence: Sentence, clause_start: int, start: int) -> str | None:
    """The named office that opens the figure's clause and does what it counts: "la Guardia
    Civil ha efectuado 3.400 rescates" is the Guardia Civil's figure (never a place's, nor
    an office in lower case: "a military enlistment office was bombed")."""
    words = ctx.words
    lo = max(clause_start, start - 160)
    found = attribution.clause_subject(words, ctx.text[lo:start])
    if found is None or not attribution.office_in(words.speech, found, words.speech.actors):
        return None
    at = ctx.text.find(found, lo)
    capitals = [w for w in WORD.finditer(ctx.text, at, at + len(found))
                if attribution.capital(w.group()) and w.start() != sentence.start]
    return attribution.bare(words.speech, found) if capitals else None


def _gapped_subject(ctx: Context, sentence: Sentence, clause_start: int,
                    start: int) -> str | None:
    """A later clause that is only a subject and its figure, the verb left out: "la
    préfecture en a compté 6 200, les organisateurs 20 000" -> the organisers' figure."""
    speech = ctx.words.speech
    if clause_start <= sentence.start or ctx.text[clause_start - 1] != "," or \
            start - clause_start > 80:
        return None  # only a short clause after a comma can be a source and its figure
    words = list(WORD.finditer(ctx.text, clause_start, start))
    if not words or len(words) > 8 or ctx.text[words[-1].end() : start].strip():
        return None
    if words[-1].group().lower() in speech.owned_links:
        words.pop()  # "organisers at 20,000"
    while words and words[0].group().lower() in speech.determiners:
        words.pop(0)
    if not words:
        return None
    phrase = ctx.text[words[0].start() : words[-1].end()]
    head = words[0].group()
    if not (attribution.capital(head) or attribution.office_in(speech, head, speech.actors)) or \
            not attribution.office_in(speech, phrase, speech.actors):
        return None  # the clause opens with its source: "les organisateurs de la marche"
    modified, loose = False, 0  # after "de" / "of" a lower-case word modifies the source
    for w in words[1:]:
        low = w.group().lower()
        if low in speech.function_words:
            modified = True
            continue
        if low in speech.verb_set or low in ctx.words.auxiliaries or low in ctx.words.verbish:
            return None  # "the government counted 5,000": a verb, no gap
        if attribution.capital(w.group()) or low in speech.plain_words:
            continue
        loose += 1  # "de la marche blanche": a short modifier, not a clause of its own
        if not modified or loose > 2:
            return None
    return attribution.bare(speech, phrase)
