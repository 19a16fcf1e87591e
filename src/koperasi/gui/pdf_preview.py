"""Show a PDF inside the program, print it, save it.

The pages are shown in a QPdfView (QtPdf, from PySide6-Addons), several pages one under the
other, fitted to the width, with zoom buttons and keys. Qt cannot print a PDF file, so Cetak
renders each page with QPdfDocument.render at the printer's resolution (at most 300 dpi) and
paints the image onto the printer's page (FIELD-NOTES §4), on the paper the document was made
for (A5, an 80 mm roll, A4 upright or landscape). "Buka di penampil PDF" hands the document to
the computer's own PDF viewer as a second way; Simpan writes the bytes. What was printed or
saved, and where, is confirmed in the main window's status bar.

A document may come in several layouts (a kwitansi on A5 or on an 80 mm roll): the dialog
then offers a choice and writes each layout only when it is chosen.
"""

from __future__ import annotations

import io
import logging
import re
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, QSizeF, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QPageLayout, QPageSize, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from koperasi.gui.messages import ERROR_STYLE, show_error
from koperasi.gui.status import announce
from koperasi.gui.screen_fit import fit_to_screen

log = logging.getLogger(__name__)

MAX_PRINT_DPI = 300  # enough for text and barcodes; 600 dpi would be 4x the memory and time per page
ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.25, 4.0
Writer = Callable[[], bytes]


class PrintError(Exception):
    """Printing stopped; ``message`` is shown to the user as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class PdfPreviewDialog(QDialog):
    """``layouts`` maps a label ("A5", "Struk 80 mm") to a function returning the PDF bytes,
    and to the file name suggested for Simpan."""

    def __init__(
        self, title: str, layouts: dict[str, tuple[Writer, str]], parent: QWidget | None = None, *,
        choice_label: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreviewDialog")
        self.setWindowTitle(title)
        self.document_name = title  # "Kwitansi KW/SRL/2026/000123": named in the status bar once printed or saved
        self._layouts = layouts
        self._cache: dict[str, bytes] = {}
        self._buffer: QBuffer | None = None
        self.layout_combo = QComboBox()
        self.layout_combo.setObjectName("pdfLayoutCombo")
        for label in layouts:
            self.layout_combo.addItem(label)
        self.layout_combo.currentIndexChanged.connect(self._show)
        # the choice is a paper size, or (a pack of papers: choice_label "&Dokumen:") which document
        size_label = QLabel(choice_label or self.tr("&Ukuran:"), buddy=self.layout_combo)
        for widget in (size_label, self.layout_combo):
            widget.setVisible(len(layouts) > 1)  # a kwitansi has two layouts; other papers one

        self.zoom_out_button = self._tool_button("pdfZoomOutButton", "−", self.tr("Perkecil (Ctrl+-)"), self.zoom_out)
        self.zoom_in_button = self._tool_button("pdfZoomInButton", "+", self.tr("Perbesar (Ctrl++)"), self.zoom_in)
        self.fit_button = self._tool_button("pdfFitWidthButton", self.tr("Sesuai lebar"), self.tr("Sesuai lebar (Ctrl+0)"), self.fit_to_width)
        for keys, slot in (
            (QKeySequence.StandardKey.ZoomIn, self.zoom_in),
            (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
            (QKeySequence("Ctrl+="), self.zoom_in),  # Ctrl++ without Shift on most keyboards
            (QKeySequence("Ctrl+0"), self.fit_to_width),
        ):
            QShortcut(QKeySequence(keys), self, activated=slot)
        bar = QHBoxLayout()
        bar.addWidget(size_label)
        bar.addWidget(self.layout_combo)
        bar.addStretch(1)
        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            bar.addWidget(button)

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.problem_label = QLabel()
        self.problem_label.setObjectName("pdfProblemLabel")
        self.problem_label.setStyleSheet(ERROR_STYLE)
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()

        buttons = QDialogButtonBox()
        self.print_button = QPushButton(self.tr("&Cetak…"))
        self.print_button.setObjectName("pdfPrintButton")
        self.save_button = QPushButton(self.tr("&Simpan…"))
        self.save_button.setObjectName("pdfSaveButton")
        self.open_button = QPushButton(self.tr("&Buka di penampil PDF"))
        self.open_button.setObjectName("pdfOpenButton")
        self.open_button.setToolTip(self.tr("Buka dokumen di program penampil PDF komputer ini"))
        close_button = QPushButton(self.tr("&Tutup"))
        close_button.setObjectName("pdfCloseButton")
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_as)
        self.open_button.clicked.connect(self.open_externally)
        buttons.rejected.connect(self.reject)
        self.print_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 820, 900)  # a page in sight; at most 90% of a 768 px screen
        self._show()

    def _tool_button(self, name: str, text: str, tip: str, slot: Callable[[], None]) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    # -- the document ----------------------------------------------------------------------

    def pdf_bytes(self) -> bytes:
        label = self.layout_combo.currentText()
        if label not in self._cache:
            self._cache[label] = self._layouts[label][0]()
        return self._cache[label]

    def suggested_name(self) -> str:
        return self._layouts[self.layout_combo.currentText()][1]

    def _show(self) -> None:
        """Load the chosen layout from memory (no file for a viewer or antivirus to hold open)."""
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(self.pdf_bytes()))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        ready = self.document.status() == QPdfDocument.Status.Ready and self.document.pageCount() > 0
        if not ready:
            log.error("PDF preview: %s cannot be shown (%s)", self.suggested_name(), self.document.error())
            self.problem_label.setText(
                self.tr("Dokumen tidak dapat ditampilkan atau dicetak di sini. Simpan atau buka di penampil PDF untuk memeriksanya.")
            )
        self.problem_label.setVisible(not ready)
        for widget in (self.print_button, self.zoom_in_button, self.zoom_out_button, self.fit_button):
            widget.setEnabled(ready)

    # -- zoom ------------------------------------------------------------------------------

    def zoom_factor(self) -> float:
        """The zoom as shown, also while the view fits the width (where QPdfView keeps no factor)."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom:
            return self.view.zoomFactor()
        if self.document.pageCount() == 0:
            return 1.0
        margins = self.view.documentMargins()
        width = self.view.viewport().width() - margins.left() - margins.right()
        page_width = self.document.pagePointSize(0).width() * self.logicalDpiX() / 72
        return width / page_width if page_width > 0 else 1.0

    def _zoom_to(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(ZOOM_MAX, max(ZOOM_MIN, factor)))

    def zoom_in(self) -> None:
        self._zoom_to(self.zoom_factor() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom_to(self.zoom_factor() / ZOOM_STEP)

    def fit_to_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    # -- print, save, open -----------------------------------------------------------------

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested_name())
        if self.document.pageCount():
            printer.setPageLayout(page_layout_of(self.document))
            printer.setFullPage(True)  # the PDF carries its own margins
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Cetak"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            self.print_to(printer)
        except PrintError as error:
            show_error(self, self.tr("Cetak"), error.message)
        except Exception:  # the program stays usable; the log has the details
            log.exception("printing %s failed", self.suggested_name())
            show_error(
                self, self.tr("Cetak"),
                self.tr("Dokumen tidak dapat dicetak. Coba lagi, atau simpan dokumen lalu cetak dari penampil PDF."),
            )
        else:
            announce(self, self._printed_message(printer))

    def _printed_message(self, printer: QPrinter) -> str:
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:  # "Cetak ke Berkas (PDF)"
            return self.tr("{document} dicetak ke berkas {path}").format(document=self.document_name, path=printer.outputFileName())
        return self.tr("{document} dicetak ke {printer}").format(document=self.document_name, printer=printer.printerName())

    def print_to(self, printer: QPrinter) -> int:
        """Paint every page onto ``printer``; returns the number of pages sent.

        Each page is rendered at the printer's resolution (at most 300 dpi) and drawn at its own
        size when it fits the printable area, shrunk to fit (keeping its proportions) when not:
        an 80 mm kwitansi stays 80 mm wide on an A4 printer.
        """
        pages = self.document.pageCount()
        if self.document.status() != QPdfDocument.Status.Ready or pages == 0:
            raise PrintError(self.tr("Dokumen tidak dapat dicetak karena tidak terbaca."))
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError(self.tr("Pencetak tidak dapat dipakai. Periksa apakah pencetak menyala dan terpasang, lalu coba lagi."))
        try:
            device_dpi = printer.resolution()
            dpi = min(device_dpi, MAX_PRINT_DPI)
            area = printer.pageRect(QPrinter.Unit.DevicePixel)  # the painter's origin is its top-left
            for page in range(pages):
                if page and not printer.newPage():
                    raise PrintError(self.tr("Pencetak berhenti di halaman {page}.").format(page=page + 1))
                points = self.document.pagePointSize(page)
                image = self.document.render(page, QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi)))
                if image.isNull():
                    raise PrintError(self.tr("Halaman {page} tidak dapat disiapkan untuk dicetak.").format(page=page + 1))
                natural_width = points.width() / 72 * device_dpi
                natural_height = points.height() / 72 * device_dpi
                scale = min(1.0, area.width() / natural_width, area.height() / natural_height)
                width, height = natural_width * scale, natural_height * scale
                target = QRectF((area.width() - width) / 2, 0, width, height)  # centred, from the top
                painter.drawImage(target, image)
        finally:
            painter.end()
        return pages

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
        announce(self, self.tr("{document} disimpan ke {path}").format(document=self.document_name, path=path))
        return path

    def open_externally(self) -> Path | None:
        try:
            path = self._temp_file()
        except OSError as error:
            show_error(self, self.tr("Buka"), self.tr("Berkas sementara tidak dapat ditulis: {reason}").format(reason=error.strerror))
            return None
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            show_error(
                self, self.tr("Buka"),
                self.tr("Komputer ini tidak punya penampil PDF. Gunakan Cetak atau Simpan di jendela ini."),
            )
        return path

    def _temp_file(self) -> Path:
        folder = Path(tempfile.gettempdir()) / "koperasi-cetak"
        folder.mkdir(exist_ok=True)
        path = folder / self.suggested_name()
        try:
            path.write_bytes(self.pdf_bytes())
        except PermissionError:  # a viewer still holds the copy opened last time (Windows)
            path = path.with_name(f"{path.stem}-{uuid.uuid4().hex[:6]}{path.suffix}")
            path.write_bytes(self.pdf_bytes())
        return path


def page_layout_of(document: QPdfDocument) -> QPageLayout:
    """The paper ``document`` was made for, from its first page: A5, A4 or an 80 mm roll (a
    custom size), upright or landscape, without margins (the PDF has its own)."""
    size = document.pagePointSize(0)
    short, long = sorted((size.width(), size.height()))
    paper = QPageSize(QSizeF(short, long), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    landscape = size.width() > size.height()
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    return QPageLayout(paper, orientation, QMarginsF(0, 0, 0, 0))


def write_to_bytes(write: Callable[[object], None]) -> bytes:
    """Run a report writer (which takes a target) into memory."""
    buffer = io.BytesIO()
    write(buffer)
    return buffer.getvalue()


def show_preview(dialog: PdfPreviewDialog | None) -> None:
    """Open a preview a document builder returned (None: it already told the user why not)."""
    if dialog is not None:
        dialog.exec()


def file_name_part(text: str, fallback: str) -> str:
    """``"NJ/PAU/2026/000001"`` -> ``"nj-pau-2026-000001"``: safe in a suggested file name on any system."""
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower() or fallback
