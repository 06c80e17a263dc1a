"""A document's kind from what it prints: symbol, adoption line, draft marker.

Read in order of certainty: the symbol (``A/RES/79/1`` is a resolution,
``…/L.13`` a draft), then the adoption line ("Resolution adopted by …"),
the draft marker ("…: draft resolution"), a treaty's formula, a report's
marker ("Report of the Secretary-General"), a speaker preamble.
"""

from __future__ import annotations

import re

from briefing_app.core.ingest import patterns as p
from briefing_app.core.ingest.genres.tables import PATTERNS

RESOLUTION = "resolution"
DRAFT_RESOLUTION = "draft-resolution"
DECISION = "decision"
DRAFT_DECISION = "draft-decision"
TREATY = "treaty"
REPORT = "report"
STATEMENT = "statement"
PRESENTATION = "presentation"
OTHER = "other"
FORMAL_KINDS = (RESOLUTION, DRAFT_RESOLUTION, DECISION, DRAFT_DECISION, TREATY)

_RES_SYMBOL = re.compile(r"(?:^|/)RES/")
_DEC_SYMBOL = re.compile(r"(?:^|/)DEC/")
_DRAFT_SYMBOL = re.compile(r"/L\.\d+")
_HEAD_CHARS = 4000


def kind_from_text(head: str, symbol: str | None) -> str | None:
    """The kind the first page says, or None when it says nothing."""
    head = head[:_HEAD_CHARS]
    symbol = symbol or ""
    for pats in PATTERNS:
        adopted = pats.adopted.search(head) if "adopted by" in head else None
        if _RES_SYMBOL.search(symbol) or (adopted and adopted.group(1) == "Resolution"):
            return RESOLUTION
        if _DEC_SYMBOL.search(symbol) or (adopted and adopted.group(1) == "Decision"):
            return DECISION
        draft = pats.draft_marker.search(head) if "raft" in head else None
        if draft:
            return DRAFT_DECISION if draft.group(2).lower() == "decision" else DRAFT_RESOLUTION
        if _DRAFT_SYMBOL.search(symbol) and pats.enacting.search(head):
            return DRAFT_RESOLUTION
        if _is_treaty(head):
            return TREATY
        if any(pats.report_marker.match(_plain(line)) for line in head.split("\n")[:60]):
            return REPORT
        if p.SPEAKER_MARKER.search(head[:600]):
            return STATEMENT
    return None


def _plain(line: str) -> str:
    """A head line without Markdown heading marks or bold ("# Report of …")."""
    return _MARKS.sub("", line.strip())


_MARKS = re.compile(r"^#{1,6}\s+|\*\*|__")


def _is_treaty(head: str) -> bool:
    if "Parties" not in head:  # spares a speech the line-by-line search
        return False
    formula = re.search(r"^The\s+(?:States\s+)?Parties\s+to\s+th", head, re.M)
    return bool(formula and re.search(r"^Article\s+1\b", head, re.M))
