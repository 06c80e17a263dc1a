"""DOCX layout: tables kept as pipe tables, headers and footers left out as
furniture (the first page's masthead kept), no conversion artefacts."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from briefing_app.core.ingest import ingest_file
from briefing_app.core.ingest.readers import read_document
from tests.docx_fixtures import PNG, add_footnotes


def _report(path: Path) -> Path:
    document = docx.Document()
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "United Nations A/80/604/Add.3"
    section.first_page_header.add_paragraph("Distr.: General 8 April 2026")
    section.first_page_footer.paragraphs[0].text = "26-04950 (E) 220426 *2604950*"
    section.header.paragraphs[0].text = "A/80/604/Add.3"
    section.footer.paragraphs[0].text = "26-04950 2/13"
    document.add_paragraph("I. Introduction")
    document.add_paragraph(
        "1. The Advisory Committee met with representatives of the Secretary-General.[[fn:1]]"
    )
    document.add_paragraph("Financial resources")
    document.add_paragraph("(Thousands of United States dollars)")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [["Category", "Apportionment", "Expenditure"],
         ["III. Operational costs", "20 450.0", "19 876.3"],
         ["Total", "68 791.1", "64 732.4"]]
    ):  # fmt: skip
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.add_paragraph().add_run().add_picture(io.BytesIO(PNG))
    document.add_paragraph(
        "2. The Committee recommends the approval of the proposals of the Secretary-General."
    )
    document.add_paragraph("3. The Committee trusts that the Mission will report on the costs.")
    document.save(path)
    add_footnotes(path, {"1": "Estimates as at 28 February 2026."})
    return path


@pytest.fixture
def report(tmp_path: Path) -> Path:
    return _report(tmp_path / "A_80_604_Add.3.docx")


def test_table_is_a_pipe_table_with_its_caption(report: Path) -> None:
    text = read_document(report, 10**7).text
    assert (
        "Financial resources (Thousands of United States dollars)\n"
        "| Category | Apportionment | Expenditure |\n"
        "| --- | --- | --- |\n"
        "| III. Operational costs | 20 450.0 | 19 876.3 |\n"
        "| Total | 68 791.1 | 64 732.4 |"
    ) in text


def test_a_table_row_never_becomes_a_heading(report: Path) -> None:
    doc = ingest_file(report)
    assert all("Operational costs" not in s.section for s in doc.segments)
    para2 = next(s for s in doc.segments if s.number == "2" and s.kind == "paragraph")
    assert para2.section == "I. Introduction"
    assert any("19 876.3" in s.text for s in doc.segments)  # the table's words are kept


def test_headers_and_footers_are_furniture_but_the_masthead_stays(report: Path) -> None:
    text = read_document(report, 10**7).text
    assert text.startswith("United Nations A/80/604/Add.3\n\nDistr.: General 8 April 2026")
    assert "26-04950" not in text and "2604950" not in text
    assert text.count("A/80/604/Add.3") == 1


def test_no_conversion_artefacts_and_footnotes_apart(report: Path) -> None:
    raw = read_document(report, 10**7)
    assert "----" not in raw.text and "media/" not in raw.text
    assert "footnote" not in raw.text.lower()
    assert "Secretary-General.¹" in raw.text
    assert raw.footnotes == ["¹ Estimates as at 28 February 2026."]
    doc = ingest_file(report)
    para1 = next(s for s in doc.segments if s.number == "1")
    assert para1.footnotes == ["1 Estimates as at 28 February 2026."]
    assert doc.segments[-1].text.endswith("report on the costs.")


def test_automatic_numbering_and_bold_recommendations(tmp_path: Path) -> None:
    document = docx.Document()
    for text in ("States should mark firearms.", "States should keep records.", "UNODC assists."):
        document.add_paragraph(text, style="List Number")
    para = document.add_paragraph("The Committee notes the plan. ")
    para.add_run("The Committee recommends its approval.").bold = True
    path = tmp_path / "numbered.docx"
    document.save(path)
    paragraphs = read_document(path, 10**7).text.strip().split("\n\n")
    assert paragraphs[:3] == [
        "1. States should mark firearms.",
        "2. States should keep records.",
        "3. UNODC assists.",
    ]
    assert (
        paragraphs[3] == "The Committee notes the plan. **The Committee recommends its approval.**"
    )


def test_merged_cells_keep_their_headings_on_the_grid(tmp_path: Path) -> None:
    """A heading merged down two rows stands in both; one merged across two
    columns sits over the first, so the columns below stay aligned."""
    document = docx.Document()
    table = document.add_table(rows=3, cols=4)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "Category"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "Cost"
    table.cell(0, 3).merge(table.cell(1, 3)).text = "Variance"
    for c, text in ((1, "Apportionment"), (2, "Expenditure")):
        table.cell(1, c).text = text
    for c, text in enumerate(("Civilian", "10.0", "9.0", "1.0")):
        table.cell(2, c).text = text
    path = tmp_path / "merged.docx"
    document.save(path)
    assert read_document(path, 10**7).text.strip() == (
        "| Category | Cost |  | Variance |\n"
        "| --- | --- | --- | --- |\n"
        "| Category | Apportionment | Expenditure | Variance |\n"
        "| Civilian | 10.0 | 9.0 | 1.0 |"
    )
