"""The clock of bench_gui's typing figure: when has the window painted an answer?"""

from __future__ import annotations

import time
from typing import Any


def paint_clock(window: Any, loop: Any) -> Any:
    """Stops the clock when the window has painted the answer to the awaited query.

    The answer (results or an error line) arrives through the service's signals,
    after the panels' own slots. The window paints in its next UpdateRequest:
    the filter runs that repaint itself, then reads the clock, and accepts it only
    if the results list's viewport was painted after the answer arrived.
    """
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QMainWindow

    viewport = window.search_panel.view.viewport()

    class Clock(QObject):
        want: str | None = None
        answered = False
        viewport_painted = False
        stopped_at: float | None = None
        error = False

        def arm(self, want: str) -> None:
            self.want, self.answered, self.viewport_painted = want, False, False
            self.stopped_at, self.error = None, False

        def result(self, result: Any) -> None:
            if self.want is not None and result.query == self.want:
                self.answered = True

        def failed(self, _message: str) -> None:
            if self.want is not None:  # errors are not tagged with their query
                self.answered = self.error = True

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if not self.answered or self.stopped_at is not None:
                return False
            if watched is viewport and event.type() == QEvent.Type.Paint:
                self.viewport_painted = True
            elif watched is window and event.type() == QEvent.Type.UpdateRequest:
                QMainWindow.event(window, event)  # paint and flush the frame now
                if self.viewport_painted or self.error:
                    self.stopped_at = time.perf_counter()
                    loop.quit()
                return True
            return False

    clock = Clock(window)
    window.service.resultsReady.connect(clock.result)
    window.service.searchFailed.connect(clock.failed)
    window.installEventFilter(clock)
    viewport.installEventFilter(clock)
    return clock


def settle(window: Any) -> None:
    """Let start-up work (library list, facet counts, warm-up) end before typing:
    the first search after opening is the cold-start figure's business."""
    from PySide6.QtCore import QEventLoop, QTimer

    service, pause = window.service, QEventLoop()
    deadline = time.monotonic() + 60
    timers = [getattr(service, name, None) for name in ("_facet_timer", "_more_timer")]
    timers.append(getattr(service, "_warm_timer", None))  # the index warm-up, if any
    while time.monotonic() < deadline and (
        service._pool.activeThreadCount()
        or getattr(service, "_warming", False)
        or any(timer is not None and timer.isActive() for timer in timers)
    ):
        QTimer.singleShot(50, pause.quit)
        pause.exec()
