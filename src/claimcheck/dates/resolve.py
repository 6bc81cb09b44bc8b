"""Date arithmetic against the publication date: years for month-days, weekdays, shifts.

Every function takes the publication date (or an anchor) and returns None instead of raising
when the result would leave the calendar (`dt.date.min`, `dt.date.max`) or the base is None.
"""

from __future__ import annotations

import datetime as dt

FUTURE_DAYS = 7  # a month-day up to a week after publication is the coming one


def as_date(published: object) -> dt.date | None:
    if isinstance(published, dt.datetime):
        return published.date()
    return published if isinstance(published, dt.date) else None


def mkdate(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None


def add_days(day: dt.date | None, n: int) -> dt.date | None:
    if day is None:
        return None
    try:
        return day + dt.timedelta(days=n)
    except OverflowError:
        return None


def shift(base: dt.date | None, n: int, unit: str) -> tuple[dt.date | None, str]:
    """`base` moved by n units: a week lands on its Monday, a month on the 1st, a year on 1 Jan."""
    if base is None:
        return None, "day" if unit in ("day", "week") else unit
    if unit == "day":
        return add_days(base, n), "day"
    if unit == "week":
        return add_days(base, 7 * n - base.weekday()), "day"
    if unit == "month":
        year, month0 = divmod(base.year * 12 + base.month - 1 + n, 12)
        return mkdate(year, month0 + 1, 1), "month"
    return mkdate(base.year + n, 1, 1), "year"


def near_year(pub: dt.date | None, month: int, day: int) -> dt.date | None:
    """The latest month/day at most `FUTURE_DAYS` after `pub` (8 years back, for 29 Feb)."""
    if pub is None:
        return None
    limit = add_days(pub, FUTURE_DAYS) or pub
    for year in range(pub.year + 1, pub.year - 9, -1):
        found = mkdate(year, month, day)
        if found is not None and found <= limit:
            return found
    return None


def month_with_modifier(pub: dt.date | None, month: int, offset: int) -> dt.date | None:
    if pub is None:
        return None
    if offset < 0:  # "last April": the latest April before the publication month
        return mkdate(pub.year if month < pub.month else pub.year - 1, month, 1)
    if offset > 0:  # "next April": the first April after it
        return mkdate(pub.year if month > pub.month else pub.year + 1, month, 1)
    return mkdate(pub.year, month, 1)


def weekday(pub: dt.date | None, day: int, mode: str) -> dt.date | None:
    """The weekday `day` (0 = Monday) on or before `pub`; strictly "before" or "after" it."""
    if pub is None:
        return None
    if mode == "after":
        return add_days(pub, (day - pub.weekday()) % 7 or 7)
    back = (pub.weekday() - day) % 7
    return add_days(pub, -(back or 7) if mode == "before" else -back)
