"""Reading a CSV of reference figures (`claimcheck check --reference`) as claims."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from pydantic import ValidationError

from claimcheck.errors import InputError
from claimcheck.lexicon import plural
from claimcheck.models import Claim


def read_reference_csv(path: str | Path) -> list[Claim]:
    """A CSV of reference figures (date, place, entity, measure, value, source) as claims."""
    path = Path(path)
    claims: list[Claim] = []
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise InputError(f"cannot read the reference table: {exc.strerror}", where=str(path)) from exc
    with handle:
        reader = csv.DictReader(handle)
        required = {"value", "entity", "measure"}
        missing = required - set(reader.fieldnames or [])
        if missing:
            raise InputError(f"the reference table needs columns {sorted(missing)}; "
                             "add them to the header row", where=f"{path}:1")
        for number, row in enumerate(reader, start=2):
            where = f"{path}:{number}"
            try:
                value = float(row["value"])
                low = float(row["low"]) if row.get("low") else value
                high = float(row["high"]) if row.get("high") else value
                day = dt.date.fromisoformat(row["date"]) if row.get("date") else None
            except ValueError as exc:
                raise InputError(f"bad number or date in the row: {exc}", where=where) from exc
            try:
                as_of = _timestamp(row["as_of"]) if row.get("as_of") else None
            except ValueError as exc:
                raise InputError(f"bad as_of timestamp {row['as_of']!r}: use ISO 8601",
                                 where=where) from exc
            text = f"{row['value']} {plural(row['entity'], value)} {row['measure']}"
            try:
                claims.append(_reference_claim(path, number, row, text, value, low, high, day,
                                               as_of))
            except ValidationError as exc:
                problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}"
                                     for e in exc.errors())
                raise InputError(f"the row is not a valid figure ({problems}); fix the row",
                                 where=where) from exc
    return claims


def _timestamp(raw: str) -> dt.datetime:
    stamp = dt.datetime.fromisoformat(raw)
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.timezone.utc)


def _reference_claim(path: Path, number: int, row: dict[str, str], text: str, value: float,
                     low: float, high: float, day: dt.date | None,
                     as_of: dt.datetime | None) -> Claim:
    return Claim(
        id=f"ref:{path.stem}:{number - 1}", doc=f"ref:{path.stem}", start=0, end=len(text),
        text=text, context=text,
        value=value, low=low, high=high,
        qualifier=row.get("qualifier") or "exact",
        unit=row.get("unit") or None, entity=row["entity"], measure=row["measure"],
        location=row.get("place") or None, date=day, date_precision="day" if day else None,
        speaker=row.get("source") or None, as_of=as_of,
    )
