"""A non-modal bar asking who speaks, when a new draft's template needs it.

Shown above the draft on first use (no delegation in the preferences yet) or
when a template names a speaker nobody gave. The answer goes into the
preferences and, while the draft is untouched, the draft is made again with
it; "Not now" keeps the draft as filled (never a broken sentence).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.session.settings import Settings


class SpeakerBar(QFrame):
    applied = Signal(str)  # the template key the draft was made from

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("speakerBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#speakerBar { background: palette(alternate-base); }")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.delegation = QLineEdit(objectName="speakerBarDelegation")
        self.delegation.setPlaceholderText("Delegation, e.g. Austria")
        self.speaker = QLineEdit(objectName="speakerBarSpeaker")
        self.speaker.setPlaceholderText("Speaker, e.g. Ms. Anna Berger")
        self.apply_button = QPushButton("Fill in", objectName="speakerBarApply")
        self.later_button = QPushButton("Not now", objectName="speakerBarLater")
        self.apply_button.clicked.connect(self._apply)
        self.later_button.clicked.connect(self._dismiss)
        self.delegation.returnPressed.connect(self._apply)
        self.speaker.returnPressed.connect(self._apply)
        fields = QHBoxLayout()
        fields.addWidget(self.delegation, 1)
        fields.addWidget(self.speaker, 1)
        fields.addWidget(self.apply_button)
        fields.addWidget(self.later_button)
        layout = QVBoxLayout(self)  # the question above the fields: it fits a narrow pane
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label)
        layout.addLayout(fields)
        self.template_key = ""
        self.answered = False  # asked once per session: no nagging after an answer
        self.setVisible(False)

    def ask(self, template_key: str, missing: list[str]) -> None:
        if self.answered or not missing:
            return
        self.template_key = template_key
        self.delegation.setText(self.settings.delegation)
        self.speaker.setText(self.settings.speaker)
        wanted = " and ".join(missing)
        self.label.setText(
            f"<b>Who is speaking?</b> This template names the {wanted} "
            "(kept in Preferences for your next drafts)."
        )
        self.setVisible(True)
        (self.delegation if "delegation" in missing else self.speaker).setFocus()

    def _apply(self) -> None:
        self.settings.delegation = self.delegation.text().strip()
        self.settings.speaker = self.speaker.text().strip()
        self.settings.save()
        self.answered = True
        self.setVisible(False)
        self.applied.emit(self.template_key)

    def _dismiss(self) -> None:
        self.answered = True
        self.setVisible(False)


def refill_if_untouched(
    modified: Callable[[], bool], remake: Callable[[str], object]
) -> Callable[[str], None]:
    """The slot for ``applied``: make the draft again while the user has not edited it."""

    def slot(key: str) -> None:
        if not modified():
            remake(key)

    return slot
