"""First run: the office profile and the first admin account, saved together at the end."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget, QWizard, QWizardPage

from koperasi.db.database import Database
from koperasi.domain.errors import DomainError, ValidationError
from koperasi.domain.office import validate_office
from koperasi.domain.roles import Actor, Role
from koperasi.gui.icons import app_icon
from koperasi.gui.messages import set_inline_error
from koperasi.gui.office_form import OfficeForm
from koperasi.gui.screen_fit import fit_to_screen
from koperasi.gui.user_form import UserForm
from koperasi.services import office, regions


class SetupWizard(QWizard):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.database = database
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Menyiapkan Koperasi Berdaya"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, app_icon().pixmap(48, 48))
        for button, text in (
            (QWizard.WizardButton.BackButton, self.tr("< &Kembali")),
            (QWizard.WizardButton.NextButton, self.tr("&Lanjut >")),
            (QWizard.WizardButton.FinishButton, self.tr("&Simpan dan mulai")),
            (QWizard.WizardButton.CancelButton, self.tr("Batal")),
        ):
            self.setButtonText(button, text)
        with database.session() as session:
            kecamatan = regions.list_kecamatan(session)
        self.office_page = _OfficePage(kecamatan)
        self.admin_page = _AdminPage(self)
        self.addPage(_IntroPage(database))
        self.addPage(self.office_page)
        self.addPage(self.admin_page)
        fit_to_screen(self, 640, 520)

    def save(self) -> bool:
        """Create office and admin; on a refusal show why and stay on the page."""
        try:
            values = self.admin_page.user_form.values()
            with self.database.session() as session:
                self.actor = office.set_up(
                    session,
                    self.office_page.office_form.profile(),
                    admin_username=values.username,
                    admin_full_name=values.full_name,
                    admin_password=values.password,
                )
        except DomainError as error:
            self.admin_page.show_error(error)
            return False
        return True


class _IntroPage(QWizardPage):
    def __init__(self, database: Database) -> None:
        super().__init__()
        self.setObjectName("setupIntroPage")
        self.setTitle(self.tr("Selamat datang"))
        self.setSubTitle(self.tr("Program ini belum pernah dipakai di komputer ini. Mari siapkan dalam dua langkah."))
        text = QLabel(
            self.tr(
                "1. Profil kantor: nama, kode untuk nomor kwitansi, kecamatan, alamat, ketua dan bendahara.\n"
                "2. Akun admin pertama: admin membuat akun untuk ketua, bendahara dan petugas.\n\n"
                "Data disimpan di:\n{where}"
            ).format(where=database.describe())
        )
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addStretch()


class _OfficePage(QWizardPage):
    def __init__(self, kecamatan: list[regions.KecamatanView]) -> None:
        super().__init__()
        self.setObjectName("setupOfficePage")
        self.setTitle(self.tr("Profil kantor"))
        self.setSubTitle(self.tr("Nama dan kode kantor wajib diisi; yang lain dapat dilengkapi nanti."))
        self.office_form = OfficeForm(kecamatan)
        self.error_label = QLabel()
        self.error_label.setObjectName("setupOfficeError")
        self.error_label.setWordWrap(True)
        set_inline_error(self.error_label, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.office_form)
        layout.addWidget(self.error_label)
        layout.addStretch()

    def validatePage(self) -> bool:  # noqa: N802 (Qt override)
        try:
            clean = validate_office(self.office_form.profile())
        except ValidationError as error:
            set_inline_error(self.error_label, error.message)
            self.office_form.focus_field(error.field)
            return False
        self.office_form.set_profile(clean)
        set_inline_error(self.error_label, "")
        return True


class _AdminPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.setObjectName("setupAdminPage")
        self._wizard = wizard
        self.setTitle(self.tr("Akun admin pertama"))
        self.setSubTitle(self.tr("Catat kata sandinya di tempat aman: tanpa admin, akun lain tidak dapat dibuat."))
        self.user_form = UserForm(fixed_role=Role.ADMIN)
        self.error_label = QLabel()
        self.error_label.setObjectName("setupAdminError")
        self.error_label.setWordWrap(True)
        set_inline_error(self.error_label, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.user_form)
        layout.addWidget(self.error_label)
        layout.addStretch()

    def show_error(self, error: DomainError) -> None:
        set_inline_error(self.error_label, error.message)
        if isinstance(error, ValidationError):
            self.user_form.focus_field(error.field)

    def validatePage(self) -> bool:  # noqa: N802 (Qt override)
        return self._wizard.save()
