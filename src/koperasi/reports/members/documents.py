"""The two printed documents of one member: the kartu anggota and the lembar profil anggota."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial
from io import BytesIO
from typing import NamedTuple

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, PageTemplate, Paragraph, Spacer, Table, TableStyle

from koperasi.domain.dates import format_date
from koperasi.domain.members.register import HouseholdPerson, age_on
from koperasi.domain.office.profile import OfficeProfile
from koperasi.domain.people import Sex
from koperasi.domain.phone import format_phone
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
    RULE,
    SECTION,
    STRIPE,
    TITLE,
    NumberedCanvas,
    Target,
    bare_frame,
    label_value_table,
    office_header,
    output,
    paragraph,
)


@dataclass(frozen=True, slots=True)
class MemberSheet:
    """Everything the card and the profile print, as plain values.

    ``phone`` is in national form ("081234567890") or empty; ``groups`` pairs a
    group's name with the day the member joined it; ``photo`` is JPEG or PNG bytes.
    """

    number: str
    full_name: str
    nik: str
    kk_number: str
    sex: Sex
    birth_place: str
    birth_date: date
    address: str
    desa_name: str
    kecamatan_name: str
    phone: str
    occupation: str
    join_date: date
    status_label: str
    category_names: list[str]
    groups: list[tuple[str, date]]
    household: tuple[HouseholdPerson, ...]
    household_size: int
    out_of_school_children: int
    photo: bytes | None = None


# --- kartu anggota -----------------------------------------------------------

_CARD_WIDTH = 85.6 * mm  # ISO/IEC 7810 ID-1, the size of a KTP or bank card
_CARD_HEIGHT = 54 * mm
_BAND_HEIGHT = 12.5 * mm
_ASCENT = 0.72  # Helvetica cap height, in ems
_LEADING = 1.2
_SMALLEST_WRAPPED = 3.0  # points; below this wrapping stops helping and one shrunken line is drawn


class _Box(NamedTuple):
    x: float
    top: float
    width: float
    height: float


def write_member_card(sheet: MemberSheet, office: OfficeProfile, target: Target) -> None:
    """One ID-1 page: the member's card, to be printed and signed by the chair."""
    canvas = Canvas(output(target), pagesize=(_CARD_WIDTH, _CARD_HEIGHT))
    canvas.setTitle(f"Kartu anggota {sheet.number}")
    canvas.setAuthor(office.name)
    _draw_card_band(canvas, office.name)

    photo_top = _CARD_HEIGHT - _BAND_HEIGHT - 3 * mm
    _draw_photo(canvas, sheet.photo, 4 * mm, photo_top - 25 * mm, 20 * mm, 25 * mm)

    info_x = 28 * mm
    info_width = _CARD_WIDTH - info_x - 4 * mm
    _draw_fitted(canvas, sheet.full_name, _Box(info_x, photo_top, info_width, 8 * mm), font=BOLD, size=11, floor=8, middle=True)
    rows = (
        ("No. Anggota", sheet.number),
        ("NIK", sheet.nik),
        ("Desa", sheet.desa_name),
        ("Kecamatan", sheet.kecamatan_name),
    )
    _draw_card_rows(canvas, rows, x=info_x, top=photo_top - 9 * mm, width=info_width)

    joined = f"Bergabung: {format_date(sheet.join_date)}"
    _draw_fitted(canvas, joined, _Box(4 * mm, photo_top - 27 * mm, 40 * mm, 3 * mm), font=REGULAR, size=6, floor=4.5, color=GREY)
    _draw_signature(canvas, office.chair_name)

    canvas.setFillColor(GREEN)
    canvas.rect(0, 0, _CARD_WIDTH, 1.5 * mm, stroke=0, fill=1)
    canvas.showPage()
    canvas.save()


def _draw_card_rows(canvas: Canvas, rows: tuple[tuple[str, str], ...], *, x: float, top: float, width: float) -> None:
    """One "label : value" line per row, the colons aligned."""
    label_size, value_size, pitch = 6, 7, 3.6 * mm
    label_width, value_x = 14 * mm, x + 16 * mm
    for label, value in rows:
        # Labels are smaller than values: lower their box so both share a baseline.
        label_top = top - (value_size - label_size) * _ASCENT
        _draw_fitted(canvas, label, _Box(x, label_top, label_width, pitch), font=REGULAR, size=label_size, floor=5, color=GREY)
        _draw_fitted(canvas, ":", _Box(x + label_width, label_top, 1.5 * mm, pitch), font=REGULAR, size=label_size, floor=label_size, color=GREY)
        value_box = _Box(value_x, top, x + width - value_x, pitch)
        _draw_fitted(canvas, value or EMPTY, value_box, font=BOLD, size=value_size, floor=5)
        top -= pitch


def _draw_card_band(canvas: Canvas, office_name: str) -> None:
    canvas.setFillColor(GREEN)
    canvas.rect(0, _CARD_HEIGHT - _BAND_HEIGHT, _CARD_WIDTH, _BAND_HEIGHT, stroke=0, fill=1)
    name_box = _Box(4 * mm, _CARD_HEIGHT - 2.2 * mm, _CARD_WIDTH - 8 * mm, 5 * mm)
    _draw_fitted(canvas, office_name, name_box, font=BOLD, size=9, floor=6.5, color=colors.white, center=True, middle=True)
    title, size, spacing = "KARTU ANGGOTA", 7, 1.4
    width = stringWidth(title, BOLD, size) + spacing * (len(title) - 1)
    canvas.setFont(BOLD, size)
    canvas.setFillColor(PALE_GREEN)
    canvas.drawString((_CARD_WIDTH - width) / 2, _CARD_HEIGHT - 10 * mm, title, charSpace=spacing)


def _draw_signature(canvas: Canvas, chair_name: str) -> None:
    left, right = 52 * mm, _CARD_WIDTH - 4 * mm
    line_y = 8.5 * mm
    canvas.setStrokeColor(colors.black)
    canvas.setLineWidth(0.4)
    canvas.line(left + 2 * mm, line_y, right - 2 * mm, line_y)
    width = right - left
    if chair_name:  # without one, the blank line is left for a hand-written name
        _draw_fitted(canvas, chair_name, _Box(left, line_y - 0.8 * mm, width, 2.8 * mm), font=BOLD, size=6.5, floor=5, center=True)
    _draw_fitted(canvas, "Ketua", _Box(left, line_y - 3.8 * mm, width, 2.4 * mm), font=REGULAR, size=5.5, floor=5.5, color=GREY, center=True)


def _draw_fitted(
    canvas: Canvas,
    text: str,
    box: _Box,
    *,
    font: str,
    size: float,
    floor: float,
    color: colors.Color = colors.black,
    center: bool = False,
    middle: bool = False,
) -> None:
    """Draw text inside box, top-aligned (or vertically centred), shrunk so it never spills."""
    fitted, lines = _fit(text, font, box.width, box.height, size=size, floor=floor)
    block = fitted * (_ASCENT + _LEADING * (len(lines) - 1))
    top = box.top - ((box.height - block) / 2 if middle else 0)
    canvas.setFont(font, fitted)
    canvas.setFillColor(color)
    for index, line in enumerate(lines):
        baseline = top - fitted * (_ASCENT + _LEADING * index)
        if center:
            canvas.drawCentredString(box.x + box.width / 2, baseline, line)
        else:
            canvas.drawString(box.x, baseline, line)


def _fit(text: str, font: str, width: float, height: float, *, size: float, floor: float) -> tuple[float, list[str]]:
    """The largest font size, with its lines, at which text fits a width × height box.

    The text stays on one line while shrinking from ``size`` to ``floor``; only
    then does it wrap, still shrinking, because a long name on two lines reads
    better than one in tiny type. Words are never broken.
    """
    candidate = size
    while candidate >= floor:
        if stringWidth(text, font, candidate) <= width and candidate <= height:
            return candidate, [text]
        candidate -= 0.25
    candidate = size
    while candidate >= _SMALLEST_WRAPPED:
        lines = simpleSplit(text, font, candidate, width)
        if len(lines) * candidate * _LEADING <= height and all(stringWidth(line, font, candidate) <= width for line in lines):
            return candidate, lines
        candidate -= 0.25
    # One word wider than the box even in tiny type: shrink the single line to fit exactly.
    return min(width / stringWidth(text, font, 1), height), [text]


def _draw_photo(canvas: Canvas, photo: bytes | None, x: float, y: float, width: float, height: float) -> None:
    canvas.saveState()
    if photo is None:
        canvas.setFillColor(STRIPE)
        canvas.rect(x, y, width, height, stroke=0, fill=1)
        canvas.setFillColor(GREY)
        canvas.setFont(REGULAR, 7)
        canvas.drawCentredString(x + width / 2, y + (height - 7 * _ASCENT) / 2, "Foto")
    else:
        image = ImageReader(BytesIO(photo))
        image_width, image_height = image.getSize()
        # Fill the frame and trim the overflow, as a pas foto is cut, instead of leaving bars.
        scale = max(width / image_width, height / image_height)
        frame = canvas.beginPath()
        frame.rect(x, y, width, height)
        canvas.clipPath(frame, stroke=0, fill=0)
        drawn_width, drawn_height = image_width * scale, image_height * scale
        canvas.drawImage(image, x + (width - drawn_width) / 2, y + (height - drawn_height) / 2, drawn_width, drawn_height)
    canvas.restoreState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.rect(x, y, width, height, stroke=1, fill=0)


# --- lembar profil anggota ---------------------------------------------------

_TOP_MARGIN, _BOTTOM_MARGIN = 18 * mm, 22 * mm
_TEXT_WIDTH = A4[0] - 2 * MARGIN
_PHOTO_WIDTH, _PHOTO_HEIGHT = 30 * mm, 40 * mm

_CELL = ParagraphStyle("cell", parent=BODY, fontSize=9, leading=11)
_HEAD_CELL = ParagraphStyle("head_cell", parent=_CELL, fontName=BOLD, textColor=colors.white)


def write_member_profile(sheet: MemberSheet, office: OfficeProfile, target: Target, *, printed_on: date) -> None:
    """The A4 lembar profil anggota; ages are counted on ``printed_on``."""
    frame = bare_frame(MARGIN, _BOTTOM_MARGIN, _TEXT_WIDTH, A4[1] - _TOP_MARGIN - _BOTTOM_MARGIN)
    document = BaseDocTemplate(
        output(target),
        pagesize=A4,
        pageTemplates=[PageTemplate(frames=[frame])],
        title=f"Profil anggota {sheet.number}",
        author=office.name,
    )
    footer = partial(NumberedCanvas, left_text=f"Profil anggota {sheet.number}", right_text=f"Dicetak {format_date(printed_on)}")
    story = [
        *office_header(office),
        Paragraph("PROFIL ANGGOTA", TITLE),
        _data_with_photo(sheet, printed_on),
        Paragraph("Keluarga", SECTION),
        label_value_table(
            [
                ("Jumlah anggota keluarga", f"{sheet.household_size} orang (termasuk anggota)"),
                ("Anak tidak bersekolah", f"{sheet.out_of_school_children} anak"),
            ],
            width=_TEXT_WIDTH,
        ),
        Spacer(0, 4 * mm),
        _household_table(sheet.household, printed_on),
    ]
    document.build(story, canvasmaker=footer)


def _data_with_photo(sheet: MemberSheet, printed_on: date) -> Table:
    born = format_date(sheet.birth_date)
    if sheet.birth_place:
        born = f"{sheet.birth_place}, {born}"
    groups = [f"{name} (sejak {format_date(joined)})" for name, joined in sheet.groups]
    rows = [
        ("Nomor anggota", sheet.number),
        ("Nama lengkap", sheet.full_name),
        ("NIK", sheet.nik),
        ("No. KK", sheet.kk_number),
        ("Jenis kelamin", sheet.sex.label),
        ("Tempat/tanggal lahir", f"{born} ({age_on(sheet.birth_date, printed_on)} tahun)"),
        ("Alamat", sheet.address),
        ("Desa", sheet.desa_name),
        ("Kecamatan", sheet.kecamatan_name),
        ("Telepon", format_phone(sheet.phone) if sheet.phone else ""),
        ("Pekerjaan", sheet.occupation),
        ("Tanggal bergabung", format_date(sheet.join_date)),
        ("Status", sheet.status_label),
        ("Kategori kerentanan", ", ".join(sheet.category_names)),
        ("Kelompok", "\n".join(groups)),
    ]
    gap = 6 * mm
    data = label_value_table(rows, width=_TEXT_WIDTH - _PHOTO_WIDTH - gap)
    layout = Table([[data, _PhotoFlowable(sheet.photo)]], colWidths=[_TEXT_WIDTH - _PHOTO_WIDTH - gap, _PHOTO_WIDTH + gap])
    layout.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return layout


def _household_table(household: tuple[HouseholdPerson, ...], printed_on: date) -> Flowable:
    if not household:
        return Paragraph("Belum ada anggota keluarga yang dicatat.", LABEL)
    header = [Paragraph(text, _HEAD_CELL) for text in ("Nama", "Hubungan", "Jenis kelamin", "Tanggal lahir/umur", "Status sekolah")]
    body = [
        [
            paragraph(person.full_name, _CELL),
            paragraph(person.relation.label, _CELL),
            paragraph(person.sex.label, _CELL),
            paragraph(_born_and_age(person.birth_date, printed_on), _CELL),
            paragraph(person.school_status.label if person.school_status else "", _CELL),
        ]
        for person in household
    ]
    table = Table([header, *body], colWidths=[46 * mm, 28 * mm, 26 * mm, 34 * mm, 36 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), GREEN),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, STRIPE]),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
            ]
        )
    )
    return table


def _born_and_age(birth_date: date | None, printed_on: date) -> str:
    if birth_date is None:
        return ""
    return f"{format_date(birth_date)}\n{age_on(birth_date, printed_on)} tahun"


class _PhotoFlowable(Flowable):
    def __init__(self, photo: bytes | None) -> None:
        super().__init__()
        self._photo = photo
        self.width, self.height = _PHOTO_WIDTH, _PHOTO_HEIGHT

    def draw(self) -> None:
        _draw_photo(self.canv, self._photo, 0, 0, self.width, self.height)
