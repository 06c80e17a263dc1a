"""Compare two versions of a document unit by unit (issue 14).

``compare_segments(old, new)`` aligns units by content, not number, and
word-diffs each pair with the precedent finder's diff; ``load_version`` reads
a version from the library or from a file; ``previous_versions`` proposes what
to compare a document with; ``tracked`` and ``table`` write the Word files.
"""

from __future__ import annotations

from briefing_app.core.compare.align import compare_segments
from briefing_app.core.compare.model import (
    CHANGED,
    DELETED,
    MOVED,
    NEW,
    STATUSES,
    UNCHANGED,
    Comparison,
    UnitChange,
    unit_label,
)

__all__ = [
    "CHANGED",
    "DELETED",
    "MOVED",
    "NEW",
    "STATUSES",
    "UNCHANGED",
    "Comparison",
    "UnitChange",
    "compare_segments",
    "unit_label",
]
