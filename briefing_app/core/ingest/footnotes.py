"""Footnotes go to the unit that cites them, numbering restarts included.

An annex (or a part, or a report printed with its annexes) often numbers its
notes from 1 again, so a marker alone does not name a note: notes are kept
in document order and grouped into runs (a run ends where the numbering goes
back); a unit citing a lower number than the one before it has moved on to
the next run, when there is one and the number is 1 or the current run's
last note is cited already (a raised "m²" in the text is no restart).
Nothing is dropped: a note whose marker was lost stays with the last unit
that cites a note.
"""

from __future__ import annotations

from briefing_app.core.ingest.markup import footnote_marks
from briefing_app.core.models import Segment

Note = tuple[str, str]  # (marker as plain digits or a symbol, text)


def attach_footnotes(segments: list[Segment], notes: list[Note]) -> None:
    """Give each segment the notes it cites; the rest to the last citing unit."""
    keyed = dict(zip(_runs(notes), notes, strict=True))
    highest: dict[int, str] = {}  # each run's last numbered note
    for marker, run_of in keyed:
        if marker.isdigit() and int(marker) > int(highest.get(run_of, "0")):
            highest[run_of] = marker
    used: set[tuple[str, int]] = set()
    run = 0
    last = 0
    for segment in segments:
        for marker in footnote_marks(segment.display):
            number = int(marker)
            restart = number < last and (marker, run + 1) in keyed
            if restart and _run_over(run, number, highest, used):
                run += 1  # the numbering restarted: the next run's notes
            last = number
            key = (marker, run)
            if key in keyed and key not in used:
                segment.footnotes.append(_text(keyed[key]))
                used.add(key)
    orphans = [_text(note) for key, note in keyed.items() if key not in used]
    if orphans and segments:
        host = next((s for s in reversed(segments) if s.footnotes), segments[-1])
        host.footnotes.extend(orphans)
        host.footnotes.sort(key=_note_order)


def _run_over(run: int, number: int, highest: dict[int, str], used: set[tuple[str, int]]) -> bool:
    """A lower number starts the next run when it is 1 (an annex numbers from 1)
    or the run's last note is cited already; else it is a raised digit in the
    text ("m²") or a note cited again."""
    return number == 1 or (highest.get(run, ""), run) in used


def _runs(notes: list[Note]) -> list[tuple[str, int]]:
    """(marker, run) for each note: a numbered note not above the one before starts a run."""
    keys: list[tuple[str, int]] = []
    run = 0
    previous: int | None = None
    seen: set[tuple[str, int]] = set()
    for marker, _ in notes:
        if marker.isdigit():
            number = int(marker)
            if previous is not None and number <= previous:
                run += 1
            previous = number
            key = (marker, run)
        else:  # a symbol ("*" of a sponsors' list): one of each
            key = (marker, 0)
        while key in seen:  # the same symbol twice: keep both
            key = (key[0], key[1] + 1)
        seen.add(key)
        keys.append(key)
    return keys


def _text(note: Note) -> str:
    return f"{note[0]} {note[1]}"


def _note_order(note: str) -> tuple[int, int, str]:
    """Numbered notes by number; symbol marks (``*`` of a sponsors' list) first."""
    mark = note.split(" ", 1)[0]
    return (1, int(mark), "") if mark.isdigit() else (0, 0, mark)
