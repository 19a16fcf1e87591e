"""The RAT pack's papers: the report a member reads at the meeting (A4 PDF: neraca, perhitungan hasil usaha and
arus kas beside the year before, the SHU division, the year's work, every member's SHU), the blank daftar hadir
for their signatures, and one workbook for the auditor (a sheet per statement, numbers as numbers)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from xml.sax.saxutils import escape

from openpyxl import Workbook
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from koperasi.domain.books.rat import BalanceSheet, CashFlow, RatPack, StatementSection, SurplusStatement, Unit, WorkFigure
from koperasi.domain.dates import format_date
from koperasi.domain.money import format_rupiah
from koperasi.reports.books.shu_list import add_shu_sheets, basis_notes, member_tables, parts_tables
from koperasi.reports.layout import (
    A4_TEXT_WIDTH,
    BODY,
    BOLD,
    GREEN,
    LABEL,
    PALE_GREEN,
    REGULAR,
    RULE,
    TITLE,
    NumberedCanvas,
    SignatureBlock,
    Target,
    a4_document,
    chunked_tables,
    clip,
    label_value_table,
    office_header,
    output,
    section_heading,
    signature_pair,
)
from koperasi.reports.sheets import RUPIAH, add_sheet, row

_SIZE = 9
_NOTE = LABEL.clone("rat_note", fontSize=8.5, leading=11)
_AMOUNT = 32 * mm  # each year's column
# What a statement row is: a heading over its lines, a line, a section's total, the statement's total.
_HEAD, _LINE, _SUBTOTAL, _TOTAL = "head", "line", "subtotal", "total"
_BLANK = "." * 50  # filled in by hand at the meeting


def amount_text(amount: int) -> str:
    """A statement's figure: negative amounts in brackets, as accountants print them."""
    return f"({format_rupiah(-amount)})" if amount < 0 else format_rupiah(amount)


def figure_text(figure: WorkFigure) -> str:
    if figure.unit is Unit.RUPIAH:
        return format_rupiah(figure.value)
    if figure.unit is Unit.BASIS_POINTS:
        return f"{figure.value / 100:.2f} %".replace(".", ",")
    return f"{figure.value:,}".replace(",", ".")


def _statement(header: Sequence[str], rows: Sequence[tuple[str, Sequence[str], str]]) -> Table:
    """A statement: the item, then one right-aligned column per year; headings bold, totals on a pale band."""
    columns = len(header) - 1
    label_width = A4_TEXT_WIDTH - columns * _AMOUNT
    data = [list(header)]
    commands = [
        ("FONT", (0, 0), (-1, -1), REGULAR, _SIZE),
        ("FONT", (0, 0), (-1, 0), BOLD, _SIZE),
        ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
        ("BACKGROUND", (0, 0), (-1, 0), GREEN),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for index, (label, amounts, kind) in enumerate(rows, start=1):
        indent = "    " if kind == _LINE else ""
        data.append([clip(indent + label, label_width - 6, BOLD if kind != _LINE else REGULAR, _SIZE), *amounts])
        if kind == _HEAD:
            commands.append(("FONT", (0, index), (-1, index), BOLD, _SIZE))
        elif kind == _LINE:
            commands.append(("LINEBELOW", (0, index), (-1, index), 0.3, RULE))
        else:
            commands += [("FONT", (0, index), (-1, index), BOLD, _SIZE), ("LINEABOVE", (1, index), (-1, index), 0.6, GREEN)]
            if kind == _TOTAL:
                commands.append(("BACKGROUND", (0, index), (-1, index), PALE_GREEN))
    table = Table(data, colWidths=[label_width] + [_AMOUNT] * columns, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def _section_rows(section: StatementSection, total_label: str) -> list[tuple[str, Sequence[str], str]]:
    rows: list[tuple[str, Sequence[str], str]] = [(section.title, ("", ""), _HEAD)]
    rows += [(line.label, (amount_text(line.amount), amount_text(line.previous)), _LINE) for line in section.lines]
    if not section.lines:
        rows.append(("Tidak ada", ("", ""), _LINE))
    rows.append((total_label, (amount_text(section.total), amount_text(section.previous_total)), _SUBTOTAL))
    return rows


def _balance_sheet(sheet: BalanceSheet, year: int) -> list[Flowable]:
    header = ("Pos", f"31-12-{year}", f"31-12-{year - 1}")
    return [
        _statement(header, [
            *_section_rows(sheet.assets, "Jumlah aset"),
        ]),
        Spacer(0, 3 * mm),
        _statement(header, [
            *_section_rows(sheet.liabilities, "Jumlah kewajiban"),
            *_section_rows(sheet.equity, "Jumlah ekuitas"),
            ("Jumlah kewajiban dan ekuitas", (amount_text(sheet.liabilities_and_equity),
                                             amount_text(sheet.previous_liabilities_and_equity)), _TOTAL),
        ]),
    ]


def _surplus(surplus: SurplusStatement) -> list[Flowable]:
    header = ("Pos", f"Tahun {surplus.year}", f"Tahun {surplus.year - 1}")
    return [_statement(header, [
        *_section_rows(surplus.income, "Jumlah pendapatan"),
        *_section_rows(surplus.expenses, "Jumlah beban"),
        ("Sisa hasil usaha (SHU)" if surplus.shu >= 0 else "Sisa hasil usaha (rugi)",
         (amount_text(surplus.shu), amount_text(surplus.previous_shu)), _TOTAL),
    ])]


def _cash_flow(flow: CashFlow) -> list[Flowable]:
    header = ("Pos", "Diterima", "Dibayar", "Bersih")
    rows: list[tuple[str, Sequence[str], str]] = [
        (f"Kas pada 1 Januari {flow.year}", ("", "", amount_text(flow.opening)), _SUBTOTAL)]
    for section in flow.sections:
        rows.append((section.activity.label, ("", "", ""), _HEAD))
        rows += [(line.label, (format_rupiah(line.received), format_rupiah(line.paid), amount_text(line.net)), _LINE)
                 for line in section.lines]
        if not section.lines:
            rows.append(("Tidak ada", ("", "", ""), _LINE))
        rows.append((f"Jumlah {section.activity.label.lower()}", ("", "", amount_text(section.net)), _SUBTOTAL))
    rows.append(("Kenaikan (penurunan) kas", ("", "", amount_text(flow.net)), _SUBTOTAL))
    rows.append((f"Kas pada 31 Desember {flow.year}", ("", "", amount_text(flow.closing)), _TOTAL))
    return [
        _statement(header, rows),
        Spacer(0, 1.5 * mm),
        Paragraph(escape("Metode langsung: setiap penerimaan dan pengeluaran kas dikelompokkan menurut akun lawannya "
                         "di jurnal. Pinjaman anggota, titip jual dan pendapatan serta beban termasuk aktivitas operasi; "
                         "simpanan anggota, dana bergulir, SHU yang dibayarkan dan dana-dana termasuk aktivitas "
                         "pendanaan."), _NOTE),
    ]


def _work(figures: Sequence[WorkFigure]) -> list[Flowable]:
    rows, last = [], None
    for figure in figures:
        if figure.section != last:
            rows.append((figure.section, ("",), _HEAD))
            last = figure.section
        rows.append((figure.label, (figure_text(figure),), _LINE))
    return [_statement(("Kegiatan", "Jumlah"), rows)]


def _shu(pack: RatPack) -> list[Flowable]:
    plan = pack.shu
    if plan is None:
        return [Paragraph(escape(f"Tahun buku {pack.year} tidak menghasilkan SHU (hasil usaha "
                                 f"{amount_text(pack.surplus.shu)}); tidak ada yang dibagi."), BODY)]
    said = (f"SHU {format_rupiah(plan.shu)} dibagi pada {format_date(plan.divided_on)} menurut AD/ART."
            if plan.divided_on else
            f"Rencana pembagian SHU {format_rupiah(plan.shu)} menurut AD/ART, diajukan kepada RAT (belum dibukukan).")
    return [Paragraph(escape(said), BODY), Spacer(0, 2 * mm), *parts_tables(plan), Spacer(0, 2 * mm),
            *(Paragraph(escape(note), _NOTE) for note in basis_notes(plan))]


def write_rat_report_pdf(pack: RatPack, target: Target) -> None:
    """A4: the statements beside the year before, the SHU, the year's work, signatures, then every member's SHU."""
    title = f"Laporan RAT tahun buku {pack.year}"
    document = a4_document(target, title, pack.office.name)
    footer = partial(NumberedCanvas, left_text=f"{title} \u00b7 dicetak {format_date(pack.printed_on)}",
                     right_text=pack.office.name)
    sheet = pack.balance_sheet
    story: list[Flowable] = [
        *office_header(pack.office),
        Paragraph(f"LAPORAN RAPAT ANGGOTA TAHUNAN<br/><font size=10 name='{REGULAR}'>tahun buku {pack.year}</font>", TITLE),
        label_value_table([
            ("Aset pada 31-12-" + str(pack.year), format_rupiah(sheet.assets.total)),
            ("Sisa hasil usaha", amount_text(pack.surplus.shu)),
            ("Anggota pada 31-12-" + str(pack.year), figure_text(pack.work[0])),
        ], width=A4_TEXT_WIDTH, label_width=50 * mm),
        *section_heading(f"1. Neraca per 31 Desember {pack.year} dan {pack.previous_year}"),
        *_balance_sheet(sheet, pack.year),
        *section_heading(f"2. Perhitungan hasil usaha tahun {pack.year} dan {pack.previous_year}"),
        *_surplus(pack.surplus),
        *section_heading(f"3. Arus kas tahun {pack.year}"),
        *_cash_flow(pack.cash_flow),
        *section_heading(f"4. Pembagian SHU tahun buku {pack.year}"),
        *_shu(pack),
        # the year's work and the signatures under it stay on one page: never a page of signatures alone
        KeepTogether([
            *section_heading(f"5. Kegiatan tahun {pack.year}"),
            *_work(pack.work),
            Spacer(0, 8 * mm),
            signature_pair(
                SignatureBlock(70 * mm, [f"{pack.office.name}", "Ketua"], ""),
                SignatureBlock(70 * mm, ["", "Bendahara"], ""),
                A4_TEXT_WIDTH,
            ),
        ]),
    ]
    if pack.shu is not None:
        story += [PageBreak(), Paragraph(escape(f"6. SHU setiap anggota tahun buku {pack.year}"), TITLE),
                  *member_tables(pack.shu)]
    document.build(story, canvasmaker=footer)


def write_attendance_pdf(pack: RatPack, target: Target) -> None:
    """A4: the blank daftar hadir of the RAT, every member on the roll with room to sign."""
    title = f"Daftar hadir RAT tahun buku {pack.year}"
    document = a4_document(target, title, pack.office.name)
    footer = partial(NumberedCanvas, left_text=f"{title} \u00b7 dicetak {format_date(pack.printed_on)}",
                     right_text=pack.office.name)
    members = len(pack.attendees)
    widths = [10 * mm, 24 * mm, 0, 34 * mm, 42 * mm]
    widths[2] = A4_TEXT_WIDTH - sum(widths)
    rows = [
        (str(index), attendee.number, clip(attendee.name, widths[2] - 6, REGULAR, _SIZE),
         clip(attendee.desa, widths[3] - 6, REGULAR, _SIZE), f"{index}. ....................")
        for index, attendee in enumerate(pack.attendees, start=1)
    ]
    # Signatures alternate left and right, as on paper, so neighbours do not sign over each other.
    extra = [("ALIGN", (4, index), (4, index), "RIGHT") for index in range(1, len(rows), 2)]
    story: list[Flowable] = [
        *office_header(pack.office),
        Paragraph(f"DAFTAR HADIR<br/><font size=10 name='{REGULAR}'>Rapat Anggota Tahunan tahun buku {pack.year}</font>",
                  TITLE),
        label_value_table([
            ("Hari, tanggal", _BLANK), ("Tempat", _BLANK),
            ("Jumlah anggota", f"{members:,}".replace(",", ".")),
            ("Kuorum (lebih dari separuh)", f"{members // 2 + 1:,}".replace(",", ".") + " anggota"),
            ("Hadir", _BLANK + " anggota"),
        ], width=A4_TEXT_WIDTH, label_width=55 * mm),
        Spacer(0, 4 * mm),
        *chunked_tables(("No", "Nomor", "Nama", "Desa", "Tanda tangan"), rows, widths, center=(0,), font_size=_SIZE,
                        row_height=9 * mm, extra=extra),
    ]
    document.build(story, canvasmaker=footer)


def write_rat_xlsx(pack: RatPack, target: Target) -> None:
    """For the auditor: one sheet per statement, the SHU's parts and members, the year's work; rupiah as numbers."""
    book = Workbook(write_only=True)
    name, year = pack.office.name, pack.year
    years = (str(year), str(year - 1))
    neraca = add_sheet(book, "Neraca", ("Kode", "Pos", *years), (8, 40, 20, 20),
                       heading=(f"Neraca per 31 Desember {year} dan {year - 1}", name))
    sheet = pack.balance_sheet
    for section, total_label in ((sheet.assets, "Jumlah aset"), (sheet.liabilities, "Jumlah kewajiban"),
                                 (sheet.equity, "Jumlah ekuitas")):
        _statement_rows(neraca, section, total_label)
    neraca.append(row(neraca, ("", "Jumlah kewajiban dan ekuitas", sheet.liabilities_and_equity,
                               sheet.previous_liabilities_and_equity), (None, None, RUPIAH, RUPIAH), bold=True))
    surplus = add_sheet(book, "Hasil usaha", ("Kode", "Pos", *years), (8, 40, 20, 20),
                        heading=(f"Perhitungan hasil usaha tahun {year} dan {year - 1}", name))
    _statement_rows(surplus, pack.surplus.income, "Jumlah pendapatan")
    _statement_rows(surplus, pack.surplus.expenses, "Jumlah beban")
    surplus.append(row(surplus, ("", "Sisa hasil usaha", pack.surplus.shu, pack.surplus.previous_shu),
                       (None, None, RUPIAH, RUPIAH), bold=True))
    flow = pack.cash_flow
    cash = add_sheet(book, "Arus kas", ("Aktivitas", "Kode", "Pos", "Diterima", "Dibayar", "Bersih"), (16, 8, 40, 18, 18, 18),
                     heading=(f"Arus kas tahun {year} (metode langsung: akun lawan di jurnal kas)", name))
    money = (None, None, None, RUPIAH, RUPIAH, RUPIAH)
    cash.append(row(cash, ("", "", f"Kas pada 1 Januari {year}", None, None, flow.opening), money, bold=True))
    for section in flow.sections:
        for line in section.lines:
            cash.append(row(cash, (section.activity.value, line.code, line.label, line.received, line.paid, line.net), money))
        cash.append(row(cash, (section.activity.value, "", f"Jumlah {section.activity.label.lower()}", None, None,
                               section.net), money, bold=True))
    cash.append(row(cash, ("", "", f"Kas pada 31 Desember {year}", None, None, flow.closing), money, bold=True))
    if pack.shu is not None:
        add_shu_sheets(book, pack.shu, name)
    work = add_sheet(book, "Kegiatan", ("Bagian", "Kegiatan", "Jumlah", "Satuan"), (14, 46, 18, 10),
                     heading=(f"Kegiatan tahun {year} (per 31 Desember)", name))
    for figure in pack.work:
        value, number_format = ((figure.value / 10_000, "0.00%") if figure.unit is Unit.BASIS_POINTS else
                                (figure.value, RUPIAH if figure.unit is Unit.RUPIAH else "#,##0"))
        work.append(row(work, (figure.section, figure.label, value, figure.unit.value), (None, None, number_format)))
    book.save(output(target))


def _statement_rows(sheet, section: StatementSection, total_label: str) -> None:
    formats = (None, None, RUPIAH, RUPIAH)
    sheet.append(row(sheet, ("", section.title), bold=True))
    for line in section.lines:
        sheet.append(row(sheet, (line.code, line.label, line.amount, line.previous), formats))
    sheet.append(row(sheet, ("", total_label, section.total, section.previous_total), formats, bold=True))
