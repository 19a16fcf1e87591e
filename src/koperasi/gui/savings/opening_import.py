"""Simpanan → Saldo awal…: an office moving from paper brings every member's pokok, wajib and sukarela in from
Excel. The clerk picks the day the paper books end and the workbook (or saves the blank template first); the
rows are checked on the worker thread behind a progress dialog, the preview shows what will come in and why a row
cannot, and the valid rows are posted together (gui/excel_import, services/savings/opening)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from koperasi.domain.money import format_rupiah
from koperasi.domain.savings.rules import SavingsKind
from koperasi.gui.busy import Steps, run_busy
from koperasi.gui.context import AppContext
from koperasi.gui.date_field import date_edit
from koperasi.gui.excel_import import ImportPreviewDialog, chosen_file, save_path, write_file
from koperasi.gui.form_dialog import FieldForm, FormDialog
from koperasi.services import sheet_import
from koperasi.services.savings import opening
from koperasi.services.savings.opening import OpeningPreview


class OpeningImportDialog(FormDialog):
    """The day of the opening balances and the workbook; Simpan reads and checks it (nothing is posted yet)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.form_ = FieldForm(self.tr(
            "Saldo simpanan setiap anggota dari buku lama, sekali saat mulai memakai program. Isi templat (nomor "
            "anggota dan saldo pokok, wajib, sukarela), lalu pilih berkasnya. Sebelum dibukukan, program menampilkan "
            "pratinjau."))
        self.day_edit = self.form_.add(self.tr("&Tanggal saldo awal:"), date_edit("savingsOpeningDateEdit"), "as_of")
        template = QPushButton(self.tr("Simpan &templat…"), objectName="savingsOpeningTemplateButton")
        template.clicked.connect(self._save_template)
        self.form_.layout_.addRow(QLabel(self.tr("Belum punya berkasnya?")), template)
        super().__init__(self.form_, object_name="savingsOpeningDialog", width=560, parent=parent)
        self.setWindowTitle(self.tr("Impor saldo awal simpanan"))
        self.buttons.button(self.buttons.StandardButton.Save).setText(self.tr("&Pilih berkas dan periksa…"))
        self.context = context
        self.preview: OpeningPreview | None = None

    def _save_template(self) -> None:
        path = save_path(self, "templat-saldo-awal-simpanan.xlsx")
        if path is not None:
            write_file(self, path, opening.opening_template())

    def save(self) -> int | None:
        data = chosen_file(self, self.tr("Impor saldo awal simpanan"),
                           lambda size: sheet_import.check_file_size(size, opening.FORM))
        if data is None:
            return 0  # no file: nothing to preview, the dialog closes as cancelled
        as_of, steps = self.day_edit.date().toPython(), Steps()

        def work() -> OpeningPreview:  # on the worker thread: reading a large .xlsx takes a while too
            with self.context.database.session() as session:
                return opening.preview_opening_balances(session, self.context.actor, data, as_of=as_of,
                                                        progress=steps.report, cancelled=steps.cancelled)

        self.preview = run_busy(self, self.tr("Membaca dan memeriksa baris…"), work, steps=steps)
        return None


def import_opening_balances(parent: QWidget, context: AppContext) -> bool:
    """Ask for the day and the file, show the preview, post the valid rows. True if any were posted."""
    choose = OpeningImportDialog(context, parent)
    if not choose.exec() or choose.preview is None:
        return False
    dialog = opening_preview_dialog(context, choose.preview, parent)
    return bool(dialog.exec()) and dialog.imported > 0


def opening_preview_dialog(context: AppContext, preview: OpeningPreview, parent: QWidget) -> ImportPreviewDialog:
    warned = [row for row in preview.valid if row.warnings]
    issues = [(r.row, str(r.cells[1] or r.cells[0] or "—"), parent.tr("Ditolak"), r.reason) for r in preview.rejected]
    issues += [(r.row, r.name, parent.tr("Peringatan"), " ".join(r.warnings)) for r in warned]
    totals = preview.totals

    def commit(steps: Steps) -> int:
        with context.database.session() as session:
            return opening.commit_opening_balances(session, context.actor, preview, progress=steps.report,
                                                   cancelled=steps.cancelled)

    return ImportPreviewDialog(
        preview, title=parent.tr("Pratinjau saldo awal simpanan"),
        summary=parent.tr(
            "<b>{valid}</b> anggota siap dibukukan ({warned} dengan peringatan), <b>{rejected}</b> baris ditolak. "
            "Saldo awal per {day}: pokok {pokok}, wajib {wajib}, sukarela {sukarela}.").format(
            valid=len(preview.valid), warned=len(warned), rejected=len(preview.rejected),
            day=preview.as_of.strftime("%d-%m-%Y"), pokok=format_rupiah(totals[SavingsKind.POKOK]),
            wajib=format_rupiah(totals[SavingsKind.WAJIB]), sukarela=format_rupiah(totals[SavingsKind.SUKARELA])),
        issues=issues, save_label=parent.tr("&Bukukan saldo {count} anggota").format(count=len(preview.valid)),
        valid=len(preview.valid), commit=commit, saving=parent.tr("Membukukan saldo awal…"),
        nothing_saved=parent.tr("Tidak ada saldo awal yang dibukukan."),
        done=parent.tr("Saldo awal {count} anggota dibukukan."),
        rejected=lambda: opening.rejected_rows_workbook(preview), rejected_count=len(preview.rejected), parent=parent,
    )

