"""Catat kehadiran: the keyboard checklist, saved marks on reopening, corrections audited."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from koperasi.db.models import AuditEvent
from koperasi.domain.office.audit import AuditAction
from koperasi.gui.trainings.attendance_dialog import AttendanceDialog, AttendanceModel
from koperasi.services.trainings import attendance
from koperasi.services.trainings import programmes as trainings
from tests.gui.trainings.test_tab import office  # noqa: F401 (fixture)

NAMES = ("Ani Lestari", "Budi Santoso", "Cici Paramida", "Dewi Sartika")


def _session_view(office, index=0):
    with office.db.session() as session:
        views = trainings.list_sessions(session, office.admin, office.batch_id)
    return next(view for view in views if view.id == office.sessions[index])


def _dialog(qtbot, office, index=0) -> AttendanceDialog:
    dialog = AttendanceDialog(office.context, _session_view(office, index), "Pertanian Organik Dasar — Angkatan 1")
    qtbot.addWidget(dialog)
    return dialog


def _enrol_all(office):
    for name in NAMES:
        office.member(name)
        office.enrol(name)


def _saved(office, index=0) -> dict[str, bool | None]:
    with office.db.session() as session:
        return {row.name: row.present for row in attendance.attendance_list(session, office.admin, office.sessions[index])}


def test_all_present_then_untick_one_with_space_and_save(qtbot, office):
    _enrol_all(office)
    dialog = _dialog(qtbot, office)
    dialog.show()
    assert dialog.count_label.text() == "Hadir 0 dari 4"
    assert "Semua hadir" in dialog.note.text()
    qtbot.mouseClick(dialog.all_button, Qt.MouseButton.LeftButton)
    assert dialog.count_label.text() == "Hadir 4 dari 4"
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(dialog.model.index(0, AttendanceModel.NAME))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)  # Budi stayed away
    assert dialog.count_label.text() == "Hadir 3 dari 4"
    assert dialog.model.index(1, AttendanceModel.PRESENT).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() == 1 and dialog.changed_marks == 4
    assert _saved(office) == {"Ani Lestari": True, "Budi Santoso": False, "Cici Paramida": True, "Dewi Sartika": True}


def test_ctrl_a_marks_everyone_and_space_toggles_back(qtbot, office):
    _enrol_all(office)
    dialog = _dialog(qtbot, office)
    dialog.show()
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert dialog.model.present_count() == 4
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)  # the first row is current when the dialog opens
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert dialog.model.present_count() == 4
    qtbot.mouseClick(dialog.none_button, Qt.MouseButton.LeftButton)
    assert dialog.count_label.text() == "Hadir 0 dari 4"


def test_reopening_shows_the_saved_marks_and_a_correction_is_audited(qtbot, office):
    _enrol_all(office)
    office.mark(0, {"Ani Lestari": True, "Budi Santoso": False, "Cici Paramida": True, "Dewi Sartika": True})
    dialog = _dialog(qtbot, office)
    dialog.show()
    assert dialog.taken and "Perubahan akan dicatat di catatan audit" in dialog.note.text()
    assert dialog.count_label.text() == "Hadir 3 dari 4"
    marks = [dialog.model.index(row, 0).data(Qt.ItemDataRole.CheckStateRole) for row in range(4)]
    assert marks == [Qt.CheckState.Checked, Qt.CheckState.Unchecked, Qt.CheckState.Checked, Qt.CheckState.Checked]
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(dialog.model.index(1, AttendanceModel.NAME))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)  # Budi came late after all
    dialog.save()
    assert dialog.result() == 1 and dialog.changed_marks == 1
    assert _saved(office)["Budi Santoso"] is True
    with office.db.session() as session:
        actions = session.scalars(select(AuditEvent.action).where(AuditEvent.entity_id == str(office.sessions[0]))).all()
    assert AuditAction.ATTENDANCE_CORRECTED.value in [str(a) for a in actions]


def test_a_future_session_is_refused_inline(qtbot, office):
    _enrol_all(office)
    dialog = _dialog(qtbot, office, index=3)  # planned next week
    dialog.model.set_all(True)
    dialog.save()
    assert dialog.result() == 0
    assert dialog.error_label.text() == "Kehadiran dicatat pada atau sesudah hari sesi."


def test_attendance_model_passes_the_model_tester(qtbot, qtmodeltester, office):
    _enrol_all(office)
    dialog = _dialog(qtbot, office)
    qtmodeltester.check(dialog.model)
    assert dialog.model.setData(dialog.model.index(2, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert dialog.model.present_count() == 1
    assert not dialog.model.setData(dialog.model.index(2, 1), "x", Qt.ItemDataRole.EditRole)
