"""How many Whoosh segments a finished build leaves behind.

The batch-committing builder writes one segment per batch (about 111 for
100 MB of speeches) and Whoosh's own ``MERGE_SMALL`` policy merges few of
them. Every open reads each segment's term index and every term is looked
up in each segment: at 111 segments opening cost ~0.5 s and the searching
process mapped twice the pages. So a finished build merges its smallest
segments until at most ``MAX_SEGMENTS`` remain, each merge inside a
generation commit (atomic like any other). One commit merges at most
``MERGE_PASSAGES`` passages: the writer holds a merge's postings in memory
(all 166,000 passages of 100 MB at once: ~400 MB).
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
    """The smallest segments whose passages fit one merge, or [] when none is due."""
    if len(segments) <= MAX_SEGMENTS:
        return []
    chosen: list[Any] = []
    passages = 0
    for segment in sorted(segments, key=lambda s: s.doc_count_all()):
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
