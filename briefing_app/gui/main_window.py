"""The main window: assembles the panels and routes passages between them.

Layout: library and basket/outline on the left, search results above the
reader in the middle, the draft above its preview on the right. Extra panels
(e.g. precedents) go in through ``add_panel``.
"""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter, QVBoxLayout, QWidget

from briefing_app.core.drafts.insert import Passage
from briefing_app.core.models import DocumentMeta, Hit, SearchResult, Segment
from briefing_app.core.paths import DataHome
from briefing_app.gui import style
from briefing_app.gui.basket import BasketPanel
from briefing_app.gui.draft_session import DraftSession
from briefing_app.gui.editor import DraftEditor
from briefing_app.gui.indexing_status import IndexingStatus
from briefing_app.gui.library_panel import LibraryPanel
from briefing_app.gui.library_service import LibraryService
from briefing_app.gui.outline import OutlineView
from briefing_app.gui.preview import PreviewView
from briefing_app.gui.reader import ReaderPanel, marked_words
from briefing_app.gui.recovery_bar import RecoveryBar
from briefing_app.gui.search_panel import SearchPanel
from briefing_app.gui.settings import Settings
from briefing_app.gui.speaking_label import SpeakingTimeLabel
from briefing_app.gui.window_commands import WindowCommands

LAYOUT_VERSION = 1
READER_DELAY_MS = 60


class MainWindow(QMainWindow, WindowCommands):
    def __init__(self, home: str | os.PathLike[str] | None = None, library: Any = None) -> None:
        super().__init__()
        self.home = DataHome.resolve(home)
        with suppress(OSError):  # a read-only data folder still opens (upkeep says so)
            self.home.ensure()
        self.settings = Settings.load(self.home.settings_file)
        self.service = LibraryService(self.home, library, self)
        self.current_passage: Passage | None = None
        self._docs: dict[str, tuple[DocumentMeta | None, list[Segment]]] = {}
        self._reader_hit: Hit | None = None
        self._reader_key: tuple[str, tuple[str, ...]] | None = None
        self.setWindowIcon(style.app_icon())
        self.setObjectName("mainWindow")
        self.docks: dict[str, QDockWidget] = {}
        self._reader_timer = QTimer(self, singleShot=True, interval=READER_DELAY_MS)
        self._reader_timer.timeout.connect(self._update_reader)
        self._build_widgets()
        self._build_layout()
        from briefing_app.gui.actions import build_menus

        build_menus(self)
        from briefing_app.gui.precedents_panel import install_precedents

        install_precedents(self)  # Edit › Find precedents, and its dock
        from briefing_app.gui.compare_dialog import install_compare

        self.compare_versions = install_compare(self)  # Tools › Compare versions…
        from briefing_app.gui.upkeep import LibraryUpkeep

        self.upkeep = LibraryUpkeep(self)  # start-up check, repair, Library › Re-index
        from briefing_app.gui.properties_dialog import install_document_properties

        self.document_properties = install_document_properties(self)  # Library menu, library view
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
        self.library_panel = LibraryPanel(self)
        self.editor = DraftEditor(self)
        self.preview = PreviewView(self.editor, self)
        self.outline = OutlineView(self.editor, self)
        self.recovery_bar = RecoveryBar(self)
        self.session = DraftSession(self.editor, self.home, self.settings, self)
        self.speaking_label = SpeakingTimeLabel(self.editor, self.settings.words_per_minute, self)
        self.indexing_status = IndexingStatus(self)
        self.statusBar().addWidget(self.indexing_status)
        self.statusBar().addPermanentWidget(self.speaking_label)

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
        """Dock an extra panel (e.g. "Precedents"); it gets a View menu toggle."""
        dock = QDockWidget(name, self)
        dock.setObjectName(f"{name.replace(' ', '')}Dock")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        if name in self.docks:
            raise ValueError(f"a panel named {name!r} exists already")
        self.docks[name] = dock
        if hasattr(self, "viewMenu"):
            self.viewMenu.insertAction(self.viewMenu.actions()[0], dock.toggleViewAction())
        return dock

    @property
    def library(self) -> Any:
        """The core ``Library`` (created on first use)."""
        return self.service.library

    def _connect(self) -> None:
        panel, service = self.search_panel, self.service
        panel.queryChanged.connect(self.search)
        panel.edit.returnPressed.connect(self._remember_query)
        panel.currentHitChanged.connect(self._hit_selected)
        panel.hitActivated.connect(self._hit_activated)
        panel.filtersCleared.connect(self.library_panel.clear_filters)
        service.resultsReady.connect(self._show_result)
        service.searchFailed.connect(panel.show_error)
        service.facetsReady.connect(self.library_panel.set_facets)
        service.indexStarted.connect(lambda task: self.indexing_status.track(task))
        service.libraryChanged.connect(self._library_changed)
        self.library_panel.filtersChanged.connect(self._filters_changed)
        self.library_panel.documentActivated.connect(self.open_document)
        self.library_panel.filesDropped.connect(self.add_documents)
        self.reader.view.segmentClicked.connect(self._segment_clicked)
        self.reader.view.referenceClicked.connect(self.show_citing)
        self.basket.insertRequested.connect(self.editor.insert_passages)
        self.session.pathChanged.connect(lambda _p: self._update_title())
        self.session.recoveryAvailable.connect(self.recovery_bar.offer)
        self.recovery_bar.recoverRequested.connect(self.session.recover)
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

    def _library_loaded(self, pair: tuple[list[DocumentMeta], dict[str, dict[str, int]]]) -> None:
        documents, facets = pair
        self.library_panel.set_documents(documents)
        self._library_facets = facets
        if not self.search_panel.edit.text().strip():
            self.library_panel.set_facets(facets)

    def _library_changed(self) -> None:
        self._docs.clear()
        self._reader_key = None
        self._refresh_library()
        self.service.rerun()

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.session.display_name()}[*] — Briefing")
        self.setWindowModified(self.session.modified)

    # -- search and reading ------------------------------------------------------------
    def search(self, text: str) -> None:
        self.service.search(text, self.library_panel.filters)

    def _filters_changed(self, _filters: dict[str, str]) -> None:
        self.search_panel.show_filters(self.library_panel.filter_labels())
        self.search(self.search_panel.edit.text())

    def show_citing(self, key: str) -> None:
        """The passages citing a reference (a link in the reader): filter on it alone."""
        self.search_panel.edit.clear()
        self.search_panel.timer.stop()
        # The index stores reference keys lowercased; so do the facet values.
        self.library_panel.set_filters({"ref": key.lower()})

    def _remember_query(self) -> None:
        self.settings.add_search(self.search_panel.edit.text())
        self.search_panel.set_history(self.settings.search_history)
        self.settings.save()

    def _show_result(self, result: SearchResult) -> None:
        self.search_panel.show_result(result)
        if not (result.query.strip() or self.library_panel.filters) and getattr(
            self, "_library_facets", None
        ):
            self.library_panel.set_facets(self._library_facets)

    def _hit_selected(self, hit: Hit | None) -> None:
        if hit is None:
            return
        self.current_passage = Passage.from_hit(hit)
        self._reader_hit = hit
        self._reader_timer.start()  # typing moves the selection often: read when it settles

    def _update_reader(self) -> None:
        hit = self._reader_hit
        if hit is None:
            return
        words = marked_words(hit.snippet)
        key = (hit.segment_id, tuple(words))
        if key != self._reader_key:
            self._reader_key = key
            self._show_in_reader(hit.doc_id, hit.segment_id, words)

    def _hit_activated(self, hit: Hit | None) -> None:
        if hit is not None:
            self._remember_query()
            self.reader.view.setFocus()

    def open_document(self, doc_id: str) -> None:
        self._reader_key = None
        self._show_in_reader(doc_id, None, [])

    def _show_in_reader(self, doc_id: str, segment_id: str | None, words: list[str]) -> None:
        cached = self._docs.get(doc_id)
        if cached is not None:
            self.reader.show_document(cached[0], cached[1], segment_id, words)
            return

        def loaded(meta: DocumentMeta | None, segments: list[Segment]) -> None:
            self._docs[doc_id] = (meta, segments)
            hit = self._reader_hit
            if segment_id is None or (hit is not None and hit.segment_id == segment_id):
                self.reader.show_document(meta, segments, segment_id, words)

        self.service.load_document(doc_id, loaded)

    def _segment_clicked(self, _segment: Segment) -> None:
        passage = self.reader.view.focus_passage()
        if passage is not None:
            self.current_passage = passage

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
