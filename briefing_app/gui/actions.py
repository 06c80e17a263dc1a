"""Menus and their actions, with the shortcuts the issue promises."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from briefing_app.core.drafts.draft_file import existing_recent
from briefing_app.core.drafts.templates import list_templates

if TYPE_CHECKING:
    from briefing_app.gui.main_window import MainWindow


def _action(
    window: MainWindow, text: str, slot: object, shortcut: object = None, name: str = ""
) -> QAction:
    action = QAction(text, window)
    if name:
        action.setObjectName(name)
    if shortcut is not None:
        if isinstance(shortcut, list):
            action.setShortcuts([QKeySequence(s) for s in shortcut])
        else:
            action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
    window.addAction(action)
    return action


def build_menus(w: MainWindow) -> None:
    """Create the actions (as attributes of ``w``) and the menu bar."""
    session = w.session
    bar = w.menuBar()

    file_menu = bar.addMenu("&File")
    w.newMenu = file_menu.addMenu("&New from template")
    for template in list_templates(w.home.templates_dir):
        w.newMenu.addAction(template.name, partial(session.new_draft, template.key))
    w.newAction = _action(
        w, "&New draft", session.new_draft, QKeySequence.StandardKey.New, "newAction"
    )
    file_menu.addAction(w.newAction)
    file_menu.addAction(_action(w, "&Open…", session.open_dialog, QKeySequence.StandardKey.Open))
    w.recentMenu = file_menu.addMenu("Open &recent")
    w.recentMenu.aboutToShow.connect(partial(fill_recent, w))
    file_menu.addSeparator()
    w.saveAction = _action(w, "&Save", session.save, QKeySequence.StandardKey.Save, "saveAction")
    file_menu.addAction(w.saveAction)
    file_menu.addAction(_action(w, "Save &as…", session.save_as, "Ctrl+Shift+S"))
    w.exportAction = _action(w, "&Export to Word…", w.export_dialog, "Ctrl+E", "exportAction")
    file_menu.addAction(w.exportAction)
    file_menu.addSeparator()
    w.addDocumentsAction = _action(
        w, "Add &documents…", w.add_documents_dialog, None, "addDocumentsAction"
    )
    file_menu.addAction(w.addDocumentsAction)
    file_menu.addAction(_action(w, "Pre&ferences…", w.show_preferences, "Ctrl+,"))
    file_menu.addSeparator()
    file_menu.addAction(_action(w, "&Quit", w.close, QKeySequence.StandardKey.Quit))

    edit = bar.addMenu("&Edit")
    edit.addAction(_action(w, "&Undo", w.editor.undo, QKeySequence.StandardKey.Undo))
    edit.addAction(_action(w, "&Redo", w.editor.redo, QKeySequence.StandardKey.Redo))
    edit.addSeparator()
    w.insertAction = _action(
        w,
        "&Insert passage with citation",
        w.insert_current,
        ["Ctrl+Return", "Ctrl+Enter"],
        "insertAction",
    )
    w.insertAction.setToolTip(
        "Insert the passage as a block quote, its reference first (Ctrl+Enter)"
    )
    w.citationOnlyAction = _action(
        w, "Insert &citation only", partial(w.insert_current, citation_only=True),
        ["Ctrl+Shift+Return", "Ctrl+Shift+Enter"], "citationOnlyAction",
    )  # fmt: skip
    w.basketAction = _action(w, "Add to &basket", w.add_to_basket, "Ctrl+B", "basketAction")
    w.insertBasketAction = _action(
        w, "Insert the &whole basket", w.insert_basket, None, "insertBasketAction"
    )
    for action in (w.insertAction, w.citationOnlyAction, w.basketAction, w.insertBasketAction):
        edit.addAction(action)

    search = bar.addMenu("&Search")
    search.addAction(
        _action(
            w, "&Find agreed language", w.search_panel.focus_search, "Ctrl+L", "focusSearchAction"
        )
    )
    search.addAction(_action(w, "&Next match", w.reader.next_match, "F3"))
    search.addAction(_action(w, "&Previous match", w.reader.previous_match, "Shift+F3"))
    search.addAction(_action(w, "Search &history", w.search_panel.show_history, None))
    search.addAction(_action(w, "&Clear filters", w.library_panel.clear_filters, None))

    w.viewMenu = bar.addMenu("&View")
    for dock in w.docks.values():
        w.viewMenu.addAction(dock.toggleViewAction())
    w.viewMenu.addSeparator()
    w.viewMenu.addAction(_action(w, "Show &preview", w.toggle_preview, "F9"))

    help_menu = bar.addMenu("&Help")
    help_menu.addAction(
        _action(w, "&Keyboard shortcuts", w.show_shortcuts, "F1", "shortcutsAction")
    )
    help_menu.addAction(_action(w, "&About Briefing", w.show_about, None))


def fill_recent(w: MainWindow) -> None:
    w.recentMenu.clear()
    recent = existing_recent(w.settings.recent_drafts)
    for path in recent:
        w.recentMenu.addAction(Path(path).name, partial(w.open_draft, Path(path))).setToolTip(path)
    if not recent:
        w.recentMenu.addAction("No recent drafts").setEnabled(False)
