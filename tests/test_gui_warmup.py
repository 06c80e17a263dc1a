"""The window warms the index on its library thread, step by step, while idle."""

from __future__ import annotations

import threading

from briefing_app.core.models import SearchResult
from briefing_app.core.paths import DataHome


class CountingLibrary:
    """A Library stand-in: four warm-up steps, the second one held until released."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.lock = threading.Lock()
        self.in_step, self.release = threading.Event(), threading.Event()

    def is_built(self) -> bool:
        return True

    def warm_up(self, seconds: float) -> bool:
        with self.lock:
            self.calls.append("warm")
            n = self.calls.count("warm")
        if n == 2:
            self.in_step.set()
            self.release.wait(30)
        return n < 4

    def search(self, query: str, **_kwargs: object) -> SearchResult:
        with self.lock:
            self.calls.append(f"search {query}")
        return SearchResult(query, 0, [])

    def close(self) -> None:
        pass


def test_a_search_waits_only_for_the_step_under_way(qtbot) -> None:
    from briefing_app.gui.library_service import LibraryService

    library = CountingLibrary()
    service = LibraryService(DataHome.resolve(), library)  # type: ignore[arg-type]
    try:
        qtbot.waitUntil(library.in_step.is_set, timeout=10_000)
        with qtbot.waitSignal(service.resultsReady, timeout=10_000):
            service.search("ozone")
            library.release.set()
        assert library.calls[:3] == ["warm", "warm", "search ozone"]
        # Once typing pauses, the warm-up goes on to its end, and no further.
        qtbot.waitUntil(lambda: library.calls.count("warm") == 4, timeout=10_000)
        qtbot.waitUntil(lambda: not service._warming, timeout=10_000)
        assert library.calls.count("warm") == 4
    finally:
        library.release.set()
        service.close()


def test_a_built_library_is_warmed_in_the_window_service(qtbot, tmp_path) -> None:
    from briefing_app.core.library import Library
    from briefing_app.gui.library_service import LibraryService

    library = Library(tmp_path / "home")
    library.build()
    service = LibraryService(DataHome.resolve(tmp_path / "home"), library)
    try:
        qtbot.waitUntil(lambda: library.engine._warmed, timeout=30_000)
        assert list(library.engine.facet_tables().steps()) == []
        with qtbot.waitSignal(service.resultsReady, timeout=10_000) as blocker:
            service.search("firearms")
        assert blocker.args[0].total > 0
    finally:
        service.close()
