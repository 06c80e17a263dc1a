"""The outline of the draft's headings; clicking one moves the editor there."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTreeView, QWidget

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
LineRole = Qt.ItemDataRole.UserRole + 1


def headings(text: str) -> list[tuple[int, str, int]]:
    """(level, title, line number) of each ATX heading outside the front matter."""
    found, in_front, in_code = [], False, False
    for number, line in enumerate(text.splitlines()):
        if number == 0 and line.strip() == "---":
            in_front = True
            continue
        if in_front:
            in_front = line.strip() != "---"
            continue
        if line.startswith("```"):
            in_code = not in_code
        match = None if in_code else _HEADING.match(line)
        if match:
            found.append((len(match.group(1)), match.group(2), number))
    return found


class OutlineView(QTreeView):
    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outlineView")
        self.editor = editor
        self.model_ = QStandardItemModel(self)
        self.setModel(self.model_)
        self.setHeaderHidden(True)
        self.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.timer = QTimer(self, singleShot=True, interval=300)
        self.timer.timeout.connect(self.refresh)
        editor.textChanged.connect(self.timer.start)
        self.clicked.connect(self._go)
        self.activated.connect(self._go)
        self._last: list[tuple[int, str, int]] = []

    def refresh(self) -> None:
        found = headings(self.editor.toPlainText())
        if found == self._last:
            return
        self._last = found
        self.model_.clear()
        stack: list[tuple[int, QStandardItem]] = []
        for level, title, line in found:
            item = QStandardItem(title)
            item.setData(line, LineRole)
            while stack and stack[-1][0] >= level:
                stack.pop()
            (stack[-1][1] if stack else self.model_.invisibleRootItem()).appendRow(item)
            stack.append((level, item))
        self.expandAll()

    def _go(self, index: object) -> None:
        line = index.data(LineRole)  # type: ignore[attr-defined]
        block = self.editor.document().findBlockByNumber(int(line))
        cursor = QTextCursor(block)
        self.editor.setTextCursor(cursor)
        self.editor.centerCursor()
        self.editor.setFocus()
