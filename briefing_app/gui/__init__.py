"""The Qt layer: widgets, item models and background tasks over the core.

Importing this package is cheap (no Qt): ``create_main_window`` imports the
widgets when it is called.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefing_app.gui.main_window import MainWindow


def create_main_window(home: str | os.PathLike[str] | None = None, **kwargs: Any) -> MainWindow:
    """The fully wired main window, not shown (a QApplication must exist)."""
    from briefing_app.gui.main_window import MainWindow

    return MainWindow(home=home, **kwargs)


__all__ = ["create_main_window"]
