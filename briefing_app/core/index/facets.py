"""Facet counts (kind, document, section, year, body, operative, ref).

Everything that does not depend on the query is computed once per index
generation (``FacetTables``): each single-valued facet's column as a list,
and for facets with few values (kind, year, body, operative) and for the
multi-valued ``refs`` one bitset per value. Counting the matches of a query
(a bitset from ``docsets``) is then ``(matches & value).bit_count()`` per
value, and for the many-valued facets (document, section) a ``Counter`` over
the column filtered by ``itertools.compress``: C loops, no Python per match.
"""

from __future__ import annotations

from collections import Counter
from itertools import compress
from typing import Any

from whoosh import query as Q

from briefing_app.core.index.docsets import DocSets
from briefing_app.core.index.schema import FACET_FIELDS

_COLUMN_FACETS = [(key, field) for key, field in FACET_FIELDS.items() if field != "refs"]
#: Facets with at most this many values are counted with one bitset per value.
FEW_VALUES = 64
#: More references than this are counted from the column-free slow path.
MAX_REF_BITSETS = 2000


def matching_docs(searcher: Any, q: Q.Query, flt: Q.Query | None) -> list[int]:
    """Document numbers matching ``q`` and ``flt``, with Whoosh's matchers (any query)."""
    combined = Q.And([q, flt]) if flt is not None else q
    # The bare matcher is twice as fast as searcher.docs_for_query (deletions
    # are already excluded by the segment readers' postings).
    return list(combined.matcher(searcher).all_ids())


class FacetTables:
    """The query-independent half of facet counting, for one reader."""

    def __init__(self, reader: Any, docsets: DocSets) -> None:
        self.docsets = docsets
        self.columns: dict[str, list[Any]] = {}
        self.value_bits: dict[str, dict[str, int]] = {}
        for key, field in _COLUMN_FACETS:
            values = list(reader.column_reader(field)) if reader.doc_count_all() else []
            distinct = set(values) - {"", b""}
            if len(distinct) <= FEW_VALUES:
                self.value_bits[key] = _value_bitsets(values, distinct)
            else:
                self.columns[key] = values
        refs = [_str(b) for b in reader.lexicon("refs")] if "refs" in reader.schema else []
        self.refs = refs if len(refs) <= MAX_REF_BITSETS else []
        self.value_bits["ref"] = {r: docsets.term("refs", r) for r in self.refs}

    def count(self, bits: int) -> dict[str, dict[str, int]]:
        """Counts per facet value over the documents in ``bits``, most frequent first."""
        out: dict[str, dict[str, int]] = {key: {} for key in FACET_FIELDS}
        if not bits:
            return out
        for key, by_value in self.value_bits.items():
            counts = {v: (bits & b).bit_count() for v, b in by_value.items()}
            ordered = sorted(
                ((v, n) for v, n in counts.items() if n), key=lambda kv: (-kv[1], kv[0])
            )
            out[key] = dict(ordered)
        if self.columns:
            flags = self.docsets.flags(bits)
            for key, values in self.columns.items():
                counts = Counter(compress(values, flags))
                counts.pop("", None)
                counts.pop(b"", None)
                out[key] = {_str(v): n for v, n in counts.most_common()}
        return out


def _value_bitsets(values: list[Any], distinct: set[Any]) -> dict[str, int]:
    """One bitset per value, through byte translations (C loops over the column)."""
    ordinal = {v: i + 1 for i, v in enumerate(sorted(distinct, key=_str))}
    ords = bytes(ordinal.get(v, 0) for v in values)
    out = {}
    for value, k in ordinal.items():
        table = bytes(49 if i == k else 48 for i in range(256))
        digits = ords.translate(table)[::-1]
        out[_str(value)] = int(digits, 2) if digits else 0
    return out


def _str(value: Any) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)
