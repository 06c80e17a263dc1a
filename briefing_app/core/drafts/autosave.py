"""Autosave copies and crash recovery: nothing typed is ever lost.

Each open draft has one autosave file in ``DataHome.autosave_dir``: the text
(``<key>.md``) and a small sidecar (``<key>.json``) naming the file it belongs
to. A clean close or a save removes the copy, so a copy found at start-up was
left by a crash; it is offered for recovery when its text differs from the
saved file (or the draft was never saved).
"""

from __future__ import annotations

import hashlib
import json
import time
import uuid
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from briefing_app.core.drafts.draft_file import read_draft, write_atomic


@dataclass(frozen=True)
class Recovery:
    """An autosaved text that is newer than what is on disk."""

    key: str
    text: str
    source: Path | None  # the saved draft it belongs to, None when untitled
    saved_at: float  # when the autosave was written (epoch seconds)

    @property
    def label(self) -> str:
        return self.source.name if self.source else "Untitled draft"


def key_for(source: Path | None) -> str:
    """A stable key for a saved draft, a fresh one for an untitled draft."""
    if source is None:
        return "untitled-" + uuid.uuid4().hex[:12]
    digest = hashlib.sha1(str(Path(source).resolve()).encode("utf-8")).hexdigest()[:12]
    return f"{Path(source).stem[:40]}-{digest}"


class Autosaver:
    """Writes and clears the autosave copy of one draft."""

    def __init__(self, autosave_dir: Path, source: Path | None = None) -> None:
        self.folder = Path(autosave_dir)
        self.source = Path(source) if source else None
        self.key = key_for(self.source)

    @property
    def text_path(self) -> Path:
        return self.folder / f"{self.key}.md"

    @property
    def meta_path(self) -> Path:
        return self.folder / f"{self.key}.json"

    def rebind(self, source: Path | None) -> None:
        """The draft got a (new) file name: move on to that file's key."""
        self.clear()
        self.source = Path(source) if source else None
        self.key = key_for(self.source)

    def write(self, text: str) -> Path:
        meta = {"source": str(self.source) if self.source else None, "saved_at": time.time()}
        write_atomic(self.text_path, text)
        write_atomic(self.meta_path, json.dumps(meta))
        return self.text_path

    def clear(self) -> None:
        """Remove the copy; on a read-only data folder there is nothing we can do."""
        for path in (self.text_path, self.meta_path):
            with suppress(OSError):
                path.unlink(missing_ok=True)


def find_recoveries(autosave_dir: Path) -> list[Recovery]:
    """Autosaves left behind whose text is not what the saved file holds, newest first."""
    folder = Path(autosave_dir)
    if not folder.is_dir():
        return []
    found: list[Recovery] = []
    for meta_path in folder.glob("*.json"):
        text_path = meta_path.with_suffix(".md")
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            text = read_draft(text_path)
        except (OSError, ValueError):
            continue
        source = Path(meta["source"]) if meta.get("source") else None
        if not _differs(text, source):
            discard(folder, meta_path.stem)
            continue
        saved_at = float(meta.get("saved_at") or text_path.stat().st_mtime)
        found.append(Recovery(meta_path.stem, text, source, saved_at))
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


def discard(autosave_dir: Path, key: str) -> None:
    """Forget one autosave (the user recovered or declined it)."""
    for suffix in (".md", ".json"):
        with suppress(OSError):  # read-only data folder: it stays, harmless
            (Path(autosave_dir) / f"{key}{suffix}").unlink(missing_ok=True)


def _differs(text: str, source: Path | None) -> bool:
    if source is None:
        return bool(text.strip())
    try:
        return read_draft(source) != text
    except OSError:
        return bool(text.strip())  # the saved file vanished: the autosave is all there is
