"""Number words through text2num, for languages whose tables give no composer (Spanish).

The longest run of the language's number words (joiners and tight hyphens between them) is
given to text2num, and shortened from the end until it reads; the rest starts another number.
"""

from __future__ import annotations

from text_to_num import text2num

from claimcheck.numbers.view import Num, View


def spelled(v: View, i: int) -> Num | None:
    """The number words at token i ("doscientos cuarenta", "dos docenas"), or None."""
    words = _run(v, i)
    while words:
        read = _eval_words(v, words)
        if read is not None:
            return Num(read, i, i + sum(1 + 2 * w.count("-") for w in words), words=True)
        words.pop()
        while words and words[-1] in v.s.joiners:
            words.pop()
    return None


#: number words in one run, longer than any real figure ("novecientos noventa y nueve mil
#: novecientos noventa y nueve millones ..." is 20): a longer run is cut here and the rest read
#: as further numbers, so that shortening a run from its end stays bounded (linear time)
_MAX_WORDS = 32


def _run(v: View, i: int) -> list[str]:
    s, k = v.s, i
    words: list[str] = []
    while k < v.n and len(words) < _MAX_WORDS:
        w = v.low(k)
        if w in s.words or w in s.dozen:
            words.append(w)
            k += 1
        elif w in s.joiners and words and v.low(k + 1) in s.words:
            words.append(w)
            k += 1
        elif w == "-" and words and v.glued(k) and k + 1 < v.n and v.glued(k + 1) \
                and v.low(k + 1) in s.words:
            words[-1] = words[-1] + "-" + v.low(k + 1)
            k += 2
        else:
            break
    if len(words) >= _MAX_WORDS and k < v.n and (v.low(k) in s.words or v.low(k) in s.joiners
                                                 or v.low(k) == "-"):
        v.cuts.add((v.t[i].start, v.t[k].start))  # the run goes on: say where it was cut
    return words


def _eval_words(v: View, words: list[str]) -> float | None:
    dozen = 1.0
    body = list(words)
    if body and body[-1] in v.s.dozen:
        dozen = 12.0
        body.pop()
        if not body:
            return 12.0
    if any(w in v.s.dozen for w in body):
        return None
    try:
        return float(text2num(" ".join(body), v.s.code)) * dozen
    except ValueError:
        return None
