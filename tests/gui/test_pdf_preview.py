"""The PDF preview: layouts written on demand, Simpan writes the bytes, no QtPdf falls back to the viewer."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from koperasi.gui import pdf_preview
from koperasi.gui.loans.documents import loan_card_preview, receipt_preview
from koperasi.services.loan_queries import loan_detail
from tests.loan_support import loan_office


def test_preview_writes_each_layout_once_and_saves(qtbot, tmp_path, monkeypatch):
    written = []

    def writer(text):
        def write():
            written.append(text)
            return b"%PDF-1.4 " + text.encode()
        return write

    dialog = pdf_preview.PdfPreviewDialog("Kwitansi", {"A5": (writer("a5"), "k.pdf"), "Struk 80 mm": (writer("80"), "k-80mm.pdf")})
    qtbot.addWidget(dialog)
    assert not dialog.layout_combo.isHidden()
    dialog.layout_combo.setCurrentIndex(1)
    assert dialog.pdf_bytes().endswith(b"80") and dialog.suggested_name() == "k-80mm.pdf"
    target = tmp_path / "simpan.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)"))
    assert dialog.save_as() == target and target.read_bytes().endswith(b"80")
    assert written.count("80") == 1


def test_without_qtpdf_print_hands_the_file_to_the_viewer(qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(pdf_preview.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    monkeypatch.setattr(pdf_preview.sys, "platform", "linux")
    dialog = pdf_preview.PdfPreviewDialog("Kartu", {"A4": (lambda: b"%PDF-1.4", "kartu.pdf")})
    qtbot.addWidget(dialog)
    assert dialog.layout_combo.isHidden()
    if dialog.document is None:
        dialog.print_document()
        assert opened and opened[0].endswith("kartu.pdf")


def test_receipt_preview_offers_a5_and_80mm_and_marks_a_reversed_receipt(qtbot, context):
    from pypdf import PdfReader
    import io
    import uuid

    from koperasi.services import loan_payments

    office = loan_office(context.database, context.actor)
    loan_id = office.active_loan(office.member("Siti Aminah"))
    with context.database.session() as session:
        payment = loan_payments.repay(session, office.treasurer, loan_id, amount=100_000, paid_on=__import__("datetime").date(2025, 2, 6), request_id=uuid.uuid4())
        loan_payments.reverse_movement(session, office.treasurer, payment.movement_id, reason="salah ketik jumlah", request_id=uuid.uuid4())
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = receipt_preview(parent, context, payment.movement_id)
    qtbot.addWidget(dialog)
    assert [dialog.layout_combo.itemText(i) for i in range(2)] == ["A5", "Struk 80 mm"]
    assert "BATAL" in dialog.windowTitle() and dialog.suggested_name().endswith("-BATAL.pdf")
    for index in range(2):
        dialog.layout_combo.setCurrentIndex(index)
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(dialog.pdf_bytes())).pages)
        assert "BATAL" in text and "100.000" in text
    with context.database.session() as session:
        loan = loan_detail(session, office.treasurer, loan_id)
    card = loan_card_preview(parent, context, loan.id)
    qtbot.addWidget(card)
    assert card.pdf_bytes().startswith(b"%PDF")
