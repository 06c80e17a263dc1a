"""Recover citable units from clean blocks.

Three shapes of document:

* numbered reports: ``Recommendation N`` headings and/or paragraphs numbered
  ``N.`` in one sequence: see ``numbered_report.py``;
* speeches: unnumbered paragraphs after a preamble (``Remarks of …``),
  numbered by order: see ``speech.py``;
* slide decks (Markdown): see ``slides.py``.

Sub-items ``(a)``…``(k)`` and lists stay inside their parent unit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing_app.core.ingest.cleanup import Block
from briefing_app.core.models import Segment


@dataclass
class Structure:
    segments: list[Segment]
    preamble: list[Block]
    shape: str  # "numbered", "speech", "slides", "formal" (resolutions, treaties)
    inferred: list[str] = field(default_factory=list)  # segment ids with inferred numbers
    front: list[str] = field(default_factory=list)  # title block lines, for metadata
    closing: list[str] = field(default_factory=list)  # "3rd plenary meeting", date


def speech_segments(doc_id: str, blocks: list[Block]) -> Structure:
    """Unnumbered speech: paragraphs after the preamble, numbered by order (``speech.py``)."""
    from briefing_app.core.ingest.speech import statement_segments

    segments, preamble = statement_segments(doc_id, blocks)
    return Structure(segments, preamble, "speech")
