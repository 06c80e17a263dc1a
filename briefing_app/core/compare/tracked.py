"""The new version as a Word file whose changes are real tracked revisions.

python-docx has no API for revisions, so the runs are written as
WordprocessingML: ``w:ins`` around inserted runs, ``w:del`` around deleted
runs (their text in ``w:delText``), each with an id, author and date; a unit
that is wholly new or deleted also has its paragraph mark inserted or deleted,
so Accept All in Word or LibreOffice yields exactly the new version and Reject
All the old one. A moved unit is deleted where it was and inserted where it is.
"""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import count
from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from briefing_app.core.compare.align import body
from briefing_app.core.compare.model import (
    DELETED,
    MOVED,
    NEW,
    Comparison,
    UnitChange,
    spaced_runs,
)
from briefing_app.core.models import Segment
from briefing_app.core.precedents.diff import DELETE, EQUAL, INSERT

#: Settings that the schema puts before ``w:trackRevisions`` (Word checks the order).
_SETTINGS_BEFORE = {
    "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
    "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
    "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts",
    "embedSystemFonts", "saveSubsetFonts", "saveFormsData", "mirrorMargins",
    "alignBordersAndEdges", "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter",
    "gutterAtTop", "hideSpellingErrors", "hideGrammaticalErrors", "activeWritingStyle",
    "proofState", "formsDesign", "attachedTemplate", "linkStyles", "stylePaneFormatFilter",
    "stylePaneSortMethod", "documentType", "mailMerge", "revisionView",
}  # fmt: skip
#: Unit kinds printed with their number in front, as in the printed document.
_NUMBERED = {"operative", "paragraph", "recommendation"}
_LEAD = {"article": "Article {n}. "}


def write_tracked_changes(
    comparison: Comparison, path: Path, *, author: str = "Briefing", when: datetime | None = None
) -> Path:
    """Write the DOCX; returns ``path``. ``when`` defaults to now (UTC)."""
    stamp = (when or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    writer = _Writer(author, stamp)
    document = Document()
    # Word caps core properties at 255 characters.
    document.core_properties.title = comparison.new_title[:255]
    document.core_properties.comments = f"Changes from {comparison.old_title}"[:255]
    if comparison.new_title:
        document.add_heading(comparison.new_title, level=1)
    section = None
    for change, ghost in _with_move_ghosts(comparison.changes):
        unit = change.old if ghost else (change.new or change.old)
        assert unit is not None
        if unit.section != section and unit.section:
            document.add_heading(unit.section, level=2)
        section = unit.section
        paragraph = document.add_paragraph()
        writer.fill(paragraph._p, change, ghost)
    _track_further_edits(document)
    path = Path(path)
    document.save(str(path))
    return path


def _with_move_ghosts(changes: list[UnitChange]) -> list[tuple[UnitChange, bool]]:
    """Each change once, plus each moved unit's old place (``True``) where it stood."""
    out: list[tuple[UnitChange, bool]] = [(c, False) for c in changes]
    for change in changes:
        if change.status != MOVED or change.old is None:
            continue
        old_order = change.old.order
        at = 0
        for k, (other, ghost) in enumerate(out):
            seg = other.old
            if ghost or other.status == MOVED or seg is None:
                continue
            if seg.order < old_order:
                at = k + 1
        out.insert(at, (change, True))
    return out


class _Writer:
    def __init__(self, author: str, stamp: str) -> None:
        self.author, self.stamp = author, stamp
        self.ids = count(1)

    def fill(self, p: Any, change: UnitChange, ghost: bool) -> None:
        if ghost:  # the moved unit's old place: all of it deleted
            self._whole(p, change.old, DELETE)
            return
        if change.status in (NEW, MOVED):
            self._whole(p, change.new, INSERT)
            return
        if change.status == DELETED:
            self._whole(p, change.old, DELETE)
            return
        assert change.new is not None
        self._label(p, change.new, None)
        for op, text in spaced_runs(change.ops):
            self._run(p, op, text)

    def _whole(self, p: Any, unit: Segment | None, op: str) -> None:
        assert unit is not None
        mark = self._revision("w:ins" if op == INSERT else "w:del")
        p_pr = p.get_or_add_pPr()
        r_pr = OxmlElement("w:rPr")
        r_pr.append(mark)
        p_pr.append(r_pr)
        self._label(p, unit, op)
        self._run(p, op, body(unit))

    def _label(self, p: Any, unit: Segment, op: str | None) -> None:
        if unit.kind in _NUMBERED and unit.number:
            lead = f"{unit.number}. "
        elif unit.kind in _LEAD and unit.number:
            lead = _LEAD[unit.kind].format(n=unit.number)
        else:
            return
        self._run(p, op or EQUAL, lead)

    def _run(self, p: Any, op: str, text: str) -> None:
        run = OxmlElement("w:r")
        t = OxmlElement("w:delText" if op == DELETE else "w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = text
        run.append(t)
        if op == EQUAL:
            p.append(run)
            return
        wrapper = self._revision("w:ins" if op == INSERT else "w:del")
        wrapper.append(run)
        p.append(wrapper)

    def _revision(self, tag: str) -> Any:
        element = OxmlElement(tag)
        element.set(qn("w:id"), str(next(self.ids)))
        element.set(qn("w:author"), self.author)
        element.set(qn("w:date"), self.stamp)
        return element


def _track_further_edits(document: Any) -> None:
    """Turn on Track Changes, so the delegate's own edits are tracked as well."""
    settings = document.settings.element
    if settings.find(qn("w:trackRevisions")) is not None:
        return
    at = 0
    for k, child in enumerate(settings):
        if child.tag.rpartition("}")[2] in _SETTINGS_BEFORE:
            at = k + 1
    settings.insert(at, OxmlElement("w:trackRevisions"))
