"""Launch the desktop app (placeholder until the GUI issue lands)."""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication([])
    label = QLabel("Briefing")
    label.show()
    return app.exec()
