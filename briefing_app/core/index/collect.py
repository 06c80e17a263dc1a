"""Top hits with a bounded amount of scoring work.

Segments are short and alike, so Whoosh's block-max skipping rarely skips:
a word found in 40,000 paragraphs means scoring 40,000 paragraphs (~130 ms at
100 MB). For such broad queries the ranking among thousands of near-equal
candidates says little, so at most ``SCORE_BUDGET`` matches are scored,
spread evenly over the index's segments (each holds a different batch of
files), and the total becomes an estimate. Narrow queries are unaffected:
they never reach the budget, so their hits and totals are exact.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from whoosh import collectors
from whoosh import query as Q

SCORE_BUDGET = 5000


class BudgetTopCollector(collectors.TopCollector):
    """A TopCollector that stops each index segment after its share of the budget."""

    def __init__(self, limit: int, per_segment: int) -> None:
        super().__init__(limit=limit)
        self.per_segment = per_segment
        self.capped = False

    def matches(self) -> Iterator[int]:
        for count, docid in enumerate(super().matches(), 1):
            yield docid
            if count >= self.per_segment:
                self.capped = True
                return


def top_results(
    searcher: Any, q: Q.Query, limit: int, flt: Q.Query | None = None
) -> tuple[Any, int, bool]:
    """(Whoosh results, total, exact?) for the best ``limit`` hits of ``q``."""
    leaves = max(1, len(searcher.reader().leaf_readers()))
    budget = BudgetTopCollector(limit, math.ceil(SCORE_BUDGET / leaves))
    collector: Any = collectors.FilterCollector(budget, flt) if flt is not None else budget
    searcher.search_with_collector(q, collector)
    results = collector.results()
    scored = results.scored_length()
    if not budget.capped and scored < limit:
        return results, scored, True
    if budget.capped:  # an upper bound from the posting lists (min for AND, sum for OR)
        estimate = int(q.estimate_size(searcher.reader()))
    else:
        estimate = int(results.estimated_length())
    return results, max(estimate, scored), False
