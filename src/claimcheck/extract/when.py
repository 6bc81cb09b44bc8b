"""When: the day a figure is about, the moment it held as of, and whether it is old or new."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from claimcheck import dates, numbers
from claimcheck.extract.context import Context
from claimcheck.text import Sentence
from claimcheck.text.clauses import WORD, clause_comma, holds_phrase

RECENT_DAYS = 45  # a date of the story lies at most this long before publication
TOLL_GAP_DAYS = 7  # a running toll dated this long after the event the story dates is its toll
_CLOCK = re.compile(r"(\d{1,2})(?::(\d{2}))?\s*([ap])?")
# the mark that closes a quote opened by each of text.sentences.QUOTES ("„...“" in German,
# "«...»")
QUOTE_PAIRS = {"“": "”", "«": "»", '"': '"', "„": "“", "‘": "’", "‚": "‘"}
_QUOTE_OPENER = re.compile("|".join(map(re.escape, QUOTE_PAIRS)))


def anchor(ctx: Context) -> dates.DateMention | None:
    """The story's date: the first full date in its lead that is no as-of date, nor the day
    of a figure the lead compares with ("74,500, against 55,800 on 5 March")."""
    lead = ctx.sentences[:3]
    for d in ctx.dates:
        if d.day is None or d.kind == "time" or d.granularity == "year" or _recalled_date(ctx, d):
            continue  # a year alone in the lead is usually a recalled past event
        if _compared(ctx, d):
            continue
        if any(s.start <= d.start < s.end for s in lead) and not is_as_of(ctx, d):
            return d
    return None


def _recalled_date(ctx: Context, d: dates.DateMention) -> bool:
    """A date long before publication ("in November 2005" in a 2023 report): a recalled event,
    which never dates the figures of the story that name no date of their own."""
    pub = ctx.document.published_day
    return pub is not None and d.day is not None and (pub - d.day).days > RECENT_DAYS


def recalled_day(ctx: Context, day: dt.date | None) -> bool:
    """Is `day` a recalled event's: long before publication (more than `RECENT_DAYS`) in a
    story that also dates something recent? A report that names nothing recent (an
    investigation published months on) tells its own event, however old."""
    pub = ctx.document.published_day
    if pub is None or day is None or (pub - day).days <= RECENT_DAYS:
        return False
    return ctx.per_span(("names_recent",), lambda: any(
        d.day is not None and d.kind != "time" and not _recalled_date(ctx, d)
        for d in ctx.dates))


def names_past(ctx: Context, sentence: Sentence) -> bool:
    """Does `sentence` name a date long before publication (a recalled event)?"""
    return any(_recalled_date(ctx, d) for d in ctx.dates_in(sentence.start, sentence.end))


def names_earlier_event(ctx: Context, sentence: Sentence) -> bool:
    """Does `sentence` tell an event of a day before the story's own (two weeks before:
    "after a strike on X on Oct. 22 killed nine")? Background in the outlet's voice, even
    when not long past."""
    story = ctx.anchor
    if story is None or story.day is None or story.granularity != "day":
        return False
    return any(d.day is not None and d.kind != "time" and d.granularity == "day"
               and (story.day - d.day).days > 1 and not is_as_of(ctx, d)
               for d in ctx.dates_in(sentence.start, sentence.end))


def is_as_of(ctx: Context, d: dates.DateMention) -> bool:
    """A date a figure held at ("as of Tuesday", "said on Monday"), not the day of the event."""
    text = ctx.text
    if text[d.end : d.end + 2] in ctx.words.speech.possessive_suffixes:
        return False  # "killed by Tuesday's floods": the day of the event
    before = text[max(0, d.start - 40) : d.start]
    cut = max(before.rfind(". "), before.rfind("\n"))
    before = before[cut + 1 :] if cut >= 0 else before  # never past the sentence start
    if ctx.words.as_of.search(before):
        return True
    words = [w.lower() for w in WORD.findall(before)]
    if any(w in ctx.words.as_of_verbs for w in words[-3:]):
        return True
    # "homes were still without power on Monday": a state that held as of the day, not an event
    clause = [w.lower() for w in WORD.findall(before[before.rfind(",") + 1 :])]
    return any(w in ctx.words.as_of_adverbs for w in clause)


def when(ctx: Context, m: numbers.Mention,
         sentence: Sentence) -> tuple[dt.date | None, str | None, dt.datetime | None]:
    """(event day, its precision, as-of moment) of the figure `m`: the precision is `night`
    when the date that governs it (in its sentence, else its paragraph, else the lead) is one
    night ("the night of 29-30 June", "the third night")."""
    as_of: dt.datetime | None = None
    event: dates.DateMention | None = None
    in_sentence = ctx.dates_in(sentence.start, sentence.end)
    own = [d for d in in_sentence
           if not ((";" in ctx.text[min(d.start, m.start) : max(d.start, m.start)]
                    and not _across_semicolon(ctx, d, m, in_sentence))
                   or _contrasted(ctx, m, d) or _aside(ctx.text, d.start, m.start)
                   or _quoted_apart(ctx, sentence, d.start, m.start)
                   or _later_recalled(ctx, sentence, m, d, in_sentence)
                   or _in_relative(ctx, sentence, d, m.start))]
    # not across a ";" to a part with a date of its own ("...; two days earlier, officials
    # had urged"), a contrast or an aside
    total = _running_total(ctx, m, sentence, [d for d in own if d.night])
    for d in own:
        if is_as_of(ctx, d) or d.kind == "time":
            as_of = _as_of(ctx, d) or as_of
            continue
        if d.day is not None and not (total and d.night) \
                and (event is None or abs(d.start - m.start) < abs(event.start - m.start)):
            event = d
    if as_of is None:
        as_of = _paragraph_clock(ctx, sentence)
    if event is None:
        event = _earlier_in_paragraph(ctx, sentence) or ctx.anchor
        if event is not None and _recalled_date(ctx, event) and _of_now(ctx, sentence):
            event = ctx.anchor  # "in 2005, ... Far more police face the current unrest"
        if total and event is not None and event.night:
            event = ctx.anchor if ctx.anchor is not None and not ctx.anchor.night else None
    if event is not None and event.day is not None:
        return event.day, "night" if event.night else event.granularity, as_of
    return ctx.document.published_day, None, as_of  # the publication day: no date in the text


def _later_recalled(ctx: Context, sentence: Sentence, m: numbers.Mention,
                    d: dates.DateMention, in_sentence: tuple[dates.DateMention, ...]) -> bool:
    """Is `d` a long-past date in a later clause than `m`, whose own clause names a recent
    time? "The toll passed 200 on Thursday, the most since a storm killed 1,392 two decades
    ago": a recalled event keeps its date to its own clause. A figure whose clause names no
    time ("Thousands have died, most of them civilians, since the invasion in 2022") keeps
    it."""
    if d.start < m.end or not _recalled_date(ctx, d):
        return False
    lo, hi = ctx.clause(sentence, m.start)
    return hi <= d.start and any(lo <= x.start < hi and not _recalled_date(ctx, x)
                                 for x in in_sentence)


def _in_relative(ctx: Context, sentence: Sentence | None, d: dates.DateMention, pos: int) -> bool:
    """Does `d` stand in a relative clause set off by commas that closes before `pos` ("In X,
    where 1,700 homes flooded in 2015, 400 homes were told to leave")? It dates that clause's
    own event, neither the figure after it nor the sentences that follow."""
    words = ctx.words.relative_pronouns
    if not words or d.start >= pos:
        return False
    text = ctx.text
    floor = sentence.start if sentence is not None else max(0, d.start - 200)
    close = clause_comma(text, d.end, pos, forward=True)
    opened = clause_comma(text, floor, d.start, forward=False)
    if close < 0:
        return False
    first = WORD.search(text, opened + 1 if opened >= 0 else floor, d.start)
    return first is not None and first.group().lower() in words


def _across_semicolon(ctx: Context, d: dates.DateMention, m: numbers.Mention,
                      in_sentence: tuple[dates.DateMention, ...]) -> bool:
    """Does the date or time `d` reach `m` across semicolons? A clause after a semicolon
    continues the one before it: "As of 5 p.m., 19 had died in A; 17 in B" is told at one
    time, "In 2002, gunmen held 850 hostages; 130 died" of one year, unless the part that
    holds the figure names a time or a date of its own ("...; two days earlier, ...")."""
    if d.start > m.start:
        return False
    cut = ctx.text.rfind(";", d.end, m.start)
    return not any(cut < x.start < m.start for x in in_sentence)


def event_of_toll(ctx: Context, day: dt.date | None, end: int) -> dates.DateMention | None:
    """The event a running toll dated `day`, told in a sentence ending at `end`, counts from:
    the earliest day the story dates (no as-of date, no recalled past) that lies more than
    `TOLL_GAP_DAYS` before `day`. A toll given weeks after a disaster the text dates ("the
    floods of 14 July") is that disaster's toll, told as of `day`; a toll of the reporting
    days keeps its own day. A date told after the toll's sentence dates it only from a
    sentence of background with no figure of its own: "On 31 January, the ministry had
    counted 1.1 million" dates its own count, no figure before it."""
    if day is None:
        return None
    earlier = [d for d in ctx.dates if d.day is not None and d.kind != "time" and not d.night
               and d.granularity == "day" and (day - d.day).days > TOLL_GAP_DAYS
               and not _recalled_date(ctx, d) and not is_as_of(ctx, d)
               and (d.start < end or not _dates_figures(ctx, d)) and not _compared(ctx, d)
               and not _in_quote(ctx, d.start)]
    return min(earlier, key=lambda d: (d.day, d.start)) if earlier else None


def _quotes(ctx: Context, sentence: Sentence) -> list[tuple[int, int]]:
    """The spans of the quotations of a sentence (opening mark to its closing mark), read
    once per sentence."""
    def read() -> list[tuple[int, int]]:
        text, spans, at = ctx.text, [], sentence.start
        while (opening := _QUOTE_OPENER.search(text, at, sentence.end)) is not None:
            at = opening.start()
            closer = QUOTE_PAIRS[text[at]]
            # an apostrophe inside a word ("don't") opens no quote
            if text[at] in "‘'" and at > 0 and text[at - 1].isalnum():
                at += 1
                continue
            shut = text.find(closer, at + 1, sentence.end)
            if shut < 0:
                break
            spans.append((at, shut + 1))
            at = shut + 1
        return spans
    return ctx.per_span(("quotes", sentence.index), read)


def _quoted_apart(ctx: Context, sentence: Sentence, pos: int, other: int) -> bool:
    """Is `pos` inside a quotation that does not hold `other`? ""Bigger than last week,"
    the union said, counting 1.1 million": the week is the speaker's, not the figure's."""
    return any(lo <= pos < hi and not lo <= other < hi for lo, hi in _quotes(ctx, sentence))


def _in_quote(ctx: Context, pos: int) -> bool:
    """Is `pos` inside a quotation of its sentence?"""
    sentence = ctx.sentence_at(pos)
    return sentence is not None and any(lo <= pos < hi for lo, hi in _quotes(ctx, sentence))


_COMPARED_REACH = 40  # "up from the 1 million it reported on March 5": the cue is this close


def _compared(ctx: Context, d: dates.DateMention) -> bool:
    """Is `d` the day of a figure a sentence compares with ("up from 55,800 a week earlier",
    "compared with 368,000 on March 5")? That day is an earlier event's, or an earlier step
    of a count: never the event a later running toll counts from."""
    words = dates.contrast_words(ctx.document.language)
    sentence = ctx.sentence_at(d.start)
    lo = max(d.start - _COMPARED_REACH, sentence.start if sentence is not None else 0)
    return holds_phrase(ctx.text[lo : d.start], words)


def _dates_figures(ctx: Context, d: dates.DateMention) -> bool:
    """Does the sentence of `d` state a figure (a number outside its dates)?"""
    sentence = ctx.sentence_at(d.start)
    if sentence is None:
        return False

    def read() -> bool:
        found = numbers.scan(ctx.text[sentence.start : sentence.end],
                             ctx.document.language or "en")
        spans = [(x.start - sentence.start, x.end - sentence.start)
                 for x in ctx.dates_in(sentence.start, sentence.end)]
        return any(not any(lo <= n.start < hi for lo, hi in spans) for n in found)

    return ctx.per_span(("dates_figures", sentence.index), read)


def _running_total(ctx: Context, m: numbers.Mention, sentence: Sentence,
                   nights: list[dates.DateMention]) -> bool:
    """Is the figure a running total ("since the start", "so far", "depuis le début")? A
    marker of its sentence stands nearer to it than any night the sentence names: a total
    is never one night's count, whatever night the sentence or the story names."""
    spots = ctx.per_span(("running_total", sentence.index), lambda: _total_markers(ctx, sentence))
    if not spots:
        return False

    def gap(start: int, end: int) -> int:
        return max(start - m.end, m.start - end, 0)

    nearest = min(gap(*spot) for spot in spots)
    return all(nearest < gap(d.start, d.end) for d in nights)


def period_total(ctx: Context, m: numbers.Mention, sentence: Sentence) -> bool:
    """Is the figure a total over a period that opened before the story's event ("3,000
    shells since the start of May", "since 1 May", "so far this year", "since the start of
    the war")? Such a total is a quantity of its own: never the event's toll, nor one night's
    count. The cue stands in the figure's clause, or opens its sentence ("Since Friday, ...")."""
    lo, hi = ctx.clause(sentence, m.start)
    if _period_cue(ctx, lo, hi, opener=False):
        return True
    first = ctx.clause(sentence, sentence.start)
    return first[0] != lo and _period_cue(ctx, *first, opener=True)


def _period_cue(ctx: Context, lo: int, hi: int, opener: bool) -> bool:
    """Does `text[lo:hi]` hold a period cue (the whole of it, when it opens a sentence)?"""
    lang = ctx.document.language
    low = ctx.text[lo:hi].lower()
    phrases = dates.period_totals(lang)
    if (" ".join(WORD.findall(low)) in phrases) if opener else _any_whole(phrases).search(low):
        return True
    story = ctx.anchor
    for d in ctx.dates_in(lo, hi):
        # the story's day; a day the story is dated by opens the event itself ("has burned
        # 340 buildings since Monday"), a month ("since June") the calendar's period
        if story is d and d.granularity == "day":
            continue
        ref = story.day if story is not None and story.granularity == "day" \
            and story is not d else ctx.document.published_day
        if d.day is None or d.kind == "time" or ref is None or d.day >= ref:
            continue  # "since Tuesday", the event's own day: the toll of the event
        before = " ".join(WORD.findall(low[: d.start - lo]))
        if opener and (ctx.text[d.end : hi].strip() or before not in dates.period_openers(lang)):
            continue
        if any(before == w or before.endswith(f" {w}") for w in dates.period_openers(lang)):
            return True
    return False


def _total_markers(ctx: Context, sentence: Sentence) -> list[tuple[int, int]]:
    """The offsets of a sentence's running-total markers, read once for all its figures."""
    low = ctx.text[sentence.start : sentence.end].lower()
    return [(sentence.start + f.start(), sentence.start + f.end())
            for w in dates.cumulative_markers(ctx.document.language) if w in low
            for f in _whole_word(w).finditer(low)]


@cache
def _any_whole(words: frozenset[str]) -> re.Pattern[str]:
    """Any of `words` standing alone: one search for a language's set, not one per word."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives or '(?!)'})(?!\w)")


@cache
def _whole_word(word: str) -> re.Pattern[str]:
    """`word` standing alone (compiled once per marker: it is looked for in every sentence)."""
    return re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")


def _aside(text: str, pos: int, other: int) -> bool:
    """Is `pos` inside a parenthesis that does not hold `other`? "80 (against 200 on Monday)":
    the Monday is the 200's."""
    opened = text.rfind("(", 0, pos)
    if opened < 0 or text.rfind(")", 0, pos) > opened:
        return False
    closed = text.find(")", pos)
    return not opened < other < (closed if closed >= 0 else len(text))


def _of_now(ctx: Context, sentence: Sentence) -> bool:
    """Does the sentence speak of the present ("this time", "so far", "cette fois")?"""
    return holds_phrase(ctx.text[sentence.start : sentence.end],
                        dates.present_markers(ctx.document.language))


def _contrasted(ctx: Context, m: numbers.Mention, d: dates.DateMention) -> bool:
    """Does a contrast word ("contre", "compared with") stand between the figure and the date?
    "79 injured, against 249 the night before": the night is the 249's, not the 79's."""
    words = dates.contrast_words(ctx.document.language)
    if not words:
        return False
    between = ctx.text[m.end : d.start] if d.start > m.start else ctx.text[d.end : m.start]
    return holds_phrase(between, words)


def _as_of(ctx: Context, d: dates.DateMention) -> dt.datetime | None:
    if d.kind == "time" and ctx.document.published_day is not None:
        # "as of 8 p.m. Sept. 28": the day right after the hour is the hour's day
        following = [x for x in ctx.dates_in(d.end, d.end + 4) if x.day is not None
                     and x.kind != "time" and not ctx.text[d.end : x.start].strip(" ,")]
        day = following[0].day if following and following[0].day else ctx.document.published_day
        return _at_time(day, ctx.text[d.start : d.end])
    if d.day is not None:
        # "as of Saturday afternoon" held before "5:05 p.m. Saturday"; a bare day, by its end
        said = WORD.findall(ctx.text[d.start : d.end].lower())
        hour = ctx.words.day_part_hours.get(said[-1]) if said and not d.night else None
        at = dt.time(hour, 0) if hour is not None else dt.time(23, 59)
        return dt.datetime.combine(d.day, at, tzinfo=dt.timezone.utc)
    return None


def _paragraph_clock(ctx: Context, sentence: Sentence) -> dt.datetime | None:
    """The clock time a sentence without one is told at, from its paragraph: the time a
    following sentence of nothing but a time gives ("These are the figures as of 07:30."),
    else the last as-of time stated earlier in the paragraph ("As of 09:02 ... . So far, 9
    are known dead.")."""
    following = [s for s in ctx.sentences[sentence.index + 1 : sentence.index + 2]
                 if s.paragraph == sentence.paragraph]
    for s in following:
        clocks = [d for d in ctx.dates_in(s.start, s.end) if d.kind == "time" and is_as_of(ctx, d)]
        rest = ctx.text[s.start : clocks[0].start] + ctx.text[clocks[-1].end : s.end] if clocks else ""
        if len(clocks) == 1 and not any(c.isdigit() for c in rest):
            return _as_of(ctx, clocks[0])
    para = sentence.paragraph
    para_start = ctx.line_breaks[para - 1] + 1 if para > 0 else 0
    earlier = [d for d in ctx.dates_in(para_start, sentence.start)
               if d.kind == "time" and d.end <= sentence.start and is_as_of(ctx, d)]
    return _as_of(ctx, earlier[-1]) if earlier else None


def _earlier_in_paragraph(ctx: Context, sentence: Sentence) -> dates.DateMention | None:
    para = sentence.paragraph
    para_start = ctx.line_breaks[para - 1] + 1 if para > 0 else 0
    earlier = [d for d in ctx.dates_in(para_start, sentence.start)
               if d.day is not None and d.kind != "time" and d.end <= sentence.start
               and not is_as_of(ctx, d) and not _in_relative(ctx, None, d, sentence.start)
               and not _compared(ctx, d)]
    return earlier[-1] if earlier else None


def _at_time(day: dt.date, expression: str) -> dt.datetime | None:
    m = _CLOCK.search(expression.lower())
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if m.group(3) == "p" and hour < 12:
        hour += 12
    if hour > 23 or minute > 59:
        return None
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=dt.timezone.utc)


_OPENER = 40  # an adverbial that opens a sentence ("Earlier on Tuesday,") is this short


def recalled(ctx: Context, m: numbers.Mention, sentence: Sentence) -> bool:
    """A figure recalled from before ("up from 12", "earlier", "had given 39 earlier in the
    day", unless the cue opens the event's date: "12 people earlier this week"), or a figure
    someone is said to have given in a sentence that opens on a recall adverbial set off by a
    comma ("Earlier on Tuesday, officials had said that at least 35 ..."), unless a newer cue
    stands between ("... it has risen to")."""
    low = max(sentence.start, m.start - 80)
    for found in ctx.words.recall.finditer(ctx.text, low, m.start):
        # "La nuit précédente, 39 attaques ...": a cue that names a night dates the figure to
        # that night, a quantity of its own (every night is one), not an earlier step of this
        start, end = found.start(), found.end()
        if not any(d.night and d.end > start for d in ctx.dates_in(start - 20, end)):
            return True
    after = ctx.words.recall_after.match(ctx.text, m.end, sentence.end)
    if after is not None:
        # "killed 12 people earlier this week": the cue opens the event's date, no recall
        cue = after.start(1)  # the cue itself, after any word between
        return not ctx.dates_in(cue, cue + 1)
    # only the sentence's opening is read for every figure; the rest once an opener is found
    opening = ctx.text[sentence.start : min(m.start, sentence.start + 2 * _OPENER)].lstrip()
    comma = opening.find(",", 0, _OPENER)
    if comma <= 0 or not ctx.words.recall.match(opening[:comma]):
        return False
    head = ctx.text[sentence.start : m.start].lstrip()
    if ctx.words.newer.search(head[comma:]):
        return False
    # what someone said then ("Earlier on Tuesday, officials had told reporters that 35
    # ..."), not an event of then ("Earlier this week, the strike killed 12")
    said = ctx.words.speech.verb_set
    return any(w.lower() in said for w in WORD.findall(head[comma:]))


def later(ctx: Context, m: numbers.Mention, sentence: Sentence) -> bool:
    """An update of an earlier figure ("has risen to 51")."""
    return bool(ctx.words.newer.search(ctx.text[max(sentence.start, m.start - 60) : m.start]))
