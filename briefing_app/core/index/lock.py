"""One writer at a time: an OS file lock around every index update.

fcntl/msvcrt locks die with their process, so a crashed writer never leaves
a stale lock behind. A second writer waits briefly, then raises ``IndexBusy``
with a message the user can act on.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from whoosh.util.filelock import FileLock, try_for

LOCK_NAME = "briefing-writer.lock"
DEFAULT_WAIT = 5.0


class IndexBusy(Exception):
    """Another process is updating the index; ``str()`` says so in one line."""


@contextmanager
def writer_lock(index_dir: Path, wait: float | None = None) -> Iterator[None]:
    wait = DEFAULT_WAIT if wait is None else wait
    index_dir.mkdir(parents=True, exist_ok=True)
    path = index_dir / LOCK_NAME
    lock = FileLock(str(path))
    if not try_for(lock.acquire, timeout=wait, delay=0.1):
        raise IndexBusy(
            "the library is being updated by another Briefing window or process "
            f"({_holder(path)}); try again when it finishes"
        )
    try:
        with suppress(OSError):
            path.write_text(f"{os.getpid()} {time.strftime('%H:%M:%S')}\n")
        yield
    finally:
        lock.release()


def _holder(path: Path) -> str:
    try:
        pid, _, since = path.read_text().strip().partition(" ")
        return f"pid {pid}, since {since}" if pid else "unknown"
    except OSError:
        return "unknown"
