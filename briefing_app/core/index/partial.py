"""When no passage has every word: the passages that have most of them.

A delegate's wording rarely matches the document's word for word, so an AND
of five words can find nothing although four of them sit together in the
right paragraph. Like desktop search tools, the engine then retries with one
word fewer (then two fewer, never below half of them): an OR of the ANDs of
every such combination, so each hit still has most of the words and those
with more of them score higher. Field clauses (``kind:…``) and ``NOT`` stay
as typed: only free-text words are ever dropped. A hyphenated compound
("state-of-the-art") is one phrase clause (``query._Parser``): dropped whole
or kept whole, never cut down to "state".
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from itertools import combinations

from whoosh import query as Q

from briefing_app.core.index.analysis import normalize, terms

#: More combinations than this at one level are not tried (C(6, 3) = 20).
MAX_COMBINATIONS = 20
_TEXT_FIELDS = {"text", "heading"}
_FIELD_TOKEN_RE = re.compile(r"\b\w+:(?:\"[^\"]*\"|\S+)")
_OPERATORS = {"and", "or", "not", "andnot", "andmaybe"}
_COMPOUND_RE = re.compile(r"\w+(?:[-‐‑]\w+)*")


def split(q: Q.Query) -> tuple[list[Q.Query], list[Q.Query]] | None:
    """(droppable word clauses, clauses always kept), or None when nothing can drop."""
    if not isinstance(q, Q.And):
        return None
    words = [c for c in q.subqueries if _is_words(c)]
    kept = [c for c in q.subqueries if not _is_words(c)]
    return (words, kept) if len(words) >= 2 else None


def relaxed(q: Q.Query) -> Iterator[tuple[int, Q.Query]]:
    """(words kept, query) with one word fewer each time, down to half the words."""
    parts = split(q)
    if parts is None:
        return
    words, kept = parts
    n = len(words)
    for k in range(n - 1, max(1, math.ceil(n / 2)) - 1, -1):
        if math.comb(n, k) > MAX_COMBINATIONS:
            continue
        subsets = [Q.And(list(combo)) if k > 1 else combo[0] for combo in combinations(words, k)]
        yield k, Q.And([*kept, Q.Or(subsets)])


def labels(clauses: list[Q.Query], typed: str) -> list[str]:
    """The user's own words for each clause (its stems when none matches)."""
    plain = _FIELD_TOKEN_RE.sub(" ", typed)
    # "state-of-the-art" is one word to the user, and one clause (a phrase)
    typed_words = [w for w in _COMPOUND_RE.findall(plain) if w.lower() not in _OPERATORS]
    out = []
    for clause in clauses:
        stems = _stems(clause)
        mine = [w for w in typed_words if any(normalize(p) in stems for p in re.findall(r"\w+", w))]
        out.append(" ".join(dict.fromkeys(mine)) or " ".join(sorted(stems)))
    return out


def missing(clauses: list[Q.Query], text: str, heading: str) -> list[int]:
    """Indexes of the clauses that a passage (its text and heading) does not satisfy."""
    seq, head = terms(text), set(terms(heading))
    return [i for i, c in enumerate(clauses) if not _present(c, seq, head)]


def _is_words(q: Q.Query) -> bool:
    """A positive clause made only of free-text words and phrases."""
    if isinstance(q, Q.Not):
        return False
    if isinstance(q, Q.Term | Q.Phrase):
        return q.fieldname in _TEXT_FIELDS
    if isinstance(q, Q.Or | Q.And):
        return all(_is_words(c) for c in q.subqueries)
    return False


def _stems(q: Q.Query) -> set[str]:
    if isinstance(q, Q.Term):
        return {str(q.text)}
    if isinstance(q, Q.Phrase):
        return {str(w) for w in q.words}
    found: set[str] = set()
    for child in q.children():
        found |= _stems(child)
    return found


def _present(q: Q.Query, seq: list[str], head: set[str]) -> bool:
    if isinstance(q, Q.Phrase):
        words = [str(w) for w in q.words]
        n = len(words)
        return any(seq[i : i + n] == words for i in range(len(seq) - n + 1))
    if isinstance(q, Q.Term):
        return str(q.text) in (head if q.fieldname == "heading" else seq)
    if isinstance(q, Q.Or):
        return any(_present(c, seq, head) for c in q.subqueries)
    if isinstance(q, Q.And):
        return all(_present(c, seq, head) for c in q.subqueries)
    return True
