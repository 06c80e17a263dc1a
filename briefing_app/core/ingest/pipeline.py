"""ingest_file: one file in, one structured document out (or a clear refusal)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from briefing_app.core.ingest import metadata as md
from briefing_app.core.ingest import patterns as p
from briefing_app.core.ingest.cleanup import clean
from briefing_app.core.ingest.errors import IngestError
from briefing_app.core.ingest.footnotes import attach_footnotes
from briefing_app.core.ingest.genres import Recognised, recognise
from briefing_app.core.ingest.genres.front import read_front
from briefing_app.core.ingest.manifest import MANIFEST_FIELDS, Manifest
from briefing_app.core.ingest.markup import strip_markup
from briefing_app.core.ingest.readers import SUPPORTED_SUFFIXES, read_document
from briefing_app.core.ingest.safety import MAX_FILE_BYTES
from briefing_app.core.ingest.slides import (
    PAGED_DECKS,
    deck_text,
    is_markdown_export,
    title_slide_metadata,
)
from briefing_app.core.ingest.speech_preamble import read_preamble
from briefing_app.core.models import (
    DOCUMENT_KINDS,
    OTHER,
    RECOMMENDATION,
    DocumentMeta,
    IngestedDocument,
    Segment,
)

__all__ = ["SUPPORTED_SUFFIXES", "file_hash", "ingest_file", "slugify"]


def slugify(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or "document"


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def ingest_file(
    path: Path,
    manifest: Manifest | None = None,
    doc_id: str | None = None,
    *,
    max_bytes: int = MAX_FILE_BYTES,
    content_hash: str | None = None,
) -> IngestedDocument:
    """Read, clean and structure one file. Raises IngestError with a reason.

    ``content_hash``: the file's SHA-256 when the caller already has it (the
    indexer hashes every file to decide what to read), so it is not read twice.
    """
    path = Path(path)
    raw = read_document(path, max_bytes)
    fmt = raw.format
    if fmt == "text" and is_markdown_export(raw.text):
        fmt = "markdown"  # a slide deck exported as text: headings and bullets
    if fmt in PAGED_DECKS:
        cleaned = deck_text(raw.text)
    else:
        cleaned = clean(raw.text, hard_wrapped=fmt != "markdown", laid_out=raw.paragraphs)
    if not cleaned.blocks:
        raise IngestError("no text left after clean-up")
    doc_id = doc_id or slugify(path.stem)
    entry = (manifest.lookup(path) if manifest else None) or {}
    recognised = recognise(doc_id, cleaned.blocks, fmt, entry.get("kind"))
    structure = recognised.structure
    if not structure.segments:
        raise IngestError("no paragraphs found")
    notes = list(cleaned.footnotes)
    for note in raw.footnotes:
        marker, _, text = note.partition(" ")
        notes.append((marker.translate(p.FROM_SUPERSCRIPT), text))
    attach_footnotes(structure.segments, list(dict.fromkeys(notes)))  # each note once
    _unique_ids(structure.segments)
    meta = _metadata(path, doc_id, recognised, entry, cleaned.record_heads[:1])
    meta.content_hash = content_hash or file_hash(path)
    warnings = list(raw.warnings)
    if structure.inferred:
        warnings.append(
            "numbers inferred from the sequence: "
            + ", ".join(s.split("#", 1)[1] for s in structure.inferred)
        )
    return IngestedDocument(meta, structure.segments, warnings)


def _unique_ids(segments: list[Segment]) -> None:
    """Ids must be unique: a number repeated in one scope gets its position."""
    seen: set[str] = set()
    for segment in segments:
        if segment.segment_id in seen:
            scope = segment.scope
            segment.scope = f"{scope}.{segment.order}" if scope else f"u{segment.order}"
        seen.add(segment.segment_id)


def _metadata(
    path: Path,
    doc_id: str,
    recognised: Recognised,
    entry: dict[str, Any],
    record_heads: list[str] | None = None,
) -> DocumentMeta:
    structure = recognised.structure
    preamble_text = "\n".join(strip_markup(b.text) for b in structure.preamble)
    head = (preamble_text or "\n".join(s.text for s in structure.segments[:2]))[:2500]
    if record_heads:  # a transcript's running head names its record and date
        head = "\n".join([*record_heads, head])
    marker, speaker, organization = md.speaker_and_organization(structure.preamble)
    place = None
    if structure.shape == "speech":
        front = read_preamble(structure.preamble)
        speaker, organization, place = front.speaker, front.organization, front.place
    if structure.shape == "slides" and structure.segments:
        title, date, speaker, organization = title_slide_metadata(structure.segments[0])
        kind = "presentation"
    else:
        if structure.shape == "speech":
            title = front.title
        else:
            title = md.infer_title(structure.preamble, marker, speaker)
        date = md.parse_date(head)
        kind = recognised.kind or _kind(structure)
    meta = DocumentMeta(
        doc_id=doc_id,
        title=title or _humanise(path.stem),
        kind=kind,
        date=date,
        body=md.find_body(head),
        speaker=speaker,
        organization=organization,
        symbol=md.find_symbol(head),
        place=place,
        source=str(path),
    )
    # A UN title block (symbol, dates, agenda item …) heads every genre but
    # speeches and slides; a speech's preamble is read by ``speech.py``.
    plain_speech = structure.shape == "speech" and recognised.kind in (None, "statement")
    if structure.shape != "slides" and not plain_speech:
        front_matter = read_front(structure.front or recognised.head, path.name)
        if structure.shape == "speech":
            front_matter.title = None  # a speech's title comes from its preamble
        _apply_front(meta, front_matter, structure.closing)
    for key in MANIFEST_FIELDS:
        value = entry.get(key)
        if value:
            setattr(meta, key, str(value))
        elif key in entry and key not in ("title", "kind"):
            setattr(meta, key, None)  # blanked on purpose (a user's correction)
    if meta.kind not in DOCUMENT_KINDS:
        meta.kind = OTHER  # includes "document", the old name of "other"
    return meta


def _apply_front(meta: DocumentMeta, front: Any, closing: list[str]) -> None:
    """What the title block prints beats what was guessed from the body."""
    if front.title:
        meta.title = front.title
    for key in ("symbol", "body", "committee", "session", "agenda_item", "agenda_title", "origin"):
        value = getattr(front, key)
        if value:
            setattr(meta, key, value)
    meta.distribution_date = front.distribution_date
    meta.date = front.date or front.distribution_date or meta.date
    meta.sponsors = list(front.sponsors)
    if closing:
        meta.meeting = closing[0]


def _kind(structure: Any) -> str:
    if structure.shape == "numbered":
        has_recs = any(s.kind == RECOMMENDATION for s in structure.segments)
        return "report" if has_recs or len(structure.segments) > 5 else OTHER
    return "statement" if structure.shape == "speech" else OTHER


def _humanise(stem: str) -> str:
    return re.sub(r"[_\-]+", " ", stem).strip().capitalize() or "Untitled"
