"""Whoosh documents made ready in the ingest workers, so the writer only files them.

``SegmentWriter.add_document`` analyses every field, pickles and compresses
the stored fields (zlib) and computes column values: in the one process that
writes the index, that was about half of its time. ``pack`` does exactly the
same steps in the worker (the same field objects, in the same sorted order,
with the same boosts) and hands over the results: postings per field, field
lengths, column values and the stored-fields bytes as Whoosh would write
them. ``FastSegmentWriter.add_packed`` and ``add_postings`` file them; the
index files are the same as ``add_document`` makes (``tests/test_index_packing.py``).
"""

from __future__ import annotations

import zlib
from array import array
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, islice
from pickle import dumps
from typing import Any

from whoosh.fields import Schema

from briefing_app.core.index.schema import make_schema

#: Whoosh 3's stored-fields column: ``PickleColumn(CompressedBytesColumn())``
#: pickles with protocol 2 and compresses at level 3 (``whoosh.columns``).
_STORED_PROTOCOL, _STORED_LEVEL = 2, 3

#: A file's postings while it is packed: (field, term) -> (passages, weights, values),
#: three lists side by side that ``flatten`` hands to ``array.extend`` whole.
Grouped = dict[tuple[str, bytes], tuple[list[int], list[float], list[bytes]]]


#: One Whoosh document, analysed: what ``add_document`` would hand its writers
#: besides the postings (those travel per chunk of files, in :class:`FilePostings`):
#: ((field name, length, column value or None) in Whoosh's (sorted) field order,
#: the stored fields as the ``_stored`` column holds them or None). A plain tuple:
#: a dataclass costs several times more to pickle and unpickle, per passage.
Packed = tuple[list[tuple[str, int, Any]], bytes | None]


@dataclass(slots=True)
class FilePostings:
    """All postings of one file's passages, grouped by term, in a few flat arrays.

    Term ``i`` has ``counts[i]`` postings, consecutive in ``passages`` (the
    passage's index in the file), ``weights`` and ``ends`` (where each value
    ends in ``values``). Flat arrays cross the process boundary for a
    fraction of what a tuple per posting costs to pickle and unpickle.
    """

    keys: list[tuple[str, bytes]]
    counts: array
    passages: array
    weights: array
    ends: array
    values: bytes


def flatten(grouped: Grouped) -> FilePostings:
    """One file's grouped postings as flat arrays, a term at a time (the loops run in C)."""
    counts, passages, weights, ends = array("I"), array("I"), array("f"), array("I")
    values = bytearray()
    for term_passages, term_weights, term_values in grouped.values():
        counts.append(len(term_passages))
        passages.extend(term_passages)
        weights.extend(term_weights)
        # Where each value ends: running sums of their lengths from where the term starts.
        ends.extend(islice(accumulate(map(len, term_values), initial=len(values)), 1, None))
        values += b"".join(term_values)
    return FilePostings(list(grouped), counts, passages, weights, ends, bytes(values))


@cache
def _schema() -> Schema:
    return make_schema()


#: (field name, value) -> its postings, for the short values that repeat from
#: passage to passage (kind, year, doc id, heading…); cleared when it fills.
_MEMO: dict[tuple[str, str], list[Any]] = {}
_MEMO_SIZE, _MEMO_VALUE = 50_000, 200


def _index(field: Any, fieldname: str, value: Any) -> list[Any]:
    """``field.index(value)``, remembered for short repeating strings."""
    if field.unique or not isinstance(value, str) or len(value) > _MEMO_VALUE:
        return list(field.index(value))
    key = (fieldname, value)
    found = _MEMO.get(key)
    if found is None:
        if len(_MEMO) >= _MEMO_SIZE:
            _MEMO.clear()
        found = _MEMO[key] = list(field.index(value))
    return found


def pack(
    fields: dict[str, Any], passage: int, grouped: Grouped, schema: Schema | None = None
) -> Packed:
    """``SegmentWriter.add_document(**fields)`` up to the writing, as data.

    The postings go to ``grouped`` under ``passage`` (the document's index in its file).
    """
    specs = _specs(schema or _schema())
    docboost = float(fields["_boost"]) if "_boost" in fields else 1.0
    out: list[tuple[str, int, Any]] = []
    stored: dict[str, Any] = {}
    for fieldname in sorted(name for name in fields if not name.startswith("_")):
        value = fields[fieldname]
        if value is None:
            continue
        field, boostkw, storedkw = specs[fieldname]  # KeyError for an unknown field
        length = 0
        if field.indexed:
            boost = float(fields[boostkw]) if boostkw in fields else docboost
            scorable = field.scorable
            for tbytes, freq, weight, vbytes in _index(field, fieldname, value):
                if scorable:
                    length += freq
                key = (fieldname, tbytes)
                rows = grouped.get(key)
                if rows is None:
                    rows = grouped[key] = ([], [], [])
                rows[0].append(passage)
                rows[1].append(weight * boost)
                rows[2].append(vbytes or b"")
        customval = fields.get(storedkw, value)
        if field.stored and customval is not None:
            stored[fieldname] = customval
        column = field.column_type
        cv = field.to_column_value(customval) if column and customval is not None else None
        if length or cv is not None:
            out.append((fieldname, length, cv))
    blob = zlib.compress(dumps(stored, _STORED_PROTOCOL), _STORED_LEVEL) if stored else None
    return out, blob


#: The last schema seen and its specs (the schema is held, so ``is`` stays honest).
_SPECS: list[Any] = [None, {}]


def _specs(schema: Schema) -> dict[str, tuple[Any, str, str]]:
    """Per field: the field object and the names of its boost and stored-value keys."""
    if _SPECS[0] is not schema:
        found = {}
        for name, field in schema.items():
            if field.separate_spelling() or field.vector:
                raise ValueError(f"field {name!r}: spelling and vectors are not packed")
            found[name] = (field, f"_{name}_boost", f"_stored_{name}")
        _SPECS[:] = [schema, found]
    specs: dict[str, tuple[Any, str, str]] = _SPECS[1]
    return specs
