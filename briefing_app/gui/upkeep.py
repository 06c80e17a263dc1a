"""Keeping the library whole from the window: start-up check, repair, re-index.

At start the index is checked on the library thread: never built -> build it;
damaged -> say so in one line and rebuild it from the documents (progress in
the status bar); library files the index lacks (a killed indexing run, files
copied in by hand) -> index them. *Library › Re-index* checks every index file
and brings everything up to date. A read-only data folder is said once: the
window searches and reads, and what would write says why it cannot.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

if TYPE_CHECKING:
    from briefing_app.gui.main_window import MainWindow


def startup_check(library: Any) -> tuple[str, Any]:
    """("empty" | "damaged" | "unfinished" | "ok", detail), computed off the GUI thread."""
    if not library.is_built():
        return "empty", None
    problem = library.health()
    if problem:
        return "damaged", problem.split(";")[0]
    todo = library.unfinished()
    return ("unfinished", todo) if todo else ("ok", None)


class LibraryUpkeep(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window, self.service = window, window.service
        self.read_only = not window.home.writable()
        self.reindexAction = QAction("&Re-index", window, objectName="reindexAction")
        self.reindexAction.setToolTip("Check every index file and index what changed")
        self.reindexAction.triggered.connect(lambda _checked=False: self.reindex())
        window.addAction(self.reindexAction)
        bar = window.menuBar()
        menus = {a.text().replace("&", ""): a for a in bar.actions()}
        menu = bar.addMenu("&Library")
        menu.setObjectName("libraryMenu")
        menu.addAction(self.reindexAction)
        before = menus.get("Tools") or menus.get("Help")  # File … View, Library, Tools, Help
        if before is not None:
            bar.insertMenu(before, menu)
        self.service.damaged.connect(self._damaged)
        if self.read_only:
            self._say_read_only()

    # -- start-up ------------------------------------------------------------------
    def start(self) -> None:
        task = self.service.call(startup_check)
        task.result.connect(self._checked)
        task.error.connect(lambda exc: self._damaged(str(exc).splitlines()[0]))

    def _checked(self, outcome: tuple[str, Any]) -> None:
        state, detail = outcome
        if state == "ok" or (self.read_only and state != "damaged"):
            self.window._refresh_library()
            return
        if state == "damaged":
            self._damaged(detail)
            return
        if state == "unfinished":
            self.window._refresh_library()  # what is indexed is usable meanwhile
        message = (
            "Preparing the library…"
            if state == "empty"
            else f"Indexing {len(detail)} file(s) the library lacks…"
        )
        self._run(message)

    # -- repair and re-index ----------------------------------------------------------
    def _damaged(self, reason: str) -> None:
        if self.read_only:
            self.window.statusBar().showMessage(
                f"The index is damaged ({reason}) and the data folder is read-only: "
                "it cannot be repaired here.",
            )
            return
        self._run(f"The index was damaged ({reason}); repairing it…", repair=True)

    def reindex(self) -> Any:
        """*Library › Re-index*: check every index file, then index what changed."""
        if self.read_only:
            self._say_read_only()
            return None
        return self._run("Re-indexing the library…", repair=True)

    def _run(self, message: str, *, repair: bool = False) -> Any:
        if self.read_only:
            self._say_read_only()
            return None
        task = self.service.index(repair=repair)
        if task is None:
            self.window.statusBar().showMessage(
                "Indexing is already running; try again when it ends.", 5000
            )
            return None
        self.window.indexing_status.label.setText(message)
        return task

    def _say_read_only(self) -> None:
        note = QLabel(
            "Read-only data folder: searching and reading work; "
            "saving, autosave and indexing are off."
        )
        note.setObjectName("readOnlyNotice")
        note.setToolTip(str(self.window.home.root))
        self.window.statusBar().addPermanentWidget(note)
        self.window.session.read_only = True
