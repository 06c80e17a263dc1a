"""Whoosh documents made ready in the ingest workers, so the writer only files them.

``SegmentWriter.add_document`` analyses every field, pickles and compresses
the stored fields (zlib) and computes column values: in the one process that
writes the index, that was about half of its time. ``pack`` does exactly the
same steps in the worker (the same field objects, in the same sorted order,
with the same boosts) and hands over the results: postings per field, field
lengths, column values and the stored-fields bytes as Whoosh would write
them. ``FastSegmentWriter.add_packed`` files them; the index files are the
same as ``add_document`` makes (``tests/test_index_packing.py``).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from functools import cache
from pickle import dumps
from typing import Any

from whoosh.fields import Schema

from briefing_app.core.index.schema import make_schema

#: Whoosh 3's stored-fields column: ``PickleColumn(CompressedBytesColumn())``
#: pickles with protocol 2 and compresses at level 3 (``whoosh.columns``).
_STORED_PROTOCOL, _STORED_LEVEL = 2, 3

#: One posting of a packed document: ((field name, term bytes), weight, value bytes).
Posting = tuple[tuple[str, bytes], float, bytes | None]


@dataclass(slots=True)
class Packed:
    """One Whoosh document, analysed: what ``add_document`` would hand its writers."""

    postings: list[Posting]
    #: (field name, length, column value or None), in Whoosh's (sorted) field order.
    fields: list[tuple[str, int, Any]]
    #: The stored fields as the ``_stored`` column holds them (None: nothing stored).
    stored: bytes | None


@cache
def _schema() -> Schema:
    return make_schema()


def pack(fields: dict[str, Any], schema: Schema | None = None) -> Packed:
    """``SegmentWriter.add_document(**fields)`` up to the writing, as data."""
    schema = schema or _schema()
    docboost = float(fields["_boost"]) if "_boost" in fields else 1.0
    postings: list[Posting] = []
    out: list[tuple[str, int, Any]] = []
    stored: dict[str, Any] = {}
    for fieldname in sorted(name for name in fields if not name.startswith("_")):
        value = fields[fieldname]
        if value is None:
            continue
        field = schema[fieldname]  # KeyError for an unknown field, as Whoosh
        if field.separate_spelling() or field.vector:
            raise ValueError(f"field {fieldname!r}: spelling and vectors are not packed")
        length = 0
        if field.indexed:
            boostkw = f"_{fieldname}_boost"
            boost = float(fields[boostkw]) if boostkw in fields else docboost
            scorable = field.scorable
            for tbytes, freq, weight, vbytes in field.index(value):
                if scorable:
                    length += freq
                postings.append(((fieldname, tbytes), weight * boost, vbytes))
        customval = fields.get(f"_stored_{fieldname}", value)
        if field.stored and customval is not None:
            stored[fieldname] = customval
        column = field.column_type
        cv = field.to_column_value(customval) if column and customval is not None else None
        if length or cv is not None:
            out.append((fieldname, length, cv))
    blob = zlib.compress(dumps(stored, _STORED_PROTOCOL), _STORED_LEVEL) if stored else None
    return Packed(postings, out, blob)
