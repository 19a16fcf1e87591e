"""Sales papers: a nota penjualan of 10 lines and a sales report with 60 breakdown rows (PDF and
xlsx), each beside the bare ReportLab canvas or openpyxl work beneath it."""

from __future__ import annotations

from datetime import date
from io import BytesIO

from harness import Workspace, scenario, timed
from scenarios_loan_papers import _bare_canvas, _office

DAY = date(2026, 11, 28)
NOTE_LINES = 10
BREAKDOWN_ROWS = 60  # 12 in each of the five breakdowns


def _note():
    from koperasi.domain.sales.rules import line_total
    from koperasi.domain.sales.papers import NoteLine, SalesNote

    lines = tuple(
        NoteLine(f"Beras organik kelas {n}", "kg", f"Penitip Nomor {n} (SRL-{n:06d})", 2_500 * n, 14_500, line_total(2_500 * n, 14_500))
        for n in range(1, NOTE_LINES + 1)
    )
    return SalesNote(
        office=_office(), number="NJ/SRL/2026/000123", sold_on=DAY, channel="Pasar kabupaten", buyer_name="CV Tani Makmur",
        buyer_address="Jl. Lintas Sumatera Km 5, Bangko", lines=lines, total=sum(line.total for line in lines), place="Sarolangun",
        clerk_name="Rahmawati",
    )  # fmt: skip


def _report():
    from koperasi.domain.sales.papers import SalesReport, SalesTotal

    names = ("Produk", "Saluran", "Bulan", "Kecamatan", "Kelompok penitip")
    each = BREAKDOWN_ROWS // len(names)
    breakdowns = {name: tuple(SalesTotal(f"{name} nomor {n}", 40 * n, 1_250_000 * n, 125_000 * n) for n in range(1, each + 1)) for name in names}
    total = SalesTotal("Jumlah", 40 * 78, 1_250_000 * 78, 125_000 * 78)
    return SalesReport(office=_office(), period_from=date(2026, 1, 1), period_to=date(2026, 12, 31), total=total, breakdowns=breakdowns)


@scenario("nota_penjualan_10_pdf")
def nota_penjualan(workspace: Workspace):
    from koperasi.reports.sales.note import write_sales_note

    note = _note()
    samples = timed(lambda: write_sales_note(note, BytesIO()), 20)
    floor = timed(lambda: _bare_canvas(NOTE_LINES + 12, 40), 20)
    return samples, floor, "bare canvas: 22 drawString lines on one page"


@scenario("laporan_penjualan_60_pdf")
def laporan_penjualan_pdf(workspace: Workspace):
    from koperasi.reports.sales.statements import write_sales_report_pdf

    report = _report()
    samples = timed(lambda: write_sales_report_pdf(report, BytesIO()), 10)
    floor = timed(lambda: _bare_canvas(BREAKDOWN_ROWS + 20, 45), 10)
    return samples, floor, "bare canvas: 80 drawString lines, 45 a page"


@scenario("laporan_penjualan_60_xlsx")
def laporan_penjualan_xlsx(workspace: Workspace):
    from openpyxl import Workbook

    from koperasi.reports.sales.statements import write_sales_report_xlsx

    report = _report()
    samples = timed(lambda: write_sales_report_xlsx(report, BytesIO()), 10)

    def bare() -> None:
        book = Workbook(write_only=True)
        for name, totals in report.breakdowns.items():
            sheet = book.create_sheet(name)
            for line in totals:
                sheet.append((line.name, line.sales, line.total, line.commission, line.producer_share))
        book.save(BytesIO())

    return samples, timed(bare, 10), "openpyxl write_only: the same 60 rows in five sheets, unstyled"
