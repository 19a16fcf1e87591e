"""Show a PDF inside the program, print it, save it.

With PySide6's QtPdf (in PySide6-Addons, not in PySide6-Essentials) the pages are shown in
a QPdfView and printed by rendering each page at 300 dpi onto a QPrinter (FIELD-NOTES §4).
Without it the dialog says so and hands the document to the computer's PDF viewer
(QDesktopServices), where it can be printed; Simpan works either way.

A document may come in several layouts (a kwitansi on A5 or on an 80 mm roll): the dialog
then offers a choice and writes each layout only when it is chosen.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from koperasi.gui.messages import show_error

log = logging.getLogger(__name__)

try:  # PySide6-Addons
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView
except ImportError:  # PySide6-Essentials only: no preview inside the program
    QPdfDocument = QPdfView = None  # type: ignore[assignment,misc]

PRINT_DPI = 300
Writer = Callable[[], bytes]


def has_embedded_preview() -> bool:
    return QPdfDocument is not None


class PdfPreviewDialog(QDialog):
    """``layouts`` maps a label ("A5", "Struk 80 mm") to a function returning the PDF bytes,
    and to the file name suggested for Simpan."""

    def __init__(
        self, title: str, layouts: dict[str, tuple[Writer, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreviewDialog")
        self.setWindowTitle(title)
        self._layouts = layouts
        self._cache: dict[str, bytes] = {}
        self._temp: Path | None = None
        self.layout_combo = QComboBox()
        self.layout_combo.setObjectName("pdfLayoutCombo")
        for label in layouts:
            self.layout_combo.addItem(label)
        self.layout_combo.currentIndexChanged.connect(self._show)
        choice = QHBoxLayout()
        size_label = QLabel(self.tr("&Ukuran:"), buddy=self.layout_combo)
        choice.addWidget(size_label)
        choice.addWidget(self.layout_combo)
        choice.addStretch(1)
        self.document = QPdfDocument(self) if QPdfDocument is not None else None
        if self.document is not None:
            self.view = QPdfView(self)
            self.view.setObjectName("pdfView")
            self.view.setDocument(self.document)
            self.view.setPageMode(QPdfView.PageMode.MultiPage)
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        else:
            self.view = QLabel(
                self.tr(
                    "Pratinjau di dalam program tidak tersedia pada instalasi ini.\n"
                    "Tekan Buka untuk melihat dan mencetak dokumen di penampil PDF komputer, atau Simpan untuk menyimpannya."
                )
            )
            self.view.setObjectName("pdfView")
            self.view.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.print_button = QPushButton(self.tr("&Cetak…"))
        self.print_button.setObjectName("pdfPrintButton")
        self.open_button = QPushButton(self.tr("&Buka di penampil PDF"))
        self.open_button.setObjectName("pdfOpenButton")
        self.save_button = QPushButton(self.tr("&Simpan…"))
        self.save_button.setObjectName("pdfSaveButton")
        close_button = QPushButton(self.tr("&Tutup"))
        close_button.setObjectName("pdfCloseButton")
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.print_button.clicked.connect(self.print_document)
        self.open_button.clicked.connect(self.open_externally)
        self.save_button.clicked.connect(self.save_as)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(choice)
        for widget in (size_label, self.layout_combo):
            widget.setVisible(len(layouts) > 1)  # a kwitansi has two layouts; other papers one
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        if self.document is not None:
            self.resize(820, 900)
        else:
            self.resize(560, 180)
        self._show()

    def pdf_bytes(self) -> bytes:
        label = self.layout_combo.currentText()
        if label not in self._cache:
            self._cache[label] = self._layouts[label][0]()
        return self._cache[label]

    def suggested_name(self) -> str:
        return self._layouts[self.layout_combo.currentText()][1]

    def _temp_file(self) -> Path:
        folder = Path(tempfile.gettempdir()) / "koperasi-cetak"
        folder.mkdir(exist_ok=True)
        path = folder / self.suggested_name()
        path.write_bytes(self.pdf_bytes())
        return path

    def _show(self) -> None:
        if self.document is None:
            return
        self._temp = self._temp_file()
        self.document.close()
        self.document.load(str(self._temp))

    def print_document(self) -> None:
        if self.document is None:
            self._print_with_viewer()
            return
        from PySide6.QtCore import QRect, QSize, Qt
        from PySide6.QtGui import QPainter
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setResolution(PRINT_DPI)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        painter = QPainter()
        if not painter.begin(printer):
            show_error(self, self.tr("Cetak"), self.tr("Pencetak tidak dapat dipakai."))
            return
        try:
            for page in range(self.document.pageCount()):
                if page:
                    printer.newPage()
                points = self.document.pagePointSize(page)
                size = QSize(round(points.width() / 72 * PRINT_DPI), round(points.height() / 72 * PRINT_DPI))
                image = self.document.render(page, size)
                target = painter.viewport()
                scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(target.topLeft(), scaled), image)
        finally:
            painter.end()

    def _print_with_viewer(self) -> None:
        path = self._temp_file()
        if sys.platform == "win32":
            try:
                os.startfile(str(path), "print")  # type: ignore[attr-defined]  # the viewer's print verb
                return
            except OSError as error:
                log.warning("no print verb for %s: %s", path, error)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def open_externally(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._temp_file())))

    def save_as(self) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan PDF"), str(Path(folder) / self.suggested_name()), "PDF (*.pdf)")
        if not chosen:
            return None
        path = Path(chosen)
        try:
            path.write_bytes(self.pdf_bytes())
        except OSError as error:
            show_error(self, self.tr("Simpan"), self.tr("Berkas tidak dapat disimpan di {path}: {reason}").format(path=path, reason=error.strerror))
            return None
        return path


def write_to_bytes(write: Callable[[object], None]) -> bytes:
    """Run a report writer (which takes a target) into memory."""
    import io

    buffer = io.BytesIO()
    write(buffer)
    return buffer.getvalue()
