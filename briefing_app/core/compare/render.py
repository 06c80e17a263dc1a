"""A comparison as HTML, one side at a time, for the window's side-by-side view.

Each unit is a paragraph with anchor ``u<k>`` (its index in
``Comparison.changes``), so both sides scroll to the same unit. Deleted words
are struck through in red on the old side, inserted words underlined in green
on the new side; a unit missing on one side leaves an empty placeholder there,
so the two columns stay aligned.
"""

from __future__ import annotations

from html import escape

from briefing_app.core.compare.model import UNCHANGED, Comparison, UnitChange, spaced_runs
from briefing_app.core.precedents.diff import DELETE, INSERT

OLD, NEW = "old", "new"
_STYLE = {
    DELETE: '<span style="color:#b3261e; text-decoration: line-through;">{}</span>',
    INSERT: '<span style="color:#1b7f3a; text-decoration: underline;">{}</span>',
}
_STATUS_COLOUR = {"changed": "#8a5a00", "new": "#1b7f3a", "deleted": "#b3261e", "moved": "#3d5afe"}


def side_html(comparison: Comparison, side: str) -> str:
    """The whole ``side`` (OLD or NEW) as an HTML document."""
    parts = [f'<html><body style="font-size: 10pt;">{_header(comparison, side)}']
    for k, change in enumerate(comparison.changes):
        parts.append(f'<a name="u{k}"></a>{unit_html(change, side)}')
    parts.append("</body></html>")
    return "".join(parts)


def unit_html(change: UnitChange, side: str) -> str:
    unit = change.old if side == OLD else change.new
    if unit is None:
        return '<p style="color:#999;">—</p>'
    label = change.short_labels()[0 if side == OLD else 1]
    colour = _STATUS_COLOUR.get(change.status)
    tag = f'<b style="color:{colour};">{escape(label)}</b>' if colour else f"<b>{escape(label)}</b>"
    runs = spaced_runs(change.ops, INSERT if side == OLD else DELETE)
    pieces = [
        _STYLE[op].format(escape(text)) if op in _STYLE else escape(text) for op, text in runs
    ]
    body = "".join(pieces) or escape(unit.text)
    return f"<p>{tag} {body}</p>"


def _header(comparison: Comparison, side: str) -> str:
    title = comparison.old_title if side == OLD else comparison.new_title
    return f"<h3>{escape(title)}</h3>"


def list_text(change: UnitChange) -> str:
    """One line for the list of changes: 'OP 8 — changed (was OP 9)'."""
    if change.status == UNCHANGED and not change.renumbered:
        return f"{change.label} — unchanged"
    return f"{change.short_labels()[1] or change.short_labels()[0]} — {change.describe()}"
