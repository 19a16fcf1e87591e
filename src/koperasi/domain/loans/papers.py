"""What the loan papers say, as plain values: services fill these in, reports print them.

Amounts are whole rupiah (int); labels are already Indonesian. Nothing here knows how
a page looks, so the same receipt prints on A5 and on an 80 mm roll.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from koperasi.domain.money import METERAI_THRESHOLD
from koperasi.domain.office.profile import OfficeProfile




@dataclass(frozen=True, slots=True)
class ReceiptLine:
    label: str  # "Angsuran ke-3", "Biaya administrasi", "Pencairan pinjaman"
    amount: int


@dataclass(frozen=True, slots=True)
class Receipt:
    """A kwitansi. ``received_from`` hands the money to ``received_by``, who signs.

    For a repayment the member pays the office; for a disbursement the office pays the
    member, and the member signs. ``lines`` break the amount down (they sum to it).
    ``member_number`` belongs to the member, on whichever side of the money the member is:
    ``paid_by_member`` says whether that is ``received_from`` or ``received_by``.
    """

    office: OfficeProfile
    title: str  # "KWITANSI PEMBAYARAN ANGSURAN", "KWITANSI PENCAIRAN PINJAMAN"
    number: str
    issued_on: date
    place: str  # "Sarolangun"
    received_from: str
    received_by: str
    signer_label: str  # "Penerima" / "Yang menerima"
    amount: int
    purpose: str  # "Pembayaran angsuran pinjaman PJM/SRL/2026/000123"
    lines: tuple[ReceiptLine, ...] = ()
    member_number: str = ""
    paid_by_member: bool = True  # False for a disbursement: the office pays, the member receives
    loan_number: str = ""
    remaining_balance: int | None = None  # sisa pinjaman after this movement, when it is a loan movement
    balance_label: str = "Sisa pinjaman"  # what remaining_balance is ("Saldo simpanan sukarela" on a savings receipt)
    meterai_exempt: bool = False  # savings receipts: free of bea meterai whatever the amount
    clerk_name: str = ""
    cancelled: bool = False  # reprinted after a reversal: marked BATAL
    cancel_reason: str = ""

    @property
    def needs_meterai(self) -> bool:
        return self.amount > METERAI_THRESHOLD and not self.meterai_exempt


@dataclass(frozen=True, slots=True)
class ScheduleLine:
    number: int
    due_on: date
    amount: int
    paid: int  # of this installment, as of the card's date
    status: str  # "Lunas", "Sebagian", "Belum jatuh tempo", "Terlambat 12 hari"


@dataclass(frozen=True, slots=True)
class CardMovement:
    occurred_on: date
    description: str  # "Pencairan", "Angsuran ke-3", "Pembatalan KW/SRL/2026/000120: salah ketik"
    installments: str  # "3", "3–4", "" when not a repayment
    receipt_number: str
    increase: int  # what raised the balance (a disbursement), 0 otherwise
    decrease: int  # what lowered it (a repayment, a write-off), 0 otherwise
    balance: int  # remaining principal after the movement
    cancelled: bool = False  # a movement later reversed (printed struck through or marked)


@dataclass(frozen=True, slots=True)
class LoanCard:
    """Kartu pinjaman as of a date: header, schedule and every movement with its running balance."""

    office: OfficeProfile
    as_of: date
    loan_number: str
    member_number: str
    member_name: str
    member_address: str  # "Desa Pelawan, Kec. Sarolangun"
    group_name: str
    product_name: str
    fund_name: str
    principal: int
    term: int
    frequency_label: str
    installment: int  # the regular installment
    admin_fee: int
    purpose: str
    status_label: str
    applied_on: date
    disbursed_on: date | None
    outstanding: int
    arrears: int
    days_past_due: int
    schedule: tuple[ScheduleLine, ...]
    movements: tuple[CardMovement, ...]
    rescheduled_note: str = ""  # "Dijadwal ulang 3 Maret 2026: gagal panen" when it was


@dataclass(frozen=True, slots=True)
class ArrearsLine:
    loan_number: str
    member_number: str
    member_name: str
    desa: str
    kecamatan: str
    group: str
    product: str
    fund: str
    outstanding: int
    arrears: int
    days_past_due: int
    bucket: str  # AgeingBucket label, or "Restrukturisasi" for a rescheduled loan not yet cured
    collectibility: str
    restructured: bool = False  # rescheduled and not yet cured: at risk whatever its days past due


@dataclass(frozen=True, slots=True)
class PortfolioShare:
    """One row of a PAR breakdown (by kecamatan, desa, group, product or fund)."""

    name: str
    loans: int
    outstanding: int
    at_risk_30: int  # outstanding principal of loans more than 30 days late or restructured and not yet cured

    @property
    def par30(self) -> float:
        return self.at_risk_30 / self.outstanding if self.outstanding else 0.0


@dataclass(frozen=True, slots=True)
class ArrearsReport:
    office: OfficeProfile
    as_of: date
    # By ageing bucket, in order (names are bucket labels), then "Restrukturisasi": rescheduled loans not yet
    # cured sit on that line alone, whatever their days past due, so the lines still sum to the total.
    buckets: tuple[PortfolioShare, ...]
    total: PortfolioShare
    breakdowns: dict[str, tuple[PortfolioShare, ...]] = field(default_factory=dict)  # "Kecamatan" -> rows
    late_loans: tuple[ArrearsLine, ...] = ()  # every loan late or restructured (not yet cured), worst first


@dataclass(frozen=True, slots=True)
class CollectionLine:
    loan_id: str
    member_number: str
    member_name: str
    loan_number: str
    installment_due: int  # the installment falling due by the meeting
    arrears: int  # earlier installments still unpaid
    outstanding: int

    @property
    def total_due(self) -> int:
        return min(self.outstanding, self.installment_due + self.arrears)


@dataclass(frozen=True, slots=True)
class CollectionSheet:
    """The group's meeting sheet: what each member owes on the day, with columns to fill by hand."""

    office: OfficeProfile
    group_name: str
    desa: str
    chair_name: str
    meeting_on: date
    lines: tuple[CollectionLine, ...]
