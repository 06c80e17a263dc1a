"""Ties the search box, the facet list and the library service to one ``SearchState``.

The state is Qt-free (``core.session.search_state``); this adapter turns the
panels' signals into changes of that state and a search, and shows what the
service delivers. Neither panel reads the other: both read the state.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject

from briefing_app.core.models import DocumentMeta, SearchResult
from briefing_app.core.session.search_state import FacetCounts, SearchState
from briefing_app.gui.library_panel import LibraryPanel
from briefing_app.gui.library_service import LibraryService
from briefing_app.gui.search_panel import SearchPanel


class SearchController(QObject):
    def __init__(
        self,
        state: SearchState,
        service: LibraryService,
        search_panel: SearchPanel,
        library_panel: LibraryPanel,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.service = service
        self.search_panel = search_panel
        self.library_panel = library_panel
        search_panel.queryChanged.connect(self.search)
        search_panel.filtersCleared.connect(self.clear_filters)
        search_panel.currentHitChanged.connect(self._selected)
        library_panel.facetToggled.connect(self.toggle_filter)
        service.resultsReady.connect(self._show_result)
        service.moreReady.connect(self._show_more)
        search_panel.model.moreWanted.connect(service.fetch_more)
        service.searchFailed.connect(search_panel.show_error)
        service.facetsReady.connect(self._show_facets)
        search_panel.stopRequested.connect(service.stop_search)
        service.searchStopped.connect(self._stopped)

    # -- searching --------------------------------------------------------------------
    def search(self, text: str) -> None:
        self.state.query = text
        self.service.search(text, self.state.filters)
        if text.strip() or self.state.filters:  # (an empty query is answered at once)
            self.search_panel.searching(text)

    def toggle_filter(self, key: str, value: str) -> None:
        self.state.toggle_filter(key, value)
        self._filters_changed()

    def set_filters(self, filters: dict[str, str]) -> None:
        """Replace the filters (e.g. "passages citing X" from the reader) and search again."""
        self.state.set_filters(filters)
        self._filters_changed()

    def clear_filters(self) -> None:
        self.state.clear_filters()
        self._filters_changed()

    def show_citing(self, key: str) -> None:
        """The passages citing a reference (a link in the reader): filter on it alone."""
        self.search_panel.edit.clear()
        self.search_panel.timer.stop()
        # The index stores reference keys lowercased; so do the facet values.
        self.set_filters({"ref": key.lower()})

    def _filters_changed(self) -> None:
        self.library_panel.show_active()
        self.search_panel.show_filters(self.library_panel.filter_labels())
        self.search(self.search_panel.edit.text())

    # -- what comes back ---------------------------------------------------------------
    def library_loaded(self, documents: list[DocumentMeta], facets: FacetCounts) -> None:
        self.library_panel.set_documents(documents)
        self.state.library_facets = facets
        if not self.search_panel.edit.text().strip():
            self.library_panel.set_facets(facets)

    def _show_result(self, result: SearchResult) -> None:
        self.state.accept_result(result)
        self.search_panel.show_result(result)
        if self.state.idle and self.state.library_facets:
            self.library_panel.set_facets(self.state.library_facets)

    def _stopped(self, query: str) -> None:
        """Nothing is shown for a stopped search: the list must not act on older hits."""
        self.state.accept_result(SearchResult(query, 0, []))
        self.search_panel.show_stopped(query)

    def _show_more(self, result: SearchResult) -> None:
        """The rest of the page: appended to the list and to the state's result."""
        hits = self.search_panel.show_more(result)
        if self.state.result is not None and self.state.result.query == result.query:
            self.state.result = replace(self.state.result, hits=hits)

    def _show_facets(self, counts: FacetCounts) -> None:
        self.state.accept_facets(counts)
        self.library_panel.set_facets(counts)

    def _selected(self, hit: object) -> None:
        self.state.selection = self.search_panel.current_hit() if hit is not None else None
