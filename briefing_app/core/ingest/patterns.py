"""Regular expressions for the furniture and structure of UN documents."""

from __future__ import annotations

import re

FROM_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

_B = r"(?:\*\*|__)?"  # converters sometimes leave bold marks around page numbers
_JOB = r"[A-Z]{1,2}\.\d{2}-\d{4,6}"  # UN job number, e.g. V.21-03928
#: The running head of a verbatim record page as transcripts keep it, alone on its
#: line: "A/70/PV.15 28/09/2015" or "28/09/2015 A/70/PV.15".
_RECORD = r"[AS](?:/[A-Z0-9.\-]+)*/PV\.\d+(?:\s*\(Resumption\s+\d+\))?"
_NUMERIC_DATE = r"\d{1,2}/\d{1,2}/\d{4}"
RECORD_HEADER = re.compile(
    rf"^\s*(?:{_RECORD}\s+{_NUMERIC_DATE}|{_NUMERIC_DATE}\s+{_RECORD})\s*$"
)

PAGE_FURNITURE = re.compile(
    rf"""^(?:
        # V.21-03928 3/16
        {_B}{_JOB}{_B}(?:\s+{_B}\d{{1,4}}{_B}\s*/\s*{_B}\d{{1,4}}{_B})?\s*(?:\(E\))?
        # 4/16 V.21-03928
      | {_B}\d{{1,4}}{_B}\s*/\s*{_B}\d{{1,4}}{_B}\s+{_B}{_JOB}{_B}
      | (?:Page\s+)?\d{{1,4}}\s+(?:of|/)\s+\d{{1,4}}  # Page 3 of 16
      | [-–—]?\s*\d{{1,3}}\s*[-–—]?  # a lone page number
      | \*?\d{{7,}}\*?  # barcode digits
    )$""",
    re.X,
)

FOOTNOTE_LINE = re.compile(r"^\s*([¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s+(\S.*)$")

RECOMMENDATION_HEADING = re.compile(r"^(?:#+\s*)?\**Recommendation\s+(\d{1,3})\**\s*$", re.I)
# Up to four digits: long reports run past paragraph 999 (1000. must not be
# swallowed by paragraph 999).
NUMBERED_PARAGRAPH = re.compile(r"^\s*(?:[-*•]\s+)?(\d{1,4})\.\s+(\S.*)$", re.S)
ROMAN_HEADING = re.compile(r"^(?:#+\s*)?\**([IVXL]{1,6})\.\s+(\S[^\n]{0,300})$")
LETTER_HEADING = re.compile(r"^(?:#+\s*)?\**([A-Z])\.\s+(\S[^\n]{0,200})$")
MARKDOWN_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(\S.*)$")
LINE_STARTS_ITEM = re.compile(
    r"^\s*(?:[-*+•]\s+|\(?[a-z]{1,4}\)\s+|\(\d{1,2}\)\s+|#{1,6}\s+|\d{1,4}\.\s+)"
)
SUB_ITEM = re.compile(r"^\s*(?:[-*+•]\s+)?(?:\(?[a-z]{1,4}\)|\(\d{1,2}\)|[ivx]+\.)\s")
BULLET = re.compile(r"^\s*[-*+•]\s+")


def is_section_heading(line: str) -> bool:
    line = line.strip()
    if len(line) > 320 or line.endswith((".", ";", ",")):
        return False
    return bool(ROMAN_HEADING.match(line) or LETTER_HEADING.match(line))


def is_heading(line: str) -> bool:
    """Headings: they never end a sentence that runs on."""
    line = line.strip()
    return bool(
        RECOMMENDATION_HEADING.match(line)
        or MARKDOWN_HEADING.match(line)
        or is_section_heading(line)
    )


def is_structural(line: str) -> bool:
    """Headings and numbered paragraphs: they always start a new unit."""
    return is_heading(line) or bool(NUMBERED_PARAGRAPH.match(line))


def digits_normalised(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip())


SPEAKER_MARKER = re.compile(
    r"^(?:Opening|Closing|Keynote|Introductory|Welcome|Concluding)?\s*"
    r"(?:remarks|statement|address|speech|intervention|presentation|message|briefing)"
    r"\s+(?:of|by|from)\b",
    re.I,
)
