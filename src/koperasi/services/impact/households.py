"""Household measurements: the baseline and every later visit, each a new dated record.

Income and household figures are personal: reading them needs ``VIEW_HOUSEHOLDS`` and every read of a
member's history is written to the audit trail, like every measurement saved.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from koperasi import clock
from koperasi.db.models import HouseholdMeasurement, HouseholdMember, Member, User
from koperasi.domain.errors import ConflictError, NotFound, ValidationError
from koperasi.domain.impact.household import BusinessStatus, Measurement, check_measurement
from koperasi.domain.impact.papers import HouseholdHistory, RecordedMeasurement
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.office import audit
from koperasi.services.transaction import write


_STATUS = {status.value: status for status in BusinessStatus}  # a dict look-up: the enum's call is 1/3 of building a row


def measurement_of(row) -> Measurement:
    """A measurement from its ORM row."""
    return Measurement(
        measured_on=row.measured_on, livelihoods=row.livelihoods, monthly_income=row.monthly_income,
        income_estimated=row.income_estimated, household_size=row.household_size,
        business_status=_STATUS[row.business_status], land_m2=row.land_m2, moneylender_debt=row.moneylender_debt,
        moneylender_amount=row.moneylender_amount, school_age_children=row.school_age_children,
        children_in_school=row.children_in_school, woman_business=row.woman_business, notes=row.notes,
    )


def _member(session: Session, member_id: uuid.UUID) -> Member:
    member = session.get(Member, member_id) if isinstance(member_id, uuid.UUID) else None
    if member is None:
        raise NotFound("Anggota tidak ditemukan.")
    return member


def _officer(session: Session, officer_id: uuid.UUID) -> User:
    officer = session.get(User, officer_id) if isinstance(officer_id, uuid.UUID) else None
    if officer is None or not officer.active:
        raise ValidationError("Pilih petugas lapangan yang masih aktif.", field="officer")
    return officer


def _audit_snapshot(data: Measurement) -> dict[str, object]:
    snapshot = asdict(data)
    snapshot["measured_on"] = data.measured_on.isoformat()
    snapshot["business_status"] = data.business_status.value
    return snapshot


def record_measurement(
    session: Session, actor: Actor, member_id: uuid.UUID, data: Measurement, *, officer_id: uuid.UUID
) -> uuid.UUID:
    """Save a baseline or visit as a new record; an earlier one is never touched."""
    with write(session):
        authorize(session, actor, Permission.RECORD_VISITS)
        member = _member(session, member_id)
        officer = _officer(session, officer_id)
        clean = check_measurement(data, joined_on=member.join_date, today=clock.today())
        same_day = select(HouseholdMeasurement.id).where(
            HouseholdMeasurement.member_id == member.id, HouseholdMeasurement.measured_on == clean.measured_on
        )
        if session.scalar(same_day) is not None:
            raise ConflictError("Data rumah tangga anggota ini pada tanggal tersebut sudah dicatat.")
        row = HouseholdMeasurement(
            id=uuid.uuid4(), member_id=member.id, officer_id=officer.id, created_by=actor.user_id, created_at=clock.now(),
            **{key: value for key, value in asdict(clean).items() if key != "business_status"},
            business_status=clean.business_status.value,
        )
        session.add(row)
        session.flush()
        audit.record(session, actor, action=AuditAction.HOUSEHOLD_MEASURED, entity="member", entity_id=member.id,
                     after={**_audit_snapshot(clean), "officer": officer.full_name})
        return row.id


def household_history(session: Session, actor: Actor, member_id: uuid.UUID) -> HouseholdHistory:
    """A member's measurements, oldest first; the view is audited (personal data)."""
    with write(session):
        authorize(session, actor, Permission.VIEW_HOUSEHOLDS)
        member = _member(session, member_id)
        history = _history(session, member)
        audit.record(session, actor, action=AuditAction.HOUSEHOLD_VIEWED, entity="member", entity_id=member.id)
        return history


def _history(session: Session, member: Member) -> HouseholdHistory:
    rows = session.execute(
        select(HouseholdMeasurement, User.full_name)
        .join(User, User.id == HouseholdMeasurement.officer_id)
        .where(HouseholdMeasurement.member_id == member.id)
        .order_by(HouseholdMeasurement.measured_on)
    ).all()
    others = session.scalar(select(func.count()).select_from(HouseholdMember).where(HouseholdMember.member_id == member.id))
    return HouseholdHistory(
        member_id=member.id, number=member.number, full_name=member.full_name, joined_on=member.join_date,
        household_size=1 + (others or 0),
        measurements=[RecordedMeasurement(row.id, measurement_of(row), officer) for row, officer in rows],
    )


def histories(session: Session, member_ids: list[uuid.UUID]) -> list[HouseholdHistory]:
    """For papers built inside another service's checked, audited call (the visit sheet)."""
    return [_history(session, _member(session, member_id)) for member_id in member_ids]
