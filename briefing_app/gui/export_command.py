"""File › Export to Word: ask where, then write the DOCX on a worker thread.

Building a DOCX takes from tens to hundreds of milliseconds (templates, long
drafts): too long for the GUI thread. ``export_docx`` is the same export
without a dialog, run where it is called (tests, the smoke test).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from briefing_app.core.session.settings import Settings
from briefing_app.gui.tasks import Task, run_in_thread


def write_docx(text: str, path: Path) -> Path:
    """The core export; python-docx loads on the first export, not at start-up."""
    from briefing_app.core.export import export_draft

    return Path(export_draft(text, path))


class ExportCommand(QObject):
    exported = Signal(object)  # Path
    failed = Signal(str)

    def __init__(
        self,
        draft_text: Callable[[], str],
        draft_stem: Callable[[], str],
        settings: Settings,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._draft_text = draft_text
        self._draft_stem = draft_stem
        self.settings = settings
        self.window = parent
        self.task: Task | None = None

    def export_docx(self, path: Path | str) -> Path:
        """Export the current draft to Word now, without a dialog."""
        return write_docx(self._draft_text(), Path(path))

    def start(self, path: Path) -> Task:
        """Export on a worker thread; ``exported`` or ``failed`` follows."""
        text = self._draft_text()  # read on the GUI thread: the editor is not thread-safe
        task = run_in_thread(write_docx, text, path)
        task.result.connect(lambda out: self.exported.emit(Path(out)))
        task.error.connect(lambda exc: self.failed.emit(str(exc) or type(exc).__name__))
        self.task = task
        return task

    def dialog(self) -> None:
        folder = Path(self.settings.last_export_dir or Path.home())
        name, _ = QFileDialog.getSaveFileName(
            self.window, "Export to Word", str(folder / f"{self._draft_stem()}.docx"),
            "Word documents (*.docx)",
        )  # fmt: skip
        if not name:
            return
        path = Path(name).with_suffix(".docx")
        self.settings.last_export_dir = str(path.parent)
        self.settings.save()
        self.start(path)

    def report_failure(self, message: str) -> None:
        QMessageBox.warning(self.window, "Export to Word", f"Could not export: {message}")
