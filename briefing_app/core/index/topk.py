"""Top hits scored over every match, in C loops, with Whoosh's own BM25F.

Whoosh scores a match with several Python calls per posting, which is why a
broad AND once had to stop after a budget of matches. Here the matches are a
bitset (``docsets``), and each query term keeps, per index generation, its
postings as two compact arrays: document numbers, and (frequency << 8 | length
byte) per posting. The keys of the matching documents are picked with
``itertools.compress`` (over the postings when every match holds the term, as
in an AND; over a dense copy otherwise); a term's score
depends only on (frequency, length byte), so it comes from a small memo table
(``dict.__getitem__`` through ``map``). Scores are exactly Whoosh's BM25F
(same idf, average length and length bytes): the top hits are those Whoosh
would return if it scored everything. Frequencies above 255 in one passage
count as 255.
"""

from __future__ import annotations

import sys
from array import array
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Iterator
from heapq import nlargest
from itertools import compress, repeat
from operator import add
from typing import Any, NamedTuple

from whoosh import query as Q
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.scoring import bm25
from whoosh.util.numeric import byte_to_length, length_to_byte

from briefing_app.core.index.docsets import DocSets, set_all
from briefing_app.core.index.positions import blocks, raw_matcher

#: Postings kept, in bytes (six bytes per posting: document number and score key).
TF_CACHE_BYTES = 40 * 1024 * 1024
#: Dense copies (two bytes per document) of terms scored where not every candidate
#: has them (OR, a word in text or heading), kept in bytes.
DENSE_CACHE_BYTES = 16 * 1024 * 1024
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


class _Postings(NamedTuple):
    """One term's live and deleted postings, in document order."""

    ids: array[int]  # document numbers
    keys: array[int]  # frequency << 8 | length byte, per posting
    memos: dict[float, _Memo]  # by boost

    @property
    def nbytes(self) -> int:
        return len(self.ids) * self.ids.itemsize + len(self.keys) * self.keys.itemsize


class Scorer:
    """Ranks bitset matches for one searcher (one index generation)."""

    def __init__(self, searcher: Any, docsets: DocSets) -> None:
        self.searcher = searcher
        self.docsets = docsets
        self._lengths: dict[str, bytes] = {}
        self._tf: OrderedDict[tuple[str, str], _Postings] = OrderedDict()
        self._tf_bytes = 0
        self._dense: OrderedDict[tuple[str, str], array[int]] = OrderedDict()
        self._bits = 0  # the candidates of the query being scored
        self._ids: list[int] = []  # their document numbers, in order
        self._rank: array[int] | None = None  # docnum -> position among them, when needed
        docsets.frequencies = self._posting_ids

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
        self._bits, self._ids, self._rank = bits, ids, None
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
            # Children's scores added in order, as Whoosh's sum; a term on few of
            # the candidates is added only where it occurs (0.0 elsewhere: exact).
            total: list[float] | None = None
            for c in q.children():
                if self._is_sparse(c, n):
                    total = total or [0.0] * n
                    self._add_sparse(total, c, flags, boost)  # type: ignore[arg-type]
                    continue
                part = self._scores(c, flags, n, boost)
                if part:
                    total = part if total is None else _add_lists(total, part)
            return total
        if isinstance(q, Q.Not):  # Whoosh's InverseMatcher scores every document 1.0
            return [boost] * n
        return None  # Every, NullQuery: no score of their own

    def _term(self, q: Q.Term, flags: bytes, boost: float) -> list[float]:
        field, text = q.fieldname, q.text
        if not self._scorable(q):  # Whoosh scores these by their weight, 1
            present = compress(self.docsets.flags(self.docsets.term(field, text)), flags)
            return list(map(boost.__mul__, present))
        memo = _memo(self.postings(field, str(text)), boost)
        return list(map(memo.__getitem__, self._candidate_keys(field, str(text), flags)))

    def _scorable(self, q: Q.Query) -> bool:
        schema = self.searcher.schema
        return isinstance(q, Q.Term) and q.fieldname in schema and schema[q.fieldname].scorable

    def _is_sparse(self, q: Q.Query, n: int) -> bool:
        """A scored term on some candidates only, with fewer postings than candidates."""
        if not self._scorable(q):
            return False
        field, text = q.fieldname, str(q.text)  # type: ignore[attr-defined]
        if not self._bits & ~self.docsets.term(field, text):
            return False  # on every candidate: ``_term`` picks its keys directly
        return len(self.postings(field, text).ids) < n

    def _add_sparse(self, total: list[float], q: Q.Term, flags: bytes, boost: float) -> None:
        """``total[i] += score`` for each candidate ``i`` holding the term (C loops)."""
        postings = self.postings(q.fieldname, str(q.text))
        memo = _memo(postings, boost * q.boost)
        wanted = bytes(map(flags.__getitem__, postings.ids))
        found = list(compress(postings.ids, wanted))
        if len(found) * 16 < len(total):  # few: each one's index by binary search
            where = list(map(bisect_left, repeat(self._ids), found))
        else:
            if self._rank is None:  # docnum -> index among the candidates
                self._rank = array("I", bytes(4 * self.docsets.size))
                set_all(self._rank, self._ids, range(len(total)))
            where = list(map(self._rank.__getitem__, found))
        scores = map(memo.__getitem__, compress(postings.keys, wanted))
        set_all(total, where, map(add, map(total.__getitem__, where), scores))

    def _candidate_keys(self, field: str, text: str, flags: bytes) -> Any:
        """The term's score key of every candidate (0 where absent), in docnum order."""
        postings = self.postings(field, text)
        if not self._bits & ~self.docsets.term(field, text):  # every candidate has the term
            return compress(postings.keys, map(flags.__getitem__, postings.ids))
        key = (field, text)
        dense = self._dense.get(key)
        if dense is None:
            dense = array("H", bytes(2 * self.docsets.size))
            set_all(dense, postings.ids, postings.keys)
            self._dense[key] = dense
            while len(self._dense) * len(dense) * 2 > DENSE_CACHE_BYTES and len(self._dense) > 1:
                self._dense.popitem(last=False)
        else:
            self._dense.move_to_end(key)
        return compress(dense, flags)

    # -- per-generation tables -------------------------------------------------------
    def lengths(self, field: str) -> bytes:
        """One length byte per document of ``field`` (read once per generation)."""
        found = self._lengths.get(field)
        if found is None:
            found = self._lengths[field] = b"".join(
                _length_bytes(leaf, field) for leaf, _ in self.searcher.reader().leaf_readers()
            )
        return found

    def postings(self, field: str, text: str) -> _Postings:
        """The term's postings and score memos (decoded once, then from the LRU)."""
        key = (field, text)
        found = self._tf.get(key)
        if found is not None:
            self._tf.move_to_end(key)
            return found
        for _segment in self.postings_steps(field, text):
            pass
        return self._tf[key]

    def postings_steps(self, field: str, text: str) -> Iterator[int]:
        """Decode a term one index segment at a time (for the warm-up); the postings
        are cached when the last segment is done."""
        key = (field, text)
        if key in self._tf:
            return
        ids, tfs = array("I"), bytearray()
        for i, (leaf, offset) in enumerate(self.searcher.reader().leaf_readers()):
            if (field, text) in leaf:
                _collect(ids, tfs, leaf.postings(field, text), offset)
                yield i
        if key in self._tf:  # a query decoded it meanwhile
            return
        lengths = self.lengths(field)
        keys = array("H", bytes(_interleave(bytes(map(lengths.__getitem__, ids)), tfs)))
        if sys.byteorder == "big":
            keys.byteswap()
        memo = _Memo(self.searcher.idf(field, text), self.searcher.avg_field_length(field) or 1)
        found = self._tf[key] = _Postings(ids, keys, {1.0: memo})
        self._tf_bytes += found.nbytes
        while self._tf_bytes > TF_CACHE_BYTES and len(self._tf) > 1:
            _, old = self._tf.popitem(last=False)
            self._tf_bytes -= old.nbytes

    def cached_bytes(self) -> int:
        return self._tf_bytes

    def _posting_ids(self, field: str, text: str) -> array[int]:
        """For ``docsets``: a scored term's documents, from the same single decoding."""
        return self.postings(field, text).ids


def _memo(postings: _Postings, boost: float) -> _Memo:
    memo = postings.memos.get(boost)
    if memo is None:
        base = postings.memos[1.0]
        memo = postings.memos[boost] = _Memo(base.idf * boost, base.avgfl)
    return memo


def _add_lists(a: list[float], b: list[float]) -> list[float]:
    return list(map(add, a, b))


def _interleave(low: bytes, high: bytearray) -> bytearray:
    """Little-endian 16-bit values from two byte strings (C slicing, no loop)."""
    out = bytearray(len(low) * 2)
    out[0::2] = low
    out[1::2] = high
    return out


def _collect(ids: array[int], tfs: bytearray, postings: Any, offset: int) -> None:
    """Append one segment's postings: document numbers and frequencies (capped at 255)."""
    for block in blocks(postings):
        m = raw_matcher(postings)
        if hasattr(m, "_read_weights"):
            m._read_weights()
            weights: Any = m._weights
        else:
            weights = [m.weight()]
        if max(weights) > 255:
            weights = [min(255.0, w) for w in weights]
        ids.extend(map(offset.__add__, block) if offset else block)
        tfs.extend(map(int, weights[: len(block)]))


def _length_bytes(leaf: Any, field: str) -> bytes:
    """One length byte per document of a segment, as Whoosh stores them."""
    count = leaf.doc_count_all()
    try:
        column = leaf._perdoc._cached_reader(f"_{field}_len", LENGTHS_COLUMN)
        raw = b"" if column is None else column._dbfile.get(column._basepos, column._count)
    except AttributeError:
        raw = bytes(length_to_byte(leaf.doc_field_length(d, field, 0)) for d in range(count))
    return bytes(raw[:count]).ljust(count, b"\x00")
