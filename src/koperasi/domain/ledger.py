"""The chart of accounts and the rule every journal entry obeys: debits equal credits.

Accounts that belong to a revolving fund (its capital, the loans lent from it and what
was written off) carry the fund as a dimension on each line, so what a fund has
available to lend is read off the journal, not kept in a separate counter.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, is_dataclass
from datetime import date
from enum import StrEnum

from koperasi.domain.errors import ValidationError


class Account(StrEnum):
    CASH = "1101"
    LOANS_RECEIVABLE = "1301"
    PRODUCER_PAYABLE = "2101"  # members' share of consignment sales, owed until paid out
    SAVINGS_SUKARELA = "2201"  # voluntary savings: owed to the member, drawn on at any time
    SHU_PAYABLE = "2301"  # members' SHU (jasa modal, jasa usaha) divided and not yet paid
    FUND_BOARD = "2311"  # the SHU's funds (dana-dana): owed to their purpose until spent
    FUND_STAFF = "2312"
    FUND_EDUCATION = "2313"
    FUND_SOCIAL = "2314"
    FUND_AREA_DEVELOPMENT = "2315"
    SAVINGS_POKOK = "3201"  # members' equity, returned only when a member leaves
    SAVINGS_WAJIB = "3202"
    REVOLVING_FUND = "3101"
    WRITTEN_OFF_LOANS = "3109"  # contra to the fund: a written-off loan is capital the fund lost
    SHU_CURRENT = "3301"  # a closed year's income less its expenses, until the SHU is divided
    RESERVE = "3302"  # cadangan: the SHU's part the cooperative keeps
    SHU_UNDIVIDED = "3303"  # a part no member could share in (no basis): the RAT decides
    OPENING_BALANCE = "3901"  # what an office moving from paper brought in (savings' opening balances), until sorted out
    COMMISSION_INCOME = "4101"
    ADMIN_FEE_INCOME = "4102"
    # The cash book's own categories; the office adds more under the same groups (``AccountGroup``).
    GRANT_INCOME = "4201"
    OTHER_INCOME = "4901"
    OPERATING_EXPENSE = "5101"
    HONORARIA_EXPENSE = "5102"
    TRAINING_EXPENSE = "5103"
    TRANSPORT_EXPENSE = "5104"

    @classmethod
    def _missing_(cls, value: object) -> Account | None:
        """An account the office added to the chart (an income or expense code the program does not name):
        made on first use and kept, so ``Account(code)`` reads any journal line back."""
        if isinstance(value, str) and OFFICE_CODE.fullmatch(value):
            member = str.__new__(cls, value)
            member._name_, member._value_ = f"OFFICE_{value}", value
            return cls._value2member_map_.setdefault(value, member)
        return None

    @property
    def label(self) -> str:
        """The program's name of its own accounts; an office account's name is in the chart (services/accounts)."""
        return _ACCOUNT_LABELS.get(self, f"Akun {self.value}")

    @property
    def group(self) -> AccountGroup | None:
        """Income or expense (the groups the office may extend); None for the balance-sheet accounts."""
        return next((group for group in AccountGroup if self.value.startswith(group.value)), None)

    @property
    def debit_normal(self) -> bool:
        return self in _DEBIT_NORMAL or self.group is AccountGroup.EXPENSE


_ACCOUNT_LABELS = {
    Account.CASH: "Kas",
    Account.LOANS_RECEIVABLE: "Piutang pinjaman anggota",
    Account.PRODUCER_PAYABLE: "Hutang hasil penjualan anggota",
    Account.SAVINGS_SUKARELA: "Simpanan sukarela anggota",
    Account.SHU_PAYABLE: "Hutang SHU anggota",
    Account.FUND_BOARD: "Dana pengurus",
    Account.FUND_STAFF: "Dana karyawan",
    Account.FUND_EDUCATION: "Dana pendidikan",
    Account.FUND_SOCIAL: "Dana sosial",
    Account.FUND_AREA_DEVELOPMENT: "Dana pembangunan daerah kerja",
    Account.SAVINGS_POKOK: "Simpanan pokok",
    Account.SAVINGS_WAJIB: "Simpanan wajib",
    Account.REVOLVING_FUND: "Dana bergulir",
    Account.WRITTEN_OFF_LOANS: "Piutang dihapusbukukan",
    Account.SHU_CURRENT: "SHU tahun berjalan",
    Account.RESERVE: "Cadangan",
    Account.SHU_UNDIVIDED: "SHU belum dibagikan",
    Account.OPENING_BALANCE: "Ekuitas saldo awal",
    Account.COMMISSION_INCOME: "Pendapatan jasa penjualan",
    Account.ADMIN_FEE_INCOME: "Pendapatan administrasi",
    Account.GRANT_INCOME: "Pendapatan hibah dan donasi",
    Account.OTHER_INCOME: "Pendapatan lain-lain",
    Account.OPERATING_EXPENSE: "Beban operasional kantor",
    Account.HONORARIA_EXPENSE: "Beban honorarium",
    Account.TRAINING_EXPENSE: "Beban pelatihan",
    Account.TRANSPORT_EXPENSE: "Beban transportasi",
}
# Codes an office may give its own accounts: four digits under the income (4) or expense (5) group.
OFFICE_CODE = re.compile(r"[45][0-9]{3}")
_PROGRAM_CODES = frozenset(account.value for account in _ACCOUNT_LABELS)  # never given to an office account
# Income the other areas post by themselves (sales commission, loan admin fees): not for the cash book.
POSTED_BY_AREAS = frozenset({Account.COMMISSION_INCOME, Account.ADMIN_FEE_INCOME})


class AccountGroup(StrEnum):
    """The fixed parents of the chart an office extends: every income code starts with 4, every expense with 5."""

    INCOME = "4"
    EXPENSE = "5"

    @property
    def label(self) -> str:
        return "Pendapatan" if self is AccountGroup.INCOME else "Beban"


_DEBIT_NORMAL = frozenset({Account.CASH, Account.LOANS_RECEIVABLE, Account.WRITTEN_OFF_LOANS})
FUND_ACCOUNTS = frozenset({Account.LOANS_RECEIVABLE, Account.REVOLVING_FUND, Account.WRITTEN_OFF_LOANS})
# The chart's classes by the code's first digit: 4 income and 5 expenses close into SHU tahun berjalan each year.
INCOME_CLASS, EXPENSE_CLASS = "4", "5"


class ClosingStatus(StrEnum):
    """A financial year's close (book_closings): asked for, approved (the year is locked) or turned down."""

    PENDING = "pending"
    CLOSED = "closed"
    REJECTED = "rejected"


# What the database's trigger (migration 0019) says when an entry is dated in a closed year.
CLOSED_YEAR_SIGNAL = "a journal entry is dated in a closed financial year"


def closed_year_refusal(day: date) -> str:
    """Why a posting dated ``day`` is refused: its financial year is closed."""
    return (
        f"Tahun buku {day.year} sudah ditutup: tidak ada transaksi yang dapat dibukukan dengan tanggal "
        f"{day:%d-%m-%Y}. Koreksi dicatat sebagai pembatalan atau transaksi baru bertanggal di tahun buku "
        "yang masih terbuka."
    )


class UnbalancedEntry(ValueError):
    """A programming error: the caller built an entry whose debits and credits differ."""


@dataclass(frozen=True, slots=True)
class Line:
    account: Account
    debit: int = 0
    credit: int = 0
    fund_source_id: uuid.UUID | None = None

    def reversed(self) -> Line:
        return Line(self.account, self.credit, self.debit, self.fund_source_id)


def debit(account: Account, amount: int, fund_source_id: uuid.UUID | None = None) -> Line:
    return Line(account, debit=amount, fund_source_id=fund_source_id)


def credit(account: Account, amount: int, fund_source_id: uuid.UUID | None = None) -> Line:
    return Line(account, credit=amount, fund_source_id=fund_source_id)


def check_balanced(lines: Sequence[Line]) -> None:
    """Refuse an entry that is empty, unbalanced, fractional, negative or missing its fund."""
    if len(lines) < 2:
        raise UnbalancedEntry("a journal entry needs at least two lines")
    for line in lines:
        if type(line.debit) is not int or type(line.credit) is not int:
            raise UnbalancedEntry(f"{line.account}: amounts must be int rupiah")
        if line.debit < 0 or line.credit < 0 or (line.debit == 0) == (line.credit == 0):
            raise UnbalancedEntry(f"{line.account}: exactly one of debit or credit must be positive")
        if (line.account in FUND_ACCOUNTS) != (line.fund_source_id is not None):
            raise UnbalancedEntry(f"{line.account}: fund accounts, and only they, name a fund source")
    debits = sum(line.debit for line in lines)
    credits = sum(line.credit for line in lines)
    if debits != credits:
        raise UnbalancedEntry(f"debits {debits} != credits {credits}")


def request_digest(facts: Mapping[str, object]) -> str:
    """A fingerprint of what one save asked for (which loan, how much, which day, ...).

    Stored on the journal entry beside the request id, so a second save with the same id can be
    told apart: the same facts are a retry, other facts are a reused id. Dates, UUIDs and enums
    count by their text; nested dataclasses (a sale's lines) by their fields, in order.
    """
    plain = {name: _fields_of(value) if is_dataclass(value) else value for name, value in facts.items()}
    text = json.dumps(plain, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def _fields_of(value: object) -> object:
    """What ``dataclasses.asdict`` gives, as JSON sees it, without its deep copy of every value (a 10-line
    sale's digest spent 0.3 ms copying). Digests already stored must not change: the same JSON text."""
    if is_dataclass(value):
        return {field.name: _fields_of(getattr(value, field.name)) for field in fields(value)}
    if isinstance(value, (list, tuple)):
        return [_fields_of(item) for item in value]
    if isinstance(value, dict):
        return {_fields_of(key): _fields_of(item) for key, item in value.items()}
    return value


def check_reason(reason: str, what: str) -> str:
    """A correction's reason (every reversal carries one): 5 to 500 letters, spaces tidied."""
    cleaned = " ".join((reason or "").split())
    if len(cleaned) < 5:
        raise ValidationError(f"Tuliskan alasan {what} (paling sedikit 5 huruf).", field="reason")
    if len(cleaned) > 500:
        raise ValidationError("Alasan terlalu panjang (paling banyak 500 huruf).", field="reason")
    return cleaned



def check_account_name(name: str) -> str:
    """An account's name in the chart: 3 to 80 letters, spaces tidied."""
    cleaned = " ".join((name or "").split())
    if len(cleaned) < 3:
        raise ValidationError("Tuliskan nama akun (paling sedikit 3 huruf).", field="name")
    if len(cleaned) > 80:
        raise ValidationError("Nama akun terlalu panjang (paling banyak 80 huruf).", field="name")
    return cleaned


def check_new_account_code(code: str, group: AccountGroup, taken: set[str]) -> str:
    """A code the office gives a new income or expense account: four digits under its group, not yet used."""
    code = (code or "").strip()
    if not OFFICE_CODE.fullmatch(code) or not code.startswith(group.value):
        raise ValidationError(
            f"Kode akun {group.label.lower()} terdiri dari 4 angka dan diawali {group.value} (misalnya {group.value}301).",
            field="code",
        )
    if code in taken or code in _PROGRAM_CODES:
        raise ValidationError(f"Kode akun {code} sudah dipakai; pilih kode lain.", field="code")
    return code


def next_free_code(group: AccountGroup, taken: set[str]) -> str:
    """The code proposed for a new account: the first free one from x301 (x1xx and x2xx are the program's,
    x9xx "lain-lain"); the clerk may type another."""
    used = taken | {account.value for account in Account}
    start = int(group.value + "301")
    return next((str(n) for n in range(start, start + 600) if str(n) not in used), "")
