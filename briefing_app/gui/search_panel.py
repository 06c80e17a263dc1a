"""The search box, "did you mean", active filters and the list of hits."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QModelIndex, QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QProgressBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.models import Hit, SearchResult
from briefing_app.gui.results_delegate import HitDelegate
from briefing_app.gui.results_model import ResultsModel

#: No waiting after a keystroke: the service runs only the newest query when its
#: thread frees up (earlier ones are skipped), so a delay here would only add to
#: every keystroke. The zero timer still folds edits of one event-loop turn (a paste).
DEBOUNCE_MS = 0
#: A search still unanswered after this long shows the busy bar and Stop (a quick
#: search never flashes them).
BUSY_AFTER_MS = 300
PLACEHOLDER = 'Search agreed language — e.g. darknet, SALW marking, "tracing", kind:recommendation'


class SearchPanel(QWidget):
    queryChanged = Signal(str)  # debounced: the text to search for
    currentHitChanged = Signal(object)  # Hit | None
    hitActivated = Signal(object)  # Hit (Enter or double-click)
    filtersCleared = Signal()
    stopRequested = Signal()  # Stop, or Esc in the search box, while a search runs

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(objectName="searchEdit")
        self.edit.setPlaceholderText(PLACEHOLDER)
        self.edit.setClearButtonEnabled(True)
        self.history = QStringListModel(self)
        # History opens on request (button, Down arrow), never by itself while
        # typing: a pop-up that appears at each key hides the first results.
        self.completer = QCompleter(self.history, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setWidget(self.edit)
        self.completer.activated[str].connect(self.search_for)
        self.edit.installEventFilter(self)
        self.history_button = QToolButton(text="History", objectName="historyButton")
        self.history_button.setToolTip("Recent searches (Down arrow in the search box)")
        self.history_button.clicked.connect(self.show_history)

        self.suggestion = QLabel(objectName="didYouMean")
        self.suggestion.setVisible(False)
        self.suggestion.linkActivated.connect(self._accept_suggestion)
        self.partial_label = QLabel(objectName="partialNotice")
        self.partial_label.setWordWrap(True)
        self.partial_label.setVisible(False)
        self.filters_label = QLabel(objectName="activeFilters")
        self.filters_label.setVisible(False)
        self.filters_label.linkActivated.connect(lambda _link: self.filtersCleared.emit())
        self.count = QLabel(objectName="resultCount")
        self.count.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy = QProgressBar(objectName="searchBusy", textVisible=False)
        self.busy.setRange(0, 0)  # no end known: the bar just moves
        self.busy.setMaximumSize(90, 12)
        self.stop_button = QToolButton(text="Stop", objectName="stopSearch")
        self.stop_button.setToolTip("Stop this search (Esc in the search box)")
        self.stop_button.clicked.connect(self.stopRequested)
        self._searching: str | None = None  # the query waited for, while a search runs
        self._busy_timer = QTimer(self, singleShot=True, interval=BUSY_AFTER_MS)
        self._busy_timer.timeout.connect(self._show_busy)
        self._set_busy_visible(False)

        self.model = ResultsModel(self)
        self.view = QListView(objectName="resultsView")
        self.view.setModel(self.model)
        self.view.setItemDelegate(HitDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.view.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setAlternatingRowColors(True)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.activated.connect(
            lambda index: self.hitActivated.emit(self.model.hit(index.row()))
        )

        self.timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.timer.timeout.connect(lambda: self.queryChanged.emit(self.edit.text()))
        self.edit.textEdited.connect(lambda _text: self.timer.start())
        self.edit.returnPressed.connect(self._return_pressed)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.edit, 1)
        top.addWidget(self.history_button)
        status = QHBoxLayout()
        status.setContentsMargins(2, 0, 2, 0)
        status.addWidget(self.count)
        status.addWidget(self.busy)
        status.addWidget(self.stop_button)
        status.addStretch(1)
        status.addWidget(self.filters_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.suggestion)
        layout.addWidget(self.partial_label)
        layout.addLayout(status)
        layout.addWidget(self.view, 1)

    # -- results ---------------------------------------------------------------
    def show_result(self, result: SearchResult) -> None:
        self._idle()
        self.model.set_hits(result.hits)
        self.model.more_available = len(result.hits) < result.total
        self._show_count(result)
        if result.corrected and result.corrected != result.query:
            link = html.escape(result.corrected)
            self.suggestion.setText(f'Did you mean: <a href="{link}"><b>{link}</b></a>?')
            self.suggestion.setVisible(True)
        else:
            self.suggestion.setVisible(False)
        self._show_partial(result)
        if result.hits:
            self.view.setCurrentIndex(self.model.index(0))
        else:
            self.currentHitChanged.emit(None)

    def show_more(self, result: SearchResult) -> list[Hit]:
        """The rest of the page (same query): new hits go at the end; returns all shown."""
        seen = {h.segment_id for h in self.model.hits()}
        self.model.append_hits([h for h in result.hits if h.segment_id not in seen])
        hits = self.model.hits()
        self._show_count(result, len(hits))
        return hits

    def _show_count(self, result: SearchResult, shown: int | None = None) -> None:
        if not result.query.strip():
            self.count.setText("")
        elif result.total == 0:
            self.count.setText("No results")
        else:
            shown = len(result.hits) if shown is None else shown
            more = f" (showing {shown})" if shown < result.total else ""
            self.count.setText(f"{result.total} result{'s' if result.total != 1 else ''}{more}")

    def _show_partial(self, result: SearchResult) -> None:
        """Say so when the hits have most, not all, of the words."""
        partial = bool(getattr(result, "partial", False) and result.hits)
        if partial:
            words = html.escape(result.query)
            lacking = ", ".join(html.escape(w) for w in result.dropped)
            without = f" (some lack: {lacking})" if lacking else ""
            self.partial_label.setText(
                f"No passage has all of <b>{words}</b>; showing those with most of them{without}"
            )
        self.partial_label.setVisible(partial)

    def show_error(self, message: str) -> None:
        self._idle()
        self.count.setText(message)

    # -- a search under way ------------------------------------------------------
    def searching(self, query: str) -> None:
        """A search was asked for: if its answer is slow, say so and offer Stop."""
        self._searching = query
        if not self.busy.isVisible():
            self._busy_timer.start()
        else:
            self._show_busy()  # the next query, still busy: name it

    def is_searching(self) -> bool:
        return self._searching is not None

    def show_stopped(self, query: str) -> None:
        """The user stopped the search: no stale hits, and how to search again."""
        self._idle()
        self.model.set_hits([])
        self.model.more_available = False
        self.suggestion.setVisible(False)
        self.partial_label.setVisible(False)
        self.count.setText(
            f"Search stopped: “{query}”. Press Enter in the search box to run it again."
        )
        self.currentHitChanged.emit(None)

    def _show_busy(self) -> None:
        if self._searching is None:
            return
        self.count.setText(f"Searching for “{self._searching}”… (Esc or Stop to stop)")
        self._set_busy_visible(True)

    def _idle(self) -> None:
        self._searching = None
        self._busy_timer.stop()
        self._set_busy_visible(False)

    def _set_busy_visible(self, visible: bool) -> None:
        self.busy.setVisible(visible)
        self.stop_button.setVisible(visible)

    def show_filters(self, filters: dict[str, str]) -> None:
        """Show the active filters (names and values as they should read)."""
        if not filters:
            self.filters_label.setVisible(False)
            return
        parts = ", ".join(f"{html.escape(k)}: {html.escape(v)}" for k, v in filters.items())
        self.filters_label.setText(f'Filtered by {parts} · <a href="clear">clear</a>')
        self.filters_label.setVisible(True)

    def current_hit(self) -> Hit | None:
        return self.model.hit(self.view.currentIndex().row())

    def selected_hits(self) -> list[Hit]:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        hits = [h for h in (self.model.hit(r) for r in rows) if h is not None]
        current = self.current_hit()
        return hits or ([current] if current else [])

    # -- history ---------------------------------------------------------------
    def set_history(self, queries: list[str]) -> None:
        self.history.setStringList(queries)

    def show_history(self) -> None:
        self.edit.setFocus()
        self.completer.setCompletionPrefix("")
        self.completer.complete()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down arrow in the search box opens the history; Esc stops a search."""
        if (
            watched is self.edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
        ):
            if event.key() == Qt.Key.Key_Down and self.history.rowCount():
                self.show_history()
                return True
            if event.key() == Qt.Key.Key_Escape and self.is_searching():
                self.stopRequested.emit()
                return True
        return super().eventFilter(watched, event)

    def focus_search(self) -> None:
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def _accept_suggestion(self, text: str) -> None:
        self.edit.setText(text)
        self.timer.stop()
        self.queryChanged.emit(text)

    def _return_pressed(self) -> None:
        self.timer.stop()
        self.queryChanged.emit(self.edit.text())
        hit = self.current_hit()
        if hit is not None:
            self.view.setFocus()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.currentHitChanged.emit(self.model.hit(current.row()))

    def search_for(self, text: str) -> None:
        """Set the query and search now (menus, history, screenshots)."""
        self.edit.setText(text)
        self.timer.stop()
        self.queryChanged.emit(text)
