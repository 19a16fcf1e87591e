"""Mode kabupaten's Beranda: an office's own tiles and charts, fed by the chosen offices added up, and the offices
side by side (PAR30, collection rate, people trained, sales) with the day each one's data is as of.

The tiles are ``gui/dashboard/tiles.Tiles`` and the charts ``gui/dashboard/charts.DashboardCharts``, the very
widgets of an office's Beranda: only their figures come from elsewhere (``services/district/beranda``).
"""

from __future__ import annotations

import uuid
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from koperasi.domain.dates import format_date
from koperasi.domain.district.figures import OfficeLine
from koperasi.gui.columns import fit_columns
from koperasi.gui.context import AppContext
from koperasi.gui.dashboard.cards import ALERT
from koperasi.gui.dashboard.charts import DashboardCharts
from koperasi.gui.dashboard.tiles import Tiles
from koperasi.gui.district.office_columns import comparison_columns
from koperasi.gui.list_model import Column
from koperasi.gui.tables import TipTableModel, make_table
from koperasi.reports.district.consolidated import STALE_MARK
from koperasi.services.district.beranda import DistrictBeranda, district_beranda
from koperasi.services.district.receiving import list_offices

WHOLE, KECAMATAN, OFFICE = "semua", "kecamatan:", "kantor:"  # a choice's data: WHOLE, or the prefix and a name or id
TABLE_ROWS = 11  # the kabupaten's offices, one a kecamatan, without a scrollbar of their own


class DistrictBerandaTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("districtBerandaTab")
        self.context = context
        self.seen: DistrictBeranda | None = None
        self.heading = QLabel(objectName="districtBerandaHeading", textFormat=Qt.TextFormat.RichText)
        self.scope = QComboBox(objectName="districtBerandaScope")
        self.scope.setMinimumContentsLength(22)
        self.scope.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        scope_label = QLabel(self.tr("&Tampilkan:"))
        scope_label.setBuddy(self.scope)
        header = QHBoxLayout()
        header.addWidget(self.heading, 1)
        header.addWidget(scope_label)
        header.addWidget(self.scope)
        self.note = QLabel(objectName="districtBerandaNote", wordWrap=True, textFormat=Qt.TextFormat.RichText)

        self.office_model = TipTableModel([
            Column(self.tr("Kantor"), lambda line: line.label),
            Column(self.tr("Data per"), self._as_of),
            *comparison_columns(narrow=False),
        ], parent=self)
        self.office_table = make_table("districtBerandaOffices", self.office_model)
        self.tiles = Tiles()
        self.charts = DashboardCharts(context)

        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.note)
        column.addWidget(QLabel(f"<b>{escape(self.tr('Perbandingan kantor'))}</b>"))
        column.addWidget(self.office_table)
        column.addWidget(self.tiles)
        column.addWidget(self.charts)
        column.addStretch()
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setWidget(page)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(area, 1)
        self.scope.currentIndexChanged.connect(lambda _index: self.refresh())
        self.refresh()

    def _as_of(self, line: OfficeLine) -> str:
        day = format_date(line.as_of) if line.as_of else self.tr("belum ada paket")
        return f"{day} · {STALE_MARK}" if line.stale else day

    def refresh(self) -> None:
        """Read the chosen offices again (after a packet, a registration or another choice) and show them."""
        with self.context.database.session() as session:
            self._fill_scope(session)
            chosen = self.scope.currentData() or WHOLE
            self.seen = seen = district_beranda(
                session, self.context.actor,
                office_id=uuid.UUID(chosen.removeprefix(OFFICE)) if chosen.startswith(OFFICE) else None,
                kecamatan=chosen.removeprefix(KECAMATAN) if chosen.startswith(KECAMATAN) else None)
        self.heading.setText("<h2>" + escape(self.tr("Beranda {kabupaten}").format(kabupaten=seen.kabupaten))
                             + "</h2><p>" + escape(self.tr("Gabungan angka kantor, per {day}").format(
                                 day=format_date(seen.today))) + "</p>")
        self.office_model.set_rows(seen.offices)
        self.office_table.setFixedHeight(self._table_height(len(seen.offices)))
        fit_columns(self.office_table, 0)
        self.tiles.show_figures(seen.figures)
        self.charts.setVisible(seen.history is not None)
        if seen.history is not None:
            self.charts.show_history(seen.history)
        self._show_note(seen)

    def _table_height(self, rows: int) -> int:
        table = self.office_table
        shown = max(1, min(rows, TABLE_ROWS))
        return table.horizontalHeader().sizeHint().height() + shown * table.verticalHeader().defaultSectionSize() + 4

    def _show_note(self, seen: DistrictBeranda) -> None:
        held = sum(line.figures is not None for line in seen.offices)
        parts = [escape(self.tr("{held} dari {offices} kantor sudah mengirim paket.").format(
            held=held, offices=len(seen.offices)))]
        stale = [line.label for line in seen.offices if line.stale]
        if stale:
            parts.append(f"<span style='color:{ALERT}'>" + escape(self.tr(
                "{mark}: paket {offices} lebih lama dari {days} hari atau belum ada. Minta kantor itu mengirim laporan baru."
            ).format(mark=STALE_MARK, offices=", ".join(stale), days=seen.stale_days)) + "</span>")
        if seen.counts_only:
            parts.append(escape(self.tr(
                "Paket versi lama dari {offices}: hanya jumlahnya yang masuk, tanpa rincian kecamatan, saluran dan program."
            ).format(offices=", ".join(seen.counts_only))))
        if seen.history is None and held:
            parts.append(escape(self.tr("Grafik muncul setelah ada paket yang membawa laporan bulanan.")))
        self.note.setText("<br/>".join(parts))

    def _fill_scope(self, session) -> None:
        """The whole kabupaten, each kecamatan with an office, each office; keeps the choice when it still exists."""
        offices = list_offices(session, self.context.actor)
        choices = [(self.tr("Semua kantor"), WHOLE)]
        choices += [(self.tr("Kecamatan {name}").format(name=name), KECAMATAN + name)
                    for name in sorted({office.kecamatan for office in offices if office.kecamatan})]
        choices += [(office.label, OFFICE + str(office.id)) for office in offices]
        if [(self.scope.itemText(i), self.scope.itemData(i)) for i in range(self.scope.count())] == choices:
            return
        current = self.scope.currentData()
        self.scope.blockSignals(True)
        self.scope.clear()
        for text, data in choices:
            self.scope.addItem(text, data)
        self.scope.setCurrentIndex(max(0, self.scope.findData(current)))
        self.scope.blockSignals(False)
