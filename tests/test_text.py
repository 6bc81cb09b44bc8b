"""text: sentences and clauses as offsets into the document, whatever its language."""

from __future__ import annotations

from hypothesis import given

from claimcheck.text import boundaries, clause_at, split_sentences, words_after, words_before
from strategies import unicode_text


def test_sentences_split_before_a_capital_and_at_line_breaks() -> None:
    text = "Five died. Ten were hurt!\n“It was awful,” she said. 3 more came."
    got = [(text[s.start : s.end], s.paragraph, s.index) for s in split_sentences(text)]
    assert got == [("Five died.", 0, 0), ("Ten were hurt!", 0, 1),
                   ("“It was awful,” she said.", 1, 2), ("3 more came.", 1, 3)]


def test_an_abbreviation_ends_no_sentence_only_when_the_language_names_it() -> None:
    text = "Dr. Smith said 5 died."
    assert len(split_sentences(text, frozenset({"dr"}))) == 1
    assert len(split_sentences(text)) == 2
    assert len(split_sentences("Said J. Smith.")) == 1  # an initial is no sentence end


def test_clause_breaks_skip_commas_grouping_digits() -> None:
    text = "In Lviv, 2,140 people (mostly women); then"
    assert [text[i] for i in boundaries(text)] == [",", "(", ")", ";"]
    bounds = boundaries(text)
    assert clause_at(bounds, 0, len(text), text.index("2,140")) == (8, text.index("("))
    assert clause_at(bounds, 0, 7, 2) == (0, 7)  # breaks outside the sentence do not count


def test_words_near_a_point_stop_at_clause_punctuation() -> None:
    text = "Yesterday, forty-two people were hurt; 5 died"
    at = text.index("people")
    assert [w for _, _, w in words_after(text, at, len(text), 9)] == ["people", "were", "hurt"]
    assert [w for _, _, w in words_before(text, at, 0, 9)] == ["forty-two", "Yesterday"]
    assert [w for _, _, w in words_before(text, len(text), 0, 9)] == ["died"]


@given(unicode_text)
def test_sentences_are_ordered_offsets_that_slice_back(text: str) -> None:
    previous_end = 0
    for k, s in enumerate(split_sentences(text)):
        assert s.index == k
        assert previous_end <= s.start < s.end <= len(text)
        assert text[s.start : s.end].strip()
        previous_end = s.end


def _words_after_by_char(text: str, pos: int, limit: int, count: int) -> list[tuple[int, int, str]]:
    """The character-by-character reading `words_after` speeds up (spaces skipped at once)."""
    from claimcheck.text.clauses import WORD, _initial

    out: list[tuple[int, int, str]] = []
    i, limit = pos, min(limit, len(text))
    while len(out) < count and i < limit:
        ch = text[i]
        if ch == "." and _initial(text, i):
            i += 1
            continue
        if ch in ".;:!?()[]\n,":
            break
        m = WORD.match(text, i)
        if m and m.end() <= limit:
            out.append((m.start(), m.end(), m.group()))
            i = m.end()
            continue
        if ch.isdigit():
            break
        i += 1
    return out


@given(unicode_text)
def test_words_after_reads_as_the_character_by_character_reading(text: str) -> None:
    for pos in range(0, len(text) + 1, 3):
        for limit in (len(text), pos + 7):
            assert words_after(text, pos, limit, 5) == _words_after_by_char(text, pos, limit, 5)


def test_words_after_skips_spaces_and_marks_between_words() -> None:
    text = "some   \"quoted\" -- words_here ², then 4 more"
    # "²" is a word to the pattern (a letter-like sign); the comma ends the reading
    assert [w for _, _, w in words_after(text, 0, len(text), 9)] == ["some", "quoted", "words", "here", "²"]


def test_words_after_read_past_an_initials_dot() -> None:
    text = "900 homes in the U.S. Northeast were without heat. Then it snowed."
    words = [w for _, _, w in words_after(text, 3, len(text), 20)]
    assert words[-3:] == ["were", "without", "heat"]  # the sentence's own dot still ends it


def test_a_german_low_quote_opens_a_sentence() -> None:
    text = "Drei Häuser brannten ab. „Es ging sehr schnell“, sagte die Bürgermeisterin."
    parts = [text[s.start : s.end] for s in split_sentences(text)]
    assert parts == ["Drei Häuser brannten ab.",
                     "„Es ging sehr schnell“, sagte die Bürgermeisterin."]
