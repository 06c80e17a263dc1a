"""Walk python-markdown's element tree and write WordprocessingML into a document.

Block elements become paragraphs with named styles (headings, Normal, Quote,
List Bullet/Number at their depth, tables); inline elements become runs
(bold, italic, code, hyperlinks, line breaks); footnote references become
real Word footnotes, or bracketed text when the profile wants them inline.
"""

from __future__ import annotations

import copy
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

from briefing_app.core.export import md_tree
from briefing_app.core.export.docx_xml import Footnotes, Numbering, set_numbering, text_run
from briefing_app.core.export.layout import Line, is_salutation_or_closing
from briefing_app.core.export.profiles import Profile
from briefing_app.core.export.sanitize import clean_inline

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 3, "h5": 3, "h6": 3}
_BLOCK_TAGS = {"p", "ul", "ol", "blockquote", "table", "pre", "hr", "div", *_HEADINGS}
_SPACES = re.compile(r"[ \t\r\n]+")
_EXTERNAL = re.compile(r"^(https?|ftp|mailto):", re.I)
TITLE_GAP_TWIPS = 360  # 18 pt between the title block and the body


@dataclass(frozen=True)
class Fmt:
    """Character formatting inherited down the inline tree."""

    bold: bool = False
    italic: bool = False
    strike: bool = False
    code: bool = False
    vert: str = ""
    style: str = ""
    aside: int = 0  # half-points: a bracketed reference the speaker does not read out


@cache
def _rpr(fmt: Fmt) -> Any | None:
    parts = []
    if fmt.style:
        parts.append(f'<w:rStyle w:val="{fmt.style}"/>')
    if fmt.code:
        parts.append('<w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/>')
    parts += ["<w:b/>"] if fmt.bold else []
    parts += ["<w:i/>"] if fmt.italic or fmt.aside else []
    parts += ["<w:strike/>"] if fmt.strike else []
    if fmt.aside:
        parts += ['<w:color w:val="595959"/>', f'<w:sz w:val="{fmt.aside}"/>']
    parts += [f'<w:vertAlign w:val="{fmt.vert}"/>'] if fmt.vert else []
    return parse_xml(f"<w:rPr {nsdecls('w')}>{''.join(parts)}</w:rPr>") if parts else None


@dataclass(frozen=True)
class _Ctx:
    quote: bool = False
    depth: int = 0


@dataclass
class Stats:
    paragraphs: int = 0
    footnotes: int = 0
    tables: int = 0
    links: int = 0
    inline_references: int = 0  # notes printed in brackets (profiles without footnotes)
    shortened: str = ""  # what was cut to fit the profile's length, for the user


class Converter:
    """Fills one python-docx Document from a parsed draft body."""

    def __init__(
        self, document: Any, styles: dict[str, str], profile: Profile, numbered: bool
    ) -> None:
        self.doc = document
        self.styles = styles
        self.profile = profile
        self.numbered = numbered
        self.stats = Stats()
        self._body = document.element.body
        self._numbering: Numbering | None = None
        self._footnotes: Footnotes | None = None
        self._lists: dict[str, int] = {}
        self._after_table = False
        self._parsed = md_tree.ParsedBody(etree.Element("div"))

    # -- plumbing -------------------------------------------------------------

    def style_id(self, name: str) -> str:
        return self.styles.get(name.lower()) or self.styles.get("normal") or "Normal"

    @property
    def numbering(self) -> Numbering:
        if self._numbering is None:
            self._numbering = Numbering(self.doc)
        return self._numbering

    @property
    def footnotes(self) -> Footnotes:
        if self._footnotes is None:
            self._footnotes = Footnotes(
                self.doc, self.style_id("Footnote Text"), self.style_id("Footnote Reference")
            )
        return self._footnotes

    def _shared_list(self, kind: str) -> int:
        """One numbering instance for all numbered paragraphs (or auto bullets)."""
        if kind not in self._lists:
            self._lists[kind] = self.numbering.new_list(kind)
        return self._lists[kind]

    def paragraph(self, style: str) -> Any:
        p = OxmlElement("w:p")
        p.get_or_add_pPr().style = self.style_id(style)
        sect = self._body.find(qn("w:sectPr"))
        if sect is None:
            self._body.append(p)
        else:
            sect.addprevious(p)
        self.stats.paragraphs += 1
        if self._after_table:  # a table has no spacing of its own
            self._after_table = False
            p.pPr.append(parse_xml(f'<w:spacing {nsdecls("w")} w:before="240"/>'))
        return p

    # -- entry points ---------------------------------------------------------

    def title_block(self, lines: list[Line]) -> None:
        p = None
        for line in lines:
            p = self.paragraph(line.style)
            p.append(text_run(clean_inline(line.text)))
        if p is not None and not self.profile.compact_title:
            # A blank line's worth before "Mr. Chair,": the block's styles have no space after.
            p.pPr.append(parse_xml(f'<w:spacing {nsdecls("w")} w:after="{TITLE_GAP_TWIPS}"/>'))

    def body(self, parsed: md_tree.ParsedBody) -> None:
        self._parsed = parsed
        self.blocks(parsed.root, _Ctx())

    # -- blocks ---------------------------------------------------------------

    def blocks(self, parent: etree.Element, ctx: _Ctx) -> None:
        for el in parent:
            tag = el.tag
            if tag in _HEADINGS:
                p = self.paragraph(f"Heading {_HEADINGS[tag]}")
                self.finish(p, el)
            elif tag == "p":
                self.body_paragraph(el, ctx)
            elif tag in ("ul", "ol"):
                self.list(el, ctx)
            elif tag == "blockquote":
                self.blocks(el, replace(ctx, quote=True))
            elif tag == "table":
                self.table(el)
            elif tag == "pre":
                p = self.paragraph("Plain Text")
                for i, line in enumerate("".join(el.itertext()).rstrip("\n").split("\n")):
                    if i:
                        p.append(parse_xml(f"<w:r {nsdecls('w')}><w:br/></w:r>"))
                    p.append(text_run(clean_inline(line) or " ", _copy(_rpr(Fmt(code=True)))))
            elif tag == "hr":
                continue
            else:
                self.blocks(el, ctx)

    def body_paragraph(self, el: etree.Element, ctx: _Ctx) -> None:
        if not (el.text or "").strip() and len(el) == 0:
            return
        if ctx.quote:
            p = self.paragraph("Quote")
        elif self.profile.paragraphs_as_bullets or self.numbered:
            plain = md_tree.plain_text(el)
            if is_salutation_or_closing(plain):
                if self.profile.paragraphs_as_bullets:
                    return  # talking points carry no "Mr. Chair," / "Thank you."
                p = self.paragraph("Normal")
            elif self.profile.paragraphs_as_bullets:
                p = self.paragraph("List Bullet")
                set_numbering(p, self._shared_list("bullet"), 0)
            else:
                p = self.paragraph("Normal")
                set_numbering(p, self._shared_list("paragraph"), 0)
        else:
            p = self.paragraph("Normal")
        self.finish(p, el)
        if _ends_with_colon(el):  # a lead-in stays on the page of what it introduces
            p.pPr.keepNext_val = True

    def list(self, el: etree.Element, ctx: _Ctx) -> None:
        ordered = el.tag == "ol"
        try:
            start = int(el.get("start", "1"))
        except ValueError:
            start = 1
        level = min(ctx.depth, 8)
        num_id = self.numbering.new_list("decimal" if ordered else "bullet", start, level)
        base = "List Number" if ordered else "List Bullet"
        suffix = f" {min(ctx.depth + 1, 3)}" if ctx.depth else ""
        for item in el:
            if item.tag == "li":
                self.list_item(item, ctx, base + suffix, num_id, level)

    def list_item(self, li: etree.Element, ctx: _Ctx, style: str, num_id: int, level: int) -> None:
        inner = replace(ctx, depth=ctx.depth + 1)
        p: Any | None = None

        def numbered_paragraph() -> Any:
            para = self.paragraph(style)
            set_numbering(para, num_id, level)
            return para

        # Tight items hold their text directly, up to the first block child.
        if (li.text or "").strip() or (len(li) and li[0].tag not in _BLOCK_TAGS):
            p = numbered_paragraph()
            self.text(p, li.text, Fmt())
            for child in li:
                if child.tag in _BLOCK_TAGS:
                    break
                self.inline_element(child, p, Fmt())
                self.text(p, child.tail, Fmt())
            self.trim(p)
        for child in li:
            if child.tag not in _BLOCK_TAGS:
                continue
            if child.tag == "p":
                if p is None:
                    p = numbered_paragraph()
                    self.finish(p, child)
                else:
                    cont = "List Continue" + (f" {min(ctx.depth + 1, 3)}" if ctx.depth else "")
                    self.finish(self.paragraph(cont), child)
            elif child.tag in ("ul", "ol"):
                if p is None:
                    p = numbered_paragraph()
                self.list(child, inner)
            else:
                self.blocks(_wrap(child), replace(inner, quote=ctx.quote))
        if p is None:
            numbered_paragraph()

    def table(self, el: etree.Element) -> None:
        rows = [tr for tr in el.iter("tr")]
        if not rows:
            return
        width = max(len([c for c in tr if c.tag in ("td", "th")]) for tr in rows)
        table = self.doc.add_table(rows=len(rows), cols=max(width, 1))
        table._tbl.tblPr.style = self.style_id("Table Grid")
        self.stats.tables += 1
        for r, tr in enumerate(rows):
            cells = [c for c in tr if c.tag in ("td", "th")]
            header = any(c.tag == "th" for c in cells)
            if header:
                tr_pr = table.rows[r]._tr.get_or_add_trPr()
                tr_pr.append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
            for c, cell in enumerate(cells):
                p = table.cell(r, c)._tc.p_lst[0]
                ppr = p.get_or_add_pPr()
                ppr.style = self.style_id("Normal")
                ppr.append(parse_xml(f'<w:spacing {nsdecls("w")} w:before="40" w:after="40"/>'))
                align = re.search(r"text-align:\s*(left|center|right)", cell.get("style", ""))
                if align:
                    ppr.append(parse_xml(f'<w:jc {nsdecls("w")} w:val="{align.group(1)}"/>'))
                self.finish(p, cell, Fmt(bold=header))
        self._after_table = True

    # -- inline ---------------------------------------------------------------

    def finish(self, p: Any, el: etree.Element, fmt: Fmt | None = None) -> None:
        """Write the inline content of `el` into paragraph `p`, trimmed."""
        self.inline_content(el, p, fmt or Fmt())
        self.trim(p)

    def inline_content(self, el: etree.Element, target: Any, fmt: Fmt) -> None:
        self.text(target, el.text, fmt)
        for child in el:
            self.inline_element(child, target, fmt)
            tail = child.tail.lstrip() if child.tag == "br" and child.tail else child.tail
            self.text(target, tail, fmt)

    def inline_element(self, el: etree.Element, target: Any, fmt: Fmt) -> None:
        tag = el.tag
        if tag in ("strong", "b"):
            self.inline_content(el, target, replace(fmt, bold=True))
        elif tag in ("em", "i"):
            self.inline_content(el, target, replace(fmt, italic=True))
        elif tag in ("del", "s", "strike"):
            self.inline_content(el, target, replace(fmt, strike=True))
        elif tag == "code":
            self.inline_content(el, target, replace(fmt, code=True))
        elif tag == "br":
            target.append(parse_xml(f"<w:r {nsdecls('w')}><w:br/></w:r>"))
        elif tag == "a":
            self.link(el, target, fmt)
        elif tag == "sup":
            note = md_tree.footnote_target(el)
            if note is None:
                self.inline_content(el, target, replace(fmt, vert="superscript"))
            else:
                self.footnote(note, target)
        elif tag == "sub":
            self.inline_content(el, target, replace(fmt, vert="subscript"))
        elif tag == "img":
            self.text(target, el.get("alt") or "", fmt)
        else:
            self.inline_content(el, target, fmt)

    def text(self, target: Any, text: str | None, fmt: Fmt) -> None:
        if not text:
            return
        text = clean_inline(_SPACES.sub(" ", text))
        if text:
            target.append(text_run(text, _copy(_rpr(fmt))))

    def link(self, el: etree.Element, target: Any, fmt: Fmt) -> None:
        href = (el.get("href") or "").strip()
        if el.get("class") == "footnote-backref":
            return
        if not _EXTERNAL.match(href):
            self.inline_content(el, target, fmt)
            return
        hyperlink = OxmlElement("w:hyperlink")
        hyperlink.set(qn("r:id"), self.doc.part.relate_to(href, RT.HYPERLINK, is_external=True))
        target.append(hyperlink)
        self.inline_content(el, hyperlink, replace(fmt, style=self.style_id("Hyperlink")))
        self.stats.links += 1

    def footnote(self, note: str, target: Any) -> None:
        definition = self._parsed.footnotes.get(note)
        if definition is None:
            return
        if not self.profile.real_footnotes:
            self.stats.inline_references += 1
            reference = md_tree.plain_text(definition).rstrip(" .")
            self.text(target, f" [{reference}]", Fmt(aside=round(self.profile.aside_size * 2)))
            return
        self.stats.footnotes += 1
        note_id, first = self.footnotes.add()
        para = first
        self.text(para, definition.text, Fmt())
        for child in definition:
            if child.tag == "p":
                if para is None:
                    para = self.footnotes.add_paragraph(first)
                self.finish(para, child)
                para = None
            else:
                self.text(first if para is None else para, md_tree.plain_text(child), Fmt())
        target.append(self.footnotes.reference_run(note_id))

    @staticmethod
    def trim(p: Any) -> None:
        """Drop the leading/trailing spaces the tree's layout newlines leave behind."""
        texts = p.findall(".//" + qn("w:t"))
        if texts:
            texts[0].text = (texts[0].text or "").lstrip()
            texts[-1].text = (texts[-1].text or "").rstrip()


def _copy(element: Any | None) -> Any | None:
    return copy.deepcopy(element) if element is not None else None


def _ends_with_colon(el: etree.Element) -> bool:
    last = (el[-1].tail if len(el) else el.text) or ""
    if not last.strip() and len(el):
        last = "".join(el[-1].itertext())
    return last.rstrip().endswith(":")


def _wrap(el: etree.Element) -> etree.Element:
    holder = etree.Element("div")
    holder.append(el)
    return holder
