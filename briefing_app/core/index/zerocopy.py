"""Read Whoosh's compound segment files in place instead of copying them.

whoosh3's ``BufferFile`` wraps each sub-file of a memory-mapped segment in
``io.BytesIO(memoryview)``, which copies it: at 100 MB the searching process
held ~240 MB of copied postings and term indexes as its own memory before
the first query. ``install()`` gives ``BufferFile`` a file object that reads
the memoryview where it is (the pages stay the system's, shared and
droppable). Reads and results are identical; nothing is written through it.
"""

from __future__ import annotations

import mmap
import os
from contextlib import suppress
from typing import Any

from whoosh.filedb import structfile

_installed = False


class ViewFile:
    """The read side of a binary file over a buffer, without copying it."""

    __slots__ = ("_buf", "_pos")

    def __init__(self, buf: Any) -> None:
        self._buf = memoryview(buf)
        self._pos = 0

    def read(self, size: int | None = -1) -> bytes:
        start, total = self._pos, len(self._buf)
        end = total if size is None or size < 0 else min(total, start + size)
        self._pos = end
        return self._buf[start:end].tobytes()

    def readline(self, size: int | None = -1) -> bytes:
        start, total = self._pos, len(self._buf)
        limit = total if size is None or size < 0 else min(total, start + size)
        end = limit
        for i in range(start, limit):  # pickle reads lines only for old protocols
            if self._buf[i] == 10:
                end = i + 1
                break
        self._pos = end
        return self._buf[start:end].tobytes()

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        base = {os.SEEK_SET: 0, os.SEEK_CUR: self._pos, os.SEEK_END: len(self._buf)}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def tell(self) -> int:
        return self._pos

    def close(self) -> None:
        self._buf.release()

    def flush(self) -> None:
        pass


def _buffer_file_init(self: Any, buf: Any, name: str | None = None, onclose: Any = None) -> None:
    self._buf = buf
    self._name = name
    self.file = ViewFile(buf) if isinstance(buf, memoryview) else structfile.BytesIO(buf)
    self.onclose = onclose
    self.is_real = False
    self.is_closed = False


def install() -> None:
    """Patch ``BufferFile`` once (idempotent; skipped if Whoosh changed)."""
    global _installed
    if _installed:
        return
    cls = getattr(structfile, "BufferFile", None)
    if cls is None or not hasattr(structfile, "BytesIO"):
        return
    cls.__init__ = _buffer_file_init
    _installed = True


def release_pages(reader: Any) -> None:
    """Drop the index pages this process has touched from its resident set.

    Each segment file is one read-only shared mapping; ``MADV_DONTNEED`` unmaps
    its pages from the process (they stay in the system's file cache, and a
    later read maps them again). For the warm-up: once a word's postings are
    decoded into arrays, the pages they came from serve nothing.
    """
    advice = getattr(mmap, "MADV_DONTNEED", None)
    if advice is None:
        return
    for leaf, _offset in reader.leaf_readers():
        storage = getattr(leaf, "_storage", None)
        for part in (storage, getattr(storage, "a", None), getattr(storage, "b", None)):
            source = getattr(part, "_source", None)
            if isinstance(source, mmap.mmap):
                with suppress(OSError, ValueError):
                    source.madvise(advice)
