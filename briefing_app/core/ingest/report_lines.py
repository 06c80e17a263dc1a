"""What the blocks of a numbered report look like, read one at a time.

Kept apart from the builder in ``numbered_report.py``, which holds the state.
"""

from __future__ import annotations

import re

from briefing_app.core.ingest import patterns as p
from briefing_app.core.ingest.cleanup import Block
from briefing_app.core.ingest.markup import strip_markup

TERMINAL = (".", "!", "?", "”", '"', "’", ")", "…")
TAIL_NUMERAL = re.compile(r"(?<=[.;:])\s+([IVX]{1,5})\.$")
ANNEX = re.compile(r"^Annex(?:\s+([IVXLC]{1,6}|\d{1,2}))?$")
BARE_NUMBER = re.compile(r"^(\d{1,3})\s+([A-Z][a-z]+\s.*)$", re.S)
#: "(Thousands of United States dollars)": words in brackets, not an amount
UNITS_LINE = re.compile(r"^\((?=[^)]*[A-Za-z]).{2,80}\)$")
#: An amount alone: "($156,500)", "$62,552,800", "12 345.6" (a table row's value).
_AMOUNT = r"\(?[$€£]?\s?\d[\d,. ]*\)?"
AMOUNT_LINE = re.compile(rf"^{_AMOUNT}$")
ENDS_ON_AMOUNT = re.compile(r"\s[$€£]\s?\d[\d,. ]*\)?$|\s\([$€£]\d[\d,. ]*\)$")
TABLE_NUMBER = re.compile(r"^Table\s+([\w.]+)", re.I)


def captioned_table(block: Block) -> tuple[str, Block] | None:
    """'Financial resources (Thousands …)' above the pipe rows in one block:
    the caption and the table apart."""
    lines = block.lines
    if not lines or lines[0].startswith("|"):
        return None
    cut = next((i for i, line in enumerate(lines) if line.startswith("|")), None)
    if cut is None:
        return None
    if cut > 2 or not all(ln.startswith("|") for ln in lines[cut:]):
        return None
    caption = " ".join(strip_markup(ln).strip() for ln in lines[:cut])
    return caption, Block(lines[cut:], block.page)


def short_title(text: str, max_words: int = 12) -> bool:
    text = text.strip()
    words = text.split()
    return (
        0 < len(words) <= max_words
        and "\n" not in text
        and text[:1].isupper()
        and not text.endswith((".", ";", ":", ","))
        and not text.startswith("|")
        and not p.RECOMMENDATION_HEADING.match(text)
        and not p.is_section_heading(text)
    )


def drop_bullet(text: str) -> str:
    return p.BULLET.sub("", text, count=1)
