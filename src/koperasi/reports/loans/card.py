"""The kartu pinjaman: a loan's header, its schedule and every movement with the running balance."""

from __future__ import annotations

from functools import partial

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from koperasi.domain.dates import format_date
from koperasi.domain.loans.papers import LoanCard
from koperasi.domain.money import format_rupiah
from koperasi.reports.layout import (
    GREY,
    LABEL,
    MARGIN,
    SECTION,
    TITLE,
    NumberedCanvas,
    Target,
    a4_document,
    chunked_tables,
    clip,
    label_value_table,
    office_header,
    REGULAR,
    paragraph,
    side_by_side,
)

_TEXT_WIDTH = A4[0] - 2 * MARGIN
_SIZE = 8
_CELL = ParagraphStyle("card_cell", fontName=REGULAR, fontSize=_SIZE, leading=_SIZE * 1.2)


def write_loan_card(card: LoanCard, target: Target) -> None:
    """The A4 kartu pinjaman as of ``card.as_of``."""
    document = a4_document(target, f"Kartu pinjaman {card.loan_number}", card.office.name)
    footer = partial(NumberedCanvas, left_text=f"Kartu pinjaman {card.loan_number}", right_text=f"Per {format_date(card.as_of)}")
    story: list[Flowable] = [
        *office_header(card.office),
        Paragraph("KARTU PINJAMAN", TITLE),
        _header(card),
        Paragraph("Jadwal angsuran", SECTION),
        *_schedule(card),
        Paragraph("Riwayat transaksi", SECTION),
        *_movements(card),
    ]
    document.build(story, canvasmaker=footer)


def _header(card: LoanCard) -> Table:
    half = (_TEXT_WIDTH - 6 * mm) / 2
    left = [
        ("No. pinjaman", card.loan_number),
        ("Anggota", f"{card.member_name} ({card.member_number})"),
        ("Alamat", card.member_address),
        ("Kelompok", card.group_name),
        ("Produk", card.product_name),
        ("Sumber dana", card.fund_name),
        ("Tujuan", card.purpose),
    ]
    disbursed = format_date(card.disbursed_on) if card.disbursed_on else "Belum dicairkan"
    right = [
        ("Plafon", format_rupiah(card.principal)),
        ("Tenor", f"{card.term} kali, {card.frequency_label.lower()}"),
        ("Angsuran", format_rupiah(card.installment)),
        ("Biaya administrasi", format_rupiah(card.admin_fee)),
        ("Diajukan / dicairkan", f"{format_date(card.applied_on)} / {disbursed}"),
        ("Status", card.status_label),
        ("Sisa pokok", format_rupiah(card.outstanding)),
        ("Tunggakan", format_rupiah(card.arrears) + (f" ({card.days_past_due} hari)" if card.days_past_due > 0 else "")),
    ]
    if card.rescheduled_note:
        right.append(("Jadwal ulang", card.rescheduled_note))
    return side_by_side(label_value_table(left, width=half, label_width=24 * mm), label_value_table(right, width=half, label_width=34 * mm), _TEXT_WIDTH)


def _schedule(card: LoanCard) -> list[Flowable]:
    if not card.schedule:
        return [Paragraph("Jadwal angsuran belum dibuat.", LABEL)]
    rows = [
        (str(line.number), format_date(line.due_on), format_rupiah(line.amount), format_rupiah(line.paid), line.status)
        for line in card.schedule
    ]
    footer = ("Jumlah", "", format_rupiah(sum(line.amount for line in card.schedule)), format_rupiah(sum(line.paid for line in card.schedule)), "")
    widths = [12 * mm, 34 * mm, 32 * mm, 32 * mm, _TEXT_WIDTH - 110 * mm]
    return chunked_tables(("Ke", "Jatuh tempo", "Angsuran", "Dibayar", "Keterangan"), rows, widths, right=(2, 3), center=(0,), font_size=_SIZE, footer=footer, footer_span=2)


def _movements(card: LoanCard) -> list[Flowable]:
    if not card.movements:
        return [Paragraph("Belum ada transaksi.", LABEL)]
    # The date column holds the longest date, "30 September 2026".
    widths = [stringWidth("30 September 2026", REGULAR, _SIZE) + 7, 0, 12 * mm, 32 * mm, 21 * mm, 21 * mm, 23 * mm]
    widths[1] = _TEXT_WIDTH - sum(widths)
    rows, greyed = [], []
    for index, movement in enumerate(card.movements):
        description = movement.description + (" (dibatalkan)" if movement.cancelled else "")
        rows.append(
            (
                format_date(movement.occurred_on),
                paragraph(description, _CELL),
                movement.installments,
                clip(movement.receipt_number, widths[3] - 6, REGULAR, _SIZE),
                format_rupiah(movement.increase) if movement.increase else "",
                format_rupiah(movement.decrease) if movement.decrease else "",
                format_rupiah(movement.balance),
            )
        )
        if movement.cancelled:
            greyed.append(("TEXTCOLOR", (0, index), (-1, index), GREY))
    footer = (f"Sisa pinjaman per {format_date(card.as_of)}", "", "", "", "", "", format_rupiah(card.outstanding))
    tables = chunked_tables(
        ("Tanggal", "Uraian", "Angs. ke", "No. kwitansi", "Bertambah", "Berkurang", "Saldo"),
        rows,
        widths,
        right=(4, 5, 6),
        center=(2,),
        font_size=_SIZE,
        footer=footer,
        footer_span=6,
        extra=greyed,
    )
    return [*tables, Spacer(0, 2 * mm)]
