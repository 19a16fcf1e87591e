"""Who may do what: roles, permissions and the acting user.

Permission checks live in the services (not only the GUI), so the rules are
here, free of any database or Qt, and every service asks ``require``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import StrEnum

from koperasi.domain.errors import PermissionDenied


class Role(StrEnum):
    ADMIN = "admin"
    MANAGER = "manager"
    TREASURER = "treasurer"
    CLERK = "clerk"

    @property
    def label(self) -> str:
        return _ROLE_LABELS[self]


_ROLE_LABELS = {
    Role.ADMIN: "Admin",
    Role.MANAGER: "Ketua/Manajer",
    Role.TREASURER: "Bendahara",
    Role.CLERK: "Petugas/Kasir",
}


class Permission(StrEnum):
    USE_APP = "use_app"
    MANAGE_USERS = "manage_users"
    EDIT_OFFICE = "edit_office"
    EDIT_REGIONS = "edit_regions"
    VIEW_AUDIT = "view_audit"
    EDIT_MEMBERS = "edit_members"
    MANAGE_GROUPS = "manage_groups"
    MANAGE_CATEGORIES = "manage_categories"
    MANAGE_FUNDS = "manage_funds"
    APPLY_LOANS = "apply_loans"
    DECIDE_LOANS = "decide_loans"
    DISBURSE_LOANS = "disburse_loans"
    TAKE_REPAYMENTS = "take_repayments"
    REVERSE_MOVEMENTS = "reverse_movements"
    WRITE_OFF_LOANS = "write_off_loans"
    MANAGE_TRAININGS = "manage_trainings"
    ISSUE_CERTIFICATES = "issue_certificates"
    MANAGE_CATALOGUE = "manage_catalogue"
    RECORD_SALES = "record_sales"
    PAY_PRODUCERS = "pay_producers"
    REVERSE_SALES = "reverse_sales"
    RECORD_MEETINGS = "record_meetings"
    PUBLISH_OPPORTUNITIES = "publish_opportunities"
    WRITE_REFERRALS = "write_referrals"
    RECORD_SAVINGS = "record_savings"
    REVERSE_SAVINGS = "reverse_savings"
    MANAGE_SAVINGS_RATES = "manage_savings_rates"
    RECORD_CASH = "record_cash"
    REVERSE_CASH = "reverse_cash"
    MANAGE_ACCOUNTS = "manage_accounts"
    CLOSE_BOOKS = "close_books"
    APPROVE_BOOK_CLOSING = "approve_book_closing"
    MANAGE_SHU_RULES = "manage_shu_rules"
    REVERSE_SHU_PAYMENTS = "reverse_shu_payments"
    MAKE_BACKUPS = "make_backups"
    RESTORE_BACKUPS = "restore_backups"
    VIEW_HOUSEHOLDS = "view_households"
    RECORD_VISITS = "record_visits"
    MANAGE_IMPACT = "manage_impact"
    EXCHANGE_REPORTS = "exchange_reports"

    @property
    def label(self) -> str:
        return _PERMISSION_LABELS[self]


_PERMISSION_LABELS = {
    Permission.USE_APP: "memakai aplikasi",
    Permission.MANAGE_USERS: "mengelola pengguna",
    Permission.EDIT_OFFICE: "mengubah profil kantor",
    Permission.EDIT_REGIONS: "mengubah daftar wilayah",
    Permission.VIEW_AUDIT: "melihat catatan audit",
    Permission.EDIT_MEMBERS: "mendaftar dan mengubah data anggota",
    Permission.MANAGE_GROUPS: "mengelola kelompok",
    Permission.MANAGE_CATEGORIES: "mengubah daftar kategori kerentanan",
    Permission.MANAGE_FUNDS: "mengelola sumber dana dan produk pinjaman",
    Permission.APPLY_LOANS: "mengajukan pinjaman",
    Permission.DECIDE_LOANS: "menyetujui, menolak atau menjadwal ulang pinjaman",
    Permission.DISBURSE_LOANS: "mencairkan pinjaman",
    Permission.TAKE_REPAYMENTS: "menerima angsuran",
    Permission.REVERSE_MOVEMENTS: "membatalkan transaksi pinjaman",
    Permission.WRITE_OFF_LOANS: "menghapusbukukan pinjaman",
    Permission.MANAGE_TRAININGS: "mengelola pelatihan, peserta dan daftar hadir",
    Permission.ISSUE_CERTIFICATES: "menerbitkan sertifikat pelatihan",
    Permission.MANAGE_CATALOGUE: "mengelola katalog barang, saluran dan jasa penjualan",
    Permission.RECORD_SALES: "mencatat titipan dan penjualan",
    Permission.PAY_PRODUCERS: "membayar hasil penjualan kepada penitip",
    Permission.REVERSE_SALES: "membatalkan titipan, penjualan atau pembayaran",
    Permission.RECORD_MEETINGS: "mencatat pertemuan komunitas, kehadiran dan tindak lanjutnya",
    Permission.PUBLISH_OPPORTUNITIES: "mengumumkan dan mengubah peluang di papan peluang",
    Permission.WRITE_REFERRALS: "mencatat rujukan, menulis surat rujukan dan mencatat hasilnya",
    Permission.RECORD_SAVINGS: "menerima setoran dan membayar penarikan simpanan",
    Permission.REVERSE_SAVINGS: "membatalkan transaksi simpanan",
    Permission.MANAGE_SAVINGS_RATES: "mengatur besar simpanan pokok dan wajib",
    Permission.RECORD_CASH: "mencatat pemasukan dan pengeluaran kas kantor",
    Permission.REVERSE_CASH: "membatalkan transaksi kas kantor",
    Permission.MANAGE_ACCOUNTS: "menambah dan mengubah akun pendapatan dan beban",
    Permission.CLOSE_BOOKS: "meminta tutup buku, membagi dan membayar SHU",
    Permission.APPROVE_BOOK_CLOSING: "menyetujui tutup buku",
    Permission.MANAGE_SHU_RULES: "mengatur pembagian SHU menurut AD/ART",
    Permission.REVERSE_SHU_PAYMENTS: "membatalkan pembayaran SHU anggota",
    Permission.MAKE_BACKUPS: "membuat cadangan data",
    Permission.RESTORE_BACKUPS: "memulihkan data dari cadangan",
    # Income and household figures are personal: seeing them (and exporting them) is a right of its own.
    Permission.VIEW_HOUSEHOLDS: "melihat data rumah tangga, kunjungan dan laporan dampak",
    Permission.RECORD_VISITS: "mencatat data rumah tangga dan kunjungan pendampingan",
    Permission.MANAGE_IMPACT: "mengatur jadwal kunjungan dan garis kemiskinan",
    Permission.EXCHANGE_REPORTS: "mengirim atau menerima paket laporan kabupaten",
}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.MANAGER: frozenset(
        {
            Permission.USE_APP,
            Permission.EDIT_REGIONS,
            Permission.VIEW_AUDIT,
            Permission.EDIT_MEMBERS,
            Permission.MANAGE_GROUPS,
            Permission.MANAGE_CATEGORIES,
            Permission.MANAGE_FUNDS,
            Permission.APPLY_LOANS,
            Permission.DECIDE_LOANS,
            Permission.REVERSE_MOVEMENTS,
            Permission.WRITE_OFF_LOANS,
            Permission.MANAGE_TRAININGS,
            Permission.ISSUE_CERTIFICATES,
            Permission.MANAGE_CATALOGUE,
            Permission.RECORD_SALES,
            Permission.REVERSE_SALES,
            Permission.RECORD_MEETINGS,
            Permission.PUBLISH_OPPORTUNITIES,
            Permission.WRITE_REFERRALS,
            Permission.REVERSE_SAVINGS,
            Permission.MANAGE_SAVINGS_RATES,
            Permission.REVERSE_CASH,
            Permission.MANAGE_ACCOUNTS,
            # The chair approves the treasurer's year-end close (four eyes) and keeps the AD/ART's SHU shares.
            Permission.APPROVE_BOOK_CLOSING,
            Permission.MANAGE_SHU_RULES,
            # as every money reversal: the treasurer (or the chair) asks, the other approves
            Permission.REVERSE_SHU_PAYMENTS,
            Permission.MAKE_BACKUPS,
            Permission.VIEW_HOUSEHOLDS,
            Permission.RECORD_VISITS,
            Permission.MANAGE_IMPACT,
            Permission.EXCHANGE_REPORTS,
        }
    ),
    # Treasurers hold the cash: they disburse and correct, but do not approve.
    Role.TREASURER: frozenset(
        {
            Permission.USE_APP,
            Permission.EDIT_MEMBERS,
            Permission.DISBURSE_LOANS,
            Permission.TAKE_REPAYMENTS,
            Permission.REVERSE_MOVEMENTS,
            Permission.RECORD_SALES,
            Permission.PAY_PRODUCERS,
            Permission.REVERSE_SALES,
            Permission.RECORD_SAVINGS,
            Permission.REVERSE_SAVINGS,
            # The office's own cash book is the treasurer's: income, expenses and their categories.
            Permission.RECORD_CASH,
            Permission.REVERSE_CASH,
            Permission.MANAGE_ACCOUNTS,
            Permission.CLOSE_BOOKS,
            Permission.REVERSE_SHU_PAYMENTS,
            Permission.MAKE_BACKUPS,
        }
    ),
    Role.CLERK: frozenset(
        {
            Permission.USE_APP,
            Permission.EDIT_MEMBERS,
            Permission.MANAGE_GROUPS,
            Permission.APPLY_LOANS,
            Permission.TAKE_REPAYMENTS,
            Permission.MANAGE_TRAININGS,
            Permission.RECORD_SALES,
            Permission.RECORD_MEETINGS,
            Permission.PUBLISH_OPPORTUNITIES,
            Permission.WRITE_REFERRALS,
            # The clerk enters the visit sheets the field officers bring back.
            Permission.VIEW_HOUSEHOLDS,
            Permission.RECORD_VISITS,
            Permission.RECORD_SAVINGS,
        }
    ),
}


@dataclass(frozen=True, slots=True)
class Actor:
    """The logged-in user on whose behalf a service acts (plain data, safe across threads)."""

    user_id: uuid.UUID
    username: str
    full_name: str
    role: Role

    def can(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]


def four_eyes_refusal(asked_by: uuid.UUID, actor: Actor, refusal: str) -> str | None:
    """Four eyes: whoever asked for a decision (a loan, a reversal) does not take it.

    ``refusal`` says so in the words of the screen that asks; None when ``actor`` may decide."""
    return refusal if asked_by == actor.user_id else None


def require(actor: Actor, permission: Permission) -> None:
    if not actor.can(permission):
        raise PermissionDenied(
            f"Peran Anda ({actor.role.label}) tidak berwenang untuk {permission.label}."
        )
