"""The cash book's papers as plain values: the voucher (bukti kas masuk / keluar) and the month's list."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from koperasi.domain.cashbook.rules import CashDirection
from koperasi.domain.office.profile import OfficeProfile


@dataclass(frozen=True, slots=True)
class Voucher:
    """One entry's bukti kas: number, date, the account, amount in figures and words, and who signs."""

    office: OfficeProfile
    direction: CashDirection
    number: str
    issued_on: date
    place: str
    account_code: str
    account_name: str
    amount: int
    description: str
    party: str  # who paid the office (income) or received its money (an expense); "" when not named
    recorded_by: str  # the treasurer who recorded it
    cancelled: bool = False
    cancel_reason: str = ""

    @property
    def title(self) -> str:
        return self.direction.voucher_title


@dataclass(frozen=True, slots=True)
class CashLine:
    id: uuid.UUID
    occurred_on: date
    voucher_number: str  # "" on a reversal
    direction: CashDirection
    account: str
    account_name: str
    description: str  # a reversal: "Pembatalan BKK/…: reason"
    party: str
    into: int  # into the cash (income, or a reversed expense)
    out: int
    recorded_by: str
    cancelled: bool  # a reversal stands against it
    is_reversal: bool


@dataclass(frozen=True, slots=True)
class CashBookPage:
    lines: tuple[CashLine, ...]
    total_in: int
    total_out: int

    @property
    def net(self) -> int:
        return self.total_in - self.total_out
