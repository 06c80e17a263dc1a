"""Replace the draft's wording with a precedent's, citing it in a footnote.

The draft's own sentence gives way to the agreed wording, followed by a
footnote marker; the definition goes to the end of the draft, where the
Markdown footnotes extension and the Word export expect it. Pure text in,
text out, so that the editor applies it as one undo step and tests need no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing_app.core.drafts.insert import Passage, footnote_definition, next_footnote_number
from briefing_app.core.models import Hit

_CLOSING = ".;,:"


@dataclass(frozen=True)
class Replacement:
    """``wording`` goes over draft[start:end]; ``footnotes`` is appended at the end."""

    start: int
    end: int
    wording: str
    footnotes: str


def precedent_wording(hit: Hit) -> str:
    """The precedent's words that answer the draft: the aligned passage, else the text."""
    passage = hit.precedent.passage if hit.precedent is not None else ""
    return " ".join((passage or hit.text).split())


def plan_replacement(draft: str, start: int, end: int, hit: Hit) -> Replacement:
    """What replacing draft[start:end] with the precedent looks like."""
    start, end = sorted((max(0, start), min(len(draft), end)))
    wording = precedent_wording(hit)
    after = draft[end : end + 1]
    # The selection stopped before its full stop and the precedent has one:
    # take the draft's over, so the marker follows the sentence's end once.
    if after and after in _CLOSING and wording.endswith(after):
        end += 1
    number = next_footnote_number(draft)
    wording += f"[^{number}]"
    passage = Passage(hit.text, hit.citation or hit.doc_title, hit.kind, hit.number)
    definition = footnote_definition(passage, number)
    combined = draft[:start] + wording + draft[end:]
    stripped = combined.rstrip("\n")
    last_line = stripped.rsplit("\n", 1)[-1]
    needed = 1 if last_line.startswith("[^") else 2
    have = len(combined) - len(stripped)
    footnotes = "\n" * max(0, needed - have) + definition + "\n" if stripped else definition + "\n"
    return Replacement(start, end, wording, footnotes)


def apply_replacement(draft: str, plan: Replacement) -> str:
    return draft[: plan.start] + plan.wording + draft[plan.end :] + plan.footnotes
