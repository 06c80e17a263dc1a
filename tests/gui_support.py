"""Shared fixtures for the pytest-qt tests: a built index, the real main window."""

from __future__ import annotations

import contextlib
import gc
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from briefing_app.gui import create_main_window
from briefing_app.gui.main_window import MainWindow


@pytest.fixture(scope="session")
def built_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled corpus indexed once; each test gets a copy of this home."""
    from briefing_app.core.library import Library

    home = tmp_path_factory.mktemp("built-home")
    library = Library(home)
    library.build()
    library.close()
    return home


def open_window(qtbot: object, home: Path) -> MainWindow:
    window = create_main_window(home=home)
    # Closing at teardown must never block on a dialog.
    window.session.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    window.show()
    qtbot.waitExposed(window)  # type: ignore[attr-defined]
    return window


@pytest.fixture
def home(built_index: Path, tmp_path: Path) -> Path:
    target = tmp_path / "home"
    shutil.copytree(built_index, target)
    return target


@pytest.fixture
def window(qtbot: object, home: Path) -> Iterator[MainWindow]:
    opened = open_window(qtbot, home)
    yield opened
    # Close it and free its objects now, while no other window's library thread
    # runs: left to a later garbage collection, freeing a closed window's Qt
    # objects during the next test, beside that test's library thread, crashed the
    # interpreter about one run in eight (tests/test_gui_window.py).
    with contextlib.suppress(RuntimeError):  # (a test may have deleted it)
        opened.close()  # its library thread finishes first (LibraryService.close)
    gc.collect()


def search(qtbot: object, window: MainWindow, text: str) -> None:
    """Type a query as a user would and wait for its results."""
    edit = window.search_panel.edit
    edit.clear()
    qtbot.keyClicks(edit, text)  # type: ignore[attr-defined]
    view = window.findChild(object, "resultsView")
    state = window.search_state
    qtbot.waitUntil(  # type: ignore[attr-defined]
        # The rows of *this* query: the previous query's rows are still shown until
        # its results arrive, and a test acting on them would insert the wrong hit.
        lambda: (
            view.model().rowCount() > 0 and state.result is not None and state.result.query == text
        ),
        timeout=15000,
    )
