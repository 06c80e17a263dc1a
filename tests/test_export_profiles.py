"""The speaker's reading copy and the panellist's talking points."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from briefing_app.core.export import ExportError, export_draft
from tests.export_support import DRAFT, NS, part_names, read_part, styled_paragraphs


def test_speaker_copy_is_large_spaced_kept_together_and_has_no_footnotes(tmp_path: Path) -> None:
    out = export_draft(DRAFT, tmp_path / "speaker.docx", profile="speaker")
    document = docx.Document(str(out))
    normal = document.styles["Normal"]
    assert normal.font.size == Pt(16)
    assert normal.paragraph_format.line_spacing >= 1.5
    assert normal.paragraph_format.keep_together is True
    assert document.styles["Quote"].font.size == Pt(16)
    body = read_part(out, "word/document.xml")
    assert not body.xpath("//w:footnoteReference", namespaces=NS)
    assert "word/footnotes.xml" not in part_names(out)
    texts = [p.text for p in document.paragraphs]
    lead_in = next(t for t in texts if t.startswith("As the Working Group"))
    assert lead_in.endswith(
        "recommendation 18 [Report of the Working Group on Firearms, Vienna, "
        "10–12 May 2021, recommendation 18]:"
    )
    assert "Speaking time: 5 min" in texts
    assert texts[0] == "Check against delivery"


def test_talking_points_are_bullets_under_headings(tmp_path: Path) -> None:
    out = export_draft(DRAFT, tmp_path / "tp.docx", profile="talking-points")
    paragraphs = styled_paragraphs(out)
    styles = [style for style, _ in paragraphs]
    assert paragraphs[0] == ("Title", "Talking points: Firearms trafficking on the darknet")
    assert "Delivery Mark" not in styles and "Normal" not in styles
    assert ("Heading 2", "Trafficking on the darknet") in paragraphs
    texts = [text for _, text in paragraphs]
    assert "Mr. Chair," not in texts and "Thank you, Mr. Chair." not in texts
    bullets = [text for style, text in paragraphs if style == "List Bullet"]
    assert bullets[0] == "My delegation thanks the secretariat for its useful report."
    assert len(bullets) == 4
    assert docx.Document(str(out)).styles["Normal"].font.size == Pt(11)
    assert not read_part(out, "word/document.xml").xpath("//w:footnoteReference", namespaces=NS)


def test_talking_points_stay_short(tmp_path: Path) -> None:
    out = export_draft(DRAFT, tmp_path / "tp.docx", profile="talking-points")
    statement = export_draft(DRAFT, tmp_path / "st.docx")
    assert len(styled_paragraphs(out)) < len(styled_paragraphs(statement))


def test_unknown_profile_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="unknown profile 'memo'"):
        export_draft(DRAFT, tmp_path / "x.docx", profile="memo")
    assert not (tmp_path / "x.docx").exists()
