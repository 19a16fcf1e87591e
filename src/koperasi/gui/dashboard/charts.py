"""Beranda's four charts with Qt Charts (PySide6-Addons): the loan portfolio and PAR30, installments due
against collected, sales per month by channel, and members by kecamatan and by category.

Fed by services.monthly.history, the figures of the Laporan bulanan. Colours are Okabe and Ito's
(colour-blind safe); month names are Indonesian and the money axes read in rupiah
("Rp12,5 jt"). Bars on the members chart carry their numbers; a month's bars are too narrow
for rupiah, so hovering one shows its amount. Clicking a bar or a point emits ``picked`` with what
was clicked (the chart, the month, the channel or the name), for the main window to open the
matching list.

Beranda (gui/dashboard/tab.py) loads them for its chosen month, and again after a save to what they
show (``CHART_AREAS``); "Memuat grafik…" stands in while a month not drawn yet is read.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QPainter
from PySide6.QtWidgets import QGridLayout, QLabel, QStackedWidget, QToolTip, QVBoxLayout, QWidget

from koperasi.domain.money import format_rupiah, percent
from koperasi.domain.monthly.figures import PALETTE, Count, History, axis_rupiah
from koperasi.domain.months import Month, month_abbreviation, month_name, short_month_name
from koperasi.domain.errors import DomainError
from koperasi.gui.busy import run_in_background
from koperasi.gui.context import AppContext
from koperasi.services.dashboard.figures import Area
from koperasi.services.monthly.history import history as read_history
from koperasi import clock

PORTFOLIO, COLLECTIONS, SALES, KECAMATAN, CATEGORY = "portfolio", "collections", "sales", "kecamatan", "category"
_TICKS = 4  # value-axis lines above zero
CHART_AREAS = frozenset({Area.MEMBERS, Area.LOANS, Area.SALES})  # a save to these redraws the charts


@dataclass(frozen=True, slots=True)
class ChartPick:
    """What was clicked: ``chart`` is one of the names above; ``month`` for the monthly charts,
    ``series`` the channel (sales) or the series' name, ``name`` the kecamatan or category."""

    chart: str
    month: Month | None = None
    series: str = ""
    name: str = ""


def _colour(index: int) -> QColor:
    return QColor(PALETTE[index % len(PALETTE)])


def _rupiah_axis(highest: int) -> QCategoryAxis:
    """A value axis labelled in rupiah at round steps: Qt's own formats know no thousands dots."""
    step = _round_step(highest / _TICKS if highest > 0 else 250_000)
    axis = QCategoryAxis()
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    axis.setRange(0, step * _TICKS)
    for tick in range(_TICKS + 1):
        axis.append(axis_rupiah(step * tick), step * tick)
    return axis


def _small_font(font: QFont) -> QFont:
    smaller = QFont(font)
    smaller.setPointSizeF(max(6.5, font.pointSizeF() - 1.5))
    return smaller


def _round_step(raw: float) -> int:
    """The smallest of 1, 2, 2.5, 5 times a power of ten that is at least ``raw``."""
    power = 1
    while power * 10 <= raw:
        power *= 10
    for factor in (1, 2, 2.5, 5, 10):
        if power * factor >= raw:
            return int(power * factor)
    return power * 10


class DashboardCharts(QWidget):
    picked = Signal(object)  # ChartPick
    loaded = Signal()  # the charts of the last load() are drawn (or its error shown)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardCharts")
        self.context = context
        self.history: History | None = None
        self.requested: Month | None = None  # the last month load() was asked for
        self._generation = 0  # which load() the drawing on screen answers
        self.views: dict[str, QChartView] = {}
        self.pages = QStackedWidget()
        self.placeholder = QLabel(self.tr("Memuat grafik…"))
        self.placeholder.setObjectName("dashboardChartsLoading")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setMinimumHeight(220)
        self.drawn = QWidget()
        self.pages.addWidget(self.placeholder)
        self.pages.addWidget(self.drawn)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        grid = QGridLayout(self.drawn)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, name in enumerate((PORTFOLIO, COLLECTIONS, SALES, KECAMATAN)):
            view = QChartView()
            view.setObjectName(f"{name}ChartView")
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumSize(300, 220)
            self.views[name] = view
            grid.addWidget(view, index // 2, index % 2)

    # -- loading ---------------------------------------------------------------------------

    def load(self, last: Month | None = None) -> None:
        """Read twelve months up to ``last`` (this month by default) on the worker thread, then draw.

        The charts on screen stay while the same months are read again (after a save); other months'
        would mislead, so the placeholder stands in for them until the new ones come."""
        today = clock.today()
        month = last or (today.year, today.month)
        context = self.context
        self.requested = month
        if self.history is None or self.history.months[-1] != month:
            self.placeholder.setText(self.tr("Memuat grafik…"))
            self.pages.setCurrentWidget(self.placeholder)

        def work() -> History:
            with context.database.session() as session:
                return read_history(session, context.actor, last=month)

        # In the background, as Beranda's figures: the main window is being built when this first runs,
        # and a nested wait (event loop) inside its constructor is no place to draw.
        self._generation += 1
        generation = self._generation
        run_in_background(self, work, lambda history: self._loaded(generation, history),
                          lambda error: self._failed(generation, error))

    def _loaded(self, generation: int, history: History) -> None:
        if generation == self._generation:  # else a newer load is on its way
            self.show_history(history)
            self.loaded.emit()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        if not isinstance(error, DomainError):
            raise error  # a bug: the crash handler logs it
        self.history = None  # what is drawn is not the month asked for
        self.placeholder.setText(error.message)
        self.pages.setCurrentWidget(self.placeholder)
        self.loaded.emit()

    def show_history(self, history: History) -> None:
        self.history = history
        self.views[PORTFOLIO].setChart(self._portfolio_chart(history))
        self.views[COLLECTIONS].setChart(self._collections_chart(history))
        self.views[SALES].setChart(self._sales_chart(history))
        self.views[KECAMATAN].setChart(self._members_chart(history))
        self.pages.setCurrentWidget(self.drawn)

    # -- the charts ------------------------------------------------------------------------

    def _chart(self, title: str, history: History | None = None) -> QChart:
        chart = QChart()
        if history is not None:
            title = f"{title} ({short_month_name(history.months[0])} – {short_month_name(history.months[-1])})"
        chart.setTitle(title)
        font = QFont(chart.titleFont())
        font.setBold(True)
        chart.setTitleFont(font)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        return chart

    def _month_axis(self, chart: QChart, history: History, series) -> None:
        axis = QBarCategoryAxis()
        # The month alone ("Jan"): twelve with years do not fit at 1024 px; the title names the span.
        axis.append([month_abbreviation(month) for month in history.months])
        axis.setLabelsFont(_small_font(axis.labelsFont()))
        axis.setTruncateLabels(False)  # three letters fit a month's width; Qt cut them to "J…" beside the sales legend
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis)

    def _money_bars(self, chart_name: str, history: History, values: dict[str, list[int]], *, stacked: bool = False):
        series = QStackedBarSeries() if stacked else QBarSeries()
        for index, (name, amounts) in enumerate(values.items()):
            bar_set = QBarSet(name)
            bar_set.append([float(amount) for amount in amounts])
            bar_set.setColor(_colour(index))
            bar_set.setBorderColor(_colour(index))
            bar_set.hovered.connect(lambda state, at, name=name, amounts=amounts: self._tip(state, history, at, name, amounts))
            series.append(bar_set)
        series.clicked.connect(lambda at, bar_set, chart_name=chart_name: self.picked.emit(
            ChartPick(chart_name, history.months[at], bar_set.label())))
        return series

    def _tip(self, state: bool, history: History, at: int, name: str, amounts: list[int]) -> None:
        if state:
            QToolTip.showText(QCursor.pos(), f"{month_name(history.months[at])}\n{name}: {format_rupiah(amounts[at])}")
        else:
            QToolTip.hideText()

    def _portfolio_chart(self, history: History) -> QChart:
        chart = self._chart(self.tr("Sisa pokok pinjaman dan PAR30"), history)
        bars = self._money_bars(PORTFOLIO, history, {self.tr("Sisa pokok"): [p.outstanding for p in history.portfolio]})
        chart.addSeries(bars)
        self._month_axis(chart, history, bars)
        money = _rupiah_axis(max((p.outstanding for p in history.portfolio), default=0))
        chart.addAxis(money, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(money)
        line = QLineSeries()
        line.setName(self.tr("PAR30 (%)"))
        line.setColor(_colour(3))
        line.setPointsVisible(True)
        for index, point in enumerate(history.portfolio):
            line.append(QPointF(index, point.par30 * 100))
        chart.addSeries(line)
        share = QValueAxis()
        share.setRange(0, max(10.0, max((p.par30 * 100 for p in history.portfolio), default=0) * 1.2))
        share.setLabelFormat("%.0f%%")
        share.applyNiceNumbers()
        share.setGridLineVisible(False)
        chart.addAxis(share, Qt.AlignmentFlag.AlignRight)
        line.attachAxis(share)
        hidden = QValueAxis()  # the line's points sit on the bars' categories 0..11
        hidden.setRange(-0.5, len(history.months) - 0.5)
        hidden.setVisible(False)
        chart.addAxis(hidden, Qt.AlignmentFlag.AlignBottom)
        line.attachAxis(hidden)
        line.clicked.connect(lambda point: self.picked.emit(ChartPick(PORTFOLIO, history.months[round(point.x())], "PAR30")))
        line.hovered.connect(lambda point, state: QToolTip.showText(QCursor.pos(), self.tr("{month}\nPAR30: {par}").format(
            month=month_name(history.months[round(point.x())]), par=percent(history.portfolio[round(point.x())].par30))) if state else None)
        return chart

    def _collections_chart(self, history: History) -> QChart:
        chart = self._chart(self.tr("Angsuran jatuh tempo dan tertagih"), history)
        bars = self._money_bars(COLLECTIONS, history, {
            self.tr("Jatuh tempo"): [p.due for p in history.collections],
            self.tr("Tertagih"): [p.collected for p in history.collections],
        })
        chart.addSeries(bars)
        self._month_axis(chart, history, bars)
        money = _rupiah_axis(max((max(p.due, p.collected) for p in history.collections), default=0))
        chart.addAxis(money, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(money)
        return chart

    def _sales_chart(self, history: History) -> QChart:
        chart = self._chart(self.tr("Penjualan per bulan menurut saluran"), history)
        # Six channels or more: in one row under the chart Qt cut their names ("Pasar lo…") at 1024 px;
        # a column on the right holds each name whole, the longest cut only past a third of the chart.
        legend = chart.legend()
        legend.setAlignment(Qt.AlignmentFlag.AlignRight)
        legend.setFont(_small_font(legend.font()))
        legend.setShowToolTips(True)  # a name still cut shows whole under the pointer
        bars = self._money_bars(SALES, history, {name: list(history.sales[name]) for name in history.channels}, stacked=True)
        chart.addSeries(bars)
        self._month_axis(chart, history, bars)
        totals = [sum(values[i] for values in history.sales.values()) for i in range(len(history.months))]
        money = _rupiah_axis(max(totals, default=0))
        chart.addAxis(money, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(money)
        return chart

    def _members_chart(self, history: History) -> QChart:
        """Members by kecamatan (the largest eight) and by category, side by side as two sets of bars."""
        chart = self._chart(self.tr("Anggota menurut kecamatan dan kategori"))
        chart.legend().hide()
        rows: list[tuple[str, str, Count]] = [(KECAMATAN, "", count) for count in history.members_by_kecamatan[:6]]
        rows += [(CATEGORY, "", count) for count in history.members_by_category if count.count]
        rows.reverse()  # a horizontal chart draws its first category at the bottom
        series = QHorizontalStackedBarSeries()
        kecamatan, category = QBarSet(self.tr("Kecamatan")), QBarSet(self.tr("Kategori"))
        for bar_set, colour, kind in ((kecamatan, _colour(0), KECAMATAN), (category, _colour(1), CATEGORY)):
            bar_set.append([float(count.count) if chart_kind == kind else 0.0 for chart_kind, _, count in rows])
            bar_set.setColor(colour)
            bar_set.setBorderColor(colour)
            series.append(bar_set)
        series.setBarWidth(0.75)  # stacked: in each row one set is zero, the other takes the whole bar
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        series.setLabelsPosition(QHorizontalStackedBarSeries.LabelsPosition.LabelsInsideEnd)
        for bar_set in (kecamatan, category):
            bar_set.setLabelColor(QColor("white"))
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append([count.name if len(count.name) <= 28 else count.name[:27] + "…" for _, _, count in rows])
        names.setLabelsFont(_small_font(names.labelsFont()))
        names.setTruncateLabels(False)  # Qt would cut every name to "…" however wide the chart; they are cut at 28 above
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(names)
        counts = QValueAxis()
        counts.setRange(0, max((count.count for _, _, count in rows), default=1) * 1.1 or 1)
        counts.setLabelFormat("%d")
        counts.applyNiceNumbers()
        chart.addAxis(counts, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(counts)
        series.clicked.connect(lambda at, bar_set: self.picked.emit(ChartPick(rows[at][0], name=rows[at][2].name)))
        return chart

