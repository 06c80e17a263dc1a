"""Read side of the library: one reused searcher, refreshed when the index changes.

Opening a Whoosh searcher costs far more than a query, so the engine keeps one
and only reopens it (with the catalog and word list) when a writer committed
a new generation. Repeated queries come from a small LRU cache.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from typing import Any

from whoosh import query as Q

from briefing_app.core.citation import cited_hit
from briefing_app.core.index import facet_store
from briefing_app.core.index.catalog import Catalog
from briefing_app.core.index.doc_kinds import split_document_kinds
from briefing_app.core.index.docsets import DocSets
from briefing_app.core.index.facets import FacetTables
from briefing_app.core.index.fastmatch import install as install_fast_skip
from briefing_app.core.index.generation import open_current
from briefing_app.core.index.pinpoints import split_pinpoints, with_units
from briefing_app.core.index.query import (
    QueryBuilder,
    corrected_query,
    filter_query,
    highlight_terms,
)
from briefing_app.core.index.ranking import Ranker
from briefing_app.core.index.similar import key_terms, similar_query
from briefing_app.core.index.snippets import Terms
from briefing_app.core.index.snippets import mark as mark_matches
from briefing_app.core.index.state import latest_generation
from briefing_app.core.index.symbols import split_symbols, with_documents
from briefing_app.core.index.thesaurus import load_thesaurus
from briefing_app.core.index.vocabulary import Vocabulary
from briefing_app.core.index.warmup import warm_steps
from briefing_app.core.index.zerocopy import install as install_zero_copy
from briefing_app.core.models import DocumentMeta, Hit, SearchResult, Segment
from briefing_app.core.paths import DataHome
from briefing_app.core.resources import resource

CACHE_SIZE = 64


class SearchEngine:
    def __init__(self, home: DataHome, *, cache: bool = True) -> None:
        self.home = home
        self.use_cache = cache
        self._ix: Any = None
        self._generation = -1
        self._searcher: Any = None
        self._cache: OrderedDict[tuple[Any, ...], SearchResult] = OrderedDict()
        self._library_facets: dict[str, dict[str, int]] | None = None
        self._ranker: Ranker | None = None  # bitsets and scoring of this searcher
        self._tables: FacetTables | None = None  # facet columns of this searcher
        self.catalog = Catalog()
        self.vocabulary = Vocabulary()
        self.pending: list[str] = []  # paths of an interrupted build
        self.builder: QueryBuilder | None = None
        self._warm: Iterator[str] | None = None  # the warm-up of this searcher, under way
        self._warmed = False

    # -- lifetime ---------------------------------------------------------------
    def exists(self) -> bool:
        """A build committed something (possibly damaged: opening says).

        Generation 0 is the empty index a first build starts from: not built yet.
        """
        return latest_generation(self.home.index_dir) >= 1

    def searcher(self) -> Any:
        """The current searcher, reopened only when the index has changed."""
        if self._searcher is not None and self._searcher.up_to_date():
            return self._searcher
        self.close()
        install_fast_skip()
        install_zero_copy()
        # The index with the catalog and word list of the same generation, checked
        # (raises NotBuilt, or IndexDamaged with one line saying what is wrong).
        generation = open_current(self.home.index_dir)
        self._ix = generation.ix
        self._generation = generation.number
        self._searcher = self._ix.searcher()
        self.catalog = generation.catalog
        self.vocabulary = generation.vocabulary
        self.pending = generation.pending
        thesaurus = load_thesaurus(resource("thesaurus.txt"), self.home.thesaurus_file)
        self.builder = QueryBuilder(self._ix.schema, thesaurus, self.vocabulary)
        return self._searcher

    def close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
        if self._ix is not None:
            self._ix.close()
        self._searcher = self._ix = None
        self._cache.clear()
        self._library_facets = None
        self._ranker = None
        self._tables = None
        self._warm = None
        self._warmed = False

    def warm_up(self, seconds: float = 0.03) -> bool:
        """Prepare the current searcher for about ``seconds`` (``warmup``); True while
        more remains. The first call opens the index. Never needed for correctness:
        a query only finds some of the work already done."""
        searcher = self.searcher()  # a changed index drops the old warm-up (close())
        if self._warmed:
            return False
        if self._warm is None:
            self._warm = warm_steps(self)
        deadline = time.monotonic() + seconds
        for _step in self._warm:
            if self._searcher is not searcher:  # reopened meanwhile: start again
                return True
            if time.monotonic() >= deadline:
                return True
        if self._searcher is not searcher:
            return True
        self._warm, self._warmed = None, True
        return False

    # -- search -----------------------------------------------------------------
    def search(
        self,
        text: str,
        *,
        filters: Mapping[str, Any] | None = None,
        limit: int = 20,
        highlight: bool = True,
        facets: bool = True,
    ) -> SearchResult:
        searcher = self.searcher()
        key = (text, repr(sorted((filters or {}).items())), limit, highlight, facets)
        if self.use_cache and key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        assert self.builder is not None
        documents = self.catalog.documents.values()
        words, units = split_pinpoints(text, documents)  # "80/34 para 5"
        words, named = split_symbols(words, documents)
        words, unit_filters, of_kind = split_document_kinds(words, filters, documents)
        flt = with_documents(with_documents(filter_query(unit_filters), named), of_kind)
        flt = with_units(flt, units)
        blank = words.strip() in ("", "*")
        q = Q.Every() if blank else self.builder.build(words, searcher.reader())
        ranker = self.ranker()
        top, estimate = ranker.top(q, flt, limit)
        strict_empty = not top and not blank
        dropped: list[str] | None = None
        if strict_empty:
            q, top, estimate, dropped = ranker.most_words(q, flt, limit, text)
        marks = highlight_terms(q) if highlight else set()
        hits = [self._hit(searcher, d, score, marks, highlight) for d, score in top]
        result = SearchResult(text, estimate, hits)
        if dropped is not None:
            result.partial, result.dropped = True, dropped
        if facets:
            bits = ranker.matching(q, flt)
            result.total = bits.bit_count()
            result.facets = self.facet_tables().count(bits)
        if text and strict_empty:  # "did you mean" only when no passage had every word
            result.corrected = corrected_query(text, self.vocabulary, deep=True)
        if self.use_cache:
            self._cache[key] = result
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return result

    def similar(
        self, text: str | None = None, *, segment_id: str | None = None, limit: int = 10
    ) -> SearchResult:
        """Segments sharing the most distinctive words of a text or a segment."""
        searcher = self.searcher()
        mask = None
        if segment_id:
            fields = searcher.document(segment_id=segment_id)
            if fields is None:
                raise KeyError(segment_id)
            text = fields.get("text", "")
            mask = Q.Term("segment_id", segment_id)
        chosen = key_terms(searcher, text or "")
        label = segment_id or (text or "")[:80]
        if not chosen:
            return SearchResult(label, 0, [])
        q = similar_query(chosen)
        results = searcher.search(q, limit=limit, mask=mask)
        marks = {t for _, t in chosen}
        hits = [self._hit(searcher, r.docnum, r.score or 0.0, marks, True) for r in results]
        # Not _total(): with a mask, Whoosh's estimated_length() counts every
        # match through a quadratic id-set check (minutes at 100 MB).
        scored = results.scored_length()
        total = scored if scored < limit else int(q.estimate_size(searcher.reader()))
        return SearchResult(label, total, hits)

    # -- records ----------------------------------------------------------------
    def segment(self, segment_id: str) -> Segment | None:
        fields = self.searcher().document(segment_id=segment_id)
        return _segment(fields) if fields else None

    def document_segments(self, doc_id: str) -> list[Segment]:
        searcher = self.searcher()
        results = searcher.search(Q.Term("doc_id", doc_id), limit=None, sortedby="order")
        return [_segment(searcher.stored_fields(r.docnum)) for r in results]

    def document(self, doc_id: str) -> DocumentMeta | None:
        self.searcher()
        return self.catalog.documents.get(doc_id)

    def documents(self) -> list[DocumentMeta]:
        self.searcher()
        return sorted(self.catalog.documents.values(), key=lambda d: (d.title.lower(), d.doc_id))

    def facets(self) -> dict[str, dict[str, int]]:
        self.searcher()
        if self._library_facets is None:
            self._library_facets = self.facet_tables().count(self.docsets().live)
        return self._library_facets

    def ranker(self) -> Ranker:
        """Bitsets and scoring tables of the current searcher (made on first use)."""
        searcher = self.searcher()
        if self._ranker is None:
            self._ranker = Ranker(searcher)
        return self._ranker

    def docsets(self) -> DocSets:
        return self.ranker().docsets

    def facet_tables(self) -> FacetTables:
        self.searcher()
        if self._tables is None:
            reader, docsets, folder = self._searcher.reader(), self.docsets(), self.home.index_dir
            number = self._generation
            self._tables = facet_store.load(folder, number, reader, docsets) or FacetTables(
                reader, docsets, lambda tables: facet_store.save(folder, number, tables)
            )
        return self._tables

    def save_facet_tables(self) -> None:
        """Build this generation's facet tables now; building saves them (facet_store)."""
        for _ in self.facet_tables().steps():
            pass

    # -- helpers ----------------------------------------------------------------
    def _hit(self, searcher: Any, docnum: int, score: float, marks: Terms, mark: bool) -> Hit:
        seg = _segment(searcher.stored_fields(docnum))
        doc = self.catalog.documents.get(seg.doc_id) or DocumentMeta(seg.doc_id, seg.doc_id)
        marked = mark_matches(seg.text, marks) if mark else None
        return cited_hit(
            doc,
            seg,
            snippet=marked.html if marked else "",
            score=round(float(score), 4),
            terms=marked.words if marked else [],
        )


def _segment(fields: Mapping[str, Any]) -> Segment:
    return Segment(
        doc_id=fields.get("doc_id", ""),
        kind=fields.get("kind", ""),
        number=str(fields.get("number", "")),
        section=fields.get("section", ""),
        text=fields.get("text", ""),
        display=fields.get("display") or fields.get("text", ""),
        order=int(fields.get("order", 0)),
        inferred_number=bool(fields.get("inferred", False)),
        footnotes=list(fields.get("footnotes") or []),
        scope=fields.get("scope") or "",
        items=list(fields.get("items") or []),
    )
