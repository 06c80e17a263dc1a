"""Exact phrase matches as a bitset, from the positions in the index.

Whoosh's phrase matcher spends ~300 ms on "human rights" at 100 MB, most of
it in per-posting Python calls. Here the documents that have every word are
already known (a bitset AND); only their positions are decoded, straight from
each posting block, and the phrase is checked with set lookups. The result is
cached per index generation by ``docsets``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from itertools import accumulate, compress, repeat
from operator import itemgetter
from pickle import UnpicklingError, loads
from typing import Any

_INT_SIZE = 4  # the term count before the pickled position deltas
_AFTER_COUNT = itemgetter(slice(_INT_SIZE, None))


def phrase_segments(
    reader: Any, field: str, words: list[str], candidates: bytes
) -> Iterator[list[int]]:
    """Per index segment, the document numbers among ``candidates`` (one flag byte per
    document) with the phrase.

    ``candidates`` hold only documents with every word, so each word's postings,
    cut to the candidates, list the same documents in the same order.
    """
    distinct = list(dict.fromkeys(words))
    for leaf, offset in reader.leaf_readers():
        if not all((field, w) in leaf for w in distinct):
            continue
        picked = [_values(leaf.postings(field, w), offset, candidates) for w in distinct]
        docs = picked[0][0]
        by_word = {w: values for w, (_ids, values) in zip(distinct, picked, strict=True)}
        if any(ids != docs for ids, _values_ in picked):  # not the promised candidates
            docs = sorted(set.intersection(*(set(ids) for ids, _ in picked)))
            lookups = [dict(zip(ids, vs, strict=True)) for ids, vs in picked]
            by_word = {
                w: list(map(v.__getitem__, docs)) for w, v in zip(distinct, lookups, strict=True)
            }
        hits = _phrase_flags([by_word[w] for w in words])
        yield list(compress(map(offset.__add__, docs) if offset else docs, hits))


def _phrase_flags(values: list[list[bytes]]) -> list[bool]:
    """Per document: does some position of word 0 start the whole phrase?

    Word ``i``'s positions shifted back by ``i`` must meet word 0's: a set
    intersection per document, built from nested ``map`` calls (C loops, no
    Python frame per document).
    """
    try:
        decoded = [map(accumulate, map(loads, map(_AFTER_COUNT, vs))) for vs in values]
        first = map(set, decoded[0])
        shifted = [map(map, repeat((-i).__add__), d) for i, d in enumerate(decoded[1:], 1)]
        return list(map(bool, map(set.intersection, first, *shifted)))
    except (UnpicklingError, EOFError, ValueError):  # an unusual encoding: one at a time
        return [_holds([_positions(v) for v in per_doc]) for per_doc in zip(*values, strict=True)]


def raw_matcher(m: Any) -> Any:
    """The segment's own posting matcher under Whoosh's deletion filter.

    Deleted documents are removed by the callers' live mask instead.
    """
    while hasattr(m, "child") and not hasattr(m, "_read_ids"):
        m = m.child
    return m


def blocks(m: Any, skip: Callable[[int, int], bool] | None = None) -> Iterator[Sequence[int]]:
    """The ids of each posting block in turn (the matcher is left on that block).

    Whoosh decodes a block's id deltas with a Python generator; ``accumulate``
    does the same in C. ``skip(low, high)``, given the id range a block may
    hold (from its header), can pass over it undecoded. Falls back to one id
    at a time for other matchers.
    """
    m = raw_matcher(m)
    needed = ("_read_data", "_next_block", "_byteids", "_data", "_maxid")
    if not all(hasattr(m, n) for n in needed):
        while m.is_active():
            yield [m.id()]
            m.next()
        return
    low = 0
    while m.is_active():
        high = m._maxid
        if skip is None or not skip(low, high):
            if m._data is None:
                m._read_data()
            ids = m._data[0]
            m._ids = ids = ids if m._byteids else list(accumulate(ids))
            yield ids
        low = high + 1
        m._i = m._blocklength
        m._next_block()


def _values(m: Any, offset: int, candidates: bytes) -> tuple[list[int], list[bytes]]:
    """(docnums in the segment, their encoded positions) of the candidate documents."""
    ids_out: list[int] = []
    values_out: list[bytes] = []
    pick = candidates.__getitem__
    m = raw_matcher(m)

    def no_candidate(low: int, high: int) -> bool:
        return candidates.find(1, offset + low, offset + high + 1) < 0

    for ids in blocks(m, no_candidate):
        if hasattr(m, "_read_values"):
            m._read_values()
            values = m._values
        else:
            values = [m.value()]
        wanted = bytes(map(pick, map(offset.__add__, ids) if offset else ids))
        ids_out.extend(compress(ids, wanted))
        values_out.extend(compress(values, wanted))
    return ids_out, values_out


def _positions(value: bytes) -> set[int]:
    if not value.endswith(b"."):
        value += b"."
    return set(accumulate(loads(value[_INT_SIZE:])))


def _holds(positions: list[set[int]]) -> bool:
    """Does some position of the first word start the whole sequence?"""
    first, rest = positions[0], positions[1:]
    return any(all(p + i in later for i, later in enumerate(rest, 1)) for p in first)
