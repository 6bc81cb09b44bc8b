"""Matching and judging alone: `match.align` then `discrepancy.judge` on synthetic claims.

Claims are built directly as `claimcheck.models.Claim` records (no text is read): many events
in many places on many days, each reported by tens of documents, each document giving a few of
the event's figures (dead, injured, evacuated, missing, homes damaged; country and cities).
Figures follow a running count with rounding, hedges, stale and outlying reports, so groups
have the sizes and the mix of agreement, updates and conflicts that real batches have.

Each size runs in its own interpreter (peak memory is that run's alone) with `--budget`
CPU seconds for align + judge (the gazetteer and the lexicons are loaded before the clock starts);
a size past its budget is reported as over budget, not waited for.

    .venv/bin/python benchmarks/grouping.py --sizes 10000 100000 1000000 --budget 300
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys

from _common import OverBudget, child, clock, cpu_budget, fmt, peak_mb, slope, table

from claimcheck.judge import doc_times, judge
from claimcheck.match import align
from claimcheck.models import Claim, Document
from claimcheck.policy import Policy

#: country (name, key) -> cities (name, key), as `places.resolve` reads them
PLACES: dict[tuple[str, str], list[tuple[str, str]]] = {
    ("Spain", "ES"): [("Valencia", "ES/Valencian Community/Valencia"),
                      ("Almería", "ES/Andalusia/Almería"), ("Sevilla", "ES/Andalusia/Sevilla"),
                      ("Málaga", "ES/Andalusia/Málaga"), ("Bilbao", "ES/Basque Country/Bilbao"),
                      ("Murcia", "ES/Region of Murcia/Murcia"), ("Zaragoza", "ES/Aragon/Zaragoza")],
    ("United States", "US"): [("Houston", "US/Texas/Houston"),
                              ("New Orleans", "US/Louisiana/New Orleans")],
    ("Philippines", "PH"): [("Manila", "PH//Manila"), ("Cebu", "PH//Cebu City")],
    ("Ukraine", "UA"): [("Lviv", "UA/Lviv Oblast/Lviv"), ("Kharkiv", "UA/Kharkiv Oblast/Kharkiv")],
    ("India", "IN"): [("Chennai", "IN//Chennai")],
    ("Brazil", "BR"): [("Porto Alegre", "BR//Porto Alegre"), ("Recife", "BR//Recife")],
    ("Mexico", "MX"): [("Oaxaca", "MX//Oaxaca"), ("Acapulco", "MX//Acapulco de Juárez")],
    ("Kenya", "KE"): [("Nairobi", "KE//Nairobi"), ("Mombasa", "KE//Mombasa")],
    ("Italy", "IT"): [("Genoa", "IT//Genoa"), ("Bologna", "IT//Bologna")],
    ("France", "FR"): [("Marseille", "FR//Marseille"), ("Lyon", "FR//Lyon")],
}
#: (entity, measure, typical size at the start, growth per day) of one event's quantities
QUANTITIES = [("person", "killed", 12, 0.4), ("person", "injured", 60, 0.3),
              ("person", "evacuated", 3000, 0.2), ("person", "missing", 20, -0.2),
              ("home", "damaged", 400, 0.1)]
SPEAKERS = [None, None, "the Interior Ministry", "the mayor", "civil protection officials",
            "the regional government", "police", "the Red Cross", "the fire service"]
CLAIMS_PER_DOC = 8
DOCS_PER_EVENT = 25


def synthetic(n: int, seed: int = 11, days: int | None = 3650) -> tuple[list[Claim], dict[str, Document]]:
    """About `n` claims from n / 8 documents of n / 200 events, reproducibly.

    The events fall on `days` days (ten years): more claims mean busier places and weeks, as
    in a growing archive. `days=None` keeps the density of events constant instead (one event
    per 7.3 days, as 100k claims have in ten years), so that groups keep their size as N grows.
    """
    rng = random.Random(seed)
    countries = list(PLACES)
    n_docs = max(1, n // CLAIMS_PER_DOC)
    n_events = max(1, n_docs // DOCS_PER_EVENT)
    span = days if days is not None else max(1, round(n_events * 7.3))
    events = []
    for e in range(n_events):
        country = rng.choice(countries)
        cities = rng.sample(PLACES[country], k=min(2, len(PLACES[country])))
        day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(span))
        base = {q: max(1, round(q[2] * rng.uniform(0.3, 3))) for q in QUANTITIES}
        events.append((e, country, cities, day, base))
    claims: list[Claim] = []
    docs: dict[str, Document] = {}
    d = 0
    while len(claims) < n:
        _, country, cities, day, base = events[d % n_events]
        doc_id = f"d{d}"
        hours = rng.randrange(2, 96)
        published = dt.datetime.combine(day, dt.time(6), tzinfo=dt.timezone.utc) + dt.timedelta(hours=hours)
        docs[doc_id] = Document(id=doc_id, text="", source=f"Outlet {rng.randrange(40)}",
                                published=published if rng.random() < 0.9 else published.date())
        offset = 0
        for k in range(min(CLAIMS_PER_DOC, n - len(claims))):
            q = rng.choice(QUANTITIES)
            entity, measure, _, growth = q
            location, key = rng.choice([country, *cities, *cities])
            true = base[q] * (1 + growth) ** (hours / 24)
            if key != country[1]:
                true *= 0.4
            claims.append(_claim(rng, f"{doc_id}:c{k + 1}", doc_id, offset, true, entity, measure,
                                 location, key, day, published.date()))
            offset += 40
        d += 1
    return claims, docs


def _claim(rng: random.Random, cid: str, doc: str, offset: int, true: float, entity: str,
           measure: str, location: str, key: str, day: dt.date, seen: dt.date) -> Claim:
    roll = rng.random()
    value = float(max(1, round(true)))
    low: float | None = value
    high: float | None = value
    qualifier, hedge = "exact", None
    if roll < 0.15:  # rounded
        value = float(max(1, round(value, -1)))
        low, high, qualifier, hedge = value, value, "approximate", "about"
    elif roll < 0.30:  # a lower bound
        value = float(max(1, round(value * 0.9)))
        low, high, qualifier, hedge = value, None, "at_least", "at least"
    elif roll < 0.35:  # an outlier
        value = float(max(1, round(value * rng.choice([0.3, 2.5]))))
        low = high = value
    elif roll < 0.42:  # a stale figure recalled
        value = float(max(1, round(value * 0.6)))
        low = high = value
    text = f"{value:g} {entity}s"
    # as `extract` does: the event day the text gives, else the publication day (no precision)
    precision = "day" if rng.random() < 0.85 else None
    return Claim(id=cid, doc=doc, start=offset, end=offset + len(text), text=text, value=value,
                 low=low, high=high, qualifier=qualifier, entity=entity, measure=measure,
                 location=location, place_key=key, date=day if precision else seen,
                 date_precision=precision, speaker=rng.choice(SPEAKERS), hedge=hedge,
                 recalled=0.35 <= roll < 0.42)


def measure(n: int, budget: float, seed: int = 11, days: int | None = 3650) -> dict[str, object]:
    """Build `n` claims, then time align and judge (as `pipeline.check` calls them)."""
    w0, _ = clock()
    claims, docs = synthetic(n, seed, days)
    out: dict[str, object] = {"n": n, "docs": len(docs), "build_s": clock()[0] - w0}
    policy = Policy()
    few, few_docs = synthetic(200, seed + 1)  # loads the gazetteer and the lexicons first
    for group in align(few, policy):
        judge(group.claims, few_docs, policy)
    out["rss_before_mb"] = peak_mb()
    try:
        with cpu_budget(budget):
            w2, c2 = clock()
            groups = align(claims, policy)
            _, c3 = clock()
            times = doc_times(docs)
            verdicts = [judge(g.claims, docs, policy, times=times)[0] for g in groups]
            w4, c4 = clock()
    except OverBudget:
        out.update(error=f"over budget ({budget:g} CPU s for align + judge)", peak_mb=peak_mb())
        return out
    sizes = sorted(len(g.claims) for g in groups)
    out.update(align_s=c3 - c2, judge_s=c4 - c3, cpu_s=c4 - c2, wall_s=w4 - w2, groups=len(groups),
               grouped=sum(sizes), median_group=sizes[len(sizes) // 2] if sizes else 0,
               max_group=sizes[-1] if sizes else 0,
               conflicts=sum(v == "conflict" for v in verdicts), peak_mb=peak_mb())
    return out


def run(sizes: list[int], budget: float, constant_density: bool = False) -> str:
    """The markdown table for `sizes`, each measured in its own interpreter."""
    rows, points = [], []
    for n in sizes:
        extra = ["--constant-density"] if constant_density else []
        r = child("grouping.py", [str(n), "--budget", str(budget), *extra], timeout=6 * budget + 300)
        cpu = r.get("cpu_s")
        if isinstance(cpu, float):
            points.append((n, cpu))
        rows.append([f"{n:,}", fmt(r.get("build_s")), fmt(r.get("align_s")), fmt(r.get("judge_s")),
                     fmt(cpu), fmt(r.get("wall_s")), fmt(r.get("groups"), ","),
                     fmt(r.get("median_group"), ","),
                     fmt(r.get("max_group"), ","), fmt(r.get("rss_before_mb"), ",.0f"),
                     fmt(r.get("peak_mb"), ",.0f"), r.get("error", "ok")])
        print(f"  grouping {n:,}: {r}", file=sys.stderr, flush=True)
    s = slope(points)
    rows.append(["slope", "", "", "", fmt(s, ".2f"), "", "", "", "", "", "",
                 f"log-log fit of align+judge CPU s over {len(points)} sizes"])
    head = ["claims", "build s", "align CPU s", "judge CPU s", "align+judge CPU s", "wall s", "groups",
            "median size", "max size", "RSS before MB", "peak RSS MB", "outcome"]
    how = "events at constant density" if constant_density else "events over ten years"
    return table(f"Matching and judging alone (synthetic Claim records, {how})", head, rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--budget", type=float, default=300, help="seconds per size (default 300)")
    parser.add_argument("--constant-density", action="store_true",
                        help="spread events over more days as N grows, so groups keep their size")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        days = None if args.constant_density else 3650
        print(json.dumps(measure(args.child, args.budget, days=days)))
        return 0
    print(run(args.sizes, args.budget, args.constant_density))
    return 0


if __name__ == "__main__":
    sys.exit(main())
