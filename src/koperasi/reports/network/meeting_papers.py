"""The papers of a community meeting: the daftar hadir printed before it and the notulen after it.

Both open with the office's header and the meeting's particulars (topic, day, time, place, organiser,
facilitator, whom it serves), so a funder reading one sheet knows which meeting it was. The daftar
hadir lists the members the meeting serves, each with a box to sign, then numbered blank rows for
guests, who write their age: the notulen counts guests by sex and age group.
"""

from __future__ import annotations

from functools import partial
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from koperasi.domain.dates import format_date, format_date_long
from koperasi.domain.network.meetings import Guests
from koperasi.domain.network.papers import MeetingMinutes, MeetingParticulars, MeetingSheet, SheetMember
from koperasi.reports.layout import (
    A4_TEXT_WIDTH,
    BODY,
    BOLD,
    EMPTY,
    GREEN,
    RULE,
    TITLE,
    NumberedCanvas,
    SignatureBlock,
    Target,
    a4_document,
    chunked_tables,
    label_value_table,
    office_header,
    paragraph,
    section_heading,
    side_by_side,
    signature_pair,
)

GUEST_ROWS = 10  # blank numbered rows for guests on the daftar hadir
BLANK_ROWS_WHEN_EMPTY = 15  # a meeting whose audience has no member yet: rows to write names in

_SIZE = 8.5
_CELL = BODY.clone("meeting_cell", fontSize=_SIZE, leading=_SIZE * 1.2)
_SUBTITLE = BODY.clone("meeting_subtitle", fontName=BOLD, fontSize=11, leading=14, alignment=1, textColor=GREEN, spaceAfter=4 * mm)
_SIGN_ROW = 9 * mm
_SHEET_HEADER = ("No.", "Nama", "No. anggota / umur", "L/P", "Desa / asal", "Tanda tangan")
_SHEET_WIDTHS = [9 * mm, 46 * mm, 30 * mm, 9 * mm, 30 * mm, 0]
_SHEET_WIDTHS[-1] = A4_TEXT_WIDTH - sum(_SHEET_WIDTHS)


def meeting_time(particulars: MeetingParticulars) -> str:
    """``"14.00–16.00 WIB"``: Sarolangun (Jambi) keeps Western Indonesian Time."""
    return f"{particulars.starts_at:%H.%M}\u2013{particulars.ends_at:%H.%M} WIB"


def write_meeting_sheet(sheet: MeetingSheet, target: Target) -> None:
    meeting = sheet.meeting
    document = a4_document(target, f"Daftar hadir pertemuan {format_date(meeting.held_on)}", sheet.office.name)
    story: list[Flowable] = [
        *office_header(sheet.office),
        Paragraph("DAFTAR HADIR PERTEMUAN KOMUNITAS", TITLE.clone("meeting_title", spaceAfter=1 * mm)),
        Paragraph(escape(format_date_long(meeting.held_on)), _SUBTITLE),
        _particulars(meeting),
        Spacer(0, 5 * mm),
        *_sheet_rows(sheet.members),
        Spacer(0, 5 * mm),
        Paragraph("Jumlah hadir: anggota ........ orang; tamu ........ orang (laki-laki ........, perempuan ........)", BODY),
        Spacer(0, 6 * mm),
        signature_pair(
            SignatureBlock(A4_TEXT_WIDTH / 2 - 10 * mm, [format_date(meeting.held_on), "Fasilitator"], meeting.facilitator, gap=16 * mm),
            SignatureBlock(A4_TEXT_WIDTH / 2 - 10 * mm, ["Mengetahui,", "Petugas koperasi"], "", gap=16 * mm),
            A4_TEXT_WIDTH,
        ),
    ]
    document.build(story, canvasmaker=partial(NumberedCanvas, left_text=f"Daftar hadir pertemuan komunitas \u00b7 {meeting.organiser}",
                                              right_text=format_date(meeting.held_on)))


def write_minutes(minutes: MeetingMinutes, target: Target) -> None:
    meeting = minutes.meeting
    document = a4_document(target, f"Notulen pertemuan {format_date(meeting.held_on)}", minutes.office.name)
    story: list[Flowable] = [
        *office_header(minutes.office),
        Paragraph("NOTULEN PERTEMUAN KOMUNITAS", TITLE.clone("minutes_title", spaceAfter=1 * mm)),
        Paragraph(escape(format_date_long(meeting.held_on)), _SUBTITLE),
        _particulars(meeting),
        *section_heading("Kehadiran"),
        Paragraph(escape(_attendance_sentence(len(minutes.present), minutes.guests)), BODY),
        Spacer(0, 2 * mm),
        side_by_side(_present_table(minutes.present), _guests_table(minutes.guests), A4_TEXT_WIDTH),
        *section_heading("Informasi yang dibagikan"),
        paragraph(minutes.information, BODY),
        *section_heading("Keputusan"),
        paragraph(minutes.decisions, BODY),
        *section_heading("Tindak lanjut"),
        *_follow_ups(minutes),
        Spacer(0, 8 * mm),
        signature_pair(
            SignatureBlock(A4_TEXT_WIDTH / 2 - 10 * mm, [format_date(meeting.held_on), "Fasilitator"], meeting.facilitator, gap=16 * mm),
            SignatureBlock(A4_TEXT_WIDTH / 2 - 10 * mm, ["", "Notulis"], minutes.recorded_by, gap=16 * mm),
            A4_TEXT_WIDTH,
        ),
    ]
    document.build(story, canvasmaker=partial(NumberedCanvas, left_text=f"Notulen pertemuan komunitas \u00b7 {meeting.organiser}",
                                              right_text=format_date(meeting.held_on)))


def _particulars(meeting: MeetingParticulars) -> Table:
    half = (A4_TEXT_WIDTH - 6 * mm) / 2
    left = [("Topik", meeting.topics), ("Penyelenggara", meeting.organiser), ("Sasaran", meeting.audience)]
    right = [("Hari, tanggal", format_date_long(meeting.held_on)), ("Waktu", meeting_time(meeting)), ("Tempat", meeting.place),
             ("Fasilitator", meeting.facilitator)]
    return side_by_side(label_value_table(left, width=half, label_width=27 * mm),
                        label_value_table(right, width=half, label_width=24 * mm), A4_TEXT_WIDTH)


def _sheet_rows(members: tuple[SheetMember, ...]) -> list[Table]:
    rows: list[tuple] = [
        (str(m.number), Paragraph(escape(m.name), _CELL), m.member_number, m.sex, Paragraph(escape(m.desa), _CELL), "")
        for m in members
    ]
    rows += [(str(number), "", "", "", "", "") for number in range(len(rows) + 1, len(rows) + 1 + (0 if members else BLANK_ROWS_WHEN_EMPTY))]
    rows.append(("", "Tamu (bukan anggota): tulis nama, umur, L/P dan asal", "", "", "", ""))
    label = len(rows) - 1
    rows += [(str(number), "", "", "", "", "") for number in range(1, GUEST_ROWS + 1)]
    extra = [
        ("SPAN", (1, label), (-1, label)),
        ("FONT", (1, label), (-1, label), BOLD, _SIZE),
        ("BACKGROUND", (0, label), (-1, label), RULE),
        ("NOSPLIT", (0, label), (-1, label + 1)),
        ("GRID", (0, 0), (-1, len(rows) - 1), 0.4, RULE),
    ]
    # Room to sign on every row; the guests' heading gets it too, which keeps the rows one height.
    return chunked_tables(_SHEET_HEADER, rows, _SHEET_WIDTHS, center=(0, 3), font_size=_SIZE, row_height=_SIGN_ROW, extra=extra)

def _attendance_sentence(members: int, guests: Guests) -> str:
    return (f"Hadir {members} anggota dan {guests.total} tamu (laki-laki {guests.male}, perempuan {guests.female}); "
            f"seluruhnya {members + guests.total} orang.")


def _present_table(present: tuple[SheetMember, ...]) -> Flowable | list[Table]:
    width = (A4_TEXT_WIDTH - 6 * mm) / 2
    if not present:
        return Paragraph("Tidak ada anggota yang hadir.", BODY)
    rows = [(str(m.number), Paragraph(escape(m.name), _CELL), m.sex, Paragraph(escape(m.desa), _CELL)) for m in present]
    widths = [8 * mm, width - 8 * mm - 8 * mm - 26 * mm, 8 * mm, 26 * mm]
    return chunked_tables(("No.", "Anggota hadir", "L/P", "Desa"), rows, widths, center=(0, 2), font_size=_SIZE)


def _guests_table(guests: Guests) -> Table:
    rows = [
        ("Laki-laki", str(guests.male_child), str(guests.male_adult), str(guests.male_elder), str(guests.male)),
        ("Perempuan", str(guests.female_child), str(guests.female_adult), str(guests.female_elder), str(guests.female)),
    ]
    total = ("Jumlah", str(guests.male_child + guests.female_child), str(guests.male_adult + guests.female_adult),
             str(guests.male_elder + guests.female_elder), str(guests.total))
    width = (A4_TEXT_WIDTH - 6 * mm) / 2
    widths = [22 * mm] + [(width - 22 * mm) / 4] * 4
    return chunked_tables(("Tamu", "Anak", "Dewasa", "Lansia", "Jumlah"), rows, widths, right=(1, 2, 3, 4), font_size=_SIZE,
                          footer=total)[0]


def _follow_ups(minutes: MeetingMinutes) -> list[Flowable]:
    if not minutes.follow_ups:
        return [Paragraph(EMPTY + " tidak ada tindak lanjut.", BODY)]
    rows = [(str(n), Paragraph(escape(f.action), _CELL), Paragraph(escape(f.responsible), _CELL), format_date(f.due_on))
            for n, f in enumerate(minutes.follow_ups, start=1)]
    widths = [9 * mm, A4_TEXT_WIDTH - 9 * mm - 45 * mm - 30 * mm, 45 * mm, 30 * mm]
    return chunked_tables(("No.", "Tindak lanjut", "Penanggung jawab", "Batas waktu"), rows, widths, center=(0,), font_size=_SIZE)
