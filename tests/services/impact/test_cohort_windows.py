"""The cohorts' milestones as SQL picks them, held to the domain's definition (domain/impact/cohorts.py) where
the windows are easy to get wrong: starts at a month's end, a leap day, measurements on a window's edge or one
day outside it, two measurements equally far from the target, and a baseline that falls in a window."""

from __future__ import annotations

from datetime import date

from koperasi.domain.impact.cohorts import CohortHousehold, CohortSpan, cohort_rows
from koperasi.domain.members.register import MemberInput
from koperasi.domain.people import Sex
from koperasi.services.impact import households
from koperasi.services.impact.indicators import cohort_figures
from koperasi.services.members import register as members
from tests.loan_support import loan_office
from tests.services.impact.test_households import measured

# Each household alone in its quarter, so that a milestone's median income is the income of the measurement picked.
JOINED_AND_MEASURED = {
    # 6 months: 28 Feb 2025, window 28 Dec 2024 .. 28 Apr 2025; 12 months: 31 Aug 2025, window 30 Jun .. 31 Oct 2025.
    date(2024, 8, 31): [(date(2024, 8, 31), 1_000_000), (date(2024, 12, 27), 1_100_000), (date(2025, 4, 28), 1_200_000),
                        (date(2025, 6, 30), 1_300_000), (date(2025, 10, 31), 1_400_000)],
    # 6 months: 29 Aug 2024, two measurements ten days either side (the later wins); 12 months: 28 Feb 2025, window
    # from 28 Dec 2024, one day missed.
    date(2024, 2, 29): [(date(2024, 3, 1), 500_000), (date(2024, 8, 19), 600_000), (date(2024, 9, 8), 700_000),
                        (date(2024, 12, 27), 800_000)],
    # 6 months: 30 Jun 2024, window from 30 Apr, one day missed; 12 months: 31 Dec 2024, window to 28 Feb 2025.
    date(2023, 12, 31): [(date(2023, 12, 31), 2_000_000), (date(2024, 4, 29), 2_100_000), (date(2025, 2, 28), 2_200_000),
                         (date(2025, 3, 1), 2_300_000)],
    # 6 months: 30 Nov 2024, window 30 Sep 2024 .. 30 Jan 2025, a measurement on each edge (61 days off each).
    date(2024, 5, 31): [(date(2024, 6, 15), 3_000_000), (date(2024, 9, 30), 3_100_000), (date(2025, 1, 30), 3_200_000)],
    # The baseline on the 6 months' target itself: the milestone is the next measurement.
    date(2023, 7, 15): [(date(2024, 1, 15), 4_000_000), (date(2024, 2, 15), 4_100_000)],
}


def test_the_milestones_sql_picks_are_the_domains(db, admin):
    office = loan_office(db, admin)
    kept: list[CohortHousehold] = []
    with db.session() as session:
        for number, (joined, taken) in enumerate(JOINED_AND_MEASURED.items()):
            member_id = members.register_member(session, admin, MemberInput(
                full_name=f"Anggota {number}", sex=Sex.FEMALE, birth_date=date(1980, 1, 1), desa_id=str(office.desa_id),
                join_date=joined), accept_warnings=True).id
            for day, income in taken:
                households.record_measurement(session, office.clerk, member_id, measured(day, income),
                                              officer_id=office.clerk.user_id)
            kept.append(CohortHousehold(member_id, joined, [measured(day, income) for day, income in taken]))
        rows = cohort_figures(session, office.clerk, period_from=date(2023, 1, 1), period_to=date(2025, 12, 31),
                              span=CohortSpan.QUARTER)
    assert [(r.cohort, r.milestone, r.measured, r.median_income) for r in rows] == [
        ("2023 T3", "Data awal", 1, 4_000_000), ("2023 T3", "6 bulan", 1, 4_100_000), ("2023 T3", "12 bulan", 0, None),
        ("2023 T4", "Data awal", 1, 2_000_000), ("2023 T4", "6 bulan", 0, None), ("2023 T4", "12 bulan", 1, 2_200_000),
        ("2024 T1", "Data awal", 1, 500_000), ("2024 T1", "6 bulan", 1, 700_000), ("2024 T1", "12 bulan", 0, None),
        ("2024 T2", "Data awal", 1, 3_000_000), ("2024 T2", "6 bulan", 1, 3_200_000), ("2024 T2", "12 bulan", 0, None),
        ("2024 T3", "Data awal", 1, 1_000_000), ("2024 T3", "6 bulan", 1, 1_200_000), ("2024 T3", "12 bulan", 1, 1_400_000),
    ]
    assert rows == cohort_rows(kept, CohortSpan.QUARTER)
