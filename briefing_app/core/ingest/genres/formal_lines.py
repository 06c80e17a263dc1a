"""The lines of a formal text and what each looks like, read without any state.

`FormalLines` answers the questions the formal reader asks about lines
around the one it is reading (did the clause before end? does a unit start
here? is a title ahead?), so that the reader keeps only its own state.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from briefing_app.core.ingest import patterns as p
from briefing_app.core.ingest.cleanup import Block
from briefing_app.core.ingest.genres.tables import GenrePatterns
from briefing_app.core.ingest.markup import strip_markup

NUMBERED = re.compile(r"^(\d{1,4})\.\s+(\S.*)$")
SUB_ITEM = re.compile(r"^\((?:[a-z]{1,2}|[ivxl]{1,6})\)\s")
NUMBER_PREFIX = re.compile(r"^\s*\d{1,4}\.\s+")
ADOPTS = re.compile(r"\b(?:Adopts|Approves|Proclaims|Endorses)\s+the\s+(?:following|annexed)\b")
_CLAUSE_END = re.compile(r"[,;]\s*(?:\d{1,3}|[*†‡]+)?\s*$")
_TERMINAL = (".", ";", ":", "!", "?", "”", '"', "’")
_ROMAN = re.compile(r"^[IVXLC]+$")
_MAX_TITLE_WORDS = 32
# "2/8 25-19826", "25-19826 3/8", "… A/RES/80/34": page furniture a reader left
_PAGE_LINE = re.compile(
    r"^\d{1,3}/\d{1,3}\s+\d{2}-\d{5}|\d{2}-\d{5}(?:\s*\(E\))?\s+\d{1,3}/\d{1,3}\s*$"
    r"|\s[A-Z]{1,2}/(?:[A-Z0-9.]+/)*RES/\S+\s*$"
)
_DATE_LINE = re.compile(r"^\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s*$")


@dataclass
class Line:
    text: str
    block_start: bool = False


def lines_of(blocks: list[Block]) -> list[Line]:
    out = []
    for block in blocks:
        for index, raw in enumerate(block.lines):
            text = raw.strip()
            if text:
                out.append(Line(text, index == 0))
    return out


def find_formula(lines: list[Line], pats: GenrePatterns, limit: int = 400) -> int | None:
    """Index of the enacting formula line, None when the text has none."""
    for index, line in enumerate(lines[:limit]):
        if pats.enacting.match(strip_markup(line.text)):
            return index
    return None


def title_like(text: str) -> bool:
    text = text.strip()
    if not text or len(text) > 250 or len(text.split()) > _MAX_TITLE_WORDS:
        return False
    if text.endswith((".", ",", ";", ":")) and not _ROMAN.match(text.rstrip(".")):
        return False
    return not text.startswith("(")


def ends_unit(text: str) -> bool:
    return strip_markup(text).rstrip().endswith((".", ";", ":", "”", '"'))


def is_date_line(text: str) -> bool:
    return bool(_DATE_LINE.match(text.strip()))


class FormalLines:
    """The text's lines with the look-around queries of the formal reader."""

    def __init__(self, lines: list[Line], pats: GenrePatterns) -> None:
        self.lines = lines
        self.pats = pats
        counts = Counter(ln.text.strip() for ln in lines if len(ln.text) < 100)
        self.recurring = {t for t, n in counts.items() if n >= 3 and not NUMBERED.match(t)}

    def text(self, i: int) -> str:
        return strip_markup(self.lines[i].text) if i < len(self.lines) else ""

    def clause_ended(self, i: int) -> bool:
        j = i - 1
        while j >= 0 and i - j <= 4 and self.is_furniture(self.lines[j].text):
            j -= 1  # a page header left by the reader is not the end of a clause
        if j < 0:
            return True
        prev = strip_markup(self.lines[j].text)
        return bool(_CLAUSE_END.search(prev)) or prev.endswith(_TERMINAL)

    def is_furniture(self, text: str) -> bool:
        return bool(_PAGE_LINE.search(text)) or text.strip() in self.recurring

    def unit_starts(self, i: int) -> bool:
        if i >= len(self.lines):
            return True
        text = strip_markup(self.lines[i].text)
        pats = self.pats
        return bool(
            NUMBERED.match(text)
            or pats.preambular.match(text)
            or pats.article.match(text)
            or pats.annex.match(text)
            or pats.chapter.match(text)
            or pats.enacting.match(text)
            or pats.preamble_heading.match(text)
            or p.is_section_heading(text)
        )

    def heading_like(self, text: str) -> bool:
        pats = self.pats
        return bool(pats.article.match(text) or pats.chapter.match(text) or pats.annex.match(text))

    def title_follows(self, i: int) -> bool:
        return i < len(self.lines) and title_like(strip_markup(self.lines[i].text))

    def title_lines(self, i: int) -> tuple[str, int]:
        """A heading's subject: up to three short lines before the first unit."""
        parts: list[str] = []
        while i < len(self.lines) and len(parts) < 4:
            text = strip_markup(self.lines[i].text)
            if not title_like(text) or self.unit_starts(i) or self.pats.plenary.match(text):
                break
            parts.append(text)
            i += 1
        return " ".join(parts), i

    def articles_ahead(self, i: int) -> bool:
        return any(self.pats.article.match(strip_markup(ln.text)) for ln in self.lines[i : i + 80])

    def numbered_ahead(self, i: int) -> bool:
        for line in self.lines[i : i + 60]:
            text = strip_markup(line.text)
            match = NUMBERED.match(text)
            if match and match.group(1) == "1":
                return True
            if self.pats.annex.match(text) or self.pats.part.match(text):
                return False
        return False
