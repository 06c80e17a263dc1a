"""The Word features python-docx 1.2 has no API for, written as raw WordprocessingML.

Footnotes (the part, its two separator notes, the reference runs), the Footnote
Text / Footnote Reference styles, PAGE/NUMPAGES fields, and numbering
definitions. Everything else goes through python-docx; this module is the one
place that knows these element shapes, so it is small and tested on its own.
"""

from __future__ import annotations

from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": W_NS}

_SEPARATORS = (
    f"<w:footnotes {nsdecls('w', 'r')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr>'
    '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:separator/></w:r></w:p></w:footnote>"
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr>'
    '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    "</w:footnotes>"
)

FOOTNOTE_STYLES_XML = (
    f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="FootnoteText">'
    '<w:name w:val="footnote text"/><w:basedOn w:val="Normal"/>'
    '<w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
    '<w:pPr><w:spacing w:before="0" w:after="60" w:line="240" w:lineRule="auto"/>'
    '<w:ind w:left="227" w:hanging="227"/><w:jc w:val="left"/></w:pPr>'
    '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>',
    f'<w:style {nsdecls("w")} w:type="character" w:styleId="FootnoteReference">'
    '<w:name w:val="footnote reference"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
    '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>',
)


# -- styles -------------------------------------------------------------------


def style_ids_by_name(styles_element: Any) -> dict[str, str]:
    """Map each style's lower-cased name (``"footnote text"``) to its styleId."""
    result: dict[str, str] = {}
    for style in styles_element.iterchildren(qn("w:style")):
        name = style.find(qn("w:name"))
        if name is not None:
            result.setdefault(name.get(qn("w:val"), "").lower(), style.get(qn("w:styleId")))
    return result


def ensure_footnote_styles(styles_element: Any) -> dict[str, str]:
    """Add Footnote Text / Footnote Reference when missing; return their styleIds."""
    ids = style_ids_by_name(styles_element)
    taken = set(ids.values())
    for xml in FOOTNOTE_STYLES_XML:
        style = parse_xml(xml)
        name = style.find(qn("w:name")).get(qn("w:val"))
        if name in ids:
            continue
        style_id = style.get(qn("w:styleId"))
        if style_id in taken:  # same id used for another name: pick a fresh one
            style_id = f"Briefing{style_id}"
            style.set(qn("w:styleId"), style_id)
        if "Normal" not in taken:
            based = style.find(qn("w:basedOn"))
            if based is not None:
                style.remove(based)
        styles_element.append(style)
        ids[name] = style_id
        taken.add(style_id)
    return {"text": ids["footnote text"], "reference": ids["footnote reference"]}


# -- runs, fields -------------------------------------------------------------


def text_run(text: str, rpr: Any | None = None) -> Any:
    """A ``w:r`` holding `text` (spaces preserved) with an optional copy of `rpr`."""
    run = OxmlElement("w:r")
    if rpr is not None:
        run.append(rpr)
    t = OxmlElement("w:t")
    t.text = text
    if text[:1].isspace() or text[-1:].isspace():
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.append(t)
    return run


def add_field(paragraph: Any, instruction: str, shown: str = "1", rpr_xml: str = "") -> None:
    """Append a complex field (``PAGE``, ``NUMPAGES``) whose cached result is `shown`."""
    rpr = f"<w:rPr>{rpr_xml}</w:rPr>" if rpr_xml else ""
    parts = (
        f'<w:r {nsdecls("w")}>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r {nsdecls("w")}>{rpr}<w:instrText xml:space="preserve"> {instruction} '
        "</w:instrText></w:r>",
        f'<w:r {nsdecls("w")}>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r {nsdecls('w')}>{rpr}<w:t>{shown}</w:t></w:r>",
        f'<w:r {nsdecls("w")}>{rpr}<w:fldChar w:fldCharType="end"/></w:r>',
    )
    for xml in parts:
        paragraph.append(parse_xml(xml))


def write_page_x_of_y(paragraph: Any, label: str = "Page", of: str = "of") -> None:
    """Fill a paragraph element with "Page {PAGE} of {NUMPAGES}"."""
    paragraph.append(text_run(f"{label} "))
    add_field(paragraph, "PAGE")
    paragraph.append(text_run(f" {of} "))
    add_field(paragraph, "NUMPAGES")


# -- footnotes ----------------------------------------------------------------


class Footnotes:
    """The document's footnotes part, created (with separators) or reused."""

    def __init__(self, document: Any, text_style: str, reference_style: str) -> None:
        self.text_style = text_style
        self.reference_style = reference_style
        self.root = _footnotes_root(document)
        ids = [int(i) for i in self.root.xpath("./w:footnote/@w:id", namespaces=_NS)]
        self._next = max([0, *ids]) + 1
        self.count = 0
        _declare_in_settings(document)

    def add(self) -> tuple[int, Any]:
        """Create a footnote; return (id, its first ``w:p``) for the caller to fill.

        The paragraph already holds the footnote mark and a separating space.
        """
        note_id = self._next
        self._next += 1
        self.count += 1
        note = parse_xml(
            f'<w:footnote {nsdecls("w")} w:id="{note_id}"><w:p><w:pPr>'
            f'<w:pStyle w:val="{self.text_style}"/></w:pPr>'
            f'<w:r><w:rPr><w:rStyle w:val="{self.reference_style}"/></w:rPr><w:footnoteRef/></w:r>'
            "<w:r><w:tab/></w:r></w:p></w:footnote>"
        )
        self.root.append(note)
        return note_id, note[0]

    def add_paragraph(self, note_paragraph: Any) -> Any:
        """Append another paragraph to the footnote holding `note_paragraph`."""
        p = parse_xml(
            f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="{self.text_style}"/></w:pPr></w:p>'
        )
        note_paragraph.getparent().append(p)
        return p

    def reference_run(self, note_id: int) -> Any:
        """The ``w:r`` to put in the text where footnote `note_id` is cited."""
        return parse_xml(
            f'<w:r {nsdecls("w")}><w:rPr><w:rStyle w:val="{self.reference_style}"/></w:rPr>'
            f'<w:footnoteReference w:id="{note_id}"/></w:r>'
        )


def _footnotes_root(document: Any) -> Any:
    part = document.part
    for rel in part.rels.values():
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            existing = rel.target_part
            if not isinstance(existing, XmlPart):  # python-docx loads it as a blob
                existing = XmlPart.load(
                    existing.partname, existing.content_type, existing.blob, existing.package
                )
                rel._target = existing
            root = existing.element
            for note in root.xpath(
                "./w:footnote[not(@w:type) or @w:type='normal']", namespaces=_NS
            ):
                root.remove(note)  # a template's own sample notes would be orphans
            if not root.xpath("./w:footnote[@w:type='separator']", namespaces=_NS):
                for sep in parse_xml(_SEPARATORS):
                    root.insert(0, sep)
            return root
    new = XmlPart(
        PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, parse_xml(_SEPARATORS), part.package
    )
    part.relate_to(new, RT.FOOTNOTES)
    return new.element


def _declare_in_settings(document: Any) -> None:
    """Word lists the separator notes in settings (``w:footnotePr``)."""
    settings = document.settings.element
    if settings.find(qn("w:footnotePr")) is not None:
        return
    pr = parse_xml(
        f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
    )
    successors: tuple[str, ...] = ("w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr")
    successors += ("w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping")
    successors += ("w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures")
    successors += ("w:forceUpgrade", "w:captions", "w:readModeInkLockDown", "w:smartTagType")
    successors += ("sl:schemaLibrary", "w:shapeDefaults", "w:doNotEmbedSmartTags")
    successors += ("w:decimalSymbol", "w:listSeparator")
    settings.insert_element_before(pr, *successors)


# -- numbering ----------------------------------------------------------------

_BULLETS = ("\u2022", "\u2013", "\u25e6")
_NUMBER_FORMATS = ("decimal", "lowerLetter", "lowerRoman")


def _level(ilvl: int, fmt: str, text: str, left: int, hanging: int, font: str = "") -> str:
    rpr = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr>' if font else ""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr>{rpr}</w:lvl>'
    )


def abstract_num_xml(abstract_id: int, kind: str) -> str:
    """Nine levels of ``bullet``, ``decimal`` (1. (a) (i)) or ``paragraph`` numbering."""
    levels = []
    for ilvl in range(9):
        fmt = _NUMBER_FORMATS[ilvl % 3]
        text = f"%{ilvl + 1}." if ilvl % 3 == 0 else f"(%{ilvl + 1})"
        if kind == "bullet":
            bullet = _BULLETS[ilvl % len(_BULLETS)]
            levels.append(_level(ilvl, "bullet", bullet, 360 * (ilvl + 1), 360, "Times New Roman"))
        elif kind == "paragraph":  # UN style: the number at the margin, text at 1 cm
            levels.append(_level(ilvl, fmt, text, 567 * (ilvl + 1), 567))
        else:
            levels.append(_level(ilvl, fmt, text, 360 * (ilvl + 1) + 67, 427))
    return (
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="hybridMultilevel"/>{"".join(levels)}</w:abstractNum>'
    )


class Numbering:
    """Numbering definitions added next to whatever a template already has.

    Each ordered list gets its own ``w:num`` (with a start override) so that
    a second list restarts at its own start instead of continuing the first.
    """

    KINDS = ("bullet", "decimal", "paragraph")

    def __init__(self, document: Any) -> None:
        self.root = document.part.numbering_part.element
        ids = [int(i) for i in self.root.xpath("./w:abstractNum/@w:abstractNumId")]
        first = max([-1, *ids]) + 1
        self._abstract: dict[str, int] = {}
        for offset, kind in enumerate(self.KINDS):
            self._abstract[kind] = first + offset
            self._insert_abstract(parse_xml(abstract_num_xml(first + offset, kind)))

    def _insert_abstract(self, element: Any) -> None:
        anchor = self.root.find(qn("w:num"))
        if anchor is None:
            anchor = self.root.find(qn("w:numIdMacAtCleanup"))
        if anchor is None:
            self.root.append(element)
        else:
            anchor.addprevious(element)

    def new_list(self, kind: str, start: int = 1, ilvl: int = 0) -> int:
        """A fresh ``w:num`` for one list of `kind`, numbered from `start`; its numId."""
        num = self.root.add_num(self._abstract[kind])
        if kind != "bullet":
            num.append(
                parse_xml(
                    f'<w:lvlOverride {nsdecls("w")} w:ilvl="{ilvl}">'
                    f'<w:startOverride w:val="{int(start)}"/></w:lvlOverride>'
                )
            )
        return int(num.get(qn("w:numId")))


def set_numbering(paragraph: Any, num_id: int, ilvl: int) -> None:
    """Attach list numbering to a ``w:p`` (after its style, as the schema orders it)."""
    ppr = paragraph.get_or_add_pPr()
    ppr.get_or_add_numPr().get_or_add_numId().val = num_id
    ppr.get_or_add_numPr().get_or_add_ilvl().val = ilvl
