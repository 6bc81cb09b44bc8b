"""How does `claimcheck check` scale with the number of documents? A timing script, not a test.

It writes N made-up reports of a handful of events (each report: a national toll, a city
toll, a drone count; figures drawn so that some agree, some grow and some conflict) to a
JSON Lines file, then times reading it and running `claimcheck.check`, and prints documents
per second and peak memory for each N.

    .venv/bin/python benchmarks/scale.py                  # N = 1,000 and 10,000
    .venv/bin/python benchmarks/scale.py --sizes 1000 100000
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import tempfile
import time
from pathlib import Path

import claimcheck
from claimcheck.io import read_documents

_CITIES = ["Lviv", "Kharkiv", "Odesa", "Dnipro", "Chernihiv", "Sumy", "Poltava", "Mykolaiv"]
_OUTLETS = ["Wire A", "Wire B", "Daily C", "Radio D", "Channel E", "Post F"]


def _report(rng: random.Random, i: int) -> dict[str, object]:
    event = rng.randrange(8)
    day = dt.date(2025, 3, 1) + dt.timedelta(days=3 * event)
    city = _CITIES[event]
    national = 10 + event + rng.choice([0, 0, 1, 2])
    local = 3 + rng.choice([0, 0, 1])
    drones = 400 + 10 * event + rng.choice([0, 0, 0, 7])
    text = (
        f"Overnight Russia attacked Ukraine with {drones} drones, the air force said. "
        f"At least {national} people were killed across the country, officials said. "
        f"In {city}, {local} people were killed and {rng.randint(5, 30)} were injured, "
        f"the mayor said."
    )
    return {"id": f"r{i}", "text": text, "source": rng.choice(_OUTLETS),
            "published": f"{day}T{rng.randint(6, 22):02d}:00:00+00:00", "language": "en"}


def run(n: int, seed: int = 7) -> dict[str, float]:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "reports.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for i in range(n):
                out.write(json.dumps(_report(rng, i)) + "\n")
        t0 = time.perf_counter()
        batch = read_documents([path])
        t1 = time.perf_counter()
        report = claimcheck.check(batch.documents)
        t2 = time.perf_counter()
    return {
        "docs": n,
        "read_s": t1 - t0,
        "check_s": t2 - t1,
        "docs_per_s": n / (t2 - t0),
        "claims": len(report.claims),
        "groups": len(report.groups),
        "conflicts": sum(g.verdict == "conflict" for g in report.groups),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    claimcheck.extract("warm-up: 5 people in Kyiv")  # load the gazetteer and the unit registry
    print(f"{'docs':>8} {'read s':>8} {'check s':>8} {'docs/s':>8} {'claims':>8} {'groups':>7} "
          f"{'conflict':>8} {'peak MB':>8}")
    for n in args.sizes:
        r = run(n)
        print(f"{r['docs']:>8,.0f} {r['read_s']:>8.2f} {r['check_s']:>8.2f} {r['docs_per_s']:>8.0f} "
              f"{r['claims']:>8,.0f} {r['groups']:>7,.0f} {r['conflicts']:>8,.0f} {r['peak_mb']:>8.0f}")


if __name__ == "__main__":
    main()
