"""The corpus manifest (``corpus.toml``): metadata for files that do not say it.

A folder's manifest names its files by file name. The user's corrections
(``corrections.py``) sit on top, keyed by the file's resolved path, so a
correction wins over the folder's manifest and over what the text says.
"""

from __future__ import annotations

import hashlib
import json
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MANIFEST_NAME = "corpus.toml"

#: Metadata fields a manifest entry may set (and a user may correct), in the
#: order forms and the CLI show them; a manifest value wins over inference.
MANIFEST_FIELDS = (
    "title",
    "kind",
    "date",
    "body",
    "meeting",
    "speaker",
    "organization",
    "symbol",
    "place",
    "cite_as",
    "distribution_date",
    "committee",
    "session",
    "agenda_item",
)


@dataclass
class Manifest:
    """File name -> metadata table, read from a folder's corpus.toml."""

    folder: Path | None = None
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: The user's corrections by resolved file path (see ``corrections.py``).
    corrections: dict[str, dict[str, Any]] = field(default_factory=dict)
    _folder_key: str = ""

    def lookup(self, path: Path) -> dict[str, Any] | None:
        return self.lookup_key(str(path.resolve()))

    def lookup_key(self, key: str) -> dict[str, Any] | None:
        """The entry for the file whose resolved path is ``key`` (no file-system calls)."""
        if self.folder is not None and not self._folder_key:
            self._folder_key = str(self.folder.resolve())
        folder, _, name = key.rpartition(os.sep)
        entry = (
            self.entries.get(name)
            if self.folder is not None and folder == self._folder_key
            else None
        )
        correction = self.corrections.get(key)
        if not correction:
            return entry
        return {**(entry or {}), **correction}

    def digest(self, key: str) -> str:
        """A short fingerprint of the entry for ``key``: "" when there is none.

        The indexer re-reads an unchanged file when this changes (a corrected title).
        """
        entry = self.lookup_key(key)
        if not entry:
            return ""
        data = json.dumps(entry, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha1(data.encode("utf-8")).hexdigest()[:16]


def load_manifest(folder: Path, corrections: dict[str, dict[str, Any]] | None = None) -> Manifest:
    """Read ``folder/corpus.toml``; a missing or broken manifest is an empty one."""
    path = folder / MANIFEST_NAME
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError):
        data = {}
    entries = {k: v for k, v in data.items() if isinstance(v, dict)}
    return Manifest(folder, entries, corrections or {})
