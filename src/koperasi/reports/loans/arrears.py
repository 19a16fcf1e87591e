"""The laporan tunggakan: portfolio at risk by ageing bucket and breakdown, then every late loan.

As a landscape A4 PDF for the manager and the donors, and as an Excel workbook for whoever
wants to filter it; both from the same ArrearsReport.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache, partial

from openpyxl import Workbook
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Flowable, PageTemplate, Paragraph

from koperasi.domain.dates import format_date
from koperasi.domain.loans.papers import ArrearsLine, ArrearsReport, PortfolioShare
from koperasi.domain.money import format_rupiah, percent
from koperasi.reports.layout import (
    BODY,
    BOLD,
    GREEN,
    LABEL,
    REGULAR,
    SECTION,
    TITLE,
    NumberedCanvas,
    LedgerRows,
    Target,
    bare_frame,
    binary_streams,
    chunked_tables,
    clip,
    office_header,
    output,
)
from koperasi.reports.sheets import PERCENT, RUPIAH, add_sheet, money_cell, row

_PAGE = landscape(A4)
_MARGIN = 15 * mm
_TOP_MARGIN, _BOTTOM_MARGIN = 15 * mm, 22 * mm
_TEXT_WIDTH = _PAGE[0] - 2 * _MARGIN
_SIZE = 7
_ROW_HEIGHT = 10.5
_NOTE = ParagraphStyle("arrears_note", parent=LABEL, spaceAfter=1.5 * mm)
_PAR = ParagraphStyle("par", parent=BODY, fontName=BOLD, fontSize=12, leading=15, textColor=GREEN, spaceAfter=1 * mm)

_SHARE_HEADER = ("Nama", "Pinjaman", "Sisa pokok", "Berisiko", "PAR30")  # at risk: > 30 days late or restructured
_LATE_HEADER = (
    "No.", "No. pinjaman", "Anggota", "Desa", "Kecamatan", "Kelompok", "Produk", "Sumber dana",
    "Sisa pokok", "Tunggakan", "Hari", "Kolektibilitas",
)  # fmt: skip
_LATE_WIDTHS = [10, 35, 36, 20, 19, 23, 19, 21, 22, 22, 9, 31]  # mm; they sum to the landscape text width (a loan number fits with "(R)")


RESTRUCTURED_MARK = "(R)"
RESTRUCTURED_NOTE = (
    f"{RESTRUCTURED_MARK} dijadwal ulang, belum pulih: tetap masuk PAR30 sampai angsuran jadwal barunya dibayar "
    "tepat waktu berturut-turut sebanyak aturan produknya."
)

# Babel takes ~15 µs an amount; a portfolio repeats its amounts (multiples of the installments) a lot.
_rupiah = lru_cache(maxsize=65536)(format_rupiah)


def worst_first(lines: Sequence[ArrearsLine]) -> list[ArrearsLine]:
    """Most days late first, then the largest arrears; ties keep the order they came in."""
    return sorted(lines, key=lambda line: (-line.days_past_due, -line.arrears))


def late_list_heading(lines: Sequence[ArrearsLine]) -> str:
    """The list's title: a rescheduled loan not yet cured is in it (and in PAR30) though it may not be late,
    so the title names it whenever one is there (the Laporan bulanan's list is this one too)."""
    what = "terlambat atau direstrukturisasi" if any(line.restructured for line in lines) else "terlambat"
    return f"Daftar pinjaman {what} ({len(lines)} pinjaman, yang terlama lebih dulu)"


# --- PDF --------------------------------------------------------------------------------------


def write_arrears_pdf(report: ArrearsReport, target: Target) -> None:
    """Landscape A4: PAR30 and the ageing buckets, each breakdown, then the late loans worst first."""
    frame = bare_frame(_MARGIN, _BOTTOM_MARGIN, _TEXT_WIDTH, _PAGE[1] - _TOP_MARGIN - _BOTTOM_MARGIN)
    document = BaseDocTemplate(
        output(target),
        pagesize=_PAGE,
        pageTemplates=[PageTemplate(frames=[frame])],
        title=f"Laporan tunggakan per {format_date(report.as_of)}",
        author=report.office.name,
    )
    footer = partial(NumberedCanvas, left_text=f"Laporan tunggakan pinjaman per {format_date(report.as_of)}", right_text=report.office.name, margin=_MARGIN)
    story: list[Flowable] = [
        *office_header(report.office),
        Paragraph(f"LAPORAN TUNGGAKAN PINJAMAN<br/>per {format_date(report.as_of)}", TITLE),
        *_summary(report),
    ]
    for name, shares in report.breakdowns.items():
        story.append(Paragraph(f"Menurut {name.lower()}", SECTION))
        story += _shares(shares, report.total, first=name) if shares else [Paragraph("Tidak ada data.", LABEL)]
    story += _late_loans(report)
    with binary_streams():
        document.build(story, canvasmaker=footer)


def _summary(report: ArrearsReport) -> list[Flowable]:
    total = report.total
    par = Paragraph(
        f"PAR30: {percent(total.par30)} &nbsp;<font size=9.5 color='#5F6B66' name='{REGULAR}'>"
        f"({format_rupiah(total.at_risk_30)} berisiko, yaitu terlambat > 30 hari atau direstrukturisasi, "
        f"dari sisa pokok {format_rupiah(total.outstanding)}, {total.loans} pinjaman)</font>",
        _PAR,
    )
    rows = [
        (bucket.name, str(bucket.loans), format_rupiah(bucket.outstanding), percent(bucket.outstanding / total.outstanding if total.outstanding else 0.0))
        for bucket in report.buckets
    ]
    footer = ("Jumlah", str(total.loans), format_rupiah(total.outstanding), percent(1.0 if total.outstanding else 0.0))
    table = chunked_tables(("Umur tunggakan", "Pinjaman", "Sisa pokok", "Porsi"), rows, [50 * mm, 25 * mm, 40 * mm, 25 * mm], right=(1, 2, 3), footer=footer)
    return [Paragraph("Ringkasan menurut umur tunggakan", SECTION), par, *table]


def _shares(shares: Sequence[PortfolioShare], total: PortfolioShare, *, first: str) -> list[Flowable]:
    rows = [(clip(share.name, 80 * mm - 6, REGULAR, 8), str(share.loans), format_rupiah(share.outstanding), format_rupiah(share.at_risk_30), percent(share.par30)) for share in shares]
    footer = ("Jumlah", str(total.loans), format_rupiah(total.outstanding), format_rupiah(total.at_risk_30), percent(total.par30))
    widths = [80 * mm, 25 * mm, 40 * mm, 40 * mm, 25 * mm]
    return chunked_tables((first, *_SHARE_HEADER[1:]), rows, widths, right=(1, 2, 3, 4), footer=footer)


def _late_loans(report: ArrearsReport) -> list[Flowable]:
    lines = worst_first(report.late_loans)
    if not lines:
        return [Paragraph("Daftar pinjaman terlambat", SECTION), Paragraph(f"Tidak ada pinjaman yang terlambat per {format_date(report.as_of)}.", BODY)]
    heading = Paragraph(late_list_heading(lines), SECTION)
    widths = [width * mm for width in _LATE_WIDTHS]
    rows = [
        (
            str(index),
            f"{line.loan_number} {RESTRUCTURED_MARK}" if line.restructured else line.loan_number,
            f"{line.member_name} ({line.member_number})",
            line.desa,
            line.kecamatan,
            line.group,
            line.product,
            line.fund,
            _rupiah(line.outstanding),
            _rupiah(line.arrears),
            str(line.days_past_due),
            line.collectibility,
        )
        for index, line in enumerate(lines, start=1)
    ]
    footer = (
        "", "Jumlah", "", "", "", "", "", "",
        format_rupiah(sum(line.outstanding for line in lines)), format_rupiah(sum(line.arrears for line in lines)), "", "",
    )  # fmt: skip
    story: list[Flowable] = [heading]
    if any(line.restructured for line in lines):
        story.append(Paragraph(RESTRUCTURED_NOTE, _NOTE))
    return [*story, LedgerRows(_LATE_HEADER, rows, widths, right=(0, 8, 9, 10), font_size=_SIZE, row_height=_ROW_HEIGHT, footer=footer)]


# --- Excel -------------------------------------------------------------------------------------

def write_arrears_xlsx(report: ArrearsReport, target: Target) -> None:
    """One sheet per part (Ringkasan, each breakdown, Daftar tunggakan): numbers stay numbers,
    rupiah formatted as rupiah, the header row frozen."""
    book = Workbook(write_only=True)
    sheet = add_sheet(book, "Ringkasan", ("Umur tunggakan", "Pinjaman", "Sisa pokok", "Porsi"), (24, 12, 20, 10))
    outstanding = report.total.outstanding
    for bucket in report.buckets:
        sheet.append(row(sheet, (bucket.name, bucket.loans, bucket.outstanding, bucket.outstanding / outstanding if outstanding else 0.0), (None, None, RUPIAH, PERCENT)))
    sheet.append(row(sheet, ("Jumlah", report.total.loans, outstanding, 1.0 if outstanding else 0.0), (None, None, RUPIAH, PERCENT), bold=True))
    sheet.append([])
    sheet.append(row(sheet, ("PAR30", report.total.par30), (None, PERCENT), bold=True))
    sheet.append(row(sheet, ("Sisa pokok berisiko (terlambat > 30 hari atau restrukturisasi)", report.total.at_risk_30), (None, RUPIAH)))
    sheet.append(["Per tanggal", report.as_of])

    share_formats = (None, None, RUPIAH, RUPIAH, PERCENT)
    for name, shares in report.breakdowns.items():
        sheet = add_sheet(book, f"Per {name.lower()}", (name, *_SHARE_HEADER[1:]), (36, 12, 20, 22, 10))
        for share in shares:
            sheet.append(row(sheet, (share.name, share.loans, share.outstanding, share.at_risk_30, share.par30), share_formats))
        total = report.total
        sheet.append(row(sheet, ("Jumlah", total.loans, total.outstanding, total.at_risk_30, total.par30), share_formats, bold=True))

    header = (*_LATE_HEADER[1:3], "No. anggota", *_LATE_HEADER[3:10], "Hari terlambat", "Umur tunggakan", "Kolektibilitas")
    sheet = add_sheet(book, "Daftar tunggakan", header, (22, 30, 14, 18, 18, 24, 20, 24, 16, 16, 10, 14, 24))
    money = money_cell(sheet)
    for line in worst_first(report.late_loans):
        sheet.append(
            (
                line.loan_number, line.member_name, line.member_number, line.desa, line.kecamatan, line.group,
                line.product, line.fund, money(line.outstanding), money(line.arrears), line.days_past_due,
                line.bucket, line.collectibility,
            )
        )  # fmt: skip
    if not report.late_loans:
        sheet.append([f"Tidak ada pinjaman yang terlambat per {format_date(report.as_of)}."])
    book.save(output(target))
