"""Importing a list from Excel, as every import shares it: the sheet's columns and their template, reading a file
from outside safely (an old .xls, a zip bomb, a million rows, a cell of a gigabyte are refused with a message
naming the limit), matching columns by their header, the rejected rows written back with their reason, and the
progress a long check or save reports between rows. The member roster (services/members/importing) and the
savings opening balances (services/savings/opening) are such imports.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from koperasi.domain.errors import DomainError

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

PROGRESS_STEP = 200  # rows between two progress reports (and chances to cancel)
EXAMPLE_PREFIX = "contoh:"  # a row whose first column starts so is the template's example, never imported
_DATE_FORMAT = "DD-MM-YYYY"
_TEXT_FORMAT = "@"
_OLD_EXCEL = b"\xd0\xcf\x11\xe0"  # the .xls (Excel 97-2003) file signature
_LAST_ROW = 1_048_576  # Excel's last row
BOLD = Font(bold=True)
EXAMPLE = Font(italic=True, color="808080")

# Limits of one import, far above a real list (a desa's roster is hundreds of rows; 10,000 rows of the
# template are about 1 MB packed and 6 MB unpacked) and far below what hurts an office PC: one cell of
# 1 GiB or a zip bomb of a million rows took gigabytes of memory before these limits.
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # the sum of the sizes the zip declares; zipfile reads no further
MAX_ROWS = 50_000
MAX_CELL_CHARS = 1_000


@dataclass(frozen=True, slots=True)
class SheetColumn:
    key: str
    header: str
    width: int
    help: str
    required: bool = False
    number_format: str | None = None  # TEXT for numbers that must stay text (a NIK), DATE, or None


TEXT, DATE = _TEXT_FORMAT, _DATE_FORMAT


@dataclass(frozen=True, slots=True)
class SheetForm:
    """One import's sheet: its name, its columns (the first names the row, its example starts "Contoh:") and the
    words its messages use."""

    sheet: str
    columns: tuple[SheetColumn, ...]
    template: str  # "templat impor anggota": what the clerk should fill instead
    split_hint: str  # how to make a file too large smaller: "Bagi daftar anggota menjadi beberapa berkas, …"

    def header_of(self, key: str) -> str:
        return next(column.header for column in self.columns if column.key == key)


def check_file_size(size: int, form: SheetForm) -> None:
    """Refuse a file too large to import, before it is read into memory."""
    if size > MAX_FILE_BYTES:
        raise DomainError(
            f"Berkas terlalu besar untuk diimpor ({_megabytes(size)} MB; batas {_megabytes(MAX_FILE_BYTES)} MB). "
            f"{form.split_hint}"
        )


def read_sheet(data: bytes, form: SheetForm) -> list[tuple[int, dict[str, object]]]:
    """The sheet's filled rows as (Excel row number, cells by column key), read row by row.

    Refuses a file over the limits above with a message naming the limit."""
    if data.startswith(_OLD_EXCEL):
        raise DomainError("Berkas ini berformat Excel lama (.xls). Buka di Excel, simpan sebagai .xlsx, lalu impor lagi.")
    check_file_size(len(data), form)
    _check_unpacked_size(data, form)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:
        raise _unreadable(form) from error
    try:
        sheet = workbook[form.sheet] if form.sheet in workbook.sheetnames else workbook.worksheets[0]
        sheet.reset_dimensions()  # some programs write a wrong sheet size; read every row there is
        return _filled_rows(sheet.iter_rows(values_only=True), form)
    except DomainError:
        raise
    except Exception as error:
        raise _unreadable(form) from error
    finally:
        workbook.close()


def _filled_rows(raw: Iterable[tuple[object, ...]], form: SheetForm) -> list[tuple[int, dict[str, object]]]:
    rows: list[tuple[int, dict[str, object]]] = []
    positions: dict[str, int] | None = None
    first = form.columns[0].key
    for number, values in enumerate(raw, start=1):
        if number > MAX_ROWS + 1:  # the header row is not counted
            raise DomainError(f"Berkas berisi lebih dari {thousands(MAX_ROWS)} baris (batas satu kali impor). {form.split_hint}")
        if positions is None:
            positions = _positions(values, form)
            continue
        cells = {key: values[index] if index < len(values) else None for key, index in positions.items()}
        _check_cell_lengths(number, cells, form)
        cells.update({c.key: None for c in form.columns if c.key not in positions})
        if any(cell_text(value) for value in cells.values()) and not cell_text(cells[first]).casefold().startswith(EXAMPLE_PREFIX):
            rows.append((number, cells))
    if positions is None:
        _positions((), form)
    return rows


def _check_cell_lengths(number: int, cells: dict[str, object], form: SheetForm) -> None:
    for key, value in cells.items():
        if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
            raise DomainError(
                f"Baris {number}, kolom {form.header_of(key)}: isi sel lebih dari {thousands(MAX_CELL_CHARS)} karakter "
                "(batas impor). Perbaiki sel itu lalu impor lagi."
            )


def _check_unpacked_size(data: bytes, form: SheetForm) -> None:
    """A small .xlsx can unpack to gigabytes (a zip bomb): add up what the zip says it holds."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(item.file_size for item in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise _unreadable(form) from error
    if unpacked > MAX_UNPACKED_BYTES:
        raise DomainError(
            f"Isi berkas Excel ini terlalu besar untuk diimpor ({_megabytes(unpacked)} MB setelah dibuka; "
            f"batas {_megabytes(MAX_UNPACKED_BYTES)} MB). {form.split_hint}"
        )


def _unreadable(form: SheetForm) -> DomainError:
    # Whatever openpyxl trips over in a file from outside, the clerk's remedy is the same.
    return DomainError(
        f"Berkas ini tidak dapat dibaca sebagai berkas Excel (.xlsx). Pastikan berkasnya benar, atau isi ulang {form.template}."
    )


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f}" if size >= 1024 * 1024 else f"{size / (1024 * 1024):.1f}".replace(".", ",")


def thousands(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def cell_text(value: object) -> str:
    """A cell as text with its spacing tidied; a whole number typed as 12.0 reads 12."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def form_sheet(
    workbook: Workbook, form: SheetForm, *, before: Sequence[tuple[str, int]] = (), after: Sequence[tuple[str, int]] = ()
) -> WriteOnlyWorksheet:
    """The form's sheet in a write-only workbook: its columns between ``before`` and ``after`` (title, width), with
    the bold header row written and frozen."""
    sheet = workbook.create_sheet(form.sheet)
    formats = [None] * len(before) + [c.number_format for c in form.columns] + [None] * len(after)
    headers = [*before, *((c.header, c.width) for c in form.columns), *after]
    for index, ((_, width), number_format) in enumerate(zip(headers, formats, strict=True), start=1):
        dimension = sheet.column_dimensions[get_column_letter(index)]
        dimension.width = width
        if number_format:
            dimension.number_format = number_format
    sheet.freeze_panes = "A2"
    sheet.append([cell(sheet, title, font=BOLD) for title, _ in headers])
    return sheet


def rejected_workbook(form: SheetForm, rejected: Iterable[tuple[Sequence[object], str]]) -> bytes:
    """The rejected rows (cells as found, in the form's column order) with the reason, to fix and import again."""
    workbook = Workbook(write_only=True)
    sheet = form_sheet(workbook, form, after=[("Alasan ditolak", 70)])
    for cells, reason in rejected:
        sheet.append([cell(sheet, value) for value in (*cells, reason)])
    return workbook_bytes(workbook)


def cell(sheet: WriteOnlyWorksheet, value: object, *, font: Font | None = None) -> object:
    """What to append for ``value``: dates shown day first, text never taken for a formula.

    Plain values go as they are; a styled cell for each of 100,000 rows would slow the export.
    """
    if font is None and not isinstance(value, date) and not (isinstance(value, str) and value.startswith("=")):
        return value
    result = WriteOnlyCell(sheet, value)
    if isinstance(value, date):
        result.number_format = _DATE_FORMAT
    elif isinstance(value, str) and value.startswith("="):
        result.data_type = "s"  # a name typed as "=..." must not run as a formula when opened
    if font is not None:
        result.font = font
    return result


def workbook_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def list_rule(form: SheetForm, key: str, formula: str, error: str) -> DataValidation:
    """A dropdown for a column, from below the header to Excel's last row."""
    letter = get_column_letter(next(i for i, c in enumerate(form.columns, start=1) if c.key == key))
    rule = DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=True, error=error)
    rule.add(f"{letter}2:{letter}{_LAST_ROW}")
    return rule


def step(done: int, total: int, progress: Progress | None, cancelled: Cancelled | None) -> None:
    """Between rows: stop if the clerk cancelled, report every PROGRESS_STEP rows and at the last."""
    if cancelled is not None and cancelled():
        raise DomainError("Impor dibatalkan.")
    if progress is not None and (done % PROGRESS_STEP == 0 or done == total):
        progress(done, total)


def _positions(header: Iterable[object], form: SheetForm) -> dict[str, int]:
    """Where each column is; other columns (an export's Nomor anggota, say) are ignored."""
    keys = {_header_key(c.header): c.key for c in form.columns}
    positions: dict[str, int] = {}
    for index, title in enumerate(header):
        key = keys.get(_header_key(title))
        if key is not None:
            positions.setdefault(key, index)
    missing = [c.header for c in form.columns if c.required and c.key not in positions]
    if missing:
        raise DomainError(f"Kolom wajib tidak ditemukan di baris pertama: {', '.join(missing)}. Gunakan {form.template}.")
    return positions


def _header_key(text: object) -> str:
    """A header as matched on import: without the '*' and the hint in brackets, any case and spacing."""
    return " ".join(str(text or "").split("(")[0].replace("*", "").split()).casefold()


HELP_SHEET = "Petunjuk"


def write_help(
    workbook: Workbook, form: SheetForm, *, title: str, notes: Sequence[str], lists: Sequence[tuple[str, Sequence[str]]] = ()
) -> list[tuple[int, int]]:
    """The Petunjuk sheet: each column with its help, the notes, then each named list (a dropdown's source).
    Returns the first and last row of each list."""
    sheet = workbook.create_sheet(HELP_SHEET)
    sheet.column_dimensions["A"].width = 32
    sheet.column_dimensions["B"].width = 100
    rows: list[list[object]] = [
        [cell(sheet, title, font=BOLD)],
        [],
        [cell(sheet, "Kolom", font=BOLD), cell(sheet, "Keterangan", font=BOLD)],
        *([c.header, c.help + (" Wajib diisi." if c.required else "")] for c in form.columns),
        [],
        [cell(sheet, "Catatan", font=BOLD)],
        *([note] for note in notes),
    ]
    ranges = []
    for name, values in lists:
        rows += [[], [cell(sheet, name, font=BOLD)]]
        ranges.append((len(rows) + 1, len(rows) + len(values)))
        rows += [[value] for value in values]
    for row in rows:
        sheet.append(row)
    return ranges
