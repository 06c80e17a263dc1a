"""Text analysis for the index: one fast pass instead of Whoosh's filter chain.

Whoosh's ``StemmingAnalyzer`` runs four generators per token (tokenize,
lowercase, stop, stem). Here a single loop does all of it with an unbounded
word -> stem cache, which is most of why indexing is faster than plain Whoosh.
The same normalisation serves highlighting, "similar" and the spelling list,
so what is highlighted is exactly what matched.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from itertools import pairwise
from pickle import dumps
from typing import Any

from whoosh.analysis import Token, Tokenizer
from whoosh.lang.porter import stem
from whoosh.system import pack_uint

WORD_RE = re.compile(r"\w+(?:[.'’]\w+)*")

#: Deliberately short: "may", "not", "should", "shall", "will" carry the
#: meaning of agreed language and must stay searchable.
STOP_WORDS = frozenset(
    (
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "their",
        "this",
        "to",
        "was",
        "were",
        "which",
        "with",
    )
)

# word (as written, any case) -> stem, or "" for a stop word. Shared by every
# analyzer instance in the process; it only grows with the vocabulary.
_CACHE: dict[str, str] = {}


def fold(word: str) -> str:
    """Lower-case and strip accents and apostrophes: 'Michèle' -> 'michele'."""
    word = word.lower().replace("’", "'")
    if "'" in word:
        word = word.removesuffix("'s").replace("'", "")
    if not word.isascii():
        decomposed = unicodedata.normalize("NFKD", word)
        word = "".join(c for c in decomposed if not unicodedata.combining(c))
    return word


def normalize(word: str) -> str:
    """The indexed form of one word ("" when it is a stop word)."""
    cached = _CACHE.get(word)
    if cached is None:
        folded = fold(word)
        cached = "" if folded in STOP_WORDS else stem(folded)
        _CACHE[word] = cached
    return cached


def terms(text: str) -> list[str]:
    """Indexed terms of a text, in order, stop words dropped."""
    cache = _CACHE
    out = []
    for word in WORD_RE.findall(text):
        term = cache.get(word)
        if term is None:
            term = normalize(word)
        if term:
            out.append(term)
    return out


def text_postings(
    text: str, words: list[str] | None = None
) -> list[tuple[bytes, int, float, bytes]]:
    """What Whoosh's ``Positions`` format makes of ``text``, byte for byte.

    Computed in the ingest worker processes so that the process writing the
    index only files postings (see ``schema.PreAnalyzedText``). ``words``:
    ``WORD_RE.findall(text)``, when the caller has it already.
    """
    cache = _CACHE
    positions: dict[str, list[int]] = {}
    pos = 0
    for word in WORD_RE.findall(text) if words is None else words:
        term = cache.get(word)
        if term is None:
            term = normalize(word)
        if term:
            found = positions.get(term)
            if found is None:
                positions[term] = [pos]
            else:
                found.append(pos)
            pos += 1
    out = []
    single = _SINGLE
    for term, poslist in positions.items():
        count = len(poslist)
        if count == 1:  # most terms of a passage: one encoding per position, made once
            encoded = single.get(poslist[0]) or _single(poslist[0])
        else:
            deltas = [poslist[0]] + [b - a for a, b in pairwise(poslist)]
            encoded = pack_uint(count) + dumps(deltas, 2)
        out.append((term.encode("utf-8"), count, float(count), encoded))
    return out


# position -> the ``Positions`` value of a term found once, at that position.
_SINGLE: dict[int, bytes] = {}


def _single(position: int) -> bytes:
    encoded = _SINGLE[position] = pack_uint(1) + dumps([position], 2)
    return encoded


def word_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, term) for every non-stop word: what highlighting walks."""
    for match in WORD_RE.finditer(text):
        term = normalize(match.group())
        if term:
            yield match.start(), match.end(), term


def plain_words(text: str) -> list[str]:
    """Folded, unstemmed words: the "did you mean" vocabulary."""
    return [fold(w) for w in WORD_RE.findall(text) if w.isalpha()]


class FastStemTokenizer(Tokenizer):
    """Whoosh tokenizer doing tokenise + fold + stop + stem in one loop.

    Positions skip stop words (like Whoosh's ``StopFilter(renumber=True)``),
    so the phrase "small arms and light weapons" matches as written.
    """

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            # Wildcards and fuzzy terms arrive whole: fold them but never stem.
            token.text = token.original = fold(value)  # type: ignore[attr-defined]
            token.boost = 1.0
            token.stopped = False
            if positions:
                token.pos = start_pos
            if chars:
                token.startchar, token.endchar = start_char, start_char + len(value)
            yield token
            return
        cache = _CACHE
        pos = start_pos
        for match in WORD_RE.finditer(value):
            word = match.group()
            term = cache.get(word)
            if term is None:
                term = normalize(word)
            if not term:
                if removestops:
                    continue
                token.stopped = True
                term = fold(word)
            else:
                token.stopped = False
            token.text = term
            token.boost = 1.0
            if keeporiginal:
                token.original = word  # type: ignore[attr-defined]
            if positions:
                token.pos = pos
            if chars:
                token.startchar = start_char + match.start()
                token.endchar = start_char + match.end()
            pos += 1
            yield token


def text_analyzer() -> FastStemTokenizer:
    return FastStemTokenizer()
