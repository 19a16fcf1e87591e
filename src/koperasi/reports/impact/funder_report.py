"""The laporan dampak: an A4 report a funder accepts, and the same figures as a workbook.

The PDF opens with the scope, the period and four key figures, then who was reached (charts by sex,
age group, kecamatan and vulnerability category), the money lent and repaid, trainings and sales, the
impact indicators in total and by category, sex and kecamatan (with a chart of incomes and of the poverty
line), the cohorts, the kisah sukses whose member agreed to their publication, and ends with the notes that
say how each figure is computed. The workbook adds one anonymous row per household: what leaves the office by
default carries no NIK, member number or birth date, and no name but a consenting story-teller's.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from openpyxl import Workbook
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer
from xml.sax.saxutils import escape

from koperasi.domain.dates import date_range, format_date
from koperasi.domain.impact.cohorts import HOW_COHORTS, CohortRow
from koperasi.domain.impact.household import BusinessStatus
from koperasi.domain.impact.indicators import COLUMNS, HOW, Dimension, Indicators
from koperasi.domain.impact.papers import FunderReport, GroupFigures
from koperasi.domain.money import format_rupiah
from koperasi.domain.monthly.figures import PALETTE, axis_rupiah
from koperasi.reports.layout import (
    A4_TEXT_WIDTH,
    BODY,
    BOLD,
    EMPTY,
    GREY,
    LABEL,
    REGULAR,
    SECTION,
    TITLE,
    NumberedCanvas,
    Target,
    a4_document,
    binary_streams,
    chunked_tables,
    clip,
    figures_band,
    label_value_table,
    office_header,
    side_by_side,
)
from koperasi.reports.impact.story import consent, story_body, who
from koperasi.reports.sheets import RUPIAH, add_sheet, row

_HALF = (A4_TEXT_WIDTH - 6 * mm) / 2
_COLOURS = [colors.HexColor(colour) for colour in PALETTE]
_SUBTITLE = BODY.clone("impact_subtitle", alignment=1, textColor=GREY, spaceAfter=4 * mm)
_NOTE = BODY.clone("impact_note", fontSize=8, leading=10.5, spaceAfter=1.5 * mm)
_DATE = "DD/MM/YYYY"
_BREAKDOWN_WIDTHS = [30, 12, 12, 22, 25, 16, 17, 12, 24]  # mm, sum 170: the portrait text width
_STORY_TITLE = BODY.clone("impact_story_title", fontName=BOLD, fontSize=11.5, leading=14, spaceBefore=4 * mm, spaceAfter=0.5 * mm)
_STORY_WHO = BODY.clone("impact_story_who", fontSize=8.5, leading=11, textColor=GREY, spaceAfter=2 * mm)
_STORY_TEXT = BODY.clone("impact_story_text", spaceAfter=1.5 * mm)
_STORY_CONSENT = BODY.clone("impact_story_consent", fontSize=7.5, leading=9.5, textColor=GREY, spaceBefore=1 * mm)
_STORY_PHOTO_WIDTH, _STORY_PHOTO_HEIGHT = 45 * mm, 55 * mm
HOW_STORIES = ("Kisah anggota dalam lingkup laporan yang persetujuan tertulisnya untuk diterbitkan dicatat dalam periode; "
               "kisah tanpa persetujuan tidak pernah dimuat.")
PRIVACY = ("Laporan dan lampiran Excel tidak memuat NIK, nomor anggota atau tanggal lahir, dan tidak memuat nama kecuali "
           "nama anggota pada kisah sukses yang disetujuinya untuk diterbitkan.")


def title(report: FunderReport) -> str:
    return f"Laporan dampak {date_range(report.figures.period_from, report.figures.period_to)}"


# --- PDF --------------------------------------------------------------------------------------


def write_funder_pdf(report: FunderReport, target: Target) -> None:
    figures = report.figures
    document = a4_document(target, title(report), report.office.name)
    footer = partial(NumberedCanvas, left_text=f"{title(report)} \u00b7 {figures.scope}", right_text=report.office.name)
    story: list[Flowable] = [
        *office_header(report.office),
        Paragraph("LAPORAN DAMPAK PROGRAM", TITLE.clone("impact_title", spaceAfter=1 * mm)),
        Paragraph(f"{escape(figures.scope)} \u00b7 periode {escape(date_range(figures.period_from, figures.period_to))}", _SUBTITLE),
        _key_figures(report),
        Paragraph("Yang dijangkau", SECTION),
        Paragraph(f"{figures.reached} rumah tangga (anggota) menerima pinjaman, mengikuti pelatihan atau dikunjungi "
                  "dalam periode ini.", BODY),
        Spacer(1, 2 * mm),
        side_by_side(_counts("Menurut jenis kelamin", report.reached_by.get("Jenis kelamin", {})),
                     _counts("Menurut kelompok umur", report.reached_by.get("Kelompok umur", {})), A4_TEXT_WIDTH),
        side_by_side(_counts("Menurut kecamatan", report.reached_by.get("Kecamatan", {})),
                     _counts("Menurut kategori kerentanan", report.reached_by.get("Kategori kerentanan", {})), A4_TEXT_WIDTH),
        CondPageBreak(50 * mm),
        Paragraph("Pinjaman, pelatihan dan penjualan", SECTION),
        _activity(report),
        CondPageBreak(80 * mm),
        Paragraph("Indikator dampak", SECTION),
        *_indicators(figures.total),
    ]
    categories = report.breakdowns.get(Dimension.CATEGORY, [])
    if any(group.figures.followed_up for group in categories):
        story += [CondPageBreak(75 * mm), Paragraph("Pendapatan dan garis kemiskinan menurut kategori kerentanan", SECTION),
                  side_by_side(_median_chart(categories), _poverty_chart(categories), A4_TEXT_WIDTH)]
    for dimension, groups in report.breakdowns.items():
        story += _breakdown(dimension, groups)
    story += _cohorts(report)
    story += _stories(report)
    story += _notes(report)
    with binary_streams():
        document.build(story, canvasmaker=footer)


def _key_figures(report: FunderReport) -> Flowable:
    total = report.figures.total
    above = (f"{total.above_poverty_after} dari {total.with_poverty_line}" if total.above_poverty_after is not None else "\u2014")
    change = COLUMNS[2][2](total)
    return figures_band([
        (str(report.figures.reached), "rumah tangga dijangkau"),
        (f"{total.followed_up} / {total.households}", "diikuti / punya data awal"),
        (change, "median perubahan pendapatan sebulan"),
        (above, "di atas garis kemiskinan (kunjungan terakhir)"),
    ], A4_TEXT_WIDTH)


def _counts(heading: str, counts: dict[str, int]) -> Drawing:
    shown = [(name, count) for name, count in counts.items() if count][:14]
    height = max(28 * mm, (len(shown) * 6 + 14) * mm)
    drawing = Drawing(_HALF, height)
    drawing.add(String(0, height - 4 * mm, heading, fontName=BOLD, fontSize=9))
    if not shown:
        drawing.add(String(0, height - 12 * mm, "Tidak ada.", fontName=REGULAR, fontSize=8, fillColor=GREY))
        return drawing
    chart = HorizontalBarChart()
    chart.x, chart.y = 40 * mm, 4 * mm
    chart.width, chart.height = _HALF - 52 * mm, height - 14 * mm
    chart.data = [[count for _, count in reversed(shown)]]
    chart.categoryAxis.categoryNames = [_two_lines(name, 38 * mm, 7) for name, _ in reversed(shown)]
    chart.categoryAxis.labels.fontName, chart.categoryAxis.labels.fontSize = REGULAR, 7
    chart.categoryAxis.labels.leading = 7.5
    chart.valueAxis.visible = False
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor, chart.bars[0].strokeColor = _COLOURS[0], None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName, chart.barLabels.fontSize = REGULAR, 7
    chart.barLabels.boxAnchor, chart.barLabels.dx = "w", 2
    drawing.add(chart)
    return drawing


def _two_lines(text: str, width: float, size: float) -> str:
    """A bar's name on up to two lines of ``width`` (a row is 6 mm: room for two), cut only beyond that:
    "Keluarga dengan anak tidak bersekolah" lost its last words on one line."""
    lines = simpleSplit(text, REGULAR, size, width)
    if len(lines) <= 2:
        return "\n".join(lines)
    return lines[0] + "\n" + clip(" ".join(lines[1:]), width, REGULAR, size)


def _activity(report: FunderReport) -> Flowable:
    figures = report.figures
    on_time = (f"{figures.loans_on_time} dari {figures.loans_paid_off}" if figures.loans_paid_off else "\u2014")
    left = [
        ("Pinjaman dicairkan", f"{report.loans_disbursed} pinjaman, {format_rupiah(report.lent)}"),
        ("Angsuran pokok diterima", format_rupiah(report.repaid)),
        ("Pinjaman lunas tepat waktu", on_time),
    ]
    right = [
        ("Sertifikat pelatihan", f"{report.trainings_completed} peserta lulus"),
        ("Hasil penjualan untuk produsen", format_rupiah(report.sales_to_producers)),
    ]
    return side_by_side(label_value_table(left, width=_HALF, label_width=42 * mm),
                        label_value_table(right, width=_HALF, label_width=44 * mm), A4_TEXT_WIDTH)


def _indicators(total: Indicators) -> list[Flowable]:
    rows = [(name, cell(total)) for name, _, cell in COLUMNS]
    return [label_value_table(rows, width=A4_TEXT_WIDTH, label_width=80 * mm),
            Paragraph("Cara menghitung setiap angka ada di Catatan pada akhir laporan.", LABEL)]


def _breakdown(dimension: Dimension, groups: Sequence[GroupFigures]) -> list[Flowable]:
    if not groups:
        return []
    header = ("Kelompok", "Data\nawal", "Diikuti", "Median\nperubahan", "Di atas garis\nkemiskinan", "Usaha\nnaik",
              "Lepas\nrentenir", "Anak\nsekolah", "Perempuan\nberusaha")
    rows = [(clip(group.label, _BREAKDOWN_WIDTHS[0] * mm - 6, REGULAR, 7), *(cell(group.figures) for _, _, cell in COLUMNS))
            for group in groups]
    return [CondPageBreak(40 * mm), Paragraph(f"Indikator menurut {dimension.label.lower()}", SECTION),
            *chunked_tables(header, rows, [width * mm for width in _BREAKDOWN_WIDTHS], right=(1, 2, 3), font_size=6.5),
            Paragraph("Satu rumah tangga dapat masuk beberapa kelompok (mis. dua kategori); jumlah kelompok bisa lebih "
                      "dari jumlah seluruhnya.", LABEL) if dimension is Dimension.CATEGORY else Spacer(1, 1)]


_COHORT_WIDTHS = [16, 18, 14, 26, 22, 28, 16, 16, 14]  # mm, sum 170


def _cohort_cells(cohort: CohortRow) -> tuple:
    changes = [cell(cohort.figures) if cohort.figures.followed_up else EMPTY for _, _, cell in COLUMNS[2:7]]
    median = format_rupiah(cohort.median_income) if cohort.median_income is not None else EMPTY
    return (cohort.cohort, cohort.milestone, str(cohort.measured), median, *changes)


def _cohorts(report: FunderReport) -> list[Flowable]:
    if not report.cohorts:
        return []
    header = ("Kohor", "Saat", "Diukur", "Median\npendapatan", "Median\nperubahan", "Di atas garis\nkemiskinan", "Usaha\nnaik",
              "Lepas\nrentenir", "Anak\nsekolah")
    return [CondPageBreak(40 * mm), Paragraph(f"Kohor menurut tahun {report.cohort_basis.label}", SECTION),
            *chunked_tables(header, [_cohort_cells(cohort) for cohort in report.cohorts],
                            [width * mm for width in _COHORT_WIDTHS], right=(2, 3, 4), font_size=6.5),
            Paragraph("Perubahan dihitung terhadap data awal; cara menghitung ada di Catatan.", LABEL)]


def _median_chart(groups: Sequence[GroupFigures]) -> Drawing:
    shown = [group for group in groups if group.figures.median_income_change is not None][:8]
    drawing = Drawing(_HALF, 62 * mm)
    drawing.add(String(0, 58 * mm, "Median perubahan pendapatan sebulan", fontName=BOLD, fontSize=9))
    chart = VerticalBarChart()
    chart.x, chart.y = 16 * mm, 16 * mm
    chart.width, chart.height = _HALF - 20 * mm, 36 * mm
    chart.data = [[group.figures.median_income_change for group in shown]]
    _categories(chart, shown)
    chart.valueAxis.valueMin = min(0, *chart.data[0])  # bars start at zero, falls below it
    chart.valueAxis.labelTextFormat = axis_rupiah
    chart.valueAxis.labels.fontName, chart.valueAxis.labels.fontSize = REGULAR, 6.5
    chart.bars[0].fillColor, chart.bars[0].strokeColor = _COLOURS[2], None
    drawing.add(chart)
    return drawing


def _poverty_chart(groups: Sequence[GroupFigures]) -> Drawing:
    shown = [group for group in groups if group.figures.with_poverty_line][:8]
    drawing = Drawing(_HALF, 62 * mm)
    drawing.add(String(0, 58 * mm, "Rumah tangga di atas garis kemiskinan (%)", fontName=BOLD, fontSize=9))
    if not shown:
        drawing.add(String(0, 50 * mm, "Garis kemiskinan belum dicatat.", fontName=REGULAR, fontSize=8, fillColor=GREY))
        return drawing
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * mm, 16 * mm
    chart.width, chart.height = _HALF - 16 * mm, 34 * mm
    share = lambda count, base: round(100 * count / base)  # noqa: E731 (a whole percent for the bar)
    chart.data = [[share(g.figures.above_poverty_before, g.figures.with_poverty_line) for g in shown],
                  [share(g.figures.above_poverty_after, g.figures.with_poverty_line) for g in shown]]
    _categories(chart, shown)
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, 100
    chart.valueAxis.labels.fontName, chart.valueAxis.labels.fontSize = REGULAR, 6.5
    for index in range(2):
        chart.bars[index].fillColor, chart.bars[index].strokeColor = _COLOURS[index], None
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 12 * mm, 54 * mm
    legend.alignment, legend.columnMaximum = "right", 1
    legend.fontName, legend.fontSize = REGULAR, 7
    legend.dx = legend.dy = 6
    legend.deltax = 22 * mm
    legend.colorNamePairs = [(_COLOURS[0], "Data awal"), (_COLOURS[1], "Kunjungan terakhir")]
    drawing.add(legend)
    return drawing


def _categories(chart: VerticalBarChart, shown: Sequence[GroupFigures]) -> None:
    room = chart.width / max(1, len(shown))
    chart.categoryAxis.categoryNames = [clip(group.label, room - 2, REGULAR, 6) for group in shown]
    chart.categoryAxis.labels.fontName, chart.categoryAxis.labels.fontSize = REGULAR, 6
    chart.categoryAxis.labels.angle, chart.categoryAxis.labels.boxAnchor = 20, "ne"
    chart.valueAxis.gridStrokeColor, chart.valueAxis.visibleGrid = colors.HexColor("#DDDDDD"), True
    chart.barSpacing, chart.groupSpacing = 0.5, 5


def _stories(report: FunderReport) -> list[Flowable]:
    """Each kisah sukses the member agreed to publish: title, who, the text with a small photo, and the consent line."""
    if not report.stories:
        return []
    flowables: list[Flowable] = [CondPageBreak(70 * mm), Paragraph("Kisah sukses", SECTION)]
    for paper in report.stories:
        flowables += [
            CondPageBreak(45 * mm), Paragraph(escape(paper.title), _STORY_TITLE), Paragraph(who(paper), _STORY_WHO),
            *story_body(paper, _STORY_TEXT, _STORY_PHOTO_WIDTH, _STORY_PHOTO_HEIGHT),
            Paragraph(consent(paper), _STORY_CONSENT),
        ]
    return flowables


def _notes(report: FunderReport) -> list[Flowable]:
    figures = report.figures
    lines = [f"<b>{escape(name)}</b>: {escape(HOW[key])}" for name, key, _ in COLUMNS]
    lines.insert(0, f"<b>Dijangkau</b>: {escape(HOW['reached'])}")
    lines.append(f"<b>Pinjaman lunas tepat waktu</b>: {escape(HOW['loans_on_time'])}")
    lines.append(f"<b>Kohor</b>: {escape(HOW_COHORTS)}")
    poverty = ", ".join(f"{area} {format_rupiah(amount)}" for area, amount in sorted(figures.poverty_lines.items()))
    lines.append("<b>Garis kemiskinan</b> per orang per bulan yang dipakai: " + (escape(poverty) if poverty else
                 "belum dicatat kantor, sehingga angka di atas garis kemiskinan tidak dihitung") + ".")
    lines.append(f"<b>Pendapatan</b> dicatat dalam rupiah bulat oleh petugas lapangan; {report.estimated} dari "
                 f"{figures.total.households} rumah tangga memberi perkiraan jujur (ditandai) pada data awal atau kunjungan terakhir.")
    lines.append(f"<b>Kisah sukses</b>: {escape(HOW_STORIES)}")
    lines.append(f"<b>Privasi</b>: {escape(PRIVACY)} "
                 f"Dibuat {format_date(report.made_on)} oleh {escape(report.office.name)}.")
    return [CondPageBreak(50 * mm), Paragraph("Catatan: cara menghitung", SECTION), *[Paragraph(line, _NOTE) for line in lines]]


# --- Excel -------------------------------------------------------------------------------------


def write_funder_xlsx(report: FunderReport, target: Target) -> None:
    """Sheets: Ringkasan, Indikator (total and breakdowns), Kohor, Jangkauan, Data anonim (one row a household), Kisah sukses
    (the text; the photos are in the PDF), Catatan."""
    book = Workbook(write_only=True)
    figures = report.figures
    heading = (title(report), report.office.name, figures.scope)
    summary = add_sheet(book, "Ringkasan", ("Uraian", "Nilai"), (46, 22), heading=heading)
    for label, value, number_format in (
        ("Rumah tangga dijangkau", figures.reached, None),
        ("Pinjaman dicairkan", report.loans_disbursed, None), ("Jumlah dicairkan", report.lent, RUPIAH),
        ("Angsuran pokok diterima", report.repaid, RUPIAH), ("Pinjaman lunas", figures.loans_paid_off, None),
        ("Pinjaman lunas tepat waktu", figures.loans_on_time, None),
        ("Sertifikat pelatihan", report.trainings_completed, None),
        ("Hasil penjualan untuk produsen", report.sales_to_producers, RUPIAH),
        *((f"Garis kemiskinan {area} (per orang per bulan)", amount, RUPIAH) for area, amount in sorted(figures.poverty_lines.items())),
    ):
        summary.append(row(summary, (label, value), (None, number_format)))
    table = add_sheet(book, "Indikator", ("Rincian", "Kelompok", "Data awal", "Diikuti", "Median perubahan pendapatan",
                                          "Di atas GK awal", "Di atas GK akhir", "Dengan garis kemiskinan", "Usaha mulai/tumbuh",
                                          "Berutang rentenir awal", "Lepas dari rentenir", "Anak kembali sekolah",
                                          "Perempuan berusaha awal", "Perempuan berusaha akhir"),
                      (22, 30, 10, 10, 18, 12, 12, 14, 14, 14, 14, 14, 14, 14), heading=heading)
    table.append(row(table, ("Seluruhnya", "", *_numbers(figures.total)), (None, None, None, None, RUPIAH)))
    for dimension, groups in report.breakdowns.items():
        for group in groups:
            table.append(row(table, (dimension.label, group.label, *_numbers(group.figures)), (None, None, None, None, RUPIAH)))
    cohorts = add_sheet(book, "Kohor", (f"Kohor (tahun {report.cohort_basis.label})", "Saat", "Diukur", "Median pendapatan",
                                         "Data awal", "Diikuti", "Median perubahan pendapatan", "Di atas GK awal",
                                         "Di atas GK akhir", "Dengan garis kemiskinan", "Usaha mulai/tumbuh",
                                         "Berutang rentenir awal", "Lepas dari rentenir", "Anak kembali sekolah",
                                         "Perempuan berusaha awal", "Perempuan berusaha akhir"),
                        (22, 12, 10, 18, 10, 10, 18, 12, 12, 14, 14, 14, 14, 14, 14, 14), heading=heading)
    for cohort in report.cohorts:
        cohorts.append(row(cohorts, (cohort.cohort, cohort.milestone, cohort.measured, cohort.median_income,
                                     *_numbers(cohort.figures)), (None, None, None, RUPIAH, None, None, RUPIAH)))
    reach = add_sheet(book, "Jangkauan", ("Menurut", "Kelompok", "Rumah tangga"), (24, 34, 14), heading=heading)
    for by, counts in report.reached_by.items():
        for name, count in counts.items():
            reach.append(row(reach, (by, name, count)))
    rows = add_sheet(book, "Data anonim", (
        "No.", "Jenis kelamin", "Kelompok umur", "Kecamatan", "Kategori", "Tanggal data awal", "Pendapatan awal", "Perkiraan",
        "Anggota RT awal", "Usaha awal", "Utang rentenir awal", "Anak 7–18 awal", "Bersekolah awal", "Perempuan berusaha awal",
        "Tanggal kunjungan terakhir", "Pendapatan akhir", "Perkiraan ", "Anggota RT akhir", "Usaha akhir", "Utang rentenir akhir",
        "Anak 7–18 akhir", "Bersekolah akhir", "Perempuan berusaha akhir"),
        (6, 12, 12, 18, 30, 14, 16, 10, 10, 12, 16, 10, 10, 12, 14, 16, 10, 10, 12, 16, 10, 10, 12), heading=heading)
    money = (None,) * 5 + (_DATE, RUPIAH) + (None,) * 3 + (RUPIAH,) + (None,) * 3 + (_DATE, RUPIAH) + (None,) * 3 + (RUPIAH,)
    for household in report.households:
        rows.append(row(rows, (household.row, household.sex, household.age_group, household.kecamatan, household.categories,
                               *_measured(household.baseline), *_measured(household.latest)), money))
    stories = add_sheet(book, "Kisah sukses", ("Judul", "Anggota", "Desa", "Kecamatan", "Disetujui anggota", "Foto", "Kisah"),
                        (30, 22, 16, 16, 14, 8, 100), heading=heading)
    for paper in report.stories:
        stories.append(row(stories, (paper.title, paper.member_name, paper.desa, paper.kecamatan, paper.consent_on,
                                     "ada" if paper.photo else "", paper.text), (None,) * 4 + (_DATE,)))
    notes = add_sheet(book, "Catatan", ("Angka", "Cara menghitung"), (34, 120), heading=heading)
    notes.append(row(notes, ("Dijangkau", HOW["reached"])))
    for name, key, _ in COLUMNS:
        notes.append(row(notes, (name, HOW[key])))
    notes.append(row(notes, ("Pinjaman lunas tepat waktu", HOW["loans_on_time"])))
    notes.append(row(notes, ("Kohor", HOW_COHORTS)))
    notes.append(row(notes, ("Kisah sukses", HOW_STORIES)))
    notes.append(row(notes, ("Privasi", PRIVACY + " Nomor baris data anonim tidak terkait dengan anggota.")))
    book.save(target)


def _numbers(figures: Indicators) -> tuple:
    return (figures.households, figures.followed_up, figures.median_income_change, figures.above_poverty_before,
            figures.above_poverty_after, figures.with_poverty_line, figures.businesses_started_or_grown,
            figures.moneylender_debt_before, figures.moneylender_debt_ended, figures.children_back_in_school,
            figures.women_business_before, figures.women_business_after)


def _measured(measurement) -> tuple:
    if measurement is None:
        return ("",) * 9
    return (measurement.measured_on, measurement.monthly_income, "ya" if measurement.income_estimated else "tidak",
            measurement.household_size, BusinessStatus(measurement.business_status).label, measurement.moneylender_amount,
            measurement.school_age_children, measurement.children_in_school, "ya" if measurement.woman_business else "tidak")
