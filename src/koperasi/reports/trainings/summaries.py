"""Training reports: the laporan angkatan (one batch: sessions, participants, attendance, who completed)
and the laporan peserta pelatihan (people trained in a period by programme, sex, vulnerability
category and kecamatan) as PDF and as an Excel workbook."""

from __future__ import annotations

from functools import partial
from xml.sax.saxutils import escape

from openpyxl import Workbook
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from koperasi.domain.dates import format_date
from koperasi.domain.trainings.papers import BatchReport, TrainedCount, TrainingSummary
from koperasi.domain.money import percent
from koperasi.domain.dates import date_range
from koperasi.reports.layout import (
    BODY,
    EMPTY,
    GREY,
    LABEL,
    MARGIN,
    REGULAR,
    TITLE,
    NumberedCanvas,
    Target,
    a4_document,
    chunked_tables,
    section_heading,
    figures_band,
    label_value_table,
    office_header,
    output,
    paragraph,
)
from koperasi.reports.sheets import add_sheet, row

_TEXT_WIDTH = A4[0] - 2 * MARGIN
_SIZE = 8
_CELL = BODY.clone("training_cell", fontSize=_SIZE, leading=_SIZE * 1.2)
_COUNT_HEADER = ("Peserta", "Lulus", "Perempuan", "Laki-laki")


# --- laporan angkatan -------------------------------------------------------------------------


def write_batch_report(report: BatchReport, target: Target) -> None:
    """A4: the batch's particulars and key figures, its sessions, then every participant with the
    sessions attended, the status and the certificate number."""
    document = a4_document(target, f"Laporan angkatan {report.programme} {report.batch}", report.office.name)
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
        figures_band(figures, _TEXT_WIDTH),
        Paragraph(
            "Tingkat kehadiran: jumlah tanda hadir dibagi (peserta \u00d7 sesi yang sudah dilaksanakan).",
            LABEL.clone("figure_note", fontSize=7.5, leading=9, spaceBefore=1.5 * mm),
        ),
        *section_heading("Sesi"),
        *_sessions(report),
        *section_heading("Peserta"),
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
    document = a4_document(target, f"Laporan peserta pelatihan {period}", summary.office.name)
    footer = partial(NumberedCanvas, left_text=f"Laporan peserta pelatihan \u00b7 {period}", right_text=summary.office.name)
    total = summary.total
    story: list[Flowable] = [
        *office_header(summary.office),
        Paragraph(f"LAPORAN PESERTA PELATIHAN<br/><font size=10 name='{REGULAR}'>{escape(period)}</font>", TITLE),
        figures_band([(str(total.participants), "peserta"), (str(total.completed), "lulus"), (str(total.women), "perempuan"), (str(total.men), "laki-laki")], _TEXT_WIDTH),
    ]
    doubled = False
    for name, counts in summary.breakdowns.items():
        story += section_heading(f"Menurut {name.lower()}")
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


def write_training_summary_xlsx(summary: TrainingSummary, target: Target) -> None:
    """A sheet per breakdown (Program, Jenis kelamin, Kategori kerentanan, Kecamatan), each titled
    with the period, the counts as numbers, a Jumlah row and the header row frozen."""
    book = Workbook(write_only=True)
    period = summary_period(summary)
    breakdowns = summary.breakdowns or {"Ringkasan": ()}
    for name, counts in breakdowns.items():
        heading = (f"Peserta pelatihan menurut {name.lower()}, {period}", summary.office.name)
        sheet = add_sheet(book, name, (name, *_COUNT_HEADER), (40, 12, 12, 12, 12), heading=heading)
        for count in counts:
            sheet.append((count.name, count.participants, count.completed, count.women, count.men))
        total = summary.total
        sheet.append(row(sheet, ("Jumlah", total.participants, total.completed, total.women, total.men), bold=True))
    book.save(output(target))

