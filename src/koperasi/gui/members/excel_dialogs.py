"""Excel in the Anggota tab: the roster template, import with preview, export of the list.

Long work (thousands of rows: reading and checking a roster, saving it, exporting) runs on the
worker thread of ``gui/busy.run_busy`` behind a progress dialog that can be cancelled; the
services call back every few hundred rows, and nothing is half-imported when the clerk cancels.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from koperasi.domain.errors import DomainError
from koperasi.gui.context import AppContext
from koperasi.gui.busy import Steps, run_busy
from koperasi.gui.excel_import import ImportPreviewDialog, chosen_file, save_path, write_file
from koperasi.gui.messages import show_error, show_info
from koperasi.services.members import excel as member_excel
from koperasi.services.members import export as member_export
from koperasi.services.members import importing as member_import
from koperasi.services.members.importing import ImportPreview
from koperasi.services.members.search import MemberFilter
from koperasi import clock


def save_template(parent: QWidget, context: AppContext) -> None:
    path = save_path(parent, "templat-anggota.xlsx")
    if path is None:
        return
    with context.database.session() as session:
        data = member_excel.roster_template(session)
    write_file(parent, path, data)


def export_members(parent: QWidget, context: AppContext, where: MemberFilter) -> None:
    path = save_path(parent, f"anggota-{clock.today():%Y-%m-%d}.xlsx")
    if path is None:
        return
    steps = Steps()

    def work() -> bytes:
        with context.database.session() as session:
            return member_export.export_members(session, context.actor, where, progress=steps.report)

    try:
        data = run_busy(parent, parent.tr("Mengekspor anggota…"), work, steps=steps)
    except DomainError as error:
        show_error(parent, parent.tr("Ekspor Excel"), error.message)
        return
    if write_file(parent, path, data):
        show_info(parent, parent.tr("Ekspor Excel"), parent.tr("Daftar anggota tersimpan di {path}.").format(path=path))


def import_members(parent: QWidget, context: AppContext) -> bool:
    """Choose a roster, check it, show the preview, save the valid rows. True if any were saved."""
    data = chosen_file(parent, parent.tr("Impor daftar anggota"), member_excel.check_file_size)
    if data is None:
        return False
    steps = Steps()

    def work() -> ImportPreview:  # on the worker thread: reading a large .xlsx takes a while too
        with context.database.session() as session:
            return member_import.preview_import(
                session, context.actor, data, today=clock.today(), progress=steps.report, cancelled=steps.cancelled
            )

    try:
        preview = run_busy(parent, parent.tr("Membaca dan memeriksa baris…"), work, steps=steps)
    except DomainError as error:
        show_error(parent, parent.tr("Impor Excel"), error.message)
        return False
    dialog = roster_preview_dialog(context, preview, parent)
    return bool(dialog.exec()) and dialog.imported > 0


def roster_preview_dialog(context: AppContext, preview: ImportPreview, parent: QWidget) -> ImportPreviewDialog:
    warned = [row for row in preview.valid if row.warnings]
    issues = [(r.row, str(r.cells[0] or "—"), parent.tr("Ditolak"), r.reason) for r in preview.rejected]
    issues += [(r.row, r.data.full_name, parent.tr("Peringatan"), " ".join(r.warnings)) for r in warned]

    def commit(steps: Steps) -> int:
        with context.database.session() as session:
            return member_import.commit_import(
                session, context.actor, preview, today=clock.today(), progress=steps.report, cancelled=steps.cancelled,
            )

    return ImportPreviewDialog(
        preview, title=parent.tr("Pratinjau impor anggota"),
        summary=parent.tr("<b>{valid}</b> baris siap disimpan ({warned} dengan peringatan), <b>{rejected}</b> baris ditolak.").format(
            valid=len(preview.valid), warned=len(warned), rejected=len(preview.rejected)),
        issues=issues, save_label=parent.tr("&Simpan {count} anggota").format(count=len(preview.valid)),
        valid=len(preview.valid), commit=commit, saving=parent.tr("Menyimpan anggota…"),
        nothing_saved=parent.tr("Tidak ada anggota yang disimpan."), done=parent.tr("{count} anggota tersimpan."),
        rejected=lambda: member_import.rejected_rows_workbook(preview), rejected_count=len(preview.rejected),
        parent=parent,
    )
