"""Household measurements: new dated records, never overwritten; bad input refused in Indonesian; audited."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import DBAPIError

from koperasi.db.models import AuditEvent, HouseholdMeasurement
from koperasi.domain.errors import ConflictError, PermissionDenied, ValidationError
from koperasi.domain.impact.household import BusinessStatus, Measurement
from koperasi.services.impact import households
from tests.loan_support import loan_office

JOINED = date(2024, 1, 2)  # loan_office's members join on this day


def measured(on: date = date(2024, 1, 10), income: int = 1_500_000, **changes) -> Measurement:
    base = Measurement(
        measured_on=on, livelihoods="Petani karet", monthly_income=income, income_estimated=True, household_size=4,
        business_status=BusinessStatus.NONE, land_m2=5000, moneylender_debt=True, moneylender_amount=2_000_000,
        school_age_children=2, children_in_school=1, woman_business=False,
    )
    return replace(base, **changes)


@pytest.fixture
def office(db, admin):
    return loan_office(db, admin)


def test_later_measurements_are_new_records_and_the_first_stays_the_baseline(db, office):
    siti = office.member()
    with db.session() as session:
        households.record_measurement(session, office.clerk, siti, measured(), officer_id=office.clerk.user_id)
        households.record_measurement(session, office.clerk, siti, measured(date(2024, 7, 10), 2_100_000, moneylender_debt=False,
                                      moneylender_amount=0, business_status=BusinessStatus.STARTING),
                                      officer_id=office.manager.user_id)
        history = households.household_history(session, office.clerk, siti)
    assert [m.data.measured_on for m in history.measurements] == [date(2024, 1, 10), date(2024, 7, 10)]
    assert history.baseline.data.monthly_income == 1_500_000 and history.latest.data.monthly_income == 2_100_000
    assert history.latest.officer == office.manager.full_name
    assert type(history.baseline.data.monthly_income) is int


def test_a_measurement_cannot_be_changed_in_the_database(db, office):
    siti = office.member()
    with db.session() as session:
        households.record_measurement(session, office.clerk, siti, measured(), officer_id=office.clerk.user_id)
    with db.session() as session, pytest.raises(DBAPIError, match="append-only"):
        session.execute(update(HouseholdMeasurement).values(monthly_income=9))
        session.flush()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"monthly_income": -1}, "di bawah nol"),
        ({"measured_on": date(2023, 12, 31)}, "sebelum anggota terdaftar"),
        ({"measured_on": date(2026, 11, 29)}, "masa depan"),
        ({"children_in_school": 3}, "lebih banyak"),
        ({"moneylender_amount": 0}, "jumlah utang"),
        ({"livelihoods": "  "}, "mata pencaharian"),
        ({"household_size": 0}, "anggota rumah tangga"),
    ],
)
def test_bad_figures_are_refused_with_an_indonesian_message(db, office, changes, message):
    siti = office.member()
    with db.session() as session, pytest.raises(ValidationError, match=f"(?i){message}"):
        households.record_measurement(session, office.clerk, siti, measured(**changes), officer_id=office.clerk.user_id)


def test_the_same_day_twice_is_refused(db, office):
    siti = office.member()
    with db.session() as session:
        households.record_measurement(session, office.clerk, siti, measured(), officer_id=office.clerk.user_id)
        with pytest.raises(ConflictError, match="sudah dicatat"):
            households.record_measurement(session, office.clerk, siti, measured(income=9), officer_id=office.clerk.user_id)


def test_saving_and_viewing_are_audited_and_the_treasurer_sees_nothing(db, office):
    siti = office.member()
    with db.session() as session:
        households.record_measurement(session, office.clerk, siti, measured(), officer_id=office.clerk.user_id)
        households.household_history(session, office.manager, siti)
        with pytest.raises(PermissionDenied):
            households.household_history(session, office.treasurer, siti)
        actions = session.execute(
            select(AuditEvent.action, AuditEvent.username).where(AuditEvent.entity_id == str(siti)).order_by(AuditEvent.id)
        ).all()
    assert actions[-2:] == [("household_measured", office.clerk.username), ("household_viewed", office.manager.username)]
