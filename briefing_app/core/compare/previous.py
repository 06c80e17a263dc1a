"""'Compare with last year's': which library documents are earlier versions of this one.

A previous version shares the title (resolutions keep it from year to year and
from draft to adoption) or the agenda item, and comes earlier: an earlier
session, or the draft (``…/L.n``) of the same session. Candidates are ranked
by a weighted score and each carries the reasons, so the choice can be checked.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from briefing_app.core.models import DocumentMeta

_WORD = re.compile(r"[a-z0-9]+")
_STOP = {"the", "of", "and", "on", "in", "to", "a", "an", "for", "by", "with", "its", "their"}
_SESSION = re.compile(r"^A/(?:C\.\d/|RES/)?(\d+)/")
#: Below this score a document is not proposed at all.
MIN_SCORE = 0.35


@dataclass
class Candidate:
    """A library document that may be an earlier version, and why it was proposed."""

    doc_id: str
    title: str
    symbol: str
    date: str
    score: float
    reasons: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["score"] = round(self.score, 3)
        return data


def previous_versions(
    target: DocumentMeta, documents: list[DocumentMeta], limit: int = 5
) -> list[Candidate]:
    """Earlier versions of ``target`` among ``documents``, best first."""
    ranked = []
    for doc in documents:
        if doc.doc_id == target.doc_id or (doc.symbol and doc.symbol == target.symbol):
            continue
        candidate = _score(target, doc)
        if candidate.score >= MIN_SCORE:
            ranked.append(candidate)
    ranked.sort(key=lambda c: (-c.score, -_ordinal(c.date)))  # then the most recent
    return ranked[:limit]


def _score(target: DocumentMeta, doc: DocumentMeta) -> Candidate:
    reasons: list[str] = []
    title = _overlap(target.title, doc.title)
    score = 0.6 * title
    if title >= 0.999:
        reasons.append("same title")
    elif title >= 0.5:
        reasons.append(f"similar title ({title:.0%})")
    agenda = getattr(target, "agenda_item", None)
    if agenda and agenda == getattr(doc, "agenda_item", None):
        score += 0.2
        reasons.append(f"same agenda item {agenda}")
    mine, theirs = _session(target), _session(doc)
    if mine and theirs:
        if theirs < mine:
            score += 0.1
            reasons.append(f"earlier session ({theirs})")
        elif theirs == mine and _is_draft(doc) and not _is_draft(target):
            score += 0.2
            reasons.append("draft of the same session")
        elif theirs > mine:
            score -= 0.3
    if target.date and doc.date:
        if doc.date < target.date:
            score += 0.1
            reasons.append("earlier date")
        elif doc.date > target.date:
            score -= 0.2
    return Candidate(doc.doc_id, doc.title, doc.symbol or "", doc.date or "", score, reasons)


def _is_draft(meta: DocumentMeta) -> bool:
    return "/L." in (meta.symbol or "") or meta.kind.startswith("draft")


def _words(title: str) -> set[str]:
    return {w for w in _WORD.findall(title.lower()) if w not in _STOP}


def _overlap(a: str, b: str) -> float:
    """Dice overlap of the titles' content words, 0..1."""
    wa, wb = _words(a), _words(b)
    return 2 * len(wa & wb) / (len(wa) + len(wb)) if wa and wb else 0.0


def _session(meta: DocumentMeta) -> int | None:
    """The session number: from the symbol (A/RES/80/…), else the printed "Eightieth session"."""
    match = _SESSION.match(meta.symbol or "")
    if match:
        return int(match.group(1))
    return session_number(getattr(meta, "session", None) or "")


_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
}  # fmt: skip
_TENS = {
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
    "seventieth": 70, "eightieth": 80, "ninetieth": 90, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip


def session_number(text: str) -> int | None:
    """'Eighty-first session' -> 81, '80th session' -> 80; None when it says no number."""
    text = text.lower()
    digits = re.search(r"\b(\d{1,3})(?:st|nd|rd|th)?\s+session", text)
    if digits:
        return int(digits.group(1))
    words = re.search(r"\b([a-z]+)(?:-([a-z]+))?\s+session", text)
    if not words:
        return None
    first, second = words.group(1), words.group(2)
    if second:
        return _TENS.get(first, 0) + _UNITS.get(second, 0) if first in _TENS else None
    return _TENS.get(first) or _UNITS.get(first)


def _ordinal(date: str) -> int:
    digits = re.sub(r"\D", "", date)[:8]
    return int(digits) if digits else 0
