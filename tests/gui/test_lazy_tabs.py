"""Tabs built when first opened or asked for (gui/lazy_tabs.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget

from koperasi.gui.lazy_tabs import LazyTabs


def _tabs(qtbot):
    widget = QTabWidget()
    qtbot.addWidget(widget)
    widget.addTab(QLabel("Beranda"), "Beranda")
    built: list[str] = []
    lazy = LazyTabs(widget, context=None)
    for name in ("loans", "sales"):
        lazy.add(name, name.title(), lambda name=name: built.append(name) or QLabel(name))
    return widget, lazy, built


def test_a_tab_is_built_when_first_opened_and_keeps_its_place_and_label(qtbot):
    widget, lazy, built = _tabs(qtbot)
    assert built == [] and lazy.built("loans") is None
    widget.setCurrentIndex(2)
    assert built == ["sales"] and widget.widget(2) is lazy.built("sales") and widget.tabText(2) == "Sales"
    assert widget.currentIndex() == 2
    assert lazy.get("loans") is widget.widget(1) and built == ["sales", "loans"]
    assert lazy.get("loans") is widget.widget(1) and built == ["sales", "loans"]  # once only


def test_a_hidden_tab_built_when_asked_for_stays_hidden(qtbot):
    widget, lazy, built = _tabs(qtbot)
    widget.setTabVisible(1, False)  # as mode kabupaten hides the office's tabs
    lazy.get("loans")
    assert built == ["loans"] and not widget.isTabVisible(1) and widget.isTabVisible(2)
