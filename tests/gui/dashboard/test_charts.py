"""Beranda's charts: drawn from the monthly history, in rupiah and Indonesian months, and a click says what it was."""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QCategoryAxis, QStackedBarSeries
from PySide6.QtCore import Qt

from koperasi.gui.dashboard.charts import KECAMATAN, SALES, ChartPick, DashboardCharts
from tests.sales_support import SalesOffice
from tests.loan_support import loan_office


def _office_with_a_sale(context) -> None:
    office = loan_office(context.database, context.actor)
    shop = SalesOffice(office)
    producer, rice = shop.producer(), shop.product()
    shop.intake(producer, rice, 100_000, on=date(2026, 9, 1))
    shop.sell((producer, rice, 10_000, 15_000), on=date(2026, 10, 12))


def test_the_four_charts_show_twelve_months_in_indonesian_and_rupiah(qtbot, context):
    _office_with_a_sale(context)
    charts = DashboardCharts(context)
    qtbot.addWidget(charts)
    with qtbot.waitSignal(charts.loaded, timeout=20_000):
        charts.load((2026, 10))
    sales = charts.views[SALES].chart()
    months = [axis for axis in sales.axes() if not isinstance(axis, QCategoryAxis)][0]
    assert months.categories()[-3:] == ["Agu", "Sep", "Okt"]
    # Six channels' names in one row under the chart were cut ("Pasar lo…") at 1024 px: a column beside it, months whole.
    assert sales.legend().alignment() == Qt.AlignmentFlag.AlignRight and not months.truncateLabels()
    money = [axis for axis in sales.axes() if isinstance(axis, QCategoryAxis)][0]
    assert money.categoriesLabels()[0] == "Rp0" and all(label.startswith("Rp") for label in money.categoriesLabels())
    series = sales.series()[0]
    assert isinstance(series, QStackedBarSeries)
    assert [series.barSets()[0].at(i) for i in range(12)][-2:] == [0.0, 150_000.0]
    # The members chart writes its kecamatan and categories out: Qt cut each name to "…" however wide the chart was.
    names = [axis for axis in charts.views[KECAMATAN].chart().axes() if isinstance(axis, QBarCategoryAxis)][0]
    assert not names.truncateLabels() and names.categories()


def test_clicking_a_sales_bar_picks_its_month_and_channel(qtbot, context):
    _office_with_a_sale(context)
    charts = DashboardCharts(context)
    qtbot.addWidget(charts)
    with qtbot.waitSignal(charts.loaded, timeout=20_000):
        charts.load((2026, 10))
    series = charts.views[SALES].chart().series()[0]
    bar_set = series.barSets()[0]
    with qtbot.waitSignal(charts.picked) as blocker:
        series.clicked.emit(11, bar_set)
    assert blocker.args == [ChartPick(SALES, (2026, 10), bar_set.label())]


def test_the_placeholder_stands_in_until_a_month_is_drawn_and_stays_off_for_the_same_months(qtbot, context):
    charts = DashboardCharts(context)
    qtbot.addWidget(charts)
    with qtbot.waitSignal(charts.loaded, timeout=20_000):
        charts.load((2026, 10))
        assert charts.pages.currentWidget() is charts.placeholder  # nothing drawn yet
    assert charts.pages.currentWidget() is not charts.placeholder
    assert isinstance(charts.views["collections"].chart().series()[0], QBarSeries)
    with qtbot.waitSignal(charts.loaded, timeout=20_000):
        charts.load((2026, 10))  # after a save: the same months stay on screen while read again
        assert charts.pages.currentWidget() is not charts.placeholder
    with qtbot.waitSignal(charts.loaded, timeout=20_000):
        charts.load((2025, 3))  # another month's: the old drawing would mislead
        assert charts.pages.currentWidget() is charts.placeholder
    assert charts.history.months[-1] == (2025, 3)


def test_a_sales_bar_opens_penjualan_on_that_month_and_channel(qtbot, context):
    from koperasi.gui.main_window import MainWindow

    _office_with_a_sale(context)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.open_chart_pick(ChartPick(SALES, (2026, 10), "Pasar lokal"))
    view = window.sales.sales_view
    assert window.form.mainTabs.currentWidget() is window.sales and window.sales.pages.currentWidget() is view
    assert (view.from_edit.date().toPython(), view.to_edit.date().toPython()) == (date(2026, 10, 1), date(2026, 10, 31))
    assert view.channel_filter.currentText() == "Pasar lokal"
    assert [view.model.row(view.model.index(i, 0)).total for i in range(view.model.rowCount())] == [150_000]


def test_a_portfolio_month_opens_the_arrears_as_of_its_end(qtbot, context):
    from koperasi.gui.dashboard.charts import PORTFOLIO
    from koperasi.gui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    window.open_chart_pick(ChartPick(PORTFOLIO, (2026, 6), "Sisa pokok"))
    assert window.loans.arrears_view.report.as_of == date(2026, 6, 30)
    assert window.loans.pages.currentWidget() is window.loans.arrears_view
