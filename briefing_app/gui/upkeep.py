"""Keeping the library whole from the window: start-up check, repair, re-index.

At start the index is checked on the library thread: never built -> build it;
damaged -> say so in one line and rebuild it from the documents (progress in
the status bar); library files the index lacks (a killed indexing run, files
copied in by hand) -> index them. *Library › Re-index* checks every index file
and brings everything up to date. A read-only data folder is said once: the
window searches and reads, and what would write says why it cannot.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from briefing_app.gui.draft_session import DraftSession
from briefing_app.gui.host import WindowHost
from briefing_app.gui.indexing_status import IndexingStatus


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
    def __init__(
        self,
        host: WindowHost,
        session: DraftSession,
        indexing_status: IndexingStatus,
        refresh_library: Callable[[], None],
    ) -> None:
        super().__init__(host.window())
        self.host, self.service = host, host.service
        self.session, self.indexing_status = session, indexing_status
        self._refresh_library = refresh_library
        self.read_only = not host.home.writable()
        self.reindexAction = host.registry.add(
            "reindexAction", "&Re-index", self.reindex, menu="Library",
            tooltip="Check every index file and index what changed",
        )  # fmt: skip
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
            self._refresh_library()
            return
        if state == "damaged":
            self._damaged(detail)
            return
        if state == "unfinished":
            self._refresh_library()  # what is indexed is usable meanwhile
        message = (
            "Preparing the library…"
            if state == "empty"
            else f"Indexing {len(detail)} file(s) the library lacks…"
        )
        self._run(message)

    # -- repair and re-index ----------------------------------------------------------
    def _damaged(self, reason: str) -> None:
        if self.read_only:
            self.host.statusBar().showMessage(
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
            self.host.statusBar().showMessage(
                "Indexing is already running; try again when it ends.", 5000
            )
            return None
        self.indexing_status.label.setText(message)
        return task

    def _say_read_only(self) -> None:
        self.session.read_only = True
        if self.host.statusBar().findChild(QLabel, "readOnlyNotice") is not None:
            self.host.statusBar().showMessage("The data folder is read-only.", 5000)
            return
        note = QLabel(
            "Read-only data folder: searching and reading work; "
            "saving, autosave and indexing are off."
        )
        note.setObjectName("readOnlyNotice")
        note.setToolTip(str(self.host.home.root))
        self.host.statusBar().addPermanentWidget(note)
