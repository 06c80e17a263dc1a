"""Tools › Compare versions…: two versions side by side, changes to step through.

Self-contained: ``install_compare(window)`` adds the one action; loading and
aligning run on the library thread (``LibraryService.call``), so the window
never waits. The versions are library documents or files (read, not added).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.compare.model import DELETED, UNCHANGED
from briefing_app.core.compare.render import NEW, OLD, list_text, side_html
from briefing_app.core.drafts.insert import Passage
from briefing_app.gui.host import WindowHost

if TYPE_CHECKING:
    from briefing_app.core.compare.load import VersionComparison
    from briefing_app.core.models import DocumentMeta

INDEX_ROLE = Qt.ItemDataRole.UserRole
_FILE_PREFIX = "File: "  # a version picked from disk, not from the library


class CompareDialog(QDialog):
    """Pick OLD and NEW, compare, read them aligned, insert a change into the draft."""

    def __init__(self, host: WindowHost) -> None:
        super().__init__(host.window())
        self.window_ = host
        self.setObjectName("compareDialog")
        self.setWindowTitle("Compare versions")
        self.result: VersionComparison | None = None
        self._task: Any = None
        self.old_box, self.new_box = _source_box("compareOld"), _source_box("compareNew")
        self.summary = QLabel("Choose two versions and press Compare.", objectName="compareSummary")
        self.summary.setWordWrap(True)
        self.changes = QListWidget(objectName="compareChanges")
        self.old_view = QTextBrowser(objectName="compareOldView")
        self.new_view = QTextBrowser(objectName="compareNewView")
        self.show_unchanged = QCheckBox("Show unchanged units")
        self.compare_button = QPushButton("&Compare", objectName="compareButton")
        self.previous_button = QPushButton("Find &previous version", objectName="comparePrevious")
        self.insert_button = QPushButton("&Insert into my draft", objectName="compareInsert")
        self.save_button = QPushButton("Save as &tracked changes…", objectName="compareSave")
        self.table_button = QPushButton("Save as t&able…", objectName="compareSaveTable")
        self._layout()
        self._connect()
        self._enable()
        self.resize(1200, 760)
        self._load_documents()
        host.service.libraryChanged.connect(self._load_documents)  # added, re-indexed

    # -- layout ---------------------------------------------------------------------
    def _layout(self) -> None:
        sources = QGridLayout()
        for row, (label, box) in enumerate((("Old:", self.old_box), ("New:", self.new_box))):
            button = QPushButton("File…", objectName=f"{box.objectName()}File")
            button.clicked.connect(lambda _=False, b=box: self._choose_file(b))
            sources.addWidget(QLabel(label), row, 0)
            sources.addWidget(box, row, 1)
            sources.addWidget(button, row, 2)
        sources.setColumnStretch(1, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.previous_button)
        actions.addStretch(1)
        actions.addWidget(self.compare_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.changes, 1)
        left_layout.addWidget(self.show_unchanged)
        left_layout.addWidget(self.insert_button)
        left_layout.addWidget(self.save_button)
        left_layout.addWidget(self.table_button)
        split = QSplitter(Qt.Orientation.Horizontal)
        for widget in (left, self.old_view, self.new_view):
            split.addWidget(widget)
        split.setSizes([300, 450, 450])
        layout = QVBoxLayout(self)
        layout.addLayout(sources)
        layout.addLayout(actions)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)

    def _connect(self) -> None:
        self.compare_button.clicked.connect(self.compare)
        self.previous_button.clicked.connect(self.find_previous)
        self.insert_button.clicked.connect(self.insert_current)
        self.save_button.clicked.connect(lambda _=False: self._save_dialog("tracked"))
        self.table_button.clicked.connect(lambda _=False: self._save_dialog("table"))
        self.changes.currentItemChanged.connect(lambda *_: self._show_current())
        self.show_unchanged.toggled.connect(lambda _=False: self._fill_list())
        for box in (self.old_box, self.new_box):
            box.currentIndexChanged.connect(lambda _=0: self._enable())

    def _enable(self) -> None:
        ready = bool(self.old_box.currentData() and self.new_box.currentData())
        self.compare_button.setEnabled(ready and self._task is None)
        self.previous_button.setEnabled(bool(self.new_box.currentData()) and self._task is None)
        self.insert_button.setEnabled(self.current_change() is not None)
        self.save_button.setEnabled(self.result is not None)
        self.table_button.setEnabled(self.result is not None)

    # -- sources ---------------------------------------------------------------------
    def _load_documents(self) -> None:
        task = self.window_.service.call(lambda library: library.documents())
        task.result.connect(self._fill_documents)

    def _fill_documents(self, documents: list[DocumentMeta]) -> None:
        """(Re)list the library's documents; files picked and the choices stay."""
        ordered = sorted(documents, key=lambda m: (m.title.lower(), m.date or ""))
        in_library = {m.doc_id for m in ordered}
        for box in (self.old_box, self.new_box):
            chosen = box.currentData()
            # A document chosen before this list came (``set_sources``) was shown as
            # "File: <id>": it now reads as the library's document, listed once.
            files = [
                (box.itemText(i), box.itemData(i))
                for i in range(1, box.count())
                if box.itemText(i).startswith(_FILE_PREFIX) and box.itemData(i) not in in_library
            ]
            box.blockSignals(True)
            while box.count() > 1:  # the "(choose …)" line stays
                box.removeItem(1)
            for meta in ordered:
                box.addItem(_doc_text(meta), meta.doc_id)
            for text, ref in files:
                box.addItem(text, ref)
                box.setItemData(box.count() - 1, ref, Qt.ItemDataRole.ToolTipRole)
            box.setCurrentIndex(max(0, box.findData(chosen)) if chosen else 0)
            box.blockSignals(False)
        self._enable()

    def set_sources(self, old: str | None, new: str | None) -> None:
        """Select OLD and NEW (doc ids or file paths), adding files to the lists."""
        for box, ref in ((self.old_box, old), (self.new_box, new)):
            if ref:
                _select(box, ref)

    def _choose_file(self, box: QComboBox) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Choose a version", "", "Documents (*.pdf *.docx *.txt *.md)"
        )
        if path:
            _select(box, path)

    # -- work on the library thread ----------------------------------------------------
    def compare(self) -> None:
        from briefing_app.core.compare.load import compare_versions

        old, new = self.old_box.currentData(), self.new_box.currentData()
        if not (old and new):
            return
        self.summary.setText("Comparing…")
        self._run(lambda library: compare_versions(old, new, library), self._show_result)

    def find_previous(self) -> None:
        new = self.new_box.currentData()
        if not new:
            return
        self.summary.setText("Looking for an earlier version…")
        self._run(lambda library: _previous(library, new), self._take_previous)

    def _run(self, fn: Any, done: Any) -> None:
        self._task = self.window_.service.call(fn)
        self._task.result.connect(done)
        self._task.error.connect(lambda exc: self.summary.setText(str(exc)))
        self._task.finished.connect(self._finished)
        self._enable()

    def _finished(self) -> None:
        self._task = None
        self._enable()

    def _take_previous(self, found: tuple[str, str] | None) -> None:
        if found is None:
            self.summary.setText("No earlier version of this document in the library.")
            return
        doc_id, reasons = found
        _select(self.old_box, doc_id)
        self.summary.setText(f"Previous version: {self.old_box.currentText()} ({reasons}).")

    def _show_result(self, result: VersionComparison) -> None:
        self.result = result
        comparison = result.comparison
        text = comparison.summary_line()
        if comparison.renumbering:
            text += ". Renumbered: " + "; ".join(comparison.renumbering)
        self.summary.setText(text)
        self.old_view.setHtml(side_html(comparison, OLD))
        self.new_view.setHtml(side_html(comparison, NEW))
        self._fill_list()

    # -- stepping through changes -------------------------------------------------------
    def _fill_list(self) -> None:
        self.changes.clear()
        if self.result is None:
            return
        for k, change in enumerate(self.result.comparison.changes):
            if change.status == UNCHANGED and not self.show_unchanged.isChecked():
                continue
            item = QListWidgetItem(list_text(change))
            item.setToolTip(item.text())
            item.setData(INDEX_ROLE, k)
            self.changes.addItem(item)
        if self.changes.count():
            self.changes.setCurrentRow(0)
        self._enable()

    def current_change(self) -> Any:
        item = self.changes.currentItem()
        if item is None or self.result is None:
            return None
        return self.result.comparison.changes[item.data(INDEX_ROLE)]

    def step(self, delta: int) -> None:
        """Next (+1) or previous (-1) change in the list."""
        row = self.changes.currentRow() + delta
        if 0 <= row < self.changes.count():
            self.changes.setCurrentRow(row)

    def _show_current(self) -> None:
        item = self.changes.currentItem()
        if item is not None:
            anchor = f"u{item.data(INDEX_ROLE)}"
            self.old_view.scrollToAnchor(anchor)
            self.new_view.scrollToAnchor(anchor)
        self._enable()

    def insert_current(self) -> None:
        """The selected unit (new wording; old wording if deleted) into the draft, cited."""
        change = self.current_change()
        if change is None or self.result is None:
            return
        version = self.result.old if change.status == DELETED else self.result.new
        unit = change.old if change.status == DELETED else change.new
        passage = Passage.from_segment(unit, version.meta)
        self.window_.editor.insert_passages([passage])
        self.window_.statusBar().showMessage(f"Inserted {passage.citation}", 4000)

    def _save_dialog(self, what: str) -> None:
        """Ask where, then write the tracked-changes DOCX or the old | new | change table."""
        if self.result is None:
            return
        title, name = (
            ("Save tracked changes", "changes.docx") if what == "tracked" else
            ("Save side-by-side table", "changes-table.docx")
        )  # fmt: skip
        path, _ = QFileDialog.getSaveFileName(self, title, name, "Word (*.docx)")
        if path:
            self.save(what, Path(path))

    def save(self, what: str, path: Path) -> bool:
        """Write the file (small: on the GUI thread); a failure is one line in the summary."""
        from briefing_app.core.compare.table import write_table
        from briefing_app.core.compare.tracked import write_tracked_changes

        if self.result is None:
            return False
        comparison = self.result.comparison
        try:
            if what == "tracked":
                author = self.window_.settings.delegation or "Briefing"
                write_tracked_changes(comparison, path, author=author)
            else:
                write_table(comparison, path, changed_only=not self.show_unchanged.isChecked())
        except OSError as exc:
            self.summary.setText(f"Cannot write {path}: {exc.strerror or exc}")
            return False
        self.summary.setText(f"Saved {path}")
        return True

    def keyPressEvent(self, event: Any) -> None:
        keys = {Qt.Key.Key_F8: 1, Qt.Key.Key_F7: -1}
        if event.key() in keys:
            self.step(keys[event.key()])
            return
        super().keyPressEvent(event)


def _previous(library: Any, doc_id: str) -> tuple[str, str] | None:
    from briefing_app.core.compare.previous import previous_versions

    meta = library.document(doc_id)
    if meta is None:
        return None
    ranked = previous_versions(meta, library.documents(), limit=1)
    return (ranked[0].doc_id, ", ".join(ranked[0].reasons)) if ranked else None


def _source_box(name: str) -> QComboBox:
    box = QComboBox(objectName=name)
    box.setMinimumContentsLength(40)
    box.addItem("(choose a document or a file)", None)
    return box


def _select(box: QComboBox, ref: str) -> None:
    index = box.findData(ref)
    if index < 0:
        box.addItem(f"{_FILE_PREFIX}{Path(ref).name}", ref)
        box.setItemData(box.count() - 1, ref, Qt.ItemDataRole.ToolTipRole)
        index = box.count() - 1
    box.setCurrentIndex(index)


def _doc_text(meta: DocumentMeta) -> str:
    parts = [meta.symbol or "", meta.title[:90], meta.date or ""]
    return " · ".join(p for p in parts if p)


class CompareCommand:
    """The Tools › Compare versions… action and its one dialog (made on first use)."""

    def __init__(self, host: WindowHost) -> None:
        self.host = host
        self.dialog: CompareDialog | None = None
        self.action = host.registry.add(
            "compareAction", "&Compare versions…", self.open, menu="Tools",
            tooltip="Compare two versions of a document paragraph by paragraph",
        )  # fmt: skip

    def open(self) -> CompareDialog:
        if self.dialog is None:
            self.dialog = CompareDialog(self.host)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog


def install_compare(host: WindowHost) -> CompareCommand:
    """Put the command in the Tools menu."""
    return CompareCommand(host)
