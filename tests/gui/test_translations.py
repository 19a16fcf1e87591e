from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QMessageBox

SB = QDialogButtonBox.StandardButton


def test_qt_standard_buttons_speak_indonesian(qtbot):
    box = QDialogButtonBox(SB.Ok | SB.Cancel | SB.Save | SB.Close | SB.Yes | SB.No | SB.Apply)
    qtbot.addWidget(box)
    texts = {button: box.button(button).text().replace("&", "") for button in (SB.Cancel, SB.Save, SB.Close, SB.Yes, SB.No, SB.Apply)}
    assert texts == {SB.Cancel: "Batal", SB.Save: "Simpan", SB.Close: "Tutup", SB.Yes: "Ya", SB.No: "Tidak", SB.Apply: "Terapkan"}


def test_line_edit_context_menu_speaks_indonesian(qtbot):
    edit = QLineEdit()
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    texts = {action.text().split("\t")[0].replace("&", "") for action in menu.actions() if action.text()}
    assert {"Urungkan", "Potong", "Salin", "Tempel", "Hapus", "Pilih Semua"} <= texts


def test_message_box_details_button_speaks_indonesian(qtbot):
    box = QMessageBox()
    qtbot.addWidget(box)
    box.setDetailedText("rincian")
    box.show()
    labels = [button.text() for button in box.buttons()]
    assert any("Rincian" in text for text in labels)
