"""What the sales papers say, as plain values: services fill them, reports print them.

Quantities are thousandths of a unit (format with domain.sales.format_quantity); money is
whole rupiah.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from koperasi.domain.money import METERAI_THRESHOLD
from koperasi.domain.office.profile import OfficeProfile


@dataclass(frozen=True, slots=True)
class NoteLine:
    product: str
    unit: str
    producer: str  # "Siti Aminah (SRL-000123)" or "KUP Mawar"
    quantity_milli: int
    unit_price: int
    total: int


@dataclass(frozen=True, slots=True)
class SalesNote:
    """Nota penjualan for the buyer (the producers' shares are not shown to the buyer)."""

    office: OfficeProfile
    number: str
    sold_on: date
    channel: str
    buyer_name: str
    buyer_address: str
    lines: tuple[NoteLine, ...]
    total: int
    place: str
    clerk_name: str
    cancelled: bool = False
    cancel_reason: str = ""

    @property
    def needs_meterai(self) -> bool:
        return self.total > METERAI_THRESHOLD


@dataclass(frozen=True, slots=True)
class PayoutLine:
    sold_on: date
    note_number: str
    product: str
    unit: str
    quantity_milli: int
    total: int
    commission: int
    share: int


@dataclass(frozen=True, slots=True)
class PayoutSlip:
    """Bukti pembayaran: what the cooperative pays a producer, with the amount in words."""

    office: OfficeProfile
    number: str
    paid_on: date
    producer: str
    producer_identity: str  # member number, or the group's desa
    period_from: date | None
    period_to: date | None
    amount: int
    lines: tuple[PayoutLine, ...]  # the sales this payout settles (may be empty for a part payment)
    payable_before: int
    payable_after: int
    place: str
    clerk_name: str
    cancelled: bool = False
    cancel_reason: str = ""


@dataclass(frozen=True, slots=True)
class StatementLine:
    occurred_on: date
    description: str  # "Titip: Beras organik 50 kg", "Terjual NJ/…: 20 kg", "Dibayar BYR/…"
    document: str
    quantity_milli: int  # + intake, − sold, 0 for money rows
    unit: str
    share: int  # the producer's share earned (sales) or 0
    paid: int  # paid out (payouts) or 0
    payable: int  # running balance owed to the producer


@dataclass(frozen=True, slots=True)
class StockLine:
    product: str
    unit: str
    quantity_milli: int


@dataclass(frozen=True, slots=True)
class ProducerStatement:
    office: OfficeProfile
    producer: str
    producer_identity: str
    period_from: date
    period_to: date
    opening_payable: int
    lines: tuple[StatementLine, ...]
    closing_payable: int
    stock: tuple[StockLine, ...]  # on hand at the end of the period


@dataclass(frozen=True, slots=True)
class SalesTotal:
    name: str
    sales: int  # number of sale lines
    total: int
    commission: int

    @property
    def producer_share(self) -> int:
        return self.total - self.commission


@dataclass(frozen=True, slots=True)
class SalesReport:
    office: OfficeProfile
    period_from: date
    period_to: date
    total: SalesTotal
    breakdowns: dict[str, tuple[SalesTotal, ...]] = field(default_factory=dict)  # "Produk" -> rows
