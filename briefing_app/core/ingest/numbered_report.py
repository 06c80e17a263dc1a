"""Numbered reports: ``Recommendation N`` headings and/or paragraphs numbered
``N.`` in one sequence, under roman (``II.``) and lettered (``A.``) section
headings.

Numbers lost in conversion are inferred from the sequence, but only where
the next printed number leaves a gap for them. Sub-items ``(a)``…``(k)`` and
lists stay inside their parent unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing_app.core.ingest import patterns as p
from briefing_app.core.ingest.cleanup import Block, is_table
from briefing_app.core.ingest.markup import strip_markup
from briefing_app.core.ingest.report_lines import (
    AMOUNT_LINE,
    ANNEX,
    BARE_NUMBER,
    ENDS_ON_AMOUNT,
    TABLE_NUMBER,
    TAIL_NUMERAL,
    TERMINAL,
    UNITS_LINE,
    captioned_table,
    drop_bullet,
    short_title,
)
from briefing_app.core.ingest.structure import Structure
from briefing_app.core.ingest.title_line import starts_with_title
from briefing_app.core.models import (
    PARAGRAPH,
    PASSAGE,
    RECOMMENDATION,
    SECTION_SEPARATOR,
    TABLE,
    Segment,
)


@dataclass
class Draft:
    """A unit being assembled."""

    kind: str
    number: str
    section: str
    parts: list[str] = field(default_factory=list)
    inferred: bool = False
    scope: str = ""


def has_numbered_structure(blocks: list[Block]) -> bool:
    recs = sum(1 for b in blocks if p.RECOMMENDATION_HEADING.match(b.first_line))
    return recs >= 2 or _paragraph_sequence_length(blocks) >= 3


def _paragraph_sequence_length(blocks: list[Block]) -> int:
    expected, run = 1, 0
    for block in blocks:
        match = p.NUMBERED_PARAGRAPH.match(block.text)
        if match and expected <= int(match.group(1)) <= expected + 2:
            run += 1
            expected = int(match.group(1)) + 1
    return run


def numbered_segments(doc_id: str, blocks: list[Block], body_from: int | None = None) -> Structure:
    """Segments of a report with numbered recommendations and paragraphs.

    ``body_from``: index of the first block after the title block (the line
    after "Report of the Secretary-General"); unnumbered text from there on
    (the summary, results frameworks, annex prose) becomes ``passage`` units
    instead of being dropped. None: text before the first unit is preamble.
    """
    builder = _NumberedBuilder(doc_id, blocks, body_from)
    return builder.run()


class _NumberedBuilder:
    def __init__(self, doc_id: str, blocks: list[Block], body_from: int | None = None) -> None:
        self.doc_id = doc_id
        self.blocks = blocks
        self.body_from = body_from
        self.passages = 0
        self.section: list[str] = []
        self.current: Draft | None = None
        self.done: list[Draft] = []
        self.preamble: list[Block] = []
        self.last: dict[str, int] = {RECOMMENDATION: 0, PARAGRAPH: 0}
        self.current_has_body = False
        self.current_open = False  # last part ends mid-list (":") or is a sub-item
        self.tables = 0
        self.scope = ""  # "annex-ii" once an annex restarts the numbering
        self.caption = ""  # a caption line waiting for its table
        self.resumed = False  # the current draft is already in ``done`` (a table cut it)
        self.subheading = False  # the deepest heading is an unnumbered sub-heading
        self.title_first = starts_with_title(blocks)

    def run(self) -> Structure:
        for index, block in enumerate(self.blocks):
            self._take(index, block)
        self._close()
        segments = []
        inferred = []
        for order, draft in enumerate(self.done, 1):
            display = "\n".join(draft.parts).strip()
            segment = Segment(
                doc_id=self.doc_id,
                kind=draft.kind,
                number=draft.number,
                section=draft.section,
                text=strip_markup(display),
                display=display,
                order=order,
                inferred_number=draft.inferred,
                scope=draft.scope,
            )
            if draft.inferred:
                inferred.append(segment.segment_id)
            segments.append(segment)
        return Structure(segments, self.preamble, "numbered", inferred)

    def _take(self, index: int, block: Block) -> None:
        if index == 0 and self.title_first:
            self.preamble.append(block)  # the document's title line, not a heading
            return
        first, text = block.first_line, block.text
        captioned = captioned_table(block)
        if captioned is not None:
            caption, block = captioned
            self.caption = f"{self.caption} {caption}".strip()
        if is_table(block):
            self._table(block)
            return
        if self._glued_numeral(text):
            return
        started = self.last[PARAGRAPH] or self.last[RECOMMENDATION]
        annex = ANNEX.match(strip_markup(text).strip()) if started else None
        if annex:  # (before the first unit: the contents, not an annex)
            self._annex(annex.group(1))
            return
        if self._is_subheading(index, text) or self._passage_heading(index, text):
            self._subheading(index, text)
            return
        rec = p.RECOMMENDATION_HEADING.match(first)
        if rec and len(block.lines) == 1:
            self._start(RECOMMENDATION, rec.group(1))
            return
        if p.is_section_heading(text):
            self._heading(text)
            return
        md = p.MARKDOWN_HEADING.match(first)
        if md and len(block.lines) == 1:
            self._heading(md.group(2), level=len(md.group(1)))
            return
        para = p.NUMBERED_PARAGRAPH.match(text) or self._bare_number(text)
        if para and self._is_next(PARAGRAPH, int(para.group(1))):
            self._start(PARAGRAPH, para.group(1))
            self._append(para.group(2))
            return
        if self.current is None:
            if not self._in_body(index):
                self.preamble.append(block)
                return
            if not self.done:
                self.preamble.append(block)  # still read for metadata, as before
            self.passages += 1
            self._start(PASSAGE, str(self.passages))
        if self._starts_new_unit(block) and self._gap_ahead(index):
            assert self.current is not None
            kind = self.current.kind
            self._start(kind, str(self.last[kind] + 1), inferred=True)
        self._append(drop_bullet(text) if not p.SUB_ITEM.match(text) else text)

    def _in_body(self, index: int) -> bool:
        """Unnumbered text that is body text, not the title block."""
        if self.done or self.last[PARAGRAPH] or self.last[RECOMMENDATION]:
            return True
        return self.body_from is not None and index >= self.body_from

    def _table(self, block: Block) -> None:
        """A pipe table is a unit of its own, numbered by its caption or its place;
        the paragraph it interrupts goes on after it."""
        resume = self.current
        self._close()
        lines = [ln.strip() for ln in block.lines]
        caption = self.caption
        label = TABLE_NUMBER.match(caption) if caption else None
        self.tables += 1
        number = label.group(1).rstrip(".") if label else str(self.tables)
        parts = ([caption] if caption else []) + ["\n".join(lines)]
        section = SECTION_SEPARATOR.join(self.section)
        self.done.append(Draft(TABLE, number, section, parts, scope=self.scope))
        self.caption = ""
        self.current = resume
        self.resumed = resume is not None

    def _is_subheading(self, index: int, text: str) -> bool:
        """A short unnumbered line ("Management of sea containers", "Vacancy rates")
        or a numbered one out of sequence ("2. Civilian personnel") before a
        numbered paragraph or a table: a heading, never the end of a unit."""
        if self._captions_table(index):
            return True
        numbered = p.NUMBERED_PARAGRAPH.match(text)
        if numbered and not self._is_next(PARAGRAPH, int(numbered.group(1))):
            text = numbered.group(2)  # "2. Civilian personnel" out of the sequence
        if not short_title(text):
            return False
        nxt = self.blocks[index + 1] if index + 1 < len(self.blocks) else None
        if nxt is None:
            return False
        para = p.NUMBERED_PARAGRAPH.match(nxt.text)
        return bool(para and self._is_next(PARAGRAPH, int(para.group(1))))

    def _passage_heading(self, index: int, text: str) -> bool:
        """A short line ("Summary", "External factors") in unnumbered body text
        heads the passage that follows."""
        unnumbered = self.current is None or self.current.kind == PASSAGE
        if not (unnumbered and self._in_body(index) and short_title(text)):
            return False
        nxt = self.blocks[index + 1] if index + 1 < len(self.blocks) else None
        # a run of short lines ("Allotment for 2025/26 $271,328,700") is text, not
        # headings; nor is a row label whose amount wrapped onto the next line
        return (
            nxt is not None
            and not short_title(nxt.text)
            and not is_table(nxt)
            and not AMOUNT_LINE.match(nxt.text.strip())
        )

    def _captions_table(self, index: int) -> bool:
        """Up to two short lines right above a table ("Vacancy rates",
        "(Percentage)") are its caption; never a row that ends on its amount
        ("Recommendation … for 2026/27 $62,552,800")."""
        for ahead in (1, 2):
            if index + ahead >= len(self.blocks):
                return False
            text = self.blocks[index + ahead - 1].text.strip()
            if ENDS_ON_AMOUNT.search(text):
                return False
            table_next = is_table(self.blocks[index + ahead])
            caption = short_title(text) or bool(UNITS_LINE.match(text))
            if table_next and not caption:  # a long title line right above the table
                caption = short_title(text, max_words=40)
            if not caption:
                return False
            if table_next:
                return True
        return False

    def _subheading(self, index: int, text: str) -> None:
        if self._captions_table(index):
            self.caption = f"{self.caption} {strip_markup(text).strip()}".strip()
            return
        self._close()
        title = strip_markup(text).strip()
        base = len(self.section)
        if self.subheading:
            base -= 1
        self.section = [*self.section[:base], title]
        self.subheading = True

    def _glued_numeral(self, text: str) -> bool:
        """'… shipment. IV.' + 'Actions to be taken by the General Assembly': a
        heading's numeral the reader left at the end of the paragraph before."""
        if self.current is None or not self.current.parts or not short_title(text):
            return False
        tail = TAIL_NUMERAL.search(self.current.parts[-1])
        if not tail:
            return False
        self.current.parts[-1] = self.current.parts[-1][: tail.start()].rstrip()
        self._heading(f"{tail.group(1)}. {strip_markup(text).strip()}")
        return True

    def _annex(self, label: str | None) -> None:
        """An annex numbers its paragraphs afresh: a scope of its own."""
        self._close()
        self.scope = f"annex-{label.lower()}" if label else "annex"
        self.section = [f"Annex {label}" if label else "Annex"]
        self.last = {RECOMMENDATION: 0, PARAGRAPH: 0}
        self.subheading = False

    def _bare_number(self, text: str) -> re.Match[str] | None:
        """'49 For the 2024/25 period, …': the number lost its full stop; taken
        only when it is exactly the next one."""
        match = BARE_NUMBER.match(text)
        if match and int(match.group(1)) == self.last[PARAGRAPH] + 1 and self.last[PARAGRAPH]:
            return match
        return None

    def _is_next(self, kind: str, number: int) -> bool:
        last = self.last[kind]
        return last < number <= last + 3

    def _starts_new_unit(self, block: Block) -> bool:
        """A fresh sentence after a finished unit: a unit whose heading was lost?"""
        if not self.current_has_body or self.current_open:
            return False
        if self.current is None or self.current.kind not in (PARAGRAPH, RECOMMENDATION):
            return False
        first = drop_bullet(block.first_line)
        if p.SUB_ITEM.match(block.first_line) or not first[:1].isupper():
            return False
        return len(block.text.split()) >= 8

    def _gap_ahead(self, index: int) -> bool:
        """Does the next printed number of this kind skip one (ours was lost)?"""
        assert self.current is not None
        kind = self.current.kind
        for block in self.blocks[index + 1 :]:
            first = block.first_line
            if kind == RECOMMENDATION:
                match = p.RECOMMENDATION_HEADING.match(first)
                if p.ROMAN_HEADING.match(first) and p.is_section_heading(first):
                    return False
            else:
                match = p.NUMBERED_PARAGRAPH.match(block.text)
                if match and int(match.group(1)) <= self.last[kind]:
                    match = None  # a sub-list, not the paragraph sequence
            if match:
                return int(match.group(1)) > self.last[kind] + 1
        return False

    def _heading(self, title: str, level: int | None = None) -> None:
        self._close()
        self.subheading = False
        title = strip_markup(title).strip()
        if level is None:
            level = 1 if p.ROMAN_HEADING.match(title) else 2
        self.section = [*self.section[: level - 1], title]

    def _start(self, kind: str, number: str, inferred: bool = False) -> None:
        self._close()
        self.current = Draft(
            kind, number, SECTION_SEPARATOR.join(self.section), inferred=inferred, scope=self.scope
        )
        self.last[kind] = int(number)
        self.current_has_body = False
        self.current_open = False

    def _append(self, text: str) -> None:
        assert self.current is not None
        parts = self.current.parts
        if (
            parts
            and self.current_open
            and not parts[-1].rstrip().endswith((":", ";"))
            and not (p.SUB_ITEM.match(text) or p.BULLET.match(text))
        ):
            parts[-1] = parts[-1].rstrip() + " " + text  # the rest of a cut sentence
        else:
            parts.append(text)
        self.current_has_body = True
        tail = text.rstrip()
        self.current_open = tail.endswith((":", ";", ",")) or not tail.endswith(TERMINAL)

    def _close(self) -> None:
        if self.current is not None and self.current.parts and not self.resumed:
            self.done.append(self.current)
        self.current = None
        self.resumed = False
