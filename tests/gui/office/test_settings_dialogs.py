from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from koperasi.domain.roles import Role
from koperasi.gui.office.audit_dialog import AuditDialog
from koperasi.gui.context import AppContext
from koperasi.gui.office.dialog import OfficeDialog
from koperasi.gui.office.password_dialog import PasswordDialog
from koperasi.gui.office.regions_dialog import DesaDialog, RegionsDialog
from koperasi.services.office import auth
from koperasi.services.office import regions
from tests.support import TEST_PASSWORD, add_staff


def _click_save(dialog):
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()


def test_office_dialog_saves_or_points_at_the_bad_field(qtbot, context):
    dialog = OfficeDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.office_form.form
    form.phoneEdit.setText("0745 abc")
    _click_save(dialog)
    assert "Nomor telepon" in dialog.error_label.text() and dialog.result() == 0
    assert dialog.focusWidget() is form.phoneEdit
    form.phoneEdit.setText("0745-91234")
    form.chairEdit.setText("Hj. Rosmawati")
    _click_save(dialog)
    assert dialog.result() == OfficeDialog.DialogCode.Accepted
    assert dialog.saved.profile.chair_name == "Hj. Rosmawati" and dialog.saved.profile.phone == "074591234"


def test_regions_dialog_adds_a_desa_to_the_selected_kecamatan(qtbot, qtmodeltester, context):
    dialog = RegionsDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.form.kecamatanList.count() == 11
    dialog.form.kecamatanList.setCurrentRow(3)  # Pauh
    add = DesaDialog(context, dialog.kecamatan_code(), None)
    qtbot.addWidget(add)
    add._save()
    assert "wajib diisi" in add.form.errorLabel.text()
    add.form.nameEdit.setText("Lamban Sigatal")
    add._save()
    assert add.result() == DesaDialog.DialogCode.Accepted
    dialog._load_kecamatan()
    dialog._load_desa()
    assert dialog.form.kecamatanList.currentItem().text() == "Pauh (1)"
    assert dialog.model.index(0, 0).data() == "Lamban Sigatal"
    qtmodeltester.check(dialog.model)


def test_regions_dialog_is_read_only_for_a_clerk(qtbot, context):
    clerk = add_staff(context.database, context.actor, "siti", Role.CLERK)
    with context.database.session() as session:
        regions.add_desa(session, context.actor, "15.03.01", name="Muara Cuban")
    dialog = RegionsDialog(AppContext(database=context.database, actor=clerk, office=context.office))
    qtbot.addWidget(dialog)
    assert dialog.form.addDesaButton.isHidden() and dialog.form.editDesaButton.isHidden()
    assert dialog.model.rowCount() == 1


def test_password_dialog_changes_own_password(qtbot, context, monkeypatch):
    from koperasi.gui.office import password_dialog as module

    monkeypatch.setattr(module, "show_info", lambda *args: None)
    dialog = PasswordDialog(context)
    qtbot.addWidget(dialog)
    dialog.form.oldEdit.setText("bukan-sandi")
    dialog.form.newEdit.setText("sandi-baru-1")
    dialog.form.confirmEdit.setText("sandi-baru-1")
    dialog._save()
    assert "Kata sandi lama salah" in dialog.form.errorLabel.text()
    dialog.form.oldEdit.setText(TEST_PASSWORD)
    dialog._save()
    assert dialog.result() == PasswordDialog.DialogCode.Accepted
    with context.database.session() as session:
        assert auth.login(session, "admin", "sandi-baru-1").username == "admin"


def test_audit_dialog_lists_latest_events_with_their_changes(qtbot, qtmodeltester, context):
    with context.database.session() as session:
        regions.add_desa(session, context.actor, "15.03.01", name="Muara Cuban")
    dialog = AuditDialog(context)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    top = [dialog.model.index(0, column).data() for column in range(5)]
    assert top[1:4] == ["admin", "Desa ditambahkan", "Desa"] and "nama: Muara Cuban" in top[4]


def _category_names(dialog) -> list[str]:
    from PySide6.QtCore import Qt

    return [dialog.list.item(row).data(Qt.ItemDataRole.UserRole).name for row in range(dialog.list.count())]


def test_categories_dialog_lists_the_four_and_adds_one(qtbot, context, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from koperasi.gui.members import categories_dialog as module
    from koperasi.gui.members.categories_dialog import CategoriesDialog

    dialog = CategoriesDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 4 and dialog.list.item(0).text() == "Petani kecil  ·  0 anggota"
    answers = iter([("Penyandang disabilitas", True), ("petani KECIL", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: next(answers))
    errors = []
    monkeypatch.setattr(module, "show_error", lambda parent, title, message: errors.append(message))
    dialog.add_button.click()
    assert dialog.list.count() == 5 and _category_names(dialog)[4] == "Penyandang disabilitas"
    assert dialog.selected().name == "Penyandang disabilitas"
    dialog.add_button.click()
    assert errors == ["Kategori 'petani KECIL' sudah ada."] and dialog.list.count() == 5


def test_categories_dialog_renames_retires_and_uses_again(qtbot, context, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from koperasi.gui.members import categories_dialog as module
    from koperasi.gui.members.categories_dialog import CategoriesDialog
    from koperasi.services.members import categories as member_categories

    dialog = CategoriesDialog(context)
    qtbot.addWidget(dialog)
    assert not dialog.rename_button.isEnabled() and not dialog.retire_button.isEnabled()
    dialog.list.setCurrentRow(1)
    assert dialog.selected().code == "buruh_harian" and dialog.retire_button.text() == "Tidak &dipakai lagi"
    answers = iter([("Buruh harian lepas", True), ("ab", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: next(answers))
    errors = []
    monkeypatch.setattr(module, "show_error", lambda parent, title, message: errors.append(message))
    dialog.rename_button.click()
    assert _category_names(dialog)[1] == "Buruh harian lepas" and dialog.selected().code == "buruh_harian"
    dialog.rename_button.click()
    assert errors == ["Nama kategori paling sedikit 3 karakter."]
    dialog.retire_button.click()
    assert not dialog.selected().active and dialog.list.item(1).text().endswith("tidak dipakai lagi")
    assert dialog.retire_button.text() == "&Pakai lagi"
    with context.database.session() as session:
        assert "buruh_harian" not in dict(member_categories.list_categories(session))
    dialog.retire_button.click()
    assert dialog.selected().active
    with context.database.session() as session:
        assert "buruh_harian" in dict(member_categories.list_categories(session))


def test_categories_dialog_is_read_only_for_a_clerk(qtbot, context):
    from koperasi.gui.members.categories_dialog import CategoriesDialog

    clerk = add_staff(context.database, context.actor, "petugas", Role.CLERK)
    dialog = CategoriesDialog(AppContext(database=context.database, actor=clerk, office=context.office))
    qtbot.addWidget(dialog)
    assert not any(b.isVisibleTo(dialog) for b in (dialog.add_button, dialog.rename_button, dialog.retire_button))