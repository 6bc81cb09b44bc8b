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


def test_an_as_of_date_is_no_event_date() -> None:
    doc = Document(id="d", text="As of Monday, 12 people had died.", published=dt.date(2025, 8, 21))
    ctx = read(doc)
    (monday,) = ctx.dates
    assert when.is_as_of(ctx, monday)
    (claim,) = claimcheck.extract(doc)
    assert claim.as_of is not None and claim.as_of.date() == dt.date(2025, 8, 18)
