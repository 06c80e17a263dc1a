"""Atomic file writes: a temporary file beside the target, then ``os.replace``.

A crash, a full disk or a reader at the wrong moment never sees half a file.
Drafts, Word exports and hit-list exports all save through here.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_bytes_atomic(path: Path, data: bytes, *, make_parents: bool = True) -> Path:
    """Write ``data`` to ``path`` atomically, keeping an existing file's permissions."""
    path = Path(path)
    if make_parents:
        path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".~{path.name}.", suffix=".tmp", dir=path.parent)
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _copy_mode(path, temp)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return path


def write_text_atomic(path: Path, text: str, *, make_parents: bool = True) -> Path:
    """UTF-8 text with ``\\n`` line ends, written atomically."""
    return write_bytes_atomic(path, text.encode("utf-8"), make_parents=make_parents)


def _copy_mode(target: Path, temp: Path) -> None:
    """mkstemp makes 0600 files; keep the target's mode, or use the usual 0644."""
    with contextlib.suppress(OSError):
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
        os.chmod(temp, mode)
