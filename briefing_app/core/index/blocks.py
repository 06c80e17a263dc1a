"""Whoosh 3 posting lists written a term at a time, from the pool's arrays.

``W3PostingsWriter`` takes one posting per call, keeps each block's
statistics as it goes and writes a block in three writes through two file
wrappers; with the term table that was most of a batch commit. Here each
block is encoded from slices of the pool's arrays and a term's blocks go out
in one write. The bytes are the codec's own: same block tuples, same pickle
protocol and compression rule, same term info
(``tests/test_index_packing.py`` compares the files).
"""

from __future__ import annotations

import zlib
from itertools import chain
from operator import itemgetter, sub
from pickle import dumps
from typing import Any

from whoosh.codec.whoosh3 import COMPRESSION_MIN_SIZE, WHOOSH3_HEADER_MAGIC, W3TermInfo
from whoosh.system import pack_int, pack_ushort
from whoosh.util.numeric import length_to_byte


def write_postings(fieldwriter: Any, schema: Any, terms: dict[Any, Any], lengths: Any) -> None:
    """``FieldWriter.add_postings`` for postings grouped per (field, term), in docnum order."""
    lastfield = None
    for key in sorted(terms):
        fieldname, btext = key
        if fieldname != lastfield:
            if lastfield is not None:
                fieldwriter.finish_field()
            fieldobj = schema[fieldname]
            fieldwriter.start_field(fieldname, fieldobj)
            column = getattr(lengths, "by_field", {}).get(fieldname)
            dfl = lengths.doc_field_length_reader(fieldname)
            field = _Field(fieldwriter, fieldobj, dfl, column)
            lastfield = fieldname
        field.term(btext, *terms[key])
    if lastfield is not None:
        fieldwriter.finish_field()


class _Field:
    """One field's terms, written as ``W3FieldWriter`` + ``W3PostingsWriter`` would."""

    def __init__(self, fieldwriter: Any, fieldobj: Any, dfl: Any, column: Any = None) -> None:
        postwriter = fieldwriter._postwriter
        self.limit, self.level = postwriter._blocklimit, postwriter._compression
        self.fixed = fieldobj.format.fixed_value_size()
        self.postfile, self.dfl, self.column = fieldwriter._postfile, dfl, column
        self.offset = self.postfile.tell()
        self.prefix = pack_ushort(fieldwriter._fieldid)
        self.add_term = fieldwriter._tindex.add

    def term(self, btext: bytes, docs: Any, weights: Any, joined: Any, ends: Any) -> None:
        info = W3TermInfo()
        data = bytes(joined)
        out = [WHOOSH3_HEADER_MAGIC]
        count = len(docs)
        values: list[bytes] = []
        for start in range(0, count, self.limit):
            stop = min(count, start + self.limit)
            if self.fixed != 0:  # an existence field has no values to cut
                first = ends[start - 1] if start else 0
                cuts = ends[start:stop]
                cut = map(slice, chain((first,), cuts), cuts)  # non-empty ones, in C:
                values = list(filter(None, map(data.__getitem__, cut)))
            out.append(
                self._block(info, docs[start:stop], weights[start:stop], values, stop == count)
            )
        blob = b"".join(out)
        self.postfile.write(blob)
        info.set_extent(self.offset, len(blob))
        self.offset += len(blob)
        self.add_term(self.prefix + btext, info.to_bytes())

    def _block(self, info: Any, ids: Any, weights: Any, values: list[bytes], last: bool) -> bytes:
        minlength, maxlength = self._lengths(ids)
        heaviest = max(weights)
        maxweight = heaviest if heaviest > 0 else 0
        # W3TermInfo.add_block
        info._weight += sum(weights)
        info._df += len(ids)
        info._minlength = minlength if info._minlength is None else min(info._minlength, minlength)
        info._maxlength = max(info._maxlength, maxlength)
        info._maxweight = max(info._maxweight, maxweight)
        if info._minid is None:
            info._minid = ids[0]
        info._maxid = ids[-1]
        # W3PostingsWriter._write_block
        if weights.count(1.0) == len(weights):
            mini_weights: Any = None
        elif weights.count(weights[0]) == len(weights):
            mini_weights = weights[0]
        else:
            mini_weights = tuple(weights)
        if self.fixed is None or self.fixed < 0:
            mini_values: Any = tuple(values)
        elif self.fixed == 0:
            mini_values = None
        else:
            mini_values = b"".join(values)
        deltas = tuple(map(sub, ids, chain((0,), ids)))  # delta_encode, in C
        databytes = dumps((deltas, mini_weights, mini_values), 2)
        level = self.level if len(databytes) >= COMPRESSION_MIN_SIZE else 0
        if level:
            databytes = zlib.compress(databytes, level)
        stats = (len(ids), ids[-1], maxweight, level)
        infobytes = dumps((*stats, length_to_byte(minlength), length_to_byte(maxlength)), 2)
        size = len(infobytes) + len(databytes)
        return pack_int(-size if last else size) + infobytes + databytes

    def _lengths(self, ids: Any) -> tuple[int | None, int]:
        """The block's shortest and longest field length (None, 0 when it has none)."""
        column = self.column
        if column is not None:
            try:
                found = itemgetter(*ids)(column) if len(ids) > 1 else (column[ids[0]],)
            except KeyError:  # a document without a length: the general rule below
                pass
            else:
                shortest = min(found)
                if shortest:  # no zero lengths to leave out
                    return shortest, max(found)
        lengths = [n for n in map(self.dfl, ids) if n]
        return (min(lengths), max(lengths)) if lengths else (None, 0)
