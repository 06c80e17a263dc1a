"""Precedents for a draft's wording: has this been agreed before, where, and how
does the draft depart from it?

Candidates come from the library's similar-passage search (distinctive
shared words). They are then ranked by a phrase-level measure on normalised
tokens, so that near-verbatim reuse comes before mere topical similarity:

* coverage — how much of the draft appears, in order, in the precedent
  (word runs of two or more, found by difflib's longest-match alignment);
* n-gram containment — the share of the draft's word trigrams the precedent has;
* precision — how much of the precedent's aligned passage the draft covers.

Adopted text weighs more than deliberations, speeches and slides (see
:func:`adoption_weight`). Each hit carries, in ``extra``: the aligned
``passage`` (the precedent's sentences the draft corresponds to), the word
``diff`` from the draft to that passage, its ``operative`` phrase, the
document's ``date`` and ``doc_kind``, and the score parts under ``match``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from briefing_app.core.annotation.operative import operative_phrase
from briefing_app.core.models import (
    ARTICLE,
    OPERATIVE,
    OTHER,
    PARAGRAPH,
    RECOMMENDATION,
    SLIDE,
    Hit,
    MatchScores,
    PrecedentMatch,
    SearchResult,
)
from briefing_app.core.precedents.diff import normalize_token, tokenize, word_diff

if TYPE_CHECKING:
    from briefing_app.core.library import Library

#: How many similar passages are re-ranked, at least.
MIN_CANDIDATES = 40
#: Share of the score that comes from wording (the rest is Whoosh's similarity).
PHRASE_SHARE = 0.7
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[\"“(A-Z])")


def find_precedents(library: Library, text: str, limit: int = 10) -> SearchResult:
    """The closest passages to ``text``, near-verbatim reuse first."""
    draft = " ".join(text.split())
    if not draft or limit < 1:
        return SearchResult(draft, 0, [])
    pool = library.similar(text=draft, limit=max(MIN_CANDIDATES, limit * 4))
    if not pool.hits:
        return SearchResult(draft, 0, [], corrected=pool.corrected)
    top = max(h.score for h in pool.hits) or 1.0
    draft_tokens = words(draft)
    docs: dict[str, object] = {}
    ranked = []
    for hit in pool.hits:
        if hit.doc_id not in docs:
            docs[hit.doc_id] = library.document(hit.doc_id)
        meta = docs[hit.doc_id]
        doc_kind = getattr(meta, "kind", None) or OTHER
        passage = aligned_passage(draft_tokens, hit.text)
        parts = phrase_match(draft_tokens, words(passage))
        operative = operative_phrase(hit.text, hit.kind)
        weight = adoption_weight(hit.kind, doc_kind, operative)
        similarity = max(0.0, hit.score) / top
        score = weight * (PHRASE_SHARE * parts["phrase"] + (1 - PHRASE_SHARE) * similarity)
        match = PrecedentMatch(
            passage=passage,
            operative=operative,
            date=getattr(meta, "date", None),
            doc_kind=doc_kind,
            match=MatchScores(
                **{k: round(v, 4) for k, v in parts.items()},
                similarity=round(similarity, 4),
                weight=weight,
            ),
        )
        ranked.append(replace(hit, score=round(score, 4), precedent=match))
    ranked.sort(key=lambda h: (-h.score, h.segment_id))
    shown = ranked[:limit]
    for hit in shown:  # the diff only for what is shown: it is the costly part
        assert hit.precedent is not None
        hit.precedent = replace(hit.precedent, diff=word_diff(draft, hit.precedent.passage))
    return SearchResult(draft, len(ranked), shown, corrected=pool.corrected)


def words(text: str) -> list[str]:
    """Normalised word tokens (no punctuation, case folded) for the phrase measure."""
    return [normalize_token(t).casefold() for t, _, _ in tokenize(text) if t[0].isalnum()]


def phrase_match(draft: list[str], passage: list[str]) -> dict[str, float]:
    """Coverage, trigram containment and precision of ``draft`` in ``passage``; and
    their blend ``phrase`` in 0..1 (1 = the same words in the same order)."""
    if not draft or not passage:
        return {"phrase": 0.0, "coverage": 0.0, "ngram": 0.0, "precision": 0.0}
    matched = _aligned_words(draft, passage)
    coverage = matched / len(draft)
    precision = matched / len(passage)
    n = 3 if len(draft) >= 6 else 2 if len(draft) >= 2 else 1
    draft_grams = _ngrams(draft, n)
    ngram = len(draft_grams & _ngrams(passage, n)) / len(draft_grams) if draft_grams else 0.0
    phrase = 0.5 * coverage + 0.3 * ngram + 0.2 * precision
    return {"phrase": phrase, "coverage": coverage, "ngram": ngram, "precision": precision}


DRAFT_KINDS = ("draft-resolution", "draft-decision")
DRAFT_WEIGHT = 0.98  # below adopted text with the same words, above deliberations (0.95)


def adoption_weight(kind: str, doc_kind: str, operative: str | None = None) -> float:
    """Adopted text first: recommendations and resolution-style operative
    paragraphs, then report paragraphs (deliberations), speeches, slides. A
    draft's paragraph comes just after the same words in the adopted text."""
    if kind in (RECOMMENDATION, OPERATIVE, ARTICLE):
        return DRAFT_WEIGHT if doc_kind in DRAFT_KINDS else 1.0
    if kind == PARAGRAPH and operative:  # "Urges States …": an adopted paragraph
        return 0.95
    if kind == SLIDE or doc_kind == "presentation":
        return 0.7
    if doc_kind == "statement":
        return 0.8
    return 0.85


def aligned_passage(draft: list[str], text: str) -> str:
    """The sentences of ``text`` that the draft's matched words fall in.

    A one-sentence draft against a long paragraph is compared with (and would
    replace) the sentence it corresponds to, not the whole paragraph.
    """
    sentences = [s for s in _SENTENCE_END.split(text.strip()) if s]
    if len(sentences) <= 1 or not draft:
        return " ".join(text.split())
    sentence_words = [words(s) for s in sentences]
    flat = [w for ws in sentence_words for w in ws]
    owner = [i for i, ws in enumerate(sentence_words) for _ in ws]
    blocks = [
        b
        for b in SequenceMatcher(None, draft, flat, autojunk=False).get_matching_blocks()
        if b.size >= 2
    ]
    if sum(b.size for b in blocks) < 0.3 * len(draft):
        return " ".join(text.split())
    counts = [0] * len(sentences)
    for b in blocks:
        for k in range(b.b, b.b + b.size):
            counts[owner[k]] += 1
    # Stray short runs ("States should") elsewhere do not widen the passage.
    threshold = max(2, 0.2 * max(counts))
    significant = [i for i, c in enumerate(counts) if c >= threshold]
    first, last = significant[0], significant[-1]
    return " ".join(" ".join(sentences[first : last + 1]).split())


def _aligned_words(draft: list[str], passage: list[str]) -> int:
    blocks = SequenceMatcher(None, draft, passage, autojunk=False).get_matching_blocks()
    least = 2 if len(draft) >= 4 else 1
    return sum(b.size for b in blocks if b.size >= least)


def _ngrams(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def citation_footnote(hit: Hit) -> str:
    """How the hit is cited under the replaced wording (see drafts' footnotes)."""
    return hit.citation or hit.doc_title
