"""Slides and tables in the reader: their Markdown, made to fit a reading pane.

Prose is laid out as plain text (see ``reader``); a slide or a table keeps
what its Markdown says (bold headings, lists, emphasis, a grid) but never
needs horizontal scrolling: a grid wider than a few columns reads as one
wrapped line per row.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QTextDocument, QTextLength, QTextTable

from briefing_app.core.models import SLIDE, TABLE, Segment


def renders_markdown(segment: Segment) -> bool:
    """Slides and tables keep their Markdown (headings, lists, grids); prose is plain."""
    display = segment.display or ""
    if segment.kind == SLIDE:
        return True
    return segment.kind == TABLE or bool(_TABLE_ROW.search(display))


_HEADING = re.compile(r"^#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE)
_TABLE_START = re.compile(r"^([^\n|][^\n]*)\n(?=\|)", re.MULTILINE)


def reader_markdown(text: str) -> str:
    """A slide's or table's Markdown as the reader shows it: headings as bold lines
    (the reader's own headings are the sections), a table set apart from its caption."""

    def bold(match: re.Match[str]) -> str:
        inner = match.group(1).strip().strip("*_").strip()
        return f"**{inner}**" if inner else ""

    text = _GLUED_HEADER.sub(r"\1\n\n\2\n", _HEADING.sub(bold, text))
    text = _TABLE_START.sub(r"\1\n\n", text)
    return _TABLE_BLOCK.sub(lambda m: _narrow_table(m.group(0)), text)


#: A table's first row glued to the caption line before it ("… dollars) | *Category* |").
_GLUED_HEADER = re.compile(r"^([^|\n]*[^|\s])\s+(\|[^\n]*\|)[ \t]*\n(?=\|\s*:?-{3,})", re.MULTILINE)
_TABLE_ROW = re.compile(r"^\|\s*:?-{3,}", re.MULTILINE)
_TABLE_BLOCK = re.compile(r"(?:^\|[^\n]*(?:\n|$))+", re.MULTILINE)
_DELIMITER = re.compile(r"^\|(?:\s*:?-{3,}:?\s*\|)+\s*$")
#: A grid of more columns than this cannot fit a reading pane: its rows become lines.
GRID_COLUMNS = 4


def _narrow_table(block: str) -> str:
    """A pipe table as a grid when it fits the reader, else one wrapped line per row."""
    rows = [line for line in block.splitlines() if line.strip()]
    cells = [[c.strip() for c in row.strip().strip("|").split(" | ")] for row in rows]
    if max((len(r) for r in cells), default=0) <= GRID_COLUMNS:
        return block
    lines = [
        " · ".join(c for c in row if c)
        for row, raw in zip(cells, rows, strict=True)
        if not _DELIMITER.match(raw)
    ]
    return "\n\n".join(line for line in lines if line) + "\n"


def fit_tables(doc: QTextDocument) -> None:
    """Tables as wide as the reader, never wider: no horizontal scrolling."""
    for frame in doc.rootFrame().childFrames():
        if isinstance(frame, QTextTable):
            table_format = frame.format()
            table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 99))
            table_format.setMargin(0)
            table_format.setCellPadding(3)
            table_format.setBorderCollapse(True)
            frame.setFormat(table_format)


def opens_with(markdown: str, heading: str) -> bool:
    """Whether the slide's own first line is its section heading (not shown twice)."""
    first = next((line for line in markdown.splitlines() if line.strip()), "")
    return first.strip().lstrip("#").strip().strip("*_").strip() == heading.strip()
