"""Follow-up visits due (kunjungan pendampingan): per field officer and desa, and the sheets to print.

The schedule is made from what the members' programmes already record: disbursed loans (every N months
while they run) and training certificates (N months after); see domain/impact/visits.py. Four set
queries read the members in view, their loans, their certificates and their last measurement; the rule
is then applied per member in Python.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from koperasi import clock
from koperasi.db.models import (
    Desa,
    HouseholdMeasurement,
    Kecamatan,
    Loan,
    Member,
    TrainingCertificate,
    TrainingParticipant,
    User,
)
from koperasi.domain.errors import ValidationError
from koperasi.domain.impact.settings import VISIT_EVERY_MONTHS_DURING_LOAN, VISIT_MONTHS_AFTER_TRAINING
from koperasi.domain.impact.papers import DueVisit, SheetHousehold, VisitSheets
from koperasi.domain.impact.visits import parse_months, planned_visits, visit_due
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.impact.households import histories
from koperasi.services.office import audit
from koperasi.services.office.profile import current_office
from koperasi.services.office.settings import value_of
from koperasi.services.transaction import write

MAX_SHEETS = 500  # a week's round is a few dozen; more is a slip that would print a ream
_BATCH = 2000  # rows read at a time from a list over every member


@dataclass(frozen=True, slots=True)
class Officer:
    id: uuid.UUID
    full_name: str


def field_officers(session: Session, actor: Actor) -> list[Officer]:
    """Active users who may take a visit's figures: the choices of the officer box."""
    authorize(session, actor, Permission.USE_APP)
    rows = session.execute(select(User.id, User.full_name).where(User.active.is_(True)).order_by(User.full_name))
    return [Officer(row.id, row.full_name) for row in rows]


def _check_day(until: date) -> None:
    if type(until) is not date or not date(2000, 1, 1) <= until <= date(2200, 1, 1):
        raise ValidationError("Tanggal batas kunjungan tidak sah.", field="until")


def visits_due(
    session: Session, actor: Actor, *, until: date, officer_id: uuid.UUID | None = None, desa_id: uuid.UUID | None = None,
    kecamatan_code: str | None = None,
) -> list[DueVisit]:
    """Active members due for a visit on or before ``until``, oldest due first. ``officer_id``: only the
    households that officer measured last (a household without a baseline has no officer yet)."""
    authorize(session, actor, Permission.VIEW_HOUSEHOLDS)
    _check_day(until)
    if any(value is not None and not isinstance(value, uuid.UUID) for value in (officer_id, desa_id)) or (
            kecamatan_code is not None and not isinstance(kecamatan_code, str)):
        raise ValidationError("Pilihan petugas, kecamatan atau desa tidak sah.")
    members = select(Member.id).where(Member.status == "aktif", Member.join_date <= until)
    if desa_id is not None:
        members = members.where(Member.desa_id == desa_id)
    if kecamatan_code is not None:
        members = members.where(Member.kecamatan_code == kecamatan_code)
    if officer_id is not None:
        last = _last_measurements(members)
        members = members.where(Member.id.in_(select(last.c.member_id).where(last.c.officer_id == officer_id)))
    return _due(session, members, until)


def _due(session: Session, members: Select, until: date) -> list[DueVisit]:
    loan_every = value_of(session, VISIT_EVERY_MONTHS_DURING_LOAN)
    training_after = parse_months(value_of(session, VISIT_MONTHS_AFTER_TRAINING))
    in_view = members.subquery()
    last = _last_measurements(select(in_view.c.id))
    loans: dict[uuid.UUID, list[tuple[date, date | None]]] = defaultdict(list)
    for member_id, start, end in session.execute(
        select(Loan.member_id, Loan.disbursed_on, Loan.closed_on)
        .where(Loan.disbursed_on.is_not(None), Loan.member_id.in_(select(in_view.c.id)))
    ):
        loans[member_id].append((start, end))
    trainings: dict[uuid.UUID, list[date]] = defaultdict(list)
    for member_id, issued_on in session.execute(
        select(TrainingParticipant.member_id, TrainingCertificate.issued_on)
        .join(TrainingCertificate, TrainingCertificate.participant_id == TrainingParticipant.id)
        .where(TrainingParticipant.member_id.in_(select(in_view.c.id)))
    ):
        trainings[member_id].append(issued_on)
    # Each member with their last measurement in one query, read in batches: every member and every
    # measurement held at once came to ~90 MB at 100,000 members, for a list of the few that are due.
    people = (
        select(Member.id, Member.number, Member.full_name, Member.join_date, Desa.name, Kecamatan.name, last.c.measured_on, User.full_name)
        .join(Desa, Desa.id == Member.desa_id).join(Kecamatan, Kecamatan.code == Member.kecamatan_code)
        .outerjoin(last, last.c.member_id == Member.id).outerjoin(User, User.id == last.c.officer_id)
        .where(Member.id.in_(select(in_view.c.id)))
        .execution_options(yield_per=_BATCH)
    )
    due: list[DueVisit] = []
    for member_id, number, name, joined_on, desa, kecamatan, measured_on, measured_by in session.execute(people):
        last_on, officer = (measured_on, measured_by) if measured_by is not None else (None, "")
        plan = planned_visits(loans.get(member_id, ()), trainings.get(member_id, ()), loan_every=loan_every,
                              training_after=training_after, until=until)
        visit = visit_due(plan, last_on, joined_on)
        if visit is not None:
            due.append(DueVisit(member_id, number, name, desa, kecamatan, visit.on, visit.reason, last_on, officer))
    return sorted(due, key=lambda visit: (visit.due_on, visit.desa, visit.full_name, visit.number))


def _last_measurements(members: Select):
    """member_id, measured_on, officer_id of each member's latest measurement (a window over the index)."""
    ranked = (
        select(
            HouseholdMeasurement.member_id, HouseholdMeasurement.measured_on, HouseholdMeasurement.officer_id,
            func.row_number().over(partition_by=HouseholdMeasurement.member_id,
                                   order_by=HouseholdMeasurement.measured_on.desc()).label("rank"),
        )
        .where(HouseholdMeasurement.member_id.in_(members))
        .subquery()
    )
    return select(ranked.c.member_id, ranked.c.measured_on, ranked.c.officer_id).where(ranked.c.rank == 1).subquery()


def visit_sheets(session: Session, actor: Actor, member_ids: list[uuid.UUID], *, officer: str = "") -> VisitSheets:
    """The printed sheets of a visit round: each household with its figures so far and empty boxes.
    Printing personal figures is audited like viewing them."""
    if not isinstance(member_ids, list | tuple) or not member_ids:
        raise ValidationError("Pilih paling sedikit satu anggota untuk dicetak lembar kunjungannya.")
    if len(member_ids) > MAX_SHEETS:
        raise ValidationError(f"Paling banyak {MAX_SHEETS} lembar kunjungan sekali cetak.")
    with write(session):
        authorize(session, actor, Permission.VIEW_HOUSEHOLDS)
        ordered = list(dict.fromkeys(member_ids))
        if not all(isinstance(member_id, uuid.UUID) for member_id in ordered):
            raise ValidationError("Anggota yang dipilih tidak dikenal.")
        found = histories(session, ordered)
        desa = dict(session.execute(select(Member.id, Desa.name).join(Desa, Desa.id == Member.desa_id)
                                    .where(Member.id.in_(ordered))).all())
        due = {visit.member_id: visit for visit in _due(session, select(Member.id).where(Member.id.in_(ordered)), clock.today())}
        for history in found:
            audit.record(session, actor, action=AuditAction.HOUSEHOLD_VIEWED, entity="member", entity_id=history.member_id,
                         reason="lembar kunjungan dicetak")
        return VisitSheets(
            office=current_office(session).profile, printed_on=clock.today(), officer=officer if isinstance(officer, str) else "",
            households=[SheetHousehold(history, desa[history.member_id], due.get(history.member_id)) for history in found],
        )
