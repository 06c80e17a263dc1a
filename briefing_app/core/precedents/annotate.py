"""Per-segment annotations stored in the index (references, operative phrase).

Contract with the indexer: ``annotate(text, kind)`` returns
``{"refs": [str, ...], "operative": str | None}``. The refs are normalised
reference keys (see references.py); operative is the operative phrase of a
recommendation ("should", "are encouraged to", …), or of a resolution-style
paragraph that opens with its verb ("Urges …"). It runs for every segment
at indexing time, so it stays a pair of regex passes.
"""

from __future__ import annotations

from briefing_app.core.precedents.operative import operative_phrase
from briefing_app.core.precedents.references import reference_keys


def annotate(text: str, kind: str) -> dict[str, object]:
    """References cited in ``text`` and its operative phrase (None when it has none)."""
    if not text:
        return {"refs": [], "operative": None}
    return {"refs": reference_keys(text), "operative": operative_phrase(text, kind)}
