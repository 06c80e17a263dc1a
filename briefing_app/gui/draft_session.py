"""The draft as a file: new, open, save, autosave, recovery, unsaved-changes guard.

The file logic lives in the core (``briefing_app.core.drafts``); this object
ties it to the editor's document, timers and dialogs. Dialog-free methods
(``open_path``, ``save_to``, ``recover``) are what tests and menus share.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPlainTextEdit, QWidget

from briefing_app.core.drafts import autosave, draft_file, templates
from briefing_app.core.paths import DataHome
from briefing_app.core.session.settings import Settings
from briefing_app.gui.draft_model import DraftModel

DRAFT_FILTER = "Markdown drafts (*.md *.markdown *.txt);;All files (*)"
#: Continuous typing is never more than this far ahead of the autosave copy.
MAX_AUTOSAVE_SECONDS = 5.0


class DraftSession(QObject):
    pathChanged = Signal(object)  # Path | None
    recoveryAvailable = Signal(list)  # list[autosave.Recovery]
    recentChanged = Signal()
    valuesWanted = Signal(str, list)  # template key, the names it needs and nobody gave

    def __init__(
        self,
        editor: QPlainTextEdit,
        home: DataHome,
        settings: Settings,
        parent: QWidget,
        draft: DraftModel | None = None,
    ) -> None:
        super().__init__(parent)
        self.editor, self.home, self.settings, self.window = editor, home, settings, parent
        self.draft = draft or DraftModel(editor, self)
        self.path: Path | None = None
        self.autosaver = autosave.Autosaver(home.autosave_dir)
        # A deadline, not a pause detector: started by the first unsaved change and
        # not restarted by the next ones, so steady typing is saved every few seconds.
        self.autosave_timer = QTimer(self, singleShot=True)
        seconds = min(max(settings.autosave_seconds, 0.5), MAX_AUTOSAVE_SECONDS)
        self.autosave_timer.setInterval(int(seconds * 1000))
        self.read_only = False  # the data folder cannot be written: no autosave
        self._autosave_warned = False
        self.autosave_timer.timeout.connect(self.autosave_now)
        editor.document().contentsChanged.connect(self._changed)
        self._loading = False

    # -- state -----------------------------------------------------------------
    @property
    def modified(self) -> bool:
        return self.editor.document().isModified()

    def display_name(self) -> str:
        return self.path.name if self.path else "Untitled draft"

    def _changed(self) -> None:
        if not self._loading and not self.autosave_timer.isActive():
            self.autosave_timer.start()

    def _load(self, text: str, path: Path | None, *, modified: bool = False) -> None:
        self.autosave_timer.stop()
        self.autosaver.clear()
        self._loading = True
        try:
            self.editor.setPlainText(text)
        finally:
            self._loading = False
        self.path = path
        self.autosaver = autosave.Autosaver(self.home.autosave_dir, path)
        self.editor.document().setModified(modified)
        if modified:
            self.autosave_now()
        self.pathChanged.emit(path)

    # -- autosave and recovery ---------------------------------------------------
    def autosave_now(self) -> None:
        """Write the autosave copy (atomically) when there is something unsaved."""
        self.autosave_timer.stop()
        if self.modified and not self.read_only:
            try:
                self.autosaver.write(self.draft.current().text)
            except OSError as exc:
                if not self._autosave_warned:  # once: the status bar is not a log
                    self._autosave_warned = True
                    message = f"Autosave failed: {exc.strerror or exc}"
                    self.window.statusBar().showMessage(message, 8000)  # type: ignore[attr-defined]
            else:
                self._autosave_warned = False

    def check_recovery(self) -> list[autosave.Recovery]:
        found = autosave.find_recoveries(self.home.autosave_dir)
        if found:
            self.recoveryAvailable.emit(found)
        return found

    def recover(self, recovery: autosave.Recovery) -> None:
        """Load the autosaved text (modified: the user decides when to save it)."""
        autosave.discard(self.home.autosave_dir, recovery.key)
        self._load(recovery.text, recovery.source, modified=True)

    def discard_recovery(self, recovery: autosave.Recovery) -> None:
        autosave.discard(self.home.autosave_dir, recovery.key)

    # -- files -------------------------------------------------------------------
    def new_draft(self, template_key: str | None = None) -> bool:
        if not self.maybe_save():
            return False
        values = {"delegation": self.settings.delegation, "speaker": self.settings.speaker}
        key = template_key or self.settings.default_template
        template = templates.find_template(key, self.home.templates_dir) if key else None
        text = (
            templates.instantiate(template, values) if template else templates.blank_draft(values)
        )
        self._load(text, None)
        missing = templates.missing_values(template, values) if template else []
        if template is not None and missing:
            self.valuesWanted.emit(template.key, missing)
        return True

    def open_path(self, path: Path) -> bool:
        try:
            text = draft_file.read_draft(path)
        except (OSError, UnicodeDecodeError) as exc:
            QMessageBox.warning(self.window, "Open draft", f"Cannot open {path.name}: {exc}")
            return False
        self._load(text, Path(path))
        self._remember(Path(path))
        return True

    def save_to(self, path: Path) -> Path:
        """Save without a dialog (atomically); the draft now belongs to ``path``."""
        saved = draft_file.save_draft(Path(path), self.draft.current().text)
        if saved != self.path:
            self.autosaver.rebind(saved)
            self.path = saved
            self.pathChanged.emit(saved)
        self.autosaver.clear()
        self.editor.document().setModified(False)
        self._remember(saved)
        return saved

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self._save_reporting(self.path)

    def save_as(self) -> bool:
        start = str(self.path or self.home.drafts_dir / "statement.md")
        name, _ = QFileDialog.getSaveFileName(self.window, "Save draft", start, DRAFT_FILTER)
        return bool(name) and self._save_reporting(Path(name))

    def open_dialog(self) -> bool:
        if not self.maybe_save():
            return False
        start = self.settings.last_open_dir or str(self.home.drafts_dir)
        name, _ = QFileDialog.getOpenFileName(self.window, "Open draft", start, DRAFT_FILTER)
        if not name:
            return False
        self.settings.last_open_dir = str(Path(name).parent)
        return self.open_path(Path(name))

    def _save_reporting(self, path: Path) -> bool:
        try:
            self.save_to(path)
        except OSError as exc:
            QMessageBox.critical(self.window, "Save draft", f"Could not save {path.name}: {exc}")
            return False
        return True

    def _remember(self, path: Path) -> None:
        self.settings.add_recent_draft(path)
        self.settings.save()
        self.recentChanged.emit()

    # -- closing -----------------------------------------------------------------
    def ask_unsaved(self) -> QMessageBox.StandardButton:
        """Save / Discard / Cancel (tests replace this method)."""
        buttons = (
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        return QMessageBox.question(
            self.window,
            "Unsaved changes",
            f"Save the changes to {self.display_name()} before closing it?",
            buttons,
            QMessageBox.StandardButton.Save,
        )

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current text."""
        if not self.modified or not self.editor.toPlainText().strip():
            return True
        answer = self.ask_unsaved()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def close_cleanly(self) -> None:
        """After the user chose: nothing left to recover."""
        self.autosave_timer.stop()
        self.autosaver.clear()
