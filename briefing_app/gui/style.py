"""Look and feel: the app icon and colours that follow the light or dark palette."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette

from briefing_app.core.resources import resource

ACCENT = "#1f5f99"  # UN-ish blue used for the icon and small accents


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def mark_background() -> QColor:
    """Background of matched words (a highlighter pen, dimmed in dark mode)."""
    return QColor("#6b5a12") if is_dark() else QColor("#ffe47a")


def current_mark_background() -> QColor:
    return QColor("#a0561b") if is_dark() else QColor("#ffb35c")


def passage_background() -> QColor:
    """Background of the passage being read in its document."""
    return QColor("#22384f") if is_dark() else QColor("#e8f1fb")


def muted_text() -> QColor:
    palette = QGuiApplication.palette()
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    return QColor(
        (text.red() * 3 + base.red() * 2) // 5,
        (text.green() * 3 + base.green() * 2) // 5,
        (text.blue() * 3 + base.blue() * 2) // 5,
    )


def warning_color() -> QColor:
    return QColor("#ff8a80") if is_dark() else QColor("#b3261e")


def snippet_html(snippet: str) -> str:
    """The core's snippet (escaped text with <b> marks) with palette-aware marks."""
    mark = mark_background().name()
    return snippet.replace("<b>", f'<span style="background-color:{mark}">').replace(
        "</b>", "</span>"
    )


@cache
def app_icon() -> QIcon:
    icon = QIcon()
    for name in ("briefing.svg", "briefing.png"):
        path = resource("icons", name)
        if path.is_file():
            icon.addFile(str(path))
    return icon
