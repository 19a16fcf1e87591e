"""NIK (Nomor Induk Kependudukan): the 16-digit number on every Indonesian KTP.

Layout ``PP KK CC DDMMYY SSSS``: province, regency/city and district codes,
birth date (day + 40 for women), then a serial. The number says where it was
first issued, not where the person lives now, so any regency is accepted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from koperasi.domain.dates import format_date
from koperasi.domain.errors import ValidationError
from koperasi.domain.people import Sex

# Kemendagri province codes (Kepmendagri 100.1.1-6117/2022 and successors):
# Sumatra 11-19, Kepulauan Riau 21, Java 31-36, Nusa Tenggara and Bali 51-53,
# Kalimantan 61-65, Sulawesi 71-76, Maluku 81-82, and the six Papua provinces
# 91-96 (Papua, Papua Barat, Papua Selatan, Papua Tengah, Papua Pegunungan,
# Papua Barat Daya). BPS numbers Papua differently (up to 97); NIKs use Kemendagri.
PROVINCE_CODES = frozenset(
    f"{code:02d}"
    for code in (
        *range(11, 20),
        21,
        *range(31, 37),
        *range(51, 54),
        *range(61, 66),
        *range(71, 77),
        81,
        82,
        *range(91, 97),
    )
)

_FIELD = "nik"
_SEPARATORS = re.compile(r"[\s.\-]")
_FEMALE_DAY_OFFSET = 40


@dataclass(frozen=True)
class NikInfo:
    nik: str
    province_code: str
    regency_code: str
    district_code: str
    birth_date: date
    sex: Sex
    serial: str


def parse_nik(text: str, *, today: date) -> NikInfo:
    """Validate a NIK and read what it encodes.

    ``today`` fixes the century: the birth year is the latest one whose last
    two digits match and that does not put the birth after ``today``. A person
    aged 100 or more therefore reads as a century younger.
    """
    nik = _SEPARATORS.sub("", text)
    if not nik:
        raise ValidationError("NIK wajib diisi.", field=_FIELD)
    if re.fullmatch(r"[0-9]+", nik) is None:
        raise ValidationError("NIK hanya boleh berisi angka.", field=_FIELD)
    if len(nik) != 16:
        raise ValidationError("NIK harus 16 digit angka.", field=_FIELD)
    province, regency, district = nik[0:2], nik[2:4], nik[4:6]
    if province not in PROVINCE_CODES:
        raise ValidationError(
            f"Kode provinsi {province} pada NIK tidak dikenal; periksa dua digit pertama.",
            field=_FIELD,
        )
    if regency == "00":
        raise ValidationError(
            "Kode kabupaten/kota pada NIK (digit 3–4) tidak boleh 00.", field=_FIELD
        )
    if district == "00":
        raise ValidationError("Kode kecamatan pada NIK (digit 5–6) tidak boleh 00.", field=_FIELD)
    birth_date, sex = _birth(nik[6:12], today)
    serial = nik[12:16]
    if serial == "0000":
        raise ValidationError(
            "Nomor urut pada NIK (empat digit terakhir) tidak boleh 0000.", field=_FIELD
        )
    return NikInfo(nik, province, regency, district, birth_date, sex, serial)


def nik_mismatches(info: NikInfo, *, sex: Sex | None, birth_date: date | None) -> list[str]:
    """Warnings where the form disagrees with the NIK; the caller decides whether to proceed.

    Birth dates are compared on day, month and two-digit year, because the
    century is only inferred from the NIK.
    """
    warnings: list[str] = []
    if sex is not None and sex != info.sex:
        warnings.append(
            f"NIK menunjukkan {info.sex.label.lower()}, "
            f"tetapi jenis kelamin yang diisi {sex.label.lower()}."
        )
    if birth_date is not None and _day_month_yy(birth_date) != _day_month_yy(info.birth_date):
        warnings.append(
            f"NIK menunjukkan tanggal lahir {format_date(info.birth_date)}, "
            f"tetapi tanggal lahir yang diisi {format_date(birth_date)}."
        )
    return warnings


def _birth(ddmmyy: str, today: date) -> tuple[date, Sex]:
    day, month, yy = int(ddmmyy[0:2]), int(ddmmyy[2:4]), int(ddmmyy[4:6])
    sex = Sex.MALE
    if day > _FEMALE_DAY_OFFSET:
        day -= _FEMALE_DAY_OFFSET
        sex = Sex.FEMALE
    latest_year = today.year - (today.year - yy) % 100
    # The latest matching year may put the birth after today, or lack a 29 February
    # (2000 was a leap year, 1900 and 2100 are not); a century earlier is the only other choice.
    for year in (latest_year, latest_year - 100):
        try:
            born = date(year, month, day)
        except ValueError:
            continue
        if born <= today:
            return born, sex
    raise ValidationError(
        "Tanggal lahir pada NIK (digit 7–12) tidak mungkin; untuk perempuan tanggal ditambah 40.",
        field=_FIELD,
    )


def _day_month_yy(d: date) -> tuple[int, int, int]:
    return d.day, d.month, d.year % 100
