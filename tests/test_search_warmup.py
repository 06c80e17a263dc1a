"""The warm-up prepares an opened index in short steps and changes no result."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.index.warmup import frequent_stems
from briefing_app.core.library import Library

QUERIES = [
    "firearms",
    "illicit trafficking firearms",
    "terrorism OR extremism",
    '"small arms and light weapons"',
    "SALW",
    "traf*",
    "kind:recommendation marking",
    "firearms NOT marking",
]


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("warmup-home")
    with Library(path, cache=False) as lib:
        lib.build()
    return path


def _answer(lib: Library, text: str) -> tuple:
    result = lib.search(text, limit=10)
    return (
        result.total,
        [(h.segment_id, h.score, h.snippet) for h in result.hits],
        result.facets,
    )


def test_warm_up_goes_step_by_step_and_changes_no_result(home: Path) -> None:
    cold, warm = Library(home, cache=False), Library(home, cache=False)
    steps = 1
    while warm.warm_up(0.0):  # no time budget: exactly one step per call
        steps += 1
    engine = warm.engine
    # open, lengths, six facet columns, the references, library facets, words...
    assert steps > 10
    assert list(engine.facet_tables().steps()) == []  # every facet table is built
    assert engine.ranker().scorer.cached_bytes() > 0  # frequent words decoded ahead
    assert warm.warm_up() is False  # done: nothing more until the index changes
    for text in QUERIES:
        assert _answer(warm, text) == _answer(cold, text), text
    cold.close()
    warm.close()


def test_a_changed_index_is_warmed_again(home: Path, tmp_path: Path) -> None:
    local = tmp_path / "home"
    local.mkdir()
    lib = Library(local, cache=False)
    lib.build()
    while lib.warm_up(1.0):
        pass
    note = tmp_path / "note.txt"
    note.write_text("Stockpile management of ammunition.\n", encoding="utf-8")
    lib.add([note])
    assert lib.warm_up(0.0) is True  # a new generation: its warm-up starts over
    while lib.warm_up(1.0):
        pass
    assert lib.search("stockpile ammunition").total >= 1
    lib.close()


def test_frequent_stems_join_inflected_forms_and_skip_stop_words() -> None:
    from collections import Counter

    counts = Counter({"the": 900, "nations": 50, "nation": 40, "states": 60, "firearm": 5})
    assert frequent_stems(counts)[:2] == ["nation", "state"]
    assert "the" not in frequent_stems(counts)


def test_filter_sets_from_the_facet_tables_equal_the_decoded_terms(home: Path) -> None:
    lib = Library(home, cache=False)
    engine = lib.engine
    engine.searcher()
    docsets = engine.docsets()
    seeded = list(engine.facet_tables().filter_sets())
    assert {field for field, _, _ in seeded} >= {"kind"}
    for field, value, bits in seeded:
        assert bits == docsets._decode(field, value) & docsets.live, (field, value)
    lib.close()


def test_a_query_finishing_a_warm_step_first_is_cached_once(home: Path) -> None:
    from whoosh import query as Q

    lib = Library(home, cache=False)
    engine = lib.engine
    engine.searcher()
    docsets, scorer = engine.docsets(), engine.ranker().scorer
    phrase = Q.Phrase("text", ["illicit", "traffick"])
    words = scorer.postings_steps("text", "firearm")
    checks = docsets.phrase_steps(phrase)
    next(words), next(checks)  # a warm-up step under way for each
    expected = docsets.phrase(phrase), scorer.postings("text", "firearm").ids  # a query
    cached = docsets._cached_bytes, scorer.cached_bytes()
    list(words), list(checks)  # the warm-up resumes and finishes
    assert (docsets._cached_bytes, scorer.cached_bytes()) == cached
    assert (docsets.phrase(phrase), scorer.postings("text", "firearm").ids) == expected
    lib.close()
