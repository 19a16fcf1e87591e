"""The bukti pembayaran hasil penjualan: what the cooperative pays a producer for their goods sold,
in figures and in words, with the sales it settles, on A5 portrait paper. The producer signs it."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from koperasi.domain.dates import format_date, place_and_date
from koperasi.domain.money import METERAI_THRESHOLD
from koperasi.domain.money import format_rupiah
from koperasi.domain.sales.rules import format_quantity
from koperasi.domain.sales.papers import PayoutSlip
from koperasi.domain.dates import date_range
from koperasi.reports.layout import (
    BOLD,
    GREEN,
    LABEL,
    REGULAR,
    SECTION,
    SignatureBlock,
    Target,
    amount_box,
    chunked_tables,
    label_value_table,
    office_header,
    paragraph,
    plain_style,
    side_by_side,
    signature_pair,
)
from koperasi.reports.sales.note import CELL, FIELD, OFFICE_SMALL, SIZE, TEXT_WIDTH, TITLE_SMALL, a5_document, a5_footer, cancelled_line, terbilang

_AMOUNT = ParagraphStyle("slip_amount", parent=FIELD, fontName=BOLD, fontSize=15, leading=18)
_SECTION = ParagraphStyle("slip_section", parent=SECTION, fontSize=9.5, leading=12, spaceBefore=3 * mm, spaceAfter=1.5 * mm)
# Tanggal / No. nota, Barang, Penjualan, Jasa koperasi, Bagian penitip
_WIDTHS = [31 * mm, 0, 21 * mm, 20.5 * mm, 22 * mm]
_WIDTHS[1] = TEXT_WIDTH - sum(_WIDTHS)


def period(slip: PayoutSlip) -> str:
    """"1 s.d. 27 November 2026", "s.d. 27 November 2026", or a dash when the slip names none."""
    if slip.period_from and slip.period_to:
        return date_range(slip.period_from, slip.period_to)
    if slip.period_to:
        return f"s.d. {format_date(slip.period_to)}"
    return f"sejak {format_date(slip.period_from)}" if slip.period_from else ""


def write_payout_slip(slip: PayoutSlip, target: Target) -> None:
    """The slip on A5 portrait: who is paid and for what period, the amount and terbilang, the
    sales settled (when the payout names them), the payable before and after, the signatures of
    the producer (over a meterai box above Rp5.000.000) and the clerk. Cancelled: stamped BATAL."""
    document = a5_document(target, title=f"Bukti pembayaran {slip.number}", author=slip.office.name, cancelled=slip.cancelled)
    half = (TEXT_WIDTH - 6 * mm) / 2
    details = side_by_side(
        label_value_table([("No. bukti", slip.number), ("Tanggal", format_date(slip.paid_on)), ("Periode", period(slip))], width=half, label_width=17 * mm, style=FIELD),
        label_value_table([("Penerima", slip.producer), ("Identitas", slip.producer_identity)], width=half, label_width=17 * mm, style=FIELD),
        TEXT_WIDTH,
    )
    story: list[Flowable] = [
        *office_header(slip.office, OFFICE_SMALL),
        Paragraph("BUKTI PEMBAYARAN HASIL PENJUALAN", TITLE_SMALL),
        details,
        Spacer(0, 3 * mm),
        _amount(slip),
        Spacer(0, 2 * mm),
        *terbilang(slip.amount),
        *_settled(slip),
        *cancelled_line(slip.cancelled, slip.cancel_reason),
        Spacer(0, 4 * mm),
        KeepTogether(_signatures(slip)),
    ]
    document.build(story, canvasmaker=a5_footer(f"Bukti pembayaran {slip.number}", slip.office.name))


def _amount(slip: PayoutSlip) -> Flowable:
    """The amount in figures, and beside it the sum it settles: owed before, paid, owed after."""
    figures = [Paragraph("Jumlah dibayar", LABEL), Spacer(0, 1 * mm), amount_box(Paragraph(escape(format_rupiah(slip.amount)), _AMOUNT), 54 * mm)]
    sums = Table(
        [
            [Paragraph("Hak penitip sebelumnya", FIELD), format_rupiah(slip.payable_before)],
            [Paragraph("Dibayar dengan bukti ini", FIELD), format_rupiah(-slip.amount)],
            [Paragraph("<b>Sisa hak penitip</b>", FIELD), format_rupiah(slip.payable_after)],
        ],
        colWidths=[TEXT_WIDTH - 60 * mm - 26 * mm, 26 * mm],
    )
    sums.setStyle(
        plain_style(
            ("FONT", (1, 0), (1, -1), REGULAR, 9),
            ("FONT", (1, -1), (1, -1), BOLD, 9),
            ("ALIGN", (1, 0), (1, -1), "RIGHT"),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, GREEN),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ("TOPPADDING", (0, -1), (-1, -1), 2.5),
        )
    )
    table = Table([[figures, sums]], colWidths=[60 * mm, TEXT_WIDTH - 60 * mm])
    table.setStyle(plain_style(("VALIGN", (0, 0), (-1, -1), "BOTTOM")))
    return table


def _settled(slip: PayoutSlip) -> list[Flowable]:
    if not slip.lines:
        return []
    rows = [
        (
            paragraph(f"{format_date(line.sold_on)}\n{line.note_number}", CELL),
            paragraph(f"{line.product}\n{format_quantity(line.quantity_milli, line.unit)}", CELL),
            format_rupiah(line.total),
            format_rupiah(line.commission),
            format_rupiah(line.share),
        )
        for line in slip.lines
    ]
    footer = ("Jumlah", "", *(format_rupiah(sum(values)) for values in zip(*((line.total, line.commission, line.share) for line in slip.lines))))
    tables = chunked_tables(
        ("Tanggal / No. nota", "Barang", "Penjualan", "Jasa koperasi", "Bagian penitip"),
        rows,
        _WIDTHS,
        right=(2, 3, 4),
        font_size=SIZE,
        footer=footer,
        footer_span=2,
    )
    return [Paragraph("Penjualan yang dibayarkan", _SECTION), *tables]


def _signatures(slip: PayoutSlip) -> Flowable:
    width = TEXT_WIDTH / 2 - 8 * mm
    producer = SignatureBlock(width, ["", "Yang menerima"], slip.producer, gap=16 * mm, meterai=slip.amount > METERAI_THRESHOLD)
    clerk = SignatureBlock(width, [place_and_date(slip.place, slip.paid_on), "Petugas"], slip.clerk_name, gap=16 * mm)
    return signature_pair(producer, clerk, TEXT_WIDTH)
