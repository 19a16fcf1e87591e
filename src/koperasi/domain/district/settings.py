"""The district's settings: which side of the exchange this installation is, and what a packet may carry."""

from __future__ import annotations

from koperasi.domain.errors import ValidationError
from koperasi.domain.office.settings import Setting
from koperasi.domain.roles import Permission

OFFICE_MODE, DISTRICT_MODE = "kantor", "kabupaten"


def _check_mode(value: str) -> None:
    if value not in (OFFICE_MODE, DISTRICT_MODE):
        raise ValidationError("Mode program harus 'kantor' atau 'kabupaten'.", field="program_mode")


def _parse_flag(value: str) -> bool:
    return value == "True"


def _check_flag(value: bool) -> None:
    if not isinstance(value, bool):
        raise ValidationError("Pilihan ini hanya ya atau tidak.", field="district_personal_data")


def _check_stale_days(value: int) -> None:
    if type(value) is not int or not 1 <= value <= 365:
        raise ValidationError("Batas umur paket harus 1–365 hari.", field="district_stale_days")


# "kabupaten": the installation of the district programme office, which imports packets and changes no office's records.
PROGRAM_MODE: Setting[str] = Setting(
    key="program_mode",
    label="Mode program",
    default=OFFICE_MODE,
    parse=str,
    check=_check_mode,
    show=lambda value: "Mode kabupaten" if value == DISTRICT_MODE else "Kantor kecamatan",
    changed_with=Permission.EDIT_OFFICE,
)

# Off by default: the district sees counts by kecamatan, sex and dates, never who.
PERSONAL_DATA: Setting[bool] = Setting(
    key="district_personal_data",
    label="Sertakan nama, nomor anggota dan NIK di paket laporan kabupaten",
    default=False,
    parse=_parse_flag,
    check=_check_flag,
    show=lambda value: "ya" if value else "tidak",
    changed_with=Permission.EXCHANGE_REPORTS,
)

# District mode: an office whose newest packet is older than this is marked on the consolidated view.
STALE_DAYS: Setting[int] = Setting(
    key="district_stale_days",
    label="Paket kantor dianggap lama setelah (hari)",
    default=35,
    parse=int,
    check=_check_stale_days,
    show=lambda value: f"{value} hari",
    changed_with=Permission.EXCHANGE_REPORTS,
)


def normal_public_key(typed: str) -> str:
    """The district's public key as typed or pasted (any case, spaces, dashes) in its stored form, "" for none."""
    digits = "".join(ch for ch in typed.lower() if ch not in " -:\t\r\n")
    if digits:
        _check_public_key(digits)
    return digits


def _check_public_key(value: str) -> None:
    if value and (len(value) != 64 or any(ch not in "0123456789abcdef" for ch in value)):
        raise ValidationError("Kunci kabupaten harus 64 angka/huruf heksadesimal (0-9, a-f), seperti yang diberikan "
                              "kabupaten.", field="district_public_key")


# At an office: the district's X25519 public key (hex); when set, packets are sealed so only the district opens them.
DISTRICT_KEY: Setting[str] = Setting(
    key="district_public_key",
    label="Kunci kabupaten untuk mengunci paket laporan",
    default="",
    parse=str,
    check=_check_public_key,
    show=lambda value: value or "tidak ada (paket tidak dikunci)",
    changed_with=Permission.EXCHANGE_REPORTS,
)
