"""What every Excel report shares: write-only sheets with a green header row frozen in place,
styled cells, and numbers that stay numbers (rupiah formatted as rupiah)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

RUPIAH = '"Rp"#,##0'
PERCENT = "0.0%"
DATE = "DD/MM/YYYY"

TITLE_FONT = Font(bold=True, size=13, color="1B5E3B")
_HEAD_FONT, _BOLD_FONT = Font(bold=True, color="FFFFFF"), Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="1B5E3B")
_HEAD_ALIGN = Alignment(wrap_text=True, vertical="center")


def sheet_title(name: str) -> str:
    """Excel allows 31 characters and none of []:*?/\\ in a sheet name."""
    return name.translate(str.maketrans("[]:*?/\\", "(()____"))[:31]


def add_sheet(book: Workbook, title: str, header: Sequence[str], widths: Sequence[int], *, heading: Sequence[str] = ()):
    """A sheet with its column widths; ``heading`` lines (the first as a title) and a blank row
    above the header row when given; everything down to the header row stays in view."""
    sheet = book.create_sheet(title=sheet_title(title))
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    above = len(heading) + 1 if heading else 0
    sheet.freeze_panes = f"A{above + 2}"
    for number, line in enumerate(heading):
        sheet.append([cell(sheet, line, font=TITLE_FONT)] if number == 0 else [line])
    if heading:
        sheet.append([])
    sheet.append(row(sheet, header, header=True))
    return sheet


def cell(sheet, value: object, number_format: str | None = None, *, font: Font | None = None, header: bool = False) -> WriteOnlyCell:
    made = WriteOnlyCell(sheet, value)
    if number_format:
        made.number_format = number_format
    if header:
        made.font, made.fill, made.alignment = _HEAD_FONT, _HEAD_FILL, _HEAD_ALIGN
    elif font is not None:
        made.font = font
    return made


def row(sheet, values: Sequence[object], formats: Sequence[str | None] = (), *, bold: bool = False, header: bool = False) -> list[WriteOnlyCell]:
    """One row's cells, ``formats[i]`` the number format of column i (None: general)."""
    font = _BOLD_FONT if bold else None
    return [
        cell(sheet, value, formats[index] if index < len(formats) else None, font=font, header=header)
        for index, value in enumerate(values)
    ]


def money_cell(sheet):
    """A maker of rupiah cells for ``sheet``: cheaper than ``row`` for long lists of mostly plain values."""

    def money(amount: int) -> WriteOnlyCell:
        made = WriteOnlyCell(sheet, amount)
        made.number_format = RUPIAH
        return made

    return money


def table_workbook(
    title: str, header: Sequence[str], widths: Sequence[int], rows: Iterable[Sequence[object]], *,
    formats: Sequence[str | None] = (), heading: Sequence[str] = (),
) -> Workbook:
    """A list as a one-sheet workbook: ``heading`` lines, the header row, then the rows (``formats[i]`` for column i)."""
    book = Workbook(write_only=True)
    sheet = add_sheet(book, title, header, widths, heading=heading)
    for values in rows:
        sheet.append(row(sheet, values, formats))
    return book
