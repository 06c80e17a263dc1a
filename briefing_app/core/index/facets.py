"""Facet counts (kind, document, section, year, body, operative, ref).

Everything that does not depend on the query is computed once per index
generation (``FacetTables``): each single-valued facet's column as a list,
for facets with few values (kind, year, body, operative) one bitset per
value, and for the multi-valued ``refs`` each reference's (few) document
numbers, as parallel arrays. Counting the matches of a query (a bitset from ``docsets``) is then
``(matches & value).bit_count()`` per value, and for the many-valued facets
(document, and the references) a ``Counter`` over the column filtered by
``itertools.compress``: C loops, no Python call per match.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator
from itertools import accumulate, compress, repeat
from operator import is_not
from typing import Any

from whoosh import query as Q
from whoosh.fields import ID

from briefing_app.core.index.docsets import DocSets, raw_ids
from briefing_app.core.index.schema import FACET_FIELDS

_COLUMN_FACETS = [(key, field) for key, field in FACET_FIELDS.items() if field != "refs"]
#: Facets with at most this many values are counted with one bitset per value.
FEW_VALUES = 64


def matching_docs(searcher: Any, q: Q.Query, flt: Q.Query | None) -> list[int]:
    """Document numbers matching ``q`` and ``flt``, with Whoosh's matchers (any query)."""
    combined = Q.And([q, flt]) if flt is not None else q
    # The bare matcher is twice as fast as searcher.docs_for_query (deletions
    # are already excluded by the segment readers' postings).
    return list(combined.matcher(searcher).all_ids())


class FacetTables:
    """The query-independent half of facet counting, for one reader.

    Built one facet at a time (``steps``), so a warm-up can pause between facets;
    ``count`` finishes whatever is left.
    """

    def __init__(
        self,
        reader: Any,
        docsets: DocSets,
        on_built: Callable[[FacetTables], object] | None = None,
    ) -> None:
        self.reader = reader
        self.docsets = docsets
        self.columns: dict[str, _Runs] = {}
        self.value_bits: dict[str, dict[str, int]] = {}
        self.refs = _RefTable()
        self._on_built = on_built  # e.g. saving them beside the generation (facet_store)
        self._steps = self._build()

    @classmethod
    def empty(cls, reader: Any, docsets: DocSets) -> FacetTables:
        """Tables with nothing left to build, for a caller that fills them (facet_store)."""
        tables = cls(reader, docsets)
        tables._steps = iter(())
        return tables

    def steps(self) -> Iterator[str]:
        """Build the tables, yielding the name of each facet done (resumable)."""
        return self._steps

    def _build(self) -> Iterator[str]:
        for key, field in _COLUMN_FACETS:
            values = _column_values(self.reader, field)
            distinct = set(values) - {"", b""}
            if len(distinct) <= FEW_VALUES:
                self.value_bits[key] = _value_bitsets(values, distinct)
            else:
                self.columns[key] = _Runs(values)
            yield key
        if "refs" in self.reader.schema:
            live = self.docsets.flags(self.docsets.live)
            for leaf, offset in self.reader.leaf_readers():
                self.refs.add_segment(leaf, offset, live)
                yield "ref"
        if self._on_built is not None:
            self._on_built(self)

    def filter_sets(self) -> Iterator[tuple[str, str, int]]:
        """(field, value, live documents) of the few-valued facets whose indexed term is
        the column value itself (plain ``ID`` fields): what a filter on them matches."""
        for _ in self._steps:
            pass
        schema = self.reader.schema
        for key, by_value in self.value_bits.items():
            field = FACET_FIELDS[key]
            if field in schema and type(schema[field]) is ID:
                for value, bits in by_value.items():
                    yield field, value, bits & self.docsets.live

    def count(self, bits: int) -> dict[str, dict[str, int]]:
        """Counts per facet value over the documents in ``bits``, most frequent first."""
        for _ in self._steps:
            pass
        out: dict[str, dict[str, int]] = {key: {} for key in FACET_FIELDS}
        if not bits:
            return out
        for key, by_value in self.value_bits.items():
            counts = {v: (bits & b).bit_count() for v, b in by_value.items()}
            out[key] = _ordered((v, n) for v, n in counts.items() if n)
        flags = self.docsets.flags(bits)
        if self.refs.names:
            out["ref"] = self.refs.count(flags)
        for key, runs in self.columns.items():
            out[key] = runs.count(flags)
        return out


class _Runs:
    """A many-valued column (document, section) as runs of one value.

    A document's passages are indexed together, so the column is a few
    thousand runs; a count is ``flags.count(1, start, end)`` per run, mapped
    in C, whatever the number of matches.
    """

    def __init__(self, values: list[Any]) -> None:
        n = len(values)  # values are canonical objects: a change is ``is not``
        changes = compress(range(1, n), map(is_not, values[1:], values[:-1]))
        bounds = [0, *changes, n] if n else [0]
        kept = [i for i, s in enumerate(bounds[:-1]) if values[s] not in ("", b"")]
        self.starts = [bounds[i] for i in kept]
        self.ends = [bounds[i + 1] for i in kept]
        self.names = [_str(values[s]) for s in self.starts]

    def count(self, flags: bytes) -> dict[str, int]:
        """Matches per value, most first; ties in the order of their first match."""
        counts = list(map(flags.count, repeat(1), self.starts, self.ends))
        return _by_count(compress(zip(self.names, counts, strict=True), counts))


def _by_count(pairs: Iterable[tuple[str, int]]) -> dict[str, int]:
    """Sum per name, then most first (stable: ties keep their first-seen order)."""
    found: dict[str, int] = {}
    for name, n in pairs:
        found[name] = found.get(name, 0) + n
    return dict(sorted(found.items(), key=lambda kv: -kv[1]))


class _RefTable:
    """Each reference's (few) live passages: one array of document numbers, in runs of
    one reference (per index segment), counted like ``_Runs``."""

    def __init__(self) -> None:
        self.names: list[str] = []  # the reference of each run
        self.docs: array[int] = array("I")  # document numbers
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add_segment(self, leaf: Any, offset: int, live: bytes) -> None:
        for btext in leaf.lexicon("refs"):
            found = map(offset.__add__, raw_ids(leaf.postings("refs", btext)))
            kept = [d for d in found if live[d]]
            if kept:
                self.names.append(_str(btext))
                self.starts.append(len(self.docs))
                self.docs.extend(kept)
                self.ends.append(len(self.docs))

    def count(self, flags: bytes) -> dict[str, int]:
        picked = bytes(map(flags.__getitem__, self.docs))
        counts = list(map(picked.count, repeat(1), self.starts, self.ends))
        found = _by_count(compress(zip(self.names, counts, strict=True), counts))
        return _ordered(found.items())


def _ordered(pairs: Iterable[tuple[str, int]]) -> dict[str, int]:
    """Most frequent first, ties by value."""
    return dict(sorted(pairs, key=lambda kv: (-kv[1], kv[0])))


def _column_values(reader: Any, field: str) -> list[Any]:
    """Every document's raw column value, one shared object per distinct value.

    Whoosh's column iterator makes a Python call per document and segment;
    a variable-bytes column is read here as one block and cut with C loops.
    """
    canonical: dict[Any, Any] = {}
    out: list[Any] = []
    for leaf, _offset in reader.leaf_readers():
        column = leaf.column_reader(field, translate=False)
        lengths = getattr(column, "_lengths", None)
        if lengths is None or not hasattr(column, "_dbfile"):
            values = list(column)
        else:
            data = column._dbfile.get(column._basepos, sum(lengths))
            ends = list(accumulate(lengths))
            values = list(map(data.__getitem__, map(slice, [0, *ends[:-1]], ends)))
        out.extend(map(canonical.setdefault, values, values))
    return out


def _value_bitsets(values: list[Any], distinct: set[Any]) -> dict[str, int]:
    """One bitset per value, through byte translations (C loops over the column)."""
    ordinal = {v: i + 1 for i, v in enumerate(sorted(distinct, key=_str))}
    ords = bytes(map(ordinal.get, values, repeat(0)))
    out = {}
    for value, k in ordinal.items():
        table = bytes(49 if i == k else 48 for i in range(256))
        digits = ords.translate(table)[::-1]
        out[_str(value)] = int(digits, 2) if digits else 0
    return out


def _str(value: Any) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)
