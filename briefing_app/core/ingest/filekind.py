"""Only regular files are ever opened.

A FIFO blocks ``open()`` for ever, a symlink to ``/dev/zero`` never ends, a
socket cannot be read. Each is refused with a one-line reason, decided from
``stat`` (following symlinks) before anything opens the path.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a folder"),
)


def not_regular(mode: int) -> str | None:
    """Why a file of this ``st_mode`` is not read, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, kind in _KINDS:
        if test(mode):
            return f"not a regular file ({kind}): not read"
    return "not a regular file: not read"


def regular_file_problem(path: Path) -> str | None:
    """None when ``path`` (after symlinks) is a regular file, else why it is skipped."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "no such file"
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"
    return not_regular(mode)
