"""Cohorts over the database, against a hand-worked example: by the day they joined and by their first loan."""

from __future__ import annotations

from datetime import date

import pytest

from koperasi.domain.errors import PermissionDenied
from koperasi.domain.impact.cohorts import CohortBasis, CohortSpan
from koperasi.services.impact import households
from koperasi.services.impact.indicators import cohort_figures
from tests.loan_support import loan_office
from tests.services.impact.test_households import measured


@pytest.fixture
def office(db, admin):
    office = loan_office(db, admin)
    siti, rahma, budi = office.member("Siti Aminah"), office.member("Rahmawati"), office.member("Budi Santoso")
    office.active_loan(budi)  # disbursed 6 January 2025
    with db.session() as session:
        record = lambda member, day, income: households.record_measurement(  # noqa: E731
            session, office.clerk, member, measured(day, income), officer_id=office.clerk.user_id)
        record(siti, date(2024, 1, 10), 1_000_000)
        record(siti, date(2024, 7, 1), 1_300_000)  # 6 months after joining on 2 January 2024
        record(siti, date(2025, 1, 5), 1_600_000)  # 12 months
        record(rahma, date(2024, 2, 1), 2_000_000)
        record(rahma, date(2025, 1, 20), 2_200_000)  # 12 months
        record(budi, date(2024, 3, 1), 500_000)
        record(budi, date(2025, 7, 1), 800_000)  # 6 months after the loan
    return office


def test_cohorts_by_join_year_and_by_first_loan(db, office):
    with db.session() as session:
        joined = cohort_figures(session, office.clerk, period_from=date(2024, 1, 1), period_to=date(2025, 12, 31))
        first_loan = cohort_figures(session, office.manager, period_from=date(2024, 1, 1), period_to=date(2025, 12, 31),
                                    basis=CohortBasis.FIRST_LOAN, span=CohortSpan.QUARTER, fund_id=office.fund_id)
        with pytest.raises(PermissionDenied):
            cohort_figures(session, office.treasurer, period_from=date(2024, 1, 1), period_to=date(2025, 12, 31))
    assert [(r.cohort, r.milestone, r.measured, r.median_income, r.figures.median_income_change) for r in joined] == [
        ("2024", "Data awal", 3, 1_000_000, None),
        ("2024", "6 bulan", 1, 1_300_000, 300_000),
        ("2024", "12 bulan", 2, 1_900_000, 400_000),  # (600.000 + 200.000) / 2
    ]
    assert [(r.cohort, r.milestone, r.measured, r.median_income) for r in first_loan] == [
        ("2025 T1", "Data awal", 1, 500_000), ("2025 T1", "6 bulan", 1, 800_000), ("2025 T1", "12 bulan", 0, None),
    ]


def test_the_period_chooses_the_cohorts_and_ends_the_measurements(db, office):
    with db.session() as session:
        rows = cohort_figures(session, office.clerk, period_from=date(2024, 1, 1), period_to=date(2024, 12, 31))
    assert [(r.milestone, r.measured) for r in rows] == [("Data awal", 3), ("6 bulan", 1), ("12 bulan", 0)]
