"""Status-bar speaking time for the draft and the selection, against the slot."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from briefing_app.core.drafts import speaking
from briefing_app.gui import style
from briefing_app.gui.draft_model import DraftModel


class SpeakingTimeLabel(QLabel):
    def __init__(
        self, draft: DraftModel, editor: QPlainTextEdit, wpm: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("speakingTimeLabel")
        self.draft = draft
        self.editor = editor
        self.wpm = wpm
        self.estimate: speaking.SpeakingTime | None = None
        self.timer = QTimer(self, singleShot=True, interval=150)
        self.timer.timeout.connect(self.refresh)
        draft.changed.connect(lambda _parsed: self.refresh())
        editor.selectionChanged.connect(self.timer.start)

    def set_wpm(self, wpm: int) -> None:
        self.wpm = max(40, int(wpm))
        self.refresh()

    def refresh(self) -> None:
        self.estimate = self.draft.current().speaking_time(self.wpm)
        text = self.estimate.describe()
        selected = self.editor.textCursor().selectedText().replace("\u2029", "\n")
        if selected.strip():
            part = speaking.estimate_fragment(selected, self.wpm)
            text = (
                f"Selection {part.words} words · {speaking.format_minutes(part.minutes)} | {text}"
            )
        if self.estimate.over:
            color = style.warning_color().name()
            self.setText(f'<span style="color:{color}"><b>⚠ {text}</b></span>')
        else:
            self.setText(text)
        slot = self.estimate.slot
        self.setToolTip(
            f"Estimated at {self.wpm} words per minute (Preferences)."
            + (
                f"\nSpeaking slot: {speaking.format_minutes(slot)} min (front matter slot_minutes)."
                if slot
                else "\nSet slot_minutes in the front matter to check against the speaking slot."
            )
        )
