"""Document -> claims: numeric mentions with what they count, where, when, and who says so.

`extract(document)` runs the stages in order: sentences, numbers (`numbers.scan`), dates
(`dates.find_dates`), places (`places.find_places`), then per number the counted entity,
the measure, the speaker, the location and the event date. Finding things is separate from
attaching them; each `_attach_*` helper is a pure function of the document context.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from claimcheck import dates, numbers, places, units
from claimcheck.lexicon import load
from claimcheck.models import CONTEXT_LIMIT, Claim, ClaimKind, Document

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st gov sen rep gen col lt sgt capt prof no vs jr sr inc ltd co corp dept est "
    "approx fig u.s a.m p.m e.g i.e etc aug sept oct nov dec jan feb mar apr jun jul".split()
)
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W_]+)*")
_QUOTES = "‘“\"'«"


# ---------------------------------------------------------------- public API


def extract(source: Document | str, *, doc_id: str = "doc") -> list[Claim]:
    """Every numeric claim in a document (or plain English text), in text order."""
    document = source if isinstance(source, Document) else Document(id=doc_id, text=source)
    return _Extractor(document).claims()


# ---------------------------------------------------------------- lexicon views


@cache
def _entities() -> tuple[dict[tuple[str, ...], str], frozenset[str]]:
    data = load("entities")
    table: dict[tuple[str, ...], str] = {}
    for canonical, forms in data["entities"].items():
        for form in [canonical, *forms]:
            table[tuple(form.split())] = canonical
    return table, frozenset(data["subtypes"])


@cache
def _measures() -> dict[tuple[str, ...], str]:
    table: dict[tuple[str, ...], str] = {}
    for canonical, forms in load("measures")["measures"].items():
        for form in forms:
            table.setdefault(tuple(form.split()), canonical)
    return table


@cache
def _attribution() -> dict[str, Any]:
    data = dict(load("attribution"))
    data["verbs_set"] = frozenset(data["verbs"])
    data["subject_set"] = frozenset(data["subject_words"])
    return data


_RECALL = re.compile(
    r"\b(?:earlier|previously|had grown from|grown from|up from|rose from|risen from|before that|"
    r"con anterioridad|antes de esa|anteriormente|initially|at first|the previous)\b",
    re.IGNORECASE,
)
_AS_OF = re.compile(r"\b(?:as of|as at|by)\s*$", re.IGNORECASE)
_AS_OF_VERBS = frozenset(
    "said says reported told announced wrote confirmed rose risen climbed reached stood grew "
    "increased jumped put posted tweeted added dijo informó".split()
)
_AGE_AFTER = re.compile(r"^(?:-|\s)(?:year|month|week)s?(?:-|\s)old\b|^\s+years?\s+old\b|^\s+años\b",
                        re.IGNORECASE)
_AGE_BEFORE = re.compile(r"\b(?:aged|age|edad de|youngest(?: is| was)?|oldest(?: is| was)?)\s*$",
                         re.IGNORECASE)
_NEWER = re.compile(r"\b(?:risen to|rose to|climbed to|climbs to|increased to|grown to|grew to|"
                    r"jumped to|reached|now stands at|stood at|updated|has risen|had risen|"
                    r"ascendió a|asciende a|aumentó a|sube a)\b", re.IGNORECASE)
_NAME_AGE = re.compile(r"[^\W\d_][\w’'-]*,\s*$")  # "Tamara, 71", "a boy, 11"
_DESIGNATION_BEFORE = re.compile(
    r"\b(?:article|part|section|chapter|paragraph|page|flight|route|number|no\.|resolution|"
    r"level|phase|stage|platform|gate|day|artículo|apartado|line|bus|highway|road|tier|"
    r"category|grade|class|room|unit|block|building|floor|pages?|p\.)\s*$",
    re.IGNORECASE,
)


# ---------------------------------------------------------------- text structure


@dataclass(frozen=True)
class _Sentence:
    start: int
    end: int
    paragraph: int
    index: int


def _context(sentence: _Sentence, start: int, end: int) -> tuple[int, int]:
    """(offset, length) of a claim's context: its sentence when that fits in CONTEXT_LIMIT
    characters, else a window of the limit centred on the span (inside the span when the span
    itself is longer), kept within the sentence."""
    lo, hi = min(sentence.start, start), max(sentence.end, end)
    if hi - lo <= CONTEXT_LIMIT:
        return lo, hi - lo
    centre = (start + end) // 2
    first = min(max(lo, centre - CONTEXT_LIMIT // 2), hi - CONTEXT_LIMIT)
    return first, CONTEXT_LIMIT


def _sentences(text: str) -> list[_Sentence]:
    """Sentences with offsets: split at line breaks and at . ! ? before a capital or quote."""
    out: list[_Sentence] = []
    pos = 0
    for para, line in enumerate(text.split("\n")):
        start = 0
        i = 0
        n = len(line)
        while i < n:
            ch = line[i]
            if ch in ".!?" and i + 1 < n:
                j = i + 1
                while j < n and line[j] in "\"'’”»)":
                    j += 1
                if j < n and line[j] == " ":
                    k = j
                    while k < n and line[k] == " ":
                        k += 1
                    if k < n and (line[k].isupper() or line[k] in _QUOTES or line[k].isdigit()):
                        word = line[max(start, i - 5) : i].split()[-1:] or [""]
                        if ch != "." or word[0].lower().strip("(") not in _ABBREVIATIONS and not (
                            len(word[0]) == 1 and word[0].isupper()
                        ):
                            if line[start:j].strip():
                                out.append(_Sentence(pos + start, pos + j, para, len(out)))
                            start = k
                            i = k
                            continue
            i += 1
        if line[start:].strip():
            out.append(_Sentence(pos + start, pos + n, para, len(out)))
        pos += n + 1
    return out


def _words_after(text: str, pos: int, limit: int, count: int) -> list[tuple[int, int, str]]:
    """Up to `count` words after `pos` (stopping at sentence punctuation or `limit`)."""
    out: list[tuple[int, int, str]] = []
    i = pos
    limit = min(limit, len(text))
    while len(out) < count and i < limit:
        ch = text[i]
        if ch in ".;:!?()[]\n" or (ch == "," and out):
            break
        if ch == ",":
            break
        m = _WORD.match(text, i)
        if m and m.end() <= limit:
            out.append((m.start(), m.end(), m.group()))
            i = m.end()
            continue
        if ch.isdigit():
            break
        i += 1
    return out


def _words_before(text: str, pos: int, floor: int, count: int) -> list[tuple[int, int, str]]:
    """Up to `count` words before `pos`, nearest first, stopping at clause punctuation."""
    out: list[tuple[int, int, str]] = []
    floor = max(floor, pos - 40 * count - 40)  # enough for `count` words; keeps this O(count)
    segment = text[floor:pos]
    cut = max(segment.rfind(c) for c in ".;:!?\n")
    base = floor + cut + 1 if cut >= 0 else floor
    for m in reversed(list(_WORD.finditer(text, base, pos))):
        out.append((m.start(), m.end(), m.group()))
        if len(out) >= count:
            break
    return out


# ---------------------------------------------------------------- the extractor


@dataclass
class _Context:
    speaker: str | None = None
    person: str | None = None
    speaker_para: int = -1
    speaker_had_claims: bool = False
    recent_places: list[places.Place] = field(default_factory=list)
    notes: dict[str, Any] = field(default_factory=dict)


class _Extractor:
    def __init__(self, document: Document) -> None:
        self.doc = document
        self.text = document.text
        self.lang = document.language or "en"
        self.published = document.published
        self.sentences = _sentences(self.text)
        self.dates = dates.find_dates(self.text, self.published)
        self.places = [p for p in places.find_places(self.text) if _plausible_place(self.text, p)]
        # indexes so that every per-claim look-up is a bisection, not a scan of the document
        self._place_starts = [s for s, _, _ in self.places]
        self._date_starts = [d.start for d in self.dates]
        self._line_breaks = [i for i, ch in enumerate(self.text) if ch == "\n"]
        self._cache: dict[tuple[str, int], Any] = {}
        self._lead = self.text[: self.sentences[0].end].lower() if self.sentences else ""
        self.default_place = self._default_place()
        self.anchor = self._anchor_date()

    # -- document-level context
    def _default_place(self) -> places.Place | None:
        for sentence in self.sentences[:3]:
            titles = self._per_sentence("speaker_spans", sentence)
            found = [(s, p) for s, e, p in self._places_in(sentence.start, sentence.end)
                     if not _overlaps(s, e, titles)]
            located = [p for s, p in found if _LOCATIVE.search(self.text[max(0, s - 25) : s])]
            if located or found:
                return _most_specific(located or [p for _, p in found])
        return self.places[0][2] if self.places else None

    def _anchor_date(self) -> dates.DateMention | None:
        lead = self.sentences[:3]
        for d in self.dates:
            if d.day is None or d.kind == "time" or d.granularity == "year":
                continue  # a year alone in the lead is usually a recalled past event
            if any(s.start <= d.start < s.end for s in lead) and not self._is_as_of(d):
                return d
        return None

    def _is_as_of(self, d: dates.DateMention) -> bool:
        if self.text[d.end : d.end + 2] in ("'s", "’s"):
            return False  # "killed by Tuesday's floods": the day of the event
        before = self.text[max(0, d.start - 40) : d.start]
        cut = max(before.rfind(". "), before.rfind("\n"))
        before = before[cut + 1 :] if cut >= 0 else before  # never past the sentence start
        if _AS_OF.search(before):
            return True
        words = [w.lower() for w in _WORD.findall(before)][-3:]
        return any(w in _AS_OF_VERBS for w in words)

    # -- claims
    def claims(self) -> list[Claim]:
        mentions = [m for m in numbers.scan(self.text, self.lang) if m.kind == "number"]
        mentions = [m for m in mentions if not any(
            d.start < m.number_end and m.number_start < d.end
            for d in self._dates_in(max(0, m.number_start - 200), m.number_end))]
        out: list[Claim] = []
        ctx = _Context()
        by_sentence: dict[int, list[numbers.Mention]] = {}
        s_index = 0
        for m in mentions:
            while s_index < len(self.sentences) - 1 and self.sentences[s_index].end <= m.start:
                s_index += 1
            by_sentence.setdefault(s_index, []).append(m)
        for sentence in self.sentences:
            found = by_sentence.get(sentence.index, [])
            speaker = self._speaker(sentence, ctx, bool(found))
            previous: numbers.Mention | None = None
            for k, m in enumerate(found):
                if self._not_a_claim(m):
                    continue
                ctx.notes["next_start"] = found[k + 1].start if k + 1 < len(found) else None
                last = out[-1] if out and previous is not None else None
                claim = self._claim(m, sentence, speaker, previous, len(out), ctx, last)
                if claim is not None and claim.qualifier == "vague" and claim.kind == "count" \
                        and claim.entity in _TIME_WORDS:
                    claim = None  # "several years", "a few hours": no figure to check
                if claim is not None:
                    out.append(claim)
                    previous = m
            if speaker and any(c.start >= sentence.start and c.end <= sentence.end for c in out[-3:]):
                ctx.speaker_had_claims = True
        return _link_ratios(out, self.text)

    def _not_a_claim(self, m: numbers.Mention) -> bool:
        before = self.text[max(0, m.number_start - 30) : m.number_start]
        if re.fullmatch(r"\d+(?:[ \u00a0]\d+){2,}", self.text[m.number_start : m.number_end]):
            return True  # "900 365 112" is a phone number, not a figure
        if _DESIGNATION_BEFORE.search(before) and not m.hedge:
            return True
        # a calibre ("155mm rounds") names a weapon type, it does not measure anything
        if m.unit == "millimeter":
            nxt = _words_after(self.text, m.end, len(self.text), 1)
            calibre = set(load("units")["calibre_nouns"])
            if nxt and numbers._singular(nxt[0][2].lower()) in calibre:
                return True
        return False

    def _claim(
        self,
        m: numbers.Mention,
        sentence: _Sentence,
        speaker: str | None,
        previous: numbers.Mention | None,
        index: int,
        ctx: _Context,
        previous_claim: Claim | None = None,
    ) -> Claim | None:
        text = self.text
        qualifier, low, high, value = m.qualifier, m.low, m.high, m.value
        hedge = m.hedge
        # a hedge governs a coordinated list: "up to 30 missiles and 700 drones"
        carried = previous_claim if previous_claim is not None and previous is not None else None
        if carried is not None and carried.hedge and not m.hedge and qualifier == "exact" \
                and carried.qualifier not in ("range", "vague", "exact"):
            between = text[previous.end if previous else carried.end : m.number_start]
            if _coordinated(between):  # the hedge goes on down the list, item after item
                qualifier = carried.qualifier
                hedge = carried.hedge
                low, high = numbers.interval(value, qualifier, m.unit)
        kind = self._kind(m)
        noun_end, entity = self._entity(m, sentence)
        start, end = m.start, max(m.end, noun_end)
        if kind == "age":
            entity = "person"
        measure = "age" if kind == "age" else self._measure(m, sentence, end, entity)
        if entity and measure:
            aliases = load("measures")["entity_measure_aliases"].get(entity.split()[-1], {})
            measure = aliases.get(measure, measure)
        if kind == "measurement" and m.unit and "/" not in m.unit \
                and units.dimension(m.unit) == "[length]":
            measure = "distance"  # a length measures a distance, whatever verb stands near
        detail: str | None = None
        # a part of a figure already given counts nothing of its own; one that names its own
        # noun ("five of them children", "five children were among those killed") does
        subset = entity in (None, "person") and self._subset(
            m, sentence, previous_subset=ctx.notes.get("subset_sentence"))
        if subset:
            if entity is None:
                ctx.notes["subset_sentence"] = sentence.index
            detail = " ".join(w[2].lower() for w in _words_after(text, end, sentence.end, 8))
            measure = f"{measure or 'counted'} (part)"
        if entity is None and measure:
            entity = load("measures")["entity_for"].get(measure.removesuffix(" (part)"))
        if kind in ("measurement", "duration"):
            # a length or a span of time is its own quantity: "40 meters", "100 days"; a
            # compound unit ("litres per square metre") is a quantity of its own kind
            simple = m.unit is not None and "/" not in m.unit
            dimension = units.dimension(m.unit)
            entity = _DIMENSION_NAMES.get(dimension, dimension) if simple else m.unit
            if kind == "measurement" and measure is None:
                measure = entity
            if entity == "distance" and _HEIGHT.search(text[max(sentence.start, m.start - 40) :
                                                            min(sentence.end, end + 12)]):
                entity = measure = "height"  # "the water rose to three meters"
        if measure is None and kind == "count" and _BACK_REFERENCE.search(
                text[max(sentence.start, m.start - 200) : m.start]):
            measure = ctx.notes.get("last_measure")  # "the total stood at 158"
        if measure is None and previous_claim is not None and re.search(
                r"\b(?:of them|de ellos|de ellas|among them)\b", text[m.start : end + 12]):
            measure = previous_claim.measure  # "some 50 killed, five of them children"
        if entity is None:
            entity = self._entity_before(m, sentence)
        place, location = self._location(m, sentence, ctx, measure)
        place_key = place.key if place else None
        facility = _facility(text, sentence.start, m.start)
        lead = self._lead
        # the story's own site (named in its first sentence) is no sub-scope
        if facility and place_key and not re.search(rf"\b{facility}\b", lead):
            place_key = f"{place_key}#{facility}"  # a figure about one building, not the town
            location = f"{facility}, {location}"
        date, precision, as_of = self._date(m, sentence)
        if measure and kind == "count":
            ctx.notes["last_measure"] = measure
        recalled = bool(_RECALL.search(text[max(sentence.start, m.start - 80) : m.start]))
        later = not recalled and bool(_NEWER.search(text[max(sentence.start, m.start - 60) : m.start]))
        context_start, context_len = _context(sentence, start, end)
        return Claim(
            id=f"{self.doc.id}:c{index + 1}",
            doc=self.doc.id,
            start=start,
            end=end,
            text=text[start:end],
            context=text[context_start : context_start + context_len],
            context_start=context_start,
            value=value,
            low=low,
            high=high,
            qualifier=qualifier,
            unit=m.unit,
            kind=kind,
            entity=entity,
            measure=measure,
            location=location,
            place_key=place_key,
            date=date,
            date_precision=precision,
            as_of=as_of,
            recalled=recalled,
            later=later,
            detail=detail,
            speaker=speaker,
            hedge=hedge,
        )

    def _subset(self, m: numbers.Mention, sentence: _Sentence, previous_subset: Any) -> bool:
        """A part of a figure already given: "three of the injured", "among them one child"."""
        after = self.text[m.end : min(sentence.end, m.end + 30)].lower()
        before = self.text[max(sentence.start, m.start - 30) : m.start].lower()
        cues = load("entities")["partitive_cues"]
        # the cue must bind to this figure: "three of the injured", "of them, some 12"
        for cue in cues:
            at = after.find(cue)
            # "three of the injured", "one person among the injured"; not "all of them"
            lead = after[: max(at, 0)]
            if 0 <= at and len(lead.split()) <= 1 and not re.search(r"[,;:]|\ball\b", lead):
                return True
        if any(before.rstrip(" ,").endswith(cue) for cue in cues):
            return True
        return bool(previous_subset == sentence.index)

    # -- what kind of figure
    def _kind(self, m: numbers.Mention) -> ClaimKind:
        after = self.text[m.number_end : m.number_end + 14]
        before = self.text[max(0, m.start - 12) : m.start]
        if _AGE_AFTER.match(after) or (_AGE_BEFORE.search(before) and m.value < 130):
            return "age"
        if m.qualifier == "exact" and m.value < 120 and m.value == int(m.value) and \
                _NAME_AGE.search(before) and re.match(r"^\s*(?:[,.;)]|$)", after):
            return "age"
        if m.unit is None:
            return "count"
        if units.is_currency(m.unit):
            return "money"
        if m.unit == units.PERCENT:
            return "percent"
        if units.dimension(m.unit) == "[time]":
            return "duration"
        return "measurement"

    # -- the counted thing
    def _entity(self, m: numbers.Mention, sentence: _Sentence) -> tuple[int, str | None]:
        table, subtypes = _entities()
        calibre = _CALIBRE.match(self.text, m.end)  # "40 155mm shells"
        words = _words_after(self.text, calibre.end() if calibre else m.end, sentence.end, 6)
        if words and words[0][2].lower() in ("of", "de"):
            # partitive: "five of them", "three of the injured"
            rest = " ".join(w[2].lower() for w in words[1:3])
            for head in load("entities")["partitive_heads"]:
                if rest.startswith(head):
                    n = len(head.split())
                    own = words[n + 1] if len(words) > n + 1 else None
                    if own is not None and (own[2].lower(),) in table:
                        return own[1], table[(own[2].lower(),)]  # "five of them children"
                    return words[n][1], None
            if len(words) < 2 or words[1][2].lower() in _STOP_NOUN:
                return m.end, None
            words = words[1:]  # "dozens of buildings", "thousands of civilians"
        modifiers: list[str] = []
        for i, (_, _, w) in enumerate(words):
            lw = w.lower()
            if i == 0 and lw == "out" and len(words) > 1 and words[1][2].lower() == "of":
                return m.end, None  # "72 out of 99": the whole follows as its own figure
            for length in (3, 2, 1):
                phrase = tuple(x[2].lower() for x in words[i : i + length])
                if len(phrase) == length and phrase not in table:
                    phrase = (*phrase[:-1], numbers._singular(phrase[-1]))
                if len(phrase) == length and phrase in table:
                    head = table[phrase]
                    end = words[i + length - 1][1]
                    full = " ".join([*modifiers[-1:], head])
                    count_as = load("entities")["count_as"]
                    if full in count_as:
                        return end, count_as[full]
                    sub = [x for x in modifiers if x in subtypes]
                    name = " ".join([*sub, head]) if sub else head
                    return end, name
            if lw in _STOP_NOUN or (i == 0 and lw in _VERBISH):
                break
            if i >= 3:
                break
            modifiers.append(lw)
        # an unknown noun right after the number: "61 bulldozers", "9 forensic teams"
        if words and m.unit is None:
            first = words[0][2]
            lw = first.lower()
            plural = len(lw) > 3 and lw.endswith("s") and not lw.endswith(("ss", "ous", "ly"))
            if plural and lw not in _STOP_NOUN and lw not in _VERBISH and first[:1].islower() and \
                    lw not in _measures_words():
                return words[0][1], numbers._singular(lw)
        return m.end, None

    def _entity_before(self, m: numbers.Mention, sentence: _Sentence) -> str | None:
        table, _ = _entities()
        for s, _, w in _words_before(self.text, m.start, sentence.start, 20):
            if w[:1].isupper() and s != sentence.start:
                continue  # a proper name ("St. Martin's Hospital") is not what is counted
            hit = table.get((w.lower(),))
            if hit and hit not in ("day", "hour", "year", "strike"):
                return hit
        return None

    # -- what happened to it
    def _measure(
        self, m: numbers.Mention, sentence: _Sentence, noun_end: int, entity: str | None
    ) -> str | None:
        table = _measures()
        text = self.text
        # 0. a measure word among the noun's modifiers: "three missing people"
        between = _words_after(text, m.end, noun_end + 1, 4) if noun_end > m.end else []
        for w in between:  # the head itself may say it: "202 fallecidos", "40 dead"
            if (w[2].lower(),) in table:
                return table[(w[2].lower(),)]
        # 1. right after the noun: "18 injured", "one person dead", "15 people were injured";
        # an apposition in between is skipped: "50 people, five of them children, were killed"
        apposition = _APPOSITION.match(text, noun_end)
        after = _words_after(text, apposition.end() if apposition else noun_end, sentence.end, 6)
        found = _first_measure(after, table, skip=_AUX)
        if found:
            return found
        # 2. the nearest verb before the number in its clause: "killed one person"
        reach = 8 if noun_end > m.end else 20
        forward = [w[2].lower() for w in reversed(_words_before(text, m.start, sentence.start, reach))]
        for stop in range(len(forward), 0, -1):
            for length in (3, 2, 1):
                phrase = tuple(forward[max(0, stop - length) : stop])
                if len(phrase) == length and phrase in table:
                    return table[phrase]
        # 3. anywhere later in the sentence
        later = _words_after(text, noun_end, sentence.end, 14)
        found = _first_measure(later, table, skip=frozenset(), strict=False)
        if found:
            return found
        if entity:
            default: str | None = load("measures")["default_for"].get(entity.split()[-1])
            return default
        return None

    # -- who says so
    def _speaker(self, sentence: _Sentence, ctx: _Context, has_claims: bool) -> str | None:
        text = self.text[sentence.start : sentence.end]
        found = _attribution_in(text)
        if found is not None:
            if found.lower() in _attribution()["pronouns"]:
                found = _last_name(self.text[: sentence.start]) or ctx.person or ctx.speaker
            elif found not in ("estimates", "reports") and _looks_like_person(found):
                ctx.person = found
                ctx.notes["person_at"] = sentence.index
            if found is not None:
                if ctx.speaker_para != sentence.paragraph:
                    ctx.speaker_had_claims = False
                ctx.speaker, ctx.speaker_para = found, sentence.paragraph
            return found
        first = self.text[sentence.start : sentence.start + 1]
        para_start = sentence.index == 0 or self.sentences[sentence.index - 1].paragraph != \
            sentence.paragraph
        if ctx.speaker is None:
            return None
        if ctx.speaker_para == sentence.paragraph:
            return ctx.speaker
        # a paragraph that opens a quote continues the last speaker's quote
        if para_start and first in _QUOTES and ctx.speaker_para == sentence.paragraph - 1:
            ctx.speaker_para = sentence.paragraph
            return ctx.speaker
        if para_start and ctx.speaker_had_claims and ctx.speaker_para == sentence.paragraph - 1 \
                and has_claims and ctx.speaker not in ("estimates", "reports"):
            ctx.speaker_para = sentence.paragraph
            return ctx.speaker
        return None

    # -- where
    def _location(
        self, m: numbers.Mention, sentence: _Sentence, ctx: _Context, measure: str | None = None
    ) -> tuple[places.Place | None, str | None]:
        text = self.text
        inside = self._places_in(sentence.start, sentence.end)
        speaker_spans = self._per_sentence("speaker_spans", sentence)
        inside = [x for x in inside if not _overlaps(x[0], x[1], speaker_spans)]
        clause = _clause_at(self._per_sentence("clauses", sentence), sentence, m.start)
        chosen: places.Place | None = None
        in_clause = [x for x in inside if clause[0] <= x[0] < clause[1]
                     and not _actor(text, x)]
        if measure == "distance":
            # "5 km from Valencia": the place after from/of/de is the reference point
            in_clause = [x for x in in_clause if not re.search(
                r"\b(?:from|of|de|to|desde)\s+(?:the\s+|la\s+|el\s+)?$", text[max(0, x[0] - 12) : x[0]])]
            inside = [x for x in inside if x in in_clause or not x[0] >= m.end]
        if in_clause and _coordinated_places(text, in_clause):
            chosen = _common([p for _, _, p in in_clause])  # "in Valencia and in Castilla"
        if in_clause and chosen is None:
            # "killed 12 people in Lviv": a place after the figure in its clause comes first
            following = [x for x in in_clause if x[0] >= m.end]
            pool = following[:1] or in_clause
            chosen = _most_specific([p for _, _, p in pool], near=m.start, spans=pool)
        else:
            framing = [x for x in inside if x[1] <= self._per_sentence("framing_end", sentence)]
            major = text.rfind(";", sentence.start, m.start)
            before = [x for x in inside if x[1] <= m.start and x[0] > major
                      and _LOCATIVE.search(text[max(0, x[0] - 25) : x[0]])]
            if framing:
                chosen = (_common([p for _, _, p in framing]) if _coordinated_places(text, framing)
                          else _most_specific([p for _, _, p in framing]))
            elif before:
                chosen = _most_specific([p for _, _, p in before])
        local = text[max(clause[0], m.start - 300) : min(sentence.end, clause[1] + 300,
                                                          m.end + 600)].lower()
        anaphora = _ANAPHORA.search(local)
        if chosen is None and anaphora:
            # "this town", "there": the last place of that kind named before the figure
            word = anaphora.group().split()[-1]
            kind = {"town": "city", "city": "city", "village": "city", "localidad": "city",
                    "municipio": "city", "region": "region"}.get(word)
            named = [p for _, _, p in self._places_in(max(0, m.start - 5000), m.start)
                     if kind is None or p.kind == kind or (kind == "region" and p.kind == "city")]
            chosen = named[-1] if named else None
            if chosen is not None and "region" in local and chosen.kind == "city" and chosen.region:
                chosen = places.resolve(chosen.region) or chosen
        if chosen is None:
            # places later in the sentence: "... of the 205 deaths in Valencia and Albacete";
            # "mostly in X" says where most of a wider figure lies, not its scope
            stop = ctx.notes.get("next_start") or sentence.end
            trailing = [(s, p) for s, _, p in inside if m.end <= s and _LOCATIVE.search(
                text[max(0, s - 25) : s]) and not _MOSTLY.search(text[max(0, s - 60) : s])]
            # up to the next figure; past it, a whole covers the places of its parts
            after = [p for s, p in trailing if s < stop] or [p for _, p in trailing]
            if after:
                chosen = _narrowest(after)
            mostly = [p for s, _, p in inside if s >= m.end and _MOSTLY.search(
                text[max(0, s - 30) : s])]
            if chosen is None and mostly:
                chosen = _country(mostly[0].country)  # "155 dead, mostly in Valencia": national
        if chosen is None and ctx.recent_places and _total_re().search(
                text[max(sentence.start, m.start - 200) : m.start]):
            chosen = _common(ctx.recent_places)  # "in total" after a list of places
        if ctx.notes.get("places_para") != sentence.paragraph:
            ctx.recent_places, ctx.notes["places_para"] = [], sentence.paragraph
        if ctx.notes.get("places_sentence") != sentence.index:
            ctx.recent_places.extend(p for _, _, p in inside)
            ctx.notes["places_sentence"] = sentence.index
        if chosen is None and not inside:
            chosen = self._paragraph_frame(sentence)  # "In Lviv, ... . Dozens were damaged."
        if chosen is None:
            chosen = self.default_place
        return chosen, chosen.name if chosen else None

    def _paragraph_frame(self, sentence: _Sentence) -> places.Place | None:
        """The place a leading "In X," of an earlier sentence of the paragraph sets."""
        for k in range(sentence.index - 1, -1, -1):
            earlier = self.sentences[k]
            if earlier.paragraph != sentence.paragraph:
                return None
            end = self._per_sentence("framing_end", earlier)
            framing = [x for x in self._places_in(earlier.start, end) if x[1] <= end]
            if framing:
                return _most_specific([p for _, _, p in framing])
        return None

    # -- when
    def _date(
        self, m: numbers.Mention, sentence: _Sentence
    ) -> tuple[dt.date | None, str | None, dt.datetime | None]:
        as_of: dt.datetime | None = None
        event: dates.DateMention | None = None
        for d in self._dates_in(sentence.start, sentence.end):
            lo, hi = sorted((d.start, m.start))
            if ";" in self.text[lo:hi]:
                continue  # another clause: "...; two days earlier, officials had urged"
            if self._is_as_of(d) or d.kind == "time":
                if d.kind == "time" and self.doc.published_day is not None:
                    as_of = _at_time(self.doc.published_day, self.text[d.start : d.end]) or as_of
                elif d.day is not None:
                    as_of = dt.datetime.combine(d.day, dt.time(23, 59), tzinfo=dt.timezone.utc)
                continue
            if d.day is not None and (event is None or abs(d.start - m.start) < abs(event.start - m.start)):
                event = d
        if event is None:
            para = self.sentences[sentence.index].paragraph
            para_start = self._line_breaks[para - 1] + 1 if para > 0 else 0
            earlier = [d for d in self._dates_in(para_start, sentence.start)
                       if d.day is not None and d.kind != "time" and d.end <= sentence.start
                       and not self._is_as_of(d)]
            event = earlier[-1] if earlier else self.anchor
        if event is not None and event.day is not None:
            return event.day, event.granularity, as_of
        day = self.doc.published_day
        return day, None, as_of  # the publication day: no date in the text

    def _places_in(self, start: int, end: int) -> list[tuple[int, int, places.Place]]:
        lo = bisect.bisect_left(self._place_starts, start)
        hi = bisect.bisect_left(self._place_starts, end)
        return self.places[lo:hi]

    def _dates_in(self, start: int, end: int) -> list[dates.DateMention]:
        lo = bisect.bisect_left(self._date_starts, start)
        hi = bisect.bisect_left(self._date_starts, end)
        return self.dates[lo:hi]

    def _per_sentence(self, what: str, sentence: _Sentence) -> Any:
        key = (what, sentence.index)
        if key not in self._cache:
            text = self.text
            if what == "speaker_spans":
                value: Any = _speaker_spans(text, sentence)
            elif what == "framing_end":
                value = sentence.start + _framing_end(text[sentence.start : sentence.end])
            else:  # clause boundaries
                value = [i for i in range(sentence.start, sentence.end) if _boundary(text, i)]
            self._cache[key] = value
        return self._cache[key]


# ---------------------------------------------------------------- helpers

_APPOSITION = re.compile(
    r",\s*(?:[^,;.]{0,40}\b(?:of them|de ellos|de ellas|among them|including)\b[^,;.]{0,30}|"
    r"(?:mostly|mainly|largely|many|most of them|all of them|including)\b[^;.]{0,80}),"
    r"(?=\s+(?:were|was|are|is|had|have|has|died|remain|remained|dead|killed|injured|wounded|"
    r"missing|alive|fueron|han|están|muertos)\b)",
    re.IGNORECASE)
_BACK_REFERENCE = re.compile(r"\bthe (?:total|figure|number|tally|count)\b|\bthe toll\b|"
                             r"\bel (?:total|balance|recuento)\b", re.IGNORECASE)
_DIMENSION_NAMES = {"[length]": "distance", "[length] ** 2": "area", "[length] ** 3": "volume",
                    "[mass]": "mass", "[time]": "duration", "[temperature]": "temperature",
                    "[length] / [time]": "speed"}
_HEIGHT = re.compile(r"\b(?:rose|risen|rising|reached|level|depth|deep|high|tall|height|"
                     r"alcanzó|nivel|altura)\b", re.IGNORECASE)
_CALIBRE = re.compile(r"\s+\d{2,3}\s?mm\b", re.IGNORECASE)
_LOCATIVE = re.compile(r"\b(?:in|on|at|across|near|against|into|throughout|outside|around|"
                       r"(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of|"
                       r"en|entre|sobre|cerca\s+de)\s+"
                       r"(?:(?:the|western|eastern|northern|southern|central|el|la|city|town|"
                       r"village|province|region|ciudad|provincia|localidad|municipio|of|de)"
                       r"\s+){0,3}$",
                       re.IGNORECASE)


@cache
def _total_re() -> re.Pattern[str]:
    cues = "|".join(re.escape(c) for c in load("measures")["totals"])
    return re.compile(rf"\b(?:{cues})\b", re.IGNORECASE)




_ANAPHORA = re.compile(r"\b(?:the region|there(?!\s+(?:were|was|are|is|have|has|had|will|would)\b)|"
                       r"the city|the town|this town|this city|"
                       r"the village|this village|la localidad|el municipio|allí)\b")
_MOSTLY = re.compile(r"\b(?:mostly|mainly|largely|most of them|almost all|nearly all|most of the|"
                     r"en su mayoría|sobre todo|mayoritariamente|casi todas|casi todos|"
                     r"la mayoría)\s+(?:\w+\s+){0,5}$", re.IGNORECASE)


def _coordinated_places(text: str, found: list[tuple[int, int, places.Place]]) -> bool:
    """Two or more places joined by "and"/"y" with none inside another."""
    if len(found) < 2:
        return False
    for (_, e1, p1), (s2, _, p2) in zip(found, found[1:], strict=False):
        if p1.contains(p2) or p2.contains(p1):
            return False
        if not re.fullmatch(r"[\s,]*(?:and|y|or|o)?[\s,]*(?:in|en)?(?:\s+(?:la|el|the))?\s*",
                            text[e1:s2]):
            return False
    return True


def _facility(text: str, sentence_start: int, pos: int) -> str | None:
    """The building a figure is about: "the waiting hall, where hundreds had gathered"."""
    before = text[max(sentence_start, pos - 300) : pos]
    m = re.search(r"\bthe\s+(?:[\w-]+\s+){0,3}?([a-z]+),?\s+where\b[^,;.]*$", before)
    if m and m.group(1) in _facility_nouns():
        return m.group(1)
    return None


@cache
def _facility_nouns() -> frozenset[str]:
    return frozenset(load("places").get("facility_nouns", []))


def _narrowest(found: list[places.Place]) -> places.Place | None:
    """Nested places ("Kramatorsk, in the Donetsk region") name the innermost; others the
    smallest place holding them all."""
    inner = min(found, key=lambda p: {"city": 0, "region": 1, "country": 2}[p.kind])
    if all(p.contains(inner) for p in found):
        return inner
    return _common(found)


def _common(found: list[places.Place]) -> places.Place | None:
    """The smallest place that contains every place in `found`."""
    if not found:
        return None
    majority = max({p.country for p in found}, key=lambda c: sum(p.country == c for p in found))
    if sum(p.country == majority for p in found) * 2 > len(found):
        found = [p for p in found if p.country == majority]  # one stray namesake abroad
    for candidate in sorted(found, key=lambda p: {"city": 0, "region": 1, "country": 2}[p.kind]):
        if all(candidate.contains(p) for p in found):
            return candidate
    regions = {p.region for p in found}
    if len(regions) == 1 and None not in regions:
        region = places.resolve(found[0].region or "")
        if region is not None and all(region.contains(p) or p == region for p in found):
            return region  # "in Lorca and Murcia": the Region of Murcia
    countries = {p.country for p in found}
    if len(countries) == 1:
        return next((p for p in found if p.kind == "country"), None) or _country(found[0].country)
    return None


@cache
def _country(code: str) -> places.Place | None:
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    return places.resolve(country.name) if country is not None else None


def _framing_end(sentence: str) -> int:
    """End of the leading place adverbials: "In Lviv, in western Ukraine, the strike ..."."""
    end = 0
    while True:
        m = re.match(r"\s*(?:In|At|On|Near|En|in|at|on|near|en)\s+[^,;]{1,60},", sentence[end:])
        if not m:
            return end
        end += m.end()


_ACTOR_VERBS = frozenset("has have had is was will would hit struck sent fired said says told "
                         "launched lanzó dijo ha han".split())


def _actor(text: str, found: tuple[int, int, places.Place]) -> bool:
    """A place that opens its clause as a subject ("Russia deployed ...") is an actor."""
    start, end, _ = found
    governed = re.search(r"\b(?:in|on|at|of|from|to|into|near|across|against|over|for|en|de|"
                         r"del|a|sobre|desde)\s+(?:\w+\s+){0,3}$", text[max(0, start - 30) : start],
                         re.IGNORECASE)
    nxt = re.match(r"\s+([a-z]+)", text[end : end + 20])
    if governed or nxt is None:
        return False
    word = nxt.group(1)
    # "Russia strikes", "Spain dispatched", "Russia has": a verb makes the place the subject
    return word in _ACTOR_VERBS or (len(word) > 3 and word.endswith(("ed", "es", "s"))
                                    and word not in _STOP_NOUN and word not in ("its", "this"))


def _plausible_place(text: str, found: tuple[int, int, places.Place]) -> bool:
    """Drop place names that are part of a designation, a saint's name or a person's name."""
    start, end, _ = found
    after = text[end : end + 25]
    before = text[max(0, start - 7) : start]
    if after[:1] == "-" and after[1:2].isalnum() or re.search(r"(?:St\.|Saint|San)\s*$", before):
        return False
    nxt = re.match(r" ([A-Z][a-z]+)", after)
    if nxt and places.resolve(nxt.group(1)) is None and not re.match(
            r"\s(?:Oblast|Region|Province|City|County|Governor|Mayor)", after):
        return False  # "Vladimir Putin", "Volodymyr Zelensky"
    return True

_TIME_WORDS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade"})
_STOP_NOUN = frozenset(
    "de del se en la el los las y que a por con al lo su sus es son fue han ha para entre "
    "of in on at to from by for with and or but as than that which who were was are is have has "
    "had be been being will would could should may might said says the a an this these those "
    "its his her their our more".split()
)
_VERBISH = frozenset(
    "were was are is have has had been will would could should killed injured wounded died dead "
    "remain remained said says told reported".split()
)
_AUX = frozenset(
    "of de were was are is be been being have has had reportedly also still already confirmed "
    "reported believed feared thought said later were more who people others had being "
    "seriously severely critically slightly lightly have so far".split()
)


@cache
def _measures_words() -> frozenset[str]:
    return frozenset(w for k in _measures() for w in k)


def _first_measure(
    words: list[tuple[int, int, str]],
    table: dict[tuple[str, ...], str],
    skip: frozenset[str],
    strict: bool = True,
) -> str | None:
    for i in range(len(words)):
        for length in (3, 2, 1):
            phrase = tuple(w[2].lower() for w in words[i : i + length])
            if len(phrase) == length and phrase in table:
                return table[phrase]
        if strict and words[i][2].lower() not in skip:
            return None
    return None


def _coordinated(between: str) -> bool:
    """True for the glue of a list: "missiles and", ", 46 women and", "children,"."""
    if len(between) > 40 or any(c in between for c in ".;:!?\n"):
        return False
    words = between.replace(",", " , ").split()
    if not words:
        return False
    tail = words[-1].lower()
    if tail not in ("and", ",", "y", "or"):
        if not (len(words) >= 2 and words[-2] == "," and tail == "and"):
            return False
    content = [w for w in words if w not in (",", "and", "y", "or")]
    return len(content) <= 3 and not any(w.lower() in _VERBISH for w in content)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _most_specific(
    found: list[places.Place], near: int | None = None, spans: list[Any] | None = None
) -> places.Place:
    rank = {"city": 0, "region": 1, "country": 2}
    if near is not None and spans:
        nearest = min(spans, key=lambda x: abs(x[0] - near))[2]
        contained = [p for p in found if nearest.contains(p) and p != nearest]
        best: places.Place = min(contained or [nearest], key=lambda p: rank.get(p.kind, 3))
        return best
    return min(found, key=lambda p: rank.get(p.kind, 3))


def _boundary(text: str, i: int) -> bool:
    """A clause break: , ; : dashes or brackets, but not a comma grouping digits ("2,140")."""
    ch = text[i]
    if ch == "," and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
        return False
    return ch in ",;:—–()"


def _clause_at(bounds: list[int], sentence: _Sentence, pos: int) -> tuple[int, int]:
    """The clause around `pos`, given the sentence's clause-break positions (sorted)."""
    k = bisect.bisect_left(bounds, pos)
    start = bounds[k - 1] + 1 if k > 0 else sentence.start
    end = bounds[k] if k < len(bounds) else sentence.end
    return start, end


def _at_time(day: dt.date, expression: str) -> dt.datetime | None:
    m = re.search(r"(\d{1,2})(?::(\d{2}))?\s*([ap])?", expression.lower())
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if m.group(3) == "p" and hour < 12:
        hour += 12
    if hour > 23 or minute > 59:
        return None
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=dt.timezone.utc)


_NAME = re.compile(r"\b[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){1,3}\b")


def _last_name(before: str) -> str | None:
    """The last person-like name (two to four capitalised words, not a place) in `before`."""
    for m in reversed(list(_NAME.finditer(before[-600:]))):
        name = m.group()
        if any(w.lower() in _attribution()["subject_set"] for w in name.split()):
            continue  # an office or a body ("Air Force"), not a person a pronoun points to
        if places.resolve(name) is None and name.split()[0] not in (
                "The", "In", "On", "At", "According", "Foreign", "President", "Minister"):
            return name
        words = name.split()
        if words[0] in ("Foreign", "President", "Minister", "Governor", "Mayor") and len(words) > 2:
            return " ".join(words[1:])
    return None


def _looks_like_person(name: str) -> bool:
    caps = [w for w in name.split() if w[:1].isupper()]
    return len(caps) >= 2 or (len(caps) == 1 and len(name.split()) == 1)


_FUNCTION_WORDS = frozenset({"the", "of", "and", "for", "in", "a", "'s", "’s"})
_FIRST_PERSON = frozenset({"i", "we", "us", "our", "nosotros", "yo"})


def _attribution_in(sentence: str) -> str | None:
    """The speaker a sentence attributes its figures to, or None for the outlet's own voice."""
    data = _attribution()
    low = sentence.lower()
    verbs = "|".join(re.escape(v) for v in data["verbs"])
    # "NAME, who speaks for ..., said" / "NAME, governor of X, said": the name is the speaker
    for m in re.finditer(rf"\b([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+),\s+([^,;]{{3,90}}),\s+"
                         rf"(?:{verbs})\b", sentence):
        middle = {w.lower() for w in _WORD.findall(m.group(2))}
        if not middle & data["verbs_set"] and places.resolve(m.group(1)) is None:
            return m.group(1)
    for prep in data["prepositions"]:
        cue = re.search(rf"\b{re.escape(prep)}\s+", sentence, re.IGNORECASE)
        if cue:
            start = cue.end()
            # "según explicó el jueves la alcaldesa": skip the verb and the day after según
            lead = re.match(r"(?:\s*(?:" + "|".join(data["spanish_lead_verbs"]) + r")\b)+\s*",
                            sentence[start:], re.IGNORECASE)
            if lead and prep.lower() in ("según", "de acuerdo con"):
                start += lead.end()
            np = _noun_phrase_after(sentence, start)
            roles = data["subject_set"] - {"the", "of", "and", "a", "in", "for"}
            if np and (np[:1].isupper() or np.split()[0].strip(",").lower() in roles
                       or np.split()[0].lower() in ("el", "la", "los", "las")):
                return np
    for m in _WORD.finditer(sentence):
        word = m.group().lower()
        if word not in data["verbs_set"]:
            continue
        after = _noun_phrase_after(sentence, m.end())
        roles = data["subject_set"] - {"the", "of", "and", "a"}
        if after and not (after[:1].isupper() or after.lower() in data["pronouns"]
                          or after.split()[0].strip(",").lower() in roles):
            after = None
        # ", said Myroslav Biletskyi": after a comma the speaker follows the verb
        if after and sentence[: m.start()].rstrip().endswith((",", "”", "’", "\"", "'")):
            return after
        before = _noun_phrase_before(sentence, m.start())
        if before and before.lower() not in _FIRST_PERSON:
            return before
        if after:
            return after
    for cue, speaker in data["fixed"].items():
        if re.search(rf"\b{re.escape(cue)}\b", low):
            return str(speaker)
    owner = re.search(r"([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,4})['’]s\s+(?:" +
                  "|".join(data["possessive_nouns"]) + r")\b", sentence)
    if owner:
        return owner.group(1)
    return None


def _noun_phrase_before(sentence: str, pos: int) -> str | None:
    """The subject right before a speech verb: "Governor Maksym Kozytskyi said"."""
    data = _attribution()
    aux = re.search(r"(?:\s+(?:have|has|had|ha|han|had\s+been|have\s+been))+\s*$", sentence[:pos])
    if aux:
        pos = aux.start()  # "the authorities have confirmed"
    words = list(_WORD.finditer(sentence, 0, pos))
    picked: list[re.Match[str]] = []
    for w in reversed(words):
        between = sentence[w.end() : (picked[0].start() if picked else pos)]
        if not picked and between.strip() == ",":
            between = " "  # "The railway company, Ukrzaliznytsia, said"
        if any(c in between for c in ",;:\"“”‘(") or (between.strip() and between.strip() not in
                                                          ("'s", "’s", "-", "'", "’")):
            break
        lw = w.group().lower()
        if w.group()[:1].isupper() or lw in data["subject_set"] or lw in data["pronouns"]:
            picked.insert(0, w)
            if lw in data["pronouns"]:
                break
            continue
        # a modifier of an office: "the air force", "the fire service"
        head = picked[0].group().lower() if picked else ""
        if head in data["subject_set"] - _FUNCTION_WORDS and lw not in _STOP_NOUN \
                and lw not in _VERBISH \
                and lw not in data["verbs_set"] and len(picked) < 4:
            picked.insert(0, w)
            continue
        break
    while picked and picked[0].group().lower() in ("the", "of", "and", "in", "a", "for"):
        picked.pop(0)
    if not picked:
        return None
    phrase = sentence[picked[0].start() : picked[-1].end()]
    if phrase.lower() in data["pronouns"]:
        return phrase
    if not any(w.group()[:1].isupper() or w.group().lower() in data["subject_set"] - {"the", "of",
               "and", "for", "'s", "’s", "in", "a"} for w in picked):
        return None
    if picked[0].group()[:1].isupper() and picked[0].start() == _first_word_start(sentence) and \
            len(picked) == 1 and picked[0].group().lower() in _STOP_NOUN:
        return None
    return phrase


def _first_word_start(sentence: str) -> int:
    m = _WORD.search(sentence)
    return m.start() if m else 0


def _noun_phrase_after(sentence: str, pos: int) -> str | None:
    m = re.match(r"\s*((?:the\s+)?[^,.;:()“”\"]{2,80}?)(?=\s*(?:,|\.|;|:|\(|$|\s+(?:who|which|that|"
                 r"on|in a|at a|as|said|told|posted)\b))", sentence[pos:])
    if not m:
        return None
    phrase = m.group(1).strip()
    words = phrase.split()
    if not words or len(words) > 10:
        return None
    if words[0].lower() == "the":
        phrase = " ".join(words[1:])
    # "said the mayor, Anna Kovalenko": the name in apposition belongs to the phrase
    rest = sentence[pos + m.end() :]
    name = re.match(r"\s*,\s*([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+)", rest)
    if name and phrase and phrase[:1].islower():
        phrase = f"{phrase}, {name.group(1)}"
    return phrase or None


def _speaker_spans(text: str, sentence: _Sentence) -> list[tuple[int, int]]:
    """Spans of appositions that describe a speaker ("governor of Donetsk Oblast")."""
    out: list[tuple[int, int]] = []
    chunk = text[sentence.start : sentence.end]
    for m in re.finditer(r"\b(?:governor|head|mayor|chief|minister|leader|spokes\w+|secretary)"
                         r"\s+of\s+(?:the\s+)?[^,.;]{2,60}", chunk, re.IGNORECASE):
        out.append((sentence.start + m.start(), sentence.start + m.end()))
    for m in re.finditer(r"\b(?:who\s+(?:heads|leads|speaks\s+for|runs))\s+[^,.;]{2,80}", chunk):
        out.append((sentence.start + m.start(), sentence.start + m.end()))
    return out


def _link_ratios(claims: list[Claim], text: str) -> list[Claim]:
    """Link "72 out of 99" / "72 of 99": the part names the whole in `ratio_of`."""
    out = list(claims)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        between = text[a.end : b.start].strip().lower()
        if between in ("out of", "of", "de", "of the", "de los", "de las") and a.value <= b.value \
                and a.kind == b.kind == "count":
            # the part takes the whole's noun and verb; the whole is the entity's default measure
            whole_measure = load("measures")["default_for"].get((b.entity or "").split(" ")[-1])
            part = {"ratio_of": b.id, "entity": a.entity or b.entity, "measure": a.measure or b.measure}
            out[i] = a.model_copy(update=part)
            if whole_measure and b.measure == part["measure"] and whole_measure != b.measure:
                out[i + 1] = b.model_copy(update={"measure": whole_measure})
    return out
