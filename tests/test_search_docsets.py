"""Bitset matching and facet counts agree with Whoosh's own matchers."""

from __future__ import annotations

import pickle
import struct
from collections import Counter

import pytest
from whoosh import query as Q

from briefing_app.core.index.facets import matching_docs
from briefing_app.core.index.positions import _phrase_flags
from briefing_app.core.index.query import filter_query
from briefing_app.core.index.schema import FACET_FIELDS
from briefing_app.core.library import Library

QUERIES = [
    "firearms",
    "darknet cryptocurrencies",
    "terrorism OR extremism",
    "firearms NOT darknet",
    "kind:recommendation marking",
    "traf*",
    "trafficing~",
    '"illicit trafficking"',
    '"small arms and light weapons"',
    '"firearms, their parts and components"',
    '"States, United States"',
    "order:5",
    "*",
]


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    lib = Library(tmp_path_factory.mktemp("docsets-home"), cache=False)
    lib.build()
    yield lib
    lib.close()


def reference_facets(searcher, docs: list[int]) -> dict[str, dict[str, int]]:
    """Facet counts the slow, obvious way: every matching document's stored and column values."""
    reader = searcher.reader()
    out = {}
    for key, field in FACET_FIELDS.items():
        if field == "refs":
            counts = Counter(
                r.strip().lower()
                for d in docs
                for r in (searcher.stored_fields(d).get("refs") or "").split(",")
                if r.strip()
            )
        else:
            column = reader.column_reader(field)
            counts = Counter(column[d] for d in docs)
            counts.pop("", None)
            counts.pop(b"", None)
        out[key] = {(k.decode() if isinstance(k, bytes) else k): n for k, n in counts.items()}
    return out


@pytest.mark.parametrize("text", QUERIES)
@pytest.mark.parametrize("filters", [None, {"kind": "paragraph"}])
def test_bitset_matches_and_facets_equal_whoosh(library: Library, text: str, filters) -> None:
    engine = library.engine
    searcher = engine.searcher()
    q = Q.Every() if text == "*" else engine.builder.build(text, searcher.reader())
    docs = sorted(matching_docs(searcher, q, filter_query(filters)))
    result = library.search(text, filters=filters, limit=5)
    assert result.total == len(docs)
    assert docs or filters  # every query finds something in the whole library
    got = {k: dict(v) for k, v in result.facets.items()}
    assert got == reference_facets(searcher, docs)
    for values in result.facets.values():  # most frequent first
        assert list(values.values()) == sorted(values.values(), reverse=True)


def test_bitsets_round_trip_and_count_live_passages(library: Library) -> None:
    docsets = library.engine.docsets()
    assert docsets.live.bit_count() == library.engine.searcher().doc_count()
    bits = docsets.term("text", "firearm")
    assert docsets.ids(bits) == sorted(docsets.ids(bits))
    assert docsets.from_ids(docsets.ids(bits)) == bits


def test_replaced_passages_leave_the_counts(tmp_path) -> None:
    """A changed file's old passages are deleted in the index: never counted."""
    home, source = tmp_path / "home", tmp_path / "notes.txt"
    source.write_text("Firearms marking.\n\nFirearms tracing.\n", encoding="utf-8")
    library = Library(home, cache=False)
    library.build([source])
    before = library.search("firearms", limit=5).total
    source.write_text("Firearms marking.\n\nTracing only.\n", encoding="utf-8")
    library.build([source])
    engine = library.engine
    searcher = engine.searcher()
    assert searcher.reader().has_deletions()
    q = engine.builder.build("firearms", searcher.reader())
    docs = sorted(matching_docs(searcher, q, None))
    result = library.search("firearms", limit=5)
    assert result.total == len(docs) == before - 1
    assert result.facets == {k: v for k, v in reference_facets(searcher, docs).items()}
    assert engine.docsets().live.bit_count() == searcher.doc_count()
    library.close()


SCORED = [
    "firearms",
    "illicit trafficking firearms",
    "terrorism OR extremism",
    "firearms NOT marking",
    "kind:recommendation marking",
    "traf*",
    "trafficing~",
    "order:5 firearms",
]


@pytest.mark.parametrize("text", SCORED)
def test_scores_are_whoosh_bm25f_over_every_match(library: Library, text: str) -> None:
    engine = library.engine
    searcher = engine.searcher()
    q = engine.builder.build(text, searcher.reader())
    ranker = engine.ranker()
    bits = ranker.docsets.evaluate(q)
    assert ranker.scorer.supports(q) and bits
    ours = ranker.scorer.top(q, bits, 10)
    theirs = [(r.docnum, r.score) for r in searcher.search(q, limit=10)]
    assert [round(s, 6) for _, s in ours] == [round(s, 6) for _, s in theirs]
    cutoff = theirs[-1][1]  # equal scores at the cut may come in another order
    assert {d for d, s in ours if s > cutoff + 1e-9} == {d for d, s in theirs if s > cutoff + 1e-9}


def _positions_value(positions: list[int]) -> bytes:
    """A posting's positions as Whoosh encodes them (count, then pickled deltas)."""
    deltas = [b - a for a, b in zip([0, *positions], positions, strict=False)]
    return struct.pack("!I", len(deltas)) + pickle.dumps(deltas, 2)


def test_phrase_check_per_document_with_and_without_the_stop_byte() -> None:
    # Two documents; word 0 then word 1: adjacent in the first only.
    values = [
        [_positions_value([3, 9]), _positions_value([1])],
        [_positions_value([4]), _positions_value([5])],
    ]
    assert _phrase_flags(values) == [True, False]
    stripped = [[v[:-1] for v in per_word] for per_word in values]  # no pickle STOP byte
    assert _phrase_flags(stripped) == [True, False]
    repeated = [values[0], values[1], [_positions_value([5]), _positions_value([9])]]
    assert _phrase_flags(repeated) == [True, False]  # positions 3, 4, 5 in the first
