"""An Excel import as every list's screen shares it (the member roster, the savings opening balances): choosing
the file (a huge one refused before it is read), the preview of what will come in with each rejected row and
warning, saving the valid rows behind a progress dialog that can be cancelled, and the rejected rows saved as a
workbook to fix and import again. The checking and saving are the services' (services/sheet_import and the
area's import module); long work runs on the worker thread of ``gui/busy.run_busy``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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
from koperasi.gui.busy import Steps, run_busy
from koperasi.gui.messages import show_error, show_info
from koperasi.gui.screen_fit import fit_to_screen

EXCEL_FILTER = "Excel (*.xlsx)"

Issue = tuple[int, str, str, str]  # Excel row, name, verdict (Ditolak / Peringatan), why


def chosen_file(parent: QWidget, title: str, check_size: Callable[[int], None]) -> bytes | None:
    """The bytes of the workbook the clerk chooses; None when cancelled or refused (the reason shown)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    chosen, _ = QFileDialog.getOpenFileName(parent, title, folder, EXCEL_FILTER)
    if not chosen:
        return None
    try:
        check_size(Path(chosen).stat().st_size)  # before a huge file is read into memory
        return Path(chosen).read_bytes()
    except DomainError as error:
        show_error(parent, parent.tr("Impor Excel"), error.message)
    except OSError as error:
        show_error(parent, parent.tr("Impor Excel"), parent.tr("Berkas tidak dapat dibaca: {reason}").format(reason=error.strerror))
    return None


class ImportPreviewDialog(QDialog):
    """What an import will save and what it will not, before anything is written. ``commit`` saves the valid
    rows (on the worker thread, reporting to its Steps) and returns how many; ``rejected`` makes the workbook of
    rejected rows."""

    def __init__(
        self, preview: object, *, title: str, summary: str, issues: Sequence[Issue], save_label: str, valid: int,
        commit: Callable[[Steps], int], saving: str, nothing_saved: str, done: str, rejected: Callable[[], bytes],
        rejected_count: int, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importPreviewDialog")
        self.setWindowTitle(title)
        self.preview = preview
        self.imported = 0
        self._commit_work, self._saving, self._nothing_saved, self._done = commit, saving, nothing_saved, done
        self._rejected = rejected
        label = QLabel(summary)
        label.setObjectName("importSummary")
        label.setWordWrap(True)
        table = QTableWidget(len(issues), 4)
        table.setObjectName("importIssuesTable")
        table.setHorizontalHeaderLabels([self.tr("Baris"), self.tr("Nama"), self.tr("Hasil"), self.tr("Keterangan")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for index, (row, name, verdict, reason) in enumerate(sorted(issues)):
            for column, value in enumerate((str(row), name, verdict, reason)):
                table.setItem(index, column, QTableWidgetItem(value))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(save_label, QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("importSaveButton")
        self.save_button.setEnabled(valid > 0)
        rejected_button = QPushButton(self.tr("Simpan baris &ditolak…"))
        rejected_button.setObjectName("importRejectedButton")
        rejected_button.setEnabled(rejected_count > 0)
        buttons.addButton(rejected_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.clicked.connect(self._commit)
        rejected_button.clicked.connect(self._save_rejected)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(table)
        layout.addWidget(buttons)
        fit_to_screen(self, 820, 480)

    def _commit(self) -> None:
        steps = Steps()
        try:
            self.imported = run_busy(self, self._saving, lambda: self._commit_work(steps), steps=steps)
        except DomainError as error:
            show_error(self, self.tr("Impor Excel"), error.message + "\n\n" + self._nothing_saved)
            return
        show_info(self, self.tr("Impor Excel"), self._done.format(count=self.imported))
        self.accept()

    def _save_rejected(self) -> None:
        path = save_path(self, "baris-ditolak.xlsx")
        if path is not None and write_file(self, path, self._rejected()):
            show_info(self, self.tr("Baris ditolak"), self.tr("Perbaiki baris di {path} lalu impor lagi.").format(path=path))


def save_path(parent: QWidget, suggested: str) -> Path | None:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    chosen, _ = QFileDialog.getSaveFileName(parent, parent.tr("Simpan berkas Excel"), str(Path(folder) / suggested), EXCEL_FILTER)
    return Path(chosen) if chosen else None


def write_file(parent: QWidget, path: Path, data: bytes) -> bool:
    try:
        path.write_bytes(data)
    except OSError as error:
        show_error(parent, parent.tr("Simpan"), parent.tr("Berkas tidak dapat disimpan di {path}: {reason}").format(path=path, reason=error.strerror))
        return False
    return True
