"""The corpus manifest (``corpus.toml``): metadata for files that do not say it."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MANIFEST_NAME = "corpus.toml"


@dataclass
class Manifest:
    """File name -> metadata table, read from a folder's corpus.toml."""

    folder: Path | None = None
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)

    def lookup(self, path: Path) -> dict[str, Any] | None:
        if self.folder is None or path.resolve().parent != self.folder.resolve():
            return None
        return self.entries.get(path.name)


def load_manifest(folder: Path) -> Manifest:
    """Read ``folder/corpus.toml``; a missing or broken manifest is an empty one."""
    path = folder / MANIFEST_NAME
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError):
        return Manifest(folder, {})
    return Manifest(folder, {k: v for k, v in data.items() if isinstance(v, dict)})
