"""Phrases without Whoosh's slow path.

Whoosh checks a phrase by decoding the positions of every segment that has
all its words: at 100 MB, "human rights" alone took ~300 ms. Segments are
short and their text is stored, so instead: search with each phrase relaxed
to an AND of its words (block-max ranking makes that cheap), then check the
phrase in the few best candidates' own text, in score order.
"""

from __future__ import annotations

from whoosh import query as Q

from briefing_app.core.index.analysis import terms


def has_phrase(q: Q.Query) -> bool:
    if isinstance(q, Q.Phrase):
        return True
    return any(has_phrase(child) for child in q.children())


def relax(q: Q.Query) -> Q.Query:
    """The query with every phrase outside a NOT turned into an AND of its words."""
    if isinstance(q, Q.Phrase):
        return Q.And([Q.Term(q.fieldname, w) for w in q.words], boost=q.boost)
    if isinstance(q, Q.Not) or q.is_leaf():
        return q
    if isinstance(q, Q.AndNot):  # keep the excluded side exact
        return Q.AndNot(relax(q.a), q.b)
    return q.apply(relax)


def verify(q: Q.Query, text: str) -> bool:
    """Does ``text`` satisfy the phrases of ``q`` (other constraints already hold)?"""
    return _holds(q, terms(text))


def _holds(q: Q.Query, seq: list[str]) -> bool:
    if isinstance(q, Q.Phrase):
        return _contains(seq, [str(w) for w in q.words])
    if isinstance(q, Q.Term):
        return q.fieldname != "text" or str(q.text) in seq
    if isinstance(q, Q.Or):
        return any(_holds(child, seq) for child in q.subqueries)
    if isinstance(q, Q.And):
        return all(_holds(child, seq) for child in q.subqueries)
    if isinstance(q, Q.AndNot | Q.AndMaybe):
        return _holds(q.a, seq)
    return True  # NOT (kept exact), other fields, Every: enforced by the search itself


def _contains(seq: list[str], words: list[str]) -> bool:
    if not words:
        return True
    first, n = words[0], len(words)
    return any(seq[i : i + n] == words for i in range(len(seq) - n + 1) if seq[i] == first)
