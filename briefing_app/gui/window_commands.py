"""What the menus do: insert, basket, export, add documents, dialogs.

A mixin of ``MainWindow`` so the window module stays about assembly.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFileDialog, QMessageBox

from briefing_app.core.drafts.insert import Passage

if TYPE_CHECKING:
    from briefing_app.gui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class WindowCommands(_Base):
    # -- passages into the draft -------------------------------------------------------
    def passages_in_focus(self) -> list[Passage]:
        """The basket's selection when it has focus, the selected results, else the passage."""
        if self.basket.view.hasFocus() and self.basket.selected_passages():
            return self.basket.selected_passages()
        if self.search_panel.view.hasFocus():
            hits = self.search_panel.selected_hits()
            if hits:
                return [Passage.from_hit(h) for h in hits]
        return [self.current_passage] if self.current_passage else []

    def insert_current(self, citation_only: bool = False) -> None:
        passages = self.passages_in_focus()
        if not passages:
            self.statusBar().showMessage(
                "Select a result or a paragraph in the reader first.", 4000
            )
            return
        self.editor.insert_passages(passages, citation_only=citation_only)
        self._remember_query()

    def add_to_basket(self) -> None:
        added = self.basket.model.add(self.passages_in_focus())
        self.docks["Basket"].raise_()
        self.statusBar().showMessage(
            f"Added {added} passage(s) to the basket." if added else "Already in the basket.", 3000
        )

    def insert_basket(self) -> None:
        self.editor.insert_passages(self.basket.model.passages())

    # -- files ---------------------------------------------------------------------------
    def open_draft(self, path: Path) -> bool:
        return self.session.maybe_save() and self.session.open_path(path)

    def export_docx(self, path: Path | str) -> Path:
        """Export the current draft to Word without a dialog."""
        try:
            from briefing_app.core.export import export_draft
        except ImportError as exc:  # the export issue has not landed
            raise NotImplementedError("Word export is not available yet") from exc
        return Path(export_draft(self.editor.toPlainText(), Path(path)))

    def export_dialog(self) -> None:
        stem = self.session.path.stem if self.session.path else "statement"
        folder = Path(self.settings.last_export_dir or Path.home())
        name, _ = QFileDialog.getSaveFileName(
            self, "Export to Word", str(folder / f"{stem}.docx"), "Word documents (*.docx)"
        )
        if not name:
            return
        path = Path(name).with_suffix(".docx")
        self.settings.last_export_dir = str(path.parent)
        self.settings.save()
        try:
            out = self.export_docx(path)
        except Exception as exc:
            QMessageBox.warning(self, "Export to Word", f"Could not export: {exc}")
            return
        self.statusBar().showMessage(f"Exported to {out}", 6000)

    def add_documents_dialog(self) -> None:
        from briefing_app.core.ingest import SUPPORTED_SUFFIXES

        patterns = " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES)
        names, _ = QFileDialog.getOpenFileNames(
            self, "Add documents", self.settings.last_open_dir or str(Path.home()),
            f"Documents ({patterns});;All files (*)",
        )  # fmt: skip
        if names:
            self.add_documents([Path(n) for n in names])

    def add_documents(self, files: list[Path]) -> Any:
        """Copy ``files`` into the library and index them in a child process."""
        if self.service.is_indexing():
            self.statusBar().showMessage(
                "Indexing is already running; try again when it ends.", 5000
            )
            return None
        task = self.service.index(files)
        if task is not None:
            self.indexing_status.label.setText(f"Adding {len(files)} document(s)…")
        return task

    # -- dialogs ---------------------------------------------------------------------------
    def show_preferences(self) -> None:
        from briefing_app.core.drafts.templates import list_templates
        from briefing_app.gui.dialogs import PreferencesDialog

        dialog = PreferencesDialog(
            self.settings, self.home, list_templates(self.home.templates_dir), self
        )
        if dialog.exec():
            dialog.apply()
            self.speaking_label.set_wpm(self.settings.words_per_minute)

    def show_shortcuts(self) -> None:
        from briefing_app.gui.dialogs import HtmlDialog, shortcuts_html

        self._shortcuts = HtmlDialog("Keyboard shortcuts", shortcuts_html(), self)
        self._shortcuts.show()  # non-modal: keep it open while working

    def show_about(self) -> None:
        from briefing_app.gui.dialogs import HtmlDialog, about_html

        HtmlDialog("About Briefing", about_html(), self).exec()

    def toggle_preview(self) -> None:
        self.preview.setVisible(not self.preview.isVisible())
