"""Member card and profile sheet: ask where to save, write the PDF, open it."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from koperasi.gui.context import AppContext
from koperasi.gui.messages import show_error
from koperasi.gui.status import announce
from koperasi.reports.members.documents import MemberSheet, write_member_card, write_member_profile
from koperasi.services.members import register as members
from koperasi.services.members.register import MemberDetail
from koperasi import clock

log = logging.getLogger(__name__)


def sheet_of(member: MemberDetail, photo: bytes | None = None) -> MemberSheet:
    data = member.data
    return MemberSheet(
        number=member.number,
        full_name=data.full_name,
        nik=data.nik,
        kk_number=data.kk_number,
        sex=data.sex,
        birth_place=data.birth_place,
        birth_date=data.birth_date,
        address=data.address,
        desa_name=member.desa_name,
        kecamatan_name=member.kecamatan_name,
        phone=data.phone,
        occupation=data.occupation,
        join_date=data.join_date or clock.today(),
        status_label=member.status.label,
        category_names=member.category_names,
        groups=member.groups,
        household=data.household,
        household_size=member.household_size,
        out_of_school_children=member.out_of_school_children,
        photo=photo,
    )


def save_member_card(parent: QWidget, context: AppContext, member: MemberDetail | None) -> Path | None:
    if member is None:
        return None
    sheet = sheet_of(member, _photo(context, member))
    return _save(
        parent, parent.tr("Kartu anggota {number}").format(number=member.number), f"kartu-{member.number}.pdf",
        lambda target: write_member_card(sheet, context.office.profile, target),
    )


def save_member_profile(parent: QWidget, context: AppContext, member: MemberDetail | None) -> Path | None:
    if member is None:
        return None
    sheet = sheet_of(member, _photo(context, member))
    return _save(
        parent,
        parent.tr("Profil anggota {number}").format(number=member.number),
        f"profil-{member.number}.pdf",
        lambda target: write_member_profile(sheet, context.office.profile, target, printed_on=clock.today()),
    )


def _photo(context: AppContext, member: MemberDetail) -> bytes | None:
    if not member.has_photo:
        return None
    with context.database.session() as session:
        return members.get_photo(session, context.actor, member.id)


def _save(parent: QWidget, document: str, suggested: str, write) -> Path | None:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    chosen, _ = QFileDialog.getSaveFileName(parent, parent.tr("Simpan PDF"), str(Path(folder) / suggested), "PDF (*.pdf)")
    if not chosen:
        return None
    path = Path(chosen)
    try:
        write(path)
    except OSError as error:
        log.warning("cannot write %s: %s", path, error)
        show_error(parent, parent.tr("PDF"), parent.tr("Berkas tidak dapat disimpan di {path}: {reason}").format(path=path, reason=error.strerror))
        return None
    announce(parent, parent.tr("{document} disimpan ke {path}").format(document=document, path=path))
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    return path
