"""``briefing --screenshot PATH``: the window with a sample search and draft, as a PNG."""

from __future__ import annotations

import os
from pathlib import Path

from briefing_app.core.paths import DataHome

SAMPLE_QUERY = "darknet"
SAMPLE_DRAFT = (
    "---\n"
    "title: Statement of Italy\n"
    "delegation: Italy\n"
    "speaker: Ms. Giulia Rossi, First Counsellor\n"
    "meeting: Working Group on Firearms, ninth meeting\n"
    "agenda_item: 3. Illicit trafficking of firearms via the darknet\n"
    "place: Vienna\n"
    "date: 2026-05-12\n"
    "slot_minutes: 3\n"
    "mark: Check against delivery\n"
    "---\n\n"
    "Mr. Chair,\n\n"
    "Italy aligns itself with the statement of the European Union and wishes to add "
    "the following in its national capacity.\n\n"
    "## Firearms trafficking online\n\n"
    "Criminal groups increasingly use online marketplaces and parcel services to move "
    "firearms, their parts and components and ammunition.\n\n"
)


def take_screenshot(
    path: str | os.PathLike[str], home: str | None = None, timeout_ms: int = 60000
) -> int:
    """Render offscreen (unless a display is wanted) and save; 0 on success."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer

    from briefing_app.gui import create_main_window
    from briefing_app.gui.app import make_application

    make_application()
    window = create_main_window(home=home)
    session_home = DataHome.resolve(home)
    window.resize(1560, 940)
    window.session._load(SAMPLE_DRAFT, None)  # a sample, not a user's draft
    window.session.autosave_timer.stop()
    window.show()

    loop = QEventLoop()
    state = {"ok": False}

    def results_arrived(result: object) -> None:
        if getattr(result, "hits", None):
            state["ok"] = True
            QTimer.singleShot(400, loop.quit)  # let the reader load its document

    def start_search() -> None:
        if window.service.is_indexing():
            QTimer.singleShot(200, start_search)
            return
        window.search_panel.search_for(SAMPLE_QUERY)

    window.service.resultsReady.connect(results_arrived)
    QTimer.singleShot(300, start_search)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    cursor = window.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    window.editor.setTextCursor(cursor)
    window.insert_current()
    model = window.search_panel.model
    window.basket.persist = False  # sample passages: the user's saved basket stays as it is
    window.basket.model.clear()
    for row in range(min(3, model.rowCount())):  # a basket with a few passages
        window.search_panel.view.setCurrentIndex(model.index(row))
        window.add_to_basket()
    window.search_panel.view.setCurrentIndex(model.index(0))
    window.preview.render_now()
    window.speaking_label.refresh()
    window.editor.document().setModified(False)
    window.statusBar().clearMessage()
    settle = QEventLoop()
    QTimer.singleShot(300, settle.quit)  # let layouts and the reader catch up before grabbing
    settle.exec()
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    saved = window.grab().save(str(out))
    window.session.close_cleanly()
    window.service.close()
    found = "with" if state["ok"] else "without"
    print(f"screenshot: {out} ({found} results; home {session_home.root})")
    return 0 if saved and state["ok"] else 1
