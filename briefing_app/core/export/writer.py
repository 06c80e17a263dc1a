"""Save a document next to its target, then move it into place in one step.

A reader (or a crash) never sees a half-written .docx, and a target that is
open in Word or LibreOffice, or a folder we may not write to, gives one clear
sentence instead of a traceback.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

from briefing_app.core.atomic import write_bytes_atomic
from briefing_app.core.export.errors import ExportError


def lock_file_of(target: Path) -> Path | None:
    """The lock file Word (``~$name``) or LibreOffice (``.~lock.name#``) keeps, if any."""
    name = target.name
    candidates = [f".~lock.{name}#", f"~${name}"]
    if len(name) > 2:
        candidates.append(f"~${name[2:]}")  # Word drops two characters of long names
    for candidate in candidates:
        path = target.with_name(candidate)
        if path.exists():
            return path
    return None


def check_target(target: Path) -> None:
    """Refuse early (before any work) a target we could not replace."""
    if target.suffix.lower() != ".docx":
        raise ExportError(f"the output must be a .docx file, not {target.name!r}")
    if target.is_dir():
        raise ExportError(f"{target} is a folder; give a file name ending in .docx")
    if not target.parent.is_dir():
        raise ExportError(f"the folder {target.parent} does not exist")
    lock = lock_file_of(target)
    if lock is not None:
        raise ExportError(
            f"{target.name} is open in another program ({lock.name} exists); "
            "close it and export again"
        )
    if target.exists() and not os.access(target, os.W_OK):
        raise ExportError(f"{target} is read-only or open in another program; choose another name")
    if not os.access(target.parent, os.W_OK | os.X_OK):
        raise ExportError(f"cannot write to the folder {target.parent} (permission denied)")


def save_atomically(document: Any, target: Path) -> Path:
    """Save `document` to a temp file in the target's folder and os.replace it in."""
    check_target(target)
    buffer = io.BytesIO()
    document.save(buffer)
    try:
        write_bytes_atomic(target, buffer.getvalue(), make_parents=False)
    except OSError as exc:
        raise ExportError(
            f"cannot write {target.name}: {_why(exc)} (is it open in another program?)"
        ) from None
    return target


def _why(exc: OSError) -> str:
    return exc.strerror.lower() if exc.strerror else str(exc)
