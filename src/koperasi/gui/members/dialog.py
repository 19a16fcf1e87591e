"""Add or edit one member: warnings are confirmed, a duplicate NIK offers the existing member."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from koperasi.domain.roles import Permission
from koperasi.gui.context import AppContext
from koperasi.gui.form_dialog import FormDialog
from koperasi.gui.inline_add import add_buttons_beside
from koperasi.gui.members.form import MemberForm
from koperasi.gui.messages import confirm
from koperasi.gui.office.regions_dialog import DesaDialog
from koperasi.services.members import categories as member_categories
from koperasi.services.members import register as members
from koperasi.services.office import regions
from koperasi.services.members.register import DuplicateNik, MemberDetail, WarningsToConfirm

OPEN_EXISTING = 2  # dialog result: the clerk chose to open the member who has this NIK


class MemberDialog(FormDialog):
    def __init__(self, context: AppContext, member: MemberDetail | None = None, parent: QWidget | None = None) -> None:
        with context.database.session() as session:
            kecamatan = regions.list_kecamatan(session)
            # Retired categories are not offered, except one this member has (it stays unless unticked).
            had = member.data.categories if member is not None else frozenset()
            categories = [
                (c.code, c.name if c.active else QCoreApplication.translate("MemberDialog", "{name} (tidak dipakai lagi)").format(name=c.name))
                for c in member_categories.all_categories(session)
                if c.active or c.code in had
            ]
        self.member_form = MemberForm(kecamatan, self._desa_of, categories)
        self.context = context
        if member is not None:
            self.member_form.set_member(member.data, member.kecamatan_code)
        super().__init__(self.member_form, object_name="memberDialog", width=980, parent=parent)
        self.setWindowTitle(self.tr("Tambah anggota") if member is None else self.tr("Ubah anggota {number}").format(number=member.number))
        self.member = member
        self.saved: MemberDetail | None = None
        self.existing_member_id: uuid.UUID | None = None
        if context.actor.can(Permission.EDIT_REGIONS):
            [self.new_desa_button] = add_buttons_beside(self.member_form.form.desaCombo, (self.tr("Desa &baru…"), "memberNewDesaButton"))
            self.new_desa_button.clicked.connect(self._new_desa)
            self.member_form.form.kecamatanCombo.currentIndexChanged.connect(self._update_new_desa_button)
            self._update_new_desa_button()

    def _update_new_desa_button(self) -> None:
        chosen = self.member_form.form.kecamatanCombo.currentData() is not None
        self.new_desa_button.setEnabled(chosen)
        self.new_desa_button.setToolTip(
            self.tr("Tambahkan desa atau kelurahan di kecamatan ini tanpa meninggalkan formulir") if chosen
            else self.tr("Pilih kecamatan dulu"))

    def _new_desa(self) -> None:
        dialog = DesaDialog(self.context, self.member_form.form.kecamatanCombo.currentData(), None, self)
        if dialog.exec() and dialog.saved is not None:
            self.member_form.refill_desa(str(dialog.saved.id))

    def _desa_of(self, kecamatan_code: str) -> list[regions.DesaView]:
        with self.context.database.session() as session:
            return regions.list_desa(session, self.context.actor, kecamatan_code)

    def save(self) -> int | None:
        data = self.member_form.values()
        try:
            self.saved = self._store(data, accept_warnings=False)
        except WarningsToConfirm as warned:
            question = "\n\n".join(warned.warnings) + "\n\n" + self.tr("Simpan juga?")
            if not confirm(self, self.tr("Periksa dulu"), question, yes=self.tr("Simpan")):
                raise
            self.saved = self._store(data, accept_warnings=True)
        except DuplicateNik as duplicate:
            if confirm(self, self.tr("NIK sudah terdaftar"), duplicate.message, yes=self.tr("Buka data anggota itu"), no=self.tr("Kembali")):
                self.existing_member_id = duplicate.member_id
                return OPEN_EXISTING
            raise
        return None

    def _store(self, data, *, accept_warnings: bool) -> MemberDetail:
        with self.context.database.session() as session:
            if self.member is None:
                return members.register_member(session, self.context.actor, data, accept_warnings=accept_warnings)
            return members.update_member(
                session, self.context.actor, self.member.id, data, expected_version=self.member.version, accept_warnings=accept_warnings
            )
