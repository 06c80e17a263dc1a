"""The basket kept with the library: delegates collect passages over days.

One JSON file in the data home (``basket.json``), written atomically on
every change; a missing or damaged file is an empty basket, never an error.
"""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from pathlib import Path

from briefing_app.core.atomic import write_text_atomic
from briefing_app.core.drafts.insert import Passage

_KEYS = {f.name for f in fields(Passage)}


def load_basket(path: Path) -> list[Passage]:
    """The saved passages, in order; what cannot be read is left out."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    items = raw.get("passages", []) if isinstance(raw, dict) else []
    passages = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and item.keys() >= _KEYS:
            passages.append(Passage(**{k: str(item[k]) for k in _KEYS}))
    return passages


def save_basket(path: Path, passages: list[Passage]) -> None:
    """Write the basket atomically (a crash never leaves half a file)."""
    data = {"version": 1, "passages": [asdict(p) for p in passages]}
    write_text_atomic(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
