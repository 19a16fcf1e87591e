"""The PDF preview: the document shows in QPdfView, prints page by page onto a QPrinter,
saves its bytes, opens in the system viewer; layouts are written on demand."""

from __future__ import annotations

import datetime
import io
import uuid

import pypdf
import pytest
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QMainWindow, QWidget
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from koperasi.gui import pdf_preview
from koperasi.gui.loans.documents import loan_card_preview, receipt_preview
from koperasi.services.loans.queries import loan_detail
from tests.loan_support import loan_office


def _pdf(pages: int, size=A4) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=size)
    for number in range(pages):
        canvas.drawString(72, size[1] - 72, f"Halaman {number + 1}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _pdf_printer(target) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    return printer


def test_preview_writes_each_layout_once_shows_it_and_saves(qtbot, tmp_path, monkeypatch):
    written = []

    def writer(text, pages):
        def write():
            written.append(text)
            return _pdf(pages)
        return write

    dialog = pdf_preview.PdfPreviewDialog("Kwitansi", {"A5": (writer("a5", 1), "k.pdf"), "Struk 80 mm": (writer("80", 2), "k-80mm.pdf")})
    qtbot.addWidget(dialog)
    assert isinstance(dialog.view, QPdfView) and dialog.view.document() is dialog.document
    assert dialog.view.pageMode() == QPdfView.PageMode.MultiPage and dialog.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert dialog.document.status() == QPdfDocument.Status.Ready and dialog.document.pageCount() == 1
    assert not dialog.layout_combo.isHidden() and dialog.problem_label.isHidden()
    dialog.layout_combo.setCurrentIndex(1)
    assert dialog.document.pageCount() == 2 and dialog.suggested_name() == "k-80mm.pdf"
    target = tmp_path / "simpan.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)"))
    assert dialog.save_as() == target and target.read_bytes() == dialog.pdf_bytes()
    dialog.layout_combo.setCurrentIndex(0)
    dialog.layout_combo.setCurrentIndex(1)
    assert written == ["a5", "80"]


def test_printing_renders_every_page_onto_the_printer(qtbot, tmp_path):
    dialog = pdf_preview.PdfPreviewDialog("Kartu", {"A4": (lambda: _pdf(3), "kartu.pdf")})
    qtbot.addWidget(dialog)
    assert dialog.layout_combo.isHidden()
    target = tmp_path / "cetak.pdf"
    assert dialog.print_to(_pdf_printer(target)) == 3
    printed = pypdf.PdfReader(target)
    assert len(printed.pages) == 3
    image = next(iter(printed.pages[0].images)).image  # each page is one raster image at <= 300 dpi
    assert 2000 < image.width <= round(A4[0] / 72 * pdf_preview.MAX_PRINT_DPI)


def test_a_printer_that_cannot_start_shows_a_message_and_the_dialog_stays(qtbot, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(pdf_preview, "show_error", lambda parent, title, message: shown.append(message))
    monkeypatch.setattr(pdf_preview, "QPrintDialog", _AcceptingPrintDialog)
    _AcceptingPrintDialog.target = tmp_path / "tidak-ada" / "cetak.pdf"  # a folder that does not exist
    dialog = pdf_preview.PdfPreviewDialog("Kartu", {"A4": (lambda: _pdf(1), "kartu.pdf")})
    qtbot.addWidget(dialog)
    dialog.print_document()
    assert len(shown) == 1 and "Pencetak tidak dapat dipakai" in shown[0]
    assert dialog.print_button.isEnabled()


class _AcceptingPrintDialog:
    """QPrintDialog stand-in: the user chose a PDF printer writing to ``target`` and pressed Cetak."""

    target = None

    def __init__(self, printer, parent):
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.target))

    def setWindowTitle(self, title):
        pass

    def exec(self):
        return pdf_preview.QDialog.DialogCode.Accepted


def test_an_unreadable_document_is_reported_inline_and_cannot_be_printed(qtbot):
    dialog = pdf_preview.PdfPreviewDialog("x", {"A5": (lambda: b"", "x.pdf")})
    qtbot.addWidget(dialog)
    assert not dialog.problem_label.isHidden() and not dialog.print_button.isEnabled()
    with pytest.raises(pdf_preview.PrintError):
        dialog.print_to(QPrinter())


def test_zoom_buttons_leave_fit_to_width_and_come_back(qtbot):
    dialog = pdf_preview.PdfPreviewDialog("Kartu", {"A4": (lambda: _pdf(2), "kartu.pdf")})
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    fitted = dialog.zoom_factor()
    dialog.zoom_in_button.click()
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.Custom
    assert dialog.view.zoomFactor() == pytest.approx(fitted * pdf_preview.ZOOM_STEP, rel=0.01)
    dialog.zoom_out_button.click()
    dialog.zoom_out_button.click()
    assert dialog.view.zoomFactor() == pytest.approx(fitted / pdf_preview.ZOOM_STEP, rel=0.01)
    dialog.fit_button.click()
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitToWidth


def test_open_in_viewer_writes_a_temporary_copy(qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(pdf_preview.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    dialog = pdf_preview.PdfPreviewDialog("Kartu", {"A4": (lambda: _pdf(1), "kartu.pdf")})
    qtbot.addWidget(dialog)
    path = dialog.open_externally()
    assert opened == [str(path)] and path.name == "kartu.pdf" and path.read_bytes() == dialog.pdf_bytes()


def test_receipt_preview_offers_a5_and_80mm_and_marks_a_reversed_receipt(qtbot, context, tmp_path):
    from PySide6.QtWidgets import QWidget

    from koperasi.services.loans import payments as loan_payments

    office = loan_office(context.database, context.actor)
    loan_id = office.active_loan(office.member("Siti Aminah"))
    with context.database.session() as session:
        payment = loan_payments.repay(session, office.treasurer, loan_id, amount=100_000, paid_on=datetime.date(2025, 2, 6), request_id=uuid.uuid4())
        request = loan_payments.request_movement_reversal(session, office.treasurer, payment.movement_id,
                                                          reason="salah ketik jumlah", request_id=uuid.uuid4())
        loan_payments.approve_movement_reversal(session, office.manager, request)

    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = receipt_preview(parent, context, payment.movement_id)
    qtbot.addWidget(dialog)
    assert [dialog.layout_combo.itemText(i) for i in range(2)] == ["A5", "Struk 80 mm"]
    assert "BATAL" in dialog.windowTitle() and dialog.suggested_name().endswith("-BATAL.pdf")
    for index in range(2):
        dialog.layout_combo.setCurrentIndex(index)
        reader = pypdf.PdfReader(io.BytesIO(dialog.pdf_bytes()))
        text = "".join(page.extract_text() for page in reader.pages)
        assert "BATAL" in text and "100.000" in text
        assert dialog.document.status() == QPdfDocument.Status.Ready and dialog.document.pageCount() == len(reader.pages)
        target = tmp_path / f"kwitansi-{index}.pdf"
        assert dialog.print_to(_pdf_printer(target)) == len(pypdf.PdfReader(target).pages) == len(reader.pages)
    with context.database.session() as session:
        loan = loan_detail(session, office.treasurer, loan_id)
    card = loan_card_preview(parent, context, loan.id)
    qtbot.addWidget(card)
    assert card.pdf_bytes().startswith(b"%PDF") and card.document.pageCount() >= 1


@pytest.mark.parametrize(
    ("paper", "expected_mm"),
    [
        (landscape(A5), (210, 148)),  # a kwitansi on A5 landscape
        ((80 * mm, 143 * mm), (80, 143)),  # a kwitansi on the 80 mm roll, as long as its lines
        (landscape(A4), (297, 210)),  # a certificate
        (A4, (210, 297)),  # a loan card
    ],
)
def test_a_document_prints_on_the_paper_it_was_made_for(qtbot, tmp_path, monkeypatch, paper, expected_mm):
    monkeypatch.setattr(pdf_preview, "QPrintDialog", _AcceptingPrintDialog)
    _AcceptingPrintDialog.target = tmp_path / "cetak.pdf"
    dialog = pdf_preview.PdfPreviewDialog("Kwitansi", {"A5": (lambda: _pdf(1, paper), "k.pdf")})
    qtbot.addWidget(dialog)
    dialog.print_document()
    box = pypdf.PdfReader(_AcceptingPrintDialog.target).pages[0].mediabox
    printed_mm = (float(box.width) / 72 * 25.4, float(box.height) / 72 * 25.4)
    assert printed_mm == pytest.approx(expected_mm, abs=1)


def test_printing_and_saving_are_confirmed_in_the_main_window_status_bar(qtbot, tmp_path, monkeypatch):
    window = QMainWindow()
    window.setCentralWidget(tab := QWidget())
    qtbot.addWidget(window)
    monkeypatch.setattr(pdf_preview, "QPrintDialog", _AcceptingPrintDialog)
    _AcceptingPrintDialog.target = tmp_path / "cetak.pdf"
    dialog = pdf_preview.PdfPreviewDialog("Kwitansi KW/SRL/2026/000123", {"A5": (lambda: _pdf(1, landscape(A5)), "k.pdf")}, tab)
    dialog.print_document()
    assert window.statusBar().currentMessage() == f"Kwitansi KW/SRL/2026/000123 dicetak ke berkas {tmp_path / 'cetak.pdf'}"
    saved = tmp_path / "simpan.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), "PDF (*.pdf)"))
    dialog.save_as()
    assert window.statusBar().currentMessage() == f"Kwitansi KW/SRL/2026/000123 disimpan ke {saved}"


class _OfficePrinter:
    """A real printer as the print dialog leaves it (this machine may have no print system)."""

    def outputFormat(self):  # noqa: N802 (QPrinter API)
        return QPrinter.OutputFormat.NativeFormat

    def printerName(self):  # noqa: N802
        return "Epson L3110"


def test_a_printer_is_named_in_the_confirmation(qtbot):
    dialog = pdf_preview.PdfPreviewDialog("Kartu pinjaman PJ/SRL/2026/000007", {"A4": (lambda: _pdf(1), "k.pdf")})
    qtbot.addWidget(dialog)
    assert dialog._printed_message(_OfficePrinter()) == "Kartu pinjaman PJ/SRL/2026/000007 dicetak ke Epson L3110"
