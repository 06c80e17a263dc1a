"""The catalog beside the Whoosh index: which files are indexed, as what.

Whoosh holds the segments; the catalog holds one entry per source file
(content hash, size and mtime for "unchanged costs nothing", the document's
metadata, and remembered failures) plus the schema version. It is saved
inside the generation's state file (``state.py``), committed with the index.

Paths inside the data folder's library and the bundled corpus are saved
relative to them (``@library/…``, ``@corpus/…``): a data folder that is moved
or copied (a new computer, a backup restored) and a reinstalled app keep
their index instead of re-indexing every file under its new path.
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
    def from_json(cls, data: dict[str, Any], index_dir: Path | None = None) -> Catalog:
        """``index_dir``: where the index is now, to place relative paths (see above)."""
        paths = _Roots(index_dir)
        documents = {}
        for doc_id, saved in data.get("documents", {}).items():
            meta = DocumentMeta.from_json(saved)
            meta.source = paths.absolute(meta.source)
            documents[doc_id] = meta
        return cls(
            schema_version=int(data.get("schema_version", 0)),
            entries={
                paths.absolute(p): Entry(**{**e, "path": paths.absolute(e["path"])})
                for p, e in data.get("entries", {}).items()
            },
            documents=documents,
        )

    def to_json(self, index_dir: Path | None = None) -> dict[str, Any]:
        paths = _Roots(index_dir)
        documents = {}
        for doc_id, meta in self.documents.items():
            saved = meta.to_json()
            if saved.get("source"):
                saved["source"] = paths.relative(saved["source"])
            documents[doc_id] = saved
        return {
            "schema_version": self.schema_version,
            "entries": {
                paths.relative(p): {**vars(e), "path": paths.relative(e.path)}
                for p, e in self.entries.items()
            },
            "documents": documents,
        }

    @classmethod
    def load(cls, folder: Path) -> Catalog:
        """The catalog of the index's current generation (empty when there is none)."""
        from briefing_app.core.index.state import StateError, latest_generation, read_state

        try:
            return cls.from_json(read_state(folder, latest_generation(folder))["catalog"], folder)
        except (StateError, KeyError, ValueError, TypeError):
            return cls()

    def save(self, folder: Path, state: dict[str, Any] | None = None) -> None:
        """Put this catalog into ``state``, the generation being committed (written with
        the index, see ``generation.py``); without one, into the current generation."""
        if state is not None:
            state["catalog"] = self.to_json(folder)
            return
        from briefing_app.core.index.state import latest_generation, read_state, write_state

        number = latest_generation(folder)
        current = read_state(folder, number)
        current["catalog"] = self.to_json(folder)
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


class _Roots:
    """Saved path <-> path on this machine, for files under the data folder's library
    or the bundled corpus (``index_dir``'s data folder; none without one)."""

    def __init__(self, index_dir: Path | None) -> None:
        self.roots: list[tuple[str, str]] = []
        if index_dir is not None:
            from briefing_app.core.resources import corpus_dir

            library = Path(index_dir).parent / "library"  # DataHome's layout
            for marker, folder in (("@library", library), ("@corpus", corpus_dir())):
                self.roots.append((marker, os.path.realpath(folder)))

    def relative(self, path: str) -> str:
        for marker, root in self.roots:
            if path.startswith(root + os.sep):
                return marker + "/" + path[len(root) + 1 :].replace(os.sep, "/")
        return path

    def absolute(self, path: str) -> str:
        if not path.startswith("@"):  # elsewhere, or saved before paths were relative
            return path
        for marker, root in self.roots:
            if path.startswith(marker + "/"):  # (6,400 at each open: plain string work)
                return root + os.sep + path[len(marker) + 1 :].replace("/", os.sep)
        return path
