"""Training reports: the laporan angkatan (one batch: sessions, participants, attendance, who completed)
and the laporan peserta pelatihan (people trained in a period by programme, sex, vulnerability
category and kecamatan) as PDF and as an Excel workbook."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, CondPageBreak, Flowable, PageTemplate, Paragraph, Spacer, Table

from koperasi.domain.dates import format_date
from koperasi.domain.training_papers import BatchReport, TrainedCount, TrainingSummary
from koperasi.reports.arrears_report import percent
from koperasi.reports.certificate import date_range
from koperasi.reports.layout import (
    BODY,
    BOLD,
    EMPTY,
    GREEN,
    GREY,
    LABEL,
    MARGIN,
    PALE_GREEN,
    REGULAR,
    SECTION,
    TITLE,
    NumberedCanvas,
    Target,
    bare_frame,
    chunked_tables,
    label_value_table,
    office_header,
    output,
    paragraph,
)

_TOP_MARGIN, _BOTTOM_MARGIN = 18 * mm, 22 * mm
_TEXT_WIDTH = A4[0] - 2 * MARGIN
_SIZE = 8
_CELL = BODY.clone("training_cell", fontSize=_SIZE, leading=_SIZE * 1.2)
_FIGURE = BODY.clone("figure", fontName=BOLD, fontSize=18, leading=21, alignment=TA_CENTER, textColor=GREEN)
_FIGURE_LABEL = BODY.clone("figure_label", fontSize=8, leading=10, alignment=TA_CENTER, textColor=GREY)
_SECTION = SECTION.clone("training_section", keepWithNext=0)
_COUNT_HEADER = ("Peserta", "Lulus", "Perempuan", "Laki-laki")


def _document(target: Target, title: str, author: str) -> BaseDocTemplate:
    frame = bare_frame(MARGIN, _BOTTOM_MARGIN, _TEXT_WIDTH, A4[1] - _TOP_MARGIN - _BOTTOM_MARGIN)
    return BaseDocTemplate(output(target), pagesize=A4, pageTemplates=[PageTemplate(frames=[frame])], title=title, author=author)


def _figures(figures: Sequence[tuple[str, str]]) -> Table:
    """Key figures side by side, each a large number over its label, on a pale band."""
    width = _TEXT_WIDTH / len(figures)
    table = Table(
        [[Paragraph(escape(value), _FIGURE) for value, _ in figures], [Paragraph(escape(label), _FIGURE_LABEL) for _, label in figures]],
        colWidths=[width] * len(figures),
    )
    table.setStyle(
        [
            ("BACKGROUND", (0, 0), (-1, -1), PALE_GREEN),
            ("LINEAFTER", (0, 0), (-2, -1), 1.5, "white"),
            ("TOPPADDING", (0, 0), (-1, 0), 3 * mm),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 3 * mm),
        ]
    )
    return table


def _heading(text: str) -> list[Flowable]:
    """A section heading that starts a new page only when fewer than ~4 rows fit under it: the shared
    SECTION style keeps with the whole table that follows, which pushes a long table to the next page."""
    return [CondPageBreak(30 * mm), Paragraph(escape(text), _SECTION)]


# --- laporan angkatan -------------------------------------------------------------------------


def write_batch_report(report: BatchReport, target: Target) -> None:
    """A4: the batch's particulars and key figures, its sessions, then every participant with the
    sessions attended, the status and the certificate number."""
    document = _document(target, f"Laporan angkatan {report.programme} {report.batch}", report.office.name)
    footer = partial(NumberedCanvas, left_text=f"Laporan angkatan \u00b7 {report.programme} \u00b7 {report.batch}", right_text=report.office.name)
    days = [held_on for held_on, _, _ in report.sessions]
    details = [
        ("Program", report.programme),
        ("Angkatan", report.batch),
        ("Syarat kelulusan", report.rule),
        ("Pelaksanaan", f"{len(days)} sesi, {date_range(min(days), max(days))}" if days else "Belum ada sesi"),
    ]
    figures = [
        (str(report.enrolled), "peserta terdaftar"),
        (str(report.withdrawn), "mengundurkan diri"),
        (str(report.completed), "lulus"),
        (percent(report.attendance_rate) if report.sessions and report.lines else EMPTY, "tingkat kehadiran"),
    ]
    story: list[Flowable] = [
        *office_header(report.office),
        Paragraph("LAPORAN ANGKATAN PELATIHAN", TITLE),
        label_value_table(details, width=_TEXT_WIDTH, label_width=34 * mm),
        Spacer(0, 5 * mm),
        _figures(figures),
        Paragraph(
            "Tingkat kehadiran: jumlah tanda hadir dibagi (peserta \u00d7 sesi yang sudah dilaksanakan).",
            LABEL.clone("figure_note", fontSize=7.5, leading=9, spaceBefore=1.5 * mm),
        ),
        *_heading("Sesi"),
        *_sessions(report),
        *_heading("Peserta"),
        *_participants(report),
    ]
    document.build(story, canvasmaker=footer)


def _sessions(report: BatchReport) -> list[Flowable]:
    if not report.sessions:
        return [Paragraph("Belum ada sesi.", LABEL)]
    widths = [10 * mm, 32 * mm, 0, 48 * mm]
    widths[2] = _TEXT_WIDTH - sum(widths)
    rows = [
        (str(index), format_date(held_on), paragraph(subject, _CELL), paragraph(facilitator, _CELL))
        for index, (held_on, subject, facilitator) in enumerate(report.sessions, start=1)
    ]
    return chunked_tables(("Ke", "Tanggal", "Materi", "Fasilitator"), rows, widths, center=(0,), font_size=_SIZE)


def _participants(report: BatchReport) -> list[Flowable]:
    if not report.lines:
        return [Paragraph("Belum ada peserta.", LABEL)]
    widths = [9 * mm, 0, 28 * mm, 9 * mm, 17 * mm, 28 * mm, 34 * mm]
    widths[1] = _TEXT_WIDTH - sum(widths)
    held = len(report.sessions)
    rows, greyed = [], []
    for index, line in enumerate(report.lines):
        rows.append(
            (
                str(index + 1),
                paragraph(line.name, _CELL),
                paragraph(line.identity, _CELL),
                line.sex,
                f"{line.attended} dari {held}" if held else str(line.attended),
                line.status,
                line.certificate_number or "",
            )
        )
        if line.status == "Mengundurkan diri":
            greyed.append(("TEXTCOLOR", (0, index), (-1, index), GREY))
    header = ("No.", "Nama", "Nomor anggota", "L/P", "Hadir", "Status", "No. sertifikat")
    return chunked_tables(header, rows, widths, center=(0, 3, 4), font_size=_SIZE, extra=greyed)


# --- laporan peserta pelatihan ----------------------------------------------------------------


def summary_period(summary: TrainingSummary) -> str:
    return "periode " + date_range(summary.period_from, summary.period_to)


def write_training_summary_pdf(summary: TrainingSummary, target: Target) -> None:
    """A4: the period's totals, then one table per breakdown (program, jenis kelamin, kategori
    kerentanan, kecamatan) ending in the total."""
    period = summary_period(summary)
    document = _document(target, f"Laporan peserta pelatihan {period}", summary.office.name)
    footer = partial(NumberedCanvas, left_text=f"Laporan peserta pelatihan \u00b7 {period}", right_text=summary.office.name)
    total = summary.total
    story: list[Flowable] = [
        *office_header(summary.office),
        Paragraph(f"LAPORAN PESERTA PELATIHAN<br/><font size=10 name='{REGULAR}'>{escape(period)}</font>", TITLE),
        _figures([(str(total.participants), "peserta"), (str(total.completed), "lulus"), (str(total.women), "perempuan"), (str(total.men), "laki-laki")]),
    ]
    doubled = False
    for name, counts in summary.breakdowns.items():
        story += _heading(f"Menurut {name.lower()}")
        if not counts:
            story.append(Paragraph("Tidak ada data.", LABEL))
            continue
        rows = [(paragraph(count.name, _CELL), *_numbers(count)) for count in counts]
        widths = [_TEXT_WIDTH - 4 * 26 * mm, *([26 * mm] * 4)]
        story += chunked_tables((name, *_COUNT_HEADER), rows, widths, right=(1, 2, 3, 4), font_size=_SIZE, footer=("Jumlah", *_numbers(total)))
        doubled = doubled or sum(count.participants for count in counts) != total.participants
    if doubled:
        story.append(Spacer(0, 3 * mm))
        story.append(Paragraph("Peserta yang termasuk lebih dari satu baris (mis. lebih dari satu kategori kerentanan) tercatat di setiap baris itu, "
                "tetapi dihitung sekali dalam jumlah.", LABEL))
    if not summary.breakdowns:
        story += [Spacer(0, 5 * mm), Paragraph(f"Tidak ada peserta pelatihan pada {escape(period)}.", BODY)]
    document.build(story, canvasmaker=footer)


def _numbers(count: TrainedCount) -> tuple[str, str, str, str]:
    return str(count.participants), str(count.completed), str(count.women), str(count.men)


_TITLE_FONT, _HEAD_FONT, _BOLD_FONT = Font(bold=True, size=13, color="1B5E3B"), Font(bold=True, color="FFFFFF"), Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="1B5E3B")
_HEAD_ALIGN = Alignment(vertical="center", wrap_text=True)


def write_training_summary_xlsx(summary: TrainingSummary, target: Target) -> None:
    """A sheet per breakdown (Program, Jenis kelamin, Kategori kerentanan, Kecamatan), each titled
    with the period, the counts as numbers, a Jumlah row and the header row frozen."""
    book = Workbook(write_only=True)
    period = summary_period(summary)
    breakdowns = summary.breakdowns or {"Ringkasan": ()}
    for name, counts in breakdowns.items():
        # Excel allows 31 characters and none of []:*?/\ in a sheet name.
        sheet = book.create_sheet(title=name.translate(str.maketrans("[]:*?/\\", "(()____"))[:31])
        for column, width in enumerate((40, 12, 12, 12, 12), start=1):
            sheet.column_dimensions[get_column_letter(column)].width = width
        sheet.freeze_panes = "A5"
        sheet.append([_cell(sheet, f"Peserta pelatihan menurut {name.lower()}, {period}", _TITLE_FONT)])
        sheet.append([summary.office.name])
        sheet.append([])
        sheet.append([_cell(sheet, value, _HEAD_FONT, fill=True) for value in (name, *_COUNT_HEADER)])
        for count in counts:
            sheet.append((count.name, count.participants, count.completed, count.women, count.men))
        total = summary.total
        sheet.append([_cell(sheet, value, _BOLD_FONT) for value in ("Jumlah", total.participants, total.completed, total.women, total.men)])
    book.save(output(target))


def _cell(sheet, value: object, font: Font, *, fill: bool = False) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value)
    cell.font = font
    if fill:
        cell.fill, cell.alignment = _HEAD_FILL, _HEAD_ALIGN
    return cell
