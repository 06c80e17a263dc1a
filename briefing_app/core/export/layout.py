"""What the front matter puts around the body: the title block and the properties.

Pure functions from the front-matter dict to lines and values, so the rules
(what is left out when a field is missing) are testable without Word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing_app.core.drafts.frontmatter import slot_minutes
from briefing_app.core.export.profiles import Profile

_TRUE = {"yes", "y", "true", "1", "on"}


@dataclass(frozen=True)
class Line:
    """One paragraph of the title block: a Word style name and its text."""

    style: str
    text: str


def _get(meta: dict[str, str], key: str) -> str:
    return " ".join(str(meta.get(key, "")).split())


def agenda_label(value: str) -> str:
    """``5`` or ``5 (b)`` -> ``Agenda item 5``; anything else as written."""
    value = " ".join(value.split())
    return f"Agenda item {value}" if re.match(r"^\d", value) else value


_ISO_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


def statement_date(value: str) -> str:
    """'2026-12-01' -> '1 December 2026', as a statement prints it; other text as written."""
    from briefing_app.core.citation import format_date

    value = " ".join(value.split())
    return format_date(value) if _ISO_DATE.match(value) else value


def place_and_date(meta: dict[str, str]) -> str:
    date = statement_date(_get(meta, "date"))
    return ", ".join(v for v in (_get(meta, "place"), date) if v)


def title_block(meta: dict[str, str], profile: Profile) -> list[Line]:
    """The lines above the body; a missing field simply has no line."""
    speaker, delegation = _get(meta, "speaker"), _get(meta, "delegation")
    title, meeting = _get(meta, "title"), _get(meta, "meeting")
    agenda = agenda_label(_get(meta, "agenda_item"))
    if profile.compact_title:
        heading = title or "Talking points"
        if not heading.lower().startswith("talking points"):
            heading = f"Talking points: {heading}"
        details = " | ".join(
            v for v in (speaker, delegation, meeting, agenda, place_and_date(meta)) if v
        )
        return [Line("Title", heading)] + ([Line("Title Block", details)] if details else [])

    lines: list[Line] = []
    mark = _get(meta, "mark")
    if mark and profile.show_mark:
        lines.append(Line("Delivery Mark", mark))
    if title and (title.lower().startswith("statement") or not (speaker or delegation)):
        # The delegate's own "Statement of Austria on …" is the heading; who speaks follows.
        lines.append(Line("Title", title))
        for value in (speaker, delegation):
            if value and value.lower() not in title.lower():
                lines.append(Line("Title Block", value))
        title = ""
    elif speaker:
        lines.append(Line("Title", f"Statement by {speaker}"))
        if delegation:
            lines.append(Line("Title Block", delegation))
    elif delegation:
        lines.append(Line("Title", f"Statement by {delegation}"))
    for value in (meeting, agenda, place_and_date(meta)):
        if value:
            lines.append(Line("Title Block", value))
    if profile.name == "speaker":
        minutes = slot_minutes(meta)
        if minutes:
            lines.append(Line("Title Block", f"Speaking time: {minutes:g} min"))
    if title:  # whatever the delegate wrote as the title is printed
        lines.append(Line("Subtitle", title))
    return lines


def properties(meta: dict[str, str], profile: Profile, fallback_title: str) -> dict[str, str]:
    """Core document properties: title, author, subject, keywords, category."""
    speaker, delegation = _get(meta, "speaker"), _get(meta, "delegation")
    meeting, agenda = _get(meta, "meeting"), agenda_label(_get(meta, "agenda_item"))
    keywords = [profile.label.lower(), delegation, meeting, agenda.lower()]
    return {
        "title": _get(meta, "title") or fallback_title,
        "author": speaker or delegation,
        "subject": " — ".join(v for v in (meeting, agenda) if v),
        "keywords": "; ".join(k for k in keywords if k),
        "category": profile.label,
    }


def is_numbered(meta: dict[str, str]) -> bool:
    """The ``numbered: yes`` front-matter switch (UN-style numbered paragraphs)."""
    return _get(meta, "numbered").lower() in _TRUE


_SALUTATION = re.compile(r"^(mr|madam|madame|ms|mrs|excellenc|distinguished|dear|chair)", re.I)


def is_salutation_or_closing(text: str) -> bool:
    """Short lines that open or close a statement and are never numbered."""
    words = text.split()
    if not words or len(words) > 12:
        return False
    stripped = text.strip()
    if stripped.endswith(",") and (len(words) <= 8 or _SALUTATION.match(stripped)):
        return True
    return stripped.lower().startswith(("thank you", "i thank you"))
