"""PDF page layout: furniture removed per page, footnotes apart, pages joined."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.ingest import ingest_file
from briefing_app.core.ingest.readers import read_document
from tests.pdf_fixtures import body_lines, write_layout_pdf

HEAD_EVEN = "A/RES/79/175 The right to privacy in the digital age"
HEAD_ODD = "The right to privacy in the digital age A/RES/79/175"


def _resolution(path: Path) -> Path:
    """Three pages laid out like a General Assembly resolution."""
    page1 = [
        (123, 734, 14, "United Nations A/RES/79/175"),
        (123, 705, 20, "General Assembly Distr.: General"),
        (398, 693, 10, "20 December 2024"),
        (65, 44, 10, "24-24216 (E) 201224"),
        (65, 30, 12, "*2424216*"),
        (73, 600, 12, "79/175. The right to privacy in the digital age"),
        (147, 576, 10, "The General Assembly,"),
        *body_lines(
            147,
            558,
            [
                "Having considered the report of the Committee on Relations with the Host ",
                "Country,",
            ],
        ),
        (172, 549, 6, "1"),
        *body_lines(
            147,
            528,
            [
                "Recalling its previous resolutions on the right to privacy in the digital ",
                "age, and welcoming the work of the Office of the High Commissioner,",
            ],
        ),
        (99, 118, 8, "__________________"),
        (117, 108, 6, "1"),
        (121, 106, 8, "Official Records of the General Assembly, Supplement No. 26 (A/78/26)."),
    ]
    page2 = [
        (60, 733, 8.5, HEAD_EVEN),
        (60, 37, 8.5, "2/3 24-24216"),
        *body_lines(
            147,
            700,
            [
                "1. Calls upon all States to respect and protect the right to privacy, ",
                "including in the context of digital communication and new ",
                "technologies;",
            ],
        ),
        *body_lines(
            147,
            664,
            [
                "(a) To review their procedures, practices and legislation regarding the ",
                "surveillance of communications, with a view to upholding the right to ",
                "privacy and to continuing to maintain the proper implementation of ",
            ],
        ),
    ]
    page3 = [
        (60, 733, 8.5, HEAD_ODD),
        (60, 37, 8.5, "24-24216 3/3"),
        *body_lines(
            123,
            700,
            [
                "all their obligations under international human rights law, and to ",
                "develop or maintain adequate safeguards;",
            ],
        ),
        *body_lines(147, 670, ["(b) To invite the High Commissioner to report to the Council."]),
    ]
    return write_layout_pdf(path, [page1, page2, page3])


@pytest.fixture
def resolution(tmp_path: Path) -> Path:
    return _resolution(tmp_path / "A_RES_79_175.pdf")


def test_running_heads_job_numbers_bar_codes_and_page_numbers_go(resolution: Path) -> None:
    text = read_document(resolution, 10**7).text
    for furniture in ("24-24216", "*2424216*", "2/3", "3/3", HEAD_EVEN, HEAD_ODD):
        assert furniture not in text, furniture
    assert text.startswith("United Nations A/RES/79/175")  # the masthead stays
    assert "79/175. The right to privacy in the digital age" in text


def test_a_paragraph_cut_by_the_page_break_is_whole_again(resolution: Path) -> None:
    paragraphs = read_document(resolution, 10**7).text.split("\n\n")
    assert (
        "(a) To review their procedures, practices and legislation regarding the "
        "surveillance of communications, with a view to upholding the right to privacy and "
        "to continuing to maintain the proper implementation of all their obligations under "
        "international human rights law, and to develop or maintain adequate safeguards;"
    ) in paragraphs
    assert "(b) To invite the High Commissioner to report to the Council." in paragraphs
    items = [p[:3] for p in paragraphs if p.startswith(("1.", "(a)", "(b)"))]
    assert items == ["1. ", "(a)", "(b)"]


def test_paragraph_ending_in_a_comma_is_not_joined_to_the_next(resolution: Path) -> None:
    paragraphs = read_document(resolution, 10**7).text.split("\n\n")
    recalling = next(p for p in paragraphs if p.startswith("Recalling"))
    assert recalling.endswith("of the High Commissioner,")


def test_footnotes_are_set_apart_with_their_marker(resolution: Path) -> None:
    raw = read_document(resolution, 10**7)
    assert raw.footnotes == [
        "¹ Official Records of the General Assembly, Supplement No. 26 (A/78/26)."
    ]
    assert "Host Country,¹" in raw.text
    assert "Supplement No. 26" not in raw.text


def test_ingested_units_hold_no_furniture_and_keep_the_footnote(resolution: Path) -> None:
    doc = ingest_file(resolution)
    joined = "\n".join(s.text for s in doc.segments)
    assert "24-24216" not in joined and "A/RES/79/175 The right" not in joined
    assert any("Supplement No. 26" in note for s in doc.segments for note in s.footnotes)


def test_landscape_page_heads_up_the_side_are_furniture(tmp_path: Path) -> None:
    portrait = [
        (60, 733, 8.5, "A/80/600"),
        (60, 37, 8.5, "2/3 26-00971"),
        *body_lines(123, 700, ["A paragraph of body text that is long enough to wrap. "]),
    ]
    landscape = [
        (738, 300, 8.5, "A/80/600"),
        (38, 200, 8.5, "26-00971 3/3"),
        *body_lines(60, 540, ["Organization chart of the Mission, with its units."]),
    ]
    first = [(60, 500, 10, "First page of the report.")]
    path = write_layout_pdf(tmp_path / "report.pdf", [first, portrait])
    wide = write_layout_pdf(
        tmp_path / "wide.pdf", [first, portrait, landscape], sizes=[(612, 792)] * 2 + [(792, 612)]
    )
    for file in (path, wide):
        text = read_document(file, 10**7).text
        assert "26-00971" not in text and "A/80/600" not in text, file.name
    assert "Organization chart of the Mission" in read_document(wide, 10**7).text


def _report_with_table(path: Path) -> Path:
    wrap = "The Committee recalls the Mission's budget and its performance over the year, and "
    page1 = [
        (123, 734, 14, "United Nations A/80/604/Add.3"),
        (123, 620, 10, "Contents"),
        (108, 600, 10, "I. Introduction ........................................ 1"),
        (108, 582, 10, "II. Budget performance ................................. 2"),
        (73, 540, 10, "I. Introduction"),
        *body_lines(147, 520, ["1. " + wrap, "notes the report before it."]),
        *body_lines(147, 490, ["2. " + wrap, "notes the figures below."]),
        (123, 460, 10, "Financial resources"),
        (123, 446, 8, "(Thousands of United States dollars)"),
        (123, 434, 8, "Category Apportionment Expenditure"),
        (123, 422, 8, "III. Operational costs 20 450.0 19 876.3"),
        (123, 410, 8, "Total"),  # a row set cell by cell, as tables are
        (300, 410, 8, "68 791.1"),
        (400, 410, 8, "64 732.4"),
        *body_lines(147, 380, ["3. " + wrap, "trusts that it will be kept."]),
    ]
    return write_layout_pdf(path, [page1])


def test_pdf_table_area_is_a_pipe_table_with_its_caption_never_a_heading(tmp_path: Path) -> None:
    path = _report_with_table(tmp_path / "report.pdf")
    text = read_document(path, 10**7).text
    assert (
        "Financial resources (Thousands of United States dollars)\n"
        "| Category Apportionment Expenditure |\n"
        "| III. Operational costs 20 450.0 19 876.3 |\n"
        "| Total | 68 791.1 | 64 732.4 |"
    ) in text
    assert "| I. Introduction | 1 |\n| II. Budget performance | 2 |" in text
    doc = ingest_file(path)
    assert all("Operational costs" not in s.section for s in doc.segments)
    assert all("Budget performance" not in s.section for s in doc.segments)
    para3 = next(s for s in doc.segments if s.number == "3")
    assert para3.section == "I. Introduction"


@pytest.mark.parametrize(
    "line",
    [
        "2/12 24-24216",
        "24-24216 9/12",
        "- 3 -",
        "*2423058*",
        "17",
        "V.21-03928 3/16",
        "Page 4 of 9",
    ],
)
def test_edge_furniture_patterns(line: str) -> None:
    from briefing_app.core.ingest.layout.furniture import is_edge_furniture

    assert is_edge_furniture(line)


@pytest.mark.parametrize("line", ["11 December 2023", "Agenda item 161", "78/116. Report"])
def test_edge_lines_that_are_text_stay(line: str) -> None:
    from briefing_app.core.ingest.layout.furniture import is_edge_furniture

    assert not is_edge_furniture(line)


def test_running_heads_on_odd_and_even_pages_share_one_key() -> None:
    from briefing_app.core.ingest.layout.furniture import running_key

    assert (
        running_key(HEAD_EVEN) == running_key(HEAD_ODD) == "the right to privacy in the digital age"
    )
    assert running_key("A/81/6 (Sect. 3) Part II Political affairs 24-23058 9/12") == (
        "part ii political affairs"
    )
