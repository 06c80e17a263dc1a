"""Sets of matching passages as Python integers, one bit per document number.

Whoosh answers "which passages match" by walking posting lists in Python,
one call per posting: at 100 MB a common word means tens of thousands of
calls before a facet can be counted. Here a term's postings are decoded once
per index generation (block by block) into an integer bitset and kept in a
bounded LRU; AND, OR and NOT are then ``&``, ``|`` and ``& ~`` and the size
is ``bit_count()``, all in C. Queries this module cannot express exactly
(phrases, ranges, …) return None and the caller uses Whoosh.
"""

from __future__ import annotations

from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Iterator, MutableSequence
from itertools import compress, repeat
from typing import Any

from whoosh import query as Q

from briefing_app.core.index.positions import blocks, phrase_segments

#: Bitsets kept, in bytes (a set over 300,000 passages is 37 KB).
CACHE_BYTES = 48 * 1024 * 1024
#: Fields whose terms the scorer decodes with their frequencies.
SCORED_FIELDS = frozenset({"text", "heading"})
_TO_FLAGS = bytes.maketrans(b"01", b"\x00\x01")
_TO_DIGITS = bytes([48] + [49] * 255)  # flag byte -> "0" or "1"


class DocSets:
    """Bitsets of one reader (one index generation)."""

    def __init__(self, reader: Any) -> None:
        self.reader = reader
        self.size = reader.doc_count_all()
        self.live = self._live()
        self._cache: OrderedDict[tuple[str, str | bytes], int] = OrderedDict()
        self._cached_bytes = 0
        # Set by the scorer: decodes a scored field's term once for both uses
        # (its postings with their frequencies, and so its bitset).
        self.frequencies: Callable[[str, str], Iterable[int]] | None = None

    def _live(self) -> int:
        everything = (1 << self.size) - 1
        if not self.reader.has_deletions():
            return everything
        dead = bytearray((self.size + 7) // 8)
        for leaf, offset in self.reader.leaf_readers():
            if leaf.has_deletions():
                for d in leaf.deleted_docs_set:
                    d += offset
                    dead[d >> 3] |= 1 << (d & 7)
        return everything & ~int.from_bytes(dead, "little")

    # -- terms ---------------------------------------------------------------------
    def term(self, field: str, text: str | bytes) -> int:
        """Live documents whose ``field`` holds ``text`` (cached)."""
        key = (field, text)
        found = self._cache.get(key)
        if found is not None:
            self._cache.move_to_end(key)
            return found
        bits = self._decode(field, text) & self.live
        self._remember(key, bits)
        return bits

    def seed(self, field: str, text: str, bits: int) -> None:
        """Cache the live documents of a term known otherwise (a facet's value)."""
        if (field, text) not in self._cache:
            self._remember((field, text), bits)

    def _remember(self, key: tuple[str, str | bytes], bits: int) -> None:
        self._cache[key] = bits
        self._cached_bytes += (bits.bit_length() + 7) // 8 + 64
        while self._cached_bytes > CACHE_BYTES and len(self._cache) > 1:
            _, old = self._cache.popitem(last=False)
            self._cached_bytes -= (old.bit_length() + 7) // 8 + 64

    def _decode(self, field: str, text: str | bytes) -> int:
        if self.frequencies is not None and field in SCORED_FIELDS and isinstance(text, str):
            return self.from_ids(self.frequencies(field, text))
        flags = bytearray(self.size)
        for leaf, offset in self.reader.leaf_readers():
            if (field, text) in leaf:
                for ids in blocks(leaf.postings(field, text)):
                    set_all(flags, map(offset.__add__, ids) if offset else ids, repeat(1))
        return self.from_flags(flags)

    def phrase(self, q: Q.Phrase) -> int | None:
        """Documents with the phrase (words adjacent, in order), cached; None if unsupported."""
        key = _phrase_key(q)
        if key is None:
            return None
        for _segment in self.phrase_steps(q):
            pass
        return self._cache[key]

    def phrase_steps(self, q: Q.Phrase) -> Iterator[int]:
        """Check a supported phrase one index segment at a time (for the warm-up);
        the result is cached when the last segment is done."""
        key = _phrase_key(q)
        if key is None or key in self._cache:
            return
        words = [str(w) for w in q.words]
        candidates = self.live
        for word in dict.fromkeys(words):
            candidates &= self.term(q.fieldname, word)
        found: list[int] = []
        if candidates:
            flags = self.flags(candidates)
            for i, docs in enumerate(phrase_segments(self.reader, q.fieldname, words, flags)):
                found.extend(docs)
                yield i
        if key not in self._cache:  # (a query may have checked it meanwhile)
            self._remember(key, self.from_ids(found))

    # -- queries -------------------------------------------------------------------
    def evaluate(self, q: Q.Query) -> int | None:
        """The documents matching ``q``, or None when it needs Whoosh (phrases…)."""
        if isinstance(q, Q.Term):
            return self.term(q.fieldname, q.text)  # bytes for numeric fields
        if isinstance(q, Q.Phrase):
            return self.phrase(q)
        if isinstance(q, Q.Every):
            return self.live
        if q is Q.NullQuery or isinstance(q, Q.NullQuery.__class__):
            return 0
        if isinstance(q, Q.Not):
            inner = self.evaluate(q.query)
            return None if inner is None else self.live & ~inner
        if isinstance(q, Q.AndNot):
            a, b = self.evaluate(q.a), self.evaluate(q.b)
            return None if a is None or b is None else a & ~b
        if isinstance(q, Q.AndMaybe):
            return self.evaluate(q.a)
        if isinstance(q, Q.And | Q.Or):
            parts = [self.evaluate(c) for c in q.subqueries]
            if any(p is None for p in parts):
                return None
            if not parts:
                return 0
            out = parts[0]
            for p in parts[1:]:
                out = (out & p) if isinstance(q, Q.And) else (out | p)  # type: ignore[operator]
            return out
        return None

    def flags(self, bits: int) -> bytes:
        """One byte (0 or 1) per document number: for ``itertools.compress``."""
        digits = bin(bits)[:1:-1].encode("ascii").translate(_TO_FLAGS)
        return digits.ljust(self.size, b"\x00")

    def from_ids(self, ids: Iterable[int]) -> int:
        flags = bytearray(self.size)
        set_all(flags, ids, repeat(1))
        return self.from_flags(flags)

    @staticmethod
    def from_flags(flags: bytes | bytearray) -> int:
        """The bitset of a flag string (non-zero byte = member), through C translations."""
        digits = bytes(flags).translate(_TO_DIGITS)[::-1]
        return int(digits, 2) if digits else 0

    def ids(self, bits: int) -> list[int]:
        return list(compress(range(self.size), self.flags(bits)))


def _phrase_key(q: Q.Phrase) -> tuple[str, str] | None:
    words = [str(w) for w in q.words]
    if q.fieldname != "text" or q.slop != 1 or not words:
        return None
    return ("\x00phrase", " ".join(words))


def raw_ids(m: Any) -> list[int]:
    """All ids of a posting matcher (deleted documents included), block by block."""
    out: list[int] = []
    for ids in blocks(m):
        out.extend(ids)
    return out


def set_all(target: MutableSequence[Any], ids: Iterable[int], values: Iterable[Any]) -> None:
    """``target[i] = v`` for each pair, in C (no Python call per item)."""
    deque(map(target.__setitem__, ids, values), maxlen=0)
