"""What the export dialog remembers for each draft: profile, template, numbering, folder.

Kept in the data home (``export-choices.json``, keyed by the draft's path; an
unsaved draft under ""), so a draft's file is never touched by a dialog and
each draft comes back with the choices last used for it.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from briefing_app.core.atomic import write_text_atomic

PROFILES = {
    "statement": ("Statement", ""),
    "speaker": ("Speaker's reading copy", " (speaker)"),
    "talking-points": ("Talking points", " (talking points)"),
}
MAX_DRAFTS = 200  # the oldest entries go first


@dataclass
class ExportChoices:
    profile: str = "statement"
    template: str = ""  # a .docx/.dotx path; "" is the built-in statement style
    numbered: bool = False
    folder: str = ""  # where this draft was last exported

    def file_name(self, stem: str) -> str:
        """'statement (speaker).docx': each profile its own file beside the others."""
        return f"{stem}{PROFILES.get(self.profile, PROFILES['statement'])[1]}.docx"


def draft_key(path: Path | None) -> str:
    return str(Path(path).resolve()) if path else ""


class ExportChoiceStore:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def _read(self) -> dict[str, dict[str, object]]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return raw if isinstance(raw, dict) else {}

    def get(self, draft: Path | None) -> ExportChoices:
        """The choices last used for ``draft`` (defaults for a draft never exported)."""
        found = self._read().get(draft_key(draft))
        if not isinstance(found, dict):
            return ExportChoices()
        defaults = ExportChoices()
        values = {
            f.name: found[f.name]
            for f in fields(ExportChoices)
            if isinstance(found.get(f.name), type(getattr(defaults, f.name)))
        }
        choices = ExportChoices(**values)  # type: ignore[arg-type]
        if choices.profile not in PROFILES:
            choices.profile = defaults.profile
        return choices

    def put(self, draft: Path | None, choices: ExportChoices) -> None:
        """Remember ``choices`` for ``draft`` (atomically; the newest entry last)."""
        data = self._read()
        key = draft_key(draft)
        data.pop(key, None)
        data[key] = asdict(choices)
        while len(data) > MAX_DRAFTS:
            data.pop(next(iter(data)))
        write_text_atomic(self.path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
