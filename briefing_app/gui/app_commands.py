"""Commands behind dialogs: recent drafts, adding documents, Preferences, Help.

Each gets what it needs at construction (settings, home, a few callables), so
the window only wires them into the action registry.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from briefing_app.core.drafts.draft_file import existing_recent
from briefing_app.core.paths import DataHome
from briefing_app.core.session.settings import Settings
from briefing_app.gui.dialogs import HtmlDialog, about_html, edit_preferences, shortcuts_html


class AppCommands:
    def __init__(
        self,
        window: QWidget,
        settings: Settings,
        home: DataHome,
        open_draft: Callable[[Path], object],
        add_documents: Callable[[list[Path]], object],
        preferences_applied: Callable[[], None],
    ) -> None:
        self.window, self.settings, self.home = window, settings, home
        self._open_draft = open_draft
        self._add_documents = add_documents
        self._preferences_applied = preferences_applied
        self.shortcuts_dialog: HtmlDialog | None = None

    def fill_recent(self, menu: QMenu) -> None:
        menu.clear()
        recent = existing_recent(self.settings.recent_drafts)
        for path in recent:
            menu.addAction(Path(path).name, partial(self._open_draft, Path(path))).setToolTip(path)
        if not recent:
            menu.addAction("No recent drafts").setEnabled(False)

    def add_documents_dialog(self) -> None:
        from briefing_app.core.ingest import SUPPORTED_SUFFIXES

        patterns = " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES)
        names, _ = QFileDialog.getOpenFileNames(
            self.window, "Add documents", self.settings.last_open_dir or str(Path.home()),
            f"Documents ({patterns});;All files (*)",
        )  # fmt: skip
        if names:
            self._add_documents([Path(n) for n in names])

    def preferences(self) -> None:
        if edit_preferences(self.settings, self.home, self.window):
            self._preferences_applied()

    def shortcuts(self) -> None:
        self.shortcuts_dialog = HtmlDialog("Keyboard shortcuts", shortcuts_html(), self.window)
        self.shortcuts_dialog.show()  # non-modal: keep it open while working

    def about(self) -> None:
        HtmlDialog("About Briefing", about_html(), self.window).exec()
