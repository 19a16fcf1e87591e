"""Office-wide settings: each with its key, type, default, check and label in one place."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from koperasi.domain.errors import ValidationError
from koperasi.domain.roles import Permission
from koperasi.domain.sales.rules import check_commission, format_percent

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Setting(Generic[T]):
    key: str
    label: str
    default: T
    parse: Callable[[str], T]
    check: Callable[[T], None]
    show: Callable[[T], str]
    changed_with: Permission  # the right change_setting asks for: the commission is the catalogue keeper's, not the admin's


SALES_COMMISSION: Setting[int] = Setting(
    key="sales_commission_bp",
    label="Jasa penjualan koperasi (bawaan)",
    default=1000,  # 10 %
    parse=int,
    check=check_commission,
    show=format_percent,
    changed_with=Permission.MANAGE_CATALOGUE,
)

# The kabupaten/kota the office serves (chosen in the first-run wizard): its kecamatan and desa are home,
# others are neighbours added for members living across the border. Offices before 0008 were all Sarolangun.
HOME_KABUPATEN: Setting[str] = Setting(
    key="kabupaten_code",
    label="Kabupaten/kota kantor",
    default="15.03",
    parse=str,
    check=lambda value: None,
    show=str,
    changed_with=Permission.EDIT_OFFICE,
)



def _check_backup_keep(value: int) -> None:
    if not 1 <= value <= 365:
        raise ValidationError("Jumlah cadangan otomatis yang disimpan harus 1–365.", field="backup_keep")


def _check_backup_folder(value: str) -> None:
    if len(value) > 500 or "\n" in value or "\x00" in value:
        raise ValidationError("Folder cadangan tidak sah (paling banyak 500 karakter, satu baris).", field="backup_folder")


BACKUP_KEEP: Setting[int] = Setting(
    key="backup_keep",
    label="Jumlah cadangan otomatis yang disimpan",
    default=10,
    parse=int,
    check=_check_backup_keep,
    show=str,
    changed_with=Permission.RESTORE_BACKUPS,  # where copies of every record go: the admin's
)

# "" = the data folder's "cadangan" (paths.backups_dir()); services/office/backup.backup_folder resolves it.
BACKUP_FOLDER: Setting[str] = Setting(
    key="backup_folder",
    label="Folder cadangan otomatis",
    default="",
    parse=str,
    check=_check_backup_folder,
    show=lambda value: value or "folder data/cadangan (bawaan)",
    changed_with=Permission.RESTORE_BACKUPS,  # where copies of every record go: the admin's
)



MAX_NEW_ACCOUNT_DAYS = 365


def _check_new_account_days(value: int) -> None:
    if not 1 <= value <= MAX_NEW_ACCOUNT_DAYS:
        raise ValidationError(f"Batas umur akun baru harus 1–{MAX_NEW_ACCOUNT_DAYS} hari.", field="new_account_days")


# An approval by an account created this many days (or fewer) before the application or reversal request
# is listed in the audit report: an admin who makes a second account to approve their own loan shows.
NEW_ACCOUNT_DAYS: Setting[int] = Setting(
    key="new_account_days",
    label="Akun baru (hari) yang persetujuannya ditandai di catatan audit",
    default=30,
    parse=int,
    check=_check_new_account_days,
    show=lambda value: f"{value} hari",
    changed_with=Permission.MANAGE_USERS,
)

def _check_referral_days(value: int) -> None:
    if not 1 <= value <= 365:
        raise ValidationError("Batas hari rujukan tanpa hasil harus 1–365 hari.", field="referral_follow_up_days")


# A referral with no outcome this many days after it was made is a follow-up for the clerk (Beranda, Jaringan).
REFERRAL_FOLLOW_UP_DAYS: Setting[int] = Setting(
    key="referral_follow_up_days",
    label="Rujukan tanpa hasil ditindaklanjuti sesudah (hari)",
    default=14,
    parse=int,
    check=_check_referral_days,
    show=lambda value: f"{value} hari",
    changed_with=Permission.PUBLISH_OPPORTUNITIES,
)

SETTINGS: dict[str, Setting] = {
    setting.key: setting for setting in (SALES_COMMISSION, BACKUP_KEEP, BACKUP_FOLDER, NEW_ACCOUNT_DAYS, REFERRAL_FOLLOW_UP_DAYS)
}
