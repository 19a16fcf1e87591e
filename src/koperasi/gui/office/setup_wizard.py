"""First run: the office profile and the first admin account, saved together at the end."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QRadioButton, QVBoxLayout, QWidget, QWizard, QWizardPage

from koperasi.db.database import Database
from koperasi.domain.errors import DomainError, ValidationError
from koperasi.domain.office.profile import validate_office
from koperasi.domain.roles import Actor, Role
from koperasi.domain.office.settings import HOME_KABUPATEN
from koperasi.domain.office.regions import shipped
from koperasi.gui.icons import app_icon
from koperasi.gui.messages import set_inline_error
from koperasi.gui.office.form import OfficeForm
from koperasi.gui.unsaved_changes import Answer, UnsavedChangesGuard, ask_keep_or_quit
from koperasi.gui.screen_fit import fit_to_screen
from koperasi.gui.office.user_form import UserForm
from koperasi.services.district.mode import set_up_office_or_district


class SetupWizard(UnsavedChangesGuard, QWizard):
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
        self.office_page = _OfficePage()
        self.admin_page = _AdminPage(self)
        self.intro_page = _IntroPage(database)
        self.addPage(self.intro_page)
        self.addPage(self.office_page)
        self.addPage(self.admin_page)
        fit_to_screen(self, 640, 520)

    def ask_about_changes(self) -> Answer:
        """Batal or the X with something typed: nothing is saved until the end, so keep filling or quit."""
        return ask_keep_or_quit(self, self.tr("Isian belum disimpan: kantor dan akun admin baru dibuat di langkah terakhir. "
                                              "Keluar sekarang membuang semua yang sudah diketik."))

    def save(self) -> bool:
        """Create office and admin; on a refusal show why and stay on the page."""
        try:
            values = self.admin_page.user_form.values()
            with self.database.session() as session:
                self.actor = set_up_office_or_district(
                    session,
                    self.office_page.office_form.profile(),
                    district=self.intro_page.district_choice.isChecked(),
                    admin_username=values.username,
                    admin_full_name=values.full_name,
                    admin_password=values.password,
                    kabupaten_code=self.office_page.office_form.kabupaten_code(),
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
                "1. Profil kantor: nama, kode untuk nomor kwitansi, kabupaten/kota dan kecamatan, alamat, ketua dan "
                "bendahara. Kecamatan dan desa/kelurahan resmi kabupaten/kota itu dimuat otomatis.\n"
                "2. Akun admin pertama: admin membuat akun untuk ketua, bendahara dan petugas.\n\n"
                "Data disimpan di:\n{where}"
            ).format(where=database.describe())
        )
        text.setWordWrap(True)
        # Chosen once: an office's records and the offices' packets never share a database (services/district/mode.py).
        kind = QGroupBox(self.tr("Program ini dipakai di"))
        self.office_choice = QRadioButton(self.tr("Kantor koperasi &kecamatan"), objectName="setupOfficeMode")
        self.district_choice = QRadioButton(self.tr("Kantor program ka&bupaten (mode kabupaten)"), objectName="setupDistrictMode")
        self.office_choice.setChecked(True)
        kind_layout = QVBoxLayout(kind)
        for choice, explanation in (
            (self.office_choice, self.tr("Mencatat anggota, pinjaman, pelatihan dan penjualan; mengirim paket laporan "
                                         "ke kabupaten.")),
            (self.district_choice, self.tr("Menerima paket laporan kantor-kantor kecamatan dan menggabungkannya. "
                                           "Tidak mencatat atau mengubah data kantor.")),
        ):
            note = QLabel(explanation, wordWrap=True)
            note.setContentsMargins(22, 0, 0, 6)
            kind_layout.addWidget(choice)
            kind_layout.addWidget(note)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(kind)
        layout.addStretch()


class _OfficePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("setupOfficePage")
        self.setTitle(self.tr("Profil kantor"))
        self.setSubTitle(
            self.tr("Nama, kode dan kabupaten/kota wajib diisi; yang lain dapat dilengkapi nanti.")
        )
        official = shipped()
        kabupaten = [(region, province) for province in official.provinces() for region in official.kabupaten(province.code)]
        self.office_form = OfficeForm([], kabupaten=kabupaten)
        self._loaded_kabupaten: str | None = None
        self.office_form.form.kabupatenCombo.currentTextChanged.connect(self._kabupaten_chosen)
        self.office_form.set_kabupaten(HOME_KABUPATEN.default)
        self.error_label = QLabel()
        self.error_label.setObjectName("setupOfficeError")
        self.error_label.setWordWrap(True)
        set_inline_error(self.error_label, "")
        for edit in (self.office_form.form.nameEdit, self.office_form.form.codeEdit, self.office_form.form.phoneEdit):
            edit.textChanged.connect(self._recheck)
        self.office_form.form.kabupatenCombo.currentTextChanged.connect(self._recheck)
        layout = QVBoxLayout(self)
        layout.addWidget(self.office_form)
        layout.addWidget(self.error_label)
        layout.addStretch()

    def _kabupaten_chosen(self) -> None:
        """Typed or picked: once the text names a kabupaten/kota, its kecamatan are the ones to choose from."""
        code = self.office_form.kabupaten_code()
        if code is not None and code != self._loaded_kabupaten:
            self._loaded_kabupaten = code
            self.office_form.set_kecamatan([(region.code, region.name) for region in shipped().kecamatan(code)])

    def _check(self) -> ValidationError | None:
        if self.office_form.kabupaten_code() is None:
            return ValidationError(self.tr("Pilih kabupaten/kota dari daftar (ketik sebagian namanya)."), field="kabupaten_code")
        try:
            validate_office(self.office_form.profile())
        except ValidationError as error:
            return error
        return None

    def _recheck(self) -> None:
        """An error shown stays only while it is still true: filling the name clears "Nama kantor wajib diisi."."""
        if self.error_label.text():
            error = self._check()
            set_inline_error(self.error_label, error.message if error else "")

    def validatePage(self) -> bool:  # noqa: N802 (Qt override)
        error = self._check()
        if error is not None:
            set_inline_error(self.error_label, error.message)
            self.office_form.focus_field(error.field)
            return False
        self.office_form.set_profile(validate_office(self.office_form.profile()))
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
