"""The lembar kunjungan pendampingan: what a field officer takes to each household.

One block per household, two to an A4 page: who and where, why the visit is due, the figures of the
baseline and of the last visit beside an empty column for today's, with the answer choices printed so
the officer only ticks or writes a number, a box for notes, and the officer's and member's signatures.
The clerk types the sheet back in the order of its rows (gui/impact/visit_dialog.py).
"""

from __future__ import annotations

from functools import partial
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, CondPageBreak, Flowable, KeepTogether, PageTemplate, Paragraph, Spacer, Table, TableStyle

from koperasi.domain.dates import format_date, format_date_long
from koperasi.domain.impact.household import BusinessStatus, Measurement
from koperasi.domain.impact.papers import SheetHousehold, VisitSheets
from koperasi.domain.money import format_rupiah
from koperasi.reports.layout import (
    BODY,
    BOLD,
    EMPTY,
    GREEN,
    GREY,
    MARGIN,
    NBSP,
    PALE_GREEN,
    RULE,
    TITLE,
    NumberedCanvas,
    Target,
    bare_frame,
    office_header,
    output,
    plain_style,
)

_TEXT_WIDTH = A4[0] - 2 * MARGIN
_TOP, _BOTTOM = 14 * mm, 20 * mm
_CELL = BODY.clone("visit_cell", fontSize=8, leading=9.6)
_HEAD = _CELL.clone("visit_head", fontName=BOLD, textColor=GREEN)
_NAME = BODY.clone("visit_name", fontName=BOLD, fontSize=11, leading=13)
_SMALL = _CELL.clone("visit_small", textColor=GREY)
_BOX = f"[{NBSP}{NBSP}]"
_ROW = 6.6 * mm  # room to write a figure by hand
_WIDTHS = [44 * mm, 36 * mm, 36 * mm, 0]
_WIDTHS[-1] = _TEXT_WIDTH - sum(_WIDTHS)

# (row label, the figure of a measurement, what today's column prints for the officer to fill in)
_ROWS: list[tuple[str, object, str]] = [
    ("Tanggal kunjungan", lambda m: format_date(m.measured_on), "....../....../20......"),
    ("Mata pencaharian utama", lambda m: m.livelihoods, "." * 60),
    ("Pendapatan rumah tangga / bulan", lambda m: format_rupiah(m.monthly_income) + (" (perkiraan)" if m.income_estimated else ""),
     f"Rp ......................   {_BOX} perkiraan"),
    ("Jumlah anggota rumah tangga", lambda m: f"{m.household_size} orang", "........ orang"),
    ("Status usaha", lambda m: m.business_status.label, "  ".join(NBSP.join((_BOX, *s.label.split())) for s in BusinessStatus)),
    ("Luas lahan digarap", lambda m: f"{m.land_m2:,} m²".replace(",", ".") if m.land_m2 is not None else EMPTY,
     f"............ m²   {_BOX} bukan petani"),
    ("Utang ke rentenir", lambda m: format_rupiah(m.moneylender_amount) if m.moneylender_debt else "Tidak ada",
     f"{_BOX} tidak ada   {_BOX} ada: Rp ................"),
    ("Anak usia 7–18 / bersekolah", lambda m: f"{m.school_age_children} / {m.children_in_school}", "........ anak / ........ bersekolah"),
    ("Perempuan punya usaha sendiri", lambda m: "Ya" if m.woman_business else "Tidak", f"{_BOX} ya   {_BOX} tidak"),
]


def write_visit_sheets(sheets: VisitSheets, target: Target) -> None:
    frame = bare_frame(MARGIN, _BOTTOM, _TEXT_WIDTH, A4[1] - _TOP - _BOTTOM)
    document = BaseDocTemplate(
        output(target), pagesize=A4, pageTemplates=[PageTemplate(frames=[frame])],
        title=f"Lembar kunjungan pendampingan {format_date(sheets.printed_on)}", author=sheets.office.name,
    )
    footer = partial(NumberedCanvas, left_text="Lembar kunjungan pendampingan",
                     right_text=f"Dicetak {format_date(sheets.printed_on)}")
    officer = f" \u00b7 Petugas: {escape(sheets.officer)}" if sheets.officer else ""
    story: list[Flowable] = [
        *office_header(sheets.office),
        Paragraph("LEMBAR KUNJUNGAN PENDAMPINGAN", TITLE.clone("visit_title", spaceBefore=3 * mm, spaceAfter=1 * mm)),
        Paragraph(f"{len(sheets.households)} rumah tangga{officer} \u00b7 dicetak {escape(format_date_long(sheets.printed_on))}",
                  _SMALL.clone("visit_sub", alignment=1, spaceAfter=3 * mm)),
    ]
    for household in sheets.households:
        story += [CondPageBreak(118 * mm), KeepTogether(_household(household)), Spacer(0, 5 * mm)]
    document.build(story, canvasmaker=footer)


def _household(household: SheetHousehold) -> list[Flowable]:
    history = household.history
    due = household.due
    why = f"{due.reason.label}, jatuh {format_date(due.due_on)}" if due is not None else "Kunjungan tambahan"
    heading = Table(
        [[Paragraph(f"{escape(history.full_name)} <font color='#5F6B66' size='9'>({escape(history.number)})</font>", _NAME),
          Paragraph(f"Desa {escape(household.desa)}<br/>{escape(why)}", _SMALL.clone("visit_right", alignment=2))]],
        colWidths=[_TEXT_WIDTH * 0.6, _TEXT_WIDTH * 0.4],
        style=plain_style(("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LINEBELOW", (0, 0), (-1, 0), 1, GREEN)),
    )
    baseline = history.baseline.data if history.baseline else None
    latest = history.latest.data if history.latest else None
    rows = [[Paragraph("", _HEAD), Paragraph("Data awal", _HEAD), Paragraph("Kunjungan terakhir", _HEAD),
             Paragraph("Kunjungan ini (isi di lapangan)", _HEAD)]]
    for label, figure, blank in _ROWS:
        rows.append([Paragraph(escape(label), _SMALL), _figure(figure, baseline), _figure(figure, latest),
                     Paragraph(escape(blank), _CELL)])
    rows.append([Paragraph("Catatan", _SMALL), "", "", ""])
    table = Table(rows, colWidths=_WIDTHS, rowHeights=[None] + [_ROW] * (len(rows) - 2) + [16 * mm])
    table.setStyle(TableStyle([
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("BACKGROUND", (3, 1), (3, -1), colors.white), ("BOX", (3, 1), (3, -2), 0.6, GREEN),
        ("BACKGROUND", (0, 0), (-1, 0), PALE_GREEN),
        ("SPAN", (1, -1), (-1, -1)), ("BOX", (1, -1), (-1, -1), 0.6, GREEN), ("VALIGN", (0, -1), (0, -1), "TOP"),
    ]))
    signatures = Table(
        [[Paragraph("Petugas lapangan: ................................................", _SMALL),
          Paragraph("Anggota: ................................................", _SMALL)]],
        colWidths=[_TEXT_WIDTH / 2] * 2, style=plain_style(("TOPPADDING", (0, 0), (-1, -1), 5 * mm)),
    )
    return [heading, Spacer(0, 1.5 * mm), table, signatures]


def _figure(figure, measurement: Measurement | None) -> Paragraph:
    if measurement is None:
        return Paragraph(EMPTY, _CELL)
    return Paragraph(escape(str(figure(measurement)) or EMPTY), _CELL)
