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
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from claimcheck.lang import normalise

Qualifier = Literal[
    "exact", "approximate", "at_least", "more_than", "at_most", "less_than", "range", "vague"
]
ClaimKind = Literal["count", "money", "measurement", "percent", "age", "duration"]
Verdict = Literal["consistent", "conflict", "evolving"]
DiscrepancyKind = Literal["contradiction", "tension", "update", "possible"]

#: the most characters of a claim's `context` (its sentence, or a window centred on its span)
CONTEXT_LIMIT = 300
# marks a claim's measure may end with, each making a quantity of its own: a part of another
# figure ("three of them"), an increment ("four more"), a total over a period opened before
# the story ("since the start of June")
PART_MARK = " (part)"
MORE_MARK = " (more)"
TOTAL_MARK = " (total)"


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise ValueError(f"{value} is not a finite number; give a finite number or null")
    return value


#: a float that is neither NaN nor infinite: the type of every number a record holds
FiniteFloat = Annotated[float, AfterValidator(_finite)]


class _Record(BaseModel):
    # a field's docstring is its description in the JSON Schema (docs/schema.md)
    # every key is always written, so the schema of the output requires every key
    model_config = ConfigDict(frozen=True, extra="forbid", ser_json_inf_nan="null",
                              use_attribute_docstrings=True,
                              json_schema_serialization_defaults_required=True)

    def model_post_init(self, context: Any, /) -> None:
        """Share one set of given field names among records given the same fields: pydantic
        keeps a set per record (700 bytes, a third of a claim), and a run holds millions of
        alike records. pydantic copies the set before it changes one (`model_copy`)."""
        given = self.__pydantic_fields_set__
        object.__setattr__(self, "__pydantic_fields_set__",
                           _FIELD_SETS.setdefault(frozenset(given), given))


#: one set of field names per distinct set, shared by every record given those fields
_FIELD_SETS: dict[frozenset[str], set[str]] = {}


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
    """Unique in a run; the file name or line number when the input gives none."""
    text: str
    """The article body; paragraphs separated by a line break."""
    source: str | None = None
    """The outlet's name."""
    url: str | None = None
    """Where the text was published."""
    published: dt.datetime | dt.date | None = None
    """When, in ISO 8601: a date alone is a day; a time without a zone is read as UTC."""
    language: str | None = None
    """The ISO 639-1 code of the text; when none is given it is detected from the text."""
    extra: dict[str, ExtraValue] = {}
    """The fields of the input record that claimcheck does not use."""

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
    """`<document id>:c<n>`, numbered in text order; `ref:<csv stem>:<row>` for a reference figure."""
    doc: str
    """The id of the document the claim comes from (`ref:<csv stem>` for a reference figure)."""
    start: int = Field(ge=0)
    """Where the evidence starts in the document text (a character offset)."""
    end: int = Field(ge=0)
    """Where the evidence ends in the document text (exclusive)."""
    text: str
    """Exactly `document.text[start:end]`: the figure as written, with its hedge and unit."""
    value: FiniteFloat
    """The point figure stated: a range gives its midpoint, a vague quantity its floor."""
    low: FiniteFloat | None
    """The lowest value the wording allows; null when it sets no lower bound."""
    high: FiniteFloat | None
    """The highest value the wording allows; null when it sets no upper bound."""
    qualifier: Qualifier
    """How the wording bounds the figure (`at least 11` is `at_least`)."""
    unit: str | None = None
    """Null for a plain count; else a unit name or currency code (`percent`, `EUR`, `kilometer`)."""
    kind: ClaimKind = "count"
    """What sort of figure it is, from its unit and wording."""
    entity: str | None = None
    """The counted thing, singular (`person`, `drone`), or the kind of quantity measured."""
    measure: str | None = None
    """What happened to it (`killed`, `evacuated`); a part of another figure has `<measure> (part)`,
    an increment `<measure> (more)`, a total since a day before the story `<measure> (total)`."""
    location: str | None = None
    """The place the figure is about, as a place name."""
    place_key: str | None = None
    """The resolved place as a path from country to city (`ES/Andalusia/Almería`)."""
    date: dt.date | None = None
    """The day of the event the figure is about, or the publication day when the text gives none."""
    date_precision: Literal["day", "night", "month", "year"] | None = None
    """How precise `date` is (`night`: the figure is one night's, and `date` is the morning that
    night ends); null when `date` is only the publication day."""
    as_of: dt.datetime | None = None
    """When the text says the figure was true (`by 9 am`), if it says so."""
    recalled: bool = False
    """The text presents the figure as an earlier one (`up from 11`)."""
    later: bool = False
    """The text presents the figure as a newer one (`rose to 17`)."""
    detail: str | None = None
    """For a part of a figure, the words after it, lower case (`are in serious condition`)."""
    speaker: str | None = None
    """Who the text attributes the figure to; null when the outlet states it in its own voice."""
    hedge: str | None = None
    """The hedge words as written, lower case (`up to`, `about`)."""
    ratio_of: str | None = None
    """For `72 out of 99`, the id of the claim for the whole, on the claim for the part."""
    context: str = ""
    """For quoting: the sentence the figure stands in, or a window of it centred on the
    figure when the sentence is longer than 300 characters."""
    context_start: int = Field(0, ge=0)
    """Where `context` starts in the document text (a character offset)."""

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
    """The ids of the two claims: for an update the earlier report first, else by document id."""
    kind: DiscrepancyKind
    """`contradiction` (both cannot be true), `tension` (only a hedge reconciles them),
    `update` (a later figure of a running count), or `possible`: a contradiction or tension
    asserted with too little confidence, listed apart and never counted as a conflict."""
    abs_diff: FiniteFloat
    """How far apart the two figures are, in the group's unit."""
    rel_diff: FiniteFloat | None
    """`abs_diff` as a share of the smaller figure (0.21 is 21%); null when that figure is
    zero, or too small to divide by."""
    explanation: str
    """The two figures, who gave them and why they disagree, as a sentence."""
    confidence: FiniteFloat = Field(1.0, ge=0, le=1)
    """How sure claimcheck is that the two claims speak of one quantity and truly disagree,
    0 to 1; below `Policy.min_confidence` the pair is reported as `possible`."""
    reasons: list[str] = []
    """Why the confidence is below 1, one short sentence each."""


class Estimate(_Record):
    """A reconciled low / best / high for a group, with the rule that produced it."""

    low: FiniteFloat | None
    """The lowest figure the group's reports allow; null when open."""
    best: FiniteFloat | None
    """The best single figure; null when there is none."""
    high: FiniteFloat | None
    """The highest figure the group's reports allow; null when open."""
    rule: str
    """The rule that produced the estimate."""


class Alignment(_Record):
    """Why the claims of a group were aligned: the features they share, with scores."""

    features: dict[str, str]
    """What the claims share, as written: measure, entity, place, date, sources (docs/matching.md)."""
    scores: dict[str, FiniteFloat] = {}
    """An entity, event-date and place-scope score, each from 0 to 100."""
    score: FiniteFloat
    """The mean of the scores, to one decimal."""


class ClaimGroup(_Record):
    """Claims about one measured quantity, their verdict and discrepancies."""

    id: str
    """`g<n>`, numbered in report order."""
    about: str
    """The quantity in words: entity, measure, place, date."""
    claims: list[str]
    """The ids of the group's claims."""
    verdict: Verdict
    """`conflict` when two claims contradict or are in tension, `evolving` for a running
    count, else `consistent`."""
    discrepancies: list[Discrepancy] = []
    """Every pair of claims that disagree, updates included."""
    estimate: Estimate | None = None
    """A reconciled low, best and high figure."""
    alignment: Alignment | None = None
    """Why the claims were grouped."""


class Check(_Record):
    """A structural check across groups (parts vs whole), failed or passed."""

    rule: str
    """The rule checked (`sum of parts <= whole`, ...)."""
    claims: list[str]
    """The ids of the claims the check compared."""
    passed: bool
    """Whether the figures obey the rule."""
    explanation: str
    """What was compared, as a sentence."""


class Diagnostic(_Record):
    """A problem found in the input: what, where (file and line), and what was done."""

    code: str
    """What was wrong, as a code (docs/errors.md lists them all)."""
    message: str
    """What was wrong and what to do, as a sentence."""
    where: str | None = None
    """The file, or file and line (`docs.jsonl:7`), or `documents[3]` for library input."""
    document: str | None = None
    """The id of the document concerned, when known."""
    action: Literal["skipped", "processed"] = "skipped"
    """`skipped`: the input was left out; `processed`: it was read anyway."""
