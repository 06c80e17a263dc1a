"""What the user is searching for and what came back: query, filters, facets, selection.

The window used to keep this in widgets (a public filter dict on the library
panel, facet caches read through ``getattr``); here it is one plain object the
library panel, the search panel and the window all read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing_app.core.models import Hit, SearchResult

FacetCounts = dict[str, dict[str, int]]


@dataclass
class SearchState:
    query: str = ""
    filters: dict[str, str] = field(default_factory=dict)
    result: SearchResult | None = None
    facets: FacetCounts = field(default_factory=dict)  # counts for the current query
    library_facets: FacetCounts | None = None  # counts over the whole library
    selection: Hit | None = None

    @property
    def idle(self) -> bool:
        """No query and no filter: the library's own facet counts apply."""
        return not self.query.strip() and not self.filters

    # -- filters --------------------------------------------------------------------
    def toggle_filter(self, key: str, value: str) -> None:
        """A facet click: filter on ``key`` = ``value``, or drop that filter when it is set."""
        if self.filters.get(key) == value:
            del self.filters[key]
        else:
            self.filters[key] = value

    def set_filters(self, filters: dict[str, str]) -> None:
        self.filters = dict(filters)

    def clear_filters(self) -> None:
        self.filters = {}

    # -- results --------------------------------------------------------------------
    def accept_result(self, result: SearchResult) -> None:
        self.result = result
        self.selection = result.hits[0] if result.hits else None

    def accept_facets(self, counts: FacetCounts) -> None:
        self.facets = counts

    def shown_facets(self) -> FacetCounts | None:
        """The counts the facet list shows now; None when it should keep what it has."""
        if self.idle:
            return self.library_facets
        return self.facets or None

    def hits(self) -> list[Hit]:
        return list(self.result.hits) if self.result else []
