"""The small typed surface a panel installs itself against.

A panel module gets a ``WindowHost`` (the main window satisfies it) and adds
its dock and its actions through it; it never sets attributes on the window
and never imports the window module, so the import graph has no circles.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QStatusBar, QWidget

from briefing_app.core.paths import DataHome
from briefing_app.core.session.settings import Settings
from briefing_app.gui.actions import ActionRegistry
from briefing_app.gui.editor import DraftEditor
from briefing_app.gui.library_service import LibraryService


class WindowHost(Protocol):
    """What every panel may use; anything more it takes as an explicit argument."""

    @property
    def home(self) -> DataHome: ...

    @property
    def settings(self) -> Settings: ...

    @property
    def registry(self) -> ActionRegistry: ...

    @property
    def service(self) -> LibraryService: ...

    @property
    def editor(self) -> DraftEditor: ...

    def add_panel(
        self, name: str, widget: QWidget, area: Qt.DockWidgetArea = ...
    ) -> QDockWidget: ...

    def show_message(self, text: str, ms: int = 4000) -> None: ...

    def statusBar(self) -> QStatusBar: ...

    def window(self) -> QWidget:
        """The top-level window: the parent of a panel's dialogs."""
        ...
