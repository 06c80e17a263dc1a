"""Per-segment annotations stored in the index (references, operative phrase).

``annotate(text, kind)`` returns an ``Annotation``: the normalised reference
keys cited (see references.py) and the operative phrase of a recommendation
("should", "are encouraged to", …), or of a resolution-style paragraph that
opens with its verb ("Urges …"). It runs for every segment at indexing time,
so it stays a pair of regex passes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing_app.core.annotation.operative import operative_phrase
from briefing_app.core.annotation.references import reference_keys


@dataclass(frozen=True)
class Annotation:
    refs: list[str] = field(default_factory=list)  # reference keys, e.g. "res:2370(2017)"
    operative: str | None = None  # the operative phrase, None when the text has none


def annotate(text: str, kind: str) -> Annotation:
    """References cited in ``text`` and its operative phrase."""
    if not text:
        return Annotation()
    return Annotation(reference_keys(text), operative_phrase(text, kind))
