"""Getting a freshly opened index ready for its first queries, in short steps.

At 100 MB the first query pays for what later ones find cached: the facet
columns (~0.3 s), and each common word's postings (Whoosh's pickled blocks,
~0.5 µs per posting: 25 ms for a word in 40,000 passages). ``warm_steps``
does that work ahead, most useful first, one short step at a time (one facet
column, one word, one phrase), so a caller that runs the steps on the search
thread between queries never holds a query up by more than one step (a
word is decoded, a phrase checked, one index segment per step).

Memory stays bounded: words are decoded until they fill ``WARM_BYTES`` of the
scorer's posting cache (an LRU, so queries' own words still find room), the
index pages read for them are handed back (``zerocopy.release_pages``), and
the phrases warmed are the bundled and user thesaurus forms (what acronyms
expand to) whose words are common enough to make the first check slow.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from whoosh import query as Q

from briefing_app.core.index.analysis import normalize, terms
from briefing_app.core.index.zerocopy import release_pages

#: Postings decoded ahead, in bytes of the scorer's cache (six bytes per posting).
WARM_BYTES = 24 * 1024 * 1024
#: Unstemmed words looked at when choosing the most frequent indexed words.
WORDS_LOOKED_AT = 5000
#: A thesaurus phrase is checked ahead when its words have this many postings in all
#: (what its first check decodes: ~15 ms at 20,000).
PHRASE_POSTINGS = 20_000
FIELD = "text"


def warm_steps(engine: Any) -> Iterator[str]:
    """Warm a ``SearchEngine``'s current searcher; yields a short label after each step.

    (``engine`` is untyped here: ``searcher`` imports this module.)
    """
    engine.searcher()
    yield "open"
    ranker = engine.ranker()  # the length bytes every scored query needs
    yield "lengths"
    yield from (f"facet {name}" for name in engine.facet_tables().steps())
    engine.facets()
    yield "library facets"
    scorer, docsets, reader = ranker.scorer, ranker.docsets, ranker.searcher.reader()
    for field, value, bits in engine.facet_tables().filter_sets():
        docsets.seed(field, value, bits)  # kind:, year:, body: filters without decoding
    yield "filters"
    stems = frequent_stems(engine.vocabulary.counts)
    yield "frequent words"
    for stem in stems:
        if scorer.cached_bytes() >= WARM_BYTES:
            break
        for _segment in scorer.postings_steps(FIELD, stem):  # with their frequencies
            release_pages(reader)
            yield stem
        docsets.term(FIELD, stem)  # and the bitset, from those postings
    assert engine.builder is not None
    for group in engine.builder.thesaurus.groups:
        for form in group:
            words = terms(form)
            if len(words) < 2:
                continue
            candidates, postings = docsets.live, 0
            for word in dict.fromkeys(words):
                bits = docsets.term(FIELD, word)
                candidates &= bits
                postings += bits.bit_count()
                yield word
            if candidates and postings >= PHRASE_POSTINGS:
                for _segment in docsets.phrase_steps(Q.Phrase(FIELD, words)):
                    release_pages(reader)
                    yield form


def frequent_stems(counts: Counter[str]) -> list[str]:
    """Indexed words, most passages first, from the unstemmed word list's counts."""
    by_stem: Counter[str] = Counter()
    for word, n in counts.most_common(WORDS_LOOKED_AT):
        stem = normalize(word)
        if stem:
            by_stem[stem] += n
    return [stem for stem, _ in by_stem.most_common()]
