"""The Qt-free session models: what the window shows is decided here."""

from __future__ import annotations

from briefing_app.core.models import Hit, SearchResult
from briefing_app.core.session.draft_document import DraftDocument
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


DRAFT = "---\ntitle: Statement\nslot_minutes: 1\n---\n\n# One\n\nMr. Chair, thank you.\n\n## Two\n"


def test_the_draft_is_parsed_once_per_change() -> None:
    document = DraftDocument(DRAFT)
    parsed = document.parsed
    assert parsed.front.title == "Statement" and parsed.front.slot_minutes == 1.0
    assert parsed.body.startswith("# One")
    assert [(h.level, h.title) for h in parsed.headings] == [(1, "One"), (2, "Two")]
    lines = DRAFT.splitlines()
    assert [lines[h.line] for h in parsed.headings] == ["# One", "## Two"]
    assert parsed.speaking_time(110).words == 6  # headings are spoken, front matter is not
    assert not document.set_text(DRAFT) and document.parsed is parsed
    assert document.set_text(DRAFT + "More.\n") and document.revision == 1


def test_text_without_front_matter_is_all_body() -> None:
    parsed = DraftDocument("# Only\n```\n# not a heading\n```\n").parsed
    assert not parsed.front and parsed.body_line == 0
    assert [h.title for h in parsed.headings] == ["Only"]


def test_segment_kinds_keep_their_contract_spelling_and_have_one_label_each() -> None:
    import json

    from briefing_app.core.citation import pinpoint, spoken_pinpoint, unit_label
    from briefing_app.core.models import KIND_LABELS, SegmentKind

    assert [k.value for k in SegmentKind] == [
        "preambular", "operative", "article", "recommendation", "paragraph", "slide", "table",
        "passage",
    ]  # fmt: skip
    assert set(KIND_LABELS) == set(SegmentKind)
    assert json.dumps({"kind": SegmentKind.OPERATIVE}) == '{"kind": "operative"}'
    assert unit_label(SegmentKind.OPERATIVE, "18") == "OP 18"
    assert pinpoint("operative", "18") == "para. 18"
    assert spoken_pinpoint("paragraph", "3") == "paragraph 3"
    assert unit_label("annex", "2") == "Annex 2"  # a kind without an entry names itself
