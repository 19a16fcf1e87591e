"""What the savings papers say, as plain values: the services fill these in, the reports print them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from koperasi.domain.office.profile import OfficeProfile
from koperasi.domain.savings.rules import SavingsKind


@dataclass(frozen=True, slots=True)
class StatementLine:
    occurred_on: date
    description: str  # "Setoran simpanan wajib", "Pembatalan KW/…: salah ketik"
    receipt_number: str
    kind: SavingsKind
    change: int  # + into the savings, − out of them
    total: int  # all kinds together, after this line
    cancelled: bool = False  # a later reversal undid it


@dataclass(frozen=True, slots=True)
class SavingsStatement:
    """A member's savings over a period: balances at the start, every movement, balances at the end."""

    office: OfficeProfile
    member_number: str
    member_name: str
    member_address: str
    joined_on: date
    period_from: date
    period_to: date
    opening: dict[SavingsKind, int]
    lines: tuple[StatementLine, ...]
    closing: dict[SavingsKind, int]
    wajib_arrears: int  # as of period_to
    printed_on: date
