"""Beranda: what waits for this user and the office's figures, or a fresh office's first steps.

The figures are read on the worker thread (gui/busy.py) while a placeholder shows, so opening
Beranda or coming back to it after a save never holds the window. Coming back reads again only the
tiles saved to meanwhile (services/dashboard/changes.py asks the audit trail), and the charts when
a save touched what they draw; another month reads everything for that month.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QScrollArea, QStackedWidget, QVBoxLayout, QWidget,
)

from koperasi import clock
from koperasi.domain.dates import format_date_long, format_month
from koperasi.domain.errors import DomainError
from koperasi.domain.phone import format_phone
from koperasi.gui.busy import run_in_background
from koperasi.gui.context import AppContext
from koperasi.gui.dashboard.cards import card, label_rows
from koperasi.gui.dashboard.charts import CHART_AREAS, DashboardCharts
from koperasi.gui.dashboard.checklist import ChecklistBox
from koperasi.gui.dashboard.tiles import Tiles
from koperasi.gui.dashboard.waiting_list import WaitingBox
from koperasi.services.dashboard.checklist import Checklist, checklist
from koperasi.services.dashboard.changes import changes_since
from koperasi.services.dashboard.figures import EVERY_AREA, Area, Figures, area_figures, figures, month_end_or_today
from koperasi.services.dashboard.waiting import WaitingList, waiting

MONTHS_BACK = 24  # the month picker reaches two years back


@dataclass(frozen=True, slots=True)
class Loaded:
    checklist: Checklist
    waiting: WaitingList | None
    figures: Figures | None
    mark: int | None = None  # the audit mark the figures stand on (services/dashboard/changes.py)
    areas: frozenset[Area] = EVERY_AREA  # the tiles read again


class DashboardTab(QWidget):
    open_place = Signal(str)  # a waiting line (services.dashboard.waiting.Place) or a set-up step (checklist.Step)
    loaded = Signal()  # the page shows the figures it was last asked for

    LOADING, FRESH, FIGURES = range(3)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardTab")
        self.context = context
        self._generation = 0
        self.shown: Figures | None = None  # the figures on the tiles, and the audit mark they stand on
        self._mark: int | None = None
        self.greeting = QLabel()
        self.greeting.setObjectName("dashboardGreeting")
        self.month = QComboBox()
        self.month.setObjectName("dashboardMonth")
        self.month.setToolTip(self.tr("Angka per hari ini, atau per akhir bulan yang dipilih"))
        self._fill_months()
        self.month.currentIndexChanged.connect(lambda: self.refresh())
        header = QHBoxLayout()
        header.addWidget(self.greeting, 1)
        self.month_label = QLabel(self.tr("Angka per:"))
        header.addWidget(self.month_label)
        header.addWidget(self.month)

        self.pages = QStackedWidget()
        self.pages.setObjectName("dashboardPages")
        self.placeholder = QLabel(self.tr("Memuat angka kantor…"))
        self.placeholder.setObjectName("dashboardLoading")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages.addWidget(self.placeholder)
        self.pages.addWidget(self._fresh_page())
        self.pages.addWidget(self._figures_page())

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.pages, 1)
        self.refresh()

    def _fresh_page(self) -> QWidget:
        self.checklist = ChecklistBox()
        self.checklist.open_step.connect(self.open_place.emit)
        office, self.office_card = card("dashboardOfficeCard", self.tr("Kantor"))
        page = QWidget()
        row = QHBoxLayout()
        row.addWidget(self.checklist, 3)
        row.addWidget(office, 2)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addStretch()
        return _scrolled(page)

    def _figures_page(self) -> QWidget:
        self.waiting = WaitingBox()
        self.waiting.open_place.connect(self.open_place.emit)
        self.tiles = Tiles()
        self.charts_area = QWidget()
        self.charts_area.setObjectName("dashboardChartsArea")
        self.charts = DashboardCharts(self.context, self.charts_area)
        area_layout = QVBoxLayout(self.charts_area)
        area_layout.setContentsMargins(0, 0, 0, 0)
        area_layout.addWidget(self.charts)
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.waiting)
        column.addWidget(self.tiles)
        column.addWidget(self.charts_area)
        column.addStretch()
        return _scrolled(page)

    def _fill_months(self) -> None:
        self.month.addItem(self.tr("Hari ini"), None)
        first = clock.today().replace(day=1)
        for back in range(1, MONTHS_BACK + 1):
            year, month = divmod(first.year * 12 + first.month - 1 - back, 12)
            start = date(year, month + 1, 1)
            self.month.addItem(self.tr("Akhir {month}").format(month=format_month(start)), start.isoformat())

    def as_of(self) -> date:
        chosen = self.month.currentData()  # the month's first day, ISO (a QVariant keeps no Python date)
        today = clock.today()
        return today if chosen is None else month_end_or_today(date.fromisoformat(chosen), today)

    def refresh(self) -> None:
        """Read the figures again, on the worker thread; the page keeps what it shows until they come.

        For the day the tiles show, only the areas saved to since they were read; for another day, all."""
        actor, today = self.context.actor, clock.today()
        self.greeting.setText(
            f"<h2>{escape(self.tr('Selamat datang, {name}').format(name=actor.full_name))}</h2>"
            f"<p>{escape(format_date_long(today))} · {escape(actor.role.label)}</p>"
        )
        self._show_office()
        self._generation += 1
        generation, as_of, database, now = self._generation, self.as_of(), self.context.database, clock.now()
        shown = self.shown if self.shown is not None and self.shown.as_of == as_of else None
        mark = self._mark if shown is not None else None

        def work() -> Loaded:
            with database.session() as session:
                found = checklist(session, actor)
                if found.fresh:
                    return Loaded(found, None, None)
                changes = changes_since(session, actor, mark=mark)  # before the figures: a save meanwhile is read next time
                if shown is None or changes.areas == EVERY_AREA:
                    read = figures(session, actor, as_of=as_of)
                else:
                    read = shown
                    for area in sorted(changes.areas):
                        read = read.with_area(area, area_figures(session, actor, as_of=as_of, area=area))
                # The waiting lines are few counts, and some move with the clock (the backup's age): always read.
                return Loaded(found, waiting(session, actor, today=today, now=now), read, changes.mark, changes.areas)

        if self.pages.currentIndex() == self.LOADING:
            self.placeholder.setText(self.tr("Memuat angka kantor…"))
        # Another month's charts are read now, behind the figures (one worker, in order), their placeholder up
        # at once; the same month's only when the figures say a save touched them.
        month = (as_of.year, as_of.month)
        charts_asked = month != self.charts.requested
        run_in_background(self, work, lambda result: self._show(generation, result, charts_asked),
                          lambda error: self._failed(generation, error))
        if charts_asked:
            self.charts.load(month)

    def _show(self, generation: int, result: Loaded, charts_asked: bool) -> None:
        if generation != self._generation:
            return  # a newer refresh (another month, another save) is on its way
        self.checklist.show_checklist(result.checklist)
        fresh = result.figures is None
        self.month.setVisible(not fresh)  # no figures yet to see at another month's end
        self.month_label.setVisible(not fresh)
        if fresh:
            self.pages.setCurrentIndex(self.FRESH)
        else:
            self.waiting.show_waiting(result.waiting)
            self.tiles.show_figures(result.figures, result.areas)
            self.shown, self._mark = result.figures, result.mark
            self.pages.setCurrentIndex(self.FIGURES)
            if not charts_asked and result.areas & CHART_AREAS:
                self.charts.load(self.charts.requested)
        self.loaded.emit()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        if not isinstance(error, DomainError):
            raise error  # a bug: the crash handler logs it
        self.placeholder.setText(error.message)
        self.pages.setCurrentIndex(self.LOADING)
        self.loaded.emit()

    def _show_office(self) -> None:
        profile = self.context.office.profile
        self.office_card.setText(label_rows([
            (self.tr("Nama"), profile.name),
            (self.tr("Kode"), profile.code),
            (self.tr("Kecamatan"), self.context.office.kecamatan_name or "—"),
            (self.tr("Alamat"), profile.address or "—"),
            (self.tr("Telepon"), format_phone(profile.phone) if profile.phone else "—"),
            (self.tr("Ketua"), profile.chair_name or "—"),
            (self.tr("Bendahara"), profile.treasurer_name or "—"),
        ], numbers=False))


def _scrolled(page: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(page)
    return area
