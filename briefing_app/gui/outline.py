"""The outline of the draft's headings; clicking one moves the editor there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTreeView, QWidget

from briefing_app.core.drafts.outline import Heading
from briefing_app.gui.draft_model import DraftModel

LineRole = Qt.ItemDataRole.UserRole + 1


class OutlineView(QTreeView):
    def __init__(
        self, draft: DraftModel, editor: QPlainTextEdit, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("outlineView")
        self.draft = draft
        self.editor = editor
        self.model_ = QStandardItemModel(self)
        self.setModel(self.model_)
        self.setHeaderHidden(True)
        self.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        draft.changed.connect(lambda _parsed: self.refresh())
        self.clicked.connect(self._go)
        self.activated.connect(self._go)
        self._last: list[Heading] = []

    def refresh(self) -> None:
        found = self.draft.current().headings
        if found == self._last:
            return
        self._last = found
        self.model_.clear()
        stack: list[tuple[int, QStandardItem]] = []
        for heading in found:
            item = QStandardItem(heading.title)
            item.setData(heading.line, LineRole)
            while stack and stack[-1][0] >= heading.level:
                stack.pop()
            (stack[-1][1] if stack else self.model_.invisibleRootItem()).appendRow(item)
            stack.append((heading.level, item))
        self.expandAll()

    def _go(self, index: object) -> None:
        line = index.data(LineRole)  # type: ignore[attr-defined]
        block = self.editor.document().findBlockByNumber(int(line))
        cursor = QTextCursor(block)
        self.editor.setTextCursor(cursor)
        self.editor.centerCursor()
        self.editor.setFocus()
