"""Zero-interest loans: statuses, repayment schedules and how a payment is allocated.

Pure rules in whole rupiah. A schedule always sums exactly to the principal: each
installment is the even share rounded down to the product's cash-friendly multiple, and
what rounding left over goes on the last one. Payments pay the oldest unpaid installment
first, so "how much of the schedule is paid" is simply the running total of payments.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from itertools import accumulate

from koperasi.domain.errors import ValidationError
from koperasi.domain.money import format_rupiah

MAX_PRINCIPAL = 1_000_000_000  # Rp1 milyar: far above any product; stops a slipped key from posting
MAX_TERM = 260  # five years of weekly installments


class Frequency(StrEnum):
    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    MONTHLY = "monthly"

    @property
    def label(self) -> str:
        return _FREQUENCY_LABELS[self]


_FREQUENCY_LABELS = {Frequency.WEEKLY: "Mingguan", Frequency.BIWEEKLY: "Dua mingguan", Frequency.MONTHLY: "Bulanan"}


class LoanStatus(StrEnum):
    APPLIED = "applied"
    APPROVED = "approved"
    REJECTED = "rejected"
    ACTIVE = "active"
    PAID_OFF = "paid_off"
    WRITTEN_OFF = "written_off"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    LoanStatus.APPLIED: "Diajukan",
    LoanStatus.APPROVED: "Disetujui",
    LoanStatus.REJECTED: "Ditolak",
    LoanStatus.ACTIVE: "Berjalan",
    LoanStatus.PAID_OFF: "Lunas",
    LoanStatus.WRITTEN_OFF: "Dihapusbukukan",
}

OPEN_STATUSES = frozenset({LoanStatus.APPLIED, LoanStatus.APPROVED, LoanStatus.ACTIVE})


class MovementKind(StrEnum):
    """What a row of a loan's movements (and of its kartu pinjaman) records."""

    DISBURSEMENT = "disbursement"
    ADMIN_FEE = "admin_fee"
    REPAYMENT = "repayment"
    WRITE_OFF = "write_off"
    REVERSAL = "reversal"

    @property
    def label(self) -> str:
        return _MOVEMENT_LABELS[self]


_MOVEMENT_LABELS = {
    MovementKind.DISBURSEMENT: "Pencairan",
    MovementKind.ADMIN_FEE: "Biaya administrasi",
    MovementKind.REPAYMENT: "Angsuran",
    MovementKind.WRITE_OFF: "Hapus buku",
    MovementKind.REVERSAL: "Pembatalan",
}


@dataclass(frozen=True, slots=True)
class Installment:
    number: int  # 1-based within its schedule
    due_on: date
    amount: int


def due_dates(first_due: date, term: int, frequency: Frequency) -> list[date]:
    """The due date of each installment.

    Monthly dues keep the first due's day, clamped to short months; a first due on a month's
    last day (31 January, 30 April, 28 February 2027) keeps every later due on its month's last day.
    Each due is counted from the first one, never from the previous, so a short month never
    pulls the later dues earlier.
    """
    if frequency is Frequency.MONTHLY:
        return [_add_months(first_due, step) for step in range(term)]
    days = 7 if frequency is Frequency.WEEKLY else 14
    return [first_due + timedelta(days=days * step) for step in range(term)]


def first_due_after(disbursed_on: date, frequency: Frequency) -> date:
    """The usual first due date for a loan paid out on ``disbursed_on``: one period later."""
    return due_dates(disbursed_on, 2, frequency)[1]


def _add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last_day = calendar.monthrange(year, month)[1]
    if day.day == calendar.monthrange(day.year, day.month)[1]:
        return date(year, month, last_day)
    return date(year, month, min(day.day, last_day))


def installment_amounts(principal: int, term: int, multiple: int = 1) -> list[int]:
    """Split ``principal`` into ``term`` whole-rupiah installments summing exactly to it.

    Every installment but the last is the even share rounded down to ``multiple``; the
    last takes the rest, so it is never smaller than the others. When the multiple is
    larger than the even share, rounding is dropped rather than leaving zero installments.
    """
    check_principal(principal)
    check_term(term)
    if multiple < 1:
        raise ValidationError("Kelipatan pembulatan angsuran minimal Rp1.", field="multiple")
    if principal < term:
        raise ValidationError(
            f"Pinjaman {format_rupiah(principal)} terlalu kecil untuk {term} kali angsuran.", field="principal"
        )
    share = principal // term
    regular = share - share % multiple or share
    return [regular] * (term - 1) + [principal - regular * (term - 1)]


def build_schedule(principal: int, term: int, frequency: Frequency, first_due: date, multiple: int = 1) -> list[Installment]:
    amounts = installment_amounts(principal, term, multiple)
    return [
        Installment(number, due_on, amount)
        for number, (due_on, amount) in enumerate(zip(due_dates(first_due, term, frequency), amounts, strict=True), start=1)
    ]


def check_principal(principal: int) -> None:
    if type(principal) is not int:
        raise ValidationError("Jumlah pinjaman harus rupiah bulat.", field="principal")
    if principal <= 0:
        raise ValidationError("Jumlah pinjaman harus lebih dari nol.", field="principal")
    if principal > MAX_PRINCIPAL:
        raise ValidationError(f"Jumlah pinjaman paling banyak {format_rupiah(MAX_PRINCIPAL)}.", field="principal")


def check_term(term: int) -> None:
    if type(term) is not int or not 1 <= term <= MAX_TERM:
        raise ValidationError(f"Jumlah angsuran harus antara 1 dan {MAX_TERM}.", field="term")


def check_payment(amount: int, outstanding: int) -> None:
    """A payment is a positive whole amount no larger than what is still owed (over-payments are refused)."""
    if type(amount) is not int:
        raise ValidationError("Jumlah pembayaran harus rupiah bulat.", field="amount")
    if amount <= 0:
        raise ValidationError("Jumlah pembayaran harus lebih dari nol.", field="amount")
    if amount > outstanding:
        raise ValidationError(
            f"Pembayaran {format_rupiah(amount)} melebihi sisa pinjaman {format_rupiah(outstanding)}. "
            "Terima paling banyak sebesar sisa pinjaman.",
            field="amount",
        )


@dataclass(frozen=True, slots=True)
class Allocation:
    number: int
    amount: int


def allocate(amounts: Sequence[int], already_paid: int, payment: int) -> list[Allocation]:
    """Which installments ``payment`` pays, oldest unpaid first, given what was paid before."""
    allocations: list[Allocation] = []
    before = 0
    remaining = payment
    for number, amount in enumerate(amounts, start=1):
        unpaid = amount - max(0, min(amount, already_paid - before))
        before += amount
        if unpaid <= 0 or remaining <= 0:
            continue
        applied = min(unpaid, remaining)
        allocations.append(Allocation(number, applied))
        remaining -= applied
    return allocations


@dataclass(frozen=True, slots=True)
class ScheduleState:
    """Where a schedule stands on a day, given the total paid toward it by then."""

    due_so_far: int  # sum of installments due on or before the day
    paid: int
    days_past_due: int  # of the oldest installment not fully paid and already due; 0 when current
    installments_late: int
    next_due_on: date | None  # the oldest installment not fully paid
    next_due_amount: int  # what remains of that installment

    @property
    def arrears(self) -> int:
        return max(0, self.due_so_far - self.paid)


def schedule_state(schedule: Sequence[Installment], paid: int, on: date) -> ScheduleState:
    """Arrears follow from the running totals: installment i is unpaid while cumulative(i) > paid."""
    due_so_far = sum(item.amount for item in schedule if item.due_on <= on)
    days_past_due = late = 0
    next_due_on: date | None = None
    next_due_amount = 0
    for item, cumulative in zip(schedule, accumulate(item.amount for item in schedule), strict=True):
        if cumulative <= paid:
            continue
        if next_due_on is None:
            next_due_on = item.due_on
            next_due_amount = min(item.amount, cumulative - paid)
        if item.due_on < on:
            late += 1
            days_past_due = max(days_past_due, (on - item.due_on).days)
    return ScheduleState(due_so_far, paid, days_past_due, late, next_due_on, next_due_amount)


def installments_paid_on_time(
    schedule: Sequence[Installment], payments: Sequence[tuple[date, int]], on: date, *, paid_before: int = 0
) -> int:
    """How many of the installments due by ``on`` were paid on time in a row, counting back from the latest.

    ``payments`` are the loan's (day, amount) repayments; ``paid_before`` of them went to earlier
    schedules (what was paid when this one replaced them). Payments fill the oldest installment first,
    so installment i was on time when what had been paid by its due date covers the schedule up to i.
    A late installment breaks the run; catching up and paying the next ones on time starts a new one.
    """
    streak = 0
    for item, cumulative in zip(schedule, accumulate(item.amount for item in schedule), strict=True):
        if item.due_on > on:
            break
        on_time = sum(amount for day, amount in payments if day <= item.due_on) - paid_before >= cumulative
        streak = streak + 1 if on_time else 0
    return streak


def installment_status(amount: int, paid: int, due_on: date, on: date) -> str:
    """How an installment stands on a day, in the words of the card and the screen."""
    if paid >= amount:
        return "Lunas"
    if due_on < on:
        return f"Terlambat {(on - due_on).days} hari"
    if paid:
        return "Sebagian"
    return "Belum jatuh tempo"


class AgeingBucket(StrEnum):
    CURRENT = "current"
    DAYS_1_30 = "1-30"
    DAYS_31_60 = "31-60"
    DAYS_61_90 = "61-90"
    OVER_90 = ">90"

    @property
    def label(self) -> str:
        return _BUCKET_LABELS[self]


_BUCKET_LABELS = {
    AgeingBucket.CURRENT: "Lancar",
    AgeingBucket.DAYS_1_30: "1–30 hari",
    AgeingBucket.DAYS_31_60: "31–60 hari",
    AgeingBucket.DAYS_61_90: "61–90 hari",
    AgeingBucket.OVER_90: "> 90 hari",
}


RESTRUCTURED_LABEL = "Restrukturisasi"  # the arrears report's own line for rescheduled loans not yet cured


def ageing_bucket(days_past_due: int) -> AgeingBucket:
    if days_past_due <= 0:
        return AgeingBucket.CURRENT
    if days_past_due <= 30:
        return AgeingBucket.DAYS_1_30
    if days_past_due <= 60:
        return AgeingBucket.DAYS_31_60
    if days_past_due <= 90:
        return AgeingBucket.DAYS_61_90
    return AgeingBucket.OVER_90


def collectibility(days_past_due: int) -> str:
    """The OJK quality class (kolektibilitas) shown beside the bucket; a common reading for cooperatives."""
    if days_past_due <= 0:
        return "1 Lancar"
    if days_past_due <= 90:
        return "2 Dalam perhatian khusus"
    if days_past_due <= 120:
        return "3 Kurang lancar"
    if days_past_due <= 180:
        return "4 Diragukan"
    return "5 Macet"


def par_ratio(at_risk: int, outstanding: int) -> float:
    """PAR as a share of outstanding principal (a ratio for display, never money)."""
    return at_risk / outstanding if outstanding else 0.0
