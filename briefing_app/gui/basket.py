"""The basket: passages collected while reading, reordered, inserted at once."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.citation import unit_label
from briefing_app.core.drafts.insert import Passage
from briefing_app.core.session.basket_store import load_basket, save_basket
from briefing_app.gui.results_model import (
    PASSAGES_MIME,
    passages_from_mime,
    passages_mime,
)

AnyIndex = QModelIndex | QPersistentModelIndex


class BasketModel(QAbstractListModel):
    """An ordered list of passages; drops insert, internal drags move."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[Passage] = []

    def passages(self) -> list[Passage]:
        return list(self._items)

    def add(self, passages: Sequence[Passage]) -> int:
        """Append passages not already in the basket; returns how many were new."""
        new: list[Passage] = []
        for passage in passages:
            if passage not in self._items and passage not in new:
                new.append(passage)
        if new:
            first = len(self._items)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._items.extend(new)
            self.endInsertRows()
        return len(new)

    def clear(self) -> None:
        self.beginResetModel()
        self._items = []
        self.endResetModel()

    def move(self, row: int, step: int) -> int:
        """Move one row up (-1) or down (+1); returns its new row."""
        target = row + step
        if not (0 <= row < len(self._items) and 0 <= target < len(self._items)):
            return row
        dest = target + 1 if step > 0 else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), dest)
        self._items.insert(target, self._items.pop(row))
        self.endMoveRows()
        return target

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        passage = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            excerpt = passage.text if len(passage.text) < 110 else passage.text[:107] + "…"
            label = unit_label(passage.kind, passage.number)
            return f"{label} · {passage.document_name}\n{excerpt}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return passage.citation
        return None

    def removeRows(self, row: int, count: int, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or row < 0 or row + count > len(self._items):
            return False
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self._items[row : row + count]
        self.endRemoveRows()
        return True

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index) | Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [PASSAGES_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes})
        return passages_mime([self._items[r] for r in rows])

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        passages = passages_from_mime(data)
        if not passages:
            return False
        row = len(self._items) if row < 0 else row
        self.beginInsertRows(QModelIndex(), row, row + len(passages) - 1)
        self._items[row:row] = passages
        self.endInsertRows()
        return True


class BasketPanel(QWidget):
    insertRequested = Signal(list)  # list[Passage]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = BasketModel(self)
        self.view = QListView(objectName="basketView")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setSpacing(2)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDragDropOverwriteMode(False)
        self.view.setDropIndicatorShown(True)
        self.up = QToolButton(text="▲", toolTip="Move up")
        self.down = QToolButton(text="▼", toolTip="Move down")
        self.remove = QToolButton(text="Remove", toolTip="Remove from the basket (Delete)")
        self.insert_all = QPushButton("Insert all", objectName="basketInsertAll")
        self.insert_all.setToolTip(
            "Insert every passage, in this order, at the cursor in the draft"
        )
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        self.remove.clicked.connect(self.remove_selected)
        self.insert_all.clicked.connect(lambda: self.insertRequested.emit(self.model.passages()))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for widget in (self.up, self.down, self.remove):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.insert_all)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    #: False while a tool (``--screenshot``) fills the basket with samples: not saved.
    persist = True

    def keep_in(self, path: Path) -> None:
        """Load the basket saved at ``path`` and save it there after every change."""
        self.model.add(load_basket(path))
        model = self.model

        def save(*_args: object) -> None:
            if not self.persist:
                return
            with suppress(OSError):  # a read-only data folder: the basket lives on screen
                save_basket(path, model.passages())

        for signal in (model.rowsInserted, model.rowsRemoved, model.rowsMoved, model.modelReset):
            signal.connect(save)

    def selected_passages(self) -> list[Passage]:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        items = self.model.passages()
        return [items[r] for r in rows]

    def remove_selected(self) -> None:
        for row in sorted(
            (i.row() for i in self.view.selectionModel().selectedRows()), reverse=True
        ):
            self.model.removeRows(row, 1)

    def _move(self, step: int) -> None:
        row = self.view.currentIndex().row()
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(self.model.move(row, step)))
