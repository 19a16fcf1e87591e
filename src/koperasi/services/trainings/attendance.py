"""Taking attendance at a session: a checklist per participant, correctable later with an audit trail."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from koperasi.db.models import TrainingAttendance, TrainingCertificate, TrainingParticipant, TrainingSession
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.errors import NotFound, ValidationError
from koperasi.domain.roles import Actor, Permission
from koperasi.services.office import audit
from koperasi.services.access import authorize
from koperasi.services.trainings.participants import list_participants
from koperasi.services.trainings.programmes import open_batch
from koperasi.services.transaction import write
from koperasi import clock


@dataclass(frozen=True, slots=True)
class AttendanceRow:
    participant_id: uuid.UUID
    name: str
    identity: str
    present: bool | None  # None: not taken yet


def attendance_list(session: Session, actor: Actor, session_id: uuid.UUID) -> list[AttendanceRow]:
    """Everyone enrolled and not withdrawn by the session's day, with what was recorded."""
    authorize(session, actor, Permission.USE_APP)
    row = _session(session, session_id)
    marks = dict(
        session.execute(
            select(TrainingAttendance.participant_id, TrainingAttendance.present).where(TrainingAttendance.session_id == session_id)
        ).all()
    )
    return [
        AttendanceRow(person.id, person.name, person.identity, marks.get(person.id))
        for person in list_participants(session, actor, row.batch_id)
        if person.id in marks or _expected(person.enrolled_on, person.withdrawn_on, row.held_on)
    ]


def _expected(enrolled_on: date, withdrawn_on: date | None, held_on: date) -> bool:
    return enrolled_on <= held_on and (withdrawn_on is None or withdrawn_on > held_on)


def record_attendance(session: Session, actor: Actor, session_id: uuid.UUID, marks: Mapping[uuid.UUID, bool]) -> int:
    """Save the checklist; a later change to a mark is allowed and audited as a correction. Returns marks changed."""
    with write(session):
        authorize(session, actor, Permission.MANAGE_TRAININGS)
        row = _session(session, session_id)
        open_batch(session, row.batch_id)
        if row.cancelled:
            raise ValidationError("Sesi ini dibatalkan; kehadirannya tidak dicatat.")
        if row.held_on > clock.today():
            raise ValidationError("Kehadiran dicatat pada atau sesudah hari sesi.")
        if not marks:
            raise ValidationError("Tidak ada peserta untuk dicatat.")
        participants = {
            participant.id: participant
            for participant in session.scalars(select(TrainingParticipant).where(TrainingParticipant.batch_id == row.batch_id))
        }
        existing = {
            mark.participant_id: mark
            for mark in session.scalars(select(TrainingAttendance).where(TrainingAttendance.session_id == session_id))
        }
        certified = set(
            session.scalars(select(TrainingCertificate.participant_id).where(TrainingCertificate.participant_id.in_(list(marks))))
        )
        now = clock.now()
        added, corrected = [], []
        for participant_id, present in marks.items():
            participant = participants.get(participant_id)
            if participant is None:
                raise ValidationError("Daftar hadir memuat orang yang bukan peserta angkatan ini.")
            mark = existing.get(participant_id)
            if mark is None:
                if not _expected(participant.enrolled_on, participant.withdrawn_on, row.held_on):
                    raise ValidationError("Peserta yang belum terdaftar atau sudah mundur pada hari itu tidak dicatat.")
                session.add(TrainingAttendance(session_id=session_id, participant_id=participant_id, present=bool(present),
                                               recorded_by=actor.user_id, recorded_at=now))
                added.append(participant_id)
            elif mark.present != bool(present):
                if participant_id in certified and not present:
                    raise ValidationError("Kehadiran peserta yang sudah bersertifikat tidak dapat dihapus.")
                corrected.append((participant_id, mark.present))
                mark.present, mark.recorded_by, mark.recorded_at = bool(present), actor.user_id, now
        session.flush()
        if added:
            audit.record(session, actor, action=AuditAction.ATTENDANCE_RECORDED, entity="session", entity_id=session_id,
                         after={"present": sum(1 for pid in added if marks[pid]), "absent": sum(1 for pid in added if not marks[pid])})
        for participant_id, before in corrected:
            audit.record(session, actor, action=AuditAction.ATTENDANCE_CORRECTED, entity="session", entity_id=session_id,
                         before={"participant": str(participant_id), "present": before},
                         after={"participant": str(participant_id), "present": not before})
        return len(added) + len(corrected)


def _session(session: Session, session_id: uuid.UUID) -> TrainingSession:
    row = session.get(TrainingSession, session_id)
    if row is None:
        raise NotFound("Sesi pelatihan tidak ditemukan.")
    return row
