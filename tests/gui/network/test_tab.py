"""Jaringan: a clerk records a meeting, ticks who came with the keyboard, counts guests, adds a follow-up
and marks it done; the member panel lists the meetings attended."""

from __future__ import annotations

import os
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from koperasi.gui.context import AppContext
from koperasi.gui.network.attendance_dialog import ChecklistModel, MeetingAttendanceDialog
from koperasi.gui.network.follow_up_dialog import FollowUpDialog
from koperasi.gui.network.meeting_dialog import MeetingDialog
from koperasi.gui.network.tab import NetworkTab
from koperasi.domain.network.meetings import Guests
from koperasi.services.network import follow_ups
from koperasi.services.office import profile as office_profile
from tests.network_support import MEETING_DAY, network_office

SHOTS = os.environ.get("KOPERASI_NETWORK_SHOTS")  # a folder: the test also saves what it showed, to look at


def _shot(widget, name: str) -> None:
    if SHOTS:
        widget.grab().save(os.path.join(SHOTS, f"{name}.png"))


@pytest.fixture
def net(sqlite_db, admin_on_sqlite):
    return network_office(sqlite_db, admin_on_sqlite)


@pytest.fixture
def admin_on_sqlite(sqlite_db):
    from tests.support import set_up_office

    return set_up_office(sqlite_db)


def _context(net, actor=None) -> AppContext:
    with net.db.session() as session:
        current = office_profile.current_office(session)
    return AppContext(database=net.db, actor=actor or net.clerk, office=current)


def test_a_clerk_records_a_meeting_its_attendance_and_a_follow_up(qtbot, net, monkeypatch):
    office = net.office
    names = ["Ani Lestari", "Budi Santoso", "Cici Paramida"]
    ids = [office.member(name) for name in names]
    office.loans.group_with("KUP Mawar", ids[:2])
    context = _context(net)
    tab = NetworkTab(context)
    qtbot.addWidget(tab)
    tab.resize(1000, 640)
    tab.show()
    assert "Belum ada pertemuan komunitas" in tab.empty_note.text()

    dialog = MeetingDialog(context, None, tab)
    qtbot.addWidget(dialog)
    form = dialog.meeting_form
    form.held_on.setDate(MEETING_DAY)
    form.kecamatan.setCurrentIndex(form.kecamatan.findData("15.03.09"))  # Singkut, where the group lives
    form.desa.setCurrentIndex(form.desa.findText("Perdamaian"))
    assert form.desa.currentText() == "Perdamaian"
    form.organiser.setText("KUP Mawar")
    form.facilitator.setText("Ibu Rahmawati")
    form.topics.setPlainText("Pelatihan menjahit di BLK Sarolangun; pendaftaran PKH")
    form.groups.item(0).setCheckState(Qt.CheckState.Checked)
    form.information.setPlainText("BLK membuka kelas menjahit gratis, 20 kursi, daftar sampai 15 Desember.")
    _shot(dialog, "meeting-dialog")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.error_label.text() == "", dialog.error_label.text()
    tab.reload(select=dialog.saved)
    assert tab.model.rowCount() == 1 and tab.meeting.audience == ("KUP Mawar",)

    attendance = MeetingAttendanceDialog(context, tab.meeting, tab)
    qtbot.addWidget(attendance)
    attendance.show()
    assert attendance.model.rowCount() == 2  # the group's two members
    qtbot.keyClicks(attendance.search, "budi")
    assert attendance.proxy.rowCount() == 1
    attendance.table.setFocus()
    attendance.table.setCurrentIndex(attendance.proxy.index(0, ChecklistModel.NAME))
    qtbot.keyClick(attendance.table, Qt.Key.Key_Space)
    attendance.search.clear()
    attendance.guest_boxes["female_adult"].setValue(4)
    attendance.guest_boxes["male_child"].setValue(1)
    assert attendance.count_label.text() == "Hadir: 1 anggota, 5 tamu"
    attendance.resize(720, 640)  # its size on a 1024x768 laptop
    QApplication.processEvents()
    assert attendance.count_label.width() >= attendance.count_label.sizeHint().width()  # the count is read whole
    _shot(attendance, "meeting-attendance")
    attendance.save()
    assert attendance.error_label.text() == ""
    tab.reload()
    assert tab.meeting.members_present == 1 and tab.meeting.guests.total == 5

    follow = FollowUpDialog(context, tab.meeting, tab)
    qtbot.addWidget(follow)
    follow.action.setText("Kumpulkan fotokopi KK peserta BLK")
    follow.responsible.setText("Ibu Ani")
    follow.due_on.setDate(date(2026, 11, 27))
    follow.buttons.button(follow.buttons.StandardButton.Save).click()
    assert follow.error_label.text() == ""
    tab.reload()
    assert "Kumpulkan fotokopi KK" in tab.detail.text() and "Lewat batas" in tab.detail.text()
    _shot(tab, "network-tab")

    tab.pages.setCurrentWidget(tab.follow_ups_page)
    assert tab.follow_up_model.rowCount() == 1 and tab.done_button.isEnabled()
    _shot(tab, "network-follow-ups")
    monkeypatch.setattr("koperasi.gui.network.tab.confirm", lambda *args, **kwargs: True)
    tab.done_button.click()
    assert tab.follow_up_model.rowCount() == 0
    with net.db.session() as session:
        assert follow_ups.follow_ups(session, net.clerk, open_only=True) == []


def test_a_treasurer_sees_the_meetings_without_the_buttons_to_record(qtbot, net):
    treasurer = net.office.loans.treasurer
    net.meeting()
    tab = NetworkTab(_context(net, treasurer))
    qtbot.addWidget(tab)
    assert tab.model.rowCount() == 1
    assert not any(button.isVisibleTo(tab) for button in (tab.new_button, tab.edit_button, tab.attendance_button,
                                                          tab.follow_up_button, tab.done_button))


def test_the_meeting_form_shows_the_services_message_and_focuses_the_field(qtbot, net):
    dialog = MeetingDialog(_context(net), None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.meeting_form.organiser.setText("KUP Mawar")
    dialog.meeting_form.facilitator.setText("Ibu Rahma")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.error_label.text() == "Topik pertemuan wajib diisi."
    assert dialog.meeting_form.currentIndex() == 0 and dialog.focusWidget() is dialog.meeting_form.topics


def test_the_papers_open_in_the_preview_and_the_notulen_waits_for_the_attendance(qtbot, net, monkeypatch):
    from koperasi.gui.network import documents

    meeting_id = net.meeting()
    tab = NetworkTab(_context(net))
    qtbot.addWidget(tab)
    errors = []
    monkeypatch.setattr(documents, "show_error", lambda parent, title, message: errors.append(message))
    sheet = documents.meeting_sheet_preview(tab, tab.context, meeting_id)
    assert sheet is not None
    qtbot.addWidget(sheet)
    assert documents.minutes_preview(tab, tab.context, meeting_id) is None
    assert errors and "belum dicatat" in errors[0]
    net.attend(meeting_id, [], Guests(female_adult=3))
    minutes = documents.minutes_preview(tab, tab.context, meeting_id)
    assert minutes is not None
    qtbot.addWidget(minutes)


def test_every_list_of_the_tab_saves_to_excel_with_its_filter(qtbot, net, monkeypatch, tmp_path):
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    meeting = net.meeting()
    net.follow_up(meeting)
    tab = NetworkTab(_context(net))
    qtbot.addWidget(tab)
    targets = iter(tmp_path / f"{n}.xlsx" for n in range(4))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(next(targets)), ""))
    told = []
    monkeypatch.setattr("koperasi.gui.breakdown_view.show_info", lambda parent, title, text: told.append(title))
    tab.year_filter.setCurrentIndex(tab.year_filter.findData(2025))
    for button in (tab.meetings_xlsx_button, tab.follow_ups_xlsx_button, tab.opportunities_page.xlsx_button,
                   tab.referrals_page.xlsx_button):
        button.click()
    assert told == ["Pertemuan", "Tindak lanjut", "Papan peluang", "Rujukan"]
    titles = [load_workbook(tmp_path / f"{n}.xlsx").active for n in range(4)]
    assert [sheet["A1"].value for sheet in titles] == ["Pertemuan komunitas", "Tindak lanjut pertemuan", "Papan peluang", "Rujukan"]
    assert titles[0]["A3"].value.startswith("Tahun 2025") and titles[0].max_row == 5  # three heading lines, a blank, the header: no 2026 meeting
    assert titles[1].max_row == 6  # the open follow-up


def test_the_attendance_checklist_shows_one_group_or_one_desa_and_ctrl_a_ticks_only_those(qtbot, net):
    office = net.office
    ani, budi, cici = (office.member(name) for name in ("Ani Lestari", "Budi Santoso", "Cici Paramida"))
    dewi = office.member("Dewi Sartika", desa_id=office.pauh_desa_id)
    mawar = office.loans.group_with("KUP Mawar", [ani, budi])
    meeting = net.meeting(groups=[mawar], served_desa=[office.loans.desa_id, office.pauh_desa_id])
    attendance = MeetingAttendanceDialog(_context(net), net.view(meeting))
    qtbot.addWidget(attendance)
    attendance.resize(1024, 768)
    attendance.show()
    assert attendance.model.rowCount() == 4
    parts = [attendance.part_filter.itemText(i) for i in range(attendance.part_filter.count())]
    assert parts == ["Semua kelompok dan desa", "Kelompok KUP Mawar", "Desa Karang Mendapo", "Desa Perdamaian"]
    attendance.part_filter.setCurrentIndex(1)
    assert attendance.proxy.rowCount() == 2
    attendance.table.setFocus()
    qtbot.keyClick(attendance.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert attendance.model.present_ids() == {ani, budi}
    attendance.part_filter.setCurrentIndex(2)
    assert [attendance.proxy.index(0, ChecklistModel.NAME).data()] == ["Dewi Sartika"] and attendance.proxy.rowCount() == 1
    _shot(attendance, "meeting-attendance-part")
    attendance.part_filter.setCurrentIndex(0)
    assert attendance.proxy.rowCount() == 4 and cici not in attendance.model.present_ids() and dewi not in attendance.model.present_ids()
