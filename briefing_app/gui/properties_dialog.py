"""Document properties: the user corrects a document's title, kind, date, speaker…

The dialog only edits values; loading, saving and re-indexing run on the
library thread (``LibraryService.call``). Corrections are kept in the
library manifest by the core, so they survive re-indexing.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.citation import document_reference
from briefing_app.core.ingest.corrections import EDITABLE_FIELDS, CorrectionError, validate
from briefing_app.core.models import DOCUMENT_KINDS, DocumentMeta
from briefing_app.gui.host import WindowHost
from briefing_app.gui.library_panel import DocRole, LibraryPanel
from briefing_app.gui.reader import ReaderView

LABELS = {
    "title": "Title",
    "kind": "Kind",
    "date": "Date (YYYY-MM-DD)",
    "body": "Body",
    "meeting": "Meeting",
    "speaker": "Speaker",
    "organization": "Organization",
    "symbol": "Symbol",
    "place": "Place",
    "cite_as": "Cite as",
    "distribution_date": "Distributed (YYYY-MM-DD)",
    "committee": "Committee",
    "session": "Session",
    "agenda_item": "Agenda item",
}


class DocumentPropertiesDialog(QDialog):
    """A form over one document's metadata; ``changes()`` are the edited fields."""

    def __init__(
        self, meta: DocumentMeta, corrected: dict[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("documentPropertiesDialog")
        self.setWindowTitle(f"Document properties — {meta.doc_id}")
        self.meta = meta
        self.corrected = dict(corrected)
        self.reset_all = False
        # A saved correction wins over the indexed value: until the re-index that
        # applies it is done, the index still holds the value it replaced.
        self.original: dict[str, str] = {
            f: corrected[f] if f in corrected else str(getattr(meta, f, "") or "")
            for f in EDITABLE_FIELDS
        }
        self.editors: dict[str, QLineEdit | QComboBox] = {}
        form = QFormLayout()
        for field in EDITABLE_FIELDS:
            editor: QLineEdit | QComboBox
            if field == "kind":
                editor = QComboBox()
                kinds = list(DOCUMENT_KINDS)
                if self.original["kind"] not in kinds:
                    kinds.append(self.original["kind"])
                editor.addItems(kinds)
                editor.setCurrentText(self.original["kind"])
            else:
                editor = QLineEdit(self.original[field])
                editor.setClearButtonEnabled(True)
                editor.setCursorPosition(0)
            editor.setObjectName(f"{field}Edit")
            label = QLabel(LABELS.get(field, field) + (" •" if field in corrected else ""))
            if field in corrected:
                label.setToolTip("Corrected by you")
            self.editors[field] = editor
            form.addRow(label, editor)
            if isinstance(editor, QComboBox):
                editor.currentTextChanged.connect(self._update_citation)
            else:
                editor.textChanged.connect(self._update_citation)
        source = QLabel(meta.source)
        source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        source.setWordWrap(True)
        form.addRow("File", source)
        self.citation = QLabel(objectName="citationPreview")
        self.citation.setWordWrap(True)
        self.citation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow("Cited as", self.citation)
        self._update_citation()
        self.error = QLabel(objectName="propertiesError")
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        reset = buttons.addButton(
            "Use the document's own values", QDialogButtonBox.ButtonRole.ResetRole
        )
        reset.setObjectName("resetCorrectionsButton")
        reset.setEnabled(bool(corrected))
        reset.clicked.connect(self._reset)
        note = QLabel("• corrected by you. Corrections are kept when the library is re-indexed.")
        note.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(720, self.sizeHint().height())

    def value(self, field: str) -> str:
        editor = self.editors[field]
        return editor.currentText() if isinstance(editor, QComboBox) else editor.text()

    def changes(self) -> dict[str, str | None]:
        """Fields the user changed ("" blanks one); ``None`` drops a correction."""
        if self.reset_all:
            return {f: None for f in self.corrected}
        return {
            f: self.value(f)
            for f in EDITABLE_FIELDS
            if " ".join(self.value(f).split()) != " ".join(self.original[f].split())
        }

    def edited_meta(self) -> DocumentMeta:
        """The metadata as the form now reads (blank fields empty)."""
        values = {f: " ".join(self.value(f).split()) or None for f in EDITABLE_FIELDS}
        values["title"] = values["title"] or self.meta.title
        return replace(self.meta, **values)

    def _update_citation(self, *_args: object) -> None:
        """How the document will be named in a citation, as the user types."""
        try:
            self.citation.setText(document_reference(self.edited_meta()))
        except (TypeError, ValueError):  # a half-typed date
            self.citation.setText("")

    def accept(self) -> None:
        try:
            validate(self.changes())
        except CorrectionError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()

    def _reset(self) -> None:
        self.reset_all = True
        super().accept()


class DocumentProperties:
    """The window's *Document properties…* command: pick, edit, save off the GUI thread."""

    def __init__(self, host: WindowHost, library_panel: LibraryPanel, reader: ReaderView) -> None:
        self.host = host
        self.library_panel = library_panel
        self.reader = reader
        self.dialog: DocumentPropertiesDialog | None = None
        self._waiting = False  # a saved correction waits for the running index to finish
        self.action = host.registry.add(
            "documentPropertiesAction", "Document &properties…", self.open,
            menu="Library",
            tooltip="Correct the title, kind, date or speaker of a document",
        )  # fmt: skip

    def current_doc_id(self) -> str | None:
        """The document selected in the library, else the one in the reader."""
        doc_id = self.library_panel.docs.currentIndex().data(DocRole)
        if doc_id:
            return str(doc_id)
        meta = self.reader.meta
        return meta.doc_id if meta is not None else None

    def open(self, doc_id: str | None = None) -> None:
        doc_id = doc_id or self.current_doc_id()
        if not doc_id:
            self._message("Select a document in the library first.")
            return
        if self.dialog is not None and self.dialog.meta.doc_id == doc_id:
            self.dialog.raise_()  # already open: one form per document
            self.dialog.activateWindow()
            return
        self.dialog = None  # a new form is on its way, read afresh from the library
        task = self.host.service.call(lambda lib: (lib.document(doc_id), lib.corrections(doc_id)))
        task.result.connect(lambda pair: self._show(*pair))
        task.error.connect(lambda exc: self._message(f"Cannot read the document: {exc}"))

    def _show(self, meta: DocumentMeta | None, corrected: dict[str, str]) -> None:
        if meta is None:
            self._message("That document is no longer in the library.")
            return
        dialog = DocumentPropertiesDialog(meta, corrected, self.host.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._save(meta.doc_id, dialog.changes()))
        dialog.finished.connect(lambda _result: self._closed(dialog))
        if self.dialog is not None:  # another document's form: this one replaces it
            self.dialog.reject()
        self.dialog = dialog
        dialog.open()  # window-modal, does not block the event loop

    def _closed(self, dialog: DocumentPropertiesDialog) -> None:
        """Saved, reset or cancelled: the form (deleted on close) is gone; a reopen
        reads the document again."""
        if self.dialog is dialog:
            self.dialog = None

    def _save(self, doc_id: str, changes: dict[str, str | None]) -> None:
        if not changes:
            return
        service = self.host.service
        # Saving is a small file write (library thread); the re-index that applies
        # it runs in the indexing child process, like any other (progress, cancel).
        task = service.call(lambda lib: lib.save_corrections(doc_id, changes))
        task.result.connect(lambda _saved: self._reindex(changes))
        task.error.connect(
            lambda exc: self._message(f"The correction was not saved: {_reason(exc)}")
        )

    def _reindex(self, changes: dict[str, Any]) -> None:
        fields = ", ".join(LABELS.get(f, f).split(" (")[0].lower() for f in changes)
        verb = "Restored" if all(v is None for v in changes.values()) else "Corrected"
        service = self.host.service
        if service.index() is None:  # another run is going on: it read the old values
            self._message(f"{verb} the {fields}; applied when the current indexing finishes.")
            if not self._waiting:
                self._waiting = True
                service.indexFinished.connect(self._reindex_after_run)
            return
        self.host.show_message(f"{verb} the {fields}; re-indexing the document…", 8000)

    def _reindex_after_run(self, _report: object) -> None:
        """One-shot: the run that was going on has finished; apply the saved correction
        (on the next turn of the event loop, once that run's task is done)."""
        self._waiting = False
        self.host.service.indexFinished.disconnect(self._reindex_after_run)
        QTimer.singleShot(0, self.host.service.index)

    def _message(self, text: str) -> None:
        self.host.statusBar().showMessage(text, 8000)
        if "not saved" in text or "Cannot" in text:
            QMessageBox.warning(self.host.window(), "Document properties", text)


def _reason(exc: object) -> str:
    if isinstance(exc, KeyError):
        return "the document's file could not be read again"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def install_document_properties(
    host: WindowHost, library_panel: LibraryPanel, reader: ReaderView
) -> DocumentProperties:
    """*Document properties…* in the Library menu and the library's context menu."""
    command = DocumentProperties(host, library_panel, reader)
    if not host.home.writable():
        command.action.setEnabled(False)  # corrections are written into the data folder
        command.action.setToolTip("The data folder is read-only: corrections cannot be saved")
    view = library_panel.docs
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    view.addAction(command.action)
    return command
