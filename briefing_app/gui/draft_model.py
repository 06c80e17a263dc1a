"""Qt adapter of ``DraftDocument``: the editor's text in, one debounced change notice out.

Typing restarts a short timer; when it fires the document re-parses once and
``changed`` tells the preview, outline and speaking-time label together.
``current()`` flushes a pending change first, so a reader never sees stale text.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QPlainTextEdit

from briefing_app.core.session.draft_document import DraftDocument, ParsedDraft

DEBOUNCE_MS = 200


class DraftModel(QObject):
    changed = Signal(object)  # ParsedDraft

    def __init__(self, editor: QPlainTextEdit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.document = DraftDocument(editor.toPlainText())
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.sync)
        editor.textChanged.connect(self._timer.start)

    def current(self) -> ParsedDraft:
        """The parsed draft as the editor has it now."""
        if self._timer.isActive():
            self.sync()
        return self.document.parsed

    def sync(self) -> None:
        self._timer.stop()
        if self.document.set_text(self.editor.toPlainText()):
            self.changed.emit(self.document.parsed)
