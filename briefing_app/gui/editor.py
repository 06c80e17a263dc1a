"""The draft editor: plain Markdown text, passages dropped or inserted with citations."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QMimeData, Qt
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontDatabase,
    QTextCursor,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from briefing_app.core.drafts.insert import Passage, build_insertion
from briefing_app.gui.highlighter import MarkdownHighlighter
from briefing_app.gui.results_model import PASSAGES_MIME, passages_from_mime


class DraftEditor(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftEditor")
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
        font.setPointSizeF(max(font.pointSizeF(), 10.0))
        font.setStyleHint(QFont.StyleHint.Serif)
        self.setFont(font)
        self.document().setDocumentMargin(12)
        self.setTabChangesFocus(False)
        self.setPlaceholderText(
            "Write your statement in Markdown. Select a result and press Ctrl+Enter to quote it "
            "with its citation, or drag it here."
        )
        self.highlighter = MarkdownHighlighter(self.document())

    def insert_passages(self, passages: Sequence[Passage], *, citation_only: bool = False) -> None:
        """Insert at the cursor: reference, quotation, footnote (one undo step)."""
        if not passages:
            return
        cursor = self.textCursor()
        cursor.clearSelection()
        if not citation_only and not cursor.atBlockStart():
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        text = self.toPlainText()
        pos = min(cursor.position(), len(text))
        insertion = build_insertion(text, pos, passages, citation_only_=citation_only)
        cursor.beginEditBlock()
        end = QTextCursor(self.document())
        end.movePosition(QTextCursor.MoveOperation.End)
        end.insertText(insertion.footnotes)
        cursor.setPosition(pos)
        cursor.insertText(insertion.block)
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self.setFocus()

    def changeEvent(self, event: QEvent) -> None:
        """Light/dark switch while running: recolour the Markdown highlighting."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.highlighter.setDocument(None)
            self.highlighter = MarkdownHighlighter(self.document())

    # -- drag and drop of passages ---------------------------------------------
    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasFormat(PASSAGES_MIME) or super().canInsertFromMimeData(source)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(PASSAGES_MIME):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(PASSAGES_MIME):
            self.setTextCursor(self.cursorForPosition(event.position().toPoint()))
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        passages = passages_from_mime(event.mimeData())
        if not passages:
            super().dropEvent(event)
            return
        self.setTextCursor(self.cursorForPosition(event.position().toPoint()))
        self.insert_passages(passages)
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
