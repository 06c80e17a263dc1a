"""Facet counts (kind, document, section, year, body, operative, ref).

Single-valued facets are read from Whoosh's sortable columns (one array
lookup per matching segment); ``refs`` is multi-valued and small, so its
counts come from intersecting each reference's postings with the matches.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from whoosh import query as Q

from briefing_app.core.index.schema import FACET_FIELDS

_COLUMN_FACETS = [(key, field) for key, field in FACET_FIELDS.items() if field != "refs"]


def matching_docs(searcher: Any, q: Q.Query, flt: Q.Query | None) -> list[int]:
    combined = Q.And([q, flt]) if flt is not None else q
    # The bare matcher is twice as fast as searcher.docs_for_query (deletions
    # are already excluded by the segment readers' postings).
    return list(combined.matcher(searcher).all_ids())


def count(searcher: Any, docs: list[int]) -> dict[str, dict[str, int]]:
    """Counts per facet value over ``docs``, most frequent first."""
    reader = searcher.reader()
    out: dict[str, dict[str, int]] = {key: {} for key in FACET_FIELDS}
    if not docs or not reader.doc_count():
        return out
    for key, field in _COLUMN_FACETS:
        column = reader.column_reader(field)
        counts = Counter(column[d] for d in docs)
        counts.pop("", None)
        counts.pop(b"", None)
        out[key] = {_str(v): n for v, n in counts.most_common()}
    doc_set = set(docs)
    refs: dict[str, int] = {}
    for btext in reader.lexicon("refs"):
        n = sum(1 for d in reader.postings("refs", btext).all_ids() if d in doc_set)
        if n:
            refs[_str(btext)] = n
    out["ref"] = dict(sorted(refs.items(), key=lambda kv: (-kv[1], kv[0])))
    return out


def _str(value: Any) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)
