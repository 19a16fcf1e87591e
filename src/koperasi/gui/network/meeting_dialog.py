"""Pertemuan baru / Ubah pertemuan: three pages of one form (the meeting, whom it serves, what came of it).

Planned ahead, the first page is enough; the Hasil page is filled in after the day. The Sasaran page
lists the active groups and the desa of the meeting's kecamatan to tick: their members make the
attendance checklist (none ticked: the desa where it is held).
"""

from __future__ import annotations

import uuid
from datetime import time

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from koperasi.domain.network.meetings import MeetingInput
from koperasi.gui.combos import find_data
from koperasi.gui.context import AppContext
from koperasi.gui.date_field import DateField
from koperasi.gui.form_dialog import FormDialog
from koperasi.services.members import groups
from koperasi.services.network import meetings
from koperasi.services.network.meetings import MeetingView
from koperasi.services.office import regions
from koperasi import clock


def _text_box(name: str, placeholder: str, lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit(objectName=name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)  # Tab moves on, as in every other field
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box


def _check_list(name: str) -> QListWidget:
    listing = QListWidget(objectName=name)
    listing.itemActivated.connect(lambda item: item.setCheckState(
        Qt.CheckState.Unchecked if item.checkState() == Qt.CheckState.Checked else Qt.CheckState.Checked))
    return listing


def _checked(listing: QListWidget) -> frozenset[uuid.UUID]:
    return frozenset(listing.item(i).data(Qt.ItemDataRole.UserRole) for i in range(listing.count())
                     if listing.item(i).checkState() == Qt.CheckState.Checked)


def _fill_checks(listing: QListWidget, choices: list[tuple[uuid.UUID, str]], ticked: frozenset[uuid.UUID]) -> None:
    listing.clear()
    for value, text in choices:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if value in ticked else Qt.CheckState.Unchecked)
        listing.addItem(item)


class MeetingForm(QTabWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meetingFormPages")
        self.context = context
        self.held_on = DateField(day=clock.today(), subject=self.tr("Tanggal pertemuan"), objectName="meetingHeldOnEdit")
        self.starts_at = QTimeEdit(QTime(14, 0), objectName="meetingStartsAtEdit", displayFormat="HH.mm")
        self.ends_at = QTimeEdit(QTime(16, 0), objectName="meetingEndsAtEdit", displayFormat="HH.mm")
        self.kecamatan = QComboBox(objectName="meetingKecamatanCombo")
        self.desa = QComboBox(objectName="meetingDesaCombo")
        self.place = QLineEdit(objectName="meetingPlaceEdit", placeholderText=self.tr("contoh: Balai desa, rumah Ibu Siti"))
        self.organiser = QLineEdit(objectName="meetingOrganiserEdit", placeholderText=self.tr("contoh: KUP Mawar, kantor koperasi"))
        self.facilitator = QLineEdit(objectName="meetingFacilitatorEdit")
        self.topics = _text_box("meetingTopicsEdit", self.tr("contoh: Pelatihan menjahit di BLK; pendaftaran PKH"), 3)
        self.groups = _check_list("meetingGroupsList")
        self.served_desa = _check_list("meetingServedDesaList")
        self.information = _text_box("meetingInformationEdit", self.tr("Informasi yang dibagikan: tempat pelatihan, lowongan, layanan publik…"), 6)
        self.decisions = _text_box("meetingDecisionsEdit", self.tr("Keputusan pertemuan"), 5)
        with context.database.session() as session:
            self._kecamatan = regions.list_kecamatan(session)
            self._groups = groups.group_choices(session, context.actor)
        for item in self._kecamatan:
            self.kecamatan.addItem(item.name, item.code)
        office_kecamatan = context.office.profile.kecamatan_code
        self.kecamatan.setCurrentIndex(max(0, self.kecamatan.findData(office_kecamatan)))
        self.kecamatan.currentIndexChanged.connect(self._kecamatan_changed)
        _fill_checks(self.groups, self._groups, frozenset())
        self._kecamatan_changed()

        times = QHBoxLayout()
        times.addWidget(self.starts_at)
        times.addWidget(QLabel(self.tr("sampai")))
        times.addWidget(self.ends_at)
        times.addStretch(1)
        basics = QWidget()
        form = QFormLayout(basics)
        form.addRow(self.tr("&Tanggal:"), self.held_on)
        form.addRow(QLabel(self.tr("&Jam:"), buddy=self.starts_at), times)
        form.addRow(self.tr("&Kecamatan:"), self.kecamatan)
        form.addRow(self.tr("&Desa:"), self.desa)
        form.addRow(self.tr("Te&mpat:"), self.place)
        form.addRow(self.tr("&Penyelenggara:"), self.organiser)
        form.addRow(self.tr("&Fasilitator:"), self.facilitator)
        form.addRow(self.tr("T&opik:"), self.topics)
        audience = QWidget()
        audience_layout = QVBoxLayout(audience)
        note = QLabel(self.tr("Centang kelompok dan desa yang diundang (Spasi). Anggotanya muncul di daftar hadir. "
                              "Tanpa centang: anggota yang tinggal di desa tempat pertemuan."))
        note.setWordWrap(True)
        audience_layout.addWidget(note)
        lists = QHBoxLayout()
        for title, listing in ((self.tr("&Kelompok"), self.groups), (self.tr("D&esa di kecamatan ini"), self.served_desa)):
            column = QVBoxLayout()
            column.addWidget(QLabel(title, buddy=listing))
            column.addWidget(listing)
            lists.addLayout(column)
        audience_layout.addLayout(lists)
        results = QWidget()
        results_form = QFormLayout(results)
        results_form.addRow(self.tr("&Informasi:"), self.information)
        results_form.addRow(self.tr("Kep&utusan:"), self.decisions)
        self.addTab(basics, self.tr("Pertemuan"))
        self.addTab(audience, self.tr("Sasaran"))
        self.addTab(results, self.tr("Hasil"))
        self._fields = {
            "held_on": (0, self.held_on), "starts_at": (0, self.starts_at), "ends_at": (0, self.ends_at), "desa_id": (0, self.desa),
            "place": (0, self.place), "organiser": (0, self.organiser), "facilitator": (0, self.facilitator), "topics": (0, self.topics),
            "group_ids": (1, self.groups), "served_desa_ids": (1, self.served_desa),
            "information": (2, self.information), "decisions": (2, self.decisions),
        }

    def _kecamatan_changed(self) -> None:
        code, chosen = self.kecamatan.currentData(), self.desa.currentData()
        ticked = _checked(self.served_desa)
        with self.context.database.session() as session:
            desa = regions.list_desa(session, self.context.actor, code) if code else []
        self.desa.clear()
        for item in desa:
            self.desa.addItem(item.name, item.id)
        self.desa.setCurrentIndex(max(0, find_data(self.desa, chosen)))
        _fill_checks(self.served_desa, [(item.id, item.name) for item in desa], ticked)

    def fill(self, view: MeetingView) -> None:
        d = view.data
        self.held_on.setDate(d.held_on)
        self.starts_at.setTime(QTime(d.starts_at.hour, d.starts_at.minute))
        self.ends_at.setTime(QTime(d.ends_at.hour, d.ends_at.minute))
        self.kecamatan.setCurrentIndex(max(0, self.kecamatan.findData(view.kecamatan_code)))
        if find_data(self.desa, d.desa_id) < 0:
            self.desa.addItem(view.desa, d.desa_id)  # a retired desa stays visible
        self.desa.setCurrentIndex(find_data(self.desa, d.desa_id))
        for field, text in (("place", d.place), ("organiser", d.organiser), ("facilitator", d.facilitator)):
            getattr(self, field).setText(text)
        self.topics.setPlainText(d.topics)
        self.information.setPlainText(d.information)
        self.decisions.setPlainText(d.decisions)
        missing = [(g, self.tr("(kelompok nonaktif)")) for g in d.group_ids if g not in {gid for gid, _ in self._groups}]
        _fill_checks(self.groups, self._groups + missing, d.group_ids)
        current = _checked(self.served_desa) | d.served_desa_ids
        ids = {self.served_desa.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.served_desa.count())}
        choices = [(self.served_desa.item(i).data(Qt.ItemDataRole.UserRole), self.served_desa.item(i).text())
                   for i in range(self.served_desa.count())]
        choices += [(desa_id, self.tr("(desa kecamatan lain)")) for desa_id in d.served_desa_ids if desa_id not in ids]
        _fill_checks(self.served_desa, choices, current)

    def values(self) -> MeetingInput:
        def clock_time(edit: QTimeEdit) -> time:
            value = edit.time()
            return time(value.hour(), value.minute())

        day = self.held_on.date()
        return MeetingInput(
            held_on=day.toPython() if day.isValid() else None, starts_at=clock_time(self.starts_at), ends_at=clock_time(self.ends_at),
            desa_id=self.desa.currentData(), organiser=self.organiser.text(), facilitator=self.facilitator.text(),
            topics=self.topics.toPlainText(), place=self.place.text(), information=self.information.toPlainText(),
            decisions=self.decisions.toPlainText(), group_ids=_checked(self.groups), served_desa_ids=_checked(self.served_desa),
        )

    def focus_field(self, field: str | None) -> None:
        page, widget = self._fields.get(field or "", (None, None))
        if widget is not None:
            self.setCurrentIndex(page)
            widget.setFocus()


class MeetingDialog(FormDialog):
    def __init__(self, context: AppContext, view: MeetingView | None, parent: QWidget | None = None) -> None:
        self.meeting_form = MeetingForm(context)
        if view is not None:
            self.meeting_form.fill(view)
        super().__init__(self.meeting_form, object_name="meetingDialog", width=620, parent=parent)
        self.setWindowTitle(self.tr("Pertemuan baru") if view is None else self.tr("Ubah pertemuan"))
        self.context, self.view = context, view
        self.saved: uuid.UUID | None = None

    def extra_state(self) -> object:
        return (_checked(self.meeting_form.groups), _checked(self.meeting_form.served_desa))

    def save(self) -> None:
        data = self.meeting_form.values()
        with self.context.database.session() as session:
            if self.view is None:
                self.saved = meetings.record_meeting(session, self.context.actor, data)
            else:
                meetings.update_meeting(session, self.context.actor, self.view.id, data, expected_version=self.view.version)
                self.saved = self.view.id
