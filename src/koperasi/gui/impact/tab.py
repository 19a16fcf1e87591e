"""Dampak: follow-up visits (the list due, the sheets, their entry) and what changed for the households."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from koperasi.gui.context import AppContext
from koperasi.gui.impact.indicators_view import IndicatorsView
from koperasi.gui.impact.stories_view import StoriesView
from koperasi.gui.impact.visits_view import VisitsView


class ImpactTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("impactTab")
        self.context = context
        self.visits_view = VisitsView(context)
        self.pages = QTabWidget(objectName="impactPages")
        self.indicators_view = IndicatorsView(context)
        self.pages.addTab(self.visits_view, self.tr("Kunjungan"))
        self.stories_view = StoriesView(context)
        self.pages.addTab(self.indicators_view, self.tr("Indikator && laporan"))
        self.pages.addTab(self.stories_view, self.tr("Kisah sukses"))
        self.pages.currentChanged.connect(self._page_changed)
        self.visits_view.changed.connect(lambda: setattr(self, "_indicators_stale", True))
        self._indicators_stale = True
        self._stories_loaded = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self._loaded = False

    def _page_changed(self, index: int) -> None:
        if self.pages.widget(index) is self.indicators_view and self._indicators_stale:
            self._indicators_stale = False
            self.indicators_view.reload()
        elif self.pages.widget(index) is self.stories_view and not self._stories_loaded:
            self._stories_loaded = True
            self.stories_view.reload()

    def ensure_loaded(self) -> None:
        """The list is read when the tab is first shown, not at start-up."""
        if not self._loaded:
            self._loaded = True
            self.visits_view.reload()
