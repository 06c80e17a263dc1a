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

KEY_TERMS = 10
#: A word in more than this share of a large index says little about a passage
#: and makes the OR query read a long posting list (16 terms with common words
#: took 1.2 s at 100 MB; 10 distinctive ones 0.2 s).
COMMON_SHARE = 0.05
COMMON_MIN_DOCS = 1000
MIN_TERMS = 4


def key_terms(searcher: Any, text: str, limit: int = KEY_TERMS) -> list[tuple[float, str]]:
    """(weight, stem) of the words that best characterise ``text``, best first."""
    counts = Counter(terms(text))
    total = max(1, searcher.doc_count())
    weighted: list[tuple[float, str]] = []
    common: list[tuple[float, str]] = []
    for term, tf in counts.items():
        df = searcher.doc_frequency("text", term)
        if df:
            pair = (tf * math.log(1 + total / df), term)
            too_common = df > COMMON_MIN_DOCS and df > total * COMMON_SHARE
            (common if too_common else weighted).append(pair)
    weighted.sort(key=lambda pair: (-pair[0], pair[1]))
    if len(weighted) < MIN_TERMS:
        common.sort(key=lambda pair: (-pair[0], pair[1]))
        weighted += common[: MIN_TERMS - len(weighted)]
    return weighted[:limit]


def similar_query(chosen: list[tuple[float, str]]) -> Q.Query:
    top = chosen[0][0]
    return Q.Or([Q.Term("text", term, boost=weight / top) for weight, term in chosen])
