"""Background work with signals, in the spirit of napari's thread_worker.

``run_in_thread(fn, ...)`` runs core work on a thread pool and reports through
``started``/``progress``/``result``/``error``/``finished`` signals that are
always delivered on the GUI thread; ``cancel()`` sets the core ``Progress``
cancel flag. ``ProcessTask`` does the same for indexing in a child process
(Whoosh holds the interpreter lock), polling a queue with a QTimer.
"""

from __future__ import annotations

import inspect
import multiprocessing
import queue as queue_module
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

from briefing_app.core.progress import Cancelled, Progress

_LIVE: set[QObject] = set()  # tasks are kept alive until they finish


class Task(QObject):
    """One piece of work; public signals fire on the GUI thread."""

    started = Signal()
    progress = Signal(int, int, str)
    result = Signal(object)
    error = Signal(object)  # the exception
    finished = Signal()

    # Emitted from the worker thread; relayed to the public signals above by
    # slots of this (GUI-thread) object, so every connection runs on the GUI thread.
    _w_started = Signal()
    _w_progress = Signal(int, int, str)
    _w_result = Signal(object)
    _w_error = Signal(object)
    _w_finished = Signal()

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self._fn, self._args, self._kwargs = fn, args, kwargs
        self._progress = Progress(lambda d, t, m: self._w_progress.emit(d, t, m))
        self.cancelled = False
        self.alive: Callable[[], bool] = lambda: True  # False: drop results (owner closed)
        self._w_started.connect(self._relay_started)
        self._w_progress.connect(self._relay_progress)
        self._w_result.connect(self._relay_result)
        self._w_error.connect(self._relay_error)
        self._w_finished.connect(self._relay_finished)

    def cancel(self) -> None:
        self.cancelled = True
        self._progress.cancel()

    def work(self) -> None:
        """Runs on the worker thread."""
        self._w_started.emit()
        try:
            kwargs = dict(self._kwargs)
            if _accepts_progress(self._fn):
                kwargs["progress"] = self._progress
            value = self._fn(*self._args, **kwargs)
        except Cancelled:
            self.cancelled = True
        except Exception as exc:
            self._w_error.emit(exc)
        else:
            self._w_result.emit(value)
        self._w_finished.emit()

    @Slot()
    def _relay_started(self) -> None:
        self.started.emit()

    @Slot(int, int, str)
    def _relay_progress(self, done: int, total: int, message: str) -> None:
        self.progress.emit(done, total, message)

    @Slot(object)
    def _relay_result(self, value: object) -> None:
        if not self.cancelled and self.alive():
            self.result.emit(value)

    @Slot(object)
    def _relay_error(self, exc: object) -> None:
        if self.alive():
            self.error.emit(exc)

    @Slot()
    def _relay_finished(self) -> None:
        self.finished.emit()
        _LIVE.discard(self)


class _Runner(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task = task

    def run(self) -> None:
        self.task.work()


def run_in_thread(
    fn: Callable[..., Any], *args: Any, pool: QThreadPool | None = None, **kwargs: Any
) -> Task:
    """Start ``fn(*args, **kwargs)`` on ``pool`` (default: the global pool)."""
    task = Task(fn, *args, **kwargs)
    _LIVE.add(task)
    (pool or QThreadPool.globalInstance()).start(_Runner(task))
    return task


def serial_pool() -> QThreadPool:
    """A pool of one thread: work on one library never runs concurrently."""
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    return pool


class ProcessTask(QObject):
    """A function run in a child process (spawn), reporting through a queue.

    The target is called as ``target(*args, queue, cancel_event)`` and puts
    ``("progress", done, total, message)``, ``("result", value)`` or
    ``("error", message)`` tuples on the queue.
    """

    started = Signal()
    progress = Signal(int, int, str)
    result = Signal(object)
    error = Signal(object)  # a one-line message
    finished = Signal()

    POLL_MS = 100
    #: After Cancel, the child gets this long to stop by itself, then it is killed.
    #: Killing is safe: the index commits whole generations, and the writer lock
    #: is an OS lock that dies with its process.
    CANCEL_GRACE_MS = 3000

    def __init__(self, target: Callable[..., None], *args: Any) -> None:
        super().__init__()
        context = multiprocessing.get_context("spawn")
        self._queue = context.Queue()
        self._cancel = context.Event()
        self._process = context.Process(
            target=target, args=(*args, self._queue, self._cancel), daemon=True
        )
        self._timer = QTimer(self)
        self._timer.setInterval(self.POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._done = False
        self.cancelled = False

    def start(self) -> ProcessTask:
        _LIVE.add(self)
        self._process.start()
        self._timer.start()
        self.started.emit()
        return self

    def cancel(self) -> None:
        self.cancelled = True
        self._cancel.set()
        if not self._done:
            QTimer.singleShot(self.CANCEL_GRACE_MS, self._kill)

    def _kill(self) -> None:
        """Cancel did not stop the child (stuck in a system call): end it."""
        if not self._done and self._process.is_alive():
            self._process.kill()

    def is_running(self) -> bool:
        return not self._done

    @Slot()
    def _poll(self) -> None:
        while not self._done:
            try:
                message = self._queue.get_nowait()
            except queue_module.Empty:
                break
            self._handle(message)
        if not self._done and not self._process.is_alive():
            try:  # the last message may arrive just after the child exits
                self._handle(self._queue.get(timeout=0.5))
            except queue_module.Empty:
                code = self._process.exitcode
                if self.cancelled:
                    self._finish(("result", {"cancelled": True}))
                else:
                    self._finish(("error", f"the indexing process stopped unexpectedly ({code})"))

    def _handle(self, message: tuple[Any, ...]) -> None:
        if message[0] == "progress":
            self.progress.emit(int(message[1]), int(message[2]), str(message[3]))
        else:
            self._finish(message)

    def _finish(self, message: tuple[Any, ...]) -> None:
        self._done = True
        self._timer.stop()
        if message[0] == "result":
            self.result.emit(message[1])
        else:
            self.error.emit(message[1])
        self._process.join(timeout=2)
        self.finished.emit()
        _LIVE.discard(self)


def _accepts_progress(fn: Callable[..., Any]) -> bool:
    try:
        return "progress" in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False
