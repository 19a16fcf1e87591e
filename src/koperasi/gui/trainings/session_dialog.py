"""Add or edit a session (Designer: ui/training_session_form.ui): date, times, place, facilitator, subject;
an existing session can be cancelled here (not once its attendance is taken)."""

from __future__ import annotations

import uuid
from datetime import time

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QWidget

from koperasi.domain.trainings.rules import SessionInput
from koperasi.gui.context import AppContext
from koperasi.gui.form_dialog import FormDialog
from koperasi.gui.forms.ui_training_session_form import Ui_TrainingSessionForm
from koperasi.gui.combos import find_data
from koperasi.services.office import regions
from koperasi.services.trainings import programmes as trainings
from koperasi.services.trainings.programmes import SessionView
from koperasi import clock


class SessionForm(QWidget):
    def __init__(self, context: AppContext, default_kecamatan: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.form = Ui_TrainingSessionForm()
        self.form.setupUi(self)
        f = self.form
        f.heldOnEdit.setDate(QDate(clock.today()))
        f.startsAtEdit.setTime(QTime(9, 0))
        f.endsAtEdit.setTime(QTime(12, 0))
        with context.database.session() as session:
            kecamatan = regions.list_kecamatan(session)
        f.kecamatanCombo.addItem(self.tr("— tidak diisi —"), None)
        for item in kecamatan:
            f.kecamatanCombo.addItem(item.name, item.code)
        f.kecamatanCombo.currentIndexChanged.connect(self._fill_desa)
        f.kecamatanCombo.setCurrentIndex(max(0, f.kecamatanCombo.findData(default_kecamatan)))
        self._fill_desa()
        self._fields = {
            "held_on": f.heldOnEdit, "starts_at": f.startsAtEdit, "ends_at": f.endsAtEdit, "place": f.placeEdit,
            "kecamatan_code": f.kecamatanCombo, "desa_id": f.desaCombo, "facilitator": f.facilitatorEdit, "subject": f.subjectEdit,
        }

    def _fill_desa(self) -> None:
        combo, code = self.form.desaCombo, self.form.kecamatanCombo.currentData()
        chosen = combo.currentData()
        combo.clear()
        combo.addItem(self.tr("— tidak diisi —"), None)
        if code:
            with self.context.database.session() as session:
                for desa in regions.list_desa(session, self.context.actor, code):
                    combo.addItem(desa.name, desa.id)
        combo.setCurrentIndex(max(0, find_data(combo, chosen)))

    def fill(self, view: SessionView) -> None:
        f, d = self.form, view.data
        f.heldOnEdit.setDate(QDate(d.held_on))
        f.startsAtEdit.setTime(QTime(d.starts_at.hour, d.starts_at.minute))
        f.endsAtEdit.setTime(QTime(d.ends_at.hour, d.ends_at.minute))
        f.placeEdit.setText(d.place)
        f.kecamatanCombo.setCurrentIndex(max(0, f.kecamatanCombo.findData(d.kecamatan_code)))
        self._fill_desa()
        if d.desa_id is not None and find_data(f.desaCombo, d.desa_id) < 0:
            f.desaCombo.addItem(view.desa_name, d.desa_id)  # a retired desa stays visible
        f.desaCombo.setCurrentIndex(max(0, find_data(f.desaCombo, d.desa_id)))
        f.facilitatorEdit.setText(d.facilitator)
        f.subjectEdit.setText(d.subject)
        f.cancelledCheck.setChecked(view.cancelled)

    def values(self) -> SessionInput:
        f = self.form

        def clock(edit) -> time:
            value = edit.time()
            return time(value.hour(), value.minute())

        return SessionInput(
            held_on=f.heldOnEdit.date().toPython(), starts_at=clock(f.startsAtEdit), ends_at=clock(f.endsAtEdit),
            place=f.placeEdit.text(), kecamatan_code=f.kecamatanCombo.currentData(), desa_id=f.desaCombo.currentData(),
            facilitator=f.facilitatorEdit.text(), subject=f.subjectEdit.text(),
        )

    def focus_field(self, field: str | None) -> None:
        widget = self._fields.get(field or "")
        if widget is not None:
            widget.setFocus()


class SessionDialog(FormDialog):
    def __init__(
        self, context: AppContext, batch_id: uuid.UUID, session_view: SessionView | None, *,
        default_kecamatan: str | None = None, parent: QWidget | None = None,
    ) -> None:
        self.session_form = SessionForm(context, default_kecamatan)
        if session_view is not None:
            self.session_form.fill(session_view)
        else:
            self.session_form.form.cancelledCheck.hide()
        super().__init__(self.session_form, object_name="sessionDialog", width=560, parent=parent)
        self.setWindowTitle(self.tr("Sesi baru") if session_view is None
                            else self.tr("Ubah sesi ke-{number}").format(number=session_view.number) if session_view.number
                            else self.tr("Ubah sesi"))
        self.context, self.batch_id, self.session_view = context, batch_id, session_view

    def save(self) -> None:
        data = self.session_form.values()
        with self.context.database.session() as session:
            if self.session_view is None:
                trainings.add_session(session, self.context.actor, self.batch_id, data)
            else:
                trainings.update_session(
                    session, self.context.actor, self.session_view.id, data,
                    cancelled=self.session_form.form.cancelledCheck.isChecked(), expected_version=self.session_view.version,
                )
