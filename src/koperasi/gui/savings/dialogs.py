"""The small forms of the Simpanan tab: a deposit, a sukarela withdrawal, the return to a member who left, a reversal
request, a rate, a statement's period, the passbook paper's calibration.
Every money write carries a request id made when the dialog opens."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialogButtonBox, QLabel, QLineEdit, QSpinBox, QWidget

from koperasi.domain.dates import format_date, format_month
from koperasi.domain.money import format_rupiah
from koperasi.domain.reversals import FOUR_EYES_NOTE
from koperasi.domain.savings.rules import RATED_KINDS, SavingsKind
from koperasi.gui.context import AppContext
from koperasi.gui.date_field import date_edit
from koperasi.gui.form_dialog import FieldForm, FormDialog
from koperasi.gui.money_edit import MoneyEdit
from koperasi.domain.savings.papers import (
    PASSBOOK_LEFT_MM,
    PASSBOOK_LINES,
    PASSBOOK_TOP_MM,
    PassbookLayout,
    SavingsStatement,
)
from koperasi.services.savings import leaving, movements, papers, passbook, rates
from koperasi.services.savings.book import Movement
from koperasi.services.savings.queries import MemberSavings, MovementRow
from koperasi import clock


def _member_line(savings: MemberSavings) -> str:
    return f"<b>{savings.member_name}</b> ({savings.member_number})"


def suggested_deposit(savings: MemberSavings, kind: SavingsKind) -> int:
    """What the member usually brings: the pokok still owed, the wajib arrears (or this month's), nothing for sukarela."""
    if kind is SavingsKind.POKOK:
        return savings.pokok_owed
    if kind is SavingsKind.WAJIB:
        return savings.wajib.arrears or savings.wajib.current_rate
    return 0


class DepositDialog(FormDialog):
    def __init__(self, context: AppContext, savings: MemberSavings, parent: QWidget | None = None) -> None:
        wajib = savings.wajib
        late = f", tunggakan <b>{format_rupiah(wajib.arrears)}</b> ({wajib.months_behind} bulan)" if wajib.arrears else ""
        pokok = f"; pokok belum dibayar {format_rupiah(savings.pokok_owed)}" if savings.pokok_owed else ""
        self.form_ = FieldForm(
            _member_line(savings) + f"<br>Saldo: pokok {format_rupiah(savings.balances[SavingsKind.POKOK])}, "
            f"wajib {format_rupiah(savings.balances[SavingsKind.WAJIB])}{late}, "
            f"sukarela {format_rupiah(savings.balances[SavingsKind.SUKARELA])}{pokok}"
        )
        self.kind_combo = QComboBox(objectName="savingsDepositKindCombo")
        for kind in SavingsKind:
            self.kind_combo.addItem(kind.label, kind.value)
        self.form_.add(self.tr("&Jenis simpanan:"), self.kind_combo, "kind")
        self.amount_edit = MoneyEdit(objectName="savingsDepositAmountEdit")
        self.form_.add(self.tr("&Jumlah disetor (Rp):"), self.amount_edit, "amount")
        self.date_edit = self.form_.add(self.tr("&Tanggal setor:"), date_edit("savingsDepositDateEdit"), "occurred_on")
        self.date_edit.setMaximumDate(QDate(clock.today()))
        self.date_edit.set_subject(self.tr("Tanggal setor"))
        self.savings = savings
        first = SavingsKind.POKOK if savings.pokok_owed else (SavingsKind.WAJIB if wajib.arrears else SavingsKind.SUKARELA)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(first.value))
        self.amount_edit.set_value(suggested_deposit(savings, first))
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        super().__init__(self.form_, object_name="savingsDepositDialog", width=560, parent=parent)
        self.setWindowTitle(self.tr("Setoran simpanan"))
        self.context = context
        self.request_id = uuid.uuid4()
        self.result_: Movement | None = None

    def _kind_changed(self) -> None:
        self.amount_edit.set_value(suggested_deposit(self.savings, SavingsKind(self.kind_combo.currentData())))

    def save(self) -> None:
        amount = self.amount_edit.checked_value("amount")
        with self.context.database.session() as session:
            self.result_ = movements.deposit(
                session, self.context.actor, self.savings.member_id, kind=SavingsKind(self.kind_combo.currentData()),
                amount=amount, occurred_on=self.date_edit.date().toPython(), request_id=self.request_id,
            )


class WithdrawDialog(FormDialog):
    def __init__(self, context: AppContext, savings: MemberSavings, parent: QWidget | None = None) -> None:
        balance = savings.balances[SavingsKind.SUKARELA]
        self.form_ = FieldForm(
            _member_line(savings) + f"<br>Saldo simpanan sukarela <b>{format_rupiah(balance)}</b>. "
            + self.tr("Simpanan pokok dan wajib dikembalikan hanya ketika anggota keluar.")
        )
        self.amount_edit = MoneyEdit(objectName="savingsWithdrawAmountEdit")
        self.form_.add(self.tr("&Jumlah ditarik (Rp):"), self.amount_edit, "amount")
        self.date_edit = self.form_.add(self.tr("&Tanggal tarik:"), date_edit("savingsWithdrawDateEdit"), "occurred_on")
        self.date_edit.setMaximumDate(QDate(clock.today()))
        self.date_edit.set_subject(self.tr("Tanggal tarik"))
        super().__init__(self.form_, object_name="savingsWithdrawDialog", width=520, parent=parent)
        self.setWindowTitle(self.tr("Penarikan simpanan sukarela"))
        self.context, self.savings = context, savings
        self.request_id = uuid.uuid4()
        self.result_: Movement | None = None

    def save(self) -> None:
        amount = self.amount_edit.checked_value("amount")
        with self.context.database.session() as session:
            self.result_ = movements.withdraw(
                session, self.context.actor, self.savings.member_id, amount=amount,
                occurred_on=self.date_edit.date().toPython(), request_id=self.request_id,
            )


class ReturnSavingsDialog(FormDialog):
    """A member who has left: every balance paid out in cash on one kwitansi, less a running loan when the
    clerk sets the savings against it."""

    def __init__(self, context: AppContext, savings: MemberSavings, parent: QWidget | None = None) -> None:
        with context.database.session() as session:
            self.position = leaving.leaving_position(session, context.actor, savings.member_id)
        paid = "<br>".join(f"{kind.label}: <b>{format_rupiah(amount)}</b>"
                           for kind, amount in savings.balances.items() if amount > 0)
        loans = "".join(f"<br>Pinjaman {loan.number} berjalan: sisa pokok <b>{format_rupiah(loan.outstanding)}</b>."
                        for loan in self.position.loans)
        self.form_ = FieldForm(
            _member_line(savings) + "<br>" + paid + loans
            + f"<br>Dibayarkan tunai <b>{format_rupiah(self.position.cash if self.position.loans else savings.total)}</b>"
            + (" sesudah pinjaman dilunasi dari simpanan." if self.position.loans else ".")
        )
        self.date_edit = self.form_.add(self.tr("&Tanggal bayar:"), date_edit("savingsReturnDateEdit"), "occurred_on")
        self.date_edit.setMaximumDate(QDate(clock.today()))
        self.date_edit.set_subject(self.tr("Tanggal bayar"))
        self.offset_check = QCheckBox(self.tr("&Perhitungkan simpanan dengan pinjaman"), objectName="savingsReturnOffsetCheck")
        self.offset_check.setVisible(bool(self.position.loans))
        self.offset_check.setChecked(bool(self.position.loans) and not self.position.short)
        self.form_.add("", self.offset_check, "offset")
        super().__init__(self.form_, object_name="savingsReturnDialog", width=520, parent=parent)
        self.setWindowTitle(self.tr("Pengembalian simpanan anggota keluar"))
        self.context, self.savings = context, savings
        self.request_id = uuid.uuid4()
        self.result_: leaving.SavingsReturn | None = None

    def save(self) -> None:
        with self.context.database.session() as session:
            self.result_ = leaving.return_savings(
                session, self.context.actor, self.savings.member_id,
                occurred_on=self.date_edit.date().toPython(), request_id=self.request_id,
                offset=self.offset_check.isChecked(),
            )


class ReverseSavingDialog(FormDialog):
    def __init__(self, context: AppContext, savings: MemberSavings, movement: MovementRow, parent: QWidget | None = None) -> None:
        self.form_ = FieldForm(
            _member_line(savings)
            + f"<br>Dibatalkan: <b>{movement.action.label} {movement.kind.label.lower()} {format_rupiah(movement.amount)}</b>, "
            f"{format_date(movement.occurred_on)}, kwitansi {movement.receipt_number}."
            + "<br>Transaksi asli tetap tercatat; kwitansinya dicetak ulang bertanda BATAL."
            + f"<br><i>{FOUR_EYES_NOTE}</i>"
        )
        self.reason_edit = QLineEdit(objectName="savingsReverseReasonEdit")
        self.reason_edit.setMaxLength(500)
        self.reason_edit.setPlaceholderText(self.tr("wajib diisi, misalnya: salah ketik jumlah"))
        self.form_.add(self.tr("&Alasan pembatalan:"), self.reason_edit, "reason")
        super().__init__(self.form_, object_name="savingsReverseDialog", width=560, parent=parent)
        self.setWindowTitle(self.tr("Minta pembatalan transaksi simpanan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Minta pembatalan"))
        self.context, self.movement = context, movement
        self.request_id = uuid.uuid4()

    def save(self) -> None:
        with self.context.database.session() as session:
            movements.request_savings_reversal(
                session, self.context.actor, self.movement.id, reason=self.reason_edit.text(), request_id=self.request_id
            )


def rates_summary(views: list[rates.RateView]) -> str:
    if not views:
        return "Besar simpanan pokok dan wajib belum diatur. Isi sesuai AD/ART koperasi."
    lines = [f"{view.kind.label} mulai {format_month(view.effective_from)}: <b>{format_rupiah(view.amount)}</b>"
             + ("" if view.kind is SavingsKind.POKOK else " per bulan") for view in views]
    return "Besar yang berlaku:<br>" + "<br>".join(lines)


class RateDialog(FormDialog):
    """Set the pokok or the monthly wajib amount from a month on (a month's earlier amount is replaced)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        with context.database.session() as session:
            self.views = rates.savings_rates(session, context.actor)
        self.form_ = FieldForm(rates_summary(self.views))
        self.kind_combo = QComboBox(objectName="savingsRateKindCombo")
        for kind in RATED_KINDS:
            self.kind_combo.addItem(kind.label, kind.value)
        self.form_.add(self.tr("&Jenis simpanan:"), self.kind_combo, "kind")
        self.month_edit = self.form_.add(self.tr("&Berlaku mulai (bulan):"), date_edit("savingsRateMonthEdit"), "effective_from")
        self.month_edit.setDate(QDate(clock.today().replace(day=1)))
        self.month_edit.set_subject(self.tr("Bulan berlaku"))
        self.amount_edit = MoneyEdit(objectName="savingsRateAmountEdit")
        self.form_.add(self.tr("Be&sar (Rp):"), self.amount_edit, "amount")
        super().__init__(self.form_, object_name="savingsRateDialog", width=560, parent=parent)
        self.setWindowTitle(self.tr("Besar simpanan pokok dan wajib"))
        self.context = context

    def save(self) -> None:
        kind, month = SavingsKind(self.kind_combo.currentData()), self.month_edit.date().toPython().replace(day=1)
        known = next((view for view in self.views if view.kind is kind and view.effective_from == month), None)
        with self.context.database.session() as session:
            rates.set_rate(session, self.context.actor, kind=kind, effective_from=month,
                           amount=self.amount_edit.checked_value("amount"), expected_version=known.version if known else 0)


class StatementDialog(FormDialog):
    """Choose the period of a member's rekening simpanan (A4); Simpan builds it for the preview."""

    def __init__(self, context: AppContext, savings: MemberSavings, parent: QWidget | None = None) -> None:
        self.form_ = FieldForm(_member_line(savings))
        today = clock.today()
        self.from_edit = self.form_.add(self.tr("&Dari tanggal:"), date_edit("savingsStatementFromEdit", today.replace(month=1, day=1)), "period_from")
        self.from_edit.set_subject(self.tr("Tanggal awal"))
        self.to_edit = self.form_.add(self.tr("&Sampai tanggal:"), date_edit("savingsStatementToEdit", today), "period_to")
        self.to_edit.set_subject(self.tr("Tanggal akhir"))
        super().__init__(self.form_, object_name="savingsStatementDialog", width=460, parent=parent)
        self.setWindowTitle(self.tr("Rekening simpanan anggota"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Tampilkan"))
        self.context, self.savings = context, savings
        self.statement: SavingsStatement | None = None

    def save(self) -> None:
        with self.context.database.session() as session:
            self.statement = papers.savings_statement(
                session, self.context.actor, self.savings.member_id,
                period_from=self.from_edit.date().toPython(), period_to=self.to_edit.date().toPython(),
            )


class PassbookPaperDialog(FormDialog):
    """Kertas buku simpanan: move the print to the office's passbook paper (whole mm down and right) and say how
    many ruled lines a page has. The three are saved together (each changed one audited as an office setting)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        with context.database.session() as session:
            self._held = passbook.passbook_paper(session, context.actor)
        self.form_ = FieldForm(self.tr(
            "Bila cetakan buku simpanan tidak tepat di baris buku, geser seluruh cetakan di sini. Angka positif menggeser "
            "ke bawah atau ke kanan, negatif ke atas atau ke kiri."))
        self.spins: dict[str, QSpinBox] = {}
        layout = self._held.layout
        for setting, label, name, field, value in (
            (PASSBOOK_TOP_MM, self.tr("Geser ke &bawah:"), "passbookTopSpin", "top_mm", layout.top_mm),
            (PASSBOOK_LEFT_MM, self.tr("Geser ke &kanan:"), "passbookLeftSpin", "left_mm", layout.left_mm),
            (PASSBOOK_LINES, self.tr("&Baris per halaman:"), "passbookLinesSpin", "lines_per_page", layout.lines_per_page),
        ):
            spin = QSpinBox(objectName=name)
            spin.setRange(-99, 99)  # wider than the rule, so the rule's own message says what is allowed
            if setting is not PASSBOOK_LINES:
                spin.setSuffix(self.tr(" mm"))
            spin.setValue(value)
            self.spins[setting.key] = self.form_.add(label, spin, field)
        self.form_.layout_.addRow(QLabel(self.tr(
            "Baris per halaman: jumlah baris bergaris di satu halaman buku. Perubahan berlaku untuk cetakan berikutnya "
            "dan dicatat di catatan audit."), wordWrap=True))
        super().__init__(self.form_, object_name="savingsPassbookPaperDialog", width=520, parent=parent)
        self.setWindowTitle(self.tr("Kertas buku simpanan"))
        self.context = context

    def save(self) -> None:
        chosen = PassbookLayout(*(self.spins[setting.key].value() for setting in (PASSBOOK_TOP_MM, PASSBOOK_LEFT_MM, PASSBOOK_LINES)))
        with self.context.database.session() as session:
            passbook.change_passbook_paper(session, self.context.actor, chosen, expected_versions=self._held.versions)
