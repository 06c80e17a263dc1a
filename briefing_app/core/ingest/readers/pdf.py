"""PDF text with pypdfium2, laid out page by page (see ``core/ingest/layout``).

Each page's lines come with their positions, so page furniture is removed and
footnotes set apart per page before the pages are joined.
"""

from __future__ import annotations

from pathlib import Path

from briefing_app.core.ingest.errors import IngestError
from briefing_app.core.ingest.layout import compose
from briefing_app.core.ingest.layout.lines import page_lines
from briefing_app.core.ingest.layout.pages import Page
from briefing_app.core.ingest.pdf_deck import PDF_DECK, is_pdf_deck, pdf_deck_text
from briefing_app.core.ingest.readers.base import RawText
from briefing_app.core.ingest.safety import read_bytes

MAX_PAGES = 2000


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
                pages.append(Page(page_lines(textpage), page.get_height(), page.get_width()))
                textpage.close()
            finally:
                page.close()
    except pdfium.PdfiumError as exc:
        raise IngestError("damaged PDF (a page cannot be read)") from exc
    finally:
        pdf.close()
    if not any(p.lines for p in pages):
        raise IngestError("the PDF has no text layer (scanned images?); run OCR first")
    if is_pdf_deck(pages):  # slides saved as PDF: one slide per page
        return RawText(pdf_deck_text(pages), PDF_DECK)
    composed = compose(pages)
    return RawText(
        composed.text, "pdf", footnotes=composed.footnotes, paragraphs=composed.paragraphs
    )
