"""Plain data the services hand to the GUI and the papers: a household's history, a visit due, the sheets."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from koperasi.domain.impact.cohorts import CohortBasis, CohortRow
from koperasi.domain.impact.household import Measurement
from koperasi.domain.impact.indicators import Dimension, Indicators
from koperasi.domain.impact.stories import StoryPaper
from koperasi.domain.impact.visits import VisitReason
from koperasi.domain.office.profile import OfficeProfile


@dataclass(frozen=True, slots=True)
class RecordedMeasurement:
    id: uuid.UUID
    data: Measurement
    officer: str  # the field officer's full name


@dataclass(frozen=True, slots=True)
class HouseholdHistory:
    member_id: uuid.UUID
    number: str
    full_name: str
    joined_on: date
    household_size: int  # the member and the people of the Kartu Keluarga recorded with them
    measurements: list[RecordedMeasurement]  # oldest first: the first is the baseline

    @property
    def baseline(self) -> RecordedMeasurement | None:
        return self.measurements[0] if self.measurements else None

    @property
    def latest(self) -> RecordedMeasurement | None:
        """The latest measurement after the baseline (None while there is only the baseline)."""
        return self.measurements[-1] if len(self.measurements) > 1 else None


@dataclass(frozen=True, slots=True)
class DueVisit:
    member_id: uuid.UUID
    number: str
    full_name: str
    desa: str
    kecamatan: str
    due_on: date
    reason: VisitReason
    last_measured: date | None
    officer: str  # who measured the household last ("" before the baseline)


@dataclass(frozen=True, slots=True)
class SheetHousehold:
    history: HouseholdHistory
    desa: str
    due: DueVisit | None


@dataclass(frozen=True, slots=True)
class VisitSheets:
    office: OfficeProfile
    printed_on: date
    officer: str
    households: list[SheetHousehold]


@dataclass(frozen=True, slots=True)
class GroupFigures:
    label: str
    figures: Indicators


@dataclass(frozen=True, slots=True)
class ImpactFigures:
    """The indicators of a period, in total and by one breakdown, for the screen and the funder's report."""

    period_from: date
    period_to: date
    scope: str  # "Semua program", "Sumber dana: Dana Desa", "Program: Pertanian Organik"
    dimension: Dimension | None
    reached: int
    total: Indicators
    groups: list[GroupFigures]
    loans_paid_off: int
    loans_on_time: int
    poverty_lines: dict[str, int]  # area -> rupiah per person a month, in force at the period's end


class AnonymousMeasurement(NamedTuple):
    """What an anonymous row shows of a measurement: figures only, no notes (free text may name people). A plain
    tuple: 200,000 of them are made for a report of 100,000 households."""

    measured_on: date
    monthly_income: int
    income_estimated: bool
    household_size: int
    business_status: str  # a BusinessStatus value
    moneylender_amount: int
    school_age_children: int
    children_in_school: int
    woman_business: bool


class AnonymousHousehold(NamedTuple):
    """One household for funders who want the rows: no name, NIK, number or birth date (a plain tuple too)."""

    row: int  # 1, 2, ...: a running number, not linked to the member
    sex: str
    age_group: str
    kecamatan: str
    categories: str
    baseline: AnonymousMeasurement
    latest: AnonymousMeasurement | None


@dataclass(frozen=True, slots=True)
class FunderReport:
    """The laporan dampak: who was reached, money lent and repaid, trainings, sales, and the indicators."""

    office: OfficeProfile
    made_on: date
    figures: ImpactFigures
    breakdowns: dict[Dimension, list[GroupFigures]]
    reached_by: dict[str, dict[str, int]]  # "Jenis kelamin" -> {"Perempuan": 120, ...}
    lent: int
    repaid: int
    loans_disbursed: int
    trainings_completed: int
    sales_to_producers: int
    households: list[AnonymousHousehold]  # empty when the report was made for the PDF (funder_report's anonymous_rows)
    cohort_basis: CohortBasis  # a fund's report follows its borrowers from their first loan, a programme's from training
    cohorts: list[CohortRow]  # by year
    stories: list[StoryPaper]  # the scope's kisah sukses whose member agreed to publication in the period, oldest first
    # Households whose income at the baseline or the latest visit is an honest estimate; None: count them in
    # ``households`` (the service counts them in SQL, as the PDF's report is made without the anonymous rows).
    incomes_estimated: int | None = None

    @property
    def estimated(self) -> int:
        if self.incomes_estimated is not None:
            return self.incomes_estimated
        return sum(h.baseline.income_estimated or (h.latest is not None and h.latest.income_estimated) for h in self.households)
