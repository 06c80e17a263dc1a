"""Search over the bundled corpus: query language, thesaurus, filters, facets, snippets."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.library import Library

WG = "wg-firearms-2021-report"
SEESMAA = "cted-seesmaa-remarks-2020-07-16"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    lib = Library(tmp_path_factory.mktemp("search-home"), cache=False)
    report = lib.build()
    assert len(report.indexed) == 4 and not report.skipped
    yield lib
    lib.close()


def ids(result) -> set[str]:
    return {h.segment_id for h in result.hits}


def test_words_are_anded_and_stemmed(library: Library) -> None:
    both = library.search("darknet cryptocurrencies", limit=100)
    assert f"{WG}#recommendation-18" in ids(both)
    for hit in both.hits:
        text = hit.text.lower()
        assert "darknet" in text and "cryptocurrenc" in text
    # "trafficked" and "trafficking" share a stem.
    assert library.search("trafficked", limit=100).total == library.search("trafficking").total


def test_or_not_and_phrase(library: Library) -> None:
    marking = library.search("marking", limit=200).total
    tracing = library.search("tracing", limit=200).total
    either = library.search("marking OR tracing", limit=200).total
    assert max(marking, tracing) < either <= marking + tracing
    without = library.search("marking NOT tracing", limit=200)
    assert without.hits and all("tracing" not in h.text.lower() for h in without.hits)
    phrase = library.search('"illicit financial flows"', limit=200)
    words = library.search("illicit financial flows", limit=200)
    assert 0 < phrase.total < words.total
    assert all("illicit financial flows" in h.text.lower() for h in phrase.hits)


def test_field_query_wildcard_and_fuzzy(library: Library) -> None:
    recs = library.search("kind:recommendation diversion", limit=100)
    assert recs.hits and {h.kind for h in recs.hits} == {"recommendation"}
    assert library.search("cryptocurr*").total >= 2
    fuzzy = library.search("humanitarain~", limit=10)
    assert fuzzy.hits and all("humanitarian" in h.text.lower() for h in fuzzy.hits)


def test_acronym_finds_long_form_and_back(library: Library) -> None:
    salw = library.search("SALW", limit=100)
    assert any(
        h.doc_id == SEESMAA and "small arms and light weapons" in h.text.lower() for h in salw.hits
    )
    long_form = library.search('"small arms and light weapons"', limit=100)
    assert ids(long_form) == ids(salw)


def test_darknet_finds_dark_web(library: Library) -> None:
    found = library.search("darknet", limit=50)
    assert f"{WG}#recommendation-18" in ids(found)
    assert any(h.doc_id == SEESMAA and "dark web" in h.text.lower() for h in found.hits)
    assert ids(library.search('"dark web"', limit=50)) == ids(found)


def test_filters_and_facets(library: Library) -> None:
    everything = library.search("firearms", limit=500)
    assert everything.total == len(everything.hits)  # small result sets: exact totals
    kinds = everything.facets["kind"]
    assert kinds["recommendation"] > 0 and kinds["paragraph"] > 0
    assert sum(kinds.values()) == everything.total
    only = library.search("firearms", filters={"kind": "recommendation"}, limit=500)
    assert only.total == kinds["recommendation"]
    assert (
        library.search("firearms", filters={"doc": SEESMAA}).total
        == (everything.facets["doc"][SEESMAA])
    )
    in_2020 = library.search("firearms", filters={"year": "2020"}, limit=500)
    assert in_2020.hits and {h.doc_id for h in in_2020.hits} == {SEESMAA}


def test_section_filter_includes_subsections(library: Library) -> None:
    filters = {"section": "II. Recommendations", "kind": "recommendation"}
    assert library.search("", filters=filters, limit=500).total == 47
    sections = library.search("", filters={"kind": "recommendation"}, limit=500).facets["section"]
    section_c = next(s for s in sections if "C. Recommendations" in s)
    assert sections[section_c] == 22
    assert library.search("", filters={"section": section_c}, limit=100).total == 22


def test_unknown_filter_is_an_error(library: Library) -> None:
    with pytest.raises(ValueError, match="unknown filter"):
        library.search("firearms", filters={"colour": "red"})


def test_snippets_mark_matches_and_escape_html(library: Library) -> None:
    hit = library.search("darknet", limit=50).hits[0]
    assert "<b>" in hit.snippet and "</b>" in hit.snippet
    marked = [part.split("</b>")[0].lower() for part in hit.snippet.split("<b>")[1:]]
    assert marked and all(
        m in ("darknet", "dark web", "dark net") for m in marked
    )  # a phrase whole
    assert "&" not in hit.snippet.replace("&#x27;", "").replace("&amp;", "").replace(
        "&quot;", ""
    ).replace("&lt;", "").replace("&gt;", "")


def test_hits_carry_citations(library: Library) -> None:
    hit = next(h for h in library.search("darknet").hits if h.kind == "recommendation")
    assert hit.citation.endswith("recommendation 18")
    assert hit.doc_title.startswith("Report on the meeting")
    assert hit.text and hit.section.startswith("II. Recommendations")


def test_did_you_mean_uses_real_words(library: Library) -> None:
    result = library.search("firarms traficking")
    assert result.total == 0
    assert result.corrected == "firearms trafficking"
    assert library.search("firearms trafficking").corrected is None


def test_similar_to_a_segment_and_to_text(library: Library) -> None:
    seg_id = f"{WG}#recommendation-18"
    similar = library.similar(segment_id=seg_id, limit=5)
    assert similar.hits and seg_id not in ids(similar)
    assert any("crypto" in h.text.lower() or "darknet" in h.text.lower() for h in similar.hits)
    free = library.similar("purchase of firearms on the darknet with cryptocurrencies", limit=3)
    assert seg_id in ids(free)
    with pytest.raises(KeyError):
        library.similar(segment_id="nope#paragraph-1")


def test_records_and_library_facets(library: Library) -> None:
    segment = library.segment(f"{WG}#recommendation-18")
    assert segment is not None and segment.number == "18"
    ordered = library.document_segments(WG)
    assert [s.order for s in ordered] == sorted(s.order for s in ordered)
    assert sum(1 for s in ordered if s.kind == "recommendation") == 47
    assert {d.doc_id for d in library.documents()} >= {WG, SEESMAA}
    assert library.document(WG).symbol == "V.21-03928"
    assert library.facets()["kind"]["recommendation"] == 47


def test_bad_syntax_still_searches(library: Library, tmp_path: Path) -> None:
    # Stray quotes and brackets are dropped: the words still find what they find alone.
    darknet = library.search("darknet").total
    assert darknet > 0
    for broken in ('"darknet', 'darknet"', "(darknet"):
        assert library.search(broken).total == darknet, broken
    assert library.search("firearms AND (").total == library.search("firearms").total > 0


def test_phrases_checked_in_text_match_whoosh_phrase_search(library: Library) -> None:
    engine = library.engine
    searcher = engine.searcher()
    for phrase in ('"illicit financial flows"', '"small arms"', '"States parties"'):
        fast = library.search(phrase, limit=200, facets=False)
        # Whoosh's own (position-decoding) phrase search on the same query.
        exact = searcher.search(engine.builder.build(phrase, searcher.reader()), limit=None)
        expected = {searcher.stored_fields(r.docnum)["segment_id"] for r in exact}
        assert expected and ids(fast) == expected
        assert fast.total == len(expected)


def test_scoring_budget_bounds_broad_queries(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_app.core.index import collect

    exact = library.search("firearms", limit=10, facets=True).total
    monkeypatch.setattr(collect, "SCORE_BUDGET", 12)
    capped = library.search("firearms", limit=10, facets=False)
    assert len(capped.hits) == 10
    assert capped.total >= exact > 12  # an upper-bound estimate, never an undercount
    narrow = library.search("darknet", limit=10, facets=False)
    assert narrow.total == len(narrow.hits) == library.search("darknet").total


@pytest.mark.parametrize("facets", [True, False])
def test_empty_query_with_filters_lists_passages_in_document_order(
    library: Library, facets: bool
) -> None:
    result = library.search("", filters={"kind": "recommendation"}, limit=100, facets=facets)
    assert result.total == 47
    numbers = [int(h.number) for h in result.hits]
    assert numbers == list(range(1, 48))
    assert {h.doc_id for h in result.hits} == {WG}
    assert all(h.score == 0.0 for h in result.hits)
    assert [h.segment_id for h in library.search("*", filters={"doc": WG}, limit=5).hits] == [
        s.segment_id for s in library.document_segments(WG)[:5]
    ]


def test_words_of_the_section_heading_match(library: Library) -> None:
    # "recommendations" is in the heading of section C, not in most of its recommendations.
    result = library.search(
        "recommendations on diversion", filters={"kind": "recommendation"}, limit=100
    )
    found = {int(h.number) for h in result.hits}
    assert set(range(23, 45)) <= found
    # A word found in the text outranks the same word found only in the heading.
    diversion = library.search("diversion", filters={"kind": "recommendation"}, limit=100)
    in_text = [h for h in diversion.hits if "diversion" in h.text.lower()]
    only_heading = [h for h in diversion.hits if "diversion" not in h.text.lower()]
    assert in_text and only_heading
    assert min(h.score for h in in_text) > max(h.score for h in only_heading)
    # Headings never turn a phrase into a match that the text does not have.
    assert library.search('"recommendations on the application"').total == 0


def test_did_you_mean_only_when_nothing_is_found(library: Library) -> None:
    # No passage has both words: the passages with "firearms" come with a suggestion.
    fallback = library.search("firearms traficking")
    assert fallback.partial and fallback.dropped == ["traficking"]
    assert fallback.corrected == "firearms trafficking"
    assert library.search("firearms OR traficking").total > 0
    assert library.search("firearms OR traficking").corrected is None
