"""Units as a genre recogniser finds them: their lines joined, sub-items kept.

The recognisers of resolutions, treaties and budget fascicles say where a
unit starts and under which heading; ``UnitBuilder`` collects its lines and
hands out ``Segment``s in document order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing_app.core.ingest.cleanup import join_lines
from briefing_app.core.ingest.markup import strip_markup
from briefing_app.core.models import SECTION_SEPARATOR, TABLE, Segment

_INLINE_ITEM = re.compile(
    r"(?:(?<=[;:])|(?<=; and)|(?<=; or))[ \t]+(?=\((?:[a-z]|[ivxl]{1,6})\)\s)"
)
_ITEM_LABEL = re.compile(r"^\s*\(([a-z]{1,3}|[ivxl]{1,6}|\d{1,2})\)\s", re.M)


@dataclass
class OpenUnit:
    kind: str
    number: str
    section: str
    scope: str
    lines: list[str] = field(default_factory=list)
    inferred: bool = False
    apart: set[int] = field(default_factory=set)  # lines kept on a line of their own


class UnitBuilder:
    """Collects the lines of units as a genre recogniser finds their starts.

    The recogniser says where a unit starts (kind, number), which heading
    path and numbering scope it is under; the builder joins its lines
    (undoing hyphenation, keeping sub-items on their own lines), records
    sub-item labels and hands out ``Segment``s in document order.
    """

    def __init__(self, doc_id: str) -> None:
        self.doc_id = doc_id
        self.section: list[str] = []
        self.scope = ""
        self.current: OpenUnit | None = None
        self.done: list[OpenUnit] = []
        self.reopened = False

    def start(self, kind: str, number: str, *, inferred: bool = False) -> None:
        self.close()
        self.current = OpenUnit(
            kind, number, SECTION_SEPARATOR.join(self.section), self.scope, inferred=inferred
        )

    def append(self, line: str, *, apart: bool = False) -> None:
        """Add a line to the open unit; ``apart``: a heading inside it, on its own line."""
        if self.current is None:
            raise ValueError("no unit open")
        if apart:
            self.current.apart.add(len(self.current.lines))
        self.current.lines.append(line)

    def extend_last(self, line: str) -> bool:
        """Add a line to the unit just closed (a closing formula); False if none."""
        target = self.current or (self.done[-1] if self.done else None)
        if target is None:
            return False
        target.lines.append(line)
        return True

    def close(self) -> None:
        if self.current is not None and self.current.lines and not self.reopened:
            self.done.append(self.current)
        self.current = None
        self.reopened = False

    def reopen(self, unit: OpenUnit | None) -> None:
        """Go on with a unit already handed out (a table interrupted it)."""
        self.close()
        self.current = unit
        self.reopened = unit is not None

    def heading(self, level: int, title: str) -> None:
        """Set the heading at ``level`` (0-based); deeper headings end."""
        self.close()
        self.section = [*self.section[:level], " ".join(strip_markup(title).split())]

    def segments(self) -> list[Segment]:
        self.close()
        out = []
        for order, unit in enumerate(self.done, 1):
            if unit.kind == TABLE:
                display = "\n".join(ln.strip() for ln in unit.lines)
            else:  # every sub-item on its own line, wherever the reader broke lines
                display = _INLINE_ITEM.sub("\n", _join_apart(unit))
            out.append(
                Segment(
                    doc_id=self.doc_id,
                    kind=unit.kind,
                    number=unit.number,
                    section=unit.section,
                    text=strip_markup(display),
                    display=display,
                    order=order,
                    inferred_number=unit.inferred,
                    scope=unit.scope,
                    items=_ITEM_LABEL.findall(display),
                )
            )
        return out


def _join_apart(unit: OpenUnit) -> str:
    """Join a unit's lines; a heading inside it stays on a line of its own."""
    if not unit.apart:
        return join_lines(unit.lines)
    chunks: list[list[str]] = [[]]
    for index, line in enumerate(unit.lines):
        if index in unit.apart or index - 1 in unit.apart:
            chunks.append([])
        chunks[-1].append(line)
    return "\n".join(join_lines(chunk) for chunk in chunks if chunk)
