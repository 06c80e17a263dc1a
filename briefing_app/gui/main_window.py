"""The main window: an assembler of panels, session models and commands.

Layout: library and basket/outline on the left, search results above the
reader in the middle, the draft above its preview on the right. The state of
the session lives in Qt-free models (``SearchState``; the draft in the
editor's document); small controllers tie them to the panels. Extra panels
install themselves through ``add_panel`` and the action ``registry`` (see
``host.WindowHost``), never by setting attributes on the window.
"""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.models import DocumentMeta
from briefing_app.core.paths import DataHome
from briefing_app.core.session.search_state import FacetCounts, SearchState
from briefing_app.core.session.settings import Settings
from briefing_app.gui import style
from briefing_app.gui.actions import ActionRegistry
from briefing_app.gui.app_commands import AppCommands
from briefing_app.gui.basket import BasketPanel
from briefing_app.gui.compare_dialog import install_compare
from briefing_app.gui.draft_model import DraftModel
from briefing_app.gui.draft_session import DraftSession
from briefing_app.gui.editor import DraftEditor
from briefing_app.gui.export_command import ExportCommand
from briefing_app.gui.indexing_status import IndexingStatus
from briefing_app.gui.library_panel import LibraryPanel
from briefing_app.gui.library_service import LibraryService
from briefing_app.gui.outline import OutlineView
from briefing_app.gui.passages import PassageRouter
from briefing_app.gui.precedents_panel import install_precedents
from briefing_app.gui.preview import PreviewView
from briefing_app.gui.properties_dialog import install_document_properties
from briefing_app.gui.reader_panel import ReaderPanel
from briefing_app.gui.reading import ReaderRouter
from briefing_app.gui.recovery_bar import RecoveryBar
from briefing_app.gui.search_controller import SearchController
from briefing_app.gui.search_panel import SearchPanel
from briefing_app.gui.speaker_bar import SpeakerBar, refill_if_untouched
from briefing_app.gui.speaking_label import SpeakingTimeLabel
from briefing_app.gui.tasks import ProcessTask
from briefing_app.gui.upkeep import LibraryUpkeep
from briefing_app.gui.window_actions import register_window_actions

if TYPE_CHECKING:
    from briefing_app.core.library import Library

LAYOUT_VERSION = 1


class MainWindow(QMainWindow):
    def __init__(
        self, home: str | os.PathLike[str] | None = None, library: Library | None = None
    ) -> None:
        super().__init__()
        self.home = DataHome.resolve(home)
        with suppress(OSError):  # a read-only data folder still opens (upkeep says so)
            self.home.ensure()
        self.settings = Settings.load(self.home.settings_file)
        self.service = LibraryService(self.home, library, self)
        self.search_state = SearchState()
        self.setWindowIcon(style.app_icon())
        self.setObjectName("mainWindow")
        self.docks: dict[str, QDockWidget] = {}
        self.registry = ActionRegistry(self)
        self._build_widgets()
        self._build_controllers()
        self._build_layout()
        self.recent_menu = register_window_actions(self)
        self.precedents_panel = install_precedents(self)  # Edit › Find precedents, its dock
        self.compare_versions = install_compare(self)  # Tools › Compare versions…
        self.document_properties = install_document_properties(
            self, self.library_panel, self.reader.view
        )  # Library › Document properties…, and the library's context menu
        self.upkeep = LibraryUpkeep(
            self, self.session, self.indexing_status, self._refresh_library
        )  # start-up check, repair, Library › Re-index
        self._connect()
        self._restore_layout()
        self._start_draft()
        QTimer.singleShot(0, self._after_start)

    # -- construction ----------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.search_panel = SearchPanel(self)
        self.search_panel.set_history(self.settings.search_history)
        self.reader = ReaderPanel(self)
        self.basket = BasketPanel(self)
        self.basket.keep_in(self.home.basket_file)
        self.library_panel = LibraryPanel(self.search_state, self)
        self.editor = DraftEditor(self)
        self.draft = DraftModel(self.editor, self)
        self.preview = PreviewView(self.draft, self)
        self.outline = OutlineView(self.draft, self.editor, self)
        self.recovery_bar = RecoveryBar(self)
        self.speaker_bar = SpeakerBar(self.settings, self)
        self.session = DraftSession(self.editor, self.home, self.settings, self, self.draft)
        self.speaking_label = SpeakingTimeLabel(
            self.draft, self.editor, self.settings.words_per_minute, self
        )
        self.indexing_status = IndexingStatus(self)
        self.statusBar().addWidget(self.indexing_status)
        self.statusBar().addPermanentWidget(self.speaking_label)

    def _build_controllers(self) -> None:
        self.searching = SearchController(
            self.search_state, self.service, self.search_panel, self.library_panel, self
        )
        self.reading = ReaderRouter(self.service, self.reader, self)
        self.passages = PassageRouter(
            self.search_panel, self.reader.view, self.basket, self.editor,
            lambda: self.docks["Basket"].raise_(), self,
        )  # fmt: skip
        self.exporter = ExportCommand(
            lambda: self.draft.current().text,
            lambda: self.session.path,
            self.settings,
            self.home,
            self,
        )
        self.commands = AppCommands(
            self, self.settings, self.home, self.open_draft, self.add_documents,
            lambda: self.speaking_label.set_wpm(self.settings.words_per_minute),
        )  # fmt: skip

    def _build_layout(self) -> None:
        self.search_split = QSplitter(Qt.Orientation.Vertical, objectName="searchSplit")
        self.search_split.addWidget(self.search_panel)
        self.search_split.addWidget(self.reader)
        self.search_split.setSizes([420, 380])
        self.draft_split = QSplitter(Qt.Orientation.Vertical, objectName="draftSplit")
        self.draft_split.addWidget(self.editor)
        self.draft_split.addWidget(self.preview)
        self.draft_split.setSizes([480, 320])
        draft = QWidget()
        draft_layout = QVBoxLayout(draft)
        draft_layout.setContentsMargins(0, 0, 0, 0)
        draft_layout.setSpacing(0)
        draft_layout.addWidget(self.recovery_bar)
        draft_layout.addWidget(self.speaker_bar)
        draft_layout.addWidget(self.draft_split, 1)
        self.main_split = QSplitter(Qt.Orientation.Horizontal, objectName="mainSplit")
        self.main_split.addWidget(self.search_split)
        self.main_split.addWidget(draft)
        self.main_split.setSizes([560, 560])
        self.setCentralWidget(self.main_split)
        self.add_panel("Library", self.library_panel, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.add_panel("Basket", self.basket, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.add_panel("Outline", self.outline, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.tabifyDockWidget(self.docks["Basket"], self.docks["Outline"])
        self.docks["Basket"].raise_()
        self.resize(1440, 900)

    def add_panel(
        self,
        name: str,
        widget: QWidget,
        area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
    ) -> QDockWidget:
        """Dock a panel (e.g. "Precedents"); its toggle heads the View menu's panel list."""
        if name in self.docks:
            raise ValueError(f"a panel named {name!r} exists already")
        dock = QDockWidget(name, self)
        dock.setObjectName(f"{name.replace(' ', '')}Dock")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.docks[name] = dock
        view = self.registry.menus["View"]
        end = next((a for a in view.actions() if a.isSeparator()), None)
        view.insertAction(end, dock.toggleViewAction())  # type: ignore[arg-type]
        return dock

    def show_message(self, text: str, ms: int = 4000) -> None:
        self.statusBar().showMessage(text, ms)

    # -- actions tests and menus name -------------------------------------------------
    def _action(self, name: str) -> QAction:
        return self.registry[name]

    @property
    def insertAction(self) -> QAction:
        return self._action("insertAction")

    @property
    def citationOnlyAction(self) -> QAction:
        return self._action("citationOnlyAction")

    @property
    def exportAction(self) -> QAction:
        return self._action("exportAction")

    @property
    def findPrecedentsAction(self) -> QAction:
        return self._action("findPrecedentsAction")

    @property
    def library(self) -> Library:
        """The core ``Library`` (created on first use)."""
        return self.service.library

    def _connect(self) -> None:
        panel, service = self.search_panel, self.service
        panel.edit.returnPressed.connect(self._remember_query)
        panel.currentHitChanged.connect(self.reading.show_hit)
        panel.edit.textEdited.connect(lambda _text: self.reading.typing())
        panel.hitActivated.connect(self._hit_activated)
        service.indexStarted.connect(lambda task: self.indexing_status.track(task))
        service.libraryChanged.connect(self._library_changed)
        self.library_panel.documentActivated.connect(self.open_document)
        self.library_panel.filesDropped.connect(self.add_documents)
        self.reader.view.referenceClicked.connect(self.searching.show_citing)
        self.passages.message.connect(self.show_message)
        self.passages.used.connect(self._remember_query)
        self.exporter.exported.connect(lambda out: self.show_message(f"Exported to {out}", 6000))
        self.exporter.failed.connect(self.exporter.report_failure)
        self.session.pathChanged.connect(lambda _p: self._update_title())
        self.session.recoveryAvailable.connect(self.recovery_bar.offer)
        self.recovery_bar.recoverRequested.connect(self.session.recover)
        self.session.valuesWanted.connect(self.speaker_bar.ask)
        self.session.pathChanged.connect(lambda _p: self.speaker_bar.setVisible(False))
        self.speaker_bar.applied.connect(
            refill_if_untouched(lambda: self.session.modified, self.session.new_draft)
        )
        self.recovery_bar.discardRequested.connect(self.session.discard_recovery)
        self.editor.document().modificationChanged.connect(self.setWindowModified)

    def _start_draft(self) -> None:
        recent = [Path(p) for p in self.settings.recent_drafts if Path(p).is_file()]
        if not (recent and self.session.open_path(recent[0])):
            self.session.new_draft()
        self._update_title()
        self.speaking_label.refresh()
        # The preview imports python-markdown: render it after the first paint.
        QTimer.singleShot(0, self.preview.render_now)
        QTimer.singleShot(0, self.outline.refresh)

    def _after_start(self) -> None:
        self.session.check_recovery()
        self.upkeep.start()

    def _refresh_library(self) -> None:
        task = self.service.call(lambda lib: (lib.documents(), lib.facets()))
        task.result.connect(self._library_loaded)

    def _library_loaded(self, pair: tuple[list[DocumentMeta], FacetCounts]) -> None:
        self.searching.library_loaded(*pair)

    def _library_changed(self) -> None:
        self.reading.forget()
        self._refresh_library()
        self.service.rerun()

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.session.display_name()}[*] — Briefing")
        self.setWindowModified(self.session.modified)

    # -- commands (menus, tests and the smoke test call these) -----------------------
    def search(self, text: str) -> None:
        self.searching.search(text)

    def open_document(self, doc_id: str) -> None:
        self.reading.open_document(doc_id)

    def insert_current(self, citation_only: bool = False) -> None:
        self.passages.insert_current(citation_only)

    def add_to_basket(self) -> None:
        self.passages.add_to_basket()

    def open_draft(self, path: Path) -> bool:
        return self.session.maybe_save() and self.session.open_path(path)

    def export_docx(self, path: Path | str) -> Path:
        """Export the current draft to Word without a dialog (the menu uses a worker)."""
        return self.exporter.export_docx(path)

    def add_documents(self, files: list[Path]) -> ProcessTask | None:
        """Copy ``files`` into the library and index them in a child process."""
        if self.service.is_indexing():
            self.show_message("Indexing is already running; try again when it ends.", 5000)
            return None
        task = self.service.index(files)
        if task is not None:
            self.indexing_status.label.setText(f"Adding {len(files)} document(s)…")
        return task

    def toggle_preview(self) -> None:
        self.preview.setVisible(not self.preview.isVisible())

    def _remember_query(self) -> None:
        self.settings.add_search(self.search_panel.edit.text())
        self.search_panel.set_history(self.settings.search_history)
        self.settings.save()

    def _hit_activated(self, hit: object) -> None:
        if hit is not None:
            self._remember_query()
            self.reader.view.setFocus()

    # -- closing -----------------------------------------------------------------------
    def _qsettings(self) -> QSettings:
        return QSettings(str(self.home.root / "window.ini"), QSettings.Format.IniFormat)

    def _restore_layout(self) -> None:
        qs = self._qsettings()
        if qs.value("geometry") is not None:
            self.restoreGeometry(qs.value("geometry"))
        if qs.value("layout_version") == str(LAYOUT_VERSION) and qs.value("state") is not None:
            self.restoreState(qs.value("state"), LAYOUT_VERSION)
        for splitter in (self.main_split, self.search_split, self.draft_split):
            state = qs.value(f"splitters/{splitter.objectName()}")
            if state is not None:
                splitter.restoreState(state)

    def save_layout(self) -> None:
        qs = self._qsettings()
        qs.setValue("geometry", self.saveGeometry())
        qs.setValue("state", self.saveState(LAYOUT_VERSION))
        qs.setValue("layout_version", str(LAYOUT_VERSION))
        for splitter in (self.main_split, self.search_split, self.draft_split):
            qs.setValue(f"splitters/{splitter.objectName()}", splitter.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.session.maybe_save():
            event.ignore()
            return
        self.session.close_cleanly()
        with suppress(OSError):  # a read-only or full disk must not keep the window open
            self.save_layout()
            self.settings.save()
        self.service.close()
        event.accept()
