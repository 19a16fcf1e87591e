"""Rujuk: record that a person was told of or referred to an opportunity; Catat hasil: what came of it."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from koperasi.domain.dates import format_date
from koperasi.domain.network.opportunities import Outcome
from koperasi.gui.context import AppContext
from koperasi.gui.date_field import DateField
from koperasi.gui.form_dialog import FieldForm, FormDialog
from koperasi.services.network import referrals
from koperasi.services.network.referrals import ReferralRow
from koperasi import clock


class ReferDialog(FormDialog):
    def __init__(self, context: AppContext, opportunity_id: uuid.UUID, opportunity: str, member_id: uuid.UUID, person: str,
                 household_member_id: uuid.UUID | None = None, parent: QWidget | None = None) -> None:
        form = FieldForm(f"{person} \u2192 {opportunity}")
        self.day = form.add(form.tr("&Tanggal:"), DateField(day=clock.today(), subject=form.tr("Tanggal rujukan"),
                                                           objectName="referOnEdit"), "referred_on")
        self.day.setMaximumDate(clock.today(), form.tr("hari ini"))
        self.note = form.add(form.tr("&Catatan:"), QLineEdit(objectName="referNoteEdit",
                                                             placeholderText=form.tr("contoh: diberi tahu lewat telepon")), "note")
        super().__init__(form, object_name="referDialog", width=520, parent=parent)
        self.setWindowTitle(self.tr("Rujuk ke peluang"))
        self.context, self.opportunity_id, self.member_id, self.child = context, opportunity_id, member_id, household_member_id
        self.saved: uuid.UUID | None = None

    def save(self) -> None:
        with self.context.database.session() as session:
            self.saved = referrals.refer(session, self.context.actor, self.opportunity_id, self.member_id,
                                         household_member_id=self.child, referred_on=self.day.date().toPython(), note=self.note.text())


class OutcomeDialog(FormDialog):
    def __init__(self, context: AppContext, row: ReferralRow, parent: QWidget | None = None) -> None:
        form = FieldForm(form_summary(row))
        self.outcome = QComboBox(objectName="outcomeCombo")
        for outcome in Outcome:
            if row.for_child or not outcome.for_children_only:
                self.outcome.addItem(outcome.label, outcome)
        if row.outcome is not None:
            self.outcome.setCurrentIndex(max(0, self.outcome.findData(row.outcome)))
        form.add(form.tr("&Hasil:"), self.outcome, "outcome")
        self.day = form.add(form.tr("&Tanggal:"), DateField(day=clock.today(), subject=form.tr("Tanggal hasil"),
                                                           objectName="outcomeOnEdit"), "on")
        self.day.setMaximumDate(clock.today(), form.tr("hari ini"))
        super().__init__(form, object_name="outcomeDialog", width=480, parent=parent)
        self.setWindowTitle(self.tr("Catat hasil rujukan"))
        self.context, self.row = context, row

    def save(self) -> None:
        with self.context.database.session() as session:
            referrals.record_outcome(session, self.context.actor, self.row.id, self.outcome.currentData(),
                                     on=self.day.date().toPython(), expected_version=self.row.version)


def form_summary(row: ReferralRow) -> str:
    return f"{row.person} \u2192 {row.opportunity} (dirujuk {format_date(row.referred_on)})"
