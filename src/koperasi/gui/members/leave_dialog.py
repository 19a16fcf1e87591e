"""Record that a member leaves (keluar): date and reason; the member is kept, never deleted."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QFormLayout, QLineEdit, QWidget

from koperasi.gui.context import AppContext
from koperasi.gui.form_dialog import FormDialog
from koperasi.services import members
from koperasi.services.members import MemberDetail


class _LeaveForm(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setObjectName("leaveDateEdit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd-MM-yyyy")
        self.date_edit.setMaximumDate(QDate.currentDate())
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("leaveReasonEdit")
        self.reason_edit.setMaxLength(250)
        self.reason_edit.setPlaceholderText(self.tr("contoh: pindah domisili, mengundurkan diri"))
        layout = QFormLayout(self)
        layout.addRow(self.tr("&Tanggal keluar:"), self.date_edit)
        layout.addRow(self.tr("&Alasan:"), self.reason_edit)

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
