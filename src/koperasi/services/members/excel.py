"""The member roster as an Excel sheet: its columns, the blank template, reading and writing.

Import, export and the sheet of rejected rows share these columns, so a file exported
from the program, or the rejected rows once fixed, imports again as it is.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from sqlalchemy.orm import Session

from koperasi.domain.errors import DomainError
from koperasi.services.members.register import list_categories
from koperasi.services.office.regions import list_kecamatan

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

_SHEET = "Anggota"
_HELP_SHEET = "Petunjuk"
_EXAMPLE_PREFIX = "contoh:"  # a row whose name starts so is the template's example, never imported
_DATE_FORMAT = "DD-MM-YYYY"
_TEXT_FORMAT = "@"
_OLD_EXCEL = b"\xd0\xcf\x11\xe0"  # the .xls (Excel 97-2003) file signature
_LAST_ROW = 1_048_576  # Excel's last row
_BOLD = Font(bold=True)
_EXAMPLE = Font(italic=True, color="808080")

# Limits of one import, far above a real roster (a desa's roster is hundreds of rows; 10,000 rows of the
# template are about 1 MB packed and 6 MB unpacked) and far below what hurts an office PC: one cell of
# 1 GiB or a zip bomb of a million rows took gigabytes of memory before these limits.
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # the sum of the sizes the zip declares; zipfile reads no further
MAX_ROWS = 50_000
MAX_CELL_CHARS = 1_000


@dataclass(frozen=True, slots=True)
class RosterColumn:
    key: str
    header: str
    width: int
    help: str
    required: bool = False


COLUMNS: tuple[RosterColumn, ...] = (
    RosterColumn("full_name", "Nama lengkap*", 28, "Nama sesuai KTP.", required=True),
    RosterColumn(
        "nik", "NIK", 20,
        "16 digit sesuai KTP; boleh kosong. Kolom ini berformat Teks: jangan ubah menjadi Angka, "
        "karena Excel hanya menyimpan 15 digit angka dan mengubah digit terakhir.",
    ),
    RosterColumn("kk_number", "No. KK", 20, "Nomor Kartu Keluarga, 16 digit; boleh kosong."),
    RosterColumn(
        "sex", "Jenis kelamin* (L/P)", 12, "L untuk laki-laki, P untuk perempuan (Laki-laki atau Perempuan juga diterima).",
        required=True,
    ),
    RosterColumn("birth_place", "Tempat lahir", 16, "Kota atau kabupaten tempat lahir; boleh kosong."),
    RosterColumn(
        "birth_date", "Tanggal lahir* (HH-BB-TTTT)", 16,
        "Misalnya 12-05-1985 atau 12/05/1985, atau tanggal Excel. Anggota minimal berusia 17 tahun; "
        "anak dicatat sebagai anggota keluarga di program, bukan di sini.",
        required=True,
    ),
    RosterColumn("address", "Alamat", 30, "RT/RW, dusun atau jalan; paling banyak 250 karakter."),
    RosterColumn("kecamatan", "Kecamatan*", 18, "Salah satu kecamatan pada daftar di bawah.", required=True),
    RosterColumn(
        "desa", "Desa*", 20,
        "Nama desa atau kelurahan seperti tercatat di program (menu Wilayah) untuk kecamatan itu. "
        "Huruf besar/kecil dan spasi tidak berpengaruh.",
        required=True,
    ),
    RosterColumn("phone", "Telepon", 16, "Nomor HP atau telepon, misalnya 0812-3456-7890; boleh kosong."),
    RosterColumn("occupation", "Pekerjaan", 18, "Misalnya Petani karet; boleh kosong."),
    RosterColumn(
        "categories", "Kategori (pisahkan dengan ;)", 32,
        "Kategori kerentanan dari daftar di bawah, dipisah titik koma, misalnya: Petani kecil; Buruh harian.",
    ),
    RosterColumn("join_date", "Tanggal bergabung (HH-BB-TTTT)", 18, "Bila kosong, dipakai tanggal impor."),
)
_TEXT_KEYS = frozenset({"nik", "kk_number", "phone"})
_DATE_KEYS = frozenset({"birth_date", "join_date"})

_NOTES = (
    "Kolom bertanda * wajib diisi.",
    "Baris pertama lembar Anggota berisi nama kolom: jangan diubah. Urutan kolom boleh diubah; kolom lain diabaikan.",
    "Baris contoh (namanya diawali 'Contoh:') tidak ikut diimpor; boleh dihapus atau ditimpa.",
    "Sebelum menyimpan, program menampilkan pratinjau. Baris yang ditolak beserta alasannya dapat disimpan "
    "sebagai berkas Excel, diperbaiki, lalu diimpor lagi.",
    "Baris yang lolos disimpan sekaligus: bila satu gagal saat disimpan, tidak ada yang tersimpan.",
)


def roster_template(session: Session) -> bytes:
    """A blank roster: the Anggota sheet with one example row, and a Petunjuk sheet."""
    kecamatan = [row.name for row in list_kecamatan(session)]
    categories = [name for _, name in list_categories(session)]
    workbook = Workbook(write_only=True)
    sheet = roster_sheet(workbook)
    first, last = _write_help(workbook.create_sheet(_HELP_SHEET), kecamatan, categories)
    example = {
        "full_name": "Contoh: Siti Aminah", "nik": "1503045205850003", "kk_number": "1503040101100007", "sex": "P",
        "birth_place": "Sarolangun", "birth_date": date(1985, 5, 12), "address": "RT 03 Dusun 2", "kecamatan": "Pauh",
        "desa": "Lamban Sigatal", "phone": "0812-3456-7890", "occupation": "Petani karet",
        "categories": "; ".join(categories[:2]), "join_date": date(2024, 1, 15),
    }
    sheet.append([cell(sheet, example[c.key], font=_EXAMPLE) for c in COLUMNS])
    sheet.data_validations.append(_list_rule("sex", '"L,P"', "Isi L (laki-laki) atau P (perempuan)."))
    # The dropdown reads the names on the Petunjuk sheet: an inline list is limited to 255 characters.
    sheet.data_validations.append(_list_rule("kecamatan", f"{_HELP_SHEET}!$A${first}:$A${last}", "Pilih kecamatan dari daftar."))
    return workbook_bytes(workbook)


def check_file_size(size: int) -> None:
    """Refuse a roster file too large to import, before it is read into memory."""
    if size > MAX_FILE_BYTES:
        raise DomainError(
            f"Berkas terlalu besar untuk diimpor ({_megabytes(size)} MB; batas {_megabytes(MAX_FILE_BYTES)} MB). "
            "Bagi daftar anggota menjadi beberapa berkas, misalnya per desa."
        )


def read_roster(data: bytes) -> list[tuple[int, dict[str, object]]]:
    """The roster's filled rows as (Excel row number, cells by column key), read row by row.

    Refuses a file over the limits above with a message naming the limit."""
    if data.startswith(_OLD_EXCEL):
        raise DomainError("Berkas ini berformat Excel lama (.xls). Buka di Excel, simpan sebagai .xlsx, lalu impor lagi.")
    check_file_size(len(data))
    _check_unpacked_size(data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:
        raise _unreadable() from error
    try:
        sheet = workbook[_SHEET] if _SHEET in workbook.sheetnames else workbook.worksheets[0]
        sheet.reset_dimensions()  # some programs write a wrong sheet size; read every row there is
        return _filled_rows(sheet.iter_rows(values_only=True))
    except DomainError:
        raise
    except Exception as error:
        raise _unreadable() from error
    finally:
        workbook.close()


def _filled_rows(raw: Iterable[tuple[object, ...]]) -> list[tuple[int, dict[str, object]]]:
    rows: list[tuple[int, dict[str, object]]] = []
    positions: dict[str, int] | None = None
    for number, values in enumerate(raw, start=1):
        if number > MAX_ROWS + 1:  # the header row is not counted
            raise DomainError(
                f"Berkas berisi lebih dari {_thousands(MAX_ROWS)} baris (batas satu kali impor). "
                "Bagi daftar anggota menjadi beberapa berkas, misalnya per desa."
            )
        if positions is None:
            positions = _positions(values)
            continue
        cells = {key: values[index] if index < len(values) else None for key, index in positions.items()}
        _check_cell_lengths(number, cells)
        cells.update({c.key: None for c in COLUMNS if c.key not in positions})
        if any(cell_text(value) for value in cells.values()) and not _is_example(cells):
            rows.append((number, cells))
    if positions is None:
        _positions(())
    return rows


def _check_cell_lengths(number: int, cells: dict[str, object]) -> None:
    for key, value in cells.items():
        if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
            header = next(c.header for c in COLUMNS if c.key == key)
            raise DomainError(
                f"Baris {number}, kolom {header}: isi sel lebih dari {_thousands(MAX_CELL_CHARS)} karakter "
                "(batas impor). Perbaiki sel itu lalu impor lagi."
            )


def _check_unpacked_size(data: bytes) -> None:
    """A small .xlsx can unpack to gigabytes (a zip bomb): add up what the zip says it holds."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(item.file_size for item in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise _unreadable() from error
    if unpacked > MAX_UNPACKED_BYTES:
        raise DomainError(
            f"Isi berkas Excel ini terlalu besar untuk diimpor ({_megabytes(unpacked)} MB setelah dibuka; "
            f"batas {_megabytes(MAX_UNPACKED_BYTES)} MB). Bagi daftar anggota menjadi beberapa berkas."
        )


def _unreadable() -> DomainError:
    # Whatever openpyxl trips over in a file from outside, the clerk's remedy is the same.
    return DomainError(
        "Berkas ini tidak dapat dibaca sebagai berkas Excel (.xlsx). Pastikan berkasnya benar, "
        "atau isi ulang templat impor anggota."
    )


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f}" if size >= 1024 * 1024 else f"{size / (1024 * 1024):.1f}".replace(".", ",")


def _thousands(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def cell_text(value: object) -> str:
    """A cell as text with its spacing tidied; a whole number typed as 12.0 reads 12."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def roster_sheet(
    workbook: Workbook, *, before: Sequence[tuple[str, int]] = (), after: Sequence[tuple[str, int]] = ()
) -> WriteOnlyWorksheet:
    """The Anggota sheet of a write-only workbook: the roster columns between ``before`` and
    ``after`` (title, width), with the bold header row written and frozen."""
    sheet = workbook.create_sheet(_SHEET)
    formats = [None] * len(before) + [_format(c.key) for c in COLUMNS] + [None] * len(after)
    headers = [*before, *((c.header, c.width) for c in COLUMNS), *after]
    for index, ((_, width), number_format) in enumerate(zip(headers, formats, strict=True), start=1):
        dimension = sheet.column_dimensions[get_column_letter(index)]
        dimension.width = width
        if number_format:
            dimension.number_format = number_format
    sheet.freeze_panes = "A2"
    sheet.append([cell(sheet, title, font=_BOLD) for title, _ in headers])
    return sheet


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


def _positions(header: Iterable[object]) -> dict[str, int]:
    """Where each roster column is; other columns (an export's Nomor anggota, say) are ignored."""
    keys = {_header_key(c.header): c.key for c in COLUMNS}
    positions: dict[str, int] = {}
    for index, title in enumerate(header):
        key = keys.get(_header_key(title))
        if key is not None:
            positions.setdefault(key, index)
    missing = [c.header for c in COLUMNS if c.required and c.key not in positions]
    if missing:
        raise DomainError(
            f"Kolom wajib tidak ditemukan di baris pertama: {', '.join(missing)}. Gunakan templat impor anggota."
        )
    return positions


def _header_key(text: object) -> str:
    """A header as matched on import: without the '*' and the hint in brackets, any case and spacing."""
    return " ".join(str(text or "").split("(")[0].replace("*", "").split()).casefold()


def _is_example(cells: dict[str, object]) -> bool:
    return cell_text(cells["full_name"]).casefold().startswith(_EXAMPLE_PREFIX)


def _format(key: str) -> str | None:
    # Typed NIKs stay text (Excel keeps only 15 digits of a number); typed dates show day first.
    if key in _TEXT_KEYS:
        return _TEXT_FORMAT
    return _DATE_FORMAT if key in _DATE_KEYS else None


def _list_rule(key: str, formula: str, error: str) -> DataValidation:
    """A dropdown for a roster column, from below the header to Excel's last row."""
    letter = get_column_letter(next(i for i, c in enumerate(COLUMNS, start=1) if c.key == key))
    rule = DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=True, error=error)
    rule.add(f"{letter}2:{letter}{_LAST_ROW}")
    return rule


def _write_help(sheet: WriteOnlyWorksheet, kecamatan: list[str], categories: list[str]) -> tuple[int, int]:
    """Write the Petunjuk sheet; returns the rows holding the kecamatan names (the dropdown's source)."""
    sheet.column_dimensions["A"].width = 32
    sheet.column_dimensions["B"].width = 100
    rows: list[list[object]] = [
        [cell(sheet, "Petunjuk pengisian daftar anggota", font=_BOLD)],
        [],
        [cell(sheet, "Kolom", font=_BOLD), cell(sheet, "Keterangan", font=_BOLD)],
        *([c.header, c.help + (" Wajib diisi." if c.required else "")] for c in COLUMNS),
        [],
        [cell(sheet, "Catatan", font=_BOLD)],
        *([note] for note in _NOTES),
        [],
        [cell(sheet, "Daftar kecamatan", font=_BOLD)],
    ]
    first = len(rows) + 1
    rows += [[name] for name in kecamatan]
    last = len(rows)
    rows += [[], [cell(sheet, "Daftar kategori", font=_BOLD)], *([name] for name in categories)]
    for row in rows:
        sheet.append(row)
    return first, last
