"""DOCX with docx2python: keeps automatic paragraph numbering and footnotes.

Only the body part is read (headers and footers are page furniture); tables
come out as Markdown pipe-table blocks (see ``core/ingest/layout/tables.py``);
footnote references become superscript markers and the notes go to
``RawText.footnotes``; image placeholders are dropped.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from briefing_app.core.ingest.errors import IngestError
from briefing_app.core.ingest.layout.tables import caption_and_table
from briefing_app.core.ingest.readers.base import RawText
from briefing_app.core.ingest.safety import check_zip_container, read_bytes

_HEADING = re.compile(r"<h([1-6])>(.*?)</h\1>", re.S)
_BOLD = re.compile(r"</?b>")
_ITALIC = re.compile(r"</?i>")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_NOTE_REF = re.compile(r"----(?:footnote|endnote)(\d+)----")
_PLACEHOLDER = re.compile(r"----(?:media/[^\s]*?|[A-Za-z]+\d*)----")
_NOTE_TEXT = re.compile(r"^(?:footnote|endnote)(\d+)\)\s*")
_EMPTY_MARKS = re.compile(r"\*\*\s*\*\*|(?<!\*)\*\s*\*(?!\*)")
_SPACES = re.compile(r"[ \t\u00a0]+")


def read_docx(path: Path, max_bytes: int) -> RawText:
    read_bytes(path, max_bytes)  # size and readability checks
    check_zip_container(path, "word/document.xml")
    from docx2python import docx2python
    from docx2python.iterators import is_tbl

    try:
        with docx2python(path, html=True, duplicate_merged_cells=False) as result:
            blocks = _body(result.body_pars, is_tbl)
            notes = _notes(result.footnotes_pars) + _notes(result.endnotes_pars)
    except IngestError:
        raise
    except Exception as exc:  # docx2python raises many kinds on damaged files
        raise IngestError(f"could not read the DOCX ({type(exc).__name__})") from exc
    text = "\n\n".join(_masthead(path) + blocks)
    if not text.strip():
        raise IngestError("the document has no text")
    return RawText(text + "\n", "docx", footnotes=notes, paragraphs=True)


def _masthead(path: Path) -> list[str]:
    """The first page's own header: the masthead with the symbol and dates.

    Running headers and all footers (job number, bar code) are furniture and
    are never read; a first-page header is the document's masthead.
    """
    import docx

    try:
        section = docx.Document(str(path)).sections[0]
        if not section.different_first_page_header_footer:
            return []
        header = section.first_page_header
        if header.is_linked_to_previous:
            return []
        texts = [p.text for p in header.paragraphs]
        for table in header.tables:
            for row in table.rows:
                for cell in _unique_cells(row.cells):
                    texts.extend(p.text for p in cell.paragraphs)
    except Exception:  # a masthead we cannot read is no reason to refuse the file
        return []
    return [line for line in (" ".join(t.split()) for t in texts) if line]


def _unique_cells(cells: list) -> list:  # type: ignore[type-arg]
    seen: list = []  # type: ignore[type-arg]
    for cell in cells:
        if not any(cell._tc is other._tc for other in seen):
            seen.append(cell)
    return seen


def _body(tables: list, is_tbl) -> list[str]:  # type: ignore[no-untyped-def]
    """Paragraphs and tables in body order; a table takes its caption along."""
    blocks: list[str] = []
    for element in tables:
        if is_tbl(element):
            rows = [
                [" ".join(_par_text(p) for p in cell).strip() for cell in row] for row in element
            ]
            caption, table = caption_and_table(blocks, rows)
            if table:
                blocks.append(f"{caption}\n{table}" if caption else table)
            elif caption:
                blocks.append(caption)
            continue
        for row in element:
            for cell in row:
                for par in cell:
                    text = _par_text(par)
                    if text:
                        blocks.append(text)
    return blocks


def _par_text(par: object) -> str:
    text = "".join(par.run_strings)  # type: ignore[attr-defined]
    return _to_markdown(text)


def _to_markdown(text: str) -> str:
    text = _HEADING.sub(lambda m: "#" * int(m.group(1)) + " " + m.group(2).strip(), text)
    text = _NOTE_REF.sub(lambda m: _superscript(m.group(1)), text)
    text = _PLACEHOLDER.sub(" ", text)
    text = _BOLD.sub("**", text)
    text = _ITALIC.sub("*", text)
    text = _TAG.sub("", text)
    text = _EMPTY_MARKS.sub(" ", html.unescape(text))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def _notes(pars: list) -> list[str]:  # type: ignore[type-arg]
    """Footnote or endnote texts, each with its superscript marker."""
    notes: list[tuple[str, list[str]]] = []
    for table in pars:
        for row in table:
            for cell in row:
                for par in cell:
                    raw = "".join(par.run_strings)
                    start = _NOTE_TEXT.match(_TAG.sub("", raw))
                    if start:
                        notes.append((start.group(1), []))
                        raw = _NOTE_TEXT.sub("", _TAG.sub("", raw), count=1)
                    text = _to_markdown(raw)
                    if text and notes:
                        notes[-1][1].append(text)
    return [f"{_superscript(n)} {' '.join(parts)}" for n, parts in notes if parts]


_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _superscript(number: str) -> str:
    return number.translate(_SUPERSCRIPTS)
