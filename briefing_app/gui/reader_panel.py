"""The reader panel: the document view under its citation line and match navigation."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from briefing_app.core.citation import cite, document_reference, unit_label
from briefing_app.core.models import DocumentMeta, Segment
from briefing_app.gui.reader import ReaderView

NOTHING_TO_READ = "Select a result to read it in its document."


class ReaderPanel(QWidget):
    """The reader with its citation line and match navigation."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = ReaderView(self)
        self.citation = QLabel(objectName="readerCitation")
        self.citation.setWordWrap(True)
        self.citation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.citation.setText(NOTHING_TO_READ)
        self.match_label = QLabel()
        self.prev_button = QToolButton(text="◀", toolTip="Previous match (Shift+F3)")
        self.next_button = QToolButton(text="▶", toolTip="Next match (F3)")
        self.prev_button.clicked.connect(self.previous_match)
        self.next_button.clicked.connect(self.next_match)
        self.view.segmentClicked.connect(lambda _s: self._update_header())
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 4, 6, 2)
        bar.addWidget(self.citation, 1)
        bar.addWidget(self.match_label)
        bar.addWidget(self.prev_button)
        bar.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    def show_document(
        self,
        meta: DocumentMeta | None,
        segments: Sequence[Segment],
        focus_segment_id: str | None = None,
        words: Sequence[str] = (),
    ) -> None:
        self.view.show_document(meta, segments, focus_segment_id, words)
        self._update_header()

    def clear(self) -> None:
        self.view.clear_document()
        self.citation.setText(NOTHING_TO_READ)
        self._update_header()

    def next_match(self) -> None:
        self.view.next_match()
        self._update_header()

    def previous_match(self) -> None:
        self.view.previous_match()
        self._update_header()

    def _update_header(self) -> None:
        segment, meta = self.view.focus_segment(), self.view.meta
        if segment is not None and meta is not None:
            label = unit_label(segment.kind, segment.number, segment.section)
            self.citation.setText(
                f"<b>{html.escape(label)}</b> — {html.escape(cite(meta, segment))}"
            )
        elif meta is not None:
            self.citation.setText(f"<b>{html.escape(document_reference(meta))}</b>")
        count = len(self.view.matches)
        current = self.view.current_match + 1
        self.match_label.setText(f"match {current} of {count}" if count else "")
        self.prev_button.setEnabled(count > 1)
        self.next_button.setEnabled(count > 1)
