"""References across the library: what is cited, how often, and where.

Counts come from re-reading every segment (``document_segments``) with the
recogniser, which gives passage and document counts and labels in one pass.
A resolution cited once with its year and elsewhere without it ("resolution
2370 (2017)", "SCR 2370") is counted once, under the dated key, when the
library holds exactly one dated form of that number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefing_app.core.annotation.references import describe, find_references, kind_of
from briefing_app.core.citation import cited_hit
from briefing_app.core.models import Hit, SearchResult

if TYPE_CHECKING:
    from briefing_app.core.library import Library

#: Order of kinds in the report.
KIND_ORDER = (
    "instrument",
    "resolution",
    "decision",
    "symbol",
    "sdg",
    "organization",
    "tool",
    "operation",
    "meeting",
)


@dataclass
class ReferenceCount:
    key: str
    kind: str
    label: str
    passages: int = 0
    documents: int = 0
    segment_ids: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)  # keys folded into this one

    def to_json(self) -> dict[str, object]:
        return {
            "key": self.key,
            "kind": self.kind,
            "label": self.label,
            "passages": self.passages,
            "documents": self.documents,
            "aliases": self.aliases,
        }


def collect_references(library: Library) -> list[ReferenceCount]:
    """Every recognised reference in the library, by kind, most cited first."""
    where: dict[str, set[str]] = {}
    docs: dict[str, set[str]] = {}
    for meta in library.documents():
        for segment in library.document_segments(meta.doc_id):
            for key in {r.key for r in find_references(segment.text)}:
                where.setdefault(key, set()).add(segment.segment_id)
                docs.setdefault(key, set()).add(segment.doc_id)
    aliases = fold_undated(where)
    counts = []
    for key, segment_ids in where.items():
        if key in aliases:
            continue
        folded = sorted(k for k, target in aliases.items() if target == key)
        all_ids = set(segment_ids).union(*(where[k] for k in folded))
        all_docs = set(docs[key]).union(*(docs[k] for k in folded))
        counts.append(
            ReferenceCount(
                key,
                kind_of(key),
                describe(key),
                len(all_ids),
                len(all_docs),
                sorted(all_ids),
                folded,
            )
        )
    rank = {kind: i for i, kind in enumerate(KIND_ORDER)}
    counts.sort(key=lambda c: (rank.get(c.kind, len(rank)), -c.passages, c.label.lower()))
    return counts


def fold_undated(keys: Iterable[str]) -> dict[str, str]:
    """``res:2370`` -> ``res:2370(2017)`` when that is the only dated form present."""
    dated: dict[str, list[str]] = {}
    for key in keys:
        m = re.fullmatch(r"res:(\d+)\((\d{4})\)", key)
        if m:
            dated.setdefault(m.group(1), []).append(key)
    return {
        key: dated[key[4:]][0]
        for key in keys
        if re.fullmatch(r"res:\d+", key) and len(dated.get(key[4:], [])) == 1
    }


def passages_citing(library: Library, key: str, limit: int = 50) -> SearchResult:
    """The passages that cite ``key`` (and its undated form, for a dated resolution),
    in reading order."""
    keys = [key]
    m = re.fullmatch(r"res:(\d+)\(\d{4}\)", key)
    if m:
        keys.append(f"res:{m.group(1)}")
    hits: list[Hit] = []
    total = 0
    seen: set[str] = set()
    for one in keys:
        try:
            result = library.search("", filters={"ref": one}, limit=limit, highlight=False)
        except TypeError:  # an index without a working blank query: scan instead
            return _scan_citing(library, set(keys), limit)
        fresh = [h for h in result.hits if h.segment_id not in seen]
        seen.update(h.segment_id for h in fresh)
        hits.extend(fresh)
        total += result.total - (len(result.hits) - len(fresh))
    return SearchResult(describe(key), total, hits[:limit])


def _scan_citing(library: Library, keys: set[str], limit: int) -> SearchResult:
    hits: list[Hit] = []
    total = 0
    for meta in library.documents():
        for seg in library.document_segments(meta.doc_id):
            if keys & {r.key for r in find_references(seg.text)}:
                total += 1
                if len(hits) < limit:
                    hits.append(cited_hit(meta, seg))  # scanned: no snippet, no score
    label = describe(sorted(keys, key=len)[-1])
    return SearchResult(label, total, hits)

