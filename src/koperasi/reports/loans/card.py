"""The kartu pinjaman: a loan's header, its schedule and every movement with the running balance."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from koperasi.domain.dates import format_date
from koperasi.domain.loans.papers import LoanCard
from koperasi.domain.money import format_rupiah
from koperasi.reports.layout import (
    A4_BOTTOM,
    A4_TEXT_WIDTH,
    A4_TOP,
    GREEN,
    LABEL,
    MARGIN,
    OFFICE,
    REGULAR,
    SECTION,
    TITLE,
    NumberedCanvas,
    OfficeDetailsLine,
    Target,
    output,
    text_width,
)
from koperasi.reports.page_writer import Column, Ledger, PageWriter, label_value_block

_SIZE = 8
_GAP = 6 * mm  # between the two header blocks
_PAD = 3  # above and below the header blocks
_SECTION_ROOM = 40 * mm  # a section heading starts a new page unless its table header and ~4 rows fit under it


def write_loan_card(card: LoanCard, target: Target) -> None:
    """The A4 kartu pinjaman as of ``card.as_of``."""
    canvas = NumberedCanvas(output(target), pagesize=A4, left_text=f"Kartu pinjaman {card.loan_number}", right_text=f"Per {format_date(card.as_of)}")
    canvas.setTitle(f"Kartu pinjaman {card.loan_number}")
    canvas.setAuthor(card.office.name)
    writer = PageWriter(canvas, left=MARGIN, right=A4[0] - MARGIN, top=A4[1] - A4_TOP, bottom=A4_BOTTOM)
    writer.paragraph(card.office.name, OFFICE)
    if card.office.address or card.office.phone:
        writer.flowable(OfficeDetailsLine(card.office))
    writer.y -= 3 * mm
    writer.rule(writer.left, writer.right, writer.y, 1.2, GREEN)
    writer.paragraph("KARTU PINJAMAN", TITLE)
    _header(writer, card)
    _section(writer, "Jadwal angsuran")
    _schedule(writer, card)
    _section(writer, "Riwayat transaksi")
    _movements(writer, card)
    writer.finish()


def _header(writer: PageWriter, card: LoanCard) -> None:
    half = (A4_TEXT_WIDTH - _GAP) / 2
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
    writer.y -= _PAD
    left_height = label_value_block(writer, left, x=writer.left, width=half, label_width=24 * mm)
    right_height = label_value_block(writer, right, x=writer.left + half + _GAP, width=half, label_width=34 * mm)
    writer.y -= max(left_height, right_height) + _PAD


def _section(writer: PageWriter, title: str) -> None:
    writer.ensure(_SECTION_ROOM)
    writer.paragraph(title, SECTION)


def _schedule(writer: PageWriter, card: LoanCard) -> None:
    if not card.schedule:
        writer.paragraph("Jadwal angsuran belum dibuat.", LABEL)
        return
    rows = [
        (str(line.number), format_date(line.due_on), format_rupiah(line.amount), format_rupiah(line.paid), line.status)
        for line in card.schedule
    ]
    footer = ("Jumlah", "", format_rupiah(sum(line.amount for line in card.schedule)), format_rupiah(sum(line.paid for line in card.schedule)), "")
    columns = (
        Column("Ke", 12 * mm, "centre"),
        Column("Jatuh tempo", 34 * mm),
        Column("Angsuran", 32 * mm, "right"),
        Column("Dibayar", 32 * mm, "right"),
        Column("Keterangan", A4_TEXT_WIDTH - 110 * mm),
    )
    Ledger(writer, columns, size=_SIZE).draw(rows, footer=footer, footer_span=2)


def _movements(writer: PageWriter, card: LoanCard) -> None:
    if not card.movements:
        writer.paragraph("Belum ada transaksi.", LABEL)
        return
    # The date column holds the longest date, "30 September 2026".
    date_width = text_width("30 September 2026", REGULAR, _SIZE) + 7
    fixed = (12 + 32 + 21 + 21 + 23) * mm
    columns = (
        Column("Tanggal", date_width),
        Column("Uraian", A4_TEXT_WIDTH - date_width - fixed, wraps=True),
        Column("Angs. ke", 12 * mm, "centre"),
        Column("No. kwitansi", 32 * mm),
        Column("Bertambah", 21 * mm, "right"),
        Column("Berkurang", 21 * mm, "right"),
        Column("Saldo", 23 * mm, "right"),
    )
    rows = [
        (
            format_date(movement.occurred_on),
            movement.description + (" (dibatalkan)" if movement.cancelled else ""),
            movement.installments,
            movement.receipt_number,
            format_rupiah(movement.increase) if movement.increase else "",
            format_rupiah(movement.decrease) if movement.decrease else "",
            format_rupiah(movement.balance),
        )
        for movement in card.movements
    ]
    greyed = frozenset(index for index, movement in enumerate(card.movements) if movement.cancelled)
    footer = (f"Sisa pinjaman per {format_date(card.as_of)}", "", "", "", "", "", format_rupiah(card.outstanding))
    Ledger(writer, columns, size=_SIZE).draw(rows, footer=footer, footer_span=6, greyed=greyed)
    writer.y -= 2 * mm
