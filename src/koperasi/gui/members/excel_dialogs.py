"""Excel in the Anggota tab: the roster template, import with preview, export of the list.

Long work (thousands of rows: reading and checking a roster, saving it, exporting) runs on the
worker thread of ``gui/busy.run_busy`` behind a progress dialog that can be cancelled; the
services call back every few hundred rows, and nothing is half-imported when the clerk cancels.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from koperasi.domain.errors import DomainError
from koperasi.gui.context import AppContext
from koperasi.gui.busy import Steps, run_busy
from koperasi.gui.messages import show_error, show_info
from koperasi.gui.screen_fit import fit_to_screen
from koperasi.services.members import excel as member_excel
from koperasi.services.members import export as member_export
from koperasi.services.members import importing as member_import
from koperasi.services.members.importing import ImportPreview
from koperasi.services.members.search import MemberFilter
from koperasi import clock

EXCEL_FILTER = "Excel (*.xlsx)"


def save_template(parent: QWidget, context: AppContext) -> None:
    path = _save_path(parent, "templat-anggota.xlsx")
    if path is None:
        return
    with context.database.session() as session:
        data = member_excel.roster_template(session)
    _write(parent, path, data)


def export_members(parent: QWidget, context: AppContext, where: MemberFilter) -> None:
    path = _save_path(parent, f"anggota-{clock.today():%Y-%m-%d}.xlsx")
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
    if _write(parent, path, data):
        show_info(parent, parent.tr("Ekspor Excel"), parent.tr("Daftar anggota tersimpan di {path}.").format(path=path))


def import_members(parent: QWidget, context: AppContext) -> bool:
    """Choose a roster, check it, show the preview, save the valid rows. True if any were saved."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    chosen, _ = QFileDialog.getOpenFileName(parent, parent.tr("Impor daftar anggota"), folder, EXCEL_FILTER)
    if not chosen:
        return False
    try:
        member_excel.check_file_size(Path(chosen).stat().st_size)  # before a huge file is read into memory
        data = Path(chosen).read_bytes()
    except DomainError as error:
        show_error(parent, parent.tr("Impor Excel"), error.message)
        return False
    except OSError as error:
        show_error(parent, parent.tr("Impor Excel"), parent.tr("Berkas tidak dapat dibaca: {reason}").format(reason=error.strerror))
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
    dialog = ImportPreviewDialog(context, preview, parent)
    return bool(dialog.exec()) and dialog.imported > 0


class ImportPreviewDialog(QDialog):
    def __init__(self, context: AppContext, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreviewDialog")
        self.setWindowTitle(self.tr("Pratinjau impor anggota"))
        self.context = context
        self.preview = preview
        self.imported = 0
        warned = [row for row in preview.valid if row.warnings]
        summary = QLabel(
            self.tr("<b>{valid}</b> baris siap disimpan ({warned} dengan peringatan), <b>{rejected}</b> baris ditolak.").format(
                valid=len(preview.valid), warned=len(warned), rejected=len(preview.rejected)
            )
        )
        summary.setObjectName("importSummary")
        table = QTableWidget(len(preview.rejected) + len(warned), 4)
        table.setObjectName("importIssuesTable")
        table.setHorizontalHeaderLabels([self.tr("Baris"), self.tr("Nama"), self.tr("Hasil"), self.tr("Keterangan")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        issues = [(r.row, str(r.cells[0] or "—"), self.tr("Ditolak"), r.reason) for r in preview.rejected]
        issues += [(r.row, r.data.full_name, self.tr("Peringatan"), " ".join(r.warnings)) for r in warned]
        for index, (row, name, verdict, reason) in enumerate(sorted(issues)):
            for column, value in enumerate((str(row), name, verdict, reason)):
                table.setItem(index, column, QTableWidgetItem(value))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("&Simpan {count} anggota").format(count=len(preview.valid)), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("importSaveButton")
        self.save_button.setEnabled(bool(preview.valid))
        rejected_button = QPushButton(self.tr("Simpan baris &ditolak…"))
        rejected_button.setObjectName("importRejectedButton")
        rejected_button.setEnabled(bool(preview.rejected))
        buttons.addButton(rejected_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.clicked.connect(self._commit)
        rejected_button.clicked.connect(self._save_rejected)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(table)
        layout.addWidget(buttons)
        fit_to_screen(self, 820, 480)

    def _commit(self) -> None:
        steps = Steps()

        def work() -> int:
            with self.context.database.session() as session:
                return member_import.commit_import(
                    session, self.context.actor, self.preview, today=clock.today(), progress=steps.report, cancelled=steps.cancelled,
                )

        try:
            self.imported = run_busy(self, self.tr("Menyimpan anggota…"), work, steps=steps)
        except DomainError as error:
            show_error(self, self.tr("Impor Excel"), error.message + "\n\n" + self.tr("Tidak ada anggota yang disimpan."))
            return
        show_info(self, self.tr("Impor Excel"), self.tr("{count} anggota tersimpan.").format(count=self.imported))
        self.accept()

    def _save_rejected(self) -> None:
        path = _save_path(self, "baris-ditolak.xlsx")
        if path is not None and _write(self, path, member_import.rejected_rows_workbook(self.preview)):
            show_info(self, self.tr("Baris ditolak"), self.tr("Perbaiki baris di {path} lalu impor lagi.").format(path=path))


def _save_path(parent: QWidget, suggested: str) -> Path | None:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    chosen, _ = QFileDialog.getSaveFileName(parent, parent.tr("Simpan berkas Excel"), str(Path(folder) / suggested), EXCEL_FILTER)
    return Path(chosen) if chosen else None


def _write(parent: QWidget, path: Path, data: bytes) -> bool:
    try:
        path.write_bytes(data)
    except OSError as error:
        show_error(parent, parent.tr("Simpan"), parent.tr("Berkas tidak dapat disimpan di {path}: {reason}").format(path=path, reason=error.strerror))
        return False
    return True
