"""Statements and speeches: unnumbered paragraphs after a preamble.

The preamble is what a statement prints before its first word to the room:
the event, "Statement by H.E. Ms. X", the speaker's function, place and date,
"Check against delivery". The body starts at the first salutation or the
first sentence of prose. Salutations ("Mr. President,", "Excellencies,
distinguished delegates,") are paragraphs of their own: a salutation line is
never glued to the end of the paragraph before it, whether the converter put
it on its own line inside a block (PDF text) or after the last sentence.

The patterns are tables (English for now) so that French and Spanish forms
can be added without touching the logic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing_app.core.ingest import patterns as p
from briefing_app.core.ingest.cleanup import Block
from briefing_app.core.ingest.markup import strip_markup
from briefing_app.core.models import PARAGRAPH, SECTION_SEPARATOR, Segment

_HONORIFIC = (
    r"(?:(?:Mr\.?|Madam|Madame|Mme\.?|Ms\.?|Honou?rable|(?:His|Her|Your)\s+Excellency|Dear)\s+)?"
)
#: One way of addressing the room; a salutation line is one or more of them.
ADDRESS_TERMS = [
    r"(?:Your\s+)?Excellenc(?:y|ies)",
    r"(?:Mr\.?|Mister|Madam|Madame|Mme\.?|Ms\.?|Mrs\.?)\s+(?:Vice-|Co-)?"
    r"(?:President|Chair(?:man|woman|person)?|Co-Chairs?|Secretary-General"
    r"|Deputy\s+Secretary-General|High\s+Commissioner|Executive\s+Director|Moderator"
    r"|Facilitator|Rapporteur|Under-Secretary-General|Ambassador|Minister|Speaker)",
    r"(?:(?:Distinguished|Dear|Honou?rable|Esteemed|Fellow|Respected|Excellent)\s+)+"
    r"(?:[\w-]+\s+){0,2}?(?:delegates|delegations|colleagues|participants|guests|friends"
    r"|representatives|members|panell?ists|ministers|speakers|Excellencies|Chairs?"
    r"|Co-Chairs?|Ambassadors|experts|observers)",
    r"Ladies\s+and\s+gentlemen",
    r"(?:Dear\s+)?(?:friends|colleagues)",
    r"Heads\s+of\s+(?:State|Government|Delegation)s?(?:\s+and\s+(?:Government|Delegation)s?)?",
    r"(?:Your\s+)?(?:Majest(?:y|ies)|(?:Royal\s+)?Highness(?:es)?)",
    r"(?:Madam\s+|Mr\.?\s+)?(?:Co-)?Chairs?",
    rf"{_HONORIFIC}President\s+of\s+the\s+(?:(?:[\w-]+\s+)?Session(?:\s+of\s+the)?\s+)?"
    r"(?:(?:United\s+Nations\s+)?General\s+Assembly|Security\s+Council"
    r"|Economic\s+and\s+Social\s+Council|Human\s+Rights\s+Council|Conference|[\w-]+\s+Session)",
    rf"{_HONORIFIC}Secretary-General(?:\s+of\s+the\s+United\s+Nations)?",
]
_TERM = "(?:" + "|".join(ADDRESS_TERMS) + ")"
SALUTATION = re.compile(
    rf"^(?:and\s+)?{_TERM}(?:(?:\s*[,;]\s*(?:and\s+)?|\s+and\s+|\s+){_TERM})*\s*[,:;!]?$", re.I
)
#: A salutation after the last sentence of a line: "… of the United Nations. Excellencies,"
_TRAILING_SALUTATION = re.compile(
    rf"^(.*?[.!?”\"’)])\s+((?:and\s+)?{_TERM}(?:\s*,\s*{_TERM})*\s*[,:])$", re.I
)

#: "Statement by …", "Remarks of …", "Address on behalf of …".
STATEMENT_MARKER = re.compile(
    r"^(?:Opening|Closing|Keynote|Introductory|Welcome|Welcoming|Concluding|Joint|National)?\s*"
    r"(?:remarks|statement|address|speech|intervention|presentation|message|briefing)"
    r"\s+(?:(?:delivered\s+)?(?:of|by|from)|on\s+behalf\s+of)\b",
    re.I,
)
#: Lines of a preamble that are neither speaker nor event.
_DELIVERY_NOTE = re.compile(
    r"^\(?\s*(?:please\s+)?check\s+against\s+(?:the\s+)?delivery\s*\)?\.?$", re.I
)
#: Words that make a preamble line the speaker's function.
_FUNCTION = re.compile(
    r"\b(?:Minister|Ambassador|Permanent\s+Representative|Representative|Director|Officer"
    r"|Secretary|President|Vice-President|Chair(?:man|woman|person)?|Head|Delegate|Commissioner"
    r"|Coordinator|Adviser|Advisor|Envoy|Chief|Counsellor|Counselor|Attaché|Rapporteur"
    r"|Prime\s+Minister|King|Queen|Emir|Governor|Mayor|Deputy|Chargé\s+d.affaires)\b"
)
_OF = re.compile(r"\bof\s+(?:the\s+)?")
_ORG_END = re.compile(r"\s+(?:to\s+the\s+United\s+Nations|at|in|before)\b.*$")
#: "Minister of Foreign Affairs of X": a portfolio after "of" is not the organisation.
_PORTFOLIO = re.compile(
    r"^(?:Foreign|External|Justice|Defen[cs]e|Interior|State|Health|Finance|Trade|Economy"
    r"|International|Home|Environment|Public|Legal)\b"
)
_DELEGATION = re.compile(
    r"^(?:the\s+)?(?:delegation|permanent\s+mission|representative|government)\s+of\s+"
    r"(?:the\s+)?(.+)$",
    re.I,
)
#: Words that make a preamble line the event, not the speaker's function.
_EVENT = re.compile(
    r"\b(?:session|debate|meeting|conference|summit|forum|side\s+event|week|dialogue|segment"
    r"|symposium|workshop|high-level|anniversary|ceremony)\b",
    re.I,
)
_PLACE_DATE = re.compile(r"^([A-Z][\w .'-]{1,40}?),\s+(.*\d{4}.*)$")
_TERMINAL = (".", "!", "?", "”", '"', "’", "…")


def is_salutation(line: str) -> bool:
    if len(line) > 250 or len(line.split()) > 24:
        return False
    text = strip_markup(line).strip()
    return bool(SALUTATION.match(text))


def statement_segments(doc_id: str, blocks: list[Block]) -> tuple[list[Segment], list[Block]]:
    """(paragraph segments numbered by order, preamble blocks)."""
    blocks = split_salutations(blocks)
    start = body_start(blocks)
    section: list[str] = []
    segments: list[Segment] = []
    for block in blocks[start:]:
        md = p.MARKDOWN_HEADING.match(block.first_line)
        if md and len(block.lines) == 1:
            level = len(md.group(1))
            section = [*section[: level - 1], strip_markup(md.group(2))]
            continue
        display = block.text
        number = len(segments) + 1
        segments.append(
            Segment(
                doc_id=doc_id,
                kind=PARAGRAPH,
                number=str(number),
                section=SECTION_SEPARATOR.join(section),
                text=strip_markup(display),
                display=display,
                order=number,
            )
        )
    return segments, blocks[:start]


def split_salutations(blocks: list[Block]) -> list[Block]:
    """Salutation lines become a block of their own (consecutive ones stay together)."""
    out: list[Block] = []
    for block in blocks:
        current: list[str] = []
        greeting: list[str] = []
        for line in block.lines:
            stripped = line.strip()
            trailing = stripped.endswith((",", ":")) and _TRAILING_SALUTATION.match(stripped)
            if trailing and not is_salutation(line):
                current.append(trailing.group(1))
                line = trailing.group(2)
            if is_salutation(line):
                if current:
                    out.append(Block(current, block.page))
                    current = []
                greeting.append(line.strip())
                continue
            if greeting:
                out.append(Block(greeting, block.page))
                greeting = []
            current.append(line)
        for rest in (greeting, current):
            if rest:
                out.append(Block(rest, block.page))
    return out


def body_start(blocks: list[Block]) -> int:
    """Index of the first body block: a salutation or prose, after the preamble."""
    marker_at = next(
        (
            i
            for i, block in enumerate(blocks[:15])
            if STATEMENT_MARKER.match(strip_markup(block.text[:300]))
            and len(block.text.split()) <= 40
        ),
        None,
    )
    if marker_at is not None:
        rest = _after_marker(strip_markup(blocks[marker_at].text))
        first = marker_at + (1 if rest else 2)  # "Remarks of" alone: the speaker follows
        for index in range(first, min(len(blocks), first + 8)):
            if _opens_body(blocks[index], after_marker=True):
                return index
        return min(first, len(blocks) - 1)
    for index, block in enumerate(blocks):
        if _opens_body(block) and not _DELIVERY_NOTE.match(block.text.strip()):
            return index
    return 0


def _opens_body(block: Block, *, after_marker: bool = False) -> bool:
    """Salutation or prose. After a "Statement by" line any sentence is body:
    the preamble's function, event, place and date lines do not end in a full stop."""
    text = strip_markup(block.text).strip()
    if is_salutation(block.first_line) or is_salutation(text):
        return True
    if STATEMENT_MARKER.match(text) or p.MARKDOWN_HEADING.match(block.first_line):
        return False
    words = len(text.split())
    if after_marker and text.endswith(_TERMINAL) and not _is_date(text.rstrip(".")):
        return not _DELIVERY_NOTE.match(text)
    return words >= 20 or (words >= 8 and text.endswith(_TERMINAL))


def _after_marker(text: str) -> str:
    match = STATEMENT_MARKER.match(text)
    return text[match.end() :].strip(" :,") if match else ""


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
        if rest:
            who, after = rest, block_lines
        else:
            who, after = (block_lines[0], block_lines[1:]) if block_lines else (None, [])
        delegation = _DELEGATION.match(who or "")
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
        if not function_lines and following and _FUNCTION.search(following[0]):
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
            place_date = _PLACE_DATE.match(text)
            if place_date and _is_date(place_date.group(2)):
                found.place = found.place or place_date.group(1)
            elif text and not _is_date(text) and not _DELIVERY_NOTE.match(text):
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
            if not _after_marker(marker_line) and index + 1 < len(preamble):
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
        if not line or _EVENT.search(line) or _is_date(line) or _DELIVERY_NOTE.match(line):
            break
        place_date = _PLACE_DATE.match(line)
        if place_date and _is_date(place_date.group(2)):
            break
        out.append(line)
    return out


def _organization(function_lines: list[str]) -> str | None:
    """ "Executive Director, CTED" -> CTED; "Permanent Representative of X to the UN" -> X."""
    last = function_lines[-1]
    if len(function_lines) > 1 and not _FUNCTION.search(last):
        return last
    if "," in last:
        return last.rsplit(",", 1)[-1].strip() or None
    for match in _OF.finditer(last):
        rest = _ORG_END.sub("", last[match.end() :]).strip()
        if rest[:1].isupper() and not _PORTFOLIO.match(rest):
            return rest
    return None if _FUNCTION.search(last) else last


def _is_date(text: str) -> bool:
    from briefing_app.core.ingest.metadata import parse_date

    return parse_date(text) is not None and len(text.split()) <= 8
