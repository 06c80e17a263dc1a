"""Similar passages: the base of the precedent finder.

The most distinctive words of a text (term frequency × inverse segment
frequency) become a weighted OR query. Plain and predictable: a delegate can
see why a passage came up, and it costs one ordinary search.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from whoosh import query as Q

from briefing_app.core.index.analysis import terms

KEY_TERMS = 16


def key_terms(searcher: Any, text: str, limit: int = KEY_TERMS) -> list[tuple[float, str]]:
    """(weight, stem) of the words that best characterise ``text``, best first."""
    counts = Counter(terms(text))
    total = max(1, searcher.doc_count())
    weighted = []
    for term, tf in counts.items():
        df = searcher.doc_frequency("text", term)
        if df:
            weighted.append((tf * math.log(1 + total / df), term))
    weighted.sort(key=lambda pair: (-pair[0], pair[1]))
    return weighted[:limit]


def similar_query(chosen: list[tuple[float, str]]) -> Q.Query:
    top = chosen[0][0]
    return Q.Or([Q.Term("text", term, boost=weight / top) for weight, term in chosen])
