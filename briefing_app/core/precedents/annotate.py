"""Per-segment annotations stored in the index (references, operative phrase).

Contract with the indexer: ``annotate(text, kind)`` returns
``{"refs": [str, ...], "operative": str | None}``. The refs are normalised
reference keys (see references.py); operative is the operative phrase of a
recommendation ("should", "are encouraged to", …).
"""

from __future__ import annotations


def annotate(text: str, kind: str) -> dict[str, object]:
    """Placeholder until the precedents issue lands: no annotations."""
    return {"refs": [], "operative": None}
