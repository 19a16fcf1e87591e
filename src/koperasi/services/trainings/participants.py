"""Who takes part in a batch: members and people of their households, enrolment and withdrawal,
and whether each has completed by the programme's rule.

A session counts as held once its attendance is taken: planned sessions do not count
against anyone, and a participant's share is measured against what actually took place.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from koperasi.db.models import (
    Desa,
    HouseholdMember,
    LoanProduct,
    Member,
    TrainingAttendance,
    TrainingBatch,
    TrainingCertificate,
    TrainingParticipant,
    TrainingProgramme,
    TrainingSession,
)
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.errors import ConflictError, NotFound, ValidationError
from koperasi.domain.members.register import MemberStatus, Relation, SchoolStatus, age_on
from koperasi.domain.roles import Actor, Permission
from koperasi.domain.trainings.rules import CompletionRule, RuleKind
from koperasi.services.office import audit
from koperasi.services.access import authorize
from koperasi.services.trainings.programmes import open_batch
from koperasi.services.transaction import write
from koperasi import clock


@dataclass(frozen=True, slots=True)
class ParticipantView:
    id: uuid.UUID
    member_id: uuid.UUID | None
    household_member_id: uuid.UUID | None
    name: str
    identity: str  # member number, or "Anak dari Siti Aminah (SRL-000123)"
    sex: str
    desa: str
    enrolled_on: date
    withdrawn_on: date | None
    withdraw_reason: str
    attended: int
    sessions_held: int
    completed: bool
    certificate_number: str
    version: int


def list_participants(session: Session, actor: Actor, batch_id: uuid.UUID) -> list[ParticipantView]:
    authorize(session, actor, Permission.USE_APP)
    batch = session.get(TrainingBatch, batch_id)
    if batch is None:
        raise NotFound("Angkatan pelatihan tidak ditemukan.")
    programme = session.get(TrainingProgramme, batch.programme_id)
    rule = CompletionRule(RuleKind(programme.rule_kind), programme.rule_value)
    held_dates = _held_dates(session, batch_id)
    attended = dict(
        session.execute(
            select(TrainingAttendance.participant_id, func.count())
            .join(TrainingSession, TrainingSession.id == TrainingAttendance.session_id)
            .where(TrainingSession.batch_id == batch_id, TrainingSession.cancelled.is_(False),
                   TrainingAttendance.present.is_(True))
            .group_by(TrainingAttendance.participant_id)
        ).all()
    )
    certificates = dict(
        session.execute(
            select(TrainingCertificate.participant_id, TrainingCertificate.number)
            .join(TrainingParticipant, TrainingParticipant.id == TrainingCertificate.participant_id)
            .where(TrainingParticipant.batch_id == batch_id)
        ).all()
    )
    views = []
    for row, person in _people(session, batch_id):
        count = attended.get(row.id, 0)
        # Sessions before someone enrolled are not held against them.
        held = sum(1 for day in held_dates if day >= row.enrolled_on)
        views.append(
            ParticipantView(
                row.id, row.member_id, row.household_member_id, person.name, person.identity, person.sex, person.desa,
                row.enrolled_on, row.withdrawn_on, row.withdraw_reason, count, held,
                row.withdrawn_on is None and rule.met(count, held), certificates.get(row.id, ""), row.version,
            )
        )
    return views


def _held_dates(session: Session, batch_id: uuid.UUID) -> list[date]:
    """The day of each session of the batch whose attendance was taken (one entry per session)."""
    return list(
        session.scalars(
            select(TrainingSession.held_on)
            .where(TrainingSession.batch_id == batch_id, TrainingSession.cancelled.is_(False),
                   TrainingSession.id.in_(select(TrainingAttendance.session_id)))
        )
    )


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    identity: str
    sex: str
    desa: str


def _people(session: Session, batch_id: uuid.UUID) -> list[tuple[TrainingParticipant, Person]]:
    """Each participant with the person behind it, members and household members alike, by name."""
    head = aliased(Member)
    rows = session.execute(
        select(TrainingParticipant, Member, HouseholdMember, head, Desa.name)
        .outerjoin(Member, Member.id == TrainingParticipant.member_id)
        .outerjoin(HouseholdMember, HouseholdMember.id == TrainingParticipant.household_member_id)
        .outerjoin(head, head.id == HouseholdMember.member_id)
        .outerjoin(Desa, Desa.id == func.coalesce(Member.desa_id, head.desa_id))
        .where(TrainingParticipant.batch_id == batch_id)
    ).all()
    people = []
    for participant, member, relative, household_head, desa in rows:
        if member is not None:
            person = Person(member.full_name, member.number, member.sex, desa or "")
        else:
            relation = Relation(relative.relation)
            person = Person(
                relative.full_name,
                f"{relation_label(relation)} dari {household_head.full_name} ({household_head.number})",
                relative.sex, desa or "",
            )
        people.append((participant, person))
    return sorted(people, key=lambda pair: pair[1].name.lower())


def relation_label(relation: Relation) -> str:
    return {
        Relation.CHILD: "Anak", Relation.SPOUSE: "Suami/istri", Relation.GRANDCHILD: "Cucu",
        Relation.CHILD_IN_LAW: "Menantu", Relation.PARENT: "Orang tua", Relation.PARENT_IN_LAW: "Mertua",
    }.get(relation, "Keluarga")


def enrol(
    session: Session,
    actor: Actor,
    batch_id: uuid.UUID,
    *,
    member_id: uuid.UUID | None = None,
    household_member_id: uuid.UUID | None = None,
    enrolled_on: date,
) -> uuid.UUID:
    """Enrol a member or one person of a member's household; the same person twice is refused."""
    with write(session):
        authorize(session, actor, Permission.MANAGE_TRAININGS)
        batch = open_batch(session, batch_id)
        if (member_id is None) == (household_member_id is None):
            raise ValidationError("Pilih satu orang: anggota atau anggota keluarganya.", field="member_id")
        if enrolled_on > clock.today():
            raise ValidationError("Tanggal daftar tidak boleh di masa depan.", field="enrolled_on")
        name = _check_person(session, member_id, household_member_id)
        column = TrainingParticipant.member_id if member_id else TrainingParticipant.household_member_id
        existing = session.scalar(
            select(TrainingParticipant).where(TrainingParticipant.batch_id == batch_id, column == (member_id or household_member_id))
        )
        if existing is not None:
            note = " (sudah mengundurkan diri)" if existing.withdrawn_on else ""
            raise ConflictError(f"{name} sudah terdaftar di angkatan {batch.name}{note}.")
        row = TrainingParticipant(batch_id=batch_id, member_id=member_id, household_member_id=household_member_id,
                                  enrolled_on=enrolled_on, withdraw_reason="")
        session.add(row)
        session.flush()
        audit.record(session, actor, action=AuditAction.PARTICIPANT_ENROLLED, entity="batch", entity_id=batch_id,
                     after={"participant": name, "enrolled_on": enrolled_on.isoformat()})
        return row.id


def _check_person(session: Session, member_id: uuid.UUID | None, household_member_id: uuid.UUID | None) -> str:
    if member_id is not None:
        member = session.get(Member, member_id)
        if member is None:
            raise NotFound("Anggota tidak ditemukan.")
        if member.status != MemberStatus.ACTIVE:
            raise ValidationError(f"{member.full_name} sudah keluar dari koperasi.", field="member_id")
        return member.full_name
    relative = session.get(HouseholdMember, household_member_id)
    if relative is None:
        raise NotFound("Anggota keluarga tidak ditemukan.")
    household = session.get(Member, relative.member_id)
    if household.status != MemberStatus.ACTIVE:
        raise ValidationError(f"{household.full_name}, kepala keluarga {relative.full_name}, sudah keluar dari koperasi.",
                              field="member_id")
    return relative.full_name


def withdraw(
    session: Session, actor: Actor, participant_id: uuid.UUID, *, withdrawn_on: date, reason: str, expected_version: int
) -> None:
    with write(session):
        authorize(session, actor, Permission.MANAGE_TRAININGS)
        row = session.get(TrainingParticipant, participant_id)
        if row is None:
            raise NotFound("Peserta tidak ditemukan.")
        if row.version != expected_version:
            raise ConflictError("Data peserta ini sudah diubah oleh pengguna lain. Muat ulang lalu ulangi.")
        open_batch(session, row.batch_id)
        if row.withdrawn_on is not None:
            raise ValidationError("Peserta ini sudah mengundurkan diri.")
        if withdrawn_on < row.enrolled_on or withdrawn_on > clock.today():
            raise ValidationError("Tanggal mundur antara tanggal daftar dan hari ini.", field="withdrawn_on")
        if session.scalar(select(TrainingCertificate.id).where(TrainingCertificate.participant_id == row.id)):
            raise ValidationError("Peserta yang sudah bersertifikat tidak dapat mundur.")
        last_present = session.scalar(
            select(func.max(TrainingSession.held_on))
            .join(TrainingAttendance, TrainingAttendance.session_id == TrainingSession.id)
            .where(TrainingAttendance.participant_id == row.id, TrainingAttendance.present.is_(True))
        )
        if last_present is not None and withdrawn_on <= last_present:
            raise ValidationError(
                f"Peserta ini tercatat hadir pada {last_present:%d-%m-%Y}; tanggal mundur harus sesudahnya.",
                field="withdrawn_on",
            )
        cleaned = " ".join(reason.split())
        if not 3 <= len(cleaned) <= 250:
            raise ValidationError("Tuliskan alasan mundur (3 sampai 250 huruf).", field="reason")
        row.withdrawn_on, row.withdraw_reason = withdrawn_on, cleaned
        session.flush()
        audit.record(session, actor, action=AuditAction.PARTICIPANT_WITHDRAWN, entity="batch", entity_id=row.batch_id,
                     after={"participant": str(row.id), "left_on": withdrawn_on.isoformat()}, reason=cleaned)


@dataclass(frozen=True, slots=True)
class HouseholdCandidate:
    id: uuid.UUID
    name: str
    relation: str
    sex: str
    age: int | None
    school: str  # "Putus sekolah", "" when not recorded


def household_candidates(session: Session, actor: Actor, member_id: uuid.UUID, *, today: date | None = None) -> list[HouseholdCandidate]:
    """The people of a member's household who could join a training (e.g. a child out of school)."""
    authorize(session, actor, Permission.USE_APP)
    today = today or clock.today()
    rows = session.scalars(
        select(HouseholdMember).where(HouseholdMember.member_id == member_id).order_by(HouseholdMember.position)
    )
    return [
        HouseholdCandidate(
            row.id, row.full_name, relation_label(Relation(row.relation)), row.sex,
            age_on(row.birth_date, today) if row.birth_date else None,
            SchoolStatus(row.school_status).label if row.school_status else "",
        )
        for row in rows
    ]


def has_completed(session: Session, member_id: uuid.UUID, programme_id: uuid.UUID) -> bool:
    """Whether a member completed any batch of a programme (the loan eligibility rule)."""
    programme = session.get(TrainingProgramme, programme_id)
    if programme is None:
        return False
    rule = CompletionRule(RuleKind(programme.rule_kind), programme.rule_value)
    rows = session.execute(
        select(TrainingParticipant.id, TrainingParticipant.batch_id)
        .join(TrainingBatch, TrainingBatch.id == TrainingParticipant.batch_id)
        .where(TrainingParticipant.member_id == member_id, TrainingBatch.programme_id == programme_id,
               TrainingParticipant.withdrawn_on.is_(None))
    ).all()
    for participant_id, batch_id in rows:
        attended = session.scalar(
            select(func.count()).select_from(TrainingAttendance)
            .join(TrainingSession, TrainingSession.id == TrainingAttendance.session_id)
            .where(TrainingAttendance.participant_id == participant_id, TrainingAttendance.present.is_(True),
                   TrainingSession.cancelled.is_(False))
        ) or 0
        enrolled_on = session.get(TrainingParticipant, participant_id).enrolled_on
        if rule.met(attended, sum(1 for day in _held_dates(session, batch_id) if day >= enrolled_on)):
            return True
    return False


def member_meets_requirement(
    session: Session, actor: Actor, member_id: uuid.UUID, product_id: uuid.UUID
) -> tuple[str, bool] | None:
    """The training a loan product requires and whether the member has completed it
    (the check an application meets); None when the product requires none."""
    authorize(session, actor, Permission.USE_APP)
    product = session.get(LoanProduct, product_id)
    if product is None:
        raise NotFound("Produk pinjaman tidak ditemukan.")
    if product.required_programme_id is None:
        return None
    if session.get(Member, member_id) is None:
        raise NotFound("Anggota tidak ditemukan.")
    programme = session.get(TrainingProgramme, product.required_programme_id)
    return programme.name, has_completed(session, member_id, product.required_programme_id)
