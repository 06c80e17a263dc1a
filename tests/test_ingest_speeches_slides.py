"""Speeches and the slide deck of the bundled corpus."""

from __future__ import annotations

import shutil
from pathlib import Path

from briefing_app.core.ingest import ingest_file, load_manifest
from briefing_app.core.models import PARAGRAPH, SLIDE
from tests.conftest import CONINX, CORPUS, PONTI, SEESMAA, WG_REPORT


def test_speech_paragraphs_numbered_by_order_and_preamble_left_out() -> None:
    doc = ingest_file(SEESMAA, load_manifest(CORPUS))
    assert [s.kind for s in doc.segments] == [PARAGRAPH] * 19
    assert [s.number for s in doc.segments] == [str(i) for i in range(1, 20)]
    assert doc.segments[0].text.startswith("CTED plays a central role")
    assert all("Remarks of" not in s.text for s in doc.segments)


def test_sentence_cut_by_a_page_break_is_joined() -> None:
    doc = ingest_file(SEESMAA, load_manifest(CORPUS))
    joined = [s for s in doc.segments if "their Parts and Components and Ammunition" in s.text]
    assert len(joined) == 1
    assert not any(s.text.startswith("Components and Ammunition") for s in doc.segments)


def test_salutation_is_kept_as_written() -> None:
    doc = ingest_file(CONINX, load_manifest(CORPUS))
    assert doc.segments[0].text == "Excellencies, distinguished participants,"
    assert doc.segments[-1].text == "Thank you. I wish you all a successful event."


def test_slides_one_per_heading_with_subtitles_kept_inside() -> None:
    doc = ingest_file(PONTI, load_manifest(CORPUS))
    assert [s.kind for s in doc.segments] == [SLIDE] * 8
    titles = [s.section for s in doc.segments]
    assert titles[0] == "What to expect from BMS7?"
    assert titles[1] == "Two questions"
    assert titles[3] == titles[4]  # a repeated title is a new slide
    assert "Side Event at BMS 7" in doc.segments[5].text
    # emphasis kept for display, not in the indexed text
    assert "**Organizers:**" in doc.segments[5].display
    assert "Organizers:" in doc.segments[5].text and "**" not in doc.segments[5].text
    assert "https://crimealliance.org/events/view.php?id=92" in doc.segments[7].text


def test_metadata_inferred_without_a_manifest(tmp_path: Path) -> None:
    for source in (WG_REPORT, SEESMAA, CONINX, PONTI):
        shutil.copy(source, tmp_path / source.name)
    report = ingest_file(tmp_path / WG_REPORT.name)
    assert report.meta.title.startswith("Report on the meeting of the Working Group on Firearms")
    assert report.meta.date == "2021-05-31"
    assert report.meta.body == "Working Group on Firearms"
    seesmaa = ingest_file(tmp_path / SEESMAA.name)
    assert seesmaa.meta.kind == "statement"
    assert seesmaa.meta.date == "2020-07-16"
    assert seesmaa.meta.speaker == "Ms. Anne-Maria Seesmaa"
    assert seesmaa.meta.organization == "Counter-Terrorism Committee Executive Directorate (CTED)"
    assert seesmaa.meta.title.startswith("Remarks of Ms. Anne-Maria Seesmaa")
    coninx = ingest_file(tmp_path / CONINX.name)
    assert coninx.meta.date == "2021-06-24"  # the weekday date, not the week's range
    assert coninx.meta.speaker == "Assistant Secretary-General Michèle Coninx"
    assert coninx.meta.organization == "CTED"
    ponti = ingest_file(tmp_path / PONTI.name)
    assert ponti.meta.kind == "presentation"
    assert ponti.meta.date == "2021-07-21"
    assert ponti.meta.speaker == "Christian Ponti"
