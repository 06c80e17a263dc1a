"""Metadata for files without a manifest entry, read from the text itself.

Title, date ("Distr.: General 31 May 2021", "Thursday, 16 July 2020",
"21/7/2021"), speaker and organisation ("Remarks of …", "Opening statement
of …"), UN document symbols and the meeting body. Only what the text says.
"""

from __future__ import annotations

import re
from datetime import date

from briefing_app.core.ingest import patterns as p
from briefing_app.core.ingest.cleanup import Block
from briefing_app.core.ingest.markup import strip_markup

_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
DISTR_DATE = re.compile(rf"Distr\.?:?\s*\w*\s+(\d{{1,2}})\s+({_MONTH_RE})\.?\s+(\d{{4}})", re.I)
DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\.?,?\s+(\d{{4}})\b", re.I
)
WEEKDAY_DATE = re.compile(
    rf"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+(\d{{1,2}})\s+({_MONTH_RE})\.?,?\s+(\d{{4}})\b",
    re.I,
)
MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}}),\s+(\d{{4}})\b", re.I)
NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
UN_SYMBOL = re.compile(
    r"\b(?:A|S|E|ST|CTOC|CAC|CND|CCPCJ|UNEP|TD|HRC|CRC|CEDAW|DP|ECE|ESCAP|FCCC|"
    r"A/HRC|E/CN\.\d+|S/RES|A/RES)(?:/[A-Z0-9][A-Za-z0-9.\-]*){2,}\b"
)
_BODIES = re.compile(
    r"(Working Group on [A-Z][\w\- ]+?(?= held| on its|,|\.|$)|Conference of the Parties[^,.\n]*"
    r"|Security Council|General Assembly|Human Rights Council|Economic and Social Council"
    r"|Commission on [A-Z][\w ]+|Biennial Meeting of States[^,.\n]*|Counter-Terrorism Week)",
    re.M,
)


def parse_date(text: str) -> str | None:
    """First date in the text as ISO 8601; the "Distr." date wins."""
    patterns = (
        (DISTR_DATE, "dmy"),
        (WEEKDAY_DATE, "dmy"),
        (DAY_MONTH_YEAR, "dmy"),
        (MONTH_DAY_YEAR, "mdy"),
    )
    for pattern, order in patterns:
        match = pattern.search(text)
        if match:
            if order == "dmy":
                day, month, year = match.group(1), match.group(2), match.group(3)
            else:
                month, day, year = match.group(1), match.group(2), match.group(3)
            iso = _iso(int(year), _MONTHS[month.lower().rstrip(".")], int(day))
            if iso:
                return iso
    match = NUMERIC_DATE.search(text)
    if match:  # UN and European usage: day first
        return _iso(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    return None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def find_symbol(text: str) -> str | None:
    if text.count("/") < 2:  # a symbol has two slashes at least; most speeches none
        return None
    match = UN_SYMBOL.search(text)
    return match.group(0) if match else None


def find_body(text: str) -> str | None:
    match = _BODIES.search(text)
    return " ".join(match.group(1).split()) if match else None


def speaker_and_organization(preamble: list[Block]) -> tuple[str | None, str | None, str | None]:
    """(marker phrase, speaker, organisation) from "Remarks of" + the speaker block."""
    for index, block in enumerate(preamble):
        plain = strip_markup(block.text)
        match = p.SPEAKER_MARKER.match(plain)
        if not match:
            continue
        marker = plain[: match.end()].strip()
        rest = plain[match.end() :].strip(" :,")
        if rest:
            lines = [rest]
        elif index + 1 < len(preamble):
            lines = [strip_markup(ln).strip(" ,") for ln in preamble[index + 1].lines]
        else:
            return marker, None, None
        lines = [ln for ln in lines if ln]
        if not lines:
            return marker, None, None
        speaker = lines[0]
        organization = None
        if len(lines) > 1:
            last = lines[-1]
            organization = last.rsplit(",", 1)[-1].strip() if "," in last else last
        return marker, speaker, organization
    return None, None, None


def infer_title(preamble: list[Block], marker: str | None, speaker: str | None) -> str | None:
    """A title from the preamble: the report's title line, or 'Remarks of X, <event>'."""
    lines = [
        strip_markup(b.text)
        for b in preamble
        if not re.match(r"^(Distr\.|Original:|\d+$)", strip_markup(b.text))
        and not p.SPEAKER_MARKER.match(strip_markup(b.text))
    ]
    event = next((ln for ln in lines if len(ln.split()) >= 4 and not _mostly_date(ln)), None)
    if marker and speaker:
        return f"{marker} {speaker}" + (f", {event}" if event else "")
    return event


def _mostly_date(line: str) -> bool:
    """'Thursday, 16 July 2020' or '21–30 June 2021', not a title that names a date."""
    return parse_date(line) is not None and len(line.split()) <= 6
