"""Typed, frozen records: Document, Claim, ClaimGroup, Discrepancy, Estimate, Diagnostic.

Every record round-trips through JSON (`model_dump_json` / `model_validate_json`) and exports
a JSON Schema (`Claim.model_json_schema()`). A Claim's evidence is a character span into its
document's text, the way a spaCy `Span` points back into its `Doc`, and a bounded `context`
around it (at most `CONTEXT_LIMIT` characters), so a report grows with its claims, not with
the length of a sentence.

Every number a record holds is a `FiniteFloat` (or None): NaN and infinity are refused at
construction, so every record, and every report, serialises as strict JSON.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from claimcheck.lang import normalise

Qualifier = Literal[
    "exact", "approximate", "at_least", "more_than", "at_most", "less_than", "range", "vague"
]
ClaimKind = Literal["count", "money", "measurement", "percent", "age", "duration"]
Verdict = Literal["consistent", "conflict", "evolving"]
DiscrepancyKind = Literal["contradiction", "tension", "update"]

#: the most characters of a claim's `context` (its sentence, or a window centred on its span)
CONTEXT_LIMIT = 300


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise ValueError(f"{value} is not a finite number; give a finite number or null")
    return value


#: a float that is neither NaN nor infinite: the type of every number a record holds
FiniteFloat = Annotated[float, AfterValidator(_finite)]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", ser_json_inf_nan="null")


#: a value `Document.extra` may hold: what a JSON scalar can be
ExtraValue = str | int | float | bool | None

_ISO_EXAMPLE = "2025-07-12 or 2025-07-12T09:00:00+02:00"


class Document(_Record):
    """One news report: its text and where and when it was published.

    `language` is normalised to its ISO 639-1 primary subtag ("EN", "en-US" -> "en");
    `published` is an ISO 8601 string (a date is a day, not midnight) or a `datetime`/`date`;
    `extra` keeps the fields of an input record that claimcheck does not use (a title, ...).
    """

    id: str = Field(min_length=1)
    text: str
    source: str | None = None
    url: str | None = None
    published: dt.datetime | dt.date | None = None
    language: str = "en"
    extra: dict[str, ExtraValue] = {}

    @field_validator("published", mode="before")
    @classmethod
    def _iso_only(cls, value: object) -> object:
        # only ISO 8601 text: a number would otherwise become seconds since 1970
        if value is None or isinstance(value, dt.date):  # a datetime is a date too
            return value
        if not isinstance(value, str):
            raise ValueError(f"published must be an ISO 8601 date or time such as {_ISO_EXAMPLE}, "
                             f"not the {type(value).__name__} {value!r}; write it as a string")
        raw = value.strip()
        if raw[-1:] in ("Z", "z"):  # Python 3.10's fromisoformat knows no "Z"
            raw = raw[:-1] + "+00:00"
        try:
            # "2025-07-12" is a day, not midnight UTC, whether it comes from JSON or from Python
            return dt.date.fromisoformat(raw) if len(raw) <= 10 else dt.datetime.fromisoformat(raw)
        except ValueError:
            raise ValueError(f"published {value!r} is not an ISO 8601 date or time; "
                             f"write it as {_ISO_EXAMPLE}") from None

    @field_validator("published")
    @classmethod
    def _aware(cls, value: dt.datetime | dt.date | None) -> dt.datetime | dt.date | None:
        # a naive timestamp is read as UTC so that every timestamp compares with every other
        if isinstance(value, dt.datetime) and value.tzinfo is None:
            return value.replace(tzinfo=dt.timezone.utc)
        return value

    @field_validator("language", mode="before")
    @classmethod
    def _language_code(cls, value: object) -> object:
        # "EN", "en-US", "en_GB" -> "en"; an empty or unknown code is kept for a diagnostic
        return normalise(value) if isinstance(value, str) else value

    @classmethod
    def from_record(cls, record: Mapping[str, object]) -> Document:
        """A Document from a JSON-like mapping; fields it does not know are kept in `extra`.

        A kept value that is no JSON scalar (a list, an object) is kept as its JSON text.
        Raises pydantic's `ValidationError` (a `ValueError`) when a known field is wrong.
        """
        fields = {k: v for k, v in record.items() if k in cls.model_fields and k != "extra"}
        kept = record.get("extra")
        extra: dict[str, object] = dict(kept) if isinstance(kept, Mapping) else {}
        for key, value in record.items():
            if key not in cls.model_fields:
                extra[str(key)] = value if value is None or isinstance(value, (str, int, float)) \
                    else json.dumps(value, ensure_ascii=False, default=str)
        if kept is not None and not isinstance(kept, Mapping):
            return cls.model_validate({**fields, "extra": kept})  # the error names the field
        return cls.model_validate({**fields, "extra": extra})

    @property
    def published_day(self) -> dt.date | None:
        """The calendar day of publication, in the timestamp's own time zone."""
        if isinstance(self.published, dt.datetime):
            return self.published.date()
        return self.published


class Claim(_Record):
    """A numeric claim: a figure, the interval its wording allows, and what it counts."""

    id: str
    doc: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    context: str = ""
    context_start: int = Field(0, ge=0)
    value: FiniteFloat
    low: FiniteFloat | None
    high: FiniteFloat | None
    qualifier: Qualifier
    unit: str | None = None
    kind: ClaimKind = "count"
    entity: str | None = None
    measure: str | None = None
    location: str | None = None
    place_key: str | None = None
    date: dt.date | None = None
    date_precision: Literal["day", "month", "year"] | None = None
    as_of: dt.datetime | None = None
    recalled: bool = False
    later: bool = False
    detail: str | None = None
    speaker: str | None = None
    hedge: str | None = None
    ratio_of: str | None = None

    @model_validator(mode="after")
    def _invariants(self) -> Claim:
        if self.end - self.start != len(self.text) or self.end < self.start:
            raise ValueError(
                f"claim {self.id}: span {self.start}:{self.end} does not fit its text {self.text!r}"
            )
        if self.context:
            lo, hi = self.context_start, self.context_start + len(self.context)
            # the context holds the span, or, for a span longer than the limit, lies inside it
            around = lo <= self.start and self.end <= hi or self.start <= lo and hi <= self.end
            if len(self.context) > CONTEXT_LIMIT or not around:
                raise ValueError(
                    f"claim {self.id}: context {lo}:{hi} must hold the span "
                    f"{self.start}:{self.end} in at most {CONTEXT_LIMIT} characters"
                )
        if self.low is not None and self.low > self.value:
            raise ValueError(f"claim {self.id}: low {self.low} is above value {self.value}")
        if self.high is not None and self.high < self.value:
            raise ValueError(f"claim {self.id}: high {self.high} is below value {self.value}")
        return self

    def check_against(self, document: Document) -> None:
        """Raise ValueError unless the span and the context slice back into `document`."""
        if document.id != self.doc or document.text[self.start : self.end] != self.text:
            raise ValueError(f"claim {self.id} does not point into document {document.id}")
        end = self.context_start + len(self.context)
        if self.context and document.text[self.context_start : end] != self.context:
            raise ValueError(f"claim {self.id}: its context does not slice back into "
                             f"document {document.id} at {self.context_start}:{end}")


class Discrepancy(_Record):
    """Two claims of one group that disagree, how, and by how much."""

    claims: tuple[str, str]
    kind: DiscrepancyKind
    abs_diff: FiniteFloat
    rel_diff: FiniteFloat | None  # None when one figure is zero (or too small to divide by)
    explanation: str


class Estimate(_Record):
    """A reconciled low / best / high for a group, with the rule that produced it."""

    low: FiniteFloat | None
    best: FiniteFloat | None
    high: FiniteFloat | None
    rule: str


class Alignment(_Record):
    """Why the claims of a group were aligned: the features they share, with scores."""

    features: dict[str, str]
    scores: dict[str, FiniteFloat] = {}
    score: FiniteFloat


class ClaimGroup(_Record):
    """Claims about one measured quantity, their verdict and discrepancies."""

    id: str
    about: str
    claims: list[str]
    verdict: Verdict
    discrepancies: list[Discrepancy] = []
    estimate: Estimate | None = None
    alignment: Alignment | None = None


class Check(_Record):
    """A structural check across groups (parts vs whole), failed or passed."""

    rule: str
    claims: list[str]
    passed: bool
    explanation: str


class Diagnostic(_Record):
    """A problem found in the input: what, where (file and line), and what was done."""

    code: str
    message: str
    where: str | None = None
    document: str | None = None
    action: Literal["skipped", "processed"] = "skipped"
