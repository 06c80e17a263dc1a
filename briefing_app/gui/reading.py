"""Shows the selected hit's document in the reader, once the selection settles.

Documents are loaded on the library thread and kept until the library
changes; a document that arrives after the user moved on is cached but not
shown. While the user types, each keystroke's first hit becomes the selection:
the reader follows it only once typing pauses, so laying out a whole document
on the GUI thread never holds up the next keystroke's results.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer

from briefing_app.core.models import DocumentMeta, Hit, Segment
from briefing_app.gui.library_service import LibraryService
from briefing_app.gui.reader_panel import ReaderPanel

READER_DELAY_MS = 60
#: After a keystroke, the reader waits this long without typing before it reads.
TYPING_PAUSE_MS = 400


class ReaderRouter(QObject):
    def __init__(
        self, service: LibraryService, reader: ReaderPanel, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.reader = reader
        self._docs: dict[str, tuple[DocumentMeta | None, list[Segment]]] = {}
        self._hit: Hit | None = None
        self._key: tuple[str, tuple[str, ...]] | None = None
        self._request = 0  # the latest document asked for; earlier answers are only cached
        self._timer = QTimer(self, singleShot=True, interval=READER_DELAY_MS)
        self._timer.timeout.connect(self._update)
        self._typed_at = -1e9  # time.monotonic() of the last keystroke in the search box

    def show_hit(self, hit: Hit | None) -> None:
        if hit is None:  # no results: the previous passage must not stay on screen
            self._timer.stop()
            self._hit, self._key = None, None
            self._request += 1
            self.reader.clear()
            return
        self._hit = hit
        self._timer.start(self._delay())  # the selection moves often: read when it settles

    def typing(self) -> None:
        """A keystroke in the search box: hold a pending update until typing pauses."""
        self._typed_at = time.monotonic()
        if self._timer.isActive():
            self._timer.start(TYPING_PAUSE_MS)

    def _delay(self) -> int:
        since_key_ms = (time.monotonic() - self._typed_at) * 1000
        return max(READER_DELAY_MS, int(TYPING_PAUSE_MS - since_key_ms))

    def open_document(self, doc_id: str) -> None:
        self._timer.stop()  # the document asked for wins over a hit still settling
        self._key = None
        self._show(doc_id, None, [])

    def forget(self) -> None:
        """The library changed: documents must be read again."""
        self._docs.clear()
        self._key = None

    def _update(self) -> None:
        hit = self._hit
        if hit is None:
            return
        words = list(hit.terms)
        key = (hit.segment_id, tuple(words))
        if key != self._key:
            self._key = key
            self._show(hit.doc_id, hit.segment_id, words)

    def _show(self, doc_id: str, segment_id: str | None, words: list[str]) -> None:
        self._request += 1
        request = self._request
        cached = self._docs.get(doc_id)
        if cached is not None:
            self.reader.show_document(cached[0], cached[1], segment_id, words)
            return

        def loaded(meta: DocumentMeta | None, segments: list[Segment]) -> None:
            self._docs[doc_id] = (meta, segments)
            if request == self._request:  # not overtaken by another hit or document
                self.reader.show_document(meta, segments, segment_id, words)

        self.service.load_document(doc_id, loaded)
