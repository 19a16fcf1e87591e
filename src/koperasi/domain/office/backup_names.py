"""Backup files: their names, and the words the program uses to describe what one holds.

A backup is called ``<office code>-<YYYYMMDD-HHMMSS>[-N].koperasi-backup`` (local time of the PC that
made it; ``-N`` only when two are made in the same second). The name is for people and for keeping the
newest N; what a backup holds (office, time in UTC, schema) is read from the file itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

SUFFIX = ".koperasi-backup"
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<code>[A-Z][A-Z0-9]{1,5})-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d{1,4}))?" + re.escape(SUFFIX) + r"$")

# The main tables a backup's summary counts, in the order a person reads them.
COUNT_LABELS: dict[str, str] = {
    "members": "Anggota",
    "household_members": "Anggota keluarga",
    "member_groups": "Kelompok",
    "loans": "Pinjaman",
    "loan_movements": "Transaksi pinjaman",
    "journal_entries": "Jurnal",
    "training_programmes": "Program pelatihan",
    "training_participants": "Peserta pelatihan",
    "training_certificates": "Sertifikat",
    "sales": "Penjualan",
    "payouts": "Pembayaran kepada penitip",
    "users": "Pengguna",
    "audit_events": "Catatan audit",
}


@dataclass(frozen=True, slots=True)
class BackupName:
    office_code: str
    made_at_local: datetime  # naive: the wall-clock time of the PC that made it
    number: int  # 0, or N when several were made in the same second

    @property
    def sort_key(self) -> tuple[datetime, int]:
        return (self.made_at_local, self.number)


def backup_file_name(office_code: str, made_at_local: datetime, number: int = 0) -> str:
    extra = f"-{number}" if number else ""
    return f"{office_code}-{made_at_local.strftime(_STAMP)}{extra}{SUFFIX}"


def parse_backup_name(name: str) -> BackupName | None:
    """The parts of a name this program gave a backup, or None for any other file."""
    match = _NAME.match(name)
    if match is None:
        return None
    try:
        made = datetime.strptime(match["stamp"], _STAMP)
    except ValueError:
        return None
    return BackupName(match["code"], made, int(match["n"] or 0))


def kept_aside_name(stem: str, suffix: str, made_at_local: datetime) -> str:
    """The current database's own copy made just before a restore replaces it."""
    return f"{stem}.sebelum-pemulihan-{made_at_local.strftime(_STAMP)}{suffix or '.db'}"


def describe_counts(counts: dict[str, int]) -> list[tuple[str, int]]:
    """(label, count) in reading order, for a confirmation dialog or the command line."""
    return [(COUNT_LABELS.get(table, table), count) for table, count in counts.items()]
