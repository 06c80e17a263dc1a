"""Temporary naive pipeline (being replaced by the real readers and structure)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from briefing_app.core.ingest.errors import IngestError
from briefing_app.core.ingest.manifest import Manifest
from briefing_app.core.models import PARAGRAPH, DocumentMeta, IngestedDocument, Segment

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".pdf", ".html", ".htm")


def slugify(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or "document"


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def ingest_file(
    path: Path, manifest: Manifest | None = None, doc_id: str | None = None
) -> IngestedDocument:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise IngestError(f"cannot read: {exc}") from exc
    entry = (manifest.lookup(path) if manifest else None) or {}
    doc_id = doc_id or slugify(path.stem)
    meta = DocumentMeta(doc_id=doc_id, title=entry.get("title", path.stem), source=str(path))
    for key in ("kind", "date", "body", "meeting", "speaker", "organization", "symbol"):
        if key in entry:
            setattr(meta, key, entry[key])
    meta.content_hash = file_hash(path)
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if len(b.strip()) > 40]
    segments = [
        Segment(doc_id, PARAGRAPH, str(i), "", b, b, order=i) for i, b in enumerate(blocks, 1)
    ]
    return IngestedDocument(meta, segments)
