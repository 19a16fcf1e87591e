"""The network report for a funder (PDF and Excel): meetings and attendance by desa and month,
opportunities shared, and referrals with their outcomes by kind, vulnerability category and sex."""

from __future__ import annotations

from datetime import date
from functools import partial

from openpyxl import Workbook
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Flowable, PageTemplate, Paragraph

from koperasi.domain.dates import format_date
from koperasi.domain.months import month_name
from koperasi.domain.network.papers import NetworkReport, OutcomeCount
from koperasi.reports.layout import (
    BODY,
    MARGIN,
    TITLE,
    NumberedCanvas,
    Target,
    bare_frame,
    chunked_tables,
    office_header,
    output,
    section_heading,
)
from koperasi.reports.sheets import add_sheet, row

_PAGE = landscape(A4)
_WIDTH = _PAGE[0] - 2 * MARGIN
# Outcome labels shortened to fit a column, in the order of Outcome.
_OUTCOME_HEADER = ("Dirujuk", "Melamar", "Diterima", "Ditolak", "Tidak jadi", "Kembali sekolah", "Paket A/B/C", "Belum ada hasil")


def period_text(report: NetworkReport) -> str:
    return f"{format_date(report.period_from)} s.d. {format_date(report.period_to)}"


def write_network_pdf(report: NetworkReport, target: Target) -> None:
    frame = bare_frame(MARGIN, 20 * mm, _WIDTH, _PAGE[1] - 16 * mm - 20 * mm)
    document = BaseDocTemplate(output(target), pagesize=_PAGE, pageTemplates=[PageTemplate(frames=[frame])],
                               title=f"Laporan jaringan {period_text(report)}", author=report.office.name)
    story: list[Flowable] = [
        *office_header(report.office),
        Paragraph("LAPORAN JARINGAN KOMUNITAS", TITLE.clone("network_title", spaceAfter=1 * mm)),
        Paragraph(period_text(report), BODY.clone("network_period", alignment=1, spaceAfter=4 * mm)),
        *section_heading("Pertemuan komunitas menurut desa dan bulan"),
    ]
    meetings = [(m.desa, _month(m.month), str(m.meetings), str(m.members), str(m.guests)) for m in report.meetings]
    footer = ("Jumlah", "", *(str(sum(getattr(m, f) for m in report.meetings)) for f in ("meetings", "members", "guests")))
    story += chunked_tables(("Desa", "Bulan", "Pertemuan", "Anggota hadir", "Tamu"), meetings,
                            [80 * mm, 50 * mm, 30 * mm, 35 * mm, 30 * mm], right=(2, 3, 4), footer=footer, footer_span=2)
    story += section_heading("Peluang yang disebarkan")
    shared = [(kind, str(published), str(referred)) for kind, published, referred in report.shared]
    story += chunked_tables(("Jenis peluang", "Peluang baru", "Orang dirujuk"), shared, [80 * mm, 35 * mm, 35 * mm], right=(1, 2),
                            footer=("Jumlah", str(sum(s[1] for s in report.shared)), str(sum(s[2] for s in report.shared))))
    width = (_WIDTH - 55 * mm) / len(_OUTCOME_HEADER)
    for name, counts in report.breakdowns.items():
        story += section_heading(f"Rujukan dan hasilnya menurut {name.lower()}")
        story += chunked_tables((name, *_OUTCOME_HEADER), [_cells(c) for c in counts], [55 * mm] + [width] * len(_OUTCOME_HEADER),
                                right=range(1, len(_OUTCOME_HEADER) + 1), font_size=7.5,
                                footer=_cells(report.total) if name != "Kategori" else None)
        if name == "Kategori":
            story.append(Paragraph("Anggota dengan beberapa kategori dihitung pada setiap kategorinya; anak dihitung pada kategori "
                                   "orang tuanya.", BODY.clone("network_note", fontSize=8, leading=10)))
    document.build(story, canvasmaker=partial(NumberedCanvas, left_text=f"Laporan jaringan · {report.office.name}",
                                              right_text=period_text(report)))


def write_network_xlsx(report: NetworkReport, target: Target) -> None:
    book = Workbook(write_only=True)
    heading = (f"Laporan jaringan komunitas, {period_text(report)}", report.office.name)
    sheet = add_sheet(book, "Pertemuan", ("Desa", "Bulan", "Pertemuan", "Anggota hadir", "Tamu"), (30, 18, 12, 14, 10), heading=heading)
    for m in report.meetings:
        sheet.append((m.desa, _month(m.month), m.meetings, m.members, m.guests))
    sheet.append(row(sheet, ("Jumlah", "", sum(m.meetings for m in report.meetings), sum(m.members for m in report.meetings),
                             sum(m.guests for m in report.meetings)), bold=True))
    sheet = add_sheet(book, "Peluang", ("Jenis peluang", "Peluang baru", "Orang dirujuk"), (30, 14, 14), heading=heading)
    for kind, published, referred in report.shared:
        sheet.append((kind, published, referred))
    for name, counts in report.breakdowns.items():
        sheet = add_sheet(book, f"Rujukan - {name}", (name, *_OUTCOME_HEADER), (34, *([14] * len(_OUTCOME_HEADER))), heading=heading)
        for count in counts:
            sheet.append(_numbers(count))
        sheet.append(row(sheet, _numbers(report.total), bold=True))
    book.save(output(target))


def _month(first: date) -> str:
    return month_name((first.year, first.month))


def _cells(count: OutcomeCount) -> tuple[str, ...]:
    return (count.name, str(count.referred), *(str(n) for n in count.by_outcome), str(count.waiting))


def _numbers(count: OutcomeCount) -> tuple:
    return (count.name, count.referred, *count.by_outcome, count.waiting)
