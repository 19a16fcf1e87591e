"""The follow-up visit schedule (kunjungan pendampingan), made from a member's programme.

A borrower is visited every ``loan_every`` months while the loan runs; a member who completed a training
is visited ``training_after`` months (6 and 12 by default) after the certificate. A member without any
measurement is due for the baseline. Several overdue visits fold into one: the officer goes once and
records what is true that day, so only the latest planned visit up to the day asked matters, and any
measurement from ``EARLY_DAYS`` before it counts as that visit.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from koperasi.domain.errors import ValidationError

EARLY_DAYS = 30  # a visit up to a month early is the planned visit, not an extra one
MAX_MONTHS = 60


class VisitReason(StrEnum):
    BASELINE = "baseline"
    LOAN = "loan"
    TRAINING = "training"

    @property
    def label(self) -> str:
        return {"baseline": "Data awal", "loan": "Selama pinjaman", "training": "Setelah pelatihan"}[self.value]


@dataclass(frozen=True, slots=True)
class PlannedVisit:
    on: date
    reason: VisitReason


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day when it has fewer days."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def parse_months(text: str) -> tuple[int, ...]:
    """``"6, 12"`` -> (6, 12): the months after a training at which to visit."""
    try:
        months = tuple(sorted({int(part) for part in text.replace(";", ",").split(",") if part.strip()}))
    except ValueError:
        raise ValidationError("Tulis bulan kunjungan sebagai angka dipisah koma, misalnya 6, 12.", field="training_after") from None
    check_training_months(months)
    return months


def check_training_months(months: Sequence[int]) -> None:
    if not months or len(months) > 6 or any(not 1 <= m <= MAX_MONTHS for m in months):
        raise ValidationError(f"Bulan kunjungan setelah pelatihan: 1 sampai 6 angka, masing-masing 1–{MAX_MONTHS}.",
                              field="training_after")


def check_loan_months(months: int) -> None:
    if isinstance(months, bool) or not isinstance(months, int) or not 1 <= months <= 24:
        raise ValidationError("Jarak kunjungan selama pinjaman harus 1–24 bulan.", field="loan_every")


def planned_visits(
    loans: Iterable[tuple[date, date | None]],
    completed_trainings: Iterable[date],
    *,
    loan_every: int,
    training_after: Sequence[int],
    until: date,
) -> list[PlannedVisit]:
    """Every planned visit up to ``until``, in date order. A loan is (disbursed on, closed on or None while
    it runs): visits fall every ``loan_every`` months after disbursement, up to its closing day."""
    visits: list[PlannedVisit] = []
    for start, end in loans:
        last = min(end, until) if end is not None else until
        step = 1
        while (on := add_months(start, step * loan_every)) <= last:
            visits.append(PlannedVisit(on, VisitReason.LOAN))
            step += 1
    for completed in completed_trainings:
        visits += [PlannedVisit(on, VisitReason.TRAINING) for months in training_after
                   if (on := add_months(completed, months)) <= until]
    return sorted(visits, key=lambda visit: (visit.on, visit.reason))


def visit_due(planned: Sequence[PlannedVisit], last_measured: date | None, joined_on: date) -> PlannedVisit | None:
    """The visit this member is due for, or None. ``planned`` in date order (``planned_visits``)."""
    if last_measured is None:
        return PlannedVisit(joined_on, VisitReason.BASELINE)
    if not planned:
        return None
    latest = planned[-1]
    return None if last_measured >= latest.on - timedelta(days=EARLY_DAYS) else latest
