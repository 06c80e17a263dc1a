"""Slide decks saved as PDF: landscape pages with little text, one slide each.

Panellists share their slides as PDF as often as .pptx. Such a file is told
from a report by its pages (most landscape, few words each) and becomes the
same page-per-slide Markdown the .pptx reader writes (see ``readers/pptx.py``):
the slide's title (its largest type at the top of the page, else its first
line) as a ``#`` line, then its text, bullets as ``-`` items. Slide numbers
and a footer repeated on most slides are furniture and left out.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Sequence
from typing import Any

#: Page-per-slide text for the pipeline (like "pptx").
PDF_DECK = "pdf-deck"
LANDSCAPE = 1.1  # width / height above this is a landscape page
MAX_WORDS_PER_SLIDE = 150
TITLE_SIZE = 1.15  # a title is set this much larger than the deck's body text
WRAP_PITCH = 1.45  # a line this close below the one before (in font sizes) continues it
_BULLET = re.compile(r"^\s*[•●▪■◦○‣–—\-*]\s*")
_SLIDE_NUMBER = re.compile(r"^\s*(?:\d{1,3}|\d{1,3}\s*/\s*\d{1,3}|Slide\s+\d{1,3})\s*$", re.I)
_DIGITS = re.compile(r"\d+")


def is_pdf_deck(pages: Sequence[Any]) -> bool:
    """Most text pages landscape, with few words and a title on each: slides."""
    with_text = [page for page in pages if page.lines]
    if len(with_text) < 2:
        return False
    landscape = sum(1 for page in with_text if page.width > page.height * LANDSCAPE)
    if landscape < 0.75 * len(with_text):
        return False
    words = [sum(len(line.text.split()) for line in page.lines) for page in with_text]
    if statistics.median(words) > MAX_WORDS_PER_SLIDE:
        return False
    # slides have titles: larger type at the top of most pages (a landscape
    # annex of a report, a wide table, has none)
    body_size = _body_size(with_text)
    titled = sum(
        1
        for page in with_text
        if any(
            line.size >= body_size * TITLE_SIZE and line.top >= page.height * 0.55
            for line in page.lines
        )
    )
    return bool(body_size) and titled >= 0.6 * len(with_text)


def pdf_deck_text(pages: Sequence[Any]) -> str:
    """The deck as Markdown pages (form feed between slides)."""
    body_size = _body_size(pages)
    repeated = _repeated_lines(pages)
    out = []
    for page in pages:
        lines = [
            line
            for line in page.lines
            if line.text.strip()
            and not _SLIDE_NUMBER.match(line.text)
            and _key(line.text) not in repeated
        ]
        title_lines = _title_lines(lines, page, body_size)
        blocks = [f"# {' '.join(ln.text.strip() for ln in title_lines)}"] if title_lines else []
        blocks += _body_blocks([ln for ln in lines if ln not in title_lines])
        out.append("\n\n".join(blocks))
    return "\f".join(out)


def _body_size(pages: Sequence[Any]) -> float:
    sizes = [round(line.size, 1) for page in pages for line in page.lines if line.size]
    return Counter(sizes).most_common(1)[0][0] if sizes else 0.0


def _key(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.split()).lower())


def _repeated_lines(pages: Sequence[Any]) -> set[str]:
    """Footers and running heads: the same line on most slides (titles excepted)."""
    if len(pages) < 3:
        return set()
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update({_key(line.text) for line in page.lines[1:]})  # a title starts a page
    return {key for key, n in counts.items() if n >= max(3, len(pages) * 0.6)}


def _title_lines(lines: list[Any], page: Any, body_size: float) -> list[Any]:
    """The largest type in the top part of the slide, else the first short line."""
    if not lines:
        return []
    top_part = [ln for ln in lines if ln.top >= page.height * 0.55] or lines[:1]
    biggest = max(ln.size for ln in top_part)
    if body_size and biggest >= body_size * TITLE_SIZE:
        start = next(i for i, ln in enumerate(lines) if ln.size == biggest)
        title = [lines[start]]
        for line in lines[start + 1 :]:
            if abs(line.size - biggest) > 0.5:
                break
            title.append(line)
        return title[:3]
    first = lines[0]
    return [first] if len(first.text.split()) <= 12 and not _BULLET.match(first.text) else []


def _body_blocks(lines: list[Any]) -> list[str]:
    """Bullets as ``-`` items; a line set close below one that runs on continues it."""
    blocks: list[str] = []
    previous = None
    for line in lines:
        text = line.text.strip()
        bullet = _BULLET.match(text)
        if bullet:
            blocks.append(f"- {text[bullet.end() :]}")
        elif blocks and previous is not None and _continues(previous, line, blocks[-1]):
            blocks[-1] += f" {text}"  # a wrapped line
        else:
            blocks.append(text)
        previous = line
    return blocks


def _continues(previous: Any, line: Any, so_far: str) -> bool:
    pitch = previous.top - line.top
    size = max(previous.size, line.size) or 1.0
    return 0 < pitch <= WRAP_PITCH * size and not so_far.endswith((".", "!", "?", ":"))
