"""Main-window tabs built the first time they are opened or asked for, not at start-up.

Start-up then pays only for the screen it shows: a tab's module (and what it imports) is loaded and
its widget built when the clerk first opens it, or when code asks the window for it
(``window.loans``). Until then the tab bar holds an empty placeholder under the tab's label.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from PySide6.QtWidgets import QTabWidget, QWidget

# "package.module:ClassName", built with the window's context; or any callable that returns the tab.
TabFactory = str | Callable[[], QWidget]


class LazyTabs:
    """The main window's tabs that are built on first use, by name."""

    def __init__(self, tabs: QTabWidget, context: object) -> None:
        self._tabs = tabs
        self._context = context
        self._factories: dict[str, TabFactory] = {}
        self._placeholders: dict[str, QWidget] = {}
        self._built: dict[str, QWidget] = {}
        # Connected before anyone else's slot: those already see the built tab at that index.
        tabs.currentChanged.connect(self._build_current)

    def add(self, name: str, label: str, factory: TabFactory) -> None:
        """Add tab ``name`` at the end of the tab bar; it is built when first opened or asked for."""
        placeholder = QWidget()
        placeholder.setObjectName(f"{name}Placeholder")
        self._factories[name] = factory
        self._placeholders[name] = placeholder
        self._tabs.addTab(placeholder, label)

    def __contains__(self, name: str) -> bool:
        return name in self._factories

    def get(self, name: str) -> QWidget:
        """Tab ``name``, built now if it was not yet (in the placeholder's place, keeping its label)."""
        if name not in self._built:
            factory = self._factories[name]
            if isinstance(factory, str):
                module, _, attribute = factory.partition(":")
                tab = getattr(import_module(module), attribute)(self._context)
            else:
                tab = factory()
            self._built[name] = tab
            self._swap_in(self._placeholders.pop(name), tab)
        return self._built[name]

    def built(self, name: str) -> QWidget | None:
        """Tab ``name`` if it was built, else None (a tab not opened yet needs no refresh: it reads when built)."""
        return self._built.get(name)

    def _swap_in(self, placeholder: QWidget, tab: QWidget) -> None:
        tabs = self._tabs
        index = tabs.indexOf(placeholder)
        current = tabs.currentIndex()
        visible = tabs.isTabVisible(index)  # mode kabupaten hides the office's tabs: one built later stays hidden
        blocked = tabs.blockSignals(True)  # the same tab stays current: nobody needs to hear of the swap
        try:
            tabs.insertTab(index, tab, tabs.tabText(index))
            tabs.removeTab(index + 1)
            tabs.setTabVisible(index, visible)
            tabs.setCurrentIndex(current)
        finally:
            tabs.blockSignals(blocked)
        placeholder.deleteLater()

    def _build_current(self, index: int) -> None:
        widget = self._tabs.widget(index)
        for name, placeholder in list(self._placeholders.items()):
            if placeholder is widget:
                self.get(name)
