"""Passages into the draft: which passage is "current", insert it, collect it in the basket.

The current passage follows the selected hit, or the paragraph clicked in the
reader; the focused list (basket or results) wins when it has a selection.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from briefing_app.core.drafts.insert import Passage
from briefing_app.core.models import Hit, Segment
from briefing_app.gui.basket import BasketPanel
from briefing_app.gui.editor import DraftEditor
from briefing_app.gui.reader import ReaderView
from briefing_app.gui.search_panel import SearchPanel


class PassageRouter(QObject):
    message = Signal(str, int)  # text for the status bar, milliseconds
    used = Signal()  # a passage went into the draft: the query was worth remembering

    def __init__(
        self,
        search_panel: SearchPanel,
        reader: ReaderView,
        basket: BasketPanel,
        editor: DraftEditor,
        show_basket: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.search_panel, self.reader, self.basket, self.editor = (
            search_panel, reader, basket, editor,
        )  # fmt: skip
        self._show_basket = show_basket
        self.current: Passage | None = None
        search_panel.currentHitChanged.connect(self._hit_selected)
        reader.segmentClicked.connect(self._segment_clicked)
        basket.insertRequested.connect(editor.insert_passages)

    def _hit_selected(self, hit: Hit | None) -> None:
        # No hit (a search without results): the reader is cleared, so is the passage.
        self.current = Passage.from_hit(hit) if hit is not None else None

    def _segment_clicked(self, _segment: Segment) -> None:
        passage = self.reader.focus_passage()
        if passage is not None:
            self.current = passage

    def passages_in_focus(self) -> list[Passage]:
        """The basket's selection when it has focus, the selected results, else the passage."""
        if self.basket.view.hasFocus() and self.basket.selected_passages():
            return self.basket.selected_passages()
        if self.search_panel.view.hasFocus():
            hits = self.search_panel.selected_hits()
            if hits:
                return [Passage.from_hit(h) for h in hits]
        return [self.current] if self.current else []

    def insert_current(self, citation_only: bool = False) -> None:
        passages = self.passages_in_focus()
        if not passages:
            self.message.emit("Select a result or a paragraph in the reader first.", 4000)
            return
        self.editor.insert_passages(passages, citation_only=citation_only)
        self.used.emit()

    def add_to_basket(self) -> None:
        added = self.basket.model.add(self.passages_in_focus())
        self._show_basket()
        self.message.emit(
            f"Added {added} passage(s) to the basket." if added else "Already in the basket.", 3000
        )

    def insert_basket(self) -> None:
        self.editor.insert_passages(self.basket.model.passages())
