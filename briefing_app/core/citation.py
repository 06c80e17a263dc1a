"""Pinpoint citations as a delegate writes them."""

from __future__ import annotations

from briefing_app.core.models import PARAGRAPH, RECOMMENDATION, SLIDE, DocumentMeta, Segment

_UNIT = {RECOMMENDATION: "recommendation", PARAGRAPH: "para.", SLIDE: "slide"}


def document_reference(doc: DocumentMeta) -> str:
    """The document as a citation names it: cite_as, else title, symbol and date."""
    if doc.cite_as:
        return doc.cite_as
    parts = [doc.title]
    if doc.symbol:
        parts.append(f"({doc.symbol})")
    ref = " ".join(parts)
    if doc.date and doc.date[:4] not in doc.title:
        ref += f", {format_date(doc.date)}"
    return ref


def pinpoint(kind: str, number: str) -> str:
    """'recommendation 18', 'para. 33', 'slide 4'."""
    return f"{_UNIT.get(kind, kind)} {number}".strip()


def cite(doc: DocumentMeta, segment: Segment) -> str:
    """Full citation, e.g. 'Report on the meeting …, 31 May 2021, recommendation 18'."""
    return f"{document_reference(doc)}, {pinpoint(segment.kind, segment.number)}"


_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def format_date(iso: str) -> str:
    """'2021-05-31' -> '31 May 2021' (UN style); partial dates degrade gracefully."""
    parts = iso.split("-")
    try:
        if len(parts) == 3:
            return f"{int(parts[2])} {_MONTHS[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 2:
            return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        pass
    return iso
