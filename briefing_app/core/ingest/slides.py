"""Slide decks: Markdown or text exports (one ``#`` heading per slide) and .pptx.

Exports: a top-level heading always starts a slide. A lower heading starts
one too when the current slide already has content; right after a slide
title it is the slide's subtitle. Text before the first top-level heading is
the title slide. Slide titles are never nested under each other: a repeated
title is a new slide with the same title.

.pptx and slides saved as PDF: the reader gives one page per slide, so
slides are the pages, each titled by its leading ``#`` line (see
``readers/pptx.py`` and ``pdf_deck.py``).

Slides keep their Markdown for display; the indexed text drops it.
"""

from __future__ import annotations

import re

from briefing_app.core.ingest import patterns as p
from briefing_app.core.ingest.cleanup import Block, CleanText, normalise
from briefing_app.core.ingest.markup import strip_markup
from briefing_app.core.ingest.pdf_deck import PDF_DECK
from briefing_app.core.models import SLIDE, Segment

#: Reader formats that give one page per slide: .pptx, and slides saved as PDF.
PAGED_DECKS = ("pptx", PDF_DECK)
_ATX_LINE = re.compile(r"^#{1,6}\s+\S", re.M)
_BULLET_LINE = re.compile(r"^\s*[-*+•]\s+\S", re.M)


def looks_like_slides(blocks: list[Block]) -> bool:
    """Many headings, mostly followed by bullet lists: a deck, not an article."""
    headings = [b for b in blocks if p.MARKDOWN_HEADING.match(b.first_line)]
    if len(headings) < 3:
        return False
    bullets = sum(1 for b in blocks if any(p.BULLET.match(line) for line in b.lines))
    prose = sum(1 for b in blocks if not p.MARKDOWN_HEADING.match(b.first_line)) - bullets
    return bullets >= prose


def is_markdown_export(text: str) -> bool:
    """A .txt that is really Markdown (a deck exported as text): headings and bullets.

    Plain text almost never starts three lines with ``# ``; read as Markdown,
    such a file keeps its line breaks instead of being re-wrapped.
    """
    sample = text[:200_000]
    if not sample.startswith("#") and "\n#" not in sample:
        return False
    return len(_ATX_LINE.findall(sample)) >= 3 and len(_BULLET_LINE.findall(sample)) >= 3


def slide_segments(doc_id: str, blocks: list[Block]) -> list[Segment]:
    """Slides of a Markdown export, split at headings (see the module docstring)."""
    top = min(
        (len(m.group(1)) for b in blocks if (m := p.MARKDOWN_HEADING.match(b.first_line))),
        default=1,
    )
    slides: list[tuple[str, list[str]]] = []
    title, has_content = "", False
    lines: list[str] = []
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
        lines.append(_display(block))
    if lines:
        slides.append((title, lines))
    return _segments(doc_id, slides)


def page_slide_segments(doc_id: str, blocks: list[Block]) -> list[Segment]:
    """One slide per page (a .pptx deck); the title is the page's leading heading."""
    slides: list[tuple[str, list[str]]] = []
    page = None
    for block in blocks:
        if block.page != page or not slides:
            page = block.page
            heading = p.MARKDOWN_HEADING.match(block.first_line)
            slides.append((strip_markup(heading.group(2)) if heading else "", []))
        slides[-1][1].append(_display(block))
    return _segments(doc_id, slides)


def deck_text(text: str) -> CleanText:
    """Blocks of a .pptx deck, page (slide) by page.

    No furniture removal: the reader already left out footers and slide
    numbers, and a title repeated on many slides is content, not a running head.
    """
    blocks: list[Block] = []
    for page_no, page in enumerate(normalise(text).split("\f"), 1):
        for chunk in re.split(r"\n[ \t]*\n", page):
            lines = [line.rstrip() for line in chunk.split("\n") if line.strip()]
            if lines:
                blocks.append(Block(lines, page_no))
    return CleanText(blocks)


def title_slide_metadata(first: Segment) -> tuple[str | None, str | None, str | None, str | None]:
    """(title, ISO date, speaker, organization) from a deck's first slide.

    The title is the slide's title; the speaker the first line that reads as a
    person's name after it; the organization the lines between the speaker and
    the date (a presenter's affiliation), joined.
    """
    from briefing_app.core.ingest.metadata import parse_date

    title = first.section or None
    all_lines = [line.strip() for line in first.text.split("\n")]
    after = all_lines.index(title) + 1 if title in all_lines else 0
    lines = [line for line in all_lines[after:] if line]
    date = parse_date(first.text)
    speaker_at = next((i for i, line in enumerate(lines) if _looks_like_name(line)), None)
    if speaker_at is None:
        return title, date, None, None
    affiliation: list[str] = []
    for line in lines[speaker_at + 1 :]:
        if parse_date(line) or line.startswith(("Speaker notes:", "|")):
            break
        affiliation.append(line.rstrip(" –-,"))
    organization = " – ".join(affiliation) if 0 < len(affiliation) <= 3 else None
    return title, date, lines[speaker_at], organization


def _looks_like_name(line: str) -> bool:
    words = line.split()
    if not 2 <= len(words) <= 5 or any(ch.isdigit() for ch in line) or line.isupper():
        return False
    return all(w[:1].isupper() for w in words)


def _display(block: Block) -> str:
    return "\n".join(line.rstrip() for line in block.lines)


def _segments(doc_id: str, slides: list[tuple[str, list[str]]]) -> list[Segment]:
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
