"""Live preview of the draft: the export's title block and the shared Markdown, nothing remote."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QTextBrowser, QWidget

from briefing_app.core.export.preview import PreviewRenderer
from briefing_app.gui import style
from briefing_app.gui.draft_model import DraftModel


class PreviewView(QTextBrowser):
    def __init__(self, draft: DraftModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewView")
        self.setOpenLinks(False)  # links are shown, never followed
        self.draft = draft
        self.renderer = PreviewRenderer()
        draft.changed.connect(lambda _parsed: self.render_now())

    def render_now(self) -> None:
        parsed = self.draft.current()
        bar = self.verticalScrollBar()
        ratio = bar.value() / bar.maximum() if bar.maximum() else 0.0
        self.document().setDefaultStyleSheet(_css())
        self.setHtml(self.renderer.html(parsed.front.values, parsed.body))
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
