"""What every printed document shares: house colours and fonts, the office header, the
"Halaman X dari Y" footer and long tables split into chunks with a repeated header row."""

from __future__ import annotations

import os
from collections.abc import Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.lib.pagesizes import A4
from reportlab.platypus import BaseDocTemplate, CondPageBreak, Flowable, Frame, HRFlowable, PageTemplate, Paragraph, Table, TableStyle

from koperasi.domain.office.profile import OfficeProfile
from koperasi.domain.phone import format_phone
from koperasi.domain.terbilang import terbilang_rupiah

Target = str | os.PathLike[str] | BinaryIO

EMPTY = "\u2014"  # em dash: a blank cell would look like a field someone forgot to fill in

GREEN = colors.HexColor("#1B5E3B")
PALE_GREEN = colors.HexColor("#CFE6D8")
GREY = colors.HexColor("#5F6B66")
RULE = colors.HexColor("#C9D3CE")
STRIPE = colors.HexColor("#F2F6F4")
RED = colors.HexColor("#B3261E")
REGULAR = "Helvetica"
BOLD = "Helvetica-Bold"
ITALIC = "Helvetica-Oblique"

MARGIN = 20 * mm

BODY = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=12)
LABEL = ParagraphStyle("label", parent=BODY, textColor=GREY)
OFFICE = ParagraphStyle("office", parent=BODY, fontName=BOLD, fontSize=14, leading=17, textColor=GREEN)
OFFICE_LINE = ParagraphStyle("office_line", parent=BODY, fontSize=9, leading=11.5, textColor=GREY)
TITLE = ParagraphStyle("title", parent=BODY, fontName=BOLD, fontSize=14, leading=17, alignment=TA_CENTER, spaceBefore=5 * mm, spaceAfter=5 * mm)
SECTION = ParagraphStyle("section", parent=BODY, fontName=BOLD, fontSize=11, leading=14, spaceBefore=6 * mm, spaceAfter=2 * mm, keepWithNext=True)

CHUNK_ROWS = 500  # one giant Table lays out super-linearly; ~500 rows each keeps it linear


def output(target: Target) -> str | BinaryIO:
    # ReportLab takes a file name or an object with write(); a pathlib.Path is neither.
    return os.fspath(target) if isinstance(target, (str, os.PathLike)) else target


def bare_frame(x: float, y: float, width: float, height: float) -> Frame:
    """A frame without padding, so tables, rules and the footer share the page margins."""
    return Frame(x, y, width, height, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)


class NumberedCanvas(Canvas):
    """Holds every page until save, so the footer can say "Halaman X dari Y"."""

    def __init__(self, *args, left_text: str, right_text: str, margin: float = MARGIN, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._left_text = left_text
        self._right_text = right_text
        self._margin = margin
        self._page_states: list[dict] = []

    def showPage(self) -> None:
        self._page_states.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._page_states)
        for number, state in enumerate(self._page_states, start=1):
            self.__dict__.update(state)
            self._draw_footer(number, total)
            super().showPage()
        super().save()

    def _draw_footer(self, number: int, total: int) -> None:
        y, right = 12 * mm, self._pagesize[0] - self._margin
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(self._margin, y + 4 * mm, right, y + 4 * mm)
        self.setFont(REGULAR, 8)
        self.setFillColor(GREY)
        self.drawString(self._margin, y, self._left_text)
        self.drawRightString(right, y, f"{self._right_text} \u00b7 Halaman {number} dari {total}")


A4_TEXT_WIDTH = A4[0] - 2 * MARGIN
A4_TOP, A4_BOTTOM = 18 * mm, 22 * mm  # the footer sits 12 mm up


def a4_document(target: Target, title: str, author: str) -> BaseDocTemplate:
    """An A4 portrait document with one frame inside the house margins, room left for the footer."""
    frame = bare_frame(MARGIN, A4_BOTTOM, A4_TEXT_WIDTH, A4[1] - A4_TOP - A4_BOTTOM)
    return BaseDocTemplate(output(target), pagesize=A4, pageTemplates=[PageTemplate(frames=[frame])], title=title, author=author)


_HEADING = ParagraphStyle("heading", parent=SECTION, keepWithNext=0)


def section_heading(text: str) -> list[Flowable]:
    """A section heading that starts a new page only when fewer than ~4 rows fit under it: the shared
    SECTION style keeps with the whole table that follows, which pushes a long table to the next page."""
    return [CondPageBreak(30 * mm), Paragraph(escape(text), _HEADING)]


def office_header(office: OfficeProfile, style: ParagraphStyle = OFFICE) -> list[Flowable]:
    """Office name, then address and telephone on one grey line, then a green rule."""
    header: list[Flowable] = [Paragraph(escape(office.name), style)]
    if office.address or office.phone:
        header.append(OfficeDetailsLine(office))
    header.append(HRFlowable(width="100%", thickness=1.2, color=GREEN, spaceBefore=3 * mm))
    return header


def office_details(office: OfficeProfile) -> str:
    details = [office.address] if office.address else []
    if office.phone:
        details.append(f"Telp. {format_phone(office.phone)}")
    return " \u00b7 ".join(details)


NBSP = "\u00a0"
SMALLEST_DETAILS_SIZE = 7  # pt: still legible on an A5 nota


class OfficeDetailsLine(Flowable):
    """Address and telephone on one line, in a smaller type when the paper is narrow.

    An address too long even at the smallest size wraps at the usual size (two legible lines
    beat two tiny ones), but the telephone is never cut: it moves whole to the next line
    ("Telp. 0812-" at the end of one line and "3456-7890" on the next is misread).
    """

    def __init__(self, office: OfficeProfile) -> None:
        super().__init__()
        self._plain = office_details(office)
        phone = f"Telp.{NBSP}{format_phone(office.phone)}".replace(" ", NBSP) if office.phone else ""
        if office.address and phone:
            # The dot stays with the address, so a break falls just before "Telp.".
            self._markup = f"{escape(office.address)}{NBSP}\u00b7 {escape(phone)}"
        else:
            self._markup = escape(office.address or phone)
        self._paragraph: Paragraph | None = None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        size = OFFICE_LINE.fontSize
        while size >= SMALLEST_DETAILS_SIZE and stringWidth(self._plain, OFFICE_LINE.fontName, size) > available_width:
            size -= 0.5
        if size < SMALLEST_DETAILS_SIZE:
            size = OFFICE_LINE.fontSize
        style = ParagraphStyle(f"office_line_{size}", parent=OFFICE_LINE, fontSize=size,
                               leading=OFFICE_LINE.leading * size / OFFICE_LINE.fontSize)
        self._paragraph = Paragraph(self._markup, style)
        self.width, self.height = self._paragraph.wrap(available_width, available_height)
        return self.width, self.height

    def draw(self) -> None:
        self._paragraph.drawOn(self.canv, 0, 0)


def paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    """A wrapping cell; newlines in text become line breaks and an empty value a dash."""
    if not text.strip():
        return Paragraph(EMPTY, style)
    return Paragraph("<br/>".join(escape(line) for line in text.split("\n")), style)


def label_value_table(rows: Sequence[tuple[str, str]], *, width: float, label_width: float = 42 * mm, style: ParagraphStyle = BODY) -> Table:
    """"Label  value" rows with a thin rule under each, the values wrapping."""
    label_style = ParagraphStyle(f"{style.name}_label", parent=style, textColor=GREY)
    table = Table(
        [[Paragraph(escape(label), label_style), paragraph(value, style)] for label, value in rows],
        colWidths=[label_width, width - label_width],
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ]
        )
    )
    return table


def chunked_tables(
    header: Sequence[object],
    rows: Sequence[Sequence[object]],
    col_widths: Sequence[float],
    *,
    right: Sequence[int] = (),
    center: Sequence[int] = (),
    font_size: float = 8,
    row_height: float | None = None,
    footer: Sequence[object] | None = None,
    footer_span: int = 1,
    extra: Sequence[tuple] = (),
    chunk: int = CHUNK_ROWS,
) -> list[Table]:
    """The rows as Tables of at most ``chunk`` rows, each starting with ``header``, which
    repeats on every page. ``right`` and ``center`` are column indexes (money goes right);
    ``footer`` (a totals row) ends the last chunk in bold, its first ``footer_span`` cells
    merged into one for the label; ``extra`` are TableStyle commands
    with row indexes into ``rows`` (they are shifted into the chunk that holds the row)."""
    tables = []
    starts = range(0, len(rows), chunk) if rows else [0]
    for start in starts:
        body = [list(row) for row in rows[start : start + chunk]]
        last = start + chunk >= len(rows)
        data = [list(header), *body]
        if footer is not None and last:
            data.append(list(footer))
        heights = None if row_height is None else [None, *([row_height] * (len(data) - 1))]
        table = Table(data, colWidths=list(col_widths), rowHeights=heights, repeatRows=1, hAlign="LEFT")
        commands = [
            ("FONT", (0, 0), (-1, -1), REGULAR, font_size),
            ("FONT", (0, 0), (-1, 0), BOLD, font_size),
            ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
            ("BACKGROUND", (0, 0), (-1, 0), GREEN),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, STRIPE]),
            ("LINEBELOW", (0, -1), (-1, -1), 0.6, GREEN),
        ]
        commands += [("ALIGN", (column, 0), (column, -1), "RIGHT") for column in right]
        commands += [("ALIGN", (column, 0), (column, -1), "CENTER") for column in center]
        if footer is not None and last:
            commands += [
                ("FONT", (0, -1), (-1, -1), BOLD, font_size),
                ("BACKGROUND", (0, -1), (-1, -1), PALE_GREEN),
                ("LINEABOVE", (0, -1), (-1, -1), 0.8, GREEN),
            ]
            if footer_span > 1:
                commands += [("SPAN", (0, -1), (footer_span - 1, -1)), ("ALIGN", (0, -1), (0, -1), "LEFT")]
        end = start + len(body)
        for command in extra:
            name, (c0, r0), (c1, r1), *args = command
            if start <= r0 < end:
                commands.append((name, (c0, r0 - start + 1), (c1, min(r1, end - 1) - start + 1), *args))
        table.setStyle(TableStyle(commands))
        tables.append(table)
    return tables


def clip(text: str, width: float, font: str, size: float) -> str:
    """The text cut with an ellipsis so it fits ``width`` points on one line."""
    if stringWidth(text, font, size) <= width:
        return text
    fits, longest = 0, len(text)  # binary search over the kept prefix's length
    while fits < longest:
        middle = (fits + longest + 1) // 2
        if stringWidth(text[:middle].rstrip() + "\u2026", font, size) <= width:
            fits = middle
        else:
            longest = middle - 1
    return text[:fits].rstrip() + "\u2026"


def plain_style(*commands: tuple) -> TableStyle:
    """A layout table: no padding at the sides, so its content lines up with the margins."""
    return TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0), *commands])


def words_box(words: Paragraph, width: float) -> Table:
    """The amount in words (terbilang) on a pale band."""
    box = Table([[words]], colWidths=[width])
    box.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), PALE_GREEN), ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    return box


def amount_box(figures: Paragraph, width: float) -> Table:
    """The amount in figures, large, in a green-ruled box."""
    box = Table([[figures]], colWidths=[width])
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.4, GREEN),
                ("BACKGROUND", (0, 0), (-1, -1), PALE_GREEN),
                ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5 * mm),
            ]
        )
    )
    return box


FIGURE = ParagraphStyle("figure", parent=BODY, fontName=BOLD, fontSize=18, leading=21, alignment=TA_CENTER, textColor=GREEN)
FIGURE_LABEL = ParagraphStyle("figure_label", parent=BODY, fontSize=8, leading=10, alignment=TA_CENTER, textColor=GREY)


def figures_band(figures: Sequence[tuple[str, str]], width: float, style: ParagraphStyle = FIGURE) -> Table:
    """Key figures side by side, each a large number over its label, on a pale band."""
    each = width / len(figures)
    table = Table(
        [[Paragraph(escape(value), style) for value, _ in figures], [Paragraph(escape(label), FIGURE_LABEL) for _, label in figures]],
        colWidths=[each] * len(figures),
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


def draw_cancelled_stamp(canvas: Canvas, document) -> None:
    """A page template's onPageEnd: a diagonal red BATAL across the middle of the page."""
    width, height = document.pagesize
    canvas.saveState()
    canvas.translate(width / 2, height / 2)
    canvas.rotate(22)
    canvas.setFillColor(RED, alpha=0.28)
    canvas.setStrokeColor(RED, alpha=0.5)
    canvas.setFont(BOLD, 96)
    canvas.drawCentredString(0, -34, "BATAL")
    canvas.setLineWidth(4)
    canvas.roundRect(-150, -58, 300, 112, 10)
    canvas.restoreState()


class SignatureBlock(Flowable):
    """Lines above a signature (place and date, the role), room to sign, then the name.

    An empty ``name`` leaves a dotted line for a hand-written one. With ``meterai`` a dashed
    "Meterai Rp10.000" box sits where the signature goes, as the stamp is signed across.
    """

    def __init__(self, width: float, above: Sequence[str], name: str, *, gap: float = 18 * mm, meterai: bool = False, size: float = 9) -> None:
        super().__init__()
        self.width, self._above = width, list(above)
        # A long name (a group, a company) wraps under the signature rather than being cut.
        self._name_lines = simpleSplit(name, BOLD, size, width) if name else []
        self._gap, self._meterai, self._size = gap, meterai, size
        self.height = (len(self._above) + max(1, len(self._name_lines))) * size * 1.35 + gap

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas, size, middle = self.canv, self._size, self.width / 2
        y = self.height - size
        canvas.setFillColor(colors.black)
        for line in self._above:
            canvas.setFont(REGULAR, size)
            canvas.drawCentredString(middle, y, clip(line, self.width, REGULAR, size))
            y -= size * 1.35
        bottom = y - self._gap + size * 1.35
        if self._meterai:
            box_width, box_height = 24 * mm, min(self._gap - 2 * mm, 15 * mm)
            x, box_y = middle - box_width - 2 * mm, bottom + (self._gap - box_height) / 2 - 1 * mm
            canvas.saveState()
            canvas.setDash(2, 2)
            canvas.setStrokeColor(GREY)
            canvas.setLineWidth(0.6)
            canvas.rect(x, box_y, box_width, box_height)
            canvas.restoreState()
            canvas.setFillColor(GREY)
            canvas.setFont(REGULAR, 7)
            canvas.drawCentredString(x + box_width / 2, box_y + box_height / 2 + 1, "Meterai")
            canvas.drawCentredString(x + box_width / 2, box_y + box_height / 2 - 7, "Rp10.000")
            canvas.setFillColor(colors.black)
        y -= self._gap
        if self._name_lines:
            canvas.setFont(BOLD, size)
            canvas.setLineWidth(0.5)
            for line in self._name_lines:
                canvas.drawCentredString(middle, y, line)
                half = stringWidth(line, BOLD, size) / 2
                canvas.line(middle - half, y - 2, middle + half, y - 2)
                y -= size * 1.35
        else:
            canvas.setFont(REGULAR, size)
            canvas.drawCentredString(middle, y, "(" + "." * 40 + ")")


def side_by_side(left: Flowable, right: Flowable, width: float, *, gap: float = 6 * mm) -> Table:
    """Two columns of ``(width - gap) / 2`` each, e.g. two ``label_value_table``s, tops aligned."""
    half = (width - gap) / 2
    table = Table([[left, "", right]], colWidths=[half, gap, half])
    table.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    return table


def signature_pair(left: Flowable, right: Flowable, width: float) -> Table:
    """Two signature blocks side by side, each centred in half of ``width``."""
    table = Table([[left, right]], colWidths=[width / 2, width / 2])
    table.setStyle(plain_style(("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, -1), "CENTER")))
    return table


@contextmanager
def binary_streams():
    """Page streams compressed but not ASCII85-wrapped while building: without ReportLab's C
    accelerator, its pure-Python ASCII85 encoder costs a quarter of a second per 100 pages.
    Either form is a valid PDF, so another document built meanwhile is not harmed."""
    before = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = before


class LedgerRows(Flowable):
    """A long one-line-per-row table, drawn straight onto the page.

    Looks like ``chunked_tables`` (green header repeated on every page, striped rows, a bold
    totals row) but costs a few microseconds a cell instead of ReportLab's Table's ~30: fit
    for 20,000 rows. Cells are plain strings, clipped with an ellipsis to their column;
    ``right`` columns (money) are right-aligned.
    """

    _PAD = 3

    def __init__(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        col_widths: Sequence[float],
        *,
        right: Sequence[int] = (),
        font_size: float = 7,
        row_height: float = 10.5,
        footer: Sequence[str] | None = None,
        start: int = 0,
        end: int | None = None,
    ) -> None:
        super().__init__()
        self._header, self._rows, self._widths = list(header), rows, list(col_widths)
        self._right, self._size, self._row_height = frozenset(right), font_size, row_height
        self._footer, self._start = footer, start
        self._end = len(rows) if end is None else end
        self.width = sum(self._widths)

    def _count(self) -> int:
        return self._end - self._start + (1 if self._footer is not None and self._end == len(self._rows) else 0)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.height = (1 + self._count()) * self._row_height
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        fits = int(available_height / self._row_height) - 1  # less the header row
        if self._start + fits >= self._end:  # only the totals row lacked room: the last row goes with it
            fits = self._end - self._start - 1
        if fits < 2:
            return []
        parts = (self._start, self._start + fits), (self._start + fits, self._end)
        return [self._part(first, last) for first, last in parts]

    def _part(self, start: int, end: int) -> LedgerRows:
        widths, right = self._widths, sorted(self._right)
        return LedgerRows(self._header, self._rows, widths, right=right, font_size=self._size, row_height=self._row_height, footer=self._footer, start=start, end=end)

    def draw(self) -> None:
        canvas, pitch, size = self.canv, self._row_height, self._size
        rows = list(self._rows[self._start : self._end])
        with_footer = self._footer is not None and self._end == len(self._rows)
        top = self.height
        canvas.setFillColor(GREEN)
        canvas.rect(0, top - pitch, self.width, pitch, stroke=0, fill=1)
        stripes = canvas.beginPath()
        for index in range(1, len(rows), 2):
            stripes.rect(0, top - pitch * (index + 2), self.width, pitch)
        canvas.setFillColor(STRIPE)
        canvas.drawPath(stripes, stroke=0, fill=1)
        if with_footer:
            canvas.setFillColor(PALE_GREEN)
            canvas.rect(0, 0, self.width, pitch, stroke=0, fill=1)
        canvas.setStrokeColor(GREEN)
        canvas.setLineWidth(0.6)
        canvas.line(0, 0, self.width, 0)
        lefts = [sum(self._widths[:column]) for column in range(len(self._widths))]
        baseline = (pitch - size * 0.72) / 2  # cap height centred in the row
        text = canvas.beginText()
        text.setFillColor(colors.white)
        self._line(text, self._header, lefts, top - pitch + baseline, BOLD)
        text.setFillColor(colors.black)
        text.setFont(REGULAR, size)
        for index, row in enumerate(rows, start=2):
            self._line(text, row, lefts, top - pitch * index + baseline, None)
        if with_footer:
            self._line(text, self._footer, lefts, baseline, BOLD)
        canvas.drawText(text)

    def _line(self, text, row: Sequence[str], lefts: list[float], y: float, font: str | None) -> None:
        """One row's cells into the page's single text object: the text operators are written
        directly for text the built-in fonts' WinAnsi encoding holds (nearly all); anything
        else takes ReportLab's own, slower path."""
        size, widths, right, code = self._size, self._widths, self._right, text._code
        face = font or REGULAR
        if font:
            text.setFont(font, size)
        for column, value in enumerate(row):
            if not value:
                continue
            room = widths[column] - 2 * self._PAD
            value = fitted_text(value, room, face, size)
            x = lefts[column] + self._PAD
            if column in right:
                x += room - text_width(value, face, size)
            escaped = pdf_string(value)
            if escaped is not None:
                code.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm ({escaped}) Tj")
            else:
                text.setTextOrigin(x, y)
                text.textOut(value)
        if font:
            text.setFont(REGULAR, size)


@lru_cache(maxsize=8)
def _glyph_widths(font: str) -> dict[str, float]:
    """Each character's width at 1 pt, for the characters a built-in font's encoding holds."""
    widths = getFont(font).widths
    table = {}
    for byte in range(32, 256):
        try:
            character = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            continue
        table[character] = widths[byte] / 1000
    return table


def text_width(value: str, font: str, size: float) -> float:
    """``stringWidth`` for a built-in font, from a cached glyph table when WinAnsi holds the text."""
    table = _glyph_widths(font)
    try:
        return sum(map(table.__getitem__, value)) * size
    except KeyError:
        return stringWidth(value, font, size)


@lru_cache(maxsize=65536)
def fitted_text(value: str, room: float, font: str, size: float) -> str:
    """``clip`` for a built-in font, cached and walking the glyph table once."""
    table = _glyph_widths(font)
    if text_width(value, font, size) <= room:
        return value
    if not all(character in table for character in value):
        return clip(value, room, font, size)
    room = room / size - table["\u2026"]
    used = 0.0
    for index, character in enumerate(value):
        used += table[character]
        if used > room:
            return value[:index].rstrip() + "\u2026"
    return value


_PLAIN_BYTE = [chr(byte) if 32 <= byte < 127 and byte not in b"()\\" else f"\\{byte:03o}" for byte in range(256)]


def pdf_string(value: str) -> str | None:
    """A PDF string literal's inside for a built-in font, or None when WinAnsi lacks a character."""
    if value.isascii():
        return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    try:
        encoded = value.encode("cp1252")
    except UnicodeEncodeError:
        return None
    return "".join(_PLAIN_BYTE[byte] for byte in encoded)


def amount_in_words(amount: int) -> str:
    """"Satu juta lima ratus ribu rupiah": terbilang with a capital, as written on a receipt."""
    words = terbilang_rupiah(amount)
    return words[:1].upper() + words[1:]
