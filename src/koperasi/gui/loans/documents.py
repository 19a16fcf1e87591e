"""Loan papers from the tab: kwitansi (A5 or 80 mm), kartu pinjaman, shown in the PDF preview."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtWidgets import QWidget

from koperasi.domain.errors import DomainError
from koperasi.domain.loans.papers import Receipt
from koperasi.gui.context import AppContext
from koperasi.gui.messages import show_error
from koperasi.gui.pdf_preview import PdfPreviewDialog, write_to_bytes
from koperasi.services.loans import papers as loan_papers
from koperasi import clock


def _safe(name: str) -> str:
    return name.replace("/", "-").replace("\\", "-")


def receipt_preview(parent: QWidget, context: AppContext, movement_id: uuid.UUID) -> PdfPreviewDialog | None:
    try:
        with context.database.session() as session:
            receipt = loan_papers.receipt_for(session, context.actor, movement_id)
    except DomainError as error:
        show_error(parent, parent.tr("Kwitansi"), error.message)
        return None
    return preview_of_receipt(parent, receipt)


def preview_of_receipt(parent: QWidget, receipt: Receipt) -> PdfPreviewDialog:
    """Any kwitansi (a loan's, a saving's) in the preview, on A5 or the 80 mm roll."""
    from koperasi.reports.loans.receipt import write_receipt_a5, write_receipt_thermal

    name = _safe(receipt.number or receipt.loan_number)
    suffix = "-BATAL" if receipt.cancelled else ""
    title = parent.tr("Kwitansi {number}").format(number=receipt.number) + (parent.tr(" (BATAL)") if receipt.cancelled else "")
    return PdfPreviewDialog(
        title,
        {
            parent.tr("A5"): (lambda: write_to_bytes(lambda out: write_receipt_a5(receipt, out)), f"kwitansi-{name}{suffix}.pdf"),
            parent.tr("Struk 80 mm"): (lambda: write_to_bytes(lambda out: write_receipt_thermal(receipt, out)), f"kwitansi-{name}{suffix}-80mm.pdf"),
        },
        parent,
    )


def show_receipt(parent: QWidget, context: AppContext, movement_id: uuid.UUID) -> None:
    dialog = receipt_preview(parent, context, movement_id)
    if dialog is not None:
        dialog.exec()


def loan_card_preview(parent: QWidget, context: AppContext, loan_id: uuid.UUID, *, as_of: date | None = None) -> PdfPreviewDialog | None:
    from koperasi.reports.loans.card import write_loan_card

    try:
        with context.database.session() as session:
            card = loan_papers.loan_card(session, context.actor, loan_id, as_of=as_of or clock.today())
    except DomainError as error:
        show_error(parent, parent.tr("Kartu pinjaman"), error.message)
        return None
    return PdfPreviewDialog(
        parent.tr("Kartu pinjaman {number}").format(number=card.loan_number),
        {parent.tr("A4"): (lambda: write_to_bytes(lambda out: write_loan_card(card, out)), f"kartu-pinjaman-{_safe(card.loan_number)}.pdf")},
        parent,
    )


def show_loan_card(parent: QWidget, context: AppContext, loan_id: uuid.UUID) -> None:
    dialog = loan_card_preview(parent, context, loan_id)
    if dialog is not None:
        dialog.exec()
