"""Sales papers from the tab: nota penjualan, bukti pembayaran, laporan penitip, shown in the PDF
preview. The ReportLab writers are imported when a paper is asked for."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtWidgets import QWidget

from koperasi.domain.errors import DomainError
from koperasi.domain.sales.rules import Producer
from koperasi.gui.context import AppContext
from koperasi.gui.messages import show_error
from koperasi.gui.pdf_preview import PdfPreviewDialog, file_name_part, show_preview as show, write_to_bytes
from koperasi.services.sales import papers as sales_papers


def sales_note_preview(parent: QWidget, context: AppContext, sale_id: uuid.UUID) -> PdfPreviewDialog | None:
    from koperasi.reports.sales.note import write_sales_note

    try:
        with context.database.session() as session:
            note = sales_papers.sales_note(session, context.actor, sale_id)
    except DomainError as error:
        show_error(parent, parent.tr("Nota penjualan"), error.message)
        return None
    suffix = "-batal" if note.cancelled else ""
    title = parent.tr("Nota penjualan {number}").format(number=note.number) + (parent.tr(" (BATAL)") if note.cancelled else "")
    return PdfPreviewDialog(
        title, {parent.tr("A5"): (lambda: write_to_bytes(lambda out: write_sales_note(note, out)),
                                  f"nota-{file_name_part(note.number, 'penjualan')}{suffix}.pdf")}, parent,
    )


def payout_slip_preview(parent: QWidget, context: AppContext, payout_id: uuid.UUID) -> PdfPreviewDialog | None:
    from koperasi.reports.sales.payout_slip import write_payout_slip

    try:
        with context.database.session() as session:
            slip = sales_papers.payout_slip(session, context.actor, payout_id)
    except DomainError as error:
        show_error(parent, parent.tr("Bukti pembayaran"), error.message)
        return None
    suffix = "-batal" if slip.cancelled else ""
    title = parent.tr("Bukti pembayaran {number}: {name}").format(number=slip.number, name=slip.producer) + (
        parent.tr(" (BATAL)") if slip.cancelled else "")
    return PdfPreviewDialog(
        title, {parent.tr("A5"): (lambda: write_to_bytes(lambda out: write_payout_slip(slip, out)),
                                  f"bukti-bayar-{file_name_part(slip.number, 'penjualan')}{suffix}.pdf")}, parent,
    )


def statement_preview(parent: QWidget, context: AppContext, producer: Producer, period_from: date,
                      period_to: date) -> PdfPreviewDialog | None:
    from koperasi.reports.sales.statements import write_producer_statement

    try:
        with context.database.session() as session:
            statement = sales_papers.producer_statement(session, context.actor, producer, period_from=period_from,
                                                        period_to=period_to)
    except DomainError as error:
        show_error(parent, parent.tr("Laporan penitip"), error.message)
        return None
    return PdfPreviewDialog(
        parent.tr("Laporan penitip: {name}").format(name=statement.producer),
        {parent.tr("A4"): (lambda: write_to_bytes(lambda out: write_producer_statement(statement, out)),
                           f"laporan-penitip-{file_name_part(statement.producer, 'penjualan')}-{period_from:%Y-%m-%d}-{period_to:%Y-%m-%d}.pdf")},
        parent,
    )
