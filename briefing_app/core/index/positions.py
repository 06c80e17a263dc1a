"""Exact phrase matches as a bitset, from the positions in the index.

Whoosh's phrase matcher spends ~300 ms on "human rights" at 100 MB, most of
it in per-posting Python calls. Here the documents that have every word are
already known (a bitset AND); only their positions are decoded, straight from
each posting block, and the phrase is checked with set lookups. The result is
cached per index generation by ``docsets``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
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


def blocks(m: Any) -> Iterator[Sequence[int]]:
    """The ids of each posting block in turn (the matcher is left on that block).

    Whoosh decodes a block's id deltas with a Python generator; ``accumulate``
    does the same in C. Falls back to one id at a time for other matchers.
    """
    m = raw_matcher(m)
    if not all(hasattr(m, n) for n in ("_read_data", "_next_block", "_byteids", "_data")):
        while m.is_active():
            yield [m.id()]
            m.next()
        return
    while m.is_active():
        if m._data is None:
            m._read_data()
        ids = m._data[0]
        m._ids = ids = ids if m._byteids else list(accumulate(ids))
        yield ids
        m._i = m._blocklength
        m._next_block()


def _values(m: Any, offset: int, candidates: bytes) -> dict[int, bytes]:
    """docnum (in the segment) -> encoded positions, for candidate documents only."""
    out: dict[int, bytes] = {}
    pick = candidates.__getitem__
    m = raw_matcher(m)
    for ids in blocks(m):
        if hasattr(m, "_read_values"):
            m._read_values()
            values = m._values
        else:
            values = [m.value()]
        wanted = map(pick, map(offset.__add__, ids)) if offset else map(pick, ids)
        out.update(compress(zip(ids, values, strict=False), wanted))
    return out


def _positions(value: bytes) -> set[int]:
    if not value.endswith(b"."):
        value += b"."
    return set(accumulate(loads(value[_INT_SIZE:])))


def _holds(positions: list[set[int]]) -> bool:
    """Does some position of the first word start the whole sequence?"""
    first, rest = positions[0], positions[1:]
    return any(all(p + i in later for i, later in enumerate(rest, 1)) for p in first)
