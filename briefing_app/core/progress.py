"""Progress and cancellation, shared by the CLI and the window.

Core work takes a ``Progress``; the CLI prints it to stderr, the Qt layer
turns it into signals. Cancelling is cooperative: long loops call
``progress.check()``, which raises ``Cancelled``.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from typing import TextIO


class Cancelled(Exception):
    """The user cancelled the operation."""


ProgressCallback = Callable[[int, int, str], None]


class Progress:
    """Counts steps of a job, reports them, and carries a cancel flag."""

    def __init__(self, callback: ProgressCallback | None = None) -> None:
        self._callback = callback
        self._cancel = threading.Event()
        self.done = 0
        self.total = 0
        self.started = time.monotonic()

    def start(self, total: int, message: str = "") -> None:
        self.total, self.done = total, 0
        self.started = time.monotonic()
        self._emit(message)

    def advance(self, message: str = "", steps: int = 1) -> None:
        self.done += steps
        self._emit(message)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def eta_seconds(self) -> float | None:
        """Estimated seconds left, from the pace so far."""
        if not self.done or not self.total:
            return None
        elapsed = time.monotonic() - self.started
        return elapsed / self.done * (self.total - self.done)

    def _emit(self, message: str) -> None:
        if self._callback:
            self._callback(self.done, self.total, message)


def format_eta(seconds: float | None) -> str:
    """'about 3 min left', for a progress line; '' while there is nothing to go on."""
    if seconds is None:
        return ""
    if seconds < 60:
        return "less than a minute left"
    if seconds < 3600:
        return f"about {round(seconds / 60)} min left"
    return f"about {seconds / 3600:.1f} h left"


class EtaClock:
    """Estimates time left from (done, total) reports; restarts when a new job starts."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.total = -1

    def update(self, done: int, total: int) -> float | None:
        if done == 0 or total != self.total:
            self.started, self.total = time.monotonic(), total
        if done < 3 or not total:  # too little to go on
            return None
        return (time.monotonic() - self.started) / done * (total - done)


def stderr_progress(stream: TextIO | None = None) -> Progress:
    """A Progress that draws a one-line counter on a terminal (plain lines otherwise)."""
    out = stream or sys.stderr
    interactive = out.isatty()

    clock = EtaClock()

    def draw(done: int, total: int, message: str) -> None:
        if not total:
            return
        eta = format_eta(clock.update(done, total))
        line = f"[{done}/{total}] {message}" + (f" ({eta})" if eta and done < total else "")
        if interactive:
            out.write("\r\x1b[K" + line[:120])
            if done >= total:
                out.write("\n")
        else:
            out.write(line + "\n")
        out.flush()

    return Progress(draw)
