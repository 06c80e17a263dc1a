"""Title blocks of old typed documents (1940s-1980s scans with an OCR layer).

Their title is typed in capitals above the sponsors' line, and the OCR often
garbles a digit of the date ("~9 September 1971" for 29). A capitals title is
title-cased for display; a garbled day is taken from an ISO date in the file
name (archives name scans "1971-09-29_A_L.632-EN.pdf") only when that date has
the same month and year and ends with the digits the OCR did read.
"""

from __future__ import annotations

import re

from briefing_app.core.ingest import metadata as md

FUNCTION_WORDS = frozenset(
    "the of to and for in from on by with at a an its their or as under into".split()  # noqa: SIM905
)
_ROMAN = re.compile(r"^[IVXLC]+$")
_CAPS_LINE = re.compile(r"^[A-Z0-9][A-Z0-9 ,'’\-()&.]*$")
_GARBLED_DATE = re.compile(
    rf"(?<!\S)([0-9~|!lIOo]{{1,2}})\s+({md._MONTH_RE})\.?,?\s+(\d{{4}})\b", re.I
)
_NAME_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_OCR_DIGITS = str.maketrans({"l": "1", "I": "1", "|": "1", "!": "1", "O": "0", "o": "0"})


def caps_title(lines: list[str]) -> tuple[str | None, int]:
    """The capitals lines ending ``lines`` (just above the sponsors), title-cased,
    and how many lines they take."""
    picked: list[str] = []
    for line in reversed(lines):
        text = line.strip()
        if not _CAPS_LINE.match(text) or len(text.split()) < 2 or ":" in text:
            break
        picked.insert(0, text)
    words = " ".join(picked).split()
    if len(words) < 3 or sum(ch.isalpha() for ch in "".join(words)) < 12:
        return None, 0
    return title_case(" ".join(words)), len(picked)


def title_case(text: str) -> str:
    """'RESTORATION OF THE RIGHTS OF …' -> 'Restoration of the Rights of …'."""
    out = []
    for index, word in enumerate(text.split()):
        lower = word.lower()
        if _ROMAN.match(word) and len(word) > 1:
            out.append(word)
        elif index and lower in FUNCTION_WORDS:
            out.append(lower)
        else:
            out.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(out)


def garbled_date(top: str, name: str) -> str | None:
    """A date whose day the OCR garbled, confirmed by the file name's date; else None."""
    flat = " ".join(top.split())
    at = flat.find("Distr")
    if at < 0:
        return None
    match = _GARBLED_DATE.search(flat, at, at + 120)
    if not match:
        return None
    day = match.group(1).translate(_OCR_DIGITS)
    month = md._MONTHS[match.group(2).lower().rstrip(".")]
    year = int(match.group(3))
    if day.isdigit():
        return md._iso(year, month, int(day))
    digits = "".join(ch for ch in day if ch.isdigit())
    named = _NAME_DATE.search(name)
    if not digits or not named:
        return None
    n_year, n_month, n_day = (int(g) for g in named.groups())
    if (n_year, n_month) == (year, month) and f"{n_day:02d}".endswith(digits):
        return md._iso(year, month, n_day)
    return None
