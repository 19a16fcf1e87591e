"""Record that a member leaves (keluar): date and reason; the member is kept, never deleted."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QWidget

from koperasi.gui.context import AppContext
from koperasi.gui.form_dialog import FormDialog
from koperasi.gui.forms.ui_leave_form import Ui_LeaveForm
from koperasi.services.members import register as members
from koperasi.services.members.register import MemberDetail
from koperasi import clock


class _LeaveForm(QWidget):
    """Designer: ui/leave_form.ui: the date (today unless changed), then the reason."""

    def __init__(self) -> None:
        super().__init__()
        self.form = Ui_LeaveForm()
        self.form.setupUi(self)
        self.date_edit = self.form.leaveDateEdit
        self.reason_edit = self.form.leaveReasonEdit
        self.date_edit.setMaximumDate(QDate(clock.today()))
        self.date_edit.setDate(QDate(clock.today()))

    def focus_field(self, field: str | None) -> None:
        (self.date_edit if field == "left_on" else self.reason_edit).setFocus()


class LeaveDialog(FormDialog):
    def __init__(self, context: AppContext, member: MemberDetail, parent: QWidget | None = None) -> None:
        self.leave_form = _LeaveForm()
        super().__init__(self.leave_form, object_name="leaveDialog", width=460, parent=parent)
        self.setWindowTitle(self.tr("Anggota keluar: {name}").format(name=member.data.full_name))
        self.context = context
        self.member = member
        self.saved: MemberDetail | None = None

    def save(self) -> None:
        with self.context.database.session() as session:
            self.saved = members.record_leaving(
                session,
                self.context.actor,
                self.member.id,
                left_on=self.leave_form.date_edit.date().toPython(),
                reason=self.leave_form.reason_edit.text(),
                expected_version=self.member.version,
            )
