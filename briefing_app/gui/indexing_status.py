"""Adding documents: progress bar and Cancel in the status bar, then a summary."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from briefing_app.core.progress import EtaClock, format_eta
from briefing_app.gui.dialogs import HtmlDialog
from briefing_app.gui.tasks import ProcessTask


def summary_line(report: dict[str, Any]) -> str:
    if report.get("cancelled") and not report.get("indexed"):
        return "Indexing cancelled; what was finished is kept."
    indexed, skipped = len(report.get("indexed", [])), len(report.get("skipped", []))
    parts = [f"{indexed} document{'s' if indexed != 1 else ''} indexed"]
    if report.get("unchanged"):
        parts.append(f"{report['unchanged']} unchanged")
    if skipped:
        parts.append(f"{skipped} skipped")
    return ", ".join(parts) + "."


def skipped_html(report: dict[str, Any]) -> str:
    rows = "".join(
        f"<li><b>{html.escape(s['path'].rsplit('/', 1)[-1])}</b>: {html.escape(s['reason'])}</li>"
        for s in report.get("skipped", [])
    )
    return f"<p>{html.escape(summary_line(report))}</p><ul>{rows}</ul>"


class IndexingStatus(QWidget):
    """Lives in the status bar; visible while indexing and to show the last summary."""

    detailsRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("indexingStatus")
        self.label = QLabel()
        self.bar = QProgressBar(objectName="indexProgress")
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton("Cancel", objectName="cancelIndexing")
        self.details_button = QPushButton("Details…", objectName="indexDetails")
        self.details_button.setFlat(True)
        self.details_button.clicked.connect(self.show_details)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.bar, self.cancel_button, self.details_button):
            layout.addWidget(widget)
        self.task: ProcessTask | None = None
        self.eta = EtaClock()
        self.report: dict[str, Any] | None = None
        self.setVisible(False)

    def track(self, task: ProcessTask, message: str = "Indexing…") -> None:
        self.task = task
        self.label.setText(message)
        self.bar.setRange(0, 0)
        self.bar.setVisible(True)
        self.cancel_button.setVisible(True)
        self.details_button.setVisible(False)
        self.cancel_button.clicked.connect(task.cancel)
        task.progress.connect(self._progress)
        task.result.connect(self._done)
        task.error.connect(self._failed)
        self.setVisible(True)

    def _progress(self, done: int, total: int, message: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        name = message.rsplit("/", 1)[-1][:40]
        eta = format_eta(self.eta.update(done, total))
        self.label.setText(f"Indexing {done}/{total} {name}" + (f" · {eta}" if eta else ""))

    def _done(self, report: dict[str, Any]) -> None:
        self.report = report
        self._finish(summary_line(report), bool(report.get("skipped")))

    def _failed(self, message: str) -> None:
        self.report = {"skipped": [], "indexed": [], "error": message}
        self._finish(f"Indexing failed: {message}", False)

    def _finish(self, text: str, details: bool) -> None:
        if self.task is not None:
            self.cancel_button.clicked.disconnect(self.task.cancel)
        self.label.setText(text)
        self.bar.setVisible(False)
        self.cancel_button.setVisible(False)
        self.details_button.setVisible(details)

    def show_details(self) -> None:
        if self.report:
            HtmlDialog("Indexing summary", skipped_html(self.report), self).exec()
