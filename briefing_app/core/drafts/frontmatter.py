"""The draft's front-matter block: ``key: value`` lines between two ``---`` lines.

Known keys (all optional): title, delegation, speaker, meeting, agenda_item,
place, date, slot_minutes, mark. Unknown keys are kept, in order, so a round
trip never loses what the user wrote.
"""

from __future__ import annotations

import re

KNOWN_KEYS = (
    "title",
    "delegation",
    "speaker",
    "meeting",
    "agenda_item",
    "place",
    "date",
    "slot_minutes",
    "mark",
)
MARKS = ("Check against delivery", "Read out verbatim")

_FENCE = "---"
_KEY_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s?(.*)$")


def split(text: str) -> tuple[dict[str, str], str]:
    """Return (front matter, body). Text without a valid block is all body."""
    meta, body, _line = split_at(text)
    return meta, body


def split_at(text: str) -> tuple[dict[str, str], str, int]:
    """(front matter, body, the line number in ``text`` where the body starts)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != _FENCE:
        return {}, text, 0
    meta: dict[str, str] = {}
    for i, line in enumerate(lines[1:], start=1):
        stripped = line.strip()
        if stripped == _FENCE:
            body = "".join(lines[i + 1 :])
            if body.startswith("\n"):
                return meta, body.removeprefix("\n"), i + 2
            return meta, body, i + 1
        if not stripped or stripped.startswith("#"):
            continue
        match = _KEY_LINE.match(stripped)
        if not match:
            return {}, text, 0  # not a front-matter block after all
        meta[match.group(1).strip().lower()] = _unquote(match.group(2).strip())
    return {}, text, 0  # no closing fence


def join(meta: dict[str, str], body: str) -> str:
    """Serialise front matter (known keys first, then the rest) and body."""
    if not meta:
        return body
    keys = [k for k in KNOWN_KEYS if k in meta] + [k for k in meta if k not in KNOWN_KEYS]
    lines = [_FENCE] + [f"{k}: {meta[k]}" for k in keys] + [_FENCE, ""]
    return "\n".join(lines) + "\n" + body.lstrip("\n")


def slot_minutes(meta: dict[str, str]) -> float | None:
    """The speaking slot in minutes, or None when absent or unreadable."""
    raw = meta.get("slot_minutes", "").strip().lower().removesuffix("min").strip()
    try:
        value = float(raw.replace(",", "."))
    except ValueError:
        return None
    return value if value > 0 else None


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value
