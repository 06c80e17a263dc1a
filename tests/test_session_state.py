"""The Qt-free session models: what the window shows is decided here."""

from __future__ import annotations

from briefing_app.core.models import Hit, SearchResult
from briefing_app.core.session.search_state import SearchState


def hit(n: int) -> Hit:
    return Hit("doc", "Doc", f"doc#paragraph-{n}", "paragraph", str(n), "", "cite", "t", "t", 1.0)


def test_a_facet_click_toggles_its_filter() -> None:
    state = SearchState()
    state.toggle_filter("kind", "recommendation")
    assert state.filters == {"kind": "recommendation"} and not state.idle
    state.toggle_filter("kind", "paragraph")  # another value of the same facet replaces it
    assert state.filters == {"kind": "paragraph"}
    state.toggle_filter("kind", "paragraph")
    assert state.filters == {} and state.idle


def test_idle_state_shows_the_library_counts_and_a_query_its_own() -> None:
    state = SearchState(library_facets={"kind": {"paragraph": 9}})
    assert state.shown_facets() == {"kind": {"paragraph": 9}}
    state.query = "darknet"
    assert state.shown_facets() is None  # nothing counted yet: keep what is shown
    state.accept_facets({"kind": {"paragraph": 2}})
    assert state.shown_facets() == {"kind": {"paragraph": 2}}


def test_a_result_selects_its_first_hit() -> None:
    state = SearchState(query="x")
    state.accept_result(SearchResult("x", 2, [hit(1), hit(2)]))
    assert state.selection is not None and state.selection.number == "1"
    assert [h.number for h in state.hits()] == ["1", "2"]
    state.accept_result(SearchResult("x", 0, []))
    assert state.selection is None and state.hits() == []
