"""The statement profile: read the .docx back with python-docx and the raw XML."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from briefing_app.core.export import export_draft, export_file, run_export
from tests.export_support import (
    BODY,
    DRAFT,
    NS,
    footer_xml,
    footnote_texts,
    read_part,
    styled_paragraphs,
)


@pytest.fixture
def statement(tmp_path: Path) -> Path:
    return export_draft(DRAFT, tmp_path / "statement.docx")


def test_footnotes_are_real_word_footnotes(statement: Path) -> None:
    assert footnote_texts(statement) == [
        "Report of the Working Group on Firearms, Vienna, 10–12 May 2021, recommendation 18.",
        "C. Ponti, What to expect from BMS7?, 21 July 2021.",
    ]
    notes = read_part(statement, "word/footnotes.xml")
    types = notes.xpath("./w:footnote/@w:type", namespaces=NS)
    assert types[:2] == ["separator", "continuationSeparator"]
    assert notes.xpath(".//w:footnote/w:p/w:pPr/w:pStyle/@w:val", namespaces=NS) == [
        "FootnoteText",
        "FootnoteText",
    ]
    assert len(notes.xpath(".//w:i", namespaces=NS)) == 1  # the italic title in note 2
    body = read_part(statement, "word/document.xml")
    refs = body.xpath("//w:footnoteReference/@w:id", namespaces=NS)
    assert refs == ["1", "2"]
    ref_style = body.xpath("//w:r[w:footnoteReference]/w:rPr/w:rStyle/@w:val", namespaces=NS)
    assert ref_style == ["FootnoteReference", "FootnoteReference"]
    settings = read_part(statement, "word/settings.xml")
    assert settings.xpath("./w:footnotePr/w:footnote/@w:id", namespaces=NS) == ["-1", "0"]
    assert "[Report" not in docx.Document(str(statement)).paragraphs[8].text


def test_every_paragraph_has_the_expected_style(statement: Path) -> None:
    assert styled_paragraphs(statement) == [
        ("Delivery Mark", "Check against delivery"),
        ("Title", "Statement by H.E. Ms. Elena Marković"),
        ("Title Block", "Permanent Mission of Aurelia"),
        ("Title Block", "Working Group on Firearms, eighth session"),
        ("Title Block", "Agenda item 3"),
        ("Title Block", "Vienna, 12 May 2021"),
        ("Subtitle", "Firearms trafficking on the darknet"),
        ("Normal", "Mr. Chair,"),
        ("Normal", "My delegation thanks the secretariat for its useful report."),
        ("Heading 2", "Trafficking on the darknet"),
        ("Normal", "As the Working Group on Firearms recommended in recommendation 18:"),
        (
            "Quote",
            "Acknowledging that illicit firearms are occasionally purchased on the darknet ...",
        ),
        ("Normal", "We highlight three priorities:"),
        ("List Number", "strengthening financial investigations;"),
        ("List Number", "training prosecutors, in particular on:"),
        ("List Bullet 2", "electronic evidence;"),
        ("List Bullet 2", "international cooperation;"),
        ("List Number", "sharing good practices through UNODC."),
        ("Normal", "The Programme of Action remains our compass.\nA second line."),
        ("Normal", "Thank you, Mr. Chair."),
    ]


def test_inline_formatting_links_and_tables(statement: Path) -> None:
    document = docx.Document(str(statement))
    runs = {r.text: r for p in document.paragraphs for r in p.runs}
    assert runs["useful"].bold and not runs["useful"].italic
    assert runs["financial investigations"].italic
    body = read_part(statement, "word/document.xml")
    link = body.xpath("//w:hyperlink", namespaces=NS)
    assert len(link) == 1 and "".join(link[0].itertext()) == "UNODC"
    rid = link[0].get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
    assert document.part.rels[rid].target_ref == "https://www.unodc.org/"
    assert document.part.rels[rid].is_external
    assert [[c.text for c in row.cells] for row in document.tables[0].rows] == [
        ["Instrument", "Status"],
        ["Firearms Protocol", "Ratified"],
    ]
    assert document.tables[0].style.name == "Table Grid"


def test_lists_nest_and_each_list_restarts(tmp_path: Path) -> None:
    text = "1. a\n2. b\n    1. b1\n    2. b2\n\nText between.\n\n4. four\n5. five\n"
    out = export_draft(text, tmp_path / "lists.docx")
    body = read_part(out, "word/document.xml")
    numbered = body.xpath("//w:p[w:pPr/w:numPr]", namespaces=NS)
    ids = [p.xpath("string(w:pPr/w:numPr/w:numId/@w:val)", namespaces=NS) for p in numbered]
    levels = [p.xpath("string(w:pPr/w:numPr/w:ilvl/@w:val)", namespaces=NS) for p in numbered]
    assert levels == ["0", "0", "1", "1", "0", "0"]
    assert ids[0] == ids[1] and ids[2] == ids[3] and ids[4] == ids[5]
    assert len({ids[0], ids[2], ids[4]}) == 3  # a separate w:num per list
    numbering = read_part(out, "word/numbering.xml")
    start = numbering.xpath(
        f"./w:num[@w:numId='{ids[4]}']/w:lvlOverride/w:startOverride/@w:val", namespaces=NS
    )
    assert start == ["4"]  # the second list starts where the Markdown says


def test_footer_says_page_x_of_y(statement: Path) -> None:
    footer = footer_xml(statement)
    instructions = [t.strip() for t in footer.xpath("//w:instrText/text()", namespaces=NS)]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert "".join(footer.xpath("//w:t/text()", namespaces=NS)) == "Page 1 of 1"
    kinds = footer.xpath("//w:fldChar/@w:fldCharType", namespaces=NS)
    assert kinds == ["begin", "separate", "end"] * 2


def test_document_properties(statement: Path) -> None:
    props = docx.Document(str(statement)).core_properties
    assert props.title == "Firearms trafficking on the darknet"
    assert props.author == "H.E. Ms. Elena Marković"
    assert props.subject == "Working Group on Firearms, eighth session — Agenda item 3"
    assert "Permanent Mission of Aurelia" in props.keywords
    assert "agenda item 3" in props.keywords


def test_missing_front_matter_fields_leave_no_empty_lines(tmp_path: Path) -> None:
    text = "---\ndelegation: Aurelia\ndate: 12 May 2021\n---\nMr. Chair,\n\nWe agree.\n"
    out = export_draft(text, tmp_path / "sparse.docx")
    paragraphs = styled_paragraphs(out)
    assert paragraphs == [
        ("Title", "Statement by Aurelia"),
        ("Title Block", "12 May 2021"),
        ("Normal", "Mr. Chair,"),
        ("Normal", "We agree."),
    ]
    assert all(text.strip() for _, text in paragraphs)
    props = docx.Document(str(out)).core_properties
    assert (
        props.author == "Aurelia" and props.subject == "" and props.title == "Statement by Aurelia"
    )


def test_no_front_matter_at_all(tmp_path: Path) -> None:
    out = export_draft(BODY, tmp_path / "bare.docx")
    assert styled_paragraphs(out)[0] == ("Normal", "Mr. Chair,")


def test_numbered_paragraphs_skip_salutation_and_closing(tmp_path: Path) -> None:
    plain = export_draft(DRAFT, tmp_path / "plain.docx")
    numbered = export_draft(DRAFT, tmp_path / "numbered.docx", numbered=True)
    from_meta = export_draft(DRAFT.replace("mark:", "numbered: yes\nmark:"), tmp_path / "meta.docx")

    def numbered_normals(path: Path) -> list[str]:
        document = docx.Document(str(path))
        return [
            p.text
            for p in document.paragraphs
            if p.style.name == "Normal" and p._p.pPr is not None and p._p.pPr.numPr is not None
        ]

    assert numbered_normals(plain) == []
    expected = numbered_normals(numbered)
    assert len(expected) == 4
    assert "Mr. Chair," not in expected and "Thank you, Mr. Chair." not in expected
    assert numbered_normals(from_meta) == expected


def test_control_characters_are_cleaned(tmp_path: Path) -> None:
    dirty = "---\ntitle: Bad\x01 title\n---\nText\x00 from a\x0cPDF\x1b with\x0bbreaks[^1].\n\n"
    dirty += "[^1]: Note\x07 text.\n"
    out = export_draft(dirty, tmp_path / "dirty.docx")
    document = docx.Document(str(out))  # opens: the XML is well formed
    texts = [p.text for p in document.paragraphs]
    assert "Text from a PDF with breaks." in texts
    assert document.core_properties.title == "Bad title"
    assert footnote_texts(out) == ["Note text."]


def test_export_file_reads_the_draft_and_leaves_it_alone(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    before = draft.read_bytes()
    out = export_file(draft, tmp_path / "out.docx")
    assert out.exists() and draft.read_bytes() == before


def test_report_counts(tmp_path: Path) -> None:
    report = run_export(DRAFT, tmp_path / "r.docx")
    assert (report.footnotes, report.tables, report.links) == (2, 1, 1)
    assert report.to_json()["path"].endswith("r.docx")


def test_code_blocks_rules_and_raw_html(tmp_path: Path) -> None:
    text = "Intro &amp; more\n\n```\nline 1\n  line 2\n```\n\n---\n\n<div>raw <b>html</b></div>\n"
    out = export_draft(text, tmp_path / "misc.docx")
    assert styled_paragraphs(out) == [
        ("Normal", "Intro & more"),
        ("Plain Text", "line 1\n  line 2"),
        ("Normal", "raw html"),
    ]
