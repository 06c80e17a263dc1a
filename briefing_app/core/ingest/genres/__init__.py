"""One recogniser per genre, chosen from what the document prints.

``recognise`` reads the kind from the first page (symbol, adoption line,
draft marker, report marker; a manifest kind wins) and hands the blocks to
the recogniser for that genre: ``formal`` for resolutions, decisions, their
drafts and treaties, the numbered-report builder for reports, slides and
speeches as before. Patterns live in ``tables`` so other languages can be
added without touching the logic.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing_app.core.ingest.cleanup import Block, split_at_markers
from briefing_app.core.ingest.genres import kinds
from briefing_app.core.ingest.genres.budget import fascicle_segments, looks_like_fascicle
from briefing_app.core.ingest.genres.formal import formal_segments
from briefing_app.core.ingest.genres.formal_lines import Line, lines_of
from briefing_app.core.ingest.genres.tables import PATTERNS
from briefing_app.core.ingest.metadata import find_symbol
from briefing_app.core.ingest.numbered_report import has_numbered_structure, numbered_segments
from briefing_app.core.ingest.quick_checks import may_be_numbered
from briefing_app.core.ingest.slides import (
    PAGED_DECKS,
    looks_like_slides,
    page_slide_segments,
    slide_segments,
)
from briefing_app.core.ingest.structure import Structure, speech_segments

__all__ = ["Recognised", "recognise"]


@dataclass
class Recognised:
    structure: Structure
    kind: str | None  # what the text says; None when it says nothing
    head: list[str]  # the first lines, for metadata


def recognise(doc_id: str, blocks: list[Block], fmt: str, manifest_kind: str | None) -> Recognised:
    if fmt in PAGED_DECKS:  # .pptx, slides saved as PDF: one slide per page
        return Recognised(Structure(page_slide_segments(doc_id, blocks), [], "slides"), None, [])
    head = _title_block(_head_lines(blocks, 120))
    head_text = "\n".join(head)
    kind = kinds.kind_from_text(head_text, find_symbol(head_text[:2000]))
    wanted = manifest_kind or kind
    if wanted in kinds.FORMAL_KINDS:
        structure = formal_segments(doc_id, blocks, treaty=wanted == kinds.TREATY)
        if structure is not None and structure.segments:
            return Recognised(structure, kind, head)
    if looks_like_fascicle(blocks):
        return Recognised(fascicle_segments(doc_id, blocks), kind, head)
    split = split_at_markers(blocks) if may_be_numbered(blocks) else []
    if split and has_numbered_structure(split):
        return Recognised(numbered_segments(doc_id, split, _body_from(split)), kind, head)
    if wanted == kinds.PRESENTATION or (fmt == "markdown" and looks_like_slides(blocks)):
        return Recognised(Structure(slide_segments(doc_id, blocks), [], "slides"), kind, head)
    return Recognised(speech_segments(doc_id, blocks), kind, head)


def _body_from(blocks: list[Block]) -> int | None:
    """The block after a report's marker line ("Report of the Secretary-General"):
    where its body text begins. None when no marker heads the document."""
    for index, block in enumerate(blocks[:_MARKER_BLOCKS]):
        line = block.first_line.strip()
        if any(pats.report_marker.match(line) for pats in PATTERNS):
            return index + 1
    return None


def _head_lines(blocks: list[Block], limit: int) -> list[Line]:
    """``lines_of(blocks[:limit])[:limit]``, reading no more blocks than needed."""
    out: list[Line] = []
    for block in blocks[:limit]:
        out.extend(lines_of([block]))
        if len(out) >= limit:
            break
    return out[:limit]


def _title_block(lines: list[Line]) -> list[str]:
    """The first lines, up to the first long paragraph (the body has begun)."""
    head: list[str] = []
    for line in lines:
        text = line.text.rstrip()
        if len(text) > _BODY_LINE and len(head) >= 3 and text.endswith((".", ",", ";", ":")):
            break  # a sponsor list is long too, but ends in "draft resolution"
        head.append(text[:_MAX_LINE])
    return head


_MARKER_BLOCKS = 40
_BODY_LINE = 400
_MAX_LINE = 6000
