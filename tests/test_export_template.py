"""The reference template, and a mission's own template lacking some styles."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from briefing_app.core.export import ExportError, export_draft
from briefing_app.core.export.template import USED_STYLES, reference_template
from tests.export_support import DRAFT, NS, footer_xml, footnote_texts, styled_paragraphs


def test_reference_template_has_every_style_and_a_sober_look() -> None:
    document = docx.Document(str(reference_template()))
    names = {s.name.lower() for s in document.styles}
    assert {n.lower() for n in USED_STYLES} <= names
    normal = document.styles["Normal"]
    defaults = document.styles.element.xpath("./w:docDefaults//w:rFonts/@w:ascii")
    assert defaults == ["Times New Roman"]
    assert normal.font.size is None  # 12 pt from the document defaults
    assert document.styles.element.xpath("./w:docDefaults//w:sz/@w:val") == ["24"]
    section = document.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.left_margin.cm, 1) == 2.5
    assert document.paragraphs == []


@pytest.fixture
def mission_template(tmp_path: Path) -> Path:
    """python-docx's default template: Arial body, a footer address, no footnote styles."""
    document = docx.Document()
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(11)
    document.add_paragraph("Sample text that must not survive")
    document.sections[0].footer.paragraphs[0].text = "Permanent Mission of Aurelia, Vienna"
    path = tmp_path / "mission.docx"
    document.save(str(path))
    names = {s.name.lower() for s in docx.Document(str(path)).styles}
    assert "title block" not in names and "footnote text" not in names
    return path


def test_user_template_keeps_its_styles_and_gains_missing_ones(
    tmp_path: Path, mission_template: Path
) -> None:
    out = export_draft(DRAFT, tmp_path / "out.docx", template=mission_template)
    document = docx.Document(str(out))
    assert document.styles["Normal"].font.name == "Arial"
    assert document.styles["Normal"].font.size == Pt(11)
    names = {s.name.lower() for s in document.styles}
    assert {"title block", "delivery mark", "footnote text", "footnote reference"} <= names
    paragraphs = styled_paragraphs(out)
    assert paragraphs[0] == ("Delivery Mark", "Check against delivery")
    assert "Sample text that must not survive" not in [t for _, t in paragraphs]
    assert len(footnote_texts(out)) == 2
    footer_text = "".join(footer_xml(out).xpath("//w:t/text()", namespaces=NS))
    assert "Permanent Mission of Aurelia, Vienna" in footer_text
    assert "Page 1 of 1" in footer_text


def test_dotx_template_is_accepted(tmp_path: Path, mission_template: Path) -> None:
    dotx = tmp_path / "mission.dotx"
    with zipfile.ZipFile(mission_template) as src, zipfile.ZipFile(dotx, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            dst.writestr(item, data)
    out = export_draft(DRAFT, tmp_path / "from-dotx.docx", template=dotx)
    assert docx.Document(str(out)).styles["Normal"].font.name == "Arial"


def test_bad_templates_give_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="template not found"):
        export_draft(DRAFT, tmp_path / "a.docx", template=tmp_path / "missing.docx")
    broken = tmp_path / "broken.docx"
    broken.write_text("not a zip")
    with pytest.raises(ExportError, match="not a usable Word template"):
        export_draft(DRAFT, tmp_path / "a.docx", template=broken)
    assert not (tmp_path / "a.docx").exists()
