"""The daftar SHU anggota: a divided year's SHU by the AD/ART's parts and every member's share with the basis
of each part, as a PDF for the RAT (A4) and as a workbook for the auditor."""

from __future__ import annotations

from functools import partial
from xml.sax.saxutils import escape

from openpyxl import Workbook
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from koperasi.domain.books.plan import MemberShu, ShuPaper, ShuPlan
from koperasi.domain.books.rules import CapitalBasis, ShuPart, format_share, show_sources
from koperasi.domain.dates import format_date
from koperasi.domain.money import format_rupiah
from koperasi.reports.layout import (
    A4_TEXT_WIDTH,
    BODY,
    LABEL,
    REGULAR,
    TITLE,
    NumberedCanvas,
    Target,
    a4_document,
    chunked_tables,
    label_value_table,
    office_header,
    output,
    section_heading,
)
from koperasi.reports.sheets import RUPIAH, add_sheet, row

_SIZE = 7.5
_NOTE = LABEL.clone("shu_note", fontSize=8.5, leading=11)


def capital_shown(plan: ShuPlan, member: MemberShu) -> int:
    """The jasa modal basis as read: the balance at the year end, or the average of the twelve month ends
    (rounded half up to the rupiah; the division itself used the exact sum)."""
    if plan.capital_basis is CapitalBasis.AVERAGE:
        return (member.capital_basis + 6) // 12
    return member.capital_basis


def _paid(member: MemberShu) -> str:
    if member.paid_by is None:
        return "Belum"
    return f"{member.paid_by.label}, {member.paid_on:%d-%m-%Y}"


def basis_notes(plan: ShuPlan) -> list[str]:
    capital, business = plan.part(ShuPart.CAPITAL), plan.part(ShuPart.BUSINESS)
    notes = [
        f"Jasa modal {format_rupiah(capital.amount)} dibagi menurut {plan.capital_basis.label.lower()}: bagian anggota = "
        f"{format_rupiah(capital.amount)} × simpanannya ÷ {format_rupiah(plan.capital_basis_total)}"
        + (" (jumlah 12 akhir bulan)" if plan.capital_basis is CapitalBasis.AVERAGE else "") + ".",
        f"Jasa usaha {format_rupiah(business.amount)} dibagi menurut transaksi anggota dengan koperasi "
        f"({show_sources(plan.business_sources).lower()}): bagian anggota = {format_rupiah(business.amount)} × "
        f"transaksinya ÷ {format_rupiah(plan.business_basis_total)}.",
        "Pembulatan ke rupiah penuh memakai sisa terbesar, sehingga jumlah bagian anggota tepat sama dengan jasa modal "
        "dan jasa usaha.",
    ]
    undivided = capital.undivided + business.undivided
    if undivided:
        notes.append(f"{format_rupiah(undivided)} tidak dapat dibagi (tidak ada anggota dengan dasar pembagian) dan dicatat "
                     "sebagai SHU belum dibagikan; RAT memutuskan penggunaannya.")
    return notes


def write_shu_list_pdf(paper: ShuPaper, target: Target) -> None:
    """A4: the SHU and its parts by the AD/ART, how jasa modal and jasa usaha were shared, then every member."""
    plan = paper.plan
    title = f"Daftar SHU anggota tahun buku {plan.year}"
    document = a4_document(target, title, paper.office.name)
    footer = partial(NumberedCanvas, left_text=f"{title} \u00b7 dicetak {format_date(paper.printed_on)}",
                     right_text=paper.office.name)
    story: list[Flowable] = [
        *office_header(paper.office),
        Paragraph(f"DAFTAR SHU ANGGOTA<br/><font size=10 name='{REGULAR}'>tahun buku {plan.year}</font>", TITLE),
        label_value_table([
            ("SHU tahun buku", format_rupiah(plan.shu)),
            ("Dibagi pada", format_date(plan.divided_on)),
            ("Dasar jasa modal", plan.capital_basis.label),
            ("Dasar jasa usaha", show_sources(plan.business_sources)),
        ], width=A4_TEXT_WIDTH, label_width=40 * mm),
        *section_heading("Pembagian SHU menurut AD/ART"),
        *parts_tables(plan),
        Spacer(0, 2 * mm),
        *(Paragraph(escape(note), _NOTE) for note in basis_notes(plan)),
        *section_heading("SHU setiap anggota"),
        *member_tables(plan),
    ]
    document.build(story, canvasmaker=footer)


def parts_tables(plan: ShuPlan) -> list[Flowable]:
    rows = [(part.part.label, format_share(part.share_bp), format_rupiah(part.amount),
             format_rupiah(part.undivided) if part.undivided else "") for part in plan.parts]
    return chunked_tables(("Bagian", "Persen", "Jumlah", "Belum dibagikan"), rows, [70 * mm, 25 * mm, 40 * mm, 35 * mm],
                          right=(1, 2, 3), font_size=8.5, footer=("Jumlah", "100 %", format_rupiah(plan.shu), ""))


def member_tables(plan: ShuPlan) -> list[Flowable]:
    average = plan.capital_basis is CapitalBasis.AVERAGE
    header = ("No", "Nomor", "Nama", "Rata-rata simpanan" if average else "Simpanan", "Jasa modal",
              "Transaksi", "Jasa usaha", "Jumlah SHU", "Dibayar")
    widths = [9 * mm, 20 * mm, 0, 20 * mm, 17 * mm, 18 * mm, 17 * mm, 19 * mm, 24 * mm]
    widths[2] = A4_TEXT_WIDTH - sum(widths)
    rows = [
        (str(index), member.number, member.name[:40], format_rupiah(capital_shown(plan, member)),
         format_rupiah(member.jasa_modal), format_rupiah(member.business_basis), format_rupiah(member.jasa_usaha),
         format_rupiah(member.total), _paid(member))
        for index, member in enumerate(plan.members, start=1)
    ]
    footer = ("Jumlah", "", "", "", format_rupiah(sum(m.jasa_modal for m in plan.members)), "",
              format_rupiah(sum(m.jasa_usaha for m in plan.members)), format_rupiah(sum(m.total for m in plan.members)), "")
    tables = chunked_tables(header, rows, widths, right=(3, 4, 5, 6, 7), center=(0,), font_size=_SIZE, footer=footer,
                            footer_span=3)
    if not plan.members:
        tables.append(Paragraph("Tidak ada anggota dengan dasar pembagian jasa modal atau jasa usaha.", BODY))
    return tables


def write_shu_list_xlsx(paper: ShuPaper, target: Target) -> None:
    """Two sheets: the parts by the AD/ART, and every member with the basis and amount of each part (numbers)."""
    book = Workbook(write_only=True)
    add_shu_sheets(book, paper.plan, paper.office.name)
    book.save(output(target))


def add_shu_sheets(book: Workbook, plan: ShuPlan, office_name: str) -> None:
    """The division's parts and every member's share (the SHU list's workbook, and the RAT pack's)."""
    heading = (f"Pembagian SHU tahun buku {plan.year}", office_name,
               f"Dibagi pada {format_date(plan.divided_on)}" if plan.divided_on else "Rencana pembagian (belum dibukukan)")
    parts = add_sheet(book, "Pembagian SHU", ("Bagian", "Persen", "Jumlah", "Belum dibagikan"), (34, 10, 18, 18),
                      heading=heading)
    for part in plan.parts:
        parts.append(row(parts, (part.part.label, part.share_bp / 10_000, part.amount, part.undivided),
                         (None, "0.00%", RUPIAH, RUPIAH)))
    parts.append(row(parts, ("Jumlah", 1, plan.shu, sum(part.undivided for part in plan.parts)),
                     (None, "0.00%", RUPIAH, RUPIAH), bold=True))
    average = plan.capital_basis is CapitalBasis.AVERAGE
    capital_header = ("Jumlah simpanan 12 akhir bulan", "Rata-rata simpanan") if average else ("Simpanan pokok + wajib",)
    header = ("Nomor", "Nama", *capital_header, "Jasa modal", "Transaksi (dasar jasa usaha)", "Jasa usaha", "Jumlah SHU", "Cara bayar", "Tanggal bayar", "Kwitansi")
    widths = (14, 32, *((20, 18) if average else (20,)), 16, 20, 16, 16, 18, 14, 22)
    members = add_sheet(book, "SHU anggota", header, widths, heading=(
        f"SHU anggota tahun buku {plan.year}", office_name,
        f"Dasar jasa modal: {plan.capital_basis.label}; dasar jasa usaha: {show_sources(plan.business_sources)}"))
    money = [RUPIAH] * (len(capital_header) + 5)
    formats = (None, None, *money, None, "DD-MM-YYYY", None)
    for member in plan.members:
        capital = (member.capital_basis, capital_shown(plan, member)) if average else (member.capital_basis,)
        members.append(row(members, (
            member.number, member.name, *capital, member.jasa_modal, member.business_basis, member.jasa_usaha,
            member.total, member.paid_by.label if member.paid_by else "Belum", member.paid_on, member.receipt_number,
        ), formats))
