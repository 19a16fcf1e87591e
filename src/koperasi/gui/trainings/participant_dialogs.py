"""Daftarkan anggota (a member, or a person of the member's household such as a child out of
school) and Mundur (withdraw with a reason)."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import QButtonGroup, QComboBox, QLineEdit, QRadioButton, QWidget

from koperasi.domain.errors import ValidationError
from koperasi.gui.context import AppContext
from koperasi.gui.date_field import DateField
from koperasi.gui.form_dialog import FormDialog
from koperasi.gui.form_dialog import FieldForm
from koperasi.gui.date_field import date_edit
from koperasi.services.trainings import participants as training_participants
from koperasi.services.members.search import MemberFilter, member_page
from koperasi.services.trainings.participants import ParticipantView
from koperasi.services.trainings.programmes import BatchView
from koperasi import clock

SEARCH_DELAY_MS = 200
MEMBER_CHOICES = 30


class EnrolDialog(FormDialog):
    def __init__(self, context: AppContext, batch: BatchView, parent: QWidget | None = None) -> None:
        f = self.form_ = FieldForm(self.tr("Peserta baru untuk <b>{batch}</b> ({programme}).").format(
            batch=batch.name, programme=batch.programme_name))
        self.search_edit = f.add(self.tr("&Cari anggota:"), QLineEdit(objectName="enrolSearchEdit"), "search")
        self.search_edit.setPlaceholderText(self.tr("nama, NIK atau nomor anggota"))
        self.search_edit.setClearButtonEnabled(True)
        self.member_combo = f.add(self.tr("&Anggota:"), QComboBox(objectName="enrolMemberCombo"), "member_id")
        self.member_combo.addItem(self.tr("— ketik nama di atas untuk mencari —"), None)
        self.self_radio = QRadioButton(self.tr("Anggota ini &sendiri"), objectName="enrolSelfRadio")
        self.household_radio = QRadioButton(self.tr("Anggota &keluarganya (mis. anak putus sekolah):"), objectName="enrolHouseholdRadio")
        self.self_radio.setChecked(True)
        self._who = QButtonGroup(f)
        self._who.addButton(self.self_radio)
        self._who.addButton(self.household_radio)
        f.add(self.tr("Yang ikut:"), self.self_radio)
        f.add("", self.household_radio)
        self.household_combo = f.add("", QComboBox(objectName="enrolHouseholdCombo"), "household_member_id")
        self.household_combo.setEnabled(False)
        self.date_edit = f.add(self.tr("&Tanggal daftar:"), date_edit("enrolDateEdit"), "enrolled_on")
        self.date_edit.setMaximumDate(QDate(clock.today()))
        self._search_timer = QTimer(singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._search)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.member_combo.currentIndexChanged.connect(self._fill_household)
        self.household_radio.toggled.connect(self._who_changed)
        super().__init__(f, object_name="enrolDialog", width=600, parent=parent)
        self._search_timer.setParent(self)
        self.setWindowTitle(self.tr("Daftarkan peserta"))
        self.context, self.batch = context, batch
        self._fill_household()
        self.saved: uuid.UUID | None = None

    def _search(self) -> None:
        text = self.search_edit.text().strip()
        combo = self.member_combo
        combo.blockSignals(True)
        combo.clear()
        if not text:
            combo.addItem(self.tr("— ketik nama di atas untuk mencari —"), None)
        else:
            with self.context.database.session() as session:
                page = member_page(session, self.context.actor, MemberFilter(text=text), limit=MEMBER_CHOICES)
            if not page.rows:
                combo.addItem(self.tr("— tidak ada anggota aktif yang cocok —"), None)
            for row in page.rows:
                combo.addItem(f"{row.full_name} ({row.number}, {row.desa})", row.id)
            if page.total > len(page.rows):
                combo.addItem(self.tr("… {more} lagi: perjelas pencarian").format(more=page.total - len(page.rows)), None)
        combo.blockSignals(False)
        self._fill_household()

    def _fill_household(self) -> None:
        combo = self.household_combo
        combo.clear()
        member_id = self.member_combo.currentData()
        people = []
        if member_id is not None:
            with self.context.database.session() as session:
                people = training_participants.household_candidates(session, self.context.actor, member_id)
        for person in people:
            details = [person.relation, person.sex]
            if person.age is not None:
                details.append(self.tr("{age} th").format(age=person.age))
            if person.school:
                details.append(person.school)
            combo.addItem(f"{person.name} ({', '.join(details)})", person.id)
        if member_id is not None and not people:
            combo.addItem(self.tr("— belum ada anggota keluarga yang dicatat —"), None)
        self.household_radio.setEnabled(bool(people))
        if not people:
            self.self_radio.setChecked(True)
        self._who_changed()

    def _who_changed(self) -> None:
        self.household_combo.setEnabled(self.household_radio.isChecked())

    def save(self) -> None:
        member_id = self.member_combo.currentData()
        if member_id is None:
            raise ValidationError(self.tr("Cari lalu pilih anggota."), field="member_id")
        household_id = None
        if self.household_radio.isChecked():
            household_id = self.household_combo.currentData()
            if household_id is None:
                raise ValidationError(self.tr("Pilih anggota keluarga yang ikut."), field="household_member_id")
        with self.context.database.session() as session:
            self.saved = training_participants.enrol(
                session, self.context.actor, self.batch.id,
                member_id=None if household_id else member_id, household_member_id=household_id,
                enrolled_on=self.date_edit.date().toPython(),
            )


class WithdrawDialog(FormDialog):
    def __init__(self, context: AppContext, participant: ParticipantView, parent: QWidget | None = None) -> None:
        f = self.form_ = FieldForm(self.tr("<b>{name}</b> ({identity}) mengundurkan diri; kehadirannya tetap tercatat.").format(
            name=participant.name, identity=participant.identity))
        self.date_edit: DateField = f.add(self.tr("&Tanggal mundur:"), date_edit("withdrawDateEdit"), "withdrawn_on")
        self.date_edit.setMaximumDate(QDate(clock.today()))
        self.date_edit.setMinimumDate(QDate(participant.enrolled_on), self.tr("tanggal daftar"))
        self.date_edit.set_subject(self.tr("Tanggal mundur"))
        self.reason_edit = f.add(self.tr("&Alasan:"), QLineEdit(objectName="withdrawReasonEdit"), "reason")
        self.reason_edit.setMaxLength(250)
        self.reason_edit.setPlaceholderText(self.tr("wajib diisi, misalnya: pindah ke luar daerah"))
        super().__init__(f, object_name="withdrawDialog", width=540, parent=parent)
        self.setWindowTitle(self.tr("Peserta mundur"))
        self.context, self.participant = context, participant

    def save(self) -> None:
        with self.context.database.session() as session:
            training_participants.withdraw(
                session, self.context.actor, self.participant.id, withdrawn_on=self.date_edit.date().toPython(),
                reason=self.reason_edit.text(), expected_version=self.participant.version,
            )
