"""Choosing the hits of a query: bitsets and BM25F in C loops, Whoosh where needed.

One ``Ranker`` per index generation. Queries made of terms, AND, OR and NOT
(after thesaurus, wildcard and fuzzy expansion: nearly all of them) are
matched as bitsets and scored over every match (``topk``), so the total is
exact and the top hits are Whoosh's own ranking without Whoosh's per-posting
Python calls. Phrases are searched relaxed (their words AND-ed) the same way
and checked in the best candidates' stored text. Anything else goes through
Whoosh with a bounded scoring budget (``collect``).
"""

from __future__ import annotations

from typing import Any

from whoosh import query as Q

from briefing_app.core.index import partial
from briefing_app.core.index.collect import top_results
from briefing_app.core.index.docsets import DocSets
from briefing_app.core.index.facets import matching_docs
from briefing_app.core.index.phrases import has_phrase, relax, verify
from briefing_app.core.index.topk import Scorer

#: Relaxed-phrase candidates checked before falling back to Whoosh's phrase search.
PHRASE_CANDIDATES = 200
Top = list[tuple[int, float]]  # (docnum, score), best first


class Ranker:
    def __init__(self, searcher: Any) -> None:
        self.searcher = searcher
        self.docsets = DocSets(searcher.reader())
        self.scorer = Scorer(searcher, self.docsets)
        self.scorer.lengths("text")  # every scored query needs them: read them with the index

    def matching(self, q: Q.Query, flt: Q.Query | None) -> int:
        """Bitset of the documents matching ``q`` and ``flt`` (phrases exactly)."""
        bits = self.docsets.evaluate(_combine(q, flt))
        if bits is None:  # phrases and other exact checks: Whoosh's matchers
            bits = self.docsets.from_ids(matching_docs(self.searcher, q, flt))
        return bits

    def top(self, q: Q.Query, flt: Q.Query | None, limit: int) -> tuple[Top, int]:
        """(docnum, score) of the best hits, and the total (estimated when large)."""
        if isinstance(q, Q.Every):
            results = self.searcher.search(q, limit=limit, filter=flt, sortedby=["doc_id", "order"])
            return [(r.docnum, 0.0) for r in results], _total(results, limit)
        if has_phrase(q):
            found = self._phrase_top(q, flt, limit)
            if found is not None:
                return found
        top, total, _complete = self._candidates(q, flt, limit)
        return top, total

    def most_words(
        self, q: Q.Query, flt: Q.Query | None, limit: int, text: str
    ) -> tuple[Q.Query, Top, int, list[str] | None]:
        """The passages with most of the query's words: (query, top, total, dropped words).

        ``dropped`` lists, in the query's order, the words that some shown passage
        lacks; it is None (and the strict query is kept) when the fallback finds nothing.
        """
        for _kept, fallback in partial.relaxed(q):
            top, estimate = self.top(fallback, flt, limit)
            if not top:
                continue
            words, _always = partial.split(q) or ([], [])
            lacking: set[int] = set()
            for docnum, _score in top:
                fields = self.searcher.stored_fields(docnum)
                lacking.update(
                    partial.missing(words, fields.get("text", ""), fields.get("section", ""))
                )
            names = partial.labels(words, text)
            return fallback, top, estimate, [names[i] for i in sorted(lacking)]
        return q, [], 0, None

    def _candidates(self, q: Q.Query, flt: Q.Query | None, want: int) -> tuple[Top, int, bool]:
        """(best ``want`` hits, total, complete?): bitsets when possible, else Whoosh."""
        combined = _combine(q, flt)
        if self.scorer.supports(combined):
            bits = self.docsets.evaluate(combined)
            if bits is not None:
                total = bits.bit_count()
                return self.scorer.top(q, bits, want), total, total <= want
        results, total, complete = top_results(self.searcher, q, want, flt)
        return [(r.docnum, float(r.score or 0.0)) for r in results], total, complete

    def _phrase_top(self, q: Q.Query, flt: Q.Query | None, limit: int) -> tuple[Top, int] | None:
        """Phrases checked in the best candidates' text; None when too few pass."""
        want = max(limit * 5, PHRASE_CANDIDATES)
        candidates, estimate, complete = self._candidates(relax(q), flt, want)
        picked: Top = []
        checked = 0
        for docnum, score in candidates:
            checked += 1
            if verify(q, self.searcher.stored_fields(docnum).get("text", "")):
                picked.append((docnum, score))
                if len(picked) >= limit and not complete:
                    break
        if complete:
            return picked[:limit], len(picked)
        if len(picked) < limit:
            return None
        share = len(picked) / checked
        return picked, max(len(picked), round(estimate * share))


def _combine(q: Q.Query, flt: Q.Query | None) -> Q.Query:
    return Q.And([q, flt]) if flt is not None else q


def _total(results: Any, limit: int) -> int:
    scored = results.scored_length()
    return scored if scored < limit else int(results.estimated_length())
