"""Text structure as offsets into the document: sentences, clauses and the words near a point.

Nothing here knows a language's words beyond what it is handed (a set of abbreviations);
every span is a pair of character offsets that slice back to the document's text.
"""

from __future__ import annotations

from claimcheck.text.clauses import boundaries, clause_at, words_after, words_before
from claimcheck.text.sentences import Sentence, split_sentences

__all__ = ["Sentence", "boundaries", "clause_at", "split_sentences", "words_after", "words_before"]
