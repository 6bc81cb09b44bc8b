"""The frozen per-call view every reader takes, and the records they return."""

from __future__ import annotations

from dataclasses import dataclass, field

from claimcheck.numbers.tables import NumberTables
from claimcheck.numbers.tokens import Token


@dataclass(frozen=True)
class View:
    """One chunk's tokens, its text and its language's tables, read by every function here.

    Frozen: a reader gets the view and returns what it found; `hedged` says a hedge stands
    before the number being read ("more than half"), `alone` that the text is one number.
    """

    t: list[Token]
    text: str
    s: NumberTables
    alone: bool = False  # a number written alone needs no counted noun ("one")
    hedged: bool = False
    #: runs of number words longer than any real figure, cut: (offset of the run's first
    #: word, offset of the first word left out); shared by the views `replace` makes of this one
    cuts: set[tuple[int, int]] = field(default_factory=set, compare=False, repr=False)
    n: int = field(init=False)
    lows: list[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "n", len(self.t))
        # a lemmatised language reads "двох" as its number word "два" (NumberTables.number_word)
        if self.s.lemma is None:
            lows = [t.low for t in self.t]
        else:
            lows = [t.low if t.kind != "word" else self.s.number_word(t.low) for t in self.t]
        object.__setattr__(self, "lows", lows)

    def as_hedged(self) -> View:
        """This view with `hedged` set: what `replace(view, hedged=True)` gives, sharing the
        tokens' lower case instead of computing it again for every hedged figure."""
        if self.hedged:
            return self
        view = object.__new__(View)
        view.__dict__.update(self.__dict__)
        object.__setattr__(view, "hedged", True)
        return view

    def low(self, i: int) -> str:
        """Token i lower-cased (a number word as its lemma where the language lemmatises)."""
        return self.lows[i] if 0 <= i < self.n else ""

    def glued(self, i: int) -> bool:
        """Token i touches token i-1 (no space between)."""
        return 0 < i < self.n and self.t[i - 1].end == self.t[i].start

    def spaced1(self, i: int) -> bool:
        """Token i stands one space after token i-1."""
        return 0 < i < self.n and self.t[i].start - self.t[i - 1].end == 1 and \
            self.text[self.t[i - 1].end] == " "

    def hyphen_at(self, k: int) -> bool:
        """Token k is a hyphen between two words, tight ("twenty-one") or spaced ("fifty - two")."""
        if self.low(k) != "-" or k + 1 >= self.n or k == 0:
            return False
        return (self.glued(k) and self.glued(k + 1)) or (self.spaced1(k) and self.spaced1(k + 1))

    def is_word(self, k: int) -> bool:
        return 0 <= k < self.n and self.t[k].kind == "word"


@dataclass(frozen=True)
class Num:
    """One figure read at a token: its value, its tokens and what was read with it."""

    value: float
    first: int  # token index of the first token
    last: int  # token index after the last token
    unit: str | None = None
    words: bool = False
    magnitude: bool = False
    scale: float = 0.0  # the last magnitude applied ("3 million": 1e6), for "and a half"
    ordinal: bool = False  # "twenty-first", "thirtieth": a rank, not a quantity
    fraction: bool = False  # "two thirds", "3/4": a share when a whole follows ("of the dead")
    coded: bool = False  # the currency came after the amount ("17 USD")


@dataclass(frozen=True)
class Card:
    """A run of number words read as one cardinal ("two hundred and five thousand")."""

    value: float
    end: int  # token index after the last word
    cls: str  # class of the last word: "0", "1-9", "10-19", "20-90", "x100" or "x1000"
    total: float  # the groups already multiplied out
    group: float  # the last group, below a thousand
    last_mag: float  # the last magnitude applied (0 if none)
    words: int  # number words read, a leading article not counted
    one: bool  # the whole cardinal is "one", "a" or "an"
    and_pre: float | None = None  # the value before the last "and" ...
    and_value: float = 0.0  # ... the single word after it ...
    and_scale: float = 0.0  # ... and the magnitude that "and" followed ("two million and three")
