"""The lembar tagihan kelompok: what each member owes at the group's meeting, with columns to fill by hand."""

from __future__ import annotations

from functools import partial
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Flowable, KeepTogether, PageTemplate, Paragraph, Spacer, Table

from koperasi.domain.dates import format_date, format_date_long
from koperasi.domain.loans.papers import CollectionSheet
from koperasi.domain.money import format_rupiah
from koperasi.reports.layout import (
    BODY,
    MARGIN,
    TITLE,
    NumberedCanvas,
    SignatureBlock,
    Target,
    bare_frame,
    chunked_tables,
    label_value_table,
    office_header,
    output,
)

_TOP_MARGIN, _BOTTOM_MARGIN = 18 * mm, 22 * mm
_TEXT_WIDTH = A4[0] - 2 * MARGIN
_SIZE = 8


def write_collection_sheet(sheet: CollectionSheet, target: Target) -> None:
    """A4: one row per loan due at the meeting, blank "Dibayar" and "Paraf" columns, totals, and
    the signatures of the ketua kelompok and the petugas."""
    frame = bare_frame(MARGIN, _BOTTOM_MARGIN, _TEXT_WIDTH, A4[1] - _TOP_MARGIN - _BOTTOM_MARGIN)
    document = BaseDocTemplate(
        output(target),
        pagesize=A4,
        pageTemplates=[PageTemplate(frames=[frame])],
        title=f"Lembar tagihan {sheet.group_name} {format_date(sheet.meeting_on)}",
        author=sheet.office.name,
    )
    footer = partial(NumberedCanvas, left_text=f"Lembar tagihan {sheet.group_name}", right_text=format_date(sheet.meeting_on))
    details = [
        ("Kelompok", sheet.group_name),
        ("Desa", sheet.desa),
        ("Ketua kelompok", sheet.chair_name),
        ("Tanggal pertemuan", format_date_long(sheet.meeting_on)),
    ]
    story: list[Flowable] = [
        *office_header(sheet.office),
        Paragraph("LEMBAR TAGIHAN KELOMPOK", TITLE),
        label_value_table(details, width=_TEXT_WIDTH),
        Spacer(0, 5 * mm),
        *_lines(sheet),
        Spacer(0, 8 * mm),
        KeepTogether(_signatures(sheet)),
    ]
    document.build(story, canvasmaker=footer)


def _lines(sheet: CollectionSheet) -> list[Flowable]:
    if not sheet.lines:
        return [Paragraph("Tidak ada angsuran yang jatuh tempo untuk pertemuan ini.", BODY)]
    widths = [8 * mm, 0, 21 * mm, 20 * mm, 20 * mm, 22 * mm, 24 * mm, 14 * mm]
    widths[1] = _TEXT_WIDTH - sum(widths)
    cell = BODY.clone("collection_cell", fontSize=_SIZE, leading=_SIZE * 1.15)
    rows = [
        (
            str(index),
            Paragraph(f"{escape(line.member_name)}<br/><font size=6.5 color='#5F6B66'>{escape(line.member_number)} \u00b7 {escape(line.loan_number)}</font>", cell),
            format_rupiah(line.outstanding),
            format_rupiah(line.installment_due),
            format_rupiah(line.arrears) if line.arrears else "",
            format_rupiah(line.total_due),
            "",
            "",
        )
        for index, line in enumerate(sheet.lines, start=1)
    ]
    footer = (
        "Jumlah", "",
        format_rupiah(sum(line.outstanding for line in sheet.lines)),
        format_rupiah(sum(line.installment_due for line in sheet.lines)),
        format_rupiah(sum(line.arrears for line in sheet.lines)),
        format_rupiah(sum(line.total_due for line in sheet.lines)),
        "", "",
    )  # fmt: skip
    header = ("No.", "Anggota", "Sisa pokok", "Angsuran", "Tunggakan", "Tagihan", "Dibayar", "Paraf")
    last = len(rows) - 1
    # Roomy rows and boxed blanks: the amount paid and the paraf are written by hand at the meeting.
    extra = [
        ("TOPPADDING", (0, 0), (-1, last), 6),
        ("BOTTOMPADDING", (0, 0), (-1, last), 6),
        ("GRID", (6, 0), (7, last), 0.5, BODY.textColor),
    ]
    return chunked_tables(header, rows, widths, right=(0, 2, 3, 4, 5), font_size=_SIZE, footer=footer, footer_span=2, extra=extra)


def _signatures(sheet: CollectionSheet) -> Table:
    half = _TEXT_WIDTH / 2
    date_line = f"{sheet.desa}, {format_date(sheet.meeting_on)}" if sheet.desa else format_date(sheet.meeting_on)
    chair = SignatureBlock(half - 10 * mm, ["Mengetahui,", "Ketua Kelompok"], sheet.chair_name)
    clerk = SignatureBlock(half - 10 * mm, [date_line, "Petugas"], "")
    table = Table([[chair, clerk]], colWidths=[half, half])
    table.setStyle([("LEFTPADDING", (0, 0), (-1, -1), 5 * mm), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    return table
