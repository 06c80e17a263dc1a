"""Plain text and Markdown files."""

from __future__ import annotations

from pathlib import Path

from briefing_app.core.ingest.readers.base import RawText
from briefing_app.core.ingest.safety import decode_text, read_bytes


def read_text(path: Path, max_bytes: int) -> RawText:
    decoded = decode_text(read_bytes(path, max_bytes))
    fmt = "markdown" if path.suffix.lower() in (".md", ".markdown") else "text"
    raw = RawText(decoded.text, fmt)
    if decoded.encoding in ("cp1252", "latin-1"):
        raw.warnings.append(f"not UTF-8; read as {decoded.encoding}")
    if not raw.text.strip():
        from briefing_app.core.ingest.errors import IngestError

        raise IngestError("the file is empty")
    return raw
