"""Simpanan pokok, wajib and sukarela: what each kind is, how a movement changes a balance, what is due.

Every movement carries its signed ``change`` (a deposit adds, a withdrawal takes away, a reversal
undoes its original), so a balance is the sum of changes and never a separate counter.
Pokok and wajib are the members' equity and are returned only when a member leaves; sukarela is
a liability the member may draw on at any time, never below zero.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from koperasi.domain.errors import ValidationError
from koperasi.domain.ledger import Account
from koperasi.domain.money import format_rupiah

MAX_AMOUNT = 10_000_000_000  # Rp10 miliar: a typo beyond this is refused before it reaches the books


class SavingsKind(StrEnum):
    POKOK = "pokok"
    WAJIB = "wajib"
    SUKARELA = "sukarela"

    @property
    def label(self) -> str:
        return f"Simpanan {self.value}"

    @property
    def account(self) -> Account:
        return _ACCOUNTS[self]


_ACCOUNTS = {
    SavingsKind.POKOK: Account.SAVINGS_POKOK,
    SavingsKind.WAJIB: Account.SAVINGS_WAJIB,
    SavingsKind.SUKARELA: Account.SAVINGS_SUKARELA,
}


class SavingsAction(StrEnum):
    DEPOSIT = "deposit"
    WITHDRAWAL = "withdrawal"
    REVERSAL = "reversal"

    @property
    def label(self) -> str:
        return _ACTION_LABELS[self]


_ACTION_LABELS = {
    SavingsAction.DEPOSIT: "Setoran",
    SavingsAction.WITHDRAWAL: "Penarikan",
    SavingsAction.REVERSAL: "Pembatalan",
}

# Rates the office sets (AD/ART): pokok once at joining, wajib per month.
RATED_KINDS = (SavingsKind.POKOK, SavingsKind.WAJIB)


def check_amount(amount: object) -> int:
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise ValidationError("Jumlah uang harus bilangan bulat rupiah.", field="amount")
    if amount <= 0:
        raise ValidationError("Jumlah uang harus lebih dari nol.", field="amount")
    if amount > MAX_AMOUNT:
        raise ValidationError(f"Jumlah uang paling banyak {format_rupiah(MAX_AMOUNT)}.", field="amount")
    return amount


def change_of(action: SavingsAction, amount: int) -> int:
    """What a deposit or withdrawal does to the balance (a reversal takes its original's change, negated)."""
    if action is SavingsAction.DEPOSIT:
        return amount
    if action is SavingsAction.WITHDRAWAL:
        return -amount
    raise ValueError("a reversal's change is the negation of its original's")


def check_withdrawal(kind: SavingsKind, amount: int, balance: int) -> None:
    """Only sukarela is drawn on while a member stays, and never below zero."""
    if kind is not SavingsKind.SUKARELA:
        raise ValidationError(
            f"{kind.label} hanya dikembalikan ketika anggota keluar; yang dapat ditarik sewaktu-waktu hanya simpanan sukarela.",
            field="kind",
        )
    if amount > balance:
        raise ValidationError(
            f"Penarikan {format_rupiah(amount)} melebihi saldo simpanan sukarela {format_rupiah(balance)}.", field="amount"
        )


def check_pokok_deposit(amount: int, owed: int) -> None:
    """Pokok is paid once (in parts if the office allows), up to the amount set for the member."""
    if owed <= 0:
        raise ValidationError("Simpanan pokok anggota ini sudah lunas.", field="kind")
    if amount > owed:
        raise ValidationError(
            f"Simpanan pokok yang belum dibayar tinggal {format_rupiah(owed)}; setoran {format_rupiah(amount)} melebihinya.",
            field="amount",
        )


def check_reversal(balance: int, change: int, kind: SavingsKind) -> None:
    """Undoing a movement must not leave a negative balance (a deposit already drawn on)."""
    if balance - change < 0:
        raise ValidationError(
            f"Saldo {kind.label.lower()} tinggal {format_rupiah(balance)}; membatalkan transaksi ini membuatnya negatif. "
            "Batalkan dahulu penarikan sesudahnya."
        )


@dataclass(frozen=True, slots=True)
class Rate:
    """An amount in force from the first day of ``effective_from``'s month."""

    effective_from: date
    amount: int


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def check_rate(effective_from: object, amount: object) -> Rate:
    if not isinstance(effective_from, date):
        raise ValidationError("Bulan berlaku wajib diisi.", field="effective_from")
    if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
        raise ValidationError("Besar simpanan harus bilangan bulat rupiah, nol atau lebih.", field="amount")
    if amount > MAX_AMOUNT:
        raise ValidationError(f"Besar simpanan paling banyak {format_rupiah(MAX_AMOUNT)}.", field="amount")
    return Rate(first_of_month(effective_from), amount)


def rate_on(rates: Sequence[Rate], day: date) -> int | None:
    """The amount in force on ``day`` (rates sorted by ``effective_from``); None before the first."""
    index = bisect.bisect_right([rate.effective_from for rate in rates], day) - 1
    return rates[index].amount if index >= 0 else None


def pokok_owed(joined_on: date, rates: Sequence[Rate]) -> int:
    """The pokok a member owes: the amount in force when they joined, or the first amount set
    when they joined before the office kept any (members moved over from paper)."""
    if not rates:
        return 0
    amount = rate_on(rates, joined_on)
    return rates[0].amount if amount is None else amount


def months_from(first: date, last: date) -> int:
    """How many calendar months from ``first``'s to ``last``'s, both counted (0 when last is earlier)."""
    return max(0, (last.year - first.year) * 12 + last.month - first.month + 1)


def wajib_due(joined_on: date, as_of: date, rates: Sequence[Rate]) -> int:
    """Wajib owed from the month of joining up to and including ``as_of``'s month, at each month's rate
    (months before the first rate owe nothing)."""
    total = 0
    start = first_of_month(joined_on)
    for index, rate in enumerate(rates):
        begin = max(start, rate.effective_from)
        end_exclusive = rates[index + 1].effective_from if index + 1 < len(rates) else None
        last = as_of if end_exclusive is None else min(as_of, _month_before(end_exclusive))
        total += months_from(begin, last) * rate.amount
    return total


def _month_before(day: date) -> date:
    return date(day.year - 1, 12, 1) if day.month == 1 else date(day.year, day.month - 1, 1)


@dataclass(frozen=True, slots=True)
class WajibState:
    due: int  # owed up to the month, since joining
    paid: int  # standing wajib deposits
    current_rate: int  # this month's amount (0 when none is set)

    @property
    def arrears(self) -> int:
        return max(0, self.due - self.paid)

    @property
    def months_behind(self) -> int:
        """Whole months of arrears at this month's rate (a part month counts as one)."""
        if not self.arrears or not self.current_rate:
            return 0
        return -(-self.arrears // self.current_rate)
