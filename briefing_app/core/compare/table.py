"""Side-by-side export for a briefing note: a Word table old | new | change.

Deleted words are struck through in the old column, inserted words bold and
underlined in the new one, so the table reads on paper without Track Changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Inches, Pt

from briefing_app.core.compare.model import UNCHANGED, Comparison, UnitChange, spaced_runs
from briefing_app.core.precedents.diff import DELETE, INSERT

#: Old and new share the page; the change column needs a few words only.
_WIDTHS = (Inches(3.9), Inches(3.9), Inches(1.5))


def write_table(comparison: Comparison, path: Path, *, changed_only: bool = False) -> Path:
    """Write the table (landscape A4-wide page); ``changed_only`` drops unchanged rows."""
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    document.add_heading(f"{comparison.old_title} → {comparison.new_title}", level=1)
    document.add_paragraph(comparison.summary_line())
    if comparison.renumbering:
        document.add_paragraph("Renumbered: " + "; ".join(comparison.renumbering))
    rows = [c for c in comparison.changes if not (changed_only and c.status == UNCHANGED)]
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, heading in zip(table.rows[0].cells, ("Old", "New", "Change"), strict=True):
        cell.paragraphs[0].add_run(heading).bold = True
    current = ""
    for change in rows:
        unit = change.new or change.old
        if unit is not None and unit.section != current:
            current = unit.section
            if current:  # a full-width row names the annex or part
                first, *_, last = table.add_row().cells
                first.merge(last).paragraphs[0].add_run(current).italic = True
        old_cell, new_cell, what = table.add_row().cells
        _side(old_cell.paragraphs[0], change, old=True)
        _side(new_cell.paragraphs[0], change, old=False)
        what.paragraphs[0].add_run(change.describe())
    table.autofit = False
    for column, width in zip(table.columns, _WIDTHS, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, _WIDTHS, strict=False):
            cell.width = width
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(9)
    path = Path(path)
    document.save(str(path))
    return path


def _side(paragraph: Any, change: UnitChange, *, old: bool) -> None:
    unit = change.old if old else change.new
    if unit is None:
        return
    paragraph.add_run(change.short_labels()[0 if old else 1]).bold = True
    paragraph.add_run(" ")
    for op, text in spaced_runs(change.ops, INSERT if old else DELETE):
        run = paragraph.add_run(text)
        if op == DELETE:
            run.font.strike = True
        elif op == INSERT:
            run.bold = True
            run.underline = True
