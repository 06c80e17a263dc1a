"""Precedents on the bundled corpus: near-verbatim reuse first, with its diff."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.annotation.annotate import annotate
from briefing_app.core.library import Library
from briefing_app.core.precedents.diff import changed_words, render
from briefing_app.core.precedents.finder import (
    adoption_weight,
    find_precedents,
    phrase_match,
    words,
)
from briefing_app.core.precedents.references_report import collect_references, passages_citing

REC = "wg-firearms-2021-report#recommendation-{}"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    lib = Library(tmp_path_factory.mktemp("precedents-home"))
    lib.build()
    yield lib
    lib.close()


def test_a_recommendation_with_words_changed_finds_itself_first(library: Library) -> None:
    original = library.segment(REC.format(42))
    assert original is not None
    draft = original.text.replace("are invited to", "should").replace(
        "intelligence-sharing", "information-sharing"
    )
    result = find_precedents(library, draft, limit=5)
    top = result.hits[0]
    assert top.segment_id == REC.format(42)
    assert changed_words(top.precedent.diff) == (
        ["should", "information-sharing"],
        ["are invited to", "intelligence-sharing"],
    )
    assert render(top.precedent.diff) == " ".join(original.text.split())
    assert top.precedent.operative == "are invited to"
    assert top.precedent.date == "2021-05-31"
    assert top.precedent.doc_kind == "report"
    assert top.precedent.match.phrase > result.hits[1].precedent.match.phrase
    assert top.citation.endswith("recommendation 42")


@pytest.mark.parametrize("number", [3, 12, 27, 36])
def test_each_recommendation_ranks_first_for_its_own_reworded_text(
    library: Library, number: int
) -> None:
    text = library.segment(REC.format(number)).text
    draft = text.replace("States", "Member States", 1).replace(" and ", " as well as ", 1)
    assert find_precedents(library, draft, limit=3).hits[0].segment_id == REC.format(number)


def test_a_sentence_is_compared_with_the_sentence_it_comes_from(library: Library) -> None:
    draft = (
        "States should consider ways of using the confiscated proceeds of those crimes "
        "to support the fight against illicit firearms trafficking."
    )
    top = find_precedents(library, draft, limit=3).hits[0]
    assert top.segment_id == REC.format(17)
    assert top.precedent.passage.startswith("To that end, States should also consider")
    assert changed_words(top.precedent.diff) == ([], ["To that end,", "also"])


def test_verbatim_speech_beats_topical_recommendation(library: Library) -> None:
    draft = (
        "The Dark Web markets are becoming more and more attractive to terrorists "
        "because they offer almost perfect anonymity."
    )
    hits = find_precedents(library, draft, limit=5).hits
    assert hits[0].segment_id.startswith("cted-seesmaa-remarks")
    assert hits[0].precedent.doc_kind == "statement"
    assert changed_words(hits[0].precedent.diff) == ([], [])


def test_adopted_text_weighs_more() -> None:
    assert adoption_weight("recommendation", "report") > adoption_weight("paragraph", "report")
    assert adoption_weight("paragraph", "report") > adoption_weight("paragraph", "statement")
    assert adoption_weight("paragraph", "statement") > adoption_weight("slide", "presentation")
    assert adoption_weight("paragraph", "other", "urges") > adoption_weight("paragraph", "report")


def test_phrase_measure_prefers_same_words_in_order() -> None:
    draft = words("States should trace illicit firearms back to their point of origin")
    same = phrase_match(draft, draft)["phrase"]
    shuffled = phrase_match(draft, list(reversed(draft)))["phrase"]
    assert same == pytest.approx(1.0)
    assert shuffled < 0.3


def test_empty_or_unknown_text(library: Library) -> None:
    assert find_precedents(library, "   ").hits == []
    assert find_precedents(library, "zzzqqq xxyyzz").hits == []


@pytest.mark.parametrize(
    ("number", "phrase"),
    [
        (1, "is requested to"),
        (2, "should"),
        (5, "are encouraged to"),
        (18, "are invited to"),
        (31, "are called upon to"),
        (20, "should consider"),
    ],
)
def test_operative_phrases_of_the_wg_recommendations(
    library: Library, number: int, phrase: str
) -> None:
    segment = library.segment(REC.format(number))
    assert segment is not None
    assert annotate(segment.text, segment.kind).operative == phrase


def test_operative_filter_and_facet(library: Library) -> None:
    facet = library.facets()["operative"]
    assert facet["is requested to"] >= 2
    assert facet["should"] > facet["are encouraged to"] > 0
    result = library.search("UNODC", filters={"operative": "is requested to"}, limit=20)
    ids = {h.segment_id for h in result.hits}
    assert REC.format(1) in ids
    assert all(annotate(h.text, h.kind).operative == "is requested to" for h in result.hits)


def test_references_across_the_library(library: Library) -> None:
    counts = {c.key: c for c in collect_references(library)}
    assert counts["instrument:firearms-protocol"].passages > 20
    resolution = counts["res:2370(2017)"]
    # "resolution 2370" and "SCR 2370" (no year) are folded into the dated key.
    assert "res:2370" in resolution.aliases and "res:2370" not in counts
    assert resolution.documents == 2
    assert counts["tool:iarms"].kind == "tool"
    assert counts["sdg:16.4"].label == "SDG target 16.4"
    assert library.facets()["ref"]["res:2482(2019)"] == 2


def test_passages_citing(library: Library) -> None:
    result = passages_citing(library, "res:2370(2017)")
    ids = {h.segment_id for h in result.hits}
    assert result.total == len(ids) == 5
    assert "cted-seesmaa-remarks-2020-07-16#paragraph-16" in ids  # "SCR 2370"
    assert all("2370" in h.text for h in result.hits)
    iarms = passages_citing(library, "tool:iarms")
    assert {h.segment_id for h in iarms.hits} >= {REC.format(43)}


def test_passages_citing_by_scanning_when_the_index_cannot_filter(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    indexed = passages_citing(library, "res:2370(2017)")

    def no_blank_query(*_args: object, **_kwargs: object) -> None:
        raise TypeError("no blank query")

    monkeypatch.setattr(library, "search", no_blank_query)
    scanned = passages_citing(library, "res:2370(2017)")
    assert {h.segment_id for h in scanned.hits} == {h.segment_id for h in indexed.hits}
    assert all(h.citation and h.doc_title for h in scanned.hits)


def test_resolution_units_count_as_adopted_text() -> None:
    assert adoption_weight("operative", "resolution") == adoption_weight("recommendation", "report")
    assert adoption_weight("article", "treaty") > adoption_weight("paragraph", "report")


UNDOCS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "undocs"


def test_the_adopted_resolution_ranks_before_its_draft_with_the_same_words(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Same wording in A/C.1/80/L.62 and resolution 80/34: the draft came first (by id),
    so a delegate was offered a draft to cite instead of the adopted text."""
    pair = [UNDOCS / "A_C.1_80_L.62.pdf", UNDOCS / "A_RES_80_34.pdf"]
    if not all(p.is_file() for p in pair):
        pytest.skip(f"the undocs corpus is not at {UNDOCS}")
    assert adoption_weight("operative", "draft-resolution") < adoption_weight(
        "operative", "resolution"
    )
    lib = Library(tmp_path_factory.mktemp("adopted-home"))
    try:
        lib.add(pair)
        result = find_precedents(
            lib,
            "Reaffirms its condemnation in the strongest possible terms of the use of "
            "chemical weapons by anyone",
            limit=2,
        )
    finally:
        lib.close()
    assert [h.segment_id for h in result.hits] == [
        "a-res-80-34#operative-1",
        "a-c-1-80-l-62#operative-1",
    ]
