"""extract.when: the day a figure is about and the moment it held as of."""

from __future__ import annotations

import datetime as dt

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
