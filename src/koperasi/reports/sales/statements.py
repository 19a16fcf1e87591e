"""Sales reports: the laporan penitip (one producer's period: opening payable, every intake, sale
and payout with the running payable, the closing payable and the stock still on hand) and the
laporan penjualan (a period's sales by product, channel, month, kecamatan and producer group) as
PDF and as an Excel workbook."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from xml.sax.saxutils import escape

from openpyxl import Workbook
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from koperasi.domain.dates import format_date
from koperasi.domain.money import format_rupiah
from koperasi.domain.sales.rules import format_quantity
from koperasi.domain.sales.papers import ProducerStatement, SalesReport, SalesTotal, StatementLine
from koperasi.domain.dates import date_range
from koperasi.reports.layout import (
    A4_TEXT_WIDTH,
    BODY,
    FIGURE,
    GREY,
    LABEL,
    REGULAR,
    TITLE,
    LedgerRows,
    NumberedCanvas,
    Target,
    a4_document,
    chunked_tables,
    clip,
    figures_band,
    label_value_table,
    office_header,
    output,
    paragraph,
    section_heading,
)
from koperasi.reports.sheets import RUPIAH, add_sheet, row

_SIZE = 8
_CELL = BODY.clone("sales_cell", fontSize=_SIZE, leading=_SIZE * 1.2)
_SMALL_FIGURE = FIGURE.clone("sales_figure", fontSize=13, leading=16)  # room for "Rp1.234.567.890" in a quarter of the page
_DATE_WIDTH = 25 * mm  # "30 September 2026" at 8 pt with the padding
_LEDGER_FROM = 300  # more breakdown rows than this are drawn as LedgerRows (a few µs a cell)


def _period(first, last) -> str:
    return "periode " + date_range(first, last)


def _title(text: str, period: str) -> Paragraph:
    return Paragraph(f"{escape(text)}<br/><font size=10 name='{REGULAR}'>{escape(period)}</font>", TITLE)


# --- laporan penitip ----------------------------------------------------------------------------


def write_producer_statement(statement: ProducerStatement, target: Target) -> None:
    """A4: the producer and period, the payable at the start, what was earned and paid, the payable at
    the end; every movement with the running payable; the goods still held for the producer."""
    period = _period(statement.period_from, statement.period_to)
    document = a4_document(target, f"Laporan penitip {statement.producer} {period}", statement.office.name)
    footer = partial(NumberedCanvas, left_text=f"Laporan penitip \u00b7 {statement.producer} \u00b7 {period}", right_text=statement.office.name)
    earned = sum(line.share for line in statement.lines)
    paid = sum(line.paid for line in statement.lines)
    figures = [
        (format_rupiah(statement.opening_payable), "saldo awal hak penitip"),
        (format_rupiah(earned), "bagian dari penjualan"),
        (format_rupiah(paid), "dibayarkan"),
        (format_rupiah(statement.closing_payable), "saldo akhir hak penitip"),
    ]
    story: list[Flowable] = [
        *office_header(statement.office),
        _title("LAPORAN PENITIP", period),
        label_value_table([("Penitip", statement.producer), ("Identitas", statement.producer_identity)], width=A4_TEXT_WIDTH, label_width=30 * mm),
        Spacer(0, 5 * mm),
        figures_band(figures, A4_TEXT_WIDTH, _SMALL_FIGURE),
        *section_heading("Rincian titipan, penjualan dan pembayaran"),
        *_movements(statement),
        *section_heading(f"Barang titipan yang tersisa per {format_date(statement.period_to)}"),
        *_stock(statement),
    ]
    document.build(story, canvasmaker=footer)


def _quantity(line: StatementLine) -> str:
    if not line.quantity_milli:
        return ""
    return ("+" if line.quantity_milli > 0 else "") + format_quantity(line.quantity_milli, line.unit)


def _movements(statement: ProducerStatement) -> list[Flowable]:
    widths = [_DATE_WIDTH, 0, 24 * mm, 24 * mm, 24 * mm, 25 * mm]
    widths[1] = A4_TEXT_WIDTH - sum(widths)
    opening = (format_date(statement.period_from), "Saldo awal", "", "", "", format_rupiah(statement.opening_payable))
    rows = [opening]
    for line in statement.lines:
        described = line.description if not line.document or line.document in line.description else f"{line.description}\n{line.document}"
        rows.append(
            (
                format_date(line.occurred_on),
                paragraph(described, _CELL),
                _quantity(line),
                format_rupiah(line.share) if line.share else "",
                format_rupiah(line.paid) if line.paid else "",
                format_rupiah(line.payable),
            )
        )
    footer = (
        f"Saldo akhir per {format_date(statement.period_to)}", "", "",
        format_rupiah(sum(line.share for line in statement.lines)), format_rupiah(sum(line.paid for line in statement.lines)),
        format_rupiah(statement.closing_payable),
    )  # fmt: skip
    extra = [("TEXTCOLOR", (0, 0), (-1, 0), GREY), ("VALIGN", (0, 0), (-1, len(rows) - 1), "TOP")]
    tables = chunked_tables(
        ("Tanggal", "Uraian", "Barang", "Bagian penitip", "Dibayar", "Sisa hak"),
        rows,
        widths,
        right=(2, 3, 4, 5),
        font_size=_SIZE,
        footer=footer,
        footer_span=3,
        extra=extra,
    )
    if not statement.lines:
        tables.append(Paragraph("Tidak ada titipan, penjualan atau pembayaran pada periode ini.", LABEL.clone("sales_none", spaceBefore=2 * mm)))
    return tables


def _stock(statement: ProducerStatement) -> list[Flowable]:
    if not statement.stock:
        return [Paragraph("Tidak ada barang titipan yang tersisa.", LABEL)]
    rows = [(str(index), paragraph(line.product, _CELL), format_quantity(line.quantity_milli, line.unit)) for index, line in enumerate(statement.stock, start=1)]
    return chunked_tables(("No", "Barang", "Sisa stok"), rows, [10 * mm, 90 * mm, 35 * mm], right=(2,), center=(0,), font_size=_SIZE)


# --- laporan penjualan --------------------------------------------------------------------------

_TOTAL_HEADER = ("Transaksi", "Penjualan", "Jasa koperasi", "Bagian penitip")


def _count(number: int) -> str:
    """1234 -> "1.234" (whole units, so the quantity formatter's grouping applies)."""
    return format_quantity(number * 1000)


def _figures(total: SalesTotal) -> tuple[str, ...]:
    return _count(total.sales), format_rupiah(total.total), format_rupiah(total.commission), format_rupiah(total.producer_share)


def write_sales_report_pdf(report: SalesReport, target: Target) -> None:
    """A4: the period's totals, then a table per breakdown (Produk, Saluran, Bulan, Kecamatan,
    Kelompok penitip) ending in the total; a long breakdown runs over pages with its header repeated."""
    period = _period(report.period_from, report.period_to)
    document = a4_document(target, f"Laporan penjualan {period}", report.office.name)
    footer = partial(NumberedCanvas, left_text=f"Laporan penjualan \u00b7 {period}", right_text=report.office.name)
    total = report.total
    story: list[Flowable] = [
        *office_header(report.office),
        _title("LAPORAN PENJUALAN", period),
        figures_band(
            [(format_rupiah(total.total), "penjualan"), (format_rupiah(total.commission), "jasa koperasi"), (format_rupiah(total.producer_share), "bagian penitip"), (_count(total.sales), "transaksi")],
            A4_TEXT_WIDTH,
            _SMALL_FIGURE,
        ),
    ]
    if not total.sales and not any(report.breakdowns.values()):
        story += [Spacer(0, 5 * mm), Paragraph(f"Tidak ada penjualan pada {escape(period)}.", BODY)]
    else:
        for name, totals in report.breakdowns.items():
            story += section_heading(f"Menurut {name.lower()}")
            story += _breakdown(name, totals, total) if totals else [Paragraph("Tidak ada data.", LABEL)]
    document.build(story, canvasmaker=footer)


def _breakdown(name: str, totals: Sequence[SalesTotal], total: SalesTotal) -> list[Flowable]:
    widths = [A4_TEXT_WIDTH - 18 * mm - 3 * 31 * mm, 18 * mm, 31 * mm, 31 * mm, 31 * mm]
    rows = [(clip(line.name, widths[0] - 6, REGULAR, _SIZE), *_figures(line)) for line in totals]
    footer = ("Jumlah", *_figures(total))
    header = (name, *_TOTAL_HEADER)
    if len(rows) > _LEDGER_FROM:
        return [LedgerRows(header, rows, widths, right=(1, 2, 3, 4), font_size=_SIZE, row_height=13, footer=footer)]
    return chunked_tables(header, rows, widths, right=(1, 2, 3, 4), font_size=_SIZE, row_height=13, footer=footer)


def write_sales_report_xlsx(report: SalesReport, target: Target) -> None:
    """A sheet per breakdown, each titled with the period: the counts and rupiah as numbers, a
    Jumlah row, the header row frozen. A report without breakdowns gets one Ringkasan sheet."""
    book = Workbook(write_only=True)
    period = _period(report.period_from, report.period_to)
    formats = (None, None, RUPIAH, RUPIAH, RUPIAH)
    for name, totals in (report.breakdowns or {"Ringkasan": ()}).items():
        heading = (f"Penjualan menurut {name.lower()}, {period}", report.office.name)
        sheet = add_sheet(book, name, (name, *_TOTAL_HEADER), (40, 12, 18, 18, 18), heading=heading)
        for line in totals:
            sheet.append(row(sheet, _values(line), formats))
        sheet.append(row(sheet, ("Jumlah", *_values(report.total)[1:]), formats, bold=True))
    book.save(output(target))


def _values(line: SalesTotal) -> tuple[object, ...]:
    return line.name, line.sales, line.total, line.commission, line.producer_share
