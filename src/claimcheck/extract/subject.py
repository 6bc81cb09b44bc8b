"""What a figure counts (the entity) and what happened to it (the measure)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cache

from claimcheck import dates, numbers
from claimcheck.extract.context import Context
from claimcheck.extract.links import coordinated
from claimcheck.extract.vocabulary import PHRASE_LENGTHS, LemmaTable, Phrase
from claimcheck.lexicon import load
from claimcheck.models import PART_MARK
from claimcheck.text import Sentence, words_after, words_before
from claimcheck.text.clauses import WORD, Word, clause_comma, holds_phrase

_CALIBRE = re.compile(r"\s+\d{2,3}\s?mm\b", re.IGNORECASE)


def entity(ctx: Context, m: numbers.Mention, sentence: Sentence) -> tuple[int, str | None]:
    """(end of the counted noun, its canonical entity) after the number, if any."""
    words = ctx.words
    counted = _count_of(ctx, m, sentence)
    if counted is not None:  # "41 the number of people arrested": the figure's text is "41"
        return m.end, _head(ctx, m, words_after(ctx.text, counted, sentence.end, 6))[1]
    calibre = _CALIBRE.match(ctx.text, m.end)  # "40 155mm shells"
    after = words_after(ctx.text, calibre.end() if calibre else m.end, sentence.end, 6)
    if after and after[0][2].lower() in words.partitive_of \
            and (named := _named_calibre().match(ctx.text, after[0][1])):
        # "a quarter of a million of 50 calibre ammunition": what is counted follows the calibre
        after = words_after(ctx.text, named.end(), sentence.end, 6)
    if after and after[0][2].lower() in words.partitive_of:
        found = _partitive(ctx, m, after)
        if found is not None:
            return found
        after = after[1:]  # "dozens of buildings", "thousands of civilians"
        if after and after[0][2].lower() in words.speech.phrase_article:
            after = after[1:]  # "441 of the drones": the drones are counted
    return _head(ctx, m, after)


def _count_of(ctx: Context, m: numbers.Mention, sentence: Sentence) -> int | None:
    """Where the counted noun starts after a phrase that names it ("bringing to 41 the number
    of people arrested"), or None."""
    pattern = ctx.words.count_of
    found = pattern.match(ctx.text, m.end, sentence.end) if pattern is not None else None
    return found.end() if found is not None else None


_COUNT_OF_WORDS = 4  # "the number of people arrested": the measure is this close to the phrase


@cache
def _named_calibre() -> re.Pattern[str]:
    """A calibre named by a bare number and a calibre word: " 50 calibre" (lexicon/units.json)."""
    alt = "|".join(re.escape(w) for w in load("units").get("calibre_words", [])) or "(?!)"
    return re.compile(rf"\s+\d{{2,3}}[\s-]+(?:{alt})\b", re.IGNORECASE)


def _partitive(ctx: Context, m: numbers.Mention, after: list[Word]) -> tuple[int, str | None] | None:
    """"five of them", "three of the injured"; None for "dozens of buildings"."""
    table = ctx.words.frames.entities
    rest = " ".join(w[2].lower() for w in after[1:3])
    for head in ctx.words.frames.partitive_heads:
        if rest.startswith(head):
            n = len(head.split())
            own = after[n + 1] if len(after) > n + 1 else None
            if own is not None and (own[2].lower(),) in table:
                return own[1], table[(own[2].lower(),)]  # "five of them children"
            return after[n][1], None
    if len(after) > 2 and after[1][2].lower() in ctx.words.speech.phrase_article \
            and _entity_at(ctx, after, 2)[1] is not None:
        return None  # "441 of the drones": a known noun after the article is counted
    if len(after) < 2 or after[1][2].lower() in ctx.words.stop_words:
        # "24 de la Police municipale": the complement of a noun left out is still its phrase
        return (_complement(ctx, after, 0) if m.unit is None else None) or m.end, None
    return None


def _head(ctx: Context, m: numbers.Mention, after: list[Word]) -> tuple[int, str | None]:
    words = ctx.words
    modifiers: list[str] = []
    for i, (_, _, w) in enumerate(after):
        lw = w.lower()
        if i == 0 and any(_phrase(after, 0, len(p)) == p for p in words.ratio_openers):
            return m.end, None  # "72 out of 99": the whole follows as its own figure
        if i == 0 and m.unit is None:
            found = _event_complement(ctx, after)
            if found is not None:
                return found  # "39 attaques de locaux": the premises are counted
        length, head = _entity_at(ctx, after, i)
        if head is not None:
            pair = _coordinated(ctx, after, i + length)
            end = pair[0] if pair is not None else after[i + length - 1][1]
            shared = _shared_head(ctx, after, i, length)
            head = shared or head
            if m.unit is None:
                end = max(end, _complement(ctx, after, i + length) or end)
            name = _name(ctx, head, modifiers)
            if pair is None or shared is not None:
                return end, name
            # "200 missiles and drones": one count of two things, neither one's count
            # ("police officers or gendarmes" are one thing, counted as police officers)
            other = _count_as(pair[1])
            return end, name if other == _count_as(name) else _PAIRED.join(
                sorted({_count_as(name), other}))
        if lw in words.stop_words or (i == 0 and lw in words.verbish):
            break
        if i >= 3:
            break
        modifiers.append(lw)
    # an unknown noun right after the number: "61 bulldozers", "9 forensic teams"
    if after and m.unit is None:
        first = after[0][2]
        lw = first.lower()
        plural = len(lw) > 3 and lw.endswith(words.plural_suffixes) and \
            not lw.endswith(words.plural_exceptions)
        if plural and lw not in words.stop_words and lw not in words.verbish and \
                first[:1].islower() and lw not in words.frames.measure_words:
            return after[0][1], numbers._singular(lw)
    return m.end, None


def _entity_at(ctx: Context, words: list[Word], i: int) -> tuple[int, str | None]:
    """(length, entity) of the counted-noun phrase the words open at `i`, the longest listed
    ("members of the security forces" before "forces"); (0, None) if none."""
    table = ctx.words.frames.entities
    opens = i < len(words) and table.may_open(words[i][2].lower())
    for length in range(min(table.longest, len(words) - i), 0, -1):
        if length > 1 and not opens:
            continue  # both forms below start with the word at i (only a lone word is singularised first)
        phrase = _phrase(words, i, length)
        for form in (phrase, (*phrase[:-1], numbers._singular(phrase[-1]))):
            if form in table:
                return length, table[form]
    return 0, None


def _event_complement(ctx: Context, words: list[Word]) -> tuple[int, str] | None:
    """(end, entity) of a count of events named with what they befell ("39 attaques de
    locaux", "250 attacks on police stations"): the thing in the complement is counted (the
    event noun gives the measure); None when the words are no such phrase."""
    frames = ctx.words.frames
    if len(words) < 3 or words[0][2].lower() not in frames.complement_heads \
            or words[1][2].lower() not in frames.complement_links:
        return None
    k = 3 if words[2][2].lower() in ctx.words.stop_words else 2  # "attaques contre des ..."
    length, head = _entity_at(ctx, words, k)
    if head is None:
        return None
    end = words[k + length - 1][1]
    return max(end, _complement(ctx, words, k + length) or end), head


def _complement(ctx: Context, words: list[Word], i: int) -> int | None:
    """The end of a noun complement opening at `i` ("locaux de la police nationale",
    "casernes de gendarmerie"): one noun phrase with its noun, so the clause's verb is read
    after it and a list's next item after its comma; None when none opens there."""
    frames, stop = ctx.words.frames, ctx.words.stop_words
    if i >= len(words) or words[i][2].lower() not in frames.complement_openers:
        return None
    k = i + 1
    while k < len(words) and k <= i + 2 and words[k][2].lower() in stop:
        k += 1  # the article: "de la"
    end = None
    # a bare noun takes no adjective ("de gendarmerie visées": the participle is the
    # clause's), one with its article may ("de la police nationale")
    for _, stop_at, w in words[k : k + (2 if k > i + 1 else 1)]:
        lw = w.lower()
        if lw in stop or lw in frames.complement_breaks or lw in frames.measure_words \
                or (lw,) in frames.measures:
            break  # a verb or a measure word: the clause goes on, the noun phrase has ended
        end = stop_at
    return end


def _coordinated(ctx: Context, words: list[Word], i: int) -> tuple[int, str] | None:
    """(end, entity) of a second counted noun coordinated with the head ("police officers or
    gendarmes"): one count of both, whose measure comes after the pair."""
    if i + 1 < len(words) and words[i][2].lower() in ctx.words.list_joiners:
        length, head = _entity_at(ctx, words, i + 1)
        if head is not None:
            return words[i + length][1], head
    return None


_PAIRED = " + "  # the entity of one count of two things: "drone + missile"


def _count_as(entity: str) -> str:
    """The entity as the matcher counts it (lexicon/entities.json count_as)."""
    count_as: dict[str, str] = load("entities")["count_as"]
    return count_as.get(entity, entity)


def _shared_head(ctx: Context, words: list[Word], i: int, length: int) -> str | None:
    """The entity of a noun two modifiers share ("police or gendarmerie buildings": the
    buildings are counted, "police" only says whose): a lone word coordinated with a
    phrase of two words whose first names nothing counted on its own."""
    k = i + length
    if length != 1 or k + 2 >= len(words) or words[k][2].lower() not in ctx.words.list_joiners:
        return None
    second, head = _entity_at(ctx, words, k + 1)
    if head is None or second < 2 or _entity_at(ctx, words[k + 1 : k + 2], 0)[1] is not None:
        return None
    return head


def _phrase(words: list[Word], i: int, length: int) -> Phrase:
    return tuple(x[2].lower() for x in words[i : i + length])


def _name(ctx: Context, head: str, modifiers: list[str]) -> str:
    """The entity a head names with its modifiers: "cruise missile", a civilian is a person."""
    full = " ".join([*modifiers[-1:], head])
    count_as: dict[str, str] = load("entities")["count_as"]
    if full in count_as:
        return count_as[full]
    sub = [x for x in modifiers if x in ctx.words.frames.subtypes]
    return " ".join([*sub, head]) if sub else head


def entity_before(ctx: Context, m: numbers.Mention, sentence: Sentence) -> str | None:
    """A counted noun earlier in the clause: "of the injured, 12 ..."."""
    table = ctx.words.frames.entities
    for s, _, w in words_before(ctx.text, m.start, sentence.start, 20):
        if w[:1].isupper() and s != sentence.start:
            continue  # a proper name ("St. Martin's Hospital") is not what is counted
        hit = table.get((w.lower(),))
        if hit and hit not in ctx.words.uncounted_before:
            return hit
    return None


def measure(ctx: Context, m: numbers.Mention, sentence: Sentence, noun_end: int,
            entity: str | None, floor: int | None = None,
            rest: Sequence[numbers.Mention] = ()) -> str | None:
    """What happened to the counted thing: a verb or a noun near the figure. A verb before it
    is looked for after `floor` only (the end of an earlier figure of another clause, whose
    verb it is: in "launched 215 drones, of which 190 were shot down" 190 was not launched).
    `rest` are the sentence's later figures: a list's verb after its last item is every
    item's ("190 drones and 14 missiles were shot down")."""
    table = ctx.words.frames.measures
    text = ctx.text
    counted = _count_of(ctx, m, sentence)
    if counted is not None:  # "the number of people arrested": said after the phrase
        found = _first_measure(words_after(text, counted, sentence.end, _COUNT_OF_WORDS), table,
                               skip=frozenset(), strict=False)
        if found:
            return found
    # 0. a measure word among the noun's modifiers: "three missing people"
    between = words_after(text, m.end, noun_end + 1, 4) if noun_end > m.end else []
    for w in between:  # the head itself may say it: "202 fallecidos", "40 dead"
        if (w[2].lower(),) in table:
            return _over_noun(ctx, m, sentence, noun_end) or table[(w[2].lower(),)]
    # 1. right after the noun: "18 injured", "one person dead", "15 people were injured";
    # an apposition in between is skipped: "50 people, five of them children, were killed"
    apposition = ctx.words.apposition.match(text, noun_end)
    after = words_after(text, apposition.end() if apposition else noun_end, sentence.end, 6)
    found = _first_measure(after, table, skip=ctx.words.auxiliaries)
    if found:
        return _over_noun(ctx, m, sentence, noun_end) or found
    # 2. the nearest verb before the number in its clause: "killed one person"
    reach = 8 if noun_end > m.end else 20
    own = _past_relative(ctx, sentence.start, m.start)  # not into a closed relative clause
    # nor back over a contrast (", while 27 drones got through"): the verb before is the
    # other clause's, unless nothing after the figure says (step 5: ", but only 30,000
    # according to the police")
    cut = max(own, _contrast_start(ctx, sentence.start, m.start))
    start = cut if floor is None else max(cut, floor)
    found = _verb_before(ctx, m, start, reach)
    if found:
        return found
    # 2b. after the list this figure opens: "190 drones and 14 missiles were shot down"
    # (not for the whole a part is taken of: "of the 215 drones, 190 were shot down")
    whole = ctx.words.frames.whole_opener.search(text, max(start, m.start - 20), m.start)
    found = None if whole else _after_list(ctx, sentence, noun_end, rest)
    if found:
        return found
    # 3. the counted noun says it itself: "52,000 demonstrators", "300 evacuees"
    nouns = ctx.words.frames.noun_measures
    for w in between:
        if (w[2].lower(),) in nouns:
            return nouns[(w[2].lower(),)]
    # 4. anywhere later in the sentence
    later = words_after(text, noun_end, sentence.end, 14)
    found = _first_measure(later, table, skip=frozenset(), strict=False)
    if found:
        return found
    # 5. a verb before an earlier figure, when nothing after this one says otherwise
    found = _verb_before(ctx, m, own, reach) if start != own else None
    if found:
        return found
    # 6. the sentence's leading adverbial: "under the rubble, ... there are still 20 people"
    found = _leading(ctx, m, sentence)
    if found:
        return found
    # 6. the head of the list the figure is an item of: "a package of aid, including 40
    # boats", "The package includes:" over "* 40 boats"
    found = _list_head(ctx, m, sentence)
    if found:
        return found
    defaults: dict[str, str] = load("measures")["default_for"]
    head = text[m.end : noun_end].split()[-1:] if noun_end > m.end else []
    named = ctx.words.frames.entities.get((head[0].lower(),)) if head else None
    if named in defaults:
        return defaults[named]  # "55 lives" (counted as people): lives lost
    if entity:
        return defaults.get(entity.split()[-1])
    return None


def _list_head(ctx: Context, m: numbers.Mention, sentence: Sentence) -> str | None:
    """The measure the head of a list names for a figure that is one of its items: the words
    before "including" in its sentence, or a heading line ending in a colon over bulleted
    items ("The new package includes:" / "* 40 boats": pledged)."""
    text, table = ctx.text, ctx.words.frames.measures
    # the last cue before the figure opens its list (the sentence's cues are found once)
    cues = ctx.per_span(("list_heads", sentence.index), lambda: [
        c.start() for c in ctx.words.list_head.finditer(text, sentence.start, sentence.end)])
    k = bisect.bisect_left(cues, m.start) - 1
    if k >= 0:
        return ctx.per_span(("list_head", sentence.index, k), lambda: table.last_in(
            [w.lower() for w in WORD.findall(text, sentence.start, cues[k])]))
    bullets = ctx.words.list_bullets
    breaks = ctx.line_breaks  # where the lines end, sorted: no scan of the text per figure
    k = bisect.bisect_left(breaks, m.start) - 1
    line = breaks[k] + 1 if k >= 0 else 0
    if not bullets or not text[line : m.start].lstrip().startswith(bullets):
        return None
    while k >= 0:  # back over the other items (and blank lines) to the heading
        start = breaks[k - 1] + 1 if k > 0 else 0
        heading = text[start : breaks[k]].strip()
        if heading and not heading.startswith(bullets):
            return table.last_in([w.lower() for w in WORD.findall(heading)]) \
                if heading.endswith(":") else None
        k -= 1
    return None


def _over_noun(ctx: Context, m: numbers.Mention, sentence: Sentence, noun_end: int) -> str | None:
    """A measure of the clause that outranks the one the noun names ("identified 115 dead",
    "115 dead were identified"): the words next to the figure, up to a clause break."""
    table, over = ctx.words.frames.measures, _over_noun_measures()
    before = [w[2].lower() for w in words_before(ctx.text, m.start, sentence.start, 4)]
    near = before + [w[2].lower() for w in words_after(ctx.text, noun_end, sentence.end, 6)]
    found = (table.get((w,)) for w in near if table.may_open(w))
    hit = next((f for f in found if f in over), None)
    if hit is None:
        # "medics hospitalised the 21st injured": a verb acting on the counted noun (before
        # it) counts what it did; "15 injured, hospitalised" after it still counts the injured
        acted = (table.get((w,)) for w in before if table.may_open(w))
        hit = next((f for f in acted if f in _over_noun_before()), None)
    return hit


@cache
def _over_noun_before() -> frozenset[str]:
    return frozenset(load("measures").get("over_noun_before", []))


@cache
def _over_noun_measures() -> frozenset[str]:
    return frozenset(load("measures")["over_noun"])


_DIGIT = re.compile(r"\d")


def _past_relative(ctx: Context, start: int, pos: int) -> int:
    """Where the clause of a figure at `pos` may begin: after a relative clause that closes
    with a comma before it ("where the boy was killed two days ago, thousands marched"),
    whose verb is the relative clause's own; `start` when there is none. A segment holding
    a digit is a figure's own clause, not a relative one."""
    relative = ctx.words.relative_pronouns
    text = ctx.text
    close = text.rfind(",", start, pos) if relative else -1
    if close < 0:
        return start
    opened = max(clause_comma(text, start, close, forward=False) + 1, start)  # not "1,700"
    segment = text[opened:close]
    # a segment holding a digit is a figure's own clause, unless a relative pronoun opens it
    # ("In X, where 1,700 homes flooded in 2015, 400 more were told to leave")
    if _DIGIT.search(segment) and not ((first := WORD.search(segment)) is not None
                                       and first.group().lower() in relative):
        return start
    words = [w.lower() for w in WORD.findall(segment)]
    at = next((k for k, w in enumerate(words) if w in relative), None)
    if at is None or ctx.words.frames.measures.last_in(words[at + 1 :]) is None:
        return start
    return close + 1


def _leading(ctx: Context, m: numbers.Mention, sentence: Sentence) -> str | None:
    """The state a sentence's leading adverbial puts its figures in ("Sotto le macerie, ...
    ci sono ancora una ventina di persone": missing), read before its first comma when that
    holds no figure of its own. Only a stock (missing, in hospital) is set by where people
    are; an event's verb there ("Since X was killed, ...") is another clause's."""
    text = ctx.text
    comma = text.find(",", sentence.start, m.start)
    if comma < 0 or any(ch.isdigit() for ch in text[sentence.start : comma]):
        return None
    found = ctx.words.frames.measures.last_in(
        [w.lower() for w in WORD.findall(text, sentence.start, comma)])
    return found if found in _stock() else None


@cache
def _stock() -> frozenset[str]:
    return frozenset(load("measures")["stock"])


def _contrast_start(ctx: Context, start: int, pos: int) -> int:
    """Where a clause opened by a contrast word after a comma (", while", ", whereas") that
    holds `pos` begins; `start` when there is none."""
    sentence = ctx.sentence_at(pos)
    if sentence is None:
        return start
    # the sentence's contrast clauses are found once, not once per figure (n * n in a long line)
    ends = ctx.per_span(("contrast_clauses", sentence.index), lambda: [
        found.end() for found in ctx.words.contrast_clause.finditer(
            ctx.text, sentence.start, sentence.end)])
    k = bisect.bisect_right(ends, pos) - 1
    return ends[k] if k >= 0 and ends[k] >= start else start


def _verb_before(ctx: Context, m: numbers.Mention, start: int, reach: int) -> str | None:
    """The measure of the nearest measure word before the figure, back to `start`."""
    forward = [w[2].lower() for w in reversed(words_before(ctx.text, m.start, start, reach))]
    return ctx.words.frames.measures.last_in(forward)


def _after_list(ctx: Context, sentence: Sentence, noun_end: int,
                rest: Sequence[numbers.Mention]) -> str | None:
    """The measure right after the last item of the list a figure opens, if it is one."""
    if not rest or not coordinated(ctx.words, ctx.text[noun_end : rest[0].start]):
        return None
    pos = _list_end(ctx, sentence, rest)
    # the last item's own words may be unknown: "and 10,000 rubbish bins set on fire"
    after = words_after(ctx.text, pos, sentence.end, 5)
    return _first_measure(after, ctx.words.frames.measures, skip=frozenset(), strict=False)


def _list_end(ctx: Context, sentence: Sentence, rest: Sequence[numbers.Mention]) -> int:
    """Where the list whose next item is `rest[0]` ends: after its last item joined to the one
    before. `rest` is the rest of its sentence, so the end from an item is the same whichever
    earlier figure asks: kept per item, so a list of n figures is walked once, not n times."""
    ends: dict[int, int] = ctx.per_span(("list_ends", sentence.index), dict)
    walked: list[int] = []
    pos = rest[0].start
    for k, item in enumerate(rest):
        if item.start in ends:
            pos = ends[item.start]
            break
        walked.append(item.start)
        pos = max(item.end, entity(ctx, item, sentence)[0])
        if k + 1 == len(rest) or not coordinated(ctx.words, ctx.text[pos : rest[k + 1].start]):
            break
    for start in walked:
        ends[start] = pos
    return pos


def _first_measure(words: list[Word], table: LemmaTable, skip: frozenset[str],
                   strict: bool = True) -> str | None:
    lows = [w[2].lower() for w in words]  # once, not once for every phrase tried
    n = len(lows)
    for i in range(n):
        for length in PHRASE_LENGTHS if table.may_open(lows[i]) else ():
            if i + length <= n:
                phrase = tuple(lows[i : i + length])
                if phrase in table:
                    return table[phrase]
        if strict and lows[i] not in skip:
            return None
    return None


def subset(ctx: Context, m: numbers.Mention, sentence: Sentence, subset_sentence: int | None) -> bool:
    """A part of a figure already given: "three of the injured", "among them one child"."""
    text = ctx.text
    after = text[m.end : min(sentence.end, m.end + 30)].lower()
    before = text[max(sentence.start, m.start - 30) : m.start].lower()
    cues = ctx.words.frames.partitive_cues
    # the cue must bind to this figure: "three of the injured", "of them, some 12"
    for cue in cues:
        at = after.find(cue)
        # "three of the injured", "one person among the injured"; not "all of them"
        lead = after[: max(at, 0)]
        if 0 <= at and len(lead.split()) <= 1 and not (
                re.search(r"[,;:]", lead) or ctx.words.all_words.search(lead)):
            return True
    if any(before.rstrip(" ,").endswith(cue) for cue in cues):
        return True
    if subset_sentence != sentence.index:
        return False
    # "..., including 61,000 in Paris, compared with 368,000 on March 5": a figure compared
    # with is a whole of its own, not one more part of the sentence's whole
    return not holds_phrase(before, dates.contrast_words(ctx.document.language))


def measure_aliases(entity: str) -> dict[str, str]:
    """How a measure reads for this entity: a drone "deployed" was launched."""
    aliases: dict[str, str] = load("measures")["entity_measure_aliases"].get(entity.split()[-1], {})
    return aliases


def aliased(kind: str, entity: str | None, measure: str | None) -> str | None:
    """The measure as it reads for this entity and kind: a drone "deployed" was launched, a
    home "destroyed" is damaged (not intercepted), money "lost" is losses (not deaths); a
    part keeps its " (part)" mark."""
    if measure is None:
        return None
    base, part, mark = measure.partition(PART_MARK)
    if entity:
        base = measure_aliases(entity).get(base, base)
    base = load("measures")["kind_measure_aliases"].get(kind, {}).get(base, base)
    return f"{base}{part}{mark}"


def entity_for(measure: str) -> str | None:
    """The entity a measure counts when none is named: the killed are people."""
    found: str | None = load("measures")["entity_for"].get(measure)
    return found


def people() -> str:
    """The entity that counts people."""
    return str(load("entities")["people"])


def detail(ctx: Context, end: int, sentence: Sentence) -> str:
    """The words after a part: "children" in "five of them children were killed"."""
    return " ".join(w[2].lower() for w in words_after(ctx.text, end, sentence.end, 8))


def list_link(ctx: Context, m: numbers.Mention, sentence: Sentence,
              previous: tuple[int, int] | None) -> tuple[bool, int | None]:
    """(listed, floor) of a figure after an earlier one of its sentence (`previous`: its start
    and end). Listed: the two are items of one list ("17 in Kyiv, 5 in Kharkiv", "12 people:
    seven in Dnipro"), so this one inherits what the list's figures count. Floor: where a
    verb for this figure may start, the end of an earlier figure of another clause."""
    if previous is None or not sentence.start <= previous[0] < m.start:
        return False, None
    between = ctx.text[previous[1] : m.start]
    if between.strip() == ":" or coordinated(ctx.words, between):
        return True, None
    return False, previous[1] if any(c in between for c in ",;:") else None



def partitive(ctx: Context, m: numbers.Mention) -> bool:
    """Does a partitive cue ("of them", "of whom") follow the figure right away?"""
    after = ctx.text[m.end : m.end + 12].lower().lstrip()
    return any(after.startswith(cue.strip()) for cue in ctx.words.frames.partitive_cues
               if cue.strip().startswith("of "))


def bare(ctx: Context, m: numbers.Mention, sentence: Sentence) -> bool:
    """No noun follows the figure ("5 in Kharkiv", "3,"), so it may take its list's."""
    after = words_after(ctx.text, m.end, sentence.end, 1)
    return not after or after[0][0] > m.end + 2 or after[0][2].lower() in ctx.words.stop_words
