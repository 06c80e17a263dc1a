"""A segment as the CLI's JSON shows it, with its label and citation.

Kept out of ``models`` so the models import nothing else of the core (the
citation rules build on the models, not the other way round).
"""

from __future__ import annotations

from typing import Any

from briefing_app.core.citation import cite, unit_label
from briefing_app.core.models import DocumentMeta, Segment


def segment_json(segment: Segment, doc: DocumentMeta | None = None) -> dict[str, Any]:
    return {
        "doc_id": segment.doc_id,
        "doc_title": doc.title if doc else "",
        "segment_id": segment.segment_id,
        "kind": segment.kind,
        "number": segment.number,
        "label": unit_label(segment.kind, segment.number, segment.section),
        "section": segment.section,
        "scope": segment.scope,
        "items": list(segment.items),
        "citation": cite(doc, segment) if doc else "",
        "text": segment.text,
    }
