"""Number words through text2num, for languages whose tables give no composer."""

from __future__ import annotations

from text_to_num import text2num

from claimcheck.numbers.view import Num, View


def spelled(v: View, i: int) -> Num | None:
    got = _words_at(v, i)
    if got is None:
        return None
    return Num(got[0], i, got[1], words=True)


def _words_at(v: View, i: int) -> tuple[float, int] | None:
    s = v.s
    words: list[str] = []
    k = i
    # articles only count before a magnitude or fraction ("a million", "a dozen")
    if v.low(k) in s.articles:
        nxt = v.low(k + 1)
        if nxt in s.magnitudes or nxt in s.dozen or nxt in ("hundred", "thousand"):
            words.append("one")
            k += 1
        elif nxt in s.fractions and v.low(k + 2) == "of" and v.low(k + 3) in s.articles \
                and v.low(k + 4) in s.magnitudes:
            # "a quarter of a million"
            value = s.fractions[nxt] * s.magnitudes[v.low(k + 4)]
            return value, k + 5
        else:
            return None
    elif v.low(k) in s.fractions and v.low(k + 1) in s.articles and \
            v.low(k + 2) in s.magnitudes:
        # "half a million"
        return s.fractions[v.low(k)] * s.magnitudes[v.low(k + 2)], k + 3
    while k < v.n:
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
    if not words:
        return None
    # take the longest prefix text2num accepts; the rest starts another number
    while words:
        read = _eval_words(v, words)
        if read is not None:
            value = read
            last = i + _token_count(v, i, words)
            # "one and a half", "two and a half million"
            if v.low(last) in s.joiners and v.low(last + 1) in s.articles and \
                    v.low(last + 2) in s.fractions:
                scale = s.magnitudes.get(words[-1], 1.0) if len(words) > 1 or \
                    words[-1] in s.magnitudes else 1.0
                value += s.fractions[v.low(last + 2)] * scale
                last += 3
                nxt = v.low(last)
                if scale == 1.0 and nxt in s.magnitudes and len(nxt) > 2:
                    value *= s.magnitudes[nxt]  # "two and a half million"
                    last += 1
            return value, last
        words.pop()
        while words and words[-1] in s.joiners:
            words.pop()
    return None


def _token_count(v: View, i: int, words: list[str]) -> int:
    count = 0
    k = i
    for w in words:
        if w == "one" and v.low(k) in v.s.articles:
            pass
        count += 1 + 2 * w.count("-")
        k = i + count
    return count


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
