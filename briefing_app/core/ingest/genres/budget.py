"""Programme budget fascicles: paragraphs numbered by section ("3.I.1", "3.12").

A section of the proposed programme budget (A/81/6 (Sect. 3)) numbers its
paragraphs with the section number, the part's roman numeral and a running
number, and no full stop. Roman and lettered headings are sections, short
unnumbered lines ("Overall orientation", "Subprogramme 1") are sub-headings,
pipe tables are table units, and text before the first numbered paragraph
(title block, contents) is the preamble.
"""

from __future__ import annotations

import re

from briefing_app.core.ingest import patterns as p
from briefing_app.core.ingest.cleanup import Block, is_table
from briefing_app.core.ingest.markup import strip_markup
from briefing_app.core.ingest.structure import Structure
from briefing_app.core.ingest.units import UnitBuilder
from briefing_app.core.models import PARAGRAPH, PASSAGE, TABLE

_FASCICLE = re.compile(r"^(\d{1,2}\.(?:[IVXL]{1,6}\.|[A-Z]\.)?\d{1,3})\s+(\S.*)$", re.S)
_MIN_PARAGRAPHS = 5


def looks_like_fascicle(blocks: list[Block]) -> bool:
    """Enough "3.I.1"-style paragraph numbers to be a budget section."""
    fascicle = sum(1 for b in blocks if _FASCICLE.match(b.first_line))
    if fascicle < _MIN_PARAGRAPHS:
        return False
    plain = sum(1 for b in blocks if p.NUMBERED_PARAGRAPH.match(b.first_line))
    return fascicle > plain  # "1.1" lines in a report's annex do not make it one


def fascicle_segments(doc_id: str, blocks: list[Block]) -> Structure:
    out = UnitBuilder(doc_id)
    preamble: list[Block] = []
    subheading = False
    started = False  # past the title block and the contents
    for index, block in enumerate(blocks):
        text = block.text.strip()
        if is_table(block):
            interrupted = out.current
            out.start(TABLE, str(sum(1 for u in out.done if u.kind == TABLE) + 1))
            out.append("\n".join(block.lines))
            out.reopen(interrupted)
            continue
        number = _FASCICLE.match(text)
        if number:
            out.start(PARAGRAPH, number.group(1))
            out.append(number.group(2))
            subheading = False
            started = True
            continue
        if p.is_section_heading(text) and "..." not in text and ". ." not in text:
            level = 0 if p.ROMAN_HEADING.match(text) else 1
            out.heading(level, text)
            subheading = False
            started = True
            continue
        if not started:
            preamble.append(block)  # title block and contents
            continue
        if _is_subheading(text, blocks, index) and _under_caption(out, subheading, text):
            if out.current is None:  # "Performance measure" under "Table 3.V.1": its text
                out.start(PASSAGE, str(sum(1 for u in out.done if u.kind == PASSAGE) + 1))
            out.append(text)
            continue
        if _is_subheading(text, blocks, index):
            level = len(out.section) - (1 if subheading else 0)
            out.heading(max(level, 0), text)
            subheading = True
            continue
        if out.current is None:
            if not out.done:
                out.start(PARAGRAPH, "")  # unnumbered text under the first heading
            else:
                out.reopen(out.done[-1])  # text after a table or heading goes on
        out.append(text)
    return Structure(out.segments(), preamble, "numbered")


def _under_caption(out: UnitBuilder, subheading: bool, text: str) -> bool:
    """A short line right under a "Table 3.V.1" / "Figure 3.V.I" caption is the
    caption's text, not a heading that replaces it (its words would be lost)."""
    if not subheading or not out.section or not _CAPTION.match(out.section[-1]):
        return False
    open_ = out.current is None or out.current.kind == PASSAGE
    return open_ and not _HEADING_WORD.match(text)


_CAPTION = re.compile(r"^(?:Table|Figure)\s+\d")
_HEADING_WORD = re.compile(r"^(?:Subprogramme|Programme|Component|Part|Section|Annex)\b")


def _is_subheading(text: str, blocks: list[Block], index: int) -> bool:
    plain = strip_markup(text)
    if "\n" in plain or not plain[:1].isupper() or len(plain.split()) > 14:
        return False
    if plain.endswith((".", ";", ":", ",")):
        return False
    nxt = blocks[index + 1] if index + 1 < len(blocks) else None
    return (
        nxt is None
        or bool(_FASCICLE.match(nxt.first_line))
        or is_table(nxt)
        or (len(nxt.text.split()) <= 14 and not nxt.text.rstrip().endswith("."))
    )
