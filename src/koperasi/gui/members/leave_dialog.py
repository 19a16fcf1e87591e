"""Record that a member leaves (keluar): date and reason; the member is kept, never deleted.

The clerk sees the member's savings and running loans first. With a loan running the member leaves only
when the savings are set against it (the loan is paid from them, the rest paid in cash on one kwitansi,
printed from the Simpanan tab); savings that fall short are refused, naming the loan and the remainder."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QWidget

from koperasi.gui.context import AppContext
from koperasi.gui.form_dialog import FormDialog
from koperasi.gui.forms.ui_leave_form import Ui_LeaveForm
from koperasi.domain.money import format_rupiah
from koperasi.services.members import register as members
from koperasi.services.members.register import MemberDetail
from koperasi.services.savings import leaving
from koperasi import clock


class _LeaveForm(QWidget):
    """Designer: ui/leave_form.ui: the date (today unless changed), then the reason."""

    def __init__(self) -> None:
        super().__init__()
        self.form = Ui_LeaveForm()
        self.form.setupUi(self)
        self.date_edit = self.form.leaveDateEdit
        self.reason_edit = self.form.leaveReasonEdit
        self.position_label = self.form.leavePositionLabel
        self.offset_check = self.form.leaveOffsetCheck
        self.date_edit.setMaximumDate(QDate(clock.today()))
        self.date_edit.setDate(QDate(clock.today()))

    def focus_field(self, field: str | None) -> None:
        (self.date_edit if field == "left_on" else self.reason_edit).setFocus()

    def show_position(self, position: leaving.LeavingPosition) -> None:
        saved = ", ".join(f"{kind.label.removeprefix('Simpanan ')} {format_rupiah(amount)}"
                          for kind, amount in position.balances.items() if amount)
        lines = [self.tr("Simpanan: {saved}.").format(saved=saved) if saved else self.tr("Tidak ada saldo simpanan.")]
        lines += [self.tr("Pinjaman {number} berjalan: sisa pokok <b>{owed}</b>.").format(
            number=loan.number, owed=format_rupiah(loan.outstanding)) for loan in position.loans]
        if position.loans and position.short:
            lines.append(self.tr("Simpanan tidak cukup: masih kurang <b>{short}</b>; lunasi dahulu di tab Pinjaman.").format(
                short=format_rupiah(position.short)))
        elif position.loans:
            lines.append(self.tr("Jika diperhitungkan: <b>{offset}</b> melunasi pinjaman, <b>{cash}</b> dibayarkan tunai.").format(
                offset=format_rupiah(position.offset), cash=format_rupiah(position.cash)))
        self.position_label.setText("<br>".join(lines))
        self.offset_check.setVisible(bool(position.loans))
        self.offset_check.setChecked(bool(position.loans) and not position.short)


class LeaveDialog(FormDialog):
    def __init__(self, context: AppContext, member: MemberDetail, parent: QWidget | None = None) -> None:
        self.leave_form = _LeaveForm()
        super().__init__(self.leave_form, object_name="leaveDialog", width=460, parent=parent)
        self.setWindowTitle(self.tr("Anggota keluar: {name}").format(name=member.data.full_name))
        self.context = context
        self.member = member
        self.saved: MemberDetail | None = None
        self.paid_out: leaving.SavingsReturn | None = None
        self.request_id = uuid.uuid4()
        with context.database.session() as session:
            self.position = leaving.leaving_position(session, context.actor, member.id)
        self.leave_form.show_position(self.position)

    def save(self) -> None:
        if self.position.loans and self.leave_form.offset_check.isChecked():
            with self.context.database.session() as session:
                self.paid_out = leaving.leave_with_savings(
                    session, self.context.actor, self.member.id, left_on=self.leave_form.date_edit.date().toPython(),
                    reason=self.leave_form.reason_edit.text(), expected_version=self.member.version, offset=True,
                    request_id=self.request_id,
                )
            return
        with self.context.database.session() as session:
            self.saved = members.record_leaving(
                session,
                self.context.actor,
                self.member.id,
                left_on=self.leave_form.date_edit.date().toPython(),
                reason=self.leave_form.reason_edit.text(),
                expected_version=self.member.version,
            )
