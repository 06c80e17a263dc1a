"""DOCX: the body as paragraphs and pipe tables, footnotes apart, furniture out.

Read straight from the WordprocessingML with lxml (``docx_body.py``): only
the body part (running headers and footers are page furniture), plus the
first page's own header, the masthead where UN documents print their symbol
and dates. Automatic numbering is kept (``docx_numbering.py``); footnote and
endnote references become superscript markers with the notes in
``RawText.footnotes``; drawings and field codes never reach the text.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from briefing_app.core.ingest.errors import IngestError
from briefing_app.core.ingest.readers.base import RawText
from briefing_app.core.ingest.readers.docx_body import (
    Context,
    body_blocks,
    first_page_header_ref,
    header_lines,
    notes_text,
    superscript,
)
from briefing_app.core.ingest.readers.docx_numbering import Numbering
from briefing_app.core.ingest.readers.ooxml import Package, W, attr, child
from briefing_app.core.ingest.safety import check_zip_container, read_bytes


def read_docx(path: Path, max_bytes: int) -> RawText:
    read_bytes(path, max_bytes)  # size and readability checks
    check_zip_container(path, "word/document.xml")
    try:
        with zipfile.ZipFile(path) as archive:
            text, notes = _read(Package(archive))
    except IngestError:
        raise
    except Exception as exc:  # damaged XML, missing parts: one clear line
        raise IngestError(f"could not read the DOCX ({type(exc).__name__})") from exc
    if not text.strip():
        raise IngestError("the document has no text")
    return RawText(text + "\n", "docx", footnotes=notes, paragraphs=True)


def _read(package: Package) -> tuple[str, list[str]]:
    document = package.part("word/document.xml")
    body = child(document, "body")
    if body is None:
        raise IngestError("not a Word document (no body)")
    styles = package.by_type("styles")
    names = {}
    if styles is not None:
        for style in styles.iterfind(f"{W}style"):
            names[attr(style, "styleId") or ""] = attr(child(style, "name"), "val") or ""
    ctx = Context(Numbering(package.by_type("numbering"), styles), names)
    masthead = header_lines(package.by_id(first_page_header_ref(body)), ctx)
    ctx.numbering.counters.clear()  # the masthead does not count in the body's lists
    blocks = body_blocks(body, ctx)
    notes = {
        f"footnote:{k}": v
        for k, v in notes_text(package.by_type("footnotes"), "footnote", ctx).items()
    }
    notes.update(
        {
            f"endnote:{k}": v
            for k, v in notes_text(package.by_type("endnotes"), "endnote", ctx).items()
        }
    )
    footnotes = [
        f"{superscript(number)} {notes[key]}"
        for key, number in sorted(ctx.notes_seen.items(), key=lambda item: item[1])
        if key in notes
    ]
    return "\n\n".join(masthead + blocks), footnotes
