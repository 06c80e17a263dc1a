"""What the reader finds in a document's text: reference links and matched words.

Both are regular-expression work. Reference links are found on the library
thread when a document is loaded (``prepare_links``) and kept by text, so
laying the document out on the GUI thread only inserts them. Matched words
are found block by block with one ``re`` pass each, instead of one
``QTextDocument.find`` call per match (tens of milliseconds on a long report).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtGui import QTextCursor, QTextDocument

from briefing_app.core.annotation.references import describe, reference_links
from briefing_app.core.index.snippets import phrase_pattern
from briefing_app.core.models import Segment
from briefing_app.gui.reader_markdown import renders_markdown


@dataclass(frozen=True)
class Link:
    """A recognised reference in a passage: where it is, its key and its tooltip."""

    start: int
    end: int
    key: str
    tooltip: str


def plain_text(segment: Segment) -> str:
    """A prose passage as the reader lays it out (one paragraph, no line breaks)."""
    return (segment.display or segment.text).replace("\n", " ")


@lru_cache(maxsize=4096)
def links_in(text: str) -> tuple[Link, ...]:
    """The reference links of a passage's text (cached: found once per text)."""
    return tuple(
        Link(ref.start, ref.end, ref.key, f"Passages citing {describe(ref.key)}")
        for ref in reference_links(text)
    )


def prepare_links(segments: Iterable[Segment]) -> None:
    """Find the links of a document's prose off the GUI thread (fills the cache)."""
    for segment in segments:
        if not renders_markdown(segment):
            links_in(plain_text(segment))


def find_marks(doc: QTextDocument, words: Sequence[str]) -> list[QTextCursor]:
    """A selection for each whole word or phrase of ``words`` (case-blind), in order.

    A matched phrase ("Arms Trade Treaty") is one selection, never each of its
    words wherever it occurs.
    """
    if not words:
        return []
    pattern = phrase_pattern(words)
    found = []
    # Inside an edit block a cursor does not look up its line's x position, which
    # shapes the block's text when the document is laid out (0.1 ms per match).
    guard = QTextCursor(doc)
    guard.beginEditBlock()
    block = doc.begin()
    while block.isValid():
        text = block.text()
        spans = [m.span() for m in pattern.finditer(text)] if text else []
        if spans:
            at, units = block.position(), _utf16_units(text)
            for start, end in spans:
                cursor = QTextCursor(doc)
                cursor.setPosition(at + (units[start] if units else start))
                cursor.setPosition(
                    at + (units[end] if units else end), QTextCursor.MoveMode.KeepAnchor
                )
                found.append(cursor)
        block = block.next()
    guard.endEditBlock()
    return found


def _utf16_units(text: str) -> list[int] | None:
    """Qt's positions (UTF-16 units) of each character, or None when they are the same."""
    if len(text.encode("utf-16-le")) == 2 * len(text):
        return None
    units, at = [0], 0
    for char in text:
        at += 2 if ord(char) > 0xFFFF else 1
        units.append(at)
    return units
