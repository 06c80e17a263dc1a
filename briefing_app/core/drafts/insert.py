"""The Markdown a passage becomes in a draft: reference first, then the quotation.

UN conference services ask speakers to give the reference before quoting, so
an inserted passage reads::

    As stated in recommendation 18 of the report of the Working Group on Firearms[^3]:

    > States should ...

    [^3]: Report of the Working Group on Firearms, Vienna, 10–12 May 2021, recommendation 18.

A report with a symbol is named by it: "As stated in paragraph 30 of document
A/80/604/Add.3".

The footnote number is the next free one in the draft; definitions go to the
end of the draft, where python-markdown and the Word export expect them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefing_app.core.citation import cite, is_symbol, pinpoint, spoken_pinpoint
from briefing_app.core.models import SLIDE, DocumentMeta, Hit, Segment

#: How readers label a slide's speaker notes (readers/pptx.py NOTES_LABEL; not
#: imported: that would load the whole ingest package with every draft insertion).
NOTES_LABEL = "Speaker notes:"
_FOOTNOTE_ID = re.compile(r"\[\^(\d+)\]")
_FOOTNOTE_DEF_LINE = re.compile(r"^\[\^[^\]]+\]:")
#: First words of document names that read as common nouns in running text.
_COMMON_NOUNS = {
    "report", "remarks", "opening", "statement", "resolution", "decision", "declaration",
    "outcome", "presentation", "note", "letter", "address", "summary", "chair's", "draft",
    "working", "conclusions", "recommendations",
}  # fmt: skip


@dataclass(frozen=True)
class Passage:
    """What an insertion needs from a hit or a segment."""

    text: str
    citation: str
    kind: str
    number: str

    @classmethod
    def from_hit(cls, hit: Hit) -> Passage:
        return cls(hit.text, hit.citation, hit.kind, hit.number)

    @classmethod
    def from_segment(cls, segment: Segment, doc: DocumentMeta) -> Passage:
        return cls(segment.text, cite(doc, segment), segment.kind, segment.number)

    @property
    def document_name(self) -> str:
        """The document as named in the citation, without place, date or pinpoint."""
        unit = pinpoint(self.kind, self.number)
        ref = self.citation.removesuffix(", " + unit).removeprefix(unit + " of ")
        return _first_top_level_part(ref)

    def reference(self) -> str:
        """'recommendation 18 of the report of the Working Group on Firearms'."""
        name = self.document_name
        first, _, rest = name.partition(" ")
        if is_symbol(name):  # UN style: "paragraph 30 of document A/80/604/Add.3"
            name = f"document {name}"
        elif first.lower() in _COMMON_NOUNS and first[:1].isupper():
            name = "the " + first.lower() + (" " + rest if rest else "")
        if not self.number:
            return name
        return f"{spoken_pinpoint(self.kind, self.number)} of {name}"


def next_footnote_number(text: str) -> int:
    """One more than the highest numeric footnote id in the draft."""
    numbers = [int(n) for n in _FOOTNOTE_ID.findall(text)]
    return max(numbers, default=0) + 1


def quote_block(passage: Passage, number: int) -> str:
    """Reference sentence, blank line, block quote (no trailing newline)."""
    intro = f"As stated in {passage.reference()}[^{number}]:"
    lines = _spoken_lines(passage) or [""]
    quoted = "\n".join(f"> {line.strip()}" if line.strip() else ">" for line in lines)
    return f"{intro}\n\n{quoted}"


def _spoken_lines(passage: Passage) -> list[str]:
    """The passage's lines; a slide stops at its speaker notes (never said aloud)."""
    lines = passage.text.strip().splitlines()
    if passage.kind == SLIDE:
        cut = next((i for i, line in enumerate(lines) if line.startswith(NOTES_LABEL)), None)
        lines = lines[:cut]
    return lines


def citation_only(passage: Passage, number: int) -> str:
    """Just the reference, to weave into the user's own sentence."""
    return f"{passage.reference()}[^{number}]"


def footnote_definition(passage: Passage, number: int) -> str:
    citation = passage.citation.rstrip()
    if not citation.endswith("."):
        citation += "."
    return f"[^{number}]: {citation}"


@dataclass(frozen=True)
class Insertion:
    """Text to put at the cursor and footnote definitions to append at the end."""

    block: str
    footnotes: str


def build_insertion(
    draft_text: str,
    pos: int,
    passages: Sequence[Passage],
    *,
    citation_only_: bool = False,
) -> Insertion:
    """What to insert at ``pos`` (a line boundary for quotes) and at the end."""
    number = next_footnote_number(draft_text)
    numbers = range(number, number + len(passages))
    if citation_only_:
        block = "; ".join(citation_only(p, n) for p, n in zip(passages, numbers, strict=True))
    else:
        blocks = [quote_block(p, n) for p, n in zip(passages, numbers, strict=True)]
        block = _pad("\n\n".join(blocks), draft_text[:pos], draft_text[pos:])
    defs = "\n".join(footnote_definition(p, n) for p, n in zip(passages, numbers, strict=True))
    combined = draft_text[:pos] + block + draft_text[pos:]
    return Insertion(block, _footnote_tail(combined, defs))


def apply_insertion(
    draft_text: str, pos: int, passages: Sequence[Passage], *, citation_only_: bool = False
) -> tuple[str, int]:
    """The draft with the passages inserted, and the cursor position after them."""
    if not citation_only_:
        pos = line_end(draft_text, pos)
    ins = build_insertion(draft_text, pos, passages, citation_only_=citation_only_)
    text = draft_text[:pos] + ins.block + draft_text[pos:]
    return text + ins.footnotes, pos + len(ins.block)


def line_end(text: str, pos: int) -> int:
    """Quotes go between lines: move a mid-line position to the end of its line."""
    if pos <= 0 or pos >= len(text) or text[pos - 1] == "\n":
        return max(0, min(pos, len(text)))
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _pad(block: str, before: str, after: str) -> str:
    if before and not before.endswith("\n\n"):
        block = ("\n" if before.endswith("\n") else "\n\n") + block
    if after.startswith("\n\n"):
        return block
    return block + ("\n" if after.startswith("\n") else "\n\n") if after.strip() else block + "\n"


def _footnote_tail(draft_text: str, defs: str) -> str:
    stripped = draft_text.rstrip("\n")
    last_line = stripped.rsplit("\n", 1)[-1]
    if not stripped:
        return defs + "\n"
    needed = 1 if _FOOTNOTE_DEF_LINE.match(last_line) else 2
    have = len(draft_text) - len(stripped)
    return "\n" * max(0, needed - have) + defs + "\n"


def _first_top_level_part(ref: str) -> str:
    depth = 0
    for i, ch in enumerate(ref):
        if ch in "(“[":
            depth += 1
        elif ch in ")”]":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            return ref[:i].strip()
    return ref.strip()
