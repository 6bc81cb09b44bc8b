from __future__ import annotations

import claimcheck
from claimcheck import Document


def test_a_total_that_sums_the_places_figures_is_their_common_place() -> None:
    text = ("In Passau starben 7 Menschen. Damit stieg die Zahl der Toten auf insgesamt 11. "
            "In Sachsen starben 4 Menschen.")
    claims = claimcheck.extract(Document(id="d", text=text, language="de"))
    assert [c.location for c in claims] == ["Passau", "Germany", "Sachsen"]
    text = "In Passau starben 7 Menschen. Insgesamt starben dort 9. In Sachsen starben 4 Menschen."
    claims = claimcheck.extract(Document(id="d", text=text, language="de"))
    assert claims[1].location != "Germany"  # 9 is no sum of 7 and 4
