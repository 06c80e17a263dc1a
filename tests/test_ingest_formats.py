"""Readers for every supported format, and the refusals for bad input."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import docx
import pytest

from briefing_app.core.ingest import IngestError, ingest_file
from briefing_app.core.ingest.metadata import find_symbol, parse_date
from briefing_app.core.models import PARAGRAPH, RECOMMENDATION
from tests.pdf_fixtures import write_pdf


def test_pdf_numbered_paragraphs_hyphenation_and_footers(tmp_path: Path) -> None:
    pdf = write_pdf(
        tmp_path / "report.pdf",
        [
            [
                "Report of the meeting",
                "",
                "1. States should cooperate closely with",
                "UNODC on firearms trafficking and diver-",
                "sion of weapons.",
                "2. States are encouraged to accede to the Firearms",
                "V.21-03928 1/2",
            ],
            [
                "Protocol and to the Arms Trade Treaty.",
                "3. UNODC is requested to assist",
                "States in implementing the Protocol.",
                "V.21-03928 2/2",
            ],
        ],
    )
    doc = ingest_file(pdf)
    texts = {s.number: s.text for s in doc.segments if s.kind == PARAGRAPH}
    assert list(texts) == ["1", "2", "3"]
    assert "diversion of weapons" in texts["1"]
    assert (
        texts["2"]
        == "States are encouraged to accede to the Firearms Protocol and to the Arms Trade Treaty."
    )
    assert all("V.21" not in t for t in texts.values())


def test_docx_headings_numbering_and_recommendations(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("II. Recommendations", 1)
    document.add_paragraph("Recommendation 1")
    document.add_paragraph("States should mark all firearms at manufacture.")
    document.add_paragraph("Recommendation 2")
    document.add_paragraph("UNODC is requested to assist States.")
    path = tmp_path / "recs.docx"
    document.save(path)
    doc = ingest_file(path)
    recs = [s for s in doc.segments if s.kind == RECOMMENDATION]
    assert [s.number for s in recs] == ["1", "2"]
    assert recs[0].section == "II. Recommendations"
    assert recs[1].text == "UNODC is requested to assist States."


def test_html_page(tmp_path: Path) -> None:
    page = tmp_path / "speech.html"
    page.write_text(
        "<html><head><title>x</title><script>alert('no')</script></head><body>"
        "<p>Statement by <b>Ms. Jane Doe</b></p>"
        "<p>Mr. Chair, the illicit trade in small arms and light weapons fuels conflict "
        "and crime in every region of the world, and we must act together.</p>"
        "<p>We support the Programme of Action &amp; the International Tracing Instrument "
        "and call for their full implementation by all States.</p></body></html>",
        encoding="utf-8",
    )
    doc = ingest_file(page)
    assert len(doc.segments) == 2
    assert "Programme of Action & the International Tracing Instrument" in doc.segments[1].text
    assert all("alert" not in s.text for s in doc.segments)


def test_windows_1252_text_is_read_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    body = "Statement by the delegation of Côte d’Ivoire on the régime of marking firearms. " * 3
    path.write_bytes(body.encode("cp1252"))
    doc = ingest_file(path)
    assert "Côte d’Ivoire" in doc.segments[0].text
    assert any("cp1252" in w for w in doc.warnings)


def _refusal(path: Path, **kwargs) -> str:
    with pytest.raises(IngestError) as info:
        ingest_file(path, **kwargs)
    reason = str(info.value)
    assert "\n" not in reason and "Traceback" not in reason
    return reason


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    assert "empty" in _refusal(tmp_path / "empty.txt")
    (tmp_path / "blank.txt").write_text("   \n\n  ")
    assert "empty" in _refusal(tmp_path / "blank.txt")


def test_binary_junk_named_txt(tmp_path: Path) -> None:
    path = tmp_path / "junk.txt"
    path.write_bytes(os.urandom(4096) + b"\x00" * 10)
    assert "binary" in _refusal(path)


def test_file_over_the_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000)
    assert "too large" in _refusal(path, max_bytes=1000)


def test_corrupt_encrypted_and_image_only_pdfs(tmp_path: Path) -> None:
    (tmp_path / "corrupt.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage")
    assert "PDF" in _refusal(tmp_path / "corrupt.pdf")
    (tmp_path / "fake.pdf").write_text("not a pdf at all")
    assert "not a valid PDF" in _refusal(tmp_path / "fake.pdf")
    encrypted = write_pdf(tmp_path / "locked.pdf", [["secret text"]], encrypt=True)
    assert "password" in _refusal(encrypted)
    scanned = write_pdf(tmp_path / "scan.pdf", [[], []])
    assert "no text layer" in _refusal(scanned)


def test_docx_zip_bomb_and_entities_and_damage(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document>" + b" " * 30_000_000)
    assert "zip bomb" in _refusal(bomb)

    entities = tmp_path / "entities.docx"
    with zipfile.ZipFile(entities, "w") as archive:
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><w:document/>',
        )
    assert "entities" in _refusal(entities)

    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 this is not really a zip")
    assert "DOCX" in _refusal(tmp_path / "broken.docx")


def test_unreadable_paths(tmp_path: Path) -> None:
    assert "not found" in _refusal(tmp_path / "missing.txt")
    assert "folder" in _refusal(tmp_path)
    assert "unsupported" in _refusal(tmp_path / "slides.key")
    if os.geteuid() != 0:  # root reads anything
        locked = tmp_path / "locked.txt"
        locked.write_text("text")
        locked.chmod(0)
        assert "permission" in _refusal(locked)


@pytest.mark.parametrize(
    "text, iso",
    [
        ("Distr.: General 31 May 2021", "2021-05-31"),
        ("Thursday, 16 July 2020", "2020-07-16"),
        ("21/7/2021", "2021-07-21"),
        ("New York, March 3, 2019", "2019-03-03"),
        ("no date here", None),
        ("31/2/2021", None),
    ],
)
def test_dates(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_symbols() -> None:
    assert find_symbol("see CTOC/COP/WG.6/2021/INF/1/Rev.1 for") == "CTOC/COP/WG.6/2021/INF/1/Rev.1"
    assert find_symbol("resolution A/RES/75/241 adopted") == "A/RES/75/241"
    assert find_symbol("nothing") is None


def test_hard_wrapped_transcript_splits_into_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "transcript.txt"
    path.write_text(
        "The meetings we hold at the United Nations are\n"
        "always very important events at which we debate\n"
        "social, environmental, political and economic issues\n"
        "throughout the world.\n"
        "I wish to take the great opportunity of my presence\n"
        "here today at the United Nations to inform the\n"
        "Assembly about a dispute between two neighbours.\n",
        encoding="utf-8",
    )
    doc = ingest_file(path)
    assert [s.text[:22] for s in doc.segments] == [
        "The meetings we hold a",
        "I wish to take the gre",
    ]
    assert doc.segments[0].text.endswith("issues throughout the world.")


def test_carriage_returns_between_paragraphs(tmp_path: Path) -> None:
    first = "At the outset I wish to congratulate the President on his election. " * 3
    second = "I should like also to express our appreciation for the work done. " * 3
    path = tmp_path / "cr.txt"
    path.write_bytes(("\ufeff" + first + "\r" + second).encode("utf-8"))
    doc = ingest_file(path)
    assert len(doc.segments) == 2
    assert doc.segments[1].text.startswith("I should like also")
