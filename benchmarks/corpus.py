"""A seeded generator of news batches built on benchmarks/articles.jsonl.

The articles are made-up wire copy written for these benchmarks (English and Spanish: floods,
storms, strikes, protests, earthquakes). `batch(n, seed)` turns them into `n` documents about
n / 20 events: each event takes one article, moves it to another city of the same country and
to another day, and scales its figures; each of the event's reports is that article from one
of many outlets at some hour of the following days, most figures as the event has them, some
grown, rounded or contradicted. The same seed gives the same batch.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from pathlib import Path

from claimcheck.models import Document

ARTICLES = Path(__file__).resolve().parent / "articles.jsonl"
DOCS_PER_EVENT = 20
OUTLETS = ["Northern Wire", "Southern Wire", "Coastal Courier", "Iberian Herald", "Daily Ledger",
           "Radio Meridian", "Channel Six", "Evening Post", "Agencia Sur", "Diario del Puerto",
           "Morning Star", "The Observer Desk", "Metro News", "Crónica Global", "Valley Times"]
#: the cities each article's city may be replaced with (same country, known to the gazetteer)
CITIES = {
    "Brazil": ["Porto Alegre", "Recife", "Salvador", "Fortaleza", "Curitiba"],
    "Spain": ["Valencia", "Almería", "Sevilla", "Málaga", "Bilbao", "Murcia", "Zaragoza", "Madrid"],
    "España": ["Valencia", "Almería", "Sevilla", "Málaga", "Bilbao", "Murcia", "Zaragoza", "Madrid"],
    "India": ["Chennai", "Kolkata", "Mumbai", "Hyderabad"],
    "United States": ["Houston", "New Orleans", "Dallas", "Miami", "Tampa"],
    "Philippines": ["Manila", "Cebu", "Davao"],
    "Ukraine": ["Kharkiv", "Lviv", "Odesa", "Dnipro"],
    "France": ["Lyon", "Marseille", "Toulouse", "Nice"],
    "Italy": ["Genoa", "Bologna", "Naples", "Turin"],
    "Kenya": ["Nairobi", "Mombasa", "Kisumu"],
    "Nigeria": ["Lagos", "Abuja", "Kano"],
    "Mexico": ["Oaxaca", "Acapulco", "Puebla", "Veracruz"],
    "México": ["Oaxaca", "Acapulco", "Puebla", "Veracruz"],
}
#: a figure in digits: grouped thousands first, then a plain run, with its decimals
_NUMBER = {
    "en": re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w,])"
                     r"|(?<![\w.,])\d+(?:\.\d+)?(?![\w])"),
    "es": re.compile(r"(?<![\w.,])\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\w.])"
                     r"|(?<![\w.,])\d+(?:,\d+)?(?![\w])"),
}


def articles() -> list[dict[str, str]]:
    """The stored articles: id, language, topic, city, country, text (paragraphs on lines)."""
    with ARTICLES.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _rewrite(text: str, language: str, scale: float, rng: random.Random, noise: float) -> str:
    """Every figure in `text` times `scale`, a share of them moved by up to `noise`."""

    def one(m: re.Match[str]) -> str:
        raw = m.group(0)
        sep, dec = (",", ".") if language == "en" else (".", ",")
        plain = raw.replace(sep, "").replace(dec, ".")
        value = float(plain)
        if 1900 <= value <= 2100 and "." not in plain:
            return raw  # a year
        factor = scale * (1 + rng.uniform(-noise, noise) if rng.random() < 0.3 else 1)
        new = value * factor
        if "." in plain:
            digits = len(plain.split(".")[1])
            out = f"{new:,.{digits}f}"
        else:
            new = max(1, round(new))
            out = f"{new:,d}" if (sep in raw or new >= 10_000) else str(new)
        if language == "es":
            out = out.replace(",", "\0").replace(".", ",").replace("\0", ".")
        return out

    return _NUMBER[language].sub(one, text)


def batch(n: int, seed: int = 2026) -> list[Document]:
    """`n` documents about n / 20 events, reproducibly from `seed`."""
    rng = random.Random(seed)
    pool = articles()
    n_events = max(1, n // DOCS_PER_EVENT)
    events = []
    for _ in range(n_events):
        art = rng.choice(pool)
        city = rng.choice(CITIES.get(art["country"], [art["city"]]))
        text = art["text"].replace(art["city"], city)
        day = dt.date(2016, 1, 1) + dt.timedelta(days=rng.randrange(3650))
        scale = rng.choice([1, 1, 1, 0.5, 0.8, 1.25, 2, 3])
        events.append((art, _rewrite(text, art["language"], scale, rng, 0.0), day))
    docs = []
    for i in range(n):
        art, text, day = events[i % n_events]
        hours = rng.randrange(3, 80)
        published = dt.datetime.combine(day, dt.time(5), tzinfo=dt.timezone.utc) + dt.timedelta(hours=hours)
        # later reports move some figures: grown tolls, rounding, the odd contradiction
        body = _rewrite(text, art["language"], 1.0, rng, min(0.5, hours / 150))
        docs.append(Document(id=f"{art['id']}-{i}", text=body, source=rng.choice(OUTLETS),
                             published=published, language=art["language"]))
    return docs
