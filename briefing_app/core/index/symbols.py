"""A document's own symbol typed as a query ("A/80/604/Add.3") finds that document.

Symbols are not words: the text analyzer cuts them into numbers that match
nothing useful. A query token that is the symbol of a document in the catalog
becomes a filter on that document instead; the rest of the query is searched
as usual (alone, the symbol lists the whole document).
"""

from __future__ import annotations

from collections.abc import Iterable

from whoosh import query as Q

from briefing_app.core.citation import is_symbol
from briefing_app.core.models import DocumentMeta


def split_symbols(text: str, documents: Iterable[DocumentMeta]) -> tuple[str, list[str] | None]:
    """The query without the known symbols in it, and the ids of their documents
    (None when the query names no document by symbol)."""
    tokens = text.split()
    candidates = {t.upper() for t in tokens if is_symbol(t.upper())}
    if not candidates:
        return text, None
    by_symbol: dict[str, list[str]] = {}
    for doc in documents:
        symbol = (doc.symbol or "").strip().upper()
        if symbol in candidates:
            by_symbol.setdefault(symbol, []).append(doc.doc_id)
    if not by_symbol:
        return text, None
    rest = " ".join(t for t in tokens if t.upper() not in by_symbol)
    return rest, [doc_id for ids in by_symbol.values() for doc_id in ids]


def with_documents(flt: Q.Query | None, doc_ids: list[str] | None) -> Q.Query | None:
    """The filter narrowed to the documents the query named (None: no narrowing;
    an empty list: no document qualifies)."""
    if doc_ids is None:
        return flt
    if not doc_ids:
        return Q.NullQuery
    named = Q.Or([Q.Term("doc_id", doc_id) for doc_id in doc_ids])
    return named if flt is None else Q.And([flt, named])
