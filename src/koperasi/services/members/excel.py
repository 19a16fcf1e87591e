"""The member roster as an Excel sheet: its columns, the blank template, reading and writing.

Import, export and the sheet of rejected rows share these columns, so a file exported
from the program, or the rejected rows once fixed, imports again as it is.
"""

from __future__ import annotations

from datetime import date

from openpyxl import Workbook
from sqlalchemy.orm import Session

from koperasi.services.members.categories import list_categories
from koperasi.services.office.regions import list_kecamatan
from koperasi.services.sheet_import import (
    DATE,
    EXAMPLE,
    HELP_SHEET,
    TEXT,
    SheetColumn,
    SheetForm,
    cell,
    form_sheet,
    list_rule,
    read_sheet,
    workbook_bytes,
    write_help,
)
from koperasi.services import sheet_import

COLUMNS: tuple[SheetColumn, ...] = (
    SheetColumn("full_name", "Nama lengkap*", 28, "Nama sesuai KTP.", required=True),
    SheetColumn(
        "nik", "NIK", 20,
        "16 digit sesuai KTP; boleh kosong. Kolom ini berformat Teks: jangan ubah menjadi Angka, "
        "karena Excel hanya menyimpan 15 digit angka dan mengubah digit terakhir.", number_format=TEXT,
    ),
    SheetColumn("kk_number", "No. KK", 20, "Nomor Kartu Keluarga, 16 digit; boleh kosong.", number_format=TEXT),
    SheetColumn(
        "sex", "Jenis kelamin* (L/P)", 12, "L untuk laki-laki, P untuk perempuan (Laki-laki atau Perempuan juga diterima).",
        required=True,
    ),
    SheetColumn("birth_place", "Tempat lahir", 16, "Kota atau kabupaten tempat lahir; boleh kosong."),
    SheetColumn(
        "birth_date", "Tanggal lahir* (HH-BB-TTTT)", 16,
        "Misalnya 12-05-1985 atau 12/05/1985, atau tanggal Excel. Anggota minimal berusia 17 tahun; "
        "anak dicatat sebagai anggota keluarga di program, bukan di sini.",
        required=True, number_format=DATE,
    ),
    SheetColumn("address", "Alamat", 30, "RT/RW, dusun atau jalan; paling banyak 250 karakter."),
    SheetColumn("kecamatan", "Kecamatan*", 18, "Salah satu kecamatan pada daftar di bawah.", required=True),
    SheetColumn(
        "desa", "Desa*", 20,
        "Nama desa atau kelurahan seperti tercatat di program (menu Wilayah) untuk kecamatan itu. "
        "Huruf besar/kecil dan spasi tidak berpengaruh.",
        required=True,
    ),
    SheetColumn("phone", "Telepon", 16, "Nomor HP atau telepon, misalnya 0812-3456-7890; boleh kosong.", number_format=TEXT),
    SheetColumn("occupation", "Pekerjaan", 18, "Misalnya Petani karet; boleh kosong."),
    SheetColumn(
        "categories", "Kategori (pisahkan dengan ;)", 32,
        "Kategori kerentanan dari daftar di bawah, dipisah titik koma, misalnya: Petani kecil; Buruh harian.",
    ),
    SheetColumn("join_date", "Tanggal bergabung (HH-BB-TTTT)", 18, "Bila kosong, dipakai tanggal impor.", number_format=DATE),
)
ROSTER = SheetForm(
    "Anggota", COLUMNS, template="templat impor anggota",
    split_hint="Bagi daftar anggota menjadi beberapa berkas, misalnya per desa.",
)

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
    sheet = form_sheet(workbook, ROSTER)
    (first, last), _ = write_help(workbook, ROSTER, title="Petunjuk pengisian daftar anggota", notes=_NOTES,
                                  lists=[("Daftar kecamatan", kecamatan), ("Daftar kategori", categories)])
    example = {
        "full_name": "Contoh: Siti Aminah", "nik": "1503045205850003", "kk_number": "1503040101100007", "sex": "P",
        "birth_place": "Sarolangun", "birth_date": date(1985, 5, 12), "address": "RT 03 Dusun 2", "kecamatan": "Pauh",
        "desa": "Lamban Sigatal", "phone": "0812-3456-7890", "occupation": "Petani karet",
        "categories": "; ".join(categories[:2]), "join_date": date(2024, 1, 15),
    }
    sheet.append([cell(sheet, example[c.key], font=EXAMPLE) for c in COLUMNS])
    sheet.data_validations.append(list_rule(ROSTER, "sex", '"L,P"', "Isi L (laki-laki) atau P (perempuan)."))
    # The dropdown reads the names on the Petunjuk sheet: an inline list is limited to 255 characters.
    sheet.data_validations.append(list_rule(ROSTER, "kecamatan", f"{HELP_SHEET}!$A${first}:$A${last}", "Pilih kecamatan dari daftar."))
    return workbook_bytes(workbook)


def check_file_size(size: int) -> None:
    """Refuse a roster file too large to import, before it is read into memory."""
    sheet_import.check_file_size(size, ROSTER)


def read_roster(data: bytes) -> list[tuple[int, dict[str, object]]]:
    """The roster's filled rows as (Excel row number, cells by column key); refuses a file over the import limits."""
    return read_sheet(data, ROSTER)


def roster_sheet(workbook: Workbook, *, before=(), after=()):
    """The Anggota sheet of a write-only workbook: the roster columns between ``before`` and ``after`` (title,
    width), with the bold header row written and frozen."""
    return form_sheet(workbook, ROSTER, before=before, after=after)
