"""What the on-screen report views (laporan penjualan, laporan pelatihan, tunggakan) share: the
Simpan PDF/Excel buttons, the "Menurut …" breakdown combo, the breakdown rows with the total last
(in bold), and saving the report as PDF or Excel on the worker thread; for the two period reports
(penjualan, pelatihan) also the period check and the page layout."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView,
                               QVBoxLayout, QWidget)

from koperasi.domain.errors import DomainError
from koperasi.gui.date_field import DateField
from koperasi.gui.list_model import ListTableModel
from koperasi.gui.busy import run_busy
from koperasi.gui.messages import show_error, show_info
from koperasi.gui.tables import make_table


class TotalModel(ListTableModel):
    """The last row, the total, in bold."""

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.FontRole and index.isValid() and index.row() == self.rowCount() - 1 and self.rowCount() > 1:
            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)


def save_buttons(owner: QWidget, prefix: str, save: Callable[[str], object]) -> tuple[QPushButton, QPushButton]:
    """The "Simpan PDF…" and "Simpan Excel…" buttons, named `{prefix}PdfButton` and `{prefix}ExcelButton`."""
    pdf_button = QPushButton(owner.tr("Simpan &PDF…"), objectName=f"{prefix}PdfButton")
    pdf_button.clicked.connect(lambda: save("pdf"))
    excel_button = QPushButton(owner.tr("Simpan &Excel…"), objectName=f"{prefix}ExcelButton")
    excel_button.clicked.connect(lambda: save("xlsx"))
    return pdf_button, excel_button


def total_table(name: str, model: ListTableModel) -> QTableView:
    """A breakdown table whose first column, the name, takes the room left."""
    table = make_table(name, model)
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


def chosen_period(owner: QWidget, from_edit: DateField, to_edit: DateField, title: str) -> tuple[date, date] | None:
    """The period of the two date edits, or None (having said so) when a date is not valid or it ends before it starts."""
    if not (from_edit.is_valid() and to_edit.is_valid()):
        show_error(owner, title, from_edit.error() or to_edit.error())
        return None
    period_from: date = from_edit.date().toPython()
    period_to: date = to_edit.date().toPython()
    if period_to < period_from:
        show_error(owner, title, owner.tr("Tanggal akhir periode harus sesudah tanggal awal."))
        return None
    return period_from, period_to


def lay_out_period_report(
    owner: QWidget,
    *,
    from_edit: DateField,
    to_edit: DateField,
    extra_filters: Sequence[QWidget] = (),
    refresh_button: QPushButton,
    save_buttons: Sequence[QPushButton],
    total_label: QLabel,
    breakdown_combo: QComboBox,
    table: QTableView,
    note: str,
) -> None:
    """The period and filters with Hitung on top, the total, the breakdown combo with the save
    buttons and its table, and a grey note under it."""
    filters = QHBoxLayout()
    filters.addWidget(QLabel(owner.tr("&Dari:"), buddy=from_edit))
    filters.addWidget(from_edit)
    filters.addWidget(QLabel(owner.tr("&sampai:"), buddy=to_edit))
    filters.addWidget(to_edit)
    if extra_filters:
        filters.addSpacing(12)
        for widget in extra_filters:
            filters.addWidget(widget)
    filters.addWidget(refresh_button)
    filters.addStretch(1)
    breakdown = QHBoxLayout()  # the save buttons here, not after the filters: that row must fit 1000 px
    breakdown.addWidget(breakdown_combo)
    breakdown.addStretch(1)
    for button in save_buttons:
        breakdown.addWidget(button)
    layout = QVBoxLayout(owner)
    layout.addLayout(filters)
    layout.addWidget(total_label)
    layout.addLayout(breakdown)
    layout.addWidget(table, 1)
    note_label = QLabel(note)
    note_label.setWordWrap(True)
    note_label.setStyleSheet("color: #666;")
    layout.addWidget(note_label)


def breakdown_combo(owner: QWidget, name: str, breakdowns: Iterable[str], on_change: Callable[[], None]) -> QComboBox:
    """A combo of "Menurut {breakdown}" items, each carrying its breakdown's name as data."""
    combo = QComboBox(objectName=name)
    for breakdown in breakdowns:
        combo.addItem(owner.tr("Menurut {name}").format(name=breakdown.lower()), breakdown)
    combo.currentIndexChanged.connect(on_change)
    return combo


def breakdown_rows(report: Any, breakdown: str) -> list:
    """The report's rows for one breakdown, then its total; empty without a report or rows."""
    rows = list(report.breakdowns.get(breakdown, ())) if report else []
    if report is not None and rows:
        rows.append(report.total)
    return rows


def save_report(
    parent: QWidget,
    report: Any,
    kind: str,
    *,
    file_name: str,
    dialog_title: str,
    writers: tuple[Callable[[Any, Path], object], Callable[[Any, Path], object]],
    done_title: str,
    done_text: str,
) -> Path | None:
    """Ask where to save `file_name` (in Documents), write the report there with the PDF or Excel
    writer on the worker thread, and say where it went; None when cancelled or not written."""
    writer = writers[0] if kind == "pdf" else writers[1]
    return _save(parent, file_name, "PDF (*.pdf)" if kind == "pdf" else "Excel (*.xlsx)", dialog_title,
                 lambda path: writer(report, path), done_title, done_text)


def save_excel(
    parent: QWidget, make: Callable[[], bytes], *, file_name: str, dialog_title: str, done_title: str, done_text: str,
) -> Path | None:
    """Like `save_report`, for a list the service both reads and audits: `make` runs on the worker thread and
    may refuse (its message is shown); None when cancelled, refused or not written."""
    return _save(parent, file_name, "Excel (*.xlsx)", dialog_title, lambda path: path.write_bytes(make()), done_title, done_text)


def _save(parent: QWidget, file_name: str, file_filter: str, dialog_title: str, write: Callable[[Path], object],
          done_title: str, done_text: str) -> Path | None:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    chosen, _ = QFileDialog.getSaveFileName(parent, dialog_title, str(Path(folder) / file_name), file_filter)
    if not chosen:
        return None
    path = Path(chosen)
    try:
        run_busy(parent, parent.tr("Menyimpan laporan…"), lambda: write(path))
    except DomainError as error:
        show_error(parent, done_title, error.message)
        return None
    except OSError as error:
        show_error(parent, parent.tr("Simpan"), parent.tr("Berkas tidak dapat disimpan di {path}: {reason}").format(
            path=path, reason=error.strerror))
        return None
    show_info(parent, done_title, done_text.format(path=path))
    return path
