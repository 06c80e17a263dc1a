"""File › Export to Word: the export dialog, then the DOCX written on a worker thread.

Building a DOCX takes from tens to hundreds of milliseconds (templates, long
drafts): too long for the GUI thread. ``export_docx`` is the same export
without a dialog, run where it is called (tests, the smoke test). The
dialog's choices are remembered per draft (``core.session.export_choices``).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from briefing_app.core.paths import DataHome
from briefing_app.core.session.export_choices import ExportChoices, ExportChoiceStore
from briefing_app.core.session.settings import Settings
from briefing_app.gui.export_dialog import ExportDialog, word_templates
from briefing_app.gui.tasks import Task, run_in_thread


def write_docx(text: str, path: Path, choices: ExportChoices | None = None) -> Path:
    """The core export; python-docx loads on the first export, not at start-up."""
    from briefing_app.core.export import export_draft

    if choices is None:
        return Path(export_draft(text, path))
    template = Path(choices.template) if choices.template else None
    return Path(
        export_draft(
            text, path, template=template, profile=choices.profile, numbered=choices.numbered
        )
    )


class ExportCommand(QObject):
    exported = Signal(object)  # Path
    failed = Signal(str)

    def __init__(
        self,
        draft_text: Callable[[], str],
        draft_path: Callable[[], Path | None],
        settings: Settings,
        home: DataHome,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._draft_text = draft_text
        self._draft_path = draft_path
        self.settings = settings
        self.home = home
        self.store = ExportChoiceStore(home.export_choices_file)
        self.window = parent
        self.task: Task | None = None
        self.dialog_box: ExportDialog | None = None

    def export_docx(self, path: Path | str) -> Path:
        """Export the current draft to Word now, without a dialog."""
        return write_docx(self._draft_text(), Path(path))

    def start(self, path: Path, choices: ExportChoices | None = None) -> Task:
        """Export on a worker thread; ``exported`` or ``failed`` follows."""
        text = self._draft_text()  # read on the GUI thread: the editor is not thread-safe
        task = run_in_thread(write_docx, text, path, choices)
        task.result.connect(lambda out: self.exported.emit(Path(out)))
        task.error.connect(lambda exc: self.failed.emit(str(exc) or type(exc).__name__))
        self.task = task
        return task

    def dialog(self) -> ExportDialog:
        """Open the export dialog (window-modal, not blocking); Export starts the worker."""
        draft = self._draft_path()
        choices = self.store.get(draft)
        stem = draft.stem if draft else "statement"
        box = ExportDialog(
            choices, stem, self.home.drafts_dir, word_templates(self.home.templates_dir),
            self.window,
        )  # fmt: skip
        box.accepted.connect(lambda: self._accepted(box, draft))
        box.finished.connect(box.deleteLater)
        self.dialog_box = box
        box.open()
        return box

    def _accepted(self, box: ExportDialog, draft: Path | None) -> None:
        choices, path = box.choices(), box.target()
        with suppress(OSError):  # a read-only data folder: export anyway, remember nothing
            self.store.put(draft, choices)
        self.settings.last_export_dir = str(path.parent)
        self.settings.save()
        self.start(path, choices)

    def report_failure(self, message: str) -> None:
        QMessageBox.warning(self.window, "Export to Word", f"Could not export: {message}")
