"""A hyphenated compound ("state-of-the-art", "follow-up") is one thing the
delegate asked for: searched as a phrase, and in the "most of the words"
fallback dropped or kept whole, never cut down to its first word."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from whoosh import query as Q

from briefing_app.core.index.partial import labels
from briefing_app.core.index.query import make_parser
from briefing_app.core.index.schema import make_schema
from briefing_app.core.library import Library


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    lib = Library(tmp_path_factory.mktemp("compounds-home"), cache=False)
    lib.build()
    yield lib
    lib.close()


def test_an_absent_compound_does_not_fall_back_to_its_first_word(library: Library) -> None:
    assert library.search("States").total > 20  # "state" is everywhere in the corpus
    result = library.search("state-of-the-art")
    assert result.total == 0 and not result.hits and not result.partial


def test_a_compound_is_dropped_whole_in_the_fallback(library: Library) -> None:
    result = library.search("state-of-the-art darknet", limit=10)
    assert result.partial and result.dropped == ["state-of-the-art"]
    assert result.hits and result.total < 10  # the darknet passages, not every "state"
    for hit in result.hits:
        assert any("dark" in t.lower() for t in hit.terms)  # darknet, or its synonym dark web


def test_a_compound_matches_as_a_phrase_not_as_loose_words(library: Library) -> None:
    result = library.search("follow-up", limit=50)
    assert result.hits and not result.partial
    for hit in result.hits:
        assert "follow-up" in hit.text.lower() or "follow up" in hit.text.lower()


def test_compounds_parse_as_phrases() -> None:
    parser = make_parser(make_schema())
    assert parser.parse("state-of-the-art") == Q.Phrase("text", ["state", "art"])
    assert parser.parse("follow-up mechanisms") == Q.And(
        [Q.Phrase("text", ["follow", "up"]), Q.Term("text", "mechan")]
    )
    assert parser.parse("kind:recommendation") == Q.Term("kind", "recommendation")


def test_the_dropped_compound_is_named_as_typed() -> None:
    clauses = [Q.Phrase("text", ["state", "art"]), Q.Term("text", "darknet")]
    assert labels(clauses, "state-of-the-art darknet") == ["state-of-the-art", "darknet"]
