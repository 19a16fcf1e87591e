from __future__ import annotations

from PySide6.QtWidgets import QWizard

from koperasi.domain.roles import Role
from koperasi.gui.office.setup_wizard import SetupWizard
from koperasi.services.office import auth
from koperasi.services.office import profile as office


def _fill_office(wizard: SetupWizard, *, name="Koperasi Berdaya Singkut", code="sgt"):
    form = wizard.office_page.office_form.form
    form.nameEdit.setText(name)
    form.codeEdit.setText(code)
    form.kecamatanCombo.setCurrentIndex(form.kecamatanCombo.findText("Singkut"))
    form.phoneEdit.setText("0812 3456 7890")


def _fill_admin(wizard: SetupWizard, *, password="sandi-admin-1", confirm=None):
    form = wizard.admin_page.user_form.form
    form.fullNameEdit.setText("Nur Aisyah")
    form.usernameEdit.setText("aisyah")
    form.passwordEdit.setText(password)
    form.confirmEdit.setText(password if confirm is None else confirm)


def test_wizard_creates_office_and_admin_who_can_log_in(qtbot, sqlite_db):
    wizard = SetupWizard(sqlite_db)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.buttonText(QWizard.WizardButton.NextButton) == "&Lanjut >"
    wizard.next()
    _fill_office(wizard)
    wizard.next()
    assert wizard.currentPage() is wizard.admin_page
    assert not wizard.admin_page.user_form.form.roleCombo.isEnabled()
    _fill_admin(wizard)
    wizard.accept()
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.actor is not None and wizard.actor.role is Role.ADMIN
    with sqlite_db.session() as session:
        assert office.is_set_up(session)
        saved = office.current_office(session)
        assert (saved.profile.code, saved.profile.phone, saved.kecamatan_name) == ("SGT", "081234567890", "Singkut")
        assert auth.login(session, "aisyah", "sandi-admin-1").full_name == "Nur Aisyah"


def test_wizard_keeps_the_clerk_on_the_office_page_with_the_reason(qtbot, sqlite_db):
    wizard = SetupWizard(sqlite_db)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    _fill_office(wizard, code="1X")
    wizard.next()
    assert wizard.currentPage() is wizard.office_page
    error = wizard.office_page.error_label
    assert error.isVisible() and "Kode kantor" in error.text()


def test_wizard_refuses_mismatched_passwords_and_saves_nothing(qtbot, sqlite_db):
    wizard = SetupWizard(sqlite_db)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    _fill_office(wizard)
    wizard.next()
    _fill_admin(wizard, confirm="lain-sekali-1")
    wizard.accept()
    assert wizard.result() != QWizard.DialogCode.Accepted
    assert "tidak sama" in wizard.admin_page.error_label.text()
    _fill_admin(wizard, password="pendek")
    wizard.accept()
    assert "minimal 8" in wizard.admin_page.error_label.text()
    with sqlite_db.session() as session:
        assert not office.is_set_up(session) and office.current_office(session) is None


def test_wizard_loads_the_official_regions_of_the_kabupaten_chosen(qtbot, sqlite_db):
    from sqlalchemy import func, select

    from koperasi.db.models import Desa, Kecamatan

    wizard = SetupWizard(sqlite_db)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    form = wizard.office_page.office_form.form
    assert form.kabupatenCombo.currentText() == "Kab. Sarolangun — Jambi"  # the default
    assert form.kecamatanCombo.count() == 1 + 11
    form.kabupatenCombo.setEditText("Kab. Merangin — Jambi")  # as typed and picked from the completer
    assert form.kecamatanCombo.findText("Bangko") > 0 and form.kecamatanCombo.findText("Singkut") < 0
    _fill_office(wizard, name="Koperasi Berdaya Bangko", code="BKO")
    form.kecamatanCombo.setCurrentIndex(form.kecamatanCombo.findText("Bangko"))
    wizard.next()
    _fill_admin(wizard)
    wizard.accept()
    assert wizard.result() == QWizard.DialogCode.Accepted
    with sqlite_db.session() as session:
        assert office.current_office(session).kecamatan_name == "Bangko"
        assert session.scalar(select(func.count()).select_from(Kecamatan)) == 24
        assert session.scalar(select(func.count()).select_from(Desa).where(Desa.code.like("15.02.%"))) == 215


def test_wizard_office_error_goes_once_the_name_is_filled_and_an_unknown_kabupaten_is_named(qtbot, sqlite_db):
    wizard = SetupWizard(sqlite_db)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    wizard.next()
    error = wizard.office_page.error_label
    assert wizard.currentPage() is wizard.office_page and error.text() == "Nama kantor wajib diisi."
    _fill_office(wizard)
    assert not error.isVisible() and error.text() == ""
    wizard.office_page.office_form.form.kabupatenCombo.setEditText("Kabupaten Atlantis")
    wizard.next()
    assert wizard.currentPage() is wizard.office_page and "Pilih kabupaten/kota" in error.text()
