"""Indonesia's official regions (Kepmendagri 300.2.2-2138 Tahun 2025), read from the list shipped in the package.

Codes are the Kemendagri ones: ``15`` a province, ``15.03`` a kabupaten/kota, ``15.03.01`` a kecamatan,
``15.03.01.2001`` a desa/kelurahan (the fourth part starts with 1 for a kelurahan). The same ``kode,nama`` CSV
format is read from a newer file the office chooses, so names can be updated without a new program.
"""

from __future__ import annotations

import csv
import lzma
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from koperasi.domain.errors import ValidationError

SOURCE = "Kepmendagri No 300.2.2-2138 Tahun 2025 tentang Pemberian dan Pemutakhiran Kode, Data Wilayah Administrasi Pemerintahan"
_SHIPPED_FILE = "wilayah-kepmendagri-2025.csv.xz"
_NOTICE_FILE = "WILAYAH-LICENSE.txt"
_CODE = re.compile(r"\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?")
_DESA_PREFIXES = ("desa ", "kelurahan ")

PROVINCE, KABUPATEN, KECAMATAN, DESA = 1, 2, 3, 4
MAX_NAME = 80  # the name columns of kecamatan and desa


@dataclass(frozen=True, slots=True)
class Region:
    code: str
    name: str

    @property
    def level(self) -> int:
        return self.code.count(".") + 1

    @property
    def parent_code(self) -> str:
        return self.code.rpartition(".")[0]

    @property
    def kind(self) -> str:
        """For a desa-level code: 'kelurahan' when its last part starts with 1, else 'desa'."""
        return "kelurahan" if self.code.rpartition(".")[2].startswith("1") else "desa"


class Wilayah:
    """Regions sorted by code, so a region's descendants are one contiguous run (found by bisection)."""

    def __init__(self, regions: Iterable[Region]) -> None:
        ordered = sorted(regions, key=lambda region: region.code)
        self._codes = [region.code for region in ordered]
        self._regions = ordered

    def __len__(self) -> int:
        return len(self._codes)

    def get(self, code: str) -> Region | None:
        index = bisect_left(self._codes, code)
        return self._regions[index] if index < len(self._codes) and self._codes[index] == code else None

    def children(self, code: str) -> list[Region]:
        """The regions one level below ``code`` ("" gives the provinces)."""
        prefix = code + "." if code else ""
        start = bisect_left(self._codes, prefix)
        end = bisect_left(self._codes, prefix + "\uffff")  # past every code that starts with the prefix
        dots = code.count(".") + 1 if code else 0
        return [region for region in self._regions[start:end] if region.code.count(".") == dots]

    def provinces(self) -> list[Region]:
        return self.children("")

    def kabupaten(self, province_code: str) -> list[Region]:
        return self.children(province_code)

    def all_kabupaten(self) -> list[Region]:
        return [region for region in self._regions if region.level == KABUPATEN]

    def kecamatan(self, kabupaten_code: str) -> list[Region]:
        return self.children(kabupaten_code)

    def desa(self, kecamatan_code: str) -> list[Region]:
        return self.children(kecamatan_code)

    def regions(self) -> list[Region]:
        return list(self._regions)


def parse_regions(lines: Iterable[str]) -> list[Region]:
    """Rows of ``kode,nama`` (header first); a malformed file is refused with the line at fault."""
    reader = csv.reader(lines)
    header = next(reader, None)
    if header is None or [cell.strip().lower() for cell in header[:2]] != ["kode", "nama"]:
        raise ValidationError("Berkas wilayah harus berkolom 'kode,nama' seperti data resmi Kemendagri.", field="file")
    regions = []
    for number, row in enumerate(reader, start=2):
        if not row or not any(cell.strip() for cell in row):
            continue
        try:
            regions.append(checked_region(row[0], row[1] if len(row) > 1 else ""))
        except ValidationError as error:
            raise ValidationError(f"Baris {number} berkas wilayah: {error.message} ({','.join(row)[:60]})", field="file") from error
    return regions


def checked_region(code: object, name: object) -> Region:
    """A region as a file or a caller gives it: a Kemendagri code and a name that fits the database (80)."""
    if not isinstance(code, str) or not _CODE.fullmatch(code.strip()):
        raise ValidationError("Kode wilayah harus seperti 15, 15.03, 15.03.01 atau 15.03.01.2001.", field="code")
    clean = " ".join(name.split()) if isinstance(name, str) else ""
    if not clean or len(clean) > MAX_NAME or not clean.isprintable():
        raise ValidationError(f"Nama wilayah wajib diisi, paling banyak {MAX_NAME} karakter, tanpa karakter kendali.", field="name")
    return Region(code.strip(), clean)


def read_regions_file(path: Path) -> list[Region]:
    """A newer official list chosen by the office (plain CSV, UTF-8)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return parse_regions(handle)
    except UnicodeDecodeError as error:
        raise ValidationError("Berkas wilayah harus berupa CSV UTF-8.", field="file") from error
    except OSError as error:
        raise ValidationError(f"Berkas wilayah tidak dapat dibuka: {error.strerror or error}", field="file") from error


@cache
def shipped() -> Wilayah:
    """The list that ships with the program, read once (about 0.2 s) and kept."""
    data = resources.files("koperasi") / "data" / _SHIPPED_FILE
    with lzma.open(data.open("rb"), "rt", encoding="utf-8", newline="") as handle:
        return Wilayah(parse_regions(handle))


def notice() -> str:
    """The data's source and MIT notice, which must be shown wherever the data ships."""
    return (resources.files("koperasi") / "data" / _NOTICE_FILE).read_text(encoding="utf-8")


def short_kabupaten_name(name: str) -> str:
    """'Kabupaten Sarolangun' → 'Kab. Sarolangun' (a combo's width), 'Kota Jambi' unchanged."""
    return "Kab. " + name.removeprefix("Kabupaten ") if name.startswith("Kabupaten ") else name


def normalise_desa_name(name: str) -> str:
    """The form two spellings of a desa share: case, spaces and a leading 'Desa '/'Kelurahan ' do not count."""
    folded = " ".join(name.split()).casefold()
    for prefix in _DESA_PREFIXES:
        if folded.startswith(prefix) and len(folded) > len(prefix):
            return folded.removeprefix(prefix)
    return folded
