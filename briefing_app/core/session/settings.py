"""User preferences: a plain object with declared defaults, saved as JSON.

Only values that differ from the defaults are written (and unknown keys in
the file are kept), so a newer default reaches users who never changed it.
Window geometry and splitter state live in QSettings, not here.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from briefing_app.core.drafts.draft_file import push_recent, write_atomic
from briefing_app.core.drafts.speaking import DEFAULT_WPM
from briefing_app.core.drafts.templates import DEFAULT_TEMPLATE

HISTORY_LIMIT = 30


@dataclass
class Settings:
    delegation: str = ""
    speaker: str = ""
    words_per_minute: int = DEFAULT_WPM
    default_template: str = DEFAULT_TEMPLATE
    autosave_seconds: float = 3.0
    recent_drafts: list[str] = field(default_factory=list)
    search_history: list[str] = field(default_factory=list)
    last_export_dir: str = ""
    last_open_dir: str = ""

    def __post_init__(self) -> None:
        self._path: Path | None = None
        self._extra: dict[str, Any] = {}
        self.save_error = ""  # why the last save failed (read-only data folder…)

    @classmethod
    def load(cls, path: Path) -> Settings:
        """Settings from ``path``; a missing or broken file gives the defaults."""
        try:
            raw = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raw = {}
        raw = raw if isinstance(raw, dict) else {}
        names = {f.name: f for f in fields(cls)}
        known = {}
        for key, value in raw.items():
            if key in names and _same_type(value, getattr(cls(), key)):
                known[key] = value
        settings = cls(**known)
        settings._path = Path(path)
        settings._extra = {k: v for k, v in raw.items() if k not in names}
        return settings

    def changed(self) -> dict[str, Any]:
        """The values that differ from the defaults."""
        defaults = asdict(Settings())
        return {k: v for k, v in asdict(self).items() if v != defaults[k]}

    def save(self) -> None:
        """Write the file; a read-only or full disk keeps the values for this session only."""
        if self._path is None:
            return
        data = {**self._extra, **self.changed()}
        text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        try:
            if self._path.read_text(encoding="utf-8") == text:
                return
        except OSError:
            if not data:
                return
        try:
            write_atomic(self._path, text)
        except OSError as exc:
            self.save_error = exc.strerror or str(exc)

    def add_recent_draft(self, path: Path) -> None:
        self.recent_drafts = push_recent(self.recent_drafts, path)

    def add_search(self, query: str) -> None:
        query = query.strip()
        if query:
            rest = [q for q in self.search_history if q != query]
            self.search_history = [query, *rest][:HISTORY_LIMIT]


def _same_type(value: Any, default: Any) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, (int, float)):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, type(default))
