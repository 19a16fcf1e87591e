"""The funder's report made for the PDF (no anonymous rows) against the full one over varied households, and the
estimated incomes it counts in SQL against the anonymous rows."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

import pytest

from koperasi.domain.impact.household import BusinessStatus
from koperasi.domain.people import Sex
from koperasi.services.impact import households, poverty
from koperasi.services.impact.report import funder_report
from tests.services.impact.test_households import measured
from tests.training_support import training_office

YEAR_2025 = {"period_from": date(2025, 1, 1), "period_to": date(2025, 12, 31)}
CATEGORIES = ("petani_kecil", "perempuan_kepala_keluarga", "buruh_harian")


@pytest.fixture
def office(db, admin):
    office = training_office(db, admin)
    rng = random.Random(1616)
    days = [date(2024, 3, 1), date(2024, 11, 5), date(2025, 4, 2), date(2025, 8, 9), date(2026, 1, 4)]
    with db.session() as session:
        poverty.set_poverty_line(session, office.manager, valid_from=date(2024, 1, 1), area="perdesaan", amount=300_000)
    for index in range(20):
        member = office.member(f"Anggota {index}", sex=rng.choice(list(Sex)),
                               desa_id=rng.choice((office.loans.desa_id, office.pauh_desa_id)),
                               categories=rng.sample(CATEGORIES, rng.randint(0, 2)))
        if index % 6 == 0:
            office.loans.active_loan(member)  # reached by a loan, measured or not
        with db.session() as session:
            for day in sorted(rng.sample(days, rng.randint(0, 4))):
                size = rng.randint(1, 6)
                children = rng.randint(0, size - 1)
                debt = rng.random() < 0.5
                households.record_measurement(session, office.clerk, member, measured(
                    day, rng.randrange(0, 4_000_000, 50_000), income_estimated=rng.random() < 0.4, household_size=size,
                    business_status=rng.choice(list(BusinessStatus)), moneylender_debt=debt,
                    moneylender_amount=rng.randint(1, 9) * 100_000 if debt else 0, school_age_children=children,
                    children_in_school=rng.randint(0, children), woman_business=rng.random() < 0.5,
                ), officer_id=office.clerk.user_id)
    return office


def test_the_pdfs_report_is_the_full_one_without_the_rows(db, office):
    with db.session() as session:
        full = funder_report(session, office.manager, **YEAR_2025)
        for_pdf = funder_report(session, office.manager, anonymous_rows=False, **YEAR_2025)
    assert for_pdf.households == [] and len(full.households) == full.figures.total.households > 10
    assert replace(for_pdf, households=full.households) == full
    counted = replace(full, incomes_estimated=None).estimated  # counted over the anonymous rows
    assert full.incomes_estimated == counted and 0 < counted < len(full.households)
