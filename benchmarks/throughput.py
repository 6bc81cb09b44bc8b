"""Extraction throughput: `claimcheck.extract` against quantulum3 on the same inputs.

Inputs are the English articles of benchmarks/articles.jsonl (made up for these benchmarks),
whole and split into paragraphs (one input per line), and optionally the English documents of
a directory of `docs.jsonl` files (`--corpus`), read but never copied. Every row is the best
of `--repeat` passes over all inputs, in CPU time; the last column is quantulum3's time over
claimcheck's (above 1: claimcheck is faster). quantulum3 comes with the `bench` extra;
without it its columns are '-'.

A second table times one call of `extract` on a one-sentence text (timeit, best of 5), and
the per-call overhead that the issue caps at 50 microseconds: what a call costs beyond the work
on its text, the time per call of 200 different one-figure sentences each extracted alone less
each sentence's share of the time of the same sentences extracted as one document.

claimcheck is given each text's language, as the documents give theirs; one more row shows what
detecting it costs (quantulum3 reads English only and detects nothing).
"""

from __future__ import annotations

import json
import time
import timeit
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path

import corpus
from _common import fmt, table

import claimcheck
from claimcheck.models import Document

SENTENCE = "At least 14 people were injured in Lviv on Tuesday, the governor said."
NO_NUMBER = "The governor said rescuers were still searching the rubble."
_CITIES = ("Lviv", "Kharkiv", "Odesa", "Dnipro", "Poltava")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
_SPEAKERS = ("the governor", "the mayor", "police", "officials")


def sentences(count: int = 200) -> list[str]:
    """`count` different one-figure sentences in the shape of `SENTENCE` (figure, place, day
    and speaker varied), for the per-call overhead."""
    return [f"At least {3 + k} people were injured in {_CITIES[k % 5]} on "
            f"{_DAYS[k // 5 % 5]}, {_SPEAKERS[k // 25 % 4]} said." for k in range(count)]


def _quantulum() -> Callable[[str], int] | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None

    def parse(text: str) -> int:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return len(parser.parse(text))

    parse(SENTENCE)  # loads its unit tables and classifier
    return parse


def _claimcheck(text: str, language: str | None = "en") -> int:
    """claimcheck on an English text, its language given as the documents give theirs (every
    dev document and stored article names its language); `language=None` detects it first."""
    return len(claimcheck.extract(Document(id="bench", text=text, language=language)))


def _detecting(text: str) -> int:
    return _claimcheck(text, None)


def warm_up() -> None:
    """Load every lexicon, gazetteer and language that `extract` reads lazily."""
    claimcheck.extract(Document(id="w", text="At least 5 people died in Lviv on Tuesday; 7.6 km, "
                                "40 mph, $4 million, 15%, 30 degrees Celsius, 12 litres."))
    claimcheck.extract(Document(id="w", text="Al menos 5 personas murieron en Valencia el martes; "
                                "491 litros por metro cuadrado, 10.600 millones de euros.",
                                language="es"))


def _best(fn: Callable[[str], int], texts: Sequence[str], repeat: int) -> tuple[float, float, int]:
    """Best CPU seconds and best wall seconds of `repeat` passes of `fn` over `texts`, and what
    one pass found. Rates are told in CPU time, which other loads on the machine disturb less."""
    cpu, wall, found = float("inf"), float("inf"), 0
    for _ in range(repeat):
        c0, w0 = time.process_time(), time.perf_counter()
        found = sum(fn(t) for t in texts)
        cpu, wall = min(cpu, time.process_time() - c0), min(wall, time.perf_counter() - w0)
    return cpu, wall, found


def inputs(corpus_dir: Path | None) -> dict[str, list[str]]:
    """Named input sets: the articles whole and per paragraph (and the corpus, if given)."""
    en = [a["text"] for a in corpus.articles() if a["language"] == "en"]
    sets = {"articles, whole": en,
            "articles, paragraphs": [p for t in en for p in t.split("\n") if p.strip()]}
    if corpus_dir is not None:
        docs = []
        for path in sorted(corpus_dir.glob("*/docs.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                rec = json.loads(line) if line.strip() else {}
                if rec.get("language", "en") == "en" and rec.get("text"):
                    docs.append(rec["text"])
        sets["corpus (en), whole"] = docs
        sets["corpus (en), paragraphs"] = [p for t in docs for p in t.split("\n") if p.strip()]
    return sets


def run(repeat: int = 3, corpus_dir: Path | None = None) -> str:
    warm_up()
    peer = _quantulum()
    rows = []
    sets = inputs(corpus_dir)
    runs: list[tuple[str, list[str], Callable[[str], int]]] = [
        (name, texts, _claimcheck) for name, texts in sets.items()]
    # what naming no language costs: py3langid reads the text first (quantulum3 reads English only)
    last = list(sets)[-1]
    runs.append((f"{last}, language detected", sets[last], _detecting))
    for name, texts, ours in runs:
        chars = sum(map(len, texts))
        t_cc, w_cc, n_cc = _best(ours, texts, repeat)
        t_q, _, n_q = _best(peer, texts, repeat) if peer else (None, None, None)
        rows.append([name, f"{len(texts):,}", f"{chars:,}", fmt(chars / t_cc, ",.0f"),
                     fmt(len(texts) / t_cc, ",.1f"), fmt(w_cc / t_cc, ".2f"), fmt(n_cc, ","),
                     fmt(chars / t_q if t_q else None, ",.0f"),
                     fmt(len(texts) / t_q if t_q else None, ",.1f"), fmt(n_q, ","),
                     fmt(t_q / t_cc if t_q else None, ".1f")])
    head = ["input", "texts", "chars", "claimcheck chars/s", "claimcheck texts/s", "wall/CPU", "claims",
            "quantulum3 chars/s", "quantulum3 texts/s", "quantities", "claimcheck x faster"]
    return table(f"Extraction throughput (best of {repeat} passes, CPU time)", head, rows)


def per_call_overhead(texts: Sequence[str], extract: Callable[[Document], object],
                      document: Callable[..., Document] = Document, repeat: int = 5
                      ) -> tuple[float, float, float]:
    """(CPU seconds per call of each text alone, the same per text when they are one document
    (joined by spaces), and the difference: what a call costs beyond the work on its text),
    each the best of `repeat` passes."""
    alone = [document(id="o", text=t, language="en") for t in texts]
    together = document(id="o", text=" ".join(texts), language="en")
    each = min(timeit.repeat(lambda: [extract(d) for d in alone], timer=time.process_time,
                             number=1, repeat=repeat)) / len(texts)
    shared = min(timeit.repeat(lambda: extract(together), timer=time.process_time,
                               number=1, repeat=repeat)) / len(texts)
    return each, shared, each - shared


def overhead(number: int = 2000) -> str:
    warm_up()
    rows = []
    for name, text, language in [("one sentence, one figure", SENTENCE, "en"),
                                 ("one sentence, no figure", NO_NUMBER, "en"), ("empty text", "", "en"),
                                 ("one sentence, one figure, language detected", SENTENCE, None)]:
        doc = Document(id="o", text=text, language=language)
        call = lambda d=doc: claimcheck.extract(d)  # noqa: E731
        wall = min(timeit.repeat(call, number=number, repeat=5))
        cpu = min(timeit.repeat(call, timer=time.process_time, number=number, repeat=5))
        rows.append([name, f"{len(text)}", fmt(cpu / number * 1e6, ",.1f"),
                     fmt(wall / number * 1e6, ",.1f"), "50"])
    texts = sentences()
    each, shared, beyond = per_call_overhead(texts, claimcheck.extract)
    chars = f"{sum(map(len, texts)) // len(texts)}"
    rows.append(["200 one-figure sentences, each alone", chars, fmt(each * 1e6, ",.1f"), "-", "-"])
    rows.append(["the same as one document, per sentence", chars, fmt(shared * 1e6, ",.1f"), "-",
                 "-"])
    rows.append(["per-call overhead (alone less one document's share)", "-",
                 fmt(beyond * 1e6, ",.1f"), "-", "50"])
    return table(f"Per-call overhead of extract (timeit, best of 5 x {number} calls)",
                 ["text", "chars", "CPU us per call", "wall us per call", "target us"], rows)
