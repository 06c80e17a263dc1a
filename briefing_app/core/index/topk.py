"""Top hits scored over every match, in C loops, with Whoosh's own BM25F.

Whoosh scores a match with several Python calls per posting, which is why a
broad AND once had to stop after a budget of matches. Here the matches are a
bitset (``docsets``), and each query term keeps, per index generation, its
term frequencies as one byte per document. The frequencies and lengths of the
matching documents are picked with ``itertools.compress``; a term's score
depends only on (frequency, length byte), so it comes from a small memo table
(``dict.__getitem__`` through ``map``). Scores are exactly Whoosh's BM25F
(same idf, average length and length bytes): the top hits are those Whoosh
would return if it scored everything. Frequencies above 255 in one passage
count as 255.
"""

from __future__ import annotations

import sys
from array import array
from collections import OrderedDict
from functools import reduce
from heapq import nlargest
from itertools import compress
from operator import add
from typing import Any

from whoosh import query as Q
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.scoring import bm25
from whoosh.util.numeric import byte_to_length, length_to_byte

from briefing_app.core.index.docsets import DocSets, set_all
from briefing_app.core.index.positions import blocks, raw_matcher

#: Score keys kept, in bytes (two bytes per document per term).
TF_CACHE_BYTES = 40 * 1024 * 1024
B, K1 = 0.75, 1.2


class _Memo(dict):
    """(frequency << 8 | length byte) -> BM25F score (times the boost), on first use."""

    def __init__(self, idf: float, avgfl: float) -> None:
        super().__init__()
        self.idf, self.avgfl = idf, avgfl
        for lbyte in range(256):  # absent from the document: no score
            self[lbyte] = 0.0

    def __missing__(self, key: int) -> float:
        tf, lbyte = key >> 8, key & 255
        score = bm25(self.idf, tf, byte_to_length(lbyte), self.avgfl, B, K1) if tf else 0.0
        self[key] = score
        return score


_Keys = tuple["array[int]", dict[float, _Memo]]


class Scorer:
    """Ranks bitset matches for one searcher (one index generation)."""

    def __init__(self, searcher: Any, docsets: DocSets) -> None:
        self.searcher = searcher
        self.docsets = docsets
        self._lengths: dict[str, bytes] = {}
        self._tf: OrderedDict[tuple[str, str], tuple[array[int], dict[float, _Memo]]] = (
            OrderedDict()
        )
        self._tf_bytes = 0
        docsets.frequencies = self._frequencies

    def supports(self, q: Q.Query) -> bool:
        """Can this query tree be scored here (terms, AND, OR, NOT only)?"""
        if isinstance(q, Q.Term):
            return True
        if isinstance(q, Q.Not | Q.Every) or q is Q.NullQuery:
            return True
        if isinstance(q, Q.And | Q.Or | Q.AndNot | Q.AndMaybe):
            return all(self.supports(c) for c in q.children())
        return False

    def top(self, q: Q.Query, bits: int, limit: int) -> list[tuple[int, float]]:
        """The best ``limit`` (docnum, score) among the documents in ``bits``."""
        if not bits or limit < 1:
            return []
        flags = self.docsets.flags(bits)
        ids = list(compress(range(self.docsets.size), flags))
        scores = self._scores(q, flags, len(ids), 1.0) or [0.0] * len(ids)
        if len(scores) > limit:  # a threshold first: no tuple per candidate
            cut = nlargest(limit, scores)[-1]
            chosen = list(compress(zip(scores, ids, strict=True), map(cut.__le__, scores)))
        else:
            chosen = list(zip(scores, ids, strict=True))
        chosen.sort(key=lambda pair: (-pair[0], pair[1]))
        return [(docnum, score) for score, docnum in chosen[:limit]]

    # -- scores, one per candidate, in docnum order --------------------------------
    def _scores(self, q: Q.Query, flags: bytes, n: int, boost: float) -> list[float] | None:
        boost *= q.boost  # type: ignore[attr-defined]
        if isinstance(q, Q.Term):
            return self._term(q, flags, boost)
        if isinstance(q, Q.AndNot):
            return self._scores(q.a, flags, n, boost)
        if isinstance(q, Q.And | Q.Or | Q.AndMaybe):
            parts = [p for p in (self._scores(c, flags, n, boost) for c in q.children()) if p]
            return reduce(_add_lists, parts) if parts else None
        if isinstance(q, Q.Not):  # Whoosh's InverseMatcher scores every document 1.0
            return [boost] * n
        return None  # Every, NullQuery: no score of their own

    def _term(self, q: Q.Term, flags: bytes, boost: float) -> list[float]:
        field, text = q.fieldname, q.text
        if field not in self.searcher.schema or not self.searcher.schema[field].scorable:
            # Whoosh scores these by their weight, 1
            present = compress(self.docsets.flags(self.docsets.term(field, text)), flags)
            return list(map(boost.__mul__, present))
        keys, memos = self._keys(field, str(text))
        memo = memos.get(boost)
        if memo is None:
            memo = memos[boost] = _Memo(memos[1.0].idf * boost, memos[1.0].avgfl)
        return list(map(memo.__getitem__, compress(keys, flags)))

    # -- per-generation tables -------------------------------------------------------
    def lengths(self, field: str) -> bytes:
        """One length byte per document of ``field`` (read once per generation)."""
        found = self._lengths.get(field)
        if found is None:
            found = self._lengths[field] = b"".join(
                _length_bytes(leaf, field) for leaf, _ in self.searcher.reader().leaf_readers()
            )
        return found

    def _keys(self, field: str, text: str) -> _Keys:
        """(frequency << 8 | length byte) per document, and the term's score memos."""
        key = (field, text)
        found = self._tf.get(key)
        if found is not None:
            self._tf.move_to_end(key)
            return found
        self._frequencies(field, text)
        return self._tf[key]

    def _frequencies(self, field: str, text: str) -> bytearray:
        """Decode a term's postings once: cache its score keys, return its frequencies."""
        tf = bytearray(self.docsets.size)
        for leaf, offset in self.searcher.reader().leaf_readers():
            if (field, text) in leaf:
                _fill(tf, leaf.postings(field, text), offset)
        key = (field, text)
        keys = array("H", bytes(_interleave(self.lengths(field), tf)))
        if sys.byteorder == "big":
            keys.byteswap()
        memo = _Memo(self.searcher.idf(field, text), self.searcher.avg_field_length(field) or 1)
        self._tf[key] = (keys, {1.0: memo})
        self._tf_bytes += len(keys) * 2
        while self._tf_bytes > TF_CACHE_BYTES and len(self._tf) > 1:
            _, (old, _memos) = self._tf.popitem(last=False)
            self._tf_bytes -= len(old) * 2
        return tf


def _add_lists(a: list[float], b: list[float]) -> list[float]:
    return list(map(add, a, b))


def _interleave(low: bytes, high: bytearray) -> bytearray:
    """Little-endian 16-bit values from two byte strings (C slicing, no loop)."""
    out = bytearray(len(low) * 2)
    out[0::2] = low
    out[1::2] = high
    return out


def _fill(tf: bytearray, postings: Any, offset: int) -> None:
    """Term frequencies of one segment's postings into ``tf`` (capped at 255)."""
    for ids in blocks(postings):
        m = raw_matcher(postings)
        if hasattr(m, "_read_weights"):
            m._read_weights()
            weights: Any = m._weights
        else:
            weights = [m.weight()]
        if max(weights) > 255:
            weights = [min(255.0, w) for w in weights]
        set_all(tf, map(offset.__add__, ids) if offset else ids, map(int, weights))


def _length_bytes(leaf: Any, field: str) -> bytes:
    """One length byte per document of a segment, as Whoosh stores them."""
    count = leaf.doc_count_all()
    try:
        column = leaf._perdoc._cached_reader(f"_{field}_len", LENGTHS_COLUMN)
        raw = b"" if column is None else column._dbfile.get(column._basepos, column._count)
    except AttributeError:
        raw = bytes(length_to_byte(leaf.doc_field_length(d, field, 0)) for d in range(count))
    return bytes(raw[:count]).ljust(count, b"\x00")
