"""Tindak lanjut baru: what is to be done, who does it, by when (on or after the meeting's day)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QWidget

from koperasi.domain.network.meetings import FollowUpInput
from koperasi.gui.context import AppContext
from koperasi.gui.date_field import DateField
from koperasi.gui.form_dialog import FieldForm, FormDialog
from koperasi.services.network import follow_ups
from koperasi.services.network.meetings import MeetingView
from koperasi import clock


def tr(text: str) -> str:
    return QCoreApplication.translate("FollowUpDialog", text)


class FollowUpDialog(FormDialog):
    def __init__(self, context: AppContext, meeting: MeetingView, parent: QWidget | None = None) -> None:
        form = FieldForm(tr("Pertemuan {day}: {topics}").format(day=meeting.data.held_on.strftime("%d-%m-%Y"),
                                                                      topics=meeting.data.topics[:80]))
        self.action = form.add(tr("&Tindak lanjut:"), QLineEdit(objectName="followUpActionEdit"), "action")
        self.responsible = form.add(tr("&Penanggung jawab:"), QLineEdit(objectName="followUpResponsibleEdit"), "responsible")
        self.due_on = form.add(tr("&Batas waktu:"), DateField(day=max(clock.today(), meeting.data.held_on) + timedelta(days=7),
                                                                  subject=tr("Batas waktu"), objectName="followUpDueOnEdit"), "due_on")
        super().__init__(form, object_name="followUpDialog", width=520, parent=parent)
        self.setWindowTitle(self.tr("Tindak lanjut baru"))
        self.context, self.meeting = context, meeting

    def save(self) -> None:
        data = FollowUpInput(self.action.text(), self.responsible.text(), self.due_on.date().toPython())
        with self.context.database.session() as session:
            follow_ups.add_follow_up(session, self.context.actor, self.meeting.id, data)

