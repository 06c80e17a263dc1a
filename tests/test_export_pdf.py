"""LibreOffice renders the export: the text and the footnotes are on the page."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from briefing_app.core.export import export_draft
from tests.export_support import DRAFT

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (shutil.which("soffice") and shutil.which("pdftotext")),
        reason="LibreOffice (soffice) and poppler (pdftotext) are needed",
    ),
]


def test_soffice_converts_to_pdf_with_text_and_footnotes(tmp_path: Path) -> None:
    docx_path = export_draft(DRAFT, tmp_path / "statement.docx")
    profile = tmp_path / "lo-profile"  # isolated: never touches a user's LibreOffice
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(docx_path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "statement.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    flat = " ".join(text.split())
    assert "Check against delivery" in flat
    assert "Statement by H.E. Ms. Elena Marković" in flat
    assert "Acknowledging that illicit firearms are occasionally purchased" in flat
    assert "Page 1 of 1" in flat
    # Footnotes at the foot of the page, numbered, after the body text.
    note = "Report of the Working Group on Firearms, Vienna, 10–12 May 2021, recommendation 18."
    assert note in flat
    assert flat.index(note) > flat.index("Thank you, Mr. Chair.")
    assert "C. Ponti, What to expect from BMS7?" in flat
