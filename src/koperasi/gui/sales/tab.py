"""Penjualan: sales and their nota, consignment intake and stock, payouts to producers, the report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from koperasi.gui.context import AppContext
from koperasi.gui.lazy_tabs import LazyTabs
from koperasi.gui.sales.sales_view import SalesView

if TYPE_CHECKING:
    from koperasi.gui.sales.payouts_view import PayoutsView
    from koperasi.gui.sales.report_view import ReportView
    from koperasi.gui.sales.stock_view import StockView


class SalesTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("salesTab")
        self.context = context
        self.sales_view = SalesView(context)
        self.pages = QTabWidget(objectName="salesPages")
        self.pages.addTab(self.sales_view, self.tr("Penjualan"))
        # The pages after the first are built when first shown or asked for, as the main window's tabs are:
        # built with the tab they were 11-12 MB of widgets and lists, for pages many visits never open.
        self._later = LazyTabs(self.pages, context)
        self._later.add("stock", self.tr("Titipan && stok"), self._build_stock)
        self._later.add("payouts", self.tr("Pembayaran"), self._build_payouts)
        self._later.add("report", self.tr("Laporan"), self._build_report)
        self.pages.currentChanged.connect(self._page_changed)
        self.sales_view.changed.connect(self._mark_stale)
        self._stale: set[QWidget] = set()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    @property
    def stock_view(self) -> StockView:
        return self._later.get("stock")

    @property
    def payouts_view(self) -> PayoutsView:
        return self._later.get("payouts")

    @property
    def report_view(self) -> ReportView:
        return self._later.get("report")

    def _build_stock(self) -> StockView:
        from koperasi.gui.sales.stock_view import StockView

        view = StockView(self.context)
        view.changed.connect(self._mark_stale)
        return view

    def _build_payouts(self) -> PayoutsView:
        from koperasi.gui.sales.payouts_view import PayoutsView

        view = PayoutsView(self.context)
        view.changed.connect(self._mark_stale)
        return view

    def _build_report(self) -> ReportView:
        from koperasi.gui.sales.report_view import ReportView

        return ReportView(self.context)

    def _built_pages(self) -> set[QWidget]:
        """The pages that keep a list to reload (a page not built yet reads when it is built)."""
        return {self.sales_view} | {page for name in ("stock", "payouts") if (page := self._later.built(name)) is not None}

    def _mark_stale(self) -> None:
        """Something moved stock or money: the other pages reload when they are shown next."""
        self._stale = self._built_pages() - {self.pages.currentWidget()}
        if (report := self._later.built("report")) is not None:
            report.report = None

    def _page_changed(self, index: int) -> None:
        page = self.pages.widget(index)
        if page is self._later.built("report"):
            self.report_view.ensure_loaded()
        elif page in self._stale:
            self._stale.discard(page)
            page.reload()

    def books_changed(self) -> None:
        """A reversal was approved elsewhere (Berkas): the page on screen reloads now, the others when shown."""
        self._mark_stale()
        current = self.pages.currentWidget()
        if current in self._built_pages():
            current.reload()

    def catalogue_changed(self) -> None:
        """Products, channels or rates changed in the Katalog penjualan dialog."""
        self.sales_view.refill_channels()
        if (stock := self._later.built("stock")) is not None:
            stock.reload()
