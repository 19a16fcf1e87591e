"""The daftar hadir: a session's participants with a box each to sign in, printed before the session.

Donors audit a training through these sheets, so the sheet says exactly which session it is
(programme, batch, "Sesi ke-2 dari 6", subject, day, time, place, facilitator) and ends with a
line for the head count and the facilitator's and the officer's signatures.

Blank rows. A sheet for a session nobody is enrolled in yet prints ``BLANK_ROWS_WHEN_EMPTY``
numbered rows to write names in; a sheet with participants ends with ``WALK_IN_ROWS`` rows
under "Peserta tambahan (belum terdaftar)", so a walk-in signs on a numbered line that is
plainly not one of the enrolled, and the clerk knows whom to enrol afterwards. The head count
written by the facilitator above the signatures closes the list.
"""

from __future__ import annotations

from datetime import time
from functools import partial
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Flowable, PageTemplate, Paragraph, Spacer, Table

from koperasi.domain.dates import format_date, format_date_long
from koperasi.domain.trainings.papers import AttendanceSheet
from koperasi.reports.layout import (
    BODY,
    BOLD,
    GREEN,
    GREY,
    MARGIN,
    REGULAR,
    RULE,
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

BLANK_ROWS_WHEN_EMPTY = 12  # as many as fit on one page with the head count and both signatures
WALK_IN_ROWS = 5

_TOP_MARGIN, _BOTTOM_MARGIN = 16 * mm, 22 * mm
_TEXT_WIDTH = A4[0] - 2 * MARGIN
_SIZE = 8
_ROW = 10 * mm  # room for a signature
_CELL = BODY.clone("sheet_cell", fontSize=_SIZE, leading=_SIZE * 1.2)
_SMALL = BODY.clone("sheet_small", fontSize=7, leading=8.5)
_SUBTITLE = BODY.clone("sheet_subtitle", fontName=BOLD, fontSize=11, leading=14, alignment=1, textColor=GREEN, spaceAfter=4 * mm)
_HEADER = ("No.", "Nama", "Nomor anggota/keterangan", "L/P", "Desa", "Tanda tangan")
_WIDTHS = [9 * mm, 42 * mm, 40 * mm, 9 * mm, 26 * mm, 0]
_WIDTHS[-1] = _TEXT_WIDTH - sum(_WIDTHS)


def session_time(starts_at: time, ends_at: time) -> str:
    """``"08.00–12.00 WIB"``: Indonesian clock times, Sarolangun (Jambi) keeps Western Indonesian Time."""
    return f"{starts_at:%H.%M}\u2013{ends_at:%H.%M} WIB"


def write_attendance_sheet(sheet: AttendanceSheet, target: Target) -> None:
    """A4 portrait: the session's particulars, one numbered row per participant with a signature
    box (alternately left and right, so neighbours' signatures do not collide), the header row
    repeated on every page, "Halaman X dari Y", then the head count and the two signatures."""
    frame = bare_frame(MARGIN, _BOTTOM_MARGIN, _TEXT_WIDTH, A4[1] - _TOP_MARGIN - _BOTTOM_MARGIN)
    session = f"Sesi ke-{sheet.session_number} dari {sheet.session_count}"
    document = BaseDocTemplate(
        output(target),
        pagesize=A4,
        pageTemplates=[PageTemplate(frames=[frame])],
        title=f"Daftar hadir {sheet.programme} {sheet.batch} sesi ke-{sheet.session_number}",
        author=sheet.office.name,
    )
    footer = partial(
        NumberedCanvas,
        left_text=f"Daftar hadir \u00b7 {sheet.programme} \u00b7 {sheet.batch}",
        right_text=f"{session} \u00b7 {format_date(sheet.held_on)}",
    )
    story: list[Flowable] = [
        *office_header(sheet.office),
        Paragraph("DAFTAR HADIR PESERTA PELATIHAN", TITLE.clone("sheet_title", spaceAfter=1 * mm)),
        Paragraph(f"{escape(sheet.programme)} \u00b7 {escape(session)}", _SUBTITLE),
        _particulars(sheet, session),
        Spacer(0, 5 * mm),
        *_rows(sheet),
    ]
    document.build(story, canvasmaker=footer)


def _particulars(sheet: AttendanceSheet, session: str) -> Table:
    half = (_TEXT_WIDTH - 6 * mm) / 2
    left = [
        ("Program", sheet.programme),
        ("Angkatan", sheet.batch),
        ("Sesi", session),
        ("Materi", sheet.subject),
    ]
    right = [
        ("Hari, tanggal", format_date_long(sheet.held_on)),
        ("Waktu", session_time(sheet.starts_at, sheet.ends_at)),
        ("Tempat", sheet.place),
        ("Fasilitator", sheet.facilitator),
    ]
    columns = Table(
        [[label_value_table(left, width=half, label_width=20 * mm), "", label_value_table(right, width=half, label_width=24 * mm)]],
        colWidths=[half, 6 * mm, half],
    )
    columns.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    return columns


class _SignHere(Flowable):
    """The signature cell: "12." and a dotted line in the left half for odd rows, the right half for
    even ones, as Indonesian attendance sheets do; its height is the row's least height."""

    def __init__(self, number: int, width: float) -> None:
        super().__init__()
        self._number, self.width, self.height = number, width, _ROW - 4.5

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas, half = self.canv, self.width / 2
        x = 0 if self._number % 2 else half
        canvas.setFont(REGULAR, 7)
        canvas.setFillColor(GREY)
        canvas.drawString(x + 1, self.height - 7, f"{self._number}.")
        canvas.saveState()
        canvas.setStrokeColor(GREY)
        canvas.setLineWidth(0.4)
        canvas.setDash(1, 1.5)
        canvas.line(x + 10, 1.5, x + half - 4, 1.5)
        canvas.restoreState()


def _rows(sheet: AttendanceSheet) -> list[Table]:
    people = sheet.people
    sign_width = _WIDTHS[-1] - 6
    rows: list[tuple[object, ...]] = [
        (
            str(person.number),
            Paragraph(escape(person.name), _CELL),
            Paragraph(escape(person.identity), _SMALL),
            person.sex,
            Paragraph(escape(person.desa), _SMALL),
            _SignHere(person.number, sign_width),
        )
        for person in people
    ]
    extra: list[tuple] = []
    if people:
        rows.append(("", "Peserta tambahan (belum terdaftar)", "", "", "", ""))
        label = len(rows) - 1
        extra += [
            ("SPAN", (1, label), (-1, label)),
            ("FONT", (1, label), (-1, label), BOLD, _SIZE),
            ("BACKGROUND", (0, label), (-1, label), RULE),
            ("NOSPLIT", (0, label), (-1, label + 1)),  # the heading stays with its first row
        ]
    first = people[-1].number + 1 if people else 1
    blanks = WALK_IN_ROWS if people else BLANK_ROWS_WHEN_EMPTY
    rows += [(str(number), "", "", "", "", _SignHere(number, sign_width)) for number in range(first, first + blanks)]
    last = len(rows) - 1
    # The head count and the signatures are the table's last row, kept on one page with the two
    # rows above it: a page of signatures alone would not show which list they close.
    rows.append((_closing(sheet), "", "", "", "", ""))
    closing = last + 1
    extra += [
        ("GRID", (0, 0), (-1, last), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, last), "TOP"),
        ("TOPPADDING", (0, 0), (-1, last), 3),
        ("SPAN", (0, closing), (-1, closing)),
        ("BACKGROUND", (0, closing), (-1, closing), colors.white),
        ("LINEBELOW", (0, closing), (-1, closing), 1, colors.white),  # over the table's closing rule
        ("LEFTPADDING", (0, closing), (-1, closing), 0),
        ("RIGHTPADDING", (0, closing), (-1, closing), 0),
        ("TOPPADDING", (0, closing), (-1, closing), 4 * mm),
        ("NOSPLIT", (0, max(0, last - 1)), (-1, closing)),
    ]
    return chunked_tables(_HEADER, rows, _WIDTHS, center=(0, 3), font_size=_SIZE, extra=extra)


def _closing(sheet: AttendanceSheet) -> Table:
    """The head count the facilitator writes in, then the facilitator's and the officer's signatures."""
    half = _TEXT_WIDTH / 2
    dots = "." * 12
    count = Paragraph(f"Jumlah peserta hadir: {dots} orang (laki-laki {dots} orang, perempuan {dots} orang)", BODY)
    facilitator = SignatureBlock(half - 10 * mm, [format_date(sheet.held_on), "Fasilitator"], sheet.facilitator, gap=16 * mm)
    officer = SignatureBlock(half - 10 * mm, ["Mengetahui,", "Petugas koperasi"], "", gap=16 * mm)
    table = Table([[count, ""], [facilitator, officer]], colWidths=[half, half])
    table.setStyle(
        [
            ("SPAN", (0, 0), (-1, 0)),
            ("LEFTPADDING", (0, 0), (-1, 0), 0),
            ("BOTTOMPADDING", (0, 0), (-1, 0), 5 * mm),
            ("LEFTPADDING", (0, 1), (-1, 1), 5 * mm),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
    )
    return table
