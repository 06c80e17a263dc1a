"""A non-modal bar offering autosaved text left by a crash."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from briefing_app.core.drafts.autosave import Recovery


class RecoveryBar(QFrame):
    recoverRequested = Signal(object)  # Recovery
    discardRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#recoveryBar { background: palette(alternate-base); }")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.recover_button = QPushButton("Recover", objectName="recoverButton")
        self.discard_button = QPushButton("Discard", objectName="discardRecoveryButton")
        self.recover_button.clicked.connect(self._recover)
        self.discard_button.clicked.connect(self._discard)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.recover_button)
        layout.addWidget(self.discard_button)
        self.pending: list[Recovery] = []
        self.setVisible(False)

    def offer(self, recoveries: list[Recovery]) -> None:
        self.pending = list(recoveries)
        self._show_next()

    def _show_next(self) -> None:
        if not self.pending:
            self.setVisible(False)
            return
        item = self.pending[0]
        when = dt.datetime.fromtimestamp(item.saved_at).strftime("%d %b %Y %H:%M")
        more = f" ({len(self.pending) - 1} more)" if len(self.pending) > 1 else ""
        self.label.setText(
            f"<b>Unsaved text was recovered</b> from {when} for <i>{item.label}</i>: "
            f"Briefing did not close normally.{more}"
        )
        self.setVisible(True)

    def _recover(self) -> None:
        if self.pending:
            self.recoverRequested.emit(self.pending.pop(0))
            self.pending.clear()  # one draft at a time; the others stay on disk for next start
            self._show_next()

    def _discard(self) -> None:
        if self.pending:
            self.discardRequested.emit(self.pending.pop(0))
            self._show_next()
