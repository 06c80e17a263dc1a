"""Plain domain objects shared by every layer: documents, segments, hits."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from enum import StrEnum
from typing import Any


class SegmentKind(StrEnum):
    """Segment kinds; the values are how the CLI, the JSON and the index spell them."""

    PREAMBULAR = "preambular"  # "Recalling …" paragraphs, numbered 1, 2, … per preamble
    OPERATIVE = "operative"  # a resolution's or decision's numbered paragraphs
    ARTICLE = "article"  # a treaty article, its own numbered paragraphs inside
    RECOMMENDATION = "recommendation"
    PARAGRAPH = "paragraph"
    SLIDE = "slide"
    TABLE = "table"
    PASSAGE = "passage"  # unnumbered text (a report's summary, a framework), cited by section


PREAMBULAR = SegmentKind.PREAMBULAR
OPERATIVE = SegmentKind.OPERATIVE
ARTICLE = SegmentKind.ARTICLE
RECOMMENDATION = SegmentKind.RECOMMENDATION
PARAGRAPH = SegmentKind.PARAGRAPH
SLIDE = SegmentKind.SLIDE
TABLE = SegmentKind.TABLE
PASSAGE = SegmentKind.PASSAGE
SEGMENT_KINDS = tuple(SegmentKind)


@dataclass(frozen=True)
class KindLabel:
    """How a kind of unit is named: in lists, in a citation, read out."""

    short: str  # list and badge labels: "OP 18", "Rec. 18"
    cite: str  # the pinpoint of a written citation: "para. 18"
    spoken: str  # the pinpoint read out: "paragraph 18"


#: The one table of unit names (citations, lists, version comparison use it).
KIND_LABELS: dict[str, KindLabel] = {
    PREAMBULAR: KindLabel("PP", "preambular", "preambular"),
    OPERATIVE: KindLabel("OP", "para.", "paragraph"),
    ARTICLE: KindLabel("Art.", "article", "article"),
    RECOMMENDATION: KindLabel("Rec.", "recommendation", "recommendation"),
    PARAGRAPH: KindLabel("Para.", "para.", "paragraph"),
    SLIDE: KindLabel("Slide", "slide", "slide"),
    TABLE: KindLabel("Table", "table", "table"),
    PASSAGE: KindLabel("Text", "text", "text"),
}


def kind_label(kind: str) -> KindLabel:
    """The names of ``kind``; a kind without an entry is named by itself."""
    return KIND_LABELS.get(kind) or KindLabel(kind.capitalize(), kind, kind)


#: Document kinds used by the manifest and by recognition from the text.
OTHER = "other"
DOCUMENT_KINDS = (
    "resolution",
    "draft-resolution",
    "decision",
    "draft-decision",
    "treaty",
    "report",
    "statement",
    "presentation",
    OTHER,
)

SECTION_SEPARATOR = " › "


@dataclass
class DocumentMeta:
    """What is known about one source document."""

    doc_id: str
    title: str
    kind: str = OTHER
    date: str | None = None  # ISO 8601; adoption date of a resolution/decision
    body: str | None = None  # meeting or body, e.g. "Working Group on Firearms"
    meeting: str | None = None
    speaker: str | None = None
    organization: str | None = None
    symbol: str | None = None
    place: str | None = None
    cite_as: str | None = None  # how a delegate names the document in a citation
    source: str = ""  # path of the file it was read from
    content_hash: str = ""
    distribution_date: str | None = None  # "Distr.: General 1 April 2024", ISO
    committee: str | None = None  # "Third Committee"
    session: str | None = None  # "Seventy-eighth session"
    agenda_item: str | None = None  # "71 (c)"
    sponsors: list[str] = field(default_factory=list)  # of a draft, as printed
    agenda_title: str | None = None  # the agenda item's title, under "Agenda item 71 (c)"
    # where the text comes from: "on the report of the Third Committee (A/78/481/Add.2)",
    # "Draft resolution submitted by the Vice-Chair of the Committee, …"
    origin: str | None = None

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["year"] = self.year
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DocumentMeta:
        names = cls.__dataclass_fields__
        meta = cls(**{k: v for k, v in data.items() if k in names})
        if meta.kind == "document":  # catalogs written before "other"
            meta.kind = OTHER
        meta.sponsors = list(meta.sponsors or [])
        return meta


@dataclass
class Segment:
    """One citable unit: a preambular or operative paragraph, an article, a
    recommendation, a numbered paragraph, a slide, a table."""

    doc_id: str
    kind: str
    number: str
    section: str
    text: str  # clean text: what is indexed, quoted and diffed
    display: str = ""  # the same text with Markdown emphasis kept, for the reader
    order: int = 0  # position in the document
    inferred_number: bool = False  # the number was lost in conversion and inferred
    footnotes: list[str] = field(default_factory=list)
    # Numbering scope: "" for the document's own text, else e.g. "annex-i" or
    # "part-iv" (annexes and parts restart their numbering): keeps ids unique.
    scope: str = ""
    items: list[str] = field(default_factory=list)  # sub-item labels: "a", "b", "i"

    @property
    def segment_id(self) -> str:
        return make_segment_id(self.doc_id, self.kind, self.number, self.order, self.scope)


def make_segment_id(doc_id: str, kind: str, number: str, order: int, scope: str = "") -> str:
    """Stable id such as ``wg-firearms-2021-report#recommendation-18`` or
    ``a-res-79-1#annex-ii/preambular-3``."""
    suffix = number if number else f"n{order}"
    prefix = f"{scope}/" if scope else ""
    return f"{doc_id}#{prefix}{kind}-{suffix}"


def split_segment_id(segment_id: str) -> tuple[str, str]:
    """Return (doc_id, local part) of a segment id."""
    doc_id, _, local = segment_id.partition("#")
    return doc_id, local


@dataclass
class Hit:
    """A search result: a segment with its citation, snippet and score."""

    doc_id: str
    doc_title: str
    segment_id: str
    kind: str
    number: str
    section: str
    citation: str
    text: str
    snippet: str
    score: float
    precedent: PrecedentMatch | None = None  # set by the precedent finder
    #: The words of the passage the query matched, as they are written (for marking).
    terms: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The CLI's JSON: the hit's fields, then the precedent's (``terms`` stays internal)."""
        data: dict[str, Any] = {
            f.name: getattr(self, f.name) for f in fields(self) if f.name not in _HIT_INTERNAL
        }
        if self.precedent is not None:
            data.update(self.precedent.to_json())
        return data


_HIT_INTERNAL = ("precedent", "terms")


@dataclass(frozen=True)
class MatchScores:
    """How a precedent's wording matches the draft (all 0..1 but ``weight``)."""

    phrase: float  # the blend of the three below
    coverage: float  # share of the draft's words found in order
    ngram: float  # share of the draft's word n-grams found
    precision: float  # share of the passage's words that are the draft's
    similarity: float  # the search engine's similarity, relative to the best
    weight: float  # adopted text first (see precedents.finder.adoption_weight)


@dataclass(frozen=True)
class PrecedentMatch:
    """What the precedent finder adds to a hit; its JSON keys are a CLI contract."""

    passage: str  # the sentences of the hit that answer the draft
    operative: str | None
    date: str | None
    doc_kind: str
    match: MatchScores
    diff: list[dict[str, str]] = field(default_factory=list)  # {"op", "text"} runs

    def to_json(self) -> dict[str, Any]:
        return {
            "diff": [dict(op) for op in self.diff],
            "passage": self.passage,
            "operative": self.operative,
            "date": self.date,
            "doc_kind": self.doc_kind,
            "match": asdict(self.match),
        }


@dataclass
class SearchResult:
    """A page of hits with what the user needs around it."""

    query: str
    total: int
    hits: list[Hit]
    corrected: str | None = None  # "did you mean", None when the query looks right
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    # True when no passage had every word and the hits have most of them;
    # ``dropped`` names the words (as typed) that some shown hit lacks.
    partial: bool = False
    dropped: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "total": self.total,
            "corrected": self.corrected,
            "partial": self.partial,
            "dropped": self.dropped,
            "facets": self.facets,
            "hits": [h.to_json() for h in self.hits],
        }


@dataclass
class Skipped:
    """A file that was not indexed, and why (one line, for the user)."""

    path: str
    reason: str

    def to_json(self) -> dict[str, str]:
        return {"path": self.path, "reason": self.reason}


@dataclass
class IngestedDocument:
    """A document read and split into segments, ready for the index."""

    meta: DocumentMeta
    segments: list[Segment]
    warnings: list[str] = field(default_factory=list)


@dataclass
class IndexReport:
    """What one indexing run did, for the summary line and --json."""

    indexed: list[str] = field(default_factory=list)  # doc_ids (re)indexed
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    segments: int = 0  # segments written in this run
    seconds: float = 0.0
    cancelled: bool = False
    repaired: str = ""  # what was wrong with the index this run rebuilt, if anything

    def to_json(self) -> dict[str, Any]:
        return {
            "indexed": self.indexed,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "skipped": [s.to_json() for s in self.skipped],
            "segments": self.segments,
            "seconds": round(self.seconds, 3),
            "cancelled": self.cancelled,
            "repaired": self.repaired,
        }
