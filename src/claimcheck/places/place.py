"""A place: a city, region or country, and what it contains."""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck.errors import InputError

_KINDS = ("city", "region", "country")


@dataclass(frozen=True)
class Place:
    """A city, region or country; `region` is the city's region name, or a region's own name."""

    name: str
    kind: str
    country: str
    region: str | None

    def __post_init__(self) -> None:
        if self.kind not in _KINDS:
            raise InputError(
                f"Place kind {self.kind!r} is not known; use 'city', 'region' or 'country'."
            )
        if self.kind == "region" and self.region != self.name:
            raise InputError(
                f"Region {self.name!r} has region {self.region!r}; a region's region is its name."
            )
        if self.kind == "country" and self.region is not None:
            raise InputError(f"Country {self.name!r} has region {self.region!r}; use None.")

    def contains(self, other: Place) -> bool:
        """True if `other` lies within this place (a place contains itself)."""
        if self == other:
            return True
        if self.country != other.country:
            return False
        if self.kind == "country":
            return True
        return self.kind == "region" and other.kind == "city" and other.region == self.name

    @property
    def key(self) -> str:
        """Stable id: "UA", "UA/Lviv Oblast", "UA/Lviv Oblast/Lviv" ("CC//City" if no region)."""
        if self.kind == "country":
            return self.country
        if self.kind == "region":
            return f"{self.country}/{self.name}"
        return f"{self.country}/{self.region or ''}/{self.name}"
