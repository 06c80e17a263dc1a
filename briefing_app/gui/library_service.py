"""The window's single door to the library: searches, documents, indexing.

All calls into the core ``Library`` run on one background thread (never two
at once, never on the GUI thread); each search carries a generation number so
a result that arrives after a newer keystroke is dropped, and a search that
is already outdated when its turn comes is skipped. A keystroke asks for the
first ``FIRST_PAGE`` hits (each hit's snippet costs); the rest of the page
follows once typing pauses, or when the list is scrolled to its end. Indexing runs in a child
process (``index_job``) and the searcher refreshes when it is done.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from briefing_app.core.models import DocumentMeta, SearchResult, Segment
from briefing_app.core.paths import DataHome
from briefing_app.gui.reader_text import prepare_links
from briefing_app.gui.tasks import ProcessTask, Task, run_in_thread, serial_pool

if TYPE_CHECKING:
    from briefing_app.core.library import Library

FACETS_DELAY_MS = 250
#: Hits a keystroke asks for: a few screens of the results list.
FIRST_PAGE = 20
#: Hits of a whole page, asked for (``fetch_more``) when the list is scrolled to its
#: end or typing has paused for ``MORE_DELAY_MS``: longer than the facet counts' pause,
#: so that a typist's pause between words does not start a second, longer search.
FULL_PAGE = 50
MORE_DELAY_MS = 1000
#: The index is opened and warmed (``Library.warm_up``) on the library thread in
#: steps of about ``WARM_STEP_S``, starting ``WARM_START_MS`` after the window is
#: made, and only while no search was asked for in the last ``WARM_IDLE_S``: a
#: search never waits for more than the one step under way.
WARM_START_MS = 100
WARM_STEP_S = 0.03
WARM_IDLE_S = 0.3
#: A search still running after this long no longer holds up the next one.
ABANDON_AFTER_S = 2.0


class LibraryService(QObject):
    resultsReady = Signal(object)  # SearchResult
    searchFailed = Signal(str)
    facetsReady = Signal(dict)  # facet counts for the latest query
    moreReady = Signal(object)  # SearchResult: the whole page of the latest query
    indexStarted = Signal(object)  # ProcessTask
    indexFinished = Signal(object)  # IndexReport JSON dict, or None on error
    libraryChanged = Signal()
    damaged = Signal(str)  # the index cannot be read: one line (the window repairs it)
    searchStopped = Signal(str)  # the query whose search the user stopped

    def __init__(
        self, home: DataHome, library: Library | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.home = home
        self._library = library
        self._pool = serial_pool()
        self._generation = 0
        self.closed = False
        # Facet counts cost more than the hits: they follow once typing pauses.
        self._pending_facets: tuple[int, str, dict[str, str]] | None = None
        self._pending_more: tuple[int, str, dict[str, str]] | None = None  # a cut-short page
        self._more_timer = QTimer(self, singleShot=True, interval=MORE_DELAY_MS)
        self._more_timer.timeout.connect(self.fetch_more)
        self._facet_timer = QTimer(self, singleShot=True, interval=FACETS_DELAY_MS)
        self._facet_timer.timeout.connect(self._count_facets)
        self.index_task: ProcessTask | None = None
        self.last_query: tuple[str, dict[str, str]] | None = None
        self._busy_since: float | None = None  # when the running search started
        self._abandoned: list[QThreadPool] = []  # pools still running a runaway query
        self._warming = False  # a warm-up step is queued or running
        self._last_search = 0.0  # time.monotonic() of the last search asked for
        self._warm_timer = QTimer(self, singleShot=True)
        self._warm_timer.timeout.connect(self.warm_up)
        self._warm_timer.start(WARM_START_MS)

    # -- the core library, created on the worker thread on first use ---------
    @property
    def library(self) -> Library:
        """The core ``Library`` (imported lazily: whoosh is not needed to paint)."""
        if self._library is None:
            from briefing_app.core.library import Library

            self._library = Library(self.home.root)
        return self._library

    def call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Task:
        """Run ``fn(library, *args)`` on the library thread.

        Results that arrive after ``close()`` are dropped: the widgets that
        asked for them may be gone.
        """
        task = run_in_thread(lambda: fn(self.library, *args, **kwargs), pool=self._pool)
        task.alive = lambda: not self.closed
        return task

    # -- warm-up ---------------------------------------------------------------
    def warm_up(self) -> None:
        """Run the next warm-up step on the library thread once typing pauses."""
        if self.closed or self._warming:
            return
        wait = WARM_IDLE_S - (time.monotonic() - self._last_search)
        if wait > 0:
            self._warm_timer.start(int(wait * 1000) + 1)
            return
        self._warming = True

        def step() -> bool:
            warm = getattr(self.library, "warm_up", None)  # optional on a Library stand-in
            return bool(warm(WARM_STEP_S)) if warm is not None else False

        task = run_in_thread(step, pool=self._pool)
        task.alive = lambda: not self.closed
        task.result.connect(self._warmed)
        task.error.connect(lambda _exc: self._warmed(False))  # a search will say what is wrong

    def _warmed(self, more: bool) -> None:
        self._warming = False
        if more and not self.closed:
            self._warm_timer.start(0)

    # -- search ----------------------------------------------------------------
    def search(
        self, query: str, filters: dict[str, str] | None = None, limit: int = FIRST_PAGE
    ) -> int:
        """Start a search; returns its generation. Empty queries clear the results."""
        self._last_search = time.monotonic()
        self._generation += 1
        generation = self._generation
        self._facet_timer.stop()  # typing went on: no facet count may queue ahead of this
        self._more_timer.stop()
        self._pending_more = None
        filters = dict(filters or {})
        self.last_query = (query, filters)
        if not query.strip() and not filters:
            self.resultsReady.emit(SearchResult(query, 0, []))
            return generation

        def work() -> SearchResult | None:
            if generation != self._generation:
                return None  # a newer keystroke came in while this one waited
            library = self.library
            if not library.is_built():
                raise RuntimeError("The library is being indexed; results will follow.")
            return self._search(query or "*", filters, limit, facets=False, library=library)

        self._abandon_runaway()
        task = run_in_thread(work, pool=self._pool)
        task.alive = lambda: not self.closed
        task.result.connect(lambda result: self._deliver(generation, result, limit))
        task.error.connect(lambda exc: self._failed(generation, exc))
        self._pending_facets = (generation, query, filters)
        return generation

    def fetch_more(self) -> None:
        """The rest of the latest page of hits (``moreReady``), if it was cut short."""
        if self._pending_more is None or self._pending_more[0] != self._generation:
            return
        generation, query, filters = self._pending_more
        self._pending_more = None

        def more_work() -> SearchResult | None:
            if generation != self._generation:
                return None
            return self._search(query or "*", filters, FULL_PAGE, facets=False)

        task = run_in_thread(more_work, pool=self._pool)
        task.alive = lambda: not self.closed
        task.result.connect(lambda result: self._deliver_more(generation, result))

    def _deliver_more(self, generation: int, result: SearchResult | None) -> None:
        if result is not None and generation == self._generation:
            self.moreReady.emit(result)

    def _search(
        self,
        query: str,
        filters: dict[str, str],
        limit: int,
        *,
        facets: bool,
        library: Library | None = None,
    ) -> SearchResult:
        """Hits first, facet counts in a second pass (counting costs more than finding)."""
        library = library or self.library
        self._busy_since = time.monotonic()  # (hits, facets or the rest of a page)
        try:
            return library.search(query, filters=filters or None, limit=limit, facets=facets)
        except TypeError:  # a Library without the optional ``facets`` switch
            return library.search(query, filters=filters or None, limit=limit)
        finally:
            self._busy_since = None

    def stop_search(self) -> None:
        """The user stopped the latest search: its result (and facet counts, the rest
        of its page) will never be shown, and a search still running is abandoned so
        the next one does not wait for it."""
        self._generation += 1  # drops the result, skips the search if still queued
        self._facet_timer.stop()
        self._more_timer.stop()
        self._pending_more = self._pending_facets = None
        if self._busy_since is not None:
            self._abandon()
        query = self.last_query[0] if self.last_query else ""
        self.searchStopped.emit(query)

    def _abandon_runaway(self) -> None:
        """A search running for over ``ABANDON_AFTER_S`` is left to finish on its own."""
        since = self._busy_since
        if since is not None and time.monotonic() - since >= ABANDON_AFTER_S:
            self._abandon()

    def _abandon(self) -> None:
        """Leave the running search to finish on its own.

        Its thread cannot be stopped, but the window need not wait for it: later
        searches run on a fresh thread with their own ``Library`` (reads only),
        and the runaway's result, when it comes, is dropped as outdated.
        """
        self._pool.clear()
        self._abandoned.append(self._pool)
        self._pool = serial_pool()
        self._library = self._fresh_library()
        self._busy_since = None

    def _fresh_library(self) -> Library:
        """Another reader of the same library (cheap: it opens the index on first use)."""
        from briefing_app.core.library import Library

        return Library(self.home.root)

    def _deliver_facets(self, generation: int, counts: dict[str, dict[str, int]] | None) -> None:
        if counts is not None and generation == self._generation:
            self.facetsReady.emit(counts)

    def rerun(self) -> None:
        if self.last_query is not None:
            self.search(*self.last_query)

    def _deliver(self, generation: int, result: SearchResult | None, limit: int) -> None:
        if result is not None and generation == self._generation:
            if limit < FULL_PAGE and len(result.hits) >= limit and result.total > limit:
                self._pending_more = self._pending_facets
                self._more_timer.start()  # the rest of the page once typing has paused
            self.resultsReady.emit(result)
            self._facet_timer.start()  # count facets once typing pauses

    def _count_facets(self) -> None:
        if self._pending_facets is None or self._pending_facets[0] != self._generation:
            return
        generation, query, filters = self._pending_facets

        def facet_work() -> dict[str, dict[str, int]] | None:
            if generation != self._generation:
                return None  # typing went on: count facets for the newer query instead
            return self._search(query or "*", filters, 1, facets=True).facets

        task = run_in_thread(facet_work, pool=self._pool)
        task.alive = lambda: not self.closed
        task.result.connect(lambda counts: self._deliver_facets(generation, counts))

    def _failed(self, generation: int, exc: object) -> None:
        from briefing_app.core.index.generation import IndexDamaged

        if isinstance(exc, IndexDamaged):
            self.searchFailed.emit(f"The index is damaged ({exc.reason}); repairing it…")
            self.damaged.emit(exc.reason)
        elif generation == self._generation:
            self.searchFailed.emit(str(exc).splitlines()[0] if str(exc) else repr(exc))

    # -- documents -------------------------------------------------------------
    def load_document(
        self, doc_id: str, on_loaded: Callable[[DocumentMeta | None, list[Segment]], None]
    ) -> Task:
        def load(library: Library) -> tuple[DocumentMeta | None, list[Segment]]:
            segments = library.document_segments(doc_id)
            prepare_links(segments)  # the reader's links, found here, not on the GUI thread
            return library.document(doc_id), segments

        task = self.call(load)
        task.result.connect(lambda pair: on_loaded(*pair))
        return task

    # -- indexing (child process) ----------------------------------------------
    def is_indexing(self) -> bool:
        return self.index_task is not None and self.index_task.is_running()

    def index(self, files: list[Path] | None = None, *, repair: bool = False) -> ProcessTask | None:
        """Add ``files`` (or build the whole library) in a child process.

        ``repair``: check every index file first and rebuild a damaged index.
        """
        if self.is_indexing():
            return None
        from briefing_app.gui.index_job import run_index_job

        paths = [str(f) for f in files or []]
        task = ProcessTask(run_index_job, str(self.home.root), paths, repair)
        task.result.connect(self._index_done)
        task.error.connect(lambda _msg: self.indexFinished.emit(None))
        self.index_task = task
        task.start()
        self.indexStarted.emit(task)
        return task

    def _index_done(self, report: dict[str, Any]) -> None:
        if self.closed:
            return
        # Another process wrote the index: drop our searcher and cached results
        # (queued before any later search on the same single thread).
        self.call(lambda lib: lib.close())
        self._warm_timer.start(WARM_START_MS)  # warm the new index generation
        self.indexFinished.emit(report)
        self.libraryChanged.emit()

    def close(self) -> None:
        self.closed = True
        self._warm_timer.stop()
        if self.index_task is not None and self.index_task.is_running():
            self.index_task.cancel()
        # Drop queued work, then let the running call finish: a pool destroyed
        # while its thread still runs crashes the interpreter at exit.
        self._pool.clear()
        self._pool.waitForDone(30_000)
        for pool in self._abandoned:  # a runaway query: give it a moment, then leave it
            pool.waitForDone(2_000)
        if self._library is not None:
            self._library.close()
