"""The QApplication and the desktop app's event loop (``briefing`` with no command)."""

from __future__ import annotations

import sys


def make_application(argv: list[str] | None = None) -> object:
    """The QApplication with name, icon and the platform's palette."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from briefing_app import __version__

    existing = QApplication.instance()
    if existing is not None:
        return existing
    QCoreApplication.setOrganizationName("Briefing")
    QCoreApplication.setApplicationName("Briefing")
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(argv or [sys.argv[0]])
    app.setDesktopFileName("briefing")
    from briefing_app.gui import style

    app.setWindowIcon(style.app_icon())
    if app.platformName() == "offscreen":
        app.setStyle("Fusion")  # the same look on every machine that renders screenshots
    return app


def run_window(home: str | None = None) -> int:
    """Show the main window and run the event loop until it closes."""
    app = make_application()
    from briefing_app.gui import create_main_window

    window = create_main_window(home=home)
    window.show()
    return int(app.exec())  # type: ignore[attr-defined]
