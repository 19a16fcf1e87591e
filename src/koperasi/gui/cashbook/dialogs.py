"""The cash book's forms: an income or an expense, a new account of the chart, a reversal request.
Every money write carries a request id made when the dialog opens."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit, QWidget

from koperasi.domain.cashbook.papers import CashLine
from koperasi.domain.cashbook.rules import MAX_DESCRIPTION, MAX_PARTY, CashDirection
from koperasi.domain.dates import format_date
from koperasi.domain.ledger import POSTED_BY_AREAS, Account, AccountGroup
from koperasi.domain.money import format_rupiah
from koperasi.domain.reversals import FOUR_EYES_NOTE
from koperasi.domain.roles import Permission
from koperasi.gui.context import AppContext
from koperasi.gui.date_field import date_edit
from koperasi.gui.form_dialog import FieldForm, FormDialog
from koperasi.gui.inline_add import add_buttons_beside
from koperasi.gui.money_edit import MoneyEdit
from koperasi.services import accounts
from koperasi.services.cashbook import entries
from koperasi.services.cashbook.entries import RecordedEntry
from koperasi import clock


def usable_accounts(context: AppContext, group: AccountGroup) -> list[accounts.ChartAccount]:
    """The accounts an entry of ``group`` may name, as the service would allow them."""
    with context.database.session() as session:
        chart = accounts.chart(session, context.actor)
    posted_by_areas = {account.value for account in POSTED_BY_AREAS}
    return [account for account in chart
            if account.group is group and not account.retired and account.code not in posted_by_areas]


class CashEntryDialog(FormDialog):
    """Pemasukan or pengeluaran: the day, the account, the amount, what it was for, and who paid or was paid."""

    def __init__(self, context: AppContext, direction: CashDirection, parent: QWidget | None = None) -> None:
        income = direction is CashDirection.INCOME
        self.form_ = FieldForm(self.tr("Uang yang diterima kantor di luar pinjaman, penjualan dan simpanan (hibah, pendapatan lain). "
                                       "Bukti kas masuk (BKM) dicetak sesudah disimpan.") if income else
                               self.tr("Uang yang dibayarkan kantor untuk operasional, honor, pelatihan atau transportasi. "
                                       "Bukti kas keluar (BKK) dicetak sesudah disimpan."))
        self.date_edit = self.form_.add(self.tr("&Tanggal:"), date_edit("cashEntryDateEdit"), "occurred_on")
        self.date_edit.setMaximumDate(QDate(clock.today()))
        self.date_edit.set_subject(self.tr("Tanggal transaksi"))
        self.account_combo = QComboBox(objectName="cashEntryAccountCombo")
        self.form_.add(self.tr("&Akun:"), self.account_combo, "account")
        self.amount_edit = MoneyEdit(objectName="cashEntryAmountEdit")
        self.form_.add(self.tr("&Jumlah (Rp):"), self.amount_edit, "amount")
        self.description_edit = QLineEdit(objectName="cashEntryDescriptionEdit")
        self.description_edit.setMaxLength(MAX_DESCRIPTION)
        self.description_edit.setPlaceholderText(self.tr("wajib diisi, misalnya: hibah Dinas Koperasi tahap 2") if income
                                                 else self.tr("wajib diisi, misalnya: beli kertas dan tinta printer"))
        self.form_.add(self.tr("&Uraian:"), self.description_edit, "description")
        self.party_edit = QLineEdit(objectName="cashEntryPartyEdit")
        self.party_edit.setMaxLength(MAX_PARTY)
        self.party_edit.setPlaceholderText(self.tr("boleh dikosongkan"))
        self.form_.add(self.tr("Diterima da&ri:") if income else self.tr("Dibayarkan &kepada:"), self.party_edit, "party")
        self.context, self.direction = context, direction
        self._fill_accounts()
        self.new_account_button = None
        if context.actor.can(Permission.MANAGE_ACCOUNTS):
            self.new_account_button, = add_buttons_beside(self.account_combo, (self.tr("Akun &baru…"), "cashEntryNewAccountButton"))
            self.new_account_button.clicked.connect(self._new_account)
        super().__init__(self.form_, object_name="cashEntryDialog", width=600, parent=parent)
        self.setWindowTitle(self.tr("Pemasukan kas kantor") if income else self.tr("Pengeluaran kas kantor"))
        self.request_id = uuid.uuid4()
        self.result_: RecordedEntry | None = None

    def _fill_accounts(self, select: str | None = None) -> None:
        self.account_combo.clear()
        for account in usable_accounts(self.context, self.direction.group):
            self.account_combo.addItem(account.label, account.code)
        if select is not None:
            self.account_combo.setCurrentIndex(self.account_combo.findData(select))

    def _new_account(self) -> None:
        dialog = NewAccountDialog(self.context, self.direction.group, self)
        if dialog.exec() and dialog.result_ is not None:
            self._fill_accounts(select=dialog.result_.code)
            self.amount_edit.setFocus()

    def save(self) -> None:
        amount = self.amount_edit.checked_value("amount")
        with self.context.database.session() as session:
            self.result_ = entries.record(
                session, self.context.actor, direction=self.direction, account=self.account_combo.currentData() or "",
                amount=amount, occurred_on=self.date_edit.date().toPython(), description=self.description_edit.text(),
                party=self.party_edit.text(), request_id=self.request_id,
            )


class NewAccountDialog(FormDialog):
    """A new income or expense account under its fixed group; the code is proposed and may be changed."""

    def __init__(self, context: AppContext, group: AccountGroup, parent: QWidget | None = None) -> None:
        with context.database.session() as session:
            proposed = accounts.proposed_code(session, context.actor, group)
        example = Account.OPERATING_EXPENSE if group is AccountGroup.EXPENSE else Account.GRANT_INCOME
        self.form_ = FieldForm(self.tr("Akun {group} baru. Kode diawali {digit}, misalnya {code} {name}; "
                                       "akun yang sudah dipakai tidak dapat dihapus, hanya dinonaktifkan.").format(
            group=group.label.lower(), digit=group.value, code=example.value, name=example.label))
        self.code_edit = QLineEdit(proposed, objectName="newAccountCodeEdit")
        self.code_edit.setMaxLength(4)
        self.form_.add(self.tr("&Kode:"), self.code_edit, "code")
        self.name_edit = QLineEdit(objectName="newAccountNameEdit")
        self.name_edit.setMaxLength(80)
        self.name_edit.setPlaceholderText(self.tr("misalnya: Beban listrik dan air") if group is AccountGroup.EXPENSE
                                          else self.tr("misalnya: Pendapatan sewa tenda"))
        self.form_.add(self.tr("&Nama akun:"), self.name_edit, "name")
        super().__init__(self.form_, object_name="newAccountDialog", width=520, parent=parent)
        self.setWindowTitle(self.tr("Akun {group} baru").format(group=group.label.lower()))
        self.context, self.group = context, group
        self.result_: accounts.ChartAccount | None = None
        self.name_edit.setFocus()

    def save(self) -> None:
        with self.context.database.session() as session:
            self.result_ = accounts.add_account(session, self.context.actor, group=self.group, code=self.code_edit.text(),
                                                name=self.name_edit.text())


class ReverseCashDialog(FormDialog):
    def __init__(self, context: AppContext, line: CashLine, parent: QWidget | None = None) -> None:
        self.form_ = FieldForm(
            f"Dibatalkan: <b>{line.direction.label} {format_rupiah(line.into or line.out)}</b>, "
            f"{format_date(line.occurred_on)}, {line.voucher_number}: {line.description}."
            + "<br>Transaksi asli tetap tercatat; buktinya dicetak ulang bertanda BATAL."
            + f"<br><i>{FOUR_EYES_NOTE}</i>"
        )
        self.reason_edit = QLineEdit(objectName="cashReverseReasonEdit")
        self.reason_edit.setMaxLength(500)
        self.reason_edit.setPlaceholderText(self.tr("wajib diisi, misalnya: salah akun"))
        self.form_.add(self.tr("&Alasan pembatalan:"), self.reason_edit, "reason")
        super().__init__(self.form_, object_name="cashReverseDialog", width=560, parent=parent)
        self.setWindowTitle(self.tr("Minta pembatalan transaksi kas"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Minta pembatalan"))
        self.context, self.line = context, line
        self.request_id = uuid.uuid4()

    def save(self) -> None:
        with self.context.database.session() as session:
            entries.request_cash_reversal(session, self.context.actor, self.line.id, reason=self.reason_edit.text(),
                                          request_id=self.request_id)
