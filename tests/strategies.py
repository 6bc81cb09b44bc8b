"""Hypothesis strategies shared by the test modules (one place, as in attrs' tests/strategies.py).

* numbers rendered the ways news text writes them (digits, thousands separators, words);
* text: arbitrary Unicode, and text built from number fragments (hedges, magnitudes, units,
  currency signs, designations, dates) so that the scanner's corner cases meet each other;
* documents built from templates with hypothesis-chosen figures, for the matcher and
  discrepancy properties (order independence, self-comparison, scaling).

Every text here is made up for the tests; none is taken from an article.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hypothesis import strategies as st
from num2words import num2words

from claimcheck import Claim, Document, numbers

# ---------------------------------------------------------------- numbers


def spelled(n: int) -> str:
    """`n` in English words, without the commas num2words puts between groups."""
    return str(num2words(n)).replace(",", "")


def grouped(n: int | float) -> str:
    """`n` with English thousands separators (`1,600`, `12,345.5`)."""
    return f"{n:,}"


def grouped_es(n: int) -> str:
    """`n` with Spanish thousands separators (`3.400`)."""
    return f"{n:,}".replace(",", ".")


SENSIBLE = st.integers(min_value=0, max_value=10**9)


def marked(whole: int, decimals: str, marks: tuple[str, str], grouping: bool = True) -> str:
    """`whole` and its decimal digits written with a language's (decimal, group) marks."""
    decimal, group = marks
    body = f"{whole:,}".replace(",", group) if grouping else str(whole)
    return f"{body}{decimal}{decimals}" if decimals else body


#: (whole, decimal digits, grouped): a number to write with a language's marks
mark_cases = st.tuples(
    st.integers(min_value=0, max_value=10**12),
    st.text(alphabet="0123456789", max_size=6),
    st.booleans(),
)

#: (value, text): an integer rendered as digits, with separators, or in words
rendered_ints = SENSIBLE.flatmap(
    lambda n: st.sampled_from([str(n), grouped(n), spelled(n), spelled(n).replace(" and ", " ")])
    .map(lambda text: (n, text))
)

# ---------------------------------------------------------------- text

#: any Unicode text (surrogates excluded: they cannot come out of a decoded file)
unicode_text = st.text(max_size=300)

NUMBER_FRAGMENTS = (
    # hedges and range words
    "at least", "at least at least", "no less than", "more than", "over", "up to", "as many as",
    "nearly", "almost", "about", "around", "some", "roughly", "an estimated", "fewer than",
    "between", "and", "to", "from", "out of", "of", "-", "–", "+", "/",
    # number words, magnitudes, vague amounts
    "one", "twelve", "forty-two", "a", "dozen", "dozens of", "several", "hundreds", "thousands of",
    "half", "quarter", "a quarter of a", "million", "billion", "bn", "m", "k", "minus",
    # units and currency
    "£", "$", "€", "US$", "per cent", "percent", "%", "km", "mm", "tonnes", "years old", "aged",
    # digits in odd company
    "1,600", "7.6", "3.400", "0", "00", "1,5", "10,000,000", "½", "1/2", "-5", "2nd", "44th",
    # designations, dates and times
    "Tu-95MS", "Kh-101", "Geran-2", "F-16", "Covid-19", "12:30", "4:40 am", "2022", "21 August",
    "20-21", "Tuesday",
    # words and punctuation around numbers
    "people", "drones", "missiles", "were", "killed", "injured", "said", "according to", "in",
    "Kyiv", "Lviv", "Ukraine", "Valencia", "the", "worst", "“", "”", ",", ".", ";", "(", ")", "\n",
)

_fragment = st.one_of(
    st.sampled_from(NUMBER_FRAGMENTS),
    st.integers(min_value=0, max_value=10**7).map(str),
    st.integers(min_value=0, max_value=10**7).map(grouped),
    st.text(max_size=4),
)

#: text built from number fragments joined by spaces, nothing, commas or line breaks
number_text = st.lists(
    st.tuples(_fragment, st.sampled_from([" ", " ", " ", "", ", ", "\n"])), max_size=30
).map(lambda parts: "".join(f + sep for f, sep in parts))

#: language codes the scanner knows, and one it does not (falls back to English)
languages = st.sampled_from(["en", "es", "xx"])

# ---------------------------------------------------------------- hostile text

#: characters from every Unicode category that text can hold (surrogates excluded)
unicode_categories = st.text(
    st.characters(codec="utf-8", categories=["L", "M", "N", "P", "S", "Z", "Cc", "Cf", "Co"]),
    max_size=80,
)

#: figures at and beyond the limits of floating point, denormals and number-like oddities
LIMIT_FIGURES = (
    "1.7e308", "1.8e308", "1.7976931348623157e308", "9e307", "1e308", "1e+308", "1E308",
    "1e-320", "5e-324", "4.9e-324", "2.2e-308", "1e-400", "1e400", "0", "0.0", "-0", "000",
    "1" + "0" * 309, "9" * 330, "179,769,313,486,231,570,000", "10^308", "10^309", "1.1^9999",
    "9.9x10^307", "6.23x10^-4", "2.48×10−5", "inf", "-inf", "NaN", "∞", "0x1F", "1_000",
)
number_like = st.one_of(
    st.sampled_from(LIMIT_FIGURES),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.floats(allow_nan=False, allow_infinity=False).map(lambda x: f"{x:,}"),
    st.integers(min_value=-(10**400), max_value=10**400).map(str),
    st.from_regex(r"[+\-−]?[0-9]{1,4}([.,][0-9]{1,4})?(e[+\-]?[0-9]{1,4})?", fullmatch=True),
)

#: super- and subscript digits, other scripts' digits, fractions and numeric symbols
ODD_DIGITS = (
    "²", "³", "¹", "⁰", "⁹", "⁻", "₀", "₂", "₃", "10^²", "2/³", "x²", "H₂O", "10⁻³", "3x10³",
    "٣٤", "٠٫٥", "١٬٠٠٠", "۴۵", "४२", "১২", "๓๓", "１２", "１，０００", "𝟕𝟖", "½", "⅓", "⅞", "↉",
    "Ⅻ", "ⅻ", "①", "⑳", "⒛", "㉑", "〸", "٫", "٬",
)
odd_digits = st.one_of(
    st.sampled_from(ODD_DIGITS),
    st.text(st.characters(categories=["Nd", "No", "Nl"]), min_size=1, max_size=6),
)

#: decades with and without their century, in straight and curly quotes
DECADES = ("'90s", "’90s", "the '80s", "1990s", "2020s", "'00s", "1000s", "2190s", "90s", "'9s",
           "’20s and ’30s")

#: dates near and beyond the ends of the calendar, and impossible ones
FAR_DATES = ("31 December 9999", "9999-12-31", "1 January 1", "0001-01-01", "December 31, 9999",
             "March 9999", "12/31/9999", "30 February 2024", "99999-01-01", "in 2199",
             "the year 1000", "10,000 BC", "next year", "two years ago", "yesterday")

UNIT_WORDS = ("km", "miles", "m", "mm", "inches", "tonnes", "kg", "pounds", "litres", "gallons",
              "km²", "km^2", "square miles", "hectares", "mph", "km/h", "°C", "kelvin", "m³",
              "kWh", "per cent", "%", "nm", "light years", "metres per second")
HOSTILE_HEDGES = ("at least", "more than", "up to", "about", "nearly", "fewer than", "some",
                  "an estimated", "as many as", "~", ">", "<=", "±", "between", "and", "to")

#: one very long token: digits with separators, letters, marks, with no sentence break
long_tokens = st.tuples(
    st.sampled_from(["9", "1,000", "1.", "e", "a", "٣", "²", "-", "1 ", "x", "'9", "0."]),
    st.integers(min_value=50, max_value=600),
).map(lambda p: p[0] * p[1])

_hostile_piece = st.one_of(
    unicode_categories, number_like, odd_digits, st.sampled_from(DECADES),
    st.sampled_from(FAR_DATES), st.sampled_from(UNIT_WORDS), st.sampled_from(HOSTILE_HEDGES),
    st.sampled_from(NUMBER_FRAGMENTS),
)

#: hostile text: the pieces above joined by spaces, nothing or odd whitespace; or one long token
hostile_text = st.one_of(
    st.lists(
        st.tuples(_hostile_piece, st.sampled_from([" ", " ", "", "\u00a0", "\n", ". ", "\u2028"])),
        max_size=12,
    ).map(lambda parts: "".join(p + sep for p, sep in parts)),
    st.tuples(st.sampled_from(["", "About ", "$", "Officials said "]), long_tokens,
              st.sampled_from(["", " people", " km", "%", ". 5 people died."])).map("".join),
)

#: publication dates, the far ones included
far_published = st.one_of(
    st.none(), st.dates(), st.datetimes(),
    st.datetimes(timezones=st.sampled_from([dt.timezone.utc, dt.timezone(dt.timedelta(hours=14)),
                                            dt.timezone(dt.timedelta(hours=-12))])),
    st.sampled_from([dt.date.min, dt.date.max, dt.datetime.max, dt.datetime.min]),
)

# ---------------------------------------------------------------- template documents

HEDGES = ("", "up to ", "at least ", "more than ", "about ", "nearly ")

#: figures whose last digit is not 0, so exact figures carry no rounding slack
unround = st.integers(min_value=1, max_value=5_000).filter(lambda n: n % 10 != 0)


@dataclass(frozen=True)
class AttackReport:
    """One made-up report of an overnight attack: a hedged drone and missile figure."""

    id: str
    hour: int
    drone_hedge: str
    drones: int
    missile_hedge: str
    missiles: int

    def render(self, scale: int = 1) -> Document:
        drones = f"{self.drone_hedge}{grouped(self.drones * scale)}"
        missiles = f"{self.missile_hedge}{grouped(self.missiles * scale)}"
        text = (
            f"Overnight, {drones} drones were launched at Ukraine, officials said.\n"
            f"{missiles[:1].upper()}{missiles[1:]} missiles were also fired at Ukraine, "
            "officials said."
        )
        published = dt.datetime(2025, 7, 12, self.hour, tzinfo=dt.timezone.utc)
        return Document(id=self.id, text=text, source=f"Outlet {self.id}", published=published)


@st.composite
def attack_reports(draw: st.DrawFn, min_size: int = 2, max_size: int = 3) -> list[AttackReport]:
    """Reports of one attack published at distinct hours of one day."""
    n = draw(st.integers(min_value=min_size, max_value=max_size))
    hours = draw(st.lists(st.integers(6, 22), min_size=n, max_size=n, unique=True))
    return [
        AttackReport(
            id=f"r{i + 1}",
            hour=hours[i],
            drone_hedge=draw(st.sampled_from(HEDGES)),
            drones=draw(unround),
            missile_hedge=draw(st.sampled_from(HEDGES)),
            missiles=draw(unround),
        )
        for i in range(n)
    ]


PLACES = ("Kyiv", "Lviv", "Kharkiv", "Odesa", "Ukraine")
SENTENCES = (
    "{hedge}{n} people were killed in {place}, officials said.",
    "{hedge}{n} people were injured in {place}.",
    "{hedge}{n} drones were launched at {place}.",
)


@st.composite
def mixed_documents(draw: st.DrawFn) -> list[Document]:
    """Two to four documents mixing tolls and attacks in several places over three days."""
    n_docs = draw(st.integers(min_value=2, max_value=4))
    docs = []
    for i in range(n_docs):
        sentences = []
        for _ in range(draw(st.integers(min_value=1, max_value=4))):
            hedge = draw(st.sampled_from(HEDGES))
            sentence = draw(st.sampled_from(SENTENCES)).format(
                hedge=hedge,
                n=grouped(draw(st.integers(1, 3_000))),
                place=draw(st.sampled_from(PLACES)),
            )
            sentences.append(sentence[:1].upper() + sentence[1:])
        day = draw(st.integers(min_value=20, max_value=22))
        published = dt.datetime(2025, 8, day, 6 + i, tzinfo=dt.timezone.utc)
        docs.append(Document(id=f"m{i + 1}", text=" ".join(sentences), published=published))
    return docs


# ---------------------------------------------------------------- hand-built claims


def make_claim(id: str, value: float, **changes: object) -> Claim:
    """A claim built by hand (no extraction): `value` drones launched at Ukraine on 12 July 2025.

    The text is the figure itself so the span invariant holds; pass `qualifier`, `low`,
    `high`, `measure`, `location`, `date`... to change what it says.
    """
    qualifier = changes.pop("qualifier", "exact")
    low, high = numbers.interval(value, str(qualifier))
    text = str(changes.pop("text", f"{value:g}"))
    data: dict[str, object] = {
        "id": id, "doc": id.split(":")[0], "start": 0, "end": len(text), "text": text,
        "value": value, "low": low, "high": high, "qualifier": qualifier, "entity": "drone",
        "measure": "launched", "location": "Ukraine", "place_key": "UA",
        "date": dt.date(2025, 7, 12), "date_precision": "day",
    }
    data.update(changes)
    return Claim.model_validate(data)
