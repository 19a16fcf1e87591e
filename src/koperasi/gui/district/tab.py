"""Mode kabupaten's one tab: the kabupaten's figures, the offices side by side, each kecamatan.

Read only: the district takes packets in (Terima paket…) and registers offices, nothing else; what an
office's rows say changes only with that office's next packet.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from koperasi.domain.dates import format_date
from koperasi.domain.district.figures import Consolidated, OfficeLine
from koperasi.domain.errors import DomainError
from koperasi.domain.money import format_rupiah, percent
from koperasi.domain.roles import Permission
from koperasi.gui import glossary
from koperasi.gui.breakdown_view import save_report
from koperasi.gui.busy import Steps, run_busy
from koperasi.gui.columns import fit_columns
from koperasi.gui.context import AppContext
from koperasi.gui.dashboard.cards import ALERT, thousands
from koperasi.gui.district.monthly_dialog import open_district_monthly
from koperasi.gui.district.office_columns import comparison_columns, figure
from koperasi.gui.district.register_dialog import RegisterOfficeDialog, show_results
from koperasi.gui.list_model import Column
from koperasi.gui.messages import show_error
from koperasi.gui.tables import TipTableModel, make_table
from koperasi.reports.district.consolidated import STALE_MARK, suggested_name, write_consolidated_pdf, write_consolidated_xlsx
from koperasi.services.district.consolidated import consolidated
from koperasi.services.district.receiving import import_packets, packet_files

ALL = "__semua__"


def _impact(line: OfficeLine, show) -> str:
    """An impact figure, "—" before a packet, "versi 1" for a packet of the format without them."""
    if line.figures is None:
        return "—"
    return show(line.impact) if line.impact is not None else QCoreApplication.translate("DistrictTab", "paket versi 1")


def _rupiah_or_dash(amount: int | None) -> str:
    return format_rupiah(amount) if amount is not None else "—"


class DistrictTab(QWidget):
    changed = Signal()  # a packet was taken in or an office registered: Beranda reads again

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("districtTab")
        self.context = context
        self.view: Consolidated | None = None
        can_exchange = context.actor.can(Permission.EXCHANGE_REPORTS)
        self.heading = QLabel(objectName="districtHeading")
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold; color: #1B5E3B")
        self.receive_button = QPushButton(self.tr("&Terima paket…"), objectName="districtReceiveButton")
        self.register_button = QPushButton(self.tr("&Daftarkan kantor…"), objectName="districtRegisterButton")
        self.monthly_button = QPushButton(self.tr("Laporan &bulanan…"), objectName="districtMonthlyButton")
        self.pdf_button = QPushButton(self.tr("Simpan &PDF…"), objectName="districtPdfButton")
        self.xlsx_button = QPushButton(self.tr("Simpan &Excel…"), objectName="districtXlsxButton")
        for button in (self.receive_button, self.register_button):
            button.setEnabled(can_exchange)
        self.kecamatan_filter = QComboBox(objectName="districtKecamatanFilter")
        self.kecamatan_filter.setMinimumContentsLength(16)
        filter_label = QLabel(self.tr("&Kecamatan kantor:"))
        filter_label.setBuddy(self.kecamatan_filter)
        self.totals = QLabel(objectName="districtTotals", wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.note = QLabel(objectName="districtNote", wordWrap=True)

        # Headers on two lines and the LAMA mark beside the day: the thirteen figures fit 1024 px without scrolling.
        self.office_model = TipTableModel([
            Column(self.tr("Kantor"), lambda line: line.label),
            Column(self.tr("Kecamatan"), lambda line: line.kecamatan or "—"),
            Column(self.tr("Data per"), self._as_of, tip=self.tr(
                "Hari data kantor itu; LAMA: paket lebih lama dari batas di Pengaturan, atau belum ada.")),
            Column(self.tr("Anggota"), lambda line: figure(line, lambda f: thousands(f.members)), align_right=True),
            Column(self.tr("Sisa\npokok"), lambda line: figure(line, lambda f: format_rupiah(f.outstanding)), align_right=True),
            *comparison_columns(narrow=True),
            Column(self.tr("RT\nterjangkau"), lambda line: _impact(line, lambda i: thousands(i.reached)), align_right=True,
                   tip=self.tr("Rumah tangga yang tahun ini menerima pinjaman, ikut pelatihan atau dikunjungi.")),
            Column(self.tr("Median\nperubahan\npendapatan"),
                   lambda line: _impact(line, lambda i: _rupiah_or_dash(i.median_income_change)), align_right=True,
                   tip=self.tr("Median perubahan pendapatan bulanan rumah tangga yang dikunjungi ulang tahun ini.")),
            Column(self.tr("Anak\nkembali\nsekolah"), lambda line: _impact(line, lambda i: thousands(i.children_back_in_school)),
                   align_right=True),
        ], parent=self)
        self.office_table = make_table("districtOfficeTable", self.office_model)
        self.kecamatan_model = TipTableModel([
            Column(self.tr("Kecamatan"), lambda line: line.kecamatan),
            Column(self.tr("Anggota aktif"), lambda line: thousands(line.members), align_right=True),
            Column(self.tr("Perempuan"), lambda line: thousands(line.women), align_right=True),
            Column(self.tr("Pinjaman berjalan"), lambda line: thousands(line.loans), align_right=True),
            Column(self.tr("Sisa pokok"), lambda line: format_rupiah(line.outstanding), align_right=True),
            Column(self.tr("PAR30"), lambda line: percent(line.par30), align_right=True, tip=glossary.par30()),
            Column(self.tr("Peserta pelatihan"), lambda line: thousands(line.trained_in_year), align_right=True,
                   tip=self.tr("Orang yang ikut pelatihan tahun ini, menurut kecamatan peserta.")),
            Column(self.tr("Lulus"), lambda line: thousands(line.completed_in_year), align_right=True),
            Column(self.tr("Penjualan tahun ini"), lambda line: format_rupiah(line.sales_in_year), align_right=True,
                   tip=self.tr("Penjualan titipan tahun ini, menurut kecamatan penitip.")),
        ], parent=self)
        self.kecamatan_table = make_table("districtKecamatanTable", self.kecamatan_model)

        buttons = QHBoxLayout()
        for widget in (self.receive_button, self.register_button):
            buttons.addWidget(widget)
        buttons.addSpacing(12)
        buttons.addWidget(filter_label)
        buttons.addWidget(self.kecamatan_filter)
        buttons.addStretch(1)
        buttons.addWidget(self.monthly_button)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.xlsx_button)
        split = QSplitter(Qt.Orientation.Vertical)
        for title, table in ((self.tr("Per kantor"), self.office_table), (self.tr("Per kecamatan"), self.kecamatan_table)):
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 4, 0, 0)
            box_layout.addWidget(QLabel(f"<b>{title}</b>"))
            box_layout.addWidget(table)
            split.addWidget(box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(buttons)
        layout.addWidget(self.totals)
        layout.addWidget(self.note)
        layout.addWidget(split, 1)

        self.receive_button.clicked.connect(self.receive)
        self.register_button.clicked.connect(self.register)
        self.monthly_button.clicked.connect(self.monthly)
        self.pdf_button.clicked.connect(lambda: self._save("pdf"))
        self.xlsx_button.clicked.connect(lambda: self._save("xlsx"))
        self.kecamatan_filter.currentIndexChanged.connect(lambda _index: self.refresh())
        self.refresh()

    def _as_of(self, line: OfficeLine) -> str:
        day = f"{line.as_of:%d-%m-%Y}" if line.as_of else self.tr("belum ada")
        return f"{day} {STALE_MARK}" if line.stale else day

    def refresh(self) -> None:
        chosen = self.kecamatan_filter.currentData()
        with self.context.database.session() as session:
            self.view = consolidated(session, self.context.actor, kecamatan=None if chosen in (None, ALL) else chosen)
            if chosen in (None, ALL):
                self._fill_filter(sorted({line.kecamatan for line in self.view.offices if line.kecamatan}))
        view = self.view
        self.heading.setText(self.tr("Konsolidasi {kabupaten} — per {day}").format(
            kabupaten=view.kabupaten, day=format_date(view.today)))
        total = view.total
        held = sum(line.figures is not None for line in view.offices)
        self.totals.setText(self.tr(
            "<b>{members}</b> anggota aktif ({women} perempuan) · sisa pokok <b>{outstanding}</b> · PAR30 <b>{par}</b> · "
            "penagihan bulan ini <b>{rate}</b> · <b>{trained}</b> peserta pelatihan · penjualan tahun ini <b>{sales}</b>"
            " — {held} dari {offices} kantor sudah mengirim paket"
        ).format(members=thousands(total.members), women=thousands(total.women), outstanding=format_rupiah(total.outstanding),
                 par=percent(total.par30), rate=percent(total.collection_rate), trained=thousands(total.trained_in_year),
                 sales=format_rupiah(total.sales_in_year), held=held, offices=len(view.offices))
            + "<br/>" + self.tr(
            "Dampak tahun ini: <b>{reached}</b> rumah tangga terjangkau · median perubahan pendapatan <b>{median}</b>"
            " ({followed} rumah tangga dikunjungi ulang) · <b>{school}</b> anak kembali sekolah"
            " · <b>{business}</b> usaha mulai/berkembang"
        ).format(reached=thousands(view.impact.reached), median=_rupiah_or_dash(view.impact.median_income_change),
                 followed=thousands(view.impact.followed_up), school=thousands(view.impact.children_back_in_school),
                 business=thousands(view.impact.businesses_started_or_grown))
            + (self.tr(" — belum termasuk (paket versi 1): {offices}").format(offices=", ".join(view.without_impact))
               if view.without_impact else ""))
        stale = [line.label for line in view.offices if line.stale]
        if not view.offices:
            self.note.setText(self.tr(
                "Belum ada kantor terdaftar. Daftarkan tiap kantor dengan sidik kunci dari lembar pendaftarannya "
                "(Daftarkan kantor…), lalu terima paket laporan mereka dari flashdisk (Terima paket…)."))
        elif stale:
            self.note.setText(self.tr("{mark}: paket {offices} lebih lama dari {days} hari atau belum ada. "
                                      "Minta kantor itu mengirim laporan baru.").format(
                mark=STALE_MARK, offices=", ".join(stale), days=view.stale_days))
        else:
            self.note.setText("")
        self.note.setStyleSheet(f"color: {ALERT}" if stale else "")
        self.note.setVisible(bool(self.note.text()))
        self.office_model.set_rows(view.offices)
        self.kecamatan_model.set_rows(view.by_kecamatan)
        fit_columns(self.office_table, 0, {1: 110}, minimum=110)
        fit_columns(self.kecamatan_table, 0)

    def _fill_filter(self, names: list[str]) -> None:
        if [self.kecamatan_filter.itemData(i) for i in range(1, self.kecamatan_filter.count())] == names:
            return
        self.kecamatan_filter.blockSignals(True)
        self.kecamatan_filter.clear()
        self.kecamatan_filter.addItem(self.tr("Semua"), ALL)
        for name in names:
            self.kecamatan_filter.addItem(name, name)
        self.kecamatan_filter.blockSignals(False)

    def receive(self, folder: Path | None = None) -> None:
        if not folder:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Pilih folder atau flashdisk berisi paket laporan"))
            if not chosen:
                return
            folder = Path(chosen)
        steps = Steps()

        def work():
            with self.context.database.session() as session:
                return import_packets(session, self.context.actor, packet_files(folder), progress=steps.report,
                                      stop=steps.cancelled)

        try:
            results = run_busy(self, self.tr("Menerima paket laporan…"), work, steps=steps)
        except DomainError as error:
            show_error(self, self.tr("Terima paket"), error.message)
            return
        self.refresh()
        self.changed.emit()
        show_results(self, results)

    def monthly(self) -> None:
        chosen = self.kecamatan_filter.currentData()
        open_district_monthly(self, self.context, kecamatan=None if chosen in (None, ALL) else chosen)

    def register(self) -> None:
        if RegisterOfficeDialog(self.context, self).exec():
            self.refresh()
            self.changed.emit()

    def _save(self, kind: str) -> None:
        if self.view is None:
            return
        save_report(self, self.view, kind, file_name=suggested_name(self.view, kind),
                    dialog_title=self.tr("Simpan konsolidasi"), writers=(write_consolidated_pdf, write_consolidated_xlsx),
                    done_title=self.tr("Konsolidasi"), done_text=self.tr("Konsolidasi tersimpan di {path}."))

