"""Drafts are plain files the user owns: read them, write them atomically, remember them.

Saving writes a temporary file beside the target and swaps it in with
``os.replace``, so a crash or a full disk never leaves half a statement.
"""

from __future__ import annotations

import errno
from collections.abc import Iterable
from pathlib import Path

from briefing_app.core.atomic import write_text_atomic

DRAFT_SUFFIXES = (".md", ".markdown", ".txt")
RECENT_LIMIT = 10


def read_draft(path: Path) -> str:
    """The draft's text; universal newlines, a BOM is dropped. A FIFO or device is
    refused (``OSError``) before it is opened: reading one would block for ever."""
    from briefing_app.core.ingest.filekind import regular_file_problem

    problem = Path(path).exists() and regular_file_problem(Path(path))
    if problem:
        raise OSError(errno.EINVAL, problem, str(path))
    return Path(path).read_text(encoding="utf-8-sig")


def write_atomic(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` through a temporary file and ``os.replace``."""
    return write_text_atomic(Path(path), text)


def save_draft(path: Path, text: str) -> Path:
    """Save a draft (atomically); a missing suffix becomes ``.md``."""
    path = Path(path)
    if not path.suffix:
        path = path.with_suffix(".md")
    return write_atomic(path, text)


def push_recent(recent: Iterable[str], path: Path | str, limit: int = RECENT_LIMIT) -> list[str]:
    """The recent-drafts list with ``path`` first, without duplicates."""
    first = str(Path(path).resolve())
    rest = [p for p in recent if p != first]
    return [first, *rest][:limit]


def existing_recent(recent: Iterable[str]) -> list[str]:
    """Recent drafts that still exist (files move, USB sticks leave)."""
    return [p for p in recent if Path(p).is_file()]
