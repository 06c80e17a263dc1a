"""How many Whoosh segments the index keeps.

Every open reads each segment's term index and every term is looked up in
each segment: at 111 segments (a build of 100 MB in equal batches) opening
cost ~0.5 s and the searching process mapped twice the pages. A full build's
growing batches leave about six; each later run that adds a segment merges
the fewest smallest ones back down to ``MAX_SEGMENTS``, inside a generation
commit (atomic like any other). One commit merges at most ``MERGE_PASSAGES``
passages: the writer holds a merge's postings in memory (all 166,000
passages of 100 MB at once: ~400 MB).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from whoosh.reading import SegmentReader
from whoosh.writing import MERGE_SMALL

#: A finished build merges while there are more segments than this.
MAX_SEGMENTS = 6
#: Passages merged by one commit at most (about 100 MB of the writer's memory).
MERGE_PASSAGES = 40_000


def _to_merge(segments: Sequence[Any]) -> list[Any]:
    """The fewest smallest segments whose merge brings the count down to
    ``MAX_SEGMENTS`` (within one merge's passages), or [] when none is due.

    Only as many as needed: one changed file after a full build adds a seventh
    segment, and merging it with the smallest batch costs a fraction of a second
    where merging every segment up to ``MERGE_PASSAGES`` took 7 s at 100 MB.
    """
    if len(segments) <= MAX_SEGMENTS:
        return []
    needed = len(segments) - MAX_SEGMENTS + 1
    chosen: list[Any] = []
    passages = 0
    for segment in sorted(segments, key=lambda s: s.doc_count_all()):
        if len(chosen) >= needed:
            break
        passages += segment.doc_count_all()
        if passages > MERGE_PASSAGES and len(chosen) >= 2:
            break
        chosen.append(segment)
    return chosen if len(chosen) >= 2 else []


def needs_merge(segments: Sequence[Any]) -> bool:
    """Whether another merge-only commit would lower the segment count."""
    return bool(_to_merge(segments))


def merge_to_few(writer: Any, segments: list[Any]) -> list[Any]:
    """A Whoosh merge policy: the segments left as they are, the others added to ``writer``."""
    chosen = {id(s) for s in _to_merge(segments)}
    if not chosen:
        return list(MERGE_SMALL(writer, segments))
    for segment in (s for s in segments if id(s) in chosen):  # in index order
        reader = SegmentReader(writer.storage, writer.schema, segment)
        try:
            writer.add_reader(reader)
        finally:
            reader.close()
    return [s for s in segments if id(s) not in chosen]
