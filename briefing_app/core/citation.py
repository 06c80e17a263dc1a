"""Pinpoint citations as a delegate writes them, following UN editorial practice.

* a resolution or decision is named by its body and number:
  "General Assembly resolution 79/40", "Security Council resolution 2720 (2023)";
  a draft by its symbol: "draft resolution A/C.3/80/L.32";
* operative paragraphs: "General Assembly resolution 79/40, para. 18" (a
  sub-item: "para. 8 (b)"); preambular paragraphs by their place in words:
  "…, third preambular paragraph";
* annexes and parts: "…, annex I, para. 5", "…, sect. IV, para. 2";
* articles lead: "article 7 of the United Nations Convention on … (General
  Assembly resolution 80/162, annex)";
* a report or other document with a symbol is cited by its symbol alone:
  "A/80/604/Add.3, para. 30" (the UN manuals never repeat a long title);
* documents without a symbol (speeches, the Working Group report): their title,
  place and date, then "recommendation 18", "para. 33", "slide 4".

``unit_label`` gives the short labels of lists (PP 3, OP 18, Art. 7, Rec. 18,
Para. 33, Slide 4, Table 2); the CLI and the window both use it.
"""

from __future__ import annotations

import re

from briefing_app.core.models import (
    ARTICLE,
    OPERATIVE,
    PARAGRAPH,
    PASSAGE,
    PREAMBULAR,
    RECOMMENDATION,
    SECTION_SEPARATOR,
    SLIDE,
    TABLE,
    DocumentMeta,
    Hit,
    Segment,
    SegmentKind,
    kind_label,
)

_ORDINALS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
]
_TENS = {
    20: "twent",
    30: "thirt",
    40: "fort",
    50: "fift",
    60: "sixt",
    70: "sevent",
    80: "eight",
    90: "ninet",
}
_RESOLUTION_SYMBOL = re.compile(r"^(?:([A-Z]+(?:/[A-Z]+)*)/)?(RES|DEC)/(\S+)$")
_BODY_OF_PREFIX = {
    "A": "General Assembly",
    "S": "Security Council",
    "A/HRC": "Human Rights Council",
    "E": "Economic and Social Council",
}
_RESOLUTION_KINDS = ("resolution", "decision")
_DRAFT_KINDS = ("draft-resolution", "draft-decision")


def unit_label(kind: str, number: str, section: str = "") -> str:
    """Short label for lists: 'PP 3', 'OP 18', 'Art. 7', 'Rec. 18', 'Para. 3';
    unnumbered text is named by its heading ('Summary') when it has one."""
    if kind == PASSAGE and section:
        return section.split(SECTION_SEPARATOR)[-1]
    return f"{kind_label(kind).short} {number}".strip()


def passage_pinpoint(section: str, number: str) -> str:
    """Unnumbered text is cited by its heading: 'summary', 'sect. II.B',
    'under "External factors"'; without one, by its place ('text 3')."""
    if not section:
        return pinpoint(PASSAGE, number)
    last = section.split(SECTION_SEPARATOR)[-1]
    numeral = _HEADING_NUMERAL.match(last)
    if numeral:
        return f"sect. {numeral.group(1)}"
    if len(last.split()) == 1:
        return last.lower()
    return f"under “{last}”"


_HEADING_NUMERAL = re.compile(r"^([IVXL]{1,6}|[A-Z])\.\s")


def ordinal(number: int) -> str:
    """3 -> 'third', 21 -> 'twenty-first' (UN style spells preambular places out)."""
    if 1 <= number <= len(_ORDINALS):
        return _ORDINALS[number - 1]
    tens, unit = divmod(number, 10)
    if 2 <= tens <= 9:
        if unit == 0:
            return _TENS[tens * 10] + "ieth"
        return f"{_TENS[tens * 10]}y-{_ORDINALS[unit - 1]}"
    return f"{number}th"


def document_reference(doc: DocumentMeta) -> str:
    """The document as a citation names it: cite_as, else its UN name, else its
    symbol (a treaty keeps its title), else title, number and date."""
    if doc.cite_as:
        return doc.cite_as
    formal = formal_name(doc)
    if formal:
        return formal
    symbol = (doc.symbol or "").strip()
    if is_symbol(symbol) and doc.kind != "treaty":  # not a job number ("V.21-03928")
        return symbol
    ref = f"{doc.title} ({symbol})" if symbol else doc.title
    if doc.date and doc.date[:4] not in doc.title:
        ref += f", {format_date(doc.date)}"
    return ref


def is_symbol(text: str) -> bool:
    """'A/80/604/Add.3', 'A/C.1/80/L.62', 'CTOC/COP/2020/10': a UN document symbol."""
    return bool(SYMBOL.fullmatch(text.strip()))


#: A UN document symbol: upper-case series parts and numbers joined by slashes.
SYMBOL = re.compile(r"(?=\S*\d)[A-Z][A-Z0-9.\-]*(?:/[A-Za-z0-9.\-]+)+")


def formal_name(doc: DocumentMeta) -> str | None:
    """'General Assembly resolution 79/40', 'draft resolution A/C.3/80/L.32'."""
    symbol = (doc.symbol or "").strip()
    if doc.kind in _DRAFT_KINDS and symbol:
        return f"{doc.kind.replace('-', ' ')} {symbol}"
    match = _RESOLUTION_SYMBOL.match(symbol)
    if doc.kind not in _RESOLUTION_KINDS or not match:
        return None
    prefix, kind = match.group(1) or "", match.group(2)
    body = doc.body or _BODY_OF_PREFIX.get(prefix, "")
    word = "resolution" if kind == "RES" else "decision"
    number = match.group(3)
    if prefix == "S" and doc.year and "(" not in number:
        number = f"{number} ({doc.year})"
    return f"{body} {word} {number}".strip()


def scope_reference(scope: str) -> str:
    """'annex-i' -> 'annex I'; 'part-iv' -> 'sect. IV'; 'annex-ii.part-2' -> 'annex II, sect. 2'."""
    out = []
    for piece in scope.split("."):
        name, _, label = piece.partition("-")
        if name == "annex":
            out.append(f"annex {label.upper()}".strip())
        elif name == "part":
            out.append(f"sect. {label.upper()}")
    return ", ".join(out)


def pinpoint(kind: str, number: str) -> str:
    """'recommendation 18', 'para. 33', 'third preambular paragraph', 'article 7'."""
    if kind == PREAMBULAR and number.isdigit():
        return f"{ordinal(int(number))} preambular paragraph"
    return f"{kind_label(kind).cite} {number}".strip()


def spoken_pinpoint(kind: str, number: str) -> str:
    """The unit in running text: 'paragraph 18', 'the third preambular paragraph'."""
    if kind == PREAMBULAR and number.isdigit():
        return f"the {ordinal(int(number))} preambular paragraph"
    return f"{kind_label(kind).spoken} {number}".strip()


def item_pinpoint(kind: str, number: str, item: str) -> str:
    """A sub-item: 'para. 8 (b)'."""
    return f"{pinpoint(kind, number)} ({item})"


def cite(doc: DocumentMeta, segment: Segment) -> str:
    """Full citation, e.g. 'General Assembly resolution 79/40, para. 18'."""
    ref = document_reference(doc)
    scope = scope_reference(segment.scope)
    if segment.kind == ARTICLE:
        where = f" ({ref}, {scope})" if scope and doc.kind != "treaty" else ""
        name = _treaty_name(segment, doc) if where else ref
        return f"{pinpoint(ARTICLE, segment.number)} of {name}{where}"
    if scope:
        ref = f"{ref}, {scope}"
    if segment.kind == PASSAGE:
        return f"{ref}, {passage_pinpoint(segment.section, segment.number)}"
    return f"{ref}, {pinpoint(segment.kind, segment.number)}"


def _treaty_name(segment: Segment, doc: DocumentMeta) -> str:
    """The annexed treaty's title from the annex heading ('Annex: United Nations Convention …')."""
    head = segment.section.split(" › ")[0]
    _, _, title = head.partition(": ")
    return f"the {title}" if title.startswith("United Nations") else (title or doc.title)


_PINPOINT = re.compile(
    r"^\s*(?:(?P<scope>(?:annex(?:\s+[IVXLC\d]+)?|sect\.?\s+[IVXLC\d]+|part\s+[IVXLC\d]+)"
    r"(?:\s*,\s*(?:sect\.?|part)\s+[IVXLC\d]+)?)\s*,?\s*)?"
    r"(?P<unit>PP\.?|OP\.?|(?:operative|preambular)\s+(?:paragraph|para\.?)|paras?\.?"
    r"|paragraphs?|art\.?|articles?|rec\.?|recommendations?|slides?"
    r"|tables?)?\s*(?P<number>\d{1,4})\s*(?:\((?P<item>[a-z]{1,4})\))?\s*$",
    re.I,
)
_ORDINAL_PINPOINT = re.compile(
    r"^\s*(?:the\s+)?(?P<ordinal>[a-z-]+)\s+preambular\s+paragraph\s*$", re.I
)
#: "para. 5" names a resolution's operative paragraph or a report's paragraph.
PARAGRAPH_KINDS = (OPERATIVE, PARAGRAPH)
#: The unit words of a pinpoint, lower-cased and singular, and the kinds they name.
UNIT_KINDS = {
    "pp": (PREAMBULAR,),
    "preambular": (PREAMBULAR,),
    "op": (OPERATIVE,),
    "operative": (OPERATIVE,),
    "para": PARAGRAPH_KINDS,
    "paragraph": PARAGRAPH_KINDS,
    "art": (ARTICLE,),
    "article": (ARTICLE,),
    "rec": (RECOMMENDATION,),
    "recommendation": (RECOMMENDATION,),
    "slide": (SLIDE,),
    "table": (TABLE,),
}


def find_unit(segments: list[Segment], pinpoint_text: str) -> list[tuple[Segment, str | None]]:
    """The units a pinpoint names: 'para. 8 (b)', 'OP 8(b)', 'PP 3', 'third preambular
    paragraph', 'art. 7', 'annex I, para. 5'; with the sub-item label when one is named
    and the unit has it. Several when the pinpoint does not say which annex or part."""
    match = _PINPOINT.match(pinpoint_text)
    if match is None:
        ordinal_match = _ORDINAL_PINPOINT.match(pinpoint_text)
        places = {ordinal(n): n for n in range(1, 200)}
        if not ordinal_match or ordinal_match.group("ordinal").lower() not in places:
            return []
        kinds: tuple[SegmentKind, ...]
        number, kinds, item, scope = (
            str(places[ordinal_match.group("ordinal").lower()]),
            (PREAMBULAR,),
            None,
            None,
        )
    else:
        unit = (match.group("unit") or "para").lower().rstrip(".s").split()[0]
        kinds = UNIT_KINDS.get(unit, PARAGRAPH_KINDS)
        number, item, scope = match.group("number"), match.group("item"), match.group("scope")
    found = []
    for segment in segments:
        if segment.kind not in kinds or segment.number != number:
            continue
        if scope and scope_reference(segment.scope).lower() != _normal_scope(scope):
            continue
        if item and item.lower() not in segment.items:
            continue
        found.append((segment, item.lower() if item else None))
    return found


def _normal_scope(scope: str) -> str:
    scope = re.sub(r"\bpart\b", "sect.", scope.lower())
    scope = re.sub(r"sect\.?\s*", "sect. ", scope)
    return " ".join(scope.replace(" ,", ",").split())


_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def format_date(iso: str) -> str:
    """'2021-05-31' -> '31 May 2021' (UN style); partial dates degrade gracefully."""
    parts = iso.split("-")
    try:
        if len(parts) == 3:
            return f"{int(parts[2])} {_MONTHS[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 2:
            return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        pass
    return iso


def cited_hit(
    doc: DocumentMeta,
    seg: Segment,
    *,
    snippet: str = "",
    score: float = 0.0,
    terms: list[str] | None = None,
) -> Hit:
    """A segment of ``doc`` as a search hit, carrying its citation."""
    return Hit(
        doc_id=seg.doc_id,
        doc_title=doc.title,
        segment_id=seg.segment_id,
        kind=seg.kind,
        number=seg.number,
        section=seg.section,
        citation=cite(doc, seg),
        text=seg.text,
        snippet=snippet,
        score=score,
        terms=terms or [],
    )
