"""extract.measured: what a measurement or a sum of money is of (rain, storm surge, wind,
insured losses, cost), named by the words around the figure."""

from __future__ import annotations

import claimcheck
from claimcheck import Document, numbers
from claimcheck.extract import measured, read


def _entities(text: str) -> list[tuple[str, str | None]]:
    return [(c.text, c.entity) for c in claimcheck.extract(Document(id="d", text=text))]


def test_rain_and_snow_are_no_distance_of_anything_else() -> None:
    rain, snow = claimcheck.extract("Up to 120 mm of rain fell, with 30 cm of snow on the passes.")
    assert (rain.entity, snow.entity) == ("rain", "snow")
    (level,) = claimcheck.extract("After heavy rain the river rose 3 metres.")
    assert (level.entity, level.measure) == ("height", "height")  # a level risen is a height
    (far,) = claimcheck.extract("The village lies 12 km from the dam.")
    assert (far.entity, far.measure) == ("distance", "distance")


def test_a_speed_in_two_units_is_one_kind_of_quantity() -> None:
    claims = claimcheck.extract(Document(id="d", text="Gusts reached 90 mph (145 km/h) on Monday."))
    assert {c.entity for c in claims} == {"wind gust"}
    assert {c.measure for c in claims} == {"speed"}


def test_a_length_of_rain_and_a_length_of_surge_are_two_quantities() -> None:
    found = _entities("Forecasters expect up to 12 inches (300mm) of rain and a 9ft (3m) storm "
                      "surge on the coast.")
    assert found == [("up to 12 inches", "rain"), ("300mm", "rain"), ("9ft", "storm surge"),
                     ("3m", "storm surge")]


def test_a_unit_written_as_an_adjective_measures_its_noun() -> None:
    found = _entities("Divers searched the 30-meter, 98-foot, tunnel and a 12-foot wall.")
    assert found == [("30-meter", "tunnel"), ("98-foot", "tunnel"), ("12-foot", "wall")]


def test_a_sum_of_money_is_what_its_sentence_names() -> None:
    text = ("Analysts put insured losses at $3 billion. The total cost of the storm could "
            "reach $20 billion.")
    claims = claimcheck.extract(Document(id="d", text=text))
    assert [(c.entity, c.measure) for c in claims] == [("insured loss", "insured loss"),
                                                       ("cost", "cost")]


def test_a_simple_length_is_a_distance_and_a_speed_is_no_length() -> None:
    assert measured.is_length("m") and measured.is_length("mi")
    assert not measured.is_length("km/h") and not measured.is_length(None)
    assert measured.length_measure() == "distance"



def test_the_name_of_a_sum_is_the_nearest_a_full_scan_finds() -> None:
    # priced looks in a window around the sum (bisection); a scan of every name must agree
    pair = "insured losses of ${} million, damage of ${} million and a cost of ${} million; "
    text = "Estimates: " + "".join(pair.format(k, k + 40, k + 80) for k in range(1, 30)) + "all."
    ctx = read(Document(id="d", text=text, language="en"))
    (sentence,) = ctx.sentences
    names = measured._sum_names(ctx, sentence).spans
    sums = [m for m in numbers.scan(text, "en") if m.unit]
    assert len(sums) == 87 and len(names) == 87
    for m in sums:
        nearest = min((measured._distance(m, span), span[2]) for span in names)[1]
        assert measured.priced(ctx, m, sentence) == nearest


def test_the_last_character_before_a_figure_skips_spaces_only() -> None:
    text = "winds of ( 225 km/h)"
    assert measured._last_char(text, 0, text.index("225")) == "("
    assert measured._last_char("   ", 0, 3) == ""
    assert measured._last_char("ab", 0, 2) == "b"
