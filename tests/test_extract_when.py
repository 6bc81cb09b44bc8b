"""extract.when: the day a figure is about and the moment it held as of."""

from __future__ import annotations

import datetime as dt

import pytest

import claimcheck
from claimcheck import Document
from claimcheck.extract import read, when


def test_location_and_date_attach() -> None:
    doc = Document(id="d", text="On Tuesday, 5 people were injured in Lviv.",
                   published=dt.date(2025, 8, 21))
    (claim,) = claimcheck.extract(doc)
    assert claim.location == "Lviv"
    assert claim.date == dt.date(2025, 8, 19)

def test_a_sentence_of_nothing_but_a_time_dates_the_figures_before_it() -> None:
    doc = Document(id="d", text="Four people died and 30 were hurt. These are the figures as of 07:30.",
                   published=dt.date(2025, 8, 21))
    stamps = {c.value: c.as_of for c in claimcheck.extract(doc)}
    assert stamps == {4: dt.datetime(2025, 8, 21, 7, 30, tzinfo=dt.timezone.utc),
                      30: dt.datetime(2025, 8, 21, 7, 30, tzinfo=dt.timezone.utc)}


def test_an_as_of_time_carries_on_through_its_paragraph() -> None:
    doc = Document(id="d", text="As of 09:00, 12 people were hurt. So far 3 are known dead.\n"
                                "Rescuers found 2 more people.",
                   published=dt.date(2025, 8, 21))
    stamps = {c.value: c.as_of for c in claimcheck.extract(doc)}
    nine = dt.datetime(2025, 8, 21, 9, 0, tzinfo=dt.timezone.utc)
    assert stamps[12] == stamps[3] == nine
    assert stamps[2] is None  # another paragraph


def test_an_as_of_date_is_no_event_date() -> None:
    doc = Document(id="d", text="As of Monday, 12 people had died.", published=dt.date(2025, 8, 21))
    ctx = read(doc)
    (monday,) = ctx.dates
    assert when.is_as_of(ctx, monday)
    (claim,) = claimcheck.extract(doc)
    assert claim.as_of is not None and claim.as_of.date() == dt.date(2025, 8, 18)


def _dated(text: str, published: dt.date, lang: str = "fr") -> dict[str, tuple[object, ...]]:
    doc = Document(id="d", text=text, published=published, language=lang)
    return {c.text: (c.date, c.date_precision) for c in claimcheck.extract(doc)}


def test_a_night_in_the_sentence_makes_a_night_figure() -> None:
    got = _dated("Dans la nuit de lundi à mardi, 120 voitures ont brûlé.", dt.date(2024, 3, 6))
    assert got["120 voitures"] == (dt.date(2024, 3, 5), "night")


def test_a_date_after_a_contrast_word_belongs_to_the_other_figure() -> None:
    got = _dated("Les heurts ont repris mercredi 6 mars.\n"
                 "Le ministère compte 80 blessés, contre 200 dans la nuit de lundi à mardi.",
                 dt.date(2024, 3, 7))
    assert got["200"] == (dt.date(2024, 3, 5), "night")
    assert got["80 blessés"] == (dt.date(2024, 3, 6), "day")


def test_a_night_carried_from_an_earlier_sentence_dates_a_night() -> None:
    got = _dated("La troisième nuit a été agitée. La police a compté 300 interpellations.",
                 dt.date(2024, 3, 6))
    assert got["300 interpellations"] == (dt.date(2024, 3, 6), "night")


def test_a_recalled_event_in_the_lead_never_dates_the_story() -> None:
    text = ("Riots compared with those of March 2009.\n"
            "Officials put the number of arrests so far at 1,234.")
    got = _dated(text, dt.date(2024, 3, 6), "en")
    assert got["1,234"] == (dt.date(2024, 3, 6), None)


def test_a_date_in_a_parenthesis_dates_only_the_figures_inside_it() -> None:
    got = _dated("Les heurts ont repris mercredi 6 mars.\n"
                 "On compte 50 voitures brûlées (et 90 le 4 mars).", dt.date(2024, 3, 7))
    assert got["90"][0] == dt.date(2024, 3, 4)
    assert got["50 voitures"][0] == dt.date(2024, 3, 6)


def test_a_date_after_a_french_speech_verb_is_the_as_of_time() -> None:
    got = _dated("Selon le bilan communiqué lundi, 400 voitures ont brûlé.", dt.date(2024, 3, 6))
    assert got["400 voitures"] == (dt.date(2024, 3, 6), None)


def test_a_sentence_of_the_present_takes_no_recalled_date() -> None:
    text = ("Floods hit the valley on Monday.\n"
            "In 1998, 40 homes were lost. This time 65 homes were lost.")
    got = _dated(text, dt.date(2024, 3, 6), "en")
    assert got["40 homes"][0] == dt.date(1998, 1, 1)
    assert got["65 homes"][0] == dt.date(2024, 3, 4)


def test_a_forecast_takes_no_recalled_date_but_a_continuation_does() -> None:
    text = ("Storms hit the coast on Monday.\n"
            "In 2012, a flood destroyed 300 homes. Repairs are expected to cost $2 billion.")
    got = _dated(text, dt.date(2024, 3, 6), "en")
    assert got["300 homes"][0] == dt.date(2012, 1, 1)
    assert got["$2 billion"][0] == dt.date(2024, 3, 4)
    text = ("Storms hit the coast on Monday.\n"
            "In 2012, a flood destroyed 300 homes. It left 40 people dead.")
    got = _dated(text, dt.date(2024, 3, 6), "en")
    assert got["40 people"][0] == dt.date(2012, 1, 1)


def test_a_running_total_is_never_one_nights_count() -> None:
    text = "Depuis le début des heurts, 2 400 interpellations, dont 310 la nuit dernière."
    got = _dated(text, dt.date(2024, 3, 6))
    assert got["310"] == (dt.date(2024, 3, 6), "night")
    assert got["2 400 interpellations"][1] != "night"
    text = "The third night was calm.\nSo far 1,900 people have been arrested."
    got = _dated(text, dt.date(2024, 3, 6), "en")
    assert got["1,900 people"][1] != "night"


def test_a_running_toll_weeks_later_is_the_events_toll_as_of_its_day() -> None:
    text = "The floods of October 2 destroyed whole villages. On Wednesday the death toll rose to 64."
    doc = Document(id="d", text=text, published=dt.date(2024, 10, 30))
    (claim,) = claimcheck.extract(doc)
    assert claim.date == dt.date(2024, 10, 2)
    assert claim.as_of is not None and claim.as_of.date() == dt.date(2024, 10, 30)
    # a toll of the reporting days keeps its own day
    text = "The floods of October 27 destroyed whole villages. On Wednesday the death toll rose to 64."
    (claim,) = claimcheck.extract(Document(id="d", text=text, published=dt.date(2024, 10, 30)))
    assert claim.date == dt.date(2024, 10, 30)


@pytest.mark.parametrize(("text", "expected"), [
    # a sentence opening on a recall adverbial recalls its figures
    ("At least 22 people died in the blast. Earlier on Monday, the regional fire brigade had "
     "told reporters that 30 were dead.", {22: False, 30: True}),
    # a recall adverb after the figure recalls it
    ("Officials now confirm 40 deaths (the ministry had given 41 earlier in the day).",
     {40: False, 41: True}),
])
def test_a_recall_adverbial_before_or_after_a_figure_recalls_it(
        text: str, expected: dict[int, bool]) -> None:
    doc = Document(id="d", text=text, published=dt.date(2025, 3, 4))
    assert {c.value: c.recalled for c in claimcheck.extract(doc)} == expected


def test_a_recall_adverb_that_opens_the_events_date_recalls_nothing() -> None:
    doc = Document(id="d", text="The flood in the valley killed 12 people earlier this week.",
                   published=dt.date(2025, 3, 7))
    (claim,) = claimcheck.extract(doc)
    assert not claim.recalled


def test_a_state_that_still_holds_on_a_day_is_told_as_of_that_day() -> None:
    # the lead's first date is when a state still held; the story's event is the storm's day
    doc = Document(id="d", published=dt.date(2025, 3, 12),
                   text="About 40,000 homes were still without heating on Tuesday after the "
                        "blizzard struck the valley on March 8. The blizzard has killed 12 people.")
    ctx = read(doc)
    tuesday = next(d for d in ctx.dates if ctx.text[d.start : d.end] == "Tuesday")
    assert when.is_as_of(ctx, tuesday)
    toll = next(c for c in claimcheck.extract(doc) if c.value == 12)
    assert toll.date == dt.date(2025, 3, 8)


def test_still_in_an_earlier_clause_does_not_make_an_as_of_date() -> None:
    doc = Document(id="d", published=dt.date(2025, 3, 12),
                   text="Still closed, the pass was hit on Tuesday by a blizzard that killed 12 people.")
    ctx = read(doc)
    (tuesday,) = [d for d in ctx.dates if ctx.text[d.start : d.end] == "Tuesday"]
    assert not when.is_as_of(ctx, tuesday)


def test_a_part_of_day_is_read_at_its_hour() -> None:
    doc = Document(id="d", published=dt.date(2025, 3, 9),
                   text="As of Saturday afternoon, 14 people had died. By Saturday, 20 had died.")
    stamps = {c.value: c.as_of for c in claimcheck.extract(doc)}
    assert stamps[14] == dt.datetime(2025, 3, 8, 15, 0, tzinfo=dt.timezone.utc)
    assert stamps[20] == dt.datetime(2025, 3, 8, 23, 59, tzinfo=dt.timezone.utc)


def test_an_as_of_time_reaches_down_a_list_cut_by_semicolons() -> None:
    doc = Document(id="d", published=dt.date(2025, 3, 9),
                   text="As of 6 p.m., 12 people had died in Ohio; 8 in Indiana and four in Iowa; "
                        "on Sunday, 3 died in Utah.")
    stamps = {c.value: c.as_of for c in claimcheck.extract(doc)}
    six_pm = dt.datetime(2025, 3, 9, 18, 0, tzinfo=dt.timezone.utc)
    assert stamps[12] == stamps[8] == stamps[4] == six_pm
    assert stamps[3] != six_pm  # its own part names a day of its own


def test_an_hour_right_before_a_day_is_that_days_hour() -> None:
    doc = Document(id="d", published=dt.date(2025, 3, 10),
                   text="As of 8 p.m. March 8, 10 people had been confirmed dead.")
    (claim,) = claimcheck.extract(doc)
    assert claim.as_of == dt.datetime(2025, 3, 8, 20, 0, tzinfo=dt.timezone.utc)


def test_a_recall_cue_that_names_a_night_dates_that_nights_own_figures() -> None:
    # each night is its own quantity: "la nuit précédente" gives the night, recalls no step
    text = ("Cette nuit, 80 voitures ont brûlé. La nuit précédente, 120 voitures avaient brûlé, "
            "contre 95 annoncées auparavant.")
    doc = Document(id="d", text=text, language="fr", published=dt.date(2024, 3, 6))
    got = {c.value: (c.recalled, c.date_precision) for c in claimcheck.extract(doc)}
    assert got[80] == (False, "night") and got[120] == (False, "night")
    assert got[95][0] is True  # "auparavant" still recalls


def _measures(text: str, published: dt.date) -> dict[str, str | None]:
    doc = Document(id="d", text=text, published=published, language="en")
    return {c.text: c.measure for c in claimcheck.extract(doc)}


@pytest.mark.parametrize("period", [
    "since the start of June", "since June 2", "so far this year", "since the beginning of the war",
])
def test_a_total_over_a_period_opened_before_the_event_is_a_quantity_of_its_own(
        period: str) -> None:
    got = _measures("Russia fired 310 drones at Ukraine overnight, the air force said on Monday. "
                    f"It has launched more than 4,100 drones {period}.", dt.date(2025, 6, 17))
    assert got["310 drones"] == "launched"
    assert got["more than 4,100 drones"] == "launched (total)"


def test_a_total_since_an_earlier_day_that_opens_its_sentence_is_its_own_too() -> None:
    got = _measures("A dam burst on Tuesday, flooding the valley.\n"
                    "Since Saturday, storms have killed 35 people in the region.", dt.date(2025, 5, 21))
    assert got["35 people"] == "killed (total)"


def test_since_the_events_own_day_is_the_events_toll() -> None:
    got = _measures("A dam burst on Monday, 19 May, flooding the valley.\n"
                    "Since Monday, 12 people have died.", dt.date(2025, 5, 21))
    assert got["12 people"] == "killed"


def test_a_year_past_is_no_period_total_of_a_later_clause() -> None:
    got = _measures("No storm has been deadlier since 1998, when 600 people died in the valley.",
                    dt.date(2025, 5, 21))
    assert got["600 people"] == "killed"


def test_a_clause_after_a_semicolon_keeps_the_date_of_the_clause_before() -> None:
    doc = Document(id="d", language="en", published=dt.date(2025, 5, 21),
                   text="Floods struck the valley on Monday, 19 May, killing 9 people.\n"
                        "In 1998, a ferry sank off the coast with 600 people aboard; "
                        "420 passengers drowned.")
    got = {c.text: (c.date, c.date_precision) for c in claimcheck.extract(doc)}
    assert got["420 passengers"] == (dt.date(1998, 1, 1), "year")


def test_a_clause_after_a_semicolon_with_a_date_of_its_own_keeps_it() -> None:
    doc = Document(id="d", language="en", published=dt.date(2025, 5, 21),
                   text="On Monday, 40 people were hurt; on Tuesday, 25 were hurt.")
    got = {c.text: c.date for c in claimcheck.extract(doc)}
    assert got["25"] == dt.date(2025, 5, 20)


def test_a_date_told_later_dates_no_running_count_before_it() -> None:
    doc = Document(id="d", language="en", published=dt.date(2025, 3, 11),
                   text="Thousands marched through Lyon on Tuesday against the reform.\n"
                        "Police said 40 people were arrested in the city.\n"
                        "On 10 February, the ministry had counted 900,000 marchers.")
    got = {c.text: c.date for c in claimcheck.extract(doc)}
    assert got["40 people"] == dt.date(2025, 3, 11)
    assert got["900,000 marchers"] == dt.date(2025, 2, 10)


def test_a_background_date_told_later_still_dates_a_toll_weeks_on() -> None:
    doc = Document(id="d", language="en", published=dt.date(2025, 8, 4),
                   text="The death toll in the valley rose to 141 on Monday.\n"
                        "Torrential rain on 14 July had sent a flood wave down the river.")
    (claim,) = claimcheck.extract(doc)
    assert claim.date == dt.date(2025, 7, 14)


def test_a_year_in_a_relative_clause_dates_neither_the_figure_after_it_nor_the_next() -> None:
    text = ("In Derby, where 1,200 homes flooded in 2019, 300 homes were told to leave. "
            "In Leek, 40 people were rescued.")
    doc = Document(id="d", text=text, published=dt.date(2025, 3, 4))
    old, now, later = claimcheck.extract(doc)
    assert old.date is not None and old.date.year == 2019
    assert now.date == dt.date(2025, 3, 4) and later.date == dt.date(2025, 3, 4)


def test_a_total_over_the_past_week_is_a_quantity_of_its_own() -> None:
    text = "Over the past week alone, Russia has launched more than 1,500 drones at Ukraine."
    (claim,) = claimcheck.extract(Document(id="d", text=text, published=dt.date(2025, 3, 4)))
    assert claim.measure == "launched (total)"


def test_a_date_after_up_from_is_the_earlier_figures() -> None:
    # "74,500, up from 55,800 a week earlier": the week-old day is the 55,800's, not the
    # 74,500's, which keeps the story's day
    text = ("Thousands marched in Lyon on Saturday against the reform.\n"
            "A counting firm put the crowd at 74,500, up from 55,800 a week earlier.")
    doc = Document(id="d", published="2026-02-08T12:00:00+01:00", language="en", text=text)
    crowd = next(c for c in claimcheck.extract(doc) if c.text.startswith("74,500"))
    assert str(crowd.date) == "2026-02-07"


def test_a_day_in_a_quote_or_in_a_comparison_dates_no_toll() -> None:
    # "bigger than last week" is the speaker's day, not the count's; the day of a figure
    # compared with ("compared with 30 on 2 March") is not the event a later toll counts from
    quoted = ("Unions held a second day of marches on Thursday 12 March.\n"
              "\"This is bigger than last week,\" the union leader said, adding that 1.1 "
              "million people had marched.\nPolice said four people were arrested in Lyon.")
    doc = Document(id="q", published="2026-03-12T21:00:00+01:00", language="en", text=quoted)
    assert {str(c.date) for c in claimcheck.extract(doc)} == {"2026-03-12"}
    compared = ("Police made 48 arrests in Lille on Thursday, compared with 30 on 2 March.\n"
                "Twelve officers were hurt, police said.")
    doc = Document(id="r", published="2026-03-13T09:00:00+01:00", language="en", text=compared)
    days = {c.text: str(c.date) for c in claimcheck.extract(doc)}
    assert days == {"48 arrests": "2026-03-12", "30": "2026-03-02", "Twelve officers": "2026-03-12"}


def test_a_day_after_up_by_is_the_compared_days() -> None:
    # "up by a third on ... 2 March": the count is compared with that day, not dated by it
    text = ("Teachers marched in Porto on Thursday.\nThe ministry's count of 90,000 marchers "
            "was up by a third on the first day of action on 2 March.")
    doc = Document(id="a", published="2026-03-12T20:00:00+00:00", language="en", text=text)
    (claim,) = claimcheck.extract(doc)
    assert str(claim.date) == "2026-03-12"


def test_the_day_of_a_compared_figure_is_not_the_storys_date() -> None:
    # the 4 May figure is the one compared with: the 9,100 counted today keeps the report's day
    text = "In Leeds, stewards counted 9,100 marchers, against 6,300 on 4 May."
    doc = Document(id="d", text=text, language="en", published="2026-05-11T09:00:00+00:00")
    dated = [(c.text, c.date) for c in claimcheck.extract(doc)]
    assert dated == [("9,100 marchers", dt.date(2026, 5, 11)), ("6,300", dt.date(2026, 5, 4))]
