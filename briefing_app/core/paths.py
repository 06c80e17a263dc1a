"""Where Briefing keeps its data: one scheme, one override.

The data home is ``$BRIEFING_HOME`` when set (tests and development),
otherwise the platform's per-user data folder (platformdirs). Nothing is
created until a caller asks for it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ENV_HOME = "BRIEFING_HOME"
APP_NAME = "Briefing"


def default_home() -> Path:
    override = os.environ.get(ENV_HOME)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


@dataclass(frozen=True)
class DataHome:
    """The folders inside one data home."""

    root: Path

    @classmethod
    def resolve(cls, home: str | os.PathLike[str] | None = None) -> DataHome:
        return cls(Path(home).expanduser() if home else default_home())

    @property
    def index_dir(self) -> Path:
        return self.root / "index"

    @property
    def library_dir(self) -> Path:
        """Files the user added (copies: the originals are never touched)."""
        return self.root / "library"

    @property
    def drafts_dir(self) -> Path:
        return self.root / "drafts"

    @property
    def autosave_dir(self) -> Path:
        return self.root / "autosave"

    @property
    def templates_dir(self) -> Path:
        """User draft templates, beside the bundled ones."""
        return self.root / "templates"

    @property
    def thesaurus_file(self) -> Path:
        """User additions to the bundled thesaurus."""
        return self.root / "thesaurus.txt"

    @property
    def settings_file(self) -> Path:
        return self.root / "settings.json"

    @property
    def export_choices_file(self) -> Path:
        """What the export dialog last chose for each draft."""
        return self.root / "export-choices.json"

    @property
    def basket_file(self) -> Path:
        """The basket, kept across restarts."""
        return self.root / "basket.json"

    def writable(self) -> bool:
        """Whether files can be created in the data home (False on a read-only disk)."""
        import tempfile

        try:
            self.root.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryFile(dir=self.root):
                return True
        except OSError:
            return False

    def ensure(self) -> DataHome:
        for folder in (self.root, self.library_dir, self.drafts_dir, self.autosave_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return self
