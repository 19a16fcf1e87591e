"""Penjualan: sales and their nota, consignment intake and stock, payouts to producers, the report."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from koperasi.gui.context import AppContext
from koperasi.gui.sales.payouts_view import PayoutsView
from koperasi.gui.sales.report_view import ReportView
from koperasi.gui.sales.sales_view import SalesView
from koperasi.gui.sales.stock_view import StockView


class SalesTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("salesTab")
        self.context = context
        self.sales_view = SalesView(context)
        self.stock_view = StockView(context)
        self.payouts_view = PayoutsView(context)
        self.report_view = ReportView(context)
        self.pages = QTabWidget(objectName="salesPages")
        self.pages.addTab(self.sales_view, self.tr("Penjualan"))
        self.pages.addTab(self.stock_view, self.tr("Titipan && stok"))
        self.pages.addTab(self.payouts_view, self.tr("Pembayaran"))
        self.pages.addTab(self.report_view, self.tr("Laporan"))
        self.pages.currentChanged.connect(self._page_changed)
        for view in (self.sales_view, self.stock_view, self.payouts_view):
            view.changed.connect(self._mark_stale)
        self._stale: set[QWidget] = set()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    def _mark_stale(self) -> None:
        """Something moved stock or money: the other pages reload when they are shown next."""
        self._stale = {self.sales_view, self.stock_view, self.payouts_view} - {self.pages.currentWidget()}
        self.report_view.report = None

    def _page_changed(self, index: int) -> None:
        page = self.pages.widget(index)
        if page is self.report_view:
            self.report_view.ensure_loaded()
        elif page in self._stale:
            self._stale.discard(page)
            page.reload()

    def books_changed(self) -> None:
        """A reversal was approved elsewhere (Berkas): the page on screen reloads now, the others when shown."""
        self._mark_stale()
        current = self.pages.currentWidget()
        if current in (self.sales_view, self.stock_view, self.payouts_view):
            current.reload()

    def catalogue_changed(self) -> None:
        """Products, channels or rates changed in the Katalog penjualan dialog."""
        self.sales_view.refill_channels()
        self.stock_view.reload()
