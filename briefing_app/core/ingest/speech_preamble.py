"""Who spoke, where and when: a statement's preamble read into ``Preamble``.

"Statement by H.E. Ms. Jane Doe / Minister for Foreign Affairs of the Republic
of Examplia / General debate of the seventy-ninth session / New York, 24
September 2024 / Check against delivery" gives the speaker, their function,
the organization (the delegation, group or office), the event and the place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing_app.core.ingest.cleanup import Block
from briefing_app.core.ingest.markup import strip_markup
from briefing_app.core.ingest.speech_patterns import (
    DELEGATION,
    DELIVERY_NOTE,
    EVENT,
    FUNCTION,
    OF,
    ORG_END,
    PLACE_DATE,
    PORTFOLIO,
    STATEMENT_MARKER,
    is_date_line,
    marker_rest,
)


@dataclass
class Preamble:
    """What a statement's preamble says about who spoke, where and when."""

    marker: str | None = None  # "Statement by"
    speaker: str | None = None
    function: str | None = None  # "Minister for Foreign Affairs of Examplia"
    organization: str | None = None
    event: str | None = None
    place: str | None = None

    @property
    def title(self) -> str | None:
        if not self.marker:
            return self.event
        who = self.speaker or self.organization
        if not who:
            return self.event
        return f"{self.marker} {who}" + (f", {self.event}" if self.event else "")


def read_preamble(preamble: list[Block]) -> Preamble:
    """Speaker, function, organisation, event and place from a statement's preamble."""
    found = Preamble()
    lines = [strip_markup(line).strip(" ,") for block in preamble for line in block.lines]
    lines = [line for line in lines if line]
    at = next((i for i, line in enumerate(lines) if STATEMENT_MARKER.match(line)), None)
    used: set[str]
    if at is not None:
        match = STATEMENT_MARKER.match(lines[at])
        assert match is not None
        found.marker = " ".join(lines[at][: match.end()].split())
        rest = lines[at][match.end() :].strip(" :,")
        block_lines = _marker_block_lines(preamble, lines[at])
        who: str | None
        if rest:
            who, after = rest, block_lines
        else:
            who, after = (block_lines[0], block_lines[1:]) if block_lines else (None, [])
        delegation = DELEGATION.match(who or "")
        if delegation:
            found.organization = delegation.group(1)
        elif found.marker.lower().endswith("on behalf of") and who:
            found.organization = re.sub(r"^the\s+", "", who, flags=re.I)  # a group of States
        else:
            found.speaker, _, inline_function = (who or "").partition(", ")
            found.speaker = found.speaker or None
            if inline_function:
                after = [inline_function, *after]
        function_lines = _function_lines(after)
        used = {lines[at], *(block_lines if not rest else []), *function_lines}
        following = [line for line in lines[at + 1 :] if line not in used]
        if not function_lines and following and FUNCTION.search(following[0]):
            function_lines = [following[0]]
            used.add(following[0])
        if function_lines:
            found.function = ", ".join(function_lines)
            found.organization = found.organization or _organization(function_lines)
    else:
        used = set()
    for block in preamble:
        plain = (strip_markup(line).strip(" ,") for line in block.lines)
        pending: list[str] = []
        for text in [text for text in plain if text and text not in used] + [""]:
            place_date = PLACE_DATE.match(text)
            if place_date and is_date_line(place_date.group(2)):
                found.place = found.place or place_date.group(1)
            elif text and not is_date_line(text) and not DELIVERY_NOTE.match(text):
                pending.append(text)
                continue
            event = " ".join(pending)  # a line that is no event ends the event's lines
            pending = []
            if found.event is None and len(event.split()) >= 4:
                found.event = event
    return found


def _marker_block_lines(preamble: list[Block], marker_line: str) -> list[str]:
    """The speaker block: the rest of the marker's block, else the next block."""
    for index, block in enumerate(preamble):
        plain = [strip_markup(line).strip(" ,") for line in block.lines]
        if marker_line in plain:
            after = plain[plain.index(marker_line) + 1 :]
            if after:
                return [line for line in after if line]
            if not marker_rest(marker_line) and index + 1 < len(preamble):
                return [
                    text
                    for line in preamble[index + 1].lines
                    if (text := strip_markup(line).strip(" ,"))
                ]
            return []
    return []


def _function_lines(lines: list[str]) -> list[str]:
    """The lines after the speaker's name that give their function and organisation."""
    out: list[str] = []
    for line in lines[:3]:
        if not line or EVENT.search(line) or is_date_line(line) or DELIVERY_NOTE.match(line):
            break
        place_date = PLACE_DATE.match(line)
        if place_date and is_date_line(place_date.group(2)):
            break
        out.append(line)
    return out


def _organization(function_lines: list[str]) -> str | None:
    """ "Executive Director, CTED" -> CTED; "Permanent Representative of X to the UN" -> X."""
    last = function_lines[-1]
    if len(function_lines) > 1 and not FUNCTION.search(last):
        return last
    if "," in last:
        return last.rsplit(",", 1)[-1].strip() or None
    for match in OF.finditer(last):
        rest = ORG_END.sub("", last[match.end() :]).strip()
        if rest[:1].isupper() and not PORTFOLIO.match(rest):
            return rest
    return None if FUNCTION.search(last) else last
