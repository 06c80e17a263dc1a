"""Generate resources/templates/statement.docx, the reference Word template.

Run from the project root: ``.venv/bin/python scripts/make_statement_template.py``.
The generated file is committed; rerun this script after changing a style.

The look is that of a sober UN-style mission statement: A4, 2.5 cm margins,
Times New Roman 12, black headings, indented quotations, "Page X of Y".
Starting from python-docx's default template, every style is replaced by the
short list below, and the parts we do not need (stylesWithEffects, the
thumbnail, customXml) are dropped, so the template stays small and fast to open.
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing_app.core.export.docx_xml import (  # noqa: E402
    FOOTNOTE_STYLES_XML,
    abstract_num_xml,
    write_page_x_of_y,
)

OUT = ROOT / "resources" / "templates" / "statement.docx"
FONT = "Times New Roman"


def _p(
    style_id: str,
    name: str,
    ppr: str = "",
    rpr: str = "",
    *,
    based: str = "Normal",
    next_: str = "Normal",
    extra: str = "",
) -> str:
    based_xml = f'<w:basedOn w:val="{based}"/>' if based else ""
    return (
        f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>'
        f'{based_xml}<w:next w:val="{next_}"/>{extra}<w:qFormat/>'
        f"<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
    )


def _list(style_id: str, name: str, num_id: int, ilvl: int) -> str:
    left = 360 * (ilvl + 1)
    num = f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
    return _p(
        style_id,
        name,
        f'{num}<w:spacing w:after="120"/><w:ind w:left="{left}" w:hanging="360"/>',
        next_=style_id,
    )


def _continue(style_id: str, name: str, ilvl: int) -> str:
    return _p(
        style_id,
        name,
        f'<w:spacing w:after="120"/><w:ind w:left="{360 * (ilvl + 1)}"/>',
        next_=style_id,
    )


def styles_xml() -> str:
    fonts = f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
    styles = [
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f'{fonts}<w:sz w:val="24"/><w:szCs w:val="24"/>'
        '<w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>",
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        '<w:qFormat/><w:pPr><w:widowControl/><w:spacing w:after="240"/><w:jc w:val="both"/>'
        "</w:pPr><w:rPr/></w:style>",
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "<w:unhideWhenUsed/></w:style>",
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
        '<w:name w:val="Normal Table"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr>'
        '<w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
        '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
        '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>',
        _p(
            "Title",
            "Title",
            '<w:keepNext/><w:spacing w:before="240" w:after="60"/><w:jc w:val="center"/>',
            '<w:b/><w:bCs/><w:sz w:val="26"/><w:szCs w:val="26"/>',
        ),
        _p(
            "Subtitle",
            "Subtitle",
            '<w:keepNext/><w:spacing w:before="240" w:after="240"/><w:jc w:val="center"/>',
            "<w:b/><w:bCs/>",
        ),
        _p(
            "TitleBlock",
            "Title Block",
            '<w:keepNext/><w:spacing w:after="0"/><w:jc w:val="center"/>',
            next_="TitleBlock",
        ),
        _p(
            "DeliveryMark",
            "Delivery Mark",
            '<w:spacing w:after="360"/><w:jc w:val="right"/>',
            "<w:i/><w:iCs/>",
        ),
        _p(
            "Heading1",
            "heading 1",
            '<w:keepNext/><w:keepLines/><w:spacing w:before="360" '
            'w:after="120"/><w:jc w:val="left"/><w:outlineLvl w:val="0"/>',
            "<w:b/><w:bCs/>",
        ),
        _p(
            "Heading2",
            "heading 2",
            '<w:keepNext/><w:keepLines/><w:spacing w:before="240" '
            'w:after="120"/><w:jc w:val="left"/><w:outlineLvl w:val="1"/>',
            "<w:b/><w:bCs/><w:i/><w:iCs/>",
        ),
        _p(
            "Heading3",
            "heading 3",
            '<w:keepNext/><w:keepLines/><w:spacing w:before="240" '
            'w:after="60"/><w:jc w:val="left"/><w:outlineLvl w:val="2"/>',
            "<w:i/><w:iCs/>",
        ),
        _p(
            "Quote",
            "Quote",
            '<w:spacing w:after="240"/><w:ind w:left="720" w:right="720"/>',
            "<w:i/><w:iCs/>",
        ),
        _list("ListBullet", "List Bullet", 1, 0),
        _list("ListBullet2", "List Bullet 2", 1, 1),
        _list("ListBullet3", "List Bullet 3", 1, 2),
        _list("ListNumber", "List Number", 2, 0),
        _list("ListNumber2", "List Number 2", 2, 1),
        _list("ListNumber3", "List Number 3", 2, 2),
        _continue("ListContinue", "List Continue", 0),
        _continue("ListContinue2", "List Continue 2", 1),
        _continue("ListContinue3", "List Continue 3", 2),
        _p(
            "PlainText",
            "Plain Text",
            '<w:spacing w:after="240"/><w:jc w:val="left"/>',
            '<w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/>'
            '<w:sz w:val="20"/><w:szCs w:val="20"/>',
        ),
        _p(
            "Header",
            "header",
            '<w:tabs><w:tab w:val="center" w:pos="4513"/>'
            '<w:tab w:val="right" w:pos="9026"/></w:tabs><w:spacing w:after="0"/>',
        ),
        _p(
            "Footer",
            "footer",
            '<w:tabs><w:tab w:val="center" w:pos="4513"/>'
            '<w:tab w:val="right" w:pos="9026"/></w:tabs><w:spacing w:after="0"/>'
            '<w:jc w:val="center"/>',
            '<w:sz w:val="20"/><w:szCs w:val="20"/>',
        ),
        '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>'
        '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
        '<w:rPr><w:color w:val="1F3864"/><w:u w:val="single"/></w:rPr></w:style>',
        '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/>'
        '<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/><w:pPr><w:spacing w:after="0"/>'
        '<w:jc w:val="left"/></w:pPr><w:tblPr><w:tblBorders>'
        + "".join(
            f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        + "</w:tblBorders></w:tblPr></w:style>",
    ]
    for xml in FOOTNOTE_STYLES_XML:  # one definition, shared with the fallback
        styles.append(xml.replace(f" {nsdecls('w')}", ""))
    return f"<w:styles {nsdecls('w')}>{''.join(styles)}</w:styles>"


def numbering_xml() -> str:
    abstract = [abstract_num_xml(0, "bullet"), abstract_num_xml(1, "decimal")]
    abstract = [a.replace(f" {nsdecls('w')}", "") for a in abstract]
    nums = '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    nums += '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    return f"<w:numbering {nsdecls('w')}>{''.join(abstract)}{nums}</w:numbering>"


def _replace_children(element, new_root) -> None:
    for child in list(element):
        element.remove(child)
    for child in list(new_root):
        element.append(child)


def build(out: Path = OUT) -> Path:
    document = docx.Document()
    part = document.part
    for rId, rel in list(part.rels.items()):
        if rel.reltype.endswith(("/stylesWithEffects", "/customXml", "/webSettings")):
            del part.rels[rId]
    package_rels = part.package.rels
    for rId, rel in list(package_rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package_rels[rId]

    _replace_children(document.styles.element, parse_xml(styles_xml()))
    _replace_children(part.numbering_part.element, parse_xml(numbering_xml()))

    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2.5)
    section.left_margin = section.right_margin = Cm(2.5)
    section.header_distance = section.footer_distance = Cm(1.25)
    footer = section.footer.paragraphs[0]
    footer._p.get_or_add_pPr().style = "Footer"
    write_page_x_of_y(footer._p)

    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("sectPr"):
            body.remove(child)

    props = document.core_properties
    props.title = "Statement"
    props.author = props.last_modified_by = ""
    props.subject = props.keywords = props.comments = ""
    props.category = "Statement"
    props.revision = 1
    out.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(out))
    return out


if __name__ == "__main__":
    print(build())
