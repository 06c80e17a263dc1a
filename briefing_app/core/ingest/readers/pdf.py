"""PDF text with pypdfium2: reading order is PDFium's, pages end in form feeds."""

from __future__ import annotations

import re
from pathlib import Path

from briefing_app.core.ingest.errors import IngestError
from briefing_app.core.ingest.readers.base import RawText
from briefing_app.core.ingest.safety import read_bytes

MAX_PAGES = 2000
# PDFium marks a soft (line-end) hyphen as \x02 (U+FFFE in some builds): rejoin
# the word it split.
_SOFT_HYPHEN = re.compile("[\x02\ufffe\u00ad][ \t]*(?:\r\n|\n|\r)?")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def read_pdf(path: Path, max_bytes: int) -> RawText:
    import pypdfium2 as pdfium

    data = read_bytes(path, max_bytes)
    if not data.lstrip().startswith(b"%PDF"):
        raise IngestError("not a valid PDF (no PDF header)")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message or "security" in message:
            raise IngestError("the PDF is password-protected") from exc
        raise IngestError("not a valid PDF (damaged or incomplete)") from exc
    try:
        if len(pdf) > MAX_PAGES:
            raise IngestError(f"too many pages ({len(pdf)}; the limit is {MAX_PAGES})")
        pages = []
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                textpage = page.get_textpage()
                pages.append(_clean_page(textpage.get_text_range()))
                textpage.close()
            finally:
                page.close()
    except pdfium.PdfiumError as exc:
        raise IngestError("damaged PDF (a page cannot be read)") from exc
    finally:
        pdf.close()
    if not any(p.strip() for p in pages):
        raise IngestError("the PDF has no text layer (scanned images?); run OCR first")
    return RawText("\f".join(pages), "pdf")


def _clean_page(text: str) -> str:
    text = _SOFT_HYPHEN.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)
