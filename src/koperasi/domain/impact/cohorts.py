"""Cohorts over time: households grouped by when they came in (joined, first loan, first training; by year or
quarter), and their indicators at the baseline, 6 and 12 months after that start.

A household's figures "at 6 months" are its measurement closest to six months after the start, taken within
two months either side (ties: the later one); "at 12 months" likewise. The baseline is its earliest
measurement, as everywhere. A household without a measurement in a window is simply not in that row, and the
``measured`` count says how many are.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache

from koperasi.domain.impact.household import Measurement
from koperasi.domain.impact.indicators import HouseholdTrack, Indicators, indicators, median_floor
from koperasi.domain.impact.visits import add_months

WINDOW_MONTHS = 2
MILESTONES: tuple[tuple[int, str], ...] = ((0, "Data awal"), (6, "6 bulan"), (12, "12 bulan"))
HOW_COHORTS = ("Rumah tangga menurut kapan mereka mulai (bergabung, pinjaman pertama dicairkan, atau pelatihan pertama). "
               "Data awal adalah pengukuran pertama; angka 6 dan 12 bulan adalah pengukuran yang paling dekat dengan 6 dan 12 "
               "bulan sesudah mulai, paling jauh 2 bulan sebelum atau sesudahnya, dibandingkan dengan data awal. "
               "Median pendapatan adalah pendapatan bulanan rumah tangga pada saat itu.")


class CohortBasis(StrEnum):
    JOINED = "joined"
    FIRST_LOAN = "first_loan"
    FIRST_TRAINING = "first_training"

    @property
    def label(self) -> str:
        return {CohortBasis.JOINED: "bergabung", CohortBasis.FIRST_LOAN: "pinjaman pertama",
                CohortBasis.FIRST_TRAINING: "pelatihan pertama"}[self]


class CohortSpan(StrEnum):
    YEAR = "year"
    QUARTER = "quarter"

    @property
    def label(self) -> str:
        return {CohortSpan.YEAR: "tahun", CohortSpan.QUARTER: "triwulan"}[self]


def cohort_of(start: date, span: CohortSpan) -> str:
    """``2024`` or ``2024 T2`` (the second quarter): sorts in time order as text."""
    return str(start.year) if span is CohortSpan.YEAR else f"{start.year} T{(start.month - 1) // 3 + 1}"


@dataclass(frozen=True, slots=True)
class CohortHousehold:
    key: Hashable
    start: date
    measurements: Sequence[Measurement]  # oldest first; the first is the baseline
    poverty_line: int | None = None


@dataclass(frozen=True, slots=True)
class CohortRow:
    cohort: str
    milestone: str
    measured: int  # households with a measurement at this point (at the baseline: with a baseline)
    median_income: int | None  # rupiah a month at this point
    figures: Indicators  # the change since the baseline (at the baseline: only the count)


@lru_cache(maxsize=8192)
def _window(start: date, months: int) -> tuple[date, date, date]:
    """The target day and the window around it; cached, as a cohort's households share a few hundred start days."""
    target = add_months(start, months)
    return target, add_months(target, -WINDOW_MONTHS), add_months(target, WINDOW_MONTHS)


def at_month(start: date, months: int, measurements: Sequence[Measurement]) -> Measurement | None:
    """The measurement closest to ``months`` after ``start`` within the window, the later one on a tie."""
    target, low, high = _window(start, months)
    inside = [m for m in measurements if low <= m.measured_on <= high]
    return min(inside, key=lambda m: (abs((m.measured_on - target).days), -m.measured_on.toordinal()), default=None)


def cohort_rows(households: Iterable[CohortHousehold], span: CohortSpan) -> list[CohortRow]:
    """Per cohort (in time order) three rows: the baseline, 6 and 12 months."""
    by_cohort: dict[str, list[CohortHousehold]] = {}
    for household in households:
        if household.measurements:
            by_cohort.setdefault(cohort_of(household.start, span), []).append(household)
    rows = []
    for cohort, members in sorted(by_cohort.items()):
        for months, milestone in MILESTONES:
            tracks = []
            for household in members:
                baseline = household.measurements[0]
                later = at_month(household.start, months, household.measurements[1:]) if months else None
                tracks.append(HouseholdTrack(household.key, baseline, later, household.poverty_line))
            at_point = [t.baseline if not months else t.latest for t in tracks if not months or t.latest is not None]
            rows.append(CohortRow(cohort, milestone, len(at_point), median_floor([m.monthly_income for m in at_point]),
                                  indicators(tracks)))
    return rows
