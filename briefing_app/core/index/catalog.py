"""The catalog beside the Whoosh index: which files are indexed, as what.

Whoosh holds the segments; the catalog holds one entry per source file
(content hash, size and mtime for "unchanged costs nothing", the document's
metadata, and remembered failures) plus the schema version. It is saved
inside the generation's state file (``state.py``), committed with the index.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing_app.core.models import DocumentMeta


@dataclass
class Entry:
    """One source file as last seen."""

    path: str
    size: int
    mtime_ns: int
    content_hash: str
    doc_id: str | None = None  # None when the file failed
    reason: str | None = None  # why it failed, for the summary
    manifest: str = ""  # digest of the manifest entry it was read with (a correction re-reads)

    def same_stat(self, stat: os.stat_result) -> bool:
        return self.size == stat.st_size and self.mtime_ns == stat.st_mtime_ns


@dataclass
class Catalog:
    schema_version: int = 0
    entries: dict[str, Entry] = field(default_factory=dict)  # by resolved path
    documents: dict[str, DocumentMeta] = field(default_factory=dict)  # by doc_id

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Catalog:
        return cls(
            schema_version=int(data.get("schema_version", 0)),
            entries={p: Entry(**e) for p, e in data.get("entries", {}).items()},
            documents={d: DocumentMeta.from_json(m) for d, m in data.get("documents", {}).items()},
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "entries": {p: vars(e) for p, e in self.entries.items()},
            "documents": {d: m.to_json() for d, m in self.documents.items()},
        }

    @classmethod
    def load(cls, folder: Path) -> Catalog:
        """The catalog of the index's current generation (empty when there is none)."""
        from briefing_app.core.index.state import StateError, latest_generation, read_state

        try:
            return cls.from_json(read_state(folder, latest_generation(folder))["catalog"])
        except (StateError, KeyError, ValueError, TypeError):
            return cls()

    def save(self, folder: Path, state: dict[str, Any] | None = None) -> None:
        """Put this catalog into ``state``, the generation being committed (written with
        the index, see ``generation.py``); without one, into the current generation."""
        if state is not None:
            state["catalog"] = self.to_json()
            return
        from briefing_app.core.index.state import latest_generation, read_state, write_state

        number = latest_generation(folder)
        current = read_state(folder, number)
        current["catalog"] = self.to_json()
        write_state(folder, number, current)

    def source_of(self, doc_id: str) -> str | None:
        """The resolved path of the file a document was read from."""
        return next((p for p, e in self.entries.items() if e.doc_id == doc_id), None)

    def doc_id_for(self, path: str, wanted: str, also_taken: set[str] | None = None) -> str:
        """``wanted``, or ``wanted-<hash of the path>`` when another file already uses it.

        The suffix depends only on the path, so the same file keeps the same id.
        """
        taken = {e.doc_id for p, e in self.entries.items() if p != path and e.doc_id}
        taken |= also_taken or set()
        if wanted not in taken:
            return wanted
        return f"{wanted}-{hashlib.sha1(path.encode('utf-8')).hexdigest()[:8]}"
