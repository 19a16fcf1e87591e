"""The trainings one member took part in, for the Anggota detail panel."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from koperasi.db.models import TrainingBatch, TrainingParticipant, TrainingProgramme
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.trainings.participants import list_participants


@dataclass(frozen=True, slots=True)
class MemberTraining:
    programme: str
    batch: str
    enrolled_on: date
    attended: int
    held: int
    completed: bool
    withdrawn: bool
    certificate_number: str  # "" when none was issued


def member_trainings(session: Session, actor: Actor, member_id: uuid.UUID) -> list[MemberTraining]:
    """Each batch the member enrolled in (as a member, not as someone's household), newest first."""
    authorize(session, actor, Permission.USE_APP)
    rows = session.execute(
        select(TrainingParticipant.id, TrainingParticipant.batch_id, TrainingBatch.name, TrainingProgramme.name)
        .join(TrainingBatch, TrainingBatch.id == TrainingParticipant.batch_id)
        .join(TrainingProgramme, TrainingProgramme.id == TrainingBatch.programme_id)
        .where(TrainingParticipant.member_id == member_id)
    ).all()
    found = []
    for participant_id, batch_id, batch_name, programme_name in rows:
        view = next(p for p in list_participants(session, actor, batch_id) if p.id == participant_id)
        found.append(
            MemberTraining(programme_name, batch_name, view.enrolled_on, view.attended, view.sessions_held, view.completed,
                           view.withdrawn_on is not None, view.certificate_number)
        )
    return sorted(found, key=lambda t: t.enrolled_on, reverse=True)
