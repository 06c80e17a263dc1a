"""The action registry: every command of the window, by object name, in its menu.

The window and each panel register their commands here instead of setting
attributes on the window; tests and other panels look actions up by the
object name (``registry["insertAction"]``), which is also the name a
``findChild`` sees. Menus exist from the start, in a fixed order, so a panel
installed later still lands its action in the right menu.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

#: The menu bar, left to right (tests read Edit as the second menu, Tools as the one before Help).
MENUS = ("&File", "&Edit", "&Search", "&View", "&Library", "&Tools", "&Help")

Shortcut = str | QKeySequence.StandardKey | Sequence[str] | None


class ActionRegistry:
    """Owns the window's actions and menus; one place that names them."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self._actions: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        for title in MENUS:
            menu = window.menuBar().addMenu(title)
            name = title.replace("&", "")
            menu.setObjectName(f"{name.lower()}Menu")
            self.menus[name] = menu

    def add(
        self,
        name: str,
        text: str,
        slot: Callable[[], object],
        *,
        menu: str | None = None,
        after: str | None = None,
        shortcut: Shortcut = None,
        tooltip: str = "",
    ) -> QAction:
        """A window-wide action calling ``slot``, at the end of ``menu`` (or right ``after``
        the action of that name in it)."""
        if name in self._actions:
            raise ValueError(f"an action named {name!r} exists already")
        action = QAction(text, self.window)
        action.setObjectName(name)
        if isinstance(shortcut, str | QKeySequence.StandardKey):
            action.setShortcut(QKeySequence(shortcut))
        elif shortcut is not None:
            action.setShortcuts([QKeySequence(s) for s in shortcut])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tooltip:
            action.setToolTip(tooltip)
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        self._actions[name] = action
        if menu is not None:
            self._place(self.menus[menu], action, after)
        return action

    def _place(self, menu: QMenu, action: QAction, after: str | None) -> None:
        entries = menu.actions()
        anchor = self._actions.get(after or "")
        if anchor is None or anchor not in entries:
            menu.addAction(action)
            return
        position = entries.index(anchor) + 1
        menu.insertAction(entries[position] if position < len(entries) else None, action)  # type: ignore[arg-type]

    def separator(self, menu: str) -> None:
        self.menus[menu].addSeparator()

    def submenu(self, menu: str, title: str) -> QMenu:
        return self.menus[menu].addMenu(title)

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]

    def __contains__(self, name: object) -> bool:
        return name in self._actions

    def names(self) -> list[str]:
        return list(self._actions)
