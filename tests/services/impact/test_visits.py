"""Visits due: baseline first, every N months during a loan, 6 and 12 months after a training; the list
per officer and desa; the printed sheets carry the last figures and are audited."""

from __future__ import annotations

from datetime import date

import pytest

from koperasi.domain.errors import ValidationError
from koperasi.domain.impact.settings import VISIT_EVERY_MONTHS_DURING_LOAN
from koperasi.domain.impact.visits import VisitReason
from koperasi.services.impact import households, visits
from koperasi.services.office import settings
from tests.services.impact.test_households import measured
from tests.training_support import batch_with_sessions, training_office


@pytest.fixture
def office(db, admin):
    return training_office(db, admin)


def due(db, actor, **filters):
    with db.session() as session:
        return {visit.full_name: visit for visit in visits.visits_due(session, actor, until=filters.pop("until", date(2026, 11, 28)),
                                                                          **filters)}


def test_a_member_without_figures_is_due_for_the_baseline_from_joining(db, office):
    office.member("Siti Aminah")
    visit = due(db, office.clerk)["Siti Aminah"]
    assert (visit.reason, visit.due_on, visit.last_measured, visit.officer) == (VisitReason.BASELINE, date(2024, 1, 2), None, "")


def test_a_borrower_is_due_every_three_months_of_the_loan_and_a_visit_clears_it(db, office):
    siti = office.member("Siti Aminah")
    office.loans.active_loan(siti)  # disbursed 6 January 2025
    with db.session() as session:
        households.record_measurement(session, office.clerk, siti, measured(date(2025, 1, 6)), officer_id=office.clerk.user_id)
    assert "Siti Aminah" not in due(db, office.clerk, until=date(2025, 4, 5))
    visit = due(db, office.clerk, until=date(2025, 4, 6))["Siti Aminah"]
    assert (visit.reason, visit.due_on, visit.officer) == (VisitReason.LOAN, date(2025, 4, 6), office.clerk.full_name)
    # overdue visits fold into the latest: on 1 August the July visit is what is due
    assert due(db, office.clerk, until=date(2025, 8, 1))["Siti Aminah"].due_on == date(2025, 7, 6)
    with db.session() as session:  # a visit a week early counts as the planned one
        households.record_measurement(session, office.clerk, siti, measured(date(2025, 6, 29)), officer_id=office.clerk.user_id)
    assert "Siti Aminah" not in due(db, office.clerk, until=date(2025, 8, 1))


def test_the_interval_is_an_office_setting(db, office):
    siti = office.member("Siti Aminah")
    office.loans.active_loan(siti)
    with db.session() as session:
        households.record_measurement(session, office.clerk, siti, measured(date(2025, 1, 6)), officer_id=office.clerk.user_id)
        settings.change_setting(session, office.manager, VISIT_EVERY_MONTHS_DURING_LOAN, 2, expected_version=0)
    assert due(db, office.clerk, until=date(2025, 3, 6))["Siti Aminah"].due_on == date(2025, 3, 6)


def test_a_completed_training_brings_visits_after_six_and_twelve_months(db, office):
    _, batch, sessions = batch_with_sessions(office)
    siti = office.member("Siti Aminah")
    person = office.enrol(batch, siti)
    for held in sessions:
        office.attend(held, {person: True})
    office.certify(person)  # 7 April 2025
    with db.session() as session:
        households.record_measurement(session, office.clerk, siti, measured(date(2025, 4, 7)), officer_id=office.clerk.user_id)
    name = "Siti Aminah"
    assert name not in due(db, office.clerk, until=date(2025, 10, 6))
    assert due(db, office.clerk, until=date(2025, 10, 7))[name].reason is VisitReason.TRAINING
    assert due(db, office.clerk, until=date(2026, 4, 7))[name].due_on == date(2026, 4, 7)


def test_the_list_filters_by_officer_and_desa(db, office):
    siti = office.member("Siti Aminah")
    office.member("Rahmawati", desa_id=office.pauh_desa_id)
    with db.session() as session:
        households.record_measurement(session, office.clerk, siti, measured(date(2024, 1, 10)), officer_id=office.manager.user_id)
    office.loans.active_loan(siti)
    assert set(due(db, office.clerk, officer_id=office.manager.user_id)) == {"Siti Aminah"}
    assert set(due(db, office.clerk, officer_id=office.clerk.user_id)) == set()
    assert set(due(db, office.clerk, desa_id=office.pauh_desa_id)) == {"Rahmawati"}


def test_the_sheets_carry_the_last_figures_and_are_audited(db, office):
    siti = office.member("Siti Aminah")
    with db.session() as session:
        households.record_measurement(session, office.clerk, siti, measured(date(2024, 1, 10)), officer_id=office.clerk.user_id)
        sheets = visits.visit_sheets(session, office.clerk, [siti], officer="Budi")
    (household,) = sheets.households
    assert household.history.baseline.data.monthly_income == 1_500_000 and household.desa and sheets.officer == "Budi"
    assert household.due is None  # just measured: nothing due until the loan or a training brings a visit
    assert len(office.events("household_viewed")) == 1
    with db.session() as session, pytest.raises(ValidationError, match="paling sedikit satu"):
        visits.visit_sheets(session, office.clerk, [])
