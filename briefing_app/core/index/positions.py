"""Exact phrase matches as a bitset, from the positions in the index.

Whoosh's phrase matcher spends ~300 ms on "human rights" at 100 MB, most of
it in per-posting Python calls. Here the documents that have every word are
already known (a bitset AND); only their positions are decoded, straight from
each posting block, and the phrase is checked with set lookups. The result is
cached per index generation by ``docsets``.
"""

from __future__ import annotations

from itertools import accumulate, compress
from pickle import loads
from typing import Any

_INT_SIZE = 4  # the term count before the pickled position deltas


def phrase_docs(reader: Any, field: str, words: list[str], candidates: bytes) -> list[int]:
    """Document numbers among ``candidates`` (one flag byte per document) with the phrase."""
    found: list[int] = []
    for leaf, offset in reader.leaf_readers():
        encoded: list[dict[int, bytes]] = []
        for word in dict.fromkeys(words):
            if (field, word) not in leaf:
                break
            encoded.append(_values(raw_matcher(leaf.postings(field, word)), offset, candidates))
        else:
            by_word = dict(zip(dict.fromkeys(words), encoded, strict=True))
            common = set.intersection(*(set(e) for e in encoded))
            for docnum in sorted(common):
                if _holds([_positions(by_word[w][docnum]) for w in words]):
                    found.append(docnum + offset)
    return found


def raw_matcher(m: Any) -> Any:
    """The segment's own posting matcher under Whoosh's deletion filter.

    Deleted documents are removed by the callers' live mask instead.
    """
    while hasattr(m, "child") and not hasattr(m, "_read_ids"):
        m = m.child
    return m


def _values(m: Any, offset: int, candidates: bytes) -> dict[int, bytes]:
    """docnum (in the segment) -> encoded positions, for candidate documents only."""
    out: dict[int, bytes] = {}
    if not hasattr(m, "_read_values"):
        while m.is_active():
            if candidates[m.id() + offset]:
                out[m.id()] = m.value()
            m.next()
        return out
    pick = candidates.__getitem__
    while m.is_active():
        if m._ids is None:
            m._read_ids()
        if m._values is None:
            m._read_values()
        ids = m._ids
        wanted = map(pick, map(offset.__add__, ids)) if offset else map(pick, ids)
        out.update(compress(zip(ids, m._values, strict=False), wanted))
        m._i = m._blocklength
        m._next_block()
    return out


def _positions(value: bytes) -> set[int]:
    if not value.endswith(b"."):
        value += b"."
    return set(accumulate(loads(value[_INT_SIZE:])))


def _holds(positions: list[set[int]]) -> bool:
    """Does some position of the first word start the whole sequence?"""
    first, rest = positions[0], positions[1:]
    return any(all(p + i in later for i, later in enumerate(rest, 1)) for p in first)
