"""The raw-XML helper: footnotes part, footnote styles, fields, numbering."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.oxml.ns import qn

from briefing_app.core.export import docx_xml
from tests.export_support import NS, read_part


def _roundtrip(document: docx.document.Document, tmp_path: Path) -> Path:
    out = tmp_path / "t.docx"
    document.save(str(out))
    return out


def test_footnotes_part_is_created_with_two_separators(tmp_path: Path) -> None:
    document = docx.Document()
    ids = docx_xml.ensure_footnote_styles(document.styles.element)
    notes = docx_xml.Footnotes(document, ids["text"], ids["reference"])
    note_id, para = notes.add()
    para.append(docx_xml.text_run("A citation."))
    paragraph = document.add_paragraph("Cited here")
    paragraph._p.append(notes.reference_run(note_id))
    out = _roundtrip(document, tmp_path)

    root = read_part(out, "word/footnotes.xml")
    assert root.xpath("./w:footnote/@w:id", namespaces=NS) == ["-1", "0", "1"]
    assert root.xpath("./w:footnote[@w:id='-1']//w:separator", namespaces=NS)
    assert root.xpath("./w:footnote[@w:id='0']//w:continuationSeparator", namespaces=NS)
    assert root.xpath("./w:footnote[@w:id='1']//w:footnoteRef", namespaces=NS)
    content_types = read_part(out, "[Content_Types].xml")
    overrides = content_types.xpath("//*[@PartName='/word/footnotes.xml']/@ContentType")
    assert overrides == [docx_xml.CT.WML_FOOTNOTES]
    reopened = docx.Document(str(out))  # python-docx still reads it
    names = {s.name for s in reopened.styles}
    assert {"footnote text", "footnote reference"} <= {n.lower() for n in names}


def test_existing_footnotes_part_is_reused_without_old_notes(tmp_path: Path) -> None:
    document = docx.Document()
    ids = docx_xml.ensure_footnote_styles(document.styles.element)
    first = docx_xml.Footnotes(document, ids["text"], ids["reference"])
    first.add()
    saved = io.BytesIO()
    document.save(saved)
    again = docx.Document(io.BytesIO(saved.getvalue()))
    notes = docx_xml.Footnotes(again, ids["text"], ids["reference"])
    assert notes.root.xpath("./w:footnote/@w:id", namespaces=NS) == ["-1", "0"]
    assert notes.add()[0] == 1
    out = _roundtrip(again, tmp_path)
    assert read_part(out, "word/footnotes.xml").xpath("count(./w:footnote)", namespaces=NS) == 3


def test_footnote_styles_added_once_and_never_clobbered() -> None:
    document = docx.Document()
    styles = document.styles.element
    first = docx_xml.ensure_footnote_styles(styles)
    second = docx_xml.ensure_footnote_styles(styles)
    assert first == second
    names = [s.find(qn("w:name")).get(qn("w:val")) for s in styles.iterchildren(qn("w:style"))]
    assert names.count("footnote text") == 1 and names.count("footnote reference") == 1
    ref = styles.get_by_id(first["reference"])
    assert ref.xpath("./w:rPr/w:vertAlign/@w:val") == ["superscript"]


def test_page_x_of_y_fields() -> None:
    document = docx.Document()
    p = document.add_paragraph()._p
    docx_xml.write_page_x_of_y(p)
    assert [t.strip() for t in p.xpath(".//w:instrText/text()")] == ["PAGE", "NUMPAGES"]
    assert "".join(p.xpath(".//w:t/text()")) == "Page 1 of 1"


def test_numbering_adds_abstracts_before_nums_and_restarts() -> None:
    document = docx.Document()
    numbering = docx_xml.Numbering(document)
    a = numbering.new_list("decimal", start=1)
    b = numbering.new_list("decimal", start=7)
    bullets = numbering.new_list("bullet")
    assert len({a, b, bullets}) == 3
    root = numbering.root
    tags = [child.tag.split("}")[1] for child in root]
    assert tags.index("num") > max(i for i, t in enumerate(tags) if t == "abstractNum")
    override = root.num_having_numId(b).xpath("./w:lvlOverride/w:startOverride/@w:val")
    assert override == ["7"]
    assert not root.num_having_numId(bullets).xpath("./w:lvlOverride")
