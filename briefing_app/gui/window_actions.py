"""The window's own actions and menus, with the shortcuts the README promises.

Registered through the ``ActionRegistry``; the window hands itself over as
``ActionTargets`` (what the menus call), so this module never imports it.
"""

from __future__ import annotations

from functools import partial
from typing import Protocol

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

from briefing_app.core.drafts.templates import list_templates
from briefing_app.core.paths import DataHome
from briefing_app.gui.actions import ActionRegistry
from briefing_app.gui.app_commands import AppCommands
from briefing_app.gui.draft_session import DraftSession
from briefing_app.gui.editor import DraftEditor
from briefing_app.gui.export_command import ExportCommand
from briefing_app.gui.passages import PassageRouter
from briefing_app.gui.reader_panel import ReaderPanel
from briefing_app.gui.search_controller import SearchController
from briefing_app.gui.search_panel import SearchPanel

StdKey = QKeySequence.StandardKey


class ActionTargets(Protocol):
    """What the window's menus call: its collaborators and two window commands."""

    home: DataHome
    registry: ActionRegistry
    session: DraftSession
    editor: DraftEditor
    passages: PassageRouter
    exporter: ExportCommand
    commands: AppCommands
    search_panel: SearchPanel
    reader: ReaderPanel
    searching: SearchController

    def close(self) -> bool: ...

    def toggle_preview(self) -> None: ...


def register_window_actions(w: ActionTargets) -> QMenu:
    """The window's own commands in their menus; returns the "Open recent" menu."""
    add, session, passages = w.registry.add, w.session, w.passages
    commands = w.commands
    new_menu = w.registry.submenu("File", "&New from template")
    for template in list_templates(w.home.templates_dir):
        new_menu.addAction(template.name, partial(session.new_draft, template.key))
    add("newAction", "&New draft", session.new_draft, menu="File", shortcut=StdKey.New)
    add("openAction", "&Open…", session.open_dialog, menu="File", shortcut=StdKey.Open)
    recent_menu = w.registry.submenu("File", "Open &recent")
    recent_menu.aboutToShow.connect(lambda: commands.fill_recent(recent_menu))
    w.registry.separator("File")
    add("saveAction", "&Save", session.save, menu="File", shortcut=StdKey.Save)
    add("saveAsAction", "Save &as…", session.save_as, menu="File", shortcut="Ctrl+Shift+S")
    add("exportAction", "&Export to Word…", w.exporter.dialog, menu="File", shortcut="Ctrl+E")
    w.registry.separator("File")
    add("addDocumentsAction", "Add &documents…", commands.add_documents_dialog, menu="File")
    add(
        "preferencesAction",
        "Pre&ferences…",
        commands.preferences,
        menu="File",
        shortcut="Ctrl+,",
    )
    w.registry.separator("File")
    add("quitAction", "&Quit", w.close, menu="File", shortcut=StdKey.Quit)

    add("undoAction", "&Undo", w.editor.undo, menu="Edit", shortcut=StdKey.Undo)
    add("redoAction", "&Redo", w.editor.redo, menu="Edit", shortcut=StdKey.Redo)
    w.registry.separator("Edit")
    add(
        "insertAction", "&Insert passage with citation", passages.insert_current,
        menu="Edit", shortcut=["Ctrl+Return", "Ctrl+Enter"],
        tooltip="Insert the passage as a block quote, its reference first (Ctrl+Enter)",
    )  # fmt: skip
    add(
        "citationOnlyAction", "Insert &citation only",
        partial(passages.insert_current, citation_only=True),
        menu="Edit", shortcut=["Ctrl+Shift+Return", "Ctrl+Shift+Enter"],
    )  # fmt: skip
    add("basketAction", "Add to &basket", passages.add_to_basket, menu="Edit", shortcut="Ctrl+B")
    add("insertBasketAction", "Insert the &whole basket", passages.insert_basket, menu="Edit")

    panel, reader = w.search_panel, w.reader
    add(
        "focusSearchAction", "&Find agreed language", panel.focus_search,
        menu="Search", shortcut="Ctrl+L",
    )  # fmt: skip
    add("nextMatchAction", "&Next match", reader.next_match, menu="Search", shortcut="F3")
    add(
        "previousMatchAction", "&Previous match", reader.previous_match,
        menu="Search", shortcut="Shift+F3",
    )  # fmt: skip
    add("historyAction", "Search &history", panel.show_history, menu="Search")
    add("clearFiltersAction", "&Clear filters", w.searching.clear_filters, menu="Search")

    w.registry.separator("View")
    add("previewAction", "Show &preview", w.toggle_preview, menu="View", shortcut="F9")

    add("shortcutsAction", "&Keyboard shortcuts", commands.shortcuts, menu="Help", shortcut="F1")
    add("aboutAction", "&About Briefing", commands.about, menu="Help")
    return recent_menu
