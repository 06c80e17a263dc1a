"""What a comparison of two versions reports: one entry per unit, and a summary.

Statuses are exclusive, so the summary adds up: every unit of the new version
is ``unchanged``, ``changed``, ``new`` or ``moved``; every old unit without a
counterpart is ``deleted``. A moved unit may also have edited text
(``text_changed``). A changed number alone is never a change of text: it is
listed once in :attr:`Comparison.renumbering`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from briefing_app.core.citation import unit_label
from briefing_app.core.models import Segment
from briefing_app.core.precedents.diff import join_words

UNCHANGED, CHANGED, NEW, DELETED, MOVED = "unchanged", "changed", "new", "deleted", "moved"
STATUSES = (UNCHANGED, CHANGED, NEW, DELETED, MOVED)


@dataclass
class UnitChange:
    """One aligned unit: its old and new versions (either may be missing) and the diff."""

    status: str
    old: Segment | None
    new: Segment | None
    ops: list[dict[str, str]] = field(default_factory=list)  # precedents' word diff, old -> new
    similarity: float = 1.0
    text_changed: bool = False
    sub_items: list[str] = field(default_factory=list)  # "(b) → (c)" inside the paragraph

    @property
    def old_label(self) -> str:
        return _label(self.old)

    @property
    def new_label(self) -> str:
        return _label(self.new)

    @property
    def label(self) -> str:
        return self.new_label or self.old_label

    def short_labels(self) -> tuple[str, str]:
        """(old, new) labels, without the section unless the unit changed section."""
        if not (self.old and self.new) or self.old.section == self.new.section:
            return _label(self.old, section=False), _label(self.new, section=False)
        return self.old_label, self.new_label

    @property
    def renumbered(self) -> bool:
        return bool(self.old and self.new and self.old_label != self.new_label)

    def describe(self) -> str:
        """One line for a list or a table: 'changed (was OP 12)', 'moved from OP 2'."""
        old_label = self.short_labels()[0]
        if self.status == MOVED:
            text = f"moved from {old_label}"
            return text + ", wording changed" if self.text_changed else text
        text = self.status
        if self.sub_items:
            text += f"; sub-items {', '.join(self.sub_items)}"
        if self.renumbered:
            text += f" (was {old_label})"
        return text

    def to_json(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "old": _unit_json(self.old),
            "new": _unit_json(self.new),
            "renumbered": self.renumbered,
            "text_changed": self.text_changed,
            "similarity": round(self.similarity, 3),
            "description": self.describe(),
            "sub_items": self.sub_items,
            "diff": self.ops,
        }


@dataclass
class Comparison:
    """The whole result, in the new version's reading order (deletions where they were)."""

    old_title: str
    new_title: str
    changes: list[UnitChange]
    renumbering: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        counts = dict.fromkeys(STATUSES, 0)
        for change in self.changes:
            counts[change.status] += 1
        return counts

    def summary_line(self) -> str:
        counts = self.summary()
        return ", ".join(f"{counts[s]} {s}" for s in STATUSES)

    def of_status(self, *statuses: str) -> list[UnitChange]:
        return [c for c in self.changes if c.status in statuses]

    def to_json(self) -> dict[str, Any]:
        return {
            "old": self.old_title,
            "new": self.new_title,
            "summary": self.summary(),
            "renumbering": self.renumbering,
            "units": [c.to_json() for c in self.changes],
        }


def spaced_runs(ops: list[dict[str, str]], skip: str | None = None) -> list[tuple[str, str]]:
    """(op, text) with each run's text carrying the space that ``join_words`` puts
    before it; runs of kind ``skip`` are left out (one side of the diff)."""
    runs: list[tuple[str, str]] = []
    previous = ""
    for op in ops:
        if op["op"] == skip:
            continue
        text = join_words([previous, op["text"]])[len(previous) :] if previous else op["text"]
        runs.append((op["op"], text))
        previous = op["text"]
    return runs


def _label(segment: Segment | None, *, section: bool = True) -> str:
    if segment is None:
        return ""
    label = unit_label(segment.kind, segment.number)
    return f"{segment.section} › {label}" if section and segment.section else label


def _unit_json(segment: Segment | None) -> dict[str, Any] | None:
    if segment is None:
        return None
    return {
        "kind": segment.kind,
        "number": segment.number,
        "section": segment.section,
        "label": _label(segment),
        "segment_id": segment.segment_id,
        "text": segment.text,
    }
