"""The reader: a whole document, scrolled to the passage, matched words marked.

The document is laid out block by block (not through HTML) so the reader
knows which block holds which segment: clicking a paragraph makes it the
passage that Insert and Add to basket act on. Recognised references
("resolution 2370 (2017)", "Firearms Protocol") are anchors whose click
asks for the passages citing them; the text stays plain text throughout.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import quote, unquote

from PySide6.QtCore import QSizeF, QUrl, Signal
from PySide6.QtGui import (
    QFont,
    QMouseEvent,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QTextBrowser,
    QWidget,
)

from briefing_app.core.citation import format_date, unit_label
from briefing_app.core.drafts.insert import Passage
from briefing_app.core.models import (
    ARTICLE,
    OPERATIVE,
    PASSAGE,
    PREAMBULAR,
    SLIDE,
    TABLE,
    DocumentMeta,
    Segment,
)
from briefing_app.gui import style
from briefing_app.gui.reader_markdown import (
    fit_tables,
    opens_with,
    reader_markdown,
    renders_markdown,
)
from briefing_app.gui.reader_marks import MarkPainter
from briefing_app.gui.reader_text import find_marks, links_in, plain_text

REF_SCHEME = "ref"


def _number_prefix(segment: Segment) -> str:
    """'PP 3 ', 'OP 18 ' in a resolution (preambular paragraphs carry no printed
    number, so "3." would read as operative paragraph 3); else the printed '16. '."""
    if segment.kind in (PREAMBULAR, OPERATIVE):
        return f"{unit_label(segment.kind, segment.number)} "
    if segment.kind == ARTICLE:  # "Article 7 Rights of …" already says it
        opening = (segment.display or segment.text).lstrip()
        heading = f"Article {segment.number}"
        if opening.startswith(heading) and not opening[len(heading) :][:1].isalnum():
            return ""
        return f"{unit_label(segment.kind, segment.number)} "
    if segment.kind == PASSAGE:  # unnumbered text: nothing printed before it
        return ""
    return f"{segment.number}. "


def reference_url(key: str) -> str:
    """The link target of a reference: ``ref:`` and the percent-encoded key."""
    return f"{REF_SCHEME}:{quote(key, safe='')}"


def reference_key(url: QUrl | str) -> str | None:
    """The reference key behind a reader link, or None for any other link."""
    text = url.toString() if isinstance(url, QUrl) else url
    scheme, sep, rest = text.partition(":")
    return unquote(rest) if sep and scheme == REF_SCHEME and rest else None


class ReaderView(QTextBrowser):
    """Read-only document view with segment-aware clicks and match navigation."""

    segmentClicked = Signal(object)  # Segment
    referenceClicked = Signal(str)  # reference key, e.g. "res:2370(2017)"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerView")
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._anchor_clicked)
        self.segments: list[Segment] = []
        self.meta: DocumentMeta | None = None
        self._block_segment: dict[int, int] = {}
        self.marks = MarkPainter(self)
        self.focus_index = -1

    @property
    def matches(self) -> list[QTextCursor]:
        """Every match of the words in the document, in reading order."""
        return self.marks.matches

    @property
    def current_match(self) -> int:
        return self.marks.current

    def show_document(
        self,
        meta: DocumentMeta | None,
        segments: Sequence[Segment],
        focus_segment_id: str | None = None,
        words: Sequence[str] = (),
    ) -> None:
        if self._same_document(meta, segments):
            # Another passage of the document on screen: move the focus and the
            # marks instead of building and laying out the whole document again.
            index = next(
                (i for i, s in enumerate(self.segments) if s.segment_id == focus_segment_id), -1
            )
            if index != self.focus_index:
                self._set_focus_index(index)
            self._mark(words)
            self.scroll_to_focus()
            return
        self.meta, self.segments = meta, list(segments)
        doc = QTextDocument(self)
        # A null page size until the view takes the document: setDocument() then
        # lays it out lazily (what the viewport needs, the rest in timer steps)
        # instead of laying all of it out twice at once.
        doc.setPageSize(QSizeF(0, 0))
        doc.setDefaultFont(self.font())
        doc.setDocumentMargin(14)
        cursor = QTextCursor(doc)
        self._block_segment = {}
        self.focus_index = next(
            (i for i, s in enumerate(self.segments) if s.segment_id == focus_segment_id), -1
        )
        self._write_header(cursor, meta)
        section = None
        for i, segment in enumerate(self.segments):
            markdown = renders_markdown(segment)
            if segment.section and segment.section != section:
                section = segment.section
                if not (markdown and opens_with(segment.display, section)):
                    self._write_block(cursor, section, size=1.08, bold=True, top=12)
            block_format = QTextBlockFormat()
            block_format.setTopMargin(3)
            block_format.setBottomMargin(5)
            if i == self.focus_index:
                block_format.setBackground(style.passage_background())
                block_format.setLeftMargin(4)
            cursor.insertBlock(block_format)
            first = cursor.block().blockNumber()
            bold = QTextCharFormat()
            bold.setFontWeight(QFont.Weight.Bold)
            if markdown:
                self._write_markdown(cursor, segment)
            else:
                if segment.number:
                    cursor.insertText(_number_prefix(segment), bold)
                self._write_text(cursor, plain_text(segment))
            for number in range(first, cursor.block().blockNumber() + 1):
                self._block_segment[number] = i
                if markdown and i == self.focus_index:  # every block the slide made
                    self._paint_block(number, True, doc)
        fit_tables(doc)
        matches = find_marks(doc, words)  # before any layout: no text shaping
        self.marks.clear()  # the old document's marks must not outlive it
        previous = self.document()
        ours = previous.parent() is self  # (the view's own first one it deletes itself)
        self.setDocument(doc)
        if ours:  # the view does not own a document it is given: each one read stayed
            previous.deleteLater()
        self._set_marks(matches)
        self.scroll_to_focus()
        self.marks.refresh()

    def clear_document(self) -> None:
        """Nothing to read (e.g. a search without results)."""
        self.meta, self.segments, self._block_segment = None, [], {}
        self.focus_index = -1
        self.marks.clear()
        self.clear()

    def _same_document(self, meta: DocumentMeta | None, segments: Sequence[Segment]) -> bool:
        if meta is None or self.meta is None or meta.doc_id != self.meta.doc_id:
            return False
        return meta == self.meta and list(segments) == self.segments

    def _write_markdown(self, cursor: QTextCursor, segment: Segment) -> None:
        """A slide or a table as it was written: headings, lists, emphasis, a table grid."""
        label = QTextCharFormat()
        label.setFontWeight(QFont.Weight.Bold)
        label.setForeground(style.muted_text())
        if segment.number and segment.kind in (SLIDE, TABLE):
            cursor.insertText(f"{unit_label(segment.kind, segment.number)}", label)
            cursor.insertBlock(cursor.blockFormat())
        elif segment.number and segment.kind != PASSAGE:  # prose with a table: numbered
            label.setForeground(self.palette().text())
            cursor.insertText(f"{segment.number}. ", label)
        cursor.insertMarkdown(reader_markdown(segment.display or segment.text))

    def _write_text(self, cursor: QTextCursor, text: str) -> None:
        """Plain text, with each recognised reference as a link (never parsed as HTML)."""
        plain = QTextCharFormat()
        done = 0
        for ref in links_in(text):  # (found on the library thread when it loaded)
            cursor.insertText(text[done : ref.start], plain)
            link = QTextCharFormat()
            link.setAnchor(True)
            link.setAnchorHref(reference_url(ref.key))
            link.setForeground(self.palette().link())
            link.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            link.setToolTip(ref.tooltip)
            cursor.insertText(text[ref.start : ref.end], link)
            done = ref.end
        cursor.insertText(text[done:], plain)

    def _anchor_clicked(self, url: QUrl) -> None:
        key = reference_key(url)
        if key:
            self.referenceClicked.emit(key)

    def links(self) -> list[tuple[str, str]]:
        """(shown text, link target) of every reference link, in reading order."""
        links = []
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                href = fragment.charFormat().anchorHref()
                if fragment.isValid() and href:
                    links.append((fragment.text(), href))
                it += 1
            block = block.next()
        return links

    def _write_header(self, cursor: QTextCursor, meta: DocumentMeta | None) -> None:
        if meta is None:
            return
        title_format = QTextCharFormat()
        title_format.setFontWeight(QFont.Weight.Bold)
        title_format.setFontPointSize(self.font().pointSizeF() * 1.25)
        cursor.insertText(meta.title, title_format)
        details = [
            d for d in (meta.body, meta.place, format_date(meta.date) if meta.date else "") if d
        ]
        if details:
            self._write_block(cursor, " · ".join(details), muted=True)

    def _write_block(
        self, cursor: QTextCursor, text: str, *, size: float = 1.0, bold: bool = False,
        muted: bool = False, top: int = 2,
    ) -> None:  # fmt: skip
        block_format = QTextBlockFormat()
        block_format.setTopMargin(top)
        block_format.setBottomMargin(4)
        char = QTextCharFormat()
        char.setFontPointSize(self.font().pointSizeF() * size)
        if bold:
            char.setFontWeight(QFont.Weight.Bold)
        if muted:
            char.setForeground(style.muted_text())
        cursor.insertBlock(block_format)
        cursor.insertText(text, char)

    # -- matches -----------------------------------------------------------------
    def _mark(self, words: Sequence[str]) -> None:
        self._set_marks(find_marks(self.document(), words))
        self.marks.refresh()

    def _set_marks(self, matches: list[QTextCursor]) -> None:
        """Keep the matches; the current one is the first in the passage, else the first."""
        focus_block = self._focus_block_number()
        current = next(
            (i for i, c in enumerate(matches) if c.block().blockNumber() == focus_block),
            0 if matches else -1,
        )
        self.marks.set_matches(matches, current)

    def next_match(self, step: int = 1) -> None:
        if not self.matches:
            return
        self.marks.current = (self.current_match + step) % len(self.matches)
        cursor = QTextCursor(self.matches[self.current_match])
        cursor.clearSelection()
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self.marks.refresh()

    def previous_match(self) -> None:
        self.next_match(-1)

    # -- passage -------------------------------------------------------------------
    def _focus_block_number(self) -> int:
        for number, index in self._block_segment.items():
            if index == self.focus_index:
                return number
        return -1

    def scroll_to_focus(self) -> None:
        number = self._focus_block_number()
        if number < 0:
            self.verticalScrollBar().setValue(0)
            return
        block = self.document().findBlockByNumber(number)
        # The layout is done lazily up to this block (no whole-document adjustSize()).
        top = self.document().documentLayout().blockBoundingRect(block).top()
        self.verticalScrollBar().setValue(max(0, int(top) - 60))

    def focus_segment(self) -> Segment | None:
        return (
            self.segments[self.focus_index] if 0 <= self.focus_index < len(self.segments) else None
        )

    def focus_passage(self) -> Passage | None:
        segment = self.focus_segment()
        if segment is None or self.meta is None:
            return None
        return Passage.from_segment(segment, self.meta)

    def text_of_focus(self) -> str:
        segment = self.focus_segment()
        return segment.text if segment else ""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.marks.refresh()  # more (or other) text is in view

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if self.textCursor().hasSelection():
            return
        block = self.cursorForPosition(event.position().toPoint()).block().blockNumber()
        index = self._block_segment.get(block)
        if index is not None and index != self.focus_index:
            self._set_focus_index(index)
            self.segmentClicked.emit(self.segments[index])

    def _set_focus_index(self, index: int) -> None:
        previous = self.focus_index
        self.focus_index = index
        for segment, background in ((previous, False), (index, True)):
            for number, at in self._block_segment.items():
                if at == segment and segment >= 0:
                    self._paint_block(number, background)

    def _paint_block(self, number: int, background: bool, doc: QTextDocument | None = None) -> None:
        """Set or clear the passage background of one block."""
        cursor = QTextCursor((doc or self.document()).findBlockByNumber(number))
        block_format = cursor.blockFormat()
        if background:
            block_format.setBackground(style.passage_background())
        else:
            block_format.clearProperty(QTextFormat.Property.BackgroundBrush)
        cursor.setBlockFormat(block_format)
