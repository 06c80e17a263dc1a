"""Format readers: bytes on disk -> raw text in a light Markdown-like form.

Each reader returns ``RawText``: the text (paragraphs separated by blank
lines, page breaks as form feeds, headings as ``#`` lines where the format
says so) and the format it came from.
"""

from __future__ import annotations

from pathlib import Path

from briefing_app.core.ingest.errors import IngestError
from briefing_app.core.ingest.filekind import regular_file_problem
from briefing_app.core.ingest.readers.base import RawText

READERS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".pdf": "pdf",
    ".docx": "docx",
    ".pptx": "pptx",
    ".html": "html",
    ".htm": "html",
}
SUPPORTED_SUFFIXES = tuple(READERS)


def read_document(path: Path, max_bytes: int) -> RawText:
    """Read any supported file; raises IngestError with a one-line reason."""
    if path.is_dir():
        raise IngestError("is a folder, not a file")
    problem = path.exists() and regular_file_problem(path)  # a FIFO would block for ever
    if problem:
        raise IngestError(problem)
    kind = READERS.get(path.suffix.lower())
    if kind is None:
        raise IngestError(f"unsupported file type '{path.suffix or path.name}'")
    if kind == "pdf":
        from briefing_app.core.ingest.readers.pdf import read_pdf

        return read_pdf(path, max_bytes)
    if kind == "docx":
        from briefing_app.core.ingest.readers.docx import read_docx

        return read_docx(path, max_bytes)
    if kind == "pptx":
        from briefing_app.core.ingest.readers.pptx import read_pptx

        return read_pptx(path, max_bytes)
    if kind == "html":
        from briefing_app.core.ingest.readers.html import read_html

        return read_html(path, max_bytes)
    from briefing_app.core.ingest.readers.text import read_text

    return read_text(path, max_bytes)
