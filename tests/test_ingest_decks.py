"""Slide decks: the seed deck as .txt and .md, and .pptx files built with python-pptx."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Inches

from briefing_app.core.ingest import SUPPORTED_SUFFIXES, IngestError, ingest_file
from briefing_app.core.library import Library
from briefing_app.core.models import SLIDE
from tests.conftest import PONTI

PROJECT_SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED_DECK = PROJECT_SHARED / "seeds" / "000_501cf507ae391b1e.txt"


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_seed_deck_as_text_or_markdown_becomes_flat_slides(tmp_path: Path, suffix: str) -> None:
    source = SEED_DECK if SEED_DECK.exists() else PONTI  # the bundled copy is the same file
    deck = shutil.copy(source, tmp_path / f"deck{suffix}")
    doc = ingest_file(Path(deck))
    assert doc.meta.kind == "presentation"
    assert [s.kind for s in doc.segments] == [SLIDE] * 8
    titles = [s.section for s in doc.segments]
    assert titles[:3] == [
        "What to expect from BMS7?",
        "Two questions",
        "First expectation: the enhancement of States' \"political\" commitment on SALW's control",
    ]
    assert all(" › " not in t for t in titles)  # titles never nest under each other
    assert titles[5] == titles[6] == titles[7]  # a repeated title is a new slide
    assert doc.segments[1].text.startswith("Two questions")
    assert "How civil society could contribute" in doc.segments[1].text
    assert doc.meta.title == "What to expect from BMS7?"
    assert doc.meta.speaker == "Christian Ponti"
    assert doc.meta.organization is not None
    assert doc.meta.organization.endswith("Observatory on organized crime (CROSS)")
    assert doc.meta.date == "2021-07-21"


def test_plain_text_with_a_stray_hash_line_is_not_a_deck(tmp_path: Path) -> None:
    path = tmp_path / "speech.txt"
    path.write_text(
        "Statement by the delegation of Examplia\n\n# 1 priority\n\n"
        + "We thank the Chair for convening this meeting and for the excellent preparation.\n\n"
        * 3,
        encoding="utf-8",
    )
    assert ingest_file(path).meta.kind != "presentation"


def _deck(path: Path) -> Path:
    """A small deck: title slide, bullets + notes, a table and a group, a titleless slide."""
    prs = Presentation()
    title_slide = prs.slides.add_slide(prs.slide_layouts[0])
    title_slide.shapes.title.text = "Small arms control after BMS8"
    title_slide.placeholders[1].text = "Jane Example\nUNIDIR\n24 June 2025"

    bullets = prs.slides.add_slide(prs.slide_layouts[1])
    bullets.shapes.title.text = "Three priorities"
    body = bullets.placeholders[1].text_frame
    body.text = "Marking and record-keeping"
    sub = body.add_paragraph()
    sub.text = "tracing requests answered within 30 days"
    sub.level = 1
    body.add_paragraph().text = "Stockpile management"
    bullets.notes_slide.notes_text_frame.text = "Stress the International Tracing Instrument."

    table_slide = prs.slides.add_slide(prs.slide_layouts[5])  # title only
    table_slide.shapes.title.text = "Reports received"
    table = table_slide.shapes.add_table(3, 2, Inches(1), Inches(2), Inches(6), Inches(2)).table
    for r, row in enumerate([("Region", "Reports"), ("Africa", "41"), ("Europe", "44")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    group = table_slide.shapes.add_group_shape()
    box = group.shapes.add_textbox(Inches(1), Inches(5), Inches(4), Inches(1))
    box.text_frame.text = "Source: national reports on the PoA"

    blank = prs.slides.add_slide(prs.slide_layouts[6])  # no title placeholder
    note = blank.shapes.add_textbox(Inches(1), Inches(1), Inches(6), Inches(1))
    note.text_frame.text = "Thank you for your attention."
    prs.save(str(path))
    return path


def test_pptx_one_unit_per_slide_with_title_body_tables_groups_and_notes(tmp_path: Path) -> None:
    doc = ingest_file(_deck(tmp_path / "bms8-deck.pptx"))
    assert [s.kind for s in doc.segments] == [SLIDE] * 4
    assert [s.number for s in doc.segments] == ["1", "2", "3", "4"]
    assert [s.section for s in doc.segments] == [
        "Small arms control after BMS8",
        "Three priorities",
        "Reports received",
        "",
    ]
    priorities = doc.segments[1]
    assert "Marking and record-keeping" in priorities.text
    assert "  - tracing requests answered within 30 days" in priorities.display
    assert "Speaker notes: Stress the International Tracing Instrument." in priorities.text
    reports = doc.segments[2]
    assert "| Region | Reports |\n| Africa | 41 |\n| Europe | 44 |" in reports.display
    assert "Source: national reports on the PoA" in reports.text  # inside a group
    assert doc.segments[3].text == "Thank you for your attention."
    meta = doc.meta
    assert meta.kind == "presentation"
    assert meta.title == "Small arms control after BMS8"
    assert meta.speaker == "Jane Example"
    assert meta.organization == "UNIDIR"
    assert meta.date == "2025-06-24"


def test_pptx_is_searchable_in_the_library(tmp_path: Path, briefing_home: Path) -> None:
    deck = _deck(tmp_path / "bms8-deck.pptx")
    with Library(briefing_home) as library:
        report = library.add([deck])
        assert "bms8-deck" in report.indexed
        hit = library.search("tracing instrument").hits[0]
        assert hit.segment_id == "bms8-deck#slide-2"
        assert hit.citation.endswith("slide 2")


def test_pptx_is_a_supported_suffix_everywhere(capsys: pytest.CaptureFixture[str]) -> None:
    from briefing_app.cli.main import main
    from briefing_app.gui.library_panel import supported_files

    assert ".pptx" in SUPPORTED_SUFFIXES  # the add-documents dialog's filter and the indexer
    assert supported_files([Path("talk.pptx")]) == [Path("talk.pptx")]  # dropped files
    with pytest.raises(SystemExit):
        main(["segments", "--help"])
    assert ".pptx" in capsys.readouterr().out


def _refusal(path: Path) -> str:
    with pytest.raises(IngestError) as info:
        ingest_file(path)
    return str(info.value)


def test_bad_pptx_files_are_refused_in_one_line(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.pptx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("ppt/presentation.xml", b"<p:presentation>" + b" " * 30_000_000)
    assert "zip bomb" in _refusal(bomb)
    (tmp_path / "broken.pptx").write_bytes(b"PK\x03\x04 not really a zip")
    assert "PPTX" in _refusal(tmp_path / "broken.pptx")
    word = tmp_path / "word.pptx"
    with zipfile.ZipFile(word, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert "not a PowerPoint deck" in _refusal(word)
    pictures = Presentation()
    pictures.slides.add_slide(pictures.slide_layouts[6])
    pictures.save(str(tmp_path / "empty.pptx"))
    assert "no text" in _refusal(tmp_path / "empty.pptx")
    entities = tmp_path / "entities.pptx"
    with zipfile.ZipFile(entities, "w") as archive:
        archive.writestr(
            "ppt/presentation.xml",
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "e">]><p:presentation/>',
        )
    assert "entities" in _refusal(entities)


def _pdf_deck(path: Path) -> Path:
    """Slides saved as PDF: landscape pages, big titles, a footer and slide numbers."""
    from tests.pdf_fixtures import write_layout_pdf

    def slide(number: int, title: str, body: list[str]) -> list[tuple[float, float, float, str]]:
        items = [(60.0, 540.0, 28.0, title)]
        y = 460.0
        for line in body:
            wrapped = line.islower()  # the rest of the line above, set close below it
            y -= 22 if wrapped else 32
            items.append((60.0, y, 18.0, line))
        items += [(60.0, 30.0, 10.0, "UNIDIR | Geneva 2025"), (720.0, 30.0, 10.0, str(number))]
        return items

    pages = [
        slide(1, "Small arms control after BMS8", ["Jane Example", "UNIDIR", "24 June 2025"]),
        slide(2, "Three priorities", ["- Marking and record-keeping", "- Stockpile management"]),
        slide(
            3,
            "Tracing requests",
            [
                "- Answered within 30 days in most regions of",
                "the world",
                "- Interpol iARMS used more often",
            ],
        ),
    ]
    return write_layout_pdf(path, pages, size=(792, 612))


def test_slides_saved_as_pdf_become_slides(tmp_path: Path) -> None:
    doc = ingest_file(_pdf_deck(tmp_path / "bms8-slides.pdf"))
    assert [s.kind for s in doc.segments] == [SLIDE] * 3
    assert [s.section for s in doc.segments] == [
        "Small arms control after BMS8",
        "Three priorities",
        "Tracing requests",
    ]
    tracing = doc.segments[2]
    assert "- Answered within 30 days in most regions of the world" in tracing.display
    assert "- Interpol iARMS used more often" in tracing.display
    assert all("UNIDIR | Geneva" not in s.text for s in doc.segments)  # the footer
    assert not any(line.strip() == "2" for line in doc.segments[1].text.split("\n"))
    assert doc.meta.kind == "presentation"
    assert doc.meta.title == "Small arms control after BMS8"
    assert doc.meta.speaker == "Jane Example" and doc.meta.organization == "UNIDIR"
    assert doc.meta.date == "2025-06-24"


def test_a_portrait_report_pdf_is_not_a_deck(tmp_path: Path) -> None:
    from tests.pdf_fixtures import write_pdf

    lines = ["The Working Group met three times in 2024 and adopted its report."] * 3
    doc = ingest_file(write_pdf(tmp_path / "report.pdf", [lines, lines, lines]))
    assert doc.meta.kind != "presentation"
    assert all(s.kind != SLIDE for s in doc.segments)


def test_a_shape_that_cannot_be_read_is_left_out_with_a_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_app.core.ingest.readers import pptx as reader

    real = reader._text_frame_blocks

    def damaged(frame, *, bulleted):  # type: ignore[no-untyped-def]
        if "Stockpile" in frame.text:
            raise ValueError("damaged part")
        return real(frame, bulleted=bulleted)

    monkeypatch.setattr(reader, "_text_frame_blocks", damaged)
    doc = ingest_file(_deck(tmp_path / "deck.pptx"))
    assert len(doc.segments) == 4  # the rest of the deck is read
    assert "Stockpile" not in doc.segments[1].text
    assert doc.warnings == ["1 damaged shape(s) left out (slides 2)"]
