"""Export the current hit list for a briefing note: DOCX table or CSV.

The DOCX is what a delegate pastes into a briefing note: one row per hit
with its citation, kind and the passage (the snippet's fragments, the words
the search matched in bold). The CSV carries the same plus ids and scores for a
spreadsheet. Both are written to a temporary file next to the target and
renamed, so a failed export never leaves half a file behind.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from briefing_app.core.annotation.operative import operative_phrase
from briefing_app.core.atomic import write_bytes_atomic
from briefing_app.core.index.snippets import Run, fragment_runs, runs_text, word_spans_of
from briefing_app.core.models import Hit, SearchResult

SUFFIXES = (".docx", ".csv")
CSV_COLUMNS = (
    "rank",
    "citation",
    "kind",
    "number",
    "document",
    "date",
    "operative",
    "text",
    "snippet",
    "segment_id",
    "score",
)


class ExportError(ValueError):
    """One-line reason the export could not be written."""


def export_hits(result: SearchResult, path: Path) -> Path:
    """Write ``result`` to ``path`` (.docx or .csv by suffix); returns the path."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ExportError(f"use a .docx or .csv file name (not {path.suffix or 'no suffix'!r})")
    data = _docx_bytes(result) if suffix == ".docx" else _csv_text(result).encode("utf-8")
    write_bytes_atomic(path, data)
    return path


def snippet_runs(hit: Hit) -> list[Run]:
    """The hit's snippet as runs (matched words marked), else its whole text."""
    if not hit.snippet:
        return [(hit.text, False)]
    return fragment_runs(hit.text, word_spans_of(hit.text, hit.terms))


def _operative(hit: Hit) -> str | None:
    """From the precedent finder, else read off the text (plain search hits)."""
    if hit.precedent is not None:
        return hit.precedent.operative
    return operative_phrase(hit.text, hit.kind)


def _kind_label(hit: Hit) -> str:
    label = hit.kind
    operative = _operative(hit)
    if operative:
        label += f" ({operative})"
    return label


def _csv_text(result: SearchResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for rank, hit in enumerate(result.hits, 1):
        writer.writerow(
            [
                rank,
                hit.citation,
                hit.kind,
                hit.number,
                hit.doc_title,
                (hit.precedent.date if hit.precedent else None) or "",
                _operative(hit) or "",
                hit.text,
                runs_text(snippet_runs(hit), "", "") if hit.snippet else "",
                hit.segment_id,
                f"{hit.score:.4f}",
            ]
        )
    return buffer.getvalue()


def _docx_bytes(result: SearchResult) -> bytes:
    from docx import Document  # heavy import, only when exporting
    from docx.shared import Pt

    document = Document()
    document.add_heading(f"Search results: {result.query}", level=1)
    shown = len(result.hits)
    count = f"{shown} of {result.total} result(s)" if result.total > shown else f"{shown} result(s)"
    document.add_paragraph(count)
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, ("No.", "Citation", "Kind", "Text"), strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(title).bold = True
    for rank, hit in enumerate(result.hits, 1):
        cells = table.add_row().cells
        cells[0].text = str(rank)
        cells[1].text = hit.citation
        cells[2].text = _kind_label(hit)
        paragraph = cells[3].paragraphs[0]
        for text, bold in snippet_runs(hit):
            run = paragraph.add_run(text)
            run.bold = bold
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(9)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
