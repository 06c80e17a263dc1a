"""Slide decks converted to Markdown: one ``#`` heading per slide.

A top-level heading always starts a slide. A lower heading starts one too
when the current slide already has content; right after a slide title it is
the slide's subtitle. Text before the first top-level heading is the title
slide. Slides keep their Markdown for display; the indexed text drops it.
"""

from __future__ import annotations

from briefing_app.core.ingest import patterns as p
from briefing_app.core.ingest.cleanup import Block
from briefing_app.core.ingest.markup import strip_markup
from briefing_app.core.models import SLIDE, Segment


def looks_like_slides(blocks: list[Block]) -> bool:
    """Many headings, mostly followed by bullet lists: a deck, not an article."""
    headings = [b for b in blocks if p.MARKDOWN_HEADING.match(b.first_line)]
    if len(headings) < 3:
        return False
    bullets = sum(1 for b in blocks if any(p.BULLET.match(line) for line in b.lines))
    prose = sum(1 for b in blocks if not p.MARKDOWN_HEADING.match(b.first_line)) - bullets
    return bullets >= prose


def slide_segments(doc_id: str, blocks: list[Block]) -> list[Segment]:
    top = min(
        (len(m.group(1)) for b in blocks if (m := p.MARKDOWN_HEADING.match(b.first_line))),
        default=1,
    )
    slides: list[tuple[str, list[str]]] = []
    title, lines, has_content = "", [], False
    for block in blocks:
        heading = p.MARKDOWN_HEADING.match(block.first_line)
        level = len(heading.group(1)) if heading else 0
        starts = heading and (level == top or (has_content and title))
        if starts and lines:
            slides.append((title, lines))
            title, lines, has_content = "", [], False
        if heading and not title:
            title = strip_markup(heading.group(2))
        if not heading or len(block.lines) > 1:
            has_content = True
        lines.append("\n".join(line.rstrip() for line in block.lines))
    if lines:
        slides.append((title, lines))
    segments = []
    for number, (slide_title, parts) in enumerate(slides, 1):
        display = "\n\n".join(parts).strip()
        segments.append(
            Segment(
                doc_id=doc_id,
                kind=SLIDE,
                number=str(number),
                section=slide_title,
                text=strip_markup(display),
                display=display,
                order=number,
            )
        )
    return segments
