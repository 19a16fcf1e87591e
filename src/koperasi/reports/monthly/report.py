"""The Laporan bulanan: an A4 PDF for the board, the funders and the district office, and the same
figures as an Excel workbook.

The PDF opens with the month's key figures and movements, then the twelve-month charts
(reportlab.graphics.charts: the portfolio and PAR30, installments due against collected, sales by
channel, members by kecamatan and category), each with its figures in a table beneath, and ends
with the arrears list as of the month's last day.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from openpyxl import Workbook
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from koperasi.domain.dates import format_date
from koperasi.domain.loans.papers import ArrearsLine
from koperasi.domain.money import format_rupiah, percent
from koperasi.domain.monthly.figures import PALETTE, Count, History, MonthlyReport, axis_rupiah
from koperasi.domain.months import month_name, short_month_name
from koperasi.reports.layout import (
    A4_TEXT_WIDTH,
    BODY,
    GREY,
    LABEL,
    REGULAR,
    SECTION,
    TITLE,
    LedgerRows,
    NumberedCanvas,
    Target,
    a4_document,
    binary_streams,
    chunked_tables,
    clip,
    figures_band,
    label_value_table,
    office_header,
    output,
    side_by_side,
)
from koperasi.reports.loans.arrears import RESTRUCTURED_MARK, RESTRUCTURED_NOTE, late_list_heading, worst_first
from koperasi.reports.sheets import PERCENT, RUPIAH, add_sheet, money_cell, row

_CHART_HEIGHT = 62 * mm
_NOTE = ParagraphStyle("monthly_note", parent=LABEL, spaceAfter=1.5 * mm)
_HALF = (A4_TEXT_WIDTH - 6 * mm) / 2
_COLOURS = [colors.HexColor(colour) for colour in PALETTE]
_ARREARS_HEADER = ("No.", "No. pinjaman", "Anggota", "Desa", "Sisa pokok", "Tunggakan", "Hari", "Kolektibilitas")
_ARREARS_WIDTHS = [8, 33, 28, 17, 23, 22, 7, 32]  # mm; they sum to the portrait text width (170 mm); a number with "(R)" and the totals fit


def title(report: MonthlyReport) -> str:
    return f"Laporan bulanan {month_name(report.month)}"


# --- PDF --------------------------------------------------------------------------------------


def write_monthly_pdf(report: MonthlyReport, target: Target) -> None:
    document = a4_document(target, title(report), report.office.name)
    footer = partial(NumberedCanvas, left_text=f"{title(report)} (per {format_date(report.as_of)})", right_text=report.office.name)
    history = report.history
    story: list[Flowable] = [
        *office_header(report.office),
        Paragraph(f"LAPORAN BULANAN<br/>{month_name(report.month).upper()}", TITLE),
        _key_figures(report),
        *_movements(report),
        CondPageBreak(_CHART_HEIGHT + 40 * mm),
        Paragraph("Pinjaman: sisa pokok dan portofolio berisiko (PAR30), 12 bulan", SECTION),
        _bars(history, {"Sisa pokok": [p.outstanding for p in history.portfolio],
                        "Berisiko (PAR30)": [p.at_risk for p in history.portfolio]}),
        Paragraph("Angsuran jatuh tempo dan yang tertagih per bulan", SECTION),
        _bars(history, {"Jatuh tempo": [p.due for p in history.collections],
                        "Tertagih": [p.collected for p in history.collections]}),
        Spacer(1, 3 * mm),
        *_loan_table(history),
        CondPageBreak(_CHART_HEIGHT + 30 * mm),
        Paragraph("Penjualan per bulan menurut saluran", SECTION),
        *_sales(history),
        CondPageBreak(_CHART_HEIGHT + 20 * mm),
        Paragraph(f"Anggota per {format_date(report.as_of)}", SECTION),
        side_by_side(_counts_chart("Menurut kecamatan", history.members_by_kecamatan),
                     _counts_chart("Menurut kategori kerentanan", history.members_by_category), A4_TEXT_WIDTH),
        *_arrears(report),
    ]
    with binary_streams():
        document.build(story, canvasmaker=footer)


def _count(number: int) -> str:
    """A count as Indonesian readers write it: 94.804, not 94804."""
    return f"{number:,}".replace(",", ".")


def _key_figures(report: MonthlyReport) -> Flowable:
    portfolio, collection = report.history.portfolio[-1], report.history.collections[-1]
    return figures_band(
        [
            (_count(report.movements.members_at_end), "anggota aktif"),
            (axis_rupiah(portfolio.outstanding), "sisa pokok pinjaman"),
            (percent(portfolio.par30), "PAR30"),
            (percent(collection.rate) if collection.due else "\u2014", "angsuran tertagih bulan ini"),
        ],
        A4_TEXT_WIDTH,
    )


def _movements(report: MonthlyReport) -> list[Flowable]:
    m, collection = report.movements, report.history.collections[-1]
    women = percent(m.women_at_end / m.members_at_end) if m.members_at_end else "\u2014"
    left = [
        ("Anggota baru", _count(m.members_joined)),
        ("Anggota keluar", _count(m.members_left)),
        ("Anggota aktif akhir bulan", f"{_count(m.members_at_end)} (perempuan {women})"),
        ("Sesi pelatihan diadakan", _count(m.sessions_held)),
        ("Kehadiran peserta", f"{_count(m.attendances)} orang-sesi"),
        ("Penjualan", f"{_count(m.sales_count)} transaksi, {format_rupiah(m.sales)}"),
    ]
    right = [
        ("Pinjaman dicairkan", f"{_count(m.loans_disbursed)} pinjaman, {format_rupiah(m.disbursed)}"),
        ("Angsuran jatuh tempo", format_rupiah(collection.due)),
        ("Angsuran diterima", format_rupiah(m.repaid)),
        ("Dihapusbukukan", format_rupiah(m.written_off)),
        ("Bagian produsen", format_rupiah(m.producer_share)),
        ("Dibayarkan ke produsen", format_rupiah(m.payouts)),
    ]
    return [
        Paragraph(f"Kegiatan bulan {month_name(report.month)}", SECTION),
        side_by_side(label_value_table(left, width=_HALF, label_width=40 * mm),
                     label_value_table(right, width=_HALF, label_width=38 * mm), A4_TEXT_WIDTH),
    ]


def _bars(history: History, series: dict[str, Sequence[int]], *, stacked: bool = False,
          width: float = A4_TEXT_WIDTH) -> Drawing:
    """Bars per month, one colour per series, rupiah on the value axis, a legend above."""
    drawing = Drawing(width, _CHART_HEIGHT)
    chart = VerticalBarChart()
    chart.x, chart.y = 22 * mm, 10 * mm
    chart.width, chart.height = width - 24 * mm, _CHART_HEIGHT - 22 * mm
    chart.data = [list(values) for values in series.values()] or [[0] * len(history.months)]
    chart.categoryAxis.categoryNames = [short_month_name(month) for month in history.months]
    chart.categoryAxis.labels.fontName, chart.categoryAxis.labels.fontSize = REGULAR, 7
    chart.valueAxis.labels.fontName, chart.valueAxis.labels.fontSize = REGULAR, 7
    chart.valueAxis.labelTextFormat = axis_rupiah
    chart.valueAxis.valueMin = 0
    if not any(any(values) for values in chart.data):
        chart.valueAxis.valueMax = 1_000_000
    chart.valueAxis.gridStrokeColor, chart.valueAxis.visibleGrid = colors.HexColor("#DDDDDD"), True
    chart.barSpacing, chart.groupSpacing = 0.5, 4
    if stacked:
        chart.categoryAxis.style = "stacked"
    for index in range(len(chart.data)):
        chart.bars[index].fillColor = _COLOURS[index % len(_COLOURS)]
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    drawing.add(_legend(list(series), 22 * mm, _CHART_HEIGHT - 4 * mm))
    return drawing


def _legend(names: Sequence[str], x: float, y: float) -> Legend:
    legend = Legend()
    legend.x, legend.y = x, y
    legend.alignment, legend.columnMaximum = "right", 1
    legend.fontName, legend.fontSize = REGULAR, 8
    legend.dx = legend.dy = 7
    legend.deltax = 20 * mm
    legend.colorNamePairs = [(_COLOURS[i % len(_COLOURS)], name) for i, name in enumerate(names)]
    return legend


def _loan_table(history: History) -> list[Flowable]:
    rows = [
        (month_name(p.month), format_rupiah(p.outstanding), format_rupiah(p.at_risk), percent(p.par30),
         format_rupiah(c.due), format_rupiah(c.collected), percent(c.rate) if c.due else "\u2014")
        for p, c in zip(history.portfolio, history.collections)
    ]
    header = ("Bulan", "Sisa pokok", "Berisiko", "PAR30", "Jatuh tempo", "Tertagih", "Tertagih %")
    widths = [28 * mm, 29 * mm, 26 * mm, 16 * mm, 26 * mm, 26 * mm, 19 * mm]
    return chunked_tables(header, rows, widths, right=(1, 2, 3, 4, 5, 6), font_size=7.5)


def _sales(history: History) -> list[Flowable]:
    if not history.channels:
        return [Paragraph("Belum ada penjualan dalam 12 bulan ini.", LABEL)]
    totals = [sum(values[i] for values in history.sales.values()) for i in range(len(history.months))]
    story: list[Flowable] = [_bars(history, history.sales, stacked=True), Spacer(1, 3 * mm)]
    channels = history.channels
    width = (A4_TEXT_WIDTH - 26 * mm) / (len(channels) + 1)
    size = 7.5 if len(channels) <= 4 else 6.5
    header = ("Bulan", *(clip(name, width - 6, "Helvetica-Bold", size) for name in channels), "Jumlah")
    rows = [(month_name(month), *(format_rupiah(history.sales[name][i]) for name in channels), format_rupiah(totals[i]))
            for i, month in enumerate(history.months)]
    footer = ("Jumlah", *(format_rupiah(sum(history.sales[name])) for name in channels), format_rupiah(sum(totals)))
    story += chunked_tables(header, rows, [26 * mm, *([width] * (len(channels) + 1))],
                            right=tuple(range(1, len(channels) + 2)), font_size=size, footer=footer)
    return story


def _counts_chart(heading: str, counts: Sequence[Count]) -> Drawing:
    """A horizontal bar per name, its count at the end of the bar."""
    shown = [count for count in counts if count.count][:12]
    height = max(30 * mm, (len(shown) * 6 + 14) * mm)
    drawing = Drawing(_HALF, height)
    drawing.add(String(0, height - 4 * mm, heading, fontName="Helvetica-Bold", fontSize=9))
    if not shown:
        drawing.add(String(0, height - 12 * mm, "Belum ada anggota.", fontName=REGULAR, fontSize=8, fillColor=GREY))
        return drawing
    chart = HorizontalBarChart()
    chart.x, chart.y = 46 * mm, 4 * mm
    chart.width, chart.height = _HALF - 56 * mm, height - 14 * mm
    chart.data = [[count.count for count in reversed(shown)]]
    chart.categoryAxis.categoryNames = [clip(count.name, 44 * mm, REGULAR, 7) for count in reversed(shown)]
    chart.categoryAxis.labels.fontName, chart.categoryAxis.labels.fontSize = REGULAR, 7
    chart.valueAxis.visible = False
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor, chart.bars[0].strokeColor = _COLOURS[0], None
    chart.barLabelFormat = lambda value: _count(int(value))
    chart.barLabels.fontName, chart.barLabels.fontSize = REGULAR, 7
    chart.barLabels.boxAnchor, chart.barLabels.dx = "w", 2
    drawing.add(chart)
    return drawing


def _arrears(report: MonthlyReport) -> list[Flowable]:
    arrears = report.arrears
    story: list[Flowable] = [CondPageBreak(60 * mm), Paragraph(f"Tunggakan per {format_date(report.as_of)}", SECTION)]
    total = arrears.total
    rows = [(bucket.name, _count(bucket.loans), format_rupiah(bucket.outstanding)) for bucket in arrears.buckets]
    story += chunked_tables(("Umur tunggakan", "Pinjaman", "Sisa pokok"), rows, [60 * mm, 25 * mm, 40 * mm], right=(1, 2),
                            footer=("Jumlah", _count(total.loans), format_rupiah(total.outstanding)))
    lines = worst_first(arrears.late_loans)
    if not lines:
        return [*story, Spacer(1, 3 * mm), Paragraph("Tidak ada pinjaman yang terlambat.", BODY)]
    # The arrears report's own list, titled and marked as there: a rescheduled loan not yet cured is at risk, not late.
    story += [Spacer(1, 4 * mm), Paragraph(late_list_heading(lines), SECTION)]
    if any(line.restructured for line in lines):
        story.append(Paragraph(RESTRUCTURED_NOTE, _NOTE))
    footer = ("", "Jumlah", "", "", format_rupiah(sum(line.outstanding for line in lines)),
              format_rupiah(sum(line.arrears for line in lines)), "", "")
    story.append(LedgerRows(_ARREARS_HEADER, [_arrears_row(index, line) for index, line in enumerate(lines, start=1)],
                            [width * mm for width in _ARREARS_WIDTHS], right=(0, 4, 5, 6), footer=footer))
    return story


def _arrears_row(index: int, line: ArrearsLine) -> tuple[str, ...]:
    number = f"{line.loan_number} {RESTRUCTURED_MARK}" if line.restructured else line.loan_number
    return (str(index), number, line.member_name, line.desa,
            format_rupiah(line.outstanding), format_rupiah(line.arrears), str(line.days_past_due), line.collectibility)


# --- Excel -------------------------------------------------------------------------------------


def write_monthly_xlsx(report: MonthlyReport, target: Target) -> None:
    """Sheets: Ringkasan (the month), 12 bulan (history), Penjualan, Anggota, Tunggakan."""
    book = Workbook(write_only=True)
    m, history = report.movements, report.history
    sheet = add_sheet(book, "Ringkasan", ("Uraian", "Nilai"), (40, 20), heading=(title(report), report.office.name,
                                                                            f"Per {format_date(report.as_of)}"))
    for label, value, number_format in (
        ("Anggota baru", m.members_joined, None), ("Anggota keluar", m.members_left, None),
        ("Anggota aktif akhir bulan", m.members_at_end, None), ("Anggota perempuan akhir bulan", m.women_at_end, None),
        ("Pinjaman dicairkan (jumlah)", m.loans_disbursed, None), ("Pinjaman dicairkan", m.disbursed, RUPIAH),
        ("Angsuran diterima", m.repaid, RUPIAH), ("Dihapusbukukan", m.written_off, RUPIAH),
        ("Sesi pelatihan diadakan", m.sessions_held, None), ("Kehadiran peserta (orang-sesi)", m.attendances, None),
        ("Penjualan (transaksi)", m.sales_count, None), ("Penjualan", m.sales, RUPIAH),
        ("Bagian produsen", m.producer_share, RUPIAH), ("Dibayarkan ke produsen", m.payouts, RUPIAH),
        ("Sisa pokok pinjaman", history.portfolio[-1].outstanding, RUPIAH), ("PAR30", history.portfolio[-1].par30, PERCENT),
    ):
        sheet.append(row(sheet, (label, value), (None, number_format)))

    sheet = add_sheet(book, "12 bulan", ("Bulan", "Sisa pokok", "Berisiko (PAR30)", "PAR30", "Jatuh tempo", "Tertagih", "Tertagih %"),
                      (18, 18, 18, 10, 18, 18, 12))
    for p, c in zip(history.portfolio, history.collections):
        sheet.append(row(sheet, (month_name(p.month), p.outstanding, p.at_risk, p.par30, c.due, c.collected, c.rate),
                         (None, RUPIAH, RUPIAH, PERCENT, RUPIAH, RUPIAH, PERCENT)))

    sheet = add_sheet(book, "Penjualan", ("Bulan", *history.channels, "Jumlah"), (18, *([18] * (len(history.channels) + 1))))
    for i, month in enumerate(history.months):
        values = [history.sales[name][i] for name in history.channels]
        sheet.append(row(sheet, (month_name(month), *values, sum(values)), (None, *([RUPIAH] * (len(values) + 1)))))

    sheet = add_sheet(book, "Anggota", ("Kecamatan / kategori", "Anggota"), (36, 12))
    _counts_rows(sheet, "Menurut kecamatan", history.members_by_kecamatan)
    sheet.append([])
    _counts_rows(sheet, "Menurut kategori kerentanan", history.members_by_category)

    sheet = add_sheet(book, "Tunggakan", ("No. pinjaman", "Anggota", "No. anggota", "Desa", "Kecamatan", "Sisa pokok",
                                          "Tunggakan", "Hari terlambat", "Umur tunggakan", "Kolektibilitas"),
                      (22, 30, 14, 18, 18, 16, 16, 12, 16, 24))
    money = money_cell(sheet)
    for line in worst_first(report.arrears.late_loans):  # "Restrukturisasi" for a rescheduled loan, as in the arrears workbook
        sheet.append((line.loan_number, line.member_name, line.member_number, line.desa, line.kecamatan,
                      money(line.outstanding), money(line.arrears), line.days_past_due, line.bucket, line.collectibility))
    book.save(output(target))


def _counts_rows(sheet, heading: str, counts: Sequence[Count]) -> None:
    sheet.append(row(sheet, (heading,), bold=True))
    for count in counts:
        sheet.append((count.name, count.count))


def suggested_name(report: MonthlyReport, suffix: str) -> str:
    """The file name the save dialog offers: laporan-bulanan-2026-11.pdf."""
    year, number = report.month
    return f"laporan-bulanan-{year}-{number:02d}.{suffix}"

