"""Bounds on what one query may ask, checked before any work starts.

Measured on the bundled library: a 3,000-letter word took 1.5 s and 520 MB
(spelling suggestions build every one-letter edit of it), a quoted phrase of
one word repeated 300 times 32 s (Whoosh's phrase matcher tries every
alignment of the repeats). Real queries stay far inside these limits; a
query outside them gets one line saying which limit it broke.
"""

from __future__ import annotations

import itertools
import re

MAX_QUERY_CHARS = 1000
MAX_WORDS = 64
MAX_WORD_CHARS = 60
MAX_PHRASE_WORDS = 32
#: The same word this many times in a row inside a phrase is never agreed language.
MAX_REPEATS_IN_A_ROW = 3

_PHRASE_RE = re.compile(r'"([^"]*)"')
_WORD_RE = re.compile(r"\w+")


class QueryTooLarge(ValueError):
    """The query breaks a limit; ``str()`` is one line a user can act on."""


def check_query(text: str) -> None:
    """Raise :class:`QueryTooLarge` when ``text`` is outside the limits above."""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryTooLarge(
            f"the query is too long ({len(text):,} characters; at most {MAX_QUERY_CHARS:,})"
        )
    words = _WORD_RE.findall(text)
    if len(words) > MAX_WORDS:
        raise QueryTooLarge(f"the query has too many words ({len(words)}; at most {MAX_WORDS})")
    longest = max(words, key=len, default="")
    if len(longest) > MAX_WORD_CHARS:
        raise QueryTooLarge(
            f"a word of {len(longest):,} characters is longer than any indexed word "
            f"(at most {MAX_WORD_CHARS})"
        )
    for phrase in _PHRASE_RE.findall(text):
        _check_phrase(_WORD_RE.findall(phrase.lower()))


def _check_phrase(words: list[str]) -> None:
    if len(words) > MAX_PHRASE_WORDS:
        raise QueryTooLarge(
            f"a quoted phrase has {len(words)} words (at most {MAX_PHRASE_WORDS}); "
            "quote its most telling part"
        )
    run = 1
    for before, word in itertools.pairwise(words):
        run = run + 1 if word == before else 1
        if run > MAX_REPEATS_IN_A_ROW:
            raise QueryTooLarge(
                f"a quoted phrase repeats {word!r} more than {MAX_REPEATS_IN_A_ROW} times in a row"
            )
