"""The chart of accounts and the rule every journal entry obeys: debits equal credits.

Accounts that belong to a revolving fund (its capital, the loans lent from it and what
was written off) carry the fund as a dimension on each line, so what a fund has
available to lend is read off the journal, not kept in a separate counter.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, is_dataclass
from enum import StrEnum

from koperasi.domain.errors import ValidationError


class Account(StrEnum):
    CASH = "1101"
    LOANS_RECEIVABLE = "1301"
    PRODUCER_PAYABLE = "2101"  # members' share of consignment sales, owed until paid out
    SAVINGS_SUKARELA = "2201"  # voluntary savings: owed to the member, drawn on at any time
    SAVINGS_POKOK = "3201"  # members' equity, returned only when a member leaves
    SAVINGS_WAJIB = "3202"
    REVOLVING_FUND = "3101"
    WRITTEN_OFF_LOANS = "3109"  # contra to the fund: a written-off loan is capital the fund lost
    COMMISSION_INCOME = "4101"
    ADMIN_FEE_INCOME = "4102"

    @property
    def label(self) -> str:
        return _ACCOUNT_LABELS[self]

    @property
    def debit_normal(self) -> bool:
        return self in _DEBIT_NORMAL


_ACCOUNT_LABELS = {
    Account.CASH: "Kas",
    Account.LOANS_RECEIVABLE: "Piutang pinjaman anggota",
    Account.PRODUCER_PAYABLE: "Hutang hasil penjualan anggota",
    Account.SAVINGS_SUKARELA: "Simpanan sukarela anggota",
    Account.SAVINGS_POKOK: "Simpanan pokok",
    Account.SAVINGS_WAJIB: "Simpanan wajib",
    Account.REVOLVING_FUND: "Dana bergulir",
    Account.WRITTEN_OFF_LOANS: "Piutang dihapusbukukan",
    Account.COMMISSION_INCOME: "Pendapatan jasa penjualan",
    Account.ADMIN_FEE_INCOME: "Pendapatan administrasi",
}
_DEBIT_NORMAL = frozenset({Account.CASH, Account.LOANS_RECEIVABLE, Account.WRITTEN_OFF_LOANS})
FUND_ACCOUNTS = frozenset({Account.LOANS_RECEIVABLE, Account.REVOLVING_FUND, Account.WRITTEN_OFF_LOANS})


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
    plain = {name: asdict(value) if is_dataclass(value) else value for name, value in facts.items()}
    text = json.dumps(plain, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def check_reason(reason: str, what: str) -> str:
    """A correction's reason (every reversal carries one): 5 to 500 letters, spaces tidied."""
    cleaned = " ".join((reason or "").split())
    if len(cleaned) < 5:
        raise ValidationError(f"Tuliskan alasan {what} (paling sedikit 5 huruf).", field="reason")
    if len(cleaned) > 500:
        raise ValidationError("Alasan terlalu panjang (paling banyak 500 huruf).", field="reason")
    return cleaned

