"""Berkas → Tutup buku & SHU…: a year's close (asked for by the treasurer, approved by the chair), the SHU's
division by the AD/ART (a preview until it is divided), each member's share with its basis, payment in cash or
into sukarela (undone by a reversal another user approves), and the daftar SHU anggota (PDF, Excel)."""

from __future__ import annotations

import uuid
from html import escape

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from koperasi.domain.books.plan import MemberShu, PartAmount, ShuPlan
from koperasi.domain.books.rules import CapitalBasis, PaymentMethod, ShuPart, format_share
from koperasi.domain.dates import format_date
from koperasi.domain.errors import DomainError
from koperasi.domain.ledger import ClosingStatus
from koperasi.domain.money import format_rupiah
from koperasi.domain.reversals import AWAITING, FOUR_EYES_NOTE
from koperasi.domain.roles import Permission
from koperasi.gui.busy import run_busy
from koperasi.gui.columns import fit_columns
from koperasi.gui.context import AppContext
from koperasi.gui.form_dialog import FieldForm, FormDialog
from koperasi.gui.list_model import Column, ListTableModel
from koperasi.gui.loans.documents import preview_of_receipt
from koperasi.gui.messages import WARNING_STYLE, confirm, show_error, show_info
from koperasi.gui.screen_fit import fit_to_screen
from koperasi.gui.tables import TipTableModel, make_table, selected_row
from koperasi.services.books import closing, rat_pack, shu, shu_reversals
from koperasi.services.books.closing import Closing
from koperasi import clock


class RejectClosingDialog(FormDialog):
    def __init__(self, context: AppContext, request: Closing, parent: QWidget | None = None) -> None:
        self.form_ = FieldForm(self.tr("Tolak permintaan tutup buku tahun {year}. Tahun buku tetap terbuka.").format(
            year=request.year))
        self.reason_edit = self.form_.add(self.tr("&Alasan penolakan:"), QLineEdit(objectName="closingRejectReasonEdit"), "reason")
        self.reason_edit.setMaxLength(500)
        self.reason_edit.setPlaceholderText(self.tr("wajib diisi, misalnya: kas belum dicocokkan"))
        super().__init__(self.form_, object_name="closingRejectDialog", width=520, parent=parent)
        self.setWindowTitle(self.tr("Tolak tutup buku"))
        self.context, self.request = context, request

    def save(self) -> None:
        with self.context.database.session() as session:
            closing.reject_closing(session, self.context.actor, self.request.id, reason=self.reason_edit.text())


class ReverseShuPaymentDialog(FormDialog):
    """Ask for a member's SHU payment to be undone; another user approves it (Berkas → Pembatalan menunggu
    persetujuan)."""

    def __init__(self, context: AppContext, year: int, member: MemberShu, parent: QWidget | None = None) -> None:
        self.form_ = FieldForm(self.tr(
            "Batalkan pembayaran SHU {year} <b>{name}</b> ({number}), {amount} {how}. {note}").format(
            year=year, name=escape(member.name), number=escape(member.number), amount=format_rupiah(member.total),
            how=member.paid_by.label.lower(), note=FOUR_EYES_NOTE))
        self.reason_edit = self.form_.add(self.tr("&Alasan pembatalan:"), QLineEdit(objectName="shuReverseReasonEdit"), "reason")
        self.reason_edit.setMaxLength(500)
        self.reason_edit.setPlaceholderText(self.tr("wajib diisi, misalnya: seharusnya dibayar ke simpanan sukarela"))
        super().__init__(self.form_, object_name="shuReverseDialog", width=560, parent=parent)
        self.setWindowTitle(self.tr("Batalkan pembayaran SHU"))
        self.context, self.year, self.member = context, year, member
        self.request_id = uuid.uuid4()

    def save(self) -> None:
        with self.context.database.session() as session:
            shu_reversals.request_shu_payment_reversal(
                session, self.context.actor, self.year, self.member.member_id, reason=self.reason_edit.text(),
                request_id=self.request_id)


class YearEndDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("yearEndDialog")
        self.setWindowTitle(self.tr("Tutup buku & SHU"))
        self.context = context
        self.request: Closing | None = None
        self.plan: ShuPlan | None = None
        actor = context.actor
        self.year_spin = QSpinBox(objectName="yearEndYear")
        self.year_spin.setRange(2000, clock.today().year)
        self.year_spin.setValue(clock.today().year - 1)
        self.year_spin.valueChanged.connect(self.reload)
        self.status = QLabel(objectName="yearEndStatus")
        self.status.setWordWrap(True)
        self.refusal = QLabel(objectName="yearEndRefusal")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet(WARNING_STYLE)
        self.request_button = QPushButton(self.tr("&Minta tutup buku"), objectName="yearEndRequestButton")
        self.approve_button = QPushButton(self.tr("&Setujui tutup buku"), objectName="yearEndApproveButton")
        self.reject_button = QPushButton(self.tr("&Tolak…"), objectName="yearEndRejectButton")
        self.divide_button = QPushButton(self.tr("&Bagi SHU"), objectName="yearEndDivideButton")
        self.cash_button = QPushButton(self.tr("Bayar &tunai"), objectName="yearEndPayCashButton")
        self.sukarela_button = QPushButton(self.tr("Bayar ke s&ukarela"), objectName="yearEndPaySukarelaButton")
        self.reverse_button = QPushButton(self.tr("Batalkan ba&yar…"), objectName="yearEndReversePaymentButton")
        self.reverse_button.setToolTip(self.tr("Batalkan pembayaran SHU anggota terpilih (disetujui pengguna lain)"))
        self.pdf_button = QPushButton(self.tr("&Pratinjau daftar…"), objectName="yearEndPdfButton")
        self.xlsx_button = QPushButton(self.tr("Simpan &Excel…"), objectName="yearEndXlsxButton")
        # The RAT pack of a closed year: the members' report and the daftar hadir (PDF), the auditor's workbook.
        self.rat_button = QPushButton(self.tr("Paket &RAT…"), objectName="yearEndRatButton")
        rat_menu = QMenu(self.rat_button)
        rat_menu.addAction(self.tr("Pratinjau laporan dan daftar hadir (PDF)…"), self._preview_rat)
        rat_menu.addAction(self.tr("Simpan Excel untuk pemeriksa…"), self._save_rat_xlsx)
        self.rat_button.setMenu(rat_menu)
        self.rules_button = QPushButton(self.tr("&Aturan SHU…"), objectName="yearEndRulesButton")
        self.rules_button.setToolTip(self.tr("Persentase bagian SHU menurut AD/ART, dasar jasa modal dan jasa usaha"))
        self.rules_button.setVisible(actor.can(Permission.MANAGE_SHU_RULES))
        self.rules_button.clicked.connect(self._edit_rules)
        for button, permission in ((self.request_button, Permission.CLOSE_BOOKS),
                                   (self.approve_button, Permission.APPROVE_BOOK_CLOSING),
                                   (self.reject_button, Permission.APPROVE_BOOK_CLOSING),
                                   (self.divide_button, Permission.CLOSE_BOOKS),
                                   (self.cash_button, Permission.CLOSE_BOOKS),
                                   (self.sukarela_button, Permission.CLOSE_BOOKS),
                                   (self.reverse_button, Permission.REVERSE_SHU_PAYMENTS)):
            button.setVisible(actor.can(permission))
        self.request_button.clicked.connect(self._request)
        self.approve_button.clicked.connect(self._approve)
        self.reject_button.clicked.connect(self._reject)
        self.divide_button.clicked.connect(self._divide)
        self.cash_button.clicked.connect(lambda: self._pay(PaymentMethod.CASH))
        self.sukarela_button.clicked.connect(lambda: self._pay(PaymentMethod.SUKARELA))
        self.reverse_button.clicked.connect(self._reverse_payment)
        self.pdf_button.clicked.connect(self._preview)
        self.xlsx_button.clicked.connect(self._save_xlsx)
        self.parts_model: ListTableModel[PartAmount] = TipTableModel([
            Column(self.tr("Bagian SHU"), lambda r: r.part.label),
            Column(self.tr("Persen"), lambda r: format_share(r.share_bp), align_right=True),
            Column(self.tr("Jumlah"), lambda r: format_rupiah(r.amount), align_right=True),
            Column(self.tr("Belum dibagikan"), lambda r: format_rupiah(r.undivided) if r.undivided else "", align_right=True),
        ], parent=self)
        self.parts_table = make_table("yearEndPartsTable", self.parts_model)
        # the eight parts under the header, without a scroll bar
        self.parts_table.setMinimumHeight(self.parts_table.verticalHeader().defaultSectionSize() * (len(ShuPart) + 1) + 4)
        self.members_model: ListTableModel[MemberShu] = TipTableModel([
            Column(self.tr("Nomor"), lambda r: r.number),
            Column(self.tr("Nama"), lambda r: r.name),
            Column(self.tr("Dasar jasa modal"), self._capital_text, align_right=True,
                   tip=self.tr("Simpanan pokok + wajib anggota (akhir tahun atau rata-rata 12 akhir bulan)")),
            Column(self.tr("Jasa modal"), lambda r: format_rupiah(r.jasa_modal), align_right=True),
            Column(self.tr("Dasar jasa usaha"), lambda r: format_rupiah(r.business_basis), align_right=True,
                   tip=self.tr("Pendapatan koperasi dari transaksi anggota: jasa penjualan, biaya administrasi pinjaman")),
            Column(self.tr("Jasa usaha"), lambda r: format_rupiah(r.jasa_usaha), align_right=True),
            Column(self.tr("Jumlah SHU"), lambda r: format_rupiah(r.total), align_right=True),
            Column(self.tr("Dibayar"), lambda r: f"{r.paid_by.label}, {r.paid_on:%d-%m-%Y}" if r.paid_by else self.tr("Belum")),
        ], parent=self)
        self.members_table = make_table("yearEndMembersTable", self.members_model)
        self.members_table.selectionModel().selectionChanged.connect(self._update_buttons)

        year_row = QHBoxLayout()
        year_label = QLabel(self.tr("Tahun &buku:"))
        year_label.setBuddy(self.year_spin)
        year_row.addWidget(year_label)
        year_row.addWidget(self.year_spin)
        year_row.addStretch(1)
        year_row.addWidget(self.rules_button)
        close_row = QHBoxLayout()
        for button in (self.request_button, self.approve_button, self.reject_button):
            close_row.addWidget(button)
        close_row.addWidget(self.refusal, 1)
        shu_row = QHBoxLayout()
        for button in (self.divide_button, self.cash_button, self.sukarela_button, self.reverse_button, self.pdf_button,
                       self.xlsx_button, self.rat_button):
            shu_row.addWidget(button)
        shu_row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        close.rejected.connect(self.reject)
        shu_row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(year_row)
        layout.addWidget(self.status)
        layout.addLayout(close_row)
        layout.addWidget(QLabel(self.tr("Pembagian SHU menurut AD/ART")))
        layout.addWidget(self.parts_table)
        layout.addWidget(QLabel(self.tr("SHU setiap anggota")))
        layout.addWidget(self.members_table, 1)
        layout.addLayout(shu_row)
        fit_to_screen(self, 1040, 680)
        self.reload()

    def _capital_text(self, member: MemberShu) -> str:
        if self.plan is not None and self.plan.capital_basis is CapitalBasis.AVERAGE:
            return format_rupiah((member.capital_basis + 6) // 12)
        return format_rupiah(member.capital_basis)

    def year(self) -> int:
        return self.year_spin.value()

    def reload(self) -> None:
        year, actor = self.year(), self.context.actor
        with self.context.database.session() as session:
            figures = closing.year_figures(session, actor, year)
            requests = [row for row in closing.closings(session, actor) if row.year == year]
            self.request = next((row for row in requests if row.status is not ClosingStatus.REJECTED), None)
            self.plan, problem = None, ""
            if self.request is not None and self.request.status is ClosingStatus.CLOSED:
                try:
                    self.plan = shu.shu_plan(session, actor, year)
                except DomainError as error:
                    problem = error.message
        lines = [self.tr("Pendapatan {income}, beban {expenses}: SHU <b>{shu}</b>.").format(
            income=format_rupiah(figures.total_income), expenses=format_rupiah(figures.total_expenses),
            shu=format_rupiah(figures.shu))]
        if self.request is None:
            rejected = next((row for row in requests if row.status is ClosingStatus.REJECTED), None)
            lines.append(self.tr("Tahun buku {year} masih terbuka.").format(year=year))
            if rejected is not None:
                lines.append(self.tr("Permintaan terakhir ditolak oleh {who}: {note}").format(
                    who=escape(rejected.decided_by), note=escape(rejected.decision_note)))
        elif self.request.status is ClosingStatus.PENDING:
            lines.append(self.tr("Tutup buku diminta oleh {who} dan menunggu persetujuan ketua (empat mata).").format(
                who=escape(self.request.requested_by)))
        else:
            lines.append(self.tr("Tahun buku {year} ditutup: diminta oleh {asked}, disetujui oleh {approved}. Tidak ada "
                                 "transaksi yang dapat dibukukan dengan tanggal di tahun ini.").format(
                year=year, asked=escape(self.request.requested_by), approved=escape(self.request.decided_by)))
            if self.plan is not None and self.plan.divided_on is not None:
                lines.append(self.tr("SHU dibagi pada {day}.").format(day=format_date(self.plan.divided_on)))
            elif self.plan is not None:
                lines.append(self.tr("Pratinjau pembagian menurut pengaturan AD/ART saat ini; belum dibukukan."))
            if problem:
                lines.append(escape(problem))
        self.status.setText("<br/>".join(lines))
        self.parts_model.set_rows(self.plan.parts if self.plan else [])
        self.members_model.set_rows(self.plan.members if self.plan else [])
        fit_columns(self.parts_table, stretch=0)
        fit_columns(self.members_table, stretch=1)
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        pending = self.request is not None and self.request.status is ClosingStatus.PENDING
        self.request_button.setEnabled(self.request is None)
        self.approve_button.setEnabled(pending and self.request.refusal is None)
        self.reject_button.setEnabled(pending and self.request.refusal is None)
        self.refusal.setText(self.request.refusal or "" if pending else "")
        divided = self.plan is not None and self.plan.divided_on is not None
        self.divide_button.setEnabled(self.plan is not None and not divided)
        member: MemberShu | None = selected_row(self.members_table)
        payable = divided and member is not None and member.paid_by is None and member.total > 0
        self.cash_button.setEnabled(payable)
        self.sukarela_button.setEnabled(payable)
        self.reverse_button.setEnabled(divided and member is not None and member.paid_by is not None)
        self.pdf_button.setEnabled(divided)
        self.xlsx_button.setEnabled(divided)
        self.rat_button.setEnabled(self.request is not None and self.request.status is ClosingStatus.CLOSED)

    def _run(self, title: str, action) -> bool:
        try:
            with self.context.database.session() as session:
                action(session)
        except DomainError as error:
            show_error(self, title, error.message)
            self.reload()
            return False
        self.reload()
        return True

    def _request(self) -> None:
        year = self.year()
        if confirm(self, self.tr("Minta tutup buku"), self.tr(
                "Minta tutup buku tahun {year}? Setelah ketua menyetujui, tidak ada transaksi yang dapat dibukukan "
                "dengan tanggal di tahun {year}.").format(year=year), yes=self.tr("Minta tutup buku")):
            request_id = uuid.uuid4()
            self._run(self.tr("Tutup buku"),
                      lambda session: closing.request_closing(session, self.context.actor, year, request_id=request_id))

    def _approve(self) -> None:
        request = self.request
        if request is not None and confirm(self, self.tr("Setujui tutup buku"), self.tr(
                "Tutup tahun buku {year}? Pendapatan dan beban tahun itu dipindahkan ke SHU tahun berjalan dan tahun "
                "itu dikunci.").format(year=request.year), yes=self.tr("Setujui tutup buku")):
            if self._run(self.tr("Tutup buku"), lambda session: closing.approve_closing(session, self.context.actor, request.id)):
                show_info(self, self.tr("Tutup buku"), self.tr("Tahun buku {year} sudah ditutup.").format(year=request.year))

    def _edit_rules(self) -> None:
        from koperasi.gui.books.shu_rules_dialog import ShuRulesDialog

        if ShuRulesDialog(self.context, self).exec():
            self.reload()  # a year not yet divided is previewed by the new rules

    def _reject(self) -> None:
        if self.request is not None and RejectClosingDialog(self.context, self.request, self).exec():
            self.reload()

    def _divide(self) -> None:
        year, today = self.year(), clock.today()
        if self.plan is None or not confirm(self, self.tr("Bagi SHU"), self.tr(
                "Bagi SHU tahun {year} sebesar {shu} menurut AD/ART, dibukukan tanggal {day}? Pembagian tidak dapat "
                "diulang.").format(year=year, shu=format_rupiah(self.plan.shu), day=format_date(today)),
                yes=self.tr("Bagi SHU")):
            return
        request_id = uuid.uuid4()
        self._run(self.tr("Bagi SHU"), lambda session: shu.divide_shu(
            session, self.context.actor, year, divided_on=today, request_id=request_id))

    def _pay(self, method: PaymentMethod) -> None:
        member: MemberShu | None = selected_row(self.members_table)
        year = self.year()
        if member is None or not confirm(self, self.tr("Bayar SHU"), self.tr(
                "Bayar SHU {year} {name} sebesar {amount} ({how})?").format(
                year=year, name=member.name, amount=format_rupiah(member.total), how=method.label.lower()),
                yes=self.tr("Bayar")):
            return
        request_id = uuid.uuid4()
        if self._run(self.tr("Bayar SHU"), lambda session: shu.pay_shu(
                session, self.context.actor, year, member.member_id, method=method, paid_on=clock.today(),
                request_id=request_id)) and method is PaymentMethod.CASH:
            with self.context.database.session() as session:
                receipt = shu.shu_receipt(session, self.context.actor, year, member.member_id)
            preview_of_receipt(self, receipt).exec()

    def _reverse_payment(self) -> None:
        member: MemberShu | None = selected_row(self.members_table)
        if member is not None and member.paid_by is not None and ReverseShuPaymentDialog(
                self.context, self.year(), member, self).exec():
            show_info(self, self.tr("Pembatalan diminta"), AWAITING)

    def _paper(self):
        with self.context.database.session() as session:
            return shu.shu_paper(session, self.context.actor, self.year())

    def _preview(self) -> None:
        from koperasi.gui.pdf_preview import PdfPreviewDialog, show_preview, write_to_bytes
        from koperasi.reports.books.shu_list import write_shu_list_pdf

        paper = self._paper()
        pdf = run_busy(self, self.tr("Menyiapkan daftar SHU…"), lambda: write_to_bytes(lambda out: write_shu_list_pdf(paper, out)))
        name = f"daftar-shu-{paper.plan.year}.pdf"
        show_preview(PdfPreviewDialog(self.tr("Daftar SHU anggota {year}").format(year=paper.plan.year),
                                      {"A4": (lambda: pdf, name)}, self))

    def _save_xlsx(self) -> None:
        from koperasi.gui.breakdown_view import save_report
        from koperasi.reports.books.shu_list import write_shu_list_pdf, write_shu_list_xlsx

        paper = self._paper()
        save_report(
            self, paper, "xlsx", file_name=f"daftar-shu-{paper.plan.year}.xlsx",
            dialog_title=self.tr("Simpan daftar SHU"), writers=(write_shu_list_pdf, write_shu_list_xlsx),
            done_title=self.tr("Daftar SHU"), done_text=self.tr("Daftar SHU tersimpan di {path}."),
        )

    def _rat_pack(self):
        """The pack of the closed year (its making is audited); None when refused (the reason is shown)."""
        try:
            with self.context.database.session() as session:
                return rat_pack.rat_pack(session, self.context.actor, self.year())
        except DomainError as error:
            show_error(self, self.tr("Paket RAT"), error.message)
            return None

    def _preview_rat(self) -> None:
        from koperasi.gui.pdf_preview import PdfPreviewDialog, show_preview, write_to_bytes
        from koperasi.reports.books.rat_pack import write_attendance_pdf, write_rat_report_pdf

        pack = self._rat_pack()
        if pack is None:
            return
        report = run_busy(self, self.tr("Menyiapkan paket RAT…"),
                          lambda: write_to_bytes(lambda out: write_rat_report_pdf(pack, out)))
        show_preview(PdfPreviewDialog(
            self.tr("Paket RAT tahun buku {year}").format(year=pack.year), {
                self.tr("Laporan RAT"): (lambda: report, f"laporan-rat-{pack.year}.pdf"),
                self.tr("Daftar hadir RAT"): (lambda: write_to_bytes(lambda out: write_attendance_pdf(pack, out)),
                                              f"daftar-hadir-rat-{pack.year}.pdf"),
            }, self, choice_label=self.tr("&Dokumen:")))

    def _save_rat_xlsx(self) -> None:
        from koperasi.gui.breakdown_view import save_report
        from koperasi.reports.books.rat_pack import write_rat_report_pdf, write_rat_xlsx

        pack = self._rat_pack()
        if pack is None:
            return
        save_report(
            self, pack, "xlsx", file_name=f"paket-rat-{pack.year}.xlsx",
            dialog_title=self.tr("Simpan paket RAT"), writers=(write_rat_report_pdf, write_rat_xlsx),
            done_title=self.tr("Paket RAT"), done_text=self.tr("Paket RAT tersimpan di {path}."),
        )
