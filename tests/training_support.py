"""Builders for training tests: an office with staff, desa in two kecamatan, members (with households
and categories), programmes, batches, sessions, enrolment and attendance."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import select

from koperasi.db.database import Database
from koperasi.db.models import AuditEvent, HouseholdMember, TrainingParticipant
from koperasi.domain.members.register import HouseholdPerson, MemberInput, Relation, SchoolStatus
from koperasi.domain.people import Sex
from koperasi.domain.roles import Actor
from koperasi.domain.trainings.rules import CompletionRule, ProgrammeInput, RuleKind, SessionInput, Topic
from koperasi.services.trainings import attendance
from koperasi.services.trainings import certificates
from koperasi.services.members import register as members
from koperasi.services.office import regions
from koperasi.services.trainings import participants as training_participants
from koperasi.services.trainings import programmes as trainings
from tests.loan_support import LoanOffice, loan_office

SINGKUT = "15.03.09"  # the kecamatan of loan_office's desa (Perdamaian)
PAUH = "15.03.04"
ENROLLED = date(2025, 3, 1)  # every participant enrols on this day unless told otherwise
DAY1, DAY2, DAY3, DAY4 = date(2025, 3, 10), date(2025, 3, 17), date(2025, 3, 24), date(2025, 3, 31)
ISSUED = date(2025, 4, 7)
SHARE_75 = CompletionRule(RuleKind.SHARE, 75)


@dataclass
class TrainingOffice:
    db: Database
    loans: LoanOffice  # staff, the Singkut desa, a fund and a loan product
    pauh_desa_id: uuid.UUID

    @property
    def admin(self) -> Actor:
        return self.loans.admin

    @property
    def clerk(self) -> Actor:
        return self.loans.clerk

    @property
    def manager(self) -> Actor:
        return self.loans.manager

    def member(self, name: str = "Siti Aminah", *, sex: Sex = Sex.FEMALE, desa_id: uuid.UUID | None = None,
               categories: Iterable[str] = (), household: tuple[HouseholdPerson, ...] = ()) -> uuid.UUID:
        with self.db.session() as session:
            return members.register_member(
                session, self.admin,
                MemberInput(full_name=name, sex=sex, birth_date=date(1980, 1, 1), desa_id=str(desa_id or self.loans.desa_id),
                            join_date=date(2024, 1, 2), categories=frozenset(categories), household=household),
                accept_warnings=True,
            ).id

    def member_with_child(self, name: str = "Siti Aminah", child: str = "Rudi Hartono", **kwargs) -> tuple[uuid.UUID, uuid.UUID]:
        """A member and the household member id of one out-of-school son."""
        member_id = self.member(name, household=(
            HouseholdPerson(child, Relation.CHILD, Sex.MALE, date(2009, 5, 1), SchoolStatus.DROPPED_OUT),
        ), **kwargs)
        with self.db.session() as session:
            return member_id, session.scalar(select(HouseholdMember.id).where(HouseholdMember.member_id == member_id))

    def programme(self, name: str = "Pertanian Organik", rule: CompletionRule = SHARE_75, topic: Topic = Topic.ORGANIC_FARMING) -> uuid.UUID:
        with self.db.session() as session:
            return trainings.create_programme(session, self.clerk, ProgrammeInput(name, topic, rule=rule, partner="Dinas Pertanian"))

    def batch(self, programme_id: uuid.UUID, name: str = "Angkatan 1", kecamatan_code: str | None = SINGKUT) -> uuid.UUID:
        with self.db.session() as session:
            return trainings.create_batch(session, self.clerk, programme_id=programme_id, name=name, kecamatan_code=kecamatan_code)

    def session(self, batch_id: uuid.UUID, held_on: date, subject: str = "") -> uuid.UUID:
        with self.db.session() as session:
            return trainings.add_session(
                session, self.clerk, batch_id,
                SessionInput(held_on, time(8, 0), time(12, 0), "Balai Desa Perdamaian", SINGKUT, None, "Ir. Hendra Gunawan", subject),
            )

    def sessions(self, batch_id: uuid.UUID, days: Iterable[date]) -> list[uuid.UUID]:
        return [self.session(batch_id, day) for day in days]

    def enrol(self, batch_id: uuid.UUID, member_id: uuid.UUID | None = None, *, household_member_id: uuid.UUID | None = None,
              on: date = ENROLLED) -> uuid.UUID:
        with self.db.session() as session:
            return training_participants.enrol(session, self.clerk, batch_id, member_id=member_id,
                                               household_member_id=household_member_id, enrolled_on=on)

    def attend(self, session_id: uuid.UUID, marks: Mapping[uuid.UUID, bool]) -> int:
        with self.db.session() as session:
            return attendance.record_attendance(session, self.clerk, session_id, marks)

    def withdraw(self, participant_id: uuid.UUID, on: date, reason: str = "Pindah ke Jambi") -> None:
        view = self.participant(participant_id)
        with self.db.session() as session:
            training_participants.withdraw(session, self.clerk, participant_id, withdrawn_on=on, reason=reason,
                                           expected_version=view.version)

    def participants(self, batch_id: uuid.UUID) -> list[training_participants.ParticipantView]:
        with self.db.session() as session:
            return training_participants.list_participants(session, self.clerk, batch_id)

    def participant(self, participant_id: uuid.UUID) -> training_participants.ParticipantView:
        with self.db.session() as session:
            batch_id = session.get(TrainingParticipant, participant_id).batch_id
        return next(view for view in self.participants(batch_id) if view.id == participant_id)

    def certify(self, participant_id: uuid.UUID, on: date = ISSUED) -> str:
        with self.db.session() as session:
            return certificates.issue_certificate(session, self.manager, participant_id, issued_on=on)

    def certify_all(self, batch_id: uuid.UUID, on: date = ISSUED) -> list[str]:
        with self.db.session() as session:
            return certificates.issue_all(session, self.manager, batch_id, issued_on=on)

    def events(self, action: str) -> list[AuditEvent]:
        with self.db.session() as session:
            rows = list(session.scalars(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)))
            session.expunge_all()
            return rows


def training_office(db: Database, admin: Actor) -> TrainingOffice:
    office = loan_office(db, admin)
    with db.session() as session:
        pauh = regions.add_desa(session, admin, PAUH, name="Karang Mendapo")
    return TrainingOffice(db, office, pauh.id)


def batch_with_sessions(office: TrainingOffice, days: Iterable[date] = (DAY1, DAY2, DAY3, DAY4), *,
                        rule: CompletionRule = SHARE_75, programme: str = "Pertanian Organik",
                        batch: str = "Angkatan 1") -> tuple[uuid.UUID, uuid.UUID, list[uuid.UUID]]:
    """(programme id, batch id, session ids) of a new programme with one batch and its sessions."""
    programme_id = office.programme(programme, rule)
    batch_id = office.batch(programme_id, batch)
    return programme_id, batch_id, office.sessions(batch_id, days)
