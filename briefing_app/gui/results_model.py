"""Search hits as a Qt item model, and passages as drag-and-drop data."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from briefing_app.core.citation import unit_label
from briefing_app.core.drafts.insert import Passage, quote_block
from briefing_app.core.models import Hit

PASSAGES_MIME = "application/x-briefing-passages"

HitRole = Qt.ItemDataRole.UserRole + 1
SnippetRole = Qt.ItemDataRole.UserRole + 2
CitationRole = Qt.ItemDataRole.UserRole + 3
LabelRole = Qt.ItemDataRole.UserRole + 4

AnyIndex = QModelIndex | QPersistentModelIndex


def hit_label(hit: Hit) -> str:
    return unit_label(hit.kind, hit.number, hit.section)


class HitListModel(QAbstractListModel):
    """A list of hits, replaced as a whole; subclasses say how a row looks."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[Hit] = []

    def set_hits(self, hits: Sequence[Hit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def append_hits(self, hits: Sequence[Hit]) -> None:
        """More rows at the end: the rows on screen, selection and scrolling stay."""
        if hits:
            self.beginInsertRows(QModelIndex(), len(self._hits), len(self._hits) + len(hits) - 1)
            self._hits.extend(hits)
            self.endInsertRows()

    def hit(self, row: int) -> Hit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def hits(self) -> list[Hit]:
        return list(self._hits)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)


class ResultsModel(HitListModel):
    """A page of hits; rows can be dragged into the draft or the basket.

    When the page was cut short (``more_available``), scrolling to its end asks
    for the rest through ``moreWanted`` (Qt's fetchMore).
    """

    moreWanted = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.more_available = False

    def set_hits(self, hits: Sequence[Hit]) -> None:
        self.more_available = False
        super().set_hits(hits)

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return self.more_available and not parent.isValid()

    def fetchMore(self, parent: AnyIndex) -> None:
        if self.canFetchMore(parent):
            self.more_available = False  # asked once; the rows come through append_hits
            self.moreWanted.emit()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        hit = self.hit(index.row()) if index.isValid() else None
        if hit is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{hit_label(hit)} · {hit.doc_title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.citation
        if role == HitRole:
            return hit
        if role == SnippetRole:
            return hit.snippet or hit.text[:300]
        if role == CitationRole:
            return hit.citation
        if role == LabelRole:
            return hit_label(hit)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:
        return [PASSAGES_MIME, "text/plain"]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        hits = [h for h in (self.hit(i.row()) for i in indexes) if h is not None]
        return passages_mime([Passage.from_hit(h) for h in hits])


def passages_mime(passages: Sequence[Passage]) -> QMimeData:
    """Passages for a drop: our own format, and the Markdown for other apps."""
    mime = QMimeData()
    payload = [vars(p) for p in passages]
    mime.setData(PASSAGES_MIME, json.dumps(payload).encode("utf-8"))
    mime.setText("\n\n".join(quote_block(p, n) for n, p in enumerate(passages, 1)))
    return mime


def passages_from_mime(mime: QMimeData) -> list[Passage]:
    if not mime.hasFormat(PASSAGES_MIME):
        return []
    try:
        raw = json.loads(bytes(mime.data(PASSAGES_MIME).data()).decode("utf-8"))
        return [Passage(**item) for item in raw]
    except (ValueError, TypeError):
        return []
