"""Live preview of the draft (python-markdown), debounced, loading nothing remote."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtWidgets import QPlainTextEdit, QTextBrowser, QWidget

from briefing_app.core.drafts.render import Renderer
from briefing_app.gui import style

DEBOUNCE_MS = 350


class PreviewView(QTextBrowser):
    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewView")
        self.setOpenLinks(False)  # links are shown, never followed
        self.editor = editor
        self.renderer = Renderer()
        self.outdated = False
        self.timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.timer.timeout.connect(self.render_now)
        editor.textChanged.connect(self._schedule)

    def _schedule(self) -> None:
        self.outdated = True
        self.timer.start()

    def render_now(self) -> None:
        self.outdated = False
        bar = self.verticalScrollBar()
        ratio = bar.value() / bar.maximum() if bar.maximum() else 0.0
        self.document().setDefaultStyleSheet(_css())
        self.setHtml(self.renderer.to_html(self.editor.toPlainText()))
        bar.setValue(int(ratio * bar.maximum()))

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        """Nothing is fetched: no remote images, no local files named by a draft."""
        return None


def _css() -> str:
    muted = style.muted_text().name()
    quote = style.passage_background().name()
    return (
        "body { line-height: 140%; }"
        "h1.title { font-size: large; margin-bottom: 2px; }"
        f"p.meta {{ color: {muted}; }}"
        f"p.mark {{ color: {muted}; }}"
        f"blockquote {{ background-color: {quote}; margin-left: 12px; margin-right: 12px; }}"
        f"div.footnote {{ color: {muted}; font-size: small; }}"
    )
