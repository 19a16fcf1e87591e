"""What the Laporan bulanan and the Beranda charts say: plain figures, no database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from koperasi.domain.loans.papers import ArrearsReport
from koperasi.domain.months import Month
from koperasi.domain.office.profile import OfficeProfile

# Okabe and Ito's colour-blind-safe palette (blue, orange, bluish green, vermillion, sky blue,
# reddish purple, yellow): told apart with any of the common colour vision deficiencies, and in grey.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442")


def axis_rupiah(amount: float) -> str:
    """A chart axis's short rupiah: ``12_500_000`` -> ``"Rp12,5 jt"``, ``2_000_000_000`` -> ``"Rp2 M"``."""
    for size, unit in ((1_000_000_000, "M"), (1_000_000, "jt"), (1_000, "rb")):
        if abs(amount) >= size:
            return f"Rp{amount / size:.1f}".rstrip("0").rstrip(".").replace(".", ",") + f" {unit}"
    return f"Rp{int(amount)}"


@dataclass(frozen=True, slots=True)
class PortfolioPoint:
    month: Month
    outstanding: int
    at_risk: int  # outstanding of the loans in PAR30

    @property
    def par30(self) -> float:
        return self.at_risk / self.outstanding if self.outstanding else 0.0


@dataclass(frozen=True, slots=True)
class CollectionPoint:
    month: Month
    due: int  # installments falling due in the month, on the schedule then in force
    collected: int  # repayments received in the month, not later reversed

    @property
    def rate(self) -> float:
        return self.collected / self.due if self.due else 0.0


@dataclass(frozen=True, slots=True)
class Count:
    name: str
    count: int


@dataclass(frozen=True, slots=True)
class History:
    months: tuple[Month, ...]
    portfolio: tuple[PortfolioPoint, ...]
    collections: tuple[CollectionPoint, ...]
    channels: tuple[str, ...]
    sales: dict[str, tuple[int, ...]]  # channel -> total per month, in the order of ``months``
    members_by_kecamatan: tuple[Count, ...]  # active members at the last month's end
    members_by_category: tuple[Count, ...]


@dataclass(frozen=True, slots=True)
class MonthMovements:
    """What happened in the month itself."""

    members_joined: int
    members_left: int
    members_at_end: int
    women_at_end: int
    loans_disbursed: int  # number of loans
    disbursed: int  # rupiah
    repaid: int
    written_off: int
    sessions_held: int
    attendances: int  # people present, summed over the sessions
    sales_count: int
    sales: int
    producer_share: int  # earned by the producers on the month's sales
    payouts: int  # paid out to producers in the month


@dataclass(frozen=True, slots=True)
class MonthlyReport:
    office: OfficeProfile
    month: Month
    as_of: date  # the month's last day
    movements: MonthMovements
    history: History
    arrears: ArrearsReport
