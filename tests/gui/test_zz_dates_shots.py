import os
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from koperasi.gui.members.member_dialog import MemberDialog
from koperasi.gui.loans import action_dialogs

SIZE = os.environ["SHOT_SIZE"]


def _shot(qtbot, name):
    qtbot.wait(300)
    QApplication.primaryScreen().grabWindow(0).save(f"/tmp/dates/{name}-{SIZE}.png")


def test_shots(qtbot, context):
    dialog = MemberDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    form = dialog.member_form.form
    form.fullNameEdit.setText("Siti Aminah")
    form.nikEdit.setFocus()
    qtbot.keyClicks(form.nikEdit, "1503034505800001")
    form.birthPlaceEdit.setFocus()
    _shot(qtbot, "member-nik-filled")
    form.birthDateEdit.setFocus(); form.birthDateEdit.selectAll()
    qtbot.keyClicks(form.birthDateEdit, "01071985")
    form.kecamatanCombo.setFocus()
    _shot(qtbot, "member-typed-mismatch")
    form.birthDateEdit.setFocus(); form.birthDateEdit.selectAll()
    qtbot.keyClicks(form.birthDateEdit, "01-07-2027")
    form.kecamatanCombo.setFocus()
    _shot(qtbot, "member-out-of-range")
    form.birthDateEdit.setText("")
    form.nikEdit.setText("")
    calendar = form.birthDateEdit.show_calendar()
    _shot(qtbot, "member-calendar")
    calendar.close()
    calendar = form.joinDateEdit.show_calendar()
    _shot(qtbot, "member-join-calendar")
    calendar.close()
