"""Metadata a UN document prints on its first page, before its text.

Symbol, distribution and adoption dates, session, agenda item, committee,
a resolution's own title ("78/265. Seizing …"), a draft's title and
sponsors ("Austria, Belgium … : draft resolution"), a report's title line
(the paragraph before "Report of the Secretary-General", never the agenda
item's title).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing_app.core.ingest import metadata as md
from briefing_app.core.ingest import patterns as p
from briefing_app.core.ingest.genres.tables import PATTERNS, GenrePatterns
from briefing_app.core.ingest.genres.typed import FUNCTION_WORDS as _FUNCTION_WORDS
from briefing_app.core.ingest.genres.typed import caps_title, garbled_date
from briefing_app.core.ingest.markup import strip_markup

_JOINED_ITEM = re.compile(r"(?<=session)\s+(?=Agenda\s+items?\b|Items?\s+\d)")
_TOP_CHARS = 2000
_HEAD_LINES = 150  # a title block with 114 sponsors still fits
_LINE_CHARS = 6000  # a sponsor list fits; a long speech paragraph is cut
_NAME_LOWER = frozenset({"of", "the", "and", "da", "de", "del", "d’Ivoire", "d'Ivoire"})
_COMPOUND_COUNTRIES = (
    "Antigua and Barbuda",
    "Bosnia and Herzegovina",
    "Saint Kitts and Nevis",
    "Saint Vincent and the Grenadines",
    "Sao Tome and Principe",
    "Trinidad and Tobago",
    "United Kingdom of Great Britain and Northern Ireland",
    "Heard Island and McDonald Islands",
    "Wallis and Futuna",
    "Turks and Caicos Islands",
)
_SYMBOL_TAIL = re.compile(
    r"^\s*\((?:Sect|Part)\.?\s*\d+\)(?:/(?:Part|Add|Corr|Rev)\.?\s*[A-Z0-9]+)*"
)
# "Report of the Secretary-General": who wrote it, the title is the line before
_AUTHOR_LINE = re.compile(
    r"^(?:Report|Note)\s+(?:of|by)\s+the\s+[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|on|of|and|for|the))*\.?$"
)
_SHORT_DRAFT_SYMBOL = re.compile(r"\b[A-Z]/L\.\d{1,4}(?:/Rev\.\d)?\b")  # A/L.632 (1971)
_ADOPTED_LINE = re.compile(r"^(?:Resolution|Decision)\s+adopted\s+by\b")
_BRACKET_REPORT = re.compile(r"\[on the report of the ([^(\]]+?)\s*(?:\(|\])")


@dataclass
class FrontMatter:
    title: str | None = None
    symbol: str | None = None
    date: str | None = None  # adoption date when printed
    distribution_date: str | None = None
    body: str | None = None
    committee: str | None = None
    session: str | None = None
    agenda_item: str | None = None
    sponsors: list[str] = field(default_factory=list)
    meeting: str | None = None
    agenda_title: str | None = None
    origin: str | None = None


def read_front(lines: list[str], name: str = "") -> FrontMatter:
    """What the title block says; ``lines`` are the lines before the text.

    ``name``: the file's name, read only to confirm a date the OCR garbled.
    """
    lines = [strip_markup(ln[:_LINE_CHARS]).strip() for ln in lines[:_HEAD_LINES]]
    # "Eightieth session Agenda item 151": two lines a reader joined
    lines = [piece for ln in lines if ln for piece in _JOINED_ITEM.split(ln)]
    text = "\n".join(lines)
    top = text[:_TOP_CHARS]  # symbol, date and body head the first page
    front = FrontMatter(
        symbol=find_full_symbol(top),
        distribution_date=_distribution_date(top) or garbled_date(top, name),
        body=md.find_body(text[:400]) or md.find_body(text),
    )
    for pats in PATTERNS:
        _read_with(front, lines, text, pats)
    return front


def _read_with(front: FrontMatter, lines: list[str], text: str, pats: GenrePatterns) -> None:
    flat = " ".join(text.split())
    adopted = pats.adopted.search(flat) if "adopted by" in flat else None
    if adopted:
        front.date = md.parse_date(adopted.group(3))
    for line in lines[:40]:
        if front.session is None and pats.session.match(line):
            front.session = pats.session.match(line).group(1)  # type: ignore[union-attr]
        item = pats.agenda_item.match(line)
        if front.agenda_item is None and item:
            front.agenda_item = " ".join(item.group(1).split())
        committee = pats.committee.fullmatch(line.strip())
        if front.committee is None and committee:
            front.committee = committee.group(1)
    bracket = _BRACKET_REPORT.search(flat) if "[on the report" in flat else None
    if front.committee is None and bracket:
        front.committee = " ".join(bracket.group(1).split())
    agenda = next((i for i, ln in enumerate(lines[:40]) if pats.agenda_item.match(ln)), None)
    start = agenda + 1 if agenda is not None else len(lines)
    own = _resolution_title(lines, pats)
    if own:
        front.title = own
        adopted_at = next((i for i, ln in enumerate(lines) if _ADOPTED_LINE.match(ln)), start)
        front.agenda_title = _join(lines[start:adopted_at])
        front.origin = _bracket(lines)
        return
    marker = next(
        (i for i, ln in enumerate(lines) if "raft" in ln and pats.draft_marker.search(ln)), None
    )
    if marker is not None:
        front.sponsors, first = _sponsors(lines, marker, pats)
        front.agenda_title = _join(lines[start:first])
        after = _paragraphs(lines[marker:])
        if not front.sponsors and len(after[0].split()) > 2:
            front.origin = after[0]  # "Draft resolution submitted by the Vice-Chair …"
        if len(after) > 1:
            front.title = " ".join(after[1:])
        else:  # an old typed draft: its title in capitals above the sponsors
            front.title, count = caps_title(lines[start:first])
            if front.title:
                front.agenda_title = _join(lines[start : first - count])
        return
    report = next((i for i, ln in enumerate(lines) if pats.report_marker.match(ln)), None)
    if report is None:
        return
    marker_paragraph = _paragraphs(lines[report:])[0]
    if not _AUTHOR_LINE.match(marker_paragraph):
        front.title = marker_paragraph  # "Report on the meeting of …": the title itself
        return
    before = _paragraphs(lines[start:report])
    if before and not _is_furniture_paragraph(before[-1], pats):
        front.title = before[-1]
        front.agenda_title = _join(before[:-1])


def _join(lines: list[str]) -> str | None:
    return " ".join(" ".join(lines).split()) or None


def _bracket(lines: list[str]) -> str | None:
    """'[on the report of the Sixth Committee (A/78/447, para. 8)]', without brackets."""
    for index, line in enumerate(lines):
        if line.startswith("["):
            end = next((j for j in range(index, len(lines)) if "]" in lines[j]), index)
            return (_join(lines[index : end + 1]) or "").strip("[]") if end - index < 4 else None
    return None


def _resolution_title(lines: list[str], pats: GenrePatterns) -> str | None:
    for index, line in enumerate(lines):
        match = pats.resolution_title.match(line)
        if match:
            return " ".join([match.group(2), *lines[index + 1 :]])
    return None


def _sponsors(lines: list[str], marker: int, pats: GenrePatterns) -> tuple[list[str], int]:
    """The sponsors before ': draft resolution', and the index of their first line."""
    line = lines[marker]
    found = pats.draft_marker.search(line)
    assert found is not None
    head = line[: found.start()].rstrip(" :*")
    if not head:
        return [], marker
    parts = [head]
    first = marker
    for prev in reversed(lines[:marker]):
        if not _sponsor_line(prev):
            break
        parts.insert(0, prev)
        first -= 1
    return split_sponsors(" ".join(parts)), first


def _sponsor_line(line: str) -> bool:
    """'Austria, Belgium, Netherlands (Kingdom': a list of names, not an agenda title."""
    if ", " not in line and not line.rstrip().endswith(","):
        return False
    pieces = [pc.strip(" *") for pc in line.split(",") if pc.strip(" *")]
    return bool(pieces) and all(_name_like(pc) for pc in pieces)


def _name_like(piece: str) -> bool:
    words = [w.strip("()*’'") for w in piece.split()]
    if not 0 < len(words) <= 8:
        return False
    return all(not w or w[:1].isupper() or w in _NAME_LOWER for w in words)


def split_sponsors(text: str) -> list[str]:
    """'Austria, Belgium and Viet Nam' -> ['Austria', 'Belgium', 'Viet Nam']."""
    text = " ".join(text.replace("*", "").split())
    protected = text
    for name in _COMPOUND_COUNTRIES:
        protected = protected.replace(name, name.replace(" and ", " \x00 "))
    pieces = [pc.strip() for pc in protected.split(",")]
    if pieces and " and " in pieces[-1]:
        last = pieces.pop()
        pieces.extend(pc.strip() for pc in last.rsplit(" and ", 1))
    return [pc.replace(" \x00 ", " and ") for pc in pieces if pc]


def _paragraphs(lines: list[str]) -> list[str]:
    """Hard-wrapped lines joined into the paragraphs they were."""
    out: list[str] = []
    for line in lines:
        if out and _continues(out[-1], line):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _continues(previous: str, line: str) -> bool:
    if p.NUMBERED_PARAGRAPH.match(line) or p.is_section_heading(line):
        return False  # "1. The Working Group met …": the body after a title line
    last_word = previous.rstrip().rsplit(" ", 1)[-1].lower()
    return (
        previous.rstrip().endswith((",", "–", "-"))
        or last_word in _FUNCTION_WORDS
        or line[:1].islower()
        or line[:1].isdigit()
    )


def _is_furniture_paragraph(text: str, pats: GenrePatterns) -> bool:
    return bool(
        pats.agenda_item.match(text) or pats.session.match(text) or md.DISTR_DATE.search(text)
    )


def find_full_symbol(text: str) -> str | None:
    """The symbol with its section and part: 'A/81/6 (Sect. 3)/Part A'."""
    match = md.UN_SYMBOL.search(text) or _SHORT_DRAFT_SYMBOL.search(text)
    if not match:
        return None
    symbol = match.group(0)
    tail = _SYMBOL_TAIL.match(text[match.end() :])
    if tail:
        symbol += " " + " ".join(tail.group(0).split())
    return symbol.rstrip("*")


def _distribution_date(text: str) -> str | None:
    match = md.DISTR_DATE.search(" ".join(text.split()))
    if not match:
        return None
    return md.parse_date(match.group(0))
