"""Cohorts by a hand-worked example: who is in which row, the window around 6 and 12 months, the medians."""

from __future__ import annotations

from datetime import date

from koperasi.domain.impact.cohorts import CohortHousehold, CohortSpan, at_month, cohort_of, cohort_rows
from koperasi.domain.impact.household import BusinessStatus
from tests.services.impact.test_households import measured


def test_cohort_names_sort_in_time_order():
    assert cohort_of(date(2024, 2, 29), CohortSpan.YEAR) == "2024"
    assert [cohort_of(date(2024, month, 1), CohortSpan.QUARTER) for month in (1, 4, 9, 12)] == ["2024 T1", "2024 T2", "2024 T3", "2024 T4"]


def test_the_measurement_closest_to_the_month_within_two_months_counts():
    start = date(2024, 1, 15)
    early, late, outside = measured(date(2024, 6, 1)), measured(date(2024, 7, 20)), measured(date(2024, 9, 16))
    assert at_month(start, 6, [early, late, outside]) is late  # 5 days after 15 July beats 44 days before
    assert at_month(start, 6, [outside]) is None  # two months and a day late
    tie_before, tie_after = measured(date(2024, 7, 5)), measured(date(2024, 7, 25))
    assert at_month(start, 6, [tie_before, tie_after]) is tie_after


def test_rows_per_cohort_at_the_baseline_6_and_12_months():
    a = CohortHousehold("a", date(2024, 1, 10), [
        measured(date(2024, 1, 10), 1_000_000), measured(date(2024, 7, 10), 1_300_000, business_status=BusinessStatus.STARTING),
        measured(date(2025, 1, 12), 1_600_000, moneylender_debt=False, moneylender_amount=0)], poverty_line=300_000)
    b = CohortHousehold("b", date(2024, 5, 2), [measured(date(2024, 5, 2), 2_000_000), measured(date(2025, 5, 1), 1_900_000)],
                        poverty_line=300_000)
    c = CohortHousehold("c", date(2025, 3, 3), [measured(date(2025, 3, 3), 800_000)])
    nobody = CohortHousehold("d", date(2025, 3, 3), [])
    rows = cohort_rows([a, b, c, nobody], CohortSpan.YEAR)
    assert [(r.cohort, r.milestone, r.measured, r.median_income) for r in rows] == [
        ("2024", "Data awal", 2, 1_500_000), ("2024", "6 bulan", 1, 1_300_000), ("2024", "12 bulan", 2, 1_750_000),
        ("2025", "Data awal", 1, 800_000), ("2025", "6 bulan", 0, None), ("2025", "12 bulan", 0, None),
    ]
    six, twelve = rows[1].figures, rows[2].figures
    assert (six.households, six.followed_up, six.median_income_change, six.businesses_started_or_grown) == (2, 1, 300_000, 1)
    assert (twelve.followed_up, twelve.median_income_change, twelve.moneylender_debt_ended) == (2, 250_000, 1)
    # income 1.6 M for 4 people is above 300,000 a person; 1.9 M too; at the baseline 1.0 M was not
    assert (twelve.above_poverty_before, twelve.above_poverty_after) == (1, 2)
    assert rows[0].figures.followed_up == 0
