"""The body of a DOCX as Markdown-like blocks, straight from its XML.

Paragraphs in order with their automatic numbers, ``#`` for Heading styles,
``**bold**`` and ``*italic*`` runs, footnote references as superscript
markers; tables as pipe-table blocks. Drawings, deleted text and field codes
are left out, so no conversion artefacts can appear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from briefing_app.core.ingest.layout.tables import caption_and_table
from briefing_app.core.ingest.readers.docx_numbering import Numbering
from briefing_app.core.ingest.readers.ooxml import R_NS, W, attr, child, local

_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_HEADING_STYLE = re.compile(r"^heading\s*([1-6])$", re.I)
_CONTAINERS = {"hyperlink", "ins", "smartTag", "customXml", "sdt", "sdtContent", "fldSimple",
               "moveTo", "bdo", "dir"}  # fmt: skip
_OFF = {"0", "false", "off", "none"}
_SPACES = re.compile(r"[ \t\u00a0]+")


def superscript(number: int | str) -> str:
    return str(number).translate(_SUPERSCRIPTS)


@dataclass
class Context:
    numbering: Numbering
    style_names: dict[str, str]
    notes_seen: dict[str, int] = field(default_factory=dict)  # note id -> printed number

    def note_marker(self, kind: str, note_id: str) -> str:
        key = f"{kind}:{note_id}"
        if key not in self.notes_seen:
            self.notes_seen[key] = len(self.notes_seen) + 1
        return superscript(self.notes_seen[key])


def body_blocks(body: Any, ctx: Context) -> list[str]:
    """Paragraphs and tables of the body in order; a table takes its caption."""
    blocks: list[str] = []
    _walk_blocks(body, ctx, blocks)
    return blocks


def _walk_blocks(node: Any, ctx: Context, blocks: list[str]) -> None:
    for element in node:
        name = local(element)
        if name == "p":
            text = paragraph_text(element, ctx)
            if text:
                blocks.append(text)
        elif name == "tbl":
            caption, table = caption_and_table(blocks, table_rows(element, ctx))
            block = "\n".join(part for part in (caption, table) if part)
            if block:
                blocks.append(block)
        elif name in ("sdt", "sdtContent", "customXml"):
            _walk_blocks(element, ctx, blocks)


def table_rows(table: Any, ctx: Context) -> list[list[str]]:
    """Cell texts on the table's grid: a cell spanning columns (``gridSpan``)
    fills the first and leaves the rest empty; a vertically merged cell
    (``vMerge``) repeats its text in every row it spans, so a row read on its
    own still carries its heading ("Category", "Cost")."""
    rows: list[list[str]] = []
    above: dict[int, str] = {}  # grid column -> text of the cell standing there
    for tr in table.iterfind(f"{W}tr"):
        cells = [""] * _int(attr(child(child(tr, "trPr"), "gridBefore"), "val"), 0)
        for tc in tr.iterfind(f"{W}tc"):
            tcpr = child(tc, "tcPr")
            column, span = len(cells), max(1, _int(attr(child(tcpr, "gridSpan"), "val"), 1))
            merge = child(tcpr, "vMerge")
            if merge is not None and attr(merge, "val") != "restart":
                text = above.get(column, "")  # the merged cell's text, repeated
            else:
                parts: list[str] = []
                _walk_blocks(tc, ctx, parts)
                text = " ".join(p.replace("\n", " ") for p in parts)
            cells.extend([text] + [""] * (span - 1))
            above[column] = text
        rows.append(cells)
    return rows


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def paragraph_text(p: Any, ctx: Context) -> str:
    ppr = child(p, "pPr")
    style_id = attr(child(ppr, "pStyle"), "val") or ""
    label = ctx.numbering.label(ppr, style_id)
    pieces: list[tuple[str, bool, bool]] = []
    _walk_runs(p, ctx, pieces)
    text = _markdown(pieces)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = "\n".join(line for line in lines if line)
    if not text:
        return ""
    if label:
        text = f"{label} {text}"
    heading = _HEADING_STYLE.match(ctx.style_names.get(style_id, ""))
    if heading and "\n" not in text:
        text = "#" * int(heading.group(1)) + " " + text
    return text


def _walk_runs(node: Any, ctx: Context, pieces: list[tuple[str, bool, bool]]) -> None:
    for element in node:
        name = local(element)
        if name == "r":
            _run(element, ctx, pieces)
        elif name in _CONTAINERS:
            _walk_runs(element, ctx, pieces)


def _on(rpr: Any | None, name: str) -> bool:
    node = child(rpr, name)
    return node is not None and (attr(node, "val") or "1").lower() not in _OFF


def _run(run: Any, ctx: Context, pieces: list[tuple[str, bool, bool]]) -> None:
    rpr = child(run, "rPr")
    bold, italic = _on(rpr, "b"), _on(rpr, "i")
    out = []
    for element in run:
        name = local(element)
        if name == "t":
            out.append(element.text or "")
        elif name == "tab":
            out.append(" ")
        elif name in ("br", "cr"):
            out.append(" " if attr(element, "type") == "page" else "\n")
        elif name == "noBreakHyphen":
            out.append("-")
        elif name in ("footnoteReference", "endnoteReference"):
            out.append(ctx.note_marker(name[:-9], attr(element, "id") or ""))
    if out:
        pieces.append(("".join(out), bold, italic))


def _markdown(pieces: list[tuple[str, bool, bool]]) -> str:
    """Join runs, marking bold and italic stretches (marks hug the words)."""
    out: list[str] = []
    i = 0
    while i < len(pieces):
        text, bold, italic = pieces[i]
        j = i + 1
        while j < len(pieces) and pieces[j][1:] == (bold, italic):
            text += pieces[j][0]
            j += 1
        mark = ("**" if bold else "") + ("*" if italic else "")
        core = text.strip()
        if mark and core and not all(ch in "⁰¹²³⁴⁵⁶⁷⁸⁹" for ch in core):
            lead = text[: len(text) - len(text.lstrip())]
            tail = text[len(text.rstrip()) :]
            text = f"{lead}{mark}{core}{mark[::-1]}{tail}"
        out.append(text)
        i = j
    return "".join(out)


def notes_text(root: Any | None, kind: str, ctx: Context) -> dict[str, str]:
    """Footnote or endnote texts by id (separators left out)."""
    if root is None:
        return {}
    notes = {}
    for note in root.iterfind(f"{W}{kind}"):
        if attr(note, "type") not in (None, "normal"):
            continue
        parts = [paragraph_text(p, ctx) for p in note.iter(f"{W}p")]
        text = " ".join(part for part in parts if part)
        if text:
            notes[attr(note, "id") or ""] = text
    return notes


def first_page_header_ref(body: Any) -> str | None:
    """The relationship id of the first section's own first-page header."""
    sect = next(body.iter(f"{W}sectPr"), None)
    if sect is None or child(sect, "titlePg") is None:
        return None
    if (attr(child(sect, "titlePg"), "val") or "1").lower() in _OFF:
        return None
    for ref in sect.iterfind(f"{W}headerReference"):
        if attr(ref, "type") == "first":
            return attr(ref, "id", f"{{{R_NS}}}")
    return None


def header_lines(header: Any | None, ctx: Context) -> list[str]:
    """The masthead's lines, table cells one by one."""
    if header is None:
        return []
    lines = []
    for p in header.iter(f"{W}p"):
        text = paragraph_text(p, ctx)
        if text:
            lines.append(" ".join(text.split()))
    return lines
