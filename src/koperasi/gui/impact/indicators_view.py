"""Indikator: what changed for the households in a period, in total and by a breakdown, and the funder's report.

Each column's header says in its tooltip how the figure is computed (the same words as the report's notes).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from koperasi import clock
from koperasi.domain.dates import date_range
from koperasi.domain.errors import DomainError
from koperasi.domain.impact.cohorts import HOW_COHORTS, CohortBasis, CohortRow, CohortSpan
from koperasi.domain.impact.indicators import COLUMNS, HOW, Dimension
from koperasi.domain.impact.papers import GroupFigures
from koperasi.domain.money import format_rupiah
from koperasi.domain.roles import Permission
from koperasi.gui.breakdown_view import TotalModel, save_report
from koperasi.gui.busy import run_busy
from koperasi.gui.columns import fit_columns
from koperasi.gui.context import AppContext
from koperasi.gui.date_field import date_edit
from koperasi.gui.empty_list import EmptyListNote
from koperasi.gui.flow_layout import FlowLayout
from koperasi.gui.list_model import Column
from koperasi.gui.messages import show_error
from koperasi.gui.pdf_preview import PdfPreviewDialog, show_preview, write_to_bytes
from koperasi.gui.screen_fit import narrow_combo
from koperasi.gui.tables import TipTableModel, make_table
from koperasi.services.impact import indicators as impact_indicators

FUND, PROGRAMME = "fund", "programme"


class IndicatorsView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("indicatorsView")
        self.context = context
        today = clock.today()
        self.from_edit = date_edit("indicatorsFromEdit", date(today.year, 1, 1))
        self.to_edit = date_edit("indicatorsToEdit", today)
        self.scope_combo = narrow_combo(QComboBox(objectName="indicatorsScopeCombo"), 30)
        self.scope_combo.setToolTip(self.tr("Rumah tangga yang dihitung: semua anggota, peminjam dari satu sumber dana, "
                                            "atau peserta satu program pelatihan"))
        self.dimension_combo = QComboBox(objectName="indicatorsDimensionCombo")
        self.dimension_combo.addItem(self.tr("Tanpa rincian"), None)
        for dimension in Dimension:
            self.dimension_combo.addItem(self.tr("Menurut {what}").format(what=dimension.label.lower()), dimension.value)
        self.show_button = QPushButton(self.tr("&Hitung"), objectName="indicatorsShowButton")
        self.show_button.clicked.connect(self.reload)
        filters = FlowLayout()  # wraps on a 1024 px laptop
        for label, widget in ((self.tr("&Dari:"), self.from_edit), (self.tr("&Sampai:"), self.to_edit),
                              (self.tr("&Lingkup:"), self.scope_combo), (self.tr("&Rincian:"), self.dimension_combo)):
            filters.addWidget(_labelled(label, widget))
        filters.addWidget(self.show_button)
        self.summary = QLabel(objectName="indicatorsSummary")
        self.summary.setWordWrap(True)
        self.summary.setToolTip(HOW["reached"] + "\n\n" + HOW["loans_on_time"])
        columns = [Column(self.tr("Kelompok"), lambda g: g.label)]
        columns += [Column(_two_lines(title), lambda g, cell=cell: cell(g.figures), align_right=index < 3, tip=HOW[key])
                    for index, (title, key, cell) in enumerate(COLUMNS)]
        self.model = TotalModel(columns, parent=self)
        self.table = make_table("indicatorsTable", self.model)
        self.empty_note = EmptyListNote(self.table, "indicatorsEmptyNote")
        self.results = QTabWidget(objectName="indicatorsResults")
        self.results.addTab(self.table, self.tr("Indikator"))
        self.results.addTab(self._cohort_page(), self.tr("Kohor dari waktu ke waktu"))
        self.results.currentChanged.connect(lambda _index: self._reload_cohorts_if_shown())
        self._cohorts_stale = True
        self.pdf_button = QPushButton(self.tr("Laporan dampak (&PDF)…"), objectName="indicatorsPdfButton")
        self.pdf_button.setToolTip(self.tr("Laporan untuk penyandang dana: jangkauan, pinjaman, pelatihan, penjualan, "
                                           "indikator dan cara menghitungnya, serta kisah sukses yang "
                                           "anggotanya setuju dipublikasikan"))
        self.pdf_button.clicked.connect(lambda: self.funder_report("pdf"))
        self.xlsx_button = QPushButton(self.tr("Laporan dampak (&Excel)…"), objectName="indicatorsExcelButton")
        self.xlsx_button.setToolTip(self.tr("Angka yang sama, ditambah satu baris per rumah tangga tanpa nama, NIK, "
                                            "nomor anggota atau tanggal lahir"))
        self.xlsx_button.clicked.connect(lambda: self.funder_report("xlsx"))
        self.settings_button = QPushButton(self.tr("&Garis kemiskinan dan jadwal…"), objectName="indicatorsSettingsButton")
        self.settings_button.setVisible(context.actor.can(Permission.MANAGE_IMPACT))
        self.settings_button.clicked.connect(self._settings)
        buttons = QHBoxLayout()
        buttons.addWidget(self.settings_button)
        buttons.addStretch(1)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.xlsx_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        layout.addLayout(buttons)
        self._fill_scopes()

    def _cohort_page(self) -> QWidget:
        self.cohort_combo = QComboBox(objectName="indicatorsCohortCombo")
        self.cohort_combo.setToolTip(HOW_COHORTS)
        for basis in CohortBasis:
            for span in CohortSpan:
                self.cohort_combo.addItem(self.tr("Menurut {span} {basis}").format(span=span.label, basis=basis.label),
                                          f"{basis.value}/{span.value}")
        self.cohort_combo.currentIndexChanged.connect(lambda _index: self.reload_cohorts())
        cohort_tip = self.tr("Kohor yang mulai di dalam periode; pengukuran sampai akhir periode.") + "\n\n" + HOW_COHORTS
        columns = [
            Column(self.tr("Kohor"), lambda r: r.cohort, tip=cohort_tip),
            Column(self.tr("Saat"), lambda r: r.milestone, tip=HOW_COHORTS),
            Column(self.tr("Diukur"), lambda r: str(r.measured), align_right=True,
                   tip=self.tr("Rumah tangga yang punya pengukuran pada saat ini")),
            Column(self.tr("Median\npendapatan"), lambda r: format_rupiah(r.median_income) if r.median_income is not None else "—",
                   align_right=True, tip=self.tr("Median pendapatan bulanan rumah tangga yang diukur pada saat ini")),
        ]
        # The indicators' own columns from "Median perubahan" on, under two-line titles so that all fit 1024 px.
        short = (self.tr("Median\nperubahan"), self.tr("Di atas garis\nkemiskinan"), self.tr("Usaha\nmulai/tumbuh"),
                 self.tr("Lepas dari\nrentenir"), self.tr("Anak kembali\nsekolah"), self.tr("Perempuan\nberusaha"))
        columns += [Column(title, lambda r, cell=cell: cell(r.figures) if r.figures.followed_up else "—", align_right=index == 0,
                           tip=HOW[key]) for index, (title, (_, key, cell)) in enumerate(zip(short, COLUMNS[2:], strict=True))]
        self.cohort_model = TipTableModel(columns, parent=self)
        self.cohort_table = make_table("indicatorsCohortTable", self.cohort_model)
        self.cohort_empty_note = EmptyListNote(self.cohort_table, "indicatorsCohortEmptyNote")
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        choice = QHBoxLayout()
        choice.addWidget(_labelled(self.tr("K&ohor:"), self.cohort_combo))
        choice.addStretch(1)
        layout.addLayout(choice)
        layout.addWidget(self.cohort_table, 1)
        return page

    def _reload_cohorts_if_shown(self) -> None:
        if self.results.currentIndex() == 1 and self._cohorts_stale:
            self.reload_cohorts()

    def reload_cohorts(self) -> None:
        arguments = self._arguments()
        if arguments is None:
            return
        basis, span = self.cohort_combo.currentData().split("/")
        try:
            with self.context.database.session() as session:
                rows: list[CohortRow] = impact_indicators.cohort_figures(
                    session, self.context.actor, basis=CohortBasis(basis), span=CohortSpan(span), **arguments)
        except DomainError as error:
            show_error(self, self.tr("Kohor"), error.message)
            return
        self._cohorts_stale = False
        self.cohort_model.set_rows(rows)
        fit_columns(self.cohort_table, 1)
        self.cohort_empty_note.show_text("" if rows else self.tr(
            "Tidak ada rumah tangga dengan data awal yang mulai di dalam periode ini. Pilih periode yang lebih panjang, "
            "atau kohor menurut hal lain."))

    def _fill_scopes(self) -> None:
        with self.context.database.session() as session:
            funds, programmes = impact_indicators.report_scopes(session, self.context.actor)
        self.scope_combo.addItem(self.tr("Semua anggota"), None)
        for fund_id, name in funds:
            self.scope_combo.addItem(self.tr("Sumber dana: {name}").format(name=name), (FUND, fund_id))
        for programme_id, name in programmes:
            self.scope_combo.addItem(self.tr("Pelatihan: {name}").format(name=name), (PROGRAMME, programme_id))

    def _arguments(self) -> dict | None:
        if not (self.from_edit.check() and self.to_edit.check()):
            return None
        scope = self.scope_combo.currentData()
        return {
            "period_from": self.from_edit.date().toPython(), "period_to": self.to_edit.date().toPython(),
            "fund_id": scope[1] if scope and scope[0] == FUND else None,
            "programme_id": scope[1] if scope and scope[0] == PROGRAMME else None,
        }

    def _dimension(self) -> Dimension | None:
        value = self.dimension_combo.currentData()  # Qt hands an enum back as its plain value
        return Dimension(value) if value else None

    def reload(self) -> None:
        arguments = self._arguments()
        if arguments is None:
            return
        try:
            with self.context.database.session() as session:
                figures = impact_indicators.impact_figures(session, self.context.actor, dimension=self._dimension(),
                                                           **arguments)
        except DomainError as error:
            show_error(self, self.tr("Indikator"), error.message)
            return
        self.model.set_rows([*figures.groups, GroupFigures(self.tr("Seluruhnya"), figures.total)])
        fit_columns(self.table, 0, {0: 220})  # the long headings are on two lines: every column shows its whole heading
        lines = ", ".join(f"{area} {format_rupiah(amount)}" for area, amount in sorted(figures.poverty_lines.items()))
        self.summary.setText(self.tr(
            "{scope}, {period}: {reached} rumah tangga dijangkau; pinjaman lunas {paid}, tepat waktu {on_time}. "
            "Garis kemiskinan per orang: {lines}.").format(
            scope=figures.scope, period=date_range(figures.period_from, figures.period_to), reached=figures.reached,
            paid=figures.loans_paid_off, on_time=figures.loans_on_time,
            lines=lines or self.tr("belum dicatat (Garis kemiskinan dan jadwal…)")))
        self._cohorts_stale = True
        self._reload_cohorts_if_shown()
        self.empty_note.show_text("" if figures.total.households else self.tr(
            "Belum ada rumah tangga dengan data awal dalam lingkup ini. Data awal dicatat dari Anggota (Data rumah tangga…) "
            "atau dari lembar kunjungan di halaman Kunjungan."))

    def funder_report(self, kind: str) -> None:
        from koperasi.reports.impact.funder_report import title, write_funder_pdf, write_funder_xlsx
        from koperasi.services.impact.report import funder_report

        arguments = self._arguments()
        if arguments is None:
            return

        def build():
            with self.context.database.session() as session:
                # The anonymous rows only for the workbook: the PDF does not carry them.
                report = funder_report(session, self.context.actor, anonymous_rows=kind == "xlsx", **arguments)
            return report, write_to_bytes(lambda target: write_funder_pdf(report, target)) if kind == "pdf" else b""

        try:
            report, pdf = run_busy(self, self.tr("Menyiapkan laporan dampak…"), build)
        except DomainError as error:
            show_error(self, self.tr("Laporan dampak"), error.message)
            return
        name = f"laporan-dampak-{report.figures.period_from:%Y-%m-%d}-{report.figures.period_to:%Y-%m-%d}"
        if kind == "pdf":
            show_preview(PdfPreviewDialog(title(report), {"A4": (lambda: pdf, f"{name}.pdf")}, self))
        else:
            save_report(self, report, "xlsx", file_name=f"{name}.xlsx", dialog_title=self.tr("Simpan laporan dampak"),
                        writers=(write_funder_pdf, write_funder_xlsx), done_title=self.tr("Laporan dampak"),
                        done_text=self.tr("Laporan dampak (tanpa nama) tersimpan di {path}."))

    def _settings(self) -> None:
        from koperasi.gui.impact.settings_dialog import ImpactSettingsDialog

        dialog = ImpactSettingsDialog(self.context, self)
        dialog.exec()
        self.reload()


def _two_lines(title: str) -> str:
    """A long column heading broken at the space nearest its middle, so that the column need not be as
    wide as the whole heading (the header grows a line instead of eliding "Median perubahan pendapatan")."""
    spaces = [index for index, char in enumerate(title) if char == " "]
    if len(title) <= 16 or not spaces:
        return title
    middle = min(spaces, key=lambda index: abs(index - len(title) / 2))
    return f"{title[:middle]}\n{title[middle + 1:]}"


def _labelled(label: str, widget: QWidget) -> QWidget:
    """A label and its input kept together when the filter row wraps."""
    pair = QWidget()
    layout = QHBoxLayout(pair)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(QLabel(label, buddy=widget))
    layout.addWidget(widget)
    return pair
