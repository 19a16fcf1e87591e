"""The steps of a loan after its application, one small form each: decide, disburse, repay,
reverse, reschedule, write off. Every write carries a request id made when the dialog opens."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit, QSpinBox, QWidget

from koperasi.domain.dates import format_date
from koperasi.domain.loans.rules import Frequency, LoanStatus, first_due_after
from koperasi.domain.money import format_rupiah
from koperasi.domain.reversals import FOUR_EYES_NOTE
from koperasi.gui.context import AppContext
from koperasi.gui.date_field import date_edit
from koperasi.gui.form_dialog import FieldForm, FormDialog
from koperasi.gui.money_edit import MoneyEdit
from koperasi.services.loans import payments as loan_payments
from koperasi.services.loans import lifecycle as loans
from koperasi.services.loans.payments import Payment
from koperasi.services.loans.queries import LoanDetail, MovementView
from koperasi.services.loans.lifecycle import Disbursement
from koperasi import clock


def _loan_line(loan: LoanDetail) -> str:
    return f"<b>{loan.number}</b> — {loan.member_name} ({loan.member_number}), {format_rupiah(loan.principal)}"


class DecisionDialog(FormDialog):
    """Setujui (optional note), or Tolak / Batalkan persetujuan (reason required)."""

    def __init__(self, context: AppContext, loan: LoanDetail, *, approve: bool, parent: QWidget | None = None) -> None:
        self.form_ = FieldForm(_loan_line(loan))
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("loanDecisionNoteEdit")
        self.note_edit.setMaxLength(500)
        cancelling = not approve and loan.status is LoanStatus.APPROVED
        reason_label = self.tr("&Alasan pembatalan:") if cancelling else self.tr("&Alasan penolakan:")
        self.form_.add(self.tr("Catatan:") if approve else reason_label, self.note_edit, "reason")
        if not approve:
            self.note_edit.setPlaceholderText(self.tr("wajib diisi, paling sedikit 5 huruf"))
        super().__init__(self.form_, object_name="loanDecisionDialog", width=520, parent=parent)
        if approve:
            self.setWindowTitle(self.tr("Setujui pinjaman"))
        else:
            self.setWindowTitle(self.tr("Batalkan persetujuan pinjaman") if cancelling else self.tr("Tolak pinjaman"))
        self.context, self.loan, self.approve = context, loan, approve

    def save(self) -> None:
        with self.context.database.session() as session:
            if self.approve:
                loans.approve_loan(session, self.context.actor, self.loan.id, expected_version=self.loan.version, note=self.note_edit.text())
            else:
                loans.reject_loan(session, self.context.actor, self.loan.id, expected_version=self.loan.version, reason=self.note_edit.text())


class DisburseDialog(FormDialog):
    def __init__(self, context: AppContext, loan: LoanDetail, parent: QWidget | None = None) -> None:
        fee = f"; biaya administrasi {format_rupiah(loan.admin_fee)} dengan kwitansinya sendiri" if loan.admin_fee else ""
        self.form_ = FieldForm(_loan_line(loan) + f", {loan.term} × {loan.frequency.label.lower()}{fee}")
        self.frequency = loan.frequency
        self.date_edit = self.form_.add(self.tr("&Tanggal pencairan:"), date_edit("loanDisburseDateEdit"), "disbursed_on")
        self.date_edit.setMaximumDate(QDate(clock.today()))
        self.date_edit.setMinimumDate(loan.applied_on, self.tr("tanggal pengajuan"))
        self.date_edit.set_subject(self.tr("Tanggal pencairan"))
        self.first_due_edit = self.form_.add(self.tr("Angsuran &pertama jatuh tempo:"), date_edit("loanFirstDueEdit"), "first_due_on")
        self.first_due_edit.set_subject(self.tr("Jatuh tempo pertama"))
        self.receipt_edit = QLineEdit()
        self.receipt_edit.setObjectName("loanReceiptNumberEdit")
        self.receipt_edit.setPlaceholderText(self.tr("kosongkan: nomor dibuat otomatis"))
        self.form_.add(self.tr("Nomor &kwitansi buku:"), self.receipt_edit, "receipt_number")
        self._follow_date = True
        self.first_due_edit.dateChanged.connect(self._first_due_touched)
        self.date_edit.dateChanged.connect(self._date_changed)
        self._date_changed()
        super().__init__(self.form_, object_name="loanDisburseDialog", width=560, parent=parent)
        self.setWindowTitle(self.tr("Cairkan pinjaman"))
        self.context, self.loan = context, loan
        self.request_id = uuid.uuid4()
        self.result_: Disbursement | None = None

    def _first_due_touched(self) -> None:
        if self.first_due_edit.hasFocus():
            self._follow_date = False

    def _date_changed(self) -> None:
        if self._follow_date:
            day = self.date_edit.date().toPython()
            self.first_due_edit.setDate(QDate(first_due_after(day, self.frequency)))

    def save(self) -> None:
        with self.context.database.session() as session:
            self.result_ = loans.disburse_loan(
                session, self.context.actor, self.loan.id,
                disbursed_on=self.date_edit.date().toPython(), first_due_on=self.first_due_edit.date().toPython(),
                request_id=self.request_id, receipt_number=self.receipt_edit.text().strip() or None,
            )


def suggested_payment(loan: LoanDetail) -> int:
    """What is due today: the arrears when late (they include the oldest unpaid installment),
    otherwise the next installment; never more than is owed."""
    due = loan.arrears if loan.arrears else loan.next_due_amount
    return min(due, loan.outstanding)


class RepaymentDialog(FormDialog):
    def __init__(self, context: AppContext, loan: LoanDetail, parent: QWidget | None = None) -> None:
        late = (
            f"<br>Tunggakan {format_rupiah(loan.arrears)} ({loan.days_past_due} hari)" if loan.arrears else ""
        )
        next_due = f"<br>Jatuh tempo berikut {format_date(loan.next_due_on)}: {format_rupiah(loan.next_due_amount)}" if loan.next_due_on else ""
        self.form_ = FieldForm(_loan_line(loan) + f"<br>Sisa pinjaman {format_rupiah(loan.outstanding)}{late}{next_due}")
        self.amount_edit = MoneyEdit(value=suggested_payment(loan))
        self.amount_edit.setObjectName("loanRepayAmountEdit")
        self.form_.add(self.tr("&Jumlah dibayar (Rp):"), self.amount_edit, "amount")
        self.date_edit = self.form_.add(self.tr("&Tanggal bayar:"), date_edit("loanRepayDateEdit"), "paid_on")
        self.date_edit.setMaximumDate(QDate(clock.today()))
        self.date_edit.set_subject(self.tr("Tanggal bayar"))
        if loan.disbursed_on is not None:
            self.date_edit.setMinimumDate(loan.disbursed_on, self.tr("tanggal pencairan"))
        self.receipt_edit = QLineEdit()
        self.receipt_edit.setObjectName("loanRepayReceiptEdit")
        self.receipt_edit.setPlaceholderText(self.tr("kosongkan: nomor dibuat otomatis"))
        self.form_.add(self.tr("Nomor &kwitansi buku:"), self.receipt_edit, "receipt_number")
        super().__init__(self.form_, object_name="loanRepayDialog", width=520, parent=parent)
        self.setWindowTitle(self.tr("Terima angsuran"))
        self.context, self.loan = context, loan
        self.request_id = uuid.uuid4()
        self.payment: Payment | None = None

    def save(self) -> None:
        amount = self.amount_edit.checked_value("amount")
        with self.context.database.session() as session:
            self.payment = loan_payments.repay(
                session, self.context.actor, self.loan.id, amount=amount, paid_on=self.date_edit.date().toPython(),
                request_id=self.request_id, receipt_number=self.receipt_edit.text().strip() or None,
            )


def allocation_text(payment: Payment) -> str:
    parts = [f"angsuran ke-{item.number}: {format_rupiah(item.amount)}" for item in payment.allocations]
    paid = "; ".join(parts) if parts else "tercatat"
    return (
        f"Diterima {format_rupiah(payment.amount)} (kwitansi {payment.receipt_number}).\n"
        f"Untuk {paid}.\nSisa pinjaman {format_rupiah(payment.remaining)}."
    )


class ReverseDialog(FormDialog):
    def __init__(self, context: AppContext, loan: LoanDetail, movement: MovementView, parent: QWidget | None = None) -> None:
        receipt = f", kwitansi {movement.receipt_number}" if movement.receipt_number else ""
        self.form_ = FieldForm(
            _loan_line(loan)
            + f"<br>Dibatalkan: <b>{movement.kind.label} {format_rupiah(movement.amount)}</b>, {format_date(movement.occurred_on)}{receipt}."
            + "<br>Transaksi asli tetap tercatat; kwitansinya dicetak ulang bertanda BATAL."
            + f"<br><i>{FOUR_EYES_NOTE}</i>"
        )
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("loanReverseReasonEdit")
        self.reason_edit.setMaxLength(500)
        self.reason_edit.setPlaceholderText(self.tr("wajib diisi, misalnya: salah ketik jumlah"))
        self.form_.add(self.tr("&Alasan pembatalan:"), self.reason_edit, "reason")
        super().__init__(self.form_, object_name="loanReverseDialog", width=560, parent=parent)
        self.setWindowTitle(self.tr("Minta pembatalan transaksi"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Minta pembatalan"))
        self.context, self.movement = context, movement
        self.request_id = uuid.uuid4()

    def save(self) -> None:
        with self.context.database.session() as session:
            loan_payments.request_movement_reversal(
                session, self.context.actor, self.movement.id, reason=self.reason_edit.text(), request_id=self.request_id
            )


class RescheduleDialog(FormDialog):
    def __init__(self, context: AppContext, loan: LoanDetail, parent: QWidget | None = None) -> None:
        self.form_ = FieldForm(_loan_line(loan) + f"<br>Sisa pinjaman yang dijadwal ulang: <b>{format_rupiah(loan.outstanding)}</b>")
        self.term_spin = QSpinBox()
        self.term_spin.setObjectName("loanRescheduleTermSpin")
        self.term_spin.setRange(1, 260)
        self.term_spin.setValue(max(1, sum(1 for item in loan.schedule if item.unpaid)))
        self.form_.add(self.tr("&Tenor baru (kali angsuran):"), self.term_spin, "term")
        self.frequency_combo = QComboBox()
        for frequency in Frequency:
            self.frequency_combo.addItem(frequency.label, frequency.value)
        self.frequency_combo.setCurrentIndex(self.frequency_combo.findData(loan.frequency.value))
        self.form_.add(self.tr("&Frekuensi:"), self.frequency_combo, "frequency")
        tomorrow = QDate(clock.today()).addDays(1)
        self.first_due_edit = self.form_.add(self.tr("Angsuran &pertama jatuh tempo:"), date_edit("loanRescheduleFirstDueEdit"), "first_due_on")
        self.first_due_edit.setMinimumDate(tomorrow, self.tr("besok"))
        self.first_due_edit.set_subject(self.tr("Jatuh tempo pertama"))
        self.first_due_edit.setDate(QDate(clock.today()).addMonths(1))
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("loanRescheduleReasonEdit")
        self.reason_edit.setPlaceholderText(self.tr("wajib diisi, misalnya: gagal panen"))
        self.form_.add(self.tr("&Alasan:"), self.reason_edit, "reason")
        super().__init__(self.form_, object_name="loanRescheduleDialog", width=560, parent=parent)
        self.setWindowTitle(self.tr("Jadwal ulang pinjaman"))
        self.context, self.loan = context, loan

    def save(self) -> None:
        with self.context.database.session() as session:
            loans.reschedule_loan(
                session, self.context.actor, self.loan.id, term=self.term_spin.value(),
                frequency=Frequency(self.frequency_combo.currentData()), first_due_on=self.first_due_edit.date().toPython(),
                reason=self.reason_edit.text(), expected_version=self.loan.version,
            )


class WriteOffDialog(FormDialog):
    def __init__(self, context: AppContext, loan: LoanDetail, parent: QWidget | None = None) -> None:
        self.form_ = FieldForm(
            _loan_line(loan) + f"<br>Sisa <b>{format_rupiah(loan.outstanding)}</b> menjadi kerugian {loan.fund_name}."
        )
        self.date_edit = self.form_.add(self.tr("&Tanggal hapus buku:"), date_edit("loanWriteOffDateEdit"), "written_off_on")
        self.date_edit.setMaximumDate(QDate(clock.today()))
        self.date_edit.set_subject(self.tr("Tanggal hapus buku"))
        if loan.disbursed_on is not None:
            self.date_edit.setMinimumDate(loan.disbursed_on, self.tr("tanggal pencairan"))
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("loanWriteOffReasonEdit")
        self.reason_edit.setPlaceholderText(self.tr("wajib diisi, misalnya: peminjam meninggal dunia"))
        self.form_.add(self.tr("&Alasan:"), self.reason_edit, "reason")
        super().__init__(self.form_, object_name="loanWriteOffDialog", width=560, parent=parent)
        self.setWindowTitle(self.tr("Hapus buku pinjaman"))
        self.context, self.loan = context, loan
        self.request_id = uuid.uuid4()

    def save(self) -> None:
        with self.context.database.session() as session:
            loans.write_off_loan(
                session, self.context.actor, self.loan.id, written_off_on=self.date_edit.date().toPython(),
                reason=self.reason_edit.text(), request_id=self.request_id,
            )
