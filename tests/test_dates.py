"""Tests for claimcheck.dates: finding date/time expressions and resolving them.

Every example sentence here is invented for the test. The fixed publication date is
Wednesday 30 October 2024 unless a case says otherwise.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck import dates, lang
from claimcheck.dates import DateMention, event_date_near, find_dates
from claimcheck.errors import ClaimcheckError

PUB = dt.date(2024, 10, 30)  # a Wednesday
D = dt.date


def only(text: str, published: dt.date | dt.datetime | None = PUB) -> DateMention:
    """The single mention in `text` (fails if there is not exactly one)."""
    found = find_dates(text, published)
    assert len(found) == 1, [(text[m.start : m.end], m.kind) for m in found]
    return found[0]


def spans(text: str, published: dt.date | None = PUB) -> list[str]:
    return [text[m.start : m.end] for m in find_dates(text, published)]


# (id, text, expected span text, kind, day, granularity)
CASES: list[tuple[str, str, str, str, dt.date | None, str]] = [
    # month and day, either order, abbreviations, ordinals, explicit years
    ("month-day", "The dam failed on August 21 after rain.", "August 21", "date",
     D(2024, 8, 21), "day"),
    ("day-month", "Crews arrived 21 August with pumps.", "21 August", "date",
     D(2024, 8, 21), "day"),
    ("abbr-dot", "Voting closed Aug. 21 in most areas.", "Aug. 21", "date",
     D(2024, 8, 21), "day"),
    ("on-day-month", "The bridge reopened on 8 April.", "8 April", "date",
     D(2024, 4, 8), "day"),
    ("ordinal", "The fair opens on the 21st of August.", "21st of August", "date",
     D(2024, 8, 21), "day"),
    ("full-us", "The plan was signed December 29, 2023 in the capital.",
     "December 29, 2023", "date", D(2023, 12, 29), "day"),
    ("full-uk", "She was sworn in on 2 January 2024.", "2 January 2024", "date",
     D(2024, 1, 2), "day"),
    ("weekday-date", "It rained on Tuesday, Oct. 29, 2024, all day.",
     "Tuesday, Oct. 29, 2024", "date", D(2024, 10, 29), "day"),
    ("full-stop-not-in-span", "The count ended on 20 August.", "20 August", "date",
     D(2024, 8, 20), "day"),
    # ranges and nights: a plain range is its first day, a night the morning it ends
    ("range-first-day", "Talks ran 20-21 August in the port city.", "20-21 August", "date",
     D(2024, 8, 20), "day"),
    ("overnight-range", "Drones flew overnight on 20-21 August.",
     "overnight on 20-21 August", "date", D(2024, 8, 21), "day"),
    ("night-of-range", "The night of 20-21 August was loud.", "The night of 20-21 August",
     "date", D(2024, 8, 21), "day"),
    ("overnight-into", "Shelling went on overnight into August 21.",
     "overnight into August 21", "date", D(2024, 8, 21), "day"),
    ("es-night-range", "Hubo ataques la noche del 20 al 21 de agosto.",
     "la noche del 20 al 21 de agosto", "date", D(2024, 8, 21), "day"),
    # numeric dates
    ("iso", "The log is stamped 2024-10-29 by the server.", "2024-10-29", "date",
     D(2024, 10, 29), "day"),
    ("iso-time", "Filed 2024-10-29T14:00:00Z online.", "2024-10-29T14:00:00Z", "date",
     D(2024, 10, 29), "day"),
    ("us-unambiguous", "Form dated 10/29/2024 was lost.", "10/29/2024", "date",
     D(2024, 10, 29), "day"),
    ("eu-unambiguous", "Form dated 29/10/2024 was lost.", "29/10/2024", "date",
     D(2024, 10, 29), "day"),
    ("slash-ambiguous", "Form dated 03/04/2024 was lost.", "03/04/2024", "date", None, "day"),
    ("dotted-day-first", "Fecha 29.10.2024 en el acta.", "29.10.2024", "date",
     D(2024, 10, 29), "day"),
    # years, decades, year ranges
    ("in-year", "Prices doubled in 2022 across the region.", "2022", "year",
     D(2022, 1, 1), "year"),
    ("since-year", "The line has been closed since 2014.", "2014", "year",
     D(2014, 1, 1), "year"),
    ("bare-year", "The 1967 border is the reference.", "1967", "year",
     D(1967, 1, 1), "year"),
    ("old-year-after-in", "The town was founded in 1492.", "1492", "year",
     D(1492, 1, 1), "year"),
    ("mid-year", "Work resumes by mid-2025.", "2025", "year", D(2025, 1, 1), "year"),
    ("decade", "Rents climbed through the 1990s.", "1990s", "period",
     D(1990, 1, 1), "year"),
    ("year-range", "The survey covered 2014-2016 only.", "2014-2016", "period",
     D(2014, 1, 1), "year"),
    ("season", "The 2022-23 season was short.", "2022-23", "period", D(2022, 1, 1), "year"),
    # months
    ("month-year", "Rates rose in June 2022 and held.", "June 2022", "period",
     D(2022, 6, 1), "month"),
    ("since-month-year", "No rain has fallen since June 2022.", "June 2022", "period",
     D(2022, 6, 1), "month"),
    ("in-month", "The plant closed in April for repairs.", "April", "period",
     D(2024, 4, 1), "month"),
    ("month-this-year", "Costs fell in April this year.", "April this year", "period",
     D(2024, 4, 1), "month"),
    ("last-month-name", "Turnout dropped last November.", "last November", "period",
     D(2023, 11, 1), "month"),
    ("next-month-name", "Elections are due next March.", "next March", "period",
     D(2025, 3, 1), "month"),
    ("es-month-year", "Las cifras de octubre de 2024 son nuevas.", "octubre de 2024", "period",
     D(2024, 10, 1), "month"),
    ("earlier-this-year", "The fund shrank earlier this year.", "earlier this year",
     "period", D(2024, 1, 1), "year"),
    ("last-week", "The port shut last week.", "last week", "period", D(2024, 10, 21), "day"),
    ("last-month", "Sales slowed last month.", "last month", "period", D(2024, 9, 1), "month"),
    # weekdays: latest on or before publication, same day included
    ("on-weekday", "The council met on Monday to vote.", "Monday", "relative",
     D(2024, 10, 28), "day"),
    ("weekday-same-day", "The council meets on Wednesday.", "Wednesday", "relative",
     D(2024, 10, 30), "day"),
    ("weekday-thursday", "Police said on Thursday the road was clear.", "Thursday",
     "relative", D(2024, 10, 24), "day"),
    ("weekday-night", "A fire broke out on Tuesday night.", "Tuesday night", "relative",
     D(2024, 10, 30), "day"),  # a night, dated by the morning it ends
    ("last-weekday", "Results came last Wednesday.", "last Wednesday", "relative",
     D(2024, 10, 23), "day"),
    ("next-weekday", "Results come next Friday.", "next Friday", "relative",
     D(2024, 11, 1), "day"),
    ("weekday-into", "Storms hit Monday into Tuesday.", "Monday into Tuesday", "relative",
     D(2024, 10, 29), "day"),
    ("late-on-weekday", "Rescuers arrived late on Sunday.", "late on Sunday", "relative",
     D(2024, 10, 27), "day"),
    ("es-weekday", "La alcaldía informó el martes del cierre.", "martes", "relative",
     D(2024, 10, 29), "day"),
    ("es-weekday-past", "Llovió el domingo pasado en la sierra.", "domingo pasado",
     "relative", D(2024, 10, 27), "day"),
    # relative days
    ("today", "Schools reopen today in the north.", "today", "relative", PUB, "day"),
    ("this-morning", "A tremor was felt this morning.", "this morning", "relative", PUB, "day"),
    ("tonight", "Power returns tonight, engineers said.", "tonight", "relative", PUB, "day"),
    ("yesterday", "Flights resumed yesterday afternoon.", "yesterday afternoon", "relative",
     D(2024, 10, 29), "day"),
    ("last-night", "Sirens sounded last night.", "last night", "relative", D(2024, 10, 29), "day"),
    ("overnight", "Troops withdrew overnight.", "overnight", "relative", PUB, "day"),
    ("two-days-ago", "The boat sank two days ago.", "two days ago", "relative",
     D(2024, 10, 28), "day"),
    ("weeks-ago", "A truce was agreed 3 weeks ago.", "3 weeks ago", "relative",
     D(2024, 10, 9), "day"),
    ("years-ago", "The mine shut two years ago.", "two years ago", "relative",
     D(2022, 1, 1), "year"),
    ("es-ayer", "Ayer se cerraron las escuelas.", "Ayer", "relative", D(2024, 10, 29), "day"),
    ("es-hoy", "Hoy abren los mercados.", "Hoy", "relative", PUB, "day"),
    ("es-hace", "El puente cayó hace dos días.", "hace dos días", "relative",
     D(2024, 10, 28), "day"),
    # clock times
    ("clock", "The blast came at 12:30 near the square.", "12:30", "time", None, "time"),
    ("clock-am", "Sirens began at 4:40 am.", "4:40 am", "time", None, "time"),
    ("clock-a.m.", "The gates open at 7 a.m. daily.", "7 a.m.", "time", None, "time"),
    ("clock-pm-glued", "The curfew starts at 10pm.", "10pm", "time", None, "time"),
    ("clock-24h", "The train left at 17:13 sharp.", "17:13", "time", None, "time"),
    ("clock-tz", "Markets opened at 0900 GMT.", "0900 GMT", "time", None, "time"),
    ("clock-oclock", "Bells rang at seven o'clock.", "seven o'clock", "time", None, "time"),
    ("clock-noon", "Talks resume at noon.", "noon", "time", None, "time"),
    ("es-clock", "La sesión empezó a las 10 de la noche.", "10 de la noche", "time",
     None, "time"),
    ("es-clock-hours", "Cerró a las 17:30 horas.", "17:30 horas", "time", None, "time"),
    # Spanish dates
    ("es-day-month", "El 29 de octubre hubo lluvias.", "29 de octubre", "date",
     D(2024, 10, 29), "day"),
    ("es-full", "Se firmó el 5 de mayo de 2023.", "5 de mayo de 2023", "date",
     D(2023, 5, 5), "day"),
    ("es-weekday-date", "El martes 29 de octubre llovió.", "martes 29 de octubre", "date",
     D(2024, 10, 29), "day"),
]


@pytest.mark.parametrize(
    ("text", "expected", "kind", "day", "granularity"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_resolution(
    text: str, expected: str, kind: str, day: dt.date | None, granularity: str
) -> None:
    mention = only(text)
    assert text[mention.start : mention.end] == expected
    assert (mention.kind, mention.day, mention.granularity) == (kind, day, granularity)


# ---------------------------------------------------------------- year choice for month/day


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        ("talks on January 2", D(2023, 12, 30), D(2024, 1, 2)),  # just ahead: the coming one
        ("talks on January 10", D(2023, 12, 30), D(2023, 1, 10)),  # too far ahead: the past one
        ("a vote on November 5", D(2024, 10, 30), D(2024, 11, 5)),
        ("a vote on November 15", D(2024, 10, 30), D(2023, 11, 15)),
        ("born on February 29", D(2023, 5, 1), D(2020, 2, 29)),
        ("the flood on October 30", D(2024, 10, 30), D(2024, 10, 30)),
    ],
    ids=["jan2-in-late-dec", "jan10-in-late-dec", "week-ahead", "beyond-week", "leap-day",
         "same-day"],
)
def test_year_choice(text: str, published: dt.date, day: dt.date) -> None:
    assert only(text, published).day == day


def test_month_alone_in_january_article_is_last_year() -> None:
    assert only("Sales rose in April.", D(2024, 1, 15)).day == D(2023, 4, 1)


# ---------------------------------------------------------------- anaphora


def test_anaphoric_counts_from_previous_day() -> None:
    text = "Police came on Monday. The day before, roads were shut. Two days later it rained."
    found = find_dates(text, PUB)
    assert [text[m.start : m.end] for m in found] == ["Monday", "The day before", "Two days later"]
    assert [m.day for m in found] == [D(2024, 10, 28), D(2024, 10, 27), D(2024, 10, 29)]


def test_anaphoric_without_anchor_counts_from_publication() -> None:
    assert only("The next day, crews returned.").day == D(2024, 10, 31)


def test_shift_with_a_complement_is_unresolved() -> None:
    mention = only("The office closed two days before the vote.")
    assert (mention.kind, mention.day) == ("relative", None)


# ---------------------------------------------------------------- things that are not dates


@pytest.mark.parametrize(
    "text",
    [
        "Some 2000 people left the valley.",
        "They paid $2000 for the permit.",
        "More than 2000 homes lost power.",
        "Between 1500-2000 people marched.",
        "The march began at the square.",
        "Officials may 5 times revise it.",
        "Theresa May spoke to reporters.",
        "A letter to May was published.",
        "The plaza in Santo Domingo filled.",
        "Hoy en día todo cuesta más.",
        "Las 5 personas fueron liberadas.",
        "The ratio was 24/7 and the score 2:1.",
        "The code 12024 and 1,2024 are numbers.",
        "Jan alone is a name.",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, PUB) == []


def test_claim_number_next_to_date_is_left_out() -> None:
    text = "On August 21 and 22 people were hurt."
    assert spans(text) == ["August 21"]


def test_date_year_that_is_a_count_is_left_out() -> None:
    assert spans("On 5 May 2000 people gathered.") == ["5 May"]


# ---------------------------------------------------------------- publication handling


def test_no_publication_date_still_finds_relative_expressions() -> None:
    text = "Yesterday the port reopened; on Wednesday, August 21, 2024, and in April it closed."
    found = find_dates(text, None)
    assert [(text[m.start : m.end], m.day) for m in found] == [
        ("Yesterday", None),
        ("Wednesday, August 21, 2024", D(2024, 8, 21)),
        ("April", None),
    ]


def test_publication_datetime_is_accepted() -> None:
    assert only("It snowed yesterday.", dt.datetime(2024, 10, 30, 6, 15)).day == D(2024, 10, 29)


def test_extreme_publication_dates_do_not_raise() -> None:
    text = "Yesterday, next week, on Monday, January 2, next year and two years ago."
    for published in (dt.date.min, dt.date.max):
        assert all(m.start < m.end for m in find_dates(text, published))


@pytest.mark.parametrize(
    ("text", "year"),
    [("in the '90s", 1990), ("in the ’90s", 1990), ("the '20s", 2020), ("the 1980s", 1980)],
)
def test_decades_are_periods_with_or_without_their_century(text: str, year: int) -> None:
    found = only(text)
    assert (found.kind, found.day, found.granularity) == ("period", D(year, 1, 1), "year")


def test_a_decade_without_its_century_and_no_publication_date() -> None:
    found = only("back in the '70s", None)
    assert (found.kind, found.granularity) == ("period", "year")


def test_case_changing_unicode_keeps_offsets() -> None:
    text = "İİ İstanbul İ on 21 August İ yesterday"
    assert spans(text) == ["21 August", "yesterday"]


# ---------------------------------------------------------------- event_date_near


def test_event_date_near_prefers_before_then_after() -> None:
    text = "On Monday 12 people were hurt. At 4:40 am 3 cars burned on 8 April."
    found = find_dates(text, PUB)
    first_end = text.index(".") + 1
    sentence_one, sentence_two = (0, first_end), (first_end + 1, len(text))
    near = event_date_near(found, text.index("12"), sentence_one, PUB)
    assert near is not None and text[near.start : near.end] == "Monday"
    near = event_date_near(found, text.index("3 cars"), sentence_two, PUB)
    assert near is not None and text[near.start : near.end] == "8 April"  # times are skipped


def test_event_date_near_stays_in_the_sentence() -> None:
    text = "It rained on Monday. Then 40 roads closed."
    found = find_dates(text, PUB)
    second = (text.index("Then"), len(text))
    assert event_date_near(found, text.index("40"), second, PUB) is None


def test_event_date_near_returns_the_covering_mention() -> None:
    text = "The plan was signed in June 2022 quickly."
    found = find_dates(text, PUB)
    near = event_date_near(found, text.index("2022"), (0, len(text)))
    assert near is found[0]


# ---------------------------------------------------------------- records and lexicon


def test_mention_rejects_bad_values() -> None:
    with pytest.raises(ClaimcheckError):
        DateMention(5, 5, "date", None, "day")
    with pytest.raises(ValueError, match="kind"):
        DateMention(0, 3, "weekday", None, "day")
    with pytest.raises(ValueError, match="granularity"):
        DateMention(0, 3, "date", None, "week")


def test_public_names() -> None:
    assert dates.__all__ == ["DateMention", "contrast_words", "cumulative_markers",
                             "event_date_near", "find_dates", "period_openers", "period_totals",
                             "present_markers"]


def test_period_words_are_read_from_the_language_tables() -> None:
    assert "since the start of" in dates.period_openers("en")
    assert "since the beginning of the war" in dates.period_totals("en")


def test_vocabulary_is_data() -> None:
    en, es = lang.get("en").table("dates"), lang.get("es").table("dates")
    assert en["months"]["August"] == 8
    assert es["months"]["agosto"] == 8
    assert es["weekdays"]["martes"] == 1
    assert en["relative"]["yesterday"] == ["day", -1]


def test_empty_and_whitespace() -> None:
    assert find_dates("", PUB) == []
    assert find_dates(" \n\t ", PUB) == []


# ---------------------------------------------------------------- speed on hostile input


@pytest.mark.parametrize(
    "text",
    [
        "1:2:12:30:" * 100_000,
        "1234567890" * 100_000,
        "January " * 125_000,
        "JanuaryFebruaryMarch" * 50_000,
        "1 " * 500_000,
        "1.2.3.4." * 125_000,
        "la las a las 1" * 70_000,
    ],
    ids=["digits-colons", "digits", "month-names", "glued-months", "spaced-digits", "dots",
         "es-clock-words"],
)
def test_one_megabyte_of_hostile_input_is_read(text: str) -> None:
    # its cost is measured by benchmarks/linear_time.py (make bench), never timed here
    found = find_dates(text, PUB)
    assert all(0 <= d.start < d.end <= len(text) for d in found)


# ---------------------------------------------------------------- properties

_PIECES = st.sampled_from(
    [
        "August", "Aug.", "21", "20-21", "2024", "1967", ":", "12:30", "4:40", "am", "p.m.",
        "GMT", "on", "Monday", "martes", "el", "de", "octubre", "yesterday", "overnight",
        "into", "the day before", "two", "days", "ago", "earlier", "hace", "since", "in",
        "last", "next", "May", "2000", "people", "/", "-", ".", ",", "'", "s", "İ", "ß",
        "\u00a0", "\n", "o'clock", "las", "10", "03/04/2024", "2024-10-29", "the", "night of",
    ]
)
_TEXT = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=40).map(" ".join),
    st.lists(_PIECES, max_size=40).map("".join),
)
_PUBLISHED = st.one_of(st.none(), st.dates(), st.datetimes())


@settings(max_examples=400, deadline=None)
@given(text=_TEXT, published=_PUBLISHED)
def test_never_raises_and_spans_are_sound(
    text: str, published: dt.date | dt.datetime | None
) -> None:
    found = find_dates(text, published)
    previous_end = 0
    for mention in found:
        assert 0 <= previous_end <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end].strip() != ""
        if mention.kind == "time":
            assert mention.day is None and mention.granularity == "time"
        previous_end = mention.end
    for pos in (0, len(text) // 2, len(text)):
        near = event_date_near(found, pos, (0, len(text)), published)
        assert near is None or near in found


# ---------------------------------------------------------------- nights

NIGHT_PUB = D(2024, 3, 9)  # a Saturday


@pytest.mark.parametrize(("text", "expression", "day", "night"), [
    # a night range is dated by the morning it ends, and flagged as one night
    ("Le bilan de la nuit de mercredi à jeudi est lourd.", "la nuit de mercredi à jeudi",
     D(2024, 3, 7), True),
    ("Douze voitures ont brûlé dans la nuit du lundi 4 au mardi 5 mars.",
     "dans la nuit du lundi 4 au mardi 5 mars", D(2024, 3, 5), True),
    ("The night from Tuesday to Wednesday was quiet.", "The night from Tuesday to Wednesday",
     D(2024, 3, 6), True),
    ("Fires were lit overnight on 6-7 March.", "overnight on 6-7 March", D(2024, 3, 7), True),
    ("Shops burned on Thursday night.", "Thursday night", D(2024, 3, 8), True),
    ("Shops burned overnight into Friday.", "overnight into Friday", D(2024, 3, 8), True),
    ("Shops burned on Thursday evening.", "Thursday evening", D(2024, 3, 7), False),
    # a night named by the morning it ends, before a lone weekday
    ("In der Nacht zum Freitag brannten 40 Autos.", "Freitag", D(2024, 3, 8), True),
    ("У ніч на п'ятницю було 40 пожеж.", "п'ятницю", D(2024, 3, 8), True),
    ("В ночь на пятницу было 40 пожаров.", "пятницу", D(2024, 3, 8), True),
    ("Am Freitag brannten 40 Autos.", "Freitag", D(2024, 3, 8), False),
    ("In der dritten Nacht brannten 40 Autos.", "dritten Nacht", NIGHT_PUB, True),
    ("Fue la tercera noche de disturbios.", "tercera noche", NIGHT_PUB, True),
    ("Era la terza notte di scontri.", "terza notte", NIGHT_PUB, True),
    # a numbered night of a series is the latest one, ending on the morning of publication
    ("Pour la deuxième nuit, la ville a veillé.", "deuxième nuit", NIGHT_PUB, True),
    ("It was the 3rd night of protests.", "3rd night", NIGHT_PUB, True),
    ("Cette nuit, les pompiers sont intervenus.", "Cette nuit", NIGHT_PUB, True),
    ("Entre lundi 4 et mardi 5 mars, 60 feux.", "Entre lundi 4 et mardi 5 mars", D(2024, 3, 5),
     True),
    # a plain range of days is its first day and no night
    ("Entre le 4 et le 6 mars, la foire.", "4 et le 6 mars", D(2024, 3, 4), False),
    ("Du 4 au 6 mars, la foire a eu lieu.", "4 au 6 mars", D(2024, 3, 4), False),
    ("It rained on Tuesday.", "Tuesday", D(2024, 3, 5), False),
])
def test_nights(text: str, expression: str, day: dt.date, night: bool) -> None:
    found = [m for m in find_dates(text, NIGHT_PUB) if text[m.start : m.end] == expression]
    assert [(m.day, m.night) for m in found] == [(day, night)]


def test_anaphoric_nights_count_from_the_previous_night_or_day() -> None:
    text = ("Dans la nuit du 5 au 6 mars, 30 feux. La nuit suivante, 20 feux. "
            "Mardi 5 mars, une réunion; la nuit précédente, 40 feux.")
    found = {text[m.start : m.end]: m for m in find_dates(text, NIGHT_PUB)}
    assert (found["La nuit suivante"].day, found["La nuit suivante"].night) == (D(2024, 3, 7), True)
    # the night before a day ends on that day's morning
    assert found["la nuit précédente"].day == D(2024, 3, 5)
    text = "On Monday 4 March, talks began. That night, 40 fires were lit."
    (monday, that_night) = find_dates(text, NIGHT_PUB)
    assert (that_night.day, that_night.night) == (D(2024, 3, 5), True)


def test_a_span_of_nights_is_one_period_from_its_first_evening() -> None:
    text = "De la nuit du 1er au 2 mars à celle du 7 au 8 mars, 900 interpellations."
    (span,) = find_dates(text, NIGHT_PUB)
    assert text[span.start : span.end] == "la nuit du 1er au 2 mars à celle du 7 au 8 mars"
    assert (span.kind, span.day, span.night) == ("period", D(2024, 3, 1), False)


def test_decades_ago_takes_the_explicit_date_the_text_gives_within_five_years() -> None:
    text = "The ferry sank two decades ago. It went down on 12 May 2006 off the cape."
    ago, named = find_dates(text, PUB, "en")
    assert (ago.day, ago.granularity) == (named.day, "day") == (D(2006, 5, 12), "day")
    # a year further off is another event: the approximation stands
    ago, _ = find_dates("The ferry sank two decades ago. A bridge opened in 1990.", PUB, "en")
    assert (ago.day, ago.granularity) == (D(2004, 1, 1), "year")
    # "two years ago" is no approximation
    ago, _ = find_dates("The ferry sank two years ago. A bridge opened in 2021.", PUB, "en")
    assert ago.day == D(2022, 1, 1)


def test_contrast_words_are_read_per_language() -> None:
    assert "contre" in dates.contrast_words("fr")
    assert "compared with" in dates.contrast_words("en")


@pytest.mark.parametrize("text", ["on 3 May at 14:00", "nothing dated here", "Tuesday night",
                                  "el 12 de marzo", "depuis 2019"])
def test_the_rules_tried_are_those_whose_needs_the_text_holds(text: str) -> None:
    from claimcheck.dates import _applicable, _needs, _reader
    from claimcheck.dates.vocabulary import languages

    codes, low = languages(None), text.lower()
    present = tuple(n.search(low) is not None for n in _needs(codes))
    expected = [r for r in _reader(codes)[1] if r[3] is None or r[3].search(low)]
    assert _applicable(codes, present) == expected
    assert any(present) or text == "nothing dated here"
